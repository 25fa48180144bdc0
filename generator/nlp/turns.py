"""Interviews: speaker marks at a paragraph's start read as the turns of a dialogue.

Wikinews writes an interview as paragraphs opened by a mark, ``((WN)) What interested you?``
and ``((Dorsa Derakhshani)) I'm a professional chess player``; other outlets write ``Q:`` and
``A:``. The marks are page markup, not the story's words: the analysis hides them from the
parser (:func:`mask`, so no mark becomes a name, a tag or part of a summary sentence), the
summary is drawn from the answers (:func:`answers`), and the page shows each turn with its
speaker's name. The forms are data (``data/en/speaker_marks.yml``, with examples a test
checks); this module imports no model, so the site may use it too.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from ..record import Mention, Turn
from .vocabulary import table

_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: blank-line separated when the text has blank lines, else one a line."""
    sep = re.compile(r"\n[ \t]*\n\s*" if _BLANK_LINE.search(text) else r"\n+")
    spans, start = [], 0
    for match in sep.finditer(text):
        if text[start : match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


@dataclass(frozen=True)
class Forms:
    """``speaker_marks.yml`` compiled."""

    marks: tuple[re.Pattern[str], ...]
    language: re.Pattern[str]
    lost_mark: re.Pattern[str]
    initials: re.Pattern[str]
    min_turns: int
    interviewer: dict[str, str]  # casefolded mark -> name shown
    interviewee: dict[str, str]
    unnamed: dict[str, str]
    data: dict[str, Any]


@functools.cache
def forms() -> Forms:
    data = table("speaker_marks")
    return Forms(
        marks=tuple(re.compile(entry["pattern"]) for entry in data["marks"]),
        language=re.compile(data["language"]),
        lost_mark=re.compile(data["lost_mark"]),
        initials=re.compile(data["initials"]),
        min_turns=int(data["min_turns"]),
        interviewer={k.casefold(): v for k, v in data["interviewer"].items()},
        interviewee={k.casefold(): v for k, v in data["interviewee"].items()},
        unnamed=dict(data["unnamed"]),
        data=data,
    )


def mark_at(text: str, pos: int, end: int | None = None) -> re.Match[str] | None:
    """The speaker mark that starts at ``pos``, if any (a language mark is none)."""
    f = forms()
    end = len(text) if end is None else end
    if f.language.match(text, pos, end):
        return None
    for pattern in f.marks:
        match = pattern.match(text, pos, end)
        if match and match.group("name").strip():
            return match
    return None


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace(".", ". ").split() if w[:1].isupper())


def find_turns(text: str) -> list[Turn]:
    """The turns of an interview, in order; none when the text has fewer than ``min_turns``
    speaker marks. A turn runs from its mark to the next mark; an unmarked paragraph after
    a question the interviewer ends with "?" is the interviewee's answer (the outlet dropped
    its mark), and an unmarked question right before the first answer is the interviewer's."""
    f = forms()
    paras = []
    for start, end in paragraphs(text):
        lead = start + len(text[start:end]) - len(text[start:end].lstrip())
        paras.append((lead, end, mark_at(text, lead, end)))
    marked = [m for _, _, m in paras if m]
    if len(marked) < f.min_turns:
        return []
    names = [m.group("name").strip() for m in marked]
    named = {n for n in names if not _asks(n, set()) and n.casefold() not in f.interviewee}
    named_initials = {_initials(n) for n in named}

    def interviewer(name: str) -> bool:
        return _asks(name, named_initials)

    asking = Counter(_shown(n) for n in names if interviewer(n))
    asker = asking.most_common(1)[0][0] if asking else ""
    people = {_shown(n) for n in names if not interviewer(n)}
    answerer = next(iter(people)) if len(people) == 1 else ""
    turns: list[Turn] = []
    first_mark = next(i for i, (_, _, m) in enumerate(paras) if m)
    for i, (start, end, match) in enumerate(paras):
        body = text[start:end].rstrip()
        if match:
            name = match.group("name").strip()
            turns.append(Turn(_shown(name), interviewer(name), start, end, match.end()))
        elif lost := f.lost_mark.match(text, start, end):
            turns.append(Turn(asker, True, start, end, lost.end()))
        elif turns:
            last = turns[-1]
            if last.interviewer and _ends_question(text[last.start : last.end]):
                turns.append(Turn(answerer, False, start, end, start))
            else:
                turns[-1] = replace(last, end=end)
        elif i == first_mark - 1 and _ends_question(body):
            following = paras[first_mark][2]
            if following and not interviewer(following.group("name").strip()):
                turns.append(Turn(asker, True, start, end, start))
    return turns


def _asks(name: str, named_initials: set[str]) -> bool:
    f = forms()
    if name.casefold() in f.interviewer:
        return True
    return bool(f.initials.fullmatch(name)) and name not in named_initials


def _shown(name: str) -> str:
    f = forms()
    key = name.casefold()
    return f.interviewer.get(key) or f.interviewee.get(key) or name


def _ends_question(text: str) -> bool:
    return text.rstrip().rstrip("\"'\u201d\u2019)").endswith("?")


def name_speakers(turns: list[Turn], people: Iterable[str], title: str = "") -> list[Turn]:
    """Speakers named as the document names them: a reporter's initials mark as the person
    they abbreviate ("WSS": William S. Saturn), an answer with no name as the one person the
    title names ("Wikinews interviews Sandra Jephcott")."""
    if not turns:
        return turns
    people = list(people)
    by_initials: dict[str, list[str]] = {}
    for name in people:
        by_initials.setdefault(_initials(name), []).append(name)
    in_title = [n for n in people if n and n in title]
    f = forms()
    out = []
    for turn in turns:
        speaker = turn.speaker
        if f.initials.fullmatch(speaker) and len(by_initials.get(speaker, [])) == 1:
            speaker = by_initials[speaker][0]
        elif not speaker and not turn.interviewer and len(in_title) == 1:
            speaker = in_title[0]
        out.append(replace(turn, speaker=speaker) if speaker != turn.speaker else turn)
    return out


def shown_name(turn: Turn) -> str:
    """The name a page shows for a turn (the fallback when the text names no one)."""
    unnamed = forms().unnamed
    return turn.speaker or unnamed["interviewer" if turn.interviewer else "interviewee"]


def hidden_marks(text: str, turns: list[Turn]) -> list[Mention]:
    """What a reader never sees as text: the turns' marks and the language marks."""
    spans = [Mention(t.start, t.words) for t in turns if t.words > t.start]
    spans += [Mention(*m.span()) for m in forms().language.finditer(text)]
    return sorted(spans, key=lambda m: m.start)


def mask(text: str, spans: list[Mention]) -> str:
    """The text with ``spans`` (:func:`hidden_marks`') blanked, same length: offsets stay true."""
    if not spans:
        return text
    out, pos = [], 0
    for span in spans:
        out.append(text[pos : span.start])
        out.append(" " * (span.end - span.start))
        pos = span.end
    out.append(text[pos:])
    return "".join(out)


def answers(turns: list[Turn]) -> list[Mention]:
    """The interviewee's words: where an interview's summary comes from."""
    return [Mention(t.words, t.end) for t in turns if not t.interviewer]


def questions(turns: list[Turn]) -> list[Mention]:
    """The interviewer's turns, marks included: never in a summary."""
    return [Mention(t.start, t.end) for t in turns if t.interviewer]
