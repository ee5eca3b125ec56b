"""The quick check that spliced blocks sit where they were put agrees with cutting again."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from timeline.store.splice import _sits_exactly, cut_text

#: Lines a block may hold after its first: deeper ones, and the kinds that end a block or
#: cut differently (shallow comments, blank lines, other line breaks, entries, top keys).
_LINES = st.sampled_from([
    "    title: x\n", "      - article: a\n", "   three\n", "  # shallow comment\n", "\n",
    "    # deep comment\n", "  - id: other\n", "  other: 1\n", "events:\n", "    a\rb\n",
    "    a\u2028b\n", "    tail", "        deep\n", "   \n", "    x\x85y\n"])
#: ... mostly deeper ones, so that blocks often do sit where they were put.
_LINE = st.one_of(st.sampled_from(["    title: x\n", "      - article: a\n", "   three\n"]), _LINES)
_FIRSTS = {"articles": st.one_of(st.just("  a1:\n"), st.sampled_from(
               ["  a2: {}\n", "  - a3:\n", "a4:\n", "  # c\n", "   a5:\n"])),
           "events": st.one_of(st.just("  - id: e1\n"), st.sampled_from(
               ["  - e2\n", "  id: e3\n", "- id: e4\n", "\n", "   - id: e5\n"]))}


@st.composite
def _layouts(draw) -> tuple[list[str], list[str]]:
    """Head lines and blocks as ``splice_update`` puts them together."""
    heads, blocks = [draw(st.sampled_from(["", "# notes\n"]))], []
    for name in draw(st.sampled_from([("articles", "events"), ("events", "articles")])):
        heads.append(f"{name}:\n")
        for _ in range(draw(st.integers(1, 3))):
            block = draw(_FIRSTS[name]) + "".join(draw(st.lists(_LINE, max_size=4)))
            blocks.append(block)
            heads.append(None)  # a block goes here
    return heads, blocks


@settings(max_examples=800, deadline=None)
@given(_layouts())
def test_quick_check_agrees_with_cutting_the_whole_text(layout):
    heads, blocks = layout
    out, skeleton, firsts, it = [], [], [], iter(blocks)
    for head in heads:
        if head is None:
            block = next(it)
            first = block[:block.find("\n") + 1]
            out.append(block)
            skeleton.append(first)
            firsts.append(first)
        else:
            out.append(head)
            skeleton.append(head)
    text = "".join(out)
    again = cut_text(text)
    expected = again is not None and [b for s in again.sections.values() for b in s.blocks] == blocks
    assert _sits_exactly(text, "".join(skeleton), blocks, firsts) == expected
