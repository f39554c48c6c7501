"""Shared fixtures: Sphinx test projects built from articles converted on the fly."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from build_tools.convert import convert_folder
from build_tools.extract.registry import load_registry, load_taxonomy

# browser_support: the browser and tab fixtures of the browser tests.
pytest_plugins = ("sphinx.testing.fixtures", "browser_support")

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SAMPLE = SEEDS / "000_203f55c1c9505874.txt"
CORPUS = REPO.parent / "shared" / "corpus" / "reuters-2007"
ARTICLES = Path(__file__).parent / "data" / "articles"


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return Path(__file__).parent / "roots"


def make_project(tmp: Path, inputs: list[Path] | Path) -> Path:
    """A site project in *tmp*: the repository's conf, pages and registry, and *inputs*
    (files or a folder) converted into ``source/articles``. Returns the project folder."""
    project = tmp / "project"
    shutil.copytree(REPO / "source", project / "source",
                    ignore=shutil.ignore_patterns("articles"))
    for name in ("conf.py", "entities.yaml", "tags.yaml"):
        shutil.copy(REPO / name, project / name)
    seeds = project / "seeds"
    if isinstance(inputs, Path):
        shutil.copytree(inputs, seeds)
    else:
        seeds.mkdir()
        for path in inputs:
            shutil.copy(path, seeds / path.name)
    convert(project)
    return project


def convert(project: Path):
    return convert_folder(
        project / "seeds", project / "source" / "articles",
        registry=load_registry(project / "entities.yaml"),
        rules=load_taxonomy(project / "tags.yaml"),
    )


def sphinx_build(project: Path, *extra: str, check: bool = True) -> subprocess.CompletedProcess:
    """A real ``sphinx-build`` of *project* into ``project/build``."""
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-M", "html", str(project / "source"),
         str(project / "build"), "-c", str(project), "-q", *extra],
        cwd=REPO, capture_output=True, text=True, check=check,
    )


def page(project: Path, name: str) -> str:
    """The built HTML page *name* of *project*."""
    return (project / "build" / "html" / f"{name}.html").read_text(encoding="utf-8")


def visible_text(markup: str) -> str:
    """Text of an HTML fragment as a reader sees it, white space folded."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", markup)).split())
