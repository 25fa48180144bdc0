"""Places and organizations the tagger cut out of a longer name (family ``cut_name``).

The small model often tags only a piece of a long name: "Disaster and Emergency Management"
of "Disaster and Emergency Management Presidency", "Referral Hospital" of "Research and
Referral Hospital", "Punta" and "Tombo" of "Punta Tombo", "World Rapid" of "World Rapid and
Blitz Championship". A piece is a wrong tag (a reader sees a body that does not exist), so an
entity is dropped when every one of its mentions is such a piece:

- a capitalized word follows it (directly, or after "and", "of" or "&") that no tag and no
  person covers there, is no function word, weekday or month and starts no role ("White
  House Press Secretary" keeps "White House");
- or such a word stands right before it (directly, or before "and", "of" or "&"), does not
  start a sentence ("Yesterday Google said" keeps "Google") and is no role word ("Governor
  of Texas" keeps "Texas");
- or that word is a place or body tag of its own, right by the name ("Punta" "Tombo") or
  through an "and" that a tag swallowed ("the Army's Research and" "Referral Hospital");
  two tags joined by a free "and" are two names ("Britain and France").

A known place or body (``PLACES``, ``entity_variants.yml``, ``known_organizations.txt``)
is never dropped: "Texas Governor" and "US President" still name the place.
"""

from __future__ import annotations

import re

from ..record import Entity, Mention
from .entities import key, variants
from .entity_evidence import known_keys
from .names import FUNCTION_WORDS
from .rules import switchable
from .words import MONTH_WORDS, PLACES, ROLE_HEADS, ROLE_WORDS, WEEKDAYS

RULES = ("cut_name",)
_WORD = r"[A-Z][\w'’.-]*"
# Up to three capitalized words after the name: a role among them keeps the name whole.
_AFTER = re.compile(
    rf"[ \t]+(?P<joint>(?:and|of|&)[ \t]+)?(?P<word>{_WORD})(?P<rest>(?:[ \t]+{_WORD}){{0,2}})"
)
_BEFORE = re.compile(rf"(?P<word>{_WORD})[ \t]+(?P<joint>(?:and|of|&)[ \t]+)?$")
# "U.S.-designated", "Beijing-based": an adjective made of a name, no part of one.
_ADJECTIVE_TAIL = re.compile(r"-[a-z]+$")
# What may stand before a sentence's first word.
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”'‘’()\[\]\n]|\(\()\s*$")


def _plain(word: str) -> str:
    return word.rstrip(".").lower()


def _is_role(word: str) -> bool:
    w = _plain(word)
    return w in ROLE_WORDS or w in ROLE_HEADS or (w.endswith("s") and w[:-1] in ROLE_WORDS)


# What ``covered`` holds per character: nothing, a person or other tag, a place or body tag.
FREE, OTHER, NAME = 0, 1, 2


def _neighbour(text: str, covered: bytearray, m: re.Match[str], offset: int = 0) -> bool:
    """The capitalized word of ``m`` continues the name: no tag covers it, or it is a place
    or body tag of its own that stands right by the name ("Punta" "Tombo") or that a tag
    swallowing the "and" runs into ("the Army's Research and" "Referral Hospital")."""
    start, end = offset + m.start("word"), offset + m.end("word")
    marks = set(covered[start:end])
    if marks == {FREE}:
        return True
    run = _run(covered, text, start, end)
    if marks != {NAME} or _known(run):
        return False  # a known place before or after a body is its own ("US" "Senate")
    joint = m.group("joint")
    if not joint:
        # one word by the name is its other half; a longer tag is a name of its own
        # ("the National Air and Space Museum" "Steven F. Udvar-Hazy Center")
        return len(run.split()) == 1
    j = offset + m.start("joint")
    return all(c == NAME for c in covered[j : j + len(joint.rstrip())])


def _run(covered: bytearray, text: str, start: int, end: int) -> str:
    """The whole tag holding text[start:end] (its run of place or body characters)."""
    while start > 0 and covered[start - 1] == NAME:
        start -= 1
    while end < len(text) and covered[end] == NAME:
        end += 1
    return text[start:end]


def _plain_word(word: str) -> bool:
    """A word that can be part of a name here: not a function word, a weekday, a month, a
    possessive or an adjective ("U.S.-designated")."""
    w = _plain(word)
    return not (
        len(w) < 2
        or w in FUNCTION_WORDS
        or w in WEEKDAYS
        or w in MONTH_WORDS
        or word.endswith(("'s", "’s"))
        or bool(_ADJECTIVE_TAIL.search(word))
    )


def _continued_after(text: str, mention: Mention, covered: bytearray) -> bool:
    if text[mention.start : mention.end].endswith(("'s", "’s")):
        return False  # the possessive closes the name: "Texas A&M's Aerospace Department"
    m = _AFTER.match(text, mention.end)
    if not m or not _plain_word(m.group("word")) or not _neighbour(text, covered, m):
        return False
    return not any(_is_role(w) for w in [m.group("word"), *m.group("rest").split()])


def _continued_before(text: str, mention: Mention, covered: bytearray) -> bool:
    head = text[max(0, mention.start - 60) : mention.start]
    m = _BEFORE.search(head)
    if not m:
        return False
    word = m.group("word")
    return (
        _plain_word(word)
        and not _is_role(word)
        and not _SENTENCE_START.search(head[: m.start()])
        and _neighbour(text, covered, m, mention.start - len(head))
    )


def is_cut(text: str, mention: Mention, covered: bytearray) -> bool:
    """The mention is a piece of a longer capitalized name the tagger did not tag."""
    return _continued_after(text, mention, covered) or _continued_before(text, mention, covered)


def _known(name: str) -> bool:
    k = key(name)
    return k in PLACES or k in variants() or k in known_keys()


def _keep(text: str, entity: Entity, covered: bytearray) -> bool:
    return _known(entity.name) or not all(is_cut(text, m, covered) for m in entity.mentions)


@switchable("cut_name", off=lambda text, covered, places, orgs: (places, orgs))
def drop_cut_names(
    text: str, covered: bytearray, places: list[Entity], orgs: list[Entity]
) -> tuple[list[Entity], list[Entity]]:
    """Places and organizations less those only ever seen as a piece of a longer name;
    ``covered`` marks the characters of every tag and person of the text."""
    return (
        [p for p in places if _keep(text, p, covered)],
        [o for o in orgs if _keep(text, o, covered)],
    )
