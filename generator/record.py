"""The typed record that carries one document's results from analysis to its page.

Every stage fills its part of a :class:`Record`; nothing downstream re-parses text that an
earlier stage already understood. Offsets are Python ``str`` indices into ``Record.text``,
end exclusive.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from .sources import passthrough


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int


@dataclass(slots=True)
class DateMention:
    """A date expression with its TIMEX3-style value (``2023-03-20``, ``XXXX-03-20``, ...)."""

    text: str
    start: int
    end: int
    value: str
    sentence: str = ""


@dataclass(slots=True)
class Participant:
    """A person; ``role`` is what the text says they are, or None when it says nothing."""

    name: str
    role: str | None
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class Entity:
    """A place or an organization."""

    name: str
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class Analysis:
    """What the NLP stages found in one text (the ``analyze`` command's output)."""

    title: str
    summary: list[Mention]
    dates: list[DateMention]
    key_dates: list[DateMention]
    participants: list[Participant]
    places: list[Entity]
    organizations: list[Entity]
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        return cls(
            title=data["title"],
            summary=[Mention(**m) for m in data["summary"]],
            dates=[DateMention(**d) for d in data["dates"]],
            key_dates=[DateMention(**d) for d in data["key_dates"]],
            participants=[
                Participant(p["name"], p["role"], [Mention(**m) for m in p["mentions"]])
                for p in data["participants"]
            ],
            places=[
                Entity(e["name"], [Mention(**m) for m in e["mentions"]]) for e in data["places"]
            ],
            organizations=[
                Entity(e["name"], [Mention(**m) for m in e["mentions"]])
                for e in data["organizations"]
            ],
            notes=list(data.get("notes", [])),
        )


@dataclass(slots=True)
class Record:
    """One document, analysed and with its author's values applied: what its page shows."""

    source: str
    slug: str
    title: str
    date: str | None
    text: str
    summary: list[str]
    summary_spans: list[Mention]
    dates: list[DateMention]
    key_dates: list[DateMention]
    participants: list[Participant]
    places: list[Entity]
    organizations: list[Entity]
    notes: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    authored: set[str] = field(default_factory=set)  # fields the author's values replaced

    @property
    def description(self) -> str:
        return " ".join(self.summary)

    def front_matter(self) -> dict[str, Any]:
        """The page's YAML front matter (plain data, for a real YAML emitter)."""
        meta: dict[str, Any] = passthrough.page_meta(self.extra)
        meta.update(
            title=self.title,
            description=self.description,
            summary=list(self.summary),
            date=dt.date.fromisoformat(self.date) if self.date else None,
            dates=[
                {"text": d.text, "value": d.value, "sentence": d.sentence} for d in self.key_dates
            ],
            participants=[{"name": p.name, "role": p.role} for p in self.participants],
            places=[e.name for e in self.places],
            organizations=[e.name for e in self.organizations],
            tags=list(self.tags),
            source=self.source,
        )
        if self.date is None:
            del meta["date"]
        return meta
