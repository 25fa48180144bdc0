"""Normalization: the text of one date expression to its TIMEX3 value, by an ordered table.

:func:`value_of` (which :func:`generator.dates.extract.find_dates` calls with the story's running
:class:`~generator.dates.rule.Context`) and :func:`normalize` drop the words around a date
("as early as", "the end of", "'s") and try the rules of the table in order; the first whose
pattern matches the whole text (and whose guard agrees) gives the value. The table is
``REFERENCE_RULES`` ("now", "recently", "the future": tried on the whole text only), then the
families of :mod:`generator.dates.rules_calendar`, :mod:`generator.dates.rules_periods` and
:mod:`generator.dates.rules_deictic`, in that order. Any rule is switched off by name for
ablation (:func:`switch_off`). Text only: nothing here reads the parse.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from . import rules_calendar, rules_deictic, rules_periods, switches
from .calendar import PAST, PRESENT
from .rule import Context, Rule, ex

_PREFIX = re.compile(
    r"^(?:(?:as (?:early|late|recently) as|no (?:earlier|later) than|(?:some|any)time|until|till"
    r"|since"
    r"|by|from|in|on|at|around|about|approximately|roughly|nearly|almost|only|just|both|before"
    r"|after"
    r"|early|late|mid|earlier|later|the (?:end|beginning|start|middle|close|turn|rest|remainder"
    r"|bulk)"
    r"(?: part)? of|the (?:first|second|last) (?:half|part|week|weeks|days) of|(?:a )?good part of"
    r"|much of|most of|all of|through(?:out)?|during|within|the|an?)[\s-]+)+"
)
_SUFFIX = re.compile(
    r"(?:'s|’s|'|,|\.(?<!\b[a-z]\.)|\s+(?:or (?:so|later|earlier)|and beyond|or two))+$"
)


REFERENCE_RULES = (
    Rule(
        "present_ref",
        re.compile(r"(?:right )?now|(?:currently|presently|at present|these days|nowadays)"),
        lambda m, ctx: "PRESENT_REF",
        (ex("now", "PRESENT_REF"), ex("these days", "PRESENT_REF")),
    ),
    Rule(
        # the adjectives a TIMEX3 annotator marks ("current plans", "recent events"): found
        # only before a noun (candidates), valued here. Not "ongoing": never marked on the
        # dates dev set (0 of 2)
        "vague_adjective",
        re.compile(r"(?P<w>current|recent)"),
        lambda m, ctx: "PAST_REF" if m["w"] == "recent" else "PRESENT_REF",
        (ex("current", "PRESENT_REF"), ex("recent", "PAST_REF")),
    ),
    Rule(
        "near_term",
        re.compile(r"(?:the )?(?:near|short)[\s-]term"),
        lambda m, ctx: "FUTURE_REF",
        (ex("the near term", "FUTURE_REF"), ex("the short term", "FUTURE_REF")),
    ),
    Rule(
        "past_ref",
        re.compile(r"recently|more recently|lately|recent (?:years|months|weeks|days)|the past"),
        lambda m, ctx: "PAST_REF",
        (ex("recently", "PAST_REF"), ex("recent years", "PAST_REF")),
    ),
    Rule(
        "future_ref",
        re.compile(
            r"(?:the )?(?:near |distant |foreseeable )?future|coming (?:years|months|weeks|days)"
        ),
        lambda m, ctx: "FUTURE_REF",
        (ex("the near future", "FUTURE_REF"), ex("coming weeks", "FUTURE_REF")),
    ),
)
RULES: tuple[Rule, ...] = (*rules_calendar.RULES, *rules_periods.RULES, *rules_deictic.RULES)
ALL_RULES: tuple[Rule, ...] = (*REFERENCE_RULES, *RULES)
RULE_NAMES = (*(rule.name for rule in ALL_RULES), *switches.STAGE_RULES)

_SWITCHED_OFF: set[str] = set()


def switch_off(names: Iterable[str]) -> None:
    """Turn normalization rules off by name for this process (for ablation); an unknown name
    is an error, so that an ablation never silently measures nothing."""
    names = set(names)
    if unknown := names - set(RULE_NAMES):
        raise ValueError(f"no such date rule: {', '.join(sorted(unknown))}")
    _SWITCHED_OFF.update(names)
    switches.turn_off(names & set(switches.STAGE_RULES))


def switch_on_all() -> None:
    _SWITCHED_OFF.clear()
    switches.turn_all_on()


def normalize_text(text: str) -> str:
    """Lower case, one space, no trailing possessive or punctuation: what the rules match."""
    t = text.strip().lower().replace("’", "'")
    t = re.sub(r"\s+", " ", t)
    return _SUFFIX.sub("", t)


# "the last day" (of a convention) is not yesterday; told in the past, "the next month" is
# the month after the story's, not after the document's ("nominated him the next month"),
# while "over the next year" in the present or future counts from the document
_ANAPHORIC_THE = re.compile(
    r"(?:.*\s)?the\s+(?:last\s+day|(?P<rel>next|following|previous|prior|same)\s)"
)


def _strip_prefix(t: str, ctx: Context) -> str:
    if (m := _ANAPHORIC_THE.match(t)) and (
        m["rel"] is None
        or ctx.tense == PAST
        # "(since 1983) birds make it back the next year": near a year of the story, in the
        # present, a habit's next year, not the document's (rule anaphoric_year)
        or (ctx.tense == PRESENT and ctx.last_year is not None)
    ):
        return t
    s = _PREFIX.sub("", t)
    return s if s else t


def _fire(rules: tuple[Rule, ...], t: str, ctx: Context) -> tuple[str | None, str | None]:
    """(the name of the rule that fired, its value); (None, None) when none did."""
    if not t:
        return None, None
    for rule in rules:
        if rule.name not in _SWITCHED_OFF and (m := rule.fires(t, ctx)):
            try:
                return rule.name, rule.handler(m, ctx)
            except OverflowError:
                # "tomorrow" of a document dated 9999-12-31: past the calendar, no value
                return rule.name, None
    return None, None


def core(t: str, ctx: Context) -> str | None:
    """The value the table gives a normalized text, without dropping the words around it."""
    return _fire(RULES, t, ctx)[1]


def explain(text: str, ctx: Context) -> tuple[str | None, list[str]]:
    """The value of a date expression and the names of the rules that fired on the way."""
    t = normalize_text(text)
    name, v = _fire(REFERENCE_RULES, t, ctx)
    if name:
        return v, [name]
    name, v = _fire(RULES, t, ctx)
    fired = [name] if name else []
    if v:
        return v, fired
    s = _strip_prefix(t, ctx)
    if s != t:
        name, v = _fire(RULES, s, ctx)
        return v, fired + ([name] if name else [])
    return None, fired


def value_of(text: str, ctx: Context) -> str | None:
    return explain(text, ctx)[0]


def normalize(text: str, doc_date: dt.date | None, tense: str | None = None) -> str | None:
    """The TIMEX3 value of a date expression, or None when it cannot be normalized honestly.

    ``tense`` ("past", "present", "future" or None) decides between past and future readings
    of underspecified expressions; :func:`find_dates` reads it from the parse.
    """
    return value_of(text, Context(doc_date, tense))
