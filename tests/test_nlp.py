"""The parse as we run it (numpy's BLAS, indexed attribute ruler) equals spaCy's own."""

from __future__ import annotations

import spacy
from spacy.matcher import Matcher
from thinc.api import NumpyOps, get_current_ops, use_ops

from benchmarks.parse_speed import annotations
from generator.nlp import MODEL_CANDIDATES, IndexedMatcher, load_model

from .conftest import ROOT

# The ruler's exceptions: contractions, auxiliaries, "there is", pronoun cases, spaces.
EXCEPTIONS = (
    "I'm gonna tell y'all: nothin' ain't free. Let's go, c'mon! Gotta run.\n\n"
    "There's a dog and there were cats. Do you have it? I do, and it has me. "
    "She didn't say whether it was true, but that is what I've heard.   "
    "Which one? That one. They'd done it because you'd asked.\t\r\n"
    "JOHN SMITH , 45 , WAS NOT THERE ; HE 'S GONE .  \u00a0 ok"
)


def sample_texts() -> list[str]:
    paths = sorted((ROOT / "seeds").rglob("*.txt"))
    return [EXCEPTIONS] + [p.read_text(encoding="utf-8") for p in paths]


def plain_model():
    name = next(n for n in MODEL_CANDIDATES if spacy.util.is_package(n))
    with use_ops("numpy", use_blis=True):
        return spacy.load(name, exclude=["lemmatizer"])


def test_our_parse_is_spacys_parse():
    plain = plain_model()
    ours = load_model()
    assert isinstance(ours.get_pipe("attribute_ruler").matcher, IndexedMatcher)
    ops = get_current_ops()
    assert isinstance(ops, NumpyOps) and not ops.use_blis
    texts = sample_texts()
    assert len(texts) > 20
    pairs = zip(plain.pipe(texts), ours.pipe(texts), strict=True)
    for i, (a, b) in enumerate(pairs):
        assert annotations(a) == annotations(b), texts[i][:80]


def test_indexed_matcher_finds_what_the_matcher_finds():
    nlp = load_model()
    ruler = nlp.get_pipe("attribute_ruler")
    reference = Matcher(nlp.vocab)
    for pattern in ruler.patterns:
        reference.add(str(len(reference)), pattern["patterns"])
    before_ruler = [name for name in nlp.pipe_names if name not in ("attribute_ruler", "ner")]
    checked = 0
    with nlp.select_pipes(enable=before_ruler):
        for doc in nlp.pipe(sample_texts()):
            expected = sorted(set(reference(doc)))
            assert ruler.matcher(doc) == expected
            checked += len(expected)
    assert checked > 10_000
    # Serialization still goes through spaCy's matcher.
    assert [p["patterns"] for p in ruler.patterns] == [
        reference.get(str(i))[1] for i in range(len(reference))
    ]
