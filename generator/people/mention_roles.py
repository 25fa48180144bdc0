"""Roles found around every mention of a person, not only the first: "X who is Y", a role
before a list of names, an affiliation ("DAB's X"), a relation ("his father X"), and the
role next to a name found by the patterns. ``fill_roles`` gives each person without a role
the first of these the document states."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..nlp import doc_text, words
from ..record import Entity, Mention, Participant
from .relations import PRONOUN_RELATION, relation_word
from .roles import (
    clean_phrase,
    is_clause,
    role_after,
    role_before,
    role_from_appos_head,
    role_of_phrase_before,
    yields_to_apposition,
)
from .rules import switchable
from .words import DEMONYMS, ROLE_HEADS, ROLE_WORDS

_OF_AFTER = re.compile(r"\s+(?:of|from|for)\s+")
_RELATION_OF = re.compile(
    r",\s+(?:the\s+|a\s+)?(?P<rel>[a-z-]+)\s+of\s+(?:(?:the|late|[A-Za-z-]+)\s+){0,4}?$"
)
_MENTION_WINDOW = 400


class _Mentions:
    """Every mention of the document's people and organizations, by character offset."""

    def __init__(self, text: str, people: list[Participant], orgs: list[Entity]) -> None:
        self.person_ends: list[tuple[int, int, Participant]] = []
        for p in people:
            for m in p.mentions:
                self.person_ends.append((m.start, m.end, p))
        self.person_ends.sort(key=lambda t: t[1])
        # an organization's mention may hold its "the" and "'s" ("The Labour Party's")
        self.org_ends: dict[int, tuple[str, bool]] = {}
        self.org_starts: dict[int, str] = {}
        for org in orgs:
            for m in org.mentions:
                written = text[m.start : m.end]
                self.org_ends[m.end] = (org.name, written.endswith(("'s", "’s")))
                self.org_starts[m.start] = org.name
                if written.lower().startswith("the "):
                    self.org_starts[m.start + 4] = org.name

    def person_before(self, at: int, other_than: Participant) -> Participant | None:
        """The person mentioned last before character ``at`` (within the window)."""
        for _start, end, p in reversed(self.person_ends):
            if end <= at and p is not other_than:
                return p if at - end <= _MENTION_WINDOW else None
        return None


def _span(doc: Doc, m: Mention) -> Span | None:
    return doc.char_span(m.start, m.end, alignment_mode="expand")


@switchable("mention_roles", off=lambda doc, span: None)
def _mention_role(doc: Doc, span: Span) -> str | None:
    """The roles read beside a tagger name, read beside every mention (names found by a
    layout or cue pattern, "Tomasz Kubiak, a fire service spokesman,")."""
    before = role_before(doc, span.start, [])
    if before and yields_to_apposition(before):
        return role_after(doc, span.start, span.end) or before
    return (
        before
        or role_after(doc, span.start, span.end)
        or role_of_phrase_before(doc, span.start)
        or role_from_appos_head(doc, list(span))
        or _bracket_role(doc, span)
    )


@switchable("bracket_role", off=lambda doc, span: None)
def _bracket_role(doc: Doc, span: Span) -> str | None:
    """ "[party founder] Tom Hale would be ashamed": inside a quotation, the writer puts the
    speaker's missing caption in square brackets before the name; the caption is a role when
    it ends in a role noun."""
    i = span.start
    if i < 3 or doc[i - 1].text != "]":
        return None
    for k in range(i - 2, max(-1, i - 8), -1):
        if doc[k].text == "[":
            inner = list(doc[k + 1 : i - 1])
            if inner and inner[-1].lower_ in ROLE_HEADS and all(
                not t.is_punct or t.text == "-" for t in inner
            ):
                return "".join(t.text_with_ws for t in inner).strip()
            return None
    return None


def _singular(word: str) -> str:
    """ "presidents" -> "president", "chairmen" -> "chairman" (the model has no lemmatizer)."""
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


_WHO_IS_POS = frozenset(["DET", "ADJ", "NOUN", "PROPN", "ADP", "NUM"])


@switchable("who_is", off=lambda doc, span: None)
def _who_is_role(doc: Doc, span: Span) -> str | None:
    """ "Mike Pompeo who is the secretary of state": "X who is/was <role>" written without
    the comma the apposition reading needs; the head noun before any "of" is a role noun."""
    i = span.end
    if i + 2 >= len(doc) or doc[i].lower_ != "who" or doc[i + 1].lower_ not in ("is", "was"):
        return None
    tokens: list[Token] = []
    for tok in doc[i + 2 : i + 14]:
        if tok.pos_ not in _WHO_IS_POS or tok.is_punct:
            break
        tokens.append(tok)
    heads = []
    for tok in tokens:
        if tok.pos_ == "ADP":
            break
        if tok.pos_ in ("NOUN", "PROPN"):  # "the secretary of state" is tagged PROPN
            heads.append(tok)
    if not heads or heads[-1].lower_ not in ROLE_HEADS:
        return None
    return clean_phrase(tokens)


_AS_ROLE_VERBS = words("as_role_verbs", "people")
_HOLDER_DEPS = frozenset(["nsubj", "nsubjpass", "dobj", "oprd"])


@switchable("as_role", off=lambda doc, span: None)
def _as_role(doc: Doc, span: Span) -> str | None:
    """ "The board named Jane Roe as its new chief executive", "Tom Hale was forced to resign
    as Foreign Affairs minister", "Lena Holm was sworn in as governor": a post after "as" on
    a verb of office is the role of the verb's object, or of its subject when it has none
    ("Hale named Roe as CEO" is Roe's post, not Hale's)."""
    root = span.root
    if root.dep_ not in _HOLDER_DEPS:
        return None
    verb = root.head
    verbs = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    for v in verbs:
        if v.lower_ not in _AS_ROLE_VERBS:
            continue
        objects = [c for c in v.children if c.dep_ in ("dobj", "oprd")]
        if v is verb and root.dep_ in ("nsubj", "nsubjpass") and objects:
            continue  # the subject gave the post to someone else
        if v is not verb and (objects or root.dep_ not in ("nsubj", "nsubjpass")):
            continue  # "forced to resign": only the subject carries over
        for prep in v.children:
            if prep.dep_ != "prep" or prep.lower_ != "as":
                continue
            post = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if post is None or post.lower_ not in ROLE_HEADS or post.tag_ not in ("NN", "NNP"):
                continue
            tokens = []
            for tok in post.subtree:
                if tok.text in (",", ";", "(", ")") or is_clause(tok):
                    break
                tokens.append(tok)
            while tokens and tokens[0].tag_ == "PRP$":  # "its new chief executive"
                tokens = tokens[1:]
            return clean_phrase(tokens)
    return None


_LIST_POS = frozenset(["PROPN", "PUNCT", "CCONJ", "ADP", "DET", "NUM"])


@switchable("list_roles", off=lambda doc, span: None)
def _list_role(doc: Doc, span: Span) -> str | None:
    """ "three former presidents Jimmy Carter, Bill Clinton, and Obama", "Political
    commentators such as Brit Hume and Chris Wallace": a plural role noun before a list of
    names is each one's role, in the singular."""
    sent_start = span.sent.start
    for j in range(span.start - 1, max(sent_start - 1, span.start - 30), -1):
        tok = doc[j]
        lemma = _singular(tok.lower_)
        if tok.tag_ == "NNS" and lemma in ROLE_HEADS and lemma in ROLE_WORDS:
            between = doc[j + 1 : span.start]
            if (
                between
                and between[0].pos_ not in ("PROPN", "PUNCT", "ADJ")
                and between[0].lower_ != "such"
            ):
                return None
            words = [lemma if tok.text.islower() else lemma.capitalize()]
            k = j
            while k > sent_start and (
                doc[k - 1].lower_ in ROLE_WORDS or doc[k - 1].lower_ in DEMONYMS
            ):
                k -= 1
                words.insert(0, doc[k].text)
            # the list hangs on the plural ("According to county officials, X said" has
            # none): this name or one before it in the list is in the plural's subtree, or
            # the plural modifies it ("NASA astronauts Bob Behnken")
            names = [t for t in [*span, *between] if t.pos_ == "PROPN"]
            if not any(tok in t.ancestors or tok.head == t for t in names):
                return None
            if k > 0 and doc[k - 1].tag_ == "PRP$":
                return None  # "Acting via his lawyers, X": whose lawyers is X's own matter
            return " ".join(words)
        allowed = tok.pos_ in _LIST_POS or tok.lower_ in ("such", "as") or tok.is_title
        if not allowed or tok.text in (";", ":", "(", ")", '"') or "\n" in tok.whitespace_:
            return None
    return None


@switchable("affiliation", off=lambda text, m, mentions: None)
def _affiliation(text: str, m: Mention, mentions: _Mentions) -> str | None:
    """ "DAB's Ben Chan and Leung Che-cheung", "Elizabeth Quat of DAB", "Lydia Buchtmann for
    Food Standards Australia New Zealand": an organization of the document written right
    before the name with a possessive, or right after it with "of", "from" or "for", is the
    body the person stands for (a party caption, a spokesperson's body)."""
    for end, (org, possessive) in mentions.org_ends.items():
        if not m.start - 120 < end <= m.start:
            continue
        gap = text[end : m.start]
        apostrophe = r"\s+" if possessive else r"['’]s\s+"
        if re.fullmatch(apostrophe, gap):
            return org
        # the second of "ORG's A and B"
        for s2, e2, _ in mentions.person_ends:
            if (
                end < s2
                and e2 <= m.start
                and re.fullmatch(apostrophe + re.escape(text[s2:e2]) + r"\s+and\s+", gap)
            ):
                return org
    after = _OF_AFTER.match(text, m.end)
    if after:
        return mentions.org_starts.get(after.end())
    return None


@switchable("pronoun_relations", off=lambda text, person, m, mentions: None)
def _relation(text: str, person: Participant, m: Mention, mentions: _Mentions) -> str | None:
    """ "his father Mohamed El-Hassan Mohamed" (the father of the person named last before),
    "Veranika Tsapkala, wife of Valery Tsapkala": a family relation to another person."""
    before = PRONOUN_RELATION.search(text, max(0, m.start - 60), m.start)
    if before and before.end() == m.start:
        rel = relation_word(before["rel"])
        owner = mentions.person_before(before.start(), person)
        if rel and owner is not None:
            return f"{rel} of {owner.name}"
    for start, _end, owner in mentions.person_ends:
        if m.end < start <= m.end + 60 and owner is not person:
            tail = _RELATION_OF.fullmatch(text, m.end, start)
            if tail and (rel := relation_word(tail["rel"])):
                return f"{rel} of {owner.name}"
            break
    return None


# An organization caption is a role where the document writes people so (an election's
# results: "DAB's Ben Chan", "Elizabeth Quat of DAB"), not for one "Mick Jagger of The
# Rolling Stones".
MIN_AFFILIATIONS = 3


def fill_roles(doc: Doc, people: list[Participant], orgs: list[Entity]) -> None:
    """A role for each person still without one, from the first mention that states it."""
    mentions = _Mentions(doc_text(doc), people, orgs)
    text = doc_text(doc)
    affiliations: dict[int, str] = {}
    for n, person in enumerate(people):
        if person.role:
            continue
        for m in person.mentions:
            span = _span(doc, m)
            if span is None:
                continue
            role = (
                _mention_role(doc, span)
                or _who_is_role(doc, span)
                or _list_role(doc, span)
                or _as_role(doc, span)
                or _relation(text, person, m, mentions)
            )
            if role:
                person.role = role
                break
            if n not in affiliations and (org := _affiliation(text, m, mentions)):
                affiliations[n] = org
    if len(affiliations) >= MIN_AFFILIATIONS:
        for n, org in affiliations.items():
            people[n].role = people[n].role or org
