"""Places and organizations from the text's evidence: each rule of
`generator.people.entity_evidence` with its examples, on and switched off."""

from __future__ import annotations

import re

import pytest

from generator.people import entities, entity_evidence, entity_people, rules
from generator.record import Entity, Mention, Participant


def _entity(text: str, name: str, nth: int = 0) -> Entity:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Entity(name, [Mention(start, start + len(name))])


def _names(items: list[Entity]) -> list[str]:
    return [e.name for e in items]


def test_every_family_of_the_module_is_a_rule() -> None:
    for module in (entity_evidence, entity_people):
        assert set(module.RULES) <= set(rules.ENTITIES)
        assert set(module.RULES) <= rules.WIRED


def test_known_organizations_are_found_where_the_tagger_missed_them() -> None:
    text = "He posted on Twitter and on his YouTube channel; #Twitter and Google Maps are not."
    found = entity_evidence.known_organization_mentions(text, ())
    assert [c.text for c in found] == ["Twitter", "YouTube", "Google"]
    assert entity_evidence.known_organizations()[0] == "Twitter"
    with rules.switched_off(["known_organization"]):
        assert entity_evidence.known_organization_mentions(text, ()) == []


def test_a_known_organization_is_never_a_place() -> None:
    text = "Facebook said, and Facebook again."
    places, orgs = entity_evidence.known_organizations_out_of_places(
        [_entity(text, "Facebook")], [_entity(text, "Facebook", 1)]
    )
    assert places == [] and _names(orgs) == ["Facebook"] and len(orgs[0].mentions) == 2


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Wiranto was visiting the town of Pandeglang in Banten.", "Pandeglang"),
        ("Navalny was airlifted from Omsk to Berlin.", "Omsk"),
        ("The flight was redirected to Omsk.", "Omsk"),
        ("Chelyabinsk regional Deputy Governor Oleg Klimov said.", "Chelyabinsk"),
        ("Chelyabinsk's governor has promised help.", "Chelyabinsk"),
    ],
)
def test_a_one_word_organization_used_as_a_place_is_a_place(text: str, name: str) -> None:
    org = _entity(text, name)
    assert entity_evidence.places_by_context(text, [org]) == ([], [org])
    with rules.switched_off(["org_used_as_place"]):
        assert entity_evidence.places_by_context(text, [org]) == ([org], [])


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("He sat in Congress.", "Congress"),
        ("She moved from Hamas to Fatah.", "Hamas"),
        ("NASA's governor", "NASA"),
        ("He joined the town of Paris Club.", "Paris Club"),
    ],
)
def test_bodies_stay_organizations(text: str, name: str) -> None:
    assert entity_evidence.places_by_context(text, [_entity(text, name)])[1] == []


@pytest.mark.parametrize(
    ("text", "cut", "joined"),
    [
        (
            "announced by the University of California, San Diego. He was 101.",
            "the University of California",
            "University of California, San Diego",
        ),
        (
            "offered by UTT [University of Texas at Tyler] and SLU.",
            "University of Texas",
            "University of Texas at Tyler",
        ),
        (
            "in the United States District Court for the Western District of Virginia in Abingdon",
            "United States District Court",
            "United States District Court for the Western District of Virginia",
        ),
    ],
)
def test_a_campus_or_district_is_part_of_the_name(text: str, cut: str, joined: str) -> None:
    campus = text[text.index(cut) + len(cut) :].split(" ")[1]
    places = [_entity(text, campus)] if campus[:1].isupper() else []
    got_places, orgs = entity_evidence.join_campuses(text, places, [_entity(text, cut)])
    assert _names(orgs) == [joined] and got_places == []
    with rules.switched_off(["campus"]):
        assert _names(entity_evidence.join_campuses(text, [], [_entity(text, cut)])[1]) == [cut]


def test_a_country_after_a_university_is_no_campus() -> None:
    text = "She studied at the University of Sydney, Australia, until 2010."
    org = _entity(text, "University of Sydney")
    assert _names(entity_evidence.join_campuses(text, [], [org])[1]) == ["University of Sydney"]


def test_a_short_form_left_by_a_campus_joins_the_campus() -> None:
    text = "She enrolled at the University of Ohio at Lima. The University paid her fees."
    org = _entity(text, "University of Ohio")
    short = text.index("University paid")
    org.mentions.append(Mention(short, short + len("University")))
    orgs = entity_evidence.join_campuses(text, [], [org])[1]
    assert [(o.name, len(o.mentions)) for o in orgs] == [("University of Ohio at Lima", 2)]
    # a mention of the name itself stays that name: two bodies of the text
    text += " The University of Ohio grew."
    org.mentions.append(_entity(text, "University of Ohio", 1).mentions[0])
    orgs = entity_evidence.join_campuses(text, [], [org])[1]
    assert sorted(_names(orgs)) == ["University of Ohio", "University of Ohio at Lima"]


def test_a_place_that_only_shortens_an_organization_joins_it() -> None:
    text = "The Monmouth University poll. She polled 2% in the Monmouth poll."
    place, org = _entity(text, "Monmouth", 1), _entity(text, "Monmouth University")
    places, orgs = entity_evidence.short_forms_across_kinds(text, [place], [org])
    assert places == [] and len(orgs[0].mentions) == 2
    text = "The Irving Police Department said. Ahmed, from Irving, Texas, was arrested."
    place = _entity(text, "Irving", 1)
    org = _entity(text, "Irving Police Department")
    assert entity_evidence.short_forms_across_kinds(text, [place], [org])[0] == [place]


@pytest.mark.parametrize(
    ("text", "acronym", "kept"),
    [
        ("the Federal Security Service (FSB) said. The FSB denies it.", "FSB", []),
        ("competition from liquid natural gas (LNG) grew; LNG prices", "LNG", []),
        ("against Israeli Grand Master (GM) Alexander Huzman; a GM", "GM", []),
        ("The World Health Organization (WHO) said. WHO warned.", "WHO", ["WHO"]),
    ],
)
def test_a_bracketed_acronym_is_what_it_stands_for(text: str, acronym: str, kept: list) -> None:
    orgs = [_entity(text, acronym, 1)]
    if "Federal" in text:
        orgs.append(_entity(text, "Federal Security Service"))
    got = entity_evidence.acronyms_by_definition(text, [], orgs)[1]
    assert [o.name for o in got if o.name == acronym] == kept
    if "Federal" in text:
        assert len(got[0].mentions) == 2
    with rules.switched_off(["bracket_acronym"]):
        assert acronym in _names(entity_evidence.acronyms_by_definition(text, [], orgs)[1])


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("Public Image Ltd. Cream", "Public Image Ltd."),
        ("Blues Incorporated for The Rolling Stones", "Blues Incorporated"),
        ("Alliance, Reform", None),
        ("University of California, San Diego", "University of California, San Diego"),
        ("Acme Inc.", "Acme Inc."),
    ],
)
def test_two_names_run_together_keep_the_first(name: str, first: str | None) -> None:
    got = entity_evidence.split_two_names([Entity(name, [Mention(0, len(name))])])
    assert _names(got) == ([first] if first else [])
    with rules.switched_off(["two_names"]):
        assert _names(entity_evidence.split_two_names([Entity(name, [])])) == [name]


def test_a_place_inside_an_organizations_name_is_that_organization() -> None:
    text = "A sensitive Environment Canada document. Environment Canada spokesperson Julie Hahn."
    org = _entity(text, "Environment Canada")
    place = _entity(text, "Canada", 1)
    places, orgs = entity_evidence.places_inside_org_names(text, [place], [org])
    assert places == [] and len(orgs[0].mentions) == 2
    with rules.switched_off(["place_in_org_name"]):
        assert entity_evidence.places_inside_org_names(text, [place], [org])[0] == [place]


def test_the_known_organizations_file_says_what_it_holds() -> None:
    path = entities.DATA / "known_organizations.txt"
    assert path.read_text(encoding="utf-8").startswith("# ")


def test_people_is_no_word_of_a_personal_name() -> None:
    from generator.people.names import bad_name

    assert bad_name("People Power") and bad_name("People's Party")
    assert not bad_name("Samantha Power")


def _tagged(text: str, labels: list[tuple[str, str, int]]) -> tuple:
    """A real spaCy doc of ``text`` (split on spaces) with the given (name, label, nth) spans."""
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

    words = text.split(" ")
    doc = Doc(Vocab(), words=words, spaces=[True] * (len(words) - 1) + [False])
    spans = []
    for name, label, nth in labels:
        start = _entity(text, name, nth).mentions[0].start
        spans.append(doc.char_span(start, start + len(name), label=label))
    doc.ents = sorted(spans, key=lambda s: s.start)
    return tuple(doc.ents) if isinstance(doc.ents[0], Span) else ()


def test_a_name_the_text_tags_a_person_more_often_is_no_organization() -> None:
    text = "After Ngozi Okafor resigned , Okafor 's deputy left Okafor and Lagos ."
    labels = [("Okafor", "PERSON", 0), ("Okafor", "PERSON", 1), ("Okafor", "ORG", 2)]
    ents = _tagged(text, labels)
    org = _entity(text, "Okafor", 2)
    place = _entity(text, "Lagos")
    assert entity_people.tagged_as_people(text, ents, [place], [org]) == ([place], [])
    with rules.switched_off(["tagged_person"]):
        assert entity_people.tagged_as_people(text, ents, [place], [org]) == ([place], [org])


@pytest.mark.parametrize(
    ("text", "labels", "name"),
    [
        # tagged a person as often as an organization: no verdict
        (
            "Ngozi Okafor resigned ; Okafor left .",
            [("Okafor", "PERSON", 0), ("Okafor", "ORG", 1)],
            "Okafor",
        ),
        # a known place
        (
            "Michael Jordan said and Jordan left Jordan .",
            [("Jordan", "PERSON", 0), ("Jordan", "PERSON", 1), ("Jordan", "GPE", 2)],
            "Jordan",
        ),
        # never after a given name: a company the tagger takes for a person
        (
            "Okalux said . Okalux found it . Then Okalux left .",
            [("Okalux", "PERSON", 0), ("Okalux", "PERSON", 1), ("Okalux", "ORG", 2)],
            "Okalux",
        ),
        # a capital inside the word: a company's
        (
            "Ann DataHive said ; DataHive found it ; DataHive left .",
            [("DataHive", "PERSON", 0), ("DataHive", "PERSON", 1), ("DataHive", "ORG", 2)],
            "DataHive",
        ),
    ],
)
def test_a_name_tagged_a_person_no_more_often_or_known_stays(
    text: str, labels: list, name: str
) -> None:
    org = _entity(text, name, len(labels) - 1)
    got = entity_people.tagged_as_people(text, _tagged(text, labels), [], [org])
    assert got == ([], [org])


@pytest.mark.parametrize(
    ("name", "dropped"),
    [
        ("Ines Okafor", True),
        ("Ines Okafor-Bello", True),
        ("Ines Rowing Club", False),  # a body's word
        ("Ines Lagos", False),  # a known place's word
        ("INES OKAFOR", False),  # capitals: no name shape to read
        ("Grenda Okafor", False),  # neither word tagged a person alone
    ],
)
def test_a_full_name_whose_given_name_is_tagged_a_person_is_no_organization(
    name: str, dropped: bool
) -> None:
    text = f"I admired Ines most . {name} won it all ."
    ents = _tagged(text, [("Ines", "PERSON", 0), (name, "ORG", 0)])
    org = _entity(text, name)
    if name.startswith("Grenda"):
        ents = _tagged(text, [(name, "ORG", 0)])
    assert entity_people.tagged_as_people(text, ents, [], [org]) == ([], [] if dropped else [org])
    with rules.switched_off(["tagged_person"]):
        assert entity_people.tagged_as_people(text, ents, [], [org]) == ([], [org])


def test_a_body_named_after_one_of_the_documents_people_stays() -> None:
    text = "Later Okafor spoke . Ines Okafor founded Okafor Haulage ."
    ents = _tagged(text, [("Okafor", "PERSON", 0), ("Okafor Haulage", "ORG", 0)])
    org = _entity(text, "Okafor Haulage")
    founder = Participant("Ines Okafor", None, [])
    assert entity_people.tagged_as_people(text, ents, [], [org], [founder]) == ([], [org])
    assert entity_people.tagged_as_people(text, ents, [], [org]) == ([], [])


def test_a_person_span_the_people_rules_sent_to_places_stays_a_place() -> None:
    text = "Sam Hollis was moved to the general wing at Hollis ."
    ents = _tagged(text, [("Hollis", "PERSON", 1)])
    place = _entity(text, "Hollis", 1)
    assert entity_people.tagged_as_people(text, ents, [place], []) == ([place], [])


@pytest.mark.parametrize(
    ("text", "name", "family"),
    [
        ("She beat the Lindqvist sisters in Malmo.", "Lindqvist", True),
        ("She admired the three brothers of Okafor most.", "Okafor", True),
        ("The Ferreira family's house in Porto.", "Ferreira", True),
        ("He worked at Lehman Brothers in Chicago.", "Lehman", False),
        ("The Chicago family court ruled.", "Chicago", False),
    ],
)
def test_a_family_name_is_no_place(text: str, name: str, family: bool) -> None:
    place = _entity(text, name)
    got = entity_people.family_names(text, [place], [])[0]
    assert (got == []) is family
    with rules.switched_off(["family_name"]):
        place = _entity(text, name)
        assert entity_people.family_names(text, [place], [])[0] == [place]


@pytest.mark.parametrize(
    ("text", "names", "kept"),
    [
        (
            "The seat was held by Ines Okafor until 2019. Okafor died in May, aged 71.",
            ["Ines Okafor", "Okafor"],
            [],
        ),
        ("Ferreira was born in Porto and later moved to Lisbon.", ["Ferreira", "Porto"], ["Porto"]),
        # A body can resign, close or be sold: no life verb.
        (
            "Acme Holdings closed its plant; the government resigned.",
            ["Acme Holdings"],
            ["Acme Holdings"],
        ),
        # A known place or body keeps its name whatever follows it.
        ("Reporters said Paris died a little that night.", ["Paris"], ["Paris"]),
    ],
)
def test_a_name_a_life_verb_follows_is_no_place_or_body(text, names, kept) -> None:
    def every(name: str) -> Entity:
        found = re.finditer(rf"\b{re.escape(name)}\b", text)
        return Entity(name, [Mention(m.start(), m.end()) for m in found])

    orgs = [every(n) for n in names]
    assert [e.name for e in entity_people.life_verbs(text, [], orgs)[1]] == kept
    with rules.switched_off(["life_verb"]):
        orgs = [every(n) for n in names]
        assert [e.name for e in entity_people.life_verbs(text, [], orgs)[1]] == names
