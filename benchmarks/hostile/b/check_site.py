#!/usr/bin/env python3
"""Judge the h13b builds. Usage: check_site.py WORKDIR [--judge NAME]
Prints one row per case (PASS / FAIL / SOFT = a fail on a case marked soft), global rows, totals."""
import html, json, os, re, sys, unicodedata, urllib.parse
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

H = Path(__file__).resolve().parent  # the scripts (good_texts.py, known_crashers.txt)
W = Path(sys.argv[1] if len(sys.argv) > 1 else Path.cwd() / "work")
# the workdir: cases.json and any PWNED* file written by a YAML tag that ran
BASE = Path(os.environ.get("H13B_BASE", W.parent)).resolve()
CASES = json.loads((BASE / "cases.json").read_text())
TIME_LIMIT = 120.0
SIZE_LIMIT = 300 * 1024 * 1024
PAGE_LIMIT = 5 * 1024 * 1024
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad\u061c]")
MARK = re.compile(r"h13bxss_([a-z0-9_]+)")
URL_ATTRS = {"href", "src", "action", "formaction", "data", "xlink:href", "poster", "background", "content", "srcdoc"}

class Node:
    __slots__ = ("tag", "attrs", "kids", "parent")
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.kids, self.parent = tag, dict(attrs), [], parent
    def text(self, skip=("script", "style")):
        out = []
        def walk(n):
            for k in n.kids:
                if isinstance(k, str):
                    out.append(k)
                elif k.tag not in skip:
                    walk(k)
        walk(self)
        return "".join(out)
    def iter(self):
        yield self
        for k in self.kids:
            if isinstance(k, Node):
                yield from k.iter()
    def find(self, tag, cls=None):
        for n in self.iter():
            if n.tag == tag and (cls is None or cls in (n.attrs.get("class") or "").split()):
                return n
        return None

class Tree(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None); self.cur = self.root
    def handle_starttag(self, tag, attrs):
        n = Node(tag, [(k, v or "") for k, v in attrs], self.cur); self.cur.kids.append(n)
        if tag not in VOID:
            self.cur = n
    def handle_startendtag(self, tag, attrs):
        self.cur.kids.append(Node(tag, [(k, v or "") for k, v in attrs], self.cur))
    def handle_endtag(self, tag):
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.cur = n.parent
    def handle_data(self, data):
        self.cur.kids.append(data)

def parse(path):
    t = Tree(); t.feed(path.read_text(encoding="utf-8", errors="replace")); t.close(); return t.root

def norm(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", s or ""))

def load_build(name):
    d = W / name
    res = json.loads((d / "result.json").read_text()) if (d / "result.json").exists() else {"rc": None, "wall": None}
    log = (d / "build.log").read_text(errors="replace") if (d / "build.log").exists() else ""
    return d, res, log

def warning_lines(log):
    lines, cur = [], None
    for line in log.splitlines():
        if re.match(r"^(WARNING|ERROR)\b", line):
            cur = [line]; lines.append(cur)
        elif re.match(r"^(INFO|DEBUG)\b", line):
            cur = None
        elif cur is not None:
            cur.append(line)
    return ["\n".join(c) for c in lines]

def named_in(name, rel, texts):
    forms = {name, repr(name)[1:-1], rel, repr(rel)[1:-1], name.replace("\n", "\\n")}
    if len(name) > 60:
        forms.add(name[:40])
    for t in texts:
        for f in forms:
            if re.search(r"(^|[\s/'\"(:`])" + re.escape(f), t):
                return True
    return False

# ------------------------------------------------------------------ site index
class Site:
    def __init__(self, d):
        self.dir = d / "site"
        self.docs = []       # dicts: path, source, text, h1, title, html
        self.pages = {}      # rel path -> tree (parsed lazily for xss scan)
        self.xss = []        # (page, what, case-marker or None)
        self.bidi = []
        self.all_text = {}
        self.size = 0
        self.largest = (0, "")
        if not self.dir.is_dir():
            return
        for p in self.dir.rglob("*"):
            if p.is_file():
                sz = p.stat().st_size; self.size += sz
                if p.suffix == ".html" and sz > self.largest[0]:
                    self.largest = (sz, str(p.relative_to(self.dir)))
        for p in sorted(self.dir.rglob("*.html")):
            rel = str(p.relative_to(self.dir))
            raw = p.read_text(encoding="utf-8", errors="replace")
            root = parse(p)
            self.scan_xss(rel, root)
            art = root.find("article") or root
            self.all_text[rel] = art.text()
            src = root.find("p", "summaries-source")
            if src is not None:
                a = src.find("a")
                full = root.find("div", "summaries-text")
                h1 = root.find("h1")
                t = root.find("title")
                self.docs.append(dict(path=rel, source=(a.text() if a else ""), href=(a.attrs.get("href") if a else None),
                                      text=norm(full.text() if full else ""), rawtext=(full.text() if full else ""),
                                      h1=(h1.text().strip() if h1 else ""), title=(t.text().strip() if t else ""), art=art.text(),
                                      summary=(root.find("div", "summaries-summary").text() if root.find("div", "summaries-summary") else ""),
                                      redirect=("http-equiv=\"refresh\"" in raw.lower() or "location.href" in raw), size=len(raw)))
            for tag in ("title", "h1"):
                n = root.find(tag)
                if n is not None and INVISIBLE.search(n.text()):
                    self.bidi.append((rel, tag, n.text().strip()[:80]))
        self.by_source = {}
        for dd in self.docs:
            self.by_source.setdefault(dd["source"], []).append(dd)

    def scan_xss(self, rel, root):
        for n in root.iter():
            if n.tag == "#root":
                continue
            txt_attrs = " ".join(f"{k}={v}" for k, v in n.attrs.items())
            m = MARK.search(txt_attrs)
            if n.tag == "script":
                body = n.text(skip=())
                if "h13bxss" in body or "alert(" in body:
                    self.xss.append((rel, "<script> " + body[:80], (MARK.search(body) or [None, None])[1]))
            if n.tag in ("iframe", "object", "embed", "base", "frame") or (n.tag == "form" and m):
                self.xss.append((rel, f"<{n.tag} {txt_attrs[:80]}>", m and m[1]))
            if n.tag == "meta" and n.attrs.get("http-equiv", "").lower() == "refresh":
                self.xss.append((rel, f"<meta refresh {txt_attrs[:80]}>", m and m[1]))
            if n.tag == "style" and ("h13bxss" in n.text(skip=()) or "javascript:" in n.text(skip=())):
                self.xss.append((rel, "<style> " + n.text(skip=())[:80], (MARK.search(n.text(skip=())) or [None, None])[1]))
            for k, v in n.attrs.items():
                if k.startswith("on"):
                    self.xss.append((rel, f"<{n.tag} {k}={v[:60]}>", (MARK.search(v) or [None, None])[1]))
                elif k in URL_ATTRS:
                    vv = re.sub(r"[\x00-\x20]", "", html.unescape(v)).lower()
                    if vv.startswith(("javascript:", "vbscript:", "data:text/html")) or (k == "content" and n.attrs.get("http-equiv") and "url=javascript:" in vv):
                        self.xss.append((rel, f"<{n.tag} {k}={v[:60]}>", (MARK.search(v) or [None, None])[1]))

# ------------------------------------------------------------------ feeds, search index
def check_feeds(site_dir):
    problems, items = [], []
    for p in sorted(site_dir.rglob("*.xml")):
        if p.name.startswith("sitemap"):
            continue
        try:
            root = ET.parse(p).getroot()
        except ET.ParseError as e:
            problems.append(f"{p.relative_to(site_dir)}: invalid XML ({e})")
            continue
        for it in root.iter("item"):
            title = it.findtext("title") or ""
            link = it.findtext("link") or ""
            enc = [dict(e.attrib) for e in it.iter() if e.tag in ("enclosure",) or e.tag.endswith("}content")]
            items.append((str(p.relative_to(site_dir)), title, link, enc, ET.tostring(it, encoding="unicode")))
            if re.search(r"&(amp|lt|gt|quot|#\d+);", title):
                problems.append(f"{p.relative_to(site_dir)}: title escaped twice: {title[:60]!r}")
    for p in sorted(site_dir.rglob("*.json")):
        if "feed" not in p.name and not p.name.endswith(".feed.json"):
            continue
        try:
            data = json.loads(p.read_text())
        except Exception as e:
            problems.append(f"{p.relative_to(site_dir)}: invalid JSON ({e})"); continue
        for it in data.get("items", []) if isinstance(data, dict) else []:
            t = it.get("title") or ""
            items.append((str(p.relative_to(site_dir)), t, it.get("url") or "", [{"image": it.get("image") or "", "banner": it.get("banner_image") or ""}], json.dumps(it)))
            if re.search(r"&(amp|lt|gt|quot|#\d+);", t):
                problems.append(f"{p.relative_to(site_dir)}: title escaped twice: {t[:60]!r}")
    return problems, items

def check_search(site_dir):
    out = []
    p = site_dir / "search" / "search_index.json"
    if not p.exists():
        return out
    for d in json.loads(p.read_text()).get("docs", []):
        for f in ("title", "text"):
            v = d.get(f) or ""
            for m in re.finditer(r"<(script|img|svg|iframe|a|body|div|object|embed|style|meta|base)\b[^>]*>", v, re.I):
                tag = m.group(0)
                if re.search(r"\son\w+\s*=|javascript:|h13bxss", tag, re.I) or m.group(1).lower() == "script":
                    mm = MARK.search(v[m.start(): m.start() + 300])
                    out.append((d.get("location"), f"search index {f}: {tag[:80]}", mm and mm[1]))
    return out

# ------------------------------------------------------------------ judging
def main():
    judge = sys.argv[sys.argv.index("--judge") + 1] if "--judge" in sys.argv else None
    _, mres, mlog = load_build("main")
    crashers = [l.strip() for l in (H / "known_crashers.txt").read_text().split(",") if l.strip()] if (H / "known_crashers.txt").exists() else []
    if judge is None:
        judge = "main" if mres["rc"] == 0 or not (W / "main-x" / "result.json").exists() else "main-x"
    d, res, log = load_build(judge)
    print(f"judging build '{judge}': rc={res['rc']} wall={res['wall']}s")
    site = Site(d)
    warns = warning_lines(log)
    feed_problems, feed_items = check_feeds(site.dir) if site.dir.is_dir() else ([], [])
    search_xss = check_search(site.dir) if site.dir.is_dir() else []
    listener = (W / "listener.log").read_text() if (W / "listener.log").exists() else ""
    passwd = Path("/etc/passwd").read_text().splitlines()[0][:12]
    passwd_size = str(os.path.getsize("/etc/passwd"))
    passwd_hits = []
    if site.dir.is_dir():
        for p in site.dir.rglob("*"):
            if p.is_file() and p.stat().st_size < 50_000_000:
                try:
                    if passwd.encode() in p.read_bytes():
                        passwd_hits.append(str(p.relative_to(site.dir)))
                except OSError:
                    pass
    for it in feed_items:
        if any("passwd" in str(v) or v == passwd_size for e in it[3] for v in e.values()):
            passwd_hits.append(f"feed {it[0]} item {it[2]}")
    xss_all = site.xss + search_xss
    marker_case = {c["id"].replace("-", "_"): c["id"] for c in CASES}
    xss_by_case = {}
    unattributed = []
    for page, what, mk in xss_all:
        cid = marker_case.get(mk) if mk else None
        if cid is None and mk:  # markers of .txt/.md twins: inj-x-txt uses marker of inj-x
            for ext in ("txt", "md"):
                cid2 = marker_case.get(mk + "_" + ext)
                if cid2:
                    xss_by_case.setdefault(cid2, []).append(f"{page}: {what}")
            continue
        if cid:
            xss_by_case.setdefault(cid, []).append(f"{page}: {what}")
        else:
            unattributed.append(f"{page}: {what}")
    all_doc_text = [(dd, dd["text"]) for dd in site.docs]
    all_site_norm = None

    rows = []
    def row(case, ok, reason, soft=False):
        rows.append((case, "PASS" if ok else ("SOFT" if soft else "FAIL"), reason))

    for c in CASES:
        cid, files = c["id"], c["files"]
        if c.get("excluded") or cid in crashers:
            if mres["rc"] != 0 and cid in crashers:
                row(cid, False, f"crashes the whole build: main rc={mres['rc']} ({last_error(mlog)}); judged without it")
            else:
                row(cid, False, "excluded from the judged build", True)
            continue
        rel = files[0] if files else ""
        name = Path(rel).name
        fails, softs = [], []
        pages = site.by_source.get(rel, [])
        exp = c["expect"]
        text = c.get("text")
        if c["category"] in ("good", "symlink") and text:
            text = body_of(text)
        # a document: published with its text?
        if exp in ("publish", "publish_or_warn") and text is not None:
            nt = norm(text)
            hit = [p for p in pages if nt in p["text"]]
            if not hit and not pages:  # published under another source name (a link, a renamed file)?
                other = [dd for dd, t in all_doc_text if nt in t]
                if other:
                    hit = other
            if not hit:
                if pages:
                    fails.append(f"published with other text (mojibake?): {pages[0]['rawtext'].strip()[:90]!r} at {pages[0]['path']}")
                elif exp == "publish_or_warn" and named_in(name, rel, warns):
                    pass
                else:
                    fails.append("not published" + ("" if named_in(name, rel, warns) else " and not named in any warning (vanished)"))
            pages = hit or pages
        elif exp == "publish_or_warn" and text is None:
            if not pages and not named_in(name, rel, warns):
                fails.append("neither published nor named in a warning")
        if exp in ("warn",):
            if pages:
                fails.append(f"published as {pages[0]['path']} (should be skipped)")
            if not named_in(name, rel, warns):
                fails.append("not named in a warning" + (" (named only at INFO)" if named_in(name, rel, log.splitlines()) else ""))
        if exp == "absent":
            if pages:
                fails.append(f"published as {pages[0]['path']}")
            if text and any(norm(text) in t for _, t in all_doc_text):
                fails.append("its text is published")
        if exp == "once" and text:
            n = sum(1 for _, t in all_doc_text if norm(text) in t)
            if n != 1:
                fails.append(f"text on {n} document pages, expected 1")
        if c["warn"] and exp != "warn":
            for wn in c["warn"]:
                wrel = next((f for f in files if Path(f).name == wn), rel)
                if not named_in(wn, wrel, warns):
                    if wn.endswith(".meta.yml") and named_in(name, rel, warns):
                        softs.append(f"warning names the document {name}, not the sidecar {wn} that holds the value")
                    else:
                        fails.append(f"{wn} not named in a warning")
        if c["category"] == "good" and pages:
            first = c["text"].split("\n", 1)[0].strip()
            if pages[0]["h1"] != first:
                fails.append(f"title {pages[0]['h1']!r}, expected {first!r}")
        for chk in c["checks"]:
            if chk == "no_request":
                if listener.strip():
                    fails.append(f"build sent HTTP requests: {listener.split()[:4]}")
            elif chk == "no_passwd":
                if passwd_hits:
                    fails.append(f"/etc/passwd content or name published: {passwd_hits[:3]}")
            elif chk == "no_redirect":
                if any(p["redirect"] for p in pages):
                    fails.append("page redirects")
            elif chk == "not_pwned":
                if list(BASE.glob("PWNED*")):
                    fails.append("YAML tag ran a command: " + str(list(BASE.glob("PWNED*"))))
            elif chk.startswith("title:"):
                want = chk[6:]
                if pages and pages[0]["h1"] != want:
                    fails.append(f"title {pages[0]['h1'][:60]!r}, expected {want!r}")
            elif chk.startswith("text:"):
                if pages and norm(chk[5:]) not in norm(pages[0]["art"]):
                    fails.append(f"{chk[5:]!r} not shown on the page")
            elif chk.startswith("no_text:"):
                want = norm(chk[8:])
                if chk[8:] == "None":
                    if pages and re.search(r"\bNone\b", pages[0]["summary"]):
                        fails.append("'None' shown on the page")
                else:
                    bad = [r for r, t in site.all_text.items() if want in norm(t)]
                    if bad:
                        fails.append(f"{chk[8:]!r} published on {bad[:2]}")
            elif chk == "people_index_ok":
                p = site.dir / "participants" / "index.html"
                if not p.exists():
                    fails.append("participants/index.html missing")
                else:
                    h1 = (parse(p).find("h1") or Node("h1", {}, None)).text().strip()
                    if h1.lower() not in ("people",):
                        fails.append(f"participants/index.html is {h1!r}, not the People index")
                for f, t in (("tags/index.html", "tags"), ("timeline/index.html", "timeline"), ("articles/index.html", "articles")):
                    pp = site.dir / f
                    if pp.exists():
                        h1 = (parse(pp).find("h1") or Node("h1", {}, None)).text().strip()
                        if h1.lower() in ("index", "tags", "search", "timeline", "people") and t not in h1.lower():
                            fails.append(f"{f} is {h1!r}")
            elif chk == "no_bidi_titles":
                for p in pages:
                    if INVISIBLE.search(p["h1"]) or INVISIBLE.search(p["title"]):
                        fails.append(f"invisible/bidi char in title {p['h1'][:50]!r}")
                if site.bidi:
                    fails.append(f"{len(site.bidi)} page titles hold invisible/bidi chars, e.g. {site.bidi[0]}")
                heads = {}
                for r in site.all_text:
                    if r.startswith("participants/") and r.count("/") == 2:
                        h = (parse(site.dir / r).find("h1") or Node("h1", {}, None)).text().strip()
                        heads.setdefault(INVISIBLE.sub("", h).replace(" ", ""), []).append(r)
                split = {k: v for k, v in heads.items() if len(v) > 1 and k in ("JohnBarrow", "AnnLee")}
                if split:
                    fails.append(f"one person split into several pages: {split}")
            elif chk == "source_link":
                for p in pages[:1]:
                    href = p.get("href")
                    if not href:
                        fails.append("no source link"); continue
                    u = urllib.parse.urlsplit(href)
                    target = (site.dir / Path(p["path"]).parent / urllib.parse.unquote(u.path)).resolve()
                    if u.query or u.fragment:
                        fails.append(f"source link not URL-encoded: {href!r}")
                    elif not target.is_file():
                        fails.append(f"source link leads nowhere: {href!r}")
            elif chk == "bounded":
                for p in pages[:1]:
                    if p["size"] > PAGE_LIMIT:
                        fails.append(f"document page of {p['size'] // 1024} KiB")
            elif chk == "feeds_valid":
                if feed_problems:
                    mine = [f for f in feed_problems if any(Path(x).stem[:12] in f for x in files)]
                    if mine:
                        fails.append("; ".join(mine[:2]))
        if cid in xss_by_case:
            fails.append("INJECTED: " + " | ".join(xss_by_case[cid][:3]))
        if cid.startswith("inj-"):
            base = cid.rsplit("-", 1)[0]
            for it in feed_items:
                if any(Path(f).stem[11:] in it[2] for f in files) and re.search(r"&(amp|lt|gt|quot|#\d+);", it[1]):
                    fails.append(f"feed title escaped twice: {it[1][:60]!r}"); break
        if fails:
            row(cid, False, "; ".join(fails + softs), c.get("soft", False))
        else:
            row(cid, not softs, "; ".join(softs), True)

    # ---------------- global rows
    g = []
    def grow(name, ok, reason, soft=False):
        g.append((name, "PASS" if ok else ("SOFT" if soft else "FAIL"), reason))
    grow("G-main-build-rc", mres["rc"] == 0, f"main rc={mres['rc']}: {last_error(mlog)}" if mres["rc"] != 0 else "")
    grow("G-no-traceback", "Traceback" not in log, "traceback in the judged build log" if "Traceback" in log else "")
    wall = res["wall"] or 0
    grow("G-build-time", wall <= TIME_LIMIT, f"{wall:.1f} s (limit {TIME_LIMIT:.0f} s)" if wall > TIME_LIMIT else f"{wall:.1f} s")
    grow("G-site-size", site.size <= SIZE_LIMIT, f"{site.size / 2**20:.1f} MiB, largest page {site.largest[0] // 1024} KiB ({site.largest[1]})")
    grow("G-largest-page", site.largest[0] <= PAGE_LIMIT, f"{site.largest[0] // 1024} KiB {site.largest[1]}")
    grow("G-feeds-valid", not feed_problems, "; ".join(feed_problems[:4]) + (f" (+{len(feed_problems) - 4})" if len(feed_problems) > 4 else ""))
    grow("G-no-unattributed-injection", not unattributed, " | ".join(unattributed[:4]))
    grow("G-no-network", not listener.strip(), listener.strip()[:200])
    grow("G-no-passwd", not passwd_hits, str(passwd_hits[:4]))
    grow("G-no-command-run", not list(BASE.glob("PWNED*")), str(list(BASE.glob("PWNED*"))))
    grow("G-titles-no-bidi", not site.bidi, f"{len(site.bidi)} titles, e.g. {site.bidi[:2]}")
    rss = re.search(r"MAXRSS_KB (\d+)", log)
    grow("G-peak-memory", not rss or int(rss[1]) < 4_000_000, f"{int(rss[1]) // 1024} MiB" if rss else "unknown")
    # small extra builds
    g5 = json.loads((BASE / "cases.json").read_text())  # texts of the first five good docs
    from good_texts import GOOD
    def small(name, expect_texts, warn_name=None, absent=None, limit=60.0, log_name="build.log"):
        dd = W / name
        if not (dd / "result.json").exists():
            grow("X-" + name, False, "not built"); return
        r = json.loads((dd / "result.json").read_text()); lg = (dd / log_name).read_text(errors="replace")
        s = Site(dd); why = []
        if r["rc"] != 0:
            why.append(f"rc={r['rc']}: {last_error(lg)}")
        if r["wall"] and r["wall"] > limit:
            why.append(f"{r['wall']:.0f} s")
        for t in expect_texts:
            if not any(norm(t) in x["text"] for x in s.docs):
                why.append(f"not published: {t[:40]!r}")
        if warn_name and not named_in(warn_name, warn_name, warning_lines(lg)):
            why.append(f"{warn_name} not named in a warning")
        if absent and any(norm(absent) in norm(t) for t in s.all_text.values()):
            why.append(f"{absent!r} published")
        if "Traceback" in lg and r["rc"] == 0:
            why.append("traceback in log")
        grow("X-" + name, not why, "; ".join(why) or f"{r['wall']} s")
    five = [body_of(t) for _, t in GOOD[:5]]
    small("undated", ["The company was founded in 1999 by John Smith. It was sold on 5 May 2005."])
    small("yearless", ["The vote was held on March 20 by Mayor Ann Hill.", "In the 1990s the town grew. In 2005 it shrank."])
    small("one-doc", [body_of(GOOD[2][1])])
    small("aliases-bomb", five, "aliases.yml", limit=30)
    small("aliases-recursive", five, "aliases.yml")
    small("aliases-outside", five, "aliases.yml", absent="EVIL ALIAS h13b")
    small("aliases-timestamp", five, "aliases.yml")
    small("aliases-binary", five, "aliases.yml")
    small("aliases-list", five, "aliases.yml")
    small("cache-file", five)
    small("cache-ro", five)
    small("cache-foreign", five)
    small("cache-emptypages", five)

    w1 = max(len(r[0]) for r in rows + g)
    cats = {c["id"]: c["category"] for c in CASES}
    print(f"\n{'case'.ljust(w1)}  {'category':11} result  reason")
    for cid, st, why in rows:
        print(f"{cid.ljust(w1)}  {cats.get(cid, ''):11} {st:6}  {why}")
    print(f"\n{'global / extra builds'.ljust(w1)}  result  detail")
    for cid, st, why in g:
        print(f"{cid.ljust(w1)}  {st:6}  {why}")
    tot = lambda rs, s: sum(1 for r in rs if r[1] == s)
    print(f"\ncases: {len(rows)}  PASS {tot(rows, 'PASS')}  FAIL {tot(rows, 'FAIL')}  SOFT {tot(rows, 'SOFT')}")
    print(f"global+extra: {len(g)}  PASS {tot(g, 'PASS')}  FAIL {tot(g, 'FAIL')}  SOFT {tot(g, 'SOFT')}")
    m = re.search(r"summaries: (\d+) documents \((\d+) analysed, (\d+) from cache\), (\d+) skipped, in ([\d.]+) s", log)
    b = re.search(r"Documentation built in ([\d.]+) seconds", log)
    if m and b:
        a, t = float(m[5]), float(b[1])
        print(f"time split ({judge}): analysis {a:.1f} s, rest (rendering, theme, plugins) {t - a:.1f} s, mkdocs total {t:.1f} s, wall {wall:.1f} s; "
              f"{m[1]} documents, {m[4]} skipped")

def body_of(t):
    """A plain text's body: without its first line when that is a title (short, then a blank line)."""
    head, sep, rest = t.partition("\n\n")
    return rest if sep and len(head) < 120 and "\n" not in head else t

def last_error(log):
    lines = [l for l in log.splitlines() if l.strip() and not l.startswith(("MAXRSS", "Command exited"))]
    for l in reversed(lines):
        if re.match(r"^\w*(Error|Exception)\b|^\w+Error:|^ERROR", l):
            return l.strip()[:160]
    return lines[-1].strip()[:160] if lines else "no log"

if __name__ == "__main__":
    sys.path.insert(0, str(H))
    main()
