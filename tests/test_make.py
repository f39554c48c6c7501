"""The Makefile as a user runs it: STRICT=1 fails on bad input; a normal build does not."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO, SAMPLE


def make(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "VIRTUAL_ENV": str(Path(sys.executable).parent.parent)}
    return subprocess.run(["make", "-C", str(REPO), "html", *args], env=env,
                          capture_output=True, text=True)


def test_bad_file_is_reported_and_strict_fails(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SAMPLE, seeds)
    (seeds / "broken.txt").write_bytes(b"\x00\x00binary")
    build = tmp_path / "build"
    ok = make(tmp_path, f"SEEDS={seeds}", f"BUILDDIR={build}")
    assert ok.returncode == 0, ok.stderr
    assert "broken.txt: binary file" in ok.stderr
    assert "1 converted" in ok.stdout or "1 unchanged" in ok.stdout
    assert (build / "html" / "index.html").exists()
    assert (build / "report.json").exists()
    strict = make(tmp_path, f"SEEDS={seeds}", f"BUILDDIR={build}", "STRICT=1")
    assert strict.returncode != 0
    assert "broken.txt: binary file" in strict.stderr
