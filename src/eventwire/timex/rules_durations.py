"""Rules for durations ("three days", "the past two months"), sets ("daily", "every week") and the
TIMEX3 reference values PRESENT_REF / PAST_REF / FUTURE_REF ("now", "recently", "the future")."""

from __future__ import annotations

import math
import re
from datetime import timedelta

from eventwire.timex.base import Context, Reading, Rule
from eventwire.timex.lexicon import APPROX_RE, NUMBER_RE, UNIT_RE, UNITS, WEEKDAY_RE, WEEKDAYS, parse_number

_TIME_UNITS = ("S", "H")


def unit_code(word: str) -> str:
    w = word.lower()
    if w == "centuries":
        return "CE"
    return UNITS[w[:-1] if w.endswith("s") and w[:-1] in UNITS else w]


def duration_value(n: int | None, code: str, half: bool = False) -> str:
    """TIMEX3 duration: P3D, PT5H, P10Y (a decade), PXY (vague amounts), P2Y6M (2 1/2 years)."""
    if n is None:
        vague = {"S": "PTXS", "H": "PTXH", "MIN": "PTXM", "DE": "PXDE", "CE": "PXCE", "F": "PXW", "Q": "PXM"}
        return vague.get(code, f"PX{code}")
    scale = {"F": (2, "W"), "Q": (3, "M"), "DE": (10, "Y"), "CE": (100, "Y")}
    if code in scale:
        factor, code = scale[code]
        n *= factor
    if code == "MIN":
        return f"PT{n}M" + ("30S" if half else "") if n else "PT30S"
    if code == "H" and n == 0 and half:
        return "PT30M"
    if code in _TIME_UNITS:
        return f"PT{n}{code}" + ({"H": "30M", "S": ""}[code] if half else "")
    halves = {"Y": "6M", "M": "15D", "W": "3D12H", "D": "T12H"}
    if n == 0 and half:
        return {"Y": "P6M", "M": "P15D", "W": "P3DT12H", "D": "PT12H"}[code]
    return f"P{n}{code}" + (halves[code] if half else "")


def _code(unit_word: str) -> str:
    """Like `unit_code`, but minutes get their own code so PT…M is not confused with months."""
    return "MIN" if unit_word.lower().startswith("minute") else unit_code(unit_word)


_MONEY_BEFORE = re.compile(r"(?:\d|million|billion|trillion|percent|%|cents?|dollars?|euros?|pounds?|yen|"
                           r"times|barrels|tons|tonnes)\W*$", re.IGNORECASE)


def duration(m: re.Match[str], ctx: Context, _: Reading | None) -> Reading | None:
    num_text = m.group("num")
    low = " ".join(num_text.lower().split())
    unit = m.group("unit")
    if re.match(r"[\s-]+old\b", ctx.text[m.end():m.end() + 6]) or (unit.lower().startswith("quarter")
                                                                     and "-" in m.group(0)):
        return None  # an age ("a 6-year-old") or a fraction ("three-quarters"), not a duration
    if low in ("a", "an") and _MONEY_BEFORE.search(ctx.text[max(0, m.start() - 25):m.start()]):
        return Reading("SET", duration_value(1, _code(unit)), None, None, "rate: 'a year' after an amount")
    half = "1/2" in low or low.startswith("half")
    n = parse_number(low.split()[0]) if "1/2" in low else (0 if low.startswith("half") else parse_number(low))
    if n is None and not re.search(r"several|few|many|some|numerous|number", low):
        return None
    if n is not None and n > 10000:
        return None
    value = duration_value(n, _code(unit), half)
    lookback = _LOOKBACK_DAYS.get(_code(unit))
    if (lookback is None or n is None or ctx.published is None
            or not re.match(r"(?:the\s+)?(?:past|last|previous)\b", m.group(0), re.IGNORECASE)):
        return Reading("DURATION", value, None, None, "duration")
    return back_from_publication(ctx, value, math.ceil(max(n, 1) * lookback), m.group(0))


# Days a unit spans, for "the past N <unit>" counted back from publication; longer units are periods
# of their own ("the past two years" dates nothing an event coder would use).
_LOOKBACK_DAYS = {"H": 1 / 24, "D": 1.0, "W": 7.0}


def back_from_publication(ctx: Context, value: str, days: int, words: str) -> Reading:
    """"over the past 24 hours", "in the last three days": a duration that ends at publication, so its
    interval (not its TIMEX3 value) can date what happened in it."""
    assert ctx.published is not None
    start = ctx.published - timedelta(days=days)
    return Reading("DURATION", value, start, ctx.published,
                   f"range: '{' '.join(words.split())}' back from publication")


def past_day(m: re.Match[str], ctx: Context, _: Reading | None) -> Reading | None:
    """"over the past day": the day before publication up to it (daily war reports)."""
    if ctx.word_before(m.start()) not in ("over", "in", "during", "within"):
        return None
    if ctx.published is None:
        return Reading("DURATION", "P1D", None, None, "duration")
    return back_from_publication(ctx, "P1D", 1, m.group(0))


def vague_duration(m: re.Match[str], ctx: Context, _: Reading | None) -> Reading | None:
    if m.group("lead") is None and ctx.word_before(m.start()) not in (
            "for", "in", "within", "over", "after", "took", "lasted", "last", "than", "of", "the"):
        return None
    if m.group("lead") and "recent" in m.group("lead").lower() and m.group("unit").lower() == "years":
        return Reading("DATE", "PAST_REF", None, None, "'recent years' (TimeML: a past reference)")
    return Reading("DURATION", duration_value(None, _code(m.group("unit"))), None, None, "vague duration")


def frequency(m: re.Match[str], _ctx: Context, _a: Reading | None) -> Reading | None:
    word = m.group(0).lower()
    adverbs = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
               "quarterly": "P3M", "nightly": "P1D", "hourly": "PT1H", "biweekly": "P2W"}
    if word in adverbs:
        return Reading("SET", adverbs[word], None, None, "frequency adverb")
    wd = m.group("wd")
    if wd:
        return Reading("SET", f"XXXX-WXX-{WEEKDAYS[wd.lower()] + 1}", None, None, "every weekday")
    unit = m.group("unit")
    if unit.lower() in ("morning", "night", "evening", "afternoon"):
        return Reading("SET", "P1D", None, None, "every part of day")
    return Reading("SET", duration_value(1, _code(unit)), None, None, "every unit")


_REFS = {"now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
         "at present": "PRESENT_REF",
         "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "current": "PRESENT_REF",
         "the present": "PRESENT_REF", "recently": "PAST_REF", "recent": "PAST_REF", "the past": "PAST_REF",
         "previously": "PAST_REF", "formerly": "PAST_REF", "the future": "FUTURE_REF", "future": "FUTURE_REF",
         "soon": "FUTURE_REF", "shortly": "FUTURE_REF", "as soon as possible": "FUTURE_REF"}


def reference(m: re.Match[str], ctx: Context, _: Reading | None) -> Reading | None:
    word = " ".join(m.group(0).lower().split())
    after = ctx.text[m.end():m.end() + 16].lower()
    nouns = r"\s+(?:account|affairs|events|situation|crisis|leader|government)"
    if word == "current" and re.match(nouns, after):
        return None
    if word == "the past" and ctx.word_before(m.start()) not in ("in", "than", "from", "of"):
        return None
    if word == "now" and re.match(r"\s+that\b", after):
        return Reading("DATE", "PRESENT_REF", None, None, "'now'")
    return Reading("DATE", _REFS[word], None, None, f"reference '{word}'")


def rules() -> list[Rule]:
    mods = r"(?:(?:more|additional|full|straight|consecutive|long|more\s+than)\s+)?"
    return [
        Rule("duration", rf"\b(?:the\s+(?![\w.]+-[a-z]))?(?:(?:past|last|next|first|final|coming|previous"
             rf"|following|latest|initial|remaining|other)\s+)?(?:{APPROX_RE}\s+)?(?P<num>{NUMBER_RE})[\s-]+"
             rf"{mods}(?P<unit>{UNIT_RE})(?:-long)?\b", duration, 6),
        Rule("past-day", r"\bthe\s+past\s+day\b", past_day, 6),
        Rule("vague-duration", r"\b(?:(?P<lead>(?:the\s+)?(?:recent|coming|past\s+few|next\s+few|last\s+few"
             r"|past\s+several|next\s+several)\s+))?(?P<unit>years|months|weeks|days|hours|decades|centuries)\b",
             vague_duration, 7),
        Rule("frequency", rf"\b(?:daily|weekly|monthly|nightly|hourly|biweekly"
             rf"|(?:every|each|per)\s+(?:other\s+)?(?:(?P<wd>{WEEKDAY_RE})|(?P<unit>day|week|month|year|morning"
             r"|night|evening|afternoon|hour|quarter)))\b", frequency, 5),
        # "previously", "soon", "recent", bare "future" are left out: in news they are mostly not time
        # expressions an annotator (or an event coder) would mark.
        Rule("reference", r"\b(?:right\s+now|now|currently|at\s+present|nowadays|these\s+days|current"
             r"|the\s+present(?!\s+\w)|recently|the\s+past(?!\s+\w)|formerly|the\s+future"
             r"|as\s+soon\s+as\s+possible)\b", reference, 8),
    ]
