"""Turning resolved sentences into events, and merging reports of the same event."""
from timeline.events.builder import build_events, events_from_article, is_eventable
from timeline.events.model import Event, Source

__all__ = ["Event", "Source", "build_events", "events_from_article", "is_eventable"]
