#!/bin/bash
# usage: /tmp/h13d/run.sh CHECKOUT_DIR
#   Regenerates the corpus under /tmp/h13d/work, builds with PYTHONPATH=CHECKOUT_DIR, prints the table.
#   SNAPSHOT=1 /tmp/h13d/run.sh CHECKOUT_DIR  tests the checkout's committed HEAD (git archive into
#   /tmp/h13d/snap/SHA, read-only on the repo), for a checkout that moves while the run goes.
set -u
CHECKOUT=$(cd "${1:-/work/main}" && pwd)
SHA=$(git -C "$CHECKOUT" rev-parse HEAD 2>/dev/null)
if [ "${SNAPSHOT:-0}" = 1 ]; then
  SNAP=/tmp/h13d/snap/$SHA
  if [ ! -d "$SNAP" ]; then mkdir -p "$SNAP" && git -C "$CHECKOUT" archive "$SHA" | tar -x -C "$SNAP"; fi
  CHECKOUT=$SNAP
fi
echo "checkout: $CHECKOUT @ $SHA  ($(date -u))"
exec python3 /tmp/h13d/h13d.py "$CHECKOUT" /tmp/h13d/work
