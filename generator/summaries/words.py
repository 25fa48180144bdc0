"""The words the summarizers share: stemming, stop words and the lines that are no story."""

from __future__ import annotations

import functools
import re

from sumy.nlp.stemmers import Stemmer
from sumy.utils import get_stop_words

# Lines that are page furniture rather than story: captions, calls to action, credits.
CAPTION = re.compile(
    r"^(?:Photos?|Video|Watch|WATCH|Read|READ|Click|Follow|Editor's [Nn]ote|Note|Sign up|Join|"
    r"Share|Related|Opinion|Source|Image|Gallery|Explore|Vote|Tell us|Have you|See)\b"
    r"|contributed to this (?:report|story)|\bFollow (?:us|him|her)\b|@\w|https?://|\bCNN\.com\b"
)
# A split leftover rather than a sentence: "Their song: ." (and, in penalty(), fewer than two
# words with letters in them).
FRAGMENT = re.compile(r":\W*$")
QUOTES = '"\u201c\u201d'


class CachedStemmer:
    """A sumy stemmer with a bounded memo: snowball stemming is most of the summarizers' time."""

    def __init__(self, stemmer, size: int = 200_000) -> None:
        self._stem = functools.lru_cache(maxsize=size)(stemmer)

    def __call__(self, word: str) -> str:
        return self._stem(word)


@functools.cache
def stemmer() -> CachedStemmer:
    return CachedStemmer(Stemmer("english"))


@functools.cache
def stop_words() -> frozenset[str]:
    return frozenset(get_stop_words("english"))
