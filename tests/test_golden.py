"""Golden outputs: the `analyze` JSON Lines and the generated pages, byte for byte.

A refactor that claims to change nothing proves it here. When a change of behaviour is
meant, rewrite the files with `python -m pytest tests/test_golden.py --update-golden` and
let the diff of `tests/golden/` show, in the same commit, what a reader will see change
(as mkdocs-gen-files keeps its expected outputs beside its tests).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"
SEEDS = ROOT / "seeds"
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"

pytestmark = pytest.mark.model  # the `generator` command loads it in a child process


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "--no-progress", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )


def _analyze_input(tmp_path: Path) -> Path:
    """The seeds as the `analyze` contract takes them: id, text, date from the file name."""
    lines = []
    for path in sorted(SEEDS.rglob("*.txt")):
        row = {"id": path.relative_to(SEEDS).as_posix(), "text": path.read_text("utf-8")}
        if m := re.match(r"\d{4}-\d{2}-\d{2}", path.name):
            row["date"] = m.group(0)
        lines.append(json.dumps(row, ensure_ascii=False))
    out = tmp_path / "in.jsonl"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def _files(root: Path) -> dict[str, bytes]:
    # `_sources/` holds copies of the inputs and `assets/` of the packaged stylesheet:
    # comparing them again proves nothing (tests/test_pages.py checks they are published).
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not {"_sources", "assets"} & set(p.relative_to(root).parts)
    }


def _compare(name: str, produced: dict[str, bytes], update: bool) -> None:
    folder = GOLDEN / name
    if update:
        shutil.rmtree(folder, ignore_errors=True)
        for rel, data in produced.items():
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            (folder / rel).write_bytes(data)
        pytest.skip(f"rewrote tests/golden/{name}")
    expected = _files(folder)
    assert sorted(produced) == sorted(expected), f"{name}: other files than the golden ones"
    changed = [rel for rel in expected if produced[rel] != expected[rel]]
    assert not changed, f"{name}: {len(changed)} files differ from the golden ones: {changed[:10]}"


def test_analyze_output_is_golden(tmp_path: Path, update_golden: bool) -> None:
    result = _cli("analyze", str(_analyze_input(tmp_path)), "--processes", "1")
    _compare("analyze", {"seeds.jsonl": result.stdout.encode("utf-8")}, update_golden)


@pytest.mark.parametrize("name, src", [("pages-seeds", SEEDS), ("pages-hostile", HOSTILE)])
def test_generated_pages_are_golden(
    tmp_path: Path, update_golden: bool, name: str, src: Path
) -> None:
    out = tmp_path / "pages"
    _cli("pages", str(src), str(out), "--cache-dir", "", "--processes", "1")
    produced = _files(out)
    produced["summaries.yml"] = (tmp_path / "summaries.yml").read_bytes()
    _compare(name, produced, update_golden)
