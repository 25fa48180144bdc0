"""Named rules of a poor summary line: each one a switch, a weight and examples.

The table is ``data/en/line_rules.yml`` (weights, why, examples, counterexamples, and the
patterns of the rules that are only patterns); the rules that need more than a pattern are the
functions of :data:`CODED` here. A rule's *strength* on a sentence is 0 (does not fire) to 1;
the positional summarizer subtracts ``weight x strength`` of every rule it has switched on.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..nlp.vocabulary import entries, table
from .words import CAPTION, FRAGMENT, QUOTES

SHORT_WORDS = 6  # under this many words a line is "short" (and fills no word budget)
RHETORICAL_WORDS = 9  # the rhetorical rule looks at lines of at most this many words
_CLOSERS = "\"'\u201d\u2019)"


@dataclass(frozen=True)
class LineRule:
    name: str
    weight: float
    strength: Callable[[str], float]
    why: str
    examples: tuple[str, ...]
    counterexamples: tuple[str, ...]


def furniture(text: str) -> bool:
    """A caption, credit, call to action or split leftover rather than a sentence."""
    lettered = sum(any(c.isalpha() for c in word) for word in text.split())
    return bool(CAPTION.search(text) or FRAGMENT.search(text)) or text.isupper() or lettered < 2


def short(text: str) -> float:
    n_words = len(text.split())
    return max(0.0, (SHORT_WORDS - n_words) / SHORT_WORDS)


def quote(text: str) -> float:
    marks = sum(text.count(q) for q in QUOTES)
    return float(text[:1] in QUOTES or marks % 2 == 1)


def question(text: str) -> float:
    return float(text.rstrip(_CLOSERS).endswith("?"))


def _normal(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").lower().split())


def _opens_with(text: str, openers: tuple[str, ...]) -> bool:
    """``text`` starts with one of ``openers`` as whole words (a comma may follow)."""
    start = _normal(text).lstrip("\"'\u201c\u2018(")
    return any(
        start == opener or (start.startswith(opener) and not start[len(opener)].isalnum())
        for opener in openers
    )


@functools.cache
def _openers(name: str) -> tuple[str, ...]:
    return tuple(_normal(entry) for entry in entries(name, "summaries"))


def rhetorical(text: str) -> float:
    if len(text.split()) > RHETORICAL_WORDS:
        return 0.0
    ending = text.rstrip(_CLOSERS)[-1:]
    return float(ending in "!?" or _opens_with(text, _openers("rhetorical_openers")))


CODED: dict[str, Callable[[str], float]] = {
    "short": short,
    "quote": quote,
    "question": question,
    "furniture": lambda text: float(furniture(text)),
    "rhetorical": rhetorical,
}


def _pattern_rule(patterns: list[str]) -> Callable[[str], float]:
    compiled = [re.compile(p) for p in patterns]
    return lambda text: float(any(p.search(text) for p in compiled))


@functools.cache
def line_rules() -> dict[str, LineRule]:
    """Every rule of ``line_rules.yml`` by name, in file order."""
    rules = {}
    for name, spec in table("line_rules", "summaries")["rules"].items():
        if "patterns" in spec:
            strength = _pattern_rule(spec["patterns"])
        elif name in CODED:
            strength = CODED[name]
        else:
            raise ValueError(f"summary rule {name!r} has no patterns and no function in rules.py")
        rules[name] = LineRule(
            name,
            float(spec["weight"]),
            strength,
            spec.get("why", ""),
            tuple(spec.get("examples", ())),
            tuple(spec.get("counterexamples", ())),
        )
    return rules
