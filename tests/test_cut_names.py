"""The ``cut_name`` family: a piece of a longer name the tagger cut is no place or body."""

from __future__ import annotations

import pytest

from generator.people import cut_names
from generator.people.rules import switched_off
from generator.record import Entity, Mention

pytestmark = pytest.mark.unit


def _mark(text: str, covered: bytearray, piece: str, mark: int, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    covered[start : start + len(piece)] = bytes([mark]) * len(piece)
    return Mention(start, start + len(piece))


def _kept(text: str, tags: list[tuple[str, int]], names: list[str]) -> list[str]:
    """The names (tagged places) left after the rule; ``tags`` are the other tags of text."""
    covered = bytearray(len(text) + 1)
    for piece, mark in tags:
        _mark(text, covered, piece, mark)
    entities = [Entity(n, [_mark(text, covered, n, cut_names.NAME)]) for n in names]
    places, _ = cut_names.drop_cut_names(text, covered, entities, [])
    return [p.name for p in places]


@pytest.mark.parametrize(
    "text, tags, name",
    [
        ("The Harbour and Coastal Safety Directorate said so.", [], "Harbour and Coastal Safety"),
        ("She was treated at the Navy's Burn and Trauma Clinic.", [], "Trauma Clinic"),
        ("They walked to Cala Verde at dawn.", [("Verde", 2)], "Cala"),
        ("They walked to Cala Verde at dawn.", [("Cala", 2)], "Verde"),
        ("Fees rose at Ferris Research and Lakeside Clinic.", [("Ferris Research and", 2)],
         "Lakeside Clinic"),
        ("Voters in Ashby, Dunmore and Pellam Counties queued.", [], "Pellam"),
    ],
)  # fmt: skip
def test_a_piece_of_a_longer_name_is_dropped(text: str, tags: list, name: str) -> None:
    assert _kept(text, tags, [name]) == []
    with switched_off(["cut_name"]):
        assert _kept(text, tags, [name]) == [name]


@pytest.mark.parametrize(
    "text, tags, name",
    [
        ("Yesterday Brightwater announced a merger.", [], "Brightwater"),
        ("Brightwater Press Secretary Jane Roe spoke.", [], "Brightwater"),
        ("The Director of Brightwater resigned.", [], "Brightwater"),
        ("Trade between Marlow and Finchley grew.", [("Marlow", 2)], "Finchley"),
        ("Marlow and Finchley traded.", [("Finchley", 2)], "Marlow"),
        ("Brightwater Monday said no.", [], "Brightwater"),
        ("Fees at Ashby Tech's Robotics Lab rose.", [("Robotics Lab", 2)], "Ashby Tech's"),
        ("It is a Norway-listed Harbour Authority.", [], "Harbour Authority"),
        ("The Marlow Trust Ashby Gallery opened.", [("Marlow Trust", 2)], "Ashby Gallery"),
        ("The United States Maritime Board met.", [("United States", 2)], "Maritime Board"),
        ("Brightwater and I spoke.", [], "Brightwater"),
        ("Brightwater Jane Roe said.", [("Jane Roe", 1)], "Brightwater"),
        ("They flew to Texas Monday, then Texas Tech hosted them.", [], "Texas"),
    ],
)  # fmt: skip
def test_a_whole_name_stays(text: str, tags: list, name: str) -> None:
    assert _kept(text, tags, [name]) == [name]


def test_one_whole_mention_keeps_the_name() -> None:
    text = "Cala Verde is far. We reached Cala at noon."
    covered = bytearray(len(text) + 1)
    _mark(text, covered, "Verde", cut_names.NAME)
    cala = Entity("Cala", [_mark(text, covered, "Cala", 2), _mark(text, covered, "Cala", 2, 1)])
    assert cut_names.drop_cut_names(text, covered, [cala], [])[0] == [cala]
