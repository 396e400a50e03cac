"""A dense day: many reports of one city on one day, as a big city on a heavy night produces, and the time to
fuse them. Reports are written straight as mentions (no NLP), each a different outlet's telling of one of a
handful of incidents: the same place and day, the same few event types, varied words and actors. Not for
analysis."""

from __future__ import annotations

import random
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from eventwire.records import Actor, Article, Attribution, DateSpan, Event, Evidence, Location, Place, Plover
from eventwire.records.event import SourceRef

_DAY = date(2024, 11, 8)
_CITY = Place("Kharkiv", 49.9935, 36.2304, "UA", 1, geonameid=706483, admin1="Kharkivska oblast",
              feature="city", uncertainty_km=10.0)
# (event type, sub-event type, PLOVER type, mode, verb): the incidents of the night.
_KINDS = (
    ("Explosions/Remote violence", "Air/drone strike", "ASSAULT", "aerial", "struck"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "ASSAULT", "explosives", "shelled"),
    ("Battles", "Armed clash", "FIGHT", "small arms", "clashed near"),
    ("Protests", "Peaceful protest", "PROTEST", "demonstrate", "protested in"),
    ("Strategic developments", "Arrests", "COERCE", "arrest", "detained people in"),
)
_TARGETS = ("a residential block", "a power station", "a warehouse", "the railway depot", "a school",
            "the city centre", "an industrial area", "a market", "a hospital district", "the northern suburbs")
_ACTORS = (Actor("Military Forces of Russia", "RUS", "state forces", "Russian forces"),
           Actor("Military Forces of Ukraine", "UKR", "state forces", "Ukrainian troops"),
           Actor("Protesters", None, "protesters", "residents"), Actor("Police Forces", None, "state forces", "police"))
_STATUSES = ("witnessed", "official", "claimed", "reported", "unattributed")
# Some outlets name a district rather than the city, date the night as two days, or report a threat or a
# denial: pairs that do not match, so the block is not one uniform clique.
_DISTRICTS = tuple(Place(f"Kharkiv district {d}", _CITY.lat + 0.03 * (d - 2), _CITY.lon + 0.04 * (d % 3 - 1), "UA",
                         2, admin1="Kharkivska oblast", feature="region", uncertainty_km=8.0) for d in range(5))
_MODALITIES = ("asserted",) * 17 + ("denied", "threatened", "planned")


def dense_day(n: int, seed: int = 11) -> Iterator[tuple[Article, list[Event]]]:
    """`n` articles, one mention each, all in one city on one day."""
    rng = random.Random(seed)
    for a in range(n):
        article_id = f"a-dense-{a:06d}"
        kind = _KINDS[rng.randrange(len(_KINDS))]
        target = rng.choice(_TARGETS)
        actor = rng.choice(_ACTORS)
        text = f"{actor.text} {kind[4]} {target} in Kharkiv overnight, outlet {a % 97} reported."
        title = f"Night in Kharkiv, report {a}"
        place = _CITY if rng.random() < 0.85 else rng.choice(_DISTRICTS)
        day = DateSpan(_DAY, _DAY, "day", "overnight", "dense day") if rng.random() < 0.85 else DateSpan(
            _DAY - timedelta(days=1), _DAY, "days", "overnight", "dense day, the night across two dates")
        event = Event(
            id=f"ev-dense-{a:06d}", modality=rng.choice(_MODALITIES),  # type: ignore[arg-type]
            attribution=Attribution(status=rng.choice(_STATUSES), source=f"outlet {a % 97}"),  # type: ignore[arg-type]
            evidence=(Evidence(article_id, 0, len(text), text),),
            sources=(SourceRef(article_id, title=title, published=_DAY.isoformat(), source=f"outlet {a % 97}"),),
            confidence=round(rng.uniform(0.4, 1.0), 2), event_type=kind[0], sub_event_type=kind[1],
            plover=Plover(kind[2], kind[3]), date=day, actor1=actor, location=Location(place, place.name),
            fatalities=rng.choice((None, 0, 1, 2, 3)),
            summary=text)
        yield Article(id=article_id, text=text, title=title, published=_DAY, origin=f"dense:{a}"), [event]


@dataclass(frozen=True, slots=True)
class DenseFusionBench:
    articles: int
    mentions: int  # as fusion's summary counts them
    events: int
    seconds: float
    every_article_kept: bool  # each article is among some stored event's sources
    events_stored: int

    def to_dict(self) -> dict[str, float | int | bool]:
        return {"dense_articles": self.articles, "dense_mentions": self.mentions, "dense_events": self.events,
                "dense_fusion_s": round(self.seconds, 2), "dense_every_article_kept": self.every_article_kept}


def time_dense_fusion(n: int = 2000, db_path: Path | None = None) -> DenseFusionBench:
    """Store `n` dense reports in a fresh SQLite file, time one `fuse()`, and check no article went missing."""
    from eventwire.store import open_store

    with tempfile.TemporaryDirectory() as folder:
        path = db_path or Path(folder) / "dense.db"
        with open_store(str(path)) as store:
            with store.batch():
                for article, events in dense_day(n):
                    store.save_article(article, events)
            started = time.perf_counter()
            summary = store.fuse()
            seconds = time.perf_counter() - started
            stored = list(store.events())
            kept = {s.article_id for e in stored for s in e.sources}
    return DenseFusionBench(articles=n, mentions=summary.mentions, events=summary.events, seconds=seconds,
                            every_article_kept=kept == {f"a-dense-{a:06d}" for a in range(n)},
                            events_stored=len(stored))
