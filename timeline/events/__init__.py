"""Turning resolved sentences into events, and merging reports of the same event."""
from timeline.events.builder import assemble_events, build_events, events_from_article, is_eventable
from timeline.events.merge import merge_same_events
from timeline.events.model import EVENT_KEYS, Event, Source

__all__ = ["EVENT_KEYS", "Event", "Source", "assemble_events", "build_events", "events_from_article",
           "is_eventable", "merge_same_events"]
