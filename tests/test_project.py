"""One source of truth: the command line reads conf.py's paths as Sphinx does."""

from __future__ import annotations

from pathlib import Path

import yaml

from build_tools.cli import main
from build_tools.project import load_project
from conftest import SAMPLE

CONF = """\
news_articles_dir = "stories"
news_registry = "data/registry.yaml"
news_taxonomy = "data/taxonomy.yaml"
"""


def project(root: Path) -> Path:
    (root / "data").mkdir(parents=True)
    (root / "conf.py").write_text(CONF, encoding="utf-8")
    (root / "data" / "registry.yaml").write_text(
        "people:\n  Tony Blinken: [Antony Blinken]\n", encoding="utf-8")
    (root / "data" / "taxonomy.yaml").write_text("caravans: [caravan]\n", encoding="utf-8")
    (root / "seeds").mkdir()
    (root / "seeds" / "a.txt").write_bytes(SAMPLE.read_bytes())
    return root


def test_paths_are_relative_to_conf_py(tmp_path):
    root = project(tmp_path / "proj")
    found = load_project(root, root / "source")
    assert found.articles == root / "source" / "stories"
    assert found.registry_file == root / "data" / "registry.yaml"
    assert found.taxonomy_file == root / "data" / "taxonomy.yaml"


def test_convert_uses_conf_py_not_the_working_folder(tmp_path, monkeypatch):
    root = project(tmp_path / "proj")
    # A registry and taxonomy in the working folder that conf.py does not name.
    (tmp_path / "entities.yaml").write_text("people:\n  Tony B: [Antony Blinken]\n",
                                            encoding="utf-8")
    (tmp_path / "tags.yaml").write_text("wrong: [caravan]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["convert", "proj/seeds", "--confdir", "proj"]) == 0
    [page] = (tmp_path / "source" / "stories").glob("*.md")
    meta = yaml.safe_load(page.read_text(encoding="utf-8").split("---\n")[1])
    assert "Tony Blinken" in meta["people"] and "Tony B" not in meta["people"]
    assert "caravans" in meta["tags"] and "wrong" not in meta["tags"]


def test_without_conf_py_the_defaults_apply(tmp_path):
    found = load_project(tmp_path)
    assert found.articles == Path("source") / "articles"
    assert found.registry_file == tmp_path / "entities.yaml"


def test_clean_keeps_hand_edited_articles_unless_forced(tmp_path, monkeypatch, capsys):
    root = project(tmp_path / "proj")
    monkeypatch.chdir(root)
    (root / "seeds" / "b.txt").write_text("Other story\n\nLONDON (Reuters) - Text.\n",
                                          encoding="utf-8")
    assert main(["convert", "seeds"]) == 0
    articles = root / "source" / "stories"
    edited = articles / "other-story.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA correction.\n", encoding="utf-8")
    (articles / "notes.md").write_text("# My notes\n", encoding="utf-8")
    (articles / "img").mkdir()
    (articles / "img" / "photo.jpg").write_bytes(b"\xff\xd8")
    (articles / "README.txt").write_text("Our notes.\n", encoding="utf-8")
    (root / "build" / "html").mkdir(parents=True)
    (root / "build" / "html" / "index.html").write_text("x", encoding="utf-8")
    assert main(["clean"]) == 0
    assert [p.name for p in (root / "build").iterdir()] == [".news-archive.lock"]
    assert sorted(p.name for p in articles.iterdir() if p.name != ".news-archive.lock") == [
        "README.txt", "img", "notes.md", "other-story.md"]
    err = capsys.readouterr().err
    assert "kept 2 articles edited or written by hand" in err and "other-story.md" in err
    assert main(["clean", "--force"]) == 0
    assert sorted(p.name for p in articles.iterdir() if p.name != ".news-archive.lock") == [
        "README.txt", "img"]
