"""Why an article got each tag and name: the evidence, in plain words."""

from __future__ import annotations

from pathlib import Path

from .extract import extract
from .extract.registry import Registry
from .extract.tags import TagRule
from .parse import parse_text
from .reading import read_article_text


def explain_file(path: Path, registry: Registry, rules: tuple[TagRule, ...]) -> str:
    text, warnings = read_article_text(path.read_bytes(), str(path))
    parsed = parse_text(text, str(path))
    found = extract(parsed, registry, rules)
    lines = [f"{path}", f"  layout: {parsed.layout}", f"  title: {parsed.title}"]
    lines += [f"  warning: {w}" for w in warnings]
    lines.append(f"  authors: {', '.join(parsed.authors) or '-'} (from the byline)")
    if parsed.dateline:
        lines.append(f"  dateline: {parsed.dateline.text} -> location {found.location}, "
                     f"agency {parsed.dateline.agency}")
    for role, names in parsed.credits.items():
        lines.append(f"  credits: {role}: {', '.join(names)} (from the credit line)")
    lines.append(f"  date: {parsed.date or 'none (never guessed)'}")
    for tag, words in found.tag_words.items():
        counted = ", ".join(f"{w} x{n}" for w, n in words.items())
        lines.append(f"  tag {tag}: {counted}")
    for name in found.people:
        roles = found.roles.get(name)
        lines.append(f"  person {name}" + (f" (role: {'; '.join(roles)})" if roles else ""))
    lines += [f"  place {name}" for name in found.places]
    lines += [f"  organization {name}" for name in found.organizations]
    return "\n".join(lines)
