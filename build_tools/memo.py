"""The converter's last run, remembered, so that a run with nothing to do does nothing.

A run whose every input, sidecar, manifest and output file has the ``stat`` signature the last
run left it with (see :mod:`.outputs`), and whose settings (registry, taxonomy, NER backend,
size limit, the converter's own code) are the same, would read, extract and render what the
last run did and write nothing: the run is skipped and its report is the last one's, every
article unchanged. Any difference at all, a new input or a touched output, and the run is made
in full, with the extraction cache (:mod:`.cache`) sparing the unchanged inputs.

At 10,000 inputs a full unchanged run reads every input and output and the 36 MB cache;
this reads one small file and ``stat`` s the folders.

The memo is one JSON file in the output folder (``.news-run.json``; Sphinx skips dot files).
It is only a speed-up: a missing, unreadable or foreign file makes the run a full one.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .files import read_json, write_atomic
from .outputs import Signature, signature

MEMO_NAME = ".news-run.json"
FORMAT = 1


@dataclass(frozen=True)
class State:
    """What a run is made from, as signatures: equal states make equal runs."""

    key: str  #: the settings and the converter's code, as one digest
    inputs: dict[str, Signature]  #: every visible file of the input folder, by relative path
    outputs: dict[str, Signature]  #: every article file of the output folder, by name

    def as_json(self) -> dict[str, Any]:
        return {"key": self.key, "inputs": self.inputs, "outputs": self.outputs}


def folder_signatures(folder: Path, skip: frozenset[str]) -> dict[str, Signature]:
    """Every entry of *folder* (not below it) but *skip*, by name: hidden temporaries and a
    user's own files too, since any of them changes what a run does."""
    if not folder.is_dir():
        return {}
    with os.scandir(folder) as entries:
        return {e.name: signature(e) for e in entries if e.name not in skip}


def _same(state: State, data: dict[str, Any]) -> bool:
    def signed(found: Any) -> dict[str, tuple[int, ...]] | None:
        if not isinstance(found, dict):
            return None
        return {k: tuple(v) for k, v in found.items() if isinstance(v, list)}

    return (data.get("key") == state.key and signed(data.get("inputs")) == state.inputs
            and signed(data.get("outputs")) == state.outputs)


def last_report(folder: Path, state: State) -> dict[str, Any] | None:
    """The last run's report (as ``Report.to_json`` gave it) if it ran from *state*."""
    data = read_json(folder / MEMO_NAME)
    if (not isinstance(data, dict) or data.get("format") != FORMAT
            or not isinstance(data.get("report"), dict) or not _same(state, data)):
        return None
    return data["report"]


def remember(folder: Path, state: State, report: dict[str, Any]) -> None:
    write_atomic(folder / MEMO_NAME, json.dumps(
        {"format": FORMAT, **state.as_json(), "report": report},
        ensure_ascii=False, separators=(",", ":"), sort_keys=True))


def forget(folder: Path) -> None:
    """Drop the memo: written before a run changes the output folder, so that a run stopped
    half-way never leaves a memo of the state before it."""
    (folder / MEMO_NAME).unlink(missing_ok=True)
