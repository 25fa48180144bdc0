"""Which records, people, events and tags go on which listing page.

A plan is ``[(uri, group label, items)]``: one page for a small archive, else pages of whole
groups (years, letters) of about a page's size, a heavy group split over numbered pages.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from ..nlp.vocabulary import entries
from ..nlp.vocabulary import words as _words
from ..record import Record
from ..sources import passthrough
from .archive import UNKNOWN_YEAR, Event, Person
from .urls import ARTICLES_URI, PEOPLE_URI, TAGS_URI, TIMELINE_URI, letter_name, numbered

Plan = list[tuple[str, str, list]]
# Key dates on a person's, place's or organization's page, x page_size: each runs to a
# sentence and a link (about 430 bytes of HTML); 4 x 100 of them made a place of 376
# documents a 265 KB page, past the 250 KB a page may weigh.
SUBJECT_DATES = 2
UNDATED = "Undated"

# A given name hyphenated in lower case ("Jong-un", "Wai-ching") follows an East Asian
# surname written first; a Western double name capitalises both halves ("Jean-Pierre").
_EAST_ASIAN_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")


def surname_first(words: list[str]) -> bool:
    """Whether a two-word name is written surname first ("Xi Jinping", "Kim Jong-un")."""
    return len(words) == 2 and (
        words[0] in entries("surname_first", stage="site")
        or _EAST_ASIAN_GIVEN.fullmatch(words[1]) is not None
    )


def sort_name(name: str) -> str:
    """The name as an index files it: surname first (``Biden, Joe``); lowercase particles
    stay with the surname (``de Blasio, Bill``); a one-word name, or one already written
    surname first (``Xi Jinping``), is itself. Generational suffixes are not the surname
    ("Martin Luther King Jr." files under K)."""
    words = name.split()
    while len(words) > 1 and words[-1].casefold() in _words("name_suffixes", stage="people"):
        words.pop()
    if len(words) <= 1 or surname_first(words):
        return name
    i = len(words) - 1
    while i > 1 and words[i - 1].islower():
        i -= 1
    return " ".join(words[i:]) + ", " + " ".join(words[:i])


def index_letter(key: str) -> str:
    """The A-Z letter a sort key files under (accents folded: Ö under O); ``#`` otherwise."""
    for char in unicodedata.normalize("NFKD", key):
        if char.isalnum():
            upper = char.upper()
            return upper if "A" <= upper <= "Z" else "#"
    return "#"


def chunks(items: list, size: int) -> list[list]:
    """``items`` in pages of at most ``size`` (one empty page for no items)."""
    size = max(1, size)
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]


def pack(
    uri: Callable[[str], str],
    groups: dict[str, list],
    size: int,
    weight: Callable[[Any], int],
    name: Callable[[str], str],
    alone: frozenset[str] = frozenset(),
) -> list[tuple[str, str, list]]:
    """Pages of a listing of ordered groups (letters, years), as [(uri, label, items)]:
    neighbouring groups share a page while their items weigh at most ``size`` ("A–C",
    "1990–1995"); a heavier group gets pages of its own, split between items ("S", pages
    1, 2, ...). ``uri`` makes a page's uri from its name; ``name`` a group's name."""
    plan: list[tuple[str, str, list]] = []
    run: list[tuple[str, list]] = []

    def flush() -> None:
        if not run:
            return
        first, last = sorted((run[0][0], run[-1][0]))
        label = first if first == last else f"{first}–{last}"
        stem = name(first) if first == last else f"{name(first)}-{name(last)}"
        plan.append((uri(stem), label, [item for _, items in run for item in items]))
        run.clear()

    for group, items in groups.items():
        total = sum(map(weight, items))
        if total > size or group in alone:
            flush()
            pages: list[list] = [[]]
            for item in items:
                if pages[-1] and sum(map(weight, pages[-1])) + weight(item) > size:
                    pages.append([])
                pages[-1].append(item)
            for n, chunk in enumerate(pages, start=1):
                plan.append((numbered(uri(name(group)), n), group, chunk))
            continue
        if run and sum(weight(i) for _, its in run for i in its) + total > size:
            flush()
        run.append((group, items))
    flush()
    return plan


def by_letters(letters: dict[str, list]) -> dict[str, list]:
    return dict(sorted(letters.items(), key=lambda kv: (kv[0] == "#", kv[0])))


def plan_articles(records: list[Record], page_size: int) -> Plan:
    """One page for a small archive, else the index plus a page per year (and per
    ``page_size`` documents of a year)."""
    if len(records) <= page_size:
        return [(ARTICLES_URI, "", records)]
    groups: dict[str, list[Record]] = {}
    for record in records:
        year = record.date.isoformat()[:4] if record.date else UNDATED
        groups.setdefault(year, []).append(record)
    return pack(
        lambda stem: f"articles/{stem}/index.md", groups, page_size, lambda _: 1,
        lambda year: "undated" if year == UNDATED else year, frozenset({UNDATED}),
    )


def plan_a_z(
    items: Iterable[Any],
    page_size: int,
    order: Callable[[Any], Any],
    filed_as: Callable[[Any], str],
    index_uri: str,
    folder: str,
) -> Plan:
    """An A-Z index: ``items`` by ``order`` on one page (``index_uri``) up to 4 x page_size,
    else pages of whole letters of ``filed_as`` (neighbouring small letters share one:
    "A-C") under ``folder/a-z/``."""
    ordered = sorted(items, key=order)
    size = 4 * page_size
    if len(ordered) <= size:
        return [(index_uri, "", ordered)]
    letters: dict[str, list[Any]] = {}
    for item in ordered:
        letters.setdefault(index_letter(filed_as(item)), []).append(item)
    return pack(
        lambda stem: f"{folder}/a-z/{stem}.md",
        by_letters(letters), size, lambda _: 1, letter_name,
    )  # fmt: skip


def plan_people(people: Iterable[Person], page_size: int) -> Plan:
    """People A-Z by sort name (`plan_a_z`)."""
    return plan_a_z(
        people,
        page_size,
        lambda p: (sort_name(p.name).casefold(), p.name),
        lambda p: sort_name(p.name),
        PEOPLE_URI,
        "participants",
    )


def plan_timeline(events: list[Event], page_size: int) -> Plan:
    size = 3 * page_size
    if len(events) <= size:
        return [(TIMELINE_URI, "", events)]
    years: dict[str, list[Event]] = {}
    for event in events:
        years.setdefault(event.group[0], []).append(event)
    return pack(
        lambda stem: f"timeline/{stem}.md", years, size, lambda _: 1,
        lambda year: "unknown" if year == UNKNOWN_YEAR else year,
        frozenset({UNKNOWN_YEAR}),
    )


def tag_counts(records: Iterable[Record]) -> Counter[str]:
    """In how many documents each tag (as the tags plugin sees it) appears."""
    counts: Counter[str] = Counter()
    for record in records:
        counts.update({t for t in record.tags if not passthrough.UNSAFE_TAG.search(str(t))})
    return counts


def heavy_tags(counts: Counter[str], page_size: int) -> list[tuple[str, int]]:
    """Tags of more documents than a tags page lists (5 x page_size), by count: Material
    lists all of a tag's documents under it on one page, which no split bounds (one
    "United States" of 3,000 documents made a 380 KB page), so the tags index names such
    a tag with its count and its own page, whose documents come in pages."""
    budget = 5 * page_size
    heavy = [(t, c) for t, c in counts.items() if c > budget]
    return sorted(heavy, key=lambda tc: (-tc[1], tc[0].casefold(), tc[0]))


def plan_tags(counts: Counter[str], page_size: int) -> Plan:
    """Tags of at least two documents: on the tags page, or, past 5 x page_size
    entries, on pages of whole letters of about that many entries; never a tag of more
    documents than that (`heavy_tags`)."""
    budget = 5 * page_size
    listed = sorted(
        ((t, c) for t, c in counts.items() if 2 <= c <= budget),
        key=lambda tc: (tc[0].casefold(), tc[0]),
    )
    if sum(c for _, c in listed) <= budget:
        return [(TAGS_URI, "", listed)]
    letters: dict[str, list[tuple[str, int]]] = {}
    for tag, count in listed:
        letters.setdefault(index_letter(tag), []).append((tag, count))
    return pack(
        lambda stem: f"tags/{stem}.md", by_letters(letters), budget, lambda tc: tc[1],
        letter_name,
    )


def first_pages(plan: list[tuple[str, str, Any]]) -> list[tuple[str, str]]:
    """(label, uri) of the first page of each group of a plan; continuations left out."""
    seen: dict[str, str] = {}
    for uri, label, _ in plan:
        seen.setdefault(label, uri)
    return list(seen.items())


def part(uri: str, plan: list[tuple[str, str, Any]], label: str) -> str:
    """", page 2" for the second page of a group; "" for a group's first page."""
    n = [u for u, g, _ in plan if g == label].index(uri) + 1
    return f", page {n}" if n > 1 else ""
