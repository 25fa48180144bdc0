"""What looks like a date in the parse but is not: the look-alike checks of the date stage.

``false_positive`` is true when any check says so: a number, not a year ("the 1033 program",
"1709 schoolchildren", "at 1625 UTC"); a name ("attorney Jerryl Christmas", "March
Madness", "Theresa May", "USA Today", "The Mail on Sunday", "Black Friday"); a season or
holiday word used as a verb or a noun modifier ("prices will fall", "summer camp",
"Christmas decorations"); a day word as a noun ("a better tomorrow"); an award's "of the
year"; a game's "third quarter". The words each check uses are lists of
``data/en/lookalikes.yml``; a new kind of look-alike is a new check in ``_CHECKS``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from ..nlp import vocabulary
from . import switches
from .words import LOOKALIKES, SEASONS, WEEKDAYS

# "Christmas said": the say-verbs every stage shares
_SAY = frozenset(vocabulary.table("say_verbs")["date_subject"])
_NAME_TYPES = {"PERSON", "ORG", "WORK_OF_ART", "FAC", "PRODUCT", "GPE", "LOC", "LAW"}


def _words(name: str) -> frozenset[str]:
    return frozenset(LOOKALIKES[name])


_EARLY_YEAR_CUES = _words("early year cues")
_AWARD_NOUNS = _words("award nouns")
_MAY_TITLES = _words("may titles")
_SEASON_WORDS = frozenset(SEASONS)
_WEEKDAY_WORDS = frozenset(WEEKDAYS)
_NAMED_DAY_PREFIX = _words("named day prefixes")
_NAME_AFTER = _words("title words after a weekday")
_NOUNS_AFTER_WEEKDAY = _words("nouns after a weekday")
_NAME_LIKE_HOLIDAYS = _words("name-like holidays")
_BEFORE_NOUN_DAY = _words("words before a noun day")
_GENERIC_AFTER_TODAYS = _words("generic nouns after today's")
_NAMED_EVENTS = _words("named event nouns")
_TIME_ZONES = frozenset(z.upper() for z in vocabulary.entries("time_zones") if " " not in z)
_CLOCK_WORDS = _words("clock words")
_EVENT_PLURALS = _words("event plurals")
_QUANTITY_BEFORE = _words("quantity words")
_AGE_BEFORE = _words("words before an age")
_SPORT = re.compile(rf"(?i)\b(?:{'|'.join(LOOKALIKES['sport words'])})\b")
_FINANCE = re.compile(rf"(?i)%|\$|\b(?:{'|'.join(LOOKALIKES['finance words'])})\b")


class _Site:
    """A candidate span with the tokens around it and its sentence."""

    __slots__ = ("after", "before", "doc", "doc_year", "first", "last", "sent", "span", "t")

    def __init__(self, doc: Doc, span: Span, t: str, sent: str, doc_year: int | None):
        self.doc, self.span, self.t, self.sent, self.doc_year = doc, span, t, sent, doc_year
        self.first, self.last = span[0], span[-1]
        self.before = doc[span.start - 1] if span.start > 0 else None
        self.after = doc[span.end] if span.end < len(doc) else None

    def word_before(self, tok: Token) -> str | None:
        return self.doc[tok.i - 1].lower_ if tok.i > 0 else None


def _a_count(before: Token | None, after: Token | None, number: int, doc_year: int | None) -> bool:
    """A four-digit number used as a count: a plural noun follows it ("1709 schoolchildren"),
    or, far from the document's own time, a quantity word or verb comes before it ("the
    numbers were 1501"; but "the tournament was 2015")."""
    if after is not None and after.tag_ == "NNS" and after.lower_ not in _EVENT_PLURALS:
        return True
    adjectival = after is not None and after.pos_ in ("NOUN", "PROPN", "ADJ")  # "1990 earnings"
    return (
        doc_year is not None
        and not doc_year - 100 <= number <= doc_year + 10
        and before is not None
        and not adjectival
        and (before.lower_ in _QUANTITY_BEFORE or (before.pos_ == "VERB" and before.tag_ != "VBN"))
    )


def _dates_a_name(s: _Site, before: Token | None) -> bool:
    """The year of a named law or event ("the Wildlife Protection Act, 1972 lists ..."), which
    a plural noun after it does not make a count (rule ``named_event_year``)."""
    if before is not None and before.text == "," and before.i > 0:
        before = s.doc[before.i - 1]
    return switches.on("named_event_year") and before is not None and before.text in _NAMED_EVENTS


def _a_number(s: _Site) -> bool:
    t, before, after = s.t, s.before, s.after
    if (
        re.fullmatch(r"1[0-4]\d\d", t)
        and before is not None
        and before.lower_ not in _EARLY_YEAR_CUES
    ):
        return True  # "the Defense Department's 1033 program": a number, not a medieval year
    if (
        re.fullmatch(r"\d{4}", t)
        and _a_count(before, after, int(t), s.doc_year)
        and not _dates_a_name(s, before)
    ):
        return True  # "1709 schoolchildren", "the numbers were 1501": a count, not a year
    return bool(
        re.fullmatch(r"[0-2]\d[0-5]\d", t)
        and after is not None
        and (after.text.upper() in _TIME_ZONES or after.lower_ in _CLOCK_WORDS)
    )  # "at 1625 UTC", "1922 local time": a clock time, not a year


def _a_name(s: _Site) -> bool:
    first, before, after = s.first, s.before, s.after
    if first.ent_type_ in _NAME_TYPES and not any(c.isdigit() for c in s.t):
        return True  # "attorney Jerryl Christmas", "March Madness"
    if (
        switches.on("name_lookalikes")
        and s.t.lower() == "this week"
        and first.text == "This"
        and not first.is_sent_start
        and s.last.text == "Week"
    ):
        return True  # ABC News' "This Week": a program
    if before is not None and before.pos_ == "ADJ" and switches.on("name_lookalikes"):
        before = s.doc[before.i - 1] if before.i > 0 else None  # "the annual March for Life"
    return (
        len(s.span) == 1
        and first.text in ("March", "May")
        and before is not None
        and before.lower_ in ("the", "a")
        and after is not None
        and after.lower_ in ("on", "for", "against", "to", "through", "from", "of")
    )  # "the March on Washington"


def _a_season_word(s: _Site) -> bool:
    first, last, before, after = s.first, s.last, s.before, s.after
    if last.lower_ not in _SEASON_WORDS:
        return False
    if last.pos_ in ("VERB", "AUX") or (before is not None and before.lower_ in ("a", "an")):
        return True  # "prices will fall", "he had a fall"
    if first.lower_ in ("a", "an") or (
        before is not None
        and before.pos_ in ("ADJ", "VERB")
        and s.word_before(before) in ("a", "an")
    ):
        return True  # "for a summer", "after a reported fall"
    if last.dep_ in ("compound", "amod") and last.head.i > last.i:
        return True  # "summer camp", "winter storm"
    if after is not None and after.is_title and after.i > 0 and not after.is_sent_start:
        return True  # "Winter Olympics", "Summer Palace"
    return (
        len(s.span) == 1
        and last.is_title
        and before is not None
        and not last.is_sent_start
        and before.lower_ not in ("the", "this", "last", "next", "in", "early", "late", "of")
    )  # "Arab Spring", "Prague Spring"


def _a_weekday_name(s: _Site) -> bool:
    first, before, after = s.first, s.before, s.after
    if s.last.lower_ not in _WEEKDAY_WORDS and first.lower_ not in _WEEKDAY_WORDS:
        return False
    if before is not None and before.lower_ in _NAMED_DAY_PREFIX and before.i < first.i:
        return True  # "Black Friday", "Super Tuesday"
    if (
        len(s.span) == 1
        and after is not None
        and (
            (after.is_title and after.lower_ in _NAME_AFTER) or after.lower_ in _NOUNS_AFTER_WEEKDAY
        )
    ):
        return True  # "The Sunday Times", "Sunday school"
    return before is not None and s.word_before(before) == "mail"  # "The Mail on Sunday"


def _a_day_word(s: _Site) -> bool:
    first, last, before, after = s.first, s.last, s.before, s.after
    if first.lower_ == "today":
        if after is not None and after.lower_ in ("'s", "’s") and _generic_today(s, before):
            return True  # "today's world" is generic
        if first.is_title and before is not None and before.text in ("USA", "VOA", "NBC", "the"):
            return True  # "USA Today", "the Today show"
    if first.lower_ in _NAME_LIKE_HOLIDAYS and (
        (len(s.span) == 1 and last.dep_ in ("compound", "amod") and last.head.i > last.i)
        or (len(s.span) == 1 and before is not None and before.pos_ == "PROPN" and before.is_title)
        or (last.dep_ in ("nsubj", "nsubjpass") and last.head.lower_ in _SAY)
    ):
        return True  # "Christmas decorations", "attorney Jerryl Christmas", "Christmas said"
    if first.lower_ in ("tomorrow", "today", "yesterday") and _a_noun_day(s, before):
        return True  # "a better tomorrow", "the people of tomorrow"
    return (
        first.text == "Today"
        and not first.is_sent_start
        and before is not None
        and not before.is_punct
    )  # "NBC's Today show", "USA Today"


def _generic_today(s: _Site, before: Token | None) -> bool:
    """ "today's" of the present age ("in today's world", "many of today's computers"), not
    of the day ("in today's editions", "today's vote": rule ``todays_day``)."""
    if not switches.on("todays_day"):
        return True
    if before is not None and before.lower_ == "of":
        return True
    head = s.first.head if s.first.dep_ == "poss" else None
    return head is None or head.lower_ in _GENERIC_AFTER_TODAYS


def _a_noun_day(s: _Site, before: Token | None) -> bool:
    """ "Tomorrow" as a noun: after an article, "of", or an adjective that an article
    introduces ("a better tomorrow", "the world of tomorrow"); not "as of today", "late
    today", "one more today", where the word is the day (rule ``day_word_adverb``)."""
    if before is None:
        return False
    if not switches.on("day_word_adverb"):
        return before.lower_ in _BEFORE_NOUN_DAY or before.pos_ == "ADJ"
    if before.lower_ == "of":
        return s.word_before(before) != "as"
    if before.lower_ in _BEFORE_NOUN_DAY:
        return True
    return before.pos_ == "ADJ" and s.word_before(before) in ("a", "an", "the")


def _an_award_or_may(s: _Site) -> bool:
    first, before = s.first, s.before
    if (
        s.t.lower() == "the year"
        and before is not None
        and before.lower_ == "of"
        and s.word_before(before) in _AWARD_NOUNS
    ):
        return True  # "player of the year"
    if (
        s.t.lower() == "the year"
        and switches.on("name_lookalikes")
        and s.after is not None
        and (s.after.pos_ == "PRON" or s.after.lower_ in ("that", "when", "which"))
    ):
        return True  # "The year we played in Denmark, 2014": a year the clause names, not this
    if first.lower_ == "may" and len(s.span) == 1:
        if first.tag_ == "MD" or first.is_lower or first.pos_ in ("VERB", "AUX"):
            return True
        if before is not None and (before.ent_type_ == "PERSON" or before.lower_ in _MAY_TITLES):
            return True  # "Theresa May"
    return False


def _an_age(s: _Site) -> bool:
    # "a man in his 70s", "in her early 70s": an age, not the 1970s
    if not re.fullmatch(r"(?:(?:early|mid|late)[\s-]*)?'?\d0'?s", s.t.lower()):
        return False
    tok = s.before
    if tok is not None and tok.lower_ in ("early", "mid", "late", "mid-"):
        tok = s.doc[tok.i - 1] if tok.i > 0 else None
    return tok is not None and tok.lower_ in _AGE_BEFORE


def _a_game_quarter(s: _Site) -> bool:
    # "in the third quarter" of a game
    return "quarter" in s.t.lower() and bool(_SPORT.search(s.sent)) and not _FINANCE.search(s.sent)


_CHECKS: tuple[Callable[[_Site], bool], ...] = (
    _a_number, _a_name, _a_season_word, _a_weekday_name, _a_day_word, _an_award_or_may,
    _a_game_quarter, _an_age,
)  # fmt: skip


def false_positive(doc: Doc, span: Span, t: str, sent: str, doc_year: int | None = None) -> bool:
    """Words that look like dates but are not: "may" the verb, "Sun" the newspaper, ..."""
    site = _Site(doc, span, t, sent, doc_year)
    return any(check(site) for check in _CHECKS)
