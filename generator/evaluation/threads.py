"""Story threads against a hand-made gold: pairwise precision and recall.

Usage: ``python -m generator evaluate threads GOLD.jsonl FOLDER... [--sweep] [--errors]``

GOLD has one thread a line, ``{"thread", "docs": ["news-dev/2020-...txt", ...], "part"}``;
each FOLDER is built as one archive (its name the first part of a gold path), exactly as
the site builds it. A pair of documents is right when the gold puts them in one thread.
Documents in no gold thread belong to a part by a fixed rule (every third by name is
held out), so that a wrong link between two of them counts against the part it falls in.
``--sweep`` prints precision and recall over a grid of thresholds (tuning part only unless
``--part all``).

A reader's archive can be of any size, so the same gold also scores archives built from
parts of the folders, each as its own archive against the gold pairs of its documents: each
folder alone (when there are several) and two complementary random halves (a fixed seed).
"""

from __future__ import annotations

import argparse
import itertools
import random
import shutil
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .common import build_archive, prf, read_jsonl


def _pairs(groups: Iterable[Iterable[str]]) -> set[tuple[str, str]]:
    return {
        (a, b) for group in groups for a, b in itertools.combinations(sorted(set(group)), 2)
    }


def parts(gold: list[dict], documents: Iterable[str]) -> dict[str, str]:
    """Each document's part: its gold thread's, else every third by name is held out."""
    part = {doc: row.get("part", "tune") for row in gold for doc in row["docs"]}
    loose = sorted(set(documents) - set(part))
    for n, doc in enumerate(loose):
        part[doc] = "heldout" if n % 3 == 2 else "tune"
    return part


def score(
    system: set[tuple[str, str]], gold: set[tuple[str, str]], part: dict[str, str], which: str
) -> tuple[float, float, float, int, int, int]:
    def keep(pair: tuple[str, str]) -> bool:
        return which == "all" or (part.get(pair[0]) == which and part.get(pair[1]) == which)

    sys_pairs = {p for p in system if keep(p)}
    gold_pairs = {p for p in gold if keep(p)}
    tp = len(sys_pairs & gold_pairs)
    p, r, f = prf(tp, len(sys_pairs), len(gold_pairs))
    return p, r, f, tp, len(sys_pairs), len(gold_pairs)


def build_records(
    folders: list[Path], cache_dir: str, processes: int, keep: set[str] | None = None
) -> list:
    """The records of the folders built as one archive, sources named ``folder/file``; with
    ``keep``, of those sources only (an archive of its own, not a filter of the whole one)."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for folder in folders:
            ignore = shutil.ignore_patterns("*.md")
            if keep is not None:
                # A source's sidecar (``name.meta.yml``) goes with it.
                kept = {Path(s).name for s in keep if Path(s).parts[0] == folder.name}
                kept |= {Path(name).stem + ".meta.yml" for name in kept}

                def ignore(where: str, names: list[str], kept: set[str] = kept) -> set[str]:
                    return {n for n in names if n not in kept and not Path(where, n).is_dir()}

            shutil.copytree(folder, root / folder.name, ignore=ignore)
        result = build_archive(root, cache_dir, processes)
    return result.records


def subsets(sources: Iterable[str], seed: int = 17) -> dict[str, set[str]]:
    """The archives scored besides the whole: each folder alone (when there are several) and
    two complementary random halves, the same ones on every run."""
    every = sorted(sources)
    folders = sorted({Path(s).parts[0] for s in every})
    named: dict[str, set[str]] = {}
    if len(folders) > 1:
        for folder in folders:
            named[f"{folder} alone"] = {s for s in every if Path(s).parts[0] == folder}
    half = set(random.Random(seed).sample(every, len(every) // 2))
    named["random half A"] = half
    named["random half B"] = set(every) - half
    return named


def report(
    label: str,
    found: set[tuple[str, str]],
    gold: set[tuple[str, str]],
    part: dict[str, str],
    sources: set[str],
) -> None:
    """Scores of one archive against the gold pairs of its own documents."""
    gold = {pair for pair in gold if pair[0] in sources and pair[1] in sources}
    print(f"{label}: documents {len(sources)}, gold pairs {len(gold)}")
    for which in ("tune", "heldout", "all"):
        p, r, f, tp, n_sys, n_gold = score(found, gold, part, which)
        print(
            f"  {which:8s} pairwise P {p:.3f}  R {r:.3f}  F1 {f:.3f}"
            f"   (right {tp}, linked {n_sys}, gold {n_gold})"
        )


def errors(found: set[tuple[str, str]], gold: set[tuple[str, str]], part: dict[str, str]) -> None:
    """Wrong and missed pairs of the tuning part only: the held-out part is only scored."""
    def tune(pair: tuple[str, str]) -> bool:
        return part.get(pair[0]) != "heldout" and part.get(pair[1]) != "heldout"

    for a, b in sorted(p for p in found - gold if tune(p)):
        print(f"  WRONG  {a}  ~  {b}")
    for a, b in sorted(p for p in gold - found if tune(p)):
        print(f"  MISSED {a}  ~  {b}")


def main(argv: list[str]) -> int:
    from ..site import ThreadSettings, find_stories

    parser = argparse.ArgumentParser(prog="generator evaluate threads", description=__doc__)
    parser.add_argument("gold", type=Path)
    parser.add_argument("folders", type=Path, nargs="+")
    parser.add_argument("--cache-dir", default=".cache/summaries")
    parser.add_argument("--processes", type=int, default=0)
    parser.add_argument("--sweep", action="store_true")
    parser.add_argument("--part", default="tune", help="part the sweep reports: tune, all")
    parser.add_argument("--errors", action="store_true", help="list wrong and missed pairs")
    parser.add_argument(
        "--no-subsets", action="store_true", help="score the whole archive only"
    )
    args = parser.parse_args(argv)
    gold_rows = list(read_jsonl(args.gold))
    records = build_records(args.folders, args.cache_dir, args.processes)
    part = parts(gold_rows, (r.source for r in records))
    gold = _pairs(row["docs"] for row in gold_rows)
    unknown = {d for pair in gold for d in pair} - {r.source for r in records}
    if unknown:
        print(f"gold documents not in the folders: {sorted(unknown)[:5]}", file=sys.stderr)
        return 2

    def system(settings: ThreadSettings) -> set[tuple[str, str]]:
        return _pairs(t.members for t in find_stories(records, settings).threads)

    if args.sweep:
        print(f"thread_sim window cohesion shared   P      R      F1    (part: {args.part})")
        for sim, window, cohesion, shared in itertools.product(
            (0.15, 0.18, 0.2, 0.23, 0.25, 0.3),
            (120, 240, 365),
            (0.0, 0.05, 0.1, 0.15),
            (0.0, 0.4, 0.6, 0.8),
        ):
            settings = ThreadSettings(sim, min(sim, 0.12), window, cohesion, shared)
            p, r, f, *_ = score(system(settings), gold, part, args.part)
            row = f"{sim:9.2f} {window:6d} {cohesion:5.2f} {shared:5.2f}"
            print(f"{row}   {p:.3f}  {r:.3f}  {f:.3f}")
        return 0
    found = system(ThreadSettings())
    sources = {r.source for r in records}
    print(f"gold threads {len(gold_rows)}, gold pairs {len(gold)}")
    report("whole archive", found, gold, part, sources)
    if args.errors:
        errors(found, {p for p in gold if p[0] in sources and p[1] in sources}, part)
    if args.no_subsets:
        return 0
    for label, keep in subsets(sources).items():
        sub = build_records(args.folders, args.cache_dir, args.processes, keep)
        sub_found = _pairs(t.members for t in find_stories(sub, ThreadSettings()).threads)
        report(label, sub_found, gold, part, {r.source for r in sub})
        if args.errors:
            errors(sub_found, {p for p in gold if p[0] in keep and p[1] in keep}, part)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
