"""People (with the role the text gives them), places and organizations of one document.

People start from spaCy PERSON entities, which rules measured on CoNLL-style news then clean
and complete (``python -m generator.evaluation.participants FILE --ablation`` shows what
each rule family is worth):

* spans are cut at line breaks, numbers, dashes, quotes and cricket notation, and lose
  leading courtesy titles, role words and demonyms ("Defender Paul Smith", "Russian
  Vladimir Putin", "House Speaker ...") and a trailing possessive; hyphenated parts and
  regnal numbers the tagger cut off are taken back ("Kang Young-hoon", "Henry VIII");
* a candidate is rejected when it is a known country/city/state, a common non-name word,
  an organization-looking phrase, a string the same document mostly tags as a place or
  organization, a team in a results or standings row, a one-word name the text uses as a
  place ("in Volgograd", a dateline) or a company/club ("X Holdings Inc", "club X",
  "X-based", "X striker", "X's <known full name>"); such rejects go to places or
  organizations instead;
* names the tagger misses are recovered from real news layouts: results tables ("Name
  (Country) 12.71", "287 Name 70 76 71 70", "P. Simmons 4-38", "c Vaas b Chandana",
  "Gough 8-0-39-3"), line-ups ("8 - Name", "(Name, 75)"), wire signatures and bylines,
  role words before a name ("spokesman Glyn Davies"), comma lists in which most items are
  already people, a given name written before a known surname, and, once a person is
  known, their other mentions, including all-caps headlines;
* mentions merge into one person per document: a shorter form joins the one longer name
  that ends (else starts) with it, or that only adds middle names ("Robert Mugabe" ->
  "Robert Gabriel Mugabe"); titles ("Cde"), "Jr."/"III" and Arabic particles ("al-")
  do not count; a surname shared by two people joins the nearest full name before it,
  never both;
* finally, entries the document shows to be no person are dropped (a wrong person on the
  site is worse than a missing one): craft ("Space Shuttle X"); names ending in a place,
  medium or organization word ("Causeway Bay", "Manila Bulletin") unless a title or a
  strong cue says person; names that most mentions put after "the" or a work/medium/group
  noun, before a place/vehicle word ("Mack truck"), or that are an organization's bracketed
  short form; and one-word names, demonym plurals, names after "in/at/near" or listed
  beside a rejected place, unless a cue says person ("X said", "their son, X", "Mr. X",
  "X, 45,", a title, a conjunct of a known person, a layout pattern). Rejected names with a
  place or organization last word go to places or organizations.

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
    MEDIA_ORG_HEADS,
    NAME_PREFIXES,
    NAME_SUFFIXES,
    NOT_NAMES,
    NOT_PERSON_BEFORE,
    NOT_PERSON_HEADS,
    ORG_WORDS,
    PARTICLES,
    PERSON_NOUNS,
    PERSON_TRIGGERS,
    PLACE_FIRST_WORDS,
    PLACE_HEADS,
    PLACES,
    ROLE_HEADS,
    ROLE_WORDS,
    SAY_VERBS,
    VEHICLE_WORDS,
)

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
# A token of a dateline glued to a given name: "(CNN)Andrew" before "Paul Tahmooressi".
_GLUED_NAME = re.compile(r"^\(?[A-Z]{2,}\)([A-Z][a-z]+)$")
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
_NAME_BRACKET = re.compile(
    r"(?:^|(?<=[\s,;:\-]))("
    + _FULL_NAME
    + r")\s\((?!(?:CNN|AP|AFP|Reuters|UPI|BBC)\))[^()\n]{1,60}\)",
    re.M,
)
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
        while run and (
            (run[-1].is_lower and run[-1].lower_ in PARTICLES) or run[-1].text in ("-", "'", "’")
        ):
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
    # "House Speaker John Boehner": a role word further in, with a two-word name after it
    for j in range(len(run) - 3, i - 1, -1):
        if run[j].lower_ in ROLE_WORDS and run[j].lower_ in ROLE_HEADS:
            return run[: j + 1], run[j + 1 :]
    return run[:i], run[i:]


def _glued_name(tok: Token) -> bool:
    """ "CNN)Andrew": a dateline glued to the given name of the name that follows."""
    m = _GLUED_NAME.search(tok.text)
    return bool(
        m
        and tok.whitespace_
        and not tok.vocab[m.group(1).lower()].is_stop
        and not _is_title_word(m.group(1))  # "(CNN)Actress Taraji P. Henson"
    )


def _is_title_word(word: str) -> bool:
    low = word.lower()
    parts = [p for p in low.split("-") if p]
    return (
        low in HONORIFICS
        or low in DEMONYMS
        or bool(parts)
        and all(p in ROLE_WORDS or p in PERSON_TRIGGERS for p in parts)
        or (low.endswith("s") and low[:-1] in ROLE_WORDS)  # "Representatives Darin LaHood"
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
    ["the", "at", "in", "on", "for", "to", "from", "by", "with", "of", "and", "it", "is", "as"]
    + ["but", "last", "next", "when", "after", "before", "while", "then", "also"]
    + ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
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
    if len(parts) > 1 and parts[0] in PLACE_FIRST_WORDS:
        return True  # "Lake Nicaragua", "Punta Gorda"
    if len(parts) > 1 and parts[0] in COUNTRIES and parts[0] not in _GIVEN_NAME_COUNTRIES:
        return True  # "Bangladesh Lamps" (but "Trevor Holland" is a person)
    last = low.split()[-1]
    if last in NOT_NAMES or (
        "." in low and (last in PLACES or last in DEMONYMS or last.split(".")[-1] in PLACES)
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
            before = doc[name[0].i - 1] if name[0].i > 0 else None
            if before is not None and _glued_name(before):
                name = [before, *name]
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
    # Rejected person candidates that the text shows to be places or organizations.
    extra_places: list[_Cand] = []
    extra_orgs: list[_Cand] = []
    for cand in cands:
        key = _norm(cand.text)
        counts = label_counts.get(key)
        if key in teams:
            extra_orgs.append(cand)
            continue
        if key in PLACES or _venue_label(text, cand.start, cand.end):
            extra_places.append(cand)
            continue
        if _bad_name(cand.text):
            continue
        if counts and counts["OTHER"] > counts["PERSON"] and "ner" in cand.sources:
            continue
        if "ner" in cand.sources and cand.text.isupper() and len(cand.text) > 3:
            continue  # the tagger guesses on all-caps headlines; known names come back later
        kept.append(cand)

    # One-word names that the text uses as places ("in Volgograd", a dateline), unless a
    # longer person name of the document ends or starts with them.
    edge_words = set()
    for c in kept:
        words = _norm(c.text).split()
        if len(words) > 1:
            edge_words.update((words[0], words[-1]))
    single = {c.text.strip() for c in kept if " " not in c.text.strip()}
    places_here = _place_like(text, {w for w in single if _norm(w) not in edge_words})
    orgs_here = _org_like(
        text,
        {
            c.text.strip()
            for c in kept
            if "ner" in c.sources and (" " in c.text.strip() or _norm(c.text) not in edge_words)
        },
    )
    final = []
    for cand in kept:
        if _norm(cand.text) in places_here:
            extra_places.append(cand)
        elif cand.text.strip() in orgs_here and "ner" in cand.sources:
            extra_orgs.append(cand)
        else:
            final.append(cand)
    final = _drop_possessors(text, final)
    final = _complete_names(doc, final)
    final = _expand_lists(text, final, other_spans)
    final = _coordinated(text, final, other_spans, teams)
    kept = _propagate(doc, final, other_spans)
    cued = {c.start for c in kept if c.sources - {"ner", "propagated", "completed"}}
    merged = _merge(kept)
    people = _not_people(doc, merged, cued, other_spans)
    # Rejected names whose last word says place or organization go there instead.
    kept_ids = {id(p) for p in people}
    for person in merged:
        if id(person) in kept_ids:
            continue
        kind = _entity_kind(person.name)
        if kind:
            target = extra_places if kind == "place" else extra_orgs
            target.extend(_Cand(m.start, m.end, text[m.start : m.end]) for m in person.mentions)
    person_chars = bytearray(len(text) + 1)
    for person in people:
        for m in person.mentions:
            person_chars[m.start : m.end] = b"\x01" * (m.end - m.start)
    places = _entities(ents, _PLACE_LABELS, person_chars, extra_places)
    orgs = _merge_short_orgs(_entities(ents, _ORG_LABELS, person_chars, extra_orgs))
    return people, places, orgs


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
        if (tok.text != first and not _glued_name(tok)) or doc.vocab[low].is_stop:
            continue
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
# "Todung Mulya Lubis, who represents the pair": "who" is said of people (firms take "which").
_WHO = re.compile(r"(?<![\w'’.-])(" + _FULL_NAME + r"),\s+who\s")
_PLACE_CONTEXT = re.compile(r"\b(?:in|at|near|from|outside|inside|town of|city of|village of)$")


_CORP_SUFFIX = (
    r"(?:Inc|Corp|Corporation|Co|Ltd|Limited|LLC|Plc|PLC|plc|S\.A\.|SA|AB|AG|NV|N\.V\.|SpA|"
    r"GmbH|Bancorp|Holdings|Group|International)\b"
)
_ORG_AFTER = re.compile(
    r"(?:\s+&?\s*[A-Z][A-Za-z.]+){0,3}\s+"
    + _CORP_SUFFIX
    + r"|(?:'s)?\s+(?:striker|skipper|midfielder|defender|goalkeeper|winger|fullback|batsman|"
    r"bowler|shares|stock|stocks|ceo|executives|workers|employees|sanatorium)\b"
)
_ORG_BEFORE = re.compile(
    # a "writing team" is no sports team
    r"(?:\b(?:(?<!writing )(?<!legal )(?<!creative )(?<!design )team|"
    r"club|side|company|firm|group|bank|carrier|airline|agency|newspaper|daily|"
    r"weekly|magazine|manufacturer|carmaker|insurer|retailer|brokerage|"
    r"shares in|shares of|stake in)|-based)\s+$"
)


def _occurrences(text: str, names: set[str], flags: int = 0):
    """Every occurrence of any of the names, in one pass over the text."""
    if not names:
        return
    pattern = re.compile(
        r"(?<![\w-])(?=("
        + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        + r")(?![\w-]))",
        flags,
    )
    for m in pattern.finditer(text):
        yield m.start(1), m.end(1), m.group(1)


def _org_like(text: str, names: set[str]) -> set[str]:
    """Names the text uses as a company, club or institution: "Magna International Inc",
    "Ontario-based Magna", "Belgian club Standard Liege", "Norwich striker"."""
    found = set()
    for start, end, name in _occurrences(text, names):
        if name not in found and (
            _ORG_AFTER.match(text, end, end + 60)
            or _ORG_BEFORE.search(text[max(0, start - 30) : start])
        ):
            found.add(name)
    return found


def _place_like(text: str, names: set[str]) -> set[str]:
    """One-word names (casefolded) the text uses as places: "in Volgograd", a dateline."""
    found = set()
    for start, end, name in _occurrences(text, names, re.I):
        key = name.casefold()
        if key in found:
            continue
        before = text[max(0, start - 16) : start].rstrip()
        line_start = text.rfind("\n", 0, start) + 1
        after = text[end : end + 40]
        if _PLACE_CONTEXT.search(before) or (
            line_start == start and re.match(r"[, A-Za-z.]*\d{4}-\d\d-\d\d", after)
        ):
            found.add(key)
    return found


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


_STRONG = {"signature", "byline", "trigger", "demonym", "lineup", "nickname", "bracket", "who"}


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
            if src == "who":
                continue  # says person, not where the name starts ("Democrat Walter Mondale")
            if inner and not _bad_name(name) and not _clashes(text, start, end, other):
                for c in inner:
                    cands.remove(c)
                role = next((c.role for c in inner if c.role), None)
                cands.append(_Cand(start, end, name, role, {src}))
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
                    or (e > end and not text[end:e].strip().startswith(("(", *_POSSESSIVE)))
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


_FULL_NAME_ALONE = re.compile(
    r"(?<![\w'’.-])" + _NAME_WORD + r"(?:\s[A-Z]\.)?" + _FULL_NAME[len(_NAME_WORD) :] + r"(?![\w-])"
)
_COORDINATION = re.compile(r",\s+(?:and\s+)?|\s+and\s+")


def _coordinated(
    text: str, cands: list[_Cand], other: list[tuple[int, int, str]], teams: set[str]
) -> list[_Cand]:
    """ "Felipe Nasri and Marcus Ericsson", "stars Cate Blanchett, Lily James, Richard
    Madden": a full name coordinated with a person's full name names a person too, unless
    the tagger calls it a place, or it is a team or no name."""
    known = {(c.start, c.end) for c in cands}
    groups: list[list[tuple[int, int]]] = []
    for m in _FULL_NAME_ALONE.finditer(text):
        item = (_skip_titles(text, m.start(), m.end()), m.end())
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
                or _bad_name(name)
                or _norm(name) in teams
                or any(" ".join(_norm(name).split()[:k]) in PLACES for k in (1, 2))
                or any(label != "ORG" and s < end and start < e for s, e, label in other)
            ):
                continue
            out.append(_Cand(start, end, name, None, {"coordinated"}))
    return out


def _propagate(doc: Doc, cands: list[_Cand], other: list[tuple[int, int, str]]) -> list[_Cand]:
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
    """Title-case an all-caps name for display ("ROBERTO DURAN" -> "Roberto Duran"); short
    acronyms and dotted abbreviations stay as written ("IRGC", "U.S.")."""
    if name.isupper() and (len(name) > 4 or " " in name):
        return " ".join(w if "." in w else w.capitalize() for w in name.split())
    return name


def _merge_words(key: str) -> tuple[str, ...]:
    """The words of a casefolded name that identify the person: courtesy titles,
    generational suffixes ("Jr.", "III") and Arabic particles ("al-", "bin") left out."""
    words = [w.strip(",") for w in key.split()]
    while len(words) > 1 and words[0] in HONORIFICS:
        words = words[1:]
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words = words[:-1]
    out = []
    for w in words:
        for p in NAME_PREFIXES:
            if w.startswith(p) and len(w) > len(p) + 1:
                w = w[len(p) :]
                break
        if len(words) > 1 and w in ("al", "el", "bin", "ibn", "bint"):
            continue
        out.append(w)
    return tuple(out) or tuple(words)


def _suffix(key: str) -> str:
    last = key.split()[-1].strip(",")
    return last.rstrip(".") if last in NAME_SUFFIXES else ""


def _merge(cands: list[_Cand]) -> list[Participant]:
    cands = sorted(cands, key=lambda c: c.start)
    # Distinct full forms, longest first: a form contained as a word suffix/prefix of a
    # longer one joins it when that longer one is unique; so does a form that only lacks
    # middle names ("Robert Mugabe" -> "Robert Gabriel Mugabe"). Titles, "Jr." and Arabic
    # particles do not count ("Cde Mugabe", "DeBartolo Jr.", "al-Muhandis").
    forms = {}
    for c in cands:
        forms.setdefault(_norm(c.text), _display(" ".join(c.text.split())))
    mwords = {k: _merge_words(k) for k in forms}
    keys = sorted(forms, key=lambda k: (-len(mwords[k]), -len(k)))
    # each longer form indexed under its word suffixes and prefixes
    by_suffix: dict[tuple[str, ...], list[str]] = defaultdict(list)
    by_prefix: dict[tuple[str, ...], list[str]] = defaultdict(list)
    by_ends: dict[tuple[str, str], list[str]] = defaultdict(list)
    for k in keys:
        w = mwords[k]
        for n in range(1, len(w)):
            by_suffix[w[-n:]].append(k)
            by_prefix[w[:n]].append(k)
        if len(w) > 2:
            by_ends[(w[0], w[-1])].append(k)
    canon: dict[str, str] = {}
    for key in keys:
        words = mwords[key]
        same = [
            k
            for k in keys
            if k != key
            and mwords[k] == words
            and canon.get(k) == k
            and _suffix(k) in (_suffix(key), "")  # "John Smith Sr." is not "John Smith Jr."
            and _suffix(key) in (_suffix(k), "")
        ]
        if same:  # "Edward J. DeBartolo" and "Edward J. DeBartolo Jr."
            canon[key] = same[0]
            continue
        ends = [k for k in by_suffix.get(words, ()) if canon.get(k, k) == k]
        starts = [k for k in by_prefix.get(words, ()) if canon.get(k, k) == k]
        middle = []
        if len(words) == 2:
            middle = [k for k in by_ends.get((words[0], words[1]), ()) if canon.get(k, k) == k]
        if len(ends) == 1:
            canon[key] = ends[0]
        elif not ends and len(starts) == 1:
            canon[key] = starts[0]
        elif len(ends) > 1:
            canon[key] = "?"  # shared surname: resolved per mention below
        elif len(middle) == 1:
            canon[key] = middle[0]
        else:
            canon[key] = key
    people: dict[str, Participant] = {}
    recent: dict[str, int] = {}
    for c in cands:
        key = _norm(c.text)
        target = canon[key]
        if target == "?":
            options = [canon.get(k, k) for k in by_suffix.get(mwords[key], [])]
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


def _merge_short_orgs(orgs: list[Entity]) -> list[Entity]:
    """ "Veltrix" joins "Veltrix Holdings Inc" when it is the only longer name starting so."""
    out = []
    for org in orgs:
        if " " not in org.name:
            longer = [o for o in orgs if " " in o.name and o.name.split()[0] == org.name]
            if len(longer) == 1:
                longer[0].mentions.extend(org.mentions)
                longer[0].mentions.sort(key=lambda m: m.start)
                continue
        out.append(org)
    return out


def _entities(
    ents: tuple[Span, ...], labels: set[str], person_chars: bytearray, extra: list[_Cand]
) -> list[Entity]:
    """Places or organizations merged by name (case, "the" and possessive ignored); spans
    that the people rules took are left out, and rejected person candidates that the text
    uses as places or organizations are added."""
    spans = [(e.start_char, e.end_char, e.text) for e in ents if e.label_ in labels]
    spans += [(c.start, c.end, c.text) for c in extra]
    merged: dict[str, Entity] = {}
    seen: set[tuple[int, int]] = set()
    for start, end, raw in sorted(spans):
        if (start, end) in seen or any(person_chars[start:end]):
            continue
        seen.add((start, end))
        name = " ".join(raw.split())
        if name.endswith(_POSSESSIVE):
            name = name[:-2]
        if name.lower().startswith("the "):
            name = name[4:]
        if not name:
            continue
        entity = merged.get(name.casefold())
        if entity is None:
            entity = merged[name.casefold()] = Entity(_display(name))
        elif entity.name.isupper() and not name.isupper():
            entity.name = name
        entity.mentions.append(Mention(start, end))
    return list(merged.values())


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
_PERSON_MODIFIED = frozenset(
    ["campaign", "administration", "presidency", "family", "aides", "camp", "government"]
)
_ROMAN_LOW = frozenset(r.lower() for r in _ROMAN)


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
        and not (nxt is not None and nxt.text in _POSSESSIVE)
    )
    return False, weak


def _entity_kind(name: str) -> str | None:
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


def _not_people(
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
    text = doc.text
    place_labels = {_norm(text[s:e]) for s, e, label in other_spans}
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
    for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text):
        if (m.start(), m.end()) in mine:
            continue
        before = text[max(0, m.start() - 8) : m.start()].split()
        if before and before[-1].lower() in _PLACE_PREPS:
            return True
        if any(
            s < m.end() and m.start() < e and label in _PLACE_LABELS for s, e, label in other_spans
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
