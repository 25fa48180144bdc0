"""The positional summarizer: a lead prior, directed centrality and MMR, made for news."""

from __future__ import annotations

import math

import numpy as np
from sumy.summarizers._summarizer import AbstractSummarizer
from sumy.utils import ItemsCount

from .rules import SHORT_WORDS, furniture, line_rules

# The score's own terms, switchable like the line rules (see PositionalSummarizer).
FEATURES = ("lead", "centrality", "length", "redundancy")
RULE_NAMES = (*FEATURES, *line_rules())


class PositionalSummarizer(AbstractSummarizer):
    """Lead prior + directed centrality + MMR, for news (sentence order = document order).

    Score of candidate sentence i (0-based; only the first ``candidates`` sentences are
    candidates, which bounds the quadratic similarity step on long documents), each term a
    named rule that ``without`` switches off::

        lead:        position_weight * position_decay ** i
        centrality:  centrality_weight * PacSum centrality (tf-idf cosine to later sentences
                     minus ``backward_weight`` x to earlier ones, scaled to [-1, 1])
        length:      - length_weight * words / 25   (long sentences make long summaries)
        the line rules of ``rules.line_rules()``: - weight x strength of each

    Sentences are then picked greedily by score minus ``redundancy_weight`` x the highest
    cosine to a sentence already picked (MMR; rule ``redundancy``). Everything is deterministic.
    """

    candidates = 40
    position_weight = 0.5
    position_decay = 0.9
    centrality_weight = 1.0
    backward_weight = 0.5
    length_weight = 0.4
    redundancy_weight = 0.5
    short_words = SHORT_WORDS
    _stop_words: frozenset[str] = frozenset()

    def __init__(self, stemmer=None, without: frozenset[str] | set[str] = frozenset()) -> None:
        super().__init__(stemmer or stemmer())
        unknown = set(without) - set(RULE_NAMES)
        if unknown:
            raise ValueError(f"unknown summary rules {sorted(unknown)}; known: {RULE_NAMES}")
        self.without = frozenset(without)
        self.line_rules = [r for r in line_rules().values() if r.name not in self.without]

    def weight(self, name: str, value: float) -> float:
        return 0.0 if name in self.without else value

    @property
    def stop_words(self) -> frozenset[str]:
        return self._stop_words

    @stop_words.setter
    def stop_words(self, words) -> None:
        self._stop_words = frozenset(map(self.normalize_word, words))

    def __call__(self, document, sentences_count):
        sentences = list(document.sentences)
        if not sentences:
            return ()
        wanted = len(ItemsCount(sentences_count)(sentences))
        chosen = self.rank(sentences, wanted)
        return tuple(sentences[i] for i in sorted(chosen))

    # -- features -------------------------------------------------------------------------
    def _terms(self, sentence) -> list[str]:
        stem = self._stemmer
        stop_words = self._stop_words
        return [
            stem(word)
            for word in map(str.lower, sentence.words)
            if word not in stop_words and any(c.isalnum() for c in word)
        ]

    def penalty(self, text: str) -> float:
        """How badly a sentence reads as a summary line (0 = fine): the switched-on line rules."""
        return sum(rule.weight * rule.strength(text) for rule in self.line_rules)

    @staticmethod
    def furniture(text: str) -> bool:
        """A caption, credit, call to action or split leftover rather than a sentence."""
        return furniture(text)

    def fills_budget(self, text: str, first: bool) -> bool:
        """May go into a word budget: never furniture; a very short line only as the first."""
        return not self.furniture(text) and (first or len(text.split()) >= self.short_words)

    def features(self, sentences) -> dict[str, np.ndarray]:
        """Per-candidate features, and the candidates' cosine matrix under ``"similarity"``."""
        k = min(len(sentences), self.candidates)
        terms = [self._terms(s) for s in sentences[:k]]
        # document frequency over candidates and the rest of the document alike (linear)
        df: dict[str, int] = {}
        for i, sentence in enumerate(sentences):
            for term in set(terms[i] if i < k else self._terms(sentence)):
                df[term] = df.get(term, 0) + 1
        n = len(sentences)
        vocab: dict[str, int] = {}
        for words in terms:
            for term in words:
                vocab.setdefault(term, len(vocab))
        idf = np.zeros(len(vocab))
        for term, j in vocab.items():
            idf[j] = math.log((n + 1) / (df[term] + 0.5))
        matrix = np.zeros((k, len(vocab)))
        for i, words in enumerate(terms):
            for term in words:
                matrix[i, vocab[term]] += 1.0
        matrix *= idf
        norms = np.linalg.norm(matrix, axis=1)
        norms[norms == 0] = 1.0
        unit = matrix / norms[:, None]
        similarity = unit @ unit.T
        np.fill_diagonal(similarity, 0.0)
        forward = np.triu(similarity, 1).sum(axis=1)
        backward = np.tril(similarity, -1).sum(axis=1)
        centrality = forward - self.backward_weight * backward
        scale = np.abs(centrality).max() if k else 0.0
        if scale > 0:
            centrality = centrality / scale
        texts = [str(s) for s in sentences[:k]]
        return {
            "position": self.position_decay ** np.arange(k, dtype=float),
            "centrality": centrality,
            "words": np.array([len(t.split()) for t in texts], dtype=float),
            "penalty": np.array([self.penalty(t) for t in texts]),
            "similarity": similarity,
        }

    def scores(self, f: dict[str, np.ndarray]) -> np.ndarray:
        w = self.weight
        return (
            w("lead", self.position_weight) * f["position"]
            + w("centrality", self.centrality_weight) * f["centrality"]
            - w("length", self.length_weight) * f["words"] / 25.0
            - f["penalty"]
        )

    def rank(self, sentences, limit: int | None = None) -> list[int]:
        """Indices of the best sentences, best first; at most ``limit``.

        The candidates in MMR order, then (only when more are asked for) the sentences past
        the candidates in document order.
        """
        if not sentences:
            return []
        f = self.features(sentences)
        redundancy = self.weight("redundancy", self.redundancy_weight)
        order = mmr(self.scores(f), f["similarity"], redundancy, limit)
        n = len(sentences) if limit is None else min(limit, len(sentences))
        order.extend(range(len(order), n))  # len(order) == candidates here
        return order


def mmr(scores: np.ndarray, similarity: np.ndarray, weight: float, limit: int | None) -> list[int]:
    """Greedy maximal marginal relevance: score minus ``weight`` x the closest pick so far."""
    k = len(scores)
    limit = k if limit is None else min(limit, k)
    chosen: list[int] = []
    closest = np.zeros(k)
    available = np.ones(k, dtype=bool)
    for _ in range(limit):
        gain = np.where(available, scores - weight * closest, -np.inf)
        best = int(np.argmax(gain))
        chosen.append(best)
        available[best] = False
        closest = np.maximum(closest, similarity[best])
    return chosen
