"""The summary stage: extractive summaries of one parsed document.

``summarize(doc, ...)`` picks sentences of spaCy's parse with one of sumy's summarizers or
our ``positional`` one (a lead prior, centrality and redundancy, made for news: see
``positional``); ``sentence_spans`` gives the sentences it chooses from. ``words`` holds the
stemming, stop words and the lines that are no story.

The names load on first use: importing the package pulls in neither sumy nor spaCy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .summarizer import (
        DEFAULT_METHOD,
        DEFAULT_SENTENCES,
        SUMY_METHODS,
        build_summarizer,
        clean_span,
        sentence_spans,
        summarize,
        word_count,
    )

__all__ = [
    "DEFAULT_METHOD",
    "DEFAULT_SENTENCES",
    "SUMY_METHODS",
    "build_summarizer",
    "clean_span",
    "sentence_spans",
    "summarize",
    "word_count",
]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import summarizer

        return getattr(summarizer, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
