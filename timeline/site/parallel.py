"""Render most of the generated pages through the theme in a forked process, on the second core.

Why: MkDocs renders pages one after another, and with 10,000 events the theme (Material's
navigation, header, footer) costs about 2 ms for each of ~2,500 pages, half the build.
After every page has its content (``on_env``), a forked child takes the last 60% of the
plugin's pages and does for each exactly what MkDocs' ``_build_page`` does up to the
theme's HTML (context, ``on_page_context`` handlers, template); the parent meanwhile builds
the rest. When MkDocs reaches a page the child took, the page's template is a one-liner that
hands over the child's HTML; MkDocs then runs ``on_post_page`` and writes it as usual.
Everything with lasting effects (search indexing, post_page, writing) happens in the parent
as before; the child's copies of that state are thrown away. If the child fails, or hands
over anything but the page asked for, the parent renders that page itself.

Only for ``mkdocs build`` on POSIX (fork), not while serving (threads), and only up to
``MAX_PAGES`` pages: a fork shares the parent's memory, but RSS counts it twice.
"""
from __future__ import annotations

import logging
import os
import sys
import tempfile
from pathlib import Path

import jinja2
from markupsafe import Markup

log = logging.getLogger("mkdocs.plugins.timeline")

HANDOVER_TEMPLATE = "timeline/handover-page.html"
HANDOVER_SOURCE = "{{ timeline_handover() }}"
#: Fewer pages than this are not worth a fork; more than MAX_PAGES cost too much memory.
MIN_PAGES = 200
MAX_PAGES = 6000


class PageHandover:
    """The parent's side: which pages the child renders, and reading its HTML in order."""

    def __init__(self) -> None:
        self.pid: int | None = None
        self.folder: Path | None = None
        self.queue: list[str] = []  # src_uris the child renders, in order
        self.original: dict[str, str] = {}  # src_uri -> the template it would have used
        self.lines = None
        self.failed = False

    def start(self, pages: list, nav, config, env: jinja2.Environment, doc_files: list) -> None:
        """Fork the child for the last 60% of ``pages`` (MkDocs Page objects, build order);
        ``doc_files`` is what MkDocs passes to every page's context."""
        if sys.platform == "win32" or not hasattr(os, "fork") or not MIN_PAGES <= len(pages) <= MAX_PAGES:
            return
        share = pages[int(len(pages) * 0.4):]  # the parent also indexes and writes every page
        self.folder = Path(tempfile.mkdtemp(prefix="timeline-pages-"))
        read_end, write_end = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child: render, report, and leave without running any cleanup
            code = 0
            try:
                os.close(read_end)
                _render_share(share, nav, config, env, doc_files, self.folder, write_end)
            except BaseException:  # noqa: BLE001 - the parent renders whatever is missing
                code = 1
            finally:
                os._exit(code)
        os.close(write_end)
        self.pid = pid
        self.lines = os.fdopen(read_end, "r", encoding="utf-8")
        for page in share:
            self.queue.append(page.file.src_uri)
            self.original[page.file.src_uri] = page.meta.get("template", "main.html")
            page.meta["template"] = HANDOVER_TEMPLATE
        env.globals["timeline_handover"] = jinja2.pass_context(lambda context: self._handover(context))

    def _handover(self, context) -> Markup:
        """The child's HTML for the page being built, or the page rendered here if it has none."""
        page = context["page"]
        uri = page.file.src_uri
        html = self._next(uri)
        if html is None:
            template = context.environment.get_template(self.original.get(uri, "main.html"))
            html = template.render(context.get_all())
        return Markup(html)

    def _next(self, uri: str) -> str | None:
        if self.failed or self.lines is None:
            return None
        line = self.lines.readline()
        name, _, path = line.rstrip("\n").partition("\t")
        if name != uri or not path:
            self._give_up(f"page handover out of step at {uri!r}")
            return None
        try:
            file = Path(path)
            html = file.read_text(encoding="utf-8")
            file.unlink()
        except OSError as exc:
            self._give_up(f"page handover: {exc}")
            return None
        return html

    def _give_up(self, why: str) -> None:
        log.debug("timeline: %s; rendering the remaining pages here", why)
        self.failed = True

    def finish(self) -> None:
        """Reap the child and remove its folder (also after a failed build)."""
        if self.pid is not None:
            try:
                if self.lines is not None:
                    self.lines.close()
                os.waitpid(self.pid, 0)
            except OSError:
                pass
            self.pid = None
        if self.folder is not None:
            for file in self.folder.glob("*"):
                file.unlink(missing_ok=True)
            self.folder.rmdir()
            self.folder = None


def _render_share(pages: list, nav, config, env: jinja2.Environment, doc_files: list,
                  folder: Path, out: int) -> None:
    """In the child: MkDocs' ``_build_page`` up to the theme's HTML, one file per page."""
    from mkdocs.commands.build import get_context

    with os.fdopen(out, "w", encoding="utf-8") as report:
        for number, page in enumerate(pages):
            config._current_page = page
            page.active = True
            try:
                context = get_context(nav, doc_files, config, page)
                template = env.get_template(page.meta.get("template", "main.html"))
                context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
                html = template.render(context)
            finally:
                page.active = False
                config._current_page = None
            path = folder / f"{number}.html"
            path.write_text(html, encoding="utf-8")
            report.write(f"{page.file.src_uri}\t{path}\n")
            report.flush()

