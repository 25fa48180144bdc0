"""Document text into a page: escaped for HTML and for the Markdown that reads it.

Document text only ever reaches a page through Jinja2's autoescaping or ``markupsafe.escape``
inside raw HTML blocks, which Markdown passes through untouched: text that looks like HTML,
Markdown, YAML or Jinja shows literally."""

from __future__ import annotations

import re
from collections.abc import Iterable

from markupsafe import Markup, escape

from ..nlp.turns import hidden_marks, paragraphs, shown_name
from ..record import Mention, Turn
from .archive import date_forms

__all__ = ["date_forms_html", "html_text", "markup_text", "md_escape", "paragraphs"]

# Characters that start Markdown inline syntax in Python-Markdown and the extensions Material
# sites use (emphasis, code, links, attribute lists, pymdownx tilde/caret/mark/keys/emoji/
# arithmatex, magic links after a colon): as character references, text inside
# `markdown="span"` HTML stays literal, and reads the same in plain HTML.
_MD_SPECIAL = re.compile(r"[\\`*_\[\]{}~^=+:$|!]")
_HARD_BREAK = re.compile(r"[ \t]+(?=[\r\n])")


def md_escape(value: object) -> Markup:
    """``value`` as text for HTML that Markdown also reads (``markdown="span"`` elements):
    HTML-escaped, and every Markdown-special character (and the spaces of a two-space hard
    break) a character reference: neither HTML nor Markdown in a document changes the page."""
    if isinstance(value, Markup):
        return value
    text = _MD_SPECIAL.sub(_reference, str(escape(value)))
    return Markup(_HARD_BREAK.sub(lambda m: "".join(map(_reference, m.group())), text))


def html_text(value: object) -> Markup:
    """``value`` as text for a raw HTML paragraph inside a ``markdown="1"`` block: HTML-
    escaped, and its braces character references. md_in_html still hands such a paragraph's
    text to the attribute-list extension, which reads a line ``{: onclick=...}`` as the
    paragraph's attributes (a script on the page)."""
    if isinstance(value, Markup):
        return value
    return Markup(str(escape(value)).replace("{", "&#123;").replace("}", "&#125;"))


def _reference(char: str | re.Match) -> str:
    char = char if isinstance(char, str) else char.group()
    return f"&#{ord(char)};"


def _turn_paragraph(turn: Turn | None, p_start: int, p_end: int, text_of) -> tuple[str, str]:
    """The class attribute and the speaker label of a paragraph of an interview's turn."""
    if turn is None:
        return "", ""
    kind = "summaries-question" if turn.interviewer else "summaries-answer"
    if not p_start <= turn.start < p_end:  # the turn's second paragraph or later
        return f' class="summaries-turn {kind} summaries-turn-more"', ""
    label = f'<span class="summaries-speaker">{text_of(shown_name(turn))}</span> '
    return f' class="summaries-turn {kind}"', label


def markup_text(
    text: str,
    marks: list[Mention],
    links: list[tuple[Mention, str]],
    turns: list[Turn] | None = None,
) -> Markup:
    """The text as escaped paragraphs (``markdown="span"``: its links are Markdown links, see
    `link_target`), ``marks`` highlighted and ``links`` linked to their targets. An
    interview's ``turns`` are paragraphs of a dialogue, each opened by its speaker's name in
    place of the text's speaker mark; no ``((...))`` mark of a turn or a language is shown."""

    def covering(spans: Iterable[Mention], pos: int) -> Mention | None:
        return next((s for s in spans if s.start <= pos < s.end), None)

    turns = turns or []
    hidden = hidden_marks(text, turns)
    usable = [
        (m, href)
        for m, href in links
        if covering(marks, m.start) == covering(marks, m.end - 1)
        and m.end > m.start
        and covering(hidden, m.start) is None
    ]
    html: list[str] = []
    for p_start, p_end in paragraphs(text):
        cuts = {p_start, p_end}
        for span in [*marks, *(m for m, _ in usable), *hidden]:
            cuts.update(c for c in (span.start, span.end) if p_start < c < p_end)
        points = sorted(cuts)
        # Only a paragraph with a link needs Markdown (and its escaping): the others stay raw
        # HTML, which costs the builder nothing to parse.
        linked = any(m.start < p_end and m.end > p_start for m, _ in usable)
        text_of = md_escape if linked else html_text
        turn = next((t for t in turns if t.start < p_end and p_start < t.end), None)
        attributes, label = _turn_paragraph(turn, p_start, p_end, text_of)
        html.append(f'<p{attributes} markdown="span">' if linked else f"<p{attributes}>")
        html.append(label)
        open_mark: Mention | None = None
        open_link: tuple[Mention, str] | None = None
        for a, b in zip(points, points[1:], strict=False):
            if covering(hidden, a):
                continue
            mark = covering(marks, a)
            link = next(((m, h) for m, h in usable if m.start <= a < m.end), None)
            if (mark, link) != (open_mark, open_link):
                if open_link:
                    html.append(f"]({open_link[1]}){{: .summaries-person }}")
                if mark != open_mark:
                    if open_mark:
                        html.append("</mark>")
                    if mark:
                        html.append(
                            '<mark class="summaries-summary-sentence" title="In the summary">'
                        )
                if link:
                    html.append("[")
                open_mark, open_link = mark, link
            html.append(str(text_of(text[a:b])))
        if open_link:
            html.append(f"]({open_link[1]}){{: .summaries-person }}")
        if open_mark:
            html.append("</mark>")
        # One paragraph a line: md_in_html reads a block tag only at a line's start, and a raw
        # paragraph on the line of a Markdown one would be read as Markdown.
        html.append("</p>\n")
    return Markup("".join(html))


def date_forms_html(value: str) -> Markup:
    """A date's other written forms, for find-in-page tools and Pagefind: in the page but not
    shown (the label already says it). Material's index gets them in its ``tags`` field
    instead (see ``search.add_date_terms``), so they are left out of its text."""
    forms = date_forms(value)
    if not forms:
        return Markup("")
    return Markup('<span class="summaries-date-forms" data-search-exclude> ({})</span>').format(
        Markup("; ").join(map(md_escape, forms))
    )


# Where whitespace is the content: code, form fields, scripts and styles stay as written.
_VERBATIM = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.S | re.I)
_BLANK_RUN = re.compile(r"[ \t]*\n\s*")


def squeeze_whitespace(html: str) -> str:
    """A page's HTML with each run of whitespace that holds a line break cut to that line
    break: the browser shows it the same (outside ``pre`` and the like, kept verbatim), and
    the theme's templates indent and repeat blank lines enough to be a sixth of the site."""
    parts = _VERBATIM.split(html)
    out = []
    # split() gives text, then each verbatim block followed by its tag name.
    for i in range(0, len(parts), 3):
        out.append(_BLANK_RUN.sub("\n", parts[i]))
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return "".join(out)
