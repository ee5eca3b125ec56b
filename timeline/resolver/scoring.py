"""TempEval-3 style scoring of system timexes against gold (same metrics as the shared scorer).

Strict = exact span; relaxed = one-to-one overlap (exact spans first, then largest overlap);
type/value accuracy over relaxed matches; value F1 counts relaxed matches with equal value.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path


def prf(tp: int, nsys: int, ngold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0.0 when undefined)."""
    p = tp / nsys if nsys else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def match(gold: list[dict], system: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one relaxed matching: exact spans first, then largest overlap."""
    cands = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            ov = min(g["end"], s["end"]) - max(g["start"], s["start"])
            if ov > 0:
                exact = g["start"] == s["start"] and g["end"] == s["end"]
                cands.append((not exact, -ov, gi, si))
    pairs, used_g, used_s = [], set(), set()
    for _, _, gi, si in sorted(cands):
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            pairs.append((gold[gi], system[si]))
    return pairs


@dataclass
class Score:
    """Micro-averaged counts over documents, plus error rows when asked for."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type: int = 0
    value: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, name: str, text: str, gold: list[dict], system: list[dict], errors: bool = False) -> None:
        pairs = match(gold, system)
        self.gold += len(gold)
        self.system += len(system)
        self.relaxed += len(pairs)
        self.strict += sum(g["start"] == s["start"] and g["end"] == s["end"] for g, s in pairs)
        self.type += sum(g["type"] == s.get("type") for g, s in pairs)
        self.value += sum(g["value"] == s.get("value") for g, s in pairs)
        if not errors:
            return
        mg, ms = {id(g) for g, _ in pairs}, {id(s) for _, s in pairs}
        for g, s in pairs:
            if g["value"] != s.get("value"):
                self.errors.append(f"WRONG  {name}: {g['text']!r} gold={g['value']} sys={s.get('value')}"
                                   f" (sys span {text[s['start']:s['end']]!r})")
        self.errors += [f"MISSED {name}: {g['text']!r} gold={g['value']}" for g in gold if id(g) not in mg]
        self.errors += [f"EXTRA  {name}: {text[s['start']:s['end']]!r} sys={s.get('value')}"
                        for s in system if id(s) not in ms]

    def metrics(self) -> dict:
        sp, sr, sf = prf(self.strict, self.system, self.gold)
        rp, rr, rf = prf(self.relaxed, self.system, self.gold)
        vp, vr, vf = prf(self.value, self.system, self.gold)
        acc = (lambda n: n / self.relaxed if self.relaxed else 0.0)
        return dict(gold=self.gold, system=self.system, strict_p=sp, strict_r=sr, strict_f1=sf,
                    relaxed_p=rp, relaxed_r=rr, relaxed_f1=rf, type_acc=acc(self.type),
                    value_acc=acc(self.value), value_p=vp, value_r=vr, value_f1=vf)


def format_metrics(r: dict) -> str:
    """One line, in the shared scorer's layout."""
    return (f"gold {r['gold']} system {r['system']} | strict P/R/F1 {r['strict_p']:.3f}/{r['strict_r']:.3f}/{r['strict_f1']:.3f}"
            f" | relaxed {r['relaxed_p']:.3f}/{r['relaxed_r']:.3f}/{r['relaxed_f1']:.3f}"
            f" | type acc {r['type_acc']:.3f} value acc {r['value_acc']:.3f}"
            f" | value P/R/F1 {r['value_p']:.3f}/{r['value_r']:.3f}/{r['value_f1']:.3f}")


def corpus_documents(folder: Path):
    """(name, text, dct, gold-or-None) for every NAME.txt beside a NAME.json carrying "dct"."""
    for jpath in sorted(folder.glob("*.json")):
        tpath = jpath.with_suffix(".txt")
        if not tpath.exists():
            continue
        meta = json.loads(jpath.read_text(encoding="utf-8"))
        if not isinstance(meta, dict) or "dct" not in meta:
            continue
        yield jpath.stem, tpath.read_text(encoding="utf-8"), meta["dct"], meta.get("timexes")
