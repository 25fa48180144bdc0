"""The role rules of the people stage (issue 14), each with the sentences it is for, one it
must leave alone, and the same text with the rule switched off (so the rule is the cause)."""

from __future__ import annotations

import pytest

from generator.people import switched_off
from generator.people.extract import find_participants
from generator.pipeline.analysis import Settings, analyze


def roles(nlp, text: str) -> dict[str, str | None]:
    return {p.name: p.role for p in find_participants(nlp(text))[0]}


def title_roles(title: str, body: str) -> dict[str, str | None]:
    return {p.name: p.role for p in analyze(body, None, Settings(), title).participants}


@pytest.mark.parametrize(
    ("rule", "text", "name", "role"),
    [
        (
            "mention_roles",
            # the tagger takes "Kubiak" for an organization; a cue pattern finds the name
            '"May God protect them." Tomasz Kubiak, a fire service spokesman, told Agence '
            "France-Presse the victim is in care.",
            "Tomasz Kubiak",
            "fire service spokesman",
        ),
        (
            "list_roles",
            "The dinner was attended by two former presidents Gerald Ford and Jimmy Carter.",
            "Gerald Ford",
            "former president",
        ),
        (
            "list_roles",
            "Political commentators such as Rita Moreau and Olaf Brand called it flat.",
            "Olaf Brand",
            "commentator",
        ),
        (
            "pronoun_relations",
            "Tomas Berg flew to Oslo on Monday. His daughter Ingrid Berg confirmed the trip.",
            "Ingrid Berg",
            "daughter of Tomas Berg",
        ),
        (
            "pronoun_relations",
            "The rally heard Anna Petrova, wife of Ivan Petrov, and two other speakers.",
            "Anna Petrova",
            "wife of Ivan Petrov",
        ),
        (
            "who_is",
            "Often he argued with Ruth Adler who is the secretary of state, aides said.",
            "Ruth Adler",
            "secretary of state",
        ),
        (
            "coordinated_roles",
            "She beat former Secretary of State and former Senator from Ohio Mary Lund.",
            "Mary Lund",
            "former Secretary of State",
        ),
        (
            "generic_possessor",
            "Karim Haddad, the country's foreign minister, flew to Paris.",
            "Karim Haddad",
            "foreign minister",
        ),
        (
            "hyphen_title",
            "The medal was given by then-U.S.-president Tom Hale in 1980.",
            "Tom Hale",
            "U.S.-president",
        ),
        (
            "address_title",
            "Professor Lena Holm, director of the National Salt Study, said levels were low.",
            "Lena Holm",
            "director of the National Salt Study",
        ),
        (
            "bracket_role",
            'He wrote "the [party co-founder] Tom Hale would be ashamed" of the deal.',
            "Tom Hale",
            "party co-founder",
        ),
        (
            "formerly",
            "The paper quoted Pavel Dorn, formerly the mayor of Lyon, as saying it was late.",
            "Pavel Dorn",
            "former mayor of Lyon",
        ),
        (
            "formerly",
            "The paper quoted Lena Holm, formerly a deputy administrator at the agency, on it.",
            "Lena Holm",
            "former deputy administrator at the agency",
        ),
        (
            "as_role",
            "The board named Jane Roe as its new chief executive on Monday.",
            "Jane Roe",
            "new chief executive",
        ),
        (
            "as_role",
            "In May, Tom Hale was forced to resign as Foreign Affairs minister after the leak.",
            "Tom Hale",
            "Foreign Affairs minister",
        ),
        (
            "as_role",
            "Pavel Dorn served as ambassador to Chile for six years.",
            "Pavel Dorn",
            "ambassador to Chile",
        ),
        (
            "title_modifiers",
            "On Monday, Acme CEO Jane Roe said the plant would close.",
            "Jane Roe",
            "Acme CEO",
        ),
        (
            "title_modifiers",
            "Fashion designer Jane Roe opened a shop in Milan.",
            "Jane Roe",
            "Fashion designer",
        ),
        (
            "title_modifiers",
            "The seat went to pro-Beijing veteran politician Tom Hale by a few votes.",
            "Tom Hale",
            "pro-Beijing veteran politician",
        ),
        (
            "appos_of_phrase",
            "The chief prosecutor of Lyon, Pavel Dorn, said the men must face charges.",
            "Pavel Dorn",
            "chief prosecutor of Lyon",
        ),
        (
            "appos_of_phrase",
            "Co-founder of Acme, Lena Holm, met the boy on Monday.",
            "Lena Holm",
            "Co-founder of Acme",
        ),
        (
            "place_in_role",
            "On Friday, United States President Joe Biden signed the bill.",
            "Joe Biden",
            "United States President",
        ),
    ],
)
def test_a_rule_reads_the_role(nlp, rule, text, name, role):
    assert roles(nlp, text)[name] == role
    with switched_off([rule]):
        assert roles(nlp, text).get(name) != role


def test_party_captions_are_roles_where_the_document_writes_people_so(nlp):
    text = (
        "In the east, Elena Voss of the Green Party won. The Labour Party's Tom Hale and "
        "Sara Lind were re-elected, and Omar Said of the Liberal Party lost his seat."
    )
    people = roles(nlp, text)
    assert people["Elena Voss"] == "Green Party"
    assert people["Tom Hale"] == people["Sara Lind"] == "Labour Party"
    assert people["Omar Said"] == "Liberal Party"
    with switched_off(["affiliation"]):
        assert roles(nlp, text)["Elena Voss"] is None


def test_one_band_member_gets_no_caption(nlp):
    # A single "X of ORG" is membership, not the caption style of an election report.
    people = roles(nlp, "The song was written by Keith Mallory of The Rolling Stones in 1965.")
    assert people["Keith Mallory"] is None


def test_a_plural_after_a_possessive_is_no_caption(nlp):
    # "his lawyers" are the lawyers of the man named next, not his role.
    people = roles(nlp, "Acting via his lawyers, Pavel Dorn, 23, pleaded not guilty on Tuesday.")
    assert people["Pavel Dorn"] is None


def test_a_plural_ending_a_clause_is_no_caption(nlp):
    people = roles(nlp, "According to police and county officials, Pavel Dorn was driving fast.")
    assert people["Pavel Dorn"] is None


def test_who_is_needs_a_role_noun(nlp):
    people = roles(nlp, "Often he argued with Ruth Adler who is the reason for the delay.")
    assert people["Ruth Adler"] is None


def test_a_relation_needs_a_person_named_before(nlp):
    people = roles(nlp, "The report was late. His daughter Ingrid Berg confirmed the trip.")
    assert people["Ingrid Berg"] is None


def test_a_verb_ends_a_list_role(nlp):
    # "presidents" is the object here, not a caption of the names after the verb.
    people = roles(nlp, "He met the presidents yesterday, and Lena Holm spoke after him.")
    assert people.get("Lena Holm") is None


def test_the_body_writes_out_the_title_role(nlp):
    body = "On Friday, United States President Joe Biden signed the bill. Biden left."
    assert title_roles("US president Biden signs bill", body)["Joe Biden"] == (
        "United States President"
    )
    with switched_off(["title_variant"]):
        assert title_roles("US president Biden signs bill", body)["Joe Biden"] == "US president"


@pytest.mark.parametrize(
    ("title", "name", "role"),
    [
        ("Ohio student Lena Holm wins science prize", "Lena Holm", "Ohio student"),
        ("Lincoln assassin John Wilkes Booth shot", "John Wilkes Booth", "Lincoln assassin"),
    ],
)
def test_a_headline_opening_with_a_caption(nlp, title, name, role):
    body = f"{name} was in the news on Monday. {name.split()[-1]} said little."
    assert title_roles(title, body)[name] == role
    with switched_off(["title_opening"]):
        assert title_roles(title, body)[name] is None


def test_a_headline_verb_is_no_caption(nlp):
    body = "Lena Holm was in the news on Monday. Holm said little."
    assert title_roles("Police question Lena Holm over fire", body)["Lena Holm"] is None


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Lena Holm, the head of the city's fire brigade, said two rooms burned.",
            "Lena Holm",
            "head of the fire brigade",  # "the city's" dropped (generic_possessor)
        ),
        (
            "Omar Said, a member of the upper house, said he would vote no.",
            "Omar Said",
            "member of the upper house",
        ),
    ],
)
def test_head_and_member_make_an_apposition_a_role(nlp, text, name, role):
    assert roles(nlp, text)[name] == role


def test_a_plural_post_before_names_is_no_one_role(nlp):
    # two posts and two names: which is whose is not for the apposition to say
    text = "The mayors of Lyon and Nice, Pavel Dorn and Lena Holm, said the men must pay."
    assert roles(nlp, text)["Pavel Dorn"] is None


def test_a_title_takes_no_other_persons_name_as_modifier(nlp):
    people = roles(nlp, "On Monday Tom Hale's lawyer Jane Roe spoke to the court.")
    assert people["Jane Roe"] == "lawyer"


def test_a_deictic_word_is_no_modifier_of_a_title(nlp):
    people = roles(nlp, "He ran against fellow Republican Representative Tom Hale in May.")
    assert people["Tom Hale"] == "Republican Representative"


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "The questions came from staff reporter Olaf Brand last week.",
            "Olaf Brand",
            "staff reporter",
        ),
        (
            "Security specialist Omar Said told the radio station the group was weak.",
            "Omar Said",
            "Security specialist",
        ),
        ("Foreign correspondent Lena Holm filed from Kyiv.", "Lena Holm", "Foreign correspondent"),
    ],
)
def test_media_and_expert_occupations_are_roles(nlp, text, name, role):
    assert roles(nlp, text)[name] == role


def test_the_post_named_goes_to_the_object_not_the_subject(nlp):
    people = roles(nlp, "Tom Hale named Jane Roe as chief financial officer.")
    assert people["Jane Roe"] == "chief financial officer"
    assert people["Tom Hale"] is None


def test_as_needs_a_post(nlp):
    assert roles(nlp, "Tom Hale served as a reminder of the old days.")["Tom Hale"] is None


def test_a_bracket_without_a_post_is_no_role(nlp):
    people = roles(nlp, 'He said "[even] Tom Hale would be ashamed" of the deal.')
    assert people.get("Tom Hale") is None


def test_a_title_of_address_alone_stays_the_role(nlp):
    assert roles(nlp, "Professor Lena Holm said the levels were low.")["Lena Holm"] == "Professor"


def test_two_hyphenated_given_names_are_two_people_with_their_own_roles(nlp):
    # "Chung-kin" and "Chung-hing" differ by two letters, but in one short syllable: two names
    text = (
        "Ho Chung-kin of the FTU was re-elected on Sunday. Elsewhere, pro-Beijing veteran "
        "politician Ho Chung-hing of the FTU lost by 900 votes, and Ho Chung-kin thanked voters."
    )
    people = roles(nlp, text)
    assert people["Ho Chung-hing"] == "pro-Beijing veteran politician"
    assert people.get("Ho Chung-kin") != "pro-Beijing veteran politician"
    with switched_off(["hyphen_syllables"]):
        assert "Ho Chung-hing" not in roles(nlp, text)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # a headline's verb the tagger reads as a plural noun before the title
        (
            "Wikinews interviews penguin biologist Lena Holm\n\nHolm studies birds.",
            "penguin biologist",
        ),
        ("She beat then-presumptive nominee Lena Holm in May.", "presumptive nominee"),
        ("A statue of the late Ohio Governor Lena Holm stands there.", "Ohio Governor"),
    ],
)
def test_what_is_no_modifier_of_a_title(nlp, text, role):
    assert roles(nlp, text)["Lena Holm"] == role
