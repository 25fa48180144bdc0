"""One document naming thousands of people: how long `mkdocs build` takes, how big the site is.

Usage, from the repository: ``python -m benchmarks.many_names [--sentences 6000]
[--documents 1] [--keep DIR] [--max-person-pages N]``

Writes a sources folder with distinct sentences "X Y, the mayor of Z, met A B." (names
combined from our own lists: about 230 KB for 6,000 sentences), in one file or shared out
over ``--documents`` files (``--sentences 3000 --documents 60``: 60 files of 100 distinct
people each, which the per-document cap of 100 people does not bound), a MkDocs project like
the tests' one, and runs a real `mkdocs build` in a subprocess (cold: no cache). Prints the
file size, wall seconds, the build's peak memory (max RSS of the child processes), the
site's size, the number of person pages and the largest page. Issue 13's target: under
2 minutes and under 200 MB of site.
"""

from __future__ import annotations

import argparse
import itertools
import resource
import tempfile
import time
from pathlib import Path

from tests.sites import mkdocs_build, write_site


def _words(text: str) -> list[str]:
    return text.split()


FIRST = _words(
    """Ana Bo Cai Dan Eva Finn Gus Hal Ida Jan Kai Liv Max Nia Ole Pia Rui Sam Tea Ulf Vic Wim
    Yan Zoe Abe Ben Cy Dag Eli Fay Gil Hed Ivo Joy Kim Lee Mia Ned Oda Per Quin Ray Sif Tor
    Una Val Wes Xia Yve Zac Amy Bea Cal Dee Ely Flo Geo Hux Ira Jo"""
)
# Surnames as Scandinavian and German ones are made: a stem and an ending (200 of them).
STEMS = _words("Lind Berg Holm Ek Sand Dahl Fors Nord Hag Wald Sten Ros Lil Falk Alm Ask Bjor Sol")
STEMS += _words("Ved Ny Ulv Hed Mal Tor Gran")
ENDINGS = _words("qvist man berg holm strom gren feld dal")
LAST = [stem + ending for stem in STEMS for ending in ENDINGS]
TOWNS = _words("Oslo Bergen Lund Ystad Kiel Graz Linz Bonn Turku Oulu Vaasa Pori Hamar Bodo")


def documents(sentences: int, files: int = 1) -> list[str]:
    """``files`` texts sharing ``sentences`` sentences; no name is in two of them."""
    plain = (f"{f} {s}" for s, f in itertools.product(LAST, FIRST))
    # past the 12,000 plain names, the same with a middle initial ("Ana K. Lindqvist")
    initialed = (
        f"{f} {i}. {s}" for i, s, f in itertools.product("BCDGHKLMNPRST", LAST, FIRST)
    )
    names = itertools.chain(plain, initialed)
    lines = []
    for i in range(sentences):
        a, b = next(names), next(names)
        lines.append(f"{a}, the mayor of {TOWNS[i % len(TOWNS)]}, met {b}.")
    per_file = -(-len(lines) // max(1, files))
    texts = []
    for n, start in enumerate(range(0, len(lines), per_file), start=1):
        part = lines[start : start + per_file]
        paragraphs = [" ".join(part[i : i + 10]) for i in range(0, len(part), 10)]
        title = "Many mayors" if files == 1 else f"Many mayors, part {n}"
        texts.append(title + "\n\n" + "\n\n".join(paragraphs) + "\n")
    return texts


def document(sentences: int) -> str:
    return documents(sentences)[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=6000)
    parser.add_argument("--documents", type=int, default=1, help="files to share them out over")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    parser.add_argument("--max-person-pages", type=int, help="the plugin option (default: its own)")
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="many-names-"))
    # The tests' project, without a cache: every run is a cold build.
    texts = documents(args.sentences, args.documents)
    names = ["many-mayors.txt"] if len(texts) == 1 else [
        f"many-mayors-{n:03d}.txt" for n in range(1, len(texts) + 1)
    ]
    options = 'cache_dir: ""'
    if args.max_person_pages is not None:
        options += f"\nmax_person_pages: {args.max_person_pages}"
    write_site(
        root,
        dict(zip(names, texts, strict=True)),
        plugin=options,
        site_name="Many names",
        site_url="https://example.org/many/",
    )
    paths = [root / "sources" / name for name in names]
    started = time.perf_counter()
    result = mkdocs_build(root, timeout=None)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    site = root / "site"
    files = [p for p in site.rglob("*") if p.is_file()]
    size_mb = sum(p.stat().st_size for p in files) / 1e6
    people = list((site / "participants").glob("*/index.html"))
    largest = max(files, key=lambda p: p.stat().st_size) if files else None
    size_kb = sum(p.stat().st_size for p in paths) / 1000
    print(f"sources: {len(paths)} files, {size_kb:.0f} KB, {args.sentences:,} sentences")
    print(f"mkdocs build: rc {result.returncode}, {seconds:.1f} s wall, peak RSS {peak_mb:.0f} MB")
    print(f"site: {size_mb:.1f} MB in {len(files):,} files; {len(people):,} person pages")
    if largest is not None:
        rel = largest.relative_to(site)
        print(f"largest file: {rel} ({largest.stat().st_size / 1e6:.2f} MB)")
    for line in result.stderr.splitlines():
        if any(w in line for w in ("people", "ERROR", "summaries:", "built in")):
            print("log:", line.strip())
    if result.returncode:
        print(result.stderr[-3000:])


if __name__ == "__main__":
    main()
