"""The rule families of the people stage, by name, each one switchable off for ablation.

``python -m generator evaluate participants FILE --ablation`` scores the stage with each
family of ``PEOPLE`` switched off in turn; ``python -m generator evaluate facts GOLD SOURCES
--off NAME,...`` builds an archive with the named families (of either table) off. A family is
switched off here, in one place: its code asks ``on(name)`` (``switchable`` wraps a
function, ``SwitchablePattern`` a regular expression), never a patched module global.

To add a family: an entry below (name and what it does), then wrap its code.
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

# Families of the person rules, in the order the ablation reports them.
PEOPLE: dict[str, str] = {
    "initial_name": "initial-name pattern (P. Simmons)",
    "name_bracket": "Name (Country) bracket pattern",
    "cricket": "cricket c/b/st and bowling figures",
    "ranked_row": "ranked score rows",
    "lineup": "line-ups and substitutes",
    "signature": "signature and byline lines",
    "trigger": "trigger words (spokesman X Y)",
    "teams": "teams in results/standings rows",
    "place_context": "place contexts (in X, datelines)",
    "org_context": "company/club contexts",
    "possessor": "possessor drop (Team's Full Name)",
    "completion": "name completion (Faik Nerweyi)",
    "list_expansion": "comma-list expansion",
    "propagation": "propagation (surnames, all caps)",
    "non_name_words": "non-name word lists (bad_name)",
    "no_person": "no-person filter (craft, place/org words, cues)",
    "merge_keys": "merge keys (titles, Jr., al-, middle names)",
    "cues": "who / apposition / 'called' cues",
    "credit": "news credits, quoted speakers",
    "coordination": "coordination (X and <person>)",
    "widening": "widening (Mehmet Ali Ediboglu)",
    "mention_roles": "roles beside every mention, not only the tagger's names",
    "who_is": "X who is <role>, written without a comma",
    "list_roles": "a plural role before a list (former presidents X, Y and Z)",
    "affiliation": "an organization as caption (DAB's X, X of the Civic Party)",
    "pronoun_relations": "his father X; X, wife of Y",
    "title_variant": "the body's form of the title's role (United States President)",
    "place_in_role": "a country or state before a title (United States President)",
    "coordinated_roles": "the first of two roles joined by 'and' before a name",
    "generic_possessor": "no 'the country's' in a role (the country's foreign minister)",
    "title_opening": "a headline opening with a caption (Texas student X)",
    "hyphen_title": "a country hyphened to a title (then-U.S.-president X)",
    "hyphen_syllables": "Kwok-kin and Kwok-hing are two names, not two spellings of one",
    "address_title": "Professor X, director of Y: the apposition's post, not the title",
    "bracket_role": "a caption in square brackets before a name ([party founder] X)",
    "formerly": "'X, formerly a deputy administrator,' is a former deputy administrator",
    "as_role": "a post after 'as' on a verb of office (named X as CEO, resigned as minister)",
    "title_modifiers": "a title's modifiers before it (fashion designer X, Acme CEO X)",
    "appos_of_phrase": "the role of a place or body, then the name (The mayor of Lyon, X,)",
}
# Families of the place and organization rules (``entities.clean``).
ENTITIES: dict[str, str] = {
    "speaker_mark": "a name inside an interview's speaker mark, ((WN))",
    "fragment": "hashtags, handles, adjectives, cut parentheses, edges",
    "not_a_name": "no capital or Latin letter, time zones, diseases, common nouns",
    "person": "a name that is one of the document's people, or glued after one",
    "variant": "one canonical name and kind for common variants",
    "short_form": "an acronym or a short form joins the one longer name",
    "known_organization": "names the tagger misses are organizations (Twitter)",
    "org_used_as_place": "a one-word organization the text uses as a place (town of X)",
    "campus": "a university with its campus, a court with its district, as one name",
    "cross_kind_short_form": "a place that only shortens an organization (Monmouth)",
    "place_in_org_name": "a place inside an organization's written name (Environment Canada)",
    "two_names": "two names run together (Public Image Ltd. Cream), comma lists",
    "bracket_acronym": "Long Form (ACR): ACR is that organization, or none (LNG, GM)",
    "tagged_person": "a one-word place or organization the text tags a person more often",
    "family_name": "a family's name (the Lindqvist sisters), no place or organization",
    "life_verb": "a name a person's life verb follows (Okafor died) is no place or body",
    "body_noun_before": "a place the text calls a body (news agency Fars) is an organization",
    "cut_name": "a piece of a longer name the tagger cut (Referral Hospital), not listed",
}
RULES: dict[str, str] = {**PEOPLE, **ENTITIES}

_OFF: set[str] = set()
# Families whose code asked for a switch at import time (a test checks none is missing).
WIRED: set[str] = set()


def _check(names: Iterable[str]) -> list[str]:
    names = list(names)
    unknown = set(names) - set(RULES)
    if unknown:
        raise ValueError(f"no such rule: {', '.join(sorted(unknown))} (rules: {', '.join(RULES)})")
    return names


def switch_off(names: Iterable[str]) -> None:
    """Turn families off by name for this process (``evaluate facts --off``)."""
    _OFF.update(_check(names))


@contextlib.contextmanager
def switched_off(names: Iterable[str]) -> Iterator[None]:
    """Families off for the ``with`` block only (the ablation, tests)."""
    names = _check(names)
    before = set(_OFF)
    _OFF.update(names)
    try:
        yield
    finally:
        _OFF.clear()
        _OFF.update(before)


def on(name: str) -> bool:
    return name not in _OFF


def off_now() -> frozenset[str]:
    """The families switched off at this moment."""
    return frozenset(_OFF)


F = TypeVar("F", bound=Callable[..., Any])


def switchable(name: str, off: Callable[..., Any]) -> Callable[[F], F]:
    """The decorated function is family ``name``; switched off, ``off`` answers instead
    (with the same arguments: what the stage would see if the family did nothing)."""
    WIRED.update(_check([name]))

    def decorate(function: F) -> F:
        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            return function(*args, **kwargs) if name not in _OFF else off(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate


_NEVER = re.compile(r"(?!)")


class SwitchablePattern:
    """A compiled expression of family ``name``; switched off, it matches nothing."""

    def __init__(self, name: str, pattern: re.Pattern[str]) -> None:
        WIRED.update(_check([name]))
        self.name = name
        self.compiled = pattern

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self.compiled if self.name not in _OFF else _NEVER, attribute)
