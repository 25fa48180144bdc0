"""Places and organizations that the text itself shows to be people's names (the small
model often tags a surname as a place and a full name as an organization). Each rule is one
family of ``rules.ENTITIES``, switchable by name:

- ``tagged_person``: a one-word place or organization that the same document tags as a
  person more often than as anything else ("Okafor resigned ... Okafor's deputy", tagged a
  person twice and an organization once) and writes after a given name ("Ricardo Okafor
  Diaz") is neither, unless it is a known place or body, a company's word ("UpGuard"), or
  the people rules sent one of those person spans there ("at Donovan", a prison); and a
  full name of two or three name-shaped words whose first or last word the text tags alone
  a person more often ("Ines" ... "Ines Okafor") is no organization or place either;
- ``family_name``: a word right before a family word ("the Lindqvist sisters") or after one
  and "of" ("the brothers of Okafor"): ``family_words.txt``) is a family's name there;
- ``life_verb``: a name a verb of a person's life follows ("Okafor died in May":
  ``life_verbs.txt``) is no place or organization, and nor is a full name that ends with it
  ("Ines Okafor").
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Span

from ..nlp import vocabulary
from ..record import Entity, Participant
from .entities import key, variants, word_lists
from .entity_evidence import known_keys
from .names import FUNCTION_WORDS
from .rules import switchable
from .words import DEMONYMS, PLACES

RULES = ("tagged_person", "family_name", "life_verb")


def _person_counts(ents: tuple[Span, ...]) -> tuple[Counter[str], Counter[str]]:
    """How often each name is tagged a person, and how often anything else."""
    person, other = Counter(), Counter()
    for ent in ents:
        (person if ent.label_ == "PERSON" else other)[key(ent.text)] += 1
    return person, other


def _known(k: str) -> bool:
    return k in PLACES or k in variants() or k in known_keys()


# "UpGuard", "SpaceX": a capital inside the word is a company's, not a surname's ("McCain")
_INNER_CAPITAL = re.compile(r"^(?!Mac|Mc|De|La|Le|Di|O['’])[A-Z][a-z]+[A-Z]")


def _after_given_name(text: str, name: str) -> bool:
    """The word ends a longer name somewhere in the text ("Ricardo Okafor Diaz"): a
    capitalized word that is no function word stands right before it."""
    rx = r"(?<![.!?]\s)(?<![\w'’-])([A-Z][\w'’.-]*)\s+" + re.escape(name) + r"(?![\w-])"
    return any(m.group(1).lower() not in FUNCTION_WORDS for m in re.finditer(rx, text))


_NAME_WORD = re.compile(r"^[A-Z][a-zà-ÿ'’]+(?:-[A-Z]?[a-zà-ÿ'’]+)?$")


def _full_name_of_tagged(
    name: str, person: Counter[str], other: Counter[str], people_words: set[str]
) -> bool:
    """ "Ines Okafor" when the text tags "Ines" (or "Okafor") alone a person more often than
    anything else: two or three name-shaped words, none a body's, place's or demonym, nor a
    word of the document's people, whose bodies ``entities.clean`` already told apart
    ("Pogue Construction", founded by Paul Pogue)."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(_NAME_WORD.match(w) for w in words):
        return False
    vocabulary_words = word_lists(
        "org_heads", "org_words", "generic_entity_words", "not_person_org_heads", "place_heads"
    )
    keys = [key(w) for w in words]
    if _known(key(name)) or any(
        k in vocabulary_words or k in DEMONYMS or k in people_words or _known(k) for k in keys
    ):
        return False
    return any(person[k] > other[k] for k in (keys[0], keys[-1]))


@switchable("tagged_person", off=lambda text, ents, places, orgs, people=(): (places, orgs))
def tagged_as_people(
    text: str,
    ents: tuple[Span, ...],
    places: list[Entity],
    orgs: list[Entity],
    people: Iterable[Participant] = (),
) -> tuple[list[Entity], list[Entity]]:
    """Places and organizations less the one-word names the document tags as a person
    more often than as anything else and also writes after a given name."""
    person, other = _person_counts(ents)
    people_words = {w for p in people for w in key(p.name).split()}
    # a person span the people rules already sent here ("at Donovan" of a prison) stays
    judged = {(e.start_char, e.end_char) for e in ents if e.label_ == "PERSON"}

    def kept(entities: list[Entity]) -> list[Entity]:
        out = []
        for entity in entities:
            k = key(entity.name)
            if (
                " " not in k
                and person[k] > other[k]
                and not _known(k)
                and not any((m.start, m.end) in judged for m in entity.mentions)
                and not _INNER_CAPITAL.match(entity.name)
                and _after_given_name(text, entity.name)
            ) or _full_name_of_tagged(entity.name, person, other, people_words):
                continue
            out.append(entity)
        return out

    return kept(places), kept(orgs)


@functools.cache
def _family_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    family = "|".join(sorted(vocabulary.entries("family_words", "people"), key=len, reverse=True))
    # the family word is the head, not a modifier: "the Chicago family court" is a court
    after = re.compile(
        r"^['’]?s?\s+(?:"
        + family
        + r")(?:['’]s?)?(?=[^\w\s]|\s+[A-Z]|\s*$|\s+(?:"
        + "|".join(sorted(FUNCTION_WORDS))
        + r")\b)"
    )
    before = re.compile(r"\b(?:" + family + r")\s+of\s+(?:the\s+)?$")
    return after, before


@switchable("family_name", off=lambda text, places, orgs: (places, orgs))
def family_names(
    text: str, places: list[Entity], orgs: list[Entity]
) -> tuple[list[Entity], list[Entity]]:
    """Places and organizations less their mentions that name a family; a name left with
    no mention is none."""
    after, before = _family_patterns()

    def family(start: int, end: int) -> bool:
        return bool(
            after.match(text[end : end + 20]) or before.search(text[max(0, start - 30) : start])
        )

    def kept(entities: list[Entity]) -> list[Entity]:
        out = []
        for entity in entities:
            if " " in entity.name.strip() or _known(key(entity.name)):
                out.append(entity)
                continue
            entity.mentions = [m for m in entity.mentions if not family(m.start, m.end)]
            if entity.mentions:
                out.append(entity)
        return out

    return kept(places), kept(orgs)


@functools.cache
def _life_pattern() -> re.Pattern[str]:
    verbs = sorted(vocabulary.entries("life_verbs", "people"), key=len, reverse=True)
    return re.compile(r"(?:['’]s)?[ \t]+(?:" + "|".join(verbs) + r")\b")


@switchable("life_verb", off=lambda text, places, orgs: (places, orgs))
def life_verbs(
    text: str, places: list[Entity], orgs: list[Entity]
) -> tuple[list[Entity], list[Entity]]:
    """Places and organizations less the names a verb of a person's life follows ("Cummings
    died", a body is dissolved, not dead) and the full names that end with one of those."""
    # Where a life verb stands, once per document (a roster has thousands of names; the
    # verbs are few): anywhere in the text, for the tagger may call that mention a person.
    ends = [m.start() for m in _life_pattern().finditer(text)]

    def lives(name: str) -> bool:
        return not _known(key(name)) and any(
            text.endswith(name, 0, end)
            and not re.match(r"[\w-]", text[end - len(name) - 1 : end - len(name)])
            for end in ends
        )

    def person(entity: Entity) -> bool:
        words = entity.name.split()
        full_name = 2 <= len(words) <= 3 and all(_NAME_WORD.match(w) for w in words)
        return lives(entity.name) or (
            full_name and lives(words[-1]) and not _known(key(entity.name))
        )

    return [e for e in places if not person(e)], [e for e in orgs if not person(e)]
