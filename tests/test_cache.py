"""The extraction cache and parallel conversion change how fast, never what is written."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from build_tools.cache import CACHE_NAME
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
