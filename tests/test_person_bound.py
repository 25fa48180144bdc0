"""Issue 13: person pages are bounded in total, not only per document (max_person_pages).
An archive of many documents, each naming its own people, gets at most that many person
pages; the rest are named as plain text on their documents, never as a broken link."""

from __future__ import annotations

import logging
import re

import pytest

from generator.site import SiteOptions, SiteRenderer

from .conftest import mkdocs_build, write_site
from .test_pages import hand_record


def _archive(documents: int, per_document: int) -> list:
    """``documents`` records, each naming its own people, and "Anna Shared" in every one;
    the people of document 0 appear in documents 0 and 1 too (two documents each)."""
    records = []
    for d in range(documents):
        names = [f"Person{d}x{i} Surname{i}" for i in range(per_document)]
        if d == 1:
            names += [f"Person0x{i} Surname{i}" for i in range(per_document)]
        names.append("Anna Shared")
        text = " ".join(f"{n} spoke." for n in names) + " It was on March 20."
        records.append(
            hand_record(
                text,
                source=f"doc-{d}.txt",
                slug=f"doc-{d}",
                title=f"Document {d}",
                date=f"2023-03-{d % 28 + 1:02d}",
                dates=[("March 20", "XXXX-03-20")],
                people=[(n, None) for n in names],
            )
        )
    return records


_PERSON_LINK = re.compile(r"\]\(((?:\.\./)*participants/[^)#]+)")


def _person_pages(pages: dict[str, str]) -> set[str]:
    return {
        u for u in pages
        if u.startswith("participants/") and u != "participants/index.md"
        and not u.startswith("participants/a-z/")
    }  # fmt: skip


def test_person_pages_are_bounded_in_total_with_a_warning(caplog):
    records = _archive(documents=12, per_document=30)  # 361 people, 100 pages allowed
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.summaries"):
        renderer = SiteRenderer(records, SiteOptions(max_person_pages=100))
        pages = renderer.render()
    assert len(_person_pages(pages)) == 100
    # the people in the most documents first: Anna Shared (12), document 0's people (2)
    assert "Anna Shared" in renderer.people
    assert all(f"Person0x{i} Surname{i}" in renderer.people for i in range(30))
    assert len(renderer.unpaged) == 261
    warning = [r.getMessage() for r in caplog.records if "max_person_pages" in r.getMessage()]
    assert len(warning) == 1
    assert "361 people in the archive, more than max_person_pages (100): the 261 in the " \
        "fewest documents (at most 1;" in warning[0]
    # the People index lists the people with a page, and only them
    index = "".join(v for u, v in pages.items() if u.startswith("participants/index"))
    assert "Anna Shared" in index
    assert not any(f"[{p.name}]" in index for p in renderer.unpaged)
    # among people of one document each, by name: the first kept, the last left out
    assert "Person10x0 Surname0" in renderer.people
    assert renderer.unpaged[-1].name == "Person9x9 Surname9"


def test_people_without_a_page_are_plain_text_and_no_link_is_broken():
    records = _archive(documents=12, per_document=30)
    renderer = SiteRenderer(records, SiteOptions(max_person_pages=100))
    pages = renderer.render()
    left_out = renderer.unpaged[0].name
    document = next(p for p in renderer.unpaged[0].records)
    page = pages[f"articles/2023/03/{document.slug}.md"]
    assert left_out in page  # named: in the people list and in the text
    assert f"[{left_out}]" not in page
    for uri, content in pages.items():
        folder = uri.rsplit("/", 1)[0] if "/" in uri else ""
        for target in _PERSON_LINK.findall(content):
            parts = [*folder.split("/"), *target.split("/")] if folder else target.split("/")
            resolved: list[str] = []
            for part in parts:
                if part == "..":
                    resolved.pop()
                elif part and part != ".":
                    resolved.append(part)
            assert "/".join(resolved) in pages, (uri, target)


def test_the_bound_is_deterministic_and_off_below_it():
    records = _archive(documents=6, per_document=20)
    first = SiteRenderer(records, SiteOptions(max_person_pages=50))
    again = SiteRenderer(list(reversed(records)), SiteOptions(max_person_pages=50))
    assert list(first.people) == list(again.people)
    assert [p.name for p in first.unpaged] == [p.name for p in again.unpaged]
    everyone = SiteRenderer(records, SiteOptions())
    assert len(everyone.people) == 6 * 20 + 1 and everyone.unpaged == []
    none = SiteRenderer(records, SiteOptions(max_person_pages=0))
    assert none.people == {} and "participants/index.md" in none.render()


@pytest.mark.slow
def test_a_real_build_keeps_the_bound_and_links_nothing_missing(tmp_path):
    sources = {
        "2020-01-01-a.txt": "Bridge\n\nMayor John Smith opened the bridge. Mary Jones, "
        "the engineer, spoke. Peter Brown watched.\n",
        "2020-01-02-b.txt": "Vote\n\nMayor John Smith lost the vote. Mary Jones, the engineer, "
        "resigned.\n",
        "2020-01-03-c.txt": "Fair\n\nMayor John Smith opened the fair. Alice Green sang.\n",
    }
    root = write_site(tmp_path, sources, plugin="max_person_pages: 2")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "target is not found" not in result.stderr  # MkDocs' word for a broken link
    people = sorted(p.parent.name for p in (root / "site" / "participants").glob("*/index.html"))
    assert people == ["john-smith", "mary-jones"]
    assert "more than max_person_pages (2): the 2 in the fewest documents (at most 1;" in (
        result.stderr
    )
    page = (root / "site" / "articles" / "2020" / "01" / "a" / "index.html").read_text()
    assert "Peter Brown" in page and "peter-brown" not in page
