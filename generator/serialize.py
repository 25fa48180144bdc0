"""Every shape a record or an analysis leaves the program in, each decided here once.

- the analysis cache's entries (:func:`cache_entry`, read back by :func:`analysis_from_entry`);
- the ``analyze`` command's JSON Lines (:func:`analyze_row`), a published contract;
- a document page's front matter (:func:`document_front_matter`), plain data that
  ``site.frontmatter.front_matter`` emits as YAML.

Field names and their order are part of each shape: cache entries are read back by this
module, the JSON Lines by other programs, the front matter by themes, feeds and search. A
change to a cache entry's shape takes a new ``cache.FORMAT``; a change to the others is a
change of behaviour (tests/golden/ shows it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from .record import Analysis, DateMention, Entity, Mention, Participant, Record, Turn
from .sources import passthrough

# --- the parts every shape shares --------------------------------------------------------


def mention(m: Mention) -> dict[str, int]:
    return {"start": m.start, "end": m.end}


def mentions(items: Iterable[Mention]) -> list[dict[str, int]]:
    return [mention(m) for m in items]


def date_mention(d: DateMention, *, offsets: bool = True, sentence: bool = True) -> dict[str, Any]:
    """A date: its text, where it is (``offsets``), its value, the sentence it is in."""
    out: dict[str, Any] = {"text": d.text}
    if offsets:
        out.update(start=d.start, end=d.end)
    out["value"] = d.value
    if sentence:
        out["sentence"] = d.sentence
    return out


def person(p: Participant, *, with_mentions: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {"name": p.name, "role": p.role}
    if with_mentions:
        out["mentions"] = mentions(p.mentions)
    return out


def entity(e: Entity) -> dict[str, Any]:
    return {"name": e.name, "mentions": mentions(e.mentions)}


def turn(t: Turn) -> dict[str, Any]:
    return {
        "speaker": t.speaker,
        "interviewer": t.interviewer,
        "start": t.start,
        "end": t.end,
        "words": t.words,
    }


# --- the analysis cache ------------------------------------------------------------------


def analysis_data(analysis: Analysis) -> dict[str, Any]:
    """An analysis as plain data, every field (the cache keeps all of it)."""
    return {
        "title": analysis.title,
        "summary": mentions(analysis.summary),
        "dates": [date_mention(d) for d in analysis.dates],
        "key_dates": [date_mention(d) for d in analysis.key_dates],
        "participants": [person(p) for p in analysis.participants],
        "places": [entity(e) for e in analysis.places],
        "organizations": [entity(e) for e in analysis.organizations],
        "notes": list(analysis.notes),
        "turns": [turn(t) for t in analysis.turns],
    }


def cache_entry(key: str, analysis: Analysis) -> dict[str, Any]:
    """One cache file: the key it is stored under (checked on reading) and the analysis."""
    return {"key": key, "analysis": analysis_data(analysis)}


def analysis_from_entry(entry: object, key: str) -> Analysis | None:
    """The analysis of a cache file's content, or None when it is not a whole entry for
    ``key``: valid JSON of another shape (``[]``, ``42``, ``"start": "a"``) is a miss."""
    if not isinstance(entry, dict) or entry.get("key") != key:
        return None
    return analysis_from_data(entry.get("analysis"))


def analysis_from_data(data: object) -> Analysis | None:
    """The inverse of :func:`analysis_data`; None for data of any other shape."""
    if not _is_analysis(data):
        return None
    assert isinstance(data, dict)
    return Analysis(
        title=data["title"],
        summary=[_mention(m) for m in data["summary"]],
        dates=[_date(d) for d in data["dates"]],
        key_dates=[_date(d) for d in data["key_dates"]],
        participants=[
            Participant(p["name"], p["role"], [_mention(m) for m in p["mentions"]])
            for p in data["participants"]
        ],
        places=[_entity(e) for e in data["places"]],
        organizations=[_entity(e) for e in data["organizations"]],
        notes=list(data.get("notes", [])),
        turns=[
            Turn(t["speaker"], t["interviewer"], t["start"], t["end"], t["words"])
            for t in data.get("turns", [])
        ],
    )


def _mention(data: dict[str, Any]) -> Mention:
    return Mention(data["start"], data["end"])


def _date(data: dict[str, Any]) -> DateMention:
    return DateMention(
        data["text"], data["start"], data["end"], data["value"], data.get("sentence", "")
    )


def _entity(data: dict[str, Any]) -> Entity:
    return Entity(data["name"], [_mention(m) for m in data["mentions"]])


def _is_mention(value: object) -> bool:
    return (
        isinstance(value, dict)
        and all(type(value.get(k)) is int for k in ("start", "end"))
        and 0 <= value["start"] <= value["end"]
    )


def _list_of(value: object, check: Callable[[object], bool]) -> bool:
    return isinstance(value, list) and all(check(v) for v in value)


def _is_date(value: object) -> bool:
    return (
        isinstance(value, dict)
        and all(isinstance(value.get(k), str) for k in ("text", "value"))
        and isinstance(value.get("sentence", ""), str)
        and _is_mention(value)
    )


def _is_entity(value: object) -> bool:
    return (
        isinstance(value, dict)
        and isinstance(value.get("name"), str)
        and _list_of(value.get("mentions"), _is_mention)
    )


def _is_person(value: object) -> bool:
    return (
        _is_entity(value)
        and isinstance(value, dict)
        and (value.get("role") is None or isinstance(value.get("role"), str))
    )


def _is_turn(value: object) -> bool:
    return (
        _is_mention(value)
        and isinstance(value, dict)
        and isinstance(value.get("speaker"), str)
        and isinstance(value.get("interviewer"), bool)
        and type(value.get("words")) is int
        and value["start"] <= value["words"] <= value["end"]
    )


def _is_analysis(data: object) -> bool:
    return (
        isinstance(data, dict)
        and isinstance(data.get("title"), str)
        and _list_of(data.get("summary"), _is_mention)
        and _list_of(data.get("dates"), _is_date)
        and _list_of(data.get("key_dates"), _is_date)
        and _list_of(data.get("participants"), _is_person)
        and _list_of(data.get("places"), _is_entity)
        and _list_of(data.get("organizations"), _is_entity)
        and _list_of(data.get("notes", []), lambda n: isinstance(n, str))
        and _list_of(data.get("turns", []), _is_turn)
    )


# --- the `analyze` contract --------------------------------------------------------------


def analyze_row(doc_id: str, text: str, analysis: Analysis) -> dict[str, Any]:
    """One line of ``analyze``'s output: one object per input document. Published: fields
    are added at the end, never renamed, reordered or removed."""
    return {
        "id": doc_id,
        "title": analysis.title,
        "summary": [text[m.start : m.end] for m in analysis.summary],
        "dates": [date_mention(d, sentence=False) for d in analysis.dates],
        "participants": [person(p) for p in analysis.participants],
        "places": [entity(e) for e in analysis.places],
        "organizations": [entity(e) for e in analysis.organizations],
    }


# --- a document page's front matter ------------------------------------------------------


def document_front_matter(record: Record) -> dict[str, Any]:
    """A document page's front matter as plain data: the author's page keys (checked by
    ``passthrough``), then the project's own; ``date`` only when the document has one."""
    meta: dict[str, Any] = passthrough.page_meta(record.extra)
    meta.update(
        title=record.title,
        description=record.description,
        summary=list(record.summary),
    )
    if record.date is not None:
        meta["date"] = record.date
    meta.update(
        dates=[date_mention(d, offsets=False) for d in record.key_dates],
        participants=[person(p, with_mentions=False) for p in record.participants],
        places=[e.name for e in record.places],
        organizations=[e.name for e in record.organizations],
        tags=list(record.tags),
        source=record.source,
    )
    return meta
