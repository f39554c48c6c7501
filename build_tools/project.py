"""Where a project keeps things, read from its ``conf.py`` the way Sphinx reads them.

The command line, ``make`` and the Sphinx extension must agree on the articles folder, the
registry and the taxonomy; otherwise the converter would extract with one ``entities.yaml``
and the site sort its indexes with another. So every command asks :func:`load_project`, and
every path in ``conf.py`` is relative to ``conf.py``'s folder, as it is for Sphinx.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .extract.registry import Registry, load_registry, load_taxonomy
from .extract.tags import TagRule
from .uptodate import plain_settings



@dataclass(frozen=True)
class Project:
    confdir: Path
    source: Path  #: the Sphinx source folder
    articles_dir: str  #: ``news_articles_dir``, under :attr:`source`
    registry_file: Path | None  #: ``news_registry``; ``None`` to use none
    taxonomy_file: Path | None  #: ``news_taxonomy``; ``None`` to use none
    ner: str | None  #: ``news_ner_backend``
    title: str  #: ``project``: the archive's name
    #: conf.py's values that are plain data (:func:`.uptodate.plain_settings`)
    settings: str = ""

    @property
    def articles(self) -> Path:
        return self.source / self.articles_dir

    def registry(self, override: str | None = None) -> Registry:
        return load_registry(Path(override) if override else self.registry_file)

    def taxonomy(self, override: str | None = None) -> tuple[TagRule, ...]:
        return load_taxonomy(Path(override) if override else self.taxonomy_file)


def load_project(confdir: Path, source: Path = Path("source")) -> Project:
    """The project configured by ``confdir/conf.py`` (checked; a bad ``news_*`` option is an
    ArchiveError naming the line), or the defaults when there is no conf.py."""
    # Imported here: Sphinx loads slowly, and only commands that read conf.py need it.
    from .sphinxext.config import PATH_OPTIONS, check_conf_file

    conf = check_conf_file(confdir)
    values = {**PATH_OPTIONS, **{k: v for k, v in conf.items() if k in PATH_OPTIONS}}

    def beside_conf(name: str | None) -> Path | None:
        return Path(confdir, name) if name else None

    return Project(confdir, source, values["news_articles_dir"].strip("/"),
                   beside_conf(values["news_registry"]), beside_conf(values["news_taxonomy"]),
                   values["news_ner_backend"], str(conf.get("project") or "News archive"),
                   plain_settings(conf))
