"""The ``timeline`` command: a thin click layer over the library.

Library errors (``TimelineError``) become one line with file, line and a hint; no traceback.
"""
from __future__ import annotations

import click

from timeline import __version__
from timeline.cli.check import check
from timeline.cli.export import export
from timeline.cli.extract import extract
from timeline.cli.tag import eval_cmd, tag


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="timeline")
def main() -> None:
    """Turn news articles into a sourced, dated timeline and publish it with MkDocs."""


main.add_command(extract)
main.add_command(check)
main.add_command(tag)
main.add_command(eval_cmd, name="eval")
main.add_command(export)
