"""What a person's name looks like, and the role the text writes around it.

The pieces the other people modules share: the candidate record (``Candidate``), the regular
expressions for a name word and a full name, and the token rules that turn a spaCy PERSON
entity into a name: runs of name-like tokens cut at line breaks, numbers, quotes and
possessives; leading courtesy titles, role words and demonyms stripped ("Defender Paul
Smith", "House Speaker John Boehner"); hyphenated parts, "Jr." and regnal numbers the
tagger cut off taken back ("Kang Young-hoon", "Henry VIII"). ``bad_name`` is the word-list
test that a string is no name at all. Roles come from title words right before a name
("Russian President") or an apposition after it ("Jane Doe, the company's chief
executive,"), and only when the role's head word is a known role noun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..nlp import entries, table, words
from .rules import switchable
from .words import (
    COUNTRIES,
    DEMONYMS,
    HONORIFICS,
    NOT_NAMES,
    ORG_WORDS,
    PARTICLES,
    PERSON_TRIGGERS,
    PLACE_FIRST_WORDS,
    PLACES,
    ROLE_HEADS,
    ROLE_WORDS,
    WEEKDAYS,
)

# A token of a dateline glued to a given name: "(CNN)Andrew" before "Paul Tahmooressi".
_GLUED_NAME = re.compile(r"^\(?[A-Z]{2,}\)([A-Z][a-z]+)$")


POSSESSIVE = ("'s", "’s")

_PARTICLES = table("name_particles", "people")
NAME_WORD = (
    r"(?:(?:Mc|Mac|O'|D')?[A-Z][a-z]+(?:(?:-|['’](?!s\b))[A-Z]?[a-z]+)*|[A-Z][a-z]*[A-Z][a-z]+"
    r"|(?:" + "|".join(_PARTICLES["hyphen_glued"]) + r")-[A-Z][a-z]+)"
)


INNER_PARTICLE = r"(?:(?:" + "|".join(_PARTICLES["between_name_words"]) + r")\s){0,2}"
FULL_NAME = NAME_WORD + r"(?:\s" + INNER_PARTICLE + NAME_WORD + r"){1,3}"


@dataclass
class Candidate:
    start: int
    end: int
    text: str
    role: str | None = None
    sources: set[str] = field(default_factory=set)


def norm_key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _is_name_token(tok: Token, inner: bool) -> bool:
    text = tok.text
    if not text.strip() or any(c.isdigit() for c in text):
        return False
    if text in ("-", "'", "’") and inner and not tok.whitespace_ and not tok.nbor(-1).whitespace_:
        return True
    if text[0].isupper():
        return any(c.isalpha() for c in text)
    if inner and _name_suffix(tok) and tok.nbor(-1).text == "-" and not tok.nbor(-1).whitespace_:
        return True  # "Young-hoon", "Ata-ur-Rehman"
    return inner and tok.lower_ in PARTICLES


def name_runs(span: Span) -> list[list[Token]]:
    """Split an entity into runs of name-like tokens."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    for tok in span:
        if tok.text in POSSESSIVE:
            if current:
                runs.append(current)
            current = []
            continue
        if _is_name_token(tok, inner=bool(current)) and "\n" not in tok.text:
            current.append(tok)
            if tok.whitespace_ and "\n" in tok.whitespace_:
                runs.append(current)
                current = []
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    out = []
    for run in runs:
        while run and (
            (run[-1].is_lower and run[-1].lower_ in PARTICLES) or run[-1].text in ("-", "'", "’")
        ):
            run = run[:-1]
        if run:
            out.append(run)
    return out


COUNTRY_ABBREVIATIONS = frozenset(entries("country_abbreviations", "people"))
ROMAN = frozenset(
    ["II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]
)
_PRONOUN_I_NEXT = frozenset(["'m", "'ve", "'ll", "'d", "am", "think", "do", "have", "had", "know"])


def _name_suffix(tok: Token) -> bool:
    """A lower-case part after a hyphen that belongs to a name ("-hoon", "-ur"), not an
    English compound ("Smith-starring", "Moscow-based")."""
    low = tok.lower_
    return (
        tok.is_alpha
        and (tok.text[0].isupper() or len(low) <= 4)
        and not low.endswith(("ed", "ing", "er", "ly"))
        and low not in ("led", "born", "style", "era", "like", "type", "era", "bred", "run", "made")
    )


def extend_name(doc: Doc, name: list[Token]) -> list[Token]:
    """Take in what the tagger cut off: "-hoon" of "Young-hoon", a regnal number ("Henry VIII")."""
    name = list(name)
    while True:
        i = name[-1].i + 1
        if (
            i < len(doc)
            and doc[i].text == "."
            and not name[-1].whitespace_
            and name[-1].lower_ in ("jr", "jnr", "sr", "snr")
        ):
            name.append(doc[i])  # "Carlos Sainz Jnr." keeps the period of its suffix
            continue
        if (
            i + 1 < len(doc)
            and doc[i].text == "-"
            and not name[-1].whitespace_
            and not doc[i].whitespace_
            and _name_suffix(doc[i + 1])
        ):
            name += [doc[i], doc[i + 1]]
            continue
        if (
            i < len(doc)
            and name[-1].whitespace_ == " "
            and (
                doc[i].text in ROMAN
                or (
                    doc[i].text == "I"
                    and (i + 1 == len(doc) or doc[i + 1].lower_ not in _PRONOUN_I_NEXT)
                )
            )
        ):
            name.append(doc[i])
        return name


def _plain_name_word(tok: Token) -> bool:
    """An untagged, capitalized proper noun that is no title, place, organization or common
    word: a part of a name the tagger left out."""
    low = tok.lower_
    return (
        tok.is_alpha
        and tok.is_title
        and tok.tag_ == "NNP"
        and tok.ent_type_ in ("", "PERSON")
        and not no_name_word(tok.text)
        and not tok.vocab[low].is_stop
        and not low.endswith("ist")  # "Scientologist Tom Cruise"
    )


def no_name_word(word: str) -> bool:
    """A title, place, organization, non-name or function word: never a given name."""
    low = word.lower()
    return (
        is_title_word(word)
        or low in PLACES
        or low in NOT_NAMES
        or low in ORG_WORDS
        or low in FUNCTION_WORDS
        or low in LEADING_NOT_NAME
    )


@switchable("widening", off=lambda doc, name: name)
def widen(doc: Doc, name: list[Token]) -> list[Token]:
    """A given name the tagger left out before a full name ("Mehmet" of "Mehmet Ali
    Ediboglu"), a surname after it ("Karam" of "Jesús Murillo Karam")."""
    if len(name) < 2:
        return name
    i = name[0].i - 1
    if (
        i > 0
        and doc[i].whitespace_
        and not doc[i].is_sent_start
        # not the end of a title: "Chief of Staff Denis", "Commissioner of Road Policing Dave"
        and not any(t.lower_ in ("of", "the", "and", "for") for t in doc[max(0, i - 3) : i])
        and _plain_name_word(doc[i])
    ):
        name = [doc[i], *name]
    j = name[-1].i + 1
    if (
        j < len(doc)
        and name[-1].whitespace_
        and _plain_name_word(doc[j])
        and (j + 1 == len(doc) or doc[j + 1].tag_ != "NNP")
    ):
        name = [*name, doc[j]]
    return name


def strip_prefix(run: list[Token]) -> tuple[list[Token], list[Token]]:
    """Split leading honorifics, role words and demonyms from a run: (prefix, name)."""
    i = 0
    while i < len(run) - 1 and (
        run[i].lower_ in LEADING_NOT_NAME
        or run[i].lower_ in HONORIFICS
        or run[i].lower_ in ROLE_WORDS
        or run[i].lower_ in PERSON_TRIGGERS
        or run[i].lower_ in DEMONYMS
        or run[i].text in COUNTRY_ABBREVIATIONS
        or run[i].lower_.startswith("ex-")
        or run[i].ent_type_ == "NORP"
    ):
        i += 1
    j = _inner_role([t.lower_ for t in run], i)
    if j is not None:
        return run[: j + 1], run[j + 1 :]
    return run[:i], run[i:]


def _inner_role(words: list[str], first: int = 0) -> int | None:
    """ "House Speaker John Boehner": the index of a role word further in (from ``first``,
    lower-case words), with a two-word name after it."""
    for j in range(len(words) - 3, first - 1, -1):
        if words[j] in ROLE_WORDS and words[j] in ROLE_HEADS:
            return j
    return None


def glued_name(tok: Token) -> bool:
    """ "CNN)Andrew": a dateline glued to the given name of the name that follows."""
    m = _GLUED_NAME.search(tok.text)
    return bool(
        m
        and tok.whitespace_
        and not tok.vocab[m.group(1).lower()].is_stop
        and not is_title_word(m.group(1))  # "(CNN)Actress Taraji P. Henson"
    )


def is_title_word(word: str) -> bool:
    low = word.lower()
    parts = [p for p in low.split("-") if p]
    return (
        low in HONORIFICS
        or low in DEMONYMS
        or bool(parts)
        and all(p in ROLE_WORDS or p in PERSON_TRIGGERS for p in parts)
        or (len(parts) > 1 and parts[-1] in PERSON_TRIGGERS)  # "Oscar-winner", "co-founder"
        or (low.endswith("s") and low[:-1] in ROLE_WORDS)  # "Representatives Darin LaHood"
    )


def skip_titles(text: str, start: int, end: int) -> int:
    """Move start past leading titles, role words and demonyms, keeping at least one word;
    and past "House Speaker", a role word further in with a two-word name after it."""
    while True:
        m = re.match(r"(\S+)\s+", text[start:end])
        if not m or not is_title_word(m.group(1)):
            break
        start += m.end()
    words = list(re.finditer(r"\S+", text[start:end]))
    j = _inner_role([w.group().lower() for w in words])
    return start + words[j + 1].start() if j is not None else start


_GIVEN_NAME_COUNTRIES = words("countries_as_given_names", "people")
# Names for no one in particular: "Jim Crow laws", "Uncle Sam".
_FIGURATIVE = words("figurative_names", "people")
_SURNAME_COUNTRIES = _GIVEN_NAME_COUNTRIES | words("countries_as_surnames", "people")
# Words the tagger glues before a name at a sentence's start ("Both Pete Buttigieg",
# "Unlike Senators Warren", "Nonpartisan Paul Tse"): never part of it.
LEADING_NOT_NAME = words("leading_not_names", "people")
FUNCTION_WORDS = words("function_words", "people") | WEEKDAYS


@switchable("non_name_words", off=lambda name: len(name.strip()) < 2)
def bad_name(name: str) -> bool:
    low = norm_key(name)
    words = low.replace(".", ". ").split()
    if low in PLACES or low in NOT_NAMES or low in DEMONYMS or low in ROLE_WORDS:
        return True
    if all(is_title_word(w) or w in NOT_NAMES for w in low.split()):
        return True
    if any(w.strip(".") in ORG_WORDS for w in words):
        return True
    if all(w in NOT_NAMES or w in PLACES for w in low.split()):
        return True
    outside_quotes = re.sub(r'"[^"]*"', " ", low).split()
    if any(w in FUNCTION_WORDS for w in outside_quotes):
        return True
    parts = low.split()
    if low in _FIGURATIVE or (low.endswith("ers") and low[:-3] in PLACES):
        return True  # "Uncle Sam"; "Hong Kongers"
    if len(parts) > 1 and parts[0] in PLACE_FIRST_WORDS:
        return True  # "Lake Nicaragua", "Punta Gorda"
    if len(parts) > 1 and parts[-1] in COUNTRIES and parts[-1] not in _SURNAME_COUNTRIES:
        return True  # "Airservices Australia", "Vodafone India"
    if len(parts) > 1 and parts[0] in COUNTRIES and parts[0] not in _GIVEN_NAME_COUNTRIES:
        return True  # "Bangladesh Lamps" (but "Trevor Holland" is a person)
    last = low.split()[-1]
    if last in NOT_NAMES or (
        "." in low and (last in PLACES or last in DEMONYMS or last.split(".")[-1] in PLACES)
    ):
        return True
    return len(low) < 2


def hyphen_tail(doc: Doc, name: list[Token]) -> list[Token]:
    """ "Yau Wai-ching": a hyphenated given name the tokenizer split stays whole."""
    j = name[-1].i + 1
    if (
        j + 1 < len(doc)
        and not name[-1].whitespace_
        and doc[j].text in ("-", "‑")
        and not doc[j].whitespace_
        and doc[j + 1].is_alpha
        and doc[j + 1].is_lower
    ):
        return [*name, doc[j], doc[j + 1]]
    return name
