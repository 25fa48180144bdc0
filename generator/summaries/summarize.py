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

import functools
import math
import re

import numpy as np
from spacy.tokens import Doc
from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.nlp.stemmers import Stemmer
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
from sumy.utils import ItemsCount, get_stop_words

from ..nlp.vocabulary import table
from ..record import Mention

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
# Lines that are page furniture rather than story: captions, calls to action, credits.
CAPTION = re.compile(
    r"^(?:Photos?|Video|Watch|WATCH|Read|READ|Click|Follow|Editor's [Nn]ote|Note|Sign up|Join|"
    r"Share|Related|Opinion|Source|Image|Gallery|Explore|Vote|Tell us|Have you|See)\b"
    r"|contributed to this (?:report|story)|\bFollow (?:us|him|her)\b|@\w|https?://|\bCNN\.com\b"
)
# A split leftover rather than a sentence: "Their song: ." (and, in penalty(), fewer than two
# words with letters in them).
FRAGMENT = re.compile(r":\W*$")
QUOTES = '"\u201c\u201d'


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


class PositionalSummarizer(AbstractSummarizer):
    """Lead prior + directed centrality + MMR, for news (sentence order = document order).

    Score of candidate sentence i (0-based; only the first ``candidates`` sentences are
    candidates, which bounds the quadratic similarity step on long documents)::

        position_weight * position_decay ** i
      + centrality_weight * PacSum centrality (tf-idf cosine to later sentences minus
                            ``backward_weight`` x to earlier ones, scaled to [-1, 1])
      - length_weight * words / 25          (long sentences make long summaries)
      - the penalties of :meth:`penalty`

    Sentences are then picked greedily by score minus ``redundancy_weight`` x the highest
    cosine to a sentence already picked (MMR). Everything is deterministic.
    """

    candidates = 40
    position_weight = 0.5
    position_decay = 0.9
    centrality_weight = 1.0
    backward_weight = 0.5
    length_weight = 0.4
    redundancy_weight = 0.5
    short_words = 6
    short_penalty = 0.25
    quote_penalty = 0.5
    question_penalty = 0.5
    caption_penalty = 1.0
    _stop_words: frozenset[str] = frozenset()

    def __init__(self, stemmer=None) -> None:
        super().__init__(stemmer or _stemmer())

    @property
    def stop_words(self) -> frozenset[str]:
        return self._stop_words

    @stop_words.setter
    def stop_words(self, words) -> None:
        self._stop_words = frozenset(map(self.normalize_word, words))

    def __call__(self, document, sentences_count):
        sentences = list(document.sentences)
        if not sentences:
            return ()
        wanted = len(ItemsCount(sentences_count)(sentences))
        chosen = self.rank(sentences, wanted)
        return tuple(sentences[i] for i in sorted(chosen))

    # -- features -------------------------------------------------------------------------
    def _terms(self, sentence) -> list[str]:
        stem = self._stemmer
        stop_words = self._stop_words
        return [
            stem(word)
            for word in map(str.lower, sentence.words)
            if word not in stop_words and any(c.isalnum() for c in word)
        ]

    def penalty(self, text: str) -> float:
        """How badly a sentence reads as a summary line (0 = fine)."""
        cost = 0.0
        n_words = len(text.split())
        if n_words < self.short_words:
            cost += self.short_penalty * (self.short_words - n_words) / self.short_words
        quote_marks = sum(text.count(q) for q in QUOTES)
        if text[:1] in QUOTES or quote_marks % 2 == 1:
            # a quotation on its own, or a piece of one running over several sentences
            cost += self.quote_penalty
        if text.rstrip("\"'\u201d\u2019)").endswith("?"):
            cost += self.question_penalty
        if self.furniture(text):
            cost += self.caption_penalty
        return cost

    @staticmethod
    def furniture(text: str) -> bool:
        """A caption, credit, call to action or split leftover rather than a sentence."""
        lettered = sum(any(c.isalpha() for c in word) for word in text.split())
        return bool(CAPTION.search(text) or FRAGMENT.search(text)) or text.isupper() or lettered < 2

    def fills_budget(self, text: str, first: bool) -> bool:
        """May go into a word budget: never furniture; a very short line only as the first."""
        return not self.furniture(text) and (first or len(text.split()) >= self.short_words)

    def features(self, sentences) -> dict[str, np.ndarray]:
        """Per-candidate features, and the candidates' cosine matrix under ``"similarity"``."""
        k = min(len(sentences), self.candidates)
        terms = [self._terms(s) for s in sentences[:k]]
        # document frequency over candidates and the rest of the document alike (linear)
        df: dict[str, int] = {}
        for i, sentence in enumerate(sentences):
            for term in set(terms[i] if i < k else self._terms(sentence)):
                df[term] = df.get(term, 0) + 1
        n = len(sentences)
        vocab: dict[str, int] = {}
        for words in terms:
            for term in words:
                vocab.setdefault(term, len(vocab))
        idf = np.zeros(len(vocab))
        for term, j in vocab.items():
            idf[j] = math.log((n + 1) / (df[term] + 0.5))
        matrix = np.zeros((k, len(vocab)))
        for i, words in enumerate(terms):
            for term in words:
                matrix[i, vocab[term]] += 1.0
        matrix *= idf
        norms = np.linalg.norm(matrix, axis=1)
        norms[norms == 0] = 1.0
        unit = matrix / norms[:, None]
        similarity = unit @ unit.T
        np.fill_diagonal(similarity, 0.0)
        forward = np.triu(similarity, 1).sum(axis=1)
        backward = np.tril(similarity, -1).sum(axis=1)
        centrality = forward - self.backward_weight * backward
        scale = np.abs(centrality).max() if k else 0.0
        if scale > 0:
            centrality = centrality / scale
        texts = [str(s) for s in sentences[:k]]
        return {
            "position": self.position_decay ** np.arange(k, dtype=float),
            "centrality": centrality,
            "words": np.array([len(t.split()) for t in texts], dtype=float),
            "penalty": np.array([self.penalty(t) for t in texts]),
            "similarity": similarity,
        }

    def scores(self, f: dict[str, np.ndarray]) -> np.ndarray:
        return (
            self.position_weight * f["position"]
            + self.centrality_weight * f["centrality"]
            - self.length_weight * f["words"] / 25.0
            - f["penalty"]
        )

    def rank(self, sentences, limit: int | None = None) -> list[int]:
        """Indices of the best sentences, best first; at most ``limit``.

        The candidates in MMR order, then (only when more are asked for) the sentences past
        the candidates in document order.
        """
        if not sentences:
            return []
        f = self.features(sentences)
        order = mmr(self.scores(f), f["similarity"], self.redundancy_weight, limit)
        n = len(sentences) if limit is None else min(limit, len(sentences))
        order.extend(range(len(order), n))  # len(order) == candidates here
        return order


def mmr(scores: np.ndarray, similarity: np.ndarray, weight: float, limit: int | None) -> list[int]:
    """Greedy maximal marginal relevance: score minus ``weight`` x the closest pick so far."""
    k = len(scores)
    limit = k if limit is None else min(limit, k)
    chosen: list[int] = []
    closest = np.zeros(k)
    available = np.ones(k, dtype=bool)
    for _ in range(limit):
        gain = np.where(available, scores - weight * closest, -np.inf)
        best = int(np.argmax(gain))
        chosen.append(best)
        available[best] = False
        closest = np.maximum(closest, similarity[best])
    return chosen


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
    text = doc.text
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


class CachedStemmer:
    """A sumy stemmer with a bounded memo: snowball stemming is most of the summarizers' time."""

    def __init__(self, stemmer, size: int = 200_000) -> None:
        self._stem = functools.lru_cache(maxsize=size)(stemmer)

    def __call__(self, word: str) -> str:
        return self._stem(word)


@functools.cache
def _stemmer() -> CachedStemmer:
    return CachedStemmer(Stemmer("english"))


@functools.cache
def _stop_words() -> frozenset[str]:
    return frozenset(get_stop_words("english"))


def build_summarizer(method: str) -> AbstractSummarizer:
    try:
        cls = SUMY_METHODS[method]
    except KeyError:
        known = ", ".join(sorted(SUMY_METHODS))
        raise ValueError(f"unknown summary method {method!r}; one of {known}") from None
    summarizer = cls(_stemmer())
    summarizer.stop_words = _stop_words()
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
) -> list[Mention]:
    """The summary's sentences as spans of ``doc.text``, in document order.

    ``sentences`` is the number of sentences; ``words``, when given, is a word budget used
    instead: the best sentences that fit it, whole (possibly none when no sentence is short
    enough). Spans are whole sentences, less a leading dateline or boilerplate. With a budget,
    ``positional`` skips captions and split leftovers, and fills the rest of the budget only
    with lines of at least ``short_words`` words.
    """
    summarizer = build_summarizer(method)
    text = doc.text
    spans = [m for m in (clean_span(text, s) for s in sentence_spans(doc)) if m.end > m.start]
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
