"""The date stage: date expressions found in a parsed story and valued as TIMEX3.

:func:`find_dates` reads spaCy's DATE entities, corrects them (ranges split, look-alikes
refused, what spaCy misses added) and values each one against the document date, the tense
of its verb and the story's own reference times; :func:`key_dates` ranks them for a page;
:func:`normalize` values one expression's text; :func:`date_from_text` reads a dateline.

Code outside the stage imports these names from here, never from the inner modules:
- ``extract``: the walk over a story (the public functions);
- ``candidates`` and ``lookalikes``: where dates are found, and what only looks like one;
- ``tense``: past or future, from the verb a date modifies;
- ``rules`` and ``rules_*``: the ordered table of normalization rules, each with examples;
- ``calendar``: anchoring a value to the document date; ``words``: the vocabulary, read from
  ``data/en/`` (months, weekdays, numbers, seasons, holidays, look-alike words).

To add a date rule, add an entry to the table in the ``rules_*`` module of its family, with
examples (``tests/test_date_rules.py`` runs them); to add a holiday, one entry in
``data/en/holidays.yml``. A rule is switched off by name for ablation with :func:`switch_off`.
"""

from __future__ import annotations

from .extract import baseline_normalize, date_from_text, find_dates, key_dates, normalize

__all__ = [
    "baseline_normalize",
    "date_from_text",
    "find_dates",
    "key_dates",
    "normalize",
]
