"""One identity per real person (or place, organization) across the whole archive.

Baseline: an author's alias file first; then a name that is a unique one-word suffix/prefix
of exactly one longer name in the archive is that name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def resolve(
    names_by_doc: Sequence[Sequence[str]], aliases: Mapping[str, str] | None = None
) -> list[dict[str, str]]:
    """For each document, a map from each of its names to the archive's canonical name."""
    aliases = dict(aliases or {})
    everyone = {aliases.get(n, n) for names in names_by_doc for n in names}
    result = []
    for names in names_by_doc:
        mapping = {}
        for name in names:
            canonical = aliases.get(name, name)
            if " " not in canonical:
                longer = [
                    full
                    for full in everyone
                    if " " in full and canonical in (full.split()[-1], full.split()[0])
                ]
                if len(longer) == 1:
                    canonical = longer[0]
            mapping[name] = canonical
        result.append(mapping)
    return result
