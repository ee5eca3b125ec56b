"""Hostile and oversized inputs shared by the robustness tests, generated, never committed."""
from __future__ import annotations

from pathlib import Path

#: What an attacker would put in a title, a quote or an article: each must come out escaped.
PAYLOADS = (
    "<script>alert('xss')</script>",
    '<img src=x onerror="alert(1)">',
    "<svg onload=alert(2)>",
    '"><iframe src="javascript:alert(3)">',
)


def billion_laughs(levels: int = 9) -> str:
    """The classic alias bomb: a few hundred bytes that expand to 10**levels strings."""
    lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, levels):
        refs = ",".join([f"*l{level - 1}"] * 10)
        lines.append(f"l{level}: &l{level} [{refs}]")
    return "\n".join(lines) + "\n"


def events_yaml_lines(min_lines: int) -> str:
    """A valid events file in the generator's layout with at least ``min_lines`` lines."""
    head = ("articles:\n"
            "  ledger-1:\n"
            "    title: Bridge closes\n"
            "    path: content/articles/ledger-1.md\n"
            "    published: '2024-03-12'\n"
            "    anchor: '2024-03-12'\n"
            "events:\n")
    parts = [head]
    lines = head.count("\n")
    index = 0
    while lines < min_lines:
        day = index % 28 + 1
        month = index // 28 % 12 + 1
        year = 1990 + index // 336 % 40
        parts.append(
            f"- id: '{year}-{month:02d}-{day:02d}-event-{index}'\n"
            f"  date: '{year}-{month:02d}-{day:02d}'\n"
            f"  title: Council meets for the {index}th time\n"
            f"  text: The council met on Tuesday for the {index}th time.\n"
            f"  sources:\n"
            f"  - article: ledger-1\n"
            f"    quote: The council met on Tuesday for the {index}th time.\n"
            f"    expression: on Tuesday\n"
            f"    anchor: '2024-03-12'\n")
        lines += 9
        index += 1
    return "".join(parts)


def tiny_site(root: Path, events_yaml: str, articles: dict[str, str] | None = None) -> Path:
    """A minimal MkDocs project using the timeline plugin (theme mkdocs: fast to build)."""
    content = root / "content"
    (content / "articles").mkdir(parents=True, exist_ok=True)
    (content / "index.md").write_text("# Timeline\n")
    (content / "events.yaml").write_text(events_yaml, encoding="utf-8")
    for name, text in (articles or {}).items():
        (content / "articles" / name).write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: Robustness\n"
        "docs_dir: content\n"
        "theme:\n  name: mkdocs\n"
        "plugins:\n"
        "  - timeline:\n"
        "      events: content/events.yaml\n"
        "      articles: content/articles\n")
    return root
