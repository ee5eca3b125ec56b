"""Benchmark the site: `mkdocs build` time and peak memory by event count, and the time
`mkdocs serve` takes to show a one-line edit of the events file.

    .venv/bin/python bench/bench_site.py [--sizes 1000 10000 100000] [--edit-sizes 10000]
                                         [--timeout 300]

Targets (issue 6, on 2 cores): 10,000 events built in < 10 s; 100,000 in < 60 s with
< 1 GB peak; a one-line edit with 10,000 events shown in < 3 s; time per event not
growing with size. The project is the demo's configuration (Material, search, the
repository's template overrides) around a generated events file, so the figures include
what a user pays for. The edit is measured on a real `mkdocs serve` on a free loopback
port: from writing the file to the served page showing the new title, which is what a
person waits for (watcher latency included), plus the build time serve logs.
A size whose build is predicted (from the previous size, linearly) to exceed --timeout
is skipped and reported as such, so one run stays bounded.
"""
from __future__ import annotations

import argparse
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _measure import CACHE, PYTHON, REPO, machine, now, record, run, shell  # noqa: E402
from generate import generate_events  # noqa: E402

EDIT_MARK = "EDITED-BY-BENCH"


def project_for(count: int) -> Path:
    """A cached MkDocs project with ``count`` generated events and the demo's configuration."""
    root = CACHE / f"site-{count}"
    marker = root / ".complete"
    if not marker.exists():
        shutil.rmtree(root, ignore_errors=True)
        (root / "content" / "articles").mkdir(parents=True)
        shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
        shutil.copytree(REPO / "site_templates", root / "site_templates")
        (root / "content" / "index.md").write_text("# Benchmark timeline\n")
        generate_events(root / "content" / "events.yaml", count, seed=1)
        (root / "events.pristine.yaml").write_bytes((root / "content" / "events.yaml").read_bytes())
        marker.write_text("seed=1\n")
    # Every measurement starts from the generated file, whatever an earlier edit left.
    shutil.copy(root / "events.pristine.yaml", root / "content" / "events.yaml")
    return root


def measure_build(count: int, timeout: float) -> dict:
    project = project_for(count)
    out = Path(tempfile.mkdtemp(prefix=f"site-{count}-", dir=CACHE))
    command = [PYTHON, "-m", "mkdocs", "build", "-q", "-d", str(out)]
    print(f"running (in {project}): {shell(command)}", flush=True)
    result = run(command, project, timeout)
    pages = sum(1 for _ in out.rglob("*.html")) if result.ok else 0
    shutil.rmtree(out, ignore_errors=True)
    status = "ok" if result.ok else ("TIMED OUT" if result.timed_out
                                      else f"failed: {result.stderr.strip()[-300:]}")
    print(f"  {count} events: {result.wall:.1f} s, CPU {result.cpu:.1f} s, peak {result.peak_tree_mb:.0f} MB, "
          f"{pages} pages, {status}", flush=True)
    return {"events": count, "wall": result.wall, "cpu": result.cpu, "peak": result.peak_tree_mb, "ok": result.ok,
            "status": status, "pages": pages, "command": f"cd {project} && {shell(command)}"}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _served_root(url: str) -> str:
    """Serve redirects / to the site_url's path (/timeline/ for the demo): follow it once."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.geturl()
    except OSError:
        return url


def _page(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8", errors="replace")
    except OSError:
        return None


def _wait_for(url: str, needle: str, deadline: float, interval: float = 0.05) -> float | None:
    while time.perf_counter() < deadline:
        page = _page(url)
        if page is not None and needle in page:
            return time.perf_counter()
        time.sleep(interval)
    return None


def _edit_year(events: Path, edit: int) -> int:
    """The year of the event ``_edit_one_line`` will change (to know which pages to watch)."""
    text = events.read_text(encoding="utf-8")
    match = list(re.finditer(r"^  title: (.*)$", text, re.MULTILINE))[len(text) % 97 + edit]
    return int(re.findall(r"^  date: '?(\d{4})", text[:match.start()], re.MULTILINE)[-1])


def _edit_one_line(events: Path, edit: int) -> str:
    """Change one event title (one line) and return the new title's mark."""
    text = events.read_text(encoding="utf-8")
    match = list(re.finditer(r"^  title: (.*)$", text, re.MULTILINE))[len(text) % 97 + edit]
    new_title = f"{EDIT_MARK} {edit} {match.group(1)}"
    events.write_text(text[:match.start(1)] + new_title + text[match.end(1):], encoding="utf-8")
    return f"{EDIT_MARK} {edit}"


def _pages_for(root: str, year: int) -> list[str]:
    """Where an event of ``year`` can show: the one-page timeline, or that year's pages."""
    return [root, f"{root}years/{year}/"] + [f"{root}years/{year}-{n}/" for n in range(2, 12)]


def _wait_for_any(urls: list[str], needle: str, deadline: float, interval: float = 0.1) -> float | None:
    """The time at which one of ``urls`` first shows ``needle`` (missing pages are skipped)."""
    while time.perf_counter() < deadline:
        for url in urls:
            page = _page(url)
            if page is not None and needle in page:
                return time.perf_counter()
        time.sleep(interval)
    return None


def _wait_for_builds(log: Path, count: int, deadline: float) -> None:
    """Until serve has logged ``count`` finished builds and no build has been running for a
    second: the page shows an edit before the build ends, one write can start two builds, and
    stopping serve mid-build leaves temporary files behind."""
    quiet_since, last = time.perf_counter(), None
    while time.perf_counter() < deadline:
        text = log.read_text(errors="replace")
        state = (text.count("Building documentation"), text.count("Documentation built in"))
        if state != last:
            quiet_since, last = time.perf_counter(), state
        elif state[1] >= count and state[0] == state[1] and time.perf_counter() - quiet_since > 1.0:
            return
        time.sleep(0.2)


def measure_edit(count: int, timeout: float, edits: int = 3) -> dict:
    """Serve the project, then time ``edits`` one-line edits until the page shows each."""
    project = project_for(count)
    port = _free_port()
    log = CACHE / f"serve-{count}.log"
    command = [PYTHON, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    print(f"running (in {project}): {shell(command)}", flush=True)
    with open(log, "w") as log_handle:
        server = subprocess.Popen(command, cwd=project, stdout=log_handle, stderr=subprocess.STDOUT)
        try:
            url = f"http://127.0.0.1:{port}/"
            started = time.perf_counter()
            # The home page: the whole timeline, or (split by year) the list of year pages.
            first = _wait_for(url, 'class="tl-home"', started + timeout, interval=0.2)
            if first is None:
                return {"events": count, "status": "serve did not come up", "times": [],
                        "built": [], "command": f"cd {project} && {shell(command)}"}
            startup = first - started
            times: list[float | None] = []
            for edit in range(edits):
                time.sleep(1.5)  # let the watcher settle after the previous build
                # Poll only the pages that exist (a missing one costs the server a 404 per poll).
                events = project / "content" / "events.yaml"
                watch = [u for u in _pages_for(_served_root(url), _edit_year(events, edit))
                         if _page(u) is not None]
                before = time.perf_counter()
                needle = _edit_one_line(events, edit)
                seen = _wait_for_any(watch, needle, before + timeout)
                times.append(None if seen is None else seen - before)
                print(f"  edit {edit + 1}: {'timed out' if seen is None else f'{seen - before:.2f} s'}",
                      flush=True)
            _wait_for_builds(log, edits + 1, time.perf_counter() + 60)
        finally:
            server.send_signal(signal.SIGINT)  # Ctrl-C: serve cleans up its temporary files
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
    built = [float(x) for x in re.findall(r"Documentation built in ([\d.]+) seconds", log.read_text())]
    shutil.copy(project / "events.pristine.yaml", project / "content" / "events.yaml")
    return {"events": count, "status": "ok", "startup": startup, "times": times, "built": built,
            "command": f"cd {project} && {shell(command)}  # then edit one title line"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--edit-sizes", type=int, nargs="*", default=[10000])
    parser.add_argument("--timeout", type=float, default=300)
    args = parser.parse_args()
    CACHE.mkdir(parents=True, exist_ok=True)
    builds: list[dict] = []
    skipped: list[str] = []
    for count in sorted(args.sizes):
        ok = [b for b in builds if b["ok"]]
        if ok and ok[-1]["wall"] * count / ok[-1]["events"] > args.timeout:
            skipped.append(f"{count:,} events: skipped, predicted {ok[-1]['wall'] * count / ok[-1]['events']:.0f} s "
                           f"from {ok[-1]['events']:,} events exceeds the {args.timeout:.0f} s bound")
            print("  " + skipped[-1], flush=True)
            continue
        builds.append(measure_build(count, args.timeout))
    edits = [measure_edit(count, args.timeout) for count in args.edit_sizes]
    record("bench_site", report(builds, skipped, edits, args))


def report(builds: list[dict], skipped: list[str], edits: list[dict], args) -> str:
    targets = {10000: (10, None), 100000: (60, 1024)}
    lines = [f"## site build ({now()}, {machine()})", "",
             f"Command: `.venv/bin/python bench/bench_site.py --sizes {' '.join(map(str, args.sizes))} "
             f"--edit-sizes {' '.join(map(str, args.edit_sizes))} --timeout {args.timeout:.0f}`", "",
             "| events | wall s | CPU s | peak MB (tree) | ms per event | pages | target | status |",
             "|---:|---:|---:|---:|---:|---:|---|---|"]
    for b in builds:
        seconds, megabytes = targets.get(b["events"], (None, None))
        verdicts = []
        if seconds is not None and b["ok"]:
            verdicts.append(f"< {seconds} s {'met' if b['wall'] < seconds else 'MISSED'}")
        if megabytes is not None and b["ok"]:
            verdicts.append(f"< 1 GB {'met' if b['peak'] < megabytes else 'MISSED'}")
        lines.append(f"| {b['events']:,} | {b['wall']:.1f} | {b.get('cpu', 0):.1f} | {b['peak']:.0f} | "
                     f"{1000 * b['wall'] / b['events']:.2f} | {b['pages']:,} | {', '.join(verdicts)} | {b['status']} |")
    lines += [""] + [f"- {s}" for s in skipped]
    ok = [b for b in builds if b["ok"]]
    for small, large in zip(ok, ok[1:]):
        marginal = (large["wall"] - small["wall"]) / (large["events"] - small["events"]) * 1000
        lines.append(f"- Linearity {small['events']:,} -> {large['events']:,}: marginal "
                     f"{marginal:.2f} ms per added event (vs {1000 * small['wall'] / small['events']:.2f} "
                     f"ms/event overall at {small['events']:,}); ratio of per-event time "
                     f"{(large['wall'] / large['events']) / (small['wall'] / small['events']):.2f}.")
    for e in edits:
        if e["status"] != "ok":
            lines.append(f"- One-line edit, {e['events']:,} events: {e['status']}")
            continue
        shown = ", ".join("timed out" if t is None else f"{t:.2f} s" for t in e["times"])
        lines.append(f"- One-line edit with {e['events']:,} events under `mkdocs serve` "
                     f"(write -> page shows it): {shown}; serve logged builds of "
                     f"{', '.join(f'{b:.2f} s' for b in e['built'])} (first is the initial build, "
                     f"{e['startup']:.1f} s to first page). Target < 3 s.")
    lines += ["", "Each run:", ""] + [f"- `{b['command']}`" for b in builds + edits]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
