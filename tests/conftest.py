"""Fixtures, and the three tiers of the suite.

- ``unit``: needs neither the spaCy model nor a real build. ``python -m pytest -m unit`` runs
  it in seconds (the property tests with a tenth of their examples). Nobody writes this
  marker: every test without the other two gets it here, and a unit test that loads the
  model fails, saying so.
- ``model``: needs the spaCy model. Every test that uses the `nlp` fixture (the one way a
  test gets the model) gets it here; written by hand only where a child process loads it.
- ``slow``: end to end, a real `mkdocs build` or a real browser (the `browser` fixture gives it).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest

from .sites import ROOT, SEED, SHARED, child_env, copy_example, mkdocs_build, write_site

__all__ = ["ROOT", "SEED", "SHARED", "child_env", "copy_example", "mkdocs_build", "write_site"]
_env = child_env  # the name test_scale.py still imports

# A fixture that gives a test its tier: needing it is what makes the test slow or not a unit.
TIER_OF_FIXTURE = {"nlp": "model", "browser": "slow"}


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline as the build loads it (once per process)."""
    from generator.nlp.model import load_model

    return load_model()


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        for fixture, tier in TIER_OF_FIXTURE.items():
            if fixture in getattr(item, "fixturenames", ()):
                item.add_marker(tier)
        if not any(item.get_closest_marker(tier) for tier in ("model", "slow")):
            item.add_marker("unit")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """A unit test that loads the model fails, whatever ran before it: the tier's promise."""
    if item.get_closest_marker("unit") is None:
        return (yield)
    from generator.nlp.model import load_model

    before = load_model.cache_info()
    refused = AssertionError("a unit test loaded a spaCy model: give it the `nlp` fixture")
    with mock.patch("spacy.load", side_effect=refused):
        result = yield
    if load_model.cache_info() != before:
        raise AssertionError("a unit test asked for the spaCy model: give it the `nlp` fixture")
    return result


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def copy_seed():
    def _copy(dest: Path) -> None:
        dest.mkdir(parents=True, exist_ok=True)
        shutil.copy(SEED, dest / SEED.name)

    return _copy


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session: Playwright's sync API allows only one
    running instance per thread, so every browser test shares this one."""
    from .browser import chromium_missing, launch_browser

    if reason := chromium_missing():
        pytest.skip(reason)
    with launch_browser() as chromium:
        yield chromium


def pytest_configure(config: pytest.Config) -> None:
    # The unit tier is run at every edit: there the property tests draw a tenth of their
    # examples (tests/test_properties.py scales each budget by the profile's max_examples).
    if config.getoption("markexpr") == "unit" and not config.getoption("hypothesis_profile"):
        from hypothesis import settings

        settings.register_profile("unit", max_examples=10)
        settings.load_profile("unit")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/ from the current code instead of comparing with it",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
