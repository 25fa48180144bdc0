"""From a sources folder to records: load, analyze (cached, in parallel), apply author values,
and give each person, place and organization one name across the archive."""

from __future__ import annotations

import copy
import datetime as dt
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from .. import people as identities
from ..cache import AnalysisCache
from ..people import clean_name
from ..people.relations import relation_before
from ..record import Analysis, Entity, Participant, Record
from ..sources import (
    ALIASES_FILE,
    Source,
    SourceError,
    YAMLRefused,
    author_file,
    discover,
    passthrough,
    read_author_yaml,
    read_source,
    shown_name,
    unique_slugs,
)
from .analysis import Settings, analyze_many
from .author_values import author_entities, author_people, author_summary, author_tags

log = logging.getLogger("mkdocs.plugins.summaries")

# Front matter keys whose author values replace extracted ones.
AUTHOR_KEYS = {"title", "date", "summary", "participants", "places", "organizations", "tags"}
# People, places and organizations kept per document (see _cap_mentioned): a list of
# thousands is a roster, not a story.
MAX_PEOPLE = 100
# Tags given to the theme per page: Material's tags plugin costs about tags² x listings on
# every page that shares them (two documents sharing 5,000 tags took 7 minutes to build).
# Real news reaches 120 with its names (a campaign diary), so names fill the rest up to
# what 100 people, places and organizations can give.
MAX_AUTHOR_TAGS = 100
MAX_TAGS = 3 * MAX_PEOPLE

# A runner analyses texts in order; a failed document comes back as the exception it raised.
Runner = Callable[[list[tuple[str, dt.date | None]], Settings], Iterable[Analysis | Exception]]


@dataclass
class BuildResult:
    records: list[Record]
    skipped: dict[str, str] = field(default_factory=dict)
    analyzed: int = 0
    cached: int = 0


def load_aliases(root: Path, encoding: str | None = None) -> dict[str, str]:
    path = root / ALIASES_FILE
    usable, reason = author_file(path, root)
    if usable is None:
        if reason:
            log.warning("%s: %s; no aliases applied", path, reason)
        return {}
    try:
        loaded, warnings = read_author_yaml(path, str(path), encoding)
    except (OSError, yaml.YAMLError) as exc:
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        verb = "is refused" if isinstance(exc, YAMLRefused) else "cannot be read"
        log.warning("%s: %s (%s); no aliases applied", path, verb, problem)
        return {}
    for warning in warnings:
        log.warning("%s", warning)
    data = loaded or {}
    if not isinstance(data, dict):
        log.warning("%s: expected a mapping 'alias: canonical name'; ignored", path)
        return {}
    aliases = {}
    for k, v in data.items():
        if not isinstance(v, str | int | float) or isinstance(v, bool):
            log.warning("%s: the alias '%s' does not map to one name; ignored", path, k)
            continue
        alias, name = clean_name(str(k)), clean_name(str(v))
        if alias and name:
            aliases[alias] = name
    return aliases


def load_sources(root: Path, encoding: str | None = None) -> tuple[list[Source], dict[str, str]]:
    sources, skipped = [], {}
    root = root.resolve()
    for path, reason in discover(root):
        rel = shown_name(path.relative_to(root).as_posix())
        if reason is not None:
            skipped[rel] = reason
            log.warning("Skipped %s: %s", rel, reason)
            continue
        try:
            source = read_source(path, root, encoding)
        except SourceError as exc:
            skipped[rel] = str(exc)
            log.warning("Skipped %s: %s", rel, exc)
            continue
        for warning in source.warnings:
            log.warning("%s", warning)
        sources.append(source)
    return sources, skipped


def analyze_sources(
    sources: Sequence[Source],
    settings: Settings,
    cache: AnalysisCache,
    runner: Runner | None = None,
) -> tuple[list[Analysis | Exception | None], int]:
    """Analyses in the order of ``sources``: from the cache, or by ``runner`` for the rest.
    Identical documents (same text, date and title) are analysed once; the count is of analyses."""
    keys = [cache.key(s.text, s.date, settings, s.title) for s in sources]
    results: list[Analysis | Exception | None] = [cache.get(k) for k in keys]
    missing: dict[str, list[int]] = {}
    for i, result in enumerate(results):
        if result is None:
            missing.setdefault(keys[i], []).append(i)
    if not missing:
        return results, 0
    jobs = [
        (sources[idx[0]].text, sources[idx[0]].date, sources[idx[0]].title)
        for idx in missing.values()
    ]
    run = runner or (lambda items, s: analyze_many(items, s))
    for (key, indices), analysis in zip(missing.items(), run(jobs, settings), strict=True):
        if isinstance(analysis, Analysis):
            cache.put(key, analysis)
        for n, i in enumerate(indices):
            # Each record gets its own copy: later stages rename people in place.
            duplicate = n and isinstance(analysis, Analysis)
            results[i] = copy.deepcopy(analysis) if duplicate else analysis
    return results, len(missing)


_CAPPED = {
    "people": "%s: %d people found; only the %d mentioned most get a page and a place in the index",
    "places": "%s: %d places found; only the %d mentioned most are kept",
    "organizations": "%s: %d organizations found; only the %d mentioned most are kept",
}


def _cap_mentioned(source: Source, items: list[Any], kind: str) -> list[Any]:
    """At most MAX_PEOPLE people (or places, organizations) of one document: the most
    mentioned, then the first met, in their own order; each gets a page."""
    if len(items) <= MAX_PEOPLE:
        return items

    def rank(i: int) -> tuple[int, int]:
        return -len(items[i].mentions), min((m.start for m in items[i].mentions), default=0)

    keep = sorted(sorted(range(len(items)), key=rank)[:MAX_PEOPLE])
    log.warning(_CAPPED[kind], source.rel, len(items), MAX_PEOPLE)
    return [items[i] for i in keep]


def _clean_entities(items: list[Any]) -> list[Any]:
    """Names without invisible or bidirectional characters ("Jane\u200bDoe" is Jane Doe);
    two that become one name are one entry."""
    if not any(clean_name(e.name) != e.name for e in items):
        return items
    renamed = [replace(e, name=clean_name(e.name) or e.name) for e in items]
    return _rename(renamed, {})


def make_record(source: Source, slug: str, analysis: Analysis) -> Record:
    """The record of one document: extracted values, then the author's on top (in a copy of
    ``analysis``, which is the record's own)."""
    meta = source.meta
    text = source.text
    extra: dict[str, Any] = {}
    for where in dict.fromkeys(source.where(k) for k in meta):
        others = {
            k: v for k, v in meta.items() if k not in AUTHOR_KEYS and source.where(k) == where
        }
        kept, warnings, notes = passthrough.check(others, where)
        extra.update(kept)
        for warning in warnings:
            log.warning("%s", warning)
        for note in notes:
            log.info("%s", note)
    shown = replace(
        analysis,
        title=clean_name(source.title or analysis.title) or slug,
        summary=list(analysis.summary),
        participants=_cap_mentioned(source, _clean_entities(analysis.participants), "people"),
        places=_cap_mentioned(source, _clean_entities(analysis.places), "places"),
        organizations=_cap_mentioned(
            source, _clean_entities(analysis.organizations), "organizations"
        ),
        notes=list(analysis.notes),
    )
    record = Record(
        source=source.rel,
        slug=slug,
        date=source.date,
        text=text,
        analysis=shown,
        summary=[" ".join(text[m.start : m.end].split()) for m in shown.summary],
        extra=extra,
    )
    _apply_author_lists(record, source)
    if (tags := author_tags(meta.get("tags"), source.where("tags"), MAX_AUTHOR_TAGS)) is not None:
        record.author_tags = tags
    return record


def _apply_author_lists(record: Record, source: Source) -> None:
    """The author's summary, people, places and organizations in place of the extracted."""
    meta = source.meta
    if (summary := author_summary(meta.get("summary"), source.where("summary"))) is not None:
        record.summary, record.summary_spans = summary, []
    people = author_people(meta.get("participants"), source.text, source.where("participants"))
    if people is not None:
        record.participants = _cap_mentioned(source, people, "people")
        record.authored.add("participants")
    for key in ("places", "organizations"):
        entities = author_entities(meta.get(key), source.text, source.where(key), key)
        if entities is not None:
            setattr(record, key, _cap_mentioned(source, entities, key))
            record.authored.add(key)


def _rename(items: list[Any], mapping: Mapping[str, str]) -> list[Any]:
    """People, places or organizations under their archive names; two that get one name
    become one entry with every mention (and a person keeps the first role stated)."""
    merged: dict[str, Any] = {}
    for item in items:
        name = mapping.get(item.name, item.name)
        if name in merged:
            target = merged[name]
            target.mentions = sorted({*target.mentions, *item.mentions}, key=lambda m: m.start)
            if isinstance(target, Participant):
                target.role = target.role or item.role
        else:
            merged[name] = replace(item, name=name, mentions=list(item.mentions))
    return list(merged.values())


def _role_to_match(text: str, person: Participant) -> str | None:
    """The role a person's archive name must fit: the one stated, else the relation a
    pronoun gives ("his wife Mary" is no "Mary Quant" of another page, a designer)."""
    if person.role:
        return person.role
    for m in person.mentions:
        if relation := relation_before(text, m.start):
            return relation
    return None


def unify_names(records: Sequence[Record], aliases: Mapping[str, str]) -> None:
    """One name per real person, place and organization across the archive (in place)."""
    for attr in ("participants", "places", "organizations"):
        names_by_doc = [[e.name for e in getattr(r, attr)] for r in records]
        roles = [{p.name: _role_to_match(r.text, p) for p in r.participants} for r in records]
        mappings = identities.resolve(
            names_by_doc,
            aliases,
            extend=attr == "participants",
            roles_by_doc=roles if attr == "participants" else None,
        )
        for record, mapping in zip(records, mappings, strict=True):
            if attr in record.authored:
                # An author's names stay as written, but for their own alias file.
                mapping = {name: aliases.get(name, name) for name in mapping}
            setattr(record, attr, _rename(getattr(record, attr), mapping))
    _people_the_archive_calls_otherwise(records)
    for record in records:
        names = [p.name for p in record.participants]
        names += [e.name for e in record.places] + [e.name for e in record.organizations]
        tags = list(dict.fromkeys([*record.author_tags, *names]))
        if len(tags) > MAX_TAGS:
            log.warning(
                "%s: %d tags with its names; the first %d (the author's, then people, places, "
                "organizations) go to the tags index",
                record.source,
                len(tags),
                MAX_TAGS,
            )
        record.tags = tags[:MAX_TAGS]


def _people_the_archive_calls_otherwise(records: Sequence[Record]) -> None:
    """A "person" that the archive mostly names as a place or organization ("Sauber" a
    person in one report, the racing team in five others) joins the places or organizations
    of its document. Counted in documents: at least two others, and twice the person's;
    people an author listed stay."""
    as_person: Counter[str] = Counter()
    as_other: dict[str, Counter[str]] = {}
    for record in records:
        for p in record.participants if "participants" not in record.authored else ():
            as_person[p.name.casefold()] += 1
        for attr in ("places", "organizations"):
            for e in getattr(record, attr):
                as_other.setdefault(e.name.casefold(), Counter())[attr] += 1
    moved = {
        name: votes.most_common(1)[0][0]
        for name, votes in as_other.items()
        if name in as_person and votes.total() >= max(2, 2 * as_person[name])
    }
    if not moved:
        return
    for record in records:
        if "participants" in record.authored:
            continue
        kept = []
        for person in record.participants:
            attr = moved.get(person.name.casefold())
            if attr is None or attr in record.authored:
                kept.append(person)
                continue
            entities = getattr(record, attr)
            entities.append(Entity(person.name, list(person.mentions)))
            setattr(record, attr, _rename(entities, {}))
        record.participants = kept


def build(
    root: Path,
    settings: Settings,
    cache: AnalysisCache,
    runner: Runner | None = None,
    encoding: str | None = None,
) -> BuildResult:
    """Every publishable document under ``root`` as a record; bad files are named and skipped.
    ``encoding``: the archive's legacy code page for files that are not UTF-8 (else guessed)."""
    sources, skipped = load_sources(root, encoding)
    analyses, analyzed = analyze_sources(sources, settings, cache, runner)
    records = []
    for source, slug, analysis in zip(sources, unique_slugs(sources), analyses, strict=True):
        if not isinstance(analysis, Analysis):
            skipped[source.rel] = f"analysis failed ({type(analysis).__name__}: {analysis})"
            log.warning("Skipped %s: %s", source.rel, skipped[source.rel])
            continue
        records.append(make_record(source, slug, analysis))
    unify_names(records, load_aliases(root, encoding))
    return BuildResult(records, skipped, analyzed=analyzed, cached=len(sources) - analyzed)
