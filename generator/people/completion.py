"""Names found from the names already known: a given name before a known surname
(``complete_names``), comma lists in which most items are people (``expand_lists``), the
conjuncts of a person (``coordinated_names``) and the other mentions of a known person,
all-caps headlines included (``propagate``)."""

from __future__ import annotations

import bisect
import re
from collections import Counter

from spacy.tokens import Doc

from ..nlp import doc_text
from .names import (
    FULL_NAME,
    INNER_PARTICLE,
    NAME_WORD,
    Candidate,
    bad_name,
    glued_name,
    no_name_word,
    norm_key,
    skip_titles,
)
from .patterns import overlaps
from .rules import switchable
from .words import NAME_PREFIXES, NAME_SUFFIXES, NOT_NAMES, PLACES


def _tagged_exactly(doc: Doc, m: re.Match[str], label: str) -> bool:
    """ "Azamat Tazhayakov" tagged an organization where "Tazhayakov" alone is a person: the
    tag covers exactly given name and surname, so it is the tagger's slip, not a firm."""
    span = doc.char_span(m.start(), m.end())
    return span is not None and any(
        (e.start, e.end) == (span.start, span.end) and e.label_ == label for e in doc.ents
    )


@switchable("completion", off=lambda doc, cands: cands)
def complete_names(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """A one-word name that the text also writes with a given name before it ("Faik
    Nerweyi" ... "Nerweyi") gets that full form, when the word before is a proper noun
    that is no title, place or common capitalized word."""
    text = doc_text(doc)
    singles = {c.text.strip() for c in cands if " " not in c.text.strip()}
    singles -= {c.text.split()[-1] for c in cands if " " in c.text.strip()}
    if not singles:
        return cands
    taken = {(c.start, c.end) for c in cands}
    pattern = re.compile(
        r"(?<![\w'’.-])("
        + NAME_WORD
        + r") ("
        + "|".join(re.escape(w) for w in sorted(singles, key=len, reverse=True))
        + r")(?![\w-])"
    )
    out = list(cands)
    for m in pattern.finditer(text):
        first = m.group(1)
        low = first.lower()
        if no_name_word(first) or first.isupper():
            continue
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is None or len(span) != 1:
            continue
        tok = span[0]
        if (tok.text != first and not glued_name(tok)) or doc.vocab[low].is_stop:
            continue
        if tok.tag_ != "NNP" or tok.is_sent_start:
            continue
        if tok.ent_type_ and tok.ent_type_ != "PERSON" and not _tagged_exactly(doc, m, "ORG"):
            continue  # the word before is tagged a place or organization
        s, e = m.start(), m.end()
        if (s, e) in taken:
            continue
        inner = [c for c in out if s <= c.start and c.end <= e]
        if len(inner) != 1 or (inner[0].start, inner[0].end) != (m.start(2), m.end(2)):
            continue
        out.remove(inner[0])
        out.append(Candidate(s, e, text[s:e], inner[0].role, {"completed"}))
        taken.add((s, e))
    return out


_LIST_ITEM = re.compile(
    r"^(?:and\s+)?(?:\d{1,2}\s?-\s)?("
    + INNER_PARTICLE
    + NAME_WORD
    + r"(?:\s"
    + INNER_PARTICLE
    + NAME_WORD
    + r"){0,3})\s*(?:\([^()]*\))?\s*\.?$"
)


@switchable("list_expansion", off=lambda text, cands, other: cands)
def expand_lists(
    text: str, cands: list[Candidate], other: list[tuple[int, int, str]]
) -> list[Candidate]:
    """In a comma list of names ("Given, Breen, Staunton, Irwin" or "Romesh Kaluwitharana,
    Asanka Gurusinha, ...") where at least two items are already people and none is a
    place or organization, the other items are people too."""
    known = {(c.start, c.end) for c in cands}
    known_names = {norm_key(c.text) for c in cands}
    out = list(cands)
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if line.count(",") + line.count(";") < 2:
            continue
        items = []
        offset = 0
        for piece in re.split(r"([,;])", line):
            if piece not in (",", ";"):
                lead = len(piece) - len(piece.lstrip())
                m = _LIST_ITEM.match(piece.strip())
                items.append((m, line_start + offset + lead, piece.strip()))
            offset += len(piece)
        run: list[tuple[int, int]] = []
        for m, start, _ in [*items, (None, 0, "")]:
            if m is not None:
                s = start + m.start(1)
                run.append((s, s + len(m.group(1))))
                continue
            if len(run) >= 3:
                have = sum(
                    1
                    for s, e in run
                    if (s, e) in known
                    or norm_key(text[s:e]) in known_names
                    or any(a < e and s < b for a, b in known)
                )
                bad = any(overlaps(s, e, other) and (s, e) not in known for s, e in run) and (
                    have < len(run) / 2
                )
                if have >= 2 and not bad:
                    for s, e in run:
                        if (s, e) not in known and not bad_name(text[s:e]):
                            out.append(Candidate(s, e, text[s:e], None, {"list"}))
                            known.add((s, e))
            run = []
    return out


_FULL_NAME_ALONE = re.compile(
    r"(?<![\w'’.-])" + NAME_WORD + r"(?:\s[A-Z]\.)?" + FULL_NAME[len(NAME_WORD) :] + r"(?![\w-])"
)
_COORDINATION = re.compile(r",\s+(?:and\s+)?|\s+and\s+")


@switchable("coordination", off=lambda text, cands, other, teams: cands)
def coordinated_names(
    text: str, cands: list[Candidate], other: list[tuple[int, int, str]], teams: set[str]
) -> list[Candidate]:
    """ "Felipe Nasri and Marcus Ericsson", "stars Cate Blanchett, Lily James, Richard
    Madden": a full name coordinated with a person's full name names a person too, unless
    the tagger calls it a place, or it is a team or no name."""
    known = {(c.start, c.end) for c in cands}
    groups: list[list[tuple[int, int]]] = []
    for m in _FULL_NAME_ALONE.finditer(text):
        item = (skip_titles(text, m.start(), m.end()), m.end())
        if groups and _COORDINATION.fullmatch(text, groups[-1][-1][1], m.start()):
            groups[-1].append(item)
        else:
            groups.append([item])
    out = list(cands)
    for group in groups:
        if len(group) < 2 or not any(item in known for item in group):
            continue
        for start, end in group:
            name = text[start:end]
            if (
                any(c.start < end and start < c.end for c in out)
                or bad_name(name)
                or norm_key(name) in teams
                or any(" ".join(norm_key(name).split()[:k]) in PLACES for k in (1, 2))
                or any(
                    label not in ("ORG", "FAC") and s < end and start < e for s, e, label in other
                )
            ):
                continue
            out.append(Candidate(start, end, name, None, {"coordinated"}))
    return out


@switchable("propagation", off=lambda doc, cands, other: list(cands))
def propagate(
    doc: Doc, cands: list[Candidate], other: list[tuple[int, int, str]]
) -> list[Candidate]:
    """Other mentions of a known person: the same full name, its surname, all-caps forms."""
    text = doc_text(doc)
    surnames: Counter[str] = Counter()
    seen: set[tuple[str, str]] = set()
    for name in {c.text for c in cands if " " in c.text}:
        words = name.split()
        while len(words) > 2 and words[-1].strip(",").casefold() in NAME_SUFFIXES:
            words = words[:-1]  # "Harold P. Whitcombe Jr." -> "Whitcombe"
        first, last = words[0], words[-1].rstrip(",")
        for prefix in NAME_PREFIXES:
            if last.casefold().startswith(prefix) and len(last) > len(prefix) + 2:
                last = last[len(prefix) :]  # "al-Rashidi" -> "Rashidi"
                break
        if "." not in last and (first, last) not in seen:
            seen.add((first, last))  # "Robert Mugabe", "Robert Gabriel Mugabe": one person
            surnames[last] += 1
    forms = {c.text for c in cands}
    for last, n in surnames.items():
        if (
            n == 1
            and len(last) > 2
            and norm_key(last) not in PLACES
            and norm_key(last) not in NOT_NAMES
        ):
            forms.add(last)
    if not forms:
        return list(cands)
    variants: dict[str, str] = {}
    for form in forms:
        variants.setdefault(form, form)
        variants.setdefault(form.upper(), form)
    pattern = re.compile(
        r"(?<![\w'’.-])(?:"
        + "|".join(re.escape(v) for v in sorted(variants, key=len, reverse=True))
        + r")(?![\w-])"
    )
    taken = bytearray(len(text) + 1)
    for c in cands:
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
    index = _SpanIndex(other)
    out = list(cands)
    for m in pattern.finditer(text):
        s, e = m.start(), m.end()
        if any(taken[s:e]):
            continue
        form = variants[m.group()]
        clash = index.overlapping(s, e)
        caps_line = m.group() != form and _line_of(text, s).isupper()
        if (
            clash
            and not caps_line
            and not (len(clash) == 1 and clash[0] == (s, e) and " " not in form)
        ):
            continue
        if clash and norm_key(form) in PLACES:
            continue
        out.append(Candidate(s, e, text[s:e], None, {"propagated"}))
        taken[s:e] = b"\x01" * (e - s)
    return out


class _SpanIndex:
    """Non-overlapping (start, end) spans, sorted, for overlap queries in log time."""

    def __init__(self, spans: list[tuple[int, int, str]]) -> None:
        self.spans = sorted((s, e) for s, e, _ in spans)
        self.ends = [e for _, e in self.spans]

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        i = bisect.bisect_right(self.ends, start)
        found = []
        while i < len(self.spans) and self.spans[i][0] < end:
            found.append(self.spans[i])
            i += 1
        return found


def _line_of(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start : end if end >= 0 else len(text)]
