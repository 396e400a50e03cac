"""Time the per-article pipeline in one process on a JSONL of articles (issue 15: Ukrainian and Russian
articles, e.g. realnews-dev's uk/ru texts repeated), and read peak memory.

Usage: .venv/bin/python tools/lang_speed.py ARTICLES.jsonl [ENGLISH.jsonl]
With ENGLISH.jsonl, English articles are run first, so that all three languages are loaded when peak
memory is read. EVENTWIRE_LANG_DETECTOR=off times the Ukrainian/Russian rules without the detector.
"""

import resource
import sys
import time

from eventwire.ingest.jsonl import read_jsonl_file
from eventwire.pipeline import ArticleResult, open_pipeline

pipe = open_pipeline()
if len(sys.argv) > 2:
    t = time.perf_counter()
    n = sum(1 for r in pipe.process(read_jsonl_file(sys.argv[2])) if isinstance(r, ArticleResult))
    print(f"english warm-up: {n} articles in {time.perf_counter() - t:.1f}s")
items = list(read_jsonl_file(sys.argv[1]))
t, c = time.perf_counter(), time.process_time()
results = list(pipe.process(items))
wall, cpu = time.perf_counter() - t, time.process_time() - c
done = sum(isinstance(r, ArticleResult) for r in results)
events = sum(len(r.events) for r in results if isinstance(r, ArticleResult))
print(f"{done} articles, {events} events: {done / wall:.1f} articles/s wall, {done / cpu:.1f} articles/s CPU; "
      f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
