"""Whether an article reports on the war in Ukraine: its villages then take precedence over their Russian
namesakes (see `namesakes.score`)."""

from __future__ import annotations

import re

# Words of a report on the war in Ukraine; with Ukraine or Russia named, the article is one.
_WAR_WORDS = re.compile(r"\b(?:Ukrain\w*|Russia\w*|Kyiv|Kremlin|Donbas\w*|oblast|hromada|Zelensk\w*|Putin)\b")
_WAR_MIN_HITS = 2


# a monitor's one-liner names no country: "Russian forces captured Ocheretyne", "Ukrainian drones hit Belgorod"
_WARRING_FORCES = re.compile(r"\b(?:Russian|Ukrainian)\s+(?:forces|troops|army|military|soldiers|drones?|artillery|"
                             r"aviation|missiles?|shelling|strikes?|sabotage|assault|air\s+defen[cs]e)\b")


def is_war_report(text: str) -> bool:
    return (len(_WAR_WORDS.findall(text)) >= _WAR_MIN_HITS and bool(re.search(r"\bUkrain|\boblast|\bhromada", text))
            ) or bool(_WARRING_FORCES.search(text))
