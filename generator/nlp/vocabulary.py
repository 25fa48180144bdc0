"""Vocabulary and rule tables kept as data, loaded from this one place, per language.

Each concept is one file beside the stage that owns it: ``generator/<stage>/data/<lang>/``
``<name>.txt`` (one entry a line, ``#`` starts a comment, the file's first lines say what it
holds and how to add an entry) or ``<name>.yml`` (a table). Concepts that several stages use
(say verbs, weekdays and months, news agencies) live under ``generator/nlp/data/<lang>/``.
The cache key hashes every stage folder, so editing a file here is a new analysis.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

LANGUAGE = "en"
PACKAGE = Path(__file__).resolve().parent.parent


def data_file(name: str, stage: str = "nlp", language: str = LANGUAGE) -> Path:
    """The file of one concept: ``name`` with its suffix (``"say_verbs.txt"``)."""
    return PACKAGE / stage / "data" / language / name


@functools.cache
def entries(name: str, stage: str = "nlp", language: str = LANGUAGE) -> tuple[str, ...]:
    """The entries of ``<name>.txt`` in file order, comments and blank lines dropped."""
    text = data_file(f"{name}.txt", stage, language).read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(line for line in lines if line)


@functools.cache
def words(name: str, stage: str = "nlp", language: str = LANGUAGE) -> frozenset[str]:
    """The entries of ``<name>.txt`` lower-cased, as a set (word lists are matched so)."""
    return frozenset(entry.lower() for entry in entries(name, stage, language))


@functools.cache
def table(name: str, stage: str = "nlp", language: str = LANGUAGE) -> Any:
    """The content of ``<name>.yml`` (read with the safe loader: data, never code)."""
    text = data_file(f"{name}.yml", stage, language).read_text(encoding="utf-8")
    return yaml.safe_load(text)
