"""Update an events file by editing its text, touching only what changed.

Why: loading and re-dumping a whole file with ruamel.yaml keeps comments but costs minutes
on a large timeline (about 40 ms per event in and out). A re-run usually changes a few
events. Here the file is cut into blocks, one per article entry and one per event (with
the comments and blank lines that follow it); an unchanged block is copied byte for byte,
a changed one goes through ruamel on its own (so its comments stay), a new one is written
by the fast emitter. Reading works the same way: each block is parsed alone, or taken from
a cache of the blocks last written (keyed by their text), so a large file whose events did
not change is not parsed again. Anything but the plain block layout this module
understands gives ``None``, and the caller takes the whole-file path.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

from timeline.errors import StoreError
from timeline.store.emit import emit_item, emit_mapping
from timeline.store.fastload import UNSURE, guard_and_load
from timeline.store.roundtrip import apply_merged, dump_roundtrip, load_roundtrip, plain

_TOP_KEY = re.compile(r"(articles|events):[ \t]*(\{\}|\[\])?[ \t]*(?:#.*)?$")
_SKIP = re.compile(r" *(?:#.*)?$")  # blank or comment-only line (a tab is left to the full reader)
_KEY_LINE = re.compile(r"( *)[^\s#-]")
_DASH_LINE = re.compile(r"( *)- ")


@dataclass
class _Section:
    """A top-level key: its own line, lines before its first entry, and one block per entry."""

    name: str
    head: list[str]
    blocks: list[str]
    indent: int
    empty: bool = False  # written as "articles: {}" or "events: []"


@dataclass
class Layout:
    """A file cut into blocks: comment lines first, then ``articles`` and ``events``."""

    prologue: list[str]
    sections: dict[str, _Section]

    def all_blocks(self) -> list[str]:
        """Every block of the file, in the file's order."""
        return [block for section in self.sections.values() for block in section.blocks]


@dataclass
class Spliced:
    """A text made of blocks, with each block's data (for the block cache)."""

    text: str
    blocks: list[tuple[str, str, Any]] = field(default_factory=list)  # (section, text, data)


def block_key(section: str, block: str) -> str:
    """Cache key of a block: its section and a digest of its exact text."""
    return f"{section}:{hashlib.sha1(block.encode('utf-8')).hexdigest()}"


def cut_text(text: str) -> Layout | None:
    """Cut ``text`` into blocks; None for anything but the plain block layout."""
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    cut = _cut(lines)
    if cut is None or set(cut[1]) != {"articles", "events"}:
        return None
    return Layout(*cut)


def read_blocks(layout: Layout, cache: Mapping[str, Any],
                path: str | None = None) -> tuple[dict, list[tuple[str, str, Any]]] | None:
    """The file's data built block by block (cached blocks are not parsed again).

    None when a block does not stand alone (an alias to another block, a repeated key...):
    the whole-file reader then decides, and reports any problem with its line.
    """
    articles: dict[str, Any] = {}
    events: list[Any] = []
    blocks: list[tuple[str, str, Any]] = []
    for name, section in layout.sections.items():
        if not section.blocks and not section.empty:
            return None  # "events:" with nothing is null, not a list: the whole file decides
        for block in section.blocks:
            key = block_key(name, block)
            data = cache.get(key)
            if data is None:
                data = parse_block(name, block, section.indent, path)
                if data is None:
                    return None
            if name == "articles":
                if not (isinstance(data, list) and len(data) == 2) or data[0] in articles:
                    return None
                articles[data[0]] = data[1]
            else:
                events.append(data)
            blocks.append((name, block, data))
    return {"articles": articles, "events": events}, blocks


def parse_block(section: str, block: str, indent: int, path: str | None = None) -> Any:
    """One block's data, parsed alone: ``[key, entry]`` for an article, the event for an event."""
    wrapped = f"{section}:\n" + _reindent(block, indent, 2)
    try:
        data = guard_and_load(wrapped, path)
    except StoreError:
        return None  # the whole-file reader reports it with the file's own line numbers
    if data is UNSURE or not isinstance(data, dict) or list(data) != [section]:
        return None
    value = plain(data[section])
    if section == "articles":
        if not isinstance(value, dict) or len(value) != 1:
            return None
        return [next(iter(value)), next(iter(value.values()))]
    if not isinstance(value, list) or len(value) != 1:
        return None
    return value[0]


def fresh_text(merged: dict, offset: int = 2) -> Spliced | None:
    """A new file's body: every block written by the fast emitter."""
    layout = Layout([], {"articles": _Section("articles", ["articles:\n"], [], 2),
                         "events": _Section("events", ["events:\n"], [], offset)})
    return splice_update(layout, {"articles": {}, "events": []}, merged, offset)


def splice_update(layout: Layout, ours: dict, merged: dict, offset: int) -> Spliced | None:
    """The file cut as ``layout`` (whose data is ``ours``) changed to hold ``merged``."""
    prologue, sections = layout.prologue, layout.sections
    if not isinstance(ours.get("articles"), dict) or not isinstance(ours.get("events"), list):
        return None
    articles, events = sections["articles"], sections["events"]
    old_articles = list(ours["articles"].items())
    old_events = ours["events"]
    if len(articles.blocks) != len(old_articles) or len(events.blocks) != len(old_events):
        return None
    if not all(isinstance(e, dict) for e in old_events):
        return None
    article_blocks = _rebuild(
        [(key, value, block) for (key, value), block in zip(old_articles, articles.blocks)],
        list(merged["articles"].items()), articles.indent, offset,
        write_new=lambda key, value, indent: emit_mapping({key: value}, indent, offset))
    by_id: dict[Any, tuple] = {}
    for event, block in zip(old_events, events.blocks):
        by_id.setdefault(event.get("id"), (event, block))
    if len(by_id) != len(old_events):
        return None  # repeated ids: let the whole-file path sort it out
    event_blocks = _rebuild(
        [(e.get("id"), e, block) for e, block in zip(old_events, events.blocks)],
        [(e["id"], e) for e in merged["events"]], events.indent, offset,
        write_new=lambda _id, value, indent: emit_item(value, indent, offset), is_item=True)
    if article_blocks is None or event_blocks is None:
        return None
    out = list(prologue)
    skeleton = list(prologue)  # the text with each block cut to its first line
    firsts: list[str] = []
    placed: list[tuple[str, str, Any]] = []
    for name in sections:  # the file's own order of the two sections
        section = sections[name]
        if name == "articles":
            blocks = [(name, b, [k, v]) for b, (k, v) in zip(article_blocks, merged["articles"].items())]
        else:
            blocks = [(name, b, e) for b, e in zip(event_blocks, merged["events"])]
        if blocks:
            head = [f"{name}:\n" if section.empty else section.head[0], *section.head[1:]]
            out.extend(head)
            out.extend(b for _, b, _ in blocks)
            block_firsts = [b[:b.find("\n") + 1] for _, b, _ in blocks]
            firsts.extend(block_firsts)
            skeleton.extend(head)
            skeleton.extend(block_firsts)
        else:  # nothing left: an empty collection on the key's line, its comments kept
            head = [section.head[0] if section.empty else
                    f"{name}: {'{}' if name == 'articles' else '[]'}\n", *section.head[1:]]
            out.extend(head)
            skeleton.extend(head)
        placed.extend(blocks)
    text = "".join(out)
    if not _sits_exactly(text, "".join(skeleton), [b for _, b, _ in placed], firsts):
        return None
    return Spliced(text, placed)


#: Characters ``str.splitlines`` ends a line at, besides "\n".
_OTHER_BREAKS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def _sits_exactly(text: str, skeleton: str, blocks: list[str], firsts: list[str]) -> bool:
    """Whether ``cut_text(text)`` gives exactly ``blocks``: they must sit where they were put.

    Why not just cut ``text`` again: that is a Python step per line, a third of the time of
    writing a large file. The same answer, with a step per block: when every line of a
    block after its first starts deeper than the entries of its section, ``cut_text``
    adds that line to the block it is in and changes nothing else; so ``text`` cuts into
    ``blocks`` exactly when ``skeleton`` (``text`` with each block cut to its first line)
    cuts into those first lines. Anything else (a shallower comment inside a block, other
    line breaks, a block without a final newline) is left to cutting the whole text.
    ``firsts``: the first line of each block, with its newline ("" for a block without).
    """
    cut = None if any(c in text for c in _OTHER_BREAKS) else cut_text(skeleton)
    if cut is not None and cut.all_blocks() == firsts:
        indents = [s.indent for s in cut.sections.values() for _ in s.blocks]
        if all(map(_only_deeper_after, blocks, firsts, indents)):
            return True
    again = cut_text(text)
    return again is not None and again.all_blocks() == blocks


def _only_deeper_after(block: str, first: str, indent: int) -> bool:
    """Every line of ``block`` after its ``first`` starts with more than ``indent`` spaces
    (counted with C string methods: one "\n" + deeper per line but the last's)."""
    rest = block[len(first):]
    deeper = " " * (indent + 1)
    return first.endswith("\n") and (not rest or (
        rest.endswith("\n") and rest.startswith(deeper)
        and rest.count("\n" + deeper) == rest.count("\n") - 1))


def _cut(lines: list[str]) -> tuple[list[str], dict[str, _Section]] | None:
    """Split into prologue and sections; None for anything but the plain block layout."""
    prologue: list[str] = []
    sections: dict[str, _Section] = {}
    current: _Section | None = None
    entry_indent: int | None = None
    deeper = None  # the prefix of a line inside the current entry: the common case, checked first
    block: list[str] | None = None  # lines of the entry being read

    def close() -> None:
        if block is not None and current is not None:
            current.blocks.append("".join(block))

    for line in lines:
        if block is not None and line.startswith(deeper):
            block.append(line)
            continue
        if _SKIP.match(line):
            if block is not None:
                block.append(line)
            elif current is None:
                prologue.append(line)
            else:
                current.head.append(line)
            continue
        if not line.startswith((" ", "-")):
            match = _TOP_KEY.match(line.rstrip("\n"))
            if match is None or match.group(1) in sections:
                return None  # another top-level key, a flow collection, a document marker...
            close()
            block = None
            current = _Section(match.group(1), [line], [], 0, empty=match.group(2) is not None)
            sections[current.name] = current
            entry_indent = None
            continue
        if current is None or current.empty:
            return None  # entries after "events: []"
        pattern = _DASH_LINE if current.name == "events" else _KEY_LINE
        match = pattern.match(line)
        indent = len(line) - len(line.lstrip(" "))
        if entry_indent is None:
            if match is None:
                return None
            entry_indent = len(match.group(1))
            current.indent = entry_indent
            deeper = " " * (entry_indent + 1)
        if indent != entry_indent or match is None or len(match.group(1)) != entry_indent:
            return None  # shallower than the entries, or at their depth but no entry
        close()
        block = [line]
    close()
    return prologue, sections  # the last block of a section owns the comments after it


def _rebuild(old: list[tuple[Any, Any, str]], wanted: list[tuple[Any, Any]], indent: int,
             offset: int, write_new: Callable[[Any, Any, int], str],
             is_item: bool = False) -> list[str] | None:
    """Blocks for ``wanted`` in its order: copied, re-dumped one by one, or newly written."""
    by_key = {key: (value, block) for key, value, block in old}
    blocks: list[str] = []
    for key, value in wanted:
        found = by_key.get(key)
        if found is not None and plain(found[0]) == value:
            blocks.append(found[1])
        elif found is not None:
            block = _rewrite_plain(found[1], key, found[0], value, indent, write_new)
            if block is None:
                block = _redump(found[1], key, value, indent, offset, is_item)
                expected = value if is_item else [key, value]
                if block is None or parse_block("events" if is_item else "articles", block,
                                                indent) != expected:
                    return None
            blocks.append(block)
        else:
            try:
                blocks.append(write_new(key, value, indent))
            except TypeError:
                return None
    return blocks


def _rewrite_plain(block: str, key: Any, old: Any, new: Any, indent: int,
                   write_new: Callable[[Any, Any, int], str]) -> str | None:
    """A block exactly as the fast emitter wrote it, with no comment: write it again, fast.

    Nothing a person added (a comment, other quoting) can be lost: anything else is None.
    """
    if "#" in block:
        return None
    core = block.rstrip("\n") + "\n"
    try:
        if write_new(key, old, indent) != core:
            return None
        return write_new(key, new, indent) + block[len(core):]
    except TypeError:
        return None


def _redump(block: str, key: Any, value: Any, indent: int, offset: int, is_item: bool) -> str | None:
    """One changed block through ruamel on its own, so its comments and quoting stay."""
    wrapper = "events" if is_item else "articles"
    inner_indent = offset if is_item else 2  # where ruamel puts the entry under the wrapper
    doc = load_roundtrip(f"{wrapper}:\n" + _reindent(block, indent, inner_indent), "block")
    current = doc.get(wrapper) if doc is not None else None
    if current is None or len(current) != 1:
        return None
    dumped = dump_roundtrip(_apply_one(doc, wrapper, [value] if is_item else {key: value}), offset)
    if not dumped.startswith(f"{wrapper}:\n"):
        return None
    return _reindent(dumped[len(wrapper) + 2:], inner_indent, indent)


def _reindent(text: str, old: int, new: int) -> str:
    """Move lines indented ``old`` or more to ``new``; shallower (comment) lines to ``new``."""
    out = []
    for line in text.splitlines(keepends=True):
        spaces = len(line) - len(line.lstrip(" "))
        if not line.strip():
            out.append(line.lstrip(" "))
        elif spaces >= old:
            out.append(" " * new + line[old:])
        else:
            out.append(" " * new + line[spaces:])
    return "".join(out)


def _apply_one(doc: Any, wrapper: str, wanted: Any) -> Any:
    """``apply_merged`` on a one-entry document (the other section empty and dropped)."""
    full = {"articles": wanted, "events": []} if wrapper == "articles" else \
        {"articles": {}, "events": wanted}
    result = apply_merged(doc, full)
    del result["events" if wrapper == "articles" else "articles"]
    return result
