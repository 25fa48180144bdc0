"""Interviews: speaker marks read as turns (generator/nlp/turns.py), on our own sentences."""

from __future__ import annotations

import re

import pytest

from generator import serialize
from generator.nlp import turns
from generator.pipeline.analysis import Settings, analyze
from generator.record import Analysis, Mention, Turn
from generator.site.markup import markup_text

# Our own interview, in the outlet's forms: a lost mark (": "), "((X)) : ", a reporter's
# initials, an answer the outlet left unmarked, a two-paragraph answer, a language mark.
INTERVIEW = """Mara Lind, the mayor of Eastport, spoke to reporter Tom Q. Vale about the harbour.

: Why did you run for mayor?

((TQV)) : What will you do about the harbour?

The harbour needs dredging first. We start in spring.

((WN)) Who pays for it?

((Mara Lind)) The port authority pays half. The city pays the rest.

The council agreed on that in March, ((fa))Farsi language: \u0645\u0627 unanimously.

((WN)) Thank you.
"""


def _texts(text: str, found: list[Turn]) -> list[tuple[str, bool, str]]:
    return [(t.speaker, t.interviewer, text[t.words : t.end]) for t in found]


@pytest.mark.parametrize(
    ("kind", "entry"),
    [(k, e) for e in turns.forms().data["marks"] for k in ("examples", "counterexamples")],
)
def test_every_example_of_the_data_file(kind: str, entry: dict) -> None:
    pattern = re.compile(entry["pattern"])
    for sentence in entry.get(kind, []):
        found = turns.mark_at(sentence, 0)
        if kind == "examples":
            assert pattern.match(sentence) and found, sentence
        else:
            assert not (found and found.re is pattern), sentence


def test_an_interview_is_read_as_turns() -> None:
    found = turns.name_speakers(turns.find_turns(INTERVIEW), ["Mara Lind", "Tom Q. Vale"])
    assert _texts(INTERVIEW, found) == [
        # the lost mark: the interviewer who asks most (two ((WN)) against one ((TQV)))
        ("Wikinews", True, "Why did you run for mayor?"),
        ("Tom Q. Vale", True, "What will you do about the harbour?"),
        ("Mara Lind", False, "The harbour needs dredging first. We start in spring."),
        ("Wikinews", True, "Who pays for it?"),
        (
            "Mara Lind",
            False,
            "The port authority pays half. The city pays the rest.\n\nThe council agreed on "
            "that in March, ((fa))Farsi language: \u0645\u0627 unanimously.",
        ),
        ("Wikinews", True, "Thank you.\n"),
    ]
    # the lead paragraph is the story's, no turn
    assert found[0].start == INTERVIEW.index(": Why")


def test_initials_stay_when_no_one_or_two_people_have_them() -> None:
    found = turns.find_turns(INTERVIEW)
    assert turns.name_speakers(found, ["Mara Lind"])[1].speaker == "TQV"
    assert turns.name_speakers(found, ["Tom Q. Vale", "Tina Q. Voss"])[1].speaker == "TQV"


def test_an_unmarked_question_before_the_first_answer_is_the_interviewers() -> None:
    text = "Lead of the story.\n\nWhat do you do?\n\n((Ann Berg)) I sail.\n\n((WN)) Where?\n"
    found = turns.find_turns(text)
    assert [(t.speaker, t.interviewer) for t in found] == [
        ("Wikinews", True),
        ("Ann Berg", False),
        ("Wikinews", True),
    ]


def test_q_and_a_letters_are_turns_and_a_single_mark_is_no_interview() -> None:
    text = "Q: Why sail?\n\nA: For the quiet.\n\nQ: And winter?\n\nA: I rest."
    assert [(t.speaker, t.interviewer) for t in turns.find_turns(text)] == [
        ("Question", True),
        ("Answer", False),
        ("Question", True),
        ("Answer", False),
    ]
    assert turns.find_turns("The list had one point.\n\nA: the first point is cost.") == []
    assert turns.find_turns("He said ((WN)) was wrong.\n\nNothing else.") == []


def test_initials_of_a_named_speaker_are_no_interviewer() -> None:
    text = "((WN)) How old is it?\n\n((Ann Berg)) Old.\n\n((AB)) Very old, I mean."
    found = turns.find_turns(text)
    assert [(t.speaker, t.interviewer) for t in found][-1] == ("AB", False)


def test_mask_blanks_marks_and_keeps_offsets() -> None:
    found = turns.find_turns(INTERVIEW)
    hidden = turns.hidden_marks(INTERVIEW, found)
    masked = turns.mask(INTERVIEW, hidden)
    assert len(masked) == len(INTERVIEW)
    assert "((" not in masked and "TQV" not in masked and ": Why" not in masked
    assert masked.index("The port authority") == INTERVIEW.index("The port authority")
    assert turns.mask("no marks", []) == "no marks"


def test_turns_survive_the_cache_and_a_wrong_turn_is_a_miss() -> None:
    found = turns.find_turns(INTERVIEW)
    analysis = Analysis("t", [], [], [], [], [], [], [], turns=found)
    data = serialize.analysis_data(analysis)
    back = serialize.analysis_from_data(data)
    assert back is not None and back.turns == found
    data["turns"][0]["words"] = data["turns"][0]["end"] + 1
    assert serialize.analysis_from_data(data) is None


def test_the_page_shows_speakers_escaped_and_no_mark() -> None:
    text = "Lead.\n\n((WN)) Why <b>now</b>?\n\n((Ann <i>Berg</i>)) Because. ((fa))Farsi.\n"
    found = turns.find_turns(text)
    answer = next(t for t in found if not t.interviewer)
    html = str(markup_text(text, [], [(Mention(answer.words, answer.words + 7), "x/")], found))
    assert "((" not in html and "<i>" not in html and "<b>" not in html
    assert '<p class="summaries-turn summaries-question"><span class="summaries-speaker">' in html
    assert "Ann &lt;i&gt;Berg&lt;/i&gt;</span>" in html
    assert html.startswith("<p>Lead.</p>")


def test_a_text_without_marks_renders_as_before() -> None:
    text = "One paragraph.\n\nAnother (with a parenthesis)."
    assert str(markup_text(text, [], [], [])) == str(markup_text(text, [], []))
    expected = "<p>One paragraph.</p>\n<p>Another (with a parenthesis).</p>\n"
    assert str(markup_text(text, [], [])) == expected


def test_an_interviews_summary_has_no_question_and_no_mark(nlp) -> None:
    text = (
        "Ann Berg, a sailor from Eastport, spent two years at sea. She spoke to Wikinews.\n\n"
        "((WN)) What was the hardest part of the voyage across the Atlantic Ocean for you?\n\n"
        "((Ann Berg)) The storms near the Azores were the hardest part of the whole voyage. "
        "I lost a mast there in the second week.\n\n"
        "((WN)) Why did you decide to sail alone across the ocean without any crew at all?\n\n"
        "((Ann Berg)) I wanted to know whether I could do it on my own. "
        "My father sailed the same route in 1975.\n\n"
        "((WN)) What will you do next year, after such a long voyage across the ocean?\n\n"
        "((Ann Berg)) Next year I will write a book about the voyage and the storms.\n"
    )
    analysis = analyze(text, None, Settings())
    summary = [text[m.start : m.end] for m in analysis.summary]
    assert len(summary) == 3
    # the story's first line says who speaks; what follows is what she said
    assert summary[0] == "Ann Berg, a sailor from Eastport, spent two years at sea."
    answers = turns.answers(analysis.turns)
    for sentence in summary:
        assert "((" not in sentence and not sentence.rstrip().endswith("?"), sentence
    for sentence, span in zip(summary[1:], analysis.summary[1:], strict=True):
        assert any(a.start <= span.start and span.end <= a.end for a in answers), sentence
    one = analyze(text, None, Settings(sentences=1))
    assert any(a.start <= one.summary[0].start < a.end for a in answers)  # one: an answer
    names = [p.name for p in analysis.participants] + [
        e.name for e in (*analysis.places, *analysis.organizations)
    ]
    assert "WN" not in names and not any("((" in n for n in names)
    berg = next(p for p in analysis.participants if p.name == "Ann Berg")
    assert [text[m.start : m.end] for m in berg.mentions] == ["Ann Berg"]  # the lead's, no mark
    assert [t.speaker for t in analysis.turns] == ["Wikinews", "Ann Berg"] * 3


@pytest.mark.slow
def test_a_built_interview_page_is_a_dialogue_without_marks(tmp_path) -> None:
    from .conftest import mkdocs_build, write_site

    source = "2020-05-01-sailor-tells-of-her-voyage.txt"
    text = (
        "Sailor tells of her voyage\n\n"
        "Ann Berg, a sailor from Eastport, spent two years at sea. She spoke to Wikinews.\n\n"
        + INTERVIEW.split("\n\n", 1)[1]
        + "\n((Ann Berg)) The storms near the Azores were the hardest part <b>by far</b>.\n"
    )
    root = write_site(tmp_path, {source: text})
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    site = root / "site"
    page = next(site.glob("articles/2020/05/*/index.html")).read_text(encoding="utf-8")
    assert page.count('class="summaries-turn summaries-question"') == 4
    assert '<span class="summaries-speaker">Ann Berg</span>' in page
    assert "&lt;b&gt;by far&lt;/b&gt;" in page and "<b>by far" not in page
    for path in site.rglob("*"):
        if path.suffix in (".html", ".xml", ".json", ".txt") and "_sources" not in path.parts:
            assert not re.search(r"\(\([^()\n]{1,80}\)\)", path.read_text(encoding="utf-8")), path
