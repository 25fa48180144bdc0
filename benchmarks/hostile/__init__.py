"""Blind hostile corpora of issue 13; run with ``python -m benchmarks.hostile``."""
