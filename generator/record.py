"""The typed record that carries one document's results from analysis to its page.

Every stage fills its part of a :class:`Record`; nothing downstream re-parses text that an
earlier stage already understood. Offsets are Python ``str`` indices into ``Record.text``,
end exclusive. How these leave the program (cache entries, the ``analyze`` JSON Lines, front
matter) is decided in :mod:`generator.serialize`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar, overload

T = TypeVar("T")


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


@dataclass(frozen=True, slots=True)
class Turn:
    """One speaker's turn in an interview (``nlp.turns``): its paragraphs run from ``start``
    (its speaker mark) to ``end``; its words begin at ``words`` (``start`` when the text gives
    it no mark). ``speaker`` is the name shown ("" when the text names no one)."""

    speaker: str
    interviewer: bool
    start: int
    end: int
    words: int


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
    # An interview's turns, in order; empty for any other text.
    turns: list[Turn] = field(default_factory=list)


class Shown(Generic[T]):
    """A field of a record's analysis read and set through the record, so that the analysis
    is held once (in ``Record.analysis``) while pages and templates keep saying
    ``record.participants``."""

    def __init__(self, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, record: None, owner: type) -> Shown[T]: ...
    @overload
    def __get__(self, record: Record, owner: type) -> T: ...
    def __get__(self, record: Record | None, owner: type) -> Shown[T] | T:
        if record is None:
            return self
        value: T = getattr(record.analysis, self.name)
        return value

    def __set__(self, record: Record, value: T) -> None:
        setattr(record.analysis, self.name, value)


@dataclass(slots=True)
class Record:
    """One document, analysed and with its author's values applied: what its page shows.

    Built from the source (``source``, ``slug``, ``date``, ``text``), its analysis and the
    author's values (``pipeline.records.make_record``). ``analysis`` is the analysis as the
    page shows it: the title chosen, the author's people, places and organizations in place
    of the extracted ones, and, after ``unify_names``, every name as the archive spells it.
    """

    source: str  # the file's path under the sources folder
    slug: str
    date: dt.date | None  # when it was published (its file name or front matter says)
    text: str
    analysis: Analysis
    # The summary's sentences: the author's, or the text under ``analysis.summary``.
    summary: list[str]
    # Every tag of the page: the author's, then each name (set by ``unify_names``).
    tags: list[str] = field(default_factory=list)
    # The author's tags as written, before the names join them.
    author_tags: list[str] = field(default_factory=list)
    # The author's other front matter keys, as ``sources.passthrough.check`` kept them.
    extra: dict[str, Any] = field(default_factory=dict)
    # The lists (participants, places, organizations) the author's values replaced.
    authored: set[str] = field(default_factory=set)

    title = Shown[str]("title")
    # Where the summary's sentences are in ``text``; empty when the author wrote the summary.
    summary_spans = Shown[list[Mention]]("summary")
    dates = Shown[list[DateMention]]("dates")
    key_dates = Shown[list[DateMention]]("key_dates")
    participants = Shown[list[Participant]]("participants")
    places = Shown[list[Entity]]("places")
    organizations = Shown[list[Entity]]("organizations")
    notes = Shown[list[str]]("notes")
    turns = Shown[list[Turn]]("turns")

    @property
    def description(self) -> str:
        return " ".join(self.summary)
