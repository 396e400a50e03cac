"""Deaths and injuries told in words: "двоє загиблих", "загинула жінка", "поранено п'ятьох людей",
"погибли двое", "пострадавших нет"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from eventwire.lang import cues as c

_NUMBERS = {
    "один": 1, "одна": 1, "одного": 1, "одну": 1, "одне": 1, "одной": 1, "одн": 1,
    "два": 2, "дві": 2, "две": 2, "двоє": 2, "двое": 2, "двох": 2, "двоих": 2, "двух": 2,
    "три": 3, "троє": 3, "трое": 3, "трьох": 3, "троих": 3, "трех": 3, "трёх": 3,
    "чотири": 4, "четверо": 4, "чотирьох": 4, "четырех": 4, "четверых": 4, "четыре": 4,
    "п'ять": 5, "п’ять": 5, "пʼять": 5, "пять": 5, "п'ятеро": 5, "п’ятеро": 5, "пʼятеро": 5, "пятеро": 5,
    "п'ятьох": 5, "п’ятьох": 5, "пʼятьох": 5, "пятерых": 5, "пяти": 5,
    "шість": 6, "шестеро": 6, "шести": 6, "шістьох": 6, "шесть": 6, "шестерых": 6,
    "сім": 7, "семеро": 7, "семи": 7, "сімох": 7, "семь": 7, "семерых": 7,
    "вісім": 8, "восьмеро": 8, "восемь": 8, "восьми": 8, "дев'ять": 9, "дев’ять": 9, "девять": 9,
    "дев'ятеро": 9, "дев’ятеро": 9, "девятеро": 9, "десять": 10, "десятеро": 10,
}
# A single person named as the victim: "загинула жінка", "погиб человек", "є загиблий".
_ONE = (r"жінк\w*|чоловік\w*|женщин\w*|мужчин\w*|людин\w*|человек|дитин\w*|ребен\w*|хлопчик\w*|мальчик\w*|"
        r"дівчин\w*|девочк\w*|пенсіонер\w*|пенсионер\w*|житель\w*|жителька|мешкан\w*|водій|водитель|"
        r"цивільн\w*|мирн\w* житель|загиблий|погибший|\d+-річн\w*|\d+-летн\w*|він\b|вона\b|он\b|она\b")
# the dead, the verbs that kill them ("снайпер застрелив чоловіка", "расстреляли двоих"), and the bodies
# found ("з-під завалів дістали тіло жінки", "обнаружены тела двух мужчин")
_KILLED = (r"загин\w*|загибл\w*|вбит\w*|вбито|убит\w*|погиб\w*|помер\w*|скончал\w*|смертельн\w*|"
           r"застрел\w*|розстріля\w*|расстреля\w*|вбив|вбила|вбили|убил|убила|убили|тіл[оа]\b|тел[оа]\b")
_INJURED = (r"поранен\w*|поранено|поранень|ранен\w*|ранены|постражда\w*|пострада\w*|травмован\w*|травм\w*|"
            r"госпіталіз\w*|госпитализ\w*")


@dataclass(frozen=True, slots=True)
class Toll:
    fatalities: int | None
    injuries: int | None


@cache
def _number_re() -> re.Pattern[str]:
    words = "|".join(sorted((re.escape(w) for w in _NUMBERS), key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])(?:\d+|{words})(?![^\W\d_])", re.IGNORECASE)


def toll_in(text: str) -> Toll:
    return Toll(_count(text, _KILLED), _count(text, _INJURED))


def no_victims(text: str) -> bool:
    return c.has(c.NO_VICTIMS, text)


def _count(text: str, pattern: str) -> int | None:
    """The number nearest the casualty word in its clause, or 1 for a single named victim."""
    total: int | None = None
    for m in c.compiled(pattern).finditer(text):
        clause_start = max(text.rfind(",", 0, m.start()), text.rfind(";", 0, m.start()), 0)
        # "загинула жінка, п'ятеро людей поранені": the next clause's number is the injured, not the dead
        clause_end = min((i for i in (text.find(",", m.end()), text.find(";", m.end())) if i >= 0),
                         default=len(text))
        window = text[max(clause_start, m.start() - 40): min(clause_end, m.end() + 40)]
        here = m.start() - max(clause_start, m.start() - 40)
        numbers = [(abs(n.start() - here), n.group(0)) for n in _number_re().finditer(window)
                   if not _is_age_or_time(window, n)]
        if numbers:
            value = _value(min(numbers)[1])
        elif (c.has(_ONE, text[m.start(): min(clause_end, m.end() + 40)])
              or c.has(_ONE, text[max(0, clause_start, m.start() - 30): m.start()])):
            value = 1
        else:
            continue
        total = value if total is None else max(total, value)
    return total


def _is_age_or_time(window: str, n: re.Match[str]) -> bool:
    after = window[n.end(): n.end() + 8].lower()
    return after.startswith(("-річ", "-лет", " річ", " рок", " лет", " год", ":", " час", "-го", " числа"))


def _value(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word.lower()]
