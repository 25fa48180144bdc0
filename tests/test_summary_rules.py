"""The named line rules of the positional summarizer: every example fires, no counterexample
does (examples and counterexamples are in generator/summaries/data/en/line_rules.yml)."""

from __future__ import annotations

import pytest

from generator.nlp.vocabulary import entries
from generator.summaries.positional import FEATURES, RULE_NAMES, PositionalSummarizer
from generator.summaries.rules import line_rules
from generator.summaries.words import stemmer

RULES = line_rules()
CASES = [(name, text, True) for name, rule in RULES.items() for text in rule.examples] + [
    (name, text, False) for name, rule in RULES.items() for text in rule.counterexamples
]


@pytest.mark.parametrize(("name", "text", "fires"), CASES)
def test_rule_examples(name: str, text: str, fires: bool) -> None:
    assert (RULES[name].strength(text) > 0) is fires, (name, text)


def test_every_rule_has_examples_both_ways_and_a_reason() -> None:
    for rule in RULES.values():
        assert rule.examples and rule.counterexamples and rule.why, rule.name
        assert rule.weight > 0, rule.name


def test_rule_names_are_features_then_line_rules() -> None:
    assert (*FEATURES, *RULES) == RULE_NAMES
    assert len(set(RULE_NAMES)) == len(RULE_NAMES)


@pytest.mark.parametrize("name", ["rhetorical_openers"])
def test_opener_lists_are_lower_case_and_distinct(name: str) -> None:
    words = entries(name, "summaries")
    assert words and len(set(words)) == len(words)
    assert all(w == w.lower() for w in words)


def test_switching_a_rule_off_removes_its_cost() -> None:
    line = "That's right."
    full = PositionalSummarizer(stemmer())
    without = PositionalSummarizer(stemmer(), frozenset({"rhetorical"}))
    assert full.penalty(line) - without.penalty(line) == pytest.approx(RULES["rhetorical"].weight)
    nothing = PositionalSummarizer(stemmer(), frozenset(RULES))
    assert nothing.penalty(line) == 0.0
    with pytest.raises(ValueError, match="unknown summary rules"):
        PositionalSummarizer(stemmer(), frozenset({"bogus"}))
