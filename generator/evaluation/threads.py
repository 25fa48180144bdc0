"""Story threads against a hand-made gold: pairwise precision and recall.

Usage: ``python -m generator evaluate threads GOLD.jsonl FOLDER... [--sweep] [--errors]``

GOLD has one thread a line, ``{"thread", "docs": ["news-dev/2020-...txt", ...], "part"}``;
each FOLDER is built as one archive (its name the first part of a gold path), exactly as
the site builds it. A pair of documents is right when the gold puts them in one thread.
Documents in no gold thread belong to a part by a fixed rule (every third by name is
held out), so that a wrong link between two of them counts against the part it falls in.
``--sweep`` prints precision and recall over a grid of thresholds (tuning part only unless
``--part all``).
"""

from __future__ import annotations

import argparse
import itertools
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


def build_records(folders: list[Path], cache_dir: str, processes: int) -> list:
    """The records of the folders built as one archive, sources named ``folder/file``."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for folder in folders:
            shutil.copytree(folder, root / folder.name, ignore=shutil.ignore_patterns("*.md"))
        result = build_archive(root, cache_dir, processes)
    return result.records


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
            (60, 120, 240),
            (0.0, 0.05, 0.1, 0.15),
            (0.0, 0.4, 0.6, 0.8),
        ):
            settings = ThreadSettings(sim, min(sim, 0.12), window, cohesion, shared)
            p, r, f, *_ = score(system(settings), gold, part, args.part)
            row = f"{sim:9.2f} {window:6d} {cohesion:5.2f} {shared:5.2f}"
            print(f"{row}   {p:.3f}  {r:.3f}  {f:.3f}")
        return 0
    found = system(ThreadSettings())
    print(f"documents {len(records)}, gold threads {len(gold_rows)}, gold pairs {len(gold)}")
    for which in ("tune", "heldout", "all"):
        p, r, f, tp, n_sys, n_gold = score(found, gold, part, which)
        print(
            f"{which:8s} pairwise P {p:.3f}  R {r:.3f}  F1 {f:.3f}"
            f"   (right {tp}, linked {n_sys}, gold {n_gold})"
        )
    if args.errors:
        for a, b in sorted(found - gold):
            if part.get(a) != "heldout" and part.get(b) != "heldout":
                print(f"WRONG  {a}  ~  {b}")
        for a, b in sorted(gold - found):
            if part.get(a) != "heldout" and part.get(b) != "heldout":
                print(f"MISSED {a}  ~  {b}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
