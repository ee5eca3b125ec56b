"""In-process `mkdocs serve` rebuilds after one-line edits: CPU and wall seconds per rebuild.

What `bench_site.py`'s edit run times through a real server (write -> page shows it), without the
server: the project is built as serve builds it (``on_startup("serve")``, the plugin instance kept
between builds), then one event title is edited and the site rebuilt, ``EDITS`` times. Useful for
before/after comparisons: run it with ``TREE`` pointing at another checkout's source folder.

    TREE=/path/to/tree .venv/bin/python bench/serve_rebuild.py /tmp/timeline-bench/site-10000 3

The project's ``content/events.yaml`` is restored from ``events.pristine.yaml`` at the end; the
site is built into ``served/`` inside the project.
"""
from __future__ import annotations

import logging
import os
import sys
import time

sys.path.insert(0, os.environ.get("TREE", os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402


def main() -> None:
    project, edits = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 3
    idle = float(os.environ.get("IDLE", "1.0"))  # seconds between builds, as a person leaves
    os.chdir(project)
    events = os.path.join(project, "content", "events.yaml")
    pristine = open(os.path.join(project, "events.pristine.yaml"), encoding="utf-8").read()
    logging.getLogger("mkdocs").setLevel(logging.WARNING)

    def rebuild(label: str) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        config = load_config("mkdocs.yml", site_dir=os.path.join(project, "served"))
        config.plugins.on_startup(command="serve", dirty=False)
        build(config, serve_url="http://127.0.0.1:8000/")
        print(f"{label}: {time.perf_counter() - wall:.2f} s wall, {time.process_time() - cpu:.2f} s CPU",
              flush=True)

    try:
        with open(events, "w", encoding="utf-8") as handle:
            handle.write(pristine)
        rebuild("initial build")
        lines = pristine.split("\n")
        titles = [i for i, line in enumerate(lines) if line.strip().startswith("title:")]
        for edit in range(edits):
            time.sleep(idle)
            line = titles[len(titles) * (edit + 1) // (edits + 2)]
            lines[line] += f" EDIT{edit}"
            with open(events, "w", encoding="utf-8") as handle:
                handle.write("\n".join(lines))
            rebuild(f"edit {edit + 1}")
    finally:
        with open(events, "w", encoding="utf-8") as handle:
            handle.write(pristine)


if __name__ == "__main__":
    main()
