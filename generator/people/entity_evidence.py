"""Evidence from the text that adds, joins or retypes places and organizations, beyond what
the tagger labels (``entities.clean`` then removes what is no name). Each rule is one family
of ``rules.ENTITIES``, switchable by name:

- ``known_organization``: names the small model rarely tags as organizations ("posted on
  Twitter" is a PERSON to it) are organizations wherever the text writes them
  (``known_organizations.txt``), and never places;
- ``org_used_as_place``: a one-word "organization" that the text uses as a place ("the town of
  Pandeglang", "airlifted from Omsk to Berlin", "Chelyabinsk regional governor") is a place,
  unless a word of the organization lists names it;
- ``campus``: a university named with its campus ("University of California, San Diego",
  "University of Texas at Tyler") and a court with its district ("District Court for the
  Western District of Virginia") are one name, which the tagger cuts in two;
- ``cross_kind_short_form``: a "place" that the document's only organization starting with
  it shortens ("Monmouth" of "Monmouth University") is that organization, unless it is a
  known place;
- ``bracket_acronym``: "Federal Security Service (FSB)" makes FSB that organization whatever
  its letters; an acronym of common nouns or a title ("liquid natural gas (LNG)", "Israeli
  Grand Master (GM)") is no organization;
- ``two_names``: two names the tagger ran together ("Public Image Ltd. Cream", "Blues
  Incorporated for The Rolling Stones") keep the first; a comma list ("Alliance, Reform") is
  no name;
- ``place_in_org_name``: a place inside one of the document's organization names as the text
  writes it ("Canada" of "Environment Canada") is a mention of that organization.
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Span

from ..nlp import vocabulary
from ..record import Entity, Mention
from .entities import key, variants, word_list, word_lists
from .names import Candidate
from .rules import switchable
from .words import COUNTRIES, PLACES

# The families of this module (the others of ``rules.ENTITIES`` run in ``entities.clean``).
RULES = (
    "known_organization",
    "org_used_as_place",
    "campus",
    "cross_kind_short_form",
    "bracket_acronym",
    "two_names",
    "place_in_org_name",
)
_TAGGED = {"ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "NORP"}


@functools.cache
def known_organizations() -> tuple[str, ...]:
    return vocabulary.entries("known_organizations", "people")


@functools.cache
def _known_pattern() -> re.Pattern[str]:
    names = sorted(known_organizations(), key=len, reverse=True)
    return re.compile(r"(?<![\w@#-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")


@functools.cache
def known_keys() -> frozenset[str]:
    return frozenset(key(n) for n in known_organizations())


@switchable("known_organization", off=lambda text, ents: [])
def known_organization_mentions(text: str, ents: tuple[Span, ...]) -> list[Candidate]:
    """Every occurrence of a known organization that no other tagged span holds ("Google
    Maps" is a product: the tagger's wider span wins)."""
    spans = [(e.start_char, e.end_char) for e in ents if e.label_ in _TAGGED]
    found = []
    for m in _known_pattern().finditer(text):
        start, end = m.span()
        if any(s < end and start < e and (s, e) != (start, end) for s, e in spans):
            continue
        found.append(Candidate(start, end, m.group(0)))
    return found


_PLACE_BEFORE = re.compile(
    # not "in X": "in Congress", "in Parliament" are bodies
    r"\b(?:town|city|village|province|region|district|county|port|capital|regions?) of\s+$"
)
_PLACE_AFTER = re.compile(r"\s+(?:regional|province|oblast|region)\b|['’]s\s+(?:governor|mayor)\b")
# a journey, not a change of side ("moved from Hamas to Fatah" is said of members too)
_FROM_BEFORE = re.compile(
    r"\b(?:airlifted|flown|flew|transferred|evacuated|travell?ed|driven|drove|sailed) from\s+$"
)
_TO_BEFORE = re.compile(r"\b(?:redirected|diverted|flown|airlifted|evacuated) to\s+$")


def _used_as_place(text: str, mention: Mention) -> bool:
    before = text[max(0, mention.start - 30) : mention.start]
    after = text[mention.end : mention.end + 30]
    if _PLACE_BEFORE.search(before) or _TO_BEFORE.search(before):
        return True
    if _FROM_BEFORE.search(before):
        return bool(re.match(r"\s+to\s+[A-Z]", after))
    return bool(_PLACE_AFTER.match(after))


def _org_vocabulary() -> frozenset[str]:
    return word_lists("org_heads", "org_words", "generic_entity_words", "not_person_org_heads")


@switchable("known_organization", off=lambda places, orgs: (places, orgs))
def known_organizations_out_of_places(
    places: list[Entity], orgs: list[Entity]
) -> tuple[list[Entity], list[Entity]]:
    """A known organization the tagger called a place is an organization (one entry)."""
    by_key = {key(o.name): o for o in orgs}
    kept = []
    for place in places:
        k = key(place.name)
        if k not in known_keys():
            kept.append(place)
        elif k in by_key:
            org = by_key[k]
            org.mentions = sorted({*org.mentions, *place.mentions}, key=lambda m: m.start)
        else:
            orgs = [*orgs, place]
    return kept, orgs


@switchable("org_used_as_place", off=lambda text, orgs: (orgs, []))
def places_by_context(text: str, orgs: list[Entity]) -> tuple[list[Entity], list[Entity]]:
    """(organizations kept, organizations the text uses as places)."""
    kept, moved = [], []
    for org in orgs:
        k = key(org.name)
        if (
            " " not in k
            and not org.name.isupper()
            and k not in _org_vocabulary()
            and k not in known_keys()
            and any(_used_as_place(text, m) for m in org.mentions)
        ):
            moved.append(org)
        else:
            kept.append(org)
    return kept, moved


_CAMPUS = re.compile(r"(?P<join>(?:,\s+|\s+at\s+)(?P<campus>[A-Z][\w-]+(?: [A-Z][\w-]+){0,2}))")
_DISTRICT = re.compile(
    r"(?P<join>\s+for\s+the\s+(?P<campus>(?:[A-Z][\w.'-]+\s+){1,3}District\s+of"
    r"(?:\s+[A-Z][\w.'-]+){1,3}))"
)


_CAMPUS_NAME = re.compile(r"(?:[Tt]he )?University of [A-Z]")


def _campus_end(text: str, name: str, end: int) -> int | None:
    """Where a university's campus or a court's district ends, after the cut name."""
    if _CAMPUS_NAME.match(name) or name.endswith("University"):
        m = _CAMPUS.match(text, end)
        if m:
            campus = key(m.group("campus"))
            if campus not in COUNTRIES and variants().get(campus, ("", ""))[1] != "place":
                return m.end()
    if name.endswith(("Court", "Court of Appeals")):
        m = _DISTRICT.match(text, end)
        if m:
            return m.end()
    return None


@switchable("campus", off=lambda text, places, orgs: (places, orgs))
def join_campuses(
    text: str, places: list[Entity], orgs: list[Entity]
) -> tuple[list[Entity], list[Entity]]:
    """Universities with their campus and courts with their district, as one organization;
    the campus and the district are then no place of their own."""
    joined: dict[str, Entity] = {}
    taken: list[tuple[int, int]] = []
    kept = []
    for org in orgs:
        rest, into = [], None
        for m in org.mentions:
            end = _campus_end(text, text[m.start : m.end], m.end)
            if end is None:
                rest.append(m)
                continue
            name = re.sub(r"^[Tt]he ", "", " ".join(text[m.start : end].split()))
            into = joined.setdefault(name, Entity(name, []))
            into.mentions.append(Mention(m.start, end))
            taken.append((m.start, end))
        if into and not any(key(text[m.start : m.end]) == key(org.name) for m in rest):
            # only short forms were left ("the University"): they are the campus's
            into.mentions = sorted([*into.mentions, *rest], key=lambda m: m.start)
        elif rest:
            org.mentions = rest
            kept.append(org)
    if not joined:
        return places, orgs
    for place in places:
        place.mentions = [m for m in place.mentions if not any(s <= m.start < e for s, e in taken)]
    return [p for p in places if p.mentions], [*kept, *joined.values()]


_PLACED_BEFORE = re.compile(r"\b(?:in|from|at|near|to|of)\s+$")
_PLACED_AFTER = re.compile(r",\s+[A-Z]")


def _placed(text: str, mention: Mention) -> bool:
    """ "from Irving, Texas", "in Irving": the text places the name."""
    before = text[max(0, mention.start - 10) : mention.start]
    return bool(_PLACED_BEFORE.search(before) or _PLACED_AFTER.match(text, mention.end))


@switchable("cross_kind_short_form", off=lambda text, places, orgs: (places, orgs))
def short_forms_across_kinds(
    text: str, places: list[Entity], orgs: list[Entity]
) -> tuple[list[Entity], list[Entity]]:
    """A place that is the first words of the document's only organization that starts
    with it ("Monmouth" of "Monmouth University") joins that organization."""
    kept = []
    for place in places:
        k = key(place.name)
        longer = [
            o
            for o in orgs
            if key(o.name).startswith(k + " ") and key(o.name).split()[-1] in word_list("org_heads")
        ]
        if (
            len(longer) == 1
            and k not in PLACES
            and k not in variants()
            and not any(_placed(text, m) for m in place.mentions)
        ):
            target = longer[0]
            target.mentions = sorted({*target.mentions, *place.mentions}, key=lambda m: m.start)
        else:
            kept.append(place)
    return kept, orgs


_DEFINED = re.compile(r"\(([A-Z][A-Z&]{1,6})\)")
_LONG_WORD = re.compile(r"(?:[A-Z][\w'’.-]*|of|and|for|the|on|de|&)$")
_CONNECTORS = frozenset(["of", "and", "for", "the", "on", "de", "&"])


def _long_form(text: str, start: int, acronym: str) -> tuple[str, bool]:
    """The words that a bracketed acronym stands for, and whether they are common nouns
    ("liquid natural gas (LNG)"): their initials spell it and they are written in lower case."""
    words = text[max(0, start - 120) : start].split()
    lower = [w for w in words[-len(acronym) :] if w.isalpha()]
    if (
        len(lower) == len(acronym)
        and all(w.islower() for w in lower[1:])
        and "".join(w[0] for w in lower).upper() == acronym
    ):
        return " ".join(lower), True
    run: list[str] = []
    for word in reversed(words):
        if not _LONG_WORD.match(word):
            break
        run.insert(0, word)
    while run and run[0] in _CONNECTORS:
        run.pop(0)
    return " ".join(run), False


def _named(long: str, by_key: dict[str, Entity]) -> Entity | None:
    """The organization that the long form ends with ("the Federal Security Service")."""
    words = long.split()
    for i in range(len(words)):
        if words[i][:1].isupper() and key(" ".join(words[i:])) in by_key:
            return by_key[key(" ".join(words[i:]))]
    return None


@switchable("bracket_acronym", off=lambda text, places, orgs: (places, orgs))
def acronyms_by_definition(
    text: str, places: list[Entity], orgs: list[Entity]
) -> tuple[list[Entity], list[Entity]]:
    """ "Federal Security Service (FSB)": the acronym is that organization, whatever its
    letters; "liquid natural gas (LNG)", "Israeli Grand Master (GM)": it is none."""
    from .entities import is_no_name

    defined: dict[str, tuple[str, bool]] = {}
    for m in _DEFINED.finditer(text):
        defined.setdefault(m.group(1), _long_form(text, m.start(), m.group(1)))
    if not defined:
        return places, orgs
    by_key = {key(o.name): o for o in orgs}
    kept = []
    for org in orgs:
        long, common = defined.get(org.name, ("", False))
        target = None if common else _named(long, by_key)
        last = re.split(r"\b(?:of|and|for|the|on|de)\b|&", long)[-1].strip()
        if common or (last and target is None and is_no_name(last)):
            continue  # a common noun's or a title's short form
        if target is not None and target is not org:
            target.mentions = sorted({*target.mentions, *org.mentions}, key=lambda m: m.start)
            continue
        kept.append(org)
    return [p for p in places if not defined.get(p.name, ("", False))[1]], kept


# A company suffix closing a sentence, the next sentence's first word glued on ("Public Image
# Ltd. Cream"), and a second name after a preposition ("Blues Incorporated for The Rolling
# Stones"): the tagger ran two names together; the first is kept.
_TWO_NAMES = re.compile(
    r"^(?P<first>.+?\b(?:Ltd|Inc|Co|Corp|Bros|Plc|LLC)\.)\s+[A-Z]"
    r"|^(?P<name>.+?)\s+(?:for|to|from|with|and)\s+The\s+[A-Z]"
)


@switchable("two_names", off=lambda orgs: orgs)
def split_two_names(orgs: list[Entity]) -> list[Entity]:
    """Organizations that are two names run together, cut to the first; a list written with
    commas ("Alliance, Reform") is no name (a university's campus is: "University of
    California, San Diego")."""
    kept = []
    for org in orgs:
        m = _TWO_NAMES.match(org.name)
        if m:
            first = m.group("first") or m.group("name")
            org = Entity(first, [Mention(x.start, x.start + len(first)) for x in org.mentions])
        elif ", " in org.name and not _CAMPUS_NAME.match(org.name):
            continue
        kept.append(org)
    return kept


@switchable("place_in_org_name", off=lambda text, places, orgs: (places, orgs))
def places_inside_org_names(
    text: str, places: list[Entity], orgs: list[Entity]
) -> tuple[list[Entity], list[Entity]]:
    """A place mention inside one of the document's organization names, written out
    ("Canada" of "Environment Canada spokesperson", which the tagger cut), is a mention of
    that organization."""
    multi = [o for o in orgs if " " in o.name.strip()]
    if not multi:
        return places, orgs
    spans: list[tuple[int, int, Entity]] = []
    for org in multi:
        for m in re.finditer(r"(?<![\w-])" + re.escape(org.name) + r"(?![\w-])", text):
            spans.append((m.start(), m.end(), org))
    kept = []
    for place in places:
        rest = []
        for m in place.mentions:
            inside = next((o for s, e, o in spans if s <= m.start and m.end <= e), None)
            if inside is None:
                rest.append(m)
            elif all(x.start != m.start for x in inside.mentions):
                hit = next((s, e) for s, e, o in spans if o is inside and s <= m.start < e)
                inside.mentions = sorted({*inside.mentions, Mention(*hit)}, key=lambda x: x.start)
        if rest:
            place.mentions = rest
            kept.append(place)
    return kept, orgs
