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
# A story followed over a year (a campaign, a pandemic) stays one; the tuning part scores the same
# from 240 days to 540.
WINDOW_DAYS = 365
# Two groups merge only while the mean similarity of all their cross pairs stays this high:
# a chain of close pairs does not make two stories one.
COHESION = 0.10
# The shared names' weight a link needs: each name weighs log(N / documents naming it) /
# log(N), 1 for a name only the pair shares, 0 for one in every document; so one rare name
# or a few common ones, in an archive of any size.
MIN_SHARED = 0.6
# Wording this close (about the 99.9th percentile of an archive's pair similarities, in
# archives of 25 to 125 documents alike) needs only one shared name, however common: a
# long story's own names ("COVID-19", "Bernie Sanders") are in many documents by then.
WORDING_ALONE = 0.35
# A thread must hold one pair that would stand alone: wording this close, or this many shared
# rare names (each of weight MIN_SHARED or more, i.e. named by at most N ** 0.4 documents).
# A story of two documents linked by one rare name and loosely similar wording is most often
# two stories of one kind (two storms, two interviews about planets); a longer story is
# held together by many pairs and keeps its weaker members.
STANDALONE_SIMILARITY = 0.25
STANDALONE_NAMES = 3
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
    standalone_similarity: float = STANDALONE_SIMILARITY
    standalone_names: int = STANDALONE_NAMES
    wording_alone: float = WORDING_ALONE


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


def _scored_pairs(
    records: Sequence[ThreadInput],
    names: list[set[str]],
    idf: dict[str, float],
    settings: ThreadSettings,
) -> dict[tuple[int, int], float]:
    """The pairs similar enough to be related: close wording and a shared name of weight."""
    scored: dict[tuple[int, int], float] = {}
    for (i, j), cosine in _similar_pairs(records, settings.related_similarity).items():
        shared = names[i] & names[j]
        # A name in much of the archive ("United States") says little about the story.
        weight = _shared_weight(shared, idf)
        if weight >= settings.min_shared or (shared and cosine >= settings.wording_alone):
            scored[(i, j)] = cosine
    return scored


def _shared_weight(shared: set[str], idf: dict[str, float]) -> float:
    return sum(idf[name] for name in sorted(shared))


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
    scored = _scored_pairs(records, names, idf, settings)
    links = {
        pair: score
        for pair, score in scored.items()
        if score >= settings.thread_similarity and _within(dates, *pair, settings.window_days)
    }
    groups = _average_link(len(records), links, scored, settings.cohesion)

    def stands_alone(pair: tuple[int, int]) -> bool:
        shared = names[pair[0]] & names[pair[1]]
        rare = sum(1 for name in shared if idf[name] >= settings.min_shared)
        return scored[pair] >= settings.standalone_similarity or rare >= settings.standalone_names

    groups = [g for g in groups if any(stands_alone(p) for p in _pairs_in(g, links))]
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


def _pairs_in(group: list[int], links: dict[tuple[int, int], float]) -> list[tuple[int, int]]:
    return [(a, b) for k, a in enumerate(group) for b in group[k + 1 :] if (a, b) in links]


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
