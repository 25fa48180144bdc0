"""Real `mkdocs build` runs in tmp_path with the plugin installed from this checkout."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT, SEED, mkdocs_build, write_site

pytestmark = pytest.mark.slow


def _search_docs(site: Path) -> list[dict]:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_seed_site_builds_and_search_finds_mishustin(tmp_path):
    root = write_site(tmp_path, {SEED.name: SEED.read_text(encoding="utf-8")})
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    page = root / "site" / "articles" / SEED.stem / "index.html"
    html = page.read_text(encoding="utf-8")
    assert "Mikhail Mishustin" in html and "Russian Prime Minister" in html
    assert "March 21 (year unknown)" in html
    hits = [d for d in _search_docs(root / "site") if "Mishustin" in d["text"] + d["title"]]
    assert any(d["location"].startswith(f"articles/{SEED.stem}/") for d in hits)
    for page in ("participants/mikhail-mishustin", "participants", "timeline", "tags"):
        assert (root / "site" / page / "index.html").is_file(), page
    assert not any((root / "docs").iterdir()), "nothing may be written into docs/"


def test_markdown_front_matter_overrides_extraction(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    source = (
        "---\n"
        "title: 'Talks in Moscow: day one'\n"
        "date: 2023-03-20\n"
        "summary: An author's own summary.\n"
        "participants:\n"
        "  - {name: Vladimir Putin, role: President of Russia}\n"
        "---\n" + text
    )
    root = write_site(tmp_path, {"talks.md": source})
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    html = (root / "site" / "articles" / "2023" / "03" / "talks" / "index.html").read_text()
    assert "Talks in Moscow: day one" in html
    assert "An author&#39;s own summary." in html or "An author's own summary." in html
    assert "President of Russia" in html
    assert "participants/mikhail-mishustin" not in html
    # With the author's date, the year of "March 21" is known.
    assert "March 21, 2023" in html


def test_second_build_uses_the_cache(tmp_path):
    root = write_site(tmp_path, {SEED.name: SEED.read_text(encoding="utf-8")})
    first = mkdocs_build(root)
    assert "1 analysed, 0 from cache" in first.stderr
    second = mkdocs_build(root)
    assert second.returncode == 0, second.stderr
    assert "0 analysed, 1 from cache" in second.stderr
    entries = list((root / ".cache" / "summaries").rglob("*.json"))
    assert len(entries) == 1
    entries[0].write_text('{"key": "truncat', encoding="utf-8")
    third = mkdocs_build(root)
    assert "1 analysed, 0 from cache" in third.stderr, "a corrupt entry is recomputed"


def test_hand_written_pages_win_and_listing_marker(tmp_path):
    root = write_site(
        tmp_path,
        {SEED.name: SEED.read_text(encoding="utf-8")},
        docs={
            "index.md": "# My archive\n\n<!-- summaries:listing -->\n",
            "timeline.md": "# Mine\n",
        },
    )
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    assert "timeline.md is written by hand" in result.stderr
    assert "# Mine" in (root / "docs" / "timeline.md").read_text()
    home = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert "My archive" in home and f'href="articles/{SEED.stem}/"' in home
    assert "Mine" in (root / "site" / "timeline" / "index.html").read_text(encoding="utf-8")


def test_pages_command_writes_front_matter(tmp_path):
    import subprocess
    import sys

    src = tmp_path / "src"
    src.mkdir()
    (src / "2023-03-22-talks.txt").write_text(
        "Putin and Xi meet\n\n" + SEED.read_text(encoding="utf-8"), encoding="utf-8"
    )
    out = tmp_path / "out"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "--no-progress",
            "pages",
            "--cache-dir",
            "",
            str(src),
            str(out),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    page = (out / "articles" / "2023" / "03" / "talks.md").read_text(encoding="utf-8")
    meta = yaml.safe_load(page.split("---\n")[1])
    assert meta["title"] == "Putin and Xi meet"
    assert str(meta["date"]) == "2023-03-22"
    assert {"name": "Xi Jinping", "role": "Chinese President"} in meta["participants"]
    assert meta["description"] == " ".join(meta["summary"])
    assert "Mikhail Mishustin" in meta["tags"]


def test_example_site_builds_strict():
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name in ("mkdocs.yml", "docs", "seeds"):
            src = ROOT / name
            (shutil.copytree if src.is_dir() else shutil.copy)(src, root / name)
        result = mkdocs_build(root, "--strict")
        assert result.returncode == 0, result.stderr
        assert (root / "site" / "timeline" / "index.html").is_file()


def test_alias_file_and_sidecar_are_honoured_on_every_page(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    root = write_site(
        tmp_path,
        {
            "2023-03-21-talks.txt": "Talks in Moscow\n\n" + text,
            "2023-03-21-talks.meta.yml": "title: Xi visits Moscow\nplaces: [Moscow, Beijing]\n",
            "other.txt": "Putin said the talks went well. Vladimir Putin left on Friday.\n",
            "aliases.yml": "Vladimir Putin: Vladimir V. Putin\nPutin: Vladimir V. Putin\n",
        },
    )
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    site = root / "site"
    person = site / "participants" / "vladimir-v-putin" / "index.html"
    assert person.is_file()
    html = person.read_text(encoding="utf-8")
    assert "Xi visits Moscow" in html, "the sidecar title wins"
    visible = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "Appears in 2 documents" in visible, "both spellings are one person"
    assert not (site / "participants" / "vladimir-putin").exists()
    page = (site / "articles" / "2023" / "03" / "talks" / "index.html").read_text(encoding="utf-8")
    assert "Xi visits Moscow" in page
    assert "Ukraine" not in page.split("Full text")[0], "the sidecar's places replace extraction"


def test_search_index_stays_small_by_default():
    """Title, summary, key facts and tags are indexed; full text, listings and the lists on
    person and timeline pages are not (issue: under 2 KB of index per document)."""
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name in ("mkdocs.yml", "docs", "seeds"):
            src = ROOT / name
            (shutil.copytree if src.is_dir() else shutil.copy)(src, root / name)
        shutil.rmtree(root / "docs")
        (root / "docs").mkdir()
        result = mkdocs_build(root)
        assert result.returncode == 0, result.stderr
        raw = (root / "site" / "search" / "search_index.json").read_text(encoding="utf-8")
        documents = len(list((root / "seeds").rglob("*.txt")))
        assert len(raw) / documents < 2048
        docs = json.loads(raw)["docs"]
        assert not any(d["location"].startswith("tags/") for d in docs)
        assert not any(d["location"].endswith("#full-text") for d in docs)
        assert any("Mishustin" in " ".join(d.get("tags", [])) for d in docs)
