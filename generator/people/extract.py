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

This module runs the stage (``find_participants``); the rules live in ``names`` (name
tokens, titles, the non-name word lists), ``roles`` (roles before and after a name),
``patterns`` (names found from layouts and cues), ``completion`` (completion, lists,
coordination, propagation), ``contexts`` (a name used as a place, company, club or team),
``filters`` (the final no-person verdict) and ``merge`` (one entry per person, place and
organization); ``rules`` names each rule family for ablation, ``words`` and ``data/en/`` hold
the vocabulary.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from spacy.tokens import Doc, Span

from ..nlp import doc_text, words
from ..record import Entity, Participant
from . import (
    entities,
    entity_evidence,
    entity_people,
    title_roles,  # noqa: F401 - the stage wires every rule family it has
)
from . import words as role_words
from .body_nouns import bodies_by_noun
from .completion import complete_names, coordinated_names, expand_lists, propagate
from .contexts import PLACE_LABELS, drop_possessors, org_like, place_like, team_names, venue_label
from .cut_names import drop_cut_names
from .filters import entity_kind, not_people
from .mention_roles import fill_roles
from .merge import merge_entities, merge_people, merge_short_orgs, merge_spellings
from .names import (
    COUNTRY_ABBREVIATIONS,
    POSSESSIVE,
    Candidate,
    bad_name,
    extend_name,
    glued_name,
    hyphen_tail,
    name_runs,
    norm_key,
    strip_prefix,
    widen,
)
from .patterns import add_pattern_candidates
from .roles import (
    role_after,
    role_before,
    role_from_appos_head,
    role_of_phrase_before,
    split_role_of_place,
    yields_to_apposition,
)
from .words import NAME_SUFFIXES, PLACES

_ORG_LABELS = {"ORG"}
_OTHER_LABELS = {"GPE", "LOC", "FAC", "ORG", "NORP"}


def find_participants(doc: Doc) -> tuple[list[Participant], list[Entity], list[Entity]]:
    """People, places and organizations, each merged into one entry per name."""
    text = doc_text(doc)
    ents = doc.ents
    label_counts, other_spans = _labels(doc)
    cands = _tagged_candidates(doc)
    add_pattern_candidates(doc, cands, other_spans)
    teams = team_names(text)
    kept, extra_places, extra_orgs = _first_verdicts(text, cands, label_counts, teams)
    final = _without_contexts(text, kept, extra_places, extra_orgs)
    final = drop_possessors(text, final)
    final = complete_names(doc, final)
    final = expand_lists(text, final, other_spans)
    final = coordinated_names(text, final, other_spans, teams)
    kept = propagate(doc, final, other_spans)
    cued = {c.start for c in kept if c.sources - {"ner", "propagated", "completed"}}
    merged = merge_people(kept)
    people = not_people(doc, merged, cued, other_spans)
    # Rejected names whose last word says place or organization go there instead.
    kept_ids = {id(p) for p in people}
    for person in merged:
        if id(person) in kept_ids:
            continue
        kind = entity_kind(person.name)
        if kind:
            target = extra_places if kind == "place" else extra_orgs
            target.extend(Candidate(m.start, m.end, text[m.start : m.end]) for m in person.mentions)
    people = [p for p in merge_spellings(people) if not _never_a_person(p.name, people)]
    people = outside_marks(text, people)
    relation_roles(text, people)
    for person in people:
        person.role = tidy_role(person.role)
    person_chars = bytearray(len(text) + 1)
    for person in people:
        for m in person.mentions:
            person_chars[m.start : m.end] = b"\x01" * (m.end - m.start)
    extra_orgs.extend(entity_evidence.known_organization_mentions(text, ents))
    places = merge_entities(ents, PLACE_LABELS, person_chars, extra_places)
    orgs = merge_short_orgs(merge_entities(ents, _ORG_LABELS, person_chars, extra_orgs))
    places, orgs = entity_evidence.join_campuses(text, places, orgs)
    places, orgs = drop_cut_names(text, _covered(ents, person_chars, places, orgs), places, orgs)
    orgs = entity_evidence.split_two_names(orgs)
    orgs, used_as_places = entity_evidence.places_by_context(text, orgs)
    places, orgs = entities.clean(text, people, [*places, *used_as_places], orgs)
    places, orgs = entity_evidence.known_organizations_out_of_places(places, orgs)
    places, orgs = bodies_by_noun(text, places, orgs)
    places, orgs = entity_evidence.short_forms_across_kinds(text, places, orgs)
    places, orgs = entity_evidence.acronyms_by_definition(text, places, orgs)
    places, orgs = entity_evidence.places_inside_org_names(text, places, orgs)
    places, orgs = entity_people.tagged_as_people(text, ents, places, orgs, people)
    places, orgs = entity_people.family_names(text, places, orgs)
    places, orgs = entity_people.life_verbs(text, places, orgs)
    fill_roles(doc, people, orgs)
    for person in people:
        person.role = tidy_role(person.role)
    return people, places, orgs


def _covered(
    ents: tuple[Span, ...], person_chars: bytearray, *entity_lists: list[Entity]
) -> bytearray:
    """Per character of the text: a person or other tag (1), a place or body tag (2)."""
    covered = bytearray(person_chars)
    spans = [(e.start_char, e.end_char, 1 + (e.label_ in _OTHER_LABELS - {"NORP"})) for e in ents]
    spans += [(m.start, m.end, 2) for group in entity_lists for e in group for m in e.mentions]
    for start, end, mark in spans:
        covered[start:end] = bytes([mark]) * (end - start)
    for person in (i for i, c in enumerate(person_chars) if c):
        covered[person] = 1
    return covered


def outside_marks(
    text: str, people: list[Participant], rules: entities.Rules | None = None
) -> list[Participant]:
    """People less their mentions inside a speaker mark; a person named only in marks is
    dropped (the page shows the mark as the speaker of a turn, not as a name in the text)."""
    rules = rules or entities.Rules()
    if not rules.on("speaker_mark") or "((" not in text:
        return people
    marks = [m.span() for m in entities.SPEAKER_MARK.finditer(text)]
    kept = []
    for person in people:
        mentions = [m for m in person.mentions if not any(s <= m.start < e for s, e in marks)]
        if mentions or not person.mentions:
            person.mentions = mentions
            kept.append(person)
    return kept


def _labels(doc: Doc) -> tuple[dict[str, Counter[str]], list[tuple[int, int, str]]]:
    # How the document labels each string: a person here is rejected when the same document
    # mostly uses it as a place, team or organization.
    label_counts: dict[str, Counter[str]] = defaultdict(Counter)
    other_spans: list[tuple[int, int, str]] = []
    ents = doc.ents
    for ent in ents:
        key = norm_key(ent.text[:-2] if ent.text.endswith(POSSESSIVE) else ent.text)
        label_counts[key]["PERSON" if ent.label_ == "PERSON" else "OTHER"] += ent.label_ in (
            _OTHER_LABELS | {"PERSON"}
        )
        if ent.label_ in _OTHER_LABELS:
            other_spans.append((ent.start_char, ent.end_char, ent.label_))

    return label_counts, other_spans


def _tagged_candidates(doc: Doc) -> list[Candidate]:
    """The tagger's PERSON spans, cut to names, widened, with the role beside them."""
    text = doc_text(doc)
    ents = doc.ents
    cands: list[Candidate] = []
    for ent in ents:
        if ent.label_ != "PERSON":
            continue
        for run in name_runs(ent):
            prefix, name = strip_prefix(run)
            if not name or (prefix and prefix[-1].text in COUNTRY_ABBREVIATIONS and len(name) < 2):
                continue  # "U.S. Treasury", "U.N. Ambassador"
            name = hyphen_tail(doc, widen(doc, extend_name(doc, name)))
            name, role_of_place = split_role_of_place(doc, name)
            before = doc[name[0].i - 1] if name[0].i > 0 else None
            if before is not None and glued_name(before):
                name = [before, *name]
            start, end = name[0].idx, name[-1].idx + len(name[-1].text)
            if ")" in text[start:end]:  # "(CNN)Jessie Usher": a dateline glued to the name
                start += text[start:end].rindex(")") + 1
            role = role_of_place
            if role is None and (prefix or name[0].i <= ent.start):
                role = role_before(doc, min(run[0].i, name[0].i), prefix)
            if role is None or yields_to_apposition(role):
                role = role_after(doc, name[0].i, name[-1].i + 1) or role
            if role is None:
                role = role_of_phrase_before(doc, name[0].i) or role_from_appos_head(doc, name)
            cands.append(Candidate(start, end, text[start:end], role, {"ner"}))

    return cands


def _first_verdicts(
    text: str, cands: list[Candidate], label_counts: dict[str, Counter[str]], teams: set[str]
) -> tuple[list[Candidate], list[Candidate], list[Candidate]]:
    """Candidates kept, and the rejected ones the text shows to be places or organizations."""
    # Reject strings the document mostly uses for something else, and non-names.
    kept: list[Candidate] = []
    # Rejected person candidates that the text shows to be places or organizations.
    extra_places: list[Candidate] = []
    extra_orgs: list[Candidate] = []
    for cand in cands:
        key = norm_key(cand.text)
        counts = label_counts.get(key)
        if key in teams:
            extra_orgs.append(cand)
            continue
        if key in PLACES or venue_label(text, cand.start, cand.end):
            extra_places.append(cand)
            continue
        if bad_name(cand.text):
            continue
        if counts and counts["OTHER"] > counts["PERSON"] and "ner" in cand.sources:
            continue
        if "ner" in cand.sources and cand.text.isupper() and len(cand.text) > 3:
            continue  # the tagger guesses on all-caps headlines; known names come back later
        kept.append(cand)

    return kept, extra_places, extra_orgs


def _without_contexts(
    text: str, kept: list[Candidate], extra_places: list[Candidate], extra_orgs: list[Candidate]
) -> list[Candidate]:
    """``kept`` less the names the text uses as places or organizations (added to those)."""
    # One-word names that the text uses as places ("in Volgograd", a dateline), unless a
    # longer person name of the document ends or starts with them.
    edge_words = set()
    for c in kept:
        words = norm_key(c.text).split()
        if len(words) > 1:
            edge_words.update((words[0], words[-1]))
    single = {c.text.strip() for c in kept if " " not in c.text.strip()}
    places_here = place_like(text, {w for w in single if norm_key(w) not in edge_words})
    orgs_here = org_like(
        text,
        {
            c.text.strip()
            for c in kept
            if "ner" in c.sources and (" " in c.text.strip() or norm_key(c.text) not in edge_words)
        },
    )
    final = []
    for cand in kept:
        if norm_key(cand.text) in places_here:
            extra_places.append(cand)
        elif cand.text.strip() in orgs_here and "ner" in cand.sources:
            extra_orgs.append(cand)
        else:
            final.append(cand)
    return final


# Last words of events and bodies that the tagger still takes for people (a surname such as
# "Bay" or "Field" is no reason: "Director Michael Bay").
_EVENT_HEADS = words("never_person_heads", "people")


def tidy_role(role: str | None) -> str | None:
    """A role as shown: no cut parenthesis ("Israeli Grand Master (GM"), no edge punctuation."""
    if not role:
        return role
    if role.count("(") > role.count(")"):
        role = role[: role.rindex("(")]
    role = role.strip(" ,;:-–—(")
    return role or None


def _never_a_person(name: str, people: list[Participant]) -> bool:
    """Last checks on a whole name: an event or body by its last word ("Democratic National
    Convention"), a generational suffix first ("Jr. Day" of "Martin Luther King Jr. Day"), a
    running-mate ticket of two people of the text ("Jorgensen-Cohen")."""
    words = norm_key(name).split()
    if words[-1] in _EVENT_HEADS or words[0] in NAME_SUFFIXES:
        return True
    parts = words[-1].split("-") if len(words) == 1 else []
    surnames = {norm_key(p.name).split()[-1] for p in people if " " in p.name}
    return len(parts) == 2 and all(part in surnames for part in parts)


_RELATION_BEFORE = re.compile(
    r"(?P<owner>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})['’]s (?:(?:younger|older|elder|late|"
    r"eldest|youngest|former|estranged) )?(?P<rel>[a-z-]+)(?:,\s*|\s+)$"
)


def relation_roles(text: str, people: list[Participant]) -> None:
    """ "Donald Trump's younger brother Robert", "Mendez's wife Jonna Mendez": a person with
    no role is the relation of the one person of the text the possessive names."""
    relations = role_words.RELATIONS
    for person in people:
        if person.role or not person.mentions:
            continue
        first = person.mentions[0].start
        m = _RELATION_BEFORE.search(text, max(0, first - 80), first)
        if not m or m.end() != first or m["rel"] not in relations:
            continue
        owner = norm_key(m["owner"]).split()
        owners = [
            p
            for p in people
            if p is not person and norm_key(p.name).split()[-len(owner) :] == owner
        ]
        if len(owners) == 1:
            person.role = f"{m['rel']} of {owners[0].name}"
