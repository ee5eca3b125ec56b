"""Split Markdown front matter from the body, keeping line numbers for error messages."""
from __future__ import annotations

import re

import yaml

from timeline.errors import ArticleError

_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when built with it
_FENCE = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?\n?", re.DOTALL | re.MULTILINE)


def split_front_matter(text: str, path: str) -> tuple[dict, str]:
    """``(metadata, body)``; metadata is empty when the file has no front matter."""
    match = _FENCE.match(text)
    if not match:
        return {}, text
    try:
        meta = yaml.load(match.group(1), Loader=_SafeLoader) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ArticleError(f"front matter is not valid YAML: {getattr(exc, 'problem', exc)}",
                           path=path, line=mark.line + 2 if mark else None,
                           hint="fix the YAML between the two '---' lines") from None
    if not isinstance(meta, dict):
        raise ArticleError("front matter must be a mapping of keys to values", path=path, line=2,
                           hint="write it as 'title: ...' and 'published: YYYY-MM-DD' lines")
    return meta, text[match.end():]
