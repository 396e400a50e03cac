"""Name keys and Ukrainian romanisation.

Every name that goes into the gazetteer, and every span looked up in it, passes through `name_key`, so
"Kam’ianka", "Kam'ianka" and "KAMIANKA" meet on one indexed key.
"""

from __future__ import annotations

import re
import unicodedata

# All the marks that stand for an apostrophe in Ukrainian names, in English text or in GeoNames.
_APOSTROPHES = "'’ʼ‘`´ʹ′"
_DROP = str.maketrans({c: "" for c in _APOSTROPHES})
_SEPARATORS = re.compile(r"[\s\-‐‑–—_/,]+")
_NOT_KEY = re.compile(r"[^0-9a-zа-яіїєґё ]")


def strip_diacritics(text: str) -> str:
    """Latin letters lose their accents; Cyrillic й/ї/ё keep theirs, as they are different letters."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if "a" <= ch.lower() <= "z" or ch.isascii():
            out.append(ch)
            continue
        base = unicodedata.normalize("NFD", ch)
        if base[0].isascii():
            out.append(base[0])
        else:
            out.append(ch)
    return "".join(out)


def name_key(text: str) -> str:
    """The lookup key: casefolded, without accents or apostrophes, separators collapsed to one space."""
    text = strip_diacritics(text).casefold().translate(_DROP).replace(".", "")
    text = text.replace("ß", "ss").replace("ø", "o").replace("æ", "ae").replace("ł", "l").replace("đ", "d")
    text = _SEPARATORS.sub(" ", text)
    return _NOT_KEY.sub("", text).strip()


def nested(a: str, b: str) -> bool:
    """One name key is the other, or lies inside it word by word: "dublin" in "dublin city council"."""
    return f" {a} " in f" {b} " or f" {b} " in f" {a} "


_ABBREVIATION = re.compile(r"^(?:[A-Z][a-z]{0,4}\.\s?)+$")


def abbreviation_key(text: str) -> str | None:
    """The key of a dotted abbreviation ("Ind.", "W.Va.", "D.C."), which keeps its dots: without them
    "Ind." and "Miss." would be the words "ind" and "miss". None for anything else."""
    text = text.strip()
    return text.replace(" ", "").casefold() if _ABBREVIATION.match(text) else None


# Ukraine's official romanisation (Cabinet of Ministers resolution 55 of 27 January 2010).
# Є Ї Й Ю Я are written differently at the start of a word; ь and the apostrophe are dropped.
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_UK = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh", "з": "z",
    "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "ы": "y", "э": "e", "ё": "io", "ъ": "",
}


def romanize_uk(text: str) -> str:
    """Romanise a Ukrainian name by the 2010 national system: Кремінна Балка -> Kreminna Balka."""
    out: list[str] = []
    word_start = True
    for i, ch in enumerate(text):
        low = ch.lower()
        if low in _APOSTROPHES:
            continue
        if low not in _UK:
            out.append(ch)
            word_start = not ch.isalpha()
            continue
        if low == "г" and i > 0 and text[i - 1].lower() == "з":
            latin = "gh"  # зг is written zgh so that it is not read as ж
        else:
            latin = _UK_INITIAL[low] if word_start and low in _UK_INITIAL else _UK[low]
        if ch.isupper() and latin:
            latin = latin.upper() if (i + 1 < len(text) and text[i + 1].isupper()) else latin.capitalize()
        out.append(latin)
        word_start = False
    return "".join(out)


_RU_TO_UK = str.maketrans({"и": "і", "ы": "и", "э": "е", "ё": "е", "И": "І", "Ы": "И", "Э": "Е", "Ё": "Е"})


def romanize_cyrillic(text: str) -> list[str]:
    """Latin readings of a Cyrillic name: as Ukrainian, and, when it has no letter only Ukrainian has, as
    Russian read with Ukrainian letters (Работино -> Rabotino, Угледар -> Uhledar)."""
    out = [romanize_uk(text)]
    if not any(ch in "іїєґІЇЄҐ" for ch in text):
        out.append(romanize_uk(text.translate(_RU_TO_UK)))
    return list(dict.fromkeys(out))


# Spellings that English-language media took from Russian-based or older romanisations of Ukrainian
# names differ from the official one in a few systematic ways; each rule maps an official key to the
# older spelling. They are applied to keys, so they only ever add lookups, never change a stored name.
_VARIANT_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<=[bcdfghklmnprstvz])i(?=[aueo])"), "y"),  # Kupiansk -> Kupyansk, Mariupol stays
    (re.compile(r"yi\b"), "y"),  # Khmelnytskyi -> Khmelnytsky
    (re.compile(r"ii\b"), "iy"),  # Synelnykovii -> ...iy
    (re.compile(r"iv\b"), "ov"),  # Kharkiv -> Kharkov, Chernihiv -> Chernihov
    (re.compile(r"\bkyiv\b"), "kiev"),
    (re.compile(r"(?<![kzcsg])h"), "g"),  # Horlivka -> Gorlivka (Russian г is g)
    (re.compile(r"(?<=[aeiouy])s(?=[aeiouy])"), "ss"),  # Odesa -> Odessa
)


def variant_keys(key: str) -> set[str]:
    """Older or Russian-based spellings of an official romanised key (never including the key itself).

    Rules are applied cumulatively in order, and each alone, so that both "Kupyansk" and "Kharkov"
    are reachable without producing every combination."""
    out: set[str] = set()
    cumulative = key
    for pattern, repl in _VARIANT_RULES:
        alone = pattern.sub(repl, key)
        out.add(alone)
        cumulative = pattern.sub(repl, cumulative)
        out.add(cumulative)
    out.discard(key)
    return {k for k in out if k}


def common_prefix(a: str, b: str) -> int:
    """How many leading characters two keys share."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ed|er|es|et) ")


def arabic_variants(key: str) -> list[str]:
    """Other romanisations of an Arabic name's key, for names the gazetteer lacks as written: the ending
    -a/-ah ("Hodeidah" for Hodeida, "Kabkabiya" for Kabkabiyah) and the article ("Qamishli" for Al
    Qamishli). Never the key itself."""
    bare = _ARTICLE.sub("", key)
    stems = [bare] if bare != key else [key, f"al {key}", f"el {key}"]
    out: list[str] = []
    for stem in stems:
        out.append(stem)
        if re.search(r"[aei]h$", stem):
            out.append(stem[:-1])
        elif stem.endswith(("a", "e", "i")):
            out.append(stem + "h")
    return [k for k in dict.fromkeys(out) if k != key and len(k) >= 4]
