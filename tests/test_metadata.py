"""Sidecars and manifest.csv: loading, validation with file and line, precedence, applying."""

import datetime as dt
from pathlib import Path

import pytest

from build_tools.article import Article, Source, to_front_matter
from build_tools.errors import ArchiveError
from build_tools.metadata import (
    FIELDS,
    Setting,
    apply_overrides,
    load_manifest,
    load_sidecar,
    merge,
    sidecar_for,
)
from conftest import ARTICLES, SAMPLE, make_project, sphinx_build


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def values(overrides: dict[str, Setting]) -> dict:
    return {k: s.value for k, s in overrides.items()}


def error(call, *args) -> ArchiveError:
    with pytest.raises(ArchiveError) as info:
        call(*args)
    return info.value


def test_fields_are_front_matter_fields():
    article = Article(title="t", paragraphs=("p",), source=Source("a.txt", "0"))
    keys = set(to_front_matter(article))
    assert {f.removeprefix("add_") for f in FIELDS} <= keys
    assert not {"source", "orphan"} & set(FIELDS)


def test_yaml_sidecar_values_are_typed(tmp_path):
    path = write(tmp_path / "a.yaml", """\
title: Corrected title
authors: Jane Doe          # one name is a list of one
date: 2023-12-26
tags: [migration, borders]
add_people: [Rosa]
credits:
  reporting: [Jose Torres]
url: https://example.com/a
agency: null
""")
    got = load_sidecar(path, "a.yaml")
    assert values(got) == {
        "title": "Corrected title", "authors": ("Jane Doe",), "date": dt.date(2023, 12, 26),
        "tags": ("migration", "borders"), "add_people": ("Rosa",),
        "credits": {"reporting": ("Jose Torres",)}, "url": "https://example.com/a",
        "agency": None,
    }
    assert got["date"].line == 3 and got["date"].where == "a.yaml:3"


@pytest.mark.parametrize("text, line, reason", [
    ("title: x\ndate: 26/12/2023\n", 2, "date: expected a date YYYY-MM-DD (or null), got '26/12/2023'"),
    ("date: 2023-13-45\n", 1, "date: expected a date YYYY-MM-DD"),
    ("date: 2023-12-26 10:00\n", 1, "date: expected a date YYYY-MM-DD"),
    ("\n\ntag: [a]\n", 3, "unknown field 'tag'; did you mean 'tags'?"),
    ("source: {file: x}\n", 1, "'source' is written by the converter and cannot be set"),
    ("url: www.example.com\n", 1, "url: expected an http:// or https:// address"),
    ("tags: {a: 1}\n", 1, "tags: expected a list of names"),
    ("tags: [[a]]\n", 1, "tags: expected a list of names"),
    ("credits: [a]\n", 1, "credits: expected a mapping of role -> list of names"),
    ("title: null\n", 1, "title: expected the title as text"),
    ("title: [a]\n", 1, "title: expected the title as text"),
    ("tags: [a]\ntags: [b]\n", 2, "'tags' is set twice (first on line 1)"),
    ("- title\n", 1, "expected a mapping of front matter fields"),
    ("title: x\ndate: [2023\n", 3, "not valid YAML"),
])
def test_yaml_sidecar_errors_name_file_and_line(tmp_path, text, line, reason):
    err = error(load_sidecar, write(tmp_path / "a.yaml", text), "sub/a.yaml")
    assert (err.file, err.line) == ("sub/a.yaml", line)
    assert err.reason.startswith(reason)
    assert str(err).startswith(f"sub/a.yaml:{line}: ")


def test_yaml_scalars_are_taken_as_written(tmp_path):
    got = load_sidecar(write(tmp_path / "a.yaml", "title: yes\ntags: [2023, no, 1e3]\n"), "a.yaml")
    assert values(got) == {"title": "yes", "tags": ("2023", "no", "1e3")}


def test_empty_sidecar_sets_nothing(tmp_path):
    assert load_sidecar(write(tmp_path / "a.yaml", "# nothing yet\n"), "a.yaml") == {}


def test_json_sidecar(tmp_path):
    path = write(tmp_path / "a.json", '{\n  "date": "2023-12-26",\n  "tags": ["a", "b"]\n}\n')
    got = load_sidecar(path, "a.json")
    assert values(got) == {"date": dt.date(2023, 12, 26), "tags": ("a", "b")}
    assert got["tags"].line == 3


@pytest.mark.parametrize("text, line, reason", [
    ('{\n  "title": "x",\n  "date": "2023-12-32"\n}', 3, "date: expected a date YYYY-MM-DD"),
    ('{\n  "title": "x",\n  "date": \n}', 4, "not valid JSON"),
    ('{"tags": []}\n{"tags": []}', 2, "not valid JSON"),
    ('["date"]', 1, "expected an object of front matter fields"),
    ('{\n"url": 3\n}', 2, "url: expected an http:// or https:// address"),
    ('{"title": true}', 1, "title: expected the title as text"),
])
def test_json_sidecar_errors(tmp_path, text, line, reason):
    err = error(load_sidecar, write(tmp_path / "a.json", text), "a.json")
    assert (err.file, err.line) == ("a.json", line)
    assert err.reason.startswith(reason)


def test_two_sidecars_for_one_article(tmp_path):
    write(tmp_path / "a.yaml", "date: 2023-12-26\n")
    write(tmp_path / "a.json", "{}")
    err = error(sidecar_for, tmp_path / "a.txt", "sub/a.txt")
    assert str(err) == "sub/a.yaml: sub/a.txt has 2 sidecars (sub/a.yaml, sub/a.json); keep one"


def test_manifest_rows(tmp_path):
    path = tmp_path / "manifest.csv"
    # Excel writes a byte-order mark and CRLF; a quoted cell may hold commas and newlines.
    path.write_bytes("\ufefffile,Date,url,tags,title\r\n"
                     "a.txt,2023-12-26,,migration; borders ;,\r\n"
                     '.\\sub\\b.txt,,https://example.com/b,,"Two lines,\r\nof title"\r\n'
                     ",,,,\r\n"
                     "c.txt,2023-02-30,,,\r\n".encode("utf-8"))
    manifest = load_manifest(path, "manifest.csv")
    assert set(manifest.rows) == {"a.txt", "sub/b.txt", "c.txt"}
    a = manifest.rows["a.txt"]
    assert values(a.overrides) == {"date": dt.date(2023, 12, 26),
                                   "tags": ("migration", "borders")}  # empty cells set nothing
    assert a.line == 2 and a.error is None
    assert values(manifest.rows["sub/b.txt"].overrides) == {
        "url": "https://example.com/b", "title": "Two lines, of title"}
    bad = manifest.rows["c.txt"]  # a bad value fails only its own article
    assert (bad.line, bad.overrides) == (6, {})
    assert str(bad.error) == ("manifest.csv:6: date: expected a date YYYY-MM-DD (or null), "
                              "got '2023-02-30'")


@pytest.mark.parametrize("text, line, reason", [
    ("date,url\n2023-12-26,\n", 1, "no 'file' column"),
    ("file;date\na.txt;2023-12-26\n", 1, "columns must be separated by commas"),
    ("file,dat\na.txt,2023-12-26\n", 1, "unknown field 'dat'; did you mean 'date'?"),
    ("file,credits\na.txt,x\n", 1, "column 'credits': credits is a mapping"),
    ("file,date,date\n", 1, "column 'date' appears twice"),
    ("file,,date\n", 1, "column 2 has no name"),
    ("file,date\na.txt,2023-12-26\n\nb.txt,\na.txt,\n", 5, "file a.txt is already listed on line 2"),
    ("file,date\n,2023-12-26\n", 2, "file: empty"),
    ("", None, "empty; expected a header row"),
    ('file,title\na.txt,"unclosed\n', 2, "not valid CSV"),
    ('file,title\na.txt,"ab"c\n', 2, "not valid CSV"),
])
def test_malformed_manifest_names_file_and_row(tmp_path, text, line, reason):
    err = error(load_manifest, write(tmp_path / "manifest.csv", text), "manifest.csv")
    assert (err.file, err.line) == ("manifest.csv", line)
    assert err.reason.startswith(reason)


def test_manifest_row_with_too_many_cells_fails_that_row(tmp_path):
    manifest = load_manifest(write(tmp_path / "m.csv", "file,tags\na.txt,x,y\nb.txt,z\n"), "m.csv")
    assert "3 cells but the header has 2 columns" in str(manifest.rows["a.txt"].error)
    assert values(manifest.rows["b.txt"].overrides) == {"tags": ("z",)}


def test_manifest_not_utf8(tmp_path):
    path = tmp_path / "manifest.csv"
    path.write_bytes(b"file,title\na.txt,Caf\xe9\n")
    err = error(load_manifest, path, "manifest.csv")
    assert (err.line, err.reason) == (2, "not UTF-8 text; save it as UTF-8")


ARTICLE = Article(title="Extracted", paragraphs=("p",), source=Source("a.txt", "0"),
                  date=dt.date(2007, 1, 17), tags=("markets",), people=("Ann Lee",),
                  url="http://example.com/old")


def test_sidecar_wins_over_manifest_field_by_field():
    manifest = {"date": Setting(dt.date(2020, 1, 1), "manifest.csv", 2),
                "tags": Setting(("from manifest",), "manifest.csv", 2)}
    sidecar = {"date": Setting(dt.date(2023, 12, 26), "a.yaml", 1)}
    article = apply_overrides(ARTICLE, merge(manifest, sidecar))
    assert article.date == dt.date(2023, 12, 26)
    assert article.tags == ("from manifest",)  # replaced, not added to
    assert article.url == "http://example.com/old"  # not set: extraction stays
    assert article.source.overrides == (("date", "a.yaml"), ("tags", "manifest.csv"))
    meta = to_front_matter(article)
    assert meta["source"]["overrides"] == {"date": "a.yaml", "tags": "manifest.csv"}


def test_add_fields_keep_extracted_names():
    article = apply_overrides(ARTICLE, {
        "add_tags": Setting(("markets", "airlines"), "a.yaml"),
        "add_people": Setting(("Bo Chen",), "a.yaml"),
        "people": Setting(("Cy Diaz",), "a.yaml"),
    })
    assert article.tags == ("markets", "airlines")
    assert article.people == ("Cy Diaz", "Bo Chen")  # set first, then added to


def test_null_clears_an_extracted_value():
    article = apply_overrides(ARTICLE, {"date": Setting(None, "a.yaml"),
                                        "url": Setting(None, "a.yaml")})
    assert (article.date, article.url) == (None, None)


def test_no_overrides_no_source_key():
    assert "overrides" not in to_front_matter(ARTICLE)["source"]
    assert apply_overrides(ARTICLE, {}) == ARTICLE


# -- end to end: a real Sphinx build ------------------------------------------------------


def test_sidecar_and_manifest_reach_the_site(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    sidecar = write(inputs / SAMPLE.with_suffix(".yaml").name, """\
date: 2023-12-26
tags: [border policy]
url: https://example.com/caravan
""")
    manifest = write(inputs / "manifest.csv",
                     "file,date,authors\nno-dateline.txt,2024-01-02,Ana Silva; Ben Okafor\n")
    project = make_project(tmp_path, [SAMPLE, ARTICLES / "no-dateline.txt", sidecar, manifest])
    result = sphinx_build(project)
    assert "Traceback" not in result.stderr
    html = project / "build" / "html"
    slug = "migrant-caravan-advances-north-as-u-s-officials-head-to-mexico"
    article = (html / "articles" / f"{slug}.html").read_text(encoding="utf-8")
    assert '<span class="news-date">26 December 2023</span>' in article
    assert 'href="https://example.com/caravan"' in article
    assert 'href="../tags/border-policy.html"' in article
    assert 'href="../tags/migration.html"' not in article  # the sidecar's tags replace
    assert f"articles/{slug}.html" in (html / "tags" / "border-policy.html").read_text(
        encoding="utf-8")
    assert f"articles/{slug}.html" in (html / "dates" / "2023-12.html").read_text(
        encoding="utf-8")
    harbour = (html / "articles" / "quiet-day-at-the-harbour.html").read_text(encoding="utf-8")
    assert "2024-01-02" in harbour and "Ben Okafor" in harbour
    assert (html / "dates" / "2024-01.html").exists()
    assert (html / "authors" / "ana-silva.html").exists()


def readme_examples() -> tuple[str, str]:
    """The sidecar and manifest examples in the README's Input section."""
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Per-article metadata"):]
    blocks = [b.split("\n", 1)[1] for b in section.split("```")[1::2][:2]]
    return blocks[0], blocks[1]


def test_readme_examples_load(tmp_path):
    sidecar_text, manifest_text = readme_examples()
    sidecar = load_sidecar(write(tmp_path / "a.yaml", sidecar_text), "a.yaml")
    assert values(sidecar)["date"] == dt.date(2023, 12, 26)
    assert values(sidecar)["tags"] == ("migration", "border policy")
    manifest = load_manifest(write(tmp_path / "manifest.csv", manifest_text), "manifest.csv")
    assert all(row.error is None for row in manifest.rows.values())
    assert values(manifest.rows["2007/airbus-orders.txt"].overrides)["authors"] == (
        "Tim Hepher", "Jason Neely")
