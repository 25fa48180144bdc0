"""The three shapes of generator/serialize.py, without a model: the cache entry reads back as
the analysis it was written from, the `analyze` row and the front matter keep their fields
in their published order."""

from __future__ import annotations

import datetime as dt
import json

from generator import serialize
from generator.record import Analysis, DateMention, Entity, Mention, Participant, Record

TEXT = "Mayor Anna Berg met Carl Dahl in Oslo on 20 March 2023."


def _analysis() -> Analysis:
    return Analysis(
        title="Talks in Oslo",
        summary=[Mention(0, len(TEXT))],
        dates=[DateMention("20 March 2023", 41, 54, "2023-03-20", TEXT)],
        key_dates=[DateMention("20 March 2023", 41, 54, "2023-03-20", TEXT)],
        participants=[
            Participant("Anna Berg", "Mayor", [Mention(6, 15)]),
            Participant("Carl Dahl", None, [Mention(20, 29)]),
        ],
        places=[Entity("Oslo", [Mention(33, 37)])],
        organizations=[],
        notes=["a note"],
    )


def test_a_cache_entry_reads_back_as_its_analysis() -> None:
    entry = json.loads(json.dumps(serialize.cache_entry("k", _analysis())))
    assert serialize.analysis_from_entry(entry, "k") == _analysis()
    assert serialize.analysis_from_entry(entry, "another key") is None


def test_a_cache_entry_without_notes_or_sentences_still_reads() -> None:
    # Entries written before notes and sentences existed hold neither.
    entry = serialize.cache_entry("k", _analysis())
    del entry["analysis"]["notes"]
    for d in entry["analysis"]["dates"]:
        del d["sentence"]
    analysis = serialize.analysis_from_entry(entry, "k")
    assert analysis is not None and analysis.notes == [] and analysis.dates[0].sentence == ""


def test_the_analyze_row_keeps_its_published_fields_and_order() -> None:
    row = serialize.analyze_row("doc-1", TEXT, _analysis())
    assert list(row) == [
        "id",
        "title",
        "summary",
        "dates",
        "participants",
        "places",
        "organizations",
    ]
    assert row["summary"] == [TEXT]
    assert row["dates"] == [
        {"text": "20 March 2023", "start": 41, "end": 54, "value": "2023-03-20"}
    ]
    assert row["participants"][0] == {
        "name": "Anna Berg",
        "role": "Mayor",
        "mentions": [{"start": 6, "end": 15}],
    }


def _record(date: dt.date | None) -> Record:
    return Record(
        source="talks.txt",
        slug="talks",
        date=date,
        text=TEXT,
        analysis=_analysis(),
        summary=[TEXT],
        tags=["Anna Berg"],
        extra={"credit": "Wikinews", "rss": 5},
    )


def test_the_front_matter_keeps_its_fields_and_order() -> None:
    meta = serialize.document_front_matter(_record(dt.date(2023, 3, 22)))
    assert list(meta) == [
        "credit",
        "summaries_extra",
        "title",
        "description",
        "summary",
        "date",
        "dates",
        "participants",
        "places",
        "organizations",
        "tags",
        "source",
    ]
    assert type(meta["date"]) is dt.date  # YAML writes it unquoted, as feeds read it
    assert meta["dates"] == [{"text": "20 March 2023", "value": "2023-03-20", "sentence": TEXT}]
    assert meta["participants"][1] == {"name": "Carl Dahl", "role": None}
    assert "date" not in serialize.document_front_matter(_record(None))
