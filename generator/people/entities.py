"""Places and organizations as a reader should see them on the page and as tags.

The tagger's GPE/LOC/FAC and ORG spans are evidence, not the answer. Each rule below keeps a
wrong name off the page rather than risk it (a missing tag costs less than a wrong one):

- ``speaker_mark``: a name inside an interview's speaker mark, ``((WN))``, ``((Jo Jorgensen))``,
  is no mention of a place, an organization or a person (``extract.outside_marks``). The analysis
  blanks the marks it reads as turns before parsing (``nlp.turns``); this rule catches every
  ``((...))`` in a text parsed as it is (the evaluations, ``find_participants`` on raw text);
- ``fragment``: a hashtag, a handle or an adjective ("#WrongTrump", "pro-Beijing"), a cut
  parenthesis ("National Hurricane Center (NHC"), trailing commas and
  quotes, a possessive apostrophe ("United States'"), leading lower-case words ("a World
  Health Organisation", "pro-Beijing New People Party");
- ``not_a_name``: no capital letter or no Latin letter, time zones, diseases, religions,
  events (``generator/nlp/data/en/time_zones.txt``, ``not_entities.txt``), a common noun alone
  (``generic_entity_words.txt``), awards, laws and events by their last word
  (``not_entity_heads.txt``: "Nobel Prize", "National Emergencies Act");
- ``person``: a name that is one of the document's people or a word of one ("Mendez" when
  "Tony Mendez" is a person), a person's name glued after an organization's ("NPR Hamza
  bin Laden" is "NPR"), and a person's thing ("Trump's America First");
- ``variant``: one canonical name and kind for the common variants (US / U.S. / United
  States; EU / European Union) from ``entity_variants.yml``, and a known country or city
  tagged as an organization is a place, and so is a name ending in a place word
  (``place_heads.txt``: "Wind River Reservation");
- ``short_form``: an acronym, a name without its place or without its head joins the only
  longer name of the document that it abbreviates ("FEMA", "Senate" of "Puerto Rico
  Senate", "Abaco" of "Abaco Islands").

Every rule can be switched off by name (``Rules.off``, ``rules.switch_off``) for ablation:
``python -m generator evaluate facts GOLD SOURCES --off variant``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..nlp import vocabulary
from ..record import Entity, Mention, Participant
from . import rules as registry
from .words import DEMONYMS, NATIONALITIES, PLACES, ROLE_HEADS, ROLE_WORDS

DATA = vocabulary.data_file("", "people")
RULES = tuple(registry.ENTITIES)
SPEAKER_MARK = re.compile(r"\(\([^()\n]{0,80}\)\)")
_PUNCT = re.compile(r"[^\w\s]|_")
_POSSESSIVE = re.compile(r"['’]s\b")
_EDGE = " \t,;:'’\"“”‘-–—"
# A sentence's full stop glued to a name ("the West."), not an abbreviation's ("U.S.", "Inc.").
_FULL_STOP = re.compile(r"(?<=[a-z]{3})\.$")
_LATIN = re.compile(r"[A-Za-zÀ-ɏ]")


@dataclass
class Rules:
    """Which rules run; ``off`` names the ones switched off."""

    off: frozenset[str] = field(default_factory=registry.off_now)

    def on(self, name: str) -> bool:
        if name not in registry.ENTITIES:
            raise ValueError(f"no such rule: {name}")
        return name not in self.off


def key(name: str) -> str:
    """A name compared without case, accents, punctuation or a leading "the"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = " ".join(_PUNCT.sub(" ", _POSSESSIVE.sub("", text)).split())
    return text[4:] if text.startswith("the ") else text


@functools.cache
def word_list(name: str) -> frozenset[str]:
    """One of the ``data/en/*.txt`` lists, as keys (time zones: the list all stages share)."""
    stage = "nlp" if name == "time_zones" else "people"
    return frozenset(key(entry) for entry in vocabulary.entries(name, stage))


@functools.cache
def word_lists(*names: str) -> frozenset[str]:
    """Several lists as one set, built once (they are asked for per name and per pair)."""
    return frozenset().union(*(word_list(n) for n in names))


@functools.cache
def variants() -> dict[str, tuple[str, str]]:
    """Each variant's key -> (canonical name, kind), the canonical names included."""
    out: dict[str, tuple[str, str]] = {}
    for canonical, entry in vocabulary.table("entity_variants", "people").items():
        for form in [canonical, *entry["variants"]]:
            out[key(form)] = (canonical, entry["kind"])
    return out


_GLUED_BEFORE = re.compile(r"(?:[#@]|\b(?:pro|anti|non|ex)-)$", re.IGNORECASE)


def _glued(text: str, start: int) -> bool:
    """A hashtag or handle ("#WrongTrump", "@VPOTUS") or an adjective ("pro-Beijing")."""
    return bool(_GLUED_BEFORE.search(text[max(0, start - 5) : start]))


def repair(name: str) -> str:
    """The name without a cut parenthesis, edge punctuation or leading lower-case words."""
    if name.count("(") > name.count(")"):
        name = name[: name.rindex("(")]
    elif name.count(")") > name.count("("):
        name = name[name.index(")") + 1 :]
    name = _FULL_STOP.sub("", name.strip(_EDGE)).strip(_EDGE)
    if name.endswith(("'", "’")):
        name = name[:-1]
    name = re.sub(r"\s*\([^()]*\)", "", name)  # "Indian National Congress (INC) party"
    words = name.split()
    while words and not (words[0][:1].isupper() or words[0][:1].isdigit()):
        words.pop(0)
    while (
        len(words) > 1
        and words[-1].islower()
        and words[-1].isalpha()  # "San Francisco 49ers" is whole
        and words[-1] not in _OPEN_END
        and words[-2][:1].isupper()
    ):
        words.pop()  # "... Congress party": a common noun after the name
    return " ".join(words).strip(_EDGE)


# Words that cannot end a name: the tagger cut it ("Associates of", "Grand Masters and").
_OPEN_END = frozenset(["of", "and", "for", "the", "in", "on", "at", "to", "de", "la", "del", "&"])
# "Magellanic", "Germanic", "Scientologist", "Localist": adjectives and followers, not bodies.
_ADJECTIVE = re.compile(r"^[A-Z][a-z]+(?:ic|ist|ists)$")
# Adjectives that are no name with a demonym alone: "Iranian National", "Supreme".
ADJECTIVE_WORDS = vocabulary.words("body_adjectives", "people")
_ROLE_ENDS = ROLE_HEADS | {"aide"}
_SEAS = vocabulary.words("seas", "people")
_COMPASS = re.compile(r"^(?:North|South|East|West)ern$|^Middle Eastern$")


def is_no_name(name: str) -> bool:
    k = key(name)
    words = k.split()
    return (
        not k
        or words[-1] in _OPEN_END
        or all(w in _OPEN_END for w in words)
        or "/" in name  # "Change Research/CNBC", "Progressives/Socialists": two things
        or (len(words) == 1 and bool(_ADJECTIVE.match(name)) and k not in _SEAS)
        or bool(_COMPASS.match(name.split()[-1]) or _COMPASS.match(name))
        or name.lower().startswith(("pro-", "anti-"))
        or (len(words) > 1 and words[-1] in _ROLE_ENDS)  # "National Security Advisor"
        # a demonym ends no name: its head was cut ("Scientology on French television")
        or (len(words) > 1 and words[-1] in NATIONALITIES)
        or " in " in f" {k} "  # "Omsk in Siberia": two places, neither whole
        or not any(ch.isupper() for ch in name)
        or not _LATIN.search(name)
        or k in word_list("time_zones")
        or k in word_list("not_entities")
        or k in word_list("generic_entity_words")
        or k in ROLE_WORDS  # a title alone: "Sultan", "Chancellor"
        or all(w in DEMONYMS or w in ADJECTIVE_WORDS or _is_title(w) for w in words)
        or (_award_like(words) and not _body_words(words))
    )


def _award_like(words: list[str]) -> bool:
    """An award, law or event by its head word, last or before "of" ("Medal of Science")."""
    heads = word_list("not_entity_heads")
    pairs = zip(words, words[1:], strict=False)
    return words[-1] in heads or any(w in heads and n == "of" for w, n in pairs)


def _is_title(word: str) -> bool:
    """A title word, singular or plural: "Grand Masters", "Iranian Grand"."""
    return word in ROLE_WORDS or (word.endswith("s") and word[:-1] in ROLE_WORDS)


def _body_words(words: list[str]) -> bool:
    """A word that makes the name a body's: "Commission on Presidential Debates"."""
    return any(w in word_list("org_heads") for w in words)


def _person_keys(people: Iterable[Participant]) -> tuple[set[str], set[str]]:
    """Full-name keys of the document's people, and every word of their names."""
    full, words = set(), set()
    for person in people:
        k = key(person.name)
        full.add(k)
        words.update(w for w in k.split() if len(w) > 2)
    return full, words


def _names_a_person(k: str, full: set[str], person_words: set[str]) -> bool:
    """The name is a person of the text, a word of one, or holds one ("Vermont Bernie",
    "Biden-Harris") without being a body named after them ("Doris Day Animal Foundation")."""
    if k in full or k in person_words:
        return True
    words = k.split()
    named_after = word_lists("org_heads", "place_heads", "generic_entity_words")
    # a body named after a person puts the name first ("Pogue Construction"); a person's name
    # glued after a place or body is the tagger's cut ("India Narendra Modi")
    return words[-1] in person_words and words[-1] not in named_after


_OWNER = re.compile(r"^(?P<owner>[^'’]+?)['’]s\s+\S")


def _owned(name: str, full: set[str], person_words: set[str]) -> bool:
    """ "Trump's America First": a person's policy, campaign or thing, no body of its own."""
    m = _OWNER.match(name)
    return bool(m) and (key(m["owner"]) in full or key(m["owner"]) in person_words)


def _without_person(name: str, full: set[str], person_words: set[str]) -> str:
    """ "NPR Hamza bin Laden" -> "NPR": a person's name at the end of the name is cut."""
    words = name.split()
    for i in range(1, len(words)):
        tail = key(" ".join(words[i:]))
        head = " ".join(words[:i])
        if tail in full and " " in tail:
            return head
        if all(w in person_words for w in tail.split()):
            # only a surname matched: the words before may be the rest of the person's name
            # ("Vermont Bernie" of "Vermont Bernie Sanders"), unless they are a known place
            return head if key(head) in PLACES or key(head) in variants() else ""
    return name


def clean(
    text: str,
    people: list[Participant],
    places: list[Entity],
    orgs: list[Entity],
    rules: Rules | None = None,
) -> tuple[list[Entity], list[Entity]]:
    """The document's places and organizations after the rules above, merged by name."""
    from . import short_forms  # it reads this module's keys and word lists

    rules = rules or Rules()
    marks = [m.span() for m in SPEAKER_MARK.finditer(text)] if rules.on("speaker_mark") else []
    full, person_words = _person_keys(people)
    found: dict[str, dict[str, Entity]] = {"place": {}, "organization": {}}
    for kind, entities in (("place", places), ("organization", orgs)):
        for entity in entities:
            mentions = [
                m
                for m in entity.mentions
                if not any(s <= m.start < e for s, e in marks)
                and not (rules.on("fragment") and _glued(text, m.start))
            ]
            if not mentions:
                continue
            name = entity.name
            if rules.on("fragment"):
                name = repair(name)
            if rules.on("person"):
                name = "" if _owned(name, full, person_words) else name
                name = _without_person(name, full, person_words)
            if not name or (rules.on("not_a_name") and is_no_name(name)):
                continue
            k = key(name)
            if rules.on("person") and _names_a_person(k, full, person_words):
                continue
            target, merge_key = kind, None
            if rules.on("variant"):
                canonical = variants().get(k)
                if canonical:
                    merge_key, target = key(canonical[0]), canonical[1]
                    # the text's own full form is kept ("World Health Organisation")
                    if len(name.split()) < 2 or canonical[0].lower() in text.lower():
                        name = canonical[0]
                elif kind == "organization" and (
                    k in PLACES or k.split()[-1] in word_list("place_heads")
                ):
                    target = "place"
                elif kind == "place" and (
                    k.split()[-1] in word_list("org_heads")
                    or (name.isupper() and name.isalpha() and len(name) > 2 and k not in PLACES)
                ):
                    target = "organization"  # "Saint Louis Chess Club", "FIDE"
            _add(found[target], name, mentions, merge_key or short_forms.merge_key(name))
    # A name both a place and an organization is shown once: as the kind it has more often,
    # a tie going to a known place, else to the organization ("YouTube").
    for k in set(found["place"]) & set(found["organization"]):
        place, org = found["place"][k], found["organization"][k]
        as_place = (len(place.mentions), k in PLACES or k in variants())
        as_org = (len(org.mentions), k not in PLACES and k not in variants())
        loser = "organization" if as_place >= as_org else "place"
        winner = found["place" if loser == "organization" else "organization"][k]
        winner.mentions = sorted(
            {*winner.mentions, *found[loser].pop(k).mentions}, key=lambda m: m.start
        )
    if rules.on("short_form"):
        for entities in found.values():
            short_forms.merge_short_forms(entities)
    return list(found["place"].values()), list(found["organization"].values())


def _add(
    entities: dict[str, Entity], name: str, mentions: list[Mention], k: str | None = None
) -> None:
    k = k or key(name)
    entity = entities.get(k)
    if entity is None:
        entities[k] = Entity(name, list(mentions))
        return
    if len(name) > len(entity.name):
        entity.name = name  # the fullest form of the text names it
    entity.mentions = sorted({*entity.mentions, *mentions}, key=lambda m: m.start)
