#!/usr/bin/env bash
# Usage: bash benchmarks/hostile/b/run.sh PROJECT_CHECKOUT WORKDIR
# Regenerates the corpus in WORKDIR, builds it (main build + small extra builds), then runs
# check_site.py. The scripts are read from this folder; everything generated goes to WORKDIR.
set -u
PROJECT=$(cd "${1:?project checkout path}" && pwd)
mkdir -p "${2:?workdir}" && H=$(cd "$2" && pwd)
SD=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TIMEOUT=${H13B_TIMEOUT:-1800}
PORT=${H13B_PORT:-18713}
export H13B_BASE="$H" H13B_PORT="$PORT"
export PYTHONPATH="$PROJECT${PYTHONPATH:+:$PYTHONPATH}"
export NO_MKDOCS_2_WARNING=1
cd "$H" || exit 2
python3 "$SD/make_corpus.py" || exit 2
W=$H/work
# a previous run may have left an immutable cache dir
[ -d "$W" ] && { chattr -R -i "$W" 2>/dev/null; rm -rf "$W"; }
mkdir -p "$W"
: > "$W/listener.log"
python3 "$SD/listener.py" $PORT "$W/listener.log" & LPID=$!
cleanup() { kill "$LPID" 2>/dev/null; chattr -R -i "$W" 2>/dev/null; }
trap cleanup EXIT

mkconf() { # NAME SOURCES CACHE_DIR
  local d="$W/$1"; mkdir -p "$d/docs"
  cat > "$d/mkdocs.yml" <<YML
site_name: h13b hostile corpus
site_description: Hostile corpus h13b.
site_url: https://example.org/h13b/
docs_dir: docs
theme:
  name: material
  font: false
  features: [navigation.indexes, navigation.prune, navigation.instant, navigation.top, search.suggest, search.highlight, content.tooltips]
plugins:
  - search
  - tags
  - summaries:
      sources: $2
      cache_dir: $3
      progress: false
  - rss:
      use_git: false
      date_from_meta:
        as_creation: date
        as_update: date
      match_path: "articles/[0-9]{4}/[0-9]{2}/.+"
      abstract_chars_count: 400
      length: 50
      feed_title: h13b
      feed_description: Hostile corpus h13b.
      image: https://example.org/h13b/assets/images/favicon.png
      use_material_blog: false
      use_material_social_cards: false
      pretty_print: true
markdown_extensions:
  - attr_list
  - md_in_html
  - admonition
  - tables
  - toc:
      permalink: true
YML
}
build() { # NAME  -> W/NAME/{site,build.log,result.json}
  local d="$W/$1" t0 t1 rc
  t0=$(date +%s.%N)
  ( cd "$d" && /usr/bin/time -f "MAXRSS_KB %M" timeout -k 10 "$TIMEOUT" mkdocs build -d site ) > "$d/build.log" 2>&1
  rc=$?
  t1=$(date +%s.%N)
  python3 - "$d" "$rc" "$t0" "$t1" <<'PY'
import json, sys
d, rc, t0, t1 = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
json.dump({"rc": rc, "wall": round(t1 - t0, 2)}, open(f"{d}/result.json", "w"))
print(f"{d.rsplit('/',1)[1]}: rc={rc} wall={t1-t0:.1f}s")
PY
}

# main build
mkconf main "$H/corpus" "$W/main/cache"
build main
# a crash of the main build stops the judging of every other case: when it crashes, build again
# without the cases of known_crashers.txt (comma-separated case ids), and judge that build.
if [ "$(python3 -c "import json;print(json.load(open('$W/main/result.json'))['rc'])")" != 0 ] && [ -s "$SD/known_crashers.txt" ]; then
  H13B_EXCLUDE=$(tr -d ' \n' < "$SD/known_crashers.txt") python3 "$SD/make_corpus.py"
  mkconf main-x "$H/corpus" "$W/main-x/cache"; build main-x
  python3 "$SD/make_corpus.py"
fi

# extra builds on small subsets
S=$H/subsets
for n in undated yearless one-doc aliases-bomb aliases-recursive aliases-outside aliases-timestamp aliases-binary aliases-list; do
  mkconf "$n" "$S/$n" "$W/$n/cache"; build "$n"
done
# cache folder that is a file
mkconf cache-file "$S/cache-file" "$W/cache-file/cachefile"; echo "not a folder" > "$W/cache-file/cachefile"; build cache-file
# cache folder that cannot be written (immutable: we run as root, so chmod would not stop us)
mkconf cache-ro "$S/cache-ro" "$W/cache-ro/cache"; mkdir -p "$W/cache-ro/cache"; chattr +i "$W/cache-ro/cache"; build cache-ro; chattr -i "$W/cache-ro/cache"
# cache entries of a foreign shape: build, corrupt every entry, build again
mkconf cache-foreign "$S/cache-foreign" "$W/cache-foreign/cache"; build cache-foreign
mv "$W/cache-foreign/build.log" "$W/cache-foreign/build-cold.log"; mv "$W/cache-foreign/result.json" "$W/cache-foreign/result-cold.json"
python3 - "$W/cache-foreign/cache" <<'PY'
import json, pathlib, sys
d = pathlib.Path(sys.argv[1])
shapes = ["[]", "42", "null", '{"start": "a"}', '{"key": 5, "analysis": []}', '{"trunc', '"a string"', "{}"]
for i, p in enumerate(sorted(d.rglob("*.json"))):
    p.write_text(shapes[i % len(shapes)])
for name in ("pages.cache",):
    if (d / name).exists(): (d / name).write_text("[]")
if (d / "html.cache").exists(): (d / "html.cache").write_text('{"entries": 5}')
for p in d.rglob("*.sqlite"):
    p.write_bytes(b"not a database\x00" * 100)
print("corrupted", d)
PY
build cache-foreign
# pages.cache with the right key and no pages
mkdir -p "$W/cache-emptypages"; cp -r "$W/cache-foreign/docs" "$W/cache-emptypages/" 2>/dev/null
mkconf cache-emptypages "$S/cache-foreign" "$W/cache-foreign/cache"
python3 - "$W/cache-foreign/cache" <<'PY'
import json, pathlib, sys
p = pathlib.Path(sys.argv[1]) / "pages.cache"
try:
    data = json.loads(p.read_text()); p.write_text(json.dumps({"key": data["key"], "pages": {}})); print("emptied pages of", p)
except Exception as e:
    print("pages.cache not rewritable:", e)
PY
build cache-emptypages

kill "$LPID" 2>/dev/null
python3 "$SD/check_site.py" "$W"
