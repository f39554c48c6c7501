"""``html`` with nothing changed since its last successful build does not start Sphinx; any
change to what a build is made from, or to what it left, makes it run (:mod:`.uptodate`)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from build_tools import cli, uptodate
from conftest import SAMPLE, make_project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path, [SAMPLE])


@pytest.fixture
def builds(monkeypatch) -> list[int]:
    """The status of each Sphinx build ``html`` started."""
    import sphinx.cmd.build

    real, seen = sphinx.cmd.build.main, []

    def counted(argv):
        seen.append(real(argv))
        return seen[-1]

    monkeypatch.setattr(sphinx.cmd.build, "main", counted)
    return seen


def html(project: Path) -> int:
    return cli.main(["html", str(project / "seeds"), "--source", str(project / "source"),
                     "--builddir", str(project / "build"), "--confdir", str(project),
                     "-j", "1"])


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_nothing_changed_skips_sphinx_and_any_change_runs_it(project: Path, builds: list[int],
                                                               capsys, monkeypatch):
    out = project / "build" / "html"
    assert html(project) == 0 and builds == [0]
    built = files(out)
    assert html(project) == 0 and builds == [0]
    assert "site unchanged since the last build" in capsys.readouterr().out
    assert files(out) == built

    # A page deleted from the output: Sphinx writes it again.
    (out / "about.html").unlink()
    assert html(project) == 0 and len(builds) == 2
    assert files(out) == built
    # A hand-written page edited.
    about = project / "source" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    assert html(project) == 0 and len(builds) == 3
    assert "One more line." in (out / "about.html").read_text(encoding="utf-8")
    assert html(project) == 0 and len(builds) == 3
    # An input: the converter writes its article, and Sphinx builds it.
    sample = next((project / "seeds").glob("*.txt"))
    sample.write_text(sample.read_text(encoding="utf-8") + "\nA closing paragraph.\n",
                      encoding="utf-8")
    assert html(project) == 0 and len(builds) == 4
    # conf.py touched, and an environment variable conf.py reads.
    conf = project / "conf.py"
    os.utime(conf, ns=(conf.stat().st_atime_ns, conf.stat().st_mtime_ns + 10**9))
    assert html(project) == 0 and len(builds) == 5
    monkeypatch.setenv("SITE_URL", "https://example.org/archive/")
    assert html(project) == 0 and len(builds) == 6
    assert 'href="https://example.org/archive/' in (out / "about.html").read_text(encoding="utf-8")
    assert html(project) == 0 and len(builds) == 6
    # Another shell: the variables only a shell sets do not count.
    monkeypatch.setenv("SHLVL", "7")
    monkeypatch.setenv("OLDPWD", "/somewhere/else")
    assert html(project) == 0 and len(builds) == 6


def test_files_beside_conf_py_and_its_worked_out_values_count(project: Path, builds: list[int]):
    extra = project / "extra"
    extra.mkdir()
    (extra / "robots.txt").write_text("User-agent: *\n", encoding="utf-8")
    conf = project / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + '\nhtml_extra_path = ["extra"]\n',
                    encoding="utf-8")
    assert html(project) == 0 and html(project) == 0 and len(builds) == 1
    # A file in a folder beside conf.py that the configuration names.
    (extra / "robots.txt").write_text("User-agent: *\nDisallow: /drafts/\n", encoding="utf-8")
    assert html(project) == 0 and len(builds) == 2
    robots = project / "build" / "html" / "robots.txt"
    assert "Disallow: /drafts/" in robots.read_text(encoding="utf-8")
    # The input folder and the build folder beside conf.py are not read by Sphinx: a report
    # or a scratch file there changes nothing.
    (project / "build" / "notes.txt").write_text("mine\n", encoding="utf-8")
    assert html(project) == 0 and len(builds) == 2


def test_plain_settings_are_the_values_conf_py_worked_out():
    import datetime
    import os as module

    def settings(year: int) -> str:
        return uptodate.plain_settings({
            "project": "News", "copyright": f"{year}, the publishers", "os": module,
            "setup": lambda app: None, "news_indexes": {"tags": "Tags"},
            "html_sidebars": {"**": ["a.html", "b.html"]}, "when": datetime.date(2026, 1, 1),
            "hooks": [print, "x"], "extensions": {"myst_parser", "sphinx.ext.githubpages"},
            "__file__": "/somewhere/conf.py"})

    assert settings(2026) == settings(2026) != settings(2027)
    for left_out in ("os", "setup", "when", "hooks", "__file__"):
        assert repr(left_out) not in settings(2026)
    assert "news_indexes" in settings(2026) and "html_sidebars" in settings(2026)


def test_a_failed_build_is_not_remembered(project: Path, builds: list[int], monkeypatch):
    import sphinx.cmd.build

    assert html(project) == 0 and builds == [0]
    memo = project / "build" / uptodate.MEMO_NAME
    assert memo.is_file()
    about = project / "source" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nChanged.\n", encoding="utf-8")
    counted = sphinx.cmd.build.main
    monkeypatch.setattr(sphinx.cmd.build, "main", lambda argv: 2)
    assert html(project) == 2
    assert not memo.exists()  # removed before the build started, not written after it
    # Nothing changed since the failed build, and Sphinx runs again.
    monkeypatch.setattr(sphinx.cmd.build, "main", counted)
    assert html(project) == 0 and builds == [0, 0]
    assert memo.is_file()


def test_a_file_edited_while_sphinx_runs_is_built_next_time(project: Path, builds: list[int],
                                                             monkeypatch):
    import sphinx.cmd.build

    counted = sphinx.cmd.build.main
    about = project / "source" / "about.md"

    def edited_meanwhile(argv):
        status = counted(argv)
        about.write_text(about.read_text(encoding="utf-8") + "\nWritten during the build.\n",
                         encoding="utf-8")
        return status

    monkeypatch.setattr(sphinx.cmd.build, "main", edited_meanwhile)
    assert html(project) == 0 and builds == [0]
    monkeypatch.setattr(sphinx.cmd.build, "main", counted)
    assert html(project) == 0 and builds == [0, 0]
    page = (project / "build" / "html" / "about.html").read_text(encoding="utf-8")
    assert "Written during the build." in page


def test_the_state_covers_the_options_and_not_the_shell(project: Path):
    def state(strict: bool = False, settings: str = "", **environ: str) -> str:
        return uptodate.input_state(source=project / "source", confdir=project,
                                    builddir=project / "build", options=[f"strict={strict}"],
                                    settings=settings, environ={"PATH": "/usr/bin", **environ})

    assert state() == state() == state(PWD="/elsewhere", SHLVL="3", SSH_TTY="/dev/pts/1")
    assert state(SITE_URL="") == state()  # as make exports it: read as unset
    assert state(strict=True) != state()
    assert state(settings="[('copyright', '2027')]") != state()
    assert state(SITE_URL="https://example.org/") != state()
    assert state(SOURCE_DATE_EPOCH="1") != state()
    (project / "source" / "_templates").mkdir(exist_ok=True)
    before = state()
    (project / "source" / "_templates" / "page.html").write_text("{% extends '!page.html' %}\n",
                                                                 encoding="utf-8")
    assert state() != before
