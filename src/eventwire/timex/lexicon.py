"""Words and regular-expression fragments for English time expressions (no work at import time)."""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
# TIMEX3 part-of-day codes (TimeML 1.2 guidelines).
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "midday": "MI", "noon": "MI",
}
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
UNITS: dict[str, str] = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "fortnight": "F", "month": "M",
    "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE", "centurie": "CE",
}
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}
SMALL_NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "dozen": 12,
    "a dozen": 12, "a couple of": 2, "a couple": 2, "couple of": 2, "hundred": 100, "a hundred": 100,
    "half a": 0, "half an": 0,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
FUZZY_NUMBERS = ("several", "a few", "few", "many", "some", "numerous", "a number of", "the past few",
                 "a couple more", "recent", "coming", "the coming")

# Regex fragments. Callers compile them once, lazily (see `tagger._rules`).
MONTH_RE = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
            r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)")
WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
PART_RE = r"(?:morning|afternoon|evening|night)"
SEASON_RE = r"(?:spring|summer|fall|autumn|winter)"
_UNITS_SG = r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|century)"
UNIT_RE = rf"(?:{_UNITS_SG}s?|centuries)"
_DIGIT_NUM = r"\d+(?:[.,]\d+)?(?:\s+\d/\d)?"
_TEN_WORDS = "|".join(TENS)
_SMALL_WORDS = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
                r"|fifteen|sixteen|seventeen|eighteen|nineteen")
NUMBER_RE = (rf"(?:{_DIGIT_NUM}|(?:{_TEN_WORDS})(?:[-\s](?:{_SMALL_WORDS}))?|{_SMALL_WORDS}"
             r"|a\s+couple\s+of|a\s+dozen|a\s+hundred|half\s+an?|an?|several|a\s+few|few|many|some"
             r"|numerous|a\s+number\s+of)")
DAY_NUM_RE = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR_RE = r"(?:1[6-9]\d\d|20\d\d)"
# Words that make a bare expression look forward in time ("will meet on Monday").
FUTURE_CUES_RE = (r"\b(?:will|'ll|shall|going\s+to|(?:is|are)\s+(?:due|set|expected|planning)|expects?\s+to"
                  r"|expected\s+to|set\s+(?:for|to)|scheduled|due\s+in|plans?\s+to|planned\s+to|planning"
                  r"|intends?\s+to|aims?\s+to|is\s+to|are\s+to|upcoming|to\s+be\s+held|next|would|until"
                  r"|postponed|deadline|as\s+early\s+as|as\s+soon\s+as|effective)\b")
# Past cues: the strong ones outweigh a forward cue ("had been scheduled to expire Friday" is over);
# the weak ones only decide when nothing looks forward.
STRONG_PAST_CUES_RE = r"\b(?:previously|had\s+been|ago|ended)\b"
PAST_CUES_RE = r"\b(?:had|was|were|did|since)\b"
# Modifiers TimeML keeps inside a TIMEX3 ("at least 72 hours", "nearly two years").
# TempEval's annotators leave "about", "only", "just", "roughly" outside the expression.
APPROX_RE = r"(?:(?:more|less|fewer)\s+than|at\s+least|at\s+most|nearly|almost|over|up\s+to)"


def parse_number(words: str) -> int | None:
    """The integer a number phrase says, or None when it is vague ("several", "a few")."""
    w = " ".join(words.lower().replace("-", " ").split())
    if w in SMALL_NUMBERS:
        return SMALL_NUMBERS[w]
    if any(w == f for f in FUZZY_NUMBERS):
        return None
    digits = w.replace(",", "")
    if digits.replace(".", "", 1).isdigit():
        return round(float(digits)) if "." in digits else int(digits)
    parts = w.split()
    if parts and parts[0] in TENS:
        return TENS[parts[0]] + (SMALL_NUMBERS.get(parts[1], 0) if len(parts) > 1 else 0)
    return None


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]
