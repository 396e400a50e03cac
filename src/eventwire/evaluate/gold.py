"""Check extracted events against a hand-coded gold reading (the seed article's `.gold.json` format).

Each gold event names what must hold (sub-type or PLOVER type, place within km, allowed dates,
attribution, modality, actor country, evidence words); `must_not` lists what must never appear.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.geo.rows import haversine_km
from eventwire.records import Event


@dataclass(frozen=True, slots=True)
class GoldCheck:
    key: str
    found: bool
    event_id: str | None
    failures: tuple[str, ...]  # for the closest candidate, what did not hold


@dataclass(frozen=True, slots=True)
class GoldReport:
    checks: tuple[GoldCheck, ...]
    violations: tuple[str, ...]  # must_not rules broken

    @property
    def passed(self) -> bool:
        return all(c.found for c in self.checks) and not self.violations

    def table(self) -> str:
        lines = [f"{'gold event':32} {'found':6} detail"]
        for c in self.checks:
            detail = c.event_id if c.found else "; ".join(c.failures) or "no candidate of this type"
            lines.append(f"{c.key:32} {'yes' if c.found else 'NO':6} {detail}")
        lines += [f"must_not broken: {v}" for v in self.violations]
        lines.append(f"{sum(c.found for c in self.checks)}/{len(self.checks)} gold events found, "
                     f"{len(self.violations)} must_not violations")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {"found": sum(c.found for c in self.checks), "gold": len(self.checks),
                "violations": list(self.violations),
                "events": [{"key": c.key, "found": c.found, "event_id": c.event_id, "failures": list(c.failures)}
                           for c in self.checks]}


def load_gold(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def check_gold(gold: dict[str, Any], events: Sequence[Event]) -> GoldReport:
    checks = []
    for spec in gold["events"]:
        candidates = [e for e in events if _type_matches(spec, e)]
        scored = sorted(((_failures(spec, e), e) for e in candidates), key=lambda fe: len(fe[0]))
        if scored and not scored[0][0]:
            checks.append(GoldCheck(spec["key"], True, scored[0][1].id, ()))
        else:
            checks.append(GoldCheck(spec["key"], False, None, tuple(scored[0][0]) if scored else ()))
    violations = [rule["why"] for rule in gold.get("must_not", []) if any(_breaks(rule, e) for e in events)]
    return GoldReport(tuple(checks), tuple(violations))


def _type_matches(spec: dict[str, Any], e: Event) -> bool:
    if "sub_event_type" in spec:
        return e.sub_event_type in [spec["sub_event_type"], *spec.get("sub_event_type_also_ok", [])]
    allowed = [spec["plover"], *spec.get("plover_also_ok", [])]
    return e.plover is not None and e.plover.type in allowed


def _failures(spec: dict[str, Any], e: Event) -> list[str]:
    out: list[str] = []
    loc = spec.get("location")
    if loc is not None:
        out += _location_failures(loc, e)
    if "date_any" in spec and (e.date is None or e.date.start.isoformat() not in spec["date_any"]):
        out.append(f"date {e.date.start if e.date else None} not in {spec['date_any']}")
    if "modality_any" in spec and e.modality not in spec["modality_any"]:
        out.append(f"modality {e.modality}")
    if "actor1_country" in spec and (e.actor1 is None or e.actor1.country != spec["actor1_country"]):
        out.append(f"actor1 country {e.actor1.country if e.actor1 else None}")
    if "actor1_contains_any" in spec:
        said = f"{e.actor1.name} {e.actor1.text}" if e.actor1 else ""
        if not any(w.lower() in said.lower() for w in spec["actor1_contains_any"]):
            out.append(f"actor1 {said!r}")
    out += _attribution_failures(spec.get("attribution"), e)
    evidence = " ".join(ev.text for ev in e.evidence).lower()
    out += [f"evidence lacks {w!r}" for w in spec.get("evidence_contains", []) if w.lower() not in evidence]
    return out


def _location_failures(loc: dict[str, Any], e: Event) -> list[str]:
    if e.location is None:
        return ["no location"]
    p = e.location.place
    out = []
    km = haversine_km(p.lat, p.lon, loc["lat"], loc["lon"])
    if km > loc["km_tolerance"]:
        out.append(f"location {p.name} is {km:.0f} km off")
    if "precision_any" in loc and p.precision not in loc["precision_any"]:
        out.append(f"precision {p.precision}")
    if "admin1_any" in loc and not any(a.lower() in (p.admin1 or "").lower() or (p.admin1 or "~").lower() in a.lower()
                                       for a in loc["admin1_any"]):
        out.append(f"admin1 {p.admin1!r}")
    return out


def _attribution_failures(attr: dict[str, Any] | None, e: Event) -> list[str]:
    if attr is None:
        return []
    out = []
    if e.attribution.status not in attr["status_any"]:
        out.append(f"attribution {e.attribution.status}")
    source = (e.attribution.source or "").lower()
    wanted = [attr["source_contains"]] if "source_contains" in attr else attr.get("source_contains_any", [])
    if wanted and not any(w.lower() in source for w in wanted):
        out.append(f"source {e.attribution.source!r}")
    return out


def _breaks(rule: dict[str, Any], e: Event) -> bool:
    if "sub_event_type" in rule and e.sub_event_type == rule["sub_event_type"]:
        return True
    return "location_country" in rule and e.location is not None and e.location.place.country == rule[
        "location_country"]

