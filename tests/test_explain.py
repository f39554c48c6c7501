"""``python -m build_tools explain``: the evidence for each field, overrides included."""

import shutil
from pathlib import Path

from build_tools.cli import main
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
    shown = explain_file(Path("seeds/sub/a.txt"), Path("seeds"), Registry(), ())
    assert "  date: none (never guessed)" in shown  # what extraction found
    assert ("  override date: 2023-12-26 (from sub/a.yaml:1; replaces what was "
            "extracted)") in shown
    assert ("  override tags: asylum, caravans (from manifest.csv:2; replaces what was "
            "extracted)") in shown
    assert "  override add_tags: borders (from sub/a.yaml:2)" in shown


def test_explain_reads_the_manifest_convert_reads(tmp_path, monkeypatch, capsys):
    """Only the input folder's manifest applies, as in ``convert``; by default the input
    folder is seeds/ when the file is in it."""
    (tmp_path / "seeds" / "sub").mkdir(parents=True)
    shutil.copy(SAMPLE, tmp_path / "seeds" / "sub" / "a.txt")
    write(tmp_path / "seeds" / "sub" / "manifest.csv", "file,tags\na.txt,ignored\n")
    write(tmp_path / "seeds" / "manifest.csv", "file,tags\nsub/a.txt,used\n")
    monkeypatch.chdir(tmp_path)
    assert main(["explain", "seeds/sub/a.txt"]) == 0
    shown = capsys.readouterr().out
    assert "override tags: used (from manifest.csv:2" in shown and "ignored" not in shown
    # From anywhere, with the project named by --confdir: the same folder, the same manifest.
    monkeypatch.chdir(tmp_path / "seeds" / "sub")
    assert main(["explain", "a.txt", "--confdir", str(tmp_path)]) == 0
    shown = capsys.readouterr().out
    assert f"input folder: {tmp_path / 'seeds'}" in shown
    assert "override tags: used (from manifest.csv:2" in shown and "ignored" not in shown


def test_explain_says_why_a_dateline_gives_no_date(tmp_path):
    path = tmp_path / "senate.txt"
    write(path, "Senate returns\n\nWASHINGTON, Dec 26 (Reuters) - Senators returned.\n")
    shown = explain_file(path, tmp_path, Registry(), ())
    assert "  date: none (the dateline prints Dec 26 without a year" in shown
    (tmp_path / "2023").mkdir()
    shutil.move(path, tmp_path / "2023" / "senate.txt")
    shown = explain_file(tmp_path / "2023" / "senate.txt", tmp_path, Registry(), ())
    assert "  date: 2023-12-26 (from the dateline)" in shown


def test_explain_shows_how_the_archive_resolves_a_surname(tmp_path):
    write(tmp_path / "a.txt", "Baker in Tokyo\n\nTOKYO (Reuters) - Treasury Secretary James Baker "
                              "arrived in Tokyo on Monday for talks.\n")
    write(tmp_path / "b.txt", "Dollar falls\n\nLONDON (Reuters) - The dollar fell after Treasury "
                              "Secretary Baker spoke in Tokyo, traders said.\n")
    shown = explain_file(tmp_path / "b.txt", tmp_path, Registry(), ())
    assert "person Baker (role: Treasury Secretary)" in shown
    assert "resolved across the archive: Baker -> James Baker (" in shown
