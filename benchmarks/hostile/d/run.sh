#!/bin/bash
# usage: benchmarks/hostile/d/run.sh CHECKOUT_DIR WORKDIR
#   Regenerates the corpus under WORKDIR/work, builds with PYTHONPATH=CHECKOUT_DIR, prints the table.
#   SNAPSHOT=1 run.sh CHECKOUT_DIR WORKDIR  tests the checkout's committed HEAD (git archive into
#   WORKDIR/snap/SHA, read-only on the repo), for a checkout that moves while the run goes.
set -u
CHECKOUT=$(cd "${1:?checkout dir}" && pwd)
mkdir -p "${2:?workdir}" && H=$(cd "$2" && pwd)
SD=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SHA=$(git -C "$CHECKOUT" rev-parse HEAD 2>/dev/null)
if [ "${SNAPSHOT:-0}" = 1 ]; then
  SNAP=$H/snap/$SHA
  if [ ! -d "$SNAP" ]; then mkdir -p "$SNAP" && git -C "$CHECKOUT" archive "$SHA" | tar -x -C "$SNAP"; fi
  CHECKOUT=$SNAP
fi
echo "checkout: $CHECKOUT @ $SHA  ($(date -u))"
exec python3 "$SD/h13d.py" "$CHECKOUT" "$H/work"
