"""Fuzzing the data files people write: whatever a sidecar (YAML or JSON), ``entities.yaml``,
``tags.yaml`` or ``manifest.csv`` holds (random nesting, anchors and aliases, bombs and cycles
included, odd scalars, escapes, random bytes), it either loads or raises ArchiveError with one
short message naming the file; nothing else escapes, and what loads can be written into an
article.

Bounded for CI: 200 examples a test, a few seconds each on two cores.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools.article import Article, Source
from build_tools.errors import ArchiveError
from build_tools.extract.registry import load_registry, load_taxonomy
from build_tools.metadata import FIELDS, apply_overrides, load_manifest, load_sidecar
from build_tools.myst import render_article

FUZZ = settings(max_examples=200, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
#: A message names the file, then says what is wrong in a sentence.
MAX_REASON = 300

#: Scalars that YAML types, escapes, tags, and text that looks like structure.
ODD = ["yes", "no", "~", "null", "010", "1e3", "0x1F", "-.inf", ".nan", "2023-12-26",
       "2023-13-45", "12:30:00", "''", '""', "'it''s'", '"\\ud800"', '"\\udc00x"', '"\\0"',
       '"\\x1b[0m"', '"\\u200bJoe\\u00ad Biden"', '"\\uFEFF"', "!!binary aGk=", "!!int 3",
       "!!python/object:os.system x", "!custom x", "https://example.com/a", "Jose Torres",
       "Caf\u00e9", "e\u0301", "\u4e2d\u6587", "9" * 5000, "x" * 300, "a: b", "- a", "#c", "&",
       "*", "|", ">", "@x", "`x`", "%x", "? x", "<<", "[", "]", "{", "}", ",", ":"]
KEYS = [*FIELDS, "source", "orphan", "tag", "aliases", "sort_as", "words", "min", "people",
        "places", "organizations", "ignore", "<<", "? [a]", "x" * 200, ""]
SCALAR = st.one_of(st.sampled_from(ODD), st.text(max_size=12))
ANCHOR = st.sampled_from(["", "", "", "&a ", "&b ", "&c "])
ALIAS = st.sampled_from(["*a", "*b", "*c", "*zz"])


def _flow(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Flow lists and mappings of *children*, some anchored, some holding aliases."""
    item = st.one_of(children, ALIAS)
    return st.one_of(
        st.tuples(ANCHOR, st.lists(item, max_size=5))
        .map(lambda t: f"{t[0]}[{', '.join(t[1])}]"),
        st.tuples(ANCHOR, st.lists(st.tuples(st.sampled_from(KEYS), item), max_size=5))
        .map(lambda t: t[0] + "{" + ", ".join(f"{k}: {v}" for k, v in t[1]) + "}"),
    )


FLOW = st.recursive(st.tuples(ANCHOR, SCALAR).map("".join), _flow, max_leaves=30)
#: A block mapping at the top, as people write sidecars and registries.
BLOCK = st.lists(st.tuples(st.sampled_from(KEYS), st.one_of(FLOW, ALIAS)), max_size=8).map(
    lambda pairs: "".join(f"{k}: {v}\n" for k, v in pairs))


def bomb(levels: int, width: int, key: str) -> str:
    lines = [f"  a0: &a0 [{', '.join(['lol'] * width)}]"]
    lines += [f"  a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]" for i in range(1, levels)]
    return f"{key}:\n" + "\n".join(lines) + f"\ntags: *a{levels - 1}\n"


BOMB = st.builds(bomb, st.integers(1, 12), st.integers(1, 12),
                 st.sampled_from(["roles", "people", "ignore", "migration"]))
NESTED = st.tuples(st.sampled_from(KEYS), st.integers(0, 1500), st.integers(0, 1500),
                   st.sampled_from(["[", "{", "[{x: ", "- "])).map(
    lambda t: f"{t[0]}: " + t[3] * t[1] + "]" * t[2] + "\n")
YAML_TEXT = st.one_of(BLOCK, FLOW, BOMB, NESTED, st.text(max_size=200))
YAML_BYTES = st.one_of(YAML_TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),
                       st.binary(max_size=300))

JSON_VALUE = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=12),
              st.sampled_from(ODD)),
    lambda children: st.one_of(st.lists(children, max_size=5),
                               st.dictionaries(st.sampled_from(KEYS), children, max_size=5)),
    max_leaves=30)
JSON_TEXT = st.one_of(
    st.dictionaries(st.sampled_from(KEYS), JSON_VALUE, max_size=8).map(json.dumps),
    JSON_VALUE.map(json.dumps),
    st.tuples(st.integers(0, 1500), st.sampled_from(["[", '{"tags": ', "[{}, "]))
    .map(lambda t: '{"tags": ' + t[1] * t[0] + "1" + "]" * t[0] + "}"),
    st.sampled_from(['{"title": "\\ud800"}', '{"title": ' + "1" * 5000 + "}",
                     '{"tags": ["a", "a\\u200b"]}', '{"title": "x", "title": "y"}', "[", "",
                     '{"roles": {"by": ["\\u0000"]}}', '{"date": NaN}', '{"url": Infinity}']),
    st.text(max_size=200),
)
JSON_BYTES = st.one_of(JSON_TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),
                       st.binary(max_size=300))

ARTICLE = Article(title="Title", paragraphs=("Text.",), source=Source("a.txt", "0"),
                  people=("Ann Lee",))


def loads_or_fails_shortly(call, name: str):
    """*call*'s result, or ``None`` after checking its ArchiveError names *name* shortly."""
    try:
        return call()
    except ArchiveError as err:
        assert err.file == name, str(err)
        assert len(err.reason) < MAX_REASON, str(err)
        assert "\n" not in str(err)
        return None


@FUZZ
@given(raw=st.one_of(YAML_BYTES.map(lambda b: (".yaml", b)),
                    JSON_BYTES.map(lambda b: (".json", b))))
def test_sidecar_loads_or_fails_with_one_short_message(tmp_path, raw):
    suffix, data = raw
    path = tmp_path / f"a{suffix}"
    path.write_bytes(data)
    name = f"sub/a{suffix}"
    overrides = loads_or_fails_shortly(lambda: load_sidecar(path, name), name)
    if overrides is None:
        return
    # What a sidecar sets can be written into the article's UTF-8 file.
    render_article(apply_overrides(ARTICLE, overrides)).encode("utf-8")


@FUZZ
@given(data=YAML_BYTES)
def test_registry_loads_or_fails_with_one_short_message(tmp_path, data):
    path = tmp_path / "entities.yaml"
    path.write_bytes(data)
    registry = loads_or_fails_shortly(lambda: load_registry(path), str(path))
    if registry is not None:
        for entry in registry.entries:
            (entry.name + "".join(entry.aliases)).encode("utf-8")
        registry.apply({"people": ["Ann Lee"], "places": [], "organizations": []})


@FUZZ
@given(data=YAML_BYTES)
def test_taxonomy_loads_or_fails_with_one_short_message(tmp_path, data):
    path = tmp_path / "tags.yaml"
    path.write_bytes(data)
    rules = loads_or_fails_shortly(lambda: load_taxonomy(path), str(path))
    for rule in rules or ():
        assert rule.tag and rule.words and rule.min_count >= 1


CELL = st.one_of(st.sampled_from([*FIELDS, "file", "a.txt", "2023-12-26", "x;y", '"a,b"', '"',
                                  "", "x" * 11_000, "\ufeff", "\u200bAnn Lee"]),
                 st.text(max_size=12))
CSV_TEXT = st.lists(st.lists(CELL, max_size=6).map(",".join), max_size=8).map("\n".join)


@FUZZ
@given(data=st.one_of(CSV_TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),
                      st.binary(max_size=300)))
def test_manifest_loads_or_fails_with_one_short_message(tmp_path, data):
    path = tmp_path / "manifest.csv"
    path.write_bytes(data)
    manifest = loads_or_fails_shortly(lambda: load_manifest(path, "manifest.csv"),
                                      "manifest.csv")
    for row in manifest.rows.values() if manifest else ():
        assert row.error is None or len(row.error.reason) < MAX_REASON
