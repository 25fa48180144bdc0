"""What a normalization rule is: a pattern, a handler, examples; and what it may read.

A rule of the ordered table (:mod:`generator.dates.values`) fires when its pattern matches
the whole normalized text and its guard, if any, agrees; its handler then gives the value,
or None, and no later rule is tried. Each rule carries examples, as HeidelTime keeps an
``// EXAMPLE`` line beside each rule: ``tests/test_date_rules.py`` runs every one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field


class Context:
    """What normalization may use beyond the text: document date, tense, reference times."""

    __slots__ = (
        "doc_date", "tense", "last_quarter", "last_value", "new_quarter", "last_year", "last_day",
        "sentence_year", "near_day", "quote_day", "near_month",
    )  # fmt: skip

    def __init__(self, doc_date: dt.date | None, tense: str | None = None):
        self.doc_date = doc_date
        self.tense = tense
        self.last_quarter: str | None = None  # the last quarter mentioned nearby (YYYY-Qn)
        self.last_value: str | None = None
        self.new_quarter: str | None = None  # set by an explicit quarter expression
        self.last_year: int | None = None  # the last year written out in the text
        # a past year written earlier in the same sentence: its month-days are of that year
        # ("In the 2016 election, ... until June" is June 2016, not the document's June)
        self.sentence_year: int | None = None
        self.last_day: str | None = None  # the last full date (YYYY-MM-DD) found
        self.near_day: str | None = None  # the last full date, if in this sentence or the last
        # inside a direct quote, the day the words were said: the day the text gives just
        # before, "" when unknown (the story's days were before the report's), else None
        self.quote_day: str | None = None
        # the last month or day (YYYY-MM[-DD]) of this sentence or the three before: what "the
        # following month" follows ("In March, ... The following month, ...")
        self.near_month: str | None = None


Handler = Callable[[re.Match[str], Context], str | None]
Guard = Callable[[re.Match[str], Context], object]

# The examples' document date unless they say otherwise: a Wednesday
EXAMPLE_DATE = "2023-03-22"


@dataclass(frozen=True)
class Example:
    """``text`` written on ``doc_date`` (None: no date), with the verb's ``tense`` and the
    story's reference times ``story`` (``Context`` attributes), has the TIMEX3 ``value``."""

    text: str
    value: str | None
    doc_date: str | None = EXAMPLE_DATE
    tense: str | None = None
    story: tuple[tuple[str, object], ...] = ()

    def context(self) -> Context:
        ctx = Context(dt.date.fromisoformat(self.doc_date) if self.doc_date else None, self.tense)
        for name, value in self.story:
            setattr(ctx, name, value)
        return ctx


def ex(
    text: str,
    value: str | None,
    doc_date: str | None = EXAMPLE_DATE,
    tense: str | None = None,
    **story: object,
) -> Example:
    return Example(text, value, doc_date, tense, tuple(story.items()))


@dataclass(frozen=True)
class Rule:
    """One entry of the table: ``name`` (unique, for ablation), the ``pattern`` the whole
    normalized text must match, the ``handler`` that values it, and ``examples``. A ``when``
    guard that says no lets the later rules try the text."""

    name: str
    pattern: re.Pattern[str]
    handler: Handler
    examples: tuple[Example, ...]
    when: Guard | None = field(default=None)

    def fires(self, text: str, ctx: Context) -> re.Match[str] | None:
        m = self.pattern.fullmatch(text)
        if m is None or (self.when is not None and not self.when(m, ctx)):
            return None
        return m


def phrases(*texts: str) -> re.Pattern[str]:
    """A pattern of fixed phrases ("today", "this morning")."""
    return re.compile("|".join(re.escape(t) for t in texts))


def has_doc_date(m: re.Match[str], ctx: Context) -> bool:
    return ctx.doc_date is not None
