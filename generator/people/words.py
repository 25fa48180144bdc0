"""The people stage's word lists, kept as data in ``data/en/*.txt`` (one concept a file).

Lower-case throughout. Countries, major cities and regions are the ones that news text most
often shows; they are used only to reject person candidates, never to create places. A file's
first lines say what it holds and how to add an entry.
"""

from __future__ import annotations

from ..nlp import table, words


def _people(name: str) -> frozenset[str]:
    return words(name, "people")


# Occupations: a role before a name and in an apposition ("drummer X", "X, a biologist").
OCCUPATIONS = _people("occupations")
# Relations to another person: "X's wife Y" gives Y the role "wife of X".
RELATIONS = _people("relations")
HONORIFICS = _people("honorifics")
ROLE_WORDS = _people("role_words") | OCCUPATIONS
ROLE_HEADS = _people("role_heads") | OCCUPATIONS
NATIONALITIES = _people("demonyms")
FAITHS = _people("faiths")
TITLE_MODIFIERS = _people("title_modifiers")
# Words news puts before a name that are no part of it ("Russian", "Catholic", "former").
DEMONYMS = NATIONALITIES | FAITHS | TITLE_MODIFIERS
COUNTRIES = _people("countries")
PLACES = COUNTRIES | _people("cities_and_regions")
# Weekdays and months come from the date stage's lists (kept once): full names and the
# forms written without a full stop, but not "may", which is also a first name.
WEEKDAYS = frozenset(table("weekdays", "dates"))
MONTH_WORDS = frozenset(
    form
    for name, forms in table("months", "dates").items()
    for form in (name, *forms)
    if not form.endswith(".") and form != "may"
)
NOT_NAMES = _people("not_names") | WEEKDAYS | MONTH_WORDS
PARTICLES = frozenset(table("name_particles", "people")["inside_name"])
ORG_WORDS = _people("org_words")
PERSON_TRIGGERS = _people("person_triggers")
NAME_SUFFIXES = _people("name_suffixes")
NAME_PREFIXES = tuple(table("name_particles", "people")["merge_ignored"])  # for startswith
PERSON_NOUNS = _people("person_nouns")
# Verbs whose subject is mostly a person or a speaking body ("Madonna said", "Wong told").
SAY_VERBS = frozenset(table("say_verbs")["person_subject"])
VEHICLE_WORDS = _people("vehicle_words")
NOT_PERSON_BEFORE = _people("not_person_before")
PLACE_FIRST_WORDS = _people("place_first_words")
# Last words that send a rejected person candidate to places or to organizations instead.
PLACE_HEADS = _people("not_person_place_heads")
MEDIA_ORG_HEADS = _people("not_person_org_heads")
# A name ending in one of these, or followed by one, is a place, facility, organization,
# medium, work or vehicle ("Causeway Bay", "Manila Bulletin", "Mack truck").
NOT_PERSON_HEADS = PLACE_HEADS | MEDIA_ORG_HEADS | _people("not_person_thing_heads")
