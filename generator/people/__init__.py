"""The people stage: people (with the role the text gives them), places and organizations.

``find_participants(doc)`` reads one parsed document and returns its people, places and
organizations; ``take_title_roles`` adds the roles a headline gives them. Across the archive,
``resolve`` maps the spellings of one person (or place, organization) to one name and
``clean_name`` tidies a name an author wrote. Every rule family can be switched off by name
for ablation (``RULES``: the person families ``PEOPLE`` and the place and organization
families ``ENTITIES``; ``switch_off``, ``switched_off``).

Inside: ``extract`` runs the stage; ``names`` (name tokens, titles), ``roles``, ``patterns``
(names found from layouts and cues), ``completion`` (names found from known names),
``contexts`` and ``filters`` (evidence that a candidate is no person), ``merge`` (one entry per
person), ``entities`` (places and organizations as a reader should see them), ``identities``
(one name across documents), ``rules`` (the rule families by name); the vocabulary is in
``data/en/`` (shared concepts such as say verbs in ``generator/nlp/data/en/``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .identities import clean_name, resolve
from .rules import ENTITIES, PEOPLE, RULES, switch_off, switched_off

if TYPE_CHECKING:
    from .extract import find_participants
    from .title_roles import take_title_roles

__all__ = [
    "ENTITIES",
    "PEOPLE",
    "RULES",
    "clean_name",
    "find_participants",
    "resolve",
    "switch_off",
    "switched_off",
    "take_title_roles",
]


def __getattr__(name: str) -> Any:
    # The extraction needs spaCy; importing it only when asked keeps ``clean_name`` and
    # ``resolve`` (the archive's side) free of the model's import time.
    if name == "find_participants":
        from .extract import find_participants

        return find_participants
    if name == "take_title_roles":
        from .title_roles import take_title_roles

        return take_title_roles
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
