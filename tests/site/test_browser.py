"""The built demo site in headless Debian Chromium: order, overview links, provenance on
keyboard focus, no console errors, hostile text that never runs, and screenshots.

Needs /usr/bin/chromium and /usr/bin/chromedriver (``apt-get install chromium
chromium-driver``); never downloads a browser. Outside CI the tests skip without them;
under CI=true they fail instead. Screenshots go to test-artifacts/ (git-ignored).
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from tests.conftest import REPO
from tests.site.helpers import DATA, demo_project

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARTIFACTS = REPO / "test-artifacts"


def _require_browser() -> None:
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("the selenium package (pip install -e '.[test]')")
    if missing:
        message = f"browser tests need {', '.join(missing)}: apt-get install chromium chromium-driver"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def _add_hostile_event(project: Path) -> None:
    """The fixture's hostile article and event, added to the demo's events file."""
    fixture = yaml.safe_load((DATA / "events.yaml").read_text())
    shutil.copy(DATA / "articles" / "hostile.md", project / "content" / "articles" / "hostile.md")
    events_path = project / "content" / "events.yaml"
    data = yaml.safe_load(events_path.read_text())
    data["articles"]["hostile"] = {**fixture["articles"]["hostile"], "path": "content/articles/hostile.md"}
    hostile = next(e for e in fixture["events"] if e["id"] == "hostile-event")
    hostile.pop("tags", None) if not _reader_keeps("tags") else None
    data["events"].append(hostile)
    events_path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))


def _reader_keeps(field: str) -> bool:
    from timeline.store import read_events_file
    return any(getattr(e, field, None) for e in read_events_file(DATA / "events.yaml").events)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep pytest output clean
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The demo with a hostile event, built and served on 127.0.0.1; yields the base URL."""
    _require_browser()
    project = demo_project(tmp_path_factory.mktemp("browser"))
    _add_hostile_event(project)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", "out"], cwd=project,
                            capture_output=True, text=True, timeout=120,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    # Served under site_url's path, as GitHub Pages serves a project site (404.html uses it).
    mount = urlparse(yaml.safe_load((project / "mkdocs.yml").read_text())["site_url"]).path.strip("/")
    root = project / "www"
    (root / mount).parent.mkdir(parents=True, exist_ok=True)
    (root / mount).symlink_to(project / "out", target_is_directory=True)
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/{mount}/", project
    finally:
        server.shutdown()


@pytest.fixture(scope="module")
def browser(site):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    profile = tempfile.mkdtemp(prefix="tl-chromium-")
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--window-size=1280,900",
                "--force-device-scale-factor=1"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _open(driver, url: str) -> None:
    driver.get(url)
    driver.execute_script("return document.readyState")


def _severe(driver) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def test_events_in_date_order(site, browser):
    base, project = site
    _open(browser, base)
    dates = browser.execute_script(
        "return [...document.querySelectorAll('.tl-event')].map(e => e.querySelector('time').dateTime)")
    count = len(yaml.safe_load((project / "content" / "events.yaml").read_text())["events"])
    assert len(dates) == count
    from timeline.periods import parse_period
    starts = [parse_period(d).start for d in dates]
    assert starts == sorted(starts)
    assert browser.execute_script("return document.querySelectorAll('ol.tl-events').length") > 0


def test_overview_bars_lead_to_their_period(site, browser):
    base, _ = site
    _open(browser, base)
    hrefs = browser.execute_script(
        "return [...document.querySelectorAll('a.tl-overview__bar')].map(a => a.getAttribute('href'))")
    assert hrefs
    for href in hrefs:
        _open(browser, base + href)
        found = browser.execute_script(
            "const t = document.getElementById(location.hash.slice(1));"
            "return t && t.getBoundingClientRect().top < window.innerHeight")
        assert found, href
    # A real click on a bar (SVG link) moves to the heading too.
    _open(browser, base + "index.html")
    bars = browser.find_elements("css selector", ".tl-overview__bar")
    assert bars, (browser.current_url, browser.page_source[:300])
    bar = bars[-1]
    target = bar.get_dom_attribute("href").split("#", 1)[1]
    bar.click()
    time.sleep(0.3)
    assert browser.execute_script("return location.hash") == f"#{target}"


def test_provenance_mark_reveals_the_date_on_keyboard_focus(site, browser):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    base, _ = site
    _open(browser, base + "sources/2024-03-04-ledger-cracks-found/")
    tip = browser.find_element("css selector", "mark.tl-expr[tabindex] .tl-tip")
    assert not tip.is_displayed()
    for _ in range(80):  # Tab through the page until the first marked expression has focus
        ActionChains(browser).send_keys(Keys.TAB).perform()
        if browser.execute_script("return document.activeElement.matches('mark.tl-expr')"):
            break
    else:
        pytest.fail("Tab never reached a marked expression")
    focused = browser.switch_to.active_element
    tip = focused.find_element("css selector", ".tl-tip")
    assert tip.is_displayed()
    text = tip.text
    assert "read against 4 March 2024" in text
    value = focused.get_attribute("data-value")
    assert value and value[:4].isdigit()


def test_hostile_text_never_runs_and_no_console_errors(site, browser):
    base, _ = site
    browser.get_log("browser")  # drop what earlier tests left
    pages = ["", "sources/", "sources/hostile/", "sources/2024-03-04-ledger-cracks-found/", "404.html"]
    if _reader_keeps("tags"):
        pages.append("tags/")
    for page in pages:
        _open(browser, base + page)
        assert browser.execute_script("return typeof window.__pwned") == "undefined", page
    # Material's search renders results as HTML: search for the hostile event.
    _open(browser, base)
    browser.execute_script("document.querySelector('[data-md-toggle=search]').checked = true")
    field = browser.find_element("css selector", "input[data-md-component=search-query]")
    field.send_keys("hostile")
    deadline = time.time() + 10
    while time.time() < deadline and not browser.find_elements("css selector", ".md-search-result__item"):
        time.sleep(0.2)
    assert browser.find_elements("css selector", ".md-search-result__item"), "search found nothing"
    time.sleep(0.3)
    assert browser.execute_script("return typeof window.__pwned") == "undefined"
    assert "hostile title" in browser.execute_script(
        "return document.querySelector('.md-search-result').textContent")
    assert _severe(browser) == []


@pytest.mark.parametrize("name,width,scheme", [("light", 1280, "light"), ("dark", 1280, "dark"),
                                               ("phone", 390, "light")])
def test_screenshots(site, browser, name, width, scheme):
    base, _ = site
    ARTIFACTS.mkdir(exist_ok=True)
    browser.set_window_size(width, 900)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia",
                            {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
    try:
        _open(browser, base)
        browser.execute_script("localStorage.clear()")
        _open(browser, base)
        expected = "slate" if scheme == "dark" else "default"
        assert browser.execute_script("return document.body.dataset.mdColorScheme") == expected
        overflow = browser.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, "the page scrolls sideways"
        path = ARTIFACTS / f"timeline-{name}.png"
        assert browser.save_screenshot(str(path)) and path.stat().st_size > 10_000
        if name == "light":
            _open(browser, base + "sources/2024-03-04-ledger-cracks-found/")
            browser.execute_script("document.querySelector('mark.tl-expr[tabindex]').focus()")
            browser.save_screenshot(str(ARTIFACTS / "source-focus.png"))
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
        browser.set_window_size(1280, 900)
