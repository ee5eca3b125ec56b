"""Throughput and peak memory of the resolver over a TempEval-style folder, beside dateparser.

Usage: python bench/bench_resolver.py [DIR] [--dateparser-docs N]
DIR defaults to <repo>/../shared/tempeval/dev. dateparser's search_dates runs on the first
N documents (it is slow) and its words/s is compared with ours as a ratio. Not a test.
"""
from __future__ import annotations

import argparse
import resource
import datetime as dt
import time
import tracemalloc
from pathlib import Path

from timeline.resolver import resolve
from timeline.resolver.scoring import corpus_documents

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "tempeval" / "dev"


def _run(docs, fn) -> tuple[float, int, float]:
    words = sum(len(text.split()) for _, text, _ in docs)
    tracemalloc.start()
    t0 = time.perf_counter()
    for _, text, anchor in docs:
        fn(text, anchor)
    elapsed = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return words / elapsed, words, peak / 2**20


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--dateparser-docs", type=int, default=20)
    a = ap.parse_args()
    docs = [(n, t, dt.date.fromisoformat(d)) for n, t, d, _ in corpus_documents(a.folder)]
    if not docs:
        raise SystemExit(f"{a.folder}: no NAME.txt + NAME.json (dct) documents")
    resolve("warm up on Tuesday", dt.date(2000, 1, 1))  # compile the data once, outside the timing
    # timing without tracemalloc (it slows Python down), then memory in another pass
    # best of three passes: the figure of the code, not of whatever else the machine ran
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        for _, text, anchor in docs:
            resolve(text, anchor)
        best = min(best, time.perf_counter() - t0)
    ours_wps = sum(len(t.split()) for _, t, _ in docs) / best
    _, words, ours_peak = _run(docs, resolve)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process max RSS after loading and running the resolver: {rss:.1f} MiB")
    print(f"resolver:   {ours_wps:12,.0f} words/s over {words:,} words, {len(docs)} docs; peak {ours_peak:.2f} MiB (tracemalloc)")
    try:
        from dateparser.search import search_dates
    except ImportError:
        print("dateparser not installed: no comparison")
        return
    subset = docs[:a.dateparser_docs]

    def dp(text, anchor):
        return search_dates(text, languages=["en"],
                            settings={"RELATIVE_BASE": dt.datetime.combine(anchor, dt.time())})
    dp("warm up on Tuesday", dt.date(2000, 1, 1))
    t0 = time.perf_counter()
    for _, text, anchor in subset:
        dp(text, anchor)
    dp_wps = sum(len(t.split()) for _, t, _ in subset) / (time.perf_counter() - t0)
    _, dp_words, dp_peak = _run(subset, dp)
    print(f"dateparser: {dp_wps:12,.0f} words/s over {dp_words:,} words, {len(subset)} docs; peak {dp_peak:.2f} MiB (tracemalloc)")
    print(f"ratio: resolver is {ours_wps / dp_wps:,.1f}x dateparser's search_dates")


if __name__ == "__main__":
    main()
