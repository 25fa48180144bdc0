#!/bin/bash
# usage: repro.sh PROJECT_DIR SRC_DIR  -> builds SRC_DIR into /tmp/h13c/repro-project/site
P=$(cd "$1" && pwd); S=$(cd "$2" && pwd); D=/tmp/h13c/repro-project
rm -rf "$D"; mkdir -p "$D"; cp -r "$P/docs" "$D/docs"
sed -E "s#^([[:space:]]*)sources:.*#\1sources: $S\n\1cache_dir: ''#" "$P/mkdocs.yml" > "$D/mkdocs.yml"
cd "$D" && PYTHONPATH="$P" timeout 900 python -m mkdocs build > "$D/build.log" 2>&1; echo rc=$?
