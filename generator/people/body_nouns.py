"""A "place" that the text calls a body by a common noun is an organization (family
``body_noun_before``): "state-owned news agency Fars reported" is the agency, not the
province; "the club Barcelona" is the club. The nouns are data (``body_nouns_before.txt``)
and must be written in lower case right before the name. A known place is never moved, and
neither is a name the text also places ("in Fars", "from Fars"): both uses then stay as the
tagger had them.
"""

from __future__ import annotations

import functools
import re

from ..nlp import vocabulary
from ..record import Entity, Mention
from .entities import key, variants
from .rules import switchable
from .words import PLACES

RULES = ("body_noun_before",)
_PLACED = re.compile(r"\b(?:in|from|at|near|to|across|outside|inside)\s+(?:the\s+)?$")


@functools.cache
def _body_before() -> re.Pattern[str]:
    nouns = sorted(vocabulary.entries("body_nouns_before", "people"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in nouns) + r")\s+$")


def _called_a_body(text: str, mention: Mention) -> bool:
    return bool(_body_before().search(text[max(0, mention.start - 40) : mention.start]))


def _placed(text: str, mention: Mention) -> bool:
    return bool(_PLACED.search(text[max(0, mention.start - 20) : mention.start]))


@switchable("body_noun_before", off=lambda text, places, orgs: (places, orgs))
def bodies_by_noun(
    text: str, places: list[Entity], orgs: list[Entity]
) -> tuple[list[Entity], list[Entity]]:
    """(places kept, organizations with the places the text calls bodies)."""
    by_key = {key(o.name): o for o in orgs}
    kept: list[Entity] = []
    orgs = list(orgs)
    for place in places:
        k = key(place.name)
        if (
            k in PLACES
            or k in variants()
            or not any(_called_a_body(text, m) for m in place.mentions)
            or any(_placed(text, m) for m in place.mentions)
        ):
            kept.append(place)
        elif k in by_key:
            org = by_key[k]
            org.mentions = sorted({*org.mentions, *place.mentions}, key=lambda m: m.start)
        else:
            orgs.append(place)
    return kept, orgs
