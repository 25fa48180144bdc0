"""Reproducers of what a held-out hostile corpus (issue 13) broke: each file is made here."""

from __future__ import annotations

import time

import pytest

from generator.pipeline import Settings, analyze_many
from generator.pipeline.analysis import blank_symbol_runs
from generator.sources.decoding import decode

NEWS = "Mayor Helen Carter met Governor Paul Rivera in Springfield on 12 March 2019.\n"


def test_symbol_runs_are_blanked_to_the_same_length() -> None:
    text = "A " + "_" * 70 + " b =)=) " + "=)" * 40 + "\n" + "-" * 63 + " café 東京"
    out = blank_symbol_runs(text)
    assert len(out) == len(text)
    assert out == "A " + " " * 70 + " b =)=) " + " " * 80 + "\n" + "-" * 63 + " café 東京"


@pytest.mark.parametrize("run", ["_" * 20000, "=)" * 10000, "\U0001f389" * 8000])
def test_a_long_run_of_symbols_is_analysed_in_seconds(nlp, run: str) -> None:
    # spaCy's tokenizer is quadratic in such a word: 20,000 underscores took 40 s, 50,000
    # several minutes, and one such Markdown line stopped a whole `mkdocs build`.
    start = time.monotonic()
    [analysis] = list(analyze_many([(run + "\n\n" + NEWS, None)], Settings()))
    assert time.monotonic() - start < 20  # a hang guard, not a speed target
    assert not isinstance(analysis, Exception)
    assert {"Helen Carter", "Paul Rivera"} <= {p.name for p in analysis.participants}


@pytest.mark.unit
@pytest.mark.parametrize("codec", ["utf-32", "utf-32-be", "utf-16"])
def test_a_file_with_a_utf32_or_utf16_bom_decodes(codec: str) -> None:
    # A UTF-32 LE BOM (FF FE 00 00) starts like UTF-16 LE's: read as UTF-16 every letter
    # came out with a NUL after it and the file was refused as binary.
    data = NEWS.encode(codec)
    if codec == "utf-32-be":
        data = b"\x00\x00\xfe\xff" + data
    assert decode(data) == NEWS
