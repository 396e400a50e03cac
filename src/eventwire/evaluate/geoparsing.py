"""Geoparsing scores on GeoWebNews, LGL, TR-News and GeoVirus (the XML files of Gritta et al.).

Measured: toponym recognition (precision, recall, F1, on strict and on overlapping spans), resolution
given the gold spans (share within 161 km, median error), and end to end (a gold toponym counts when a
found mention overlaps it and resolves within 161 km).

GeoWebNews labels every span with a type. We count what its authors' NER script (ner.py in
milangritta/Pragmatic-Guide-to-Geoparsing-Evaluation) maps to an entity: the literal types (Literal,
Mixed, Coercion, Embedded_Literal, Literal_Modifier), the associative ones (Metonymic,
Non_Literal_Modifier, Embedded_Non_Lit) and Homonym (a place name used for something else, as
"Chicago" the child's name). Not counted, as there: Demonym and Language (the people or the language,
with no coordinates), Non_Toponym, and the Literal_Expression and Non_Lit_Expression types. Resolution
is scored on the counted toponyms that carry coordinates (Homonyms carry none).
"""

from __future__ import annotations

import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.errors import InputError

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from eventwire.geo.gazetteer import Gazetteer
    from eventwire.geo.toponyms import Found

GWN_TOPONYM_TYPES = ("Literal", "Mixed", "Coercion", "Embedded_Literal", "Literal_Modifier", "Metonymic",
                     "Non_Literal_Modifier", "Embedded_Non_Lit", "Homonym")
WITHIN_KM = 161.0


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    text: str
    toponyms: tuple[GoldToponym, ...]
    url: str | None = None  # where it was published (LGL's and TR-News's <url>, GeoWebNews's <link>)


@dataclass(frozen=True, slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass(frozen=True, slots=True)
class GeoparsingReport:
    dataset: str
    articles: int
    gold_toponyms: int
    gold_with_coordinates: int
    strict: Counts
    overlap: Counts
    resolved_within_161: float  # given gold spans, share of gold toponyms with coordinates
    median_km: float | None  # given gold spans, over the ones resolved
    unresolved_given_gold: int
    end_to_end_within_161: float
    end_to_end_f1: float  # overlap match that also resolves within 161 km
    toponym_types: tuple[str, ...] = field(default=())
    seconds: float = 0.0

    def to_dict(self) -> dict[str, object]:
        sp, sr, sf = self.strict.prf()
        op, orr, of = self.overlap.prf()
        return {
            "dataset": self.dataset, "articles": self.articles, "gold_toponyms": self.gold_toponyms,
            "gold_with_coordinates": self.gold_with_coordinates,
            "recognition_strict": {"precision": round(sp, 4), "recall": round(sr, 4), "f1": round(sf, 4)},
            "recognition_overlap": {"precision": round(op, 4), "recall": round(orr, 4), "f1": round(of, 4)},
            "resolution_given_gold": {"within_161km": round(self.resolved_within_161, 4),
                                      "median_km": None if self.median_km is None else round(self.median_km, 1),
                                      "unresolved": self.unresolved_given_gold},
            "end_to_end": {"within_161km": round(self.end_to_end_within_161, 4),
                           "f1_161km": round(self.end_to_end_f1, 4)},
            "toponym_types": list(self.toponym_types), "seconds": round(self.seconds, 1),
        }

    def table(self) -> str:
        d = self.to_dict()
        st, ov = d["recognition_strict"], d["recognition_overlap"]
        res, e2e = d["resolution_given_gold"], d["end_to_end"]
        assert isinstance(st, dict) and isinstance(ov, dict) and isinstance(res, dict) and isinstance(e2e, dict)
        rows = [
            f"geoparsing: {self.dataset} ({self.articles} articles, {self.gold_toponyms} gold toponyms, "
            f"{self.gold_with_coordinates} with coordinates)",
            f"  recognition strict   P {st['precision']:.3f}  R {st['recall']:.3f}  F1 {st['f1']:.3f}",
            f"  recognition overlap  P {ov['precision']:.3f}  R {ov['recall']:.3f}  F1 {ov['f1']:.3f}",
            f"  resolution (gold spans)  within 161 km {res['within_161km']:.3f}  median {res['median_km']} km  "
            f"unresolved {res['unresolved']}",
            f"  end to end  within 161 km {e2e['within_161km']:.3f}  F1@161km {e2e['f1_161km']:.3f}",
        ]
        if self.toponym_types:
            rows.append(f"  toponym types counted: {', '.join(self.toponym_types)}")
        return "\n".join(rows)


def _float(el: ET.Element | None) -> float | None:
    if el is None or not (el.text or "").strip():
        return None
    return float(el.text or "")


def _gwn_toponym(el: ET.Element) -> GoldToponym | None:
    if (el.findtext("type") or "") not in GWN_TOPONYM_TYPES:
        return None
    return GoldToponym(int(el.findtext("start") or 0), int(el.findtext("end") or 0),
                       el.findtext("extractedName") or "", _float(el.find("latitude")), _float(el.find("longitude")))


def _lgl_toponym(el: ET.Element) -> GoldToponym | None:
    gaz = el.find("gaztag")
    return GoldToponym(int(el.findtext("start") or 0), int(el.findtext("end") or 0), el.findtext("phrase") or "",
                       _float(gaz.find("lat")) if gaz is not None else None,
                       _float(gaz.find("lon")) if gaz is not None else None)


def _geovirus_toponym(el: ET.Element) -> GoldToponym | None:
    return GoldToponym(int(el.findtext("start") or 0), int(el.findtext("end") or 0), el.findtext("name") or "",
                       _float(el.find("lat")), _float(el.find("lon")))


def _aligned(t: GoldToponym, text: str) -> GoldToponym:
    """GeoVirus counts offsets from 1 (its "Hamburg" starts at 15 in "Scientists in Hamburg"); a span
    that matches its name one character earlier is taken to be such an offset."""
    if text[t.start:t.end] != t.text and text[t.start - 1:t.end - 1] == t.text and t.start > 0:
        return GoldToponym(t.start - 1, t.end - 1, t.text, t.lat, t.lon)
    return t


def read_articles(path: Path, limit: int | None = None) -> tuple[str, list[GoldArticle]]:
    """(format name, articles) from any of the four XML files, told apart by their element names."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise InputError(f"cannot read {path} as geoparsing XML ({exc}); pass GWN.xml, lgl.xml, ...") from exc
    out, fmt = [], "unknown"
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        if art.find("locations") is not None:
            fmt, tops = "GeoVirus", [_geovirus_toponym(e) for e in art.iter("location")]
        elif art.find("toponyms/toponym/extractedName") is not None or art.find("link") is not None:
            fmt, tops = "GeoWebNews", [_gwn_toponym(e) for e in art.iter("toponym")]
        else:
            fmt, tops = "LGL-format", [_lgl_toponym(e) for e in art.iter("toponym")]
        aligned = [_aligned(t, text) for t in tops if t is not None]
        kept = sorted((t for t in aligned if text[t.start:t.end] == t.text), key=lambda t: t.start)
        out.append(GoldArticle(text, tuple(kept), art.findtext("url") or art.findtext("link")
                               or art.findtext("domain")))
        if limit is not None and len(out) >= limit:
            break
    return fmt, out


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def recognition(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> tuple[Counts, Counts]:
    gs, ps = set(gold), set(pred)
    strict = Counts(len(gs & ps), len(ps - gs), len(gs - ps))
    matched_g = {g for g in gs if any(_overlaps(g, p) for p in ps)}
    matched_p = {p for p in ps if any(_overlaps(g, p) for g in gs)}
    return strict, Counts(len(matched_g), len(ps - matched_p), len(gs - matched_g))


@dataclass(frozen=True, slots=True)
class ArticleScore:
    strict: Counts
    overlap: Counts
    errors_given_gold: tuple[float | None, ...]  # km per gold toponym with coordinates; None: unresolved
    e2e_hits: int  # gold toponyms with coordinates found and resolved within 161 km
    e2e_pred: int  # predicted toponyms that overlap no gold toponym, or resolve too far


def _given_with_containers(doc: Doc, gazetteer: Gazetteer, given: list[Found]) -> list[Found]:
    """The gold spans with what the text around them says, as the geoparser reads it in an article: the
    region it puts each in ("Fresno, Calif."), and the level its words imply. The spans stay the gold ones;
    mentions the container pass would add are left out."""
    from eventwire.geo.containers import add_containers
    from eventwire.geo.toponyms import sentence_index

    read = {f.start: f for f in add_containers(doc, gazetteer, given, sentence_index(doc)) if f.source == "given"}
    return [replace(g, container=r.container, raion=r.raion, level=r.level if r.end == g.end else g.level)
            if (r := read.get(g.start)) is not None else g for g in given]


def score_article(article: GoldArticle, doc: object, gazetteer: object, count_demonyms: bool) -> ArticleScore:
    from eventwire.geo.gazetteer import Gazetteer
    from eventwire.geo.resolve import places_for_doc, resolve_mentions
    from eventwire.geo.rows import haversine_km
    from eventwire.geo.site import site_country
    from eventwire.geo.toponyms import find_mentions, found_for_span
    from eventwire.geo.war import is_war_report

    assert isinstance(gazetteer, Gazetteer)
    # GeoWebNews counts adjectival uses of place names ("Russian" in "Russian drones") as associative
    # toponyms, and LGL and TR-News mark them as toponyms with coordinates ("American", "Palestinian"), so
    # demonym mentions are predictions there; GeoVirus annotates proper names only.
    pred = [m for m in places_for_doc(doc, "eval", gazetteer, article.url)  # type: ignore[arg-type]
            if m.kind != "demonym" or count_demonyms]
    gold_spans = [(t.start, t.end) for t in article.toponyms]
    strict, overlap = recognition(gold_spans, [(m.start, m.end) for m in pred])
    located = [t for t in article.toponyms if t.lat is not None and t.lon is not None]
    spans = [f for t in located if (f := found_for_span(doc, t.start, t.end)) is not None]  # type: ignore[arg-type]
    given = _given_with_containers(doc, gazetteer, spans)  # type: ignore[arg-type]
    demonyms = [f for f in find_mentions(doc, gazetteer) if f.kind == "demonym"]  # type: ignore[arg-type]
    war = is_war_report(article.text) or any((f.container or "").startswith("UA.") for f in given)
    by_span = {(m.start, m.end): m for m in resolve_mentions(given + demonyms, "eval", gazetteer, war=war,
                                                                 site=site_country(article.url), text=article.text)}
    errors: list[float | None] = []
    for t in located:
        m = by_span.get((t.start, t.end))
        errors.append(haversine_km(t.lat, t.lon, m.place.lat, m.place.lon)  # type: ignore[arg-type]
                      if m and m.place else None)
    hits, good_pred = 0, 0
    for t in located:
        near = [m for m in pred if _overlaps((t.start, t.end), (m.start, m.end)) and m.place]
        if any(haversine_km(t.lat, t.lon, m.place.lat, m.place.lon) <= WITHIN_KM  # type: ignore[arg-type, union-attr]
               for m in near):
            hits += 1
    for m in pred:
        good_pred += any(_overlaps((t.start, t.end), (m.start, m.end)) and m.place is not None
                         and haversine_km(t.lat, t.lon, m.place.lat, m.place.lon) <= WITHIN_KM  # type: ignore[arg-type]
                         for t in located)
    return ArticleScore(strict, overlap, tuple(errors), hits, len(pred) - good_pred)


def evaluate_geoparsing(path: Path, limit: int | None = None, gazetteer_path: Path | None = None) -> GeoparsingReport:
    """Score the geoparser on one of the geoparsing XML files."""
    import time

    from eventwire.geo.build import ensure_gazetteer
    from eventwire.geo.gazetteer import Gazetteer
    from eventwire.nlp import parse

    started = time.monotonic()
    fmt, articles = read_articles(path, limit)
    strict, overlap, hits, extra = Counts(), Counts(), 0, 0
    errors: list[float | None] = []
    with Gazetteer.open(ensure_gazetteer(gazetteer_path)) as gaz:
        for article, doc in zip(articles, parse(a.text for a in articles), strict=True):
            s = score_article(article, doc, gaz, fmt != "GeoVirus")
            strict, overlap = strict.add(s.strict), overlap.add(s.overlap)
            errors.extend(s.errors_given_gold)
            hits, extra = hits + s.e2e_hits, extra + s.e2e_pred
    located = len(errors)
    resolved = [e for e in errors if e is not None]
    p = hits / (hits + extra) if hits + extra else 0.0
    r = hits / located if located else 0.0
    return GeoparsingReport(
        dataset=f"{path.name} ({fmt})", articles=len(articles),
        gold_toponyms=sum(len(a.toponyms) for a in articles), gold_with_coordinates=located,
        strict=strict, overlap=overlap,
        resolved_within_161=sum(1 for e in resolved if e <= WITHIN_KM) / located if located else 0.0,
        median_km=statistics.median(resolved) if resolved else None,
        unresolved_given_gold=located - len(resolved), end_to_end_within_161=r,
        end_to_end_f1=2 * p * r / (p + r) if p + r else 0.0,
        toponym_types=GWN_TOPONYM_TYPES if fmt == "GeoWebNews" else (), seconds=time.monotonic() - started)
