"""Synthetic events for the load test: plausible records written through the store's own write paths, so
the database the server reads is shaped like a real one. Not for analysis."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from datetime import date, timedelta

from eventwire.records import Actor, Article, Attribution, DateSpan, Event, Evidence, Location, Place, Plover
from eventwire.records.event import SourceRef
from eventwire.store import Store

EVENTS_PER_ARTICLE = 5
_TYPES = (
    ("Battles", "Armed clash", "FIGHT", "small arms", "clashed with"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "ASSAULT", "explosives", "shelled"),
    ("Explosions/Remote violence", "Air/drone strike", "ASSAULT", "aerial", "struck"),
    ("Violence against civilians", "Attack", "ASSAULT", "beat", "attacked"),
    ("Protests", "Peaceful protest", "PROTEST", "demonstrate", "protested against"),
    ("Riots", "Violent demonstration", "PROTEST", "riot", "rioted against"),
    ("Strategic developments", "Arrests", "COERCE", "arrest", "arrested"),
)
_PLACES = (("Kharkiv", 49.98, 36.25, "UA", "Kharkivska oblast"), ("Kyiv", 50.45, 30.52, "UA", "Kyiv City"),
           ("Odesa", 46.48, 30.72, "UA", "Odeska oblast"), ("Donetsk", 48.0, 37.8, "UA", "Donetska oblast"),
           ("Tbilisi", 41.69, 44.8, "GE", "Tbilisi"), ("Khartoum", 15.5, 32.56, "SD", "Khartoum"),
           ("Goma", -1.68, 29.22, "CD", "North Kivu"), ("Abuja", 9.06, 7.49, "NG", "Federal Capital Territory"),
           ("Gaza", 31.5, 34.47, "PS", "Gaza Strip"), ("Bamako", 12.65, -8.0, "ML", "Bamako"))
_ACTORS = (("Military Forces of Russia", "RUS", "state forces"), ("Military Forces of Ukraine", "UKR", "state forces"),
           ("Rapid Support Forces", "SDN", "rebel group"), ("M23", "COD", "rebel group"),
           ("Protesters", None, "protesters"), ("Police Forces", None, "state forces"),
           ("Civilians", None, "civilians"))
_STATUSES = ("witnessed", "official", "claimed", "reported", "unattributed")
_MODALITIES = ("asserted",) * 8 + ("denied", "threatened")


def synthetic_articles(n_events: int, seed: int = 7) -> Iterator[tuple[Article, list[Event]]]:
    rng = random.Random(seed)
    first = date(2024, 12, 31)
    for a in range((n_events + EVENTS_PER_ARTICLE - 1) // EVENTS_PER_ARTICLE):
        published = first - timedelta(days=rng.randrange(3650))
        article_id = f"a-synthetic-{a:07d}"
        title = f"Synthetic report {a}: fighting and protests"
        sentences: list[str] = []
        events: list[Event] = []
        for k in range(min(EVENTS_PER_ARTICLE, n_events - a * EVENTS_PER_ARTICLE)):
            kind = rng.choice(_TYPES)
            # Places spread around real cities and days over ten years, so that fusion merges about as
            # rarely as it does in real data (dense synthetic reports would all merge into a few events).
            base, lat, lon, country, admin1 = rng.choice(_PLACES)
            name = f"{base} area {rng.randrange(500)}"
            lat, lon = lat + rng.uniform(-2, 2), lon + rng.uniform(-2, 2)
            actor1, actor2 = rng.sample(_ACTORS, 2)
            day = published - timedelta(days=rng.randrange(3))
            text = f"{actor1[0]} {kind[4]} {actor2[0]} near {name} on {day.isoformat()}, the report said."
            start = sum(len(s) + 1 for s in sentences)
            sentences.append(text)
            events.append(Event(
                id=f"ev-synthetic-{a:07d}-{k}", modality=rng.choice(_MODALITIES),  # type: ignore[arg-type]
                attribution=Attribution(status=rng.choice(_STATUSES), source="the report"),  # type: ignore[arg-type]
                evidence=(Evidence(article_id, start, start + len(text), text),),
                sources=(SourceRef(article_id, title=title, published=published.isoformat()),),
                confidence=round(rng.uniform(0.3, 1.0), 2), event_type=kind[0], sub_event_type=kind[1],
                plover=Plover(kind[2], kind[3]), date=DateSpan(day, day, "day", day.isoformat(), "synthetic"),
                actor1=Actor(*actor1), actor2=Actor(*actor2),
                location=Location(Place(name, lat, lon, country, 1, admin1=admin1), name),
                fatalities=rng.choice((None, 0, 1, 2, 5)), summary=f"{kind[1]} near {name}."))
        yield Article(id=article_id, text=" ".join(sentences), title=title, published=published,
                      origin=f"synthetic:{a}"), events


def fill(store: Store, n_events: int, progress: Callable[[str], None]) -> None:
    """Write the articles through `save_article`, then fuse them as `eventwire run` does (100,000 reports:
    about 20 s to write and a minute to fuse on the 2-core development machine)."""
    with store.batch():
        for i, (article, events) in enumerate(synthetic_articles(n_events)):
            store.save_article(article, events)
            if i and i % 5000 == 0:
                progress(f"{i * EVENTS_PER_ARTICLE} events written")
    progress("fusing")
    store.fuse()
