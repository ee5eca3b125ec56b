"""Load a language's vocabularies and rules (YAML data) and compile them once.

`{name}` in a rule pattern expands to a named group over vocabulary `name`, `{name_words}`
to the same alternation without a group, and a fragment name to the fragment's text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).parent / "data"


class ResolverDataError(ValueError):
    """A data file is malformed: carries the file, the rule and what was expected."""


@dataclass(frozen=True)
class Rule:
    """One named pattern with the normalizer (`kind`) that turns its match into a value."""

    name: str
    regex: re.Pattern
    kind: str
    params: dict = field(default_factory=dict)
    examples: tuple = ()
    requires: re.Pattern | None = None


@dataclass(frozen=True)
class Language:
    """Compiled data for one language: vocabularies (surface form -> value) and rules."""

    code: str
    vocab: dict
    rules: tuple


def _alternation(words) -> str:
    forms = sorted((str(w) for w in words), key=len, reverse=True)
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)


def _expand(pattern: str, vocab: dict, fragments: dict, where: str) -> str:
    def sub(m: re.Match) -> str:
        name = m.group(1)
        if name in fragments:
            return _expand(fragments[name], vocab, fragments, where)
        if name.endswith("_words") and name[:-6] in vocab:
            return f"(?:{_alternation(vocab[name[:-6]])})"
        if name in vocab:
            return f"(?P<{name}>{_alternation(vocab[name])})"
        raise ResolverDataError(f"{where}: unknown reference {{{name}}}")
    return re.sub(r"\{([a-z_]+)\}", sub, pattern)


def _read_yaml(path: Path):
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ResolverDataError(f"{path}: cannot load resolver data: {exc}") from exc


@lru_cache(maxsize=8)
def load_language(code: str) -> Language:
    """Read and compile `data/<code>/`; cached per language (immutable result)."""
    base = DATA_DIR / code
    if not base.is_dir():
        raise ResolverDataError(f"no resolver data for language {code!r} (expected {base})")
    vocab = _read_yaml(base / "vocabulary.yaml")
    vocab = {k: {str(w).lower(): v for w, v in d.items()} for k, d in vocab.items()}
    spec = _read_yaml(base / "rules.yaml")
    fragments = spec.get("fragments", {})
    rules = []
    for i, r in enumerate(spec["rules"]):
        where = f"{base / 'rules.yaml'} rule #{i} {r.get('name')!r}"
        for key in ("name", "pattern", "kind", "examples"):
            if key not in r:
                raise ResolverDataError(f"{where}: missing field {key!r}")
        try:
            rx = re.compile(_expand(r["pattern"], vocab, fragments, where), re.I)
        except re.error as exc:
            raise ResolverDataError(f"{where}: bad pattern: {exc}") from exc
        try:
            req = re.compile(r["requires"]) if r.get("requires") else None
        except re.error as exc:
            raise ResolverDataError(f"{where}: bad requires: {exc}") from exc
        rules.append(Rule(r["name"], rx, r["kind"], dict(r.get("params") or {}),
                          tuple(tuple(e) for e in r["examples"]), req))
    return Language(code, vocab, tuple(rules))
