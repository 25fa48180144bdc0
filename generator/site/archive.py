"""Views across the whole archive: people with their documents and companions, places and
organizations with their documents and people, the timeline."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from ..record import DateMention, Participant, Record

_DAY = re.compile(r"^(\d{4}|XXXX)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
_YEAR = re.compile(r"^(\d{4})$")
UNKNOWN_YEAR = "Year unknown"


@dataclass
class Person:
    name: str
    slug: str
    roles: Counter[str] = field(default_factory=Counter)
    records: list[Record] = field(default_factory=list)
    companions: Counter[str] = field(default_factory=Counter)
    dates: list[tuple[DateMention, Record]] = field(default_factory=list)


@dataclass
class Named:
    """A place or an organization across the archive: its documents (newest first), the
    people who appear in them, and their key dates."""

    name: str
    slug: str
    records: list[Record] = field(default_factory=list)
    people: Counter[str] = field(default_factory=Counter)
    dates: list[tuple[DateMention, Record]] = field(default_factory=list)


# Slugs no place or organization gets in its folder: the folder's index, and the folder of
# the A-Z pages (``places/a-z/b.md``), which a place called "A-Z" would sit beside.
ENTITY_RESERVED = frozenset({"index", "a-z"})
ENTITY_KINDS = ("places", "organizations")
# A place or organization gets a page once two documents name it (as a tag is listed and a
# feed written): the page of a name of one document would repeat that document's page, and
# the pages of every such name would nearly double a build (bench --docs 1000: 3,313 pages
# beside 4,055, +78 % warm build time). The indexes list every name, with its latest document.
ENTITY_MIN_DOCUMENTS = 2


@dataclass
class Event:
    """A dated moment of one document, for the timeline."""

    value: str
    label: str
    sentence: str
    record: Record

    @property
    def group(self) -> tuple[str, str]:
        """(year, month label); year-less dates share the UNKNOWN_YEAR group."""
        year, _, month = self.value.partition("-")
        month = month[:2]
        month_name = (
            calendar.month_name[int(month)] if month.isdigit() and 1 <= int(month) <= 12 else ""
        )
        return (UNKNOWN_YEAR if year == "XXXX" else year, month_name)


_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_PART = re.compile(r"^(\d{4}|XXXX)-(SP|SU|FA|WI|Q[1-4]|H[12])$")
_YEARLESS_MONTH = re.compile(r"^XXXX-(0[1-9]|1[0-2])$")
# A day with a part of it: "2019-08-19TMO" is the morning of that day.
_DAY_PART = re.compile(r"^(.+)T(MO|AF|EV|NI)$")
_DAY_PARTS = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night"}
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")
_PARTS = {
    "SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter",
    "Q1": "first quarter of", "Q2": "second quarter of", "Q3": "third quarter of",
    "Q4": "fourth quarter of", "H1": "first half of", "H2": "second half of",
}  # fmt: skip
_REFS = {"PRESENT_REF": "now", "PAST_REF": "the past", "FUTURE_REF": "the future"}


def date_label(value: str) -> str:
    """A date value as a reader says it; a year-less date says so instead of guessing.
    Never a raw ISO value: a week is "week of 19 October 2020" (its Monday)."""
    if m := _DAY.match(value):
        year, month, day = m.groups()
        if not 1 <= int(month) <= 12:
            return value
        text = f"{calendar.month_name[int(month)]} {int(day)}"
        return f"{text} (year unknown)" if year == "XXXX" else f"{text}, {year}"
    if m := _MONTH.match(value):
        year, month = m.groups()
        return f"{calendar.month_name[int(month)]} {year}" if 1 <= int(month) <= 12 else value
    if m := _WEEK.match(value):
        year, week, weekend = m.groups()
        try:
            day = dt.date.fromisocalendar(int(year), int(week), 6 if weekend else 1)
        except ValueError:
            return value
        return f"{'weekend' if weekend else 'week'} of {_day_first(day)}"
    if m := _PART.match(value):
        year, part = m.groups()
        return f"{_PARTS[part]} (year unknown)" if year == "XXXX" else f"{_PARTS[part]} {year}"
    if m := _YEARLESS_MONTH.match(value):
        return f"{calendar.month_name[int(m.group(1))]} (year unknown)"
    if (m := _DAY_PART.match(value)) and _DAY.match(m.group(1)):
        return f"the {_DAY_PARTS[m.group(2)]} of {date_label(m.group(1))}"
    if m := _DECADE.match(value):
        return f"the {m.group(1)}0s"
    if m := _CENTURY.match(value):
        return f"the {m.group(1)}00s"
    return _REFS.get(value, value)


def _day_first(day: dt.date) -> str:
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"


def date_forms(value: str) -> list[str]:
    """The other ways readers write a date, for search: "11 October 2019" and "2019-10-11"
    beside the label "October 11, 2019"; "11 October" for a year-less day; the days of a
    week as "19 October 2020"... for "week of 19 October 2020" ("October 19, 2020")."""
    if m := _DAY.match(value):
        year, month, day = m.groups()
        if not 1 <= int(month) <= 12:
            return []
        name = calendar.month_name[int(month)]
        if year == "XXXX":
            return [f"{int(day)} {name}"]
        return [f"{int(day)} {name} {year}", value]
    if m := _WEEK.match(value):
        year, week, weekend = m.groups()
        try:
            day = dt.date.fromisocalendar(int(year), int(week), 6 if weekend else 1)
        except ValueError:
            return []
        return [f"{calendar.month_name[day.month]} {day.day}, {day.year}"]
    return []


def is_calendar_date(value: str) -> bool:
    """A day, month or year that has a place on a timeline (not 'now' or a week number)."""
    return bool(_DAY.match(value) or _MONTH.match(value) or _YEAR.match(value))


def sort_key(value: str) -> tuple[int, str]:
    """Known years first, in order; then year-less dates by month and day."""
    return (1, value[5:]) if value.startswith("XXXX") else (0, value)


def by_date_desc(records: list[Record]) -> list[Record]:
    dated = sorted((r for r in records if r.date), key=lambda r: (r.date, r.title), reverse=True)
    undated = sorted((r for r in records if not r.date), key=lambda r: r.title.casefold())
    return dated + undated


def timeline(records: list[Record]) -> list[Event]:
    """Every dated event of the archive in date order, one per document and value."""
    events = []
    for record in records:
        seen = set()
        for mention in record.dates:
            if is_calendar_date(mention.value) and mention.value not in seen:
                seen.add(mention.value)
                events.append(
                    Event(mention.value, date_label(mention.value), mention.sentence, record)
                )
    events.sort(
        key=lambda e: (
            sort_key(e.value),
            e.record.date.isoformat() if e.record.date else "",
            e.record.title,
        )
    )
    return events


def unique_slug(name: str, slugify: Callable[[str], str], taken: set[str]) -> str:
    """``name``'s slug, numbered (``-2``, ``-3``...) past the slugs ``taken`` in the same
    folder, and taken from now on: two names never share a page."""
    slug = base = slugify(name)
    n = 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    taken.add(slug)
    return slug


def people(records: list[Record], slugify) -> dict[str, Person]:  # noqa: ANN001
    """Everyone the archive mentions, by canonical name."""
    index: dict[str, Person] = {}
    taken: set[str] = {"index"}  # participants/index.md is the People index
    for record in by_date_desc(records):
        names = [p.name for p in record.participants]
        for participant in record.participants:
            person = index.get(participant.name)
            if person is None:
                slug = unique_slug(participant.name, slugify, taken)
                person = index[participant.name] = Person(participant.name, slug)
            if participant.role:
                person.roles[participant.role] += 1
            person.records.append(record)
            person.companions.update(n for n in names if n != participant.name)
            person.dates.extend((d, record) for d in _dates_near(record, participant))
    return index


def bound_people(index: dict[str, Person], limit: int) -> tuple[dict[str, Person], list[Person]]:
    """(people with a page, people without) when at most ``limit`` get one: those in the
    most documents, then the most mentioned, then by name (casefolded, then as written), so
    the same archive always leaves out the same people. The kept keep their order and slugs."""
    if len(index) <= limit:
        return index, []
    mentions: Counter[str] = Counter()
    for person in index.values():
        for record in {id(r): r for r in person.records}.values():
            mentions[person.name] += sum(
                len(p.mentions) for p in record.participants if p.name == person.name
            )
    ranked = sorted(
        index.values(),
        key=lambda p: (-len(p.records), -mentions[p.name], p.name.casefold(), p.name),
    )
    kept = {p.name for p in ranked[: max(0, limit)]}
    return (
        {name: person for name, person in index.items() if name in kept},
        ranked[max(0, limit) :],
    )


def entities(records: list[Record], kind: str, slugify) -> dict[str, Named]:  # noqa: ANN001
    """Every place (``kind="places"``) or organization (``"organizations"``) the archive
    names, by name as the archive spells it; slugs as people get theirs (`unique_slug`), in
    a folder of their own kind, so no two collide. A blank name gets no page."""
    if kind not in ENTITY_KINDS:
        raise ValueError(f"not a kind of entity: {kind!r}")
    index: dict[str, Named] = {}
    taken = set(ENTITY_RESERVED)
    for record in by_date_desc(records):
        names = [e.name for e in getattr(record, kind) if e.name.strip()]
        if not names:
            continue
        people = list(dict.fromkeys(p.name for p in record.participants))
        # A document's key dates once each (by value), as its own page lists them.
        dates: dict[str, DateMention] = {}
        for mention in record.key_dates:
            if is_calendar_date(mention.value):
                dates.setdefault(mention.value, mention)
        for name in dict.fromkeys(names):
            entity = index.get(name)
            if entity is None:
                entity = index[name] = Named(name, unique_slug(name, slugify, taken))
            entity.records.append(record)
            entity.people.update(people)
            entity.dates.extend((d, record) for d in dates.values())
    return index


def _dates_near(record: Record, person: Participant) -> list[DateMention]:
    """Dates stated in the same sentence as one of the person's mentions."""
    found = []
    for mention in record.dates:
        if not is_calendar_date(mention.value):
            continue
        if not mention.sentence:
            continue
        sentence_start = record.text.find(
            mention.sentence, max(0, mention.end - len(mention.sentence))
        )
        if sentence_start < 0 or sentence_start > mention.start:
            continue
        sentence_end = sentence_start + len(mention.sentence)
        if any(sentence_start <= m.start < sentence_end for m in person.mentions):
            found.append(mention)
    return found
