"""Roles a headline gives ("Texas student Ahmed Mohamed ..."): ``take_title_roles`` adds them
to the people of the body, or the body's longer form of the same role."""

from __future__ import annotations

from spacy.tokens import Doc

from ..nlp import table
from ..record import Participant
from .names import (
    norm_key,
)
from .roles import (
    title_role_before,
)
from .rules import switchable
from .words import DEMONYMS, PERSON_NOUNS, PLACES, ROLE_HEADS, ROLE_WORDS


def take_title_roles(people: list[Participant], title: Doc) -> None:
    """A role the title gives a person of the text is the first one stated, so it is theirs:
    right before the name ("Wikinews interviews biologist Natasha Gownaris", "Former president
    of India Pranab Mukherjee") or after it and a comma ("Jo Jorgensen, U.S. Libertarian Party
    presidential nominee"). Headlines parse badly, so only the words are read."""
    for person in people:
        span = _name_in_title(title, norm_key(person.name).split())
        if span is not None:
            role = (
                title_role_before(title, span[0])
                or _title_role_after(title, span[1])
                or _title_opening(title, span[0])
            )
            if role and person.role and _same_role(role, person.role):
                continue  # "US president" in the title, "United States President" in the text
            person.role = role or person.role


_VARIANTS = {
    norm_key(variant): norm_key(canonical)
    for canonical, entry in table("entity_variants", "people").items()
    for variant in entry.get("variants") or []
}


@switchable("title_variant", off=lambda title_role, body_role: False)
def _same_role(title_role: str, body_role: str) -> bool:
    """The title's role is the body's written shorter ("US president", "United States
    President"): the body's form is shown."""

    def expanded(role: str) -> list[str]:
        out: list[str] = []
        for word in role.split():
            out.extend(_VARIANTS.get(norm_key(word), norm_key(word)).split())
        return out

    return expanded(title_role) == expanded(body_role) and title_role != body_role


_OPENING_POS = frozenset(["ADJ", "NOUN", "PROPN", "NUM"])


@switchable("title_opening", off=lambda title, start: None)
def _title_opening(title: Doc, start: int) -> str | None:
    """ "Texas student Ahmed Mohamed inspires ...", "Kennedy assassin Sirhan Sirhan stabbed
    ...", "Former U.S. intelligence agent Tony Mendez ...": a headline that opens with a short
    caption of the person, ending in a noun for a person or a post."""
    if not 0 < start <= 6:
        return None
    words = list(title[:start])
    last = words[-1].lower_
    if last not in ROLE_HEADS and last not in PERSON_NOUNS:
        return None
    for tok in words[:-1]:  # the last word is a known noun, whatever the tagger says
        if tok.is_punct and tok.text != ".":
            return None
        if not tok.is_punct and tok.pos_ not in _OPENING_POS and tok.lower_ not in DEMONYMS:
            return None
    return " ".join(t.text for t in words)


def _name_in_title(title: Doc, words: list[str]) -> tuple[int, int] | None:
    """Token range of the person's name in the title (its last word and the name words before
    it), or None when the title names someone else ("Pranab Mukherjee" is not his son
    Abhijit Mukherjee) or names them twice."""
    hits = [t.i for t in title if norm_key(t.text) == words[-1]]
    n = len(words)
    whole = [
        i
        for i in range(len(title) - n + 1)
        if [norm_key(t.text) for t in title[i : i + n]] == words
    ]
    if n > 1 and len(whole) == 1:  # "Sirhan Sirhan": a name that repeats a word
        hits = [whole[0] + n - 1]
    if len(hits) != 1:
        return None
    start = hits[0]
    while start > 0 and norm_key(title[start - 1].text) in words[:-1]:
        start -= 1
    before = title[start - 1] if start > 0 else None
    if (
        before is not None
        and before.is_title
        and before.pos_ == "PROPN"
        and before.lower_ not in ROLE_WORDS
        and before.lower_ not in PLACES
        and start - 1 > 0
    ):
        return None
    return start, hits[0] + 1


def _title_role_after(title: Doc, end: int) -> str | None:
    if end >= len(title) or title[end].text != ",":
        return None
    phrase = []
    for tok in title[end + 1 :]:
        if tok.is_punct and tok.text not in (".", "-"):
            break
        phrase.append(tok)
    if 0 < len(phrase) <= 8 and phrase[-1].lower_ in ROLE_HEADS:
        return " ".join(t.text for t in phrase)
    return None
