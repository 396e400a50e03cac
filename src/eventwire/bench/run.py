"""`eventwire bench`: throughput of the spaCy pass alone, of the places pass (`eventwire places`: spaCy
and the geoparser), of the whole per-article pipeline, and of the pipeline on a local Dask cluster of 1 and
2 workers, measured one after the other in one run; then the time to fuse the events."""

from __future__ import annotations

import resource
import time
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from eventwire.bench.dask import DaskBench, bench_dask
from eventwire.bench.fusion import FusionBench, bench_fusion, time_fusion
from eventwire.bench.fusion_dense import DenseFusionBench, time_dense_fusion
from eventwire.geo.resolve import places_for_doc
from eventwire.ingest import read_file
from eventwire.nlp import load_pipeline
from eventwire.pipeline import ArticleResult, Pipeline, open_pipeline
from eventwire.records import Article


@dataclass(frozen=True, slots=True)
class BenchResult:
    articles: int
    words: int
    spacy_s: float
    places_s: float  # spaCy and the geoparser, as `eventwire places` does, without printing
    geo_s: float  # the geoparser's part of places_s
    place_mentions: int
    pipeline_s: float
    events: int
    peak_rss_mb: float
    fusion: FusionBench | None = None
    dask: tuple[DaskBench, ...] = ()
    dense: DenseFusionBench | None = None  # a generated dense day (one city, one day) fused on its own

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles, "words": self.words, "events": self.events,
            "spacy_only_articles_per_s": round(self.articles / self.spacy_s, 2),
            "spacy_only_words_per_s": round(self.words / self.spacy_s),
            "places_articles_per_s": round(self.articles / self.places_s, 2),
            "places_words_per_s": round(self.words / self.places_s),
            "place_mentions": self.place_mentions,
            "places_overhead_vs_spacy": round(self.geo_s / (self.places_s - self.geo_s), 3),
            "pipeline_articles_per_s": round(self.articles / self.pipeline_s, 2),
            "pipeline_words_per_s": round(self.words / self.pipeline_s),
            "pipeline_vs_spacy": round(self.spacy_s / self.pipeline_s, 3),
            "peak_rss_mb": round(self.peak_rss_mb),
            **(self.fusion.to_dict() if self.fusion else {}),
            **(self.dense.to_dict() if self.dense else {}),
            **self._dask_dict(),
        }

    def _dask_dict(self) -> dict[str, Any]:
        if not self.dask:
            return {}
        figures: dict[str, Any] = {}
        for run in self.dask:
            figures[f"dask_{run.workers}_articles_per_s"] = round(self.articles / run.seconds, 2)
            figures[f"dask_{run.workers}_words_per_s"] = round(self.words / run.seconds)
            figures[f"dask_{run.workers}_startup_s"] = round(run.startup_s, 1)
        speeds = {run.workers: self.articles / run.seconds for run in self.dask}
        if 1 in speeds and 2 in speeds:
            figures["dask_2_vs_1"] = round(speeds[2] / speeds[1], 3)
        figures["peak_rss_mb_per_worker"] = round(max(mb for run in self.dask for mb in run.peak_rss_mb))
        return figures

    def table(self) -> str:
        d = self.to_dict()
        return "\n".join([
            f"{self.articles} articles, {self.words} words, {self.events} events",
            f"{'pass':12} {'articles/s':>11} {'words/s':>9}",
            f"{'spaCy only':12} {d['spacy_only_articles_per_s']:>11} {d['spacy_only_words_per_s']:>9}",
            f"{'places':12} {d['places_articles_per_s']:>11} {d['places_words_per_s']:>9}",
            f"{'pipeline':12} {d['pipeline_articles_per_s']:>11} {d['pipeline_words_per_s']:>9}",
            *(f"{f'dask, {r.workers} worker' + ('s' if r.workers > 1 else ''):12} "
              f"{d[f'dask_{r.workers}_articles_per_s']:>11} {d[f'dask_{r.workers}_words_per_s']:>9}"
              for r in self.dask),
            f"places: the geoparser adds {100 * d['places_overhead_vs_spacy']:.1f}% to the parsing of the "
            f"same pass ({self.geo_s:.1f}s on {self.places_s - self.geo_s:.1f}s; {self.place_mentions} mentions)",
            f"pipeline / spaCy-only throughput: {d['pipeline_vs_spacy']}; peak RSS {d['peak_rss_mb']} MB",
            *([f"dask: 2 workers / 1 worker throughput: {d['dask_2_vs_1']}; peak RSS per worker "
               f"{d['peak_rss_mb_per_worker']} MB; cluster start and pipeline load "
               + ", ".join(f"{r.startup_s:.1f}s ({r.workers})" for r in self.dask) + " (not in the rates)"]
              if "dask_2_vs_1" in d else []),
            *([f"fusion: {self.fusion.articles} articles' events ({self.fusion.mentions} mentions -> "
               f"{self.fusion.events} events) fused in {self.fusion.seconds:.1f}s"] if self.fusion else []),
            *([f"dense day: {self.dense.articles} reports of one city and day ({self.dense.mentions} mentions -> "
               f"{self.dense.events} events) fused in {self.dense.seconds:.1f}s; every article in an event's "
               f"sources: {'yes' if self.dense.every_article_kept else 'NO'}"] if self.dense else []),
        ])


def run_bench(data: Path, limit: int, gazetteer_path: str | None = None, fusion_data: Path | None = None,
              fusion_articles: int = 10_000, dask_workers: tuple[int, ...] = (1, 2),
              dense_reports: int = 2000) -> BenchResult:
    """The passes over `limit` articles of `data`, then fusion: of these articles' events, or with
    `fusion_data` (UCDP events.csv) of `fusion_articles` articles' events (see eventwire.bench.fusion)."""
    from eventwire.geo.build import ensure_gazetteer

    articles = [a for a in islice(read_file(str(data)), limit) if isinstance(a, Article)]
    gazetteer = ensure_gazetteer(Path(gazetteer_path) if gazetteer_path else None).resolve()
    pipeline = open_pipeline(gazetteer)
    nlp = load_pipeline()
    list(nlp.pipe(a.text for a in articles[:8]))  # warm up: first batches pay one-off costs
    start = time.perf_counter()
    for _ in nlp.pipe((a.text for a in articles), batch_size=pipeline.batch_size):
        pass
    spacy_s = time.perf_counter() - start
    places_s, geo_s, mentions = _places_pass(articles, pipeline)
    start = time.perf_counter()
    extracted = [(r.article, r.events) for r in pipeline.process(articles) if isinstance(r, ArticleResult)]
    pipeline_s = time.perf_counter() - start
    events = sum(len(e) for _, e in extracted)
    words = sum(len(a.text.split()) for a in articles)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    dask = tuple(bench_dask(articles, str(gazetteer), n) for n in dask_workers)
    fusion: FusionBench | None = None
    if fusion_data is not None:
        fusion = bench_fusion(fusion_data, fusion_articles, gazetteer)
    else:
        fusion = time_fusion(extracted, len(extracted)) if extracted else None
    dense = time_dense_fusion(dense_reports) if dense_reports else None
    return BenchResult(len(articles), words, spacy_s, places_s, geo_s, mentions, pipeline_s, events, peak, fusion,
                       dask, dense)


def _places_pass(articles: list[Article], pipeline: Pipeline) -> tuple[float, float, int]:
    """What `eventwire places` does (parse, then find and resolve places), timed as a whole and, inside
    it, the geoparser alone: its share is measured against the parsing of the same articles in the same
    pass, so that a busy machine slows both alike."""
    nlp = load_pipeline()
    geo_s, mentions = 0.0, 0
    start = time.perf_counter()
    docs = nlp.pipe((a.text for a in articles), batch_size=pipeline.batch_size)
    for article, doc in zip(articles, docs, strict=True):
        t0 = time.perf_counter()
        mentions += len(places_for_doc(doc, article.id, pipeline.gazetteer, article.url))
        geo_s += time.perf_counter() - t0
    return time.perf_counter() - start, geo_s, mentions
