"""Which author keys reach a page's front matter, and in what shape.

The front matter of a generated page is closed: the keys the project writes itself, and an
allow-list of keys that Material for MkDocs and the configured plugins read, each with the
type they need. A theme prints several front matter values as raw HTML (``subtitle`` and
``status`` in every nav entry, ``author`` in a ``<meta>`` attribute), includes files named by
others (``icon``, ``template``) and redirects on ``location``; the feed plugin fetches or
stats ``image`` (so only a path to one of the site's own images passes). So nothing an
author writes reaches the page unchecked: a value of the wrong type is dropped with a
warning naming the file and the key, and every other key is kept, inert and HTML-escaped,
under :data:`NAMESPACE`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

NAMESPACE = "summaries_extra"

# Material's `hide` values (https://squidfunk.github.io/mkdocs-material/reference/).
HIDE_VALUES = frozenset(["navigation", "toc", "footer", "feedback", "tags", "path"])
_ICON = re.compile(r"^[a-z0-9][a-z0-9_-]*(?:/[a-z0-9][a-z0-9_-]*)+$")
_STATUS = re.compile(r"^[a-z][a-z0-9_-]{0,30}$")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_WEB_URL = re.compile(r"^https?://[^\s\"'<>\\]+$")
# A tag the tags plugin would print as markup: '<', '>', '"' or a character reference.
UNSAFE_TAG = re.compile(r"[<>\"]|&(?:#|[A-Za-z][A-Za-z0-9]*;)")
# Kept out of the page with a warning: what they would do there is not the author's to decide.
NEVER = {
    "template": "would choose the page's template",
    "location": "would make the page a redirect",
}
# A feed image: a path from the site's root to an image file, segments that start with a
# letter, digit or "_" (so never "." or ".."), no scheme, no leading "/", no backslash.
_IMAGE_PATH = re.compile(
    r"^[A-Za-z0-9_][A-Za-z0-9_.@+-]*(?:/[A-Za-z0-9_][A-Za-z0-9_.@+-]*)*"
    r"\.(?:png|jpe?g|gif|webp|avif|svg)$",
    re.IGNORECASE,
)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//")


class Invalid(ValueError):
    """A value of the wrong type or shape for its key; the message says what is expected."""


def escape(value: str) -> str:
    """``&``, ``<``, ``>`` and ``"`` as entities (themes print these values as raw HTML)."""
    return (
        value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def one_line(value: str) -> str:
    """Control characters (never valid in a feed's XML) and line breaks made spaces."""
    return " ".join(_CONTROL.sub(" ", value).split())


def _text(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise Invalid("expected a line of text")
    text = one_line(str(value))
    if not text:
        raise Invalid("expected a line of text, not an empty one")
    return text


def _html_text(value: Any) -> str:
    return escape(_text(value))


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise Invalid("expected true or false")
    return value


def _hide(value: Any) -> list[str]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items:
        raise Invalid(f"expected a list of {', '.join(sorted(HIDE_VALUES))}")
    unknown = [str(v) for v in items if not isinstance(v, str) or v not in HIDE_VALUES]
    if unknown:
        raise Invalid(f"unknown value {unknown[0]!r}; expected {', '.join(sorted(HIDE_VALUES))}")
    return list(dict.fromkeys(items))


def _search(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict) or not value:
        raise Invalid("expected a mapping with 'exclude: true|false' and/or 'boost: NUMBER'")
    out: dict[str, Any] = {}
    for key, item in value.items():
        if key == "exclude":
            out["exclude"] = _bool(item)
        elif key == "boost":
            if isinstance(item, bool) or not isinstance(item, int | float) or not 0 < item <= 100:
                raise Invalid("'boost' must be a number above 0 and at most 100")
            out["boost"] = item
        else:
            raise Invalid(f"unknown key {key!r}; expected 'exclude' or 'boost'")
    return out


def _material_icons() -> Path | None:
    try:
        import material
    except ImportError:  # pragma: no cover - Material is a dependency
        return None
    return Path(material.__file__).resolve().parent / "templates" / ".icons"


def _icon(value: Any) -> str:
    if not isinstance(value, str) or not _ICON.match(value.strip()):
        raise Invalid("expected an icon name such as 'material/newspaper'")
    icons = _material_icons()
    if icons is not None and not (icons / f"{value.strip()}.svg").is_file():
        raise Invalid(f"no icon {value.strip()!r} in the theme")
    return value.strip()


def _status(value: Any) -> str:
    if not isinstance(value, str) or not _STATUS.match(value.strip()):
        raise Invalid("expected a status name such as 'new' or 'deprecated'")
    return value.strip()


def _web_url(value: Any) -> str:
    if not isinstance(value, str) or not _WEB_URL.match(value.strip()):
        raise Invalid("expected a web address (http:// or https://)")
    return value.strip()


def _image(value: Any) -> str:
    """A feed image (mkdocs-rss-plugin's ``image``/``illustration``, its items' enclosure).
    The plugin learns an image's size while building: a web address by requesting it (HEAD,
    then GET without TLS checks: `util.get_remote_image_length`), anything else by reading
    a file beside the page's source (`get_local_image_length`). So only a path into the
    site's own files is allowed here; the plugin (`plugin.feed_images`) then keeps it only
    when docs/ has that file, and points the size lookup at it."""
    if not isinstance(value, str):
        raise Invalid("expected the path of an image among the site's files")
    text = value.strip()
    if _SCHEME.match(text):
        raise Invalid(
            "a web address, which the feed plugin would request while building; give the "
            "path of an image in docs/ instead, such as 'images/cover.png'"
        )
    if not _IMAGE_PATH.match(text) or "//" in text:
        raise Invalid("expected the path of an image in docs/, such as 'images/cover.png'")
    return text


def _lines(value: Any) -> list[str]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items or len(items) > 20:
        raise Invalid("expected a name or a list of at most 20 names")
    return [_html_text(item) for item in items]


def _rss(value: Any) -> dict[str, str]:
    """mkdocs-rss-plugin's per-page mapping; it reads ``feed_description`` alone
    (`util.get_description_or_abstract`), as HTML: the text is escaped."""
    if not isinstance(value, dict) or set(value) != {"feed_description"}:
        raise Invalid("expected a mapping with 'feed_description: TEXT' only")
    return {"feed_description": _html_text(value["feed_description"])}


def _social(value: Any) -> dict[str, bool]:
    """``social: {cards: false}`` (Material's social plugin, read by the feed plugin too);
    layouts name files to load, and are not the author's to choose."""
    if not isinstance(value, dict) or set(value) != {"cards"}:
        raise Invalid("expected a mapping with 'cards: true|false' only")
    return {"cards": _bool(value["cards"])}


# The allow-list: key -> check returning the value the page gets (raises Invalid).
PAGE_KEYS: dict[str, Callable[[Any], Any]] = {
    # the project's own (documents show them; see site_templates/document.md.j2)
    "original_url": _web_url,
    # Every line of text is HTML-escaped in the front matter, read there or not: a theme
    # override printing page.meta (MkDocs' Jinja2 does not autoescape) must print text.
    # The document's page shows the record's own value, escaped by its template.
    "credit": _html_text,
    # Material for MkDocs
    "hide": _hide,
    "search": _search,
    "icon": _icon,
    "status": _status,
    "subtitle": _html_text,
    "author": _html_text,  # printed raw in <meta name="author">; the feed prints it unescaped
    "comments": _bool,
    "social": _social,
    # mkdocs-rss-plugin 1.19 reads these from a page's front matter (besides title,
    # description, the configured date keys and `categories` keys, which are the project's):
    # `draft`, `author`/`authors` (printed raw in the RSS), `rss.feed_description`,
    # `image`/`illustration` and `social.cards` (plugin.py on_page_content, util.py).
    "draft": _bool,
    "authors": _lines,
    "rss": _rss,
    "image": _image,
    "illustration": _image,
}


def check(meta: dict[str, Any], name: str) -> tuple[dict[str, Any], list[str], list[str]]:
    """(extra, warnings, notes) for the author keys that are not record fields: allowed keys
    with values the page can take, every other key as written; a warning for each value
    dropped, and a note (logged at info) for each key kept out of the page."""
    extra: dict[str, Any] = {}
    warnings: list[str] = []
    notes: list[str] = []
    for key, value in meta.items():
        if key in PAGE_KEYS:
            try:
                PAGE_KEYS[key](value)  # applied when the page is written (page_meta)
                extra[key] = value
            except (Invalid, TypeError, ValueError) as exc:
                warnings.append(f"{name}: '{key}: {_show(value)}' dropped ({exc})")
            continue
        if not _is_plain(value):
            warnings.append(f"{name}: '{key}' is not plain text, numbers or lists; dropped")
            continue
        extra[key] = value
        if key in NEVER:
            warnings.append(f"{name}: '{key}' is not passed to the page ({NEVER[key]})")
        else:
            notes.append(f"{name}: '{key}' is not a key the site uses; kept under {NAMESPACE}")
    return extra, warnings, notes


def page_meta(extra: dict[str, Any]) -> dict[str, Any]:
    """What of a record's ``extra`` goes into its page's front matter: the allowed keys with
    checked values, and everything else HTML-escaped under :data:`NAMESPACE`."""
    meta: dict[str, Any] = {}
    kept: dict[str, Any] = {}
    for key, value in extra.items():
        if key in PAGE_KEYS:
            try:
                meta[key] = PAGE_KEYS[key](value)
            except (Invalid, TypeError, ValueError):
                continue
        elif _is_plain(value):
            kept[escape(one_line(str(key)))] = _escaped(value)
    if kept:
        meta[NAMESPACE] = kept
    return meta


def _escaped(value: Any) -> Any:
    if isinstance(value, str):
        return escape(one_line(value))
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {escape(one_line(str(k))): _escaped(v) for k, v in value.items()}
    return value


def _is_plain(value: Any, depth: int = 0) -> bool:
    """YAML-safe plain data only, so no author value can break the emitted front matter."""
    if depth > 20:
        return False
    if isinstance(value, str | int | float | bool | dt.date) or value is None:
        return True
    if isinstance(value, list):
        return all(_is_plain(v, depth + 1) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _is_plain(v, depth + 1) for k, v in value.items())
    return False


def _show(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else value
    return one_line(text)[:60]
