"""Names listed with regions are regions; a region that is nearly its whole country names only the country.
On the real gazetteer and spaCy pipeline."""

from __future__ import annotations

from eventwire.geo import Gazetteer
from tests.conftest import place_mentions as _mentions


def test_a_name_listed_among_states_is_the_state(gazetteer: Gazetteer) -> None:
    found = _mentions("Cases of the illness have been confirmed in Missouri, New York, North Carolina and Virginia, "
                      "and health officials in Oregon, Washington and Idaho are testing samples.", gazetteer)
    for name in ("New York", "Washington"):
        state = found[name].place
        assert state is not None and (state.country, state.precision) == ("US", 3), name
        assert "listed with other regions" in found[name].reason


def test_a_country_listed_among_another_countrys_states_is_the_state(gazetteer: Gazetteer) -> None:
    state = _mentions("The strain was identified in a group of states including Georgia, Oklahoma, Pennsylvania "
                      "and Wisconsin.", gazetteer)["Georgia"].place
    assert state is not None and (state.country, state.precision) == ("US", 3)
    country = _mentions("Georgia and Armenia reported no cases.", gazetteer)["Georgia"].place
    assert country is not None and country.country == "GE"


def test_a_city_listed_with_cities_or_written_with_its_district_stays_the_city(gazetteer: Gazetteer) -> None:
    found = _mentions("The airline flies between New York and Atlanta, and its chief executive lives in "
                      "Washington, D.C., officials said.", gazetteer)
    city, capital = found["New York"].place, found["Washington"].place
    assert city is not None and (city.name, city.precision) == ("New York City", 1)
    assert capital is not None and (capital.country, capital.precision) == ("US", 1)
    assert abs(capital.lat - 38.9) < 0.2 and abs(capital.lon + 77.04) < 0.2


def test_naming_england_backs_no_english_town_over_the_us_capital(gazetteer: Gazetteer) -> None:
    """England is nearly all of the United Kingdom: naming it backs the country, not every English town as
    a region would (Washington, Tyne and Wear)."""
    found = _mentions("U.S. officials said the disputes between Washington and Moscow came from no hostile intent. "
                      "The United States and Russia will meet again next month. The U.S. envoy spoke at a forum "
                      "in London, England.", gazetteer)
    capital = found["Washington"].place
    assert capital is not None and capital.country == "US" and abs(capital.lat - 38.9) < 0.2
    england = found["England"].place
    assert england is not None and (england.country, england.precision) == ("GB", 3)
