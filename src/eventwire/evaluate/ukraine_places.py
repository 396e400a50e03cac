"""Ukrainian place resolution against UCDP GED (events.csv), through the text path that articles take.

For each event located to the place itself (`where_prec == 1`), sentences are built in the forms reports
use ("Russian forces shelled X, Donetsk.", "near X in the Donetsk region", "the X community, Donetsk
region", "X (Donetsk oblast)"); each goes through spaCy and the geoparser exactly as an article would, and
the place the geoparser gives the settlement's words is scored against UCDP's own coordinates. Nothing from
UCDP's columns reaches the resolver except through those words.
"""

from __future__ import annotations

import csv
import re
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from eventwire.errors import InputError

WITHIN_KM = 25.0
# UCDP writes "Pisky village", "Lyman town": the kind of place is dropped, as reports seldom write it;
# other words ("Donetsk International airport", "checkpoint") stay, as reports write them too.
_TRAILING_LOWER = re.compile(r"(?:\s+(?:village|town|city|settlement|urban-type settlement|hamlet))+$")
_OBLAST_WORD = re.compile(r"\s+oblast$", re.IGNORECASE)
# The forms of "settlement + region" that reports use; {x} the settlement, {y} the oblast's short name.
FORMS: dict[str, str] = {
    "comma": "Russian forces shelled {x}, {y}, overnight, officials said.",
    "near-region": "Fighting continued near {x} in the {y} region, the military said.",
    "community": "A civilian was wounded in shelling of the {x} community, {y} region, on Tuesday.",
    "parenthesis": "Ukrainian troops repelled an attack on {x} ({y} oblast), the General Staff said.",
}


@dataclass(frozen=True, slots=True)
class FormScore:
    sentences: int
    resolved: int
    within: int
    errors_km: tuple[float, ...]

    def to_dict(self) -> dict[str, object]:
        return {"sentences": self.sentences, "resolved": self.resolved,
                "within_25km": round(self.within / self.sentences, 4) if self.sentences else 0.0,
                "median_km": round(statistics.median(self.errors_km), 2) if self.errors_km else None}


@dataclass(frozen=True, slots=True)
class UkrainePlacesReport:
    rows: int
    sentences: int
    resolved: int
    within_25km: float  # share of all sentences
    median_km: float | None  # over resolved sentences
    by_form: tuple[tuple[str, FormScore], ...]
    seconds: float

    def to_dict(self) -> dict[str, object]:
        return {"rows": self.rows, "sentences": self.sentences, "resolved": self.resolved,
                "within_25km": round(self.within_25km, 4),
                "median_km": None if self.median_km is None else round(self.median_km, 2),
                "by_form": {name: s.to_dict() for name, s in self.by_form}, "seconds": round(self.seconds, 1)}

    def table(self) -> str:
        median = "n/a" if self.median_km is None else f"{self.median_km:.2f}"
        lines = [f"ukraine places through text (UCDP GED, where_prec 1): {self.rows} rows, "
                 f"{self.sentences} sentences, {self.resolved} resolved",
                 f"  within 25 km {self.within_25km:.3f}  median {median} km"]
        for name, s in self.by_form:
            d = s.to_dict()
            lines.append(f"  {name:<12} within 25 km {d['within_25km']:.3f}  median {d['median_km']} km  "
                         f"({s.resolved}/{s.sentences} resolved)")
        return "\n".join(lines)


def place_name(where: str) -> str:
    return _TRAILING_LOWER.sub("", where.strip()).strip()


def oblast_name(adm_1: str) -> str:
    """"Donetsk oblast" -> "Donetsk", "Zaporizhzhya oblast" -> "Zaporizhzhya": the short form reports use."""
    return _OBLAST_WORD.sub("", adm_1.strip())


def sentences_for(row: dict[str, str]) -> list[tuple[str, str, int, int]]:
    """(form, sentence, start, end of the settlement's words) for one UCDP row."""
    x, y = place_name(row["where_coordinates"]), oblast_name(row.get("adm_1") or "")
    out = []
    settlement = _TRAILING_LOWER.search(row["where_coordinates"].strip()) is not None
    for form, template in FORMS.items():
        if (not y and "{y}" in template) or (form == "community" and not settlement):
            continue  # only settlements have communities named after them
        text = template.format(x=x, y=y)
        start = text.index(x)
        out.append((form, text, start, start + len(x)))
    return out


def read_rows(path: Path, limit: int | None) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = [r for r in csv.DictReader(fh) if r.get("where_prec") == "1"]
    except (OSError, csv.Error) as exc:
        raise InputError(f"cannot read {path} as UCDP GED CSV ({exc})") from exc
    return rows[:limit] if limit is not None else rows


def evaluate_ukraine_places(path: Path, limit: int | None = None,
                            gazetteer_path: Path | None = None) -> UkrainePlacesReport:
    from eventwire.geo.build import ensure_gazetteer
    from eventwire.geo.gazetteer import Gazetteer
    from eventwire.geo.resolve import places_for_doc
    from eventwire.geo.rows import haversine_km
    from eventwire.nlp import parse

    started = time.monotonic()
    rows = read_rows(path, limit)
    items = [(row, *s) for row in rows for s in sentences_for(row)]
    per_form: dict[str, list[float | None]] = {form: [] for form in FORMS}
    with Gazetteer.open(ensure_gazetteer(gazetteer_path)) as gaz:
        for (row, form, _text, start, end), doc in zip(items, parse(i[2] for i in items), strict=True):
            mentions = [m for m in places_for_doc(doc, "ucdp", gaz)
                        if m.place is not None and m.start < end and start < m.end and m.kind == "toponym"]
            if mentions:
                p = mentions[0].place
                assert p is not None
                per_form[form].append(haversine_km(float(row["latitude"]), float(row["longitude"]), p.lat, p.lon))
            else:
                per_form[form].append(None)
    by_form = tuple((form, FormScore(len(errs), sum(e is not None for e in errs),
                                     sum(1 for e in errs if e is not None and e <= WITHIN_KM),
                                     tuple(e for e in errs if e is not None))) for form, errs in per_form.items())
    resolved = [e for _, s in by_form for e in s.errors_km]
    n = sum(s.sentences for _, s in by_form)
    return UkrainePlacesReport(len(rows), n, len(resolved),
                               sum(s.within for _, s in by_form) / n if n else 0.0,
                               statistics.median(resolved) if resolved else None, by_form,
                               time.monotonic() - started)
