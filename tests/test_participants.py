"""People, places and organizations with the real spaCy model (loaded once), and identities."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.evaluation.participants import distinct_names, is_table_like, main
from generator.identities import resolve
from generator.nlp import load_model
from generator.participants import find_participants

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_784cf20fb6785547.txt"
DEV = ROOT.parent / "shared" / "eval" / "participants" / "dev.jsonl"


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def people_of(nlp, text):
    people, places, orgs = find_participants(nlp(text))
    return people, places, orgs


def by_name(people):
    return {p.name: p for p in people}


def test_seed_people_roles_places_orgs(nlp):
    text = SEED.read_text(encoding="utf-8")
    people, places, orgs = people_of(nlp, text)
    assert {(p.name, p.role) for p in people} == {
        ("Vladimir Putin", "Russian President"),
        ("Xi Jinping", "Chinese President"),
        ("Mikhail Mishustin", "Russian Prime Minister"),
    }
    assert {"Russia", "Moscow", "Beijing"} <= {e.name for e in places}
    assert "Kremlin" in {e.name for e in orgs}
    found = by_name(people)
    # "Putin" and "Xi" alone join the full names; every mention points at the text.
    for person in people:
        for m in person.mentions:
            assert text[m.start : m.end] in person.name or person.name.endswith(
                text[m.start : m.end]
            )
    assert any(text[m.start : m.end] == "Putin" for m in found["Vladimir Putin"].mentions)
    assert any(text[m.start : m.end] == "Xi" for m in found["Xi Jinping"].mentions)


def test_two_smiths_stay_apart(nlp):
    people, _, _ = people_of(
        nlp,
        "John Smith met reporters on Monday. Mary Smith, his sister, stayed home. "
        "Smith said the talks went well.",
    )
    names = by_name(people)
    assert {"John Smith", "Mary Smith"} <= set(names)
    assert "Smith" not in names or len(names["Smith"].mentions) == 1
    spans = [(m.start, m.end) for p in people for m in p.mentions]
    assert len(spans) == len(set(spans)) == 3  # each mention belongs to exactly one person


def test_role_from_apposition_and_who_is(nlp):
    people, _, _ = people_of(
        nlp, "Jane Doe, the company's chief executive, said profits rose. Doe added more."
    )
    doe = by_name(people)["Jane Doe"]
    assert doe.role == "company's chief executive"
    assert len(doe.mentions) == 2
    text = "Peter Brown, who is the mayor of Springfield, opened the bridge."
    people, _, _ = people_of(nlp, text)
    assert by_name(people)["Peter Brown"].role == "mayor of Springfield"


def test_no_role_when_text_gives_none(nlp):
    text = "Anna Kowalski arrived in Warsaw on Tuesday and visited a museum."
    people, places, _ = people_of(nlp, text)
    assert [(p.name, p.role) for p in people] == [("Anna Kowalski", None)]
    assert "Warsaw" in {e.name for e in places}


def test_title_and_demonym_trimmed_possessive_dropped(nlp):
    people, _, _ = people_of(nlp, "Defender Paul Smith scored twice. Smith was pleased.")
    assert [(p.name, p.role, len(p.mentions)) for p in people] == [("Paul Smith", "Defender", 2)]
    text = "Russian Vladimir Putin met German Chancellor Angela Merkel. Putin's aides said little."
    people, _, _ = people_of(nlp, text)
    names = by_name(people)
    assert set(names) == {"Vladimir Putin", "Angela Merkel"}
    assert names["Angela Merkel"].role == "German Chancellor"
    assert names["Vladimir Putin"].role is None  # a demonym alone is not a role
    putin = {text[m.start : m.end] for m in names["Vladimir Putin"].mentions}
    assert putin == {"Vladimir Putin", "Putin"}


def test_headline_and_results_table(nlp):
    text = (
        "ATHLETICS - SMITH WINS IN BERLIN.\nBERLIN 1996-08-30\n"
        "Results of the women's 100 metres on Friday:\n"
        "1. Anna Kowalski (Poland) 11.02 seconds\n2. Maria Lopes (Portugal) 11.10\n"
        "3. Jane Smith (Britain) 11.15\n"
    )
    people, _, _ = people_of(nlp, text)
    names = by_name(people)
    assert {"Anna Kowalski", "Maria Lopes", "Jane Smith"} <= set(names)
    assert not {"Poland", "Portugal", "Britain", "Berlin"} & set(names)
    assert any(text[m.start : m.end] == "SMITH" for m in names["Jane Smith"].mentions)


def test_teams_in_standings_are_not_people(nlp):
    text = (
        "SOCCER - ENGLISH LEAGUE STANDINGS.\nLONDON 1996-08-30\n"
        "Standings (tabulate under played, won, drawn, lost, goals for, against, points):\n"
        "Barnsley 4 4 0 0 9 3 12\nWolverhampton 4 3 1 0 8 2 10\nOldham 4 0 1 3 2 9 1\n"
    )
    people, _, _ = people_of(nlp, text)
    assert not {"Barnsley", "Wolverhampton", "Oldham"} & {p.name for p in people}


def test_resolve_across_documents():
    docs = [
        ["Vladimir Putin", "Xi Jinping"],
        ["Putin", "Xi", "Mr. Smith"],
        ["John Smith", "Smith"],
        ["Mary Smith"],
        ["PUTIN", "Putin's", "Smith"],
        ["Vladimir Vladimirovich Putin"],
    ]
    out = resolve(docs, {"Vladimir Vladimirovich Putin": "Vladimir Putin"})
    assert out[1]["Putin"] == "Vladimir Putin"
    assert out[1]["Xi"] == "Xi Jinping"
    assert out[2]["Smith"] == "John Smith"  # the document itself says which Smith
    assert out[1]["Mr. Smith"] == "Smith"  # two Smiths in the archive: stays apart
    assert out[4]["Smith"] == "Smith"
    assert out[4]["PUTIN"] == out[4]["Putin's"] == "Vladimir Putin"
    assert out[5]["Vladimir Vladimirovich Putin"] == "Vladimir Putin"  # alias wins
    later = resolve([["Smith"], ["John Smith"]])
    assert later == [{"Smith": "John Smith"}, {"John Smith": "John Smith"}]


def test_alias_always_wins():
    out = resolve([["Putin"], ["Vladimir Putin"]], {"Putin": "President Putin"})
    assert out[0]["Putin"] == "President Putin"


def test_resolve_places_and_orgs():
    out = resolve([["Moscow", "Kremlin"], ["the Kremlin", "Moscow"]])
    assert out[0]["Moscow"] == out[1]["Moscow"] == "Moscow"


def test_scoring_rules_reproduce_gold_names():
    if not DEV.exists():
        pytest.skip("shared evaluation data not present")
    with DEV.open(encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh]
    agree = sum(
        distinct_names(p["text"] for p in d["persons"]) == {n.casefold() for n in d["person_names"]}
        for d in docs
    )
    assert agree == len(docs)
    tables = sum(is_table_like(d["text"]) for d in docs)
    assert len(docs) / 4 < tables < len(docs) / 2  # "about a third" are results tables


def test_evaluation_command_runs(capsys):
    if not DEV.exists():
        pytest.skip("shared evaluation data not present")
    assert main([str(DEV), "--limit", "5"]) == 0
    out = capsys.readouterr().out
    assert "document all" in out and "docs/s" in out
