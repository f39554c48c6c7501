import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from build_tools.convert import (
    CONVERTED,
    DUPLICATE,
    FAILED,
    KEPT_EDIT,
    UNCHANGED,
    convert_folder,
)
from build_tools.outputs import is_hand_edited
from build_tools.extract.registry import load_registry, load_taxonomy
from conftest import ARTICLES, REPO, SAMPLE

GOLDEN = Path(__file__).parent / "data" / "golden" / "sample.md"


def run(src: Path, out: Path, **kw):
    return convert_folder(src, out, registry=load_registry(REPO / "entities.yaml"),
                          rules=load_taxonomy(REPO / "tags.yaml"), **kw)


def seeds(tmp_path: Path, *paths: Path) -> Path:
    src = tmp_path / "seeds"
    src.mkdir(exist_ok=True)
    for path in paths:
        shutil.copy(path, src / path.name)
    return src


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def test_sample_matches_golden_file(tmp_path):
    out = tmp_path / "out"
    report = run(seeds(tmp_path, SAMPLE), out)
    assert report.summary() == "1 converted, 0 unchanged, 0 removed, 0 failed"
    written = out / "migrant-caravan-advances-north-as-u-s-officials-head-to-mexico.md"
    assert written.read_text(encoding="utf-8") == GOLDEN.read_text(encoding="utf-8")


def test_sample_front_matter(tmp_path):
    out = tmp_path / "out"
    run(seeds(tmp_path, SAMPLE), out)
    meta = front_matter(next(out.glob("*.md")))
    assert meta["people"] == [
        "Antony Blinken", "Alejandro Mayorkas", "Andres Manuel Lopez Obrador",
        "Matthew Miller", "Joe Biden", "Luis García Villagrán", "Rosa",
    ]
    assert meta["authors"] == ["Jose Torres"]
    assert meta["credits"] == {"reporting": ["Jose Torres"], "editing": ["Aurora Ellis"]}
    assert meta["location"] == "Villa Comaltitlán"
    assert meta["agency"] == "Reuters"
    assert meta["date"] is None
    assert meta["url"] is None
    assert meta["source"]["file"] == SAMPLE.name
    assert len(meta["source"]["sha256"]) == 64
    assert "migration" in meta["tags"]


def test_rerun_rewrites_nothing(tmp_path):
    src, out = seeds(tmp_path, SAMPLE, *ARTICLES.glob("*.txt")), tmp_path / "out"
    first = run(src, out)
    mtimes = {p: p.stat().st_mtime_ns for p in out.glob("*.md")}
    second = run(src, out)
    assert second.count(UNCHANGED) == first.count(CONVERTED) == len(mtimes)
    assert {p: p.stat().st_mtime_ns for p in out.glob("*.md")} == mtimes


def test_output_is_deterministic(tmp_path):
    src = seeds(tmp_path, SAMPLE, *ARTICLES.glob("*.txt"))
    run(src, tmp_path / "a")
    run(src, tmp_path / "b")
    for path in (tmp_path / "a").glob("*.md"):
        assert path.read_bytes() == (tmp_path / "b" / path.name).read_bytes()


def test_removed_input_removes_article(tmp_path):
    src, out = seeds(tmp_path, SAMPLE, ARTICLES / "no-dateline.txt"), tmp_path / "out"
    run(src, out)
    (src / "no-dateline.txt").unlink()
    report = run(src, out)
    assert report.removed == ["quiet-day-at-the-harbour.md"]
    assert [p.name for p in out.glob("*.md")] == [
        "migrant-caravan-advances-north-as-u-s-officials-head-to-mexico.md"]


def test_hand_edit_is_kept_until_forced(tmp_path):
    src, out = seeds(tmp_path, SAMPLE), tmp_path / "out"
    run(src, out)
    article = next(out.glob("*.md"))
    edited = article.read_text(encoding="utf-8").replace("- migration", "- borders")
    article.write_text(edited, encoding="utf-8")
    assert is_hand_edited(edited) is True
    report = run(src, out)
    assert report.count(KEPT_EDIT) == 1
    assert article.read_text(encoding="utf-8") == edited
    (src / SAMPLE.name).unlink()
    assert run(src, out).removed == []  # an edited article outlives its input
    shutil.copy(SAMPLE, src / SAMPLE.name)
    run(src, out, force=True)
    assert is_hand_edited(article.read_text(encoding="utf-8")) is False


def test_bad_file_fails_alone(tmp_path):
    src = seeds(tmp_path, SAMPLE)
    (src / "empty.txt").write_text("", encoding="utf-8")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02 binary")
    report = run(src, tmp_path / "out")
    failed = {r.file: r.error for r in report.failed}
    assert failed == {"binary.txt": "binary.txt: binary file (contains NUL bytes), not text",
                      "empty.txt": "empty.txt: empty file (no text)"}
    assert report.count(CONVERTED) == 1


def test_same_title_gets_distinct_stable_slugs(tmp_path):
    src = seeds(tmp_path, SAMPLE)
    text = SAMPLE.read_text(encoding="utf-8")
    (src / "copy.txt").write_text(text + "\nOne more line.\n", encoding="utf-8")
    out = tmp_path / "out"
    run(src, out)
    names = sorted((p.name for p in out.glob("*.md")), key=len)
    assert names[0] == "migrant-caravan-advances-north-as-u-s-officials-head-to-mexico.md"
    assert names[1].startswith("migrant-caravan-advances-north-as-u-s-officials-head-to-mexico-")
    (src / "aaa.txt").write_text(text + "\nAnother.\n", encoding="utf-8")
    run(src, out)
    assert set(names) <= {p.name for p in out.glob("*.md")}


def test_identical_inputs_make_one_article(tmp_path):
    src = seeds(tmp_path, SAMPLE)
    shutil.copy(SAMPLE, src / "again.txt")
    report = run(src, tmp_path / "out")
    assert report.count(DUPLICATE) == 1
    duplicate = next(r for r in report.inputs if r.status == DUPLICATE)
    assert SAMPLE.name in duplicate.warnings[0]
    assert len(list((tmp_path / "out").glob("*.md"))) == 1


def test_encodings(tmp_path):
    src = tmp_path / "seeds"
    src.mkdir()
    text = "Café owners protest\r\n\r\nPARIS (AFP) – Owners of cafés said “non”.\r\n"
    (src / "utf16.txt").write_bytes(text.encode("utf-16"))
    (src / "bom.txt").write_bytes(text.replace("Café", "Bar").encode("utf-8-sig"))
    (src / "cp1252.txt").write_bytes(text.replace("Café", "Pub").encode("cp1252"))
    report = run(src, tmp_path / "out")
    assert not report.failed
    cp = next(r for r in report.inputs if r.file == "cp1252.txt")
    assert "Windows-1252" in cp.warnings[0]
    for path in (tmp_path / "out").glob("*.md"):
        raw = path.read_bytes()
        assert b"\r" not in raw and "“non”".encode() in raw


def test_failed_status_is_reported(tmp_path):
    src = seeds(tmp_path)
    (src / "title-only.txt").write_text("Just a title\n", encoding="utf-8")
    report = run(src, tmp_path / "out")
    assert [r.status for r in report.inputs] == [FAILED]
    assert report.to_json()["inputs"][0]["error"].startswith("title-only.txt: ")


# -- sidecars and manifest.csv -------------------------------------------------------------

NO_DATELINE = ARTICLES / "no-dateline.txt"
SAMPLE_MD = "migrant-caravan-advances-north-as-u-s-officials-head-to-mexico.md"


def test_manifest_and_sidecar_override_extraction(tmp_path):
    src, out = seeds(tmp_path, SAMPLE, NO_DATELINE), tmp_path / "out"
    (src / "manifest.csv").write_text(
        "file,date,tags,url\n"
        f"{SAMPLE.name},2020-01-01,from manifest,https://example.com/caravan\n"
        "no-dateline.txt,2024-01-02,harbour;weather,\n", encoding="utf-8")
    (src / SAMPLE.with_suffix(".yaml").name).write_text(
        "date: 2023-12-26\nadd_places: [Tapachula]\n", encoding="utf-8")
    report = run(src, out)
    assert report.summary() == "2 converted, 0 unchanged, 0 removed, 0 failed"
    caravan = front_matter(out / SAMPLE_MD)
    assert caravan["date"] == "2023-12-26"  # the sidecar wins over the manifest
    assert caravan["tags"] == ["from manifest"]  # replaces the extracted tags
    assert caravan["url"] == "https://example.com/caravan"
    assert caravan["places"][-1] == "Tapachula" and "Chiapas" in caravan["places"]
    assert caravan["source"]["overrides"] == {
        "date": SAMPLE.with_suffix(".yaml").name, "tags": "manifest.csv",
        "url": "manifest.csv", "add_places": SAMPLE.with_suffix(".yaml").name}
    harbour = front_matter(out / "quiet-day-at-the-harbour.md")
    assert (harbour["date"], harbour["tags"]) == ("2024-01-02", ["harbour", "weather"])


def test_sidecar_edit_rewrites_only_its_article(tmp_path):
    src, out = seeds(tmp_path, SAMPLE, NO_DATELINE), tmp_path / "out"
    sidecar = src / "no-dateline.yaml"
    sidecar.write_text("date: 2024-01-02\n", encoding="utf-8")
    run(src, out)
    mtimes = {p.name: p.stat().st_mtime_ns for p in out.glob("*.md")}
    assert len(mtimes) == 2  # the sidecar is no input of its own
    sidecar.write_text("# checked against the print edition\ndate: 2024-01-02\n",
                       encoding="utf-8")
    assert run(src, out).count(UNCHANGED) == 2  # same values, same files
    sidecar.write_text("date: 2024-01-03\n", encoding="utf-8")
    report = run(src, out)
    assert {r.file: r.status for r in report.inputs} == {
        SAMPLE.name: UNCHANGED, "no-dateline.txt": CONVERTED}
    assert (out / SAMPLE_MD).stat().st_mtime_ns == mtimes[SAMPLE_MD]
    assert front_matter(out / "quiet-day-at-the-harbour.md")["date"] == "2024-01-03"


def test_bad_sidecar_or_row_fails_only_its_article(tmp_path):
    src = seeds(tmp_path, SAMPLE, NO_DATELINE, ARTICLES / "hostile.txt")
    (src / "no-dateline.yaml").write_text("title: Harbour\ndate: yesterday\n", encoding="utf-8")
    (src / "manifest.csv").write_text("file,url\nhostile.txt,not-a-url\n", encoding="utf-8")
    report = run(src, tmp_path / "out")
    assert {r.file: r.error for r in report.failed} == {
        "no-dateline.txt": "no-dateline.yaml:2: date: expected a date YYYY-MM-DD (or null), "
                           "got 'yesterday'",
        "hostile.txt": "manifest.csv:2: url: expected an http:// or https:// address (or "
                       "null), got 'not-a-url'",
    }
    assert report.count(CONVERTED) == 1


def test_sidecars_and_rows_without_an_input_are_warnings(tmp_path):
    src = seeds(tmp_path, SAMPLE)
    (src / "sub").mkdir()
    (src / "sub" / "renamed.json").write_text('{"date": "2023-12-26"}', encoding="utf-8")
    (src / "manifest.csv").write_text(f"file,date\n{SAMPLE.name},\ngone.txt,2023-12-26\n",
                                      encoding="utf-8")
    report = run(src, tmp_path / "out")
    assert report.warnings == ["sub/renamed.json: sidecar without sub/renamed.txt; ignored",
                               "manifest.csv:3: no input file gone.txt; row ignored"]
    assert report.count(CONVERTED) == 1


def test_duplicate_input_with_a_sidecar_says_it_is_unused(tmp_path):
    src = seeds(tmp_path, SAMPLE)
    shutil.copy(SAMPLE, src / "again.txt")
    (src / "again.yaml").write_text("date: 2023-12-26\n", encoding="utf-8")
    report = run(src, tmp_path / "out")
    again = next(r for r in report.inputs if r.file == "again.txt")
    assert again.status == DUPLICATE
    assert again.warnings[1] == "its sidecar or manifest row is not used"


def test_malformed_manifest_stops_the_run_with_one_line(tmp_path):
    src = seeds(tmp_path, SAMPLE)
    (src / "manifest.csv").write_text("file,date\nx.txt,1\ny.txt,2\nx.txt,3\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "build_tools", "convert", str(src), str(tmp_path / "out")],
        cwd=tmp_path, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert result.returncode == 2
    assert result.stderr == "manifest.csv:4: file x.txt is already listed on line 2\n"
    assert not list((tmp_path / "out").glob("*.md"))  # nothing was written
