"""Throughput and peak memory of the resolver over a TempEval-style folder, beside dateparser.

Usage: python bench/bench_resolver.py [DIR] [--dateparser-docs N] [--passes N] [--no-record]
                                      [--baseline CHECKOUT --rounds R]
DIR defaults to <repo>/../shared/tempeval/dev. dateparser's search_dates runs on the first
N documents (it is slow) and its words/s is compared with ours as a ratio. Not a test.
Writes its section of bench/RESULTS.md (``bench_resolver``) unless --no-record.

--baseline: another checkout of the repository (``git worktree add /tmp/base <commit>``) timed
against this one in the same sitting, R rounds, each a fresh process of either code in turn:
on a shared machine only figures taken side by side compare.
"""
from __future__ import annotations

import argparse
import resource
import datetime as dt
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _measure import REPO, machine, now, record  # noqa: E402

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


def _time_passes(docs, passes: int) -> tuple[list[float], list[float]]:
    """Words/s of each pass over `docs`, by wall clock and by CPU time."""
    n_words = sum(len(t.split()) for _, t, _ in docs)
    wall_wps, cpu_wps = [], []
    for _ in range(passes):
        w0, c0 = time.perf_counter(), time.process_time()
        for _, text, anchor in docs:
            resolve(text, anchor)
        wall_wps.append(n_words / (time.perf_counter() - w0))
        cpu_wps.append(n_words / (time.process_time() - c0))
    return wall_wps, cpu_wps


_WORKER = """
import datetime as dt, json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[3])
import bench_resolver as b
from timeline.resolver import resolve
from timeline.resolver.scoring import corpus_documents
docs = [(n, t, dt.date.fromisoformat(d)) for n, t, d, _ in corpus_documents(Path(sys.argv[1]))]
resolve("warm up on Tuesday", dt.date(2000, 1, 1))
print(json.dumps(b._time_passes(docs, int(sys.argv[2]))))
"""


def _side_by_side(folder: Path, baseline: Path, rounds: int, passes: int) -> dict[str, list[float]]:
    """Best CPU words/s of each round, for the baseline checkout and for this one, alternating."""
    import json
    import os
    out: dict[str, list[float]] = {"baseline": [], "this": []}
    for _ in range(rounds):
        for name, root in (("baseline", baseline), ("this", REPO)):
            env = {**os.environ, "PYTHONPATH": str(root)}
            res = subprocess.run([sys.executable, "-c", _WORKER, str(folder), str(passes),
                                  str(Path(__file__).resolve().parent)],
                                 env=env, cwd=root, capture_output=True, text=True, check=True)
            out[name].append(max(json.loads(res.stdout)[1]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--dateparser-docs", type=int, default=20)
    ap.add_argument("--passes", type=int, default=3, help="timed passes over the folder; the best counts")
    ap.add_argument("--no-record", action="store_true", help="do not write bench/RESULTS.md")
    ap.add_argument("--baseline", type=Path, help="a checkout of an earlier commit to time beside this one")
    ap.add_argument("--rounds", type=int, default=5, help="with --baseline: rounds of one process each")
    a = ap.parse_args()
    docs = [(n, t, dt.date.fromisoformat(d)) for n, t, d, _ in corpus_documents(a.folder)]
    if not docs:
        raise SystemExit(f"{a.folder}: no NAME.txt + NAME.json (dct) documents")
    resolve("warm up on Tuesday", dt.date(2000, 1, 1))  # compile the data once, outside the timing
    # timing without tracemalloc (it slows Python down), then memory in another pass
    # best of the passes: the figure of the code, not of whatever else the machine ran;
    # CPU time (process_time) beside wall time, as it is steadier on a shared machine
    wall_wps, cpu_wps = _time_passes(docs, a.passes)
    ours_wps = max(wall_wps)
    _, words, ours_peak = _run(docs, resolve)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process max RSS after loading and running the resolver: {rss:.1f} MiB")
    print(f"resolver:   {ours_wps:12,.0f} words/s over {words:,} words, {len(docs)} docs; peak {ours_peak:.2f} MiB (tracemalloc)")
    print(f"passes, words/s: wall {_spread(wall_wps)}; CPU {_spread(cpu_wps)}")
    lines = [f"## resolver ({now()}, {machine()}, commit {_commit()})", "",
             f"Command: `.venv/bin/python bench/bench_resolver.py{_args_shown()}`", "",
             f"Over {a.folder.name}: {len(docs)} documents, {words:,} words; best of {a.passes} passes "
             "(target: >= 100,000 words/s in one process).", "",
             "| | words/s (best) | passes (best .. worst) |", "|---|---:|---|",
             f"| wall | {max(wall_wps):,.0f} | {_spread(wall_wps)} |",
             f"| CPU | {max(cpu_wps):,.0f} | {_spread(cpu_wps)} |", "",
             f"- Peak traced memory while resolving: {ours_peak:.2f} MiB; process max RSS {rss:.1f} MiB."]
    if a.baseline:
        ab = _side_by_side(a.folder, a.baseline, a.rounds, a.passes)
        base_commit = _commit(a.baseline)
        for name in ("baseline", "this"):
            print(f"side by side, {name}: best CPU words/s per round {_spread(ab[name])}")
        lines.append(f"- Side by side with commit {base_commit} ({a.rounds} rounds alternating, a fresh "
                     f"process each, best CPU words/s of {a.passes} passes): baseline "
                     f"{max(ab['baseline']):,.0f} (rounds {_spread(ab['baseline'])}), this commit "
                     f"{max(ab['this']):,.0f} (rounds {_spread(ab['this'])}): "
                     f"{max(ab['this']) / max(ab['baseline']):.2f}x.")
    try:
        from dateparser.search import search_dates
    except ImportError:
        print("dateparser not installed: no comparison")
        lines.append("- dateparser not installed: no comparison.")
        _record(a, lines)
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
    lines.append(f"- dateparser search_dates on the first {len(subset)} documents ({dp_words:,} words): "
                 f"{dp_wps:,.0f} words/s (wall), peak {dp_peak:.2f} MiB; the resolver is "
                 f"{ours_wps / dp_wps:,.1f}x faster.")
    _record(a, lines)


def _spread(values: list[float]) -> str:
    return " .. ".join(f"{v:,.0f}" for v in sorted(values, reverse=True))


def _commit(root: Path = REPO) -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def _args_shown() -> str:
    return "".join(f" {x}" for x in sys.argv[1:] if x != "--no-record")


def _record(a, lines: list[str]) -> None:
    if not a.no_record:
        record("bench_resolver", "\n".join(lines))


if __name__ == "__main__":
    main()
