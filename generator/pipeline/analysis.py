"""Analysis: one spaCy parse per document, shared by the summary, date and participant stages.

spaCy, sumy and the NLP stages are imported only when a document is analysed: a build whose
analyses all come from the cache never pays for loading them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from ..nlp import MAX_PARSE_CHARS, doc_text, load_model, table
from ..nlp import turns as interviews
from ..record import Analysis, Mention, Turn

if TYPE_CHECKING:
    from spacy.tokens import Doc

# The defaults of `generator.summaries`, repeated here so that settings (and cache
# keys) need no import of sumy; tests/test_scale.py checks that the two agree.
DEFAULT_SENTENCES = 3
DEFAULT_METHOD = "positional"
# Methods known without importing sumy; any other name is checked by `summarize` itself.
KNOWN_METHODS = (
    "positional",
    "lexrank",
    "textrank",
    "luhn",
    "lsa",
    "kl",
    "sumbasic",
    "reduction",
    "edmundson",
    "random",
)

MAX_TITLE = 80
# "WASHINGTON (CNN) -- " and the like: a wire dateline is no part of a title.
_DATELINE = re.compile(
    r"^(?:[A-Z][\w .,'-]{0,40})?\((?:"
    + "|".join(table("news_agencies")["title_dateline"])
    + r")\)\s*(?:--|—|-)?\s*"
)


@dataclass(frozen=True)
class Settings:
    """Everything that changes an analysis result; part of the cache key."""

    sentences: int = DEFAULT_SENTENCES
    words: int | None = None
    method: str = DEFAULT_METHOD
    key_dates: int = 5
    model: str = "en_core_web_sm"

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def check_method(method: str) -> None:
    """Raises ValueError for an unknown summary method (imports sumy only for unusual names)."""
    if method not in KNOWN_METHODS:
        from .. import summaries

        summaries.build_summarizer(method)


def parse_text(text: str) -> tuple[str, list[str]]:
    """The part of a text that is parsed, and a note when that is not all of it."""
    if len(text) <= MAX_PARSE_CHARS:
        return text, []
    cut = text.rfind("\n", 0, MAX_PARSE_CHARS)
    if cut < MAX_PARSE_CHARS // 2:
        cut = text.rfind(" ", 0, MAX_PARSE_CHARS)
    if cut < MAX_PARSE_CHARS // 2:
        cut = MAX_PARSE_CHARS
    note = (
        f"This document is long: the summary, dates and participants cover its first "
        f"{cut:,} of {len(text):,} characters."
    )
    return text[:cut], [note]


# spaCy's tokenizer strips a word's prefixes and suffixes one character at a time, searching
# the rest of the word each time: a word of N punctuation marks or symbols ("____", "=)=)",
# emoji) costs N^2 (20,000 underscores: 40 s; 50,000: minutes). No name or date is made of
# them, so such runs are blanked before parsing (same length: offsets stay true).
_SYMBOL_RUN = re.compile(r"(?:[^\w\s]|_){64,}")


def blank_symbol_runs(text: str) -> str:
    """``text`` with every run of 64 or more punctuation marks and symbols made spaces."""
    return _SYMBOL_RUN.sub(lambda m: " " * len(m.group()), text)


# A cut title may not end on a word that needs what follows it.
_DANGLING = {"ADP", "DET", "CCONJ", "SCONJ", "PART", "PUNCT", "AUX", "PRON"}


def make_title(doc: Doc, summary: list[Mention]) -> str:
    """A short title (at most 80 characters) from the lead sentence; when it must be cut,
    the cut falls between words and outside names and noun phrases."""
    text = doc_text(doc)
    first = summary[0] if summary else Mention(0, len(text))
    start = first.start
    if dateline := _DATELINE.match(text, first.start, first.end):
        start = dateline.end()
    sentence = " ".join(text[start : first.end].split())
    if len(sentence) <= MAX_TITLE:
        return sentence.rstrip(".") or "Untitled document"
    for stop in (", ", "; ", " — ", " -- "):
        clause = sentence[: sentence.find(stop)] if stop in sentence else ""
        # A clause short of 40 characters is mostly an opening phrase ("In the past week").
        if 40 <= len(clause) <= MAX_TITLE:
            return clause
    span = doc.char_span(start, first.end, alignment_mode="expand")
    if span is not None:
        phrases = [(c.start_char, c.end_char) for c in (*span.noun_chunks, *span.ents)]
        best = ""
        for token in span:
            end = token.idx + len(token.text)
            title = " ".join(text[start:end].split())
            if len(title) > MAX_TITLE - 1:
                break
            particle = token.tag_ == "RP"  # "brought together" ends well
            dangling = token.pos_ in _DANGLING and not particle
            if not dangling and not any(a < end < b for a, b in phrases):
                best = title
        if len(best) >= 20:
            return best + "…"
    cut = sentence[: MAX_TITLE - 1]
    cut = cut[: cut.rfind(" ")] if " " in cut else cut
    return cut.rstrip(" ,;:-") + "…"


# A title longer than this is no headline; only its start is read for roles.
MAX_TITLE_PARSE = 300


def load_stages(settings: Settings) -> None:
    """Imports the NLP stages and loads the model (what a first analysis would do)."""
    from ..summaries import summarizer  # noqa: F401

    load_model(settings.model)


def analyze_doc(
    doc: Doc,
    doc_date: dt.date | None,
    settings: Settings,
    notes: list[str],
    title: Doc | None = None,
    turns: list[Turn] | None = None,
    hidden: list[Mention] | None = None,
) -> Analysis:
    """``doc`` is the parse of the text with the ``hidden`` spans (an interview's speaker
    marks, language marks: ``nlp.turns.hidden_marks``) blanked, as :func:`analyze_many`
    parses it."""
    from .. import dates
    from .. import people as participants
    from ..summaries import summarize

    turns = turns or []
    summary = summarize(
        doc,
        sentences=settings.sentences,
        method=settings.method,
        words=settings.words,
        prefer=interviews.answers(turns) or None,
        # nor a sentence holding a hidden mark (a quotation's original after "((fa))")
        exclude=interviews.questions(turns) + (hidden or []),
        lead=[Mention(0, turns[0].start)] if turns else None,
    )
    found_dates = dates.find_dates(doc, doc_date)
    people, places, organizations = participants.find_participants(doc)
    if title is not None:
        participants.take_title_roles(people, title)
    turns = interviews.name_speakers(
        turns, [p.name for p in people], title.text if title is not None else ""
    )
    if doc_text(doc).strip() and not any(t.is_alpha and t.is_ascii for t in doc[:2000]):
        notes = [*notes, "The English language model found little it could read in this document."]
    return Analysis(
        title=make_title(doc, summary),
        summary=summary,
        dates=found_dates,
        key_dates=dates.key_dates(found_dates, summary, settings.key_dates),
        participants=people,
        places=places,
        organizations=organizations,
        notes=notes,
        turns=turns,
    )


def analyze(
    text: str, doc_date: dt.date | None, settings: Settings, title: str | None = None
) -> Analysis:
    result = next(analyze_many([(text, doc_date, title)], settings))
    if isinstance(result, Exception):
        raise result
    return result


def analyze_many(
    items: Iterable[tuple[str, dt.date | None] | tuple[str, dt.date | None, str | None]],
    settings: Settings,
    batch_size: int = 16,
) -> Iterator[Analysis | Exception]:
    """Analyses in input order; spaCy batches the parses. Each item is (text, date) or
    (text, date, title): a title is read for the roles it gives people ("Wikinews interviews
    biologist Natasha Gownaris"). A document whose analysis fails comes back as its
    exception, so one bad document never stops the others."""
    from .. import dates

    nlp = load_model(settings.model)
    pending: list[tuple[dt.date | None, list[str], str | None, list[Turn], list[Mention]]] = []

    def texts() -> Iterator[str]:
        for text, doc_date, *rest in items:
            head, notes = parse_text(text)
            if doc_date is None:
                doc_date = dates.date_from_text(head)
            # An interview's speaker marks are markup: the parser reads the text without them.
            turns = interviews.find_turns(head)
            hidden = interviews.hidden_marks(head, turns)
            pending.append((doc_date, notes, rest[0] if rest else None, turns, hidden))
            yield blank_symbol_runs(interviews.mask(head, hidden))

    for i, doc in enumerate(nlp.pipe(texts(), batch_size=batch_size)):
        doc_date, notes, title, turns, hidden = pending[i]
        pending[i] = (None, [], None, [], [])
        try:
            title_doc = nlp(title[:MAX_TITLE_PARSE]) if title else None
            yield analyze_doc(doc, doc_date, settings, notes, title_doc, turns, hidden)
        except Exception as exc:  # noqa: BLE001 - reported per document by the caller
            yield exc
