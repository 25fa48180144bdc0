"""mkdocs-summaries: turn a folder of documents into a searchable summary site."""

__version__ = "0.1.0"
