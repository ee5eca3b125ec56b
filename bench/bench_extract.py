"""Benchmark `timeline extract`: articles per second and peak memory, --jobs 1 and 2.

    .venv/bin/python bench/bench_extract.py [--sizes 1000 10000] [--jobs 1 2] [--timeout 300] [--repeat 3]

Articles come from bench/generate.py (cached under /tmp/timeline-bench). Each run is a
fresh `python -m timeline extract` process, as a user runs it. Parallel extraction must
give byte-identical output, so the outputs of every run are compared. The --jobs values
are run in turn (1, 2, 1, 2, ...) so a busy moment on a shared machine hits both, and wall
and CPU time of every run are reported; then the last output is extracted onto again (the
re-run case: nothing changes, every hand edit is kept). If the
installed `extract` has no --jobs option, the single-process figure is measured and the
table says so. Figures go to stdout and to bench/RESULTS.md.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import threading
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


class ProcessCpu:
    """CPU seconds of each process this one starts (and theirs), sampled from /proc every 20 ms,
    and from them an estimate of the run's wall time on an idle machine.

    Each 20 ms, every process's CPU progress is read; on an idle machine with ``cpus``
    cores that much work takes at least the largest one process made (it cannot be split)
    and at least the total over ``cpus``. The sum of that over the run is the estimate.
    Contention only makes it pessimistic: processes that would have run side by side, run
    in turn on a busy machine, and are then counted one after the other.
    """

    def __init__(self) -> None:
        self.seen: dict[int, float] = {}
        self.idle_wall = 0.0
        self.cpus = os.cpu_count() or 1
        self.done = threading.Event()
        self.tick = os.sysconf("SC_CLK_TCK")
        self.thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> "ProcessCpu":
        self.thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.done.set()
        self.thread.join()

    def busiest(self) -> float:
        return max(self.seen.values(), default=0.0)

    def _sample(self) -> None:
        me = os.getpid()
        while True:
            stopping = self.done.is_set()
            progress = []
            stack = [me]
            while stack:
                pid = stack.pop()
                try:
                    for task in os.listdir(f"/proc/{pid}/task"):
                        with open(f"/proc/{pid}/task/{task}/children") as handle:
                            stack.extend(int(c) for c in handle.read().split())
                    if pid != me:
                        with open(f"/proc/{pid}/stat") as handle:
                            fields = handle.read().rsplit(")", 1)[1].split()
                        cpu = (int(fields[11]) + int(fields[12])) / self.tick
                        progress.append(cpu - self.seen.get(pid, 0.0))
                        self.seen[pid] = cpu
                except (OSError, ValueError, IndexError):
                    continue
            if progress:
                self.idle_wall += max(max(progress), sum(progress) / self.cpus)
            if stopping:
                return
            self.done.wait(0.02)


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
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each --jobs value, alternated (1, 2, 1, 2, ...); best and spread are reported")
    parser.add_argument("--no-rerun", action="store_true",
                        help="skip the re-run onto an existing events file")
    args = parser.parse_args()
    parallel = has_jobs_option()
    jobs_values = args.jobs if parallel else [1]
    rows = []
    commands = []
    notes = []
    load_before = os.getloadavg()
    if not parallel:
        notes.append("`timeline extract` has no `--jobs` option yet: only the single-process run "
                     "was measured; the --jobs 2 figures and the byte-identical check are missing.")
    for size in args.sizes:
        folder = articles_for(size)
        digests: dict[int, set] = {jobs: set() for jobs in jobs_values}
        runs: dict[int, list[Run]] = {jobs: [] for jobs in jobs_values}
        for round_ in range(args.repeat):
            for jobs in jobs_values:
                output = CACHE / f"extract-{size}-j{jobs}.yaml"
                output.unlink(missing_ok=True)
                command = [PYTHON, "-m", "timeline", "extract", str(folder), "-o", str(output),
                           "--today", TODAY] + (["--jobs", str(jobs)] if parallel else [])
                if round_ == 0:
                    commands.append(shell(command))
                print(f"running ({round_ + 1}/{args.repeat}): {shell(command)}", flush=True)
                with ProcessCpu() as sampled:
                    result: Run = run(command, REPO, args.timeout)
                result.busiest = sampled.busiest()
                result.idle = sampled.idle_wall
                runs[jobs].append(result)
                digests[jobs].add(digest(output) if result.ok else None)
                print(f"  {size} articles, jobs {jobs}: {result.wall:.1f} s wall, {result.cpu:.1f} s CPU "
                      f"(busiest process {result.busiest:.1f} s), idle estimate {result.idle:.1f} s, "
                      f"peak {result.peak_tree_mb:.0f} MB, {_status(result)} {_said(result)}", flush=True)
        for jobs in jobs_values:
            rows.append((size, jobs if parallel else "1 (no --jobs)", runs[jobs], ""))
        if not args.no_rerun and runs[jobs_values[0]][-1].ok:
            jobs = jobs_values[-1]
            output = CACHE / f"extract-{size}-j{jobs_values[0]}.yaml"  # left by the last run above
            command = [PYTHON, "-m", "timeline", "extract", str(folder), "-o", str(output),
                       "--today", TODAY] + (["--jobs", str(jobs)] if parallel else [])
            commands.append(shell(command) + "  # again, onto its own output")
            again = []
            for round_ in range(args.repeat):
                print(f"running again ({round_ + 1}/{args.repeat}): {shell(command)}", flush=True)
                with ProcessCpu() as sampled:
                    result = run(command, REPO, args.timeout)
                result.busiest = sampled.busiest()
                result.idle = sampled.idle_wall
                again.append(result)
                print(f"  re-run {size} articles, jobs {jobs}: {result.wall:.1f} s wall, {result.cpu:.1f} s CPU, "
                      f"idle estimate {result.idle:.1f} s, "
                      f"{_status(result)} {_said(result)}", flush=True)
            rows.append((size, jobs, again, "re-run onto its own output"))
        all_digests = set().union(*digests.values())
        if parallel and len(jobs_values) > 1:
            same = len(all_digests) == 1 and None not in all_digests
            notes.append(f"{size:,} articles: outputs of every run (--jobs {', '.join(map(str, jobs_values))}) are "
                         f"{'byte-identical' if same else 'DIFFERENT'} ({sorted(map(str, all_digests))}).")
        ok = {jobs: [r for r in runs[jobs] if r.ok] for jobs in jobs_values}
        if ok.get(1) and ok.get(2):
            best1 = min(r.wall for r in ok[1])
            best2 = min(r.wall for r in ok[2])
            idle1 = min(r.idle for r in ok[1])
            idle2 = min(r.idle for r in ok[2])
            notes.append(f"{size:,} articles: --jobs 2 speed-up over --jobs 1: x{best1 / best2:.2f} on best wall "
                         f"({best1:.1f} s / {best2:.1f} s), x{_median(ok[1]) / _median(ok[2]):.2f} on median wall; "
                         f"x{idle1 / idle2:.2f} on the idle-machine estimate ({idle1:.1f} s / {idle2:.1f} s, best "
                         "of each).")
    load_after = os.getloadavg()
    lines = [f"## extract ({now()}, {machine()})", "",
             "Command: `.venv/bin/python bench/bench_extract.py "
             f"--sizes {' '.join(map(str, args.sizes))} --jobs {' '.join(map(str, args.jobs))} "
             f"--repeat {args.repeat}`", "",
             f"Load average (1, 5, 15 min) before: {_load(load_before)}, after: {_load(load_after)} "
             "(the machine is shared: wall times under load are upper bounds; CPU s is user + system "
             "time of the command and its workers; the idle estimate is the run's wall time on an "
             "idle machine, worked out from each process's CPU progress every 20 ms: see ProcessCpu "
             "in bench_extract.py, pessimistic under load).", "",
             "| articles | --jobs | run | best wall s | wall s, each run | CPU s, each run "
             "| busiest process CPU s, each run | idle estimate s, each run | articles/s (best wall) "
             "| peak MB (tree) | status | extract said |",
             "|---:|---:|---|---:|---|---|---|---|---:|---:|---|---|"]
    for size, jobs, results, kind in rows:
        good = [r for r in results if r.ok]
        best = min(good, key=lambda r: r.wall) if good else results[0]
        status = "ok" if len(good) == len(results) else _status(next(r for r in results if not r.ok))
        lines.append(f"| {size:,} | {jobs} | {kind or 'fresh'} | {best.wall:.1f} | "
                     f"{', '.join(f'{r.wall:.1f}' for r in results)} | {', '.join(f'{r.cpu:.1f}' for r in results)} | "
                     f"{', '.join(f'{r.busiest:.1f}' for r in results)} | "
                     f"{', '.join(f'{r.idle:.1f}' for r in results)} | "
                     f"{size / best.wall:.0f} | {max(r.peak_tree_mb for r in results):.0f} | {status} | {_said(best)} |")
    lines += [""] + [f"- {note}" for note in notes]
    lines += ["", "Each run:", ""] + [f"- `{command}`" for command in commands]
    record("bench_extract", "\n".join(lines))


def _status(result: Run) -> str:
    if result.ok:
        return "ok"
    return "TIMED OUT" if result.timed_out else f"failed: {result.stderr.strip()[-200:]}"


def _said(result: Run) -> str:
    return result.stdout.strip().splitlines()[-1] if result.ok and result.stdout.strip() else ""


def _median(results: list[Run]) -> float:
    walls = sorted(r.wall for r in results)
    middle = len(walls) // 2
    return walls[middle] if len(walls) % 2 else (walls[middle - 1] + walls[middle]) / 2


def _load(values: tuple[float, float, float]) -> str:
    return ", ".join(f"{v:.2f}" for v in values)


if __name__ == "__main__":
    main()
