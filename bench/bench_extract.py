"""Benchmark `timeline extract`: articles per second and peak memory, --jobs 1 and 2.

    .venv/bin/python bench/bench_extract.py [--sizes 1000 10000] [--jobs 1 2] [--timeout 300]

Articles come from bench/generate.py (cached under /tmp/timeline-bench). Each run is a
fresh `python -m timeline extract` process, as a user runs it. Parallel extraction must
give byte-identical output, so the outputs of every --jobs value are compared. If the
installed `extract` has no --jobs option, the single-process figure is measured and the
table says so. Figures go to stdout and to bench/RESULTS.md.
"""
from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _measure import CACHE, PYTHON, REPO, Run, machine, now, record, run, shell  # noqa: E402
from generate import generate_articles  # noqa: E402

TODAY = "2025-12-31"


def articles_for(count: int) -> Path:
    """The cached folder of ``count`` generated articles, made on first use."""
    folder = CACHE / f"articles-{count}"
    marker = folder / ".complete"
    if not marker.exists():
        generate_articles(folder, count, seed=1)
        marker.write_text("seed=1\n")
    return folder


def has_jobs_option() -> bool:
    help_text = subprocess.run([PYTHON, "-m", "timeline", "extract", "--help"], cwd=REPO,
                               capture_output=True, text=True).stdout
    return "--jobs" in help_text


def digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16] if path.exists() else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--timeout", type=float, default=300, help="seconds per run before it is killed")
    args = parser.parse_args()
    parallel = has_jobs_option()
    jobs_values = args.jobs if parallel else [1]
    rows = []
    notes = []
    if not parallel:
        notes.append("`timeline extract` has no `--jobs` option yet: only the single-process run "
                     "was measured; the --jobs 2 figures and the byte-identical check are missing.")
    for size in args.sizes:
        folder = articles_for(size)
        digests: dict[int, str | None] = {}
        walls: dict[int, float] = {}
        for jobs in jobs_values:
            output = CACHE / f"extract-{size}-j{jobs}.yaml"
            output.unlink(missing_ok=True)
            command = [PYTHON, "-m", "timeline", "extract", str(folder), "-o", str(output),
                       "--today", TODAY] + (["--jobs", str(jobs)] if parallel else [])
            print(f"running: {shell(command)}", flush=True)
            result: Run = run(command, REPO, args.timeout)
            digests[jobs] = digest(output) if result.ok else None
            if result.ok:
                walls[jobs] = result.wall
            rate = size / result.wall if result.ok else 0.0
            status = "ok" if result.ok else ("TIMED OUT" if result.timed_out
                                              else f"failed: {result.stderr.strip()[-200:]}")
            summary = result.stdout.strip().splitlines()[-1] if result.ok and result.stdout.strip() else ""
            rows.append((size, jobs if parallel else "1 (no --jobs)", result.wall, rate,
                         result.peak_tree_mb, status, summary, shell(command)))
            print(f"  {size} articles, jobs {jobs}: {result.wall:.1f} s, {rate:.0f} articles/s, "
                  f"peak {result.peak_tree_mb:.0f} MB, {status} {summary}", flush=True)
        if parallel and len(digests) > 1:
            values = set(digests.values())
            same = len(values) == 1 and None not in values
            notes.append(f"{size} articles: outputs of --jobs {', '.join(map(str, digests))} are "
                         f"{'byte-identical' if same else 'DIFFERENT'} ({digests}).")
            print(f"  byte-identical across jobs: {same} {digests}", flush=True)
        if 1 in walls and 2 in walls:
            speedup = walls[1] / walls[2]
            notes.append(f"{size} articles: --jobs 2 speed-up over --jobs 1: x{speedup:.2f}.")
    lines = [f"## extract ({now()}, {machine()})", "",
             "Command: `.venv/bin/python bench/bench_extract.py "
             f"--sizes {' '.join(map(str, args.sizes))} --jobs {' '.join(map(str, args.jobs))}`", "",
             "| articles | --jobs | wall s | articles/s | peak MB (tree) | status | extract said |",
             "|---:|---:|---:|---:|---:|---|---|"]
    for size, jobs, wall, rate, peak, status, summary, _ in rows:
        lines.append(f"| {size:,} | {jobs} | {wall:.1f} | {rate:.0f} | {peak:.0f} | {status} | {summary} |")
    lines += [""] + [f"- {note}" for note in notes]
    lines += ["", "Each run:", ""] + [f"- `{row[-1]}`" for row in rows]
    record("bench_extract", "\n".join(lines))


if __name__ == "__main__":
    main()
