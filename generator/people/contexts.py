"""Evidence from the text around a name that it is a place, a company or club, or a team:
"in Volgograd" and datelines (``place_like``), "X Holdings Inc", "club X", "X-based"
(``org_like``), the teams of results and standings rows (``team_names``), "X's <known full
name>" (``drop_possessors``)."""

from __future__ import annotations

import re

from ..nlp import entries
from .names import Candidate, norm_key
from .rules import switchable

PLACE_LABELS = {"GPE", "LOC", "FAC"}


_PLACE_CONTEXT = re.compile(r"\b(?:in|at|near|from|outside|inside|town of|city of|village of)$")


_CORP_SUFFIX = (
    "(?:" + "|".join(re.escape(w) for w in entries("corporate_suffixes", "people")) + r")\b"
)
_ORG_AFTER = re.compile(
    r"(?:\s+&?\s*[A-Z][A-Za-z.]+){0,3}\s+"
    + _CORP_SUFFIX
    + r"|(?:'s)?\s+(?:"
    + "|".join(entries("org_member_words", "people"))
    + r")\b"
)
_ORG_BEFORE = re.compile(
    # a "writing team" is no sports team
    r"(?:\b(?:(?<!writing )(?<!legal )(?<!creative )(?<!design )team|"
    r"club|side|company|firm|group|bank|carrier|airline|agency|newspaper|daily|"
    r"weekly|magazine|manufacturer|carmaker|insurer|retailer|brokerage|"
    r"shares in|shares of|stake in)|-based)\s+$"
)


def _occurrences(text: str, names: set[str], flags: int = 0):
    """Every occurrence of any of the names, in one pass over the text."""
    if not names:
        return
    pattern = re.compile(
        r"(?<![\w-])(?=("
        + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        + r")(?![\w-]))",
        flags,
    )
    for m in pattern.finditer(text):
        yield m.start(1), m.end(1), m.group(1)


@switchable("org_context", off=lambda text, names: set())
def org_like(text: str, names: set[str]) -> set[str]:
    """Names the text uses as a company, club or institution: "Magna International Inc",
    "Ontario-based Magna", "Belgian club Standard Liege", "Norwich striker"."""
    found = set()
    for start, end, name in _occurrences(text, names):
        if name not in found and (
            _ORG_AFTER.match(text, end, end + 60)
            or _ORG_BEFORE.search(text[max(0, start - 30) : start])
        ):
            found.add(name)
    return found


@switchable("place_context", off=lambda text, names: set())
def place_like(text: str, names: set[str]) -> set[str]:
    """One-word names (casefolded) the text uses as places: "in Volgograd", a dateline."""
    found = set()
    for start, end, name in _occurrences(text, names, re.I):
        key = name.casefold()
        if key in found:
            continue
        before = text[max(0, start - 16) : start].rstrip()
        line_start = text.rfind("\n", 0, start) + 1
        after = text[end : end + 40]
        if _PLACE_CONTEXT.search(before) or (
            line_start == start and re.match(r"[, A-Za-z.]*\d{4}-\d\d-\d\d", after)
        ):
            found.add(key)
    return found


_TEAM_PART = r"[A-Za-z][A-Za-z.'&/ -]*?[A-Za-z.]"
_BRACKET = r"(?:\s\([^()]*\))?"
_RESULT_LINE = re.compile(
    r"^\s*("
    + _TEAM_PART
    + r")"
    + _BRACKET
    + r"\s+(\d{1,3})\s+("
    + _TEAM_PART
    + r")"
    + _BRACKET
    + r"\s+(\d{1,3})\s*(?:\(.*\))?\s*$"
)
_STANDING_LINE = re.compile(r"^\s*(" + _TEAM_PART + r")((?:\s+[-+]?[\d./]+){3,})\s*-?\s*$")


@switchable("teams", off=lambda text: set())
def team_names(text: str) -> set[str]:
    """Names in results lines ("Pohang 3 Ulsan 2") and standings rows ("Wigan 5 3 1 1 8 4 10",
    small integers; golf rows "Bob Estes 64 67" are not standings)."""
    teams: set[str] = set()
    for line in text.splitlines():
        m = _RESULT_LINE.match(line)
        if m:
            teams.update((norm_key(m.group(1)), norm_key(m.group(3))))
            continue
        m = _STANDING_LINE.match(line)
        if m:
            ints = [int(n) for n in m.group(2).split() if n.isdigit()]
            if sum(1 for n in ints if n < 50) >= 2:
                teams.add(norm_key(m.group(1)))
    return teams


def venue_label(text: str, start: int, end: int) -> bool:
    """ "Chester-le-Street: Glamorgan 259 ...": a line-initial label before a colon."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and text[end : end + 2].lstrip().startswith(":")


@switchable("possessor", off=lambda text, cands: cands)
def drop_possessors(text: str, cands: list[Candidate]) -> list[Candidate]:
    """ "Everton's Duncan Ferguson", "Pakistan's Wasim Akram": a one-word name directly
    followed by a possessive and a known full name is a team, country or organization."""
    full = {c.text for c in cands if " " in c.text.strip()}
    if not full:
        return cands
    owners: set[str] = set()
    pattern = re.compile(
        r"(?<![\w-])([A-Z][\w-]+)['’]s\s+(?:"
        + "|".join(re.escape(f) for f in sorted(full, key=len, reverse=True))
        + r")(?![\w-])"
    )
    for m in pattern.finditer(text):
        owners.add(m.group(1))
    if not owners:
        return cands
    multi = {w for f in full for w in (f.split()[0], f.split()[-1])}
    return [c for c in cands if c.text.strip() not in owners or c.text.strip() in multi]
