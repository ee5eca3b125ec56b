"""Tags: people, organisations and places that recur across articles, by rules and counts.

A name is a run of capitalised words ("Vladimir Putin", "Alder Street Bridge", "Kim
Jong Un"), or a single capitalised word that is not the first word of its sentence
("Putin"). A name becomes a tag when at least ``MIN_ARTICLES`` articles use it. Words
that are capitalised for other reasons (weekdays, months, sentence openers) are in
data/tag_stoplist.txt. No model, no download.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import Iterable

#: A name must appear in this many articles to be a tag: recurring, not incidental.
MIN_ARTICLES = 2
_CAP = r"[A-Z][\w’'-]*[\w]|[A-Z]"
_NAME = re.compile(rf"(?<![\w’'-])(?:{_CAP})(?:\s+(?:(?:of|de|al|von|van|the)\s+)?(?:{_CAP}))*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”]\s+|\n\s*)$")
#: How far back to look for a sentence start: enough for punctuation and spacing, and linear.
_LOOKBEHIND = 16
_POSSESSIVE = re.compile(r"[’']s$", re.IGNORECASE)
#: Adjectives of nationality ("Russian", "North Korean") describe, they do not name.
_DEMONYM = re.compile(r"(?:ian|ean|ese|ish)$")
#: A sentence's first word is capitalised anyway; these endings show it is not a name.
_NOT_NAME_OPENER = re.compile(r"(?:ing|ed|ly)$")


@lru_cache(maxsize=1)
def _stoplist() -> frozenset[str]:
    return _words("tag_stoplist.txt")


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return _words("tag_titles.txt")


def _words(name: str) -> frozenset[str]:
    text = resources.files("timeline.events").joinpath(f"data/{name}").read_text("utf-8")
    return frozenset(w.lower() for ln in text.splitlines() if not ln.startswith("#")
                     for w in ln.split())


def names_in(text: str) -> set[str]:
    """Candidate names in a text (see the module docstring)."""
    stop, titles = _stoplist(), _titles()
    found: set[str] = set()
    for match in _NAME.finditer(text):
        words = [_POSSESSIVE.sub("", w) for w in match.group().split()]
        sentence_start = _SENTENCE_START.search(
            text, max(0, match.start() - _LOOKBEHIND), match.start()) is not None
        if sentence_start and len(words) > 1 and _NOT_NAME_OPENER.search(words[0]):
            words.pop(0)
        role = [i for i, w in enumerate(words[:-1]) if w.lower() in titles]
        if role:  # "National Security Adviser John Bolton" -> "John Bolton"
            words = words[role[-1] + 1:]
        while words and words[0].lower() in stop:
            words.pop(0)
        while words and words[-1].lower() in stop:
            words.pop()
        if not words:
            continue
        name = " ".join(words)
        if _DEMONYM.search(words[-1]) or (len(words) == 1 and (
                sentence_start and match.group().split()[0] == words[0] or len(name) < 3)):
            continue
        found.add(name)
    return found


def recurring_names(texts: Iterable[str], min_articles: int = MIN_ARTICLES) -> frozenset[str]:
    """Names used by at least ``min_articles`` of the texts (one text per article)."""
    return recurring_in((names_in(text) for text in texts), min_articles)


def recurring_in(name_sets: Iterable[set[str]], min_articles: int = MIN_ARTICLES) -> frozenset[str]:
    """Names in at least ``min_articles`` of the sets (``names_in`` of each article)."""
    counts: Counter[str] = Counter()
    for names in name_sets:
        counts.update(names)
    return frozenset(name for name, n in counts.items() if n >= min_articles)


def canonical_names(vocabulary: frozenset[str]) -> dict[str, str]:
    """Short forms to full names: "Putin" -> "Vladimir Putin" when only one name contains it."""
    finder = NameFinder(vocabulary)
    inside = {name: finder.found_in(name) - {name} for name in vocabulary}  # names within name
    containers: dict[str, list[str]] = {}
    for name, parts in inside.items():
        for part in parts:
            containers.setdefault(part, []).append(name)
    mapping: dict[str, str] = {}
    for name in vocabulary:
        longer = containers.get(name, [])
        maximal = [n for n in longer if not any(m != n and n in inside[m] for m in longer)]
        mapping[name] = maximal[0] if len(maximal) == 1 else name
    return mapping


def tags_for(text: str, vocabulary: frozenset[str],
             canonical: dict[str, str] | None = None, finder: NameFinder | None = None) -> list[str]:
    """The recurring names a text mentions, each under its full form, without repeats.

    Pass one ``finder`` for many texts: building it is the costly part for a large vocabulary.
    """
    canonical = canonical if canonical is not None else canonical_names(vocabulary)
    finder = finder or NameFinder(vocabulary)
    present = {canonical.get(n, n) for n in finder.found_in(text)}
    return sorted(n for n in present if not any(m != n and _name_contains(m, n) for m in present))


class NameFinder:
    """Which of many names a text holds as whole words, in one pass over the text's words.

    Same answer as searching each name with word boundaries, at a cost that grows with
    the text, not with the vocabulary (tens of thousands of names in a decade of news).
    """

    def __init__(self, names: Iterable[str]) -> None:
        self.by_first: dict[str, list[str]] = {}
        for name in names:
            first = _TOKEN.search(name)
            if first is not None and first.start() == 0:
                self.by_first.setdefault(first.group(), []).append(name)
            else:  # a name that does not start with a word character: rare, search it
                self.by_first.setdefault("", []).append(name)
        self.firsts = frozenset(first for first in self.by_first if first)

    def found_in(self, text: str) -> set[str]:
        found = {n for n in self.by_first.get("", ()) if _contains(text, n)}
        # Only the names whose first word is a word of the text can be in it; each is looked
        # for with str.find and its ends checked, which is what the regex search does.
        for first in self.firsts.intersection(_RUN.findall(text)):
            for name in self.by_first[first]:
                start = text.find(name)
                while start >= 0:
                    if (start == 0 or not _WORD_CHAR.match(text, start - 1)) and \
                            not _WORD_CHAR.match(text, start + len(name)):
                        found.add(name)
                        break
                    start = text.find(name, start + 1)
        return found


_TOKEN = re.compile(r"(?<!\w)\w+")
_RUN = re.compile(r"\w+")  # the words of a text: the same runs as _TOKEN finds
_WORD_CHAR = re.compile(r"\w")


@lru_cache(maxsize=1 << 16)  # the same few names meet in text after text
def _name_contains(longer: str, name: str) -> bool:
    return _contains(longer, name)


def _contains(text: str, name: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None
