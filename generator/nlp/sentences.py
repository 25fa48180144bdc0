"""Sentence boundaries the parser gets wrong in news: after an abbreviated title.

spaCy's tokenizer keeps "Gov." or "Dr." whole (its exceptions), and the parser then never
ends a sentence there; "Sgt.", "Supt.", "Pres." and others it splits into a word and a full
stop, and the parser ends the sentence at that stop: a summary then shows "... said Army
Sgt." alone. Each title abbreviation of ``data/en/title_abbreviations.txt`` becomes such an
exception (in the three cases news writes it), which is how spaCy itself handles "Gov.".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .vocabulary import entries

if TYPE_CHECKING:
    from spacy.language import Language


def add_to(nlp: Language) -> None:
    from spacy.symbols import ORTH

    for title in entries("title_abbreviations"):
        for form in {title.capitalize(), title.upper(), title.lower()}:
            nlp.tokenizer.add_special_case(f"{form}.", [{ORTH: f"{form}."}])
