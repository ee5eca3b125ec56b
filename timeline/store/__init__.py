"""Reading, validating, merging and writing the YAML events file."""
from timeline.store.document import render_document
from timeline.store.merge import MergeReport, merge_documents
from timeline.store.reader import EventsFile, check_file, read_events_file
from timeline.store.sync import load_existing, plan_update, write_plan

__all__ = ["EventsFile", "MergeReport", "check_file", "load_existing", "merge_documents",
           "plan_update", "read_events_file", "render_document", "write_plan"]
