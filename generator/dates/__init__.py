"""The date stage: date expressions found in a parsed story and valued as TIMEX3.

:func:`find_dates` reads spaCy's DATE entities, corrects them (ranges split, look-alikes
refused, what spaCy misses added) and values each one against the document date, the tense
of its verb and the story's own reference times; :func:`key_dates` ranks them for a page;
:func:`normalize` values one expression's text; :func:`date_from_text` reads a dateline.

Code outside the stage imports these names from here, never from the inner modules:
- ``extract``: the walk over a story, the ranking, the dateline reader;
- ``candidates`` and ``lookalikes``: where dates are found, and what only looks like one;
- ``tense``: past or future, from the verb a date modifies;
- ``values``: the ordered table of normalization rules (``rule`` says what a rule is;
  ``rules_calendar``, ``rules_periods``, ``rules_deictic`` hold the rules, each with examples);
- ``switches``: the names of the rules outside the table (look-alikes, spans, a passage's
  year, a quote's day), switched off as table rules are;
- ``calendar``: anchoring a value to the document date; ``words``: the vocabulary, read from
  ``data/en/`` (months, weekdays, numbers, seasons, parts of the day, holidays, look-alike,
  tense and widening words).

To add a date rule, add an entry to the table of its family's ``rules_*`` module, with
examples (``tests/test_date_rules.py`` runs them); to add a holiday, one entry in
``data/en/holidays.yml``. A rule is switched off by name for ablation with
:func:`switch_off` (``RULE_NAMES`` lists them; an unknown name is an error).
"""

from __future__ import annotations

from .extract import baseline_normalize, date_from_text, find_dates, key_dates, normalize
from .values import RULE_NAMES, switch_off, switch_on_all

__all__ = [
    "RULE_NAMES",
    "baseline_normalize",
    "date_from_text",
    "find_dates",
    "key_dates",
    "normalize",
    "switch_off",
    "switch_on_all",
]
