"""``python -m build_tools explain``: the evidence for each field, overrides included."""

import shutil
from pathlib import Path

from build_tools.explain import explain_file
from build_tools.extract.registry import Registry
from conftest import SAMPLE


def write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def test_explain_shows_overrides(tmp_path, monkeypatch):
    (tmp_path / "seeds" / "sub").mkdir(parents=True)
    shutil.copy(SAMPLE, tmp_path / "seeds" / "sub" / "a.txt")
    write(tmp_path / "seeds" / "sub" / "a.yaml", "date: 2023-12-26\nadd_tags: [borders]\n")
    write(tmp_path / "seeds" / "manifest.csv", "file,tags,date\nsub/a.txt,asylum;caravans,2020-01-01\n")
    monkeypatch.chdir(tmp_path)
    shown = explain_file(Path("seeds/sub/a.txt"), Registry(), ())
    assert "  date: none (never guessed)" in shown  # what extraction found
    assert ("  override date: 2023-12-26 (from seeds/sub/a.yaml:1; replaces what was "
            "extracted)") in shown
    assert ("  override tags: asylum, caravans (from seeds/manifest.csv:2; replaces what was "
            "extracted)") in shown
    assert "  override add_tags: borders (from seeds/sub/a.yaml:2)" in shown


def test_explain_says_why_a_dateline_gives_no_date(tmp_path):
    path = tmp_path / "senate.txt"
    write(path, "Senate returns\n\nWASHINGTON, Dec 26 (Reuters) - Senators returned.\n")
    shown = explain_file(path, Registry(), ())
    assert "  date: none (the dateline prints Dec 26 without a year" in shown
    (tmp_path / "2023").mkdir()
    shutil.move(path, tmp_path / "2023" / "senate.txt")
    shown = explain_file(tmp_path / "2023" / "senate.txt", Registry(), ())
    assert "  date: 2023-12-26 (from the dateline)" in shown
