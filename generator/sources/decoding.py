"""A file's bytes as text: by BOM, strict UTF-8, or the likeliest legacy code page."""

from __future__ import annotations

import codecs
import re
import string
import unicodedata
from typing import Any

import charset_normalizer
import ftfy
from charset_normalizer.utils import is_multi_byte_encoding

from .errors import SourceError

# Among equally good guesses, the web's default legacy encoding (WHATWG) is the likeliest.
_PREFERRED_LEGACY = ("cp1252", "latin_1", "iso8859_15")


def decode(data: bytes, encoding: str | None = None) -> str:
    """Text of a file's bytes (see :func:`decode_text`)."""
    return decode_text(data, encoding)[0]


def decode_text(data: bytes, encoding: str | None = None) -> tuple[str, str | None]:
    """Text of a file's bytes, and a note when it is a weak guess: by BOM, then strict UTF-8,
    then ``encoding`` when the author declared the archive's legacy code page (a short text
    is too little for a sure guess), else charset-normalizer's best guess, checked against
    cp1252, Cyrillic and one page per script; mojibake (UTF-8 read as Windows-1252
    somewhere upstream) is repaired by ftfy."""
    note = None
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        # before UTF-16: a UTF-32 little-endian BOM begins with UTF-16's
        text = data.decode("utf-32", errors="replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _declared(data, encoding) or _mixed(data)
            if text is None:
                text, note = _detect(data)
        else:
            if "\x00" in text[:8192]:
                text, note = _detect(data)
    return ftfy.fix_encoding(text), note


def encoding_name(name: str) -> str:
    """Python's name of a code page an author declares (``KOI8-R`` is ``koi8-r``); a
    ``LookupError`` naming it for one that does not exist."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise LookupError(f"unknown encoding {name!r} (e.g. koi8_r, shift_jis, cp1252)") from None


def _declared(data: bytes, encoding: str | None) -> str | None:
    """The bytes in the declared encoding, or None when they are not text in it (the file
    is then guessed like any other)."""
    if encoding is None or b"\x00" in data[:8192]:
        return None
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


_HIGH_RUN = re.compile(rb"[\x80-\xff]+")


def _cp1252_bytes(error: UnicodeDecodeError) -> tuple[str, int]:
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error("summaries-cp1252", _cp1252_bytes)


def _mixed(data: bytes) -> str | None:
    """UTF-8 with stray Windows-1252 bytes (a file pasted together from two editors): its
    UTF-8 characters kept and only the stray bytes read as cp1252, when the file holds two
    UTF-8 characters or one Latin letter (one pair could come by chance) and its other high
    bytes stand mostly alone."""
    head = data[:200_000]
    sequences = _UTF8_SEQUENCE.findall(head)
    if b"\x00" in head[:8192] or not sequences:
        return None
    first = sequences[0].decode("utf-8", errors="replace")  # (the pattern lets surrogates by)
    if len(sequences) == 1 and not "\u00c0" <= first <= "\u017f":
        # one pair could come by chance; a Latin letter ("ü") hardly does
        return None
    # Stray cp1252 bytes stand alone ("Muñoz"); runs of them are a double-byte or Cyrillic
    # code page, where chance UTF-8 pairs are common (Shift-JIS trail bytes are 0x80-0xBF).
    runs = _HIGH_RUN.findall(_UTF8_SEQUENCE.sub(b"a", head))
    if 4 * sum(len(run) > 1 for run in runs) > len(runs):
        return None
    return data.decode("utf-8", errors="summaries-cp1252")


def _detect(data: bytes) -> tuple[str, str | None]:
    results = list(charset_normalizer.from_bytes(data))
    if not results:
        raise SourceError("binary file (no text encoding fits)")
    best = results[0]
    if b"\x00" in data[:8192] and not best.encoding.startswith(("utf_16", "utf_32")):
        raise SourceError("binary file (contains NUL bytes)")
    for result in results:
        if (
            result.encoding in _PREFERRED_LEGACY
            and result.chaos <= best.chaos
            and result.coherence >= best.coherence - 0.01
        ):
            return str(result), None
    if text := _cp1252_trial(data, results):
        return text, None
    if text := _cyrillic_trial(data, str(best)):
        return text, _weak("a Cyrillic page")
    if other := _second_opinion(data, best):
        best = other
    if best.coherence < 0.05 and any(c.isalpha() and not c.isascii() for c in str(best)):
        # no language model agrees: say which page was taken, for the author to check
        return str(best), _weak(f"{best.encoding} ({best.language})")
    return str(best), None


def _weak(page: str) -> str:
    return (
        f"not UTF-8; read as {page}, a guess the text is too short to confirm "
        "(set the `encoding:` option if its words look wrong)"
    )


# One code page per script that charset-normalizer may pass over: it skips pages "similar"
# to ones it has tried (ISO-8859-7 Greek read as Mac Cyrillic, EUC-JP as Korean).
_SECOND_OPINION = [
    "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp874",
    "iso8859_7", "koi8_r", "shift_jis", "euc_jp", "cp949", "gb18030", "big5",
]  # fmt: skip


def _second_opinion(data: bytes, best: Any) -> Any:
    """Another page's reading when it is clearly more like a language than the guess
    (coherence), or as like (none) with fewer nonsense words."""
    mess = _messy(str(best))
    for other in charset_normalizer.from_bytes(data, cp_isolation=_SECOND_OPINION):
        if other.encoding == best.encoding or other.chaos > best.chaos + 0.02:
            continue
        text = str(other)
        if other.coherence > best.coherence + 0.05 and _messy(text) <= mess:
            return other
        if max(other.coherence, best.coherence) < 0.05 and _messy(text) < mess:
            return other
    return None


_CYRILLIC_PAGES = ["koi8_r", "koi8_u", "cp1251", "iso8859_5", "mac_cyrillic", "cp866"]


def _half_width_kana(text: str) -> float:
    # of the letters beyond ASCII: a Russian line in an English report counts whole
    letters = [c for c in text[:20000] if c.isalpha() and not c.isascii()]
    return sum("\uff66" <= c <= "\uff9f" for c in letters) / len(letters) if letters else 0.0


def _case_inside_words(text: str) -> int:
    """Words with a capital after a small letter: "нЬТ" is KOI8-R read as cp1251."""
    return sum(
        any(a.islower() and b.isupper() for a, b in zip(word, word[1:], strict=False))
        for word in text[:20000].split()
    )


def _cyrillic_trial(data: bytes, guess: str) -> str | None:
    """Russian (or other Cyrillic) text for a guess written mostly in half-width katakana:
    charset-normalizer reads short KOI8-R as Shift-JIS (its small letters are those kana
    bytes), and Japanese writes few words in half-width kana."""
    if _half_width_kana(guess) < 0.3:
        return None
    results = list(charset_normalizer.from_bytes(data, cp_isolation=_CYRILLIC_PAGES))
    readings = [
        (r.chaos, -r.coherence, _case_inside_words(str(r)) + _messy(str(r)), n, str(r))
        for n, r in enumerate(results)
    ]
    if not readings:
        return None
    *_, text = min(readings)
    letters = [c for c in text[:20000] if c.isalpha()]
    # Prose is mostly small letters; "БВГДЕ ЖЗИЙК" is the kana "ｱｲｳｴｵ ｶｷｸｹｺ" misread.
    if 2 * sum(c.islower() for c in letters) < len(letters) or _messy(text) > _messy(guess):
        return None
    return text


# Guesses that keep their word over a cp1252 reading as clean as theirs: Central European
# text in its own code page (cp1250 "ř" reads as cp1252 "ø", a letter too).
_OWN_PAGES = {
    "cp1250": {"Czech", "Slovak", "Polish", "Hungarian", "Croatian", "Slovene", "Romanian"},
    "iso8859_2": {"Czech", "Slovak", "Polish", "Hungarian", "Croatian", "Slovene", "Romanian"},
    "cp1254": {"Turkish"},
    "iso8859_9": {"Turkish"},
}
_WORD_PUNCT = "’‘'-·"


def _end_symbol(c: str) -> bool:
    return not c.isalnum() and (0x80 <= ord(c) < 0x2200 or c == "™")


def _inner(core: str) -> str:
    """A word without the symbols at its ends: at a word's end a symbol is a symbol."""
    i, j = 0, len(core)
    while i < j and _end_symbol(core[i]):
        i += 1
    while j > i and _end_symbol(core[j - 1]):
        j -= 1
    return core[i:j]


# Japanese writes kanji and kana in one word (no spaces); that is one script here.
_SCRIPT_FAMILY = {"CJK": "JAPANESE", "HIRAGANA": "JAPANESE", "KATAKANA": "JAPANESE"}


def _cjk_punct(c: str) -> bool:
    # inside a "word": CJK text has no spaces between its sentences
    return "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uff65"


def _script(c: str) -> str:
    return unicodedata.name(c, "?").split()[0]


def _messy(text: str) -> int:
    """Words that no language writes: a symbol between letters ("Z³rich", what a wrong code
    page makes of "Zürich") or letters of two scripts ("Caf\ufee0" for "Café")."""
    n = 0
    for word in text[:20000].split():
        core = word.strip(string.punctuation + "“”«»…—–")
        letters = [c for c in core if c.isalpha()]
        if not letters:
            continue
        inner = _inner(core)
        # at a word's end a symbol is a symbol ("Widget™"), between letters a misreading
        symbol = any(
            ord(c) > 127 and not c.isalpha() and c not in _WORD_PUNCT and not _cjk_punct(c)
            for c in inner
        )
        scripts = {_SCRIPT_FAMILY.get(s, s) for s in (_script(c) for c in letters)}
        # Korean writes syllables; a lone jamo among them ("뷴ㅞ뿔") is a misread page
        jamo = "HANGUL" in scripts and any("\u3131" <= c <= "\u318e" for c in letters)
        syllables = any("\uac00" <= c <= "\ud7a3" for c in letters)
        n += symbol or len(scripts) > 1 or (jamo and syllables)
    return n


def _cp1252_trial(data: bytes, results: list[Any]) -> str | None:
    """The bytes read as Windows-1252 when charset-normalizer only guessed other code pages
    (it rarely offers cp1252 for a short text) and that reading is Western text, mostly
    ASCII letters, with no more nonsense words than the guess: short English or French
    with a few accents is far likelier cp1252 or Latin-1 than Baltic cp775."""
    nul_free = b"\x00" not in data[:8192]
    guesses = [r for r in results if not (nul_free and r.encoding.startswith(("utf_16", "utf_32")))]
    # A guess of a double-byte page (Chinese, Japanese) for text that is nearly all ASCII
    # letters stands unless the cp1252 reading has fewer nonsense words ("pla蓷" for "plaça").
    multi_byte = any(is_multi_byte_encoding(r.encoding) for r in guesses)
    try:
        trial = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [c for c in trial[:20000] if c.isalpha()]
    ascii_share = sum(c.isascii() for c in letters) / len(letters) if letters else 0.0
    if ascii_share < (0.9 if multi_byte else 0.7):
        return None
    if not guesses:
        return trial
    best = guesses[0]
    text = str(best)
    if text == trial:
        return None
    mess, trial_mess = _messy(text), _messy(trial)
    if trial_mess > mess or (multi_byte and trial_mess == mess):
        return None
    if trial_mess == mess and best.language in _OWN_PAGES.get(best.encoding, ()):
        return None
    return trial
