"""Configuration errors name the file, the line and what was expected; never a traceback."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from build_tools.cli import main
from build_tools.errors import ArchiveError
from build_tools.extract.registry import Entry, load_registry, load_taxonomy
from build_tools.extract.spans import fold
from build_tools.extract.tags import TagRule
from build_tools.sphinxext.config import check_conf_file, check_values
from conftest import REPO, SAMPLE, sphinx_build

SECTIONS = "people, places, organizations or ignore"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_registry_formats_of_the_readme(tmp_path):
    path = write(tmp_path, "entities.yaml", """\
people:
  Andres Manuel Lopez Obrador:
    aliases: [Lopez Obrador, López Obrador, AMLO]   # all become the canonical name
    sort_as: Lopez Obrador, Andres Manuel            # place in the people index
  Luis García Villagrán:
    sort_as: García Villagrán, Luis
  Rosa:
places:
  United States:
    aliases: [U.S., America]
organizations:
  Goldman Sachs: []          # a name listed under a kind is always of that kind
  Airbus: [EADS]
ignore: [Reuters Breakingviews]   # never indexed
""")
    registry = load_registry(path)
    assert registry.entries == (
        Entry("people", "Andres Manuel Lopez Obrador", ("Lopez Obrador", "López Obrador", "AMLO"),
              "Lopez Obrador, Andres Manuel"),
        Entry("people", "Luis García Villagrán", (), "García Villagrán, Luis"),
        Entry("people", "Rosa"),
        Entry("places", "United States", ("U.S.", "America")),
        Entry("organizations", "Goldman Sachs"),
        Entry("organizations", "Airbus", ("EADS",)),
    )
    assert registry.ignore == {fold("Reuters Breakingviews")}
    assert registry.find("amlo").name == "Andres Manuel Lopez Obrador"
    assert load_registry(write(tmp_path, "empty.yaml", "")) == load_registry(None)
    assert load_registry(write(tmp_path, "repo.yaml", (REPO / "entities.yaml").read_text()))


def test_taxonomy_formats_of_the_readme(tmp_path):
    path = write(tmp_path, "tags.yaml", """\
migration:
  words: [migrant, asylum seeker, caravan, deportation]   # whole words, plurals included
  min: 2                                                  # occurrences needed (default 2)
energy: [oil, gas]
inflation:
  min: 3
""")
    assert load_taxonomy(path) == (
        TagRule("migration", ("migrant", "asylum seeker", "caravan", "deportation"), 2),
        TagRule("energy", ("oil", "gas"), 2),
        TagRule("inflation", ("inflation",), 3),
    )
    assert len(load_taxonomy(REPO / "tags.yaml")) > 5


@pytest.mark.parametrize("text, message", [
    ("persons:\n  A: []\n",
     f"1: unknown section 'persons'; expected {SECTIONS}"),
    ("- people\n",
     f"1: expected a mapping with sections {SECTIONS}, got a list"),
    ("people: [Joe Biden]\n",
     "1: people: expected a mapping of canonical name -> aliases, sort_as, got a list"),
    ("people:\n  Joe Biden: 3\n",
     "2: people: Joe Biden: expected aliases and sort_as, or a list of aliases, got '3'"),
    ("people:\n  Joe Biden:\n    alias: [Biden]\n",
     "3: people: Joe Biden: unknown key 'alias'; expected aliases or sort_as"),
    ("people:\n  Joe Biden:\n    aliases: {Biden: 1}\n",
     "3: people: Joe Biden: aliases: expected a list of names, got a mapping"),
    ("people:\n  Joe Biden:\n    aliases: [Biden, [Joe]]\n",
     "3: people: Joe Biden: aliases: expected a name, got a list"),
    ("people:\n  Joe Biden:\n    sort_as:\n",
     "3: people: Joe Biden: sort_as: expected a name, got nothing"),
    ("places:\n  Chad: []\n  Chad: [Tchad]\n",
     "3: places: 'Chad' appears twice (first on line 2)"),
    ("people:\n  Georgia: []\nplaces:\n  Georgia: []\n",
     "4: places: Georgia: 'Georgia' is already listed under people: Georgia (line 2)"),
    ("people:\n  ~: [x]\n",
     "2: people: a key: expected a name, got nothing"),
    ("ignore: {Reuters: 1}\n",
     "1: ignore: expected a list of names, got a mapping"),
    ("people:\n  A: [x\n",
     "3: not valid YAML: expected ',' or ']', but got '<stream end>'"),
])
def test_registry_errors(tmp_path, text, message):
    path = write(tmp_path, "entities.yaml", text)
    with pytest.raises(ArchiveError) as info:
        load_registry(path)
    assert str(info.value) == f"{path}:{message}"


@pytest.mark.parametrize("text, message", [
    ("- migration\n", "1: expected a mapping of tag -> {words: [...], min: N}, got a list"),
    ("migration: 3\n",
     "1: migration: expected words: [...] and optionally min: N, weak: [...], headline: [...], "
     "not_in: [...], anywhere: true, got '3'"),
    ("migration:\n  word: [migrant]\n",
     "2: migration: unknown key 'word'; expected words, min, weak, headline, not_in or anywhere"),
    ("migration:\n  words: {migrant: 1}\n",
     "2: migration: words: expected a list of names, got a mapping"),
    ("migration:\n  words: [migrant]\n  min: two\n",
     "3: migration: min: expected a whole number of at least 1, got 'two'"),
    ("migration:\n  words: [migrant]\n  min: 0\n",
     "3: migration: min: expected a whole number of at least 1, got '0'"),
    ("migration:\n  words: [migrant]\n  min: true\n",
     "3: migration: min: expected a whole number of at least 1, got 'true'"),
    ("migration:\n  words: [migrant]\n  min:\n",
     "3: migration: min: expected a whole number of at least 1, got nothing"),
    ("economy: [gdp]\neconomy: [inflation]\n", "2: 'economy' appears twice (first on line 1)"),
])
def test_taxonomy_errors(tmp_path, text, message):
    path = write(tmp_path, "tags.yaml", text)
    with pytest.raises(ArchiveError) as info:
        load_taxonomy(path)
    assert str(info.value) == f"{path}:{message}"


def test_cli_prints_one_line_for_a_bad_registry(tmp_path, capsys):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SAMPLE, seeds)
    registry = write(tmp_path, "entities.yaml", "people:\n  Joe Biden:\n    alias: Biden\n")
    status = main(["convert", str(seeds), str(tmp_path / "out"), "--registry", str(registry)])
    assert status == 2
    assert capsys.readouterr().err == (
        f"{registry}:3: people: Joe Biden: unknown key 'alias'; expected aliases or sort_as\n")


CONF_CASES = [
    ("news_page_size", "0", "a whole number of at least 1"),
    ("news_page_size", "'50'", "a whole number of at least 1"),
    ("news_home_articles", "True", "a whole number of at least 1"),
    ("news_index_order", "'date'", "'name' or 'count'"),
    ("news_indexes", "['tags']", "a dict of index -> label"),
    ("news_indexes", "{'topics': 'Topics'}", "a dict of index -> label"),
    ("news_indexes", "{'people': ''}", "a dict of index -> label"),
    ("news_articles_dir", "'../elsewhere'", "a folder under the source folder"),
    ("news_articles_dir", "''", "a folder under the source folder"),
    ("news_articles_dir", "'_static'", "a folder under the source folder, such as 'articles', "
     "not starting with _ or . and not one the indexes use"),
    ("news_articles_dir", "'archive'", "a folder under the source folder, such as 'articles', "
     "not starting with _ or . and not one the indexes use"),
    ("news_taxonomy", "3", "a file name relative to conf.py, or None"),
    ("news_registry", "3", "a file name relative to conf.py, or None"),
]


def conf_with(tmp_path: Path, option: str, value: str) -> tuple[Path, int]:
    """A copy of the repository's conf.py with *option* set to *value*; its line."""
    lines = (REPO / "conf.py").read_text(encoding="utf-8").splitlines()
    lines.append(f"{option} = {value}  # set by the test")
    path = write(tmp_path, "conf.py", "\n".join(lines) + "\n")
    return path, len(lines)


@pytest.mark.parametrize("option, value, expected", CONF_CASES)
def test_conf_option_errors(tmp_path, option, value, expected):
    conf, line = conf_with(tmp_path, option, value)
    with pytest.raises(ArchiveError) as info:
        check_conf_file(tmp_path)
    assert str(info.value).startswith(f"{conf}:{line}: {option} = {eval(value)!r}: "
                                      f"expected {expected}")


def test_repository_conf_is_valid():
    check_conf_file(REPO)
    check_values(REPO / "conf.py", {"news_page_size": 1, "news_registry": None,
                                    "news_indexes": {"authors": "Writers"}})


def project_with_conf(tmp_path: Path, option: str, value: str) -> Path:
    project = tmp_path / "project"
    shutil.copytree(REPO / "source", project / "source", ignore=shutil.ignore_patterns("articles"))
    conf_with(project, option, value)
    (project / "seeds").mkdir()
    shutil.copy(SAMPLE, project / "seeds")
    return project


def test_sphinx_stops_at_config_inited(tmp_path):
    project = project_with_conf(tmp_path, "news_page_size", "0")
    result = sphinx_build(project, check=False)
    assert result.returncode != 0
    assert "Configuration error" in result.stderr
    line = len((REPO / "conf.py").read_text().splitlines()) + 1
    assert (f"{project / 'conf.py'}:{line}: news_page_size = 0: "
            "expected a whole number of at least 1") in result.stderr
    assert not (project / "build" / "html" / "index.html").exists()


def test_html_command_says_it_in_one_line(tmp_path):
    project = project_with_conf(tmp_path, "news_index_order", "'date'")
    result = subprocess.run([sys.executable, "-m", "build_tools", "html", "seeds", "-j", "1"],
                            cwd=project, capture_output=True, text=True, timeout=300)
    line = len((REPO / "conf.py").read_text().splitlines()) + 1
    assert result.returncode == 2
    assert result.stderr == (f"conf.py:{line}: news_index_order = 'date': "
                             "expected 'name' or 'count'\n")
    assert not list((project / "source" / "articles").glob("*.md"))
