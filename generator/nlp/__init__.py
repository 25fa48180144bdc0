"""The language layer every stage stands on: the spaCy pipeline, loaded once per process
(``load_model``: the model checked against its expected upload, a faster matrix product, our
sentence fixes), and the vocabulary kept as data (``entries``, ``words``, ``table``: one file
per concept, per language, beside the stage that owns it), and an interview's turns
(``turns``: speaker marks read as a dialogue's turns, blanked before parsing, from the forms
of ``data/en/speaker_marks.yml``).

Importing this package loads neither spaCy nor any word list: a fully cached build never
needs them.
"""

from __future__ import annotations

from . import turns
from .model import (
    DEFAULT_MODEL,
    MAX_PARSE_CHARS,
    MODEL_CANDIDATES,
    ModelMismatch,
    doc_text,
    load_model,
)
from .vocabulary import data_file, entries, table, words

__all__ = [
    "DEFAULT_MODEL",
    "MAX_PARSE_CHARS",
    "MODEL_CANDIDATES",
    "ModelMismatch",
    "data_file",
    "doc_text",
    "entries",
    "load_model",
    "table",
    "turns",
    "words",
]
