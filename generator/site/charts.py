"""Small static SVG charts, drawn at build time: no script, no external request.

Every label goes through ``html.escape``: names come from documents.
"""

from __future__ import annotations

import math
from html import escape

BAR = "var(--md-accent-fg-color, #526cfe)"
TEXT = "var(--md-default-fg-color, #333)"
BACKGROUND = "var(--md-default-bg-color, #fff)"


def bars(counts: list[tuple[str, int]], title: str, unit: str = "month") -> str:
    """A bar per month, year or decade (label, count), oldest left; labels thinned out when
    they crowd. ``unit`` names the period in the caption."""
    if not counts:
        return ""
    width, height, pad = 600, 180, 26
    n = len(counts)
    step = (width - 2 * pad) / n
    top = max(c for _, c in counts) or 1
    every = max(1, round(n / 12))
    by_year = unit == "month" and n > 24  # label Januaries with their year
    year_every = max(1, round(n / 12 / 12))
    parts = [
        f'<svg class="summaries-chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    for i, (label, count) in enumerate(counts):
        h = max((height - 2 * pad) * count / top, 2.0 if count else 0.0)
        x = pad + i * step
        parts.append(
            f'<rect x="{x + step * 0.1:.1f}" y="{height - pad - h:.1f}" width="{step * 0.8:.1f}" '
            f'height="{h:.1f}" fill="{BAR}"><title>{escape(label)}: {count}</title></rect>'
        )
        if by_year:
            year = label[:4]
            shown = label.endswith("-01") and year.isdigit() and int(year) % year_every == 0
            text = year
        else:
            shown, text = i % every == 0, label
        if shown:
            parts.append(
                f'<text x="{x + step / 2:.1f}" y="{height - 8}" font-size="14" fill="{TEXT}" '
                f'text-anchor="middle">{escape(text)}</text>'
            )
    parts.append(
        f'<line x1="{pad}" y1="{height - pad + 0.5}" x2="{width - pad}" y2="{height - pad + 0.5}" '
        f'stroke="{TEXT}" stroke-opacity="0.3"/>'
    )
    parts.append(
        f'<text x="{pad}" y="16" font-size="14" fill="{TEXT}">{escape(title)} '
        f"(at most {top} a {escape(unit)})</text></svg>"
    )
    return "".join(parts)


month_bars = bars


def companions(name: str, others: list[tuple[str, int]]) -> str:
    """The person in the middle, the people they appear with around them; a thicker line is
    more shared documents. ``others`` is (name, shared documents).

    No links inside the picture: the list beside it has them (Material's instant loading
    rewrites every ``a.href`` and fails on SVG links)."""
    if not others:
        return ""
    width, height, r = 600, 320, 110
    cx, cy = width / 2, height / 2
    top = max(n for _, n in others)
    parts = [
        f'<svg class="summaries-companions" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="People who appear with {escape(name)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>People who appear with {escape(name)}</title>",
    ]
    spots = []
    for i, (other, shared) in enumerate(others):
        angle = 2 * math.pi * i / len(others) - math.pi / 2
        x, y = cx + r * math.cos(angle), cy + r * math.sin(angle)
        spots.append((other, shared, x, y))
        parts.append(
            f'<line x1="{cx}" y1="{cy}" x2="{x:.1f}" y2="{y:.1f}" stroke="{BAR}" '
            f'stroke-width="{1 + 4 * shared / top:.1f}" opacity="0.6"/>'
        )
    parts.append(f'<circle cx="{cx}" cy="{cy}" r="9" fill="{BAR}"/>')
    parts.append(
        f'<text x="{cx}" y="{cy + 28}" font-size="15" font-weight="bold" fill="{TEXT}" '
        f'text-anchor="middle" paint-order="stroke" stroke="{BACKGROUND}" stroke-width="4">'
        f"{escape(_short(name))}</text>"
    )
    for other, shared, x, y in spots:
        anchor = "start" if x > cx + 1 else "end" if x < cx - 1 else "middle"
        dx = 9 if anchor == "start" else -9 if anchor == "end" else 0
        dy = -9 if anchor == "middle" and y < cy else 17 if anchor == "middle" else 4
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{BAR}"/>'
            f'<text x="{x + dx:.1f}" y="{y + dy:.1f}" font-size="14" fill="{TEXT}" '
            f'text-anchor="{anchor}">{escape(_short(other))} ({shared})</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _short(name: str, limit: int = 22) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"
