"""The ``body_noun_before`` family: a place the text calls a body is an organization."""

from __future__ import annotations

import pytest

from generator.people import body_nouns
from generator.people.rules import switched_off
from generator.record import Entity, Mention

pytestmark = pytest.mark.unit


def _entity(text: str, name: str) -> Entity:
    starts, at = [], text.find(name)
    while at >= 0:
        starts.append(at)
        at = text.find(name, at + 1)
    return Entity(name, [Mention(s, s + len(name)) for s in starts])


def _kinds(text: str, name: str) -> tuple[list[str], list[str]]:
    places, orgs = body_nouns.bodies_by_noun(text, [_entity(text, name)], [])
    return [p.name for p in places], [o.name for o in orgs]


@pytest.mark.parametrize(
    "text, name",
    [
        ("The state-run news agency Quarrow reported three arrests.", "Quarrow"),
        ("He signed for the club Vellmar last spring.", "Vellmar"),
        ("The band Ashgrove split after one album.", "Ashgrove"),
    ],
)
def test_a_place_called_a_body_is_an_organization(text: str, name: str) -> None:
    assert _kinds(text, name) == ([], [name])
    with switched_off(["body_noun_before"]):
        assert _kinds(text, name) == ([name], [])


@pytest.mark.parametrize(
    "text, name",
    [
        # the text also places the name: both uses stay as tagged
        ("The news agency Quarrow reported floods in Quarrow.", "Quarrow"),
        # a known place stays a place
        ("The company Texas wants is Acme.", "Texas"),
        # the noun must be a common noun in lower case
        ("The Central Bank Vellmar branch closed.", "Vellmar"),
        ("They met at the hospital. Vellmar was quiet.", "Vellmar"),
    ],
)
def test_a_place_stays_a_place(text: str, name: str) -> None:
    assert _kinds(text, name) == ([name], [])


def test_the_body_joins_the_organization_of_the_same_name() -> None:
    text = "Officials at Quarrow said so, the news agency Quarrow reported."
    first, last = text.index("Quarrow"), text.rindex("Quarrow")
    org = Entity("Quarrow", [Mention(first, first + 7)])
    place = Entity("Quarrow", [Mention(last, last + 7)])
    places, orgs = body_nouns.bodies_by_noun(text, [place], [org])
    assert places == [] and [(o.name, len(o.mentions)) for o in orgs] == [("Quarrow", 2)]
