"""Just enough Ukrainian and Russian morphology to look a name up: the nominative forms a case form
may come from ("Одесу" -> "Одеса", "Бердянске" -> "Бердянск", "Харківщині" -> "Харківщина"), and the
Ukrainian spellings of a Russian-spelt Ukrainian name ("Никополь" -> "Нікополь", "Горловка" ->
"Горлівка"). Both only propose forms; the gazetteer decides which exist."""

from __future__ import annotations

import itertools
import re

# (ending of the case form, ending of the nominative): nouns of both languages, feminine, masculine and
# neuter, and the adjectives of compound names ("Новій Каховці", "Кривому Розі").
_NOUN_ENDINGS: tuple[tuple[str, str], ...] = (
    ("ці", "ка"), ("зі", "га"), ("сі", "ха"), ("ою", "а"), ("ею", "я"), ("ої", "а"), ("ій", "а"), ("ей", "я"),
    ("і", "а"), ("і", "я"), ("і", ""), ("і", "ь"), ("у", "а"), ("у", ""), ("ю", "я"), ("ю", "ь"), ("а", ""),
    ("я", "ь"), ("я", "е"), ("ом", ""), ("ем", ""), ("ем", "ь"), ("ові", ""), ("еві", "ь"), ("ах", "и"),
    ("ах", "а"), ("и", "а"), ("и", ""), ("ки", "ка"), ("е", "а"), ("е", ""), ("е", "о"), ("ой", "а"),
    ("ом", "о"), ("ым", "ое"), ("ому", "е"), ("ому", "ий"), ("ого", "е"), ("ого", "ий"), ("ому", "ое"),
    ("ого", "ое"), ("ом", "е"), ("ім", "е"), ("ім", "ий"), ("им", "е"), ("им", "ий"), ("ом", "ое"),
    ("ої", "а"), ("ої", "е"), ("ій", "е"), ("ой", "ая"), ("ую", "ая"), ("ою", "ая"), ("ей", "ья"), ("у", "о"),
    ("і", "е"), ("ях", "і"), ("ях", "ї"), ("ей", "и"), ("ів", "и"), ("ах", ""),
    ("і", "о"), ("а", "о"), ("ым", ""), ("им", ""),  # "у Дніпрі" -> Дніпро, "под Часовым Яром" -> Часов Яр
    ("ї", "я"), ("єю", "я"),  # "поблизу Балаклії", "під Балаклією" -> Балаклія
    ("ок", "ки"),  # genitive plural: "в районе Крынок" -> Крынки
)
# Ukrainian alternation of о/е with і in the last closed syllable: Харкова -> Харків, Львова -> Львів.
_UK_O_TO_I = (("ов", "ів"), ("ог", "іг"), ("ор", "ір"), ("ол", "іл"), ("ом", "ім"), ("ен", "ін"), ("ер", "ір"),
              ("ет", "іт"), ("єв", "їв"))  # and є with ї: Миколаєва -> Миколаїв


def nominatives(word: str) -> list[str]:
    """The word itself first, then every nominative its ending could come from (Ukrainian or Russian)."""
    low = word.lower()
    out = [low]
    for case, nom in _NOUN_ENDINGS:
        if low.endswith(case) and len(low) - len(case) >= 2:  # "Яром" -> Яр
            stem = low[: len(low) - len(case)]
            form = stem + nom
            out.append(form)
            out.extend(form[: -len(closed)] + alt for closed, alt in _UK_O_TO_I if form.endswith(closed))
    return list(dict.fromkeys(out))


def adjective_nominative(word: str) -> str | None:
    """Feminine nominative of a place adjective in any case: 'Харківської' -> 'харківська',
    'Запорожской' -> 'запорожская', 'Синельниківського' -> 'синельниківський' (masculine kept)."""
    low = word.lower()
    for case, nom in (("ської", "ська"), ("ській", "ська"), ("ську", "ська"), ("ською", "ська"), ("ська", "ська"),
                      ("скій", "ська"),  # a Russian stem with a Ukrainian ending ("Ворожбянскій"): mixed spelling
                      ("цької", "цька"), ("цькій", "цька"), ("цьку", "цька"), ("цькою", "цька"), ("цька", "цька"),
                      ("зької", "зька"), ("зькій", "зька"), ("зьку", "зька"), ("зькою", "зька"), ("зька", "зька"),
                      ("зького", "зький"), ("зькому", "зький"), ("зьким", "зький"), ("зький", "зький"),
                      ("ской", "ская"), ("скую", "ская"), ("ская", "ская"), ("ском", "ский"),
                      ("цкой", "цкая"), ("цкую", "цкая"), ("цкая", "цкая"),
                      ("ського", "ський"), ("ському", "ський"), ("ським", "ський"), ("ський", "ський"),
                      ("цького", "цький"), ("цькому", "цький"), ("цьким", "цький"), ("цький", "цький"),
                      ("цкого", "цкий"), ("цкому", "цкий"), ("цком", "цкий"), ("цким", "цкий"), ("цкий", "цкий"),
                      ("ского", "ский"), ("скому", "ский"), ("ским", "ский"), ("ский", "ский")):
        if low.endswith(case) and len(low) > len(case) + 2:
            return low[: len(low) - len(case)] + nom
    return None


_RU_TO_UK_LETTERS = str.maketrans({"ы": "и", "э": "е", "ъ": "'"})


def ukrainian_spellings(name: str, limit: int = 12) -> list[str]:
    """Ukrainian spellings a Russian-spelt name may have: и->і, ы->и, э->е, ё->ьо, -ск->-ськ, -ое->-е,
    and о/е->і in one syllable at a time (Кременная -> Кремінна, Горловка -> Горлівка)."""
    low = name.lower().replace("ё", "ьо")
    if not any(ch in low for ch in "иыэъоеё") and not low.endswith("ск"):
        return []
    base = low.replace("и", "і").translate(_RU_TO_UK_LETTERS)
    base = base.replace("ая", "а").replace("ое", "е") if base.endswith(("ая", "ое")) else base
    if base.endswith("ск"):
        base = base + "ь" if not base.endswith("ськ") else base
        base = base[:-3] + "ськ"
    if "ь" in base[:-1]:  # Харьков -> Харків: Ukrainian writes no soft sign before most consonants
        base = re.sub(r"ь(?=[бвгґджзклмнпрстфхцчшщ])", "", base[:-1]) + base[-1]
    out = [base]
    vowels = [i for i, ch in enumerate(base) if ch in "ое" and 0 < i < len(base) - 1]
    for i in vowels:
        out.append(base[:i] + "і" + base[i + 1:])
    for i, j in itertools.combinations(vowels, 2):
        out.append(base[:i] + "і" + base[i + 1:j] + "і" + base[j + 1:])
    return list(dict.fromkeys(o for o in out if o != low))[:limit]


_RU_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g",
}


def romanize_ru(text: str) -> str:
    """Russian names in the spelling GeoNames uses for Russia (BGN/PCGN without diacritics):
    Брянская область -> bryanskaya oblast, Белгород -> belgorod."""
    out = []
    for ch in text.lower():
        out.append(_RU_LATIN.get(ch, ch))
    return "".join(out)
