#!/bin/bash
# usage: repro.sh PROJECT_DIR SRC_DIR WORKDIR  -> builds SRC_DIR into WORKDIR/repro-project/site
P=$(cd "$1" && pwd); S=$(cd "$2" && pwd); mkdir -p "${3:?workdir}"; D=$(cd "$3" && pwd)/repro-project
rm -rf "$D"; mkdir -p "$D"; cp -r "$P/docs" "$D/docs"
sed -E "s#^([[:space:]]*)sources:.*#\1sources: $S\n\1cache_dir: ''#" "$P/mkdocs.yml" > "$D/mkdocs.yml"
cd "$D" && PYTHONPATH="$P" timeout 900 python -m mkdocs build > "$D/build.log" 2>&1; echo rc=$?
