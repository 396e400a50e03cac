"""Regions named the way Ukrainian and Russian news names them: "Харківська область", "Запорожской
области", "на Сумщині", "Херсонщина", and the settlement a hromada or raion adjective is named after
("Межівська громада" -> Межова). Returns names to look up; the gazetteer holds the places."""

from __future__ import annotations

from eventwire.geo.names import romanize_uk
from eventwire.lang.morph import romanize_ru

# Russian adjectives of Ukraine's oblasts whose Ukrainian form is not a letter-for-letter respelling.
_RU_UA_OBLASTS = {
    "винницкая": "вінницька", "волынская": "волинська", "днепропетровская": "дніпропетровська",
    "донецкая": "донецька", "житомирская": "житомирська", "закарпатская": "закарпатська",
    "запорожская": "запорізька", "ивано-франковская": "івано-франківська", "киевская": "київська",
    "кировоградская": "кіровоградська", "луганская": "луганська", "львовская": "львівська",
    "николаевская": "миколаївська", "одесская": "одеська", "полтавская": "полтавська",
    "ровенская": "рівненська", "сумская": "сумська", "тернопольская": "тернопільська",
    "харьковская": "харківська", "херсонская": "херсонська", "хмельницкая": "хмельницька",
    "черкасская": "черкаська", "черновицкая": "чернівецька", "черниговская": "чернігівська",
}
# The -щина/-ччина names of oblasts that are not simply the adjective's stem (Донеччина: Донецька).
_IRREGULAR_REGIONS = {"донеччина": "донецька", "вінниччина": "вінницька", "хмельниччина": "хмельницька",
                      "донетчина": "донецька", "буковина": "чернівецька",
                      "закарпаття": "закарпатська", "прикарпаття": "івано-франківська", "волинь": "волинська",
                      "слобожанщина": "харківська", "белгородчина": "белгородская", "брянщина": "брянская",
                      "курщина": "курская"}


def oblast_keys(adjective: str) -> list[str]:
    """Latin lookup names of the oblast an adjective (feminine nominative) names, Ukrainian or Russian:
    'харківська' -> 'Kharkivska oblast'; 'смоленская' -> 'smolenskaya oblast'."""
    adj = _RU_UA_OBLASTS.get(adjective, adjective)
    out = []
    if adj.endswith(("ська", "цька", "зька")):
        out.append(romanize_uk(adj) + " oblast")
        # a Russian region named in Ukrainian ("Брянська", "Бєлгородська"): its Russian name
        ru = adj[:-4].replace("є", "е").replace("і", "и").replace("ї", "и") + adj[-4] + "кая"
        out.append(romanize_ru(ru) + " oblast")
    if adj.endswith(("ская", "цкая")):
        out.append(romanize_ru(adj) + " oblast")
        out.append(romanize_ru(adj)[:-2] + "iy kray")  # Краснодарский край
    return out


# Regions known by a name of their own rather than an adjective (looked up by their English name).
# "на Запоріжжі" is the oblast, "у Запоріжжі" the city: with "на", this city's name stands for its region
ON_REGIONS = {"запоріжжя": "запорізька", "запорожье": "запорожская"}
NAMED_REGIONS = {"крим": "Crimea", "крым": "Crimea", "кубань": "Krasnodarskiy kray",
                 # the occupation's "republics", as Russian reports place their villages ("Дзержинск в ДНР")
                 "днр": "Donetska oblast", "лнр": "Luhanska oblast"}


def region_of_colloquial(name: str) -> str | None:
    """'сумщина' -> 'сумська', 'харківщина' -> 'харківська', 'донеччина' -> 'донецька' (None otherwise)."""
    if name in _IRREGULAR_REGIONS:
        return _IRREGULAR_REGIONS[name]
    for end in ("щина", "чина"):
        if name.endswith(end) and len(name) > len(end) + 2:
            stem = name[: -len(end)]
            return stem + ("ська" if not stem.endswith("ськ") else "а")
    return None


def settlement_names(adjective: str) -> list[str]:
    """The settlement a hromada/raion adjective is named after: 'межівська' -> 'межова',
    'марганецька' -> 'марганець', 'покровська' -> 'покровськ', 'покровське', 'троїцька' -> 'троїцьке'."""
    for end in ("ська", "ський", "цька", "цький", "зька", "зький", "ская", "ский", "цкая", "цкий"):
        if adjective.endswith(end):
            stem = adjective[: -len(end)]
            break
    else:
        return []
    soft = "ць" if end.startswith("ц") else ("г" if end.startswith("з") else "")
    stems = [stem + soft] if soft else [stem]
    if end.startswith("з"):
        stems.append(stem + "жж")  # "запорізький" -> "запоріжжя"
    if stem.endswith("ів"):
        stems.append(stem[:-2] + "ов")
    if stem.endswith("ян"):
        stems.append(stem[:-2])
    for prefix, full in (("ново", "нов"), ("старо", "стар"), ("велико", "велик"), ("мало", "мал")):
        if stem.startswith(prefix) and len(stem) > len(prefix) + 2:
            rest = stem[len(prefix):]
            rest_o = rest[::-1].replace("і", "о", 1)[::-1]  # слобід -> слобод
            stems += [f"{full}а {rest_o}а", f"{full}е {rest_o}е", f"{full}ий {rest}"]
    out = []
    for s in stems:
        # "запорожский" -> "запорожье": Russian names in -ье
        out += [s, s + "ськ", s + "ське", s + "а", s + "е", s + "ка", s + "ий", s + "ь", s + "ове", s + "ье", s + "я"]
        if end.startswith("ц") and s.endswith("ць"):
            out += [s[:-2] + "ця", s[:-2] + "ці", s[:-2] + "цьке"]
    return list(dict.fromkeys(out))
