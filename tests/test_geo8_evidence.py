"""Evidence about where an article is that does not depend on how its other names were settled: a name
only one place in the world bears, and the country of the website that published the article. Real
gazetteer, real spaCy pipeline; sentences written for these tests."""

from __future__ import annotations

from eventwire.geo import Gazetteer, places_for_doc
from eventwire.geo.site import site_country
from eventwire.nlp import parse_one
from eventwire.records.place import PlaceMention


def _mentions(text: str, gazetteer: Gazetteer, url: str | None = None) -> dict[str, PlaceMention]:
    return {m.text: m for m in places_for_doc(parse_one(text), "t", gazetteer, url)}


def test_a_small_place_that_is_the_only_one_of_its_name_is_placed(gazetteer: Gazetteer) -> None:
    # Kenyon, Minnesota (under 2,000 people) is the only place so called: nothing to mistake it for.
    m = _mentions("The village board of Kenyon voted on Tuesday to repave two streets near the school.",
                  gazetteer)["Kenyon"]
    assert m.place is not None and m.place.country == "US" and m.place.admin1 == "Minnesota", m.reason
    assert m.reason is not None and "only place of its name" in m.reason


def test_a_small_unique_place_locates_the_namesakes_beside_it(gazetteer: Gazetteer) -> None:
    # Wanamingo lies 40 km from Rochester, Minnesota; the larger Rochester is in New York.
    found = _mentions("Volunteers from Wanamingo drove to Rochester on Saturday to deliver food to the shelter.",
                      gazetteer)
    place = found["Rochester"].place
    assert place is not None and place.admin1 == "Minnesota", found["Rochester"].reason


def test_the_website_country_chooses_among_namesakes(gazetteer: Gazetteer) -> None:
    text = "Richmond council approved the new library budget on Tuesday after a long debate."
    british = _mentions(text, gazetteer, "https://www.localpaper.co.uk/news/123")["Richmond"]
    assert british.place is not None and british.place.country == "GB", british.reason
    # A generic ending says nothing: the namesakes in the US and Canada stay a tie.
    generic = _mentions(text, gazetteer, "https://www.localpaper.com/news/123")["Richmond"]
    assert generic.place is None or generic.place.country != "GB"


def test_the_website_country_does_not_override_the_text(gazetteer: Gazetteer) -> None:
    # A British site reporting from Ohio: the text's "Ohio" puts Columbus there.
    m = _mentions("Flooding closed roads in Columbus, Ohio, on Monday, officials said.", gazetteer,
                  "https://www.worldnews.co.uk/story/9")["Columbus"]
    assert m.place is not None and m.place.admin1 == "Ohio", m.reason


def test_site_country_reads_country_code_endings_only() -> None:
    assert site_country("https://www.thisisoxfordshire.co.uk/news/1") == "GB"
    assert site_country("http://www.dailystar.com.lb/article.asp?x=1") == "LB"
    assert site_country("www.nzherald.co.nz") == "NZ"
    assert site_country("https://www.latimes.com/local") is None
    assert site_country("https://example.org") is None
    assert site_country("https://channel.tv/x") is None  # sold as a generic ending
    assert site_country(None) is None
    assert site_country("not a url") is None


def test_a_far_village_backed_by_its_country_alone_does_not_beat_a_known_city(gazetteer: Gazetteer) -> None:
    # Dandenong is a town near Melbourne; a Charleston in Australia is a village of a few hundred people
    # 700 km away, while Charleston, South Carolina, is a city of over 100,000.
    text = "A body was found in a parked car in Charleston on Sunday. Detectives from Dandenong were called in."
    m = _mentions(text, gazetteer)["Charleston"]
    assert m.place is None or (m.place.population or 0) >= 100_000, m.reason


def test_a_village_near_the_articles_other_places_keeps_its_reading(gazetteer: Gazetteer) -> None:
    # Glenelg lies beside the Australian Charleston: the two places back each other.
    text = "A body was found in a parked car in Charleston on Sunday, and Glenelg police were called to a second scene."
    m = _mentions(text, gazetteer)["Charleston"]
    assert m.place is not None and m.place.country == "AU", m.reason


def test_a_state_the_article_names_by_its_abbreviation_is_what_its_full_name_means(gazetteer: Gazetteer) -> None:
    # "Wash." names the state; the capital elsewhere is the larger reading of "Washington" alone.
    text = "The measure passed in Wash. on Tuesday, and Washington now joins Oregon in banning the pesticide."
    m = _mentions(text, gazetteer)["Washington"]
    assert m.place is not None and m.place.feature == "admin1" and m.place.admin1 == "Washington", m.reason
    alone = _mentions("Senators met in Washington on Friday to discuss the budget.", gazetteer)["Washington"]
    assert alone.place is not None and alone.place.feature == "capital", alone.reason


def test_a_township_is_the_place_it_is_named_after_in_the_articles_area(gazetteer: Gazetteer) -> None:
    # Pine Island is a town in Minnesota, beside Zumbrota, and a village in Texas.
    found = _mentions("Officials in Pine Island Township, near Zumbrota, said the road will reopen on Monday.",
                      gazetteer)
    place = found["Pine Island Township"].place
    assert place is not None and place.admin1 == "Minnesota" and place.precision == 2, found["Pine Island Township"]


def test_a_township_named_like_places_elsewhere_is_refused_with_a_reason(gazetteer: Gazetteer) -> None:
    # Jacksons lie in many states; nothing in the sentence says which one's township this is.
    m = _mentions("Officials in Jackson Township said the road will reopen on Monday.", gazetteer)["Jackson Township"]
    assert m.place is None and m.reason is not None and "township" in m.reason


def test_township_names() -> None:
    from eventwire.geo.townships import township_name

    assert township_name("Jackson Township") == "Jackson"
    assert township_name("West Chester Twp.") == "West Chester"
    assert township_name("Town of Groton") == "Groton"
    assert township_name("Clinton Charter Township") == "Clinton"
    assert township_name("Springfield") is None


def test_a_town_just_outside_a_county_the_article_names_is_backed_by_it(gazetteer: Gazetteer) -> None:
    from eventwire.geo import colocation

    # Augusta, Georgia, lies in Richmond County, 26 km from the middle of Columbia County, Georgia; the
    # other Columbia Counties and Augustas (Maine, Kansas, ...) lie far apart.
    towns = [c for c in gazetteer.candidates("Augusta") if not c.is_region]
    counties = [c for c in gazetteer.candidates("Columbia County") if c.feature == "admin2"]
    support = colocation.support({"augusta": towns, "columbia county": counties})
    backed = {c.admin1_code for c in towns if support.get(("augusta", c.id))}
    assert backed == {"US.GA"}
    # Across a state line the county says nothing: Columbus, Georgia, beside Russell County, Alabama.
    towns = [c for c in gazetteer.candidates("Columbus") if not c.is_region]
    counties = [c for c in gazetteer.candidates("Russell County") if c.feature == "admin2"]
    support = colocation.support({"columbus": towns, "russell county": counties})
    assert not any(support.get(("columbus", c.id)) for c in towns)


def test_a_county_named_without_its_generic_word_is_the_county(gazetteer: Gazetteer) -> None:
    # No place is called "Cuyahoga"; the county is stored as "Cuyahoga County".
    m = _mentions("Voters in Cuyahoga approved the school levy on Tuesday, election officials said.",
                  gazetteer)["Cuyahoga"]
    assert m.place is not None and m.place.feature == "admin2" and m.place.admin1 == "Ohio", m.reason


def test_a_state_abbreviation_without_its_full_stop_is_the_state(gazetteer: Gazetteer) -> None:
    m = _mentions("The senator, who lives in Calif, said the bill would pass.", gazetteer)["Calif"]
    assert m.place is not None and m.place.feature == "admin1" and m.place.admin1 == "California", m.reason


def test_a_county_written_as_co_is_the_county_when_the_span_is_given(gazetteer: Gazetteer) -> None:
    # The mention finder stops before "Co."; a span given whole (as the evaluation's gold spans are) reads it.
    from eventwire.geo.resolve import resolve_mentions
    from eventwire.geo.toponyms import found_for_span

    text = "The fair in Woodbury Co. opens on Friday, organisers said."
    start = text.index("Woodbury")
    found = found_for_span(parse_one(text), start, start + len("Woodbury Co."))
    assert found is not None
    [m] = resolve_mentions([found], "t", gazetteer)
    assert m.place is not None and m.place.feature == "admin2" and m.place.name == "Woodbury County", m.reason
