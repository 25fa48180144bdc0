#!/usr/bin/env python3
"""PASS/FAIL per case of $H13C_BASE/expectations.json against $H13C_BASE/site-project/site."""
import json, os, re, sys, urllib.parse, xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

H = Path(os.environ.get("H13C_BASE", os.getcwd())).resolve()  # the workdir
SITE = H / "site-project" / "site"
BASE = H / "plain-project" / "site"
cases = json.load(open(H / "expectations.json"))
info = json.load(open(H / "build.info.json"))
log = (H / "build.log").read_text(errors="replace")
results = []  # (id, ok, detail)

def res(cid, ok, detail=""):
    results.append((cid, ok, detail))

# ------------------------------------------------------------------ log
warnings, cur = [], None
for line in log.splitlines():
    if re.match(r"^(INFO|WARNING|ERROR|DEBUG|CRITICAL)\b", line):
        if cur is not None:
            warnings.append(cur)
        cur = line if line.startswith(("WARNING", "ERROR")) else None
    elif cur is not None:
        cur += "\n" + line
if cur is not None:
    warnings.append(cur)
WARN = "\n".join(warnings)

def warned(name):
    base = os.path.basename(name.rstrip("/"))
    variants = {name, base, repr(name)[1:-1], repr(base)[1:-1], urllib.parse.quote(base),
                name.encode("unicode_escape").decode(), base[:60]}
    return any(v and v in WARN for v in variants)

# ------------------------------------------------------------------ HTML
JS_ATTRS = {"href", "src", "action", "formaction", "data", "xlink:href", "poster", "background", "srcdoc", "content"}
class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts, self.onattrs, self.jsurls, self.tags = [], [], [], set()
        self.stack_div, self.in_text, self.text, self.h1, self.in_h1 = [], 0, [], [], False
        self.in_script = False; self.cur_script = None; self.is_doc = False; self.hrefs = []
        self.textattrs = []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.add(tag)
        for k, v in attrs:
            v = v or ""
            if k.startswith("on"):
                self.onattrs.append((tag, k, v))
            norm = re.sub(r"[\s\x00-\x1f]", "", v).lower()
            if k in JS_ATTRS and (norm.startswith(("javascript:", "vbscript:", "data:text/html")) or
                                  (k == "content" and "javascript:" in norm)):
                self.jsurls.append((tag, k, v))
            if k == "href":
                self.hrefs.append(v)
        if self.in_text > 0:
            for k, v in attrs:
                if k in ("style", "id") or k.startswith("on"):
                    self.textattrs.append((tag, k, v or ""))
        if tag == "script":
            self.in_script = True; self.cur_script = [a.get("src") or "", ""]
        if tag == "div":
            cls = (a.get("class") or "").split()
            if "summaries-text" in cls:
                self.is_doc = True; self.in_text += 1; self.stack_div.append(True)
            else:
                self.stack_div.append(False)
        if tag == "h1":
            self.in_h1 = True
    def handle_endtag(self, tag):
        if tag == "script" and self.cur_script is not None:
            self.scripts.append(tuple(self.cur_script)); self.cur_script = None; self.in_script = False
        if tag == "div" and self.stack_div:
            if self.stack_div.pop():
                self.in_text -= 1
        if tag == "h1":
            self.in_h1 = False
    def handle_data(self, d):
        if self.in_script and self.cur_script is not None:
            self.cur_script[1] += d
        if self.in_text > 0:
            self.text.append(d)
        if self.in_h1:
            self.h1.append(d)

def norm(s):
    return re.sub(r"\s+", " ", s).strip()

def parse_site(root):
    pages = {}
    for p in root.rglob("*.html"):
        pg = Page()
        try:
            pg.feed(p.read_text(errors="replace")); pg.close()
        except Exception as e:
            print("parse error", p, e)
        pg.fulltext = norm("".join(pg.text)); pg.h1text = norm("".join(pg.h1))
        pages[str(p.relative_to(root))] = pg
    return pages

pages = parse_site(SITE) if SITE.exists() else {}
base = parse_site(BASE) if BASE.exists() else {}
def sbase(src):
    return re.sub(r"^(\.\./)+|\?.*$", "", src).lstrip("/")
base_srcs = {sbase(s) for pg in base.values() for s, _ in pg.scripts if s}
base_on = {(t, k) for pg in base.values() for t, k, _ in pg.onattrs}
base_tags = set().union(*[pg.tags for pg in base.values()]) if base else set()
base_textattrs = {(t, k) for pg in base.values() for t, k, _ in pg.textattrs}
docs = {k: v for k, v in pages.items() if v.is_doc}

# all site bytes, for "appears nowhere"
blobs = []
total = 0
for p in SITE.rglob("*") if SITE.exists() else []:
    if p.is_file():
        total += p.stat().st_size
        if p.stat().st_size < 50_000_000:
            blobs.append((str(p.relative_to(SITE)), p.read_bytes()))
def nowhere(s):
    b = s.encode()
    return [n for n, d in blobs if b in d]

def doc_pages_with(s):
    s = norm(s)
    return [k for k, v in docs.items() if s in v.fulltext or s in v.h1text]

# ------------------------------------------------------------------ global
res("build-rc0", info["rc"] == 0, f"rc={info['rc']}")
res("no-traceback", "Traceback" not in log, "Traceback in log" if "Traceback" in log else "")
m = re.search(r"summaries: (\d+) documents.*?in ([\d.]+) ?s", log)
summ = m.group(0) if m else "(no 'summaries: N documents ... in X s' line)"
res("build-time<=120s", info["seconds"] <= 120, f"{info['seconds']:.1f} s total; {summ}")
res("site-size<=200MB", total <= 200e6, f"{total/1e6:.1f} MB, {len(pages)} HTML pages, {len(docs)} document pages")
for idx in ["index.html", "articles/index.html", "participants/index.html", "tags/index.html", "timeline/index.html"]:
    ok = idx in pages
    if ok and idx == "participants/index.html":
        ok = not pages[idx].is_doc
    res(f"generated-{idx}", ok, "" if ok else "missing or replaced by a document")
for f in ["PWNED", "PWNED2", "PWNED3"]:
    res(f"no-code-exec-{f}", not (H / f).exists())
probe = (H / "probe.log").read_text(errors="replace") if (H / "probe.log").exists() else ""
res("no-build-time-http", "GET" not in probe, norm(probe)[:300])
ssti = nowhere("H13CSSTI")
res("no-jinja-eval", not ssti, ", ".join(ssti[:5]))

# XSS
xss = []
for name, pg in pages.items():
    for src, body in pg.scripts:
        if src and sbase(src) not in base_srcs:
            xss.append((name, f"script src={src}"))
        if re.search(r"alert|H13C", body):
            xss.append((name, f"inline script: {body[:120]!r}"))
    for t, k, v in pg.onattrs:
        if (t, k) not in base_on or re.search(r"alert|H13C", v):
            xss.append((name, f"<{t} {k}={v[:80]!r}>"))
    for t, k, v in pg.jsurls:
        xss.append((name, f"<{t} {k}={v[:80]!r}>"))
    for t, k, v in pg.textattrs:
        if (t, k) not in base_textattrs:
            xss.append((name, f"attribute from the document text: <{t} {k}={v[:60]!r}>"))
    for t in ("iframe", "object", "embed", "form", "base", "svg", "style", "meta", "button"):
        if t in pg.tags and t not in base_tags:
            xss.append((name, f"new tag <{t}> not in baseline"))
res("no-injected-script/on*/javascript:", not xss,
    "; ".join(f"{n}: {d}" for n, d in xss[:25]) + (f" ... ({len(xss)} findings)" if len(xss) > 25 else ""))

# feeds
bad_feeds, dbl = [], []
for n, d in blobs:
    if n.endswith(".xml") and "sitemap" not in n:
        try:
            ET.fromstring(d)
        except ET.ParseError as e:
            bad_feeds.append(f"{n}: {e}")
    if n.endswith(".json") and "feed" in n:
        try:
            json.loads(d)
        except Exception as e:
            bad_feeds.append(f"{n}: {e}")
    if (n.endswith((".xml", ".json"))) and b"&amp;amp;" in d:
        dbl.append(n)
res("feeds-valid", not bad_feeds, "; ".join(bad_feeds[:10]))
res("feeds-escaped-once", not dbl, ", ".join(dbl[:10]))
pw = [n for n, d in blobs if n.endswith((".xml", ".json")) and (b"etc/passwd" in d or b"127.0.0.1" in d)]
res("feeds-no-probe-values", not pw, ", ".join(pw[:10]))

# aliases.yml billion laughs (separate archive)
if (H / "aliases.info.json").exists():
    ai = json.load(open(H / "aliases.info.json")); alog = (H / "aliases.log").read_text(errors="replace")
    awarn = [l for l in alog.splitlines() if l.startswith("WARNING") and "aliases.yml" in l]
    apages = [p for p in (H / "aliases-project" / "site" / "articles").rglob("index.html")] if (H / "aliases-project" / "site").exists() else []
    res("aliases-laughs", ai["rc"] == 0 and bool(awarn) and ai["seconds"] < 60,
        f"rc={ai['rc']} {ai['seconds']:.1f} s; warning: {awarn[:1]}; {len(apages)} article pages")

# ------------------------------------------------------------------ per case
xss_by_page = {}
for n, dd in xss:
    xss_by_page.setdefault(n, []).append(dd)
nfeeds = sum(1 for n, _ in blobs if n.endswith(".xml") and "sitemap" not in n)
res("feeds-present", nfeeds > 0, f"{nfeeds} XML feeds parsed")
def source_link_ok(page_name):
    pg = pages[page_name]
    srcs = [h for h in pg.hrefs if "_sources/" in h]
    if not srcs:
        return True, "no _sources link"
    h = srcs[0]
    url_dir = os.path.dirname(page_name)
    target = os.path.normpath(os.path.join(url_dir, urllib.parse.unquote(h.split("#")[0] if "#" in h and "%23" not in h else h)))
    ok = (SITE / target).is_file()
    return ok, f"href={h!r} -> {target!r} {'exists' if ok else 'MISSING'}"

for c in cases:
    cid, kind, s, pub, name = c["id"], c["kind"], c["sentence"], c["publish"], c["file"]
    wn = warned(c["warn_name"]) or warned(name)
    found = doc_pages_with(s) if s else []
    where = nowhere(s) if s else []
    d = f"pages={len(found)} {found[:3]} warned={wn}"
    if kind in ("good", "enc", "either-pub", "either-once"):
        ok = len(found) == 1
        if ok and kind == "good":
            lok, ld = source_link_ok(found[0])
            ok = ok and lok
            d += "; " + ld
        if kind == "enc" and not found:
            d += f"; nearest: {[k for k, v in docs.items() if s.split()[0] in v.fulltext + v.h1text][:2]}"
    elif kind == "either":
        ok = len(found) == 1 or (wn and len(found) == 0)
    elif kind == "nopub":
        ok = not where
        d += f" appears in {where[:3]}"
    elif kind == "bad":
        if pub is True:
            ok = wn and len(found) == 1
        elif pub is False:
            ok = wn and (not where if s else True)
            if s:
                d += f" appears in {where[:3]}"
        else:
            ok = wn
    hits = [f"{p}: {x}" for p in found for x in xss_by_page.get(p, [])]
    if hits:
        ok = False
        d += "; INJECTION: " + "; ".join(hits[:3])
    res(cid, ok, f"[{kind}] {d}")

# findings that name a case's marker
for n, dd in xss:
    pass
fails = [r for r in results if not r[1]]
for cid, ok, d in results:
    verbose = "-v" in sys.argv
    print(f"{'PASS' if ok else 'FAIL'} {cid}  {d if verbose or not ok or cid.startswith(('build', 'site', 'feeds-present')) else ''}")
print(f"\nTOTAL {len(results)}: {len(results) - len(fails)} PASS, {len(fails)} FAIL")
