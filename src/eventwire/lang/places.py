"""Place mentions in Ukrainian and Russian text, resolved through the gazetteer's Cyrillic (KATOTTG)
and romanised names. Oblasts first ("Харківської області", "на Сумщині"), so that a village name,
which many oblasts share, is resolved inside the oblast the article is about."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from eventwire.geo.gazetteer import Candidate, Gazetteer
from eventwire.geo.names import romanize_uk
from eventwire.geo.renamed import renamed
from eventwire.geo.rows import haversine_km
from eventwire.lang import cues as c
from eventwire.lang.morph import adjective_nominative, nominatives, romanize_ru, ukrainian_spellings
from eventwire.lang.regions import NAMED_REGIONS, ON_REGIONS, oblast_keys, region_of_colloquial, settlement_names
from eventwire.lang.text import Sentence, Word, words
from eventwire.records import PlaceMention
from eventwire.records.place import Place

_OBLAST_WORDS = ("област", "обл", "ова", "ода", "губерн", "регіон", "регион", "край", "краю")
_LOCAL_WORDS = ("громад", "район", "округ", "міськ", "сільськ", "селищн", "тг", "гва", "мва")
# Words before a name that make it a place: prepositions of place and "village", "town".
_PLACE_CUES = frozenset("""у в на біля поблизу під по до з із зі над від через неподалік околицях районі напрямку
село селі села селище селищі місто місті міста смт с м сел пос поселок поселке посёлок город городе города
около возле под над у окрестностях направлении деревня деревне хутор хуторі пункт пункті пункте пункта
поселение громаді громада селе поселка посёлка посёлке деревни станице станиці станиця хуторе
районах районе пунктів пунктах пунктов селах селищах деревнях поселках""".split())
_RESIDENTS = r"мешкан|жител|житель"
# "обстрілів зазнали Старовірівка, ...", "під обстріл потрапили Нікополь": what suffered an attack is a place
_SUFFERED = ("зазна", "подверг", "потрапил", "потрапив", "попал")
# "зазнали, зокрема, Старовірівка": a word that opens the list without being its first name
_IN_PARTICULAR = frozenset("зокрема частности числі включно включая".split())
# Words that open a sentence with a capital and are no given name: "Вночі Одесу атакували ..."
_OPENERS = frozenset("""вночі уночі вчора сьогодні зранку вранці ввечері увечері напередодні також тоді потім
зокрема ночью вчера сегодня утром днем вечером накануне также тогда затем""".split())
_NOT_PLACES = frozenset("""україна украина росія россия рф ссср європа европа сша""".split())
# A country is mostly a side ("Росія заявила"), but what an attack hits or flies over is the place itself
# ("ворог атакував Україну 90 дронами"): the country at precision 3.
_COUNTRIES = {"україна": "Ukraine", "украина": "Ukraine", "росія": "Russia", "россия": "Russia"}
_OVER = frozenset("над по на".split())
_AREA = ("UA", "RU")
_NEAR_KM = 150.0
_TOWN = 15000  # people: a place this large is a place even without "у", "біля", "село" before it
_QUOTES = frozenset('"«„“\'‘')
_FEATURE_RANK = {"capital": 4, "city": 3, "admin1": 3, "town": 2, "admin2": 2, "village": 1}


@dataclass(frozen=True, slots=True)
class Context:
    """The oblasts (admin1 names) the article is about, most mentioned first."""

    admin1: tuple[str, ...] = ()
    admin2: tuple[str, ...] = ()


def find_places(text: str, sents: Sequence[Sentence], gazetteer: Gazetteer, article_id: str) -> list[PlaceMention]:
    toks = [w for s in sents for w in words(s.text, s.start)]
    regions = _regions(toks, gazetteer, article_id)
    admin1 = tuple(dict.fromkeys(m.place.admin1 for m in regions if m.place and m.place.admin1))
    raions = tuple(romanize_uk(w).casefold() + " raion" for w in _raion_adjectives(toks))
    ctx = Context(admin1, raions)
    taken = {(m.start, m.end) for m in regions}
    found = list(regions)
    starts = {s.start for s in sents}
    i = 0
    last_end = -100
    while i < len(toks):
        span = next((s for s in taken if s[0] <= toks[i].start < s[1]), None)
        if span is not None:
            last_end = span[1]
            i += 1
            continue
        if text[max(0, toks[i].start - 1):toks[i].start] in _QUOTES:
            i += 1  # a name in quotes names something else: a unit ("Восток"), an operation, a slogan
            continue
        listed = _continues_list(text, last_end, toks[i].start)
        mention, used = _settlement(toks, i, gazetteer, ctx, article_id, listed, toks[i].start in starts)
        if mention is not None:
            found.append(mention)
            last_end = mention.end
            i += used
        else:
            i += 1
    return sorted(_in_the_articles_oblasts(found), key=lambda m: m.start)


def _in_the_articles_oblasts(found: list[PlaceMention]) -> list[PlaceMention]:
    """A small village far (over 150 km) from every town and region the article names is most likely a
    word of the same spelling ("на Майдані" in a Kyiv story is the square, not a Zakarpattia village):
    dropped. Villages across an oblast border near the places named (a front line) stay."""
    anchors = [m.place for m in found if m.place is not None and (
        m.place.precision == 3 or (m.place.population or 0) >= _TOWN)]
    if not anchors:
        return found

    def near(p: Place) -> bool:
        return any(haversine_km(p.lat, p.lon, a.lat, a.lon) <= _NEAR_KM + (a.uncertainty_km or 0.0)
                   for a in anchors)

    return [m for m in found if m.place is None or (m.place.population or 0) >= _TOWN
            or m.place.precision == 3 or near(m.place)]


def _regions(toks: list[Word], gazetteer: Gazetteer, article_id: str) -> list[PlaceMention]:
    """Oblasts by adjective + "область"/ОВА, and colloquial names ("Сумщина")."""
    out = []
    for i, w in enumerate(toks):
        nxt = toks[i + 1].lower if i + 1 < len(toks) else ""
        adj = adjective_nominative(w.text) if w.capitalised else None
        # "Харківської області", or one of a list that a plural closes ("над Сумською та Київською областями")
        oblast = bool(adj and adj.endswith(("а", "я")) and (nxt.startswith(_OBLAST_WORDS) or _in_oblast_list(toks, i)))
        if adj and oblast:
            place = _best([c for k in oblast_keys(adj) for c in gazetteer.candidates(k) if c.feature == "admin1"],
                          Context())
            if place is not None:
                end = toks[i + 1].end if toks[i + 1].lower.startswith(("област", "обл")) else w.end
                out.append(_mention(article_id, w.start, end, _span_text(toks, i, end), place, "oblast"))
            continue
        if w.capitalised and not adj:
            on = next((ON_REGIONS[f] for f in nominatives(w.text)[:8] if f in ON_REGIONS), None)
            if on is not None and i > 0 and toks[i - 1].lower == "на":
                place = _best([c for k in oblast_keys(on) for c in gazetteer.candidates(k) if c.feature == "admin1"],
                              Context())
                if place is not None:
                    out.append(_mention(article_id, w.start, w.end, w.text, place, "region name"))
                    continue
            named = next((NAMED_REGIONS[f] for f in nominatives(w.text)[:8] if f in NAMED_REGIONS), None)
            if named is not None:
                place = _best([c for c in gazetteer.candidates(named) if c.feature == "admin1"], Context())
                if place is not None:
                    out.append(_mention(article_id, w.start, w.end, w.text, place, "region name"))
                continue
            for form in nominatives(w.text)[:8]:
                region = region_of_colloquial(form)
                if region is None:
                    continue
                place = _best([c for k in oblast_keys(region) for c in gazetteer.candidates(k)
                               if c.feature == "admin1"], Context())
                if place is not None:
                    out.append(_mention(article_id, w.start, w.end, w.text, place, "region name"))
                    break
    return out


def _in_oblast_list(toks: list[Word], i: int) -> bool:
    """An oblast adjective on a list that a plural "областями"/"областях"/"областей" closes."""
    for j in range(i + 1, min(i + 10, len(toks))):
        word = toks[j]
        if word.lower.startswith("област"):
            return word.lower.endswith(("ями", "ях", "ей", "ям", "і"))
        if not (word.lower in ("та", "і", "й", "и", "а") or (word.capitalised and adjective_nominative(word.text))):
            return False
    return False


def _raion_adjectives(toks: list[Word]) -> list[str]:
    out = []
    for i, w in enumerate(toks[:-1]):
        adj = adjective_nominative(w.text) if w.capitalised else None
        if adj and toks[i + 1].lower.startswith(("район", "раион")):
            out.append(adj[:-1] + "ий" if adj.endswith("ька") else adj)
    return out


def _local_word(toks: list[Word], i: int) -> Word | None:
    """The "громада"/"район" an adjective at `i` belongs to: the next word, or the word after a list of
    such adjectives ("Новослобідській та Ворожбянській громадах", "Покровська, Марганецька громади")."""
    for j in range(i + 1, min(i + 8, len(toks))):
        word = toks[j]
        if word.lower.startswith(_LOCAL_WORDS):
            plural = word.lower.endswith(("и", "ах", "ам", "ами", "ы"))
            return word if j == i + 1 or plural else None  # "Вовчанська Чугуївського району": a town, a raion
        if not (word.lower in ("та", "і", "й", "и", "а") or (word.capitalised and adjective_nominative(word.text))):
            return None
    return None


def _continues_list(text: str, last_end: int, start: int) -> bool:
    """'в Малинівці (горіла трава), Боровій': a name that goes on a list of places begun just before."""
    if start - last_end > 40 or last_end < 0:
        return False
    between = re.sub(r"\([^()]*\)", "", text[last_end:start]).strip().lower()
    return between in (",", "та", "і", "й", "и", ", а також", "а також", ", та", ", і") or between == ""


def _settlement(toks: list[Word], i: int, gazetteer: Gazetteer, ctx: Context,
                article_id: str, listed: bool = False, initial: bool = False) -> tuple[PlaceMention | None, int]:
    w = toks[i]
    if not w.capitalised or w.text.isupper() or len(w.text) < 3:
        return None, 1
    if any(n in _NOT_PLACES for n in nominatives(w.text)[:6]):
        return _country_attacked(toks, i, gazetteer, article_id), 1
    cue = listed or (i > 0 and toks[i - 1].end >= w.start - 2 and (toks[i - 1].lower.rstrip(".") in _PLACE_CUES
                                                                  or _attack_verb(toks[i - 1])))
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is not None and nxt.lower.startswith(("напрям", "направлен")):
        return _front_sector(toks, i, gazetteer, ctx, article_id), 2
    prev = toks[i - 1] if i > 0 else None
    if prev is not None and c.has(_RESIDENTS, prev.lower):
        cue = True  # "Мешканці Одеси", "жители Белгорода": the residents' town is a place
    cue = cue or _suffered_attack(toks, i)
    if prev is not None and prev.capitalised and prev.end == w.start - 1 and not cue and prev.lower not in _OPENERS:
        return None, 1  # "Олександр Гусєв": a surname after a given name
    adj = adjective_nominative(w.text)
    local = _local_word(toks, i) if adj else None
    if adj and local is not None:
        names = settlement_names(adj)
        cands = [c for n in names for c in gazetteer.candidates(n) if c.country in _AREA]
        # a Russian adjective ("в Запорожском районе") names its town in Russian: romanised, as _resolve does
        cands += [_demoted(c) for n in names if not any(ch in n for ch in "іїєґ")
                  for c in gazetteer.candidates(romanize_ru(n)) if c.country in _AREA and c.quality <= 1
                  and c.feature in ("city", "capital", "town")]
        place = _best(cands, ctx, need_context=True)
        if place is None:
            return None, 1
        how = "raion" if local.lower.startswith(("район", "раион", "округ")) else "hromada"
        mention = _mention(article_id, w.start, w.end, w.text, place, how)
        if how == "raion" and mention.place is not None and mention.place.precision < 2:
            # a raion is tens of km across: the event is somewhere in it, near its centre town (issue 13)
            mention = replace(mention, place=replace(mention.place, precision=2))
        return mention, 1
    # two-word names first ("Часів Яр", "Нова Каховка", "Кривий Ріг"), then one word
    if nxt is not None and nxt.capitalised and nxt.start - w.end == 1:
        place = _resolve([w.text, nxt.text], gazetteer, ctx, cue)
        if place is not None:
            return _mention(article_id, w.start, nxt.end, f"{w.text} {nxt.text}", place, "name"), 2
    if (nxt is not None and nxt.capitalised and nxt.start - w.end == 1 and not cue
            and adjective_nominative(nxt.text) is None):
        return None, 2  # "Володимир Зеленський": a given name and a surname
    place = _resolve([w.text], gazetteer, ctx, cue, exact_only=initial)
    if place is not None:
        return _mention(article_id, w.start, w.end, w.text, place, "name"), 1
    return None, 1


def _front_sector(toks: list[Word], i: int, gazetteer: Gazetteer, ctx: Context,
                  article_id: str) -> PlaceMention | None:
    """"на Покровському напрямку": fighting somewhere near the town the sector is named after, so the town
    at precision 2 (a sector is tens of km wide); a sector named after no town ("Південному") is no place."""
    w = toks[i]
    adj = adjective_nominative(w.text)
    names = settlement_names(adj) if adj else []
    cands = [c for n in names for c in gazetteer.candidates(n) if c.country in _AREA
             and c.feature in ("city", "capital", "town") and c.population >= _TOWN]
    place = _best(cands, ctx)
    if place is None:
        return None
    return PlaceMention(article_id, w.start, toks[i + 1].end, f"{w.text} {toks[i + 1].text}", "toponym",
                        place.to_place(2), f"Cyrillic front sector: {place.name}")


def _country_attacked(toks: list[Word], i: int, gazetteer: Gazetteer, article_id: str) -> PlaceMention | None:
    """"атакував Україну", "над Україною", "удари по Росії": the country an attack is aimed at, as a place."""
    prev = toks[i - 1] if i > 0 else None
    if prev is None or prev.end < toks[i].start - 2 or not (prev.lower in _OVER or _attack_verb(prev)):
        return None
    name = next((_COUNTRIES[n] for n in nominatives(toks[i].text)[:6] if n in _COUNTRIES), None)
    country = next((cand for cand in gazetteer.candidates(name) if cand.feature == "country"), None) if name else None
    if country is None:
        return None
    return _mention(article_id, toks[i].start, toks[i].end, toks[i].text, country, "country attacked")


def _suffered_attack(toks: list[Word], i: int) -> bool:
    """"Обстрілів зазнали, зокрема, Старовірівка", "під удар потрапили Нікополь": the name after a verb of
    suffering with an attack word just before that verb."""
    j = i - 1
    if j > 0 and toks[j].lower in _IN_PARTICULAR:
        j -= 1
    if j < 1 or not toks[j].lower.startswith(_SUFFERED):
        return False
    return any(c.has(f"{c.SHELLING}|{c.STRIKE}", w.lower) for w in toks[max(0, j - 3):j])


def _attack_verb(word: Word) -> bool:
    """"обстріляли Білозерку", "атаковали Шебекино": what a strike or a capture hits is a place."""
    return not word.capitalised and c.has(f"{c.SHELLING}|{c.STRIKE}|{c.CAPTURE}|{c.REGAIN}", word.lower)


def _resolve(parts: list[str], gazetteer: Gazetteer, ctx: Context, cue: bool,
             exact_only: bool = False) -> Candidate | None:
    """`exact_only`: a capital that only starts a sentence proves nothing, so no respelling is tried."""
    forms = [" ".join(f) for f in _product([nominatives(p)[:10] for p in parts])]
    cands: list[Candidate] = []
    for form in forms:  # the Ukrainian (KATOTTG) name itself
        cands += [c for c in gazetteer.candidates(form) if c.country in _AREA and c.feature != "country"]
    respelt: list[Candidate] = []
    # a Russian spelling of a Ukrainian name, or a Russian place (romanised)
    # a town's own Russian name, romanised, holds even at a sentence start ("Шебекино снова ..."), as written
    russian = [] if any(ch in forms[0] for ch in "іїєґ") else forms[:1]
    for form in russian if exact_only else forms[:6]:
        if not exact_only:
            for uk in ukrainian_spellings(form, limit=6):
                respelt += [c for c in gazetteer.candidates(uk) if c.country in _AREA]
        least = _TOWN if exact_only else 1000
        respelt += [c for c in gazetteer.candidates(romanize_ru(form))
                    if c.country in _AREA and c.quality <= 1 and c.population >= least]
    for form in forms[:6]:  # a former name ("Дзержинск" is Toretsk): as firm as the town's own
        cands += [c for c in renamed(gazetteer, romanize_ru(form)) + renamed(gazetteer, romanize_uk(form))
                  if c.country in _AREA]
    cands += [_demoted(c) for c in respelt]
    # regions come from their adjectives and colloquial names; a bare name is a settlement ("Харькову")
    cands = [c for c in cands if c.feature not in ("admin1", "admin2")] or cands
    if not cue:  # without "у", "біля", "село", ... only a town of some size is taken for a place
        cands = [c for c in cands if c.feature in ("city", "capital", "admin1") or c.population >= _TOWN]
    return _best(cands, ctx)


def _demoted(c: Candidate) -> Candidate:
    """A respelt match counts as an alternate name: an exact Ukrainian name is surer."""
    from dataclasses import replace
    return replace(c, quality=max(c.quality, 1))


def _product(options: list[list[str]]) -> list[list[str]]:
    out: list[list[str]] = [[]]
    for opts in options:
        out = [o + [x] for o in out for x in opts][:40]
    return out


def _best(cands: list[Candidate], ctx: Context, need_context: bool = False) -> Candidate | None:
    """Inside an oblast the article names, then the larger and better-named place."""
    if not cands:
        return None

    def score(c: Candidate) -> float:
        inside = c.admin1 in ctx.admin1
        rank = ctx.admin1.index(c.admin1) if inside and c.admin1 is not None else 9
        raion = bool(c.admin2 and c.admin2.casefold() in ctx.admin2)
        return (20.0 * inside - rank + 10.0 * raion + 2.0 * _FEATURE_RANK.get(c.feature, 0) - 3.0 * c.quality
                + math.log10(1 + c.population))

    best = max(cands, key=score)
    if need_context and ctx.admin1 and best.admin1 not in ctx.admin1:
        return None
    return best


def _mention(article_id: str, start: int, end: int, text: str, cand: Candidate, how: str) -> PlaceMention:
    precision = 3 if cand.feature == "admin1" else 1
    return PlaceMention(article_id, start, end, text, "toponym", cand.to_place(precision),
                        f"Cyrillic {how}: {cand.name}")


def _span_text(toks: list[Word], i: int, end: int) -> str:
    last = max(j for j in range(i, len(toks)) if toks[j].end <= end)
    return " ".join(t.text for t in toks[i:last + 1])
