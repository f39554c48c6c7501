"""Which files are inputs, and that every input gets a page of its own: nothing dropped,
nothing skipped in silence, nothing overwritten."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from build_tools.convert import CONVERTED, FAILED, KEPT_EDIT, UNCHANGED, convert_folder
from build_tools.errors import ArchiveError

STORY = "{title}\n\nLONDON (Reuters) - {body}\n"


def write(folder: Path, name: str, title: str, body: str = "Markets rose on Monday.") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(STORY.format(title=title, body=body), encoding="utf-8")
    return path


def owners(out: Path) -> dict[str, str]:
    """Output file -> the input it records."""
    return {p.name: yaml.safe_load(p.read_text(encoding="utf-8").split("---\n")[1])
            ["source"]["file"] for p in sorted(out.glob("*.md"))}


def test_three_budget_votes_get_three_pages(tmp_path):
    """The third title spells the second's disambiguated name; all three keep a page, and
    which gets which does not change from run to run."""
    src, out = tmp_path / "in", tmp_path / "out"
    write(src, "a.txt", "Budget vote", "First.")
    write(src, "b.txt", "Budget vote", "Second.")
    convert_folder(src, out)
    second = next(name for name, path in owners(out).items() if path == "b.txt")
    write(src, "c.txt", "Budget vote " + second[len("budget-vote--"):-len(".md")], "Third.")
    report = convert_folder(src, out)
    pages = owners(out)
    assert sorted(pages.values()) == ["a.txt", "b.txt", "c.txt"]
    assert pages[second] == "b.txt"
    assert report.count(CONVERTED) == 1 and report.count(UNCHANGED) == 2
    assert convert_folder(src, out).count(UNCHANGED) == 3
    assert owners(out) == pages


def test_a_hand_edited_page_is_not_given_to_a_new_input(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    write(src, "old.txt", "Budget vote")
    convert_folder(src, out)
    page = out / "budget-vote.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Markets rose", "Markets fell"),
                    encoding="utf-8")
    (src / "old.txt").unlink()
    write(src, "new.txt", "Budget vote", "Another story.")
    report = convert_folder(src, out)
    new = next(r for r in report.inputs if r.file == "new.txt")
    assert new.status == CONVERTED and new.output.startswith("budget-vote--")
    assert "Markets fell" in page.read_text(encoding="utf-8")
    assert any("budget-vote.md" in w and "edited by hand" in w for w in report.warnings)


def test_a_hand_written_page_is_never_overwritten(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    out.mkdir()
    (out / "budget-vote.md").write_text("# My own notes\n", encoding="utf-8")
    write(src, "a.txt", "Budget vote")
    for force in (False, True):
        report = convert_folder(src, out, force=force)
        assert report.inputs[0].output.startswith("budget-vote--")
        assert (out / "budget-vote.md").read_text(encoding="utf-8") == "# My own notes\n"


def test_own_hand_edit_is_kept_for_its_input(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    write(src, "a.txt", "Budget vote")
    convert_folder(src, out)
    page = out / "budget-vote.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA note.\n", encoding="utf-8")
    write(src, "b.txt", "Budget vote", "Another.")
    report = {r.file: r for r in convert_folder(src, out).inputs}
    assert report["a.txt"].status == KEPT_EDIT and report["a.txt"].output == "budget-vote.md"
    assert report["b.txt"].status == CONVERTED and report["b.txt"].output != "budget-vote.md"


@pytest.mark.parametrize("name", ["UPPER.TXT", "Mixed.Txt", "sub/deep.tXt"])
def test_input_extensions_match_in_any_case(tmp_path, name):
    src, out = tmp_path / "in", tmp_path / "out"
    write(src, name, "Budget vote")
    report = convert_folder(src, out)
    assert [(r.file, r.status) for r in report.inputs] == [(name, CONVERTED)]
    assert not report.warnings


def test_a_sidecar_of_an_upper_case_input_is_used(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    write(src, "STORY.TXT", "Budget vote")
    (src / "STORY.yaml").write_text("tags: [budget]\n", encoding="utf-8")
    report = convert_folder(src, out)
    assert not report.warnings
    assert "budget" in (out / "budget-vote.md").read_text(encoding="utf-8")


def test_control_characters_in_a_file_name_are_refused_and_later_runs_work(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    write(src, "bad\nname.txt", "Budget vote")
    write(src, "tab\tname.txt", "Tabs", "Other.")
    write(src, "good.txt", "Fine")
    for _ in range(2):
        report = convert_folder(src, out)
        failed = {r.file: r.error for r in report.failed}
        assert failed == {
            "bad\\nname.txt": "bad\\nname.txt: file name holds control characters or line "
                              "breaks; rename it",
            "tab\\tname.txt": "tab\\tname.txt: file name holds control characters or line "
                              "breaks; rename it",
        }
        assert "\n" not in "".join(failed.values())
        assert list(owners(out).values()) == ["good.txt"]


def test_a_generated_file_broken_by_hand_stops_nothing(tmp_path):
    """A page whose front matter no longer parses is not ours to reuse or remove, and every
    later run still works."""
    src, out = tmp_path / "in", tmp_path / "out"
    write(src, "a.txt", "Budget vote")
    convert_folder(src, out)
    page = out / "budget-vote.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "  file: a.txt", "  file: 'a\n\n  .txt"), encoding="utf-8")
    report = convert_folder(src, out)
    assert report.inputs[0].status == CONVERTED
    assert report.inputs[0].output.startswith("budget-vote--")
    assert "'a\n\n  .txt" in page.read_text(encoding="utf-8")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_links_that_leave_the_input_folder_are_refused(tmp_path):
    src, out, elsewhere = tmp_path / "in", tmp_path / "out", tmp_path / "elsewhere"
    write(src, "a.txt", "Inside")
    write(elsewhere, "secret.txt", "Outside")
    (src / "outside.txt").symlink_to(elsewhere / "secret.txt")
    (src / "inside.txt").symlink_to(src / "a.txt")
    (src / "broken.txt").symlink_to(tmp_path / "missing.txt")
    (src / "folder").symlink_to(elsewhere, target_is_directory=True)
    report = convert_folder(src, out)
    status = {r.file: (r.status, r.error) for r in report.inputs}
    assert status["outside.txt"][0] == FAILED
    assert "outside the input folder" in status["outside.txt"][1]
    assert status["broken.txt"] == (FAILED, "broken.txt: a broken link")
    assert status["folder"] == (FAILED, "folder: a link to a folder; not followed")
    assert status["a.txt"][0] == CONVERTED
    # A link inside the folder is the same text twice: one article.
    assert len(owners(out)) == 1


def test_a_manifest_in_a_subfolder_is_named_as_unused(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    write(src, "sub/a.txt", "Budget vote")
    (src / "sub" / "manifest.csv").write_text("file,tags\na.txt,budget\n", encoding="utf-8")
    report = convert_folder(src, out)
    assert report.warnings == ["sub/manifest.csv: only the input folder's manifest.csv is "
                               "read; ignored (list these files in that one)"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_sidecars_and_manifests_that_link_out_of_the_folder_are_not_read(tmp_path):
    src, out, elsewhere = tmp_path / "in", tmp_path / "out", tmp_path / "elsewhere"
    write(src, "a.txt", "Inside")
    write(src, "b.txt", "Other", "More.")
    elsewhere.mkdir()
    (elsewhere / "meta.yaml").write_text("title: LEAKED\n", encoding="utf-8")
    (src / "a.yaml").symlink_to(elsewhere / "meta.yaml")
    report = convert_folder(src, out)
    status = {r.file: (r.status, r.error) for r in report.inputs}
    assert status["a.txt"][0] == FAILED
    assert status["a.txt"][1].startswith("a.yaml: a link to ") and "outside" in status["a.txt"][1]
    assert status["b.txt"][0] == CONVERTED
    assert "LEAKED" not in "".join(p.read_text(encoding="utf-8") for p in out.glob("*.md"))
    (src / "a.yaml").unlink()
    (elsewhere / "manifest.csv").write_text("file,title\nb.txt,LEAKED\n", encoding="utf-8")
    (src / "manifest.csv").symlink_to(elsewhere / "manifest.csv")
    with pytest.raises(ArchiveError, match="manifest.csv: a link to .*outside the input folder"):
        convert_folder(src, out)


def test_an_input_that_fails_keeps_its_last_good_page_and_its_url(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    write(src, "a.txt", "Budget vote", "First.")
    convert_folder(src, out)
    (src / "a.yaml").write_text("date: not-a-date\n", encoding="utf-8")
    write(src, "b.txt", "Budget vote", "Second.")
    report = convert_folder(src, out)
    status = {r.file: r for r in report.inputs}
    assert status["a.txt"].status == FAILED
    assert status["b.txt"].output.startswith("budget-vote--")
    assert owners(out)["budget-vote.md"] == "a.txt" and "First." in (
        out / "budget-vote.md").read_text(encoding="utf-8")
    assert not report.removed
    assert any("last good page of a.txt" in w for w in report.warnings)
    (src / "a.yaml").unlink()
    convert_folder(src, out)
    assert owners(out)["budget-vote.md"] == "a.txt"
