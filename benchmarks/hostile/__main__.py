"""Run the blind hostile corpora of issue 13 against the repository this file is in.

    python -m benchmarks.hostile [--corpus b c d] [--workdir DIR]

Each corpus's own runner (``X/run.sh``) generates its corpus in ``WORKDIR/X``, builds it with
PYTHONPATH = the repository root and prints its table; this entry point streams that table,
keeps it in ``WORKDIR/X/run.out`` and ends with one line per corpus:
``corpus X: N checks, P pass, F fail, S soft``.
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CORPORA = ("b", "c", "d")

# Each judge prints its totals in its own words; these read them back, unchanged.
_B_TOTALS = re.compile(r"^(cases|global\+extra): (\d+)  PASS (\d+)  FAIL (\d+)  SOFT (\d+)", re.M)
_C_TOTALS = re.compile(r"^TOTAL (\d+): (\d+) PASS, (\d+) FAIL", re.M)
_D_TOTALS = re.compile(r"^TOTAL (\d+): PASS (\d+)  FAIL (\d+)  SOFT (\d+)", re.M)


def _free_port() -> int:
    # The testers' runs in /tmp may hold the default listener ports at the same time.
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def totals(corpus: str, out: str) -> tuple[int, int, int, int] | None:
    """(checks, pass, fail, soft) from a corpus's printed table, None if it printed none."""
    if corpus == "b":
        rows = _B_TOTALS.findall(out)
        if {r[0] for r in rows} != {"cases", "global+extra"}:
            return None
        n, p, f, s = (sum(int(r[i]) for r in rows[-2:]) for i in range(1, 5))
        return n, p, f, s
    if corpus == "c":
        m = _C_TOTALS.findall(out)
        if not m:
            return None
        n, p, f = (int(x) for x in m[-1])
        return n, p, f, 0
    m = _D_TOTALS.findall(out)
    if not m:
        return None
    n, p, f, s = (int(x) for x in m[-1])
    return n, p, f, s


def run(corpus: str, workdir: Path) -> tuple[str, int]:
    cdir = workdir / corpus
    cdir.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO)
    env["H13B_PORT"] = str(_free_port())
    env["H13C_PORT"] = str(_free_port())
    cmd = ["bash", str(HERE / corpus / "run.sh"), str(REPO), str(cdir)]
    print(f"== corpus {corpus}: {' '.join(cmd)}", flush=True)
    lines = []
    with (
        open(cdir / "run.out", "w") as log,
        subprocess.Popen(
            cmd,
            cwd=cdir,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            errors="replace",
        ) as proc,
    ):
        assert proc.stdout is not None
        for line in proc.stdout:
            sys.stdout.write(line)
            sys.stdout.flush()
            log.write(line)
            lines.append(line)
    return "".join(lines), proc.returncode


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m benchmarks.hostile", description=__doc__.split("\n")[0]
    )
    ap.add_argument("--corpus", nargs="+", choices=CORPORA, default=list(CORPORA))
    ap.add_argument("--workdir", type=Path, help="default: a fresh temporary folder")
    args = ap.parse_args(argv)
    if args.workdir is None:
        workdir = Path(tempfile.mkdtemp(prefix="hostile-"))
    else:
        workdir = args.workdir.resolve()
        # Generated corpora hold symlinks to /etc, FIFOs, a socket: never inside the checkout.
        if workdir == REPO or REPO in workdir.parents:
            ap.error(f"--workdir must be outside the repository ({REPO})")
        workdir.mkdir(parents=True, exist_ok=True)
    print(f"repository: {REPO}\nworkdir: {workdir}", flush=True)
    summary = []
    bad = False
    for corpus in dict.fromkeys(args.corpus):
        t0 = time.monotonic()
        out, rc = run(corpus, workdir)
        secs = time.monotonic() - t0
        print(f"== corpus {corpus}: runner exit {rc} after {secs:.0f} s", flush=True)
        t = totals(corpus, out)
        if t is None:
            bad = True
            log = workdir / corpus / "run.out"
            summary.append(f"corpus {corpus}: no totals printed (runner exit {rc}), see {log}")
            continue
        n, p, f, s = t
        bad = bad or f > 0
        summary.append(f"corpus {corpus}: {n} checks, {p} pass, {f} fail, {s} soft")
    print()
    for line in summary:
        print(line)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
