"""`evaluate facts`: the guidelines' scoring, and a real build of a sources folder."""

from __future__ import annotations

import io
import json
import shutil

import pytest

from generator.evaluation import facts
from tests.conftest import SEED

GOLD = {
    "id": "doc",
    "people": [
        {"name": "Recep Tayyip Erdoğan", "aliases": ["Erdogan"], "role": "President of Turkey"},
        {"name": "Jane Roe", "aliases": ["Roe"], "role": "fashion designer"},
        {"name": "John Doe", "aliases": [], "role": None},
    ],
    "places": [{"name": "United States", "aliases": ["US", "U.S."]}],
    "organizations": [{"name": "National Hurricane Center", "aliases": ["NHC"]}],
    "dates": [
        {"text": "March 20", "value": "2019-03-20"},
        {"text": "now", "value": "PRESENT_REF"},
    ],
}


def test_names_compare_as_the_guidelines_say() -> None:
    assert facts.norm("Erdoğan's") == "erdogan"
    assert facts.norm("The U.S.") == "u s"
    assert facts.norm("  the   Kremlin ") == "kremlin"


def test_roles_compare_on_content_words() -> None:
    assert facts.role_matches("Turkish President", "President")
    assert facts.role_matches("president of Turkey", "President of Turkey")
    assert not facts.role_matches("designer", "chief executive")
    assert not facts.role_matches("", "designer")


def test_a_page_is_scored_fact_by_fact() -> None:
    published = {
        "people": [
            {"name": "Erdogan", "role": "President of Turkey"},  # right, role right
            {"name": "Recep Tayyip Erdogan", "role": None},  # the same person again: wrong
            {"name": "Jane Roe", "role": None},  # right, role missing
            {"name": "John Doe", "role": "mayor"},  # right, a role the gold has not: wrong
            {"name": "App Store", "role": None},  # not a person: wrong
        ],
        "places": ["U.S.", "UTC"],  # right, wrong
        "organizations": [],  # NHC missing
        "dates": ["2019-03-20", "2019-03-22", "PRESENT_REF"],  # right, wrong, left out
    }
    score = facts.score_document(GOLD, published)
    assert (score.kinds["people"].tp, score.kinds["people"].listed) == (3, 5)
    assert (score.kinds["places"].tp, score.kinds["places"].listed) == (1, 2)
    assert (score.kinds["organizations"].tp, score.kinds["organizations"].gold) == (0, 1)
    assert (score.dates.tp, score.dates.listed, score.dates.gold) == (1, 2, 1)
    assert (score.roles_right, score.roles_given, score.roles_gold) == (1, 2, 2)
    # 2 wrong people + 1 wrong place + 1 wrong role + 1 wrong date
    assert score.wrong == 5
    assert any(e.startswith("twice:") for e in score.errors)
    assert "missing organizations: 'National Hurricane Center'" in score.errors
    out = io.StringIO()
    facts.report([score], show_errors=True, out=out)
    text = out.getvalue()
    assert "people         P 0.600  R 1.000" in text
    assert "wrong facts per document: 5.00" in text
    assert "documents without a wrong fact: 0 of 1" in text


@pytest.mark.slow
def test_the_seed_scores_from_its_published_page(tmp_path, capsys) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(SEED, sources / "seed.txt")
    gold = {
        "id": "seed",
        "people": [
            {"name": "Vladimir Putin", "aliases": ["Putin"], "role": "Russian President"},
            {"name": "Xi Jinping", "aliases": ["Xi"], "role": "Chinese President"},
            {"name": "Mikhail Mishustin", "aliases": [], "role": "Russian Prime Minister"},
        ],
        "places": [
            {"name": n, "aliases": []}
            for n in ("Grand Kremlin Palace", "Russia", "Beijing", "Moscow", "Ukraine")
        ],
        "organizations": [{"name": "Kremlin", "aliases": []}],
        "dates": [
            {"text": "March 20", "value": "XXXX-03-20"},
            {"text": "March 21", "value": "XXXX-03-21"},
        ],
    }
    (tmp_path / "gold.jsonl").write_text(json.dumps(gold) + "\n", encoding="utf-8")
    rc = facts.main(
        [str(tmp_path / "gold.jsonl"), str(sources), "--cache-dir", "", "--processes", "1"]
    )
    out = capsys.readouterr().out
    assert rc == 0
    assert "people         P 1.000  R 1.000" in out
    assert "roles          recall 1.000  precision 1.000" in out
    assert "date values    P 1.000  R 1.000" in out
    assert "wrong facts per document: 0.00" in out
