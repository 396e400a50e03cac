"""Demonyms: the country, continent or first-level region an adjective or a people's name stands for
("Russian" -> Russia, "European" -> Europe, "Texan" -> Texas)."""

from __future__ import annotations

from eventwire.geo.gazetteer import Candidate, Gazetteer

_DEMONYM_RULES = (("ian", "ia"), ("ian", "e"), ("ian", ""), ("an", "a"), ("an", "y"), ("n", ""), ("ese", "a"),
                  ("ese", ""), ("i", ""), ("ish", "ey"), ("ish", "ain"), ("ish", "and"), ("ish", "en"),
                  ("ic", "ia"), ("ean", "ea"), ("ite", ""), ("er", ""), ("an", ""), ("ish", "eland"),
                  ("", "s"))
# Demonyms of first-level regions ("Texan", "Kansan", "Ohioan", "Californian"), beyond the country rules;
# only regions of some size have one in use.
_REGION_DEMONYM_RULES = (("an", "as"), ("n", ""), ("an", ""))
_REGION_DEMONYM_POP = 1_000_000
_SHORTEST_NAME = 4


def demonym_country(word: str, gazetteer: Gazetteer) -> str | None:
    """Russian -> RU, Ukrainian -> UA, Chinese -> CN, by reversing the usual English suffixes."""
    if not word[:1].isupper():
        return None
    if (known := gazetteer.demonym(word)) is not None:
        return known
    for suffix, repl in _DEMONYM_RULES:
        base = word[: len(word) - len(suffix)] + repl
        # No country's name is as short as three letters: "Iran" is not the people of "Ira" (the initials
        # of the Islamic Republic of Afghanistan)
        if word.endswith(suffix) and len(word) > len(suffix) + 2 and len(base) >= _SHORTEST_NAME:
            country = gazetteer.country(base)
            if country is not None:
                return country.country
    return None


def demonym_place(word: str, gazetteer: Gazetteer) -> Candidate | None:
    """The country, continent or first-level region a demonym names: Russian -> Russia, European -> Europe,
    Palestinians -> the Palestinian territories, Texan -> Texas, Ohioans -> Ohio."""
    for form in (word, word[:-1]) if word.endswith("s") and len(word) > 4 else (word,):
        cc = demonym_country(form, gazetteer)
        if cc is not None:
            return gazetteer.countries().get(cc)
        for suffix, repl in (*_DEMONYM_RULES, *_REGION_DEMONYM_RULES):
            if form[:1].isupper() and form.endswith(suffix) and len(form) > len(suffix) + 2:
                base = form[: len(form) - len(suffix)] + repl
                found = next((c for c in gazetteer.candidates(base) if c.quality == 0 and (
                    c.feature == "continent" or c.feature == "admin1" and c.population >= _REGION_DEMONYM_POP)),
                    None)
                if found is not None:
                    return found
    return None

