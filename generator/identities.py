"""One identity per real person (or place, organization) across the whole archive.

Rules, in order:

1. the authors' alias map is applied first and always wins;
2. names are compared casefolded, with courtesy titles ("Mr.", "Dr.") and a trailing
   possessive dropped, so "PUTIN", "Mr. Putin" and "Putin's" are one key;
3. a shorter name joins a longer one whose words end with it ("Putin" -> "Vladimir
   Putin"), else start with it ("Xi" -> "Xi Jinping"), or that has the same surname and a
   matching initial ("V. Putin"); first among the longer names of the same document, then
   among the whole archive, and only when exactly one such longer name exists there: two
   different "Smith"s of the archive keep a bare "Smith" apart from both;
4. the canonical name is the most complete form seen (more words, then mixed case over
   ALL CAPS, then the most frequent spelling).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

_TITLES = frozenset(
    ["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "prof", "prof."]
)


def _key(name: str) -> tuple[str, ...]:
    words = " ".join(name.split()).casefold()
    if words.endswith(("'s", "’s")):
        words = words[:-2]
    parts = words.split()
    while len(parts) > 1 and parts[0] in _TITLES:
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
    while len(parts) > 1 and parts[0].casefold() in _TITLES:
        parts = parts[1:]
    return " ".join(parts)


def _best_form(forms: Counter[str]) -> str:
    return max(
        forms,
        key=lambda f: (len(f.split()), not f.isupper(), forms[f], -len(f), f),
    )


def resolve(
    names_by_doc: Sequence[Sequence[str]], aliases: Mapping[str, str] | None = None
) -> list[dict[str, str]]:
    """For each document, a map from each of its names to the archive's canonical name."""
    alias_by_key = {_key(k): v for k, v in (aliases or {}).items()}

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
    by_edge: dict[str, list[tuple[str, ...]]] = {}
    for k in forms:
        if len(k) > 1:
            by_edge.setdefault("<" + k[0], []).append(k)
            by_edge.setdefault(">" + k[-1], []).append(k)

    def maximal(cands: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
        return [c for c in cands if not any(_extends(c, o) for o in cands if o != c)]

    archive_cache: dict[tuple[str, ...], tuple[str, ...]] = {}

    def archive_target(key: tuple[str, ...]) -> tuple[str, ...]:
        if key not in archive_cache:
            pool = set(by_edge.get(">" + key[-1], ())) | set(by_edge.get("<" + key[0], ()))
            longer = maximal(sorted(k for k in pool if k != key and _extends(key, k)))
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
            local = maximal([k for k in doc_keys if k != key and _extends(key, k)])
            if len(local) == 1:
                key = local[0]
            elif len(local) > 1:
                mapping[name] = _best_form(forms[key])
                continue
            # follow the chain to the most complete unique form in the archive
            seen = set()
            while key not in seen:
                seen.add(key)
                nxt = archive_target(key)
                if nxt == key:
                    break
                key = nxt
            mapping[name] = _best_form(forms[key])
        result.append(mapping)
    return result
