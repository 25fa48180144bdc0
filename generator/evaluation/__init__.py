"""Evaluation commands (``python -m generator evaluate KIND FILE.jsonl``).

Each module here has ``main(argv: list[str]) -> int`` and prints its numbers. They read
evaluation data at run time only; none of it is copied into the package or the site.
"""
