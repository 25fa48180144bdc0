"""The seed article through the real pipeline: people, roles, dates, summary."""

from __future__ import annotations

import json

import pytest

from generator.pipeline.analysis import Settings, analyze

from .sites import run_generator


def test_seed_people_and_roles_exactly(nlp, seed_text):
    analysis = analyze(seed_text, None, Settings())
    people = {(p.name, p.role) for p in analysis.participants}
    assert people == {
        ("Vladimir Putin", "Russian President"),
        ("Xi Jinping", "Chinese President"),
        ("Mikhail Mishustin", "Russian Prime Minister"),
    }


def test_seed_merges_short_mentions(nlp, seed_text):
    analysis = analyze(seed_text, None, Settings())
    xi = next(p for p in analysis.participants if p.name == "Xi Jinping")
    texts = {seed_text[m.start : m.end] for m in xi.mentions}
    assert texts == {"Xi Jinping", "Xi"}
    putin = next(p for p in analysis.participants if p.name == "Vladimir Putin")
    assert "Putin" in {seed_text[m.start : m.end] for m in putin.mentions}


def test_seed_dates_never_invent_a_year(nlp, seed_text):
    analysis = analyze(seed_text, None, Settings())
    values = {d.value for d in analysis.dates}
    assert {"XXXX-03-20", "XXXX-03-21"} <= values
    assert not any(v[:4].isdigit() for v in values if v.endswith(("-03-20", "-03-21")))
    for d in analysis.dates:
        assert seed_text[d.start : d.end] == d.text


def test_seed_dates_resolve_against_a_document_date(nlp, seed_text):
    import datetime as dt

    analysis = analyze(seed_text, dt.date(2023, 3, 22), Settings())
    values = {d.value for d in analysis.dates}
    assert {"2023-03-20", "2023-03-21"} <= values


def test_seed_summary_is_sentences_in_order(nlp, seed_text):
    analysis = analyze(seed_text, None, Settings(sentences=2))
    assert len(analysis.summary) == 2
    assert analysis.summary == sorted(analysis.summary, key=lambda m: m.start)
    assert len(analysis.title) <= 80


@pytest.mark.model  # the command loads it in a child process
def test_analyze_command_contract(tmp_path, seed_text):
    rows = [
        {"id": "seed", "text": seed_text},
        {"id": "dated", "text": seed_text, "date": "2023-03-22"},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = run_generator("analyze", "--sentences", "2", str(path)).stdout
    results = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in results] == ["seed", "dated"]
    for result in results:
        assert set(result) == {
            "id",
            "title",
            "summary",
            "dates",
            "participants",
            "places",
            "organizations",
        }
        assert len(result["summary"]) == 2
        assert all(sentence in seed_text for sentence in result["summary"])
        for d in result["dates"]:
            assert seed_text[d["start"] : d["end"]] == d["text"]
        for group in ("participants", "places", "organizations"):
            for item in result[group]:
                for m in item["mentions"]:
                    assert 0 <= m["start"] < m["end"] <= len(seed_text)
    assert "XXXX-03-20" in {d["value"] for d in results[0]["dates"]}
    assert "2023-03-20" in {d["value"] for d in results[1]["dates"]}
    roles = {p["name"]: p["role"] for p in results[0]["participants"]}
    assert roles["Mikhail Mishustin"] == "Russian Prime Minister"


def test_generated_title_is_short_and_cut_between_phrases(nlp, seed_text):
    title = analyze(seed_text, None, Settings()).title
    assert len(title) <= 80
    assert title.endswith("…")
    stem = title.removesuffix("…")
    assert seed_text.startswith(stem), "the title is the lead sentence's opening"
    assert seed_text[len(stem)] == " ", "never cut mid-word"
    assert not stem.endswith(("Russian", "President", "the", "in"))
