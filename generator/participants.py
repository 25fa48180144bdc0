"""People (with the role the text gives them), places and organizations of one document.

People start from spaCy PERSON entities, which rules measured on CoNLL-style news then clean
and complete:

* spans are cut at line breaks, numbers, dashes and cricket notation, and lose leading
  courtesy titles, role words and demonyms ("Defender Paul Smith", "Russian Vladimir
  Putin") and a trailing possessive;
* a candidate is rejected when it is a known country/city/county, a common non-name word,
  an organization-looking phrase, or a string the same document mostly tags as a place,
  team or organization;
* names are recovered that the tagger misses in results tables ("Name (Country) 12.71",
  "P. Simmons 4-38", "c Vaas b Chandana", "Gough 8-0-39-3") and, once a person is known,
  at their other mentions, including all-caps headlines;
* mentions merge into one person per document: a shorter form joins the one longer name
  that ends (else starts) with it; a surname shared by two people joins the nearest full
  name before it, never both.

Roles come only from the text: title words right before a name ("Russian President"),
an apposition ("Jane Doe, the company's chief executive,") or "X, who is Y", and only when
the role's head word is a known role noun; otherwise None.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .record import Entity, Mention, Participant
from .role_words import (
    COUNTRIES,
    DEMONYMS,
    HONORIFICS,
    NOT_NAMES,
    ORG_WORDS,
    PARTICLES,
    PERSON_TRIGGERS,
    PLACES,
    ROLE_HEADS,
    ROLE_WORDS,
)

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_ORG_LABELS = {"ORG"}
_OTHER_LABELS = {"GPE", "LOC", "FAC", "ORG", "NORP"}
_POSSESSIVE = ("'s", "’s")

_NAME_WORD = (
    r"(?:(?:Mc|Mac|O'|D')?[A-Z][a-z]+(?:(?:-|['’](?!s\b))[A-Z]?[a-z]+)*|[A-Z][a-z]*[A-Z][a-z]+"
    r"|(?:al|el|bin|ibn|abu|abd|ul|ur)-[A-Z][a-z]+)"
)
_INITIAL_NAME = re.compile(
    r"(?<![\w.])[A-Z]\.(?:\s?[A-Z]\.)*\s?(?:(?:de|van|den|der|da|di|le|la)\s?)?"
    + _NAME_WORD
    + r"\b"
)
_INNER_PARTICLE = r"(?:(?:de|van|den|der|da|di|dos|du|del|le|la|bin|al|el|De|Van|Van der)\s){0,2}"
_FULL_NAME = _NAME_WORD + r"(?:\s" + _INNER_PARTICLE + _NAME_WORD + r"){1,3}"
# "Michelle Freeman (Jamaica) 12.71", "Andy Townsend (5th)": a name before a short bracket.
_NAME_BRACKET = re.compile(r"(?:^|(?<=[\s,;:\-]))(" + _FULL_NAME + r")\s\([^()\n]{1,60}\)", re.M)
# Cricket: "c Vaas b Chandana", "st Kaluwitharana", "Gough 8-0-39-3".
_CRICKET_FIELD = re.compile(
    r"(?:^|(?<=\s))(?:c|b|st|lbw b|c and b)\s((?:(?:de|van)\s)?" + _NAME_WORD + r")(?=\s|$)", re.M
)
_BOWLING = re.compile(
    r"(?:^|(?<=[\s,:]))((?:[A-Z]\.\s?)?(?:(?:de|van)\s)?"
    + _NAME_WORD
    + r"(?:\s"
    + _NAME_WORD
    + r")?)\s\d+(?:\.\d)?-\d+-\d+-\d+",
    re.M,
)


@dataclass
class _Cand:
    start: int
    end: int
    text: str
    role: str | None = None
    sources: set[str] = field(default_factory=set)


def _norm(text: str) -> str:
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


def _runs(span: Span) -> list[list[Token]]:
    """Split an entity into runs of name-like tokens."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    for tok in span:
        if tok.text in _POSSESSIVE:
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
        while run and (run[-1].lower_ in PARTICLES or run[-1].text in ("-", "'", "’")):
            run = run[:-1]
        if run:
            out.append(run)
    return out


_COUNTRY_ABBREVIATIONS = frozenset(
    ["U.S.", "U.N.", "U.K.", "E.U.", "U.S.A.", "US", "UN", "UK", "EU"]
)
_ROMAN = frozenset(
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


def _extend(doc: Doc, name: list[Token]) -> list[Token]:
    """Take in what the tagger cut off: "-hoon" of "Young-hoon", a regnal number ("Henry VIII")."""
    name = list(name)
    while True:
        i = name[-1].i + 1
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
                doc[i].text in _ROMAN
                or (
                    doc[i].text == "I"
                    and (i + 1 == len(doc) or doc[i + 1].lower_ not in _PRONOUN_I_NEXT)
                )
            )
        ):
            name.append(doc[i])
        return name


def _strip_prefix(run: list[Token]) -> tuple[list[Token], list[Token]]:
    """Split leading honorifics, role words and demonyms from a run: (prefix, name)."""
    i = 0
    while i < len(run) - 1 and (
        run[i].lower_ in HONORIFICS
        or run[i].lower_ in ROLE_WORDS
        or run[i].lower_ in PERSON_TRIGGERS
        or run[i].lower_ in DEMONYMS
        or run[i].text in _COUNTRY_ABBREVIATIONS
        or run[i].lower_.startswith("ex-")
        or run[i].ent_type_ == "NORP"
    ):
        i += 1
    return run[:i], run[i:]


def _is_title_word(word: str) -> bool:
    low = word.lower()
    parts = [p for p in low.split("-") if p]
    return (
        low in HONORIFICS
        or low in DEMONYMS
        or bool(parts)
        and all(p in ROLE_WORDS or p in PERSON_TRIGGERS for p in parts)
    )


def _skip_titles(text: str, start: int, end: int) -> int:
    """Move start past leading titles, role words and demonyms, keeping at least one word."""
    while True:
        m = re.match(r"(\S+)\s+", text[start:end])
        if not m or not _is_title_word(m.group(1)):
            return start
        start += m.end()


_GIVEN_NAME_COUNTRIES = frozenset(
    ["jordan", "georgia", "chad", "israel", "kenya", "china", "india"]
)
_FUNCTION_WORDS = frozenset(
    ["the", "at", "in", "on", "for", "to", "from", "by", "with", "of", "and"]
)


def _bad_name(name: str) -> bool:
    low = _norm(name)
    words = low.replace(".", ". ").split()
    if low in PLACES or low in NOT_NAMES or low in DEMONYMS or low in ROLE_WORDS:
        return True
    if all(_is_title_word(w) or w in NOT_NAMES for w in low.split()):
        return True
    if any(w.strip(".") in ORG_WORDS for w in words):
        return True
    if all(w in NOT_NAMES or w in PLACES for w in low.split()):
        return True
    outside_quotes = re.sub(r'"[^"]*"', " ", low).split()
    if any(w in _FUNCTION_WORDS for w in outside_quotes):
        return True
    parts = low.split()
    if len(parts) > 1 and parts[0] in COUNTRIES and parts[0] not in _GIVEN_NAME_COUNTRIES:
        return True  # "Bangladesh Lamps" (but "Trevor Holland" is a person)
    last = low.split()[-1]
    if (
        last in NOT_NAMES
        or last in DEMONYMS
        or ("." in low and (last in PLACES or last.split(".")[-1] in PLACES))
    ):
        return True
    return len(low) < 2


def _role_before(doc: Doc, i: int, prefix: list[Token]) -> str | None:
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
        demonym = tok.ent_type_ == "NORP" or tok.lower_ in DEMONYMS
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


def _clause(tok: Token) -> bool:
    return tok.dep_ in ("relcl", "acl") and tok.tag_.startswith("V")


_CLAUSE_WORDS = frozenset(["who", "which", "that", "whose", "whom", "where", "when"])


def _clean_phrase(tokens: list[Token]) -> str | None:
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


def _role_after(doc: Doc, start: int, end: int) -> str | None:
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


def _char_span_tokens(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def find_participants(doc: Doc) -> tuple[list[Participant], list[Entity], list[Entity]]:
    """People, places and organizations, each merged into one entry per name."""
    text = doc.text
    # How the document labels each string: a person here is rejected when the same document
    # mostly uses it as a place, team or organization.
    label_counts: dict[str, Counter[str]] = defaultdict(Counter)
    other_spans: list[tuple[int, int, str]] = []
    ents = doc.ents
    for ent in ents:
        key = _norm(ent.text[:-2] if ent.text.endswith(_POSSESSIVE) else ent.text)
        label_counts[key]["PERSON" if ent.label_ == "PERSON" else "OTHER"] += ent.label_ in (
            _OTHER_LABELS | {"PERSON"}
        )
        if ent.label_ in _OTHER_LABELS:
            other_spans.append((ent.start_char, ent.end_char, ent.label_))

    cands: list[_Cand] = []
    for ent in ents:
        if ent.label_ != "PERSON":
            continue
        for run in _runs(ent):
            prefix, name = _strip_prefix(run)
            if not name or (prefix and prefix[-1].text in _COUNTRY_ABBREVIATIONS and len(name) < 2):
                continue  # "U.S. Treasury", "U.N. Ambassador"
            name = _extend(doc, name)
            start, end = name[0].idx, name[-1].idx + len(name[-1].text)
            if ")" in text[start:end]:  # "(CNN)Jessie Usher": a dateline glued to the name
                start += text[start:end].rindex(")") + 1
            role = None
            if prefix or name[0].i == ent.start:
                role = _role_before(doc, run[0].i, prefix)
            if role is None:
                role = _role_after(doc, name[0].i, name[-1].i + 1)
            cands.append(_Cand(start, end, text[start:end], role, {"ner"}))

    _add_pattern_candidates(doc, cands, other_spans)

    # Reject strings the document mostly uses for something else, and non-names.
    teams = _team_names(text)
    kept: list[_Cand] = []
    for cand in cands:
        key = _norm(cand.text)
        counts = label_counts.get(key)
        if _bad_name(cand.text) or key in teams or _venue_label(text, cand.start, cand.end):
            continue
        if counts and counts["OTHER"] > counts["PERSON"] and "ner" in cand.sources:
            continue
        kept.append(cand)

    # One-word names that the text uses as places ("in Volgograd", a dateline), unless a
    # longer person name of the document ends or starts with them.
    multi = [_norm(c.text).split() for c in kept if " " in c.text.strip()]
    place_cache: dict[str, bool] = {}
    org_cache: dict[str, bool] = {}
    final = []
    for cand in kept:
        key = _norm(cand.text)
        if " " not in key and not any(key in (m[0], m[-1]) for m in multi):
            if key not in place_cache:
                place_cache[key] = _place_like(text, cand.text.strip())
            if place_cache[key]:
                continue
        if "ner" in cand.sources and not any(
            key in (m[0], m[-1]) for m in multi if len(m) > 1 and " " not in key
        ):
            if key not in org_cache:
                org_cache[key] = _org_like(text, cand.text.strip())
            if org_cache[key]:
                continue
        final.append(cand)
    final = _drop_possessors(text, final)
    final = _complete_names(doc, final)
    final = _expand_lists(text, final, other_spans)
    kept = _propagate(doc, final, other_spans)
    people = _merge(kept)
    return people, _entities(ents, _PLACE_LABELS), _entities(ents, _ORG_LABELS)


def _drop_possessors(text: str, cands: list[_Cand]) -> list[_Cand]:
    """ "Everton's Duncan Ferguson", "Pakistan's Wasim Akram": a one-word name directly
    followed by a possessive and a known full name is a team, country or organization."""
    full = {c.text for c in cands if " " in c.text.strip()}
    if not full:
        return cands
    owners: set[str] = set()
    pattern = re.compile(
        r"(?<![\w-])([A-Z][\w-]+)['’]s\s+(?:"
        + "|".join(re.escape(f) for f in sorted(full, key=len, reverse=True))
        + r")(?![\w-])"
    )
    for m in pattern.finditer(text):
        owners.add(m.group(1))
    if not owners:
        return cands
    multi = {w for f in full for w in (f.split()[0], f.split()[-1])}
    return [c for c in cands if c.text.strip() not in owners or c.text.strip() in multi]


def _complete_names(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
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
        + _NAME_WORD
        + r") ("
        + "|".join(re.escape(w) for w in sorted(singles, key=len, reverse=True))
        + r")(?![\w-])"
    )
    out = list(cands)
    for m in pattern.finditer(text):
        first = m.group(1)
        low = first.lower()
        if (
            _is_title_word(first)
            or low in PLACES
            or low in NOT_NAMES
            or low in ORG_WORDS
            or low in _FUNCTION_WORDS
            or first.isupper()
        ):
            continue
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is None or len(span) != 1:
            continue
        tok = span[0]
        if tok.tag_ != "NNP" or tok.is_sent_start:
            continue
        if tok.ent_type_ and tok.ent_type_ != "PERSON":
            continue  # the word before is tagged a place or organization
        s, e = m.start(), m.end()
        if (s, e) in taken:
            continue
        inner = [c for c in out if s <= c.start and c.end <= e]
        if len(inner) != 1 or (inner[0].start, inner[0].end) != (m.start(2), m.end(2)):
            continue
        out.remove(inner[0])
        out.append(_Cand(s, e, text[s:e], inner[0].role, {"completed"}))
        taken.add((s, e))
    return out


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
# "-- Luli Popescu, Bucharest Newsroom 40-1 3120": a wire reporter's signature line.
# Score rows: "287 Ian Woosnam 70 76 71 70", "12. Jan Allan Mueller 3:45.12".
_RANKED_ROW = re.compile(r"^\d{1,3}\.?\s+(" + _FULL_NAME + r")\s+\d", re.M)
# Line-ups: "8 - Gary Teichmann (captain), 7 - Andre Venter (Wayne Fyvie, 75)".
_SHIRT = re.compile(
    r"(?:^|(?<=[\s,;(]))\d{1,2}\s?-\s("
    + _INNER_PARTICLE
    + _NAME_WORD
    + r"(?:\s"
    + _INNER_PARTICLE
    + _NAME_WORD
    + r"){0,3})(?=[\s,;.()]|$)",
    re.M,
)
_SUBSTITUTE = re.compile(r"\((" + _FULL_NAME + r"),\s?\d+(?:st|nd|rd|th)?\)")
# "Roberto "Hands of Stone" Duran"
_NICKNAME = re.compile(r"(" + _NAME_WORD + r" \"[A-Z][^\"\n]{0,30}\" " + _NAME_WORD + r")")
_SIGNATURE = re.compile(r"^--\s*(" + _FULL_NAME + r")\s*,", re.M)
# Line 2 of a wire story: "Adrian Warner" above the dateline "BERLIN 1996-08-30".
_DATELINE = r"[A-Z][A-Z .,'-]+[A-Za-z .,'-]*\d{4}-\d\d-\d\d"
_BYLINE = re.compile(r"\A[^\n]*\n(" + _FULL_NAME + r")\n" + _DATELINE)
_TRIGGER = re.compile(
    r"\b(?:"
    + "|".join(sorted(PERSON_TRIGGERS, key=len, reverse=True))
    + r")\s+("
    + _FULL_NAME
    + r")\b"
)
_UPPER_TRIGGER = re.compile(
    r"(?<![A-Za-z])(?:[A-Z][a-z]+ )?(?:President|Prince|Princess|King|Queen|Premier|"
    r"Chancellor|Minister|Senator|Governor|Mayor|Judge|General|Cardinal|Archbishop|Sheikh|"
    r"Ayatollah|Pope) (" + _FULL_NAME + r")\b"
)
_DEMONYM_NAME = re.compile(
    r"\b(?:"
    + "|".join(
        sorted(
            (d.capitalize() for d in DEMONYMS if d.isalpha() and d not in _GENERIC),
            key=len,
            reverse=True,
        )
    )
    + r") ("
    + _NAME_WORD
    + r" "
    + _NAME_WORD
    + r")\b(?! [A-Z])"
)
_PLACE_CONTEXT = re.compile(r"\b(?:in|at|near|from|outside|inside|town of|city of|village of)$")


_CORP_SUFFIX = (
    r"(?:Inc|Corp|Corporation|Co|Ltd|Limited|LLC|Plc|PLC|plc|S\.A\.|SA|AB|AG|NV|N\.V\.|SpA|"
    r"GmbH|Bancorp|Holdings|Group|International)\b"
)
_ORG_AFTER = re.compile(
    r"(?:\s+&?\s*[A-Z][A-Za-z.]+){0,3}\s+"
    + _CORP_SUFFIX
    + r"|(?:'s)?\s+(?:striker|skipper|midfielder|defender|goalkeeper|winger|fullback|batsman|"
    r"bowler|fans|supporters|shares|stock|stocks|ceo|executives|workers|employees|sanatorium)\b"
)
_ORG_BEFORE = re.compile(
    r"(?:\b(?:team|club|side|company|firm|group|maker|bank|carrier|airline|agency|newspaper|daily|"
    r"weekly|magazine|publisher|manufacturer|producer|insurer|retailer|operator|brokerage|"
    r"shares in|shares of|stake in)|-based)\s+$"
)


def _org_like(text: str, name: str) -> bool:
    """A name the text uses as a company, club or institution: "Magna International Inc",
    "Ontario-based Magna", "Belgian club Standard Liege", "Norwich striker", "Everton's"."""
    for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text):
        if _ORG_AFTER.match(text, m.end(), m.end() + 60) or _ORG_BEFORE.search(
            text[max(0, m.start() - 30) : m.start()]
        ):
            return True
    return False


def _place_like(text: str, word: str) -> bool:
    """A one-word candidate the text uses as a place: "in Volgograd", a dateline."""
    for m in re.finditer(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", text, re.I):
        before = text[max(0, m.start() - 16) : m.start()].rstrip()
        if _PLACE_CONTEXT.search(before):
            return True
        line_start = text.rfind("\n", 0, m.start()) + 1
        after = text[m.end() : m.end() + 40]
        if line_start == m.start() and re.match(r"[, A-Za-z.]*\d{4}-\d\d-\d\d", after):
            return True
    return False


_TEAM_PART = r"[A-Za-z][A-Za-z.'&/ -]*?[A-Za-z.]"
_BRACKET = r"(?:\s\([^()]*\))?"
_RESULT_LINE = re.compile(
    r"^\s*("
    + _TEAM_PART
    + r")"
    + _BRACKET
    + r"\s+(\d{1,3})\s+("
    + _TEAM_PART
    + r")"
    + _BRACKET
    + r"\s+(\d{1,3})\s*(?:\(.*\))?\s*$"
)
_STANDING_LINE = re.compile(r"^\s*(" + _TEAM_PART + r")((?:\s+[-+]?[\d./]+){3,})\s*-?\s*$")


def _team_names(text: str) -> set[str]:
    """Names in results lines ("Pohang 3 Ulsan 2") and standings rows ("Wigan 5 3 1 1 8 4 10",
    small integers; golf rows "Bob Estes 64 67" are not standings)."""
    teams: set[str] = set()
    for line in text.splitlines():
        m = _RESULT_LINE.match(line)
        if m:
            teams.update((_norm(m.group(1)), _norm(m.group(3))))
            continue
        m = _STANDING_LINE.match(line)
        if m:
            ints = [int(n) for n in m.group(2).split() if n.isdigit()]
            if sum(1 for n in ints if n < 50) >= 2:
                teams.add(_norm(m.group(1)))
    return teams


def _venue_label(text: str, start: int, end: int) -> bool:
    """ "Chester-le-Street: Glamorgan 259 ...": a line-initial label before a colon."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and text[end : end + 2].lstrip().startswith(":")


_STRONG = {"signature", "byline", "trigger", "lineup", "nickname", "bracket"}


def _before_ok(text: str) -> bool:
    """A tag starting before the name only covers titles or a "Team - " label."""
    return _only_titles(text) or bool(re.search(r"\s-\s*$", text))


def _only_titles(text: str) -> bool:
    return all(_is_title_word(w) for w in text.split())


def _clashes(text: str, start: int, end: int, other: list[tuple[int, int, str]]) -> bool:
    """A pattern match loses to a tagger place/organization that reaches outside it or is a
    known place; a tag that only covers part of the name ("R." as NORP) does not count."""
    for s, e, _ in other:
        if s < end and start < e:
            if s < start or (e > end and not text[end:e].strip().startswith("(")):
                return True
            if _norm(text[s:e]) in PLACES:
                return True
    return False


def _add_pattern_candidates(
    doc: Doc, cands: list[_Cand], other: list[tuple[int, int, str]]
) -> None:
    text = doc.text
    taken = [(c.start, c.end, "PERSON") for c in cands]
    found: list[tuple[int, int, str]] = []
    for m in _INITIAL_NAME.finditer(text):
        if not m.group().startswith(("U.S.", "U.N.", "U.K.", "E.U.")):
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
        (_DEMONYM_NAME, "trigger"),
    )
    for rx, src in patterns:
        group = 1
        for m in rx.finditer(text):
            found.append((m.start(group), m.end(group), src))
    for start, end, src in sorted(found):
        start = _skip_titles(text, start, end)
        name = text[start:end]
        if start >= end:
            continue
        if _bad_name(name) or _overlaps(start, end, taken):
            # a longer pattern match may replace a shorter tagger span it contains
            inner = [
                c
                for c in cands
                if start <= c.start and c.end <= end and (c.start, c.end) != (start, end)
            ]
            if inner and not _bad_name(name) and not _clashes(text, start, end, other):
                for c in inner:
                    cands.remove(c)
                role = next((c.role for c in inner if c.role), None)
                cands.append(_Cand(start, end, name, role, {src}))
                taken = [(c.start, c.end, "PERSON") for c in cands]
            continue
        if src in _STRONG:
            # the cue says person: a place/organization tag on exactly the name gives way
            if any(
                s < end
                and start < e
                and (
                    (s < start and not _before_ok(text[s:start]))
                    or (e > end and not text[end:e].strip().startswith("("))
                )
                for s, e, _ in other
            ):
                continue
        elif _clashes(text, start, end, other):
            continue
        cands.append(_Cand(start, end, name, None, {src}))
        taken.append((start, end, "PERSON"))


_LIST_ITEM = re.compile(
    r"^(?:and\s+)?(?:\d{1,2}\s?-\s)?("
    + _INNER_PARTICLE
    + _NAME_WORD
    + r"(?:\s"
    + _INNER_PARTICLE
    + _NAME_WORD
    + r"){0,3})\s*(?:\([^()]*\))?\s*\.?$"
)


def _expand_lists(text: str, cands: list[_Cand], other: list[tuple[int, int, str]]) -> list[_Cand]:
    """In a comma list of names ("Given, Breen, Staunton, Irwin" or "Romesh Kaluwitharana,
    Asanka Gurusinha, ...") where at least two items are already people and none is a
    place or organization, the other items are people too."""
    known = {(c.start, c.end) for c in cands}
    known_names = {_norm(c.text) for c in cands}
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
                    or _norm(text[s:e]) in known_names
                    or any(a < e and s < b for a, b in known)
                )
                bad = any(_overlaps(s, e, other) and (s, e) not in known for s, e in run) and (
                    have < len(run) / 2
                )
                if have >= 2 and not bad:
                    for s, e in run:
                        if (s, e) not in known and not _bad_name(text[s:e]):
                            out.append(_Cand(s, e, text[s:e], None, {"list"}))
                            known.add((s, e))
            run = []
    return out


def _propagate(doc: Doc, cands: list[_Cand], other: list[tuple[int, int, str]]) -> list[_Cand]:
    """Other mentions of a known person: the same full name, its surname, all-caps forms."""
    text = doc.text
    surnames: Counter[str] = Counter()
    for name in {c.text for c in cands if " " in c.text}:
        last = name.split()[-1]
        if "." not in last:
            surnames[last] += 1
    forms = {c.text for c in cands}
    for last, n in surnames.items():
        if n == 1 and len(last) > 2 and _norm(last) not in PLACES and _norm(last) not in NOT_NAMES:
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
        if clash and _norm(form) in PLACES:
            continue
        out.append(_Cand(s, e, text[s:e], None, {"propagated"}))
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


def _display(name: str) -> str:
    """Title-case an all-caps name for display ("ROBERTO DURAN" -> "Roberto Duran")."""
    if name.isupper() and len(name) > 3:
        return " ".join(w.capitalize() for w in name.split())
    return name


def _merge(cands: list[_Cand]) -> list[Participant]:
    cands = sorted(cands, key=lambda c: c.start)
    # Distinct full forms, longest first: a form contained as a word suffix/prefix of a
    # longer one joins it when that longer one is unique.
    forms = {}
    for c in cands:
        forms.setdefault(_norm(c.text), _display(" ".join(c.text.split())))
    keys = sorted(forms, key=lambda k: (-len(k.split()), -len(k)))
    canon: dict[str, str] = {}
    for key in keys:
        words = key.split()
        longer = [k for k in keys if len(k.split()) > len(words) and canon.get(k, k) == k]
        ends = [k for k in longer if k.split()[-len(words) :] == words]
        starts = [k for k in longer if k.split()[: len(words)] == words]
        if len(ends) == 1:
            canon[key] = ends[0]
        elif not ends and len(starts) == 1:
            canon[key] = starts[0]
        elif len(ends) > 1:
            canon[key] = "?"  # shared surname: resolved per mention below
        else:
            canon[key] = key
    people: dict[str, Participant] = {}
    recent: dict[str, int] = {}
    for c in cands:
        key = _norm(c.text)
        target = canon[key]
        if target == "?":
            words = key.split()
            options = [
                k for k in keys if len(k.split()) > len(words) and k.split()[-len(words) :] == words
            ]
            before = [k for k in options if k in recent]
            target = max(before, key=recent.__getitem__) if before else key
        recent[target] = c.start
        person = people.get(target)
        if person is None:
            person = people[target] = Participant(forms.get(target, forms[key]), None)
        person.mentions.append(Mention(c.start, c.end))
        if person.role is None and c.role:
            person.role = c.role
    for person in people.values():
        person.mentions.sort(key=lambda m: m.start)
    return list(people.values())


def _entities(ents: tuple[Span, ...], labels: set[str]) -> list[Entity]:
    merged: dict[str, Entity] = {}
    for ent in ents:
        if ent.label_ in labels:
            name = " ".join(ent.text.split())
            if name.endswith(_POSSESSIVE):
                name = name[:-2]
            if name.lower().startswith("the "):
                name = name[4:]
            if not name:
                continue
            mention = Mention(ent.start_char, ent.end_char)
            merged.setdefault(name, Entity(name)).mentions.append(mention)
    return list(merged.values())
