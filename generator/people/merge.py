"""One entry per person, place and organization of a document.

``merge_people`` joins the mentions of people: a shorter form joins the one longer name that ends
(else starts) with it, or that only adds middle names ("Robert Mugabe" -> "Robert Gabriel
Mugabe"); courtesy titles, "Jr."/"III" and Arabic particles ("al-") do not count
(``_merge_words``); a surname shared by two people joins the nearest full name before it,
never both. ``merge_entities`` merges places and organizations by name, leaving out spans that
the people took and adding rejected person candidates that the text uses as places or
organizations; ``merge_short_orgs`` joins "Veltrix" to "Veltrix Holdings Inc".
``_display`` title-cases all-caps names ("ROBERTO DURAN" -> "Roberto Duran").
"""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Span

from ..record import Entity, Mention, Participant
from .names import POSSESSIVE, Candidate, norm_key
from .rules import switchable
from .short_forms import edit_distance
from .words import HONORIFICS, NAME_PREFIXES, NAME_SUFFIXES


def _display(name: str) -> str:
    """Title-case an all-caps name for display ("ROBERTO DURAN" -> "Roberto Duran"); short
    acronyms and dotted abbreviations stay as written ("IRGC", "U.S.")."""
    if name.isupper() and (len(name) > 4 or " " in name):
        return " ".join(w if "." in w else w.capitalize() for w in name.split())
    return name


@switchable("merge_keys", off=lambda key: tuple(key.split()))
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


_Index = dict[tuple[str, ...], list[str]]


def _word_indexes(
    keys: list[str], mwords: dict[str, tuple[str, ...]]
) -> tuple[_Index, _Index, _Index, _Index, _Index]:
    """The forms indexed for ``merge_people``: by word suffix, prefix, first and last word,
    inner surname, and all words (each list in the order of ``keys``)."""
    # each longer form indexed under its word suffixes and prefixes
    by_suffix: dict[tuple[str, ...], list[str]] = defaultdict(list)
    by_prefix: dict[tuple[str, ...], list[str]] = defaultdict(list)
    by_ends: dict[tuple[str, str], list[str]] = defaultdict(list)
    # a given name with an inner surname, and an inner surname alone: "Wanda Vazquez" and
    # "Vazquez" of "Wanda Vazquez Garced" (Spanish names put the father's surname inside)
    by_inner: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for k in keys:
        w = mwords[k]
        for n in range(1, len(w)):
            by_suffix[w[-n:]].append(k)
            by_prefix[w[:n]].append(k)
        if len(w) > 2:
            by_ends[(w[0], w[-1])].append(k)
            for inner in w[1:-1]:
                if len(inner.rstrip(".")) > 1:
                    by_inner[(w[0], inner)].append(k)
                    by_inner[(inner,)].append(k)
    by_words: dict[tuple[str, ...], list[str]] = defaultdict(list)  # in the order of keys
    for k in keys:
        by_words[mwords[k]].append(k)
    return by_suffix, by_prefix, by_ends, by_inner, by_words


def merge_people(cands: list[Candidate]) -> list[Participant]:
    cands = sorted(cands, key=lambda c: c.start)
    # Distinct full forms, longest first: a form contained as a word suffix/prefix of a
    # longer one joins it when that longer one is unique; so does a form that only lacks
    # middle names ("Robert Mugabe" -> "Robert Gabriel Mugabe"). Titles, "Jr." and Arabic
    # particles do not count ("Cde Mugabe", "DeBartolo Jr.", "al-Muhandis").
    forms = {}
    for c in cands:
        forms.setdefault(norm_key(c.text), _display(" ".join(c.text.split())))
    mwords = {k: _merge_words(k) for k in forms}
    keys = sorted(forms, key=lambda k: (-len(mwords[k]), -len(k)))
    by_suffix, by_prefix, by_ends, by_inner, by_words = _word_indexes(keys, mwords)
    canon: dict[str, str] = {}
    for key in keys:
        words = mwords[key]
        same = [
            k
            for k in by_words[words]
            if k != key
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
        if len(words) <= 2 and not middle and not ends and not starts:
            middle = [k for k in by_inner.get(words, ()) if canon.get(k, k) == k]
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
        key = norm_key(c.text)
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


def merge_short_orgs(orgs: list[Entity]) -> list[Entity]:
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


def merge_entities(
    ents: tuple[Span, ...], labels: set[str], person_chars: bytearray, extra: list[Candidate]
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
        if name.endswith(POSSESSIVE):
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


def _spelling_of(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two spellings of one name: the same words but one, close and not short
    ("Borna Deraskhsani" / "Borna Derakhshani", "Hamza bin Ladin" / "Hamza bin Laden")."""
    if len(a) != len(b) or len(a) < 2 or a == b:
        return False
    diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if len(diff) != 1:
        return False
    x, y = diff[0]
    return _close_spelling(x, y)


def _close_spelling(x: str, y: str) -> bool:
    shortest = min(len(x), len(y))
    if not (shortest >= 5 and x[0] == y[0] and edit_distance(x, y) <= (2 if shortest >= 8 else 1)):
        return False
    return _syllables_close(x, y)


@switchable("hyphen_syllables", off=lambda x, y: True)
def _syllables_close(x: str, y: str) -> bool:
    """ "Kwok-kin" and "Kwok-hing" are two given names, not two spellings of one: a
    hyphenated name is compared syllable by syllable, and the syllable that differs must
    itself be long and close enough to be a misspelling."""
    xs, ys = x.split("-"), y.split("-")
    if len(xs) == 1 and len(ys) == 1:
        return True
    if len(xs) != len(ys):
        return False
    parts = [(a, b) for a, b in zip(xs, ys, strict=True) if a != b]
    return len(parts) == 1 and _close_spelling(*parts[0])


def merge_spellings(people: list[Participant]) -> list[Participant]:
    """One person for two spellings of a name in one text, under the more frequent one; then
    a one-word name joins the only person whose name starts or ends with it. Indexed by
    words, so that a text naming thousands of people costs no pair of them each."""
    words_of = {id(p): _merge_words(norm_key(p.name)) for p in people}
    out: list[Participant] = []
    # (length, position, the other words, first letter there) -> people: the only pairs
    # _spelling_of can accept differ in one word that starts with the same letter.
    near: dict[tuple, list[Participant]] = defaultdict(list)
    slot: dict[int, int] = {}  # a person's place in out

    def keys(words: tuple[str, ...]) -> list[tuple]:
        return [(len(words), i, words[:i] + words[i + 1 :], w[:1]) for i, w in enumerate(words)]

    for person in sorted(people, key=lambda p: -len(p.mentions)):
        words = words_of[id(person)]
        found = {id(p): p for k in keys(words) for p in near.get(k, ())}
        same = sorted(
            (p for p in found.values() if _spelling_of(words_of[id(p)], words)),
            key=lambda p: slot[id(p)],
        )
        if len(same) == 1:
            _join(same[0], person)
        else:
            slot[id(person)] = len(out)
            out.append(person)
            for k in keys(words):
                near[k].append(person)
    by_end: dict[str, list[Participant]] = defaultdict(list)
    for p in out:
        if not words_of[id(p)]:
            continue
        first, last = words_of[id(p)][0], words_of[id(p)][-1]
        by_end[first].append(p)
        if last != first:
            by_end[last].append(p)
    position = {id(p): i for i, p in enumerate(out)}
    kept = []
    for person in out:
        words = words_of[id(person)]
        longer = []
        if len(words) == 1:
            longer = sorted(
                (p for p in by_end.get(words[0], ()) if p is not person),
                key=lambda p: position[id(p)],
            )
        if len(longer) == 1:
            _join(longer[0], person)
        else:
            kept.append(person)
    order = {id(p): i for i, p in enumerate(people)}
    return sorted(kept, key=lambda p: order[id(p)])


def _join(person: Participant, other: Participant) -> None:
    person.mentions = sorted({*person.mentions, *other.mentions}, key=lambda m: m.start)
    if person.role is None:
        person.role = other.role
