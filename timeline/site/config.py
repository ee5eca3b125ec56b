"""The plugin's options in mkdocs.yml, validated by MkDocs so a typo is a clear config error."""
from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from timeline.site.labels import check_locale

EXPORT_FORMATS = ("json", "ics", "csv")


class _PositiveInt(c.Type):
    """An int of at least 1: a page size of 0 would make an empty page per event."""

    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value: object) -> int:
        value = super().run_validation(value)
        if isinstance(value, bool) or value < 1:
            raise base.ValidationError(f"expected a whole number of at least 1, got {value!r}")
        return value


class _Locale(c.Optional):
    """A Babel locale code ('en_GB', 'fr', 'de'); unset means the built-in English labels."""

    def __init__(self) -> None:
        super().__init__(c.Type(str))

    def run_validation(self, value: object) -> str | None:
        value = super().run_validation(value)
        if value is not None:
            try:
                check_locale(value)
            except ValueError as exc:
                raise base.ValidationError(str(exc)) from None
        return value


class TimelineConfig(base.Config):
    """``plugins: - timeline: {...}``.

    Paths are relative to mkdocs.yml's folder; unset, they default to ``events.yaml`` and
    ``articles/`` inside ``docs_dir``. ``events`` may name one file or a folder of them.
    """

    events = c.Optional(c.Type(str))
    articles = c.Optional(c.Type(str))
    #: The page that carries the timeline (created when the docs folder has none).
    page = c.Type(str, default="index.md")
    order = c.Choice(("ascending", "descending"), default="ascending")
    #: Headings under each year: one per month, or none.
    group_by = c.Choice(("month", "year"), default="month")
    #: ``auto`` gives each year its own page once there are more than ``page_size`` events.
    split = c.Choice(("auto", "year", "none"), default="auto")
    #: Most events on one page; a larger year is paged (2023, 2023 page 2...).
    page_size = _PositiveInt(default=1000)
    locale = _Locale()
    #: The SVG chart of events over time, at the top of the timeline page.
    overview = c.Type(bool, default=True)
    #: One page per tag (people, organisations, places) and a tag index.
    tags = c.Type(bool, default=True)
    #: One provenance page per source article and a list of sources.
    sources = c.Type(bool, default=True)
    exports = c.ListOfItems(c.Choice(EXPORT_FORMATS), default=list(EXPORT_FORMATS))
    #: The exports' title; default: the site name.
    title = c.Optional(c.Type(str))
