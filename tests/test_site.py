"""The demo site builds from `timeline extract`'s events file and lists events in date order.

The plugin's own tests (options, exports, serve, gh-deploy, browser) live in tests/site/.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys

import yaml

from tests.site.helpers import demo_project
from timeline.periods import parse_period

DATA_DATE = re.compile(r'class="tl-event[^"]*" data-date="([^"]+)"')


def test_demo_site_lists_events_in_date_order(tmp_path):
    project = demo_project(tmp_path)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", "out"],
                            cwd=project, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    page = (project / "out" / "index.html").read_text()
    data = yaml.safe_load((project / "content" / "events.yaml").read_text())
    dates = DATA_DATE.findall(page)
    assert len(dates) == len(data["events"]) > 5
    starts = [parse_period(d).start for d in dates]
    assert starts == sorted(starts)
    for event in data["events"]:
        assert f'id="{event["id"]}"' in page
    for article_id in data["articles"]:
        assert (project / "out" / "sources" / article_id / "index.html").exists()
    assert (project / "out" / "timeline.ics").exists()
