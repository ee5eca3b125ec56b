"""Plain generated headings filled into one Markdown result equal what MkDocs makes of them.

``markdown_once`` converts a marker heading once and fills each plain title (words and single
spaces) and its slug into that result instead of converting the page; the site must be the
same byte for byte, with the table of contents' options, and an extension that changes plain
words must make it give up.
"""
from __future__ import annotations

import markdown
import pytest
from markdown.treeprocessors import Treeprocessor

from tests.site.helpers import build_to, files_of, make_project
from tests.site.test_speed_paths import _build_plain
from timeline.site import markdown_once
from timeline.site.markdown_once import SharedMarkdown


class _HeadingText(Treeprocessor):
    """Changes the text of every level-1 heading with ``change``."""

    def __init__(self, md: markdown.Markdown, change) -> None:
        super().__init__(md)
        self.change = change

    def run(self, root):
        for el in root.iter("h1"):
            el.text = self.change(el.text or "")


class ShoutExtension(markdown.Extension):
    """Upper-cases every heading's text: plain words that Markdown does change."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Markdown's API
        md.treeprocessors.register(_HeadingText(md, str.upper), "shout", 40)


class PierExtension(markdown.Extension):
    """Changes one word only ("Pier"), which the marker heading does not hold."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Markdown's API
        md.treeprocessors.register(_HeadingText(md, lambda text: text.replace("Pier", "Jetty")),
                                   "pier", 40)


def _converters(monkeypatch) -> list[SharedMarkdown]:
    made: list[SharedMarkdown] = []
    original = SharedMarkdown.__init__

    def init(self) -> None:
        original(self)
        made.append(self)
    monkeypatch.setattr(SharedMarkdown, "__init__", init)
    return made


@pytest.mark.parametrize("config", [None, {"markdown_extensions": [{"toc": {"permalink": True}}]},
                                    {"markdown_extensions": [{"toc": {"separator": "_"}}, "attr_list"]}])
def test_plain_headings_filled_in_build_the_same_site(tmp_path, monkeypatch, config) -> None:
    project = make_project(tmp_path, config=config)
    _build_plain(project, tmp_path / "plain", monkeypatch)
    made = _converters(monkeypatch)
    monkeypatch.setattr(markdown_once, "CHECK_EVERY", 1)  # every page also converted by MkDocs
    build_to(project, tmp_path / "filled")
    used = [m for m in made if m.pages]
    assert used and used[-1].filled >= 3 and not used[-1].failed
    assert files_of(tmp_path / "plain") == files_of(tmp_path / "filled")


@pytest.mark.parametrize("extension", ["Shout", "Pier"])
def test_an_extension_that_changes_plain_words_turns_filling_off(tmp_path, monkeypatch, extension) -> None:
    """Shout changes the marker: no page is filled in. Pier changes a word of some titles only:
    a compared page shows it (every page is compared here), and the rest are converted."""
    project = make_project(tmp_path, config={
        "markdown_extensions": [f"tests.site.test_markdown_prefill:{extension}Extension"]})
    _build_plain(project, tmp_path / "plain", monkeypatch)
    made = _converters(monkeypatch)
    monkeypatch.setattr(markdown_once, "CHECK_EVERY", 1)
    build_to(project, tmp_path / "filled")
    used = [m for m in made if m.pages]
    assert used and (used[-1].filled == 0 if extension == "Shout" else used[-1].failed)
    assert files_of(tmp_path / "plain") == files_of(tmp_path / "filled")


def test_only_plain_headings_are_filled_in() -> None:
    plain = markdown_once._PLAIN_HEADING.fullmatch
    assert plain("# Harbor crane collapses at Pier 4\n")
    assert plain("# Caf\u00e9 r\u00e9ouvert\n")
    for text in ("# Pier 4, again\n", "# two  spaces\n", "# under_score\n", "# a\\.b\n",
                 "# x &amp; y\n", "# trailing \n", "#  lead\n", "# one\n\nmore\n"):
        assert not plain(text), text


def test_a_title_without_a_slug_is_converted() -> None:
    md = markdown.Markdown(extensions=["toc"])
    md.convert("# x")
    heading = markdown_once._Heading([f'<h1 id="', markdown_once._MARKER.lower(), '">',
                                      markdown_once._MARKER, "</h1>"],
                                     lambda text: md.treeprocessors["toc"].slugify(text, "-"))
    assert heading.fill("\u4e2d\u6587", None) is None  # the table of contents would make up "_1"
    assert heading.fill("Pier 4", None)[0] == '<h1 id="pier-4">Pier 4</h1>'
