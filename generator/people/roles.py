"""Roles the text gives a person: title words before the name ("Russian President"), a role
of a place ("Mayor of Lyon"), an apposition ("Jane Doe, the company's chief executive,") or
"X, who is Y"; only a known role noun as the head word makes a role."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..nlp import words
from .names import COUNTRY_ABBREVIATIONS
from .rules import switchable
from .words import DEMONYMS, HONORIFICS, ROLE_HEADS, ROLE_WORDS


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
        if tok.lower_ in ROLE_WORDS or (words and demonym) or _hyphen_title(tok):
            words.insert(0, tok)
            j -= 1
            continue
        break
    # The role must end in a role noun ("Russian President"), not a lone demonym.
    while words and not _title_word(words[-1]):
        words.pop()
    if not words or not any(w.lower_ in ROLE_HEADS or _hyphen_title(w) for w in words):
        return None
    if j == words[0].i:
        words = _modifiers_before(doc, j, i) + words
    # the text's own spacing: "pro-Beijing" is three tokens
    return "".join(w.text + (" " if w.whitespace_ else "") for w in words).strip()


_NOT_MODIFIERS = words("not_title_modifiers", "people")
_MODIFIER_DEPS = frozenset(["compound", "amod", "nmod"])
_MODIFIER_POS = frozenset(["NOUN", "PROPN", "ADJ"])
# a place before a title is place_in_role's to read
_NO_MODIFIER_ENTS = frozenset(["PERSON", "GPE", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY"])


@switchable("title_modifiers", off=lambda doc, j, i: [])
def _modifiers_before(doc: Doc, j: int, i: int) -> list[Token]:
    """ "fashion designer Jane Roe", "Acme CEO Jane Roe", "Wikinews accredited reporter X",
    "Russian opposition leader X": the words before a title that the parser hangs on it (or
    on a word after them, up to the name) are the title's own modifiers; a word for no post
    ("fashion", "Acme") is kept only so. Another person's name or a date is never one."""
    out: list[Token] = []
    while j > 0 and len(out) < 4:
        tok = doc[j - 1]
        if "\n" in tok.whitespace_ or tok.is_punct:
            break
        place = _place_word(tok) or tok.text in COUNTRY_ABBREVIATIONS
        if out and (tok.lower_ in ROLE_WORDS or tok.lower_ in DEMONYMS or place):
            out.insert(0, tok)  # "US bank chief"
            j -= 1
            continue
        modifier = tok.dep_ in _MODIFIER_DEPS and j - 1 < tok.head.i <= i and (
            tok.pos_ in _MODIFIER_POS or tok.tag_ == "VBN"
        )
        if not modifier or tok.ent_type_ in _NO_MODIFIER_ENTS or tok.lower_ in _NOT_MODIFIERS:
            break
        if tok.tag_ == "NNS" and tok.text.islower():
            break  # "Wikinews interviews biologist X": a verb the tagger took for a plural
        out.insert(0, tok)
        j -= 1
        # "pro-Beijing" is one word to a reader: whole, or not at all ("then-" is not kept)
        while j >= 2 and doc[j - 1].text == "-" and not doc[j - 2].whitespace_:
            if doc[j - 2].lower_ in _NOT_MODIFIERS:
                return out
            out[:0] = [doc[j - 2], doc[j - 1]]
            j -= 2
    return out


@switchable("hyphen_title", off=lambda tok: False)
def _hyphen_title(tok: Token) -> bool:
    """ "then-U.S.-president Jimmy Carter": the tokenizer keeps "U.S.-president" whole; a
    country's abbreviation or a demonym hyphened to a role noun is a title word."""
    first, _, last = tok.text.rpartition("-")
    return bool(first) and last.lower() in ROLE_HEADS and (
        first in COUNTRY_ABBREVIATIONS or first.lower() in DEMONYMS
    )


def _title_word(tok: Token) -> bool:
    return tok.lower_ in ROLE_HEADS or tok.lower_ in ROLE_WORDS or _hyphen_title(tok)


_PHRASE_POS = frozenset(["DET", "ADP", "PROPN", "NOUN", "ADJ", "CCONJ"])


_ADDRESS_TITLES = words("address_titles", "people")


@switchable("address_title", off=lambda role: False)
def yields_to_apposition(role: str) -> bool:
    """ "Professor Lena Holm, director of the National Salt Study,": a title of address alone
    before the name gives way to the post the apposition after it states."""
    return role.lower().rstrip(".") in _ADDRESS_TITLES


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
    head = _role_over_of_phrase(root.head)
    if not (head.i < name[0].i and head.lower_ in ROLE_HEADS and head.tag_.startswith("NN")):
        return None
    start = head.left_edge.i
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_:
        start -= 2  # "Co-founder" is tokenized "Co", "-", "founder"
    tokens = list(doc[start : name[0].i])
    while tokens and (tokens[0].pos_ in ("DET", "PRON") or tokens[0].tag_ == "PRP$"):
        tokens = tokens[1:]
    return clean_phrase(tokens)


@switchable("appos_of_phrase", off=lambda head: head)
def _role_over_of_phrase(head: Token) -> Token:
    """ "The chief prosecutor of Lyon, Pavel Dorn,", "Co-founder of Acme, Lena Holm,": the
    parser hangs the name on the last noun of the role's "of" phrase; the role is the noun
    that phrase belongs to (one post, not a plural: "the mayors of A and B, X and Y")."""
    prep = head.head
    if (
        head.dep_ == "pobj"
        and prep.lower_ in ("of", "for")
        and prep.head.lower_ in ROLE_HEADS
        and prep.head.tag_ in ("NN", "NNP")
        and prep.head.i < head.i
    ):
        return prep.head
    return head


def is_clause(tok: Token) -> bool:
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


def clean_phrase(tokens: list[Token]) -> str | None:
    tokens = _without_generic_possessor(tokens)
    former = _formerly(tokens)
    if former:
        tokens = former[1:]
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
    return " ".join((["former"] if former else []) + text.split())


@switchable("formerly", off=lambda tokens: [])
def _formerly(tokens: list[Token]) -> list[Token]:
    """ "X, formerly a deputy administrator at the agency,": the caption is "former deputy
    administrator at the agency", the same post in the words a title uses. Returns the
    tokens from "formerly" on, less its article, or nothing."""
    if len(tokens) > 2 and tokens[0].lower_ == "formerly":
        rest = tokens[1:]
        if rest[0].lower_ in ("a", "an", "the"):
            rest = rest[1:]
        return [tokens[0], *rest]
    return []


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
                if t.text in (",", ";", "(", ")") or is_clause(t):
                    break
                cut.append(t)
            if cut and cut[-1].i >= child.i:
                return clean_phrase(cut)
        if child.dep_ == "relcl" and child.lower_ in ("is", "was", "'s"):
            subj = [c for c in child.children if c.dep_ == "nsubj" and c.lower_ == "who"]
            attr = [c for c in child.children if c.dep_ == "attr"]
            if subj and attr and attr[0].lower_ in ROLE_HEADS:
                toks = []
                for t in attr[0].subtree:
                    if t.text in (",", ";") or is_clause(t):
                        break
                    toks.append(t)
                return clean_phrase(toks)
    return None


# --- Roles found once the document's people and organizations are known -----------------
