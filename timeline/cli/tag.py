"""`timeline tag` and `timeline eval`: the resolver's command line.

Thin click wrappers: the resolver and the scorer do the work; user errors become one
message (click.UsageError / ClickException), never a traceback.
"""
from __future__ import annotations

import datetime as dt
import json
from html import escape
from pathlib import Path

import click

from timeline.cli.errors import user_errors
from timeline.resolver import Timex, resolve
from timeline.resolver.scoring import Score, corpus_documents, format_metrics


def _parse_anchor(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.UsageError(f"--anchor {value!r} is not a date; expected YYYY-MM-DD, e.g. 2023-09-13")


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise click.ClickException(f"{path}: no such file")
    except (UnicodeDecodeError, OSError) as exc:
        raise click.ClickException(f"{path}: cannot read as UTF-8 text ({exc})")


def to_timeml(text: str, timexes: list[Timex]) -> str:
    """The text with inline TIMEX3 tags, as HeidelTime writes it (text escaped)."""
    out, pos = [], 0
    for i, t in enumerate(timexes, 1):
        out.append(escape(text[pos:t.start], quote=False))
        mod = f' mod="{t.mod}"' if t.mod else ""
        out.append(f'<TIMEX3 tid="t{i}" type="{t.type}" value="{escape(t.value)}"{mod}>'
                   f"{escape(t.text, quote=False)}</TIMEX3>")
        pos = t.end
    out.append(escape(text[pos:], quote=False))
    return "".join(out)


def to_text(timexes: list[Timex]) -> str:
    """One line per expression: offsets, type, value (mod), text."""
    return "\n".join(f"{t.start}-{t.end}\t{t.type}\t{t.value}{' ' + t.mod if t.mod else ''}\t{t.text}"
                     for t in timexes)


def tag_corpus(folder: Path, out: Path | None = None) -> list[tuple[str, str, list[dict], list[dict] | None]]:
    """Tag every NAME.txt beside a NAME.json carrying "dct"; write NAME.json lists to `out`."""
    if not folder.is_dir():
        raise click.ClickException(f"{folder}: not a directory")
    results = []
    for name, text, dct, gold in corpus_documents(folder):
        try:
            anchor = dt.date.fromisoformat(dct)
        except (TypeError, ValueError):
            raise click.ClickException(f"{folder / (name + '.json')}: dct {dct!r} is not YYYY-MM-DD")
        with user_errors():
            system = [t.as_dict() for t in resolve(text, anchor)]
        if out is not None:
            (out / f"{name}.json").write_text(json.dumps(system, indent=1), encoding="utf-8")
        results.append((name, text, system, gold))
    if not results:
        raise click.ClickException(f"{folder}: no NAME.txt beside a NAME.json carrying \"dct\"")
    return results


@click.command()
@click.argument("file", required=False, type=click.Path(path_type=Path))
@click.option("--anchor", help="The document's date (YYYY-MM-DD) that relative dates resolve against.")
@click.option("--format", "fmt", type=click.Choice(["json", "timeml", "text"]), default="json",
              show_default=True, help="Output format.")
@click.option("--corpus", type=click.Path(path_type=Path),
              help="Tag a folder of NAME.txt + NAME.json (with dct) instead of one FILE.")
@click.option("--out", type=click.Path(path_type=Path), help="With --corpus: folder for the NAME.json outputs.")
def tag(file: Path | None, anchor: str | None, fmt: str, corpus: Path | None, out: Path | None) -> None:
    """Find and resolve the dates, times and durations in FILE (TIMEX3)."""
    if corpus is not None:
        if file is not None:
            raise click.UsageError("give either FILE or --corpus DIR, not both")
        if out is None:
            raise click.UsageError("--corpus needs --out DIR")
        out.mkdir(parents=True, exist_ok=True)
        n = len(tag_corpus(corpus, out))
        click.echo(f"tagged {n} documents into {out}", err=True)
        return
    if file is None:
        raise click.UsageError("missing FILE (or --corpus DIR --out DIR)")
    date = _parse_anchor(anchor)
    if date is None:
        raise click.UsageError("--anchor YYYY-MM-DD is required: relative dates need a reference date")
    text = _read(file)
    with user_errors():
        timexes = resolve(text, date)
    if fmt == "json":
        click.echo(json.dumps([t.as_dict() for t in timexes], indent=1, ensure_ascii=False))
    elif fmt == "timeml":
        click.echo(to_timeml(text, timexes))
    else:
        click.echo(to_text(timexes))


@click.command("eval")
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--min-value-f1", type=float, help="Exit with status 1 when value F1 is below this.")
@click.option("--errors", is_flag=True, help="List wrong, missed and extra expressions.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def eval_cmd(folder: Path, min_value_f1: float | None, errors: bool, as_json: bool) -> None:
    """Tag a gold folder (NAME.txt + NAME.json with dct and timexes) and score it, TempEval-3 style."""
    score = Score()
    for name, text, system, gold in tag_corpus(folder):
        if gold is None:
            raise click.ClickException(f"{folder / (name + '.json')}: no \"timexes\" gold list to score against")
        score.add(name, text, gold, system, errors=errors)
    metrics = score.metrics()
    if errors:
        click.echo("\n".join(score.errors))
    click.echo(json.dumps(metrics) if as_json else format_metrics(metrics))
    if min_value_f1 is not None and metrics["value_f1"] < min_value_f1:
        click.echo(f"value F1 {metrics['value_f1']:.3f} is below --min-value-f1 {min_value_f1}", err=True)
        raise SystemExit(1)
