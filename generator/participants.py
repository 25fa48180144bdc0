"""People (with the role the text gives them), places and organizations of one document.

Baseline: spaCy entities; a one-word person mention joins the multi-word name that ends with
it (else starts with it); a role is the title words right before a full-name mention.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .record import Entity, Mention, Participant

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_ORG_LABELS = {"ORG"}
_ROLE_WORDS = {"president", "minister", "prime", "chancellor", "senator", "governor", "mayor"}


def _clean(span: Span) -> str:
    text = " ".join(span.text.split())
    return text[:-2] if text.endswith(("'s", "’s")) else text


def _role_before(span: Span) -> str | None:
    doc = span.doc
    i = span.start
    words: list[str] = []
    while i > 0 and (doc[i - 1].lower_ in _ROLE_WORDS or (words and doc[i - 1].ent_type_ == "NORP")):
        i -= 1
        words.insert(0, doc[i].text)
    return " ".join(words) or None


def find_participants(doc: Doc) -> tuple[list[Participant], list[Entity], list[Entity]]:
    """People, places and organizations, each merged into one entry per name."""
    people: dict[str, Participant] = {}
    persons = [e for e in doc.ents if e.label_ == "PERSON"]
    full = [_clean(e) for e in persons if len(_clean(e).split()) > 1]
    for ent in persons:
        name = _clean(ent)
        if len(name.split()) == 1:
            name = next((f for f in full if f.split()[-1] == name), None) or next(
                (f for f in full if f.split()[0] == name), name
            )
        person = people.setdefault(name, Participant(name, None))
        person.mentions.append(Mention(ent.start_char, ent.end_char))
        if person.role is None:
            person.role = _role_before(ent)
    return list(people.values()), _entities(doc, _PLACE_LABELS), _entities(doc, _ORG_LABELS)


def _entities(doc: Doc, labels: set[str]) -> list[Entity]:
    merged: dict[str, Entity] = {}
    for ent in doc.ents:
        if ent.label_ in labels:
            name = _clean(ent)
            if name.lower().startswith("the "):
                name = name[4:]
            merged.setdefault(name, Entity(name)).mentions.append(Mention(ent.start_char, ent.end_char))
    return list(merged.values())
