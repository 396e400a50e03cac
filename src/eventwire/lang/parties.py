"""Who did it and who says so, in Ukrainian and Russian news.

Sides: "ЗСУ"/"ВСУ"/"Сили оборони" are Ukraine's forces, "ЗС РФ"/"російські війська"/"окупанти" Russia's.
"Ворог"/"противник" name the enemy of whoever speaks: Russia's forces in Ukrainian official speech,
Ukraine's in Russian official speech. Sources: regional military administrations (ОВА/ОДА), mayors,
governors, the General Staff, the Air Force, the SBU, police and rescuers, Russia's defence ministry.
An authority speaking about its own side or area is `official`; about the enemy, or its own gains and
battles, `claimed`; media alone are `reported`."""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.lang import cues as c
from eventwire.records import Actor, Attribution

RUSSIA = Actor("Military Forces of Russia", "RUS", "state forces")
UKRAINE = Actor("Military Forces of Ukraine", "UKR", "state forces")

_RU_FORCES = (r"російськ\w* (?:військ|військов|армі|сил|окупант|дрон|ракет|бпла|безпілот)|рф\b|росіян|рашист|"
              r"окупант|оккупант|агресор|агрессор|зс рф|вс рф|армі\w* рф|армии рф|российск\w* (?:войск|военн|арми|сил)|"
              r"россиян|кадиров")
_UA_FORCES = (r"зсу\b|всу\b|українськ\w* (?:військ|військов|сил|армі|безпілот|дрон)|украинск\w* (?:войск|военн|сил|"
              r"арми|беспилот|дрон|боевик|террорист|формирован)|сил\w* оборони|сил\w* обороны украин|захисник|"
              r"киевск\w* режим|укронацист|вооруж\w* сил\w* украин|збройн\w* сил\w* україн")
_ENEMY = r"ворог|ворож|противник|вражеск|враг"

# Sources: (pattern, name, side, kind). kind "authority" speaks for a side; "media" only reports.
_SOURCES: tuple[tuple[str, str, str | None, str], ...] = (
    (r"генштаб|генеральн\w* штаб", "General Staff", None, "military"),
    (r"повітрян\w* сил|воздушн\w* сил", "Air Force", None, "military"),
    (r"міноборони рф|минобороны (?:россии|рф)|мо рф|министерств\w* обороны (?:россии|рф)|минобороны\b",
     "Ministry of Defence of Russia", "RUS", "military"),
    (r"міноборони|міністерств\w* оборони", "Ministry of Defence of Ukraine", "UKR", "military"),
    (r"угрупованн\w* військ|группировк\w* войск|сил\w* оборони|командуванн", "military command", None, "military"),
    (r"сбу\b|служб\w* безпеки україни", "Security Service of Ukraine", "UKR", "authority"),
    (r"фсб\b", "Federal Security Service of Russia", "RUS", "authority"),
    (r"\w+ (?:ова|ода|гва|мва)\b|ова\b|ода\b|обласн\w* (?:військов|державн)|военн\w* администрац|"
     r"військов\w* адміністрац|гва\b|мва\b", "regional military administration", None, "authority"),
    (r"губернатор|голов\w* (?:облас|громад|ова|ода|района|району)|очільник|начальник\w* (?:ова|оva|міськ)|"
     r"мер\b|мэр|міськ\w* голов|глав\w* (?:ова|гва|администрац|города|округа|региона|района|днр|лнр)",
     "regional authorities", None, "authority"),
    (r"дснс|мчс|рятувальник|спасател|поліці|полици|прокуратур|оперативн\w* штаб|координаційн\w* штаб|"
     r"офіс президента|зеленськ|уповноважен", "authorities", None, "authority"),
    (r"унн\b|укрінформ|суспільне|рбк|тасс|риа\b|интерфакс|інтерфакс|ria|коммерсант|зміі?|сми\b|телеграм-канал|"
     r"telegram-канал|джерел|источник|пише\b|пишет|передает|передає|видання|издани", "media", None, "media"),
)
_SPEECH = (r"повідоми|заяви|зазначи|розпові|написа|інформу|сообщи|отмети|рассказа|уточни|додав|добави|"
           r"за даними|за інформацією|по данным|по информации|йдеться|говорится|наголоси|подчеркну")


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    side: str | None  # "UKR", "RUS" or None (the side of the area it governs)
    kind: str  # "military", "authority", "media"
    text: str


def find_source(text: str) -> Source | None:
    """The first source this text names (authorities before media), or None."""
    found = []
    for pattern, name, side, kind in _SOURCES:
        m = c.first(pattern, text)
        if m is not None:
            found.append((kind == "media", m.start(), Source(name, side, kind, m.group(0))))
    return min(found, key=lambda f: (f[0], f[1]))[2] if found else None


def speaks(text: str) -> bool:
    return c.has(_SPEECH, text)


def speaker_side(source: Source | None, language: str, area: str | None) -> str | None:
    """Whose side the speaker is on: named, else the country of the area it governs."""
    if source is None or source.kind == "media":
        return None
    if source.side is not None:
        return source.side
    return {"UA": "UKR", "RU": "RUS"}.get(area or "")


def attacker(text: str, speaker: str | None, area: str | None, family: str,
             source_text: str | None = None) -> Actor | None:
    """The side that acted: named in the sentence, the speaker's enemy, or, for a strike in Ukraine or
    Russia with no side named, the other country's forces."""
    if source_text:  # "Минобороны России", "Генштаб ЗСУ" name who speaks, not who acted
        text = text.replace(source_text, " " * len(source_text))
    ru = c.first(_RU_FORCES, text)
    ua = c.first(_UA_FORCES, text)
    if ru and (not ua or ru.start() < ua.start()):
        return RUSSIA
    if ua:
        return UKRAINE
    if c.has(_ENEMY, text) and speaker in ("UKR", "RUS"):
        return RUSSIA if speaker == "UKR" else UKRAINE
    if source_text and family in ("ground", "clash", "other"):
        # "Сили оборони звільнили село": forces that tell of their own gains or fighting are who acted
        if c.has(_UA_FORCES, source_text):
            return UKRAINE
        if c.has(_RU_FORCES, source_text):
            return RUSSIA
    if family in ("strike", "clash") and area in ("UA", "RU"):
        return RUSSIA if area == "UA" else UKRAINE
    return None


def attribution(source: Source | None, speaker: str | None, actor: Actor | None, sub: str | None,
                area: str | None) -> Attribution:
    if source is None:
        return Attribution("unattributed")
    if source.kind == "media":
        return Attribution("reported", source.name, source.text)
    gains = sub in ("Armed clash", "Non-state actor overtakes territory", "Government regains territory")
    own = {"UKR": "UA", "RUS": "RU"}.get(speaker or "")
    about_enemy = own is not None and area is not None and area != own and sub != "Disrupted weapons use"
    return Attribution("claimed" if gains or about_enemy else "official", source.name, source.text)
