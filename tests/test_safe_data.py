"""Hostile data files are contained: a sidecar, manifest, registry or taxonomy past a limit of
build_tools.safe_data fails with one short message naming the file and the limit, quickly, and a
bad sidecar or manifest row fails only its own article.

The alias bombs here have ten levels (nine to the tenth power values once expanded): if the
limits stopped working, these tests would run out of memory rather than merely slow down.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from build_tools import metadata
from build_tools.convert import CONVERTED, FAILED, convert_folder
from build_tools.errors import MAX_REASON, ArchiveError
from build_tools.extract.registry import load_registry, load_taxonomy
from build_tools.metadata import load_manifest, load_sidecar
from build_tools.safe_data import (
    MANIFEST, MAX_CELL_CHARS, MAX_DEPTH, MAX_QUOTE, REGISTRY, SIDECAR, Limits, load_json, quote,
    shorten,
)
from build_tools.yamlnodes import compose
from conftest import ARTICLES, REPO, SAMPLE

#: The longest message a limit may give, file name included.
SHORT = 300


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def failure(call, *args) -> ArchiveError:
    with pytest.raises(ArchiveError) as info:
        call(*args)
    assert len(str(info.value)) < SHORT, str(info.value)
    return info.value


def alias_bomb(levels: int, indent: str = "  ") -> str:
    """YAML anchors each repeating the one before nine times, under ``roles`` (a field whose
    values are lists), and ``tags`` set to the last: ``9**levels`` names once expanded."""
    lines = [f'{indent}a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"{indent}a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


# -- sidecars ---------------------------------------------------------------------------------


def test_alias_bomb_sidecar_fails_at_the_value_limit(tmp_path):
    path = write(tmp_path / "a.yaml", "roles:\n" + alias_bomb(10) + "tags: *a9\n")
    err = failure(load_sidecar, path, "sub/a.yaml")
    assert err.file == "sub/a.yaml"
    assert err.reason == ("holds more than 100,000 values (an alias counts as what it repeats), "
                          "the limit for a sidecar")
    assert err.line is not None


@pytest.mark.parametrize("name, text", [
    ("a.yaml", f"tags: {nested(900)}\n"),
    ("a.yaml", "tags:\n" + "".join("  " * i + "-\n" for i in range(1, 900))),
    ("a.json", f'{{"tags": {nested(900)}}}'),
    ("a.json", '{"roles": ' + '{"a": ' * 100_000 + "1" + "}" * 100_001),
])
def test_deeply_nested_sidecar_fails_at_the_depth_limit(tmp_path, name, text):
    err = failure(load_sidecar, write(tmp_path / name, text), name)
    assert err.reason == f"nested more than {MAX_DEPTH} levels deep, the limit for a sidecar"


def test_alias_deeper_than_the_limit_once_expanded(tmp_path):
    """Each anchor is shallow, but an alias puts one inside the other."""
    half = MAX_DEPTH // 2 + 1
    text = f"roles:\n  a: &a {nested(half)}\n  b: &b {'[' * half}*a{']' * half}\ntags: *b\n"
    err = failure(load_sidecar, write(tmp_path / "a.yaml", text), "a.yaml")
    assert (err.line, err.reason) == (3, "nested more than 50 levels deep, the limit for a "
                                         "sidecar")


@pytest.mark.parametrize("text", ["tags: &a [*a]\n", "roles: &r {x: *r}\n",
                                  "roles: &r {x: [a, {y: *r}]}\n"])
def test_alias_inside_its_own_value(tmp_path, text):
    err = failure(load_sidecar, write(tmp_path / "a.yaml", text), "a.yaml")
    assert err.reason == "an alias repeats a value that contains it"


def test_ordinary_aliases_still_load(tmp_path):
    text = "tags: &t [migration, borders]\nadd_people: [Rosa]\nadd_tags: *t\n"
    got = load_sidecar(write(tmp_path / "a.yaml", text), "a.yaml")
    assert got["add_tags"].value == ("migration", "borders")


def test_oversized_sidecar_is_not_parsed(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_bytes(b"title: " + b"x" * SIDECAR.max_bytes)
    err = failure(load_sidecar, path, "a.yaml")
    assert err.reason == "larger than 1,000,000 bytes, the limit for a sidecar"


@pytest.mark.parametrize("name, text", [
    ("a.yaml", 'title: "caf\\ud800"\n'),
    ("a.json", '{"title": "caf\\ud800"}'),
    ("a.json", '{"tags": ["\\udc00"]}'),
])
def test_half_a_character_is_not_text(tmp_path, name, text):
    """A lone surrogate could not be written to the article's UTF-8 file."""
    err = failure(load_sidecar, write(tmp_path / name, text), name)
    assert "lone surrogate" in err.reason


@pytest.mark.parametrize("name, text, start", [
    ("a.yaml", f"title: [{'x' * 100_000}]\n", "title: expected the title as text, got ['xxx"),
    ("a.yaml", f"{'x' * 1000}: 1\n", "unknown field 'xxx"),
    ("a.yaml", f"tags: *{'x' * 100_000}\n", "not valid YAML: found undefined alias 'xxx"),
    ("a.yaml", "roles:\n" + alias_bomb(3), "roles: expected a mapping of role -> list of names, "
     "got {'a0': ['lol'"),
    ("a.json", f'{{"title": {"1" * 5000}}}', "not valid JSON: Exceeds the limit"),
    ("a.json", f'{{"date": "{"9" * 100_000}"}}', "date: expected a date YYYY-MM-DD"),
    ("a.json", f'{{"{"k" * 100_000}": 1, "{"k" * 100_000}": 2}}', "'kkk"),
])
def test_messages_quote_values_short(tmp_path, name, text, start):
    err = failure(load_sidecar, write(tmp_path / name, text), name)
    assert err.reason.startswith(start)


# -- counting ---------------------------------------------------------------------------------


def test_aliases_count_at_their_expanded_size():
    # root mapping, key a, [x, x] (3), key b, [*a, *a] (1 + 2 * 3): 13 values.
    text = "a: &a [x, x]\nb: [*a, *a]\n"
    assert compose(text, "t.yaml", Limits("a test", 1000, max_values=13)) is not None
    with pytest.raises(ArchiveError, match="more than 12 values"):
        compose(text, "t.yaml", Limits("a test", 1000, max_values=12))


@pytest.mark.parametrize("depth, fits", [(MAX_DEPTH, True), (MAX_DEPTH + 1, False)])
def test_depth_limit_is_exact(depth, fits):
    for load in (lambda: compose(nested(depth), "t.yaml", SIDECAR),
                 lambda: load_json(nested(depth), "t.json", SIDECAR)):
        if fits:
            load()
        else:
            with pytest.raises(ArchiveError, match="nested more than 50 levels"):
                load()


def test_json_brackets_inside_strings_are_text():
    text = '["' + "[" * 1000 + '", "\\"[{"]'
    assert load_json(text, "t.json", SIDECAR) == ["[" * 1000, '"[{']


def test_json_values_are_counted():
    with pytest.raises(ArchiveError, match="more than 3 values"):
        load_json('{"a": [1, 2]}', "t.json", Limits("a test", 1000, max_values=3))


def test_quotes_are_short():
    assert quote("x" * 1000) == "'" + "x" * (MAX_QUOTE - 1) + "…"
    assert quote("short") == "'short'"
    assert len(quote([["x" * 1000] * 1000] * 1000)) == MAX_QUOTE + 1
    assert shorten("y" * 61) == "y" * 60 + "…" and shorten("y" * 60) == "y" * 60


# -- the manifest -----------------------------------------------------------------------------


def test_oversized_manifest(tmp_path):
    path = tmp_path / "manifest.csv"
    path.write_bytes(b"file,title\n" + b"a.txt,x\n" * (MANIFEST.max_bytes // 8))
    err = failure(load_manifest, path, "manifest.csv")
    assert err.reason == "larger than 16,000,000 bytes, the limit for a manifest"


def test_manifest_with_too_many_cells(tmp_path, monkeypatch):
    monkeypatch.setattr(metadata, "MANIFEST", Limits("a manifest", 1000, max_values=5))
    path = write(tmp_path / "manifest.csv", "file,title\na.txt,x\nb.txt,y\nc.txt,z\n")
    err = failure(load_manifest, path, "manifest.csv")
    assert (err.line, err.reason) == (3, "holds more than 5 cells, the limit for a manifest")


def test_long_manifest_cell_fails_only_its_row(tmp_path):
    long = "x" * (MAX_CELL_CHARS + 1)
    path = write(tmp_path / "manifest.csv", f"file,title\na.txt,{long}\nb.txt,fine\n")
    manifest = load_manifest(path, "manifest.csv")
    assert str(manifest.rows["a.txt"].error) == (
        "manifest.csv:2: title: a cell of 10,001 characters; the limit is 10,000")
    assert manifest.rows["b.txt"].overrides["title"].value == "fine"


def test_cell_past_the_csv_limit_is_one_message(tmp_path):
    """Python's csv cannot read on past such a cell, so the whole manifest fails, shortly."""
    long = "x" * (csv.field_size_limit() + 1)
    path = write(tmp_path / "manifest.csv", f'file,title\na.txt,"{long}"\n')
    err = failure(load_manifest, path, "manifest.csv")
    assert err.reason == ("a cell is longer than 131,072 characters, the most CSV reading "
                          "allows")


def test_overlong_file_cell_names_no_input_shortly(tmp_path):
    path = write(tmp_path / "manifest.csv", f"file,title\n{'d/' * 3000}a.txt,x\n")
    [relpath] = load_manifest(path, "manifest.csv").rows
    assert len(relpath) == MAX_QUOTE + 1


# -- the registry and the taxonomy ------------------------------------------------------------


@pytest.mark.parametrize("text, reason", [
    ("people:\n" + alias_bomb(10) + "ignore: *a9\n",
     "holds more than 500,000 values (an alias counts as what it repeats), the limit for the "
     "registry"),
    (f"ignore: {nested(900)}\n", "nested more than 50 levels deep, the limit for the registry"),
    (f"people:\n  {'Q' * 100_000}: [{'x' * 100}]\n", "not valid YAML: mapping values are not"),
    (f"people:\n  Joe Biden:\n    aliases: [Biden, {nested(3)}]\n",
     "people: Joe Biden: aliases: expected a name, got a list"),
    (f"places:\n  {'P' * 1000}: []\n  {'P' * 1000}: []\n", "places: 'PPP"),
])
def test_hostile_registry_is_one_short_message(tmp_path, text, reason):
    path = write(tmp_path / "entities.yaml", text)
    err = failure(load_registry, path)
    assert err.file == str(path) and err.reason.startswith(reason)


@pytest.mark.parametrize("text, reason", [
    ("a:\n  words:\n" + alias_bomb(10, "    ") + "b: *a9\n",
     "holds more than 500,000 values (an alias counts as what it repeats), the limit for the "
     "taxonomy"),
    (f"migration: {nested(900)}\n", "nested more than 50 levels deep, the limit for the taxonomy"),
    (f"migration:\n  words: [migrant]\n  min: {'9' * 5000}\n",
     "migration: min: expected a whole number of at least 1, got '999"),
    (f"{'t' * 1000}:\n  word: [x]\n", "tttt"),
])
def test_hostile_taxonomy_is_one_short_message(tmp_path, text, reason):
    path = write(tmp_path / "tags.yaml", text)
    err = failure(load_taxonomy, path)
    assert err.file == str(path) and err.reason.startswith(reason)


def test_oversized_registry(tmp_path):
    path = tmp_path / "entities.yaml"
    path.write_bytes(b"# " + b"x" * REGISTRY.max_bytes)
    assert failure(load_registry, path).reason == (
        "larger than 10,000,000 bytes, the limit for the registry")


# -- end to end: only the bad article fails ---------------------------------------------------


def test_hostile_sidecars_fail_only_their_articles(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for article in (SAMPLE, ARTICLES / "no-dateline.txt", ARTICLES / "header-layout.txt",
                    ARTICLES / "2023-12-26-biden-border.txt"):
        shutil.copy(article, seeds)
    write(seeds / "header-layout.yaml", "roles:\n" + alias_bomb(10) + "tags: *a9\n")
    write(seeds / "2023-12-26-biden-border.json", f'{{"tags": {nested(900)}}}')
    report = convert_folder(seeds, tmp_path / "out",
                            registry=load_registry(REPO / "entities.yaml"),
                            rules=load_taxonomy(REPO / "tags.yaml"))
    status = {r.file: r.status for r in report.inputs}
    assert status == {SAMPLE.name: CONVERTED, "no-dateline.txt": CONVERTED,
                      "header-layout.txt": FAILED, "2023-12-26-biden-border.txt": FAILED}
    errors = {r.file: r.error for r in report.failed}
    assert errors["header-layout.txt"].startswith("header-layout.yaml:")
    assert errors["header-layout.txt"].endswith("holds more than 100,000 values (an alias "
                                                "counts as what it repeats), the limit for a "
                                                "sidecar")
    assert errors["2023-12-26-biden-border.txt"] == (
        "2023-12-26-biden-border.json:1: nested more than 50 levels deep, the limit for a "
        "sidecar")
    assert all(len(e) < SHORT for e in errors.values())
    assert len(list((tmp_path / "out").glob("*.md"))) == 2


def test_no_message_is_huge_or_on_two_lines():
    """The last guard, for a message that quotes something not cut where it was written."""
    err = ArchiveError("a.txt", "bad value " + "x\n" * 10_000, 3)
    assert len(err.reason) == MAX_REASON + 1 and "\n" not in str(err)
    assert str(ArchiveError("a.txt", "short")) == "a.txt: short"
