"""The site stage: records into the pages of a site, for any builder.

`SiteRenderer` turns an archive's records into Markdown pages (a page per document and per
person, the articles, people, timeline and tags listings, the home page, ``llms.txt``);
`assemble` adds the stylesheet and the plain-text copies of the sources (`Site`), which the
MkDocs plugin hands to the builder in memory and `export` writes to a docs folder with its
mkdocs.yml fragment. After a build, `add_date_terms` and `pagefind_page` give the search
indexes what the pages mean; `check_site` checks the internal links of a built site.

Inside: ``urls`` (every page's address), ``markup`` and ``frontmatter`` (escaping),
``plans`` (what goes on which listing page), ``context`` (what the views share), a module
per view (``document``, ``listings``, ``person_pages``, ``timeline``, ``feeds``),
``renderer`` (the views together, the nav), ``search`` (what a built site's search
indexes get), ``archive`` (people and events across the archive), ``charts`` (SVG),
``assembly`` and ``links``.
"""

from .archive import date_label
from .assembly import (
    REQUIRED_EXTENSIONS,
    Site,
    assemble,
    export,
    fill_listing,
    hand_written_wins,
    rendering_code,
)
from .context import SiteOptions, default_templates
from .links import BrokenLink, LinkReport, check_site, iter_report
from .markup import squeeze_whitespace
from .renderer import SiteRenderer
from .search import add_date_terms, find_page, find_years, pagefind_page
from .threads import Stories, ThreadSettings, find_stories
from .urls import CSS_URI, page_uri, relative_url, url_of

__all__ = [
    "Stories",
    "ThreadSettings",
    "find_stories",
    "CSS_URI",
    "REQUIRED_EXTENSIONS",
    "BrokenLink",
    "LinkReport",
    "Site",
    "SiteOptions",
    "SiteRenderer",
    "add_date_terms",
    "assemble",
    "check_site",
    "date_label",
    "default_templates",
    "export",
    "fill_listing",
    "find_page",
    "find_years",
    "hand_written_wins",
    "iter_report",
    "page_uri",
    "pagefind_page",
    "relative_url",
    "squeeze_whitespace",
    "rendering_code",
    "url_of",
]
