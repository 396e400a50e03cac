"""The names users write for Ukraine's oblasts and Russia's regions, to their first-level region.

The gazetteer stores regions under their official names ("Donetska oblast", "Belgorodskaya oblast'"), but
reports write "Donetsk", "Donetsk region", "the DPR", "Zaporozhye" or "Belgorod oblast". This index maps
every such form to the admin-1 row, so that a region named after a settlement ("Bakhmut, Donetsk") is read
as the container it is, never as a town of that name.
"""

from __future__ import annotations

import re

from eventwire.geo.gazetteer import Candidate, Gazetteer
from eventwire.geo.names import name_key, romanize_cyrillic, variant_keys

# Ukrainian oblasts by GeoNames admin-1 code: their short English names, older and Russian-based spellings
# that the systematic rules in `names.variant_keys` do not reach, and the occupation-era names.
UA_OBLASTS: dict[str, tuple[str, ...]] = {
    "UA.01": ("Cherkasy", "Cherkasy", "Cherkassy", "Cherkaska"),
    "UA.02": ("Chernihiv", "Chernigov", "Chernihivska"),
    "UA.03": ("Chernivtsi", "Chernovtsy", "Chernivetska", "Bukovina"),
    "UA.04": ("Dnipropetrovsk", "Dnipro", "Dnepropetrovsk", "Dnipropetrovska", "Dnipropetrovske"),
    "UA.05": ("Donetsk", "Donetska", "Donetskaya", "Donetsk People's Republic", "Donetsk People’s Republic",
              "DPR", "DNR", "Donbas", "Donbass"),
    "UA.06": ("Ivano-Frankivsk", "Ivano-Frankovsk", "Ivano-Frankivska"),
    "UA.07": ("Kharkiv", "Kharkov", "Kharkivska", "Kharkovskaya", "Kharkivshchyna"),
    "UA.08": ("Kherson", "Khersonska", "Khersonskaya", "Khersonshchyna"),
    "UA.09": ("Khmelnytskyi", "Khmelnytsky", "Khmelnitsky", "Khmelnytska"),
    "UA.10": ("Kirovohrad", "Kirovograd", "Kropyvnytskyi", "Kirovohradska"),
    "UA.11": ("Crimea", "Krym", "Republic of Crimea", "Autonomous Republic of Crimea", "Crimean peninsula"),
    "UA.13": ("Kyiv", "Kiev", "Kyivska", "Kyivshchyna"),
    "UA.14": ("Luhansk", "Lugansk", "Luhanska", "Luganskaya", "Luhansk People's Republic",
              "Luhansk People’s Republic", "Lugansk People's Republic", "LPR", "LNR"),
    "UA.15": ("Lviv", "Lvov", "Lvivska"),
    "UA.16": ("Mykolaiv", "Nikolaev", "Nikolayev", "Mykolayiv", "Mykolaivska", "Nikolaevskaya"),
    "UA.17": ("Odesa", "Odessa", "Odeska", "Odesskaya", "Odeshchyna"),
    "UA.18": ("Poltava", "Poltavska", "Poltavshchyna"),
    "UA.19": ("Rivne", "Rovno", "Rivnenska"),
    "UA.20": ("Sevastopol",),
    "UA.21": ("Sumy", "Sumska", "Sumskaya", "Sumshchyna"),
    "UA.22": ("Ternopil", "Ternopol", "Ternopilska"),
    "UA.23": ("Vinnytsia", "Vinnitsa", "Vinnytsya", "Vinnytska"),
    "UA.24": ("Volyn", "Volhynia", "Volynska"),
    "UA.25": ("Zakarpattia", "Transcarpathia", "Zakarpatska", "Zakarpattya"),
    "UA.26": ("Zaporizhzhia", "Zaporizhia", "Zaporizhzhya", "Zaporozhye", "Zaporozhzhia", "Zaporozhie",
              "Zaporizka", "Zaporozhskaya"),
    "UA.27": ("Zhytomyr", "Zhitomir", "Zhytomyrska"),
}
# "Kyiv" alone is the city; only "Kyiv region/oblast" is the oblast around it.
_CITY_FIRST = {"kyiv", "kiev", "sevastopol"}
# Written after a region's name; "X, Y" needs none of them.
REGION_SUFFIXES = ("oblast", "oblasti", "region", "province", "regional", "area", "krai", "kray", "republic")
_RU_ADJECTIVE = re.compile(r"(?:aya|iy)$")
# Regions whose capital does not share their stem, or is a region of its own (Moscow).
RU_EXTRA = {"RU.47": ("Moscow",), "RU.42": ("Leningrad",), "RU.51": ("Nizhny Novgorod",), "RU.61": ("Rostov",),
            "RU.56": ("Oryol", "Orel")}
_RU_PREFIX = 4
_CYRILLIC = re.compile(r"[а-яіїєґё]", re.IGNORECASE)
_G_FOR_H = re.compile(r"(?<![kzcs])h")  # Russian г is g: Belhorod -> Belgorod


def _ru_short_names(gazetteer: Gazetteer, row: Candidate) -> set[str]:
    """"Belgorodskaya oblast'" -> Belgorod, through the largest city of the region whose name shares its
    stem, so that "Kurskaya" gives Kursk and "Kaluzhskaya" Kaluga without a table."""
    stem = name_key(row.name.split(" ")[0].split(",")[0])
    stem = _RU_ADJECTIVE.sub("", stem)
    if len(stem) < _RU_PREFIX:
        return set()
    for city in gazetteer.places_in(row.admin1_code or "", ("city", "capital"))[:20]:
        if name_key(city.name)[:_RU_PREFIX] == stem[:_RU_PREFIX]:
            return {name_key(city.name)}
    return set()


def build_aliases(gazetteer: Gazetteer) -> dict[str, Candidate]:
    """Name key (with and without a region word) -> the admin-1 row it names, for UA and RU."""
    rows = gazetteer.admin1_rows(("UA", "RU"))
    by_code = {c.admin1_code: c for c in rows if c.admin1_code}
    out: dict[str, Candidate] = {}
    bare: dict[str, Candidate] = {}
    for code, names in UA_OBLASTS.items():
        row = by_code.get(code)
        if row is None:
            continue
        for name in names:
            key = name_key(name)
            for k in (key, *variant_keys(key)):
                bare.setdefault(k, row)
    for code, names in RU_EXTRA.items():
        if (row := by_code.get(code)) is not None:
            for suffix in REGION_SUFFIXES:
                out.update({f"{name_key(n)} {suffix}": row for n in names})
    for row in rows:
        if row.country == "RU":
            for k in _ru_short_names(gazetteer, row):
                bare.setdefault(k, row)
        bare.setdefault(name_key(row.name), row)
    for key, row in bare.items():
        out.setdefault(key, row)
        for suffix in REGION_SUFFIXES:
            out.setdefault(f"{key} {suffix}", row)
    kyiv_oblast = by_code.get("UA.13")
    if kyiv_oblast is not None:
        for k in ("kyiv", "kiev"):
            for suffix in REGION_SUFFIXES:
                out[f"{k} {suffix}"] = kyiv_oblast
    return out


def region_alias(gazetteer: Gazetteer, text: str) -> Candidate | None:
    """The UA or RU first-level region this text names ("Donetsk", "Zaporozhye region", "the DPR"), if any.
    "Kyiv" and "Sevastopol" alone are the cities; with "region" or "oblast" they are regions."""
    aliases = gazetteer.region_aliases()
    if _CYRILLIC.search(text):  # "Донецкая область", "Запорожье": through the romanisations
        for latin in romanize_cyrillic(text):
            key = name_key(latin.replace("ia", "ya").replace("zhe", "zhye"))
            found = aliases.get(key) or aliases.get(_G_FOR_H.sub("g", key))
            if found is not None and key not in _CITY_FIRST:
                return found
        return None
    key = name_key(text.removeprefix("the ").removeprefix("The "))
    key = re.sub(r"\s+s$", "", key)  # "Russia's" keyed as "russias" is handled by the caller; "Donetsk's"
    found = aliases.get(key)
    if found is None or (key in _CITY_FIRST and found.admin1_code != "UA.20"):
        return None
    return found


# Regions that hold another first-level unit: Crimea holds Sevastopol ("Sevastopol, Crimea")
_HOLDS = {"UA.11": frozenset({"UA.20"})}


def in_container(admin1_code: str | None, container: str) -> bool:
    """Does a place of this admin-1 code lie in the region the text names as its container?"""
    return admin1_code == container or admin1_code in _HOLDS.get(container, frozenset())


def is_city_first(text: str) -> bool:
    return name_key(text) in _CITY_FIRST
