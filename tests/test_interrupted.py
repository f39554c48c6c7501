"""Crash safety: a converter killed with SIGKILL leaves only whole articles; a re-run completes."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import yaml

from build_tools.cache import CACHE_NAME
from build_tools.convert import convert_folder
from build_tools.outputs import is_hand_edited
from build_tools.lock import LOCK_NAME
from build_tools.memo import MEMO_NAME
from conftest import ARTICLES, SEEDS

COUNT = 500


def many_articles(folder: Path, count: int) -> Path:
    """*count* inputs made from the test and sample articles, each with its own title."""
    folder.mkdir()
    sources = sorted([*ARTICLES.glob("*.txt"), *SEEDS.glob("*.txt")])
    for i in range(count):
        source = sources[i % len(sources)]
        text = source.read_text(encoding="utf-8").lstrip()
        # The title is the first line in both layouts; header-layout lines start with "-- ".
        marker = "-- " if text.startswith("-- ") else ""
        text = f"{marker}Story {i}: {text[len(marker):]}"
        (folder / f"{i:04d}-{source.name}").write_text(text, encoding="utf-8")
    return folder


def convert(seeds: Path, out: Path, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "build_tools", "convert", str(seeds), str(out)],
                            cwd=seeds.parent, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            **kw)


def contents(folder: Path) -> dict[str, object]:
    """Every file in *folder* but the lock file, whose content is the holder's pid, and the
    memo of the last run, which says what that run did; the extraction cache without the
    output files' ``stat`` signatures, which differ between copies, and the time of its scan."""
    out: dict[str, object] = {p.name: p.read_bytes() for p in folder.iterdir()
                              if p.name not in (LOCK_NAME, MEMO_NAME)}
    head, *lines = out.pop(CACHE_NAME).decode("utf-8").split("\n")
    inputs = [json.loads(line) for line in lines if line]
    for _, _, rendered, _ in inputs:
        assert len(rendered[3]) == 4  # every file is signed
        rendered[3] = None
    head = json.loads(head)
    assert head.pop("scanned") > 0  # when that run scanned its inputs
    out[CACHE_NAME] = (head, inputs)
    return out


def test_kill_9_mid_run_leaves_whole_articles_and_rerun_completes(tmp_path):
    seeds = many_articles(tmp_path / "seeds", COUNT)
    clean = tmp_path / "clean"
    assert convert(seeds, clean).wait(timeout=300) == 0
    assert len(list(clean.glob("*.md"))) == COUNT

    out = tmp_path / "out"
    process = convert(seeds, out)
    deadline = time.monotonic() + 300
    while process.poll() is None and time.monotonic() < deadline:
        # Kill once writing has begun: some articles are written, most are not.
        if out.is_dir() and sum(n.endswith(".md") for n in os.listdir(out)) >= 20:
            process.send_signal(signal.SIGKILL)
            break
        time.sleep(0.001)
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL, "the converter finished before it was killed"

    written = list(out.glob("*.md"))
    assert 20 <= len(written) < COUNT
    for path in written:
        text = path.read_text(encoding="utf-8")
        assert is_hand_edited(text) is False, f"{path.name} is incomplete"
        front = yaml.safe_load(text.split("---\n")[1])
        assert front["title"].startswith("Story ")

    rerun = convert(seeds, out)
    assert rerun.wait(timeout=300) == 0, rerun.stderr.read()
    assert contents(out) == contents(clean)


def test_temporary_files_of_a_killed_run_are_removed(tmp_path):
    seeds = many_articles(tmp_path / "seeds", 2)
    out = tmp_path / "out"
    out.mkdir()
    left = [out / ".story-0-x.md.k2j4h9.tmp", out / ".gone.md.abcdef.tmp"]
    keep = [out / ".keep", out / "notes.tmp", out / ".notes.txt.abc.tmp"]
    for path in (*left, *keep):
        path.write_text("partial", encoding="utf-8")
    convert_folder(seeds, out)
    assert not any(p.exists() for p in left)
    assert all(p.exists() for p in keep)
    assert len(list(out.glob("*.md"))) == 2
