"""Reading, validating and writing the YAML events file."""
from timeline.store.document import render_document
from timeline.store.reader import EventsFile, check_file, read_events_file

__all__ = ["EventsFile", "check_file", "read_events_file", "render_document"]
