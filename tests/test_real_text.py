"""The archive built from real wire copy (../shared/corpus): the 1987 stories' labelled people
have pages, and the hand-labelled 2007 set holds its floors. Skipped where the corpus is not
beside the checkout (CI has it)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
import yaml

from build_tools.convert import convert_folder
from build_tools.evaluate import evaluate, load_codes, names_subject
from build_tools.extract.registry import load_registry, load_taxonomy
from build_tools.extract.spans import fold
from conftest import REPO

CORPUS = REPO.parent / "shared" / "corpus"
DATA = Path(__file__).parent / "data"
pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def archive_1987(tmp_path_factory) -> dict[str, dict]:
    """File -> front matter of the 300 stories of 1987, converted as ``make html`` would."""
    if not (CORPUS / "reuters-21578" / "labels.json").is_file():
        pytest.skip("the Reuters-21578 stories are not in ../shared/corpus")
    out = tmp_path_factory.mktemp("r21578")
    convert_folder(CORPUS / "reuters-21578", out, registry=load_registry(REPO / "entities.yaml"),
                   rules=load_taxonomy(REPO / "tags.yaml"), jobs=2)
    pages = {}
    for path in out.glob("*.md"):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
        pages[meta["source"]["file"]] = meta
    return pages


def test_the_people_the_1987_labels_name_have_pages(archive_1987):
    """Every labelled person the story prints is on the article under a name with a page: the
    full name (``Ronald Reagan``, joined across the archive from ``President Reagan``), or
    ``Surname, Title`` where no article prints a full name."""
    labels = json.loads((CORPUS / "reuters-21578" / "labels.json").read_text(encoding="utf-8"))
    table = load_codes(DATA / "r21578-codes.yaml")["people"]
    found = missed = 0
    pages: Counter[str] = Counter()
    for file, story in labels.items():
        text = (CORPUS / "reuters-21578" / file).read_text(encoding="utf-8")
        people = archive_1987[file]["people"]
        pages.update(people)
        for code in story["people"]:
            subject = table[code]
            if not names_subject(text, subject):
                continue
            paged = [p for p in people if len(p.split()) >= 2 and (
                fold(p) == fold(subject.name) or fold(p).startswith(fold(subject.surname) + ","))]
            found, missed = (found + 1, missed) if paged else (found, missed + 1)
    assert found / (found + missed) >= 0.90, (found, missed)
    for person in ("Ronald Reagan", "James Baker", "Paul Volcker", "Yasuhiro Nakasone"):
        assert pages[person] >= 5, (person, pages[person])
    assert not [p for p in pages if len(p.split()) == 1 and p in ("Reagan", "Baker", "Volcker")]


#: The 30 articles of 2007 labelled by hand, blind to the extractor (tests/data/eval-2007): the
#: issue's floors (measured: people 0.974, places 0.976, organisations 0.859; README, "Quality
#: on real text").
REAL_2007_FLOORS = {"people": 0.95, "places": 0.90, "organizations": 0.85}


@pytest.mark.parametrize("kind", sorted(REAL_2007_FLOORS))
def test_hand_labelled_2007_set_holds_its_floors(kind):
    if not (CORPUS / "reuters-2007").is_dir():
        pytest.skip("the 2007 articles are not in ../shared/corpus")
    scores, _ = evaluate(DATA / "eval-2007", load_registry(REPO / "entities.yaml"))
    assert scores[kind].f1 >= REAL_2007_FLOORS[kind], f"{kind}: F1 {scores[kind].f1:.3f}"
