"""Where `timeline extract` spends its time, and the best `--jobs 2` could do (Amdahl).

    .venv/bin/python bench/extract_phases.py [--size 10000] [--repeat 3]

Each run is a fresh process that runs `extract` with timers around its phases:
extraction (the part the worker processes share) and the serial rest, before it (imports,
and the resolver rules, loaded up front with either --jobs value) and after it (merging
reports of one event, conflicts and tags; planning the file; writing it). The serial
share measured with `--jobs 1` gives the ceiling for two processes,
``T1 / (serial + (T1 - serial) / 2)``; the measured `--jobs 2` speed-up is printed
against it, runs alternated (1, 2, 1, 2, ...) so a busy moment on a shared machine hits
both. Prints figures only; bench_extract.py records the headline ones.
"""
from __future__ import annotations

import argparse
import importlib
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _measure import CACHE, PYTHON, REPO  # noqa: E402
from bench_extract import TODAY, articles_for  # noqa: E402

#: Functions of timeline/cli/extract.py timed in the child, in the order a run meets them.
PHASES = ("_load_what_workers_need", "_load_and_extract", "_fresh_document", "plan_update", "write_plan")
SERIAL_AFTER = ("_fresh_document", "plan_update", "write_plan")


def child(folder: str, output: str, jobs: int) -> None:
    """Run one extract in this process with its phases timed; print them as JSON."""
    started = time.perf_counter()
    # the module itself (``timeline.cli`` binds the name ``extract`` to the command)
    extract_module = importlib.import_module("timeline.cli.extract")
    imported = time.perf_counter() - started
    times: dict[str, float] = {}
    if jobs == 1:  # loaded up front and counted as serial, as --jobs 2 does before forking
        loading = time.perf_counter()
        extract_module._load_what_workers_need()
        times["rules"] = time.perf_counter() - loading
    for name in PHASES:
        setattr(extract_module, name, _timed(getattr(extract_module, name), name, times))
    command = extract_module.extract
    try:
        command.main([folder, "-o", output, "--today", TODAY, "--jobs", str(jobs)], standalone_mode=False)
    finally:
        times["imports"] = imported
        times["total"] = time.perf_counter() - started
        print(json.dumps(times))


def _timed(function, name: str, times: dict[str, float]):
    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            times[name] = times.get(name, 0.0) + time.perf_counter() - start
    return timed


def measure(folder: Path, jobs: int) -> dict[str, float]:
    output = CACHE / f"phases-j{jobs}.yaml"
    output.unlink(missing_ok=True)
    done = subprocess.run([PYTHON, __file__, "--child", str(folder), str(output), str(jobs)],
                          cwd=REPO, capture_output=True, text=True, check=True)
    times = json.loads(done.stdout.strip().splitlines()[-1])
    rules_inside = times.get("_load_what_workers_need", 0.0)  # --jobs 2 loads them in there
    times["rules"] = times.get("rules", 0.0) + rules_inside
    extraction = times["_load_and_extract"] - rules_inside
    times["extraction"] = extraction
    times["serial"] = times["total"] - extraction
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], int(args.child[2]))
        return
    folder = articles_for(args.size)
    runs: dict[int, list[dict[str, float]]] = {1: [], 2: []}
    for round_ in range(args.repeat):
        for jobs in (1, 2):
            times = measure(folder, jobs)
            runs[jobs].append(times)
            print(f"{args.size} articles, --jobs {jobs}, run {round_ + 1}: total {times['total']:.2f} s; "
                  f"extraction {times['extraction']:.2f} s; serial {times['serial']:.2f} s "
                  f"(imports {times['imports']:.2f}, rules {times['rules']:.2f}, "
                  + ", ".join(f"{name.strip('_')} {times[name]:.2f}" for name in SERIAL_AFTER) + ")",
                  flush=True)
    one = statistics.median(r["total"] for r in runs[1])
    two = statistics.median(r["total"] for r in runs[2])
    serial = statistics.median(r["serial"] for r in runs[1])
    ceiling = one / (serial + (one - serial) / 2)
    print(f"\nmedian --jobs 1 {one:.2f} s, of it serial {serial:.2f} s ({serial / one:.0%}); "
          f"ceiling for 2 processes x{ceiling:.2f}; measured --jobs 2 {two:.2f} s: x{one / two:.2f} "
          f"({one / two / ceiling:.0%} of the ceiling)")


if __name__ == "__main__":
    main()
