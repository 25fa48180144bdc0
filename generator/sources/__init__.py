"""The sources stage: a folder of files into :class:`Source` objects, ready to analyse.

Which files are documents (`discover`), how their bytes decode (`decode`), what their authors
wrote (front matter, sidecars, `load_yaml` for any author YAML), which author keys reach a
page (`passthrough`, the front matter allow-list) and each document's address (`slugify`,
`unique_slugs`). Everything that can go wrong with one file is a `SourceError` naming why.
"""

from . import passthrough
from .author_yaml import MAX_YAML_CHARS, YAMLRefused, load_yaml, read_author_yaml
from .decoding import decode, encoding_name
from .discovery import (
    ALIASES_FILE,
    DOCUMENT_SUFFIXES,
    SIDECAR_SUFFIX,
    author_file,
    discover,
    shown_name,
)
from .documents import Source, date_from_name, parse_date, read_source, split_front_matter
from .errors import SourceError
from .slugs import slugify, unique_slugs

__all__ = [
    "ALIASES_FILE",
    "DOCUMENT_SUFFIXES",
    "MAX_YAML_CHARS",
    "SIDECAR_SUFFIX",
    "Source",
    "SourceError",
    "YAMLRefused",
    "author_file",
    "date_from_name",
    "decode",
    "discover",
    "encoding_name",
    "load_yaml",
    "parse_date",
    "passthrough",
    "read_author_yaml",
    "read_source",
    "slugify",
    "shown_name",
    "split_front_matter",
    "unique_slugs",
]
