"""Family and personal relations a pronoun phrase gives a name ("his wife Mary"), without
the NLP library: the roles of ``mention_roles`` and the archive's name unification
(``pipeline.records``, which must not load spaCy) both read them."""

from __future__ import annotations

import re

from ..nlp.vocabulary import words
from .words import RELATIONS

_RELATION_MODIFIERS = "|".join(sorted(words("relation_modifiers", "people"), key=len, reverse=True))
PRONOUN_RELATION = re.compile(
    r"\b(?:his|her|their)\s+(?:(?:" + _RELATION_MODIFIERS + r")\s+)*(?P<rel>[a-z-]+),?\s+$",
    re.I,
)


def relation_word(word: str) -> str | None:
    """ "then-girlfriend" is a girlfriend: the relation noun of a word, or None."""
    bare = word.lower()
    for prefix in ("then-", "ex-", "step-"):
        if bare.startswith(prefix) and bare[len(prefix) :] in RELATIONS:
            return bare
    return bare if bare in RELATIONS else None


def relation_before(text: str, start: int) -> str | None:
    """The relation a pronoun phrase gives the name at ``start`` ("his wife Mary": "wife"),
    whoever the pronoun means."""
    before = PRONOUN_RELATION.search(text, max(0, start - 60), start)
    return relation_word(before["rel"]) if before and before.end() == start else None
