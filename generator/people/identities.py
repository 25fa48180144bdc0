"""One identity per real person (or place, organization) across the whole archive.

Rules, in order:

1. the authors' alias map is applied first and always wins;
2. names are compared casefolded and without accents, with courtesy titles ("Mr.", "Dr."),
   a leading "the" and a trailing possessive dropped, so "PUTIN", "Mr. Putin" and "Putin's"
   are one key;
3. a shorter name joins a longer one whose words end with it ("Putin" -> "Vladimir
   Putin"), else start with it ("Xi" -> "Xi Jinping"), or that has the same surname and a
   matching initial ("V. Putin"); first among the longer names of the same document, then
   among the whole archive, and only when exactly one such longer name exists there: two
   different "Smith"s of the archive keep a bare "Smith" apart from both; across documents
   only when the roles fit: a role stated on both sides shares a word ("President Xi" is
   "Xi Jinping", Chinese President; "his wife Mary" is no "Mary Quant", a designer);
4. the canonical name is the most complete form seen (more words, then mixed case over
   ALL CAPS, then the most frequent spelling).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping, Sequence

from .words import HONORIFICS

# Characters that show nothing (zero-width spaces and joiners, soft hyphens, byte-order marks)
# or reorder what follows (bidirectional embeddings, overrides, isolates): inside a name or a
# title they make one person two ("Jane\u200b Doe") or spoof a title ("\u202e...").
_INVISIBLE = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def clean_name(text: str) -> str:
    """A name or title as one line of visible text: invisible and bidirectional control
    characters removed, control characters and runs of whitespace made one space."""
    text = _INVISIBLE.sub("", text)
    return " ".join(_CONTROL.sub(" ", text).split())


def _key(name: str) -> tuple[str, ...]:
    # accents folded: "Erdogan" and "Recep Tayyip Erdoğan" share a surname
    words = unicodedata.normalize("NFKD", " ".join(name.split()).casefold())
    words = "".join(ch for ch in words if not unicodedata.combining(ch))
    if words.endswith(("'s", "’s")):
        words = words[:-2]
    parts = words.split()
    while len(parts) > 1 and (parts[0] in HONORIFICS or parts[0] == "the"):
        parts = parts[1:]
    return tuple(parts)


def _extends(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether ``long`` is a more complete form of ``short``."""
    n = len(short)
    if n > len(long) or n == 0:
        return False
    if n < len(long) and (long[-n:] == short or long[:n] == short):
        return True
    # "V. Putin" / "V Putin" -> "Vladimir Putin"
    first = short[0].rstrip(".")
    return (
        n >= 2
        and len(first) == 1
        and len(long[0].rstrip(".")) > 1
        and long[0].startswith(first)
        and long[-(n - 1) :] == short[1:]
    )


def _display(name: str) -> str:
    words = " ".join(name.split())
    if words.endswith(("'s", "’s")):
        words = words[:-2]
    parts = words.split()
    while len(parts) > 1 and parts[0].casefold() in HONORIFICS:
        parts = parts[1:]
    return " ".join(parts)


def _best_form(forms: Counter[str]) -> str:
    return max(
        forms,
        key=lambda f: (len(f.split()), not f.isupper(), forms[f], -len(f), f),
    )


def _extension_index(
    forms: Mapping[tuple[str, ...], object],
) -> dict[tuple[str, ...], set[tuple[str, ...]]]:
    """Every more complete form indexed under the shorter forms it extends, so that looking
    up one name costs only the forms that share its words."""
    extensions: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for k in forms:
        for n in range(1, len(k)):
            extensions.setdefault((">", *k[-n:]), set()).add(k)
            extensions.setdefault(("<", *k[:n]), set()).add(k)
        if len(k[0].rstrip(".")) > 1:
            for n in range(1, len(k)):
                extensions.setdefault((".", k[0][0], *k[-n:]), set()).add(k)
        else:
            extensions.setdefault((".", k[0][0], *k[1:]), set())
    return extensions


# Words two roles may share without saying the same thing.
_ROLE_STOP = frozenset(["the", "a", "an", "of", "for", "and", "in", "at", "to", "s", "its"])


def _role_words(role: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"\w+", role.casefold()) if w not in _ROLE_STOP)


def _compatible(role: str | None, others: set[str]) -> bool:
    """A role fits another document's person unless both are stated and share no word
    ("wife of Tom Okafor" is not "fashion designer"; "President" is "Chinese President")."""
    if not role or not others:
        return True
    words = _role_words(role)
    return any(words & _role_words(other) for other in others)


def _roles_by_key(
    roles_by_doc: Sequence[Mapping[str, str | None]] | None,
    alias_by_key: Mapping[tuple[str, ...], str],
) -> dict[tuple[str, ...], set[str]]:
    """Every role the archive states for each name's key."""
    roles_of: dict[tuple[str, ...], set[str]] = {}
    for roles in roles_by_doc or ():
        for name, role in roles.items():
            if role:
                roles_of.setdefault(_key(alias_by_key.get(_key(name), name)), set()).add(role)
    return roles_of


def _follow(
    key: tuple[str, ...],
    target: Callable[[tuple[str, ...]], tuple[str, ...]],
    fits: Callable[[tuple[str, ...]], bool],
) -> tuple[str, ...]:
    """The chain of ever more complete unique forms of the archive, while each one fits."""
    seen = set()
    while key not in seen:
        seen.add(key)
        nxt = target(key)
        if nxt == key or not fits(nxt):
            break
        key = nxt
    return key


def resolve(
    names_by_doc: Sequence[Sequence[str]],
    aliases: Mapping[str, str] | None = None,
    extend: bool = True,
    roles_by_doc: Sequence[Mapping[str, str | None]] | None = None,
) -> list[dict[str, str]]:
    """For each document, a map from each of its names to the archive's canonical name.

    With ``extend`` (people), a shorter name joins the one longer name it is part of
    ("Putin" -> "Vladimir Putin"); without it (places, organizations, where "York" is not
    "New York"), only aliases and differences of case, titles and possessives merge.
    ``roles_by_doc`` (each document's name -> role) keeps a name from joining another
    document's longer name whose roles all differ from its own (rule 3, compatible roles)."""
    alias_by_key = {_key(k): v for k, v in (aliases or {}).items()}
    roles_of = _roles_by_key(roles_by_doc, alias_by_key)

    def aliased(name: str) -> str:
        return alias_by_key.get(_key(name), name)

    forms: dict[tuple[str, ...], Counter[str]] = {}
    for names in names_by_doc:
        for name in names:
            target = aliased(name)
            key = _key(target)
            if key:
                forms.setdefault(key, Counter())[_display(target)] += 1
    alias_targets = {_key(v) for v in alias_by_key.values()}
    extensions = _extension_index(forms)

    def extenders(key: tuple[str, ...]) -> set[tuple[str, ...]]:
        pool = extensions.get((">", *key), set()) | extensions.get(("<", *key), set())
        if len(key) > 1 and len(key[0].rstrip(".")) == 1:
            pool = pool | extensions.get((".", key[0][0], *key[1:]), set())
        return {k for k in pool if k != key and _extends(key, k)}

    def maximal(cands: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
        return [c for c in cands if not any(_extends(c, o) for o in cands if o != c)]

    archive_cache: dict[tuple[str, ...], tuple[str, ...]] = {}

    def archive_target(key: tuple[str, ...]) -> tuple[str, ...]:
        if key not in archive_cache:
            longer = maximal(sorted(extenders(key)))
            archive_cache[key] = longer[0] if len(longer) == 1 else key
        return archive_cache[key]

    result = []
    for names in names_by_doc:
        doc_keys = {_key(aliased(n)) for n in names}
        mapping = {}
        for name in names:
            target = aliased(name)
            key = _key(target)
            if not key:
                mapping[name] = name
                continue
            if key in alias_targets and alias_by_key.get(_key(name)) is not None:
                mapping[name] = target  # the authors' word is final
                continue
            if not extend:
                mapping[name] = _best_form(forms[key])
                continue
            local = maximal([k for k in doc_keys if k != key and _extends(key, k)])
            if len(local) == 1:
                key = local[0]
            elif len(local) > 1:
                mapping[name] = _best_form(forms[key])
                continue
            # follow the chain to the most complete unique form in the archive
            role = roles_by_doc[len(result)].get(name) if roles_by_doc else None
            key = _follow(
                key,
                archive_target,
                lambda k, r=role, d=doc_keys: k in d or _compatible(r, roles_of.get(k, set())),
            )
            mapping[name] = _best_form(forms[key])
        result.append(mapping)
    return result
