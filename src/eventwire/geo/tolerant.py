"""Tolerant matching of romanised Ukrainian names: the Russian-language forms and older transliterations
that reports use ("Rabotino" for Robotyne, "Umanskoye" for Umanske, "Avdeevka" for Avdiivka).

Two steps, strictest first: Russian endings mapped to Ukrainian ones and looked up exactly; then a
consonant skeleton (vowels and soft signs dropped, kh/h/g and ts/ch/c merged) compared inside one region,
or across Ukraine only when exactly one place has that skeleton. Matches count as spelling variants.

Arabic names have their own variants, tried where a name is in no gazetteer as written: the ending -a/-ah
and the article ("Hodeidah" for Hodeida, "Qamishli" for Al Qamishli; `names.arabic_variants`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from eventwire.geo.gazetteer import Candidate, Gazetteer, file_stamp, kept_beside
from eventwire.geo.names import arabic_variants, name_key

# Russian adjective and noun endings -> the Ukrainian ones of the same name, on name keys.
_ENDINGS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"(?:skoye|skoe|skoje|skoie)\b"), ("ske",)),
    (re.compile(r"(?:tskoye|tskoe)\b"), ("tske",)),
    (re.compile(r"(?:noye|noe)\b"), ("ne",)),
    (re.compile(r"(?:ovo)\b"), ("ove",)),
    (re.compile(r"(?:yevo|evo)\b"), ("eve", "ieve")),
    (re.compile(r"ino\b"), ("yne", "ine")),
    (re.compile(r"(?:yevka|evka)\b"), ("iivka", "ivka")),
    (re.compile(r"ovka\b"), ("ivka",)),
    (re.compile(r"(?:iy|yy|ij)\b"), ("yi", "ii")),
    (re.compile(r"aya\b"), ("a",)),
)
_DIGRAPHS = (("shch", "s"), ("sch", "s"), ("kh", "h"), ("zh", "z"), ("ch", "c"), ("sh", "s"), ("ts", "c"),
             ("tz", "c"), ("g", "h"), ("w", "v"), ("j", ""), ("x", "ks"))
_VOWEL_CLASS = str.maketrans({"a": "A", "o": "A", "e": "I", "i": "I", "y": "I", "u": "U"})
_MIN_SKELETON = 4
_INDEX_VERSION = 1  # bump when `skeleton` changes
# Skeleton indexes per region are built from these features; regions are never matched tolerantly.


def ukrainian_keys(key: str) -> set[str]:
    """Keys of the Ukrainian forms a Russian-form key may stand for (never the key itself)."""
    out: set[str] = set()
    for pattern, repls in _ENDINGS:
        if pattern.search(key):
            out.update(pattern.sub(r, key) for r in repls)
    out.discard(key)
    return out


def skeleton(key: str) -> str:
    """Consonants kept, vowels reduced to three classes (a/o, e/i/y, u) and a final vowel dropped:
    Rabotino and Robotyne meet, Karachun and Kurytsyne do not."""
    s = key.replace(" ", "")
    for a, b in _DIGRAPHS:
        if a in s:
            s = s.replace(a, b)
    s = _VOWEL_RUN.sub(r"\1", s)  # a vowel run counts as its first vowel: ia, ie, ii
    s = _DOUBLE.sub(r"\1", s.translate(_VOWEL_CLASS))
    return s.rstrip("AIU")


_VOWEL_RUN = re.compile(r"([aeiouy])[aeiouy]+")
_DOUBLE = re.compile(r"(.)\1+")
_PLAIN = re.compile(r"^[A-Za-z ]+$")


def _key(name: str) -> str:
    """name_key, without its Unicode work for the plain ASCII names that most rows have."""
    return name.lower() if _PLAIN.match(name) else name_key(name)


def _index(gazetteer: Gazetteer, code: str) -> dict[str, list[Candidate]]:
    cache = gazetteer.derived.setdefault("skeletons", {})
    assert isinstance(cache, dict)
    found = cache.get(code)
    if found is None:
        found = {}
        for c in gazetteer.places_in(code):
            found.setdefault(skeleton(_key(c.name)), []).append(c)
        cache[code] = found
    return found


def _as_variant(cands: list[Candidate]) -> list[Candidate]:
    return [replace(c, quality=2) for c in cands]


def by_russian_form(gazetteer: Gazetteer, name: str) -> list[Candidate]:
    out: dict[int, Candidate] = {}
    for key in ukrainian_keys(name_key(name)):
        for c in gazetteer.candidates_for_key(key):
            out.setdefault(c.id, c)
    return _as_variant(list(out.values()))


def by_arabic_form(gazetteer: Gazetteer, name: str) -> list[Candidate]:
    """Places under another romanisation of an Arabic name, as alternate-name matches."""
    return [replace(c, quality=max(c.quality, 1)) for key in arabic_variants(name_key(name))
            for c in gazetteer.candidates_for_key(key)]


def in_region(gazetteer: Gazetteer, name: str, code: str) -> list[Candidate]:
    """Settlements of one region whose name this one is a spelling of."""
    found = [c for c in by_russian_form(gazetteer, name) if c.admin1_code == code and not c.is_region]
    if found:
        return found
    index = _index(gazetteer, code)
    hits: dict[int, Candidate] = {}
    for key in _keys(name):
        if len(sk := skeleton(key)) >= _MIN_SKELETON:
            hits.update((c.id, c) for c in index.get(sk, []))
    return _as_variant(list(hits.values()))


def _keys(name: str) -> set[str]:
    key = name_key(name)
    return {key, *ukrainian_keys(key)}


# How Ukrainian and Russian place names end, in either romanisation: only such a name is matched
# tolerantly without a region ("Rabotino"), never a surname or a word ("Bogomaz", "Centre").
_PLACE_ENDING = re.compile(r"(?:ka|ovo|evo|ino|yne|ine|ske|skoye|skoe|tske|tskoye|ne|noye|noe|ove|eve|sk|"
                           r"hrad|grad|pil|pol|ivtsi|ovtsy|tsi|ychi|ichi|ia|ye)$")


def known_spelling(gazetteer: Gazetteer, name: str) -> bool:
    """A capitalised name that the gazetteer lacks but that spells one Ukrainian settlement."""
    return bool(in_ukraine(gazetteer, name))


def in_ukraine(gazetteer: Gazetteer, name: str) -> list[Candidate]:
    """The one Ukrainian settlement whose name this one is a spelling of, if exactly one."""
    if not _PLACE_ENDING.search(name_key(name)) or not name[:1].isupper() or name.isupper():
        return []
    found = [c for c in by_russian_form(gazetteer, name) if c.country == "UA" and not c.is_region]
    if found:
        return found
    index = _ukraine_index(gazetteer)
    hits = {pid for key in _keys(name) if len(sk := skeleton(key)) > _MIN_SKELETON for pid in index.get(sk, [])}
    if len(hits) != 1:
        return []
    place = gazetteer.place(hits.pop())
    return _as_variant([place]) if place is not None else []


def _ukraine_index(gazetteer: Gazetteer) -> dict[str, list[int]]:
    """Skeleton -> ids of Ukrainian settlements. Building it reads 30,000 rows (about a second), so it is
    kept beside the gazetteer file and rebuilt only for another gazetteer file."""
    cached = gazetteer.derived.get("ua_skeletons")
    if isinstance(cached, dict):
        return cached

    def build() -> dict[str, list[int]]:
        index: dict[str, list[int]] = {}
        for region in gazetteer.admin1_rows(("UA",)):
            for c in gazetteer.places_in(region.admin1_code or ""):
                index.setdefault(skeleton(_key(c.name)), []).append(c.id)
        return index

    index = kept_beside(gazetteer, f"skeletons-v{_INDEX_VERSION}", file_stamp(gazetteer.path), build)
    gazetteer.derived["ua_skeletons"] = index
    return index
