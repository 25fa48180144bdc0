"""The one error of loading a source: why a file is not a publishable document."""


class SourceError(Exception):
    """A file that is not a publishable document; the message says why."""
