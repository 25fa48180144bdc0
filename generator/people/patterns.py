"""Person candidates found in the text itself, beyond the tagger's PERSON entities.

Layout patterns of real news (``add_pattern_candidates``): initials ("P. Simmons"), a name
before a short bracket ("Name (Country) 12.71"), cricket scorecards ("c Vaas b Chandana",
"Gough 8-0-39-3"), ranked score rows, line-ups and substitutes, nicknames, wire signatures
and bylines, role words, trigger words and demonyms before a name ("spokesman Glyn
Davies"), and "X, who". Then the passes that grow the list from the people already known,
in the order ``find_participants`` runs them: a given name written before a known surname
(``complete_names``), comma lists whose items are mostly people (``expand_lists``), full
names coordinated with a person's full name (``coordinated_names``), and the other mentions of a
known person: the full name again, the surname, all-caps forms (``propagate``).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from spacy.tokens import Doc

from ..nlp.vocabulary import table
from .names import (
    FULL_NAME,
    FUNCTION_WORDS,
    INNER_PARTICLE,
    LEADING_NOT_NAME,
    NAME_WORD,
    POSSESSIVE,
    Candidate,
    bad_name,
    glued_name,
    is_title_word,
    no_name_word,
    norm_key,
    skip_titles,
)
from .rules import SwitchablePattern, switchable
from .words import (
    DEMONYMS,
    NAME_PREFIXES,
    NAME_SUFFIXES,
    NOT_NAMES,
    PERSON_NOUNS,
    PERSON_TRIGGERS,
    PLACES,
    ROLE_WORDS,
)

_INITIAL_NAME = SwitchablePattern(
    "initial_name",
    re.compile(
        r"(?<![\w.])[A-Z]\.(?:\s?[A-Z]\.)*\s?(?:(?:de|van|den|der|da|di|le|la)\s?)?"
        + NAME_WORD
        + r"\b"
    ),
)


# "Michelle Freeman (Jamaica) 12.71", "Andy Townsend (5th)": a name before a short bracket.
_NAME_BRACKET = SwitchablePattern(
    "name_bracket",
    re.compile(
        r"(?:^|(?<=[\s,;:\-]))("
        + FULL_NAME
        + r")\s\((?!(?:"
        + "|".join(table("news_agencies")["not_a_result_bracket"])
        + r")\))(?![a-z]+\s[a-z]+\s)[^()\n]{1,60}\)",
        re.M,
    ),
)
# Cricket: "c Vaas b Chandana", "st Kaluwitharana", "Gough 8-0-39-3".
_CRICKET_FIELD = SwitchablePattern(
    "cricket",
    re.compile(
        r"(?:^|(?<=\s))(?:c|b|st|lbw b|c and b)\s((?:(?:de|van)\s)?" + NAME_WORD + r")(?=\s|$)",
        re.M,
    ),
)
_BOWLING = SwitchablePattern(
    "cricket",
    re.compile(
        r"(?:^|(?<=[\s,:]))((?:[A-Z]\.\s?)?(?:(?:de|van)\s)?"
        + NAME_WORD
        + r"(?:\s"
        + NAME_WORD
        + r")?)\s\d+(?:\.\d)?-\d+-\d+-\d+",
        re.M,
    ),
)


def _overlaps(start: int, end: int, spans: list[tuple[int, int, str]]) -> bool:
    return any(s < end and start < e for s, e, _ in spans)


_GENERIC = {
    "former",
    "world",
    "olympic",
    "european",
    "asian",
    "african",
    "latin",
    "english",
    "indian",
}
# Score rows: "287 Ian Woosnam 70 76 71 70", "12. Jan Allan Mueller 3:45.12".
_RANKED_ROW = SwitchablePattern(
    "ranked_row", re.compile(r"^\d{1,3}\.?\s+(" + FULL_NAME + r")\s+\d", re.M)
)
# Line-ups: "8 - Gary Teichmann (captain), 7 - Andre Venter (Wayne Fyvie, 75)".
_SHIRT = SwitchablePattern(
    "lineup",
    re.compile(
        r"(?:^|(?<=[\s,;(]))\d{1,2}\s?-\s("
        + INNER_PARTICLE
        + NAME_WORD
        + r"(?:\s"
        + INNER_PARTICLE
        + NAME_WORD
        + r"){0,3})(?=[\s,;.()]|$)",
        re.M,
    ),
)
_SUBSTITUTE = SwitchablePattern(
    "lineup", re.compile(r"\((" + FULL_NAME + r"),\s?\d+(?:st|nd|rd|th)?\)")
)
# "Roberto "Hands of Stone" Duran"
_NICKNAME = re.compile(r"(" + NAME_WORD + r" \"[A-Z][^\"\n]{0,30}\" " + NAME_WORD + r")")
# "-- Luli Popescu, Bucharest Newsroom 40-1 3120": a wire reporter's signature line.
_SIGNATURE = SwitchablePattern("signature", re.compile(r"^--\s*(" + FULL_NAME + r")\s*,", re.M))
# Line 2 of a wire story: "Adrian Warner" above the dateline "BERLIN 1996-08-30".
_DATELINE = r"[A-Z][A-Z .,'-]+[A-Za-z .,'-]*\d{4}-\d\d-\d\d"
_BYLINE = SwitchablePattern(
    "signature", re.compile(r"\A[^\n]*\n(" + FULL_NAME + r")\n" + _DATELINE)
)
_TRIGGER = SwitchablePattern(
    "trigger",
    re.compile(
        r"\b(?:"
        + "|".join(sorted(PERSON_TRIGGERS, key=len, reverse=True))
        + r"),?\s+("
        + FULL_NAME
        + r")\b"
    ),
)
_UPPER_TRIGGER = SwitchablePattern(
    "trigger",
    re.compile(
        r"(?<![A-Za-z])(?:[A-Z][a-z]+ )?(?:President|Prince|Princess|King|Queen|Premier|"
        r"Chancellor|Minister|Senator|Governor|Mayor|Judge|General|Cardinal|Archbishop|Sheikh|"
        r"Ayatollah|Pope) (" + FULL_NAME + r")\b"
    ),
)
_DEMONYM_NAME = SwitchablePattern(
    "trigger",
    re.compile(
        r"\b(?:"
        + "|".join(
            sorted(
                (d.capitalize() for d in DEMONYMS if d.isalpha() and d not in _GENERIC),
                key=len,
                reverse=True,
            )
        )
        + r") ("
        + NAME_WORD
        + r" "
        + NAME_WORD
        + r")\b(?! [A-Z])"
    ),
)
# "Todung Mulya Lubis, who represents the pair": "who" is said of people (firms take "which").
_WHO = SwitchablePattern("cues", re.compile(r"(?<![\w'’.-])(" + FULL_NAME + r"),\s+who\s"))
# "Ranjeeta Rohatgi, an advocate", "Aijalon Mahli Gomes, a U.S. citizen", "Victor Barnard,
# 53,", "Evgeniya Albats, editor-in-chief of": an apposition that only a person takes.
_PERSON_WORDS = "|".join(sorted(PERSON_NOUNS | PERSON_TRIGGERS, key=len, reverse=True))
_APPOSITION = SwitchablePattern(
    "cues",
    re.compile(
        r"(?<![\w'’.-])("
        + FULL_NAME
        + r"),\s+(?:\d{1,2},\s|(?:a|an|the)\s+(?:[\w.'-]+\s+){0,3}?(?:"
        + _PERSON_WORDS
        + r")\b|(?:[\w-]+\s+){0,2}?(?:"
        + _PERSON_WORDS
        + r")\s+(?:of|at|for)\s)"
    ),
)
# '... energy," Klaus Radke said.': who speaks right after a closing quote.
_QUOTED_BY = SwitchablePattern(
    "credit",
    re.compile(
        r"[\"”]\s+(" + FULL_NAME + r")\s+(?:" + "|".join(table("say_verbs")["after_quote"]) + r")\b"
    ),
)
# "a user called Caleb Parke", "a woman named Maria Lopez"
_NAMED = SwitchablePattern(
    "cues",
    re.compile(
        r"\b(?:" + _PERSON_WORDS + r"|user|users)\s+(?:named|called)\s+(" + FULL_NAME + r")\b"
    ),
)
# News credits: "told CNN's Christiane Amanpour", "Jen Christensen contributed to this report".
_CREDIT = SwitchablePattern(
    "credit",
    re.compile(
        r"\b(?:"
        + "|".join(table("news_agencies")["credits"])
        + r")['’]s\s+("
        + FULL_NAME
        + r")\b|(?<![\w'’.-])("
        + FULL_NAME
        + r")\s+(?:contributed (?:to )?(?:this|the) (?:report|story)|contributed reporting|"
        r"wrote and reported|reported from)\b"
    ),
)


_STRONG = {
    "signature",
    "byline",
    "trigger",
    "demonym",
    "lineup",
    "nickname",
    "bracket",
    "who",
    "credit",
    "quoted",
}


def _surname_elsewhere(text: str, start: int, end: int) -> bool:
    """Whether the last word of text[start:end] also stands alone elsewhere in the text."""
    words = text[start:end].split()
    last, first = words[-1], words[0]
    for m in re.finditer(r"(?<![\w-])" + re.escape(last) + r"(?![\w-])", text):
        if start <= m.start() < end:
            continue
        if not text[max(0, m.start() - len(first) - 1) : m.start()].startswith(first):
            return True
    return False


def _before_ok(text: str) -> bool:
    """A tag starting before the name only covers titles or a "Team - " label."""
    return (
        _only_titles(text)
        or bool(re.search(r"\s-\s*$", text))
        or bool(re.fullmatch(r"\(?[A-Z]{2,}\)", text))  # "(CNN)Levi Pettit"
    )


def _only_titles(text: str) -> bool:
    return all(is_title_word(w) for w in text.split())


def _clashes(text: str, start: int, end: int, other: list[tuple[int, int, str]]) -> bool:
    """A pattern match loses to a tagger place/organization that reaches outside it or is a
    known place; a tag that only covers part of the name ("R." as NORP) does not count."""
    for s, e, _ in other:
        if s < end and start < e:
            if s < start or (e > end and not text[end:e].strip().startswith("(")):
                return True
            if norm_key(text[s:e]) in PLACES:
                return True
    return False


def add_pattern_candidates(
    doc: Doc, cands: list[Candidate], other: list[tuple[int, int, str]]
) -> None:
    text = doc.text
    taken = [(c.start, c.end, "PERSON") for c in cands]
    found: list[tuple[int, int, str]] = []
    for m in _INITIAL_NAME.finditer(text):
        surname = m.group().split()[-1].split(".")[-1].lower()
        if not m.group().startswith(("U.S.", "U.N.", "U.K.", "E.U.", "D.C.")) and (
            surname not in ROLE_WORDS
        ):
            found.append((m.start(), m.end(), "initial"))
    patterns = (
        (_NAME_BRACKET, "bracket"),
        (_CRICKET_FIELD, "cricket"),
        (_BOWLING, "bowling"),
        (_SIGNATURE, "signature"),
        (_SHIRT, "lineup"),
        (_RANKED_ROW, "ranked"),
        (_SUBSTITUTE, "lineup"),
        (_NICKNAME, "nickname"),
        (_BYLINE, "byline"),
        (_TRIGGER, "trigger"),
        (_UPPER_TRIGGER, "trigger"),
        (_DEMONYM_NAME, "demonym"),
        (_WHO, "who"),
        (_APPOSITION, "who"),
        (_CREDIT, "credit"),
        (_QUOTED_BY, "quoted"),
        (_NAMED, "who"),
    )
    for rx, src in patterns:
        for m in rx.finditer(text):
            group = next(g for g in range(1, rx.groups + 1) if m.group(g) is not None)
            found.append((m.start(group), m.end(group), src))
    for start, end, src in sorted(found):
        start = skip_titles(text, start, end)
        # a capitalized word opening the sentence: "But Mina Tzemach, the polling expert",
        # "Both Pete Buttigieg, the former mayor"
        first = re.match(r"(\S+)\s+(?=\S+\s+\S)", text[start:end])
        if (
            first
            and first.group(1).lower() in FUNCTION_WORDS | LEADING_NOT_NAME
            and text[start + first.end()].isupper()
        ):
            start = skip_titles(text, start + first.end(), end)
        name = text[start:end]
        if start >= end:
            continue
        if bad_name(name) or _overlaps(start, end, taken):
            # a longer pattern match may replace a shorter tagger span it contains
            inner = [
                c
                for c in cands
                if start <= c.start and c.end <= end and (c.start, c.end) != (start, end)
            ]
            if inner and not bad_name(name) and not _clashes(text, start, end, other):
                for c in inner:
                    cands.remove(c)
                role = next((c.role for c in inner if c.role), None)
                cands.append(Candidate(start, end, name, role, {src}))
                taken = [(c.start, c.end, "PERSON") for c in cands]
            continue
        if src == "demonym" and not _surname_elsewhere(text, start, end):
            continue  # "Irish Peace Process": a person is named again by surname
        if src in _STRONG:
            # the cue says person: a place/organization tag on exactly the name gives way
            if any(
                s < end
                and start < e
                and (
                    (s < start and not _before_ok(text[s:start]))
                    or (e > end and not text[end:e].strip().startswith(("(", *POSSESSIVE)))
                )
                for s, e, _ in other
            ):
                continue
        elif _clashes(text, start, end, other):
            continue
        cands.append(Candidate(start, end, name, None, {src}))
        taken.append((start, end, "PERSON"))


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
    text = doc.text
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
                bad = any(_overlaps(s, e, other) and (s, e) not in known for s, e in run) and (
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
    text = doc.text
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
