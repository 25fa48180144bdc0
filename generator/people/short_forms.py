"""Short forms of a document's place and organization names (the ``short_form`` rule of
``entities.clean``): an acronym ("FEMA"), a name without its place ("Senate" of "Puerto Rico
Senate"), without its head ("Abaco" of "Abaco Islands", "Thai Raksa Chart" of "Thai Raksa Chart
Party": ``droppable_heads.txt``) or without middle words ("Expediency
Council" of "Iranian Expediency Discernment Council") joins the only longer name of the
document it shortens, and a short form of two or more of them is not listed (it is one of
them, which the page already shows); one long word spelt two ways is one name."""

from __future__ import annotations

from ..record import Entity
from .entities import ADJECTIVE_WORDS, key, variants, word_lists
from .words import DEMONYMS, PLACES

_INITIAL_SKIP = frozenset(["of", "and", "the", "for", "de", "on", "in", "&"])


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w.lower() not in _INITIAL_SKIP).upper()


def _is_qualifier(words: list[str]) -> bool:
    """Words that only say where ("Puerto Rico", "U.S.", "Israeli") before a body's name."""
    k = key(" ".join(words))
    return bool(words) and (
        k in PLACES
        or variants().get(k, ("", ""))[1] == "place"
        or all(w in DEMONYMS or w in ADJECTIVE_WORDS for w in k.split())  # "Indian National"
    )


def _abbreviates(short: str, name: str) -> bool:
    """``short`` is ``name``'s initials ("FEMA"), the name without its place ("Senate" of
    "Puerto Rico Senate") or without its head ("Abaco" of "Abaco Islands")."""
    words, other = short.split(), name.split()
    if len(other) <= len(words):
        return False
    if short.isupper() and short.isalpha() and _initials(name) == short:
        return True
    tail = key(" ".join(other[-len(words) :]))
    head = other[: -len(words)]
    plain_head = not any(w.islower() for w in head)  # not "Blues Incorporated for The ..."
    if tail == key(short) and (len(words) > 1 and plain_head or _is_qualifier(head)):
        return True  # "Judiciary Committee" of "House Judiciary Committee"
    if len(words) == 1 and key(other[0]) == key(short) and other[1].lower() == "of":
        return True  # "House" of "House of Representatives"
    heads = word_lists("place_heads", "generic_entity_words")
    if (
        len(words) == 1
        and len(other) == 2
        and key(other[0]) == key(short)
        and (key(other[1]) in heads)
    ):
        return True
    if (
        len(words) >= 2
        and len(other) == len(words) + 1
        and key(" ".join(other[:-1])) == key(short)
        and key(other[-1]) in word_lists("droppable_heads")
    ):
        return True  # "Thai Raksa Chart" of "Thai Raksa Chart Party"
    return _without_middle_words(short, name)


def _without_middle_words(short: str, name: str) -> bool:
    """ "Expediency Council" of "Iranian Expediency Discernment Council", "US Federation" of
    "United States Chess Federation": two words or more, the same head word, every word in
    the longer name's order (a leading place variant read as its canonical name)."""
    words, other = merge_key(short).split(), merge_key(name).split()
    if len(words) < 2 or len(other) <= len(words) or words[-1] != other[-1]:
        return False
    rest = iter(other)
    return all(w in rest for w in words)


def _shortens_several(short: str, names: list[str]) -> bool:
    return sum(1 for name in names if _abbreviates(short, name)) > 1


def _longer_form(short: str, names: list[str]) -> str | None:
    """The only longer name of the document that ``short`` abbreviates."""
    found = {name for name in names if _abbreviates(short, name)}
    return found.pop() if len(found) == 1 else None


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (for short words)."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def merge_short_forms(entities: dict[str, Entity]) -> None:
    by_name = {e.name: k for k, e in entities.items()}
    for k, entity in list(entities.items()):
        longer = _longer_form(entity.name, list(by_name))
        if longer is None and _shortens_several(entity.name, list(by_name)):
            entities.pop(k)  # "Chess Club" of two clubs: one of them, which the page shows
            continue
        if longer is not None and by_name[longer] in entities and by_name[longer] != k:
            target = entities[by_name[longer]]
            target.mentions = sorted(
                {*target.mentions, *entities.pop(k).mentions}, key=lambda m: m.start
            )
    # one long word spelt two ways ("Magnitigorsk", "Magnitogorsk") is one place
    by_weight = sorted(
        entities.items(), key=lambda kv: (len(kv[1].mentions), -kv[1].mentions[0].start)
    )
    for k, entity in by_weight:
        if k not in entities or " " in k or len(k) < 8:
            continue
        close = [
            o
            for o in entities
            if o != k and " " not in o and o[0] == k[0] and edit_distance(o, k) == 1
        ]
        if len(close) == 1 and len(entities[close[0]].mentions) >= len(entity.mentions):
            target = entities[close[0]]
            target.mentions = sorted(
                {*target.mentions, *entities.pop(k).mentions}, key=lambda m: m.start
            )


def merge_key(name: str) -> str:
    """The key two forms of one name share: a leading place variant as its canonical name
    ("US Chess Federation" and "United States Chess Federation")."""
    words = key(name).split()
    for n in range(min(3, len(words) - 1), 0, -1):
        canonical = variants().get(" ".join(words[:n]))
        if canonical and canonical[1] == "place":
            return " ".join([key(canonical[0]), *words[n:]])
    return " ".join(words)
