"""Sentence boundaries after abbreviated titles and initials (generator/nlp/sentences.py),
on the real model: every title abbreviation of the data file is tried before a name."""

from __future__ import annotations

import pytest

from generator.nlp.vocabulary import entries

SENTENCES = [
    ("The soldier was named as Army Sgt. John Smith of Ohio.", "He was 23."),
    ("He met Pres. Obama and Col. Sanders, said Cpl. Jones.", "Nobody else came."),
    ("Prof. Jane Doe met Supt. Lee and Insp. Gadget at noon.", "They talked."),
    ("The author J. K. Rowling wrote it in Edinburgh.", "It sold well."),
    ("It was built for John D. Rockefeller in Ohio.", "It still stands."),
]


def _sentences(nlp, text: str) -> list[str]:  # noqa: ANN001
    return [s.text.strip() for s in nlp(text).sents]


@pytest.mark.parametrize("first, second", SENTENCES)
def test_no_sentence_ends_after_a_title_or_an_initial(nlp, first: str, second: str) -> None:
    assert _sentences(nlp, f"{first} {second}") == [first, second]


@pytest.mark.parametrize("title", entries("title_abbreviations"))
def test_every_title_of_the_list_keeps_its_name(nlp, title: str) -> None:
    first = f"The report was written by {title.capitalize()}. Maria Lopez of the army."
    assert _sentences(nlp, f"{first} It came out in May.") == [first, "It came out in May."]


def test_a_sentence_still_ends_after_a_name_suffix(nlp) -> None:  # noqa: ANN001
    assert _sentences(nlp, "The son of John Smith Jr. He was there.") == [
        "The son of John Smith Jr.",
        "He was there.",
    ]
