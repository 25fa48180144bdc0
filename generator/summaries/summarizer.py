"""Extractive summaries: spaCy's sentences handed to sumy's summarizers.

sumy's own tokenizer needs NLTK data that cannot be downloaded here, so the document model is
built from the spaCy parse the other stages share.

The default method, ``positional`` (:class:`PositionalSummarizer`), is written for news: a
moderate lead prior plus PacSum-style directed centrality, a preference for shorter sentences,
penalties for sentences that make poor summary lines (quote fragments, questions, captions,
split leftovers, very short ones) and MMR against redundancy. Every method's output is
cleaned the same way: whole sentences only, the ``WASHINGTON (CNN) --`` style dateline and
"Story highlights" boilerplate cut off the start of a span.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc
from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.summarizers._summarizer import AbstractSummarizer
from sumy.summarizers.edmundson import EdmundsonSummarizer
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.random import RandomSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

from ..nlp import doc_text, table
from ..record import Mention
from .positional import PositionalSummarizer
from .words import stemmer, stop_words

DEFAULT_METHOD = "positional"
DEFAULT_SENTENCES = 3


# A dateline opening a story: "WASHINGTON (CNN) -- ", "Los Angeles (CNN)", "(The Hollywood
# Reporter)It's ...". The place is capitalised words and commas; the parenthesis is CNN's, or
# any short name when a dash follows or the text runs on without a space. What follows must
# start a sentence (capital, digit, quote) or be nothing: "Smith (CNN) said" is left alone.
_PLACE = r"(?:[A-Z][\w.'-]*(?:,?[ \t]+(?:[A-Z][\w.'-]*|de|del|la|al|el|es))*,?[ \t]*)?"
_OPENS = "[A-Z0-9\"'\u201c\u2018]"
_AGENCIES = "|".join(table("news_agencies")["summary_dateline"])
DATELINE = re.compile(
    rf"^{_PLACE}(?:\((?:{_AGENCIES})[\w .]{{0,20}}\)"
    rf"(?:[ \t]*(?:--|\u2014|\u2013)|(?=[ \t]*(?:{_OPENS}|$)))"
    rf"|\([A-Z][^()\n]{{0,40}}\)[ \t]*(?:--|\u2014|\u2013)"
    rf"|\([A-Z][^()\n]{{0,40}}\)(?={_OPENS}))[ \t]*"
)
BOILERPLATE = re.compile(r"^(?:Story highlights|STORY HIGHLIGHTS)\b[\s:]*")


def clean_span(text: str, span: Mention) -> Mention:
    """``span`` without a leading dateline or boilerplate; still a substring of ``text``.

    A sentence that is nothing but a dateline comes back empty (``start == end``).
    """
    start, end = span.start, span.end
    for pattern in (BOILERPLATE, DATELINE, BOILERPLATE):
        match = pattern.match(text, start, end)
        if match:
            start = match.end()
    while start < end and text[start].isspace():
        start += 1
    return Mention(start, end)


SUMY_METHODS: dict[str, type[AbstractSummarizer]] = {
    "lexrank": LexRankSummarizer,
    "textrank": TextRankSummarizer,
    "luhn": LuhnSummarizer,
    "lsa": LsaSummarizer,
    "kl": KLSummarizer,
    "sumbasic": SumBasicSummarizer,
    "reduction": ReductionSummarizer,
    "edmundson": EdmundsonSummarizer,
    "random": RandomSummarizer,
    "positional": PositionalSummarizer,
}


class ParsedTokenizer:
    """The two methods sumy asks of a tokenizer, answered from the spaCy parse (no NLTK)."""

    language = "english"

    def __init__(self) -> None:
        self.words: dict[str, tuple[str, ...]] = {}

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return (paragraph,)

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return self.words.get(sentence, ())


def sentence_spans(doc: Doc) -> list[Mention]:
    """Non-empty sentences of the parse as character spans, whitespace trimmed."""
    spans = []
    for sent in doc.sents:
        text = sent.text
        stripped = text.strip()
        if not stripped:
            continue
        start = sent.start_char + (len(text) - len(text.lstrip()))
        spans.append(Mention(start, start + len(stripped)))
    return spans


def document_model(doc: Doc, spans: list[Mention]) -> tuple[ObjectDocumentModel, list[Sentence]]:
    """sumy's document model of the given sentence spans; sentence i is spans[i].

    ``spans`` must be in document order and not overlap (as :func:`sentence_spans`, cleaned
    or not). A sentence's words are its tokens less punctuation and space; a token a span
    cuts ("CNN)Brazilian" after the dateline is cut) keeps only its part inside the span.
    """
    tokenizer = ParsedTokenizer()
    text = doc_text(doc)
    words: list[list[str]] = [[] for _ in spans]
    i = 0
    for token in doc:  # one pass over the tokens, one pointer over the spans
        start = token.idx
        end = start + len(token)
        while i < len(spans) and spans[i].end <= start:
            i += 1
        if i == len(spans):
            break
        if end <= spans[i].start or token.is_punct or token.is_space:
            continue
        word = text[max(start, spans[i].start) : min(end, spans[i].end)]
        if word.strip():
            words[i].append(word)
    sentences = []
    for span, sentence_words in zip(spans, words, strict=True):
        sentence_text = text[span.start : span.end]
        tokenizer.words[sentence_text.strip()] = tuple(sentence_words)
        sentences.append(Sentence(sentence_text, tokenizer))
    return ObjectDocumentModel([Paragraph(sentences)]), sentences


def build_summarizer(method: str, without: frozenset[str] = frozenset()) -> AbstractSummarizer:
    """One of :data:`SUMY_METHODS`; ``without`` names rules of ``positional`` to switch off."""
    try:
        cls = SUMY_METHODS[method]
    except KeyError:
        known = ", ".join(sorted(SUMY_METHODS))
        raise ValueError(f"unknown summary method {method!r}; one of {known}") from None
    if cls is PositionalSummarizer:
        summarizer: AbstractSummarizer = PositionalSummarizer(stemmer(), without)
    elif without:
        raise ValueError(f"rules can be switched off only for positional, not {method!r}")
    else:
        summarizer = cls(stemmer())
    summarizer.stop_words = stop_words()
    if isinstance(summarizer, EdmundsonSummarizer):
        summarizer.bonus_words = summarizer.stigma_words = summarizer.null_words = ("",)
    return summarizer


def word_count(text: str) -> int:
    """Words as a reader counts them: whitespace-separated pieces."""
    return len(text.split())


def summarize(
    doc: Doc,
    *,
    sentences: int = DEFAULT_SENTENCES,
    method: str = DEFAULT_METHOD,
    words: int | None = None,
    prefer: list[Mention] | None = None,
    exclude: list[Mention] | None = None,
    lead: list[Mention] | None = None,
    without: frozenset[str] = frozenset(),
) -> list[Mention]:
    """The summary's sentences as spans of ``doc.text``, in document order.

    ``sentences`` is the number of sentences; ``words``, when given, is a word budget used
    instead: the best sentences that fit it, whole (possibly none when no sentence is short
    enough). Spans are whole sentences, less a leading dateline or boilerplate. With a budget,
    ``positional`` skips captions and split leftovers, and fills the rest of the budget only
    with lines of at least ``short_words`` words.

    An interview's regions: ``exclude``, where no summary sentence may be (the interviewer's
    turns, hidden marks); ``prefer``, where the summary is drawn from (the answers) when they
    hold enough sentences (``sentences``, or one for a budget), else from all but
    ``exclude``; ``lead`` (the story before the first turn): its first sentence (neither
    furniture nor a question) opens a summary of two or more sentences, so that the summary
    says who speaks and why before what they said.

    ``without`` switches off rules of ``positional`` by name (``positional.RULE_NAMES``), to
    measure what each one does.
    """
    summarizer = build_summarizer(method, without)
    text = doc_text(doc)
    spans = [m for m in (clean_span(text, s) for s in sentence_spans(doc)) if m.end > m.start]
    if exclude:
        spans = [m for m in spans if not any(m.start < r.end and r.start < m.end for r in exclude)]
    if prefer:
        inside = _within(spans, prefer)
        if len(inside) >= (1 if words is not None else sentences):
            opening = _within(spans, lead or []) if words is None and sentences > 1 else []
            # the story's own first line (Lead-1): who is interviewed, and why
            first = next((m for m in opening if not _furniture(text[m.start : m.end])), None)
            if first:
                return [first, *_choose(doc, inside, summarizer, sentences - 1, None)]
            spans = inside
    return _choose(doc, spans, summarizer, sentences, words)


def _furniture(sentence: str) -> bool:
    return PositionalSummarizer.furniture(sentence) or sentence.rstrip().endswith("?")


def _within(spans: list[Mention], regions: list[Mention]) -> list[Mention]:
    return [m for m in spans if any(r.start <= m.start and m.end <= r.end for r in regions)]


def _choose(
    doc: Doc,
    spans: list[Mention],
    summarizer: AbstractSummarizer,
    sentences: int,
    words: int | None,
) -> list[Mention]:
    """The best of ``spans`` (``sentences`` of them, or what fits ``words``), in order."""
    text = doc_text(doc)
    if not spans or (words is None and sentences <= 0):
        return []
    if words is None and len(spans) <= sentences:
        return spans
    model, objects = document_model(doc, spans)
    index = {id(sentence): i for i, sentence in enumerate(objects)}
    if words is None:
        chosen = [index[id(s)] for s in summarizer(model, sentences)]
    elif isinstance(summarizer, PositionalSummarizer):
        # best first, skipping what does not fit; furniture never, and very short lines
        # ("Maybe not.") do not fill the rest of a budget
        chosen, total = [], 0
        for i in summarizer.rank(objects):
            sentence = text[spans[i].start : spans[i].end]
            length = word_count(sentence)
            if total + length <= words and summarizer.fills_budget(sentence, not chosen):
                chosen.append(i)
                total += length
    else:
        # other methods only rank through a count: the largest count that fits the budget
        chosen = []
        for count in range(1, len(spans) + 1):
            picked = [index[id(s)] for s in summarizer(model, count)]
            if sum(word_count(text[spans[i].start : spans[i].end]) for i in picked) > words:
                break
            chosen = picked
    return sorted((spans[i] for i in set(chosen)), key=lambda m: m.start)
