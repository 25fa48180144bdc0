"""Extractive summaries: spaCy's sentences handed to sumy's summarizers.

sumy's own tokenizer needs NLTK data that cannot be downloaded here, so the document model is
built from the spaCy parse the other stages share.
"""

from __future__ import annotations

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
from sumy.utils import get_stop_words

from .record import Mention

DEFAULT_METHOD = "lexrank"
DEFAULT_SENTENCES = 3

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
    """sumy's document model of the given sentence spans; sentence i is spans[i]."""
    tokenizer = ParsedTokenizer()
    sentences = []
    for span in spans:
        text = doc.text[span.start : span.end]
        tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
        tokenizer.words[text] = tuple(
            t.text for t in (tokens or ()) if not (t.is_punct or t.is_space)
        )
        sentences.append(Sentence(text, tokenizer))
    return ObjectDocumentModel([Paragraph(sentences)]), sentences


def build_summarizer(method: str) -> AbstractSummarizer:
    try:
        cls = SUMY_METHODS[method]
    except KeyError:
        raise ValueError(f"unknown summary method {method!r}; one of {sorted(SUMY_METHODS)}") from None
    summarizer = cls(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    if isinstance(summarizer, EdmundsonSummarizer):
        summarizer.bonus_words = summarizer.stigma_words = summarizer.null_words = ("",)
    return summarizer


def summarize(
    doc: Doc, *, sentences: int = DEFAULT_SENTENCES, method: str = DEFAULT_METHOD
) -> list[Mention]:
    """The summary's sentences as spans of ``doc.text``, in document order."""
    spans = sentence_spans(doc)
    if len(spans) <= sentences:
        return spans
    model, objects = document_model(doc, spans)
    index = {id(sentence): i for i, sentence in enumerate(objects)}
    chosen = build_summarizer(method)(model, sentences)
    return sorted((spans[index[id(s)]] for s in chosen), key=lambda m: m.start)
