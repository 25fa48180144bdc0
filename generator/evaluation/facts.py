"""Score the facts a reader sees on the published pages against a facts gold.

Usage: ``python -m generator evaluate facts GOLD.jsonl SOURCES [--errors] [--ids FILE]``

SOURCES is built as one archive, exactly as ``mkdocs build`` builds it (the same records,
archive-wide name unification and author values), and each gold document's page is rendered;
its published front matter gives the people with their roles, the places and the
organizations, and the document's analysed date values give the dates (what the timeline
shows). Scoring follows ``eval/facts/GUIDELINES.md`` ("How a page is scored against the
gold"): a second listing of one gold entity under another name is wrong, a role counts when
the content words of the shorter phrase are all in the longer one, ``*_REF`` values are left
out, and the headline is wrong facts per document.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .common import build_archive, prf, read_jsonl

KINDS = ("people", "places", "organizations")
_ROLE_STOP = {"the", "a", "an", "of", "for", "and", "in", "at", "to", "s", "its", "his", "her"}
_POSSESSIVE = re.compile(r"['’]s\b")
_PUNCT = re.compile(r"[^\w\s]|_")


def norm(name: str) -> str:
    """The guidelines' comparison form: NFKD without accents, casefolded, no ``'s``, other
    punctuation as spaces, spaces collapsed, no leading "the"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _POSSESSIVE.sub("", text)
    text = " ".join(_PUNCT.sub(" ", text).split())
    return text[4:] if text.startswith("the ") else text


def role_words(role: str) -> set[str]:
    return {w for w in norm(role).split() if w not in _ROLE_STOP}


def role_matches(system: str, gold: str) -> bool:
    """Right when the content words of the shorter phrase are all in the longer one."""
    a, b = role_words(system), role_words(gold)
    if not a or not b:
        return False
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return shorter <= longer


@dataclass
class Tally:
    tp: int = 0
    listed: int = 0
    gold: int = 0

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.listed += other.listed
        self.gold += other.gold


@dataclass
class DocScore:
    doc_id: str
    kinds: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in KINDS})
    dates: Tally = field(default_factory=Tally)
    roles_right: int = 0
    roles_given: int = 0
    roles_gold: int = 0  # gold roles of the people found
    errors: list[str] = field(default_factory=list)

    @property
    def wrong(self) -> int:
        listed = sum(t.listed - t.tp for t in self.kinds.values())
        return listed + (self.roles_given - self.roles_right) + (self.dates.listed - self.dates.tp)


def _gold_index(entities: Iterable[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, int]]:
    entities = list(entities)
    index: dict[str, int] = {}
    for i, entity in enumerate(entities):
        for form in [entity["name"], *(entity.get("aliases") or [])]:
            index.setdefault(norm(form), i)
    return entities, index


def score_document(gold: dict[str, Any], published: dict[str, Any]) -> DocScore:
    """One document's page (``published``: people, places, organizations, dates) vs its gold."""
    score = DocScore(str(gold["id"]))
    for kind in KINDS:
        entities, index = _gold_index(gold.get(kind) or [])
        tally = score.kinds[kind]
        tally.gold = len(entities)
        seen: dict[int, str] = {}
        for item in published.get(kind) or []:
            name = item["name"] if isinstance(item, dict) else str(item)
            tally.listed += 1
            i = index.get(norm(name))
            if i is None:
                score.errors.append(
                    f"wrong {kind[:-1] if kind != 'people' else 'person'}: {name!r}"
                )
                continue
            if i in seen:
                score.errors.append(
                    f"twice: {name!r} is {entities[i]['name']!r}, already listed as {seen[i]!r}"
                )
                continue
            seen[i] = name
            tally.tp += 1
            if kind == "people":
                _score_role(score, name, item.get("role"), entities[i].get("role"))
        for i, entity in enumerate(entities):
            if i not in seen:
                score.errors.append(f"missing {kind}: {entity['name']!r}")
    gold_values = {d["value"] for d in gold.get("dates") or [] if not _is_ref(d["value"])}
    values = {v for v in published.get("dates") or [] if not _is_ref(v)}
    score.dates = Tally(len(values & gold_values), len(values), len(gold_values))
    score.errors += [f"wrong date: {v}" for v in sorted(values - gold_values)]
    score.errors += [f"missing date: {v}" for v in sorted(gold_values - values)]
    return score


def _score_role(score: DocScore, name: str, role: str | None, gold_role: str | None) -> None:
    if gold_role:
        score.roles_gold += 1
    if role:
        score.roles_given += 1
        if gold_role and role_matches(role, gold_role):
            score.roles_right += 1
        else:
            score.errors.append(f"wrong role: {name!r} as {role!r} (gold: {gold_role!r})")
    elif gold_role:
        score.errors.append(f"missing role: {name!r} is {gold_role!r}")


def _is_ref(value: str) -> bool:
    return value.endswith("_REF")


def published_facts(sources: Path, cache_dir: str, processes: int) -> dict[str, dict[str, Any]]:
    """Each document's published facts by id (its source path without the suffix)."""
    from ..site import SiteOptions, SiteRenderer, page_uri

    result = build_archive(sources, cache_dir, processes)
    pages = SiteRenderer(result.records, SiteOptions()).render()
    facts = {}
    for record in result.records:
        meta = _front_matter(pages[page_uri(record)])
        facts[str(Path(record.source).with_suffix(""))] = {
            "people": meta.get("participants") or [],
            "places": meta.get("places") or [],
            "organizations": meta.get("organizations") or [],
            "dates": sorted({d.value for d in record.dates}),
        }
    return facts


def _front_matter(page: str) -> dict[str, Any]:
    _, head, _ = page.split("---\n", 2)
    return yaml.safe_load(head) or {}


def report(scores: Sequence[DocScore], show_errors: bool, out=None) -> None:  # noqa: ANN001
    out = out or sys.stdout
    print(f"documents: {len(scores)}", file=out)
    for kind in KINDS:
        total = Tally()
        for s in scores:
            total.add(s.kinds[kind])
        p, r, f = prf(total.tp, total.listed, total.gold)
        print(
            f"{kind:<14} P {p:.3f}  R {r:.3f}  F1 {f:.3f}   "
            f"(right {total.tp}, listed {total.listed}, gold {total.gold})",
            file=out,
        )
    dates = Tally()
    for s in scores:
        dates.add(s.dates)
    p, r, f = prf(dates.tp, dates.listed, dates.gold)
    print(
        f"{'date values':<14} P {p:.3f}  R {r:.3f}  F1 {f:.3f}   "
        f"(right {dates.tp}, listed {dates.listed}, gold {dates.gold})",
        file=out,
    )
    right = sum(s.roles_right for s in scores)
    given = sum(s.roles_given for s in scores)
    gold = sum(s.roles_gold for s in scores)
    print(
        f"{'roles':<14} recall {right / gold if gold else 0:.3f}  "
        f"precision {right / given if given else 0:.3f}   "
        f"(right {right}, given {given}, gold roles of people found {gold})",
        file=out,
    )
    wrong = [s.wrong for s in scores]
    mean = sum(wrong) / len(wrong) if wrong else 0.0
    clean = sum(1 for w in wrong if w == 0)
    print(f"wrong facts per document: {mean:.2f}", file=out)
    print(f"documents without a wrong fact: {clean} of {len(scores)}", file=out)
    if show_errors:
        for s in scores:
            if s.errors:
                print(f"\n## {s.doc_id} ({s.wrong} wrong)", file=out)
                for line in s.errors:
                    print(f"  {line}", file=out)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m generator evaluate facts", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("gold", type=Path, help="facts gold, JSON Lines")
    parser.add_argument("sources", type=Path, help="the folder built as one archive")
    parser.add_argument("--errors", action="store_true", help="list every wrong and missing fact")
    parser.add_argument("--ids", type=Path, help="score only the ids listed in this file")
    parser.add_argument("--cache-dir", default=".cache/summaries", help="'' for no cache")
    parser.add_argument("--processes", type=int, default=0, help="0: every core")
    parser.add_argument(
        "--off",
        default="",
        help="people, place, organization and date rules to switch off, comma-separated",
    )
    args = parser.parse_args(argv)
    if args.off:
        from .. import dates, people

        names = args.off.split(",")
        people.switch_off([n for n in names if n not in dates.RULE_NAMES])
        dates.switch_off([n for n in names if n in dates.RULE_NAMES])
        args.cache_dir = ""  # the cache holds analyses made with every rule on
    golds = list(read_jsonl(args.gold))
    if args.ids:
        wanted = set(args.ids.read_text(encoding="utf-8").split())
        golds = [g for g in golds if str(g["id"]) in wanted]
    start = time.perf_counter()
    facts = published_facts(args.sources, args.cache_dir, args.processes)
    missing = [str(g["id"]) for g in golds if str(g["id"]) not in facts]
    if missing:
        print(f"not published (no page): {', '.join(missing)}", file=sys.stderr)
    scores = [score_document(g, facts.get(str(g["id"]), {})) for g in golds]
    report(scores, args.errors)
    print(f"build and scoring: {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
