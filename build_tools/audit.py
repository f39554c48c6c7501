"""``python -m build_tools audit``: a random sample of an index's entries, each with the
sentences that gave it, for a person to judge, so that an index's precision is measured on
the archive itself rather than assumed from a test set.

It reads the generated articles (``source/articles``) as the site does: names that the site
shows as one entry (:func:`~build_tools.naming.term_key`) are one entry here.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .article import INDEX_KINDS
from .naming import term_key

#: How much of an article's text each entry shows, at most.
SNIPPETS = 2
SNIPPET_CHARS = 240


@dataclass
class Entry:
    name: str
    files: list[str] = field(default_factory=list)  #: articles, by file name
    snippets: list[str] = field(default_factory=list)


def _front_matter(text: str) -> tuple[dict, str]:
    _, head, body = text.split("---\n", 2)
    return yaml.safe_load(head) or {}, body


def _plain(markdown: str) -> str:
    """The article text without MyST's escapes and the generated mark."""
    lines = [line for line in markdown.splitlines() if not line.startswith("%")]
    return re.sub(r"\\(.)", r"\1", " ".join(lines))


def index_entries(articles: Path, kind: str) -> dict[str, Entry]:
    """Every entry of the *kind* index (``people``, ``agencies``...), by term key."""
    entries: dict[str, Entry] = {}
    for path in sorted(articles.glob("*.md")):
        meta, body = _front_matter(path.read_text(encoding="utf-8"))
        names = [meta["agency"]] if kind == "agencies" and meta.get("agency") else \
            meta.get(kind) or []
        text = _plain(body)
        for name in names:
            if kind == "people" and len(name.split()) < 2:
                continue  # one-word names get no page (README, "People")
            entry = entries.setdefault(term_key(name), Entry(name))
            entry.files.append(path.name)
            if len(entry.snippets) < SNIPPETS:
                entry.snippets.extend(_around(text, name.split(",")[0])[:SNIPPETS -
                                                                      len(entry.snippets)])
    return entries


def _around(text: str, name: str) -> list[str]:
    out = []
    for match in re.finditer(re.escape(name), text):
        start = max(0, match.start() - SNIPPET_CHARS // 2)
        out.append("…" + text[start:start + SNIPPET_CHARS].replace("\n", " ") + "…")
        if len(out) == SNIPPETS:
            break
    return out


def sample(articles: Path, kind: str, size: int = 100, seed: int = 1) -> list[Entry]:
    """*size* entries of the *kind* index picked at random with *seed* (all, if fewer)."""
    if kind not in INDEX_KINDS:
        raise ValueError(f"no index {kind!r}; the indexes are {', '.join(INDEX_KINDS)}")
    entries = index_entries(articles, kind)
    keys = sorted(entries)
    picked = keys if len(keys) <= size else random.Random(seed).sample(keys, size)
    return [entries[k] for k in sorted(picked)]


def as_markdown(kind: str, entries: list[Entry], total: int) -> str:
    lines = [f"# {kind}: {len(entries)} of {total} entries", "",
             "Judge each: is it one real " + kind.rstrip("s") + ", named as the index names "
             "it? Mark `ok` or `wrong: why`.", ""]
    for i, entry in enumerate(entries, 1):
        lines.append(f"{i}. **{entry.name}** ({len(entry.files)} articles: "
                     f"{', '.join(entry.files[:2])}{'…' if len(entry.files) > 2 else ''})")
        lines.extend(f"   > {s}" for s in entry.snippets)
        lines.append("   verdict: ")
    return "\n".join(lines) + "\n"
