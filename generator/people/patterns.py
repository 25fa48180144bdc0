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

import re

from spacy.tokens import Doc

from ..nlp import doc_text, table, words
from .glued_names import names_glued_after_a_body
from .names import (
    FULL_NAME,
    FUNCTION_WORDS,
    INNER_PARTICLE,
    LEADING_NOT_NAME,
    NAME_WORD,
    POSSESSIVE,
    Candidate,
    bad_name,
    is_title_word,
    norm_key,
    skip_titles,
)
from .rules import SwitchablePattern
from .words import (
    DEMONYMS,
    PERSON_NOUNS,
    PERSON_TRIGGERS,
    PLACES,
    ROLE_WORDS,
)

_PARTICLES = table("name_particles", "people")
_SCORECARD_PARTICLES = "|".join(_PARTICLES["scorecard"])
_INITIAL_NAME = SwitchablePattern(
    "initial_name",
    re.compile(
        r"(?<![\w.])[A-Z]\.(?:\s?[A-Z]\.)*\s?(?:(?:"
        + "|".join(_PARTICLES["after_initials"])
        + r")\s?)?"
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
        r"(?:^|(?<=\s))(?:c|b|st|lbw b|c and b)\s((?:(?:"
        + _SCORECARD_PARTICLES
        + r")\s)?"
        + NAME_WORD
        + r")(?=\s|$)",
        re.M,
    ),
)
_BOWLING = SwitchablePattern(
    "cricket",
    re.compile(
        r"(?:^|(?<=[\s,:]))((?:[A-Z]\.\s?)?(?:(?:"
        + _SCORECARD_PARTICLES
        + r")\s)?"
        + NAME_WORD
        + r"(?:\s"
        + NAME_WORD
        + r")?)\s\d+(?:\.\d)?-\d+-\d+-\d+",
        re.M,
    ),
)


def overlaps(start: int, end: int, spans: list[tuple[int, int, str]]) -> bool:
    return any(s < end and start < e for s, e, _ in spans)


_GENERIC = words("generic_demonyms", "people")
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


def _pattern_matches(text: str) -> list[tuple[int, int, str]]:
    """(start, end, pattern) of every name a layout or cue pattern finds."""
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
    return found


def add_pattern_candidates(
    doc: Doc, cands: list[Candidate], other: list[tuple[int, int, str]]
) -> None:
    """Adds to ``cands`` the names the layout and cue patterns find (a longer match replaces
    the tagger spans it contains), unless another tag or a non-name word contradicts them."""
    text = doc_text(doc)
    taken = [(c.start, c.end, "PERSON") for c in cands]
    found = _pattern_matches(text)
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
        if bad_name(name) or overlaps(start, end, taken):
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
    for cand in names_glued_after_a_body(text, other):
        if not overlaps(cand.start, cand.end, taken) and not bad_name(cand.text):
            cands.append(cand)
            taken.append((cand.start, cand.end, "PERSON"))
