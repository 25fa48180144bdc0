"""Story threads: documents about the same story, linked as "More on this story", and a
"Related" list beside them.

Two documents are one story when their wording is close (tf-idf cosine over title and text,
scikit-learn's vectorizer: a well-kept one, not ours), they share a named participant
(person, place or organization, weighted by how rare it is in the archive) and they are
dated within a window of each other. Threads are the groups such links connect, merged
average-link so that one loose pair cannot chain two stories together. A wrong link is
worse than a missing one: the thresholds are chosen on a hand-made gold of threads
(`python -m generator evaluate threads`, benchmarks/threads/README.md), for precision.

Deterministic: the same records give the same threads, in any order of input.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

# Chosen on the tuning part of benchmarks/threads/ (see its README for the sweep).
THREAD_SIMILARITY = 0.18
RELATED_SIMILARITY = 0.12
WINDOW_DAYS = 240
# Two groups merge only while the mean similarity of all their cross pairs stays this high:
# a chain of close pairs does not make two stories one.
COHESION = 0.10
# The shared names' weight a link needs: each name weighs log(N / documents naming it) /
# log(N), 1 for a name only the pair shares, 0 for one in every document; so one rare name
# or a few common ones, in an archive of any size.
MIN_SHARED = 0.6
MAX_RELATED = 5
# Rows of the similarity matrix computed at once: bounded memory at any archive size.
CHUNK = 512


class _Named(Protocol):
    name: str


class ThreadInput(Protocol):
    """What a thread needs of a record."""

    source: str
    title: str
    text: str
    date: Any
    participants: Sequence[_Named]
    places: Sequence[_Named]
    organizations: Sequence[_Named]


@dataclass
class Thread:
    """One story: its documents (sources) in date order and the names they share."""

    members: list[str]
    names: list[str] = field(default_factory=list)


@dataclass
class Stories:
    threads: list[Thread] = field(default_factory=list)
    thread_of: dict[str, int] = field(default_factory=dict)
    related: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class ThreadSettings:
    thread_similarity: float = THREAD_SIMILARITY
    related_similarity: float = RELATED_SIMILARITY
    window_days: int = WINDOW_DAYS
    cohesion: float = COHESION
    min_shared: float = MIN_SHARED


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.match(r"\d{4}-\d{2}-\d{2}", value):
        return dt.date.fromisoformat(value[:10])
    return None


def name_key(name: str) -> str:
    """A name as threads compare it: case and spacing aside."""
    return " ".join(name.casefold().split())


def _names(record: ThreadInput) -> set[str]:
    groups = (record.participants, record.places, record.organizations)
    return {name_key(item.name) for group in groups for item in group}


def _vectors(records: Sequence[ThreadInput]):  # noqa: ANN202
    from sklearn.feature_extraction.text import TfidfVectorizer

    # The title counts twice: it names the story in the fewest words.
    texts = [f"{r.title}\n{r.title}\n{r.text}" for r in records]
    vectorizer = TfidfVectorizer(
        stop_words="english",
        sublinear_tf=True,
        max_df=0.5,
        token_pattern=r"(?u)\b[^\W\d_][\w'-]+\b",
        dtype=np.float32,
    )
    return vectorizer.fit_transform(texts)


def _similar_pairs(records: Sequence[ThreadInput], floor: float) -> dict[tuple[int, int], float]:
    """Every pair (i < j) whose text cosine reaches ``floor``, found chunk by chunk."""
    if len(records) < 2:
        return {}
    try:
        matrix = _vectors(records)
    except ValueError:  # no word is left that some documents have and others lack
        return {}
    pairs: dict[tuple[int, int], float] = {}
    for start in range(0, matrix.shape[0], CHUNK):
        block = (matrix[start : start + CHUNK] @ matrix.T).toarray()
        rows, cols = np.nonzero(block >= floor)
        for row, col in zip(rows.tolist(), cols.tolist(), strict=True):
            i = start + row
            if i < col:
                pairs[(i, col)] = float(block[row, col])
    return pairs


def _shared_weight(a: set[str], b: set[str], idf: dict[str, float]) -> float:
    return sum(idf[name] for name in sorted(a & b))


def find_stories(records: Sequence[ThreadInput], settings: ThreadSettings | None = None) -> Stories:
    """The threads and related lists of an archive."""
    settings = settings or ThreadSettings()
    order = sorted(range(len(records)), key=lambda i: records[i].source)
    records = [records[i] for i in order]
    names = [_names(r) for r in records]
    dates = [_date(r.date) for r in records]
    counts = Counter(name for group in names for name in group)
    total = max(len(records), 2)
    idf = {name: math.log(total / count) / math.log(total) for name, count in counts.items()}
    pairs = _similar_pairs(records, settings.related_similarity)
    scored: dict[tuple[int, int], float] = {}
    for (i, j), cosine in pairs.items():
        shared = _shared_weight(names[i], names[j], idf)
        # A name in much of the archive ("United States") says little about the story.
        if shared < settings.min_shared:
            continue
        scored[(i, j)] = cosine
    links = {
        pair: score
        for pair, score in scored.items()
        if score >= settings.thread_similarity and _within(dates, *pair, settings.window_days)
    }
    groups = _average_link(len(records), links, scored, settings.cohesion)
    stories = Stories()
    for group in groups:
        members = sorted(group, key=lambda i: (dates[i] or dt.date.max, records[i].source))
        shared = Counter(name for i in members for name in names[i])
        # Ties by name: names come from sets, whose order differs between processes.
        ranked = sorted(shared.items(), key=lambda item: (-item[1], item[0]))
        common = [n for n, c in ranked if c * 2 >= len(members)]
        thread = Thread([records[i].source for i in members], common[:3])
        for i in members:
            stories.thread_of[records[i].source] = len(stories.threads)
        stories.threads.append(thread)
    # Each document's similar ones, gathered in one pass over the pairs (not once per document).
    neighbours: dict[int, list[tuple[float, str]]] = {}
    for (a, b), score in scored.items():
        neighbours.setdefault(a, []).append((score, records[b].source))
        neighbours.setdefault(b, []).append((score, records[a].source))
    for i, near in neighbours.items():
        source = records[i].source
        own = stories.thread_of.get(source)
        near = [(s, src) for s, src in near if own is None or stories.thread_of.get(src) != own]
        near.sort(key=lambda item: (-item[0], item[1]))
        if near:
            stories.related[source] = [src for _, src in near[:MAX_RELATED]]
    return stories


def _within(dates: list[dt.date | None], i: int, j: int, days: int) -> bool:
    a, b = dates[i], dates[j]
    return a is not None and b is not None and abs((a - b).days) <= days


def _average_link(
    n: int,
    links: dict[tuple[int, int], float],
    similarity: dict[tuple[int, int], float],
    threshold: float,
) -> list[list[int]]:
    """Groups of two or more, merged strongest link first while the average similarity of
    every cross pair stays at ``threshold`` or above (a pair not similar counts zero)."""
    cluster = {i: {i} for i in range(n)}
    owner = list(range(n))
    for (i, j), _ in sorted(links.items(), key=lambda item: (-item[1], item[0])):
        a, b = owner[i], owner[j]
        if a == b:
            continue
        cross = [
            similarity.get((min(x, y), max(x, y)), 0.0) for x in cluster[a] for y in cluster[b]
        ]
        if sum(cross) / len(cross) < threshold:
            continue
        keep, gone = min(a, b), max(a, b)
        for member in cluster[gone]:
            owner[member] = keep
        cluster[keep] |= cluster.pop(gone)
    return sorted((sorted(c) for c in cluster.values() if len(c) > 1), key=lambda c: c[0])
