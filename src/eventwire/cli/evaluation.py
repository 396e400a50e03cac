"""eval and bench: quality and speed figures, printed (and with --json, one JSON object)."""

from __future__ import annotations

import importlib
import inspect
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, cast

import click

from eventwire.cli.common import user_errors
from eventwire.errors import UsageError


class Report(Protocol):
    def table(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...


@dataclass(frozen=True, slots=True)
class Suite:
    """An evaluation suite: `module.function(data, limit=…, gazetteer_path=…)` returns a Report.
    Imported only when run, so `eventwire --help` stays fast."""

    module: str
    function: str
    help: str

    def run(self, data: Path, limit: int | None, gazetteer_path: str | None, baseline: bool = True) -> Report:
        try:
            module = importlib.import_module(self.module)
        except ModuleNotFoundError as exc:
            if exc.name != self.module:
                raise
            raise UsageError(f"this eventwire has no {self.module} yet; update eventwire") from exc
        evaluate_fn = getattr(module, self.function)
        gazetteer = Path(gazetteer_path) if gazetteer_path else None
        # Only suites that compare with another system take `baseline` (--no-baseline skips that system).
        extra = {"baseline": baseline} if "baseline" in inspect.signature(evaluate_fn).parameters else {}
        return cast(Report, evaluate_fn(data, limit=limit, gazetteer_path=gazetteer, **extra))


SUITES: dict[str, Suite] = {
    "seed": Suite("eventwire.evaluate.seed", "evaluate_seed",
                  "the seed article against its hand-coded .gold.json (--data the seed folder)"),
    "geoparsing": Suite("eventwire.evaluate.geoparsing", "evaluate_geoparsing",
                        "GeoWebNews/LGL/TR-News/GeoVirus XML (--data GWN.xml)"),
    "ukraine-places": Suite("eventwire.evaluate.ukraine_places", "evaluate_ukraine_places",
                            "UCDP GED Ukraine places, as sentences through the text path (--data events.csv)"),
    "ukraine-events": Suite("eventwire.evaluate.ukraine_events", "evaluate_ukraine_events",
                            "events from ACLED-style descriptions and monitor entries built from UCDP GED rows, "
                            "through the whole pipeline (--data events.csv; --limit rows, 150 by default)"),
    "tempeval": Suite("eventwire.evaluate.tempeval", "evaluate_tempeval",
                      "TempEval-3 TimeML folder (--data TBAQ-cleaned)"),
    "future-dates": Suite("eventwire.evaluate.future_dates", "evaluate_future_dates",
                          "events dated after publication without being planned (--data reuters-21578.jsonl)"),
    "case2021": Suite("eventwire.evaluate.case2021", "evaluate_case2021",
                      "CASE 2021 task 2 snippets, ACLED sub-event types (--data snippets.tsv)"),
    "plover": Suite("eventwire.evaluate.plover", "evaluate_plover",
                    "PLOVER gold sentences (--data records.jsonl)"),
    "india-police": Suite("eventwire.evaluate.india_police", "evaluate_india_police",
                          "IndiaPoliceEvents, sentences and documents (end to end) (--data the folder)"),
    "negatives": Suite("eventwire.evaluate.negatives", "evaluate_negatives",
                       "conflict events per article by topic in BBC News (--data bbc-news.jsonl)"),
    "fusion": Suite("eventwire.evaluate.fusion", "evaluate_fusion",
                    "grouping UCDP source headlines into events (--data events.csv)"),
    "realnews": Suite("eventwire.evaluate.realnews", "evaluate_realnews",
                      "real news excerpts in, events out, scored by the set's score.py (--data realnews-dev)"),
    "attribution": Suite("eventwire.evaluate.attribution", "evaluate_attribution",
                         "attribution and modality on the project's annotated cases (--data ../shared/data)"),
}


@click.command("eval")
@click.argument("suite", type=click.Choice(list(SUITES)), metavar="SUITE")
@click.option("--data", required=True, type=click.Path(exists=True), help="The suite's data file or folder.")
@click.option("--limit", type=int, default=None, help="Use only the first N documents.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of a table.")
@click.option("--no-baseline", "no_baseline", is_flag=True,
              help="Skip the reference system a suite compares with (HeidelTime in tempeval: minutes).")
@click.option("--gazetteer", "gazetteer_path", default=None, envvar="EVENTWIRE_GAZETTEER", hidden=True)
def evaluate(suite: str, data: str, limit: int | None, as_json: bool, no_baseline: bool,
             gazetteer_path: str | None) -> None:
    """Measure quality on an evaluation suite.

    \b
    Example:
      eventwire eval seed --data ../shared/data/seed
    """
    with user_errors():
        report = SUITES[suite].run(Path(data), limit, gazetteer_path, baseline=not no_baseline)
    if as_json:
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False) + "\n")
    else:
        click.echo(report.table())


evaluate.help = inspect.cleandoc(evaluate.help or "") + "\n\n\b\nSuites:\n" + "\n".join(
    f"  {name:<15} {suite.help}" for name, suite in SUITES.items())


@click.command()
@click.option("--data", required=True, type=click.Path(exists=True, dir_okay=False),
              help="Article JSONL, e.g. ../shared/data/bench/reuters-21578.jsonl.")
@click.option("--limit", type=int, default=1000, show_default=True, help="Articles to use.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object with the figures.")
@click.option("--fusion-data", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Time fusion on events from UCDP headlines (ucdp-ged-ukraine/events.csv) instead of the "
                   "bench articles' own events.")
@click.option("--fusion-articles", type=int, default=10_000, show_default=True,
              help="Articles whose events are fused in the fusion timing (with --fusion-data).")
@click.option("--dense-reports", type=click.IntRange(0), default=2000, show_default=True,
              help="Also fuse a generated dense day: N reports of one city on one day (0 leaves it out).")
@click.option("--dask-workers", default="1,2", show_default=True, metavar="N,N",
              help="Local Dask clusters to time, by number of workers; 0 leaves Dask out.")
@click.option("--save", "save_to", type=click.Path(dir_okay=False), default=None,
              help="Append the figures, with the commit and machine, to this JSONL file (e.g. "
                   "benchmarks/results.jsonl) to compare across commits.")
@click.option("--gazetteer", "gazetteer_path", default=None, envvar="EVENTWIRE_GAZETTEER", hidden=True)
def bench(data: str, limit: int, as_json: bool, fusion_data: str | None, fusion_articles: int,
          dense_reports: int, dask_workers: str, save_to: str | None, gazetteer_path: str | None) -> None:
    """Measure speed: the spaCy pass alone, the full per-article pipeline, the pipeline on a local Dask cluster
    of 1 and 2 workers, memory, and fusion, in one run.

    \b
    Example:
      eventwire bench --data ../shared/data/bench/reuters-21578.jsonl --limit 2000
      eventwire bench --data ../shared/data/bench/reuters-21578.jsonl --save benchmarks/results.jsonl
      eventwire bench-history benchmarks/results.jsonl
    """
    from eventwire.bench.history import save_result
    from eventwire.bench.run import run_bench

    with user_errors():
        if limit <= 0:
            raise UsageError("--limit must be a positive number of articles")
        workers = _worker_counts(dask_workers)
        result = run_bench(Path(data), limit, gazetteer_path, Path(fusion_data) if fusion_data else None,
                           fusion_articles, workers, dense_reports)
        if save_to:
            save_result(Path(save_to), result.to_dict(), {"data": Path(data).name, "limit": limit})
    if as_json:
        sys.stdout.write(json.dumps(result.to_dict()) + "\n")
    else:
        click.echo(result.table())


def _worker_counts(text: str) -> tuple[int, ...]:
    try:
        counts = tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        counts = (-1,)
    if any(n < 0 for n in counts):
        raise UsageError(f"--dask-workers {text!r}: give worker counts such as 1,2 (or 0 to leave Dask out)")
    return tuple(n for n in counts if n > 0)


@click.command("bench-history")
@click.argument("results", type=click.Path(exists=True, dir_okay=False))
def bench_history(results: str) -> None:
    """Print saved bench results (from `bench --save`) as a table, oldest first.

    \b
    Example:
      eventwire bench-history benchmarks/results.jsonl
    """
    from eventwire.bench.history import history_table, load_results

    with user_errors():
        click.echo(history_table(load_results(Path(results))))


COMMANDS = [evaluate, bench, bench_history]
