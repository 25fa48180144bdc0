"""Evidence that a person candidate is no person, from the words and layout around it.

Before merging, on candidates: a team in a results or standings row (``team_names``), a
line-initial venue label ("Chester-le-Street: Glamorgan 259"), a one-word name the text
uses as a place ("in Volgograd", a dateline: ``place_like``) or as a company or club ("X
Holdings Inc", "club X", "X-based", "X striker": ``org_like``), and a one-word owner
before a known full name ("Everton's Duncan Ferguson": ``drop_possessors``).

After merging, on people (``not_people``, one ``_verdict`` per person): a craft; a name
ending in a place, medium or organization word ("Causeway Bay", "Manila Bulletin"); most
mentions after "the" or a work, medium or group noun, or before a place or vehicle word;
an organization's bracketed short form; one-word names, demonym plurals, names after
"in/at/near" or listed beside a rejected place. A title or a cue in the sentence that says
person ("X said", "their son, X", "Mr. X", "X, 45,": ``_person_cue``) keeps the entry.
``entity_kind`` says where a rejected name goes instead: places or organizations.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..nlp import doc_text, words
from ..record import Participant
from .contexts import PLACE_LABELS
from .names import POSSESSIVE, ROMAN, norm_key
from .rules import switchable
from .words import (
    HONORIFICS,
    MEDIA_ORG_HEADS,
    NAME_SUFFIXES,
    NOT_PERSON_BEFORE,
    NOT_PERSON_HEADS,
    ORG_WORDS,
    PERSON_NOUNS,
    PERSON_TRIGGERS,
    PLACE_HEADS,
    ROLE_HEADS,
    ROLE_WORDS,
    SAY_VERBS,
    VEHICLE_WORDS,
)


def _verb_forms(verbs: frozenset[str]) -> frozenset[str]:
    """Inflected forms without a lemmatizer: "say" -> says, saying; "cry" -> cried."""
    out = set(verbs)
    for v in verbs:
        out.update((v + "s", v + "ing", v + "ed", v + "d", v + "es"))
        if v.endswith("y"):
            out.update((v[:-1] + "ied", v[:-1] + "ies"))
        if v.endswith("e"):
            out.add(v[:-1] + "ing")
    return frozenset(out)


_SAY_FORMS = _verb_forms(SAY_VERBS)
_PERSON_NOUNS = PERSON_NOUNS | ROLE_HEADS
_COPULAS = frozenset(["is", "was", "became", "becomes", "remains", "remained", "'s"])
_PERSON_PRONOUNS = frozenset(["he", "she", "his", "her", "him", "hers", "himself", "herself"])
_PLACE_PREPS = frozenset(["in", "at", "near", "outside", "inside", "across", "around"])
_GROUP_ENDINGS = ("ers", "ans", "ists", "ites", "ics", "ese")
_ORG_APPOS = NOT_PERSON_HEADS | ORG_WORDS
_PERSON_MODIFIED = words("person_modified_nouns", "people")
_ROMAN_LOW = frozenset(r.lower() for r in ROMAN)


def _mention_spans(doc: Doc, person: Participant) -> list[Span]:
    spans = []
    for m in person.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and len(span):
            spans.append(span)
    return spans


def _titled(span: Span) -> bool:
    """A courtesy title or role word right before the mention ("Mr. Toccafondi")."""
    if span.start == 0:
        return False
    prev = span.doc[span.start - 1]
    low = prev.lower_
    return (
        low in HONORIFICS
        or low in ROLE_WORDS
        or low in PERSON_TRIGGERS
        or (low in PERSON_NOUNS and not prev.is_title)
    )


def _sentence_ends(doc: Doc) -> list[int]:
    """For each token, the end of its sentence (doc.sents once; Span.sent is slow)."""
    ends = [len(doc)] * len(doc)
    for sent in doc.sents:
        ends[sent.start : sent.end] = [sent.end] * (sent.end - sent.start)
    return ends


def _person_cue(
    span: Span, person_tokens: set[int], sent_end: list[int], strict: bool = False
) -> bool:
    """Something in the sentence says this mention is a person: subject of a speech verb,
    an apposition with a person noun, "X, 45,", "X is/became the mayor", a conjunct of a
    known person, or a he/she later in the sentence of which it is the subject."""
    if _titled(span):
        return True
    doc = span.doc
    root = span.root
    head = root.head
    if root.dep_ in ("nsubj", "nsubjpass") and head.lower_ in _SAY_FORMS:
        after = [t.lower_ for t in doc[span.end : sent_end[span.start]]]
        # "Phivolcs said in its report": a body, not a person
        if "its" not in after or any(t in _PERSON_PRONOUNS for t in after):
            return True
    if (
        root.dep_ == "appos"
        and head.lower_ in _PERSON_NOUNS
        and span.start == head.i + 2
        and doc[head.i + 1].text == ","
    ):
        return True  # "their daughter, Gloria" (not "the mayor of Esperanza, Sultan Kudarat")
    if (
        span.start >= 2
        and doc[span.start - 1].lower_ in ("named", "called")
        and doc[span.start - 2].lower_ in _PERSON_NOUNS
    ):
        return True  # "a student named Wong"
    for child in root.children:
        if child.dep_ == "appos" and child.lower_ in _PERSON_NOUNS:
            return True
    end = span.end
    if (
        end + 2 < len(doc)
        and doc[end].text == ","
        and doc[end + 1].like_num
        and (doc[end + 2].text == ",")
    ):
        return True  # "Jane Roe, 45,"
    if (
        root.dep_ == "nsubj"
        and head.lower_ in _COPULAS
        and any(c.dep_ == "attr" and c.lower_ in _PERSON_NOUNS for c in head.children)
    ):
        return True
    if strict:
        return False  # the weaker cues below do not outweigh a place or organization word
    if root.dep_ == "conj" and head.i in person_tokens and not (span.start <= head.i < span.end):
        return True
    if any(c.dep_ == "conj" and c.i in person_tokens for c in root.children):
        return True
    if end < len(doc) and doc[end].lower_ in _PERSON_MODIFIED:
        return True  # "the Dole campaign"
    if root.dep_ in ("nsubj", "nsubjpass", "poss"):
        end_of_sent = sent_end[span.start]
        if any(t.lower_ in _PERSON_PRONOUNS for t in doc[span.end : end_of_sent]):
            return True
        # "Obama met Merkel in Berlin. He said ...": the next sentence starts with he/she
        if root.dep_ != "poss" and end_of_sent < len(doc):
            opener = doc[end_of_sent : end_of_sent + 2]
            if any(t.lower_ in ("he", "she") for t in opener):
                return True
    return False


def _not_person_evidence(span: Span, org_spans: list[tuple[int, int, str]]) -> tuple[bool, bool]:
    """(strong, weak) evidence that a mention is no person. Strong: followed by a place,
    organization, medium or vehicle word ("Mack truck"); after a noun for a work, medium or
    group ("talk show Morning Joe", "ethnic Ndebele") or after "the" ("the Bat Cave"); an
    abbreviation in brackets after an organization; an apposition that is an organization
    ("UpGuard, a cybersecurity firm"). Weak: after "in/at/near" ("in Sultan Kudarat")."""
    doc = span.doc
    start, end = span.start, span.end
    nxt = doc[end] if end < len(doc) else None
    prev = doc[start - 1] if start > 0 else None
    if nxt is not None and nxt.lower_ in NOT_PERSON_HEADS and nxt.pos_ in ("NOUN", "PROPN"):
        return True, False
    if prev is not None and prev.is_lower and prev.lower_ in NOT_PERSON_BEFORE:
        return True, False
    if (
        prev is not None
        and prev.lower_ in ("the", "a", "an")
        and not (nxt is not None and nxt.is_lower and nxt.pos_ == "NOUN")
    ):
        return True, False  # "the Bat Cave", but not "the Marc Dutroux case"
    if prev is not None and prev.text == "(" and nxt is not None and nxt.text == ")":
        before = prev.idx
        if any(s < before <= e + 1 for s, e, label in org_spans if label == "ORG"):
            return True, False
    if nxt is not None and nxt.text == "," and end + 3 < len(doc):
        # "UpGuard, a cybersecurity firm," (a common noun, not "(Czech Republic)")
        for tok in doc[end + 1 : min(end + 6, len(doc))]:
            if tok.text in (",", ".", ";", "(", ")") or tok.is_sent_start:
                break
            if (
                tok.lower_ in _ORG_APPOS
                and tok.pos_ == "NOUN"
                and tok.is_lower
                and tok.dep_ == "appos"
                and start <= tok.head.i < end
            ):
                return True, False
    weak = (
        prev is not None
        and prev.lower_ in _PLACE_PREPS
        and not (nxt is not None and nxt.text in POSSESSIVE)
    )
    return False, weak


def entity_kind(name: str) -> str | None:
    """ "Causeway Bay" is a place, "Manila Bulletin" an organization, by the last word."""
    words = name.split()
    if len(words) < 2:
        return None
    last = words[-1].casefold()
    if last in PLACE_HEADS:
        return "place"
    if last in MEDIA_ORG_HEADS:
        return "org"
    return None


def _beside_place(span: Span, place_tokens: set[int]) -> bool:
    """A conjunct or list neighbour of a place ("at the park, Causeway Bay, and Tin Hau")."""
    root = span.root
    linked = [root.head] if root.dep_ == "conj" else []
    linked += [c for c in root.children if c.dep_ == "conj"]
    if any(t.i in place_tokens and not (span.start <= t.i < span.end) for t in linked):
        return True
    doc = span.doc
    for step, i in ((-1, span.start - 1), (1, span.end)):
        seen = 0
        while 0 <= i < len(doc) and doc[i].lower_ in (",", "and", "or") and seen < 3:
            i += step
            seen += 1
        if not seen or not 0 <= i < len(doc):
            continue
        if i in place_tokens:
            return True
        # a neighbour that ends in a place word: "Kowloon Bay, and Lok Fu"
        if step == 1:
            while i + 1 < len(doc) and doc[i + 1].is_title and doc[i + 1].text != "I":
                i += 1
        if doc[i].is_title and doc[i].lower_ in NOT_PERSON_HEADS and doc[i].i > 0:
            return doc[i - 1].is_title if step == -1 else doc[i].i > span.end
    return False


@switchable("no_person", off=lambda doc, people, cued, other: people)
def not_people(
    doc: Doc,
    people: list[Participant],
    cued: set[int],
    other_spans: list[tuple[int, int, str]],
) -> list[Participant]:
    """Drop entries that the document shows to be no person (a wrong person on the site is
    worse than a missing one):

    * a craft ("Space Shuttle Columbia"), or a name ending in a place, organization, medium
      or work word ("Causeway Bay", "Manila Bulletin", "Arkham VR");
    * strong evidence on a mention (see ``_not_person_evidence``), unless a role or title
      says person;
    * a one-word name, a group-like plural ("Hong Kongers"), a name after "in/at/near" or
      joined by "and" or a comma to a place, unless a cue in its sentences says person
      ("Madonna said", "their daughter, Gloria", "Mr. Toccafondi") or a layout pattern
      found it (results tables, line-ups, bylines)."""
    if not people:
        return people
    spans = {id(p): _mention_spans(doc, p) for p in people}
    person_tokens: set[int] = set()
    for p in people:
        for span in spans[id(p)]:
            person_tokens.update(range(span.start, span.end))
    text = doc_text(doc)
    place_labels = {norm_key(text[s:e]) for s, e, label in other_spans}
    sent_end = _sentence_ends(doc)
    verdicts: dict[int, str] = {}  # "no", "yes" (a cue says person) or "maybe"
    for person in people:
        verdicts[id(person)] = _verdict(
            doc,
            text,
            person,
            spans[id(person)],
            cued,
            other_spans,
            person_tokens,
            place_labels,
            sent_end,
        )
    # "at the park, Causeway Bay, and Tin Hau": beside a rejected place, no cue
    rejected: set[int] = set()
    for p in people:
        if verdicts[id(p)] == "no":
            for span in spans[id(p)]:
                rejected.update(range(span.start, span.end))
    return [
        p
        for p in people
        if verdicts[id(p)] == "yes"
        or (
            verdicts[id(p)] == "maybe" and not any(_beside_place(s, rejected) for s in spans[id(p)])
        )
    ]


def _verdict(
    doc: Doc,
    text: str,
    person: Participant,
    mspans: list[Span],
    cued: set[int],
    other_spans: list[tuple[int, int, str]],
    person_tokens: set[int],
    place_labels: set[str],
    sent_end: list[int],
) -> str:
    name = person.name
    words = [w.strip(".,").casefold() for w in name.split()]
    last_raw = name.split()[-1].strip(".,")
    if any(w in VEHICLE_WORDS for w in words):
        return "no"
    explicit = (
        person.role is not None
        or any(m.start in cued for m in person.mentions)
        or any(_titled(s) for s in mspans)
    )
    if len(words) > 1 and (
        words[-1] in NOT_PERSON_HEADS
        or (
            last_raw.isupper()
            and len(last_raw) > 1
            and words[-1] not in _ROMAN_LOW
            and words[-1] not in NAME_SUFFIXES
        )
    ):
        # "Causeway Bay", "Arkham VR"; but "director Michael Bay said"
        titled = person.role is not None or any(_titled(s) for s in mspans)
        if titled or any(_person_cue(s, person_tokens, sent_end, strict=True) for s in mspans):
            return "yes"
        return "no"
    evidence = [_not_person_evidence(s, other_spans) for s in mspans]
    strong = sum(1 for st, _ in evidence if st)
    if not explicit and (
        strong * 2 >= len(evidence) > 0 or _alias_of_other(text, name, other_spans)
    ):
        return "no"
    if explicit or any(_person_cue(s, person_tokens, sent_end) for s in mspans):
        return "yes"
    one_word = all(len(s) == 1 for s in mspans) and " " not in name and "." not in name
    group = words[-1].endswith(_GROUP_ENDINGS) and any(
        _demonym_of(words, p.split()) for p in place_labels if p
    )
    if one_word or group or any(weak for _, weak in evidence):
        return "no"
    if " " in name and _place_elsewhere(text, name, person, other_spans):
        return "no"
    return "maybe"


def _place_elsewhere(
    text: str, name: str, person: Participant, other_spans: list[tuple[int, int, str]]
) -> bool:
    """The same full name elsewhere, outside the person's mentions, after "in/at/near" or
    tagged in part as a place ("recorded in Sultan Kudarat")."""
    mine = {(m.start, m.end) for m in person.mentions}
    # Most names occur only where they are the person's: then no pattern is compiled and run
    # over the whole text (a text naming thousands of people would pay that for each).
    start = text.find(name)
    while start >= 0 and (start, start + len(name)) in mine:
        start = text.find(name, start + 1)
    if start < 0:
        return False
    for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text):
        if (m.start(), m.end()) in mine:
            continue
        before = text[max(0, m.start() - 8) : m.start()].split()
        if before and before[-1].lower() in _PLACE_PREPS:
            return True
        if any(
            s < m.end() and m.start() < e and label in PLACE_LABELS for s, e, label in other_spans
        ):
            return True
    return False


def _alias_of_other(text: str, name: str, other_spans: list[tuple[int, int, str]]) -> bool:
    """ "The Philippine Institute of Volcanology and Seismology (Phivolcs)": a name in
    brackets right after a place or organization is its short form."""
    for m in re.finditer(r"\(\s*" + re.escape(name) + r"\s*\)", text):
        paren = m.start()
        if any(s <= paren - 2 < e or s <= paren < e for s, e, _ in other_spans):
            return True
    return False


def _demonym_of(words: list[str], place: list[str]) -> bool:
    """ "hong kongers" from the place "hong kong"."""
    return words[:-1] == place[:-1] and words[-1].startswith(place[-1]) and words != place
