#!/bin/bash
# usage: run.sh PROJECT_DIR WORKDIR   (rebuilds the corpus in WORKDIR, a plain baseline build, the
# hostile build, then check.py; the scripts are read from this folder)
set -u
P=$(cd "${1:?usage: run.sh PROJECT_DIR WORKDIR}" && pwd)
mkdir -p "${2:?usage: run.sh PROJECT_DIR WORKDIR}" && H=$(cd "$2" && pwd)
SD=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PORT=${H13C_PORT:-18913}
export H13C_BASE="$H" H13C_PORT="$PORT"
cd "$H" || exit 1
rm -f "$H"/PWNED*
python3 "$SD/make_corpus.py" || exit 1
mkproj() {  # $1 project dir, $2 sources, $3 cache
  rm -rf "$1"; mkdir -p "$1"
  cp -r "$P/docs" "$1/docs"
  sed -E "s#^([[:space:]]*)sources:.*#\1sources: $2\n\1cache_dir: $3#" "$P/mkdocs.yml" > "$1/mkdocs.yml"
  grep -q "cache_dir: $3" "$1/mkdocs.yml" || { echo "could not set sources/cache_dir" >&2; exit 1; }
}
build() {  # $1 project dir, $2 log prefix
  local t0 t1 rc
  t0=$(date +%s.%N)
  (cd "$1" && PYTHONPATH="$P" timeout 900 python -m mkdocs build > "$H/$2.log" 2>&1 < /dev/null)
  rc=$?
  t1=$(date +%s.%N)
  echo "{\"rc\": $rc, \"seconds\": $(echo "$t1 - $t0" | bc)}" > "$H/$2.info.json"
  echo "$2: rc=$rc $(echo "$t1 - $t0" | bc) s"
}
# a listener for build-time network probes (image: http://127.0.0.1:$PORT/...)
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$H/outside" > "$H/probe.log" 2>&1 &
PROBE=$!
sleep 1
mkproj "$H/plain-project" "$H/src-plain" "$H/cache-plain"
rm -rf "$H/cache-plain"; build "$H/plain-project" plain
mkproj "$H/site-project" "$H/src" "$H/cache"
rm -rf "$H/cache"; build "$H/site-project" build
mkproj "$H/aliases-project" "$H/src-aliases" "$H/cache-aliases"
rm -rf "$H/cache-aliases"; build "$H/aliases-project" aliases
kill "$PROBE" 2>/dev/null
python3 "$SD/check.py" | tee "$H/check.out"
