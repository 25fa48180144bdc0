"""People, places and organizations with the real spaCy model (loaded once), and identities."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.evaluation.participants import distinct_names, is_table_like, main
from generator.people.extract import find_participants
from generator.people.identities import resolve

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_784cf20fb6785547.txt"
DEV = ROOT.parent / "shared" / "eval" / "participants" / "dev.jsonl"


def people_of(nlp, text):
    people, places, orgs = find_participants(nlp(text))
    return people, places, orgs


def by_name(people):
    return {p.name: p for p in people}


def test_seed_people_roles_places_orgs(nlp):
    text = SEED.read_text(encoding="utf-8")
    people, places, orgs = people_of(nlp, text)
    assert {(p.name, p.role) for p in people} == {
        ("Vladimir Putin", "Russian President"),
        ("Xi Jinping", "Chinese President"),
        ("Mikhail Mishustin", "Russian Prime Minister"),
    }
    assert {"Russia", "Moscow", "Beijing"} <= {e.name for e in places}
    assert "Kremlin" in {e.name for e in orgs}
    found = by_name(people)
    # "Putin" and "Xi" alone join the full names; every mention points at the text.
    for person in people:
        for m in person.mentions:
            assert text[m.start : m.end] in person.name or person.name.endswith(
                text[m.start : m.end]
            )
    assert any(text[m.start : m.end] == "Putin" for m in found["Vladimir Putin"].mentions)
    assert any(text[m.start : m.end] == "Xi" for m in found["Xi Jinping"].mentions)


def test_two_smiths_stay_apart(nlp):
    people, _, _ = people_of(
        nlp,
        "John Smith met reporters on Monday. Mary Smith, his sister, stayed home. "
        "Smith said the talks went well.",
    )
    names = by_name(people)
    assert {"John Smith", "Mary Smith"} <= set(names)
    assert "Smith" not in names or len(names["Smith"].mentions) == 1
    spans = [(m.start, m.end) for p in people for m in p.mentions]
    assert len(spans) == len(set(spans)) == 3  # each mention belongs to exactly one person


def test_role_from_apposition_and_who_is(nlp):
    people, _, _ = people_of(
        nlp, "Jane Doe, the company's chief executive, said profits rose. Doe added more."
    )
    doe = by_name(people)["Jane Doe"]
    # "the company's" only points back to a company named elsewhere (generic_possessor)
    assert doe.role == "chief executive"
    assert len(doe.mentions) == 2
    text = "Peter Brown, who is the mayor of Springfield, opened the bridge."
    people, _, _ = people_of(nlp, text)
    assert by_name(people)["Peter Brown"].role == "mayor of Springfield"


def test_no_role_when_text_gives_none(nlp):
    text = "Anna Kowalski arrived in Warsaw on Tuesday and visited a museum."
    people, places, _ = people_of(nlp, text)
    assert [(p.name, p.role) for p in people] == [("Anna Kowalski", None)]
    assert "Warsaw" in {e.name for e in places}


def test_title_and_demonym_trimmed_possessive_dropped(nlp):
    people, _, _ = people_of(nlp, "Defender Paul Smith scored twice. Smith was pleased.")
    assert [(p.name, p.role, len(p.mentions)) for p in people] == [("Paul Smith", "Defender", 2)]
    text = "Russian Vladimir Putin met German Chancellor Angela Merkel. Putin's aides said little."
    people, _, _ = people_of(nlp, text)
    names = by_name(people)
    assert set(names) == {"Vladimir Putin", "Angela Merkel"}
    assert names["Angela Merkel"].role == "German Chancellor"
    assert names["Vladimir Putin"].role is None  # a demonym alone is not a role
    putin = {text[m.start : m.end] for m in names["Vladimir Putin"].mentions}
    assert putin == {"Vladimir Putin", "Putin"}


def test_headline_and_results_table(nlp):
    text = (
        "ATHLETICS - SMITH WINS IN BERLIN.\nBERLIN 1996-08-30\n"
        "Results of the women's 100 metres on Friday:\n"
        "1. Anna Kowalski (Poland) 11.02 seconds\n2. Maria Lopes (Portugal) 11.10\n"
        "3. Jane Smith (Britain) 11.15\n"
    )
    people, _, _ = people_of(nlp, text)
    names = by_name(people)
    assert {"Anna Kowalski", "Maria Lopes", "Jane Smith"} <= set(names)
    assert not {"Poland", "Portugal", "Britain", "Berlin"} & set(names)
    assert any(text[m.start : m.end] == "SMITH" for m in names["Jane Smith"].mentions)


def test_teams_in_standings_are_not_people(nlp):
    text = (
        "SOCCER - ENGLISH LEAGUE STANDINGS.\nLONDON 1996-08-30\n"
        "Standings (tabulate under played, won, drawn, lost, goals for, against, points):\n"
        "Barnsley 4 4 0 0 9 3 12\nWolverhampton 4 3 1 0 8 2 10\nOldham 4 0 1 3 2 9 1\n"
    )
    people, _, _ = people_of(nlp, text)
    assert not {"Barnsley", "Wolverhampton", "Oldham"} & {p.name for p in people}


def test_resolve_across_documents():
    docs = [
        ["Vladimir Putin", "Xi Jinping"],
        ["Putin", "Xi", "Mr. Smith"],
        ["John Smith", "Smith"],
        ["Mary Smith"],
        ["PUTIN", "Putin's", "Smith"],
        ["Vladimir Vladimirovich Putin"],
    ]
    out = resolve(docs, {"Vladimir Vladimirovich Putin": "Vladimir Putin"})
    assert out[1]["Putin"] == "Vladimir Putin"
    assert out[1]["Xi"] == "Xi Jinping"
    assert out[2]["Smith"] == "John Smith"  # the document itself says which Smith
    assert out[1]["Mr. Smith"] == "Smith"  # two Smiths in the archive: stays apart
    assert out[4]["Smith"] == "Smith"
    assert out[4]["PUTIN"] == out[4]["Putin's"] == "Vladimir Putin"
    assert out[5]["Vladimir Vladimirovich Putin"] == "Vladimir Putin"  # alias wins
    later = resolve([["Smith"], ["John Smith"]])
    assert later == [{"Smith": "John Smith"}, {"John Smith": "John Smith"}]


def test_alias_always_wins():
    out = resolve([["Putin"], ["Vladimir Putin"]], {"Putin": "President Putin"})
    assert out[0]["Putin"] == "President Putin"


def test_resolve_places_and_orgs():
    out = resolve([["Moscow", "Kremlin"], ["the Kremlin", "Moscow"]])
    assert out[0]["Moscow"] == out[1]["Moscow"] == "Moscow"


def test_scoring_rules_reproduce_gold_names():
    if not DEV.exists():
        pytest.skip("shared evaluation data not present")
    with DEV.open(encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh]
    agree = sum(
        distinct_names(p["text"] for p in d["persons"]) == {n.casefold() for n in d["person_names"]}
        for d in docs
    )
    assert agree == len(docs)
    tables = sum(is_table_like(d["text"]) for d in docs)
    assert len(docs) / 4 < tables < len(docs) / 2  # "about a third" are results tables


def test_evaluation_command_runs(nlp, capsys):
    if not DEV.exists():
        pytest.skip("shared evaluation data not present")
    assert main([str(DEV), "--limit", "5"]) == 0
    out = capsys.readouterr().out
    assert "document all" in out and "docs/s" in out


def test_companies_and_clubs_are_not_people(nlp):
    text = (
        "Shares in Toronto-based Veltrix climbed after Veltrix Holdings Inc agreed to buy a "
        "parts supplier. The league punished Dutch club Sparta Velden on Monday. Harwick's "
        "Tobias Mendel scored late, said Veltrix spokesman Oren Falk."
    )
    names = {p.name for p in people_of(nlp, text)[0]}
    assert {"Tobias Mendel", "Oren Falk"} <= names
    assert not {"Veltrix", "Sparta Velden", "Harwick"} & names


def test_line_ups_and_name_lists(nlp):
    text = (
        "Line-ups:\nNorland - 1 - Pieter Vasko; 2 - Emil Drozdan (15 - Marek Holub 80th), "
        "4 - Tomas Kerl, 6 - Anton Brisk\n"
        "Scorers: Emil Drozdan (12th), Anton Brisk (44th).\n"
        "Attendance: 8,000\n"
    )
    names = {p.name for p in people_of(nlp, text)[0]}
    assert {"Pieter Vasko", "Emil Drozdan", "Marek Holub", "Tomas Kerl", "Anton Brisk"} <= names
    assert not {"Norland", "Attendance"} & names


def test_cricket_scorecard(nlp):
    text = (
        "CRICKET - TOUR MATCH SCOREBOARD.\nLEEDS 1997-05-02\nNorthshire\n"
        "J. Pellow c and b Marsden 41\nK. Odum c Frith b Tallis 9\n"
        "Extras (b-2 lb-4) 6\nTotal (for eight wickets) 212\n"
        "Bowling: Marsden 8-1-30-2, Tallis 6-0-41-1\n"
    )
    names = {p.name for p in people_of(nlp, text)[0]}
    assert {"J. Pellow", "K. Odum", "Marsden", "Frith", "Tallis"} <= names
    assert not {"Extras", "Total", "Northshire"} & names


def test_places_and_orgs_merged_and_rejects_moved_there(nlp):
    text = (
        "MARKETS - VELTRIX SHARES CLIMB.\nLONDON 1997-05-02\nTrading in London was quiet. "
        "Shares in Toronto-based Veltrix climbed after Veltrix Holdings Inc agreed to buy a "
        "parts supplier, said analyst Oren Falk.\n"
    )
    people, places, orgs = people_of(nlp, text)
    assert [p.name for p in people] == ["Oren Falk"]
    london = [e for e in places if e.name == "London"]
    assert len(london) == 1 and len(london[0].mentions) == 2  # LONDON and London
    veltrix = [e for e in orgs if e.name.startswith("Veltrix")]
    assert [e.name for e in veltrix] == ["Veltrix Holdings Inc"]
    assert len(veltrix[0].mentions) >= 2


def test_title_inside_entity_and_courtesy_title_merge(nlp):
    text = "House Speaker Dana Whitfield met reporters. Mr. Whitfield said little on Tuesday."
    people, _, _ = people_of(nlp, text)
    assert [(p.name, len(p.mentions)) for p in people] == [("Dana Whitfield", 2)]
    assert people[0].role in ("House Speaker", "Speaker")


def test_resolve_initials_and_casing():
    out = resolve([["Vladimir Putin"], ["V. Putin", "PUTIN"], ["Smith"]])
    assert out[1] == {"V. Putin": "Vladimir Putin", "PUTIN": "Vladimir Putin"}
    assert out[2] == {"Smith": "Smith"}


def test_places_merge_only_by_alias_or_spelling():
    from generator.people.identities import resolve

    maps = resolve([["York", "the Kremlin"], ["New York", "Kremlin"]], {}, extend=False)
    assert maps[0]["York"] == "York"
    assert maps[1]["New York"] == "New York"
    assert maps[0]["the Kremlin"] == maps[1]["Kremlin"]


# Narrative news (issue 6, second round): one person per person, no places or things.


def mentions_of(text, person):
    return sorted(text[m.start : m.end] for m in person.mentions)


def test_middle_name_joins_and_relatives_stay_apart(nlp):
    text = (
        "Thomas Edward Okafor was born in 1950 in Enugu. Thomas Okafor later became a "
        "judge. His wife, Ada Okafor, said he was a kind man."
    )
    people, _, _ = people_of(nlp, text)
    found = by_name(people)
    assert set(found) == {"Thomas Edward Okafor", "Ada Okafor"}
    assert mentions_of(text, found["Thomas Edward Okafor"]) == [
        "Thomas Edward Okafor",
        "Thomas Okafor",
    ]


def test_comrade_title_joins_the_full_name(nlp):
    text = (
        "Comrade Tendai Moyo addressed the rally in Harare. "
        "Cde Moyo said the party would win the vote."
    )
    people, _, _ = people_of(nlp, text)
    assert [p.name for p in people] == ["Tendai Moyo"]
    assert len(people[0].mentions) == 2


def test_generational_suffix_and_arabic_particle_join(nlp):
    text = (
        "The governor pardoned Harold P. Whitcombe Jr. on Friday. Whitcombe had served "
        "four years. A strike killed Abu Karim al-Rashidi, a militia commander. Rashidi "
        "had led the group since 2014."
    )
    people, _, _ = people_of(nlp, text)
    found = by_name(people)
    assert set(found) == {"Harold P. Whitcombe Jr.", "Abu Karim al-Rashidi"}
    assert "Whitcombe" in mentions_of(text, found["Harold P. Whitcombe Jr."])
    assert "Rashidi" in mentions_of(text, found["Abu Karim al-Rashidi"])


def test_merge_keeps_different_people_with_one_surname():
    from generator.people.extract import Candidate, merge_people

    names = ["Samuel Banda", "Samuel Gift Banda", "Grace Banda", "Cde Banda", "Banda"]
    cands, pos = [], 0
    for name in names:
        cands.append(Candidate(pos, pos + len(name), name))
        pos += len(name) + 10
    people = merge_people(cands)
    # the middle-name form joins; Grace stays apart; a bare "Banda" joins the nearest before
    assert sorted(p.name for p in people) == ["Grace Banda", "Samuel Gift Banda"]
    # father and son stay apart; a form without suffix goes to neither
    names = ["John Reed Sr.", "John Reed Jr.", "John Reed"]
    cands = [Candidate(i * 30, i * 30 + len(n), n) for i, n in enumerate(names)]
    assert len(merge_people(cands)) == 3


def test_craft_places_media_and_works_are_no_people(nlp):
    cases = [
        "The crew boarded Space Shuttle Horizon on Monday. Commander Lisa Grant said the "
        "launch went well.",
        "Shoppers fled Gaisano Mall and Robinson Plaza after the quake.",
        "The quake was recorded in Sultan Kudarat. Maria Santos, the mayor of Esperanza, "
        "Sultan Kudarat, closed schools.",
        "She spoke on the talk show Morning Joe on Friday.",
        "The mayor spoke on CNN's morning news talk show Morning Joe when he made the "
        "announcement.",  # the tagger has "Joe" alone; name completion gives the show's name
        "She launched her graphic novel Angel Catbird at the fair.",
        "He flipped the Kenworth truck he had been driving on its side.",
        "Players ride a lift down to the Bat Cave, to suit up.",
        "According to Lagos Bulletin, the flood destroyed 40 homes.",
    ]
    for text in cases:
        people, _, _ = people_of(nlp, text)
        names = {p.name for p in people}
        assert names <= {"Lisa Grant", "Maria Santos"}, (text, names)
    people, _, _ = people_of(nlp, cases[0])
    assert [(p.name, p.role) for p in people] == [("Lisa Grant", "Commander")]


def test_groups_events_and_organizations_are_no_people(nlp):
    cases = [
        "On Sunday, Hong Kongers turned out to vote in Hong Kong.",
        "Mugabe's forces killed thousands of ethnic Ndebele in the 1980s.",
        "The Gukurahundi massacres killed thousands.",
        "The Atlantic Weather Service (Marwen) issued a warning. Marwen said in its "
        "bulletin that storms were likely.",
        "In an interview with Dawn, she said she was forced into marriage.",
        "Reporters asked about the leak. Kessler said in its report that the data was exposed.",
        "Protesters started at the square, Kowloon Bay, and Lok Fu early yesterday.",
    ]
    for text in cases:
        people, _, _ = people_of(nlp, text)
        names = {p.name for p in people} - {"Mugabe"}
        assert not names, (text, names)


def test_one_word_names_with_a_person_cue_are_kept(nlp):
    text = (
        "Madonna said she would tour again next year. The couple's son, Tobias, was "
        "treated in hospital. Mr. Ferrante says the fees will rise. A student named Chan "
        "said the march was peaceful. Obama met reporters in Berlin on Tuesday. He said "
        "the talks were useful."
    )
    people, _, _ = people_of(nlp, text)
    assert {"Madonna", "Tobias", "Ferrante", "Chan", "Obama"} <= {p.name for p in people}


def test_place_word_surname_kept_with_a_title(nlp):
    people, _, _ = people_of(nlp, "Director Michael Bay said the film would open in June.")
    assert [(p.name, p.role) for p in people] == [("Michael Bay", "Director")]


def test_rejected_place_and_medium_go_to_places_and_organizations(nlp):
    text = "Shoppers fled Gaisano Mall after the quake. According to Lagos Bulletin, 40 died."
    people, places, orgs = people_of(nlp, text)
    assert not people
    assert "Gaisano Mall" in {e.name for e in places}
    assert "Lagos Bulletin" in {e.name for e in orgs} | {e.name for e in places}


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # "X, who ..." says person, even when the tagger says organization.
        (
            "The appeal was filed on Monday. Todung Mulya Lubis, who represents the two men, "
            "said a court would hear it.",
            ["Todung Mulya Lubis"],
        ),
        # Coordinated with a person's full name (middle initials too).
        (
            "Renault's new pairing of Felipe Nasri and Marcus Ericsson qualified 11th and 14th.",
            ["Felipe Nasri", "Marcus Ericsson"],
        ),
        (
            "CNN's Faith Karimi, Eliott C. McLaughlin and Justin Lear contributed to this report.",
            ["Faith Karimi", "Eliott C. McLaughlin", "Justin Lear"],
        ),
        # A dateline glued to the given name; not when the glued word is a verb or a title.
        (
            "(CNN)Andrew Paul Tahmooressi, the Marine reservist, was arrested again. "
            "Tahmooressi was released on Friday.",
            ["Andrew Paul Tahmooressi"],
        ),
        (
            "(CNN)Have Rick and his fellow survivors finally found a home? Rick said no.",
            ["Rick"],
        ),
        ("(CNN)Actress Taraji P. Henson is apologizing. Henson said so.", ["Taraji P. Henson"]),
        ("Carlos Sainz Jnr., son of the former rally champion, was eighth.", ["Carlos Sainz Jnr."]),
        # A capitalized particle at the end is part of the name.
        (
            'The system "is a huge problem," says Professor Fan Bin, of the Huadong Institute.',
            ["Fan Bin"],
        ),
        # An occupation before the name.
        (
            "It was found with the help of British chemist and x-ray crystallographer "
            "Rosalind Franklin's research.",
            ["Rosalind Franklin"],
        ),
        # "writing team" is no sports team.
        (
            "Disney bought a script by writing team Elizabeth Martin and Lauren Hynek. "
            "Martin and Hynek met in high school.",
            ["Elizabeth Martin", "Lauren Hynek"],
        ),
        # An apposition only a person takes; a stray title; names for no one in particular.
        (
            'The law is "vague," according to Ranjeeta Rohatgi, an advocate who was present.',
            ["Ranjeeta Rohatgi"],
        ),
        (
            "Aijalon Mahli Gomes, a U.S. citizen sentenced to eight years, was released.",
            ["Aijalon Mahli Gomes"],
        ),
        ("They fired at us, said Sgt. John MacLellan. Then the brothers ran.", ["John MacLellan"]),
        (
            "CNN meteorologist Judson Jones said there were preliminary reports of tornadoes.",
            ["Judson Jones"],
        ),
        ("Uncle Sam wants you, the poster said, and Jim Crow laws were still in force.", []),
        # News credits, an apposition with "of", a role word and a comma before the name.
        ("The museum reopened. Jen Christensen contributed to this report.", ["Jen Christensen"]),
        (
            "It was a catastrophe, the president told CNN's Christiane Amanpour on Monday.",
            ["Christiane Amanpour"],
        ),
        (
            '"She said it." Evgeniya Albats, editor-in-chief of The New Times, said.',
            ["Evgeniya Albats"],
        ),
        (
            "The tour company's general director, Felipe Diez-Canedo, released a statement.",
            ["Felipe Diez-Canedo"],
        ),
        ("Australia's air traffic control manager, Airservices Australia, announced a test.", []),
        # Name parts the tagger left out; a speaker after a closing quote.
        (
            "Turkish lawmaker Mehmet Ali Ediboglu told CNN that the border was open.",
            ["Mehmet Ali Ediboglu"],
        ),
        (
            "Mexico's attorney general Jesús Murillo Karam announced the arrests.",
            ["Jesús Murillo Karam"],
        ),
        ("NASA Administrator Charles Bolden spoke at the launch.", ["Charles Bolden"]),
        ('"We need more energy," Klaus Radke said.', ["Klaus Radke"]),
        (
            '"It was wrong," a user called Caleb Parke wrote. But Mina Tzemach, the polling '
            "expert, disagreed.",
            ["Caleb Parke", "Mina Tzemach"],
        ),
        ("CNN Intern Harvard Zhang contributed to this report.", ["Harvard Zhang"]),
        ("Patient Zero -- the first case in the outbreak -- was a two-year-old boy.", []),
        ("The canal would cross Lake Nicaragua near Punta Gorda, officials said.", []),
    ],
)
def test_narrative_news_cues(nlp, text, people):
    found, _, _ = people_of(nlp, text)
    assert [p.name for p in found] == people


def _record(slug, people=(), orgs=(), authored=()):
    from generator.record import Analysis, Entity, Mention, Participant, Record

    def mentions(name):
        return [Mention(0, len(name))]

    analysis = Analysis(
        title=slug,
        summary=[],
        dates=[],
        key_dates=[],
        participants=[Participant(n, None, mentions(n)) for n in people],
        places=[],
        organizations=[Entity(n, mentions(n)) for n in orgs],
    )
    return Record(
        source=f"{slug}.txt",
        slug=slug,
        date=None,
        text="",
        analysis=analysis,
        summary=[],
        authored=set(authored),
    )


def test_archive_moves_a_person_it_mostly_calls_an_organization():
    from generator.pipeline.records import unify_names

    records = [
        _record("a", people=["Sauber", "Felipe Nasr"]),
        _record("b", orgs=["Sauber"]),
        _record("c", orgs=["Sauber"]),
        _record("d", people=["Sauber"], authored=["participants"]),  # the author's word
        _record("e", people=["Jordan"], orgs=["Jordan"]),  # one vote is not enough
    ]
    unify_names(records, {})
    a, _, _, d, e = records
    assert [p.name for p in a.participants] == ["Felipe Nasr"]
    assert [o.name for o in a.organizations] == ["Sauber"]
    assert "Sauber" in a.tags
    assert [p.name for p in d.participants] == ["Sauber"]
    assert [p.name for p in e.participants] == ["Jordan"]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("The mayor of London, Sadiq Khan, thanked the police.", "Sadiq Khan", "mayor of London"),
        ("Later, Secretary of State Mike Pompeo spoke.", "Mike Pompeo", "Secretary of State"),
        (
            "He trailed former Vice President of the United States Joe Biden.",
            "Joe Biden",
            "former Vice President of the United States",
        ),
        ("The prime minister, Boris Johnson, tweeted.", "Boris Johnson", "prime minister"),
        ("Mayor of Koszalin Piotr Jedlinski spoke.", "Piotr Jedlinski", "Mayor of Koszalin"),
        ("The pioneering oceanographer Walter Munk died.", "Walter Munk", "oceanographer"),
        (
            "English mathematician John Horton Conway died.",
            "John Horton Conway",
            "English mathematician",
        ),
        ("Natasha Gownaris, a biologist, studies penguins.", "Natasha Gownaris", "biologist"),
    ],
)
def test_roles_written_around_the_name(nlp, text, name, role):
    people = {p.name: p.role for p in find_participants(nlp(text))[0]}
    assert people.get(name) == role


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Both Pete Buttigieg and Amy Klobuchar ended their bids.",
            {"Pete Buttigieg", "Amy Klobuchar"},
        ),
        (
            "Yau Wai-ching and Leung Kwok-hung lost their seats.",
            {"Yau Wai-ching", "Leung Kwok-hung"},
        ),
        (
            "Both Pete Buttigieg, the former mayor of South Bend, and Amy Klobuchar quit.",
            {"Pete Buttigieg", "Amy Klobuchar"},
        ),
        (
            "Borna Derakhshani plays chess. Borna Deraskhsani won. Borna said so.",
            {"Borna Derakhshani"},
        ),
        ("Wanda Vázquez Garced was sworn in. Later Wanda Vázquez spoke.", {"Wanda Vázquez Garced"}),
    ],
)
def test_one_person_under_one_whole_name(nlp, text, names):
    assert {p.name for p in find_participants(nlp(text))[0]} == names


def test_a_title_gives_the_first_role(nlp):
    from generator.pipeline.analysis import Settings, analyze

    a = analyze(
        "Natasha Gownaris said the colony shrank. Gownaris is the study's lead author.",
        None,
        Settings(),
        "Wikinews interviews biologist Natasha Gownaris",
    )
    assert [(p.name, p.role) for p in a.participants] == [("Natasha Gownaris", "biologist")]


@pytest.mark.parametrize(
    ("title", "body", "name", "role"),
    [
        (
            "Wikinews interviews Jo Jorgensen, U.S. Libertarian Party presidential nominee",
            "Jo Jorgensen is a professor at Clemson. Jorgensen spoke.",
            "Jo Jorgensen",
            "U.S. Libertarian Party presidential nominee",
        ),
        (
            "Former president of India Pranab Mukherjee dies aged 84",
            "Pranab Mukherjee, a career politician, died. Mukherjee was 84.",
            "Pranab Mukherjee",
            "Former president of India",
        ),
        (
            "US president Trump ousts national security advisor Bolton",
            "Donald Trump fired John Bolton on Tuesday. Bolton left.",
            "John Bolton",
            "advisor",
        ),
    ],
)
def test_headline_roles_are_read_by_their_words(nlp, title, body, name, role):
    from generator.pipeline.analysis import Settings, analyze

    people = {p.name: p.role for p in analyze(body, None, Settings(), title).participants}
    assert people[name] == role


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Jo Jorgensen and Spike Cohen ran. The Jorgensen-Cohen ticket won 1%.",
            {"Jo Jorgensen", "Spike Cohen"},
        ),
        ("Martin Luther King Jr. Day is a holiday, said Joe Biden.", {"Joe Biden"}),
    ],
)
def test_tickets_and_holidays_are_no_people(nlp, text, names):
    assert {p.name for p in find_participants(nlp(text))[0]} == names


def test_resolve_folds_accents():
    out = resolve([["Recep Tayyip Erdoğan"], ["Erdogan"], ["Erdoğan"]])
    assert out[1]["Erdogan"] == "Recep Tayyip Erdoğan"
    assert out[2]["Erdoğan"] == "Recep Tayyip Erdoğan"


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "During the convention, Donald Trump's younger brother Robert died.",
            "Robert",
            "brother of Donald Trump",
        ),
        (
            "Tony Mendez was a CIA officer. Mendez's wife Jonna Mendez said he was brilliant.",
            "Jonna Mendez",
            "wife of Tony Mendez",
        ),
    ],
)
def test_a_relation_to_a_named_person_is_a_role(nlp, text, name, role):
    assert {p.name: p.role for p in find_participants(nlp(text))[0]}[name] == role


def test_a_role_shows_no_cut_parenthesis(nlp):
    text = "He played against Israeli Grand Master (GM) Alexander Huzman in the final."
    people = {p.name: p.role for p in find_participants(nlp(text))[0]}
    assert people["Alexander Huzman"] == "Israeli Grand Master"


def test_every_rule_family_is_wired_to_its_code() -> None:
    import inspect

    from generator.people import (
        body_nouns,
        cut_names,
        entities,
        entity_evidence,
        entity_people,
        extract,
        rules,
    )

    assert extract.find_participants  # importing the stage wires its families
    evidence = set(entity_evidence.RULES) | set(entity_people.RULES) | set(cut_names.RULES)
    evidence |= set(body_nouns.RULES)
    assert set(rules.PEOPLE) | evidence == rules.WIRED
    source = inspect.getsource(entities.clean)
    in_clean = {n for n in rules.ENTITIES if f'rules.on("{n}")' in source}
    assert in_clean | evidence == set(rules.ENTITIES)
    with pytest.raises(ValueError, match="no such rule"):
        rules.switch_off(["no_such_family"])
    assert rules.off_now() == frozenset()


# One small text per family where switching the family off changes what the stage finds.
ABLATION_EXAMPLES = {
    "cricket": "CRICKET - SCORECARD\nM. Atapattu c Vaas b Chandana 20\n"
    "S. Jayasuriya st Moin b Mushtaq 14\nBowling: Gough 8-0-39-3, Cork 7-1-30-1",
    "ranked_row": "GOLF - LEADING SCORES\n287 Ian Woosnam 70 76 71 70\n"
    "288 Padraig Harrington 71 72 73 72",
    "trigger": "The ministry said on Tuesday that spokesman Glyn Davies would speak later, "
    "and team mate Les Ferdinand agreed.",
    "list_expansion": "The squad is: Given, Breen, Staunton, Irwin, Keane and McAteer.",
    "propagation": "Kofi Annan visited Paris. ANNAN SAYS PEACE IS NEAR. Annan met the president.",
    "cues": "Nerweyi Faik, who leads the group, said the talks failed. "
    "Joma Ndibe, a biologist, agreed.",
    "no_person": "Since Baloch's death, Pakistan's laws about honor killings have changed. "
    "Though the accused can still avoid the death penalty if forgiven by the victim's family, "
    "the minimum prison sentence for the crime even if forgiven is now 25 years. "
    "Waseem is eligible to appeal.",
}


@pytest.mark.parametrize("family", sorted(ABLATION_EXAMPLES))
def test_switching_a_family_off_changes_the_result(nlp, family: str) -> None:
    from generator.people import switched_off

    def found(doc) -> list:  # noqa: ANN001
        people, places, orgs = find_participants(doc)
        return [(p.name, [(m.start, m.end) for m in p.mentions]) for p in people] + [
            e.name for e in places + orgs
        ]

    doc = nlp(ABLATION_EXAMPLES[family])
    full = found(doc)
    with switched_off([family]):
        assert found(doc) != full
    assert found(doc) == full  # and back on after the block


def test_every_vocabulary_file_says_what_it_holds_and_how_to_add_an_entry() -> None:
    import re
    from pathlib import Path

    import generator

    root = Path(generator.__file__).parent
    files = sorted(root.glob("*/data/en/*"))
    assert len(files) > 30
    for path in files:
        lines = path.read_text(encoding="utf-8").splitlines()
        header = " ".join(
            line for line in lines[: next(i for i, s in enumerate(lines) if not s.startswith("#"))]
        )
        assert len(header) > 40, path.name  # what it holds
        assert re.search(r"(?i)to add|add an|a line|per line", header), path.name  # how to add


def test_a_name_joins_another_pages_longer_name_only_with_a_compatible_role() -> None:
    docs = [["Anna Berg", "Xi Jinping"], ["Anna", "Xi"], ["Anna"], ["Xi"]]
    roles = [
        {"Anna Berg": "novelist", "Xi Jinping": "Chinese President"},
        {"Anna": "wife", "Xi": "President"},
        {"Anna": None},
        {"Xi": "general secretary"},
    ]
    out = resolve(docs, roles_by_doc=roles)
    assert out[1] == {"Anna": "Anna", "Xi": "Xi Jinping"}  # a wife is no novelist
    assert out[2] == {"Anna": "Anna Berg"}  # no role stated: the one Anna of the archive
    assert out[3] == {"Xi": "Xi"}  # a role no page of Xi Jinping gives him
    assert resolve(docs)[1] == {"Anna": "Anna Berg", "Xi": "Xi Jinping"}
    same_page = resolve(
        [["Anna Berg", "Anna"]], roles_by_doc=[{"Anna Berg": "novelist", "Anna": "wife"}]
    )
    assert same_page == [{"Anna Berg": "Anna Berg", "Anna": "Anna Berg"}]


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("Later his wife Anna said it.", "wife"),
        ("Their younger son, Tom, left.", "son"),
        ("The novelist Anna said it.", None),
        ("His wife and Anna left.", None),
    ],
)
def test_the_relation_a_pronoun_gives_a_name(text: str, relation: str | None) -> None:
    from generator.people.relations import relation_before

    name = "Anna" if "Anna" in text else "Tom"
    assert relation_before(text, text.index(name)) == relation


@pytest.mark.parametrize(
    ("text", "tag", "name"),
    [
        (
            "Prime Minister of Portugal Ana Costa wrote, 'We mourn.'",
            "Portugal Ana Costa",
            "Ana Costa",
        ),
        (
            "The director of the Porto chapter of the Atlantic Rowing Union Rui Lopes said so.",
            "Atlantic Rowing Union Rui Lopes",
            "Rui Lopes",
        ),
        # no role "of" before the tag
        ("Fans in Portugal Ana Costa said, were glad.", "Portugal Ana Costa", None),
        # no say verb after it
        ("Prime Minister of Portugal Ana Costa Road is long.", "Portugal Ana Costa", None),
        # a body whose last two words are no name
        ("The director of the Lisbon Rowing Union said so.", "Lisbon Rowing Union", None),
    ],
)
def test_a_name_glued_after_a_body_or_place_is_a_person(
    text: str, tag: str, name: str | None
) -> None:
    from generator.people import glued_names as patterns
    from generator.people import rules

    start = text.index(tag)
    other = [(start, start + len(tag), "ORG")]
    found = [c.text for c in patterns.names_glued_after_a_body(text, other)]
    assert found == ([name] if name else [])
    with rules.switched_off(["trigger"]):
        assert patterns.names_glued_after_a_body(text, other) == []
