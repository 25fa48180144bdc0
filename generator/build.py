"""From a sources folder to records: load, analyze (cached, in parallel), apply author values,
and give each person, place and organization one name across the archive."""

from __future__ import annotations

import datetime as dt
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from . import identities
from .analysis import Settings, analyze_many
from .cache import AnalysisCache
from .documents import Source, SourceError, discover, read_source
from .record import Analysis, Entity, Mention, Participant, Record

log = logging.getLogger("mkdocs.plugins.summaries")

ALIASES_FILE = "aliases.yml"
# Front matter keys whose author values replace extracted ones.
AUTHOR_KEYS = {"title", "date", "summary", "participants", "places", "organizations", "tags"}
MAX_SLUG = 80

# A runner analyses texts in order; a failed document comes back as the exception it raised.
Runner = Callable[[list[tuple[str, dt.date | None]], Settings], Iterable[Analysis | Exception]]


@dataclass
class BuildResult:
    records: list[Record]
    skipped: dict[str, str] = field(default_factory=dict)
    analyzed: int = 0
    cached: int = 0


def slugify(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[^\w]+", "-", text).strip("-_")
    text = text[:MAX_SLUG].rstrip("-_")
    return text or "document"


def _slug_for(source: Source) -> str:
    stem = source.rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    stem = re.sub(r"^\d{4}-\d{2}-\d{2}[-_ .]*", "", stem)
    return slugify(stem or (source.title or ""))


def unique_slugs(sources: Sequence[Source]) -> list[str]:
    """A slug per source; a name taken in the same folder gets a numbered suffix."""
    taken: set[tuple[str | None, str]] = set()
    slugs = []
    for source in sources:
        folder = source.date.strftime("%Y/%m") if source.date else None
        base = _slug_for(source)
        slug, n = base, 1
        while (folder, slug) in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add((folder, slug))
        slugs.append(slug)
    return slugs


def load_aliases(root: Path) -> dict[str, str]:
    path = root / ALIASES_FILE
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        log.warning("%s: cannot be read (%s); no aliases applied", path, exc)
        return {}
    if not isinstance(data, dict):
        log.warning("%s: expected a mapping 'alias: canonical name'; ignored", path)
        return {}
    return {str(k).strip(): str(v).strip() for k, v in data.items() if k and v}


def load_sources(root: Path) -> tuple[list[Source], dict[str, str]]:
    sources, skipped = [], {}
    root = root.resolve()
    for path, reason in discover(root):
        rel = path.relative_to(root).as_posix()
        if reason is not None:
            skipped[rel] = reason
            log.warning("Skipped %s: %s", rel, reason)
            continue
        try:
            source = read_source(path, root)
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
            copy = n and isinstance(analysis, Analysis)
            results[i] = Analysis.from_dict(analysis.to_dict()) if copy else analysis
    return results, len(missing)


def _find_mentions(text: str, name: str) -> list[Mention]:
    pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
    return [Mention(m.start(), m.end()) for m in pattern.finditer(text)]


def _author_people(value: Any, text: str) -> list[Participant] | None:
    if not isinstance(value, list):
        return None
    people = []
    for item in value:
        if isinstance(item, str):
            name, role = item, None
        elif isinstance(item, dict) and item.get("name"):
            name, role = str(item["name"]), item.get("role")
        else:
            continue
        role = str(role) if role else None
        people.append(Participant(name.strip(), role, _find_mentions(text, name.strip())))
    return people


def _author_entities(value: Any, text: str) -> list[Entity] | None:
    if not isinstance(value, list):
        return None
    names = [str(v).strip() for v in value if isinstance(v, str | int) and str(v).strip()]
    return [Entity(n, _find_mentions(text, n)) for n in names]


def _author_summary(value: Any) -> list[str] | None:
    if isinstance(value, str) and value.strip():
        return [value.strip()]
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()] or None
    return None


def make_record(source: Source, slug: str, analysis: Analysis) -> Record:
    """The record of one document: extracted values, then the author's on top."""
    meta = source.meta
    text = source.text
    summary_spans = list(analysis.summary)
    record = Record(
        source=source.rel,
        slug=slug,
        title=source.title or analysis.title,
        date=source.date.isoformat() if source.date else None,
        text=text,
        summary=[" ".join(text[m.start : m.end].split()) for m in summary_spans],
        summary_spans=summary_spans,
        dates=analysis.dates,
        key_dates=analysis.key_dates,
        participants=analysis.participants,
        places=analysis.places,
        organizations=analysis.organizations,
        notes=list(analysis.notes),
        extra={k: v for k, v in meta.items() if k not in AUTHOR_KEYS and _is_plain(v)},
    )
    if (summary := _author_summary(meta.get("summary"))) is not None:
        record.summary, record.summary_spans = summary, []
    if (people := _author_people(meta.get("participants"), text)) is not None:
        record.participants = people
        record.authored.add("participants")
    for key in ("places", "organizations"):
        if (entities := _author_entities(meta.get(key), text)) is not None:
            setattr(record, key, entities)
            record.authored.add(key)
    if isinstance(meta.get("tags"), list):
        record.extra["author_tags"] = [str(t) for t in meta["tags"] if isinstance(t, str | int)]
    return record


def _is_plain(value: Any) -> bool:
    """YAML-safe plain data only, so no author value can break the emitted front matter."""
    if isinstance(value, str | int | float | bool | dt.date) or value is None:
        return True
    if isinstance(value, list):
        return all(_is_plain(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _is_plain(v) for k, v in value.items())
    return False


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


def unify_names(records: Sequence[Record], aliases: Mapping[str, str]) -> None:
    """One name per real person, place and organization across the archive (in place)."""
    for attr in ("participants", "places", "organizations"):
        names_by_doc = [[e.name for e in getattr(r, attr)] for r in records]
        mappings = identities.resolve(names_by_doc, aliases, extend=attr == "participants")
        for record, mapping in zip(records, mappings, strict=True):
            if attr in record.authored:
                # An author's names stay as written, but for their own alias file.
                mapping = {name: aliases.get(name, name) for name in mapping}
            setattr(record, attr, _rename(getattr(record, attr), mapping))
    _people_the_archive_calls_otherwise(records)
    for record in records:
        author_tags = record.extra.pop("author_tags", [])
        names = [p.name for p in record.participants]
        names += [e.name for e in record.places] + [e.name for e in record.organizations]
        record.tags = list(dict.fromkeys([*author_tags, *names]))


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
) -> BuildResult:
    """Every publishable document under ``root`` as a record; bad files are named and skipped."""
    sources, skipped = load_sources(root)
    analyses, analyzed = analyze_sources(sources, settings, cache, runner)
    records = []
    for source, slug, analysis in zip(sources, unique_slugs(sources), analyses, strict=True):
        if not isinstance(analysis, Analysis):
            skipped[source.rel] = f"analysis failed ({type(analysis).__name__}: {analysis})"
            log.warning("Skipped %s: %s", source.rel, skipped[source.rel])
            continue
        records.append(make_record(source, slug, analysis))
    unify_names(records, load_aliases(root))
    return BuildResult(records, skipped, analyzed=analyzed, cached=len(sources) - analyzed)
