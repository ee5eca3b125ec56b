"""The plugin's options in mkdocs.yml, validated by MkDocs so a typo is a clear config error."""
from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class TimelineConfig(base.Config):
    """``plugins: - timeline: {...}``. Paths are relative to mkdocs.yml's folder;
    unset, they default to ``events.yaml`` and ``articles/`` inside ``docs_dir``."""

    events = c.Optional(c.Type(str))
    articles = c.Optional(c.Type(str))
    page = c.Type(str, default="index.md")
    order = c.Choice(("ascending", "descending"), default="ascending")
