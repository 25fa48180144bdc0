"""Roles the text gives a person: title words before the name ("Russian President"), a role
of a place ("Mayor of Lyon"), an apposition ("Jane Doe, the company's chief executive,") or
"X, who is Y"; only a known role noun as the head word makes a role."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..nlp.vocabulary import words
from ..record import Entity, Mention, Participant
from .names import COUNTRY_ABBREVIATIONS
from .rules import switchable
from .words import DEMONYMS, HONORIFICS, RELATIONS, ROLE_HEADS, ROLE_WORDS


def split_role_of_place(doc: Doc, name: list[Token]) -> tuple[list[Token], str | None]:
    """ "Mayor of Koszalin Piotr Jedlinski": the tagger took the place of the role into the
    name; the place goes back to the role ("Mayor of Koszalin") when two name words stay."""
    i = name[0].i
    if (
        len(name) >= 3
        and i >= 2
        and doc[i - 1].lower_ == "of"
        and doc[i - 2].lower_ in ROLE_WORDS
        and doc[i - 2].lower_ in ROLE_HEADS
        and "\n" not in doc[i - 2 : i + 1].text
    ):
        return name[1:], f"{doc[i - 2].text} of {name[0].text}"
    return name, None


@switchable("place_in_role", off=lambda tok: False)
def _place_word(tok: Token) -> bool:
    """A word of a country or state written before a title is part of the role ("United
    States President", "Texas Governor"), as a demonym is."""
    return tok.ent_type_ == "GPE" and tok.is_title


def role_before(doc: Doc, i: int, prefix: list[Token]) -> str | None:
    """Title words right before token i (plus the ones trimmed from inside the entity)."""
    words = [t for t in prefix if t.lower_ not in HONORIFICS]
    j = i
    while j > 0 and len(words) < 6:
        tok = doc[j - 1]
        if "\n" in tok.whitespace_ or "\n" in tok.text:
            break
        if tok.lower_ in HONORIFICS and not words:
            j -= 1
            continue
        demonym = tok.ent_type_ == "NORP" or tok.lower_ in DEMONYMS or _place_word(tok)
        if tok.lower_ in ROLE_WORDS or (words and demonym):
            words.insert(0, tok)
            j -= 1
            continue
        break
    # The role must end in a role noun ("Russian President"), not a lone demonym.
    while words and words[-1].lower_ not in ROLE_HEADS and words[-1].lower_ not in ROLE_WORDS:
        words.pop()
    if not words or not any(w.lower_ in ROLE_HEADS for w in words):
        return None
    return " ".join(w.text for w in words)


_PHRASE_POS = frozenset(["DET", "ADP", "PROPN", "NOUN", "ADJ", "CCONJ"])


def role_of_phrase_before(doc: Doc, i: int) -> str | None:
    """ "Secretary of State Mike Pompeo", "speaker of the parliament Ali Larijani", "Senator
    from Vermont Bernie Sanders",
    "former Vice President of the United States Joe Biden": a role head with its "of" or
    "for" phrase right before the name (token i)."""
    head = None
    for j in range(i - 1, max(-1, i - 10), -1):
        tok = doc[j]
        if tok.is_punct or "\n" in tok.whitespace_ or tok.pos_ not in _PHRASE_POS:
            break
        if (
            tok.lower_ in ROLE_HEADS
            and j + 2 < i
            and doc[j + 1].lower_ in ("of", "for", "from")
            and doc[i - 1].pos_ not in ("ADP", "DET", "CCONJ")
        ):
            head = j
    if head is None:
        return None
    start = head
    while (
        start > 0
        and (
            doc[start - 1].lower_ in ROLE_WORDS
            or doc[start - 1].lower_ in DEMONYMS
            or _place_word(doc[start - 1])
        )
        and "\n" not in doc[start - 1].whitespace_
    ):
        start -= 1
    return _first_coordinated(doc, start, i) or " ".join(t.text for t in doc[start:i])


@switchable("coordinated_roles", off=lambda doc, start, i: None)
def _first_coordinated(doc: Doc, start: int, i: int) -> str | None:
    """ "former Secretary of State and former Senator from New York Hillary Clinton": of two
    roles joined by "and" before a name (the role read is doc[start:i]), the first one
    stated."""
    if start > 1 and doc[start - 1].lower_ == "and":
        earlier = role_of_phrase_before(doc, start - 1) or role_before(doc, start - 1, [])
        if earlier:
            return earlier
    for k in range(start + 1, i - 1):
        if (
            doc[k].lower_ == "and"
            and any(t.lower_ in ROLE_HEADS for t in doc[start:k])
            and any(t.lower_ in ROLE_HEADS for t in doc[k + 1 : i])
        ):
            return " ".join(t.text for t in doc[start:k])
    return None


def title_role_before(title: Doc, i: int) -> str | None:
    """Role words right before token i of a headline ("US president", "Former president of
    India"), read by word lists only: a headline's parse is not to be trusted."""
    j = i
    while j > 0 and (
        title[j - 1].lower_ in ROLE_WORDS
        or title[j - 1].lower_ in DEMONYMS
        or title[j - 1].text in COUNTRY_ABBREVIATIONS
    ):
        j -= 1
    words = list(title[j:i])
    while words and words[-1].lower_ not in ROLE_HEADS:
        words.pop()
    if words:
        return " ".join(t.text for t in words)
    return role_of_phrase_before(title, i)


def role_from_appos_head(doc: Doc, name: list[Token]) -> str | None:
    """ "The mayor of London, Sadiq Khan," "his successor, Haitham bin Tariq": the name is
    the apposition of a role noun before it."""
    root = max(name, key=lambda t: t.i) if name else None
    if root is None or root.dep_ != "appos":
        return None
    head = root.head
    if not (head.i < name[0].i and head.lower_ in ROLE_HEADS and head.tag_.startswith("NN")):
        return None
    tokens = [t for t in doc[head.left_edge.i : name[0].i] if t.i >= head.left_edge.i]
    while tokens and (tokens[0].pos_ in ("DET", "PRON") or tokens[0].tag_ == "PRP$"):
        tokens = tokens[1:]
    return _clean_phrase(tokens)


def _clause(tok: Token) -> bool:
    return tok.dep_ in ("relcl", "acl") and tok.tag_.startswith("V")


_CLAUSE_WORDS = frozenset(["who", "which", "that", "whose", "whom", "where", "when"])


_GENERIC_POSSESSORS = words("generic_possessors", "people")


@switchable("generic_possessor", off=lambda tokens: tokens)
def _without_generic_possessor(tokens: list[Token]) -> list[Token]:
    """ "the country's foreign minister" is shown as "foreign minister": "the country" only
    points back to a place named elsewhere, and a reader of the role alone cannot tell which."""
    for k in range(len(tokens) - 2):
        if (
            tokens[k].lower_ == "the"
            and tokens[k + 1].lower_ in _GENERIC_POSSESSORS
            and tokens[k + 2].lower_ in ("'s", "’s")
        ):
            keep = [tokens[k]] if k > 0 and tokens[k - 1].pos_ == "ADP" else []
            return tokens[:k] + keep + tokens[k + 3 :]
    return tokens


def _clean_phrase(tokens: list[Token]) -> str | None:
    tokens = _without_generic_possessor(tokens)
    for k, tok in enumerate(tokens):
        if tok.lower_ in _CLAUSE_WORDS:
            tokens = tokens[:k]
            break
    while tokens and (tokens[-1].pos_ in ("ADP", "DET", "CCONJ", "PRON") or tokens[-1].is_punct):
        tokens = tokens[:-1]
    while tokens and (tokens[0].lower_ in ("the", "a", "an") or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if not tokens or len(tokens) > 10:
        return None
    text = "".join(t.text_with_ws for t in tokens).strip()
    return " ".join(text.split())


def role_after(doc: Doc, start: int, end: int) -> str | None:
    """Apposition ("Jane Doe, the company's chief executive,") or "X, who is Y"."""
    if doc.has_annotation("DEP") is False:
        return None
    span = doc[start:end]
    root = span.root
    if end >= len(doc) or doc[end].text != ",":
        return None
    for child in root.children:
        if child.i < end:
            continue
        if child.dep_ == "appos" and child.lower_ in ROLE_HEADS and child.tag_.startswith("NN"):
            sub = [t for t in child.subtree if t.i >= end]
            # stop the apposition at the next comma/clause
            cut = []
            for t in sub:
                if t.text in (",", ";", "(", ")") or _clause(t):
                    break
                cut.append(t)
            if cut and cut[-1].i >= child.i:
                return _clean_phrase(cut)
        if child.dep_ == "relcl" and child.lower_ in ("is", "was", "'s"):
            subj = [c for c in child.children if c.dep_ == "nsubj" and c.lower_ == "who"]
            attr = [c for c in child.children if c.dep_ == "attr"]
            if subj and attr and attr[0].lower_ in ROLE_HEADS:
                toks = []
                for t in attr[0].subtree:
                    if t.text in (",", ";") or _clause(t):
                        break
                    toks.append(t)
                return _clean_phrase(toks)
    return None


# --- Roles found once the document's people and organizations are known -----------------

_OF_AFTER = re.compile(r"\s+(?:of|from|for)\s+")
_RELATION_MODIFIERS = "|".join(sorted(words("relation_modifiers", "people"), key=len, reverse=True))
_PRONOUN_RELATION = re.compile(
    r"\b(?:his|her|their)\s+(?:(?:" + _RELATION_MODIFIERS + r")\s+)*(?P<rel>[a-z-]+),?\s+$",
    re.I,
)
_RELATION_OF = re.compile(
    r",\s+(?:the\s+|a\s+)?(?P<rel>[a-z-]+)\s+of\s+(?:(?:the|late|[A-Za-z-]+)\s+){0,4}?$"
)
_MENTION_WINDOW = 400


def _relation_word(word: str) -> str | None:
    """ "then-girlfriend" is a girlfriend: the relation noun of a word, or None."""
    bare = word.lower()
    for prefix in ("then-", "ex-", "step-"):
        if bare.startswith(prefix) and bare[len(prefix) :] in RELATIONS:
            return bare
    return bare if bare in RELATIONS else None


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
    return (
        role_before(doc, span.start, [])
        or role_after(doc, span.start, span.end)
        or role_of_phrase_before(doc, span.start)
        or role_from_appos_head(doc, list(span))
    )


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
    return _clean_phrase(tokens)


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
    before = _PRONOUN_RELATION.search(text, max(0, m.start - 60), m.start)
    if before and before.end() == m.start:
        rel = _relation_word(before["rel"])
        owner = mentions.person_before(before.start(), person)
        if rel and owner is not None:
            return f"{rel} of {owner.name}"
    for start, _end, owner in mentions.person_ends:
        if m.end < start <= m.end + 60 and owner is not person:
            tail = _RELATION_OF.fullmatch(text, m.end, start)
            if tail and (rel := _relation_word(tail["rel"])):
                return f"{rel} of {owner.name}"
            break
    return None


# An organization caption is a role where the document writes people so (an election's
# results: "DAB's Ben Chan", "Elizabeth Quat of DAB"), not for one "Mick Jagger of The
# Rolling Stones".
MIN_AFFILIATIONS = 3


def fill_roles(doc: Doc, people: list[Participant], orgs: list[Entity]) -> None:
    """A role for each person still without one, from the first mention that states it."""
    mentions = _Mentions(doc.text, people, orgs)
    text = doc.text
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
