"""The extractive summarizer on the real spaCy model (texts written for these tests)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from generator.evaluation import summaries as evaluation
from generator.record import Mention
from generator.summaries.positional import RULE_NAMES
from generator.summaries.summarizer import (
    DEFAULT_METHOD,
    DEFAULT_SENTENCES,
    SUMY_METHODS,
    PositionalSummarizer,
    clean_span,
    sentence_spans,
    summarize,
)

STORY = (
    "WASHINGTON (CNN) -- The city council of Millbrook voted on Tuesday to close the old "
    "river bridge after engineers found deep cracks in two of its supports. "
    "The bridge, built in 1931, carries about 12,000 cars a day across the Tansy River. "
    "Mayor Ellen Ortiz said the closure would last at least six months while the supports "
    "are replaced. "
    '"Nobody wants to sit in traffic, but nobody wants to fall into the river either," '
    "Ortiz said. "
    "Drivers will be sent to the Hollow Road bridge, four miles to the north. "
    "Local shop owners worry that the detour will keep customers away from the old town. "
    "Why did it take so long? "
    "The engineers first reported small cracks in the supports of the river bridge in 2019. "
    "A council report from that year put the cost of a full repair at $8 million. "
    "Photos: The river bridge over the years. "
    "The state has promised to pay half of the cost of the new supports. "
    "Work on the bridge is expected to begin in March."
)
DATELINE_STORIES = [
    "London (CNN)A fire broke out at a bakery in the east of the city on Monday. "
    "No one was hurt, the fire brigade said. Firefighters worked through the night. "
    "The bakery had opened only last year. Its owner said he would rebuild it.",
    "(The Example Reporter)It's official: the studio has renewed the series for a third "
    "season. Filming starts in May. The cast will return in full. Fans had waited for months. "
    "The network declined to comment on the budget.",
    "SAN JUAN, Puerto Rico (CNN) -- Heavy rain flooded streets across the island on Sunday. "
    "Schools will stay closed on Monday. The storm is moving west. Power was cut in some towns. "
    "Officials asked residents to stay home.",
]


@pytest.fixture(scope="module")
def story(nlp):
    return nlp(STORY)


def texts(doc, spans):
    return [doc.text[m.start : m.end] for m in spans]


def assert_sentences_in_order(doc, spans):
    """Each span is a whole sentence of the parse (less a leading dateline), in order."""
    sentences = sentence_spans(doc)
    ends = {m.end: m for m in sentences}
    for span in spans:
        assert span.end in ends, doc.text[span.start : span.end]
        sentence = ends[span.end]
        assert sentence.start <= span.start < span.end
        assert clean_span(doc.text, sentence) == span
    assert [m.start for m in spans] == sorted(m.start for m in spans)
    assert len({m.start for m in spans}) == len(spans)


def test_contract_defaults():
    assert DEFAULT_METHOD == "positional"
    assert SUMY_METHODS["positional"] is PositionalSummarizer
    assert DEFAULT_SENTENCES == 3


def test_summary_is_sentences_in_document_order(story):
    spans = summarize(story)
    assert len(spans) == DEFAULT_SENTENCES
    assert all(isinstance(m, Mention) for m in spans)
    assert_sentences_in_order(story, spans)


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5, 8])
def test_sentence_count(story, n):
    spans = summarize(story, sentences=n)
    assert len(spans) == n
    assert_sentences_in_order(story, spans)


def test_no_sentences_asked(story):
    assert summarize(story, sentences=0) == []
    assert summarize(story, sentences=-1) == []
    assert summarize(story, words=0) == []


def test_more_sentences_than_document_gives_whole_document(story):
    spans = summarize(story, sentences=100)
    # every sentence but "WASHINGTON (CNN) --", which spaCy splits off and is only a dateline
    assert len(spans) == len(sentence_spans(story)) - 1
    assert_sentences_in_order(story, spans)


@pytest.mark.parametrize("method", sorted(SUMY_METHODS))
@pytest.mark.parametrize("budget", [12, 30, 60])
def test_word_budget_whole_sentences(story, method, budget):
    spans = summarize(story, words=budget, method=method)
    assert sum(len(t.split()) for t in texts(story, spans)) <= budget
    assert_sentences_in_order(story, spans)
    if method == "positional":
        assert spans, "some sentence of the story fits every budget tried"


def test_word_budget_not_filled_with_furniture(nlp):
    doc = nlp(
        "The city opened a new library on the east side of the river on Saturday. "
        "Maybe not. "
        "Rolling Stone: "
        "More than 2,000 visitors came to see the building on the first day. "
        "All rights reserved."
    )
    for budget in (15, 20, 30, 40):
        chosen = texts(doc, summarize(doc, words=budget))
        assert chosen, budget
        assert not {"Maybe not.", "Rolling Stone:", "All rights reserved."} & set(chosen)


def test_word_budget_below_every_sentence_gives_nothing(story):
    assert summarize(story, words=2) == []


def test_larger_budget_never_gives_fewer_words(story):
    totals = [
        sum(len(t.split()) for t in texts(story, summarize(story, words=budget)))
        for budget in (20, 40, 80)
    ]
    assert totals == sorted(totals)


@pytest.mark.parametrize("method", sorted(SUMY_METHODS))
def test_every_method_runs(story, method):
    # The story has a dozen sentences: every method gives as many as asked, three by default.
    for spans, n in (
        (summarize(story, method=method), DEFAULT_SENTENCES),
        (summarize(story, method=method, sentences=2), 2),
    ):
        assert len(spans) == n
        assert_sentences_in_order(story, spans)


def test_unknown_method(story):
    with pytest.raises(ValueError, match="unknown summary method"):
        summarize(story, method="nope")


@pytest.mark.parametrize("method", sorted(SUMY_METHODS))
def test_dateline_never_in_summary(nlp, method):
    for text in [STORY, *DATELINE_STORIES]:
        doc = nlp(text)
        for n in (1, 3, 10):
            joined = " ".join(texts(doc, summarize(doc, sentences=n, method=method)))
            assert "(CNN)" not in joined
            assert "(The Example Reporter)" not in joined
            assert "--" not in joined
            assert not joined.startswith(("WASHINGTON", "London", "SAN JUAN"))


def test_dateline_stripped_by_moving_start(nlp):
    doc = nlp(DATELINE_STORIES[0])
    first = summarize(doc, sentences=1, method="positional")[0]
    assert doc.text[first.start : first.end].startswith("A fire broke out")
    assert doc.text.endswith(doc.text[first.start :])  # still a span of the text


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        ("WASHINGTON (CNN) -- The vote failed.", "The vote failed."),
        ("Los Angeles (CNN)The search goes on.", "The search goes on."),
        ("Sanaa, Yemen (CNN)A coalition struck.", "A coalition struck."),
        ('(CNN)"This is a test," she said.', '"This is a test," she said.'),
        ("(Rolling Stone)Fans are used to it.", "Fans are used to it."),
        ("PARIS (AP) -- Talks resumed.", "Talks resumed."),
        ("Story highlights The vote failed.", "The vote failed."),
        ("(CNN)", ""),
        ("Smith (CNN) said the vote failed.", None),
        ("NASA (National Aeronautics and Space Administration) said no.", None),
        ("The senator (R-Texas) voted no.", None),
        ("Police (who arrived late) found nothing.", None),
    ],
)
def test_clean_span(text, cleaned):
    span = clean_span(text, Mention(0, len(text)))
    assert text[span.start : span.end] == (text if cleaned is None else cleaned)


def test_one_and_two_sentence_documents(nlp):
    one = nlp("Los Angeles (CNN)A small earthquake shook the city on Friday morning.")
    assert texts(one, summarize(one)) == ["A small earthquake shook the city on Friday morning."]
    two = nlp("The museum reopened on Sunday. Visitors waited in line for hours.")
    for method in SUMY_METHODS:
        assert len(summarize(two, method=method)) == 2
        assert len(summarize(two, sentences=1, method=method)) == 1
    assert summarize(two, words=5) == [sentence_spans(two)[0]]


def test_empty_and_dateline_only_documents(nlp):
    assert summarize(nlp("")) == []
    assert summarize(nlp("   ")) == []
    assert summarize(nlp("(CNN) --")) == []


def test_very_long_document(nlp):
    subjects = ["The council", "A farmer", "The river", "Our reporter", "The mayor", "A teacher"]
    verbs = ["visited", "described", "ignored", "praised", "measured", "questioned"]
    objects = ["the harbour", "a new school", "the old mill", "the market", "the station"]
    sentences = [
        f"{subjects[i % 6]} {verbs[i // 6 % 6]} {objects[i // 36 % 5]} on day {i}."
        for i in range(3000)
    ]
    with nlp.select_pipes(enable=["tok2vec", "parser"]):
        doc = nlp(" ".join(sentences))
    assert len(sentence_spans(doc)) >= 2900
    spans = summarize(doc, sentences=3)
    assert len(spans) == 3
    assert_sentences_in_order(doc, spans)
    many = summarize(doc, sentences=100)  # more than the candidates the centrality looks at
    assert len(many) == 100
    assert_sentences_in_order(doc, many)
    assert sum(len(t.split()) for t in texts(doc, summarize(doc, words=40))) <= 40


def test_deterministic(nlp, story):
    for method in ("positional", "lexrank", "textrank", "lsa"):  # not "random", by design
        assert summarize(story, method=method) == summarize(story, method=method)
    assert summarize(nlp(STORY)) == summarize(story)
    assert summarize(story, words=40) == summarize(story, words=40)


def test_positional_avoids_poor_summary_lines(story):
    chosen = " ".join(texts(story, summarize(story, sentences=5)))
    assert "Photos:" not in chosen
    assert "Why did it take so long?" not in chosen


def test_bootstrap_interval_is_fixed_and_brackets_the_mean():
    diffs = np.array([1.0, 2.0, -0.5, 3.0, 0.0, 1.5])
    low, high = evaluation.bootstrap_interval(diffs)
    assert (low, high) == evaluation.bootstrap_interval(diffs)
    assert low <= diffs.mean() <= high


def test_evaluation_command(nlp, tmp_path, capsys):
    path = tmp_path / "eval.jsonl"
    rows = [
        {"id": "a", "text": STORY, "reference": "Millbrook closes river bridge .\nCracks found ."},
        {"id": "b", "text": DATELINE_STORIES[0], "reference": "Fire at a bakery ."},
        {"id": "c", "text": DATELINE_STORIES[2], "reference": "Rain floods streets ."},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert evaluation.main([str(path), "--methods", "positional,lexrank", "--limit", "2"]) == 0
    out = capsys.readouterr().out
    assert "2 documents" in out
    # documents 0 and 1 are both in the tune part; the held-out part is said to be empty
    assert "part tune: 2 documents" in out and "part heldout: 0 documents" in out
    tune = out.split("part tune")[1].split("part heldout")[0].splitlines()[2:]
    assert {line.split()[0] for line in tune if line.strip()} == {"lead-3", "positional", "lexrank"}
    assert evaluation.main([str(path), "--skip", "1", "--methods", "positional"]) == 0
    out = capsys.readouterr().out
    # the part is the document's line in the file, --skip or not: line 2 is held out
    assert "2 documents" in out and "part tune: 1 documents" in out
    assert "part heldout: 1 documents" in out
    assert evaluation.main([str(path), "--methods", "bogus"]) == 2
    assert evaluation.main([str(path), "--without", "bogus"]) == 2


def test_evaluation_proxy_and_leave_one_out(nlp, tmp_path, capsys):
    path = tmp_path / "eval.jsonl"
    rows = [
        {"id": "a", "text": STORY, "reference": "Millbrook closes river bridge .\nCracks found ."},
        {"id": "b", "text": DATELINE_STORIES[0], "reference": "Fire at a bakery ."},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    argv = [str(path), "--methods", "positional", "--reference", "first", "--part", "all"]
    assert evaluation.main([*argv, "--leave-one-out"]) == 0
    out = capsys.readouterr().out
    assert "FIRST highlight (proxy)" in out and "part all: 2 documents" in out
    names = [line.split()[0] for line in out.splitlines() if line.strip()]
    assert "lead-1" in names and "lead-3" in names
    rules = out.split("leave-one-out")[1].splitlines()[2:]
    assert [line.split()[0] for line in rules] == list(RULE_NAMES)
    assert evaluation.main([*argv, "--without", "lead,quote", "--leave-one-out"]) == 0
    out = capsys.readouterr().out
    assert "without ['lead', 'quote']" in out
    rules = out.split("leave-one-out")[1].splitlines()[2:]
    assert "lead" not in [line.split()[0] for line in rules]


@pytest.mark.parametrize(
    ("index", "part"), [(0, "tune"), (1, "tune"), (2, "heldout"), (5, "heldout")]
)
def test_parts_are_fixed_by_line(index, part):
    assert evaluation.part_of(index) == part


def test_first_reference_is_the_first_highlight():
    row = {"reference": "One highlight .\nTwo highlights ."}
    assert evaluation.reference_of(row, "first") == "One highlight ."
    assert evaluation.reference_of(row, "all") == row["reference"]
