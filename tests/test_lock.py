"""One build at a time: a second convert or `make html` stops at once, naming the lock and pid."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from build_tools.errors import ArchiveError
from build_tools.lock import LOCK_NAME, folder_lock, folder_locks
from conftest import REPO, SAMPLE

VENV = Path(sys.executable).parent.parent


def tools(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "build_tools", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def one_seed(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SAMPLE, seeds)
    return seeds


def test_second_holder_fails_at_once_naming_lock_and_pid(tmp_path):
    with folder_lock(tmp_path / "build") as path:
        assert path == tmp_path / "build" / LOCK_NAME
        with pytest.raises(ArchiveError) as info:
            with folder_lock(tmp_path / "build"):
                pass
    assert str(info.value) == (
        f"{path}: another build is running here (pid {os.getpid()}); "
        "wait for it to finish, then run again"
    )
    with folder_lock(tmp_path / "build"):  # released on leaving the block
        pass


def test_folder_locks_takes_all_or_none(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    with folder_lock(b):
        with pytest.raises(ArchiveError, match="pid"):
            with folder_locks(a, b):
                pass
        with folder_lock(a):  # a was released when b could not be taken
            pass


def test_convert_command_refuses_while_locked(tmp_path):
    seeds, out = one_seed(tmp_path), tmp_path / "out"
    with folder_lock(out):
        result = tools("convert", str(seeds), str(out), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (f"{out / LOCK_NAME}: another build is running here "
                             f"(pid {os.getpid()}); wait for it to finish, then run again\n")
    assert not list(out.glob("*.md"))
    assert tools("convert", str(seeds), str(out), cwd=tmp_path).returncode == 0
    assert len(list(out.glob("*.md"))) == 1


def test_lock_dies_with_its_holder(tmp_path):
    """kill -9 leaves no stale lock: the kernel drops a dead process's flock."""
    folder = tmp_path / "build"
    holder = subprocess.Popen([
        sys.executable, "-c",
        "import sys, time; from pathlib import Path; from build_tools.lock import folder_lock\n"
        f"with folder_lock(Path({str(folder)!r})):\n"
        "    print('held', flush=True); time.sleep(60)",
    ], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "held\n"
        with pytest.raises(ArchiveError, match=f"pid {holder.pid}"):
            with folder_lock(folder):
                pass
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    with folder_lock(folder):
        pass


def make_project(tmp_path: Path) -> Path:
    """A copy of the repository's project files (not its code) to run `make` in."""
    project = tmp_path / "project"
    shutil.copytree(REPO / "source", project / "source", ignore=shutil.ignore_patterns("articles"))
    for name in ("Makefile", "conf.py", "entities.yaml", "tags.yaml", "pyproject.toml"):
        shutil.copy(REPO / name, project / name)
    return project


def make_html(project: Path, *args: str) -> subprocess.CompletedProcess:
    # -o: never (re)install from the copy; the test's own environment has the project.
    return subprocess.run(
        ["make", "-C", str(project), "-o", f"{VENV}/.news-archive-installed", "html",
         "JOBS=1", *args],
        env={**os.environ, "VIRTUAL_ENV": str(VENV)}, capture_output=True, text=True,
        timeout=300,
    )


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_second_make_html_stops_at_once(tmp_path):
    project, seeds = make_project(tmp_path), one_seed(tmp_path)
    build = tmp_path / "build"
    with folder_lock(build):
        started = time.monotonic()
        blocked = make_html(project, f"SEEDS={seeds}", f"BUILDDIR={build}")
        elapsed = time.monotonic() - started
    assert blocked.returncode != 0
    assert (f"{build / LOCK_NAME}: another build is running here (pid {os.getpid()})"
            in blocked.stderr)
    assert elapsed < 30
    assert not list((project / "source" / "articles").glob("*.md"))
    assert not (build / "html").exists()

    done = make_html(project, f"SEEDS={seeds}", f"BUILDDIR={build}", "STRICT=1")
    assert done.returncode == 0, done.stderr
    assert "1 converted" in done.stdout
    assert (build / "html" / "index.html").exists()
    assert (build / "report.json").exists()
