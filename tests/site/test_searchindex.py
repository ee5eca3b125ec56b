"""Direct search entries for the plugin's flat pages equal what Material's parser makes.

``searchindex.flat_sections`` mirrors Material's search parser for flat HTML (headings with
an id, paragraphs, text); these tests hold it to the parser on random flat documents full of
the parser's corner cases, check that anything else is left to the parser, and build a site
both ways, comparing every file.
"""
from __future__ import annotations

import json
import random
from types import SimpleNamespace

import pytest
from material.plugins.search.plugin import Parser, SearchIndex
from mkdocs.structure.toc import get_toc

from tests.site.helpers import build_to, files_of, make_project
from timeline.site import searchindex
from timeline.site.searchindex import DirectIndex, flat_sections

#: Text pieces that exercise the parser: entities, whitespace of every kind, newlines, quotes.
_WORDS = ["word", "Harbor", " ", "  ", "\n", "\n\n", "\t", "\xa0", "\u2003", "\x0c", "\r\n", "&amp;",
          "&lt;b&gt;", "&#34;", "&#39;", "&quot;", "&nbsp;", "&copy", "&", "a & b", ">", "'", '"',
          "caf\u00e9", "\u4e2d\u6587", "&#x27;", "&amp;amp;", "x\ny", "&#0;", ";"]


def _text(rng: random.Random) -> str:
    return "".join(rng.choice(_WORDS) for _ in range(rng.randrange(0, 5)))


def _flat_document(rng: random.Random) -> str:
    parts = [_text(rng) if rng.random() < 0.3 else ""]
    for _ in range(rng.randrange(0, 9)):
        if rng.random() < 0.4:
            level = rng.randrange(1, 7)
            ident = rng.choice(["a", "b-2", "", "x y", "2024-03-05-event"])
            parts.append(f'<h{level} id="{ident}">{_text(rng)}</h{level}>')
        else:
            parts.append(f"<p>{_text(rng)}</p>")
        parts.append(rng.choice(["", "\n", " ", "\n\n", _text(rng)]))
    return "".join(parts)


_TAGS = [("p", ""), ("li", ""), ("ul", ""), ("ol", ' class="tl-compact"'), ("a", ' href="../x/#y"'),
         ("a", ' class="headerlink" href="#a"'), ("span", ' class="tl-note"'), ("code", ""), ("pre", ""),
         ("div", " data-search-exclude"), ("div", ' class="linenodiv"'), ("time", ' datetime="2024"'),
         ("h1", ' id="t"'), ("h2", ' id="2024"'), ("h3", ""), ("sub", ""), ("em", ' title=""'), ("object", "")]


def _nested_document(rng: random.Random, depth: int = 0) -> str:
    parts = []
    for _ in range(rng.randrange(0, 6 if depth < 3 else 1)):
        roll = rng.random()
        if roll < 0.35:
            parts.append(_text(rng))
        elif roll < 0.45:
            parts.append(rng.choice(["<br>", "<hr>", "<img src=\"x\">"]))
        elif roll < 0.5:
            parts.append(f"</{rng.choice(_TAGS)[0]}>")  # a stray end tag
        else:
            tag, attrs = rng.choice(_TAGS)
            parts.append(f"<{tag}{attrs}>{_nested_document(rng, depth + 1)}")
            if rng.random() < 0.9:
                parts.append(f"</{tag}>")
    return "".join(parts)


def test_parsed_sections_equal_the_parsers_on_random_plain_html() -> None:
    rng = random.Random(8)
    for _ in range(4000):
        html = _nested_document(rng)
        assert _outcome(lambda: searchindex.parsed_sections(html)) == _outcome(lambda: _parsed(html)), html


def _outcome(parse) -> object:
    """The sections' shape, or the error (Material's parser fails on some odd nestings: so
    must the direct path, the same way)."""
    try:
        return _shape(parse())
    except Exception as exc:  # noqa: BLE001 - compared, not handled
        return type(exc), str(exc)


@pytest.mark.parametrize("html", [
    "<p>x</p><script>y</script>", "<p>a < b</p>", "<P>x</P>", "<p>x<!-- note --></p>", "<br/>",
    '<a href="?a=1&amp;b=2">x</a>', "<a href='x'>y</a>", '<a  href="x">y</a>', "<!DOCTYPE html><p>x</p>",
    "<textarea><p></textarea>", "<p >x</p>", "</p >",
])
def test_anything_but_plain_html_is_left_to_the_parser(html: str) -> None:
    assert searchindex.parsed_sections(html) is None


def _parsed(html: str) -> list:
    parser = Parser()
    parser.feed(html)
    parser.close()
    return parser.data


def _shape(sections: list) -> list:
    return [(s.el.tag, s.el.attrs, s.id, s.depth, s.title, s.text, s.is_excluded()) for s in sections]


def test_flat_sections_equal_the_parsers_on_random_flat_html() -> None:
    rng = random.Random(6)
    for _ in range(4000):
        html = _flat_document(rng)
        ours = flat_sections(html)
        assert ours is not None, html
        assert _shape(ours) == _shape(_parsed(html)), html


@pytest.mark.parametrize("html", [
    '<h1 id="x">Title<a class="headerlink" href="#x">&para;</a></h1>',
    "<p><em>x</em></p>",
    "<div><p>x</p></div>",
    '<h2 id="a&amp;b">x</h2>',
    '<h2 class="c" id="a">x</h2>',
    "<p>x</p><script>y</script>",
    "<p>a < b</p>",
    "<P>x</P>",
    "<p>x<!-- note --></p>",
])
def test_anything_but_flat_html_is_left_to_the_parser(html: str) -> None:
    assert flat_sections(html) is None


def _page(html: str, url: str = "sources/x/", meta: dict | None = None):
    toc = get_toc([{"level": 1, "id": "title", "name": "Title", "children": [
        {"level": 2, "id": "2024", "name": "2024", "children": []}]}])
    return SimpleNamespace(content=html, toc=toc, url=url, meta=meta if meta is not None else {"title": "T"},
                           title="T", file=SimpleNamespace(src_uri="x.md"))


def _plugin() -> SimpleNamespace:
    return SimpleNamespace(search_index=SearchIndex(lang=["en"], separator="", pipeline=[], fields={}),
                           config=SimpleNamespace(enabled=True))


def test_direct_entries_equal_materials(monkeypatch) -> None:
    monkeypatch.setattr(searchindex, "CHECK_EVERY", 10**9)  # no comparison inside: done here
    rng = random.Random(7)
    direct, plugin, reference = DirectIndex(), _plugin(), _plugin()
    for n in range(1500):
        html = _flat_document(rng)
        meta = rng.choice([{"title": "T"}, {"title": "T", "tags": ["a", 1, None]}, {"search": {"boost": 2}}, {}])
        url = rng.choice(["", "sources/x/", "years/2024/"])
        assert direct.add(plugin, _page(html, url, dict(meta))), html
        reference.search_index.add_entry_from_context(_page(html, url, dict(meta)))
        assert plugin.search_index.entries == reference.search_index.entries, (n, html)
    assert not direct.failed


def test_direct_index_leaves_pages_to_search_when_it_must() -> None:
    direct, plugin = DirectIndex(), _plugin()
    assert not direct.add(plugin, _page("<p>x</p>", meta={"search": {"exclude": True}}))
    assert not direct.add(plugin, _page("<div>x<!-- c --></div>"))
    plugin.config.enabled = False
    assert not direct.add(plugin, _page("<p>x</p>"))
    assert not direct.add(SimpleNamespace(search_index=object(), config=plugin.config), _page("<p>x</p>"))
    assert plugin.search_index.entries == []


def test_a_difference_hands_pages_back_to_the_parser(monkeypatch) -> None:
    monkeypatch.setattr(searchindex, "flat_sections", lambda html: [])  # wrong: no sections
    direct, plugin = DirectIndex(), _plugin()
    assert not direct.add(plugin, _page("<p>x</p>"))
    assert direct.failed and plugin.search_index.entries == []
    assert not direct.add(plugin, _page("<p>y</p>"))


def test_site_with_direct_entries_equals_the_parsers(tmp_path, monkeypatch) -> None:
    project = make_project(tmp_path)
    with monkeypatch.context() as m:
        m.setattr(DirectIndex, "add", lambda self, plugin, page: False)
        build_to(project, tmp_path / "parser")
    used: list[DirectIndex] = []
    original = DirectIndex.add

    def spy(self, plugin, page):
        used.append(self)
        return original(self, plugin, page)
    monkeypatch.setattr(DirectIndex, "add", spy)
    monkeypatch.setattr(searchindex, "CHECK_EVERY", 1)  # every page also through the parser
    build_to(project, tmp_path / "direct")
    assert used and used[-1].pages >= 3 and not used[-1].failed
    assert files_of(tmp_path / "parser") == files_of(tmp_path / "direct")
    index = json.loads((tmp_path / "direct" / "search" / "search_index.json").read_text())
    assert any(doc["location"].startswith("sources/") for doc in index["docs"])
