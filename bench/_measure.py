"""Shared helpers for the bench scripts: run a command, measure wall time and peak memory,
and record figures in bench/RESULTS.md.

Peak memory is sampled every 20 ms from /proc over the whole process tree (the command
and every worker it starts), because ``--jobs 2`` spreads the work over processes and
``getrusage(RUSAGE_CHILDREN)`` only reports the largest single process ever reaped. A
20 ms sample can miss a shorter spike; for these runs of seconds that is noise.

CPU time (user + system, from ``getrusage(RUSAGE_CHILDREN)``, so of the command and every
process it waited for) is reported beside wall time: on a machine shared with other work it
says more about a change than the wall clock does.
"""
from __future__ import annotations

import os
import resource
import shlex
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
RESULTS = BENCH / "RESULTS.md"
#: Inputs are big and regenerable: keep them out of the repository.
CACHE = Path(os.environ.get("TIMELINE_BENCH_CACHE", "/tmp/timeline-bench"))
PYTHON = sys.executable


@dataclass
class Run:
    """One measured command."""

    command: list[str]
    wall: float
    peak_tree_mb: float
    returncode: int | None
    stdout: str
    stderr: str
    #: user + system CPU seconds of the command and every process it waited for
    cpu: float = 0.0

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    @property
    def timed_out(self) -> bool:
        return self.returncode is None


def _tree_rss_kb(root: int) -> int:
    """Resident memory of ``root`` and all its descendants, from /proc (Linux only)."""
    total, stack, seen = 0, [root], set()
    while stack:
        pid = stack.pop()
        if pid in seen:
            continue
        seen.add(pid)
        try:
            with open(f"/proc/{pid}/status") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as handle:
                    stack.extend(int(c) for c in handle.read().split())
        except (OSError, ValueError):
            continue
    return total


def run(command: list[str], cwd: Path, timeout: float, env: dict | None = None) -> Run:
    """Run ``command``; sample tree memory every 20 ms; kill the tree after ``timeout`` s."""
    started = time.perf_counter()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env={**os.environ, **(env or {})}, start_new_session=True)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss_kb(process.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        stdout, stderr = process.communicate(timeout=timeout)
        code: int | None = process.returncode
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, 9)
        stdout, stderr = process.communicate()
        code = None
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - usage.ru_utime) + (after.ru_stime - usage.ru_stime)
    return Run(command, wall, peak[0] / 1024, code, stdout, stderr, cpu)


def shell(command: list[str]) -> str:
    """The command as one would type it, with the repository's venv python shortened."""
    text = shlex.join(command)
    return text.replace(PYTHON, ".venv/bin/python")


def now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def machine() -> str:
    return f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}"


def record(section: str, markdown: str) -> None:
    """Replace (or append) ``section`` in RESULTS.md, leaving other scripts' sections alone."""
    start, end = f"<!-- {section}:start -->", f"<!-- {section}:end -->"
    block = f"{start}\n{markdown.rstrip()}\n{end}\n"
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else (
        "# Benchmark results\n\nFigures written by the scripts in `bench/`; each section says the "
        "command that produced it and when. Inputs come from `bench/generate.py`.\n\n")
    if start in text and end in text:
        before, rest = text.split(start, 1)
        after = rest.split(end, 1)[1].lstrip("\n")
        text = f"{before}{block}\n{after}" if after else f"{before}{block}"
    else:
        text = text.rstrip("\n") + "\n\n" + block
    RESULTS.write_text(text, encoding="utf-8")
