"""``audit``: a reproducible sample of an index's entries, each with the text that gave it."""

from __future__ import annotations

from build_tools.audit import as_markdown, index_entries, sample
from build_tools.cli import main
from build_tools.convert import convert_folder
from conftest import ARTICLES, SAMPLE


def test_a_sample_is_reproducible_and_shows_where_each_entry_comes_from(tmp_path, capsys):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for path in (SAMPLE, *ARTICLES.glob("*.txt")):
        (src / path.name).write_bytes(path.read_bytes())
    convert_folder(src, out)
    people = index_entries(out, "people")
    assert "joe biden" in people and people["joe biden"].snippets
    assert all(len(e.name.split()) >= 2 for e in people.values())  # as the site's index
    first, again = sample(out, "places", 3, seed=7), sample(out, "places", 3, seed=7)
    assert [e.name for e in first] == [e.name for e in again] and len(first) == 3
    text = as_markdown("places", first, len(index_entries(out, "places")))
    assert text.count("verdict:") == 3 and f"of {len(index_entries(out, 'places'))}" in text
    assert main(["audit", "agencies", "--articles", str(out)]) == 0
    assert "**Reuters**" in capsys.readouterr().out
