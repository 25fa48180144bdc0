"""A person's name that the tagger glued to the end of a place or organization tag, found
from the role that opens the phrase and the say verb that closes it ("Prime Minister of
Freedonia Ana Costa wrote": the tag "Freedonia Ana Costa"). Part of the ``trigger`` family
(``rules.PEOPLE``); ``patterns.add_pattern_candidates`` adds what it finds."""

from __future__ import annotations

import re

from . import rules
from .entities import word_lists
from .names import NAME_WORD, Candidate, bad_name, is_title_word, norm_key
from .words import DEMONYMS, NOT_PERSON_HEADS, ROLE_WORDS

# "Prime Minister of Freedonia Ana Costa wrote", "director of the Lisbon chapter of the Rowing
# Union Ana Costa said": a body's or place's tag that swallowed the name after it.
_ROLE_OF_BEFORE = re.compile(
    r"\b(?P<role>[A-Za-z-]+)\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?(?:of\s+(?:the\s+)?)?$"
)
_NAME_TAIL = re.compile(r"\s(" + NAME_WORD + r"\s" + NAME_WORD + r")$")
_SAY_AFTER = re.compile(r"\s+(?:said|says|wrote|writes|told|tweeted|added|stated)\b")


def _body_word(words: list[str]) -> bool:
    body = word_lists(
        "org_heads",
        "org_words",
        "generic_entity_words",
        "not_person_org_heads",
        "place_heads",
        "body_adjectives",
        "known_organizations",
    )
    return any(w in body or w in NOT_PERSON_HEADS or w in DEMONYMS for w in words)


def names_glued_after_a_body(text: str, other: list[tuple[int, int, str]]) -> list[Candidate]:
    """The two last words of a place or organization tag that a role "of" it opens and a
    say verb closes ("Minister of Freedonia Ana Costa said"): the speaker's name."""
    found: list[Candidate] = []
    if not rules.on("trigger"):
        return found
    for s, e, _label in other:
        tail = _NAME_TAIL.search(text, s, e)
        if not tail or tail.start(1) <= s or not _SAY_AFTER.match(text, e):
            continue
        before = _ROLE_OF_BEFORE.search(text, max(0, s - 60), s)
        if not before or not is_title_word(before["role"]) or "\n" in text[before.start() : s]:
            continue
        words = norm_key(tail.group(1)).split()
        if words[0] in ROLE_WORDS or bad_name(tail.group(1)) or _body_word(words):
            continue  # "... Rowing Union said", "Iraqi National Congress said": the body's words
        found.append(Candidate(tail.start(1), e, tail.group(1), None, {"trigger"}))
    return found
