"""Former names of Ukrainian towns that reports still use: the 2015-2016 decommunisation renamings, the
later ones (2021-2024), and the Russian spellings of the old names.

GeoNames' alternate names already carry many of these (Artemivsk -> Bakhmut); this table makes sure the
best-known ones reach the current town, in its oblast, as firmly as its own name, so that "Dzerzhinsk" in
a report from Donbas is Toretsk and not the Russian city of that name. Public facts (the renaming laws
of the Verkhovna Rada), written here by hand.
"""

from __future__ import annotations

from dataclasses import replace

from eventwire.geo.gazetteer import Candidate, Gazetteer
from eventwire.geo.names import name_key
from eventwire.geo.tolerant import in_region

# (current official name, admin-1 code, former names and their common spellings)
RENAMED: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Bakhmut", "UA.05", ("Artemivsk", "Artemovsk", "Artyomovsk")),
    ("Pokrovsk", "UA.05", ("Krasnoarmiisk", "Krasnoarmeysk", "Krasnoarmiysk", "Krasnoarmeisk")),
    ("Toretsk", "UA.05", ("Dzerzhynsk", "Dzerzhinsk")),
    ("Myrnohrad", "UA.05", ("Dymytrov", "Dimitrov")),
    ("Lyman", "UA.05", ("Krasnyi Lyman", "Krasny Liman", "Krasnyy Liman", "Krasnyi Liman")),
    ("Khrestivka", "UA.05", ("Kirovske", "Kirovskoye", "Kirovskoe")),
    ("Kalmiuske", "UA.05", ("Komsomolske", "Komsomolskoye", "Komsomolskoe")),
    ("Boikivske", "UA.05", ("Telmanove", "Telmanovo")),
    ("Nikolske", "UA.05", ("Volodarske", "Volodarskoye", "Volodarskoe")),
    ("Niu-York", "UA.05", ("Novhorodske", "Novgorodskoye", "Novgorodskoe")),
    ("Kadiivka", "UA.14", ("Stakhanov",)),
    ("Khrustalnyi", "UA.14", ("Krasnyi Luch", "Krasny Luch", "Krasnyy Luch")),
    ("Dovzhansk", "UA.14", ("Sverdlovsk",)),
    ("Sorokyne", "UA.14", ("Krasnodon",)),
    ("Holubivka", "UA.14", ("Kirovsk",)),
    ("Dnipro", "UA.04", ("Dnipropetrovsk", "Dnepropetrovsk")),
    ("Kamianske", "UA.04", ("Dniprodzerzhynsk", "Dneprodzerzhinsk")),
    ("Pokrov", "UA.04", ("Ordzhonikidze",)),
    ("Bilmak", "UA.26", ("Kuibysheve", "Kuibyshevo", "Kuybyshevo")),
    ("Oleshky", "UA.08", ("Tsiurupynsk", "Tsyurupynsk", "Tsyurupinsk")),
    ("Horishni Plavni", "UA.18", ("Komsomolsk",)),
    ("Chornomorsk", "UA.17", ("Illichivsk", "Ilyichevsk", "Illichevsk")),
    ("Podilsk", "UA.17", ("Kotovsk",)),
    ("Pivdenne", "UA.17", ("Yuzhne", "Yuzhny", "Yuzhnyi")),
    ("Kropyvnytskyi", "UA.10", ("Kirovohrad", "Kirovograd")),
    ("Pivdennoukrainsk", "UA.16", ("Yuzhnoukrainsk",)),
    ("Pereiaslav", "UA.13", ("Pereiaslav-Khmelnytskyi", "Pereyaslav-Khmelnytsky", "Pereiaslav-Khmelnytskyy")),
    ("Sheptytskyi", "UA.15", ("Chervonohrad", "Chervonograd")),
    ("Zviahel", "UA.27", ("Novohrad-Volynskyi", "Novograd-Volynsky", "Novohrad-Volynskyy")),
    ("Berestyn", "UA.07", ("Krasnohrad", "Krasnograd")),
    ("Yany Kapu", "UA.11", ("Krasnoperekopsk",)),
)


def _table() -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for current, code, former in RENAMED:
        for name in former:
            out.setdefault(name_key(name), []).append((current, code))
    return out


def renamed(gazetteer: Gazetteer, name: str) -> list[Candidate]:
    """The current towns a former name stands for, as firmly matched as their own names."""
    table = gazetteer.derived.get("renamed")
    if table is None:
        table = gazetteer.derived["renamed"] = _table()
    assert isinstance(table, dict)
    out: list[Candidate] = []
    for current, code in table.get(name_key(name), []):
        for c in gazetteer.candidates(current):
            if c.admin1_code == code and not c.is_region:
                out.append(replace(c, quality=0))
        if not out:  # spelled otherwise in the gazetteer (Kadiyivka): the largest close spelling in the oblast
            out += [replace(c, quality=0) for c in in_region(gazetteer, current, code)[:1]]
    return out
