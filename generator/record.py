"""The typed record that carries one document's results from analysis to its page.

Every stage fills its part of a :class:`Record`; nothing downstream re-parses text that an
earlier stage already understood. Offsets are Python ``str`` indices into ``Record.text``,
end exclusive.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


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
            places=[Entity(e["name"], [Mention(**m) for m in e["mentions"]]) for e in data["places"]],
            organizations=[
                Entity(e["name"], [Mention(**m) for m in e["mentions"]])
                for e in data["organizations"]
            ],
            notes=list(data.get("notes", [])),
        )
