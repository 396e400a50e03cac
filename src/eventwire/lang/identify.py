"""Which language an article is in: the declared `language` when there is one, else a guess.

English, Ukrainian and Russian are read; anything else is rejected with one line saying so. The guess
uses the writing system first (Han, Arabic, ... are never one of ours), the letters that only one of
Ukrainian and Russian has, and then lingua (Apache-2.0, low-accuracy mode: trigram models only, loaded
lazily) among a fixed set of languages, so that French or Polish is named rather than read as English.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache
from typing import Any

SUPPORTED = ("en", "uk", "ru")
_ALIASES = {
    "eng": "en", "english": "en", "ukr": "uk", "ukrainian": "uk", "ua": "uk", "українська": "uk",
    "rus": "ru", "russian": "ru", "русский": "ru",
}
_UK_ONLY = frozenset("іїєґІЇЄҐ")
_RU_ONLY = frozenset("ыэёъЫЭЁЪ")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_OTHER_LETTER = re.compile(r"[^\W\d_A-Za-z]")
_SAMPLE = 2000  # characters read: enough for a sure guess, cheap on long articles
_CONFIDENT = 0.995  # real foreign prose scores 1.0; English tables of figures can reach 0.98

def normalise(declared: str | None) -> str | None:
    """'uk-UA', 'UKR', 'Ukrainian' -> 'uk'; None or blank -> None; anything else: its primary subtag."""
    if declared is None or not declared.strip():
        return None
    code = declared.strip().lower().replace("_", "-")
    code = _ALIASES.get(code, code)
    return _ALIASES.get(code.split("-")[0], code.split("-")[0])

def unsupported_reason(code: str) -> str:
    return f"language {code} is not read; supported: {', '.join(SUPPORTED)}"

def identify(text: str, declared: str | None = None) -> str:
    """The article's language code (ISO 639-1 where known, else 'und' for no letters at all)."""
    given = normalise(declared)
    if given is not None:
        return given
    sample = text[:_SAMPLE]
    ascii_letters = len(_ASCII_LETTER.findall(sample))
    if len(_OTHER_LETTER.findall(sample)) < 0.2 * ascii_letters:  # the common case, at C speed
        return _latin(sample)
    scripts = _scripts(sample)
    if not scripts:
        return "en"  # numbers and punctuation only: nothing to read in any language, let the pipeline say so
    script, count = scripts.most_common(1)[0]
    letters = sum(scripts.values())
    if script == "CYRILLIC" and count >= 0.5 * letters:
        return _cyrillic(sample)
    if script != "LATIN" and count >= 0.5 * letters:
        return _by_script(script, sample)
    return _latin(sample)

def _scripts(text: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            counts[name.split(" ")[0] if name else "OTHER"] += 1
    return counts

def _cyrillic(text: str) -> str:
    uk = sum(ch in _UK_ONLY for ch in text)
    ru = sum(ch in _RU_ONLY for ch in text)
    if uk and uk >= 2 * ru:
        return "uk"
    if ru and ru >= 2 * uk:
        return "ru"
    guess = _lingua(text)
    return guess if guess in ("uk", "ru", "bg", "sr", "be", "mk", "kk") else ("uk" if uk >= ru else "ru")

_SCRIPT_LANG = {"CJK": "zh", "HIRAGANA": "ja", "KATAKANA": "ja", "HANGUL": "ko", "ARABIC": "ar", "HEBREW": "he",
                "GREEK": "el", "DEVANAGARI": "hi", "THAI": "th", "GEORGIAN": "ka", "ARMENIAN": "hy",
                "BENGALI": "bn", "TAMIL": "ta", "ETHIOPIC": "am"}

def _by_script(script: str, text: str) -> str:
    if script == "ARABIC":
        return _lingua(text) or "ar"  # Arabic, Persian and Urdu share the script
    return _SCRIPT_LANG.get(script, "und")

def _latin(text: str) -> str:
    """English unless lingua is sure of another language: a misread English article costs more than a
    foreign one read as English (which yields no events). Text with English function words, or too few
    words to tell (tables of earnings figures: "Shr 2.31 dlrs vs 1.96 dlrs"), is English."""
    words = [w.lower() for w in _WORD_RE.findall(text)]
    tokens = text.split()
    prose = sum(t.strip(".,;:!?()\"'«»").isalpha() for t in tokens) >= _PROSE_SHARE * len(tokens)
    if (len(words) < _MIN_WORDS or not prose
            or sum(w in _ENGLISH for w in words) >= _ENGLISH_SHARE * len(words)):
        return "en"
    guess = _lingua(text, confident=True)
    return guess if guess is not None else "en"


_WORD_RE = re.compile(r"[^\W\d_]{2,}")
_MIN_WORDS = 20
_PROSE_SHARE = 0.85  # tables and figures are not prose in any language
_ENGLISH_SHARE = 0.06
# Frequent English words that are not also frequent words of the other Latin-script languages checked.
_ENGLISH = frozenset("""the of and to is was for that with by said from has have were are will its this which
after their been they would who also but had not be""".split())

def _lingua(text: str, confident: bool = False) -> str | None:
    detector = _detector()
    if detector is None:
        return None
    values = detector.compute_language_confidence_values(text)
    if not values or (confident and values[0].value < _CONFIDENT):
        return None
    return str(values[0].language.iso_code_639_1.name).lower()

@cache
def _detector() -> Any:
    """lingua among the languages eventwire reads and the ones it is most often handed instead."""
    try:
        from lingua import Language, LanguageDetectorBuilder
    except ImportError:  # the scripts and letters above still decide; Latin text is then taken as English
        return None
    names = ("ENGLISH UKRAINIAN RUSSIAN BELARUSIAN BULGARIAN SERBIAN MACEDONIAN KAZAKH GERMAN FRENCH SPANISH "
             "ITALIAN PORTUGUESE DUTCH POLISH CZECH ROMANIAN TURKISH INDONESIAN VIETNAMESE SWEDISH "
             "ARABIC PERSIAN URDU")
    langs = [getattr(Language, n) for n in names.split()]
    return LanguageDetectorBuilder.from_languages(*langs).with_low_accuracy_mode().build()
