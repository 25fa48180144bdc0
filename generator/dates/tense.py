"""The tense of the verb a date modifies, read from the parse.

It decides between the past and the future reading of an underspecified date ("said
Tuesday" is last Tuesday, "will meet Tuesday" the next one). The words it reads (future
auxiliaries, modals, verbs of planning, prepositions of a bound) are lists of
``data/en/tense.yml``; the verbs of reporting are the shared ``nlp/data/en/say_verbs.yml``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..nlp import vocabulary
from .calendar import FUTURE, PAST, PRESENT
from .words import TENSE_WORDS

_BOUND_PREPS = frozenset(TENSE_WORDS["bound prepositions"])
_FUTURE_AUX = frozenset(TENSE_WORDS["future auxiliaries"])
_MODALS = frozenset(TENSE_WORDS["modals"])
_PLAN_VERBS = tuple(TENSE_WORDS["plan verbs"])
_PLAN_PARTICIPLES = frozenset(TENSE_WORDS["plan participles"])
_DEFERRAL_VERBS = tuple(TENSE_WORDS["deferral verbs"])
_FORWARD_BOUNDS = frozenset(TENSE_WORDS["forward bound prepositions"])
# a reported present ("says the meeting is on Monday"): the say-verbs every stage shares
_REPORT_VERBS = frozenset(vocabulary.table("say_verbs")["reporting"])


def tense_of(span: Span) -> str | None:
    """Past, future or present from the verb that governs ``span``, or None.

    Only a date that modifies a verb (directly, or through a preposition such as "on") takes
    its tense; "Wednesday's ruling" does not take the tense of a verb farther up.
    """
    tok = span.root
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head  # "on Monday and Tuesday"
    if tok.dep_ in ("poss", "compound", "amod", "nmod"):
        return None
    head = tok.head
    if tok.dep_ == "pobj" and (head.dep_ == "prep" or head.pos_ == "ADP"):
        prep = head
        while prep.dep_ == "conj" and prep.head.dep_ == "prep":
            prep = prep.head  # "on Memorial Day and on Christmas Eve"
        if (
            span.doc[max(0, span.start - 3) : span.start]
            .text.lower()
            .startswith(("as soon as", "as early as"))
        ):
            return FUTURE
        if prep.lower_ in _FORWARD_BOUNDS and prep.head.lower_.startswith(_DEFERRAL_VERBS):
            return FUTURE  # "postponed until Thursday": put off to a day still to come
        if prep.lower_ in _BOUND_PREPS:
            return None  # "extended through January": the end of a period, past or future
        head = prep.head
    if head.lower_ in ("due", "upcoming"):
        return FUTURE  # "due out October 16"
    if head is tok or head.pos_ not in ("VERB", "AUX"):
        return None
    return _verb_tense(head, 0)


def _verb_tense(verb: Token, depth: int) -> str | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    low = {a.lower_ for a in auxes}
    if low & _FUTURE_AUX:
        return FUTURE
    if low & _MODALS:
        return FUTURE
    if "to" in low and verb.tag_ == "VB":
        # "plans to meet Tuesday", "is expected to vote Tuesday": future of the governing verb
        if verb.dep_ in ("xcomp", "advcl", "ccomp") and depth < 2 and verb.head is not verb:
            head = _verb_tense(verb.head, depth + 1)
            if head == FUTURE:
                return FUTURE
            if head == PAST and verb.head.lower_ not in _PLAN_PARTICIPLES:
                return None  # "agreed to buy in February": before or after, unknown
        if verb.head.pos_ not in ("VERB", "AUX"):
            return None
        return FUTURE
    if any(verb.lower_.startswith(p) for p in _PLAN_VERBS) and (
        verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VBN" and {"has", "have", "is", "are"} & low)
    ):
        return FUTURE
    if any(a.tag_ == "VBD" for a in auxes) or verb.tag_ == "VBD":
        return PAST
    if verb.tag_ == "VBN" and {"has", "have", "had", "'ve", "'s"} & low:
        return PAST
    if verb.tag_ == "VBG" and {"is", "are", "'re", "'s", "am"} & low:
        return FUTURE
    if verb.tag_ in ("VBZ", "VBP") or {"is", "are", "'re", "am"} & low:
        return None if verb.lower_ in _REPORT_VERBS else PRESENT
    return None
