"""Places and organizations: each rule of `generator.people.entities` with its examples."""

from __future__ import annotations

import pytest

from generator.people import entities, switch_off
from generator.people.extract import find_participants
from generator.record import Entity, Mention, Participant


def _entity(text: str, name: str) -> Entity:
    start = text.index(name)
    return Entity(name, [Mention(start, start + len(name))])


def _clean(text, places=(), orgs=(), people=(), off=frozenset()):  # noqa: ANN001, ANN202
    persons = [Participant(p, None, []) for p in people]
    got = entities.clean(
        text,
        persons,
        [_entity(text, n) for n in places],
        [_entity(text, n) for n in orgs],
        entities.Rules(off=frozenset(off)),
    )
    return [e.name for e in got[0]], [e.name for e in got[1]]


@pytest.mark.parametrize(
    ("name", "repaired"),
    [
        ("National Hurricane Center (NHC", "National Hurricane Center"),
        ("NHC)", ""),
        ("Associated Press,", "Associated Press"),
        ("United States'", "United States"),
        ("a World Health Organisation", "World Health Organisation"),
        ("pro-Beijing New People Party", "New People Party"),
        ("royal command", ""),
        ("U.S.", "U.S."),
        ("Acme Inc.", "Acme Inc."),
        ("Kenya.", "Kenya"),
    ],
)
def test_fragments_are_repaired(name: str, repaired: str) -> None:
    assert entities.repair(name) == repaired


@pytest.mark.parametrize(
    "name", ["UTC", "GMT", "BST", "Covid-19", "Islam", "State", "Department", "juveniles", "نگرفت"]
)
def test_what_is_no_name(name: str) -> None:
    assert entities.is_no_name(name)


@pytest.mark.parametrize("name", ["Senate", "Congress", "Kremlin", "NASA", "Hong Kong"])
def test_names_stay(name: str) -> None:
    assert not entities.is_no_name(name)


def test_every_data_file_loads_and_says_what_it_holds() -> None:
    for path in sorted(entities.DATA.iterdir()):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# "), path.name
    for name in ("time_zones", "not_entities", "generic_entity_words"):
        assert entities.word_list(name)
    assert entities.variants()["u s"] == ("United States", "place")


def test_speaker_marks_are_no_organization() -> None:
    text = "((WN)) How did you start? ((Jo Jorgensen)) At the WN office."
    assert _clean(text, orgs=["WN"]) == ([], [])
    assert _clean(text, orgs=["WN"], off={"speaker_mark"}) == ([], ["WN"])


def test_variants_are_one_place_of_one_kind() -> None:
    text = "The US and the U.S. government, the United States, and the EU and European Union."
    places, orgs = _clean(text, places=["US", "U.S."], orgs=["United States", "EU"])
    assert places == ["United States"]
    assert orgs == ["European Union"]
    assert _clean(text, places=["US", "U.S."], off={"variant"})[0] == ["US", "U.S."]


def test_a_known_place_tagged_as_organization_is_a_place() -> None:
    assert _clean("Talks with Samoa went on.", orgs=["Samoa"]) == (["Samoa"], [])


def test_people_are_no_places_or_organizations() -> None:
    text = "Tony Mendez of the CIA. Mendez said NPR Hamza bin Laden reported."
    people = ["Tony Mendez", "Hamza bin Laden"]
    assert _clean(text, places=["Mendez"], orgs=["NPR Hamza bin Laden"], people=people) == (
        [],
        ["NPR"],
    )
    assert _clean(text, places=["Mendez"], people=people, off={"person"}) == (["Mendez"], [])


@pytest.mark.slow
def test_a_parsed_interview_lists_no_time_zone_or_speaker(nlp) -> None:
    text = (
        "The briefing began at 14:00 UTC in London, where the National Hurricane Center (NHC) "
        "and the US Navy spoke.\n\n((WN)) What happened in the U.S. today?\n\n"
        "((Maria Lopez)) The storm reached the United States coast before 09:00 GMT."
    )
    _, places, orgs = find_participants(nlp(text))
    names = {e.name for e in places} | {e.name for e in orgs}
    assert not names & {"UTC", "GMT", "WN", "US", "U.S."}
    assert "United States" in {e.name for e in places}
    assert not any("(" in n for n in names)


@pytest.mark.parametrize(
    ("short", "longer"),
    [
        ("FEMA", "Federal Emergency Management Agency"),
        ("JHU", "Johns Hopkins University"),
        ("Senate", "Puerto Rico Senate"),
        ("Libertarian Party", "U.S. Libertarian Party"),
        ("Planning Board", "Lisbon Regional Planning Board"),
        ("Greek Federation", "Greek Rowing Federation"),
        ("UK Board", "United Kingdom Film Board"),
        ("Kessel Rowing", "Kessel Rowing Club"),
        ("Green Dawn", "Green Dawn Party"),
    ],
)
def test_a_short_form_joins_the_only_longer_name(short: str, longer: str) -> None:
    text = f"The {longer} met. Then the {short} spoke."
    assert _clean(text, orgs=[longer, short])[1] == [longer]
    assert _clean(text, orgs=[longer, short], off={"short_form"})[1] == [longer, short]
    text = "The storm hit the Abaco Islands; Abaco is flooded."
    assert _clean(text, places=["Abaco Islands", "Abaco"])[0] == ["Abaco Islands"]


def test_a_short_form_of_two_names_is_not_listed_again() -> None:
    # it is one of the two, which the page already shows: listed, it would be a third body
    text = "The Puerto Rico Senate and the US Senate disagreed; the Senate voted."
    orgs = ["Puerto Rico Senate", "US Senate", "Senate"]
    assert _clean(text, orgs=orgs)[1] == orgs[:2]
    text = "The Greek Rowing Federation and the Greek Sailing Federation; the Greek Federation."
    orgs = ["Greek Rowing Federation", "Greek Sailing Federation", "Greek Federation"]
    assert _clean(text, orgs=orgs)[1] == orgs[:2]
    assert _clean(text, orgs=orgs, off={"short_form"})[1] == orgs


@pytest.mark.parametrize(
    ("short", "longer"),
    [
        ("Sailing Board", "Lisbon Planning Board"),  # a word the longer name lacks
        ("Board Planning", "Lisbon Planning Board"),  # out of order
        ("Rowing Federation", "Rowing Club"),  # another head
        ("Halden Motors", "Halden Motors Foundation"),  # a body named after a company
    ],
)
def test_a_name_with_other_words_is_no_short_form(short: str, longer: str) -> None:
    text = f"The {longer} met. Then the {short} spoke."
    assert _clean(text, orgs=[longer, short])[1] == [longer, short]


@pytest.mark.parametrize(
    "name",
    [
        "Nobel Prize",
        "National Emergencies Act",
        "Iran Hostage Crisis",
        "G7 Summit",
        "US National Medal of Science",
        "Summit of the Americas",
    ],
)
def test_awards_laws_and_events_are_no_entities(name: str) -> None:
    assert entities.is_no_name(name)


def test_a_place_word_makes_a_place() -> None:
    text = "Bison arrived at the Wind River Reservation."
    assert _clean(text, orgs=["Wind River Reservation"]) == (["Wind River Reservation"], [])


@pytest.mark.parametrize(
    "name",
    ["Oakridge Stadium", "Halden Arena", "Marlow Airport", "Lindell Palace", "Brookfield Road",
     "Harbourside Hotel", "Kessel Tower", "Pine Hill Library"],
)  # fmt: skip
def test_a_venue_or_building_is_a_place(name: str) -> None:
    text = f"The crowd met at {name} on Sunday."
    assert _clean(text, orgs=[name]) == ([name], [])
    assert _clean(text, orgs=[name], off={"variant"}) == ([], [name])


@pytest.mark.parametrize(
    "name",
    [
        "Associates of",
        "Army’s Research and",
        "De La",
        "Change Research/CNBC",
        "Magellanic",
        "Scientologist",
        "Middle Eastern",
        "Pro-Beijing",
        "National Security Advisor",
        "Omsk in Siberia",
        "Iranian National",
        "Presidential Debates",
        "Tradewise Gibraltar Chess Festival",
        "Fairfield Trust on Canadian",  # "... on Canadian radio": the head was cut
        "Museum of Peruvian",
    ],
)
def test_cut_and_adjective_names_are_no_names(name: str) -> None:
    assert entities.is_no_name(name)


@pytest.mark.parametrize(
    "name",
    ["Atlantic", "Czech Republic", "World Bank", "American Samoa", "Eastern Cape",
     "Bank of America"],
)
def test_names_that_look_alike_stay(name: str) -> None:
    assert not entities.is_no_name(name)


def test_a_name_holding_a_person_is_left_out_unless_named_after_them() -> None:
    text = "Vermont Bernie Sanders spoke; the Doris Day Animal Foundation and Biden-Harris."
    people = ["Bernie Sanders", "Doris Day", "Joe Biden", "Kamala Harris"]
    orgs = ["Vermont Bernie", "Doris Day Animal Foundation", "Biden-Harris"]
    assert _clean(text, orgs=orgs, people=people)[1] == ["Doris Day Animal Foundation"]


def test_a_persons_thing_is_no_organization() -> None:
    text = "Mayor Ines Okafor defended Okafor's Green Harbour Plan; McDonald's Farm Shop opened."
    orgs = ["Okafor's Green Harbour Plan", "McDonald's Farm Shop"]
    got = _clean(text, orgs=orgs, people=["Ines Okafor"])[1]
    assert got == ["McDonald's Farm Shop"]  # no person McDonald in the text: a body's name
    assert _clean(text, orgs=orgs, people=["Ines Okafor"], off={"person"})[1] == orgs


def test_the_last_word_decides_the_kind() -> None:
    text = "The Saint Louis Chess Club and FIDE met at the Sandy Point."
    places, orgs = _clean(text, places=["Saint Louis Chess Club", "FIDE"], orgs=["Sandy Point"])
    assert (places, orgs) == (["Sandy Point"], ["Saint Louis Chess Club", "FIDE"])


@pytest.mark.parametrize("name", ["Grand Masters", "Iranian Grand", "Woman Grand Master"])
def test_titles_alone_are_no_names(name: str) -> None:
    assert entities.is_no_name(name)


def test_one_body_under_its_forms() -> None:
    text = "The US Chess Federation, or United States Chess Federation; the House of "
    text += "Representatives and the House; the House Judiciary Committee, the Judiciary Committee."
    orgs = [
        "US Chess Federation",
        "United States Chess Federation",
        "House of Representatives",
        "House",
        "House Judiciary Committee",
        "Judiciary Committee",
    ]
    assert _clean(text, orgs=orgs)[1] == [
        "United States Chess Federation",
        "House of Representatives",
        "House Judiciary Committee",
    ]


def test_a_variant_keeps_the_texts_own_full_form() -> None:
    text = "The World Health Organisation (WHO) said the WHO would help."
    assert _clean(text, orgs=["World Health Organisation", "WHO"])[1] == [
        "World Health Organisation"
    ]
    assert _clean("The WHO said so.", orgs=["WHO"])[1] == ["World Health Organization"]


def test_two_spellings_of_a_long_place_name_are_one_place() -> None:
    text = "In Magnitogorsk, a building fell; Magnitogorsk mourns. Magnitigorsk police said."
    assert _clean(text, places=["Magnitogorsk", "Magnitigorsk"])[0] == ["Magnitogorsk"]


def test_hashtags_handles_and_adjectives_are_no_names() -> None:
    text = "The hashtag #WrongTrump spread; @VPOTUS replied; pro-Beijing groups met in Beijing."
    got = entities.clean(
        text,
        [],
        [Entity("Beijing", [Mention(text.index("Beijing"), text.index("Beijing") + 7)])],
        [_entity(text, "WrongTrump"), _entity(text, "VPOTUS")],
    )
    assert got == ([], [])
    late = text.rindex("Beijing")
    got = entities.clean(text, [], [Entity("Beijing", [Mention(late, late + 7)])], [])
    assert [e.name for e in got[0]] == ["Beijing"]


def test_every_rule_can_be_switched_off_by_name() -> None:
    with pytest.raises(ValueError, match="no such rule"):
        switch_off(["no_such_rule"])
    assert set(entities.RULES) == {
        "speaker_mark", "fragment", "not_a_name", "person", "variant", "short_form",
        "known_organization", "org_used_as_place", "campus", "cross_kind_short_form",
        "bracket_acronym", "two_names", "place_in_org_name", "tagged_person", "family_name",
        "cut_name", "body_noun_before", "life_verb",
    }  # fmt: skip


def test_bodies_named_after_people_and_numbered_names_stay() -> None:
    text = "John Pogue founded Pogue Construction; the San Francisco 49ers won."
    got = _clean(
        text, places=["San Francisco 49ers"], orgs=["Pogue Construction"], people=["John Pogue"]
    )
    assert got == (["San Francisco 49ers"], ["Pogue Construction"])
    text = "Morgan Tsvangirai led the party. Tsvangirai died."
    assert _clean(text, orgs=["Morgan Tsvangirai"], people=["Tsvangirai"]) == ([], [])


def test_speaker_marks_are_no_mention_of_a_person(nlp) -> None:
    from generator.people import extract, rules

    text = (
        "Jo Jorgensen is the Libertarian nominee.\n\n((Jo Jorgensen)) I would cut taxes.\n\n"
        "((Perttu Ahola)) What would you do first?"
    )
    people = {p.name: p for p in extract.find_participants(nlp(text))[0]}
    assert [(m.start, m.end) for m in people["Jo Jorgensen"].mentions] == [(0, 12)]
    assert "Perttu Ahola" not in people
    with rules.switched_off(["speaker_mark"]):
        people = {p.name: p for p in extract.find_participants(nlp(text))[0]}
    assert len(people["Jo Jorgensen"].mentions) == 2
