#!/usr/bin/env python3
"""Write the h13b hostile corpus into $H13B_BASE/corpus (+ outside/, subsets) and cases.json.
Deterministic; run again to recreate (symlinks, FIFOs, sockets included)."""
import json, os, random, shutil, socket, stat, sys
from pathlib import Path
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from good_texts import GOOD

BASE = Path(os.environ.get("H13B_BASE", os.getcwd())).resolve()  # the workdir
C = BASE / "corpus"
OUT = BASE / "outside"
PORT = int(os.environ.get("H13B_PORT", "18713"))
cases = []

def X(cid):  # XSS marker of a case
    return f"h13bxss_{cid.replace('-', '_')}"

def add(cid, cat, files, expect, text=None, warn=None, checks=None, soft=False, note=""):
    cases.append(dict(id=cid, category=cat, files=files, expect=expect, text=text,
                      warn=warn if warn is not None else [], checks=checks or [], soft=soft, note=note))

def wb(rel, data: bytes):
    p = C / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(data)
    return rel

def wt(rel, s: str):
    return wb(rel, s.encode("utf-8"))

def body(cid, extra=""):
    return (f"The council of Penbury met on Monday to discuss the budget for case {cid.replace('-', ' ')}. "
            f"Treasurer Alice Marbury presented the figures.{extra}")

def reset():
    for d in (C, OUT, BASE / "subsets"):
        if d.exists() or d.is_symlink():
            # make everything writable and remove (FIFOs, links, sockets included)
            for root, dirs, files in os.walk(d, topdown=False):
                for f in files:
                    os.unlink(os.path.join(root, f))
                for dd in dirs:
                    p = os.path.join(root, dd)
                    if os.path.islink(p):
                        os.unlink(p)
                    else:
                        os.rmdir(p)
            os.rmdir(d)
    C.mkdir(parents=True); OUT.mkdir(parents=True)
    for f in BASE.glob("PWNED*"):
        f.unlink()

# ------------------------------------------------------------------ good
def good():
    for name, text in GOOD:
        add("good-" + name[11:-4], "good", [wt("good/" + name, text)], "publish", text=text)

# ------------------------------------------------------------------ encodings
LAT1 = {
 "fr": "Café owners in Zürich met François Müller on Tuesday. The naïve café résumé from São Paulo was praised.",
 "de": "Die Bürger von Köln trafen sich am Dienstag. Jürgen Weiß sagte, die Straße sei für Fußgänger gesperrt.",
 "es": "El alcalde de León, José Muñoz, inauguró el puente el miércoles. Los niños cantaron una canción.",
 "pt": "O prefeito de São João, António Gonçalves, visitou a praça. A população ficou satisfeita com a ação.",
 "it": "Il sindaco di Città di Castello ha inaugurato la piazza. È stata una giornata di festa per tutti.",
 "sv": "Borgmästaren i Västerås, Åsa Lindström, öppnade den nya bron på måndag. Många människor kom.",
 "da": "Borgmesteren i Århus, Søren Møller, åbnede den nye skole. Børnene var glade for de nye lokaler.",
 "is": "Bæjarstjórinn í Reykjavík, Þórður Ólafsson, opnaði nýja brú. Fólkið fagnaði á götunum.",
 "nl": "De burgemeester van Utrecht opende het café Één op zondag. Hij sprak over de toekomst van de stad.",
 "ca": "L'alcalde de Lleida, Jordi Puigcercós, va inaugurar la plaça. Els veïns van celebrar-ho amb música.",
 "fi": "Tampereen pormestari Päivi Mäkelä avasi uuden sillan. Ihmiset kävelivät sen yli iloisina.",
 "en-short": "Café owners in Zürich met François Müller.",
 "en-short2": "naïve café résumé from São Paulo",
}
CP1252 = {
 "quotes": "“Hello,” said Zoë Brontë. ‘It’s fine’ – she paid €50 for the tickets… Jean Dupont’s œuvre was shown.",
 "dash": "The budget — about €2 million — was approved on Monday by Mayor Renée Šimek and Žofia Král.",
 "fr": "L’équipe de Besançon a gagné le match dimanche. « C’est formidable », a déclaré l’entraîneur Rémi Lefèvre.",
 "short": "Zoë’s café – €5",
}
JA = "東京都の知事は月曜日に新しい橋を開通させました。多くの市民が式典に参加しました。知事は、この橋が地域の経済を助けると述べました。"
RU = "Мэр Москвы открыл новый мост в понедельник. Тысячи жителей пришли на церемонию. Мэр сказал, что мост поможет экономике города."
RU_SHORT = "Мэр открыл мост."

def encodings():
    for lang, t in LAT1.items():
        add(f"enc-latin1-{lang}", "encoding", [wb(f"enc/latin1-{lang}.txt", t.encode("latin-1"))], "publish", text=t)
    for k, t in CP1252.items():
        add(f"enc-cp1252-{k}", "encoding", [wb(f"enc/cp1252-{k}.txt", t.encode("cp1252"))], "publish", text=t)
    en = "The mayor of Tórshavn, Ánna Jákupsdóttir, opened the new harbour on Monday. Hundreds of people came to watch."
    for codec, bom in [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-32-le", b"\xff\xfe\x00\x00"), ("utf-32-be", b"\x00\x00\xfe\xff")]:
        add(f"enc-{codec}-bom", "encoding", [wb(f"enc/{codec}-bom.txt", bom + en.encode(codec))], "publish", text=en)
        add(f"enc-{codec}-nobom", "encoding", [wb(f"enc/{codec}-nobom.txt", en.encode(codec))], "publish_or_warn", text=en)
    add("enc-utf8-bom", "encoding", [wb("enc/utf8-bom.txt", b"\xef\xbb\xbf" + en.encode())], "publish", text=en)
    add("enc-shiftjis", "encoding", [wb("enc/shiftjis.txt", JA.encode("shift_jis"))], "publish_or_warn", text=JA)
    add("enc-koi8r", "encoding", [wb("enc/koi8r.txt", RU.encode("koi8_r"))], "publish_or_warn", text=RU)
    add("enc-koi8r-short", "encoding", [wb("enc/koi8r-short.txt", RU_SHORT.encode("koi8_r"))], "publish_or_warn", text=RU_SHORT, soft=True,
        note="README documents short legacy texts as too short to guess")
    add("enc-cp1251", "encoding", [wb("enc/cp1251.txt", RU.encode("cp1251"))], "publish_or_warn", text=RU)
    cz = "Starosta města Plzeň, Jiří Šťastný, otevřel nový most v pondělí. Přišlo mnoho lidí z okolních vesnic."
    add("enc-cp1250-cz", "encoding", [wb("enc/cp1250-cz.txt", cz.encode("cp1250"))], "publish_or_warn", text=cz, soft=True)
    t = "Café owners in München met on Tuesday. Jürgen said the plan was good."
    add("enc-nul-middle", "encoding", [wb("enc/nul-middle.txt", t.encode().replace(b" met", b"\x00 met"))], "publish_or_warn", text=t,
        note="NUL inside UTF-8; NUL may be dropped")
    add("enc-invalid-utf8", "encoding", [wb("enc/invalid-utf8.txt", t.encode().replace(b"Tuesday", b"Tues\xffday"))], "publish_or_warn",
        text=t.replace("Tuesday", "Tues day").split(" Tues")[0], note="one stray 0xFF in UTF-8: the valid part must not be mojibake")
    add("enc-truncated-utf8", "encoding", [wb("enc/truncated-utf8.txt", t.encode() + "é".encode()[:1])], "publish_or_warn", text=t)
    add("enc-overlong", "encoding", [wb("enc/overlong.txt", t.encode() + b" \xc0\xaf\xe0\x80\xaf")], "publish_or_warn", text=t)
    add("enc-surrogate", "encoding", [wb("enc/surrogate-utf8.txt", t.encode() + b" \xed\xa0\x80")], "publish_or_warn", text=t)
    add("enc-crlf", "encoding", [wb("enc/crlf.txt", ("Title over CRLF\r\n\r\n" + en).encode().replace(b"\n", b"\r\n").replace(b"\r\r", b"\r"))], "publish", text=en)
    add("enc-cr-only", "encoding", [wb("enc/cr-only.txt", ("Title over CR\r\r" + en).encode())], "publish", text=en)
    add("enc-nel-ls", "encoding", [wt("enc/unicode-separators.txt", "The mayor spoke.\u2028The crowd cheered.\u2029Everyone went home\u0085 late.")],
        "publish", text="The mayor spoke.The crowd cheered.Everyone went home late.", soft=True)
    add("enc-md-latin1", "encoding", [wb("enc/latin1-front.md", ("---\ntitle: Zürich café\n---\n" + LAT1["fr"]).encode("latin-1"))], "publish", text=LAT1["fr"],
        checks=["title:Zürich café"])
    add("enc-mixed-utf8-latin1", "encoding", [wb("enc/mixed.txt", "Zürich café owners met.".encode() + " Müller agreed.".encode("latin-1"))],
        "publish_or_warn", text="Zürich café owners met.", soft=True)

# ------------------------------------------------------------------ empty / binary
def binaries():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89" + bytes(range(256))
    random.seed(13)
    rnd = bytes(random.getrandbits(8) for _ in range(4096))
    for cid, rel, data, exp in [
        ("bin-empty", "bin/empty.txt", b"", "warn"),
        ("bin-empty-md", "bin/empty.md", b"", "warn"),
        ("bin-whitespace", "bin/whitespace.txt", b"   \n\n\t\n  ", "warn"),
        ("bin-bom-only", "bin/bom-only.txt", b"\xef\xbb\xbf", "warn"),
        ("bin-nul-only", "bin/nuls.txt", b"\x00" * 500, "warn"),
        ("bin-png", "bin/picture.txt", png, "warn"),
        ("bin-gzip", "bin/archive.md", b"\x1f\x8b\x08\x00" + rnd[:500], "warn"),
        ("bin-elf", "bin/program.txt", b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + rnd[:800], "warn"),
        ("bin-random", "bin/random.txt", rnd, "warn"),
        ("bin-pdf", "bin/paper.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + rnd[:1000], "warn"),
        ("bin-control", "bin/controls.txt", bytes(range(1, 32)) * 20, "warn"),
        ("bin-fm-only", "bin/frontmatter-only.md", b"---\ntitle: Only front matter\n---\n", "publish_or_warn"),
        ("bin-png-ext", "bin/real.png", png, "none"),
        ("bin-one-word", "bin/one-word.txt", b"Hello", "publish_or_warn"),
    ]:
        add(cid, "binary", [wb(rel, data)], exp, text=None, warn=[Path(rel).name] if exp in ("warn",) else [],
            checks=["absent_bytes"] if exp == "warn" else [])

# ------------------------------------------------------------------ front matter / sidecars
def fm_specs():
    """(id, yaml, expect warning?, extra checks). The same values go into .md front matter and sidecars."""
    img = f"http://127.0.0.1:{PORT}/"
    s = [
     ("title-list", "title: [a, b]", True, []),
     ("title-int", "title: 5", False, []),
     ("title-map", "title: {a: b}", True, []),
     ("title-bool", "title: yes", True, []),
     ("title-empty", "title: ''", True, []),
     ("title-null", "title:", False, []),
     ("title-huge", "title: '" + "Very long title " * 400 + "'", False, []),
     ("date-bad", "date: not a date", True, []),
     ("date-impossible", "date: 2020-02-30", True, []),
     ("date-list", "date: [2020-01-01]", True, []),
     ("date-int", "date: 1999", False, []),
     ("date-far", "date: 9999-12-31", False, []),
     ("date-zero", "date: 0001-01-01", False, []),
     ("date-neg", "date: -0044-03-15", True, []),
     ("date-tz", "date: 2020-05-05T10:00:00+05:00", False, []),
     ("summary-nulllist", "summary: [null]", False, ["no_text:None"]),
     ("summary-int", "summary: 5", False, []),
     ("summary-map", "summary: {a: b}", True, []),
     ("participants-str", "participants: John Smith", True, []),
     ("participants-ints", "participants: [1, 2]", True, []),
     ("participants-noname", "participants: [{role: mayor}]", True, []),
     ("participants-namemap", "participants: [{name: {a: b}, role: [x]}]", True, []),
     ("places-int", "places: 5", True, []),
     ("places-nested", "places: [[a, b], {c: d}]", True, []),
     ("orgs-map", "organizations: {a: 1}", True, []),
     ("tags-str", "tags: single", False, []),
     ("tags-mixed", "tags: [null, 1, true, [x]]", True, []),
     ("tags-amp", "tags: ['AT&T', 'R&D Labs']", False, ["text:AT&T", "text:R&D Labs"]),
     ("hide-int", "hide: 1", True, []),
     ("hide-bad", "hide: [nope]", True, []),
     ("hide-str", "hide: toc", False, []),
     ("hide-ok", "hide: [toc]", False, []),
     ("search-int", "search: 1", True, []),
     ("search-excl-str", "search: {exclude: 'yes'}", True, []),
     ("search-boost-str", "search: {boost: lots}", True, []),
     ("search-ok", "search: {boost: 2}", False, []),
     ("rss-int", "rss: 5", False, []),
     ("image-int", "image: 5", True, []),
     ("image-local-url", f"image: {img}h13b-image.png", True, ["no_request"]),
     ("image-passwd", "image: ../../../../../../etc/passwd", True, ["no_passwd"]),
     ("image-abs", "image: /etc/passwd", True, ["no_passwd"]),
     ("image-file-url", "image: file:///etc/passwd", True, ["no_passwd"]),
     ("image-https", "image: https://example.org/ok.png", False, []),
     ("template-nope", "template: nope.html", True, []),
     ("template-redirect", "template: redirect.html\nlocation: 'javascript:alert(\"XSS\")'", True, ["no_redirect"]),
     ("template-main", "template: main.html", True, []),
     ("template-traversal", "template: ../../../../../etc/passwd", True, ["no_passwd"]),
     ("location-only", "location: https://evil.example/", True, ["no_redirect"]),
     ("icon-nope", "icon: material/nope", True, []),
     ("icon-int", "icon: 5", True, []),
     ("icon-xss", "icon: '<svg onload=alert(\"XSS\")>'", True, []),
     ("icon-ok", "icon: material/home", False, []),
     ("status-xss", "status: '<img src=x onerror=alert(\"XSS\")>'", False, []),
     ("status-new", "status: new", False, []),
     ("subtitle-xss", "subtitle: '<script>alert(\"XSS\")</script>'", False, []),
     ("subtitle-list", "subtitle: [a]", True, []),
     ("author-xss", "author: '\"><script>alert(\"XSS\")</script>'", False, []),
     ("author-amp", "author: 'Smith & <Jones>'", False, ["feeds_valid"]),
     ("author-map", "author: {name: x, email: y}", True, []),
     ("comments-str", "comments: 'yes please'", True, []),
     ("draft-str", "draft: maybe", True, []),
     ("url-js", "original_url: 'javascript:alert(\"XSS\")'", True, []),
     ("url-data", "original_url: 'data:text/html,<script>alert(\"XSS\")</script>'", True, []),
     ("url-ok", "original_url: https://example.org/story?a=1&b=2", False, []),
     ("credit-xss", "credit: '<script>alert(\"XSS\")</script>'", False, []),
     ("extra-xss", "foo: '<script>alert(\"XSS\")</script>'\nbar: {x: '<img src=x onerror=alert(\"XSS\")>'}", False, []),
     ("extra-mkdocs", "extra_css: [evil.css]\nhooks: [evil.py]\nnav: [x]\nextra: {a: '<script>alert(\"XSS\")</script>'}", False, []),
     ("key-1-true", "1: one\ntrue: two", True, []),
     ("dup-key", "title: First title\ntitle: Second title", True, []),
     ("list-key", "? [a, b]\n: c", True, []),
     ("null-key", "~: x", False, []),
     ("tag-python", f"title: !!python/object/apply:os.system ['touch {BASE}/PWNED-CID']", True, ["not_pwned"]),
     ("tag-python-name", "x: !!python/name:os.system ''", True, []),
     ("tag-binary", "title: !!binary zz", True, []),
     ("tag-custom", "title: !foo bar", False, []),
     ("tag-timestamp", "date: !!timestamp nope", True, []),
     ("tag-bool", "x: !!bool maybe", True, []),
     ("anchors-ok", "x: &a [1, 2]\ny: *a", False, []),
     ("recursive-list", "x: &x [*x]", True, []),
     ("recursive-map", "x: &x {a: *x}", True, []),
     ("billion-laughs", "a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\ntags: *i", True, []),
     ("deep-nesting", "x: " + "[" * 300 + "]" * 300, True, []),
     ("deep-map", "x: " + "{a: " * 300 + "1" + "}" * 300, True, []),
     ("not-mapping", "- a\n- b", True, []),
     ("scalar", "just a string", True, []),
     ("invalid-yaml", "title: [unclosed", True, []),
     ("tabs", "title:\tx\n\tbad: y", True, []),
    ]
    return s

def frontmatter():
    for cid, y, warn, checks in fm_specs():
        full = "fm-" + cid
        yy = y.replace('"XSS"', '"' + X(full) + '"').replace("PWNED-CID", "PWNED-" + full)
        b = body(full)
        rel = wt(f"fm/{cid}.md", f"---\n{yy}\n---\n{b}\n")
        add(full, "frontmatter", [rel], "publish", text=b, warn=[f"{cid}.md"] if warn else [], checks=checks)
    # more shapes
    b = body("fm-oversized")
    big = "x: '" + "A" * (2 * 1024 * 1024) + "'"
    add("fm-oversized", "frontmatter", [wt("fm/oversized.md", f"---\n{big}\n---\n{b}\n")], "publish", text=b, warn=["oversized.md"])
    b = body("fm-odd-tag-keeps-rest")
    add("fm-odd-tag-keeps-rest", "frontmatter", [wt("fm/odd-tag-keeps-rest.md", f"---\ntitle: Kept title h13b\nx: !!str [a]\n---\n{b}\n")], "publish", text=b,
        warn=["odd-tag-keeps-rest.md"], checks=["title:Kept title h13b"], soft=True, note="README: one odd value costs only itself")
    b = body("fm-unterminated")
    add("fm-unterminated", "frontmatter", [wt("fm/unterminated.md", f"---\ntitle: Unterminated\n{b}\n")], "publish_or_warn", text=b)
    b = body("fm-empty")
    add("fm-empty", "frontmatter", [wt("fm/empty-fm.md", f"---\n---\n{b}\n")], "publish", text=b)
    b = body("fm-bom")
    add("fm-bom", "frontmatter", [wb("fm/bom-fm.md", b"\xef\xbb\xbf" + f"---\ntitle: BOM title h13b\n---\n{b}\n".encode())], "publish", text=b,
        checks=["title:BOM title h13b"])
    b = body("fm-crlf")
    add("fm-crlf", "frontmatter", [wb("fm/crlf-fm.md", f"---\ntitle: CRLF title h13b\n---\n{b}\n".replace("\n", "\r\n").encode())], "publish", text=b,
        checks=["title:CRLF title h13b"])
    b = body("fm-utf16")
    add("fm-utf16", "frontmatter", [wb("fm/utf16-fm.md", "\ufeff---\ntitle: UTF-16 title h13b\n---\n".encode("utf-16-le") + b.encode("utf-16-le"))], "publish", text=b,
        checks=["title:UTF-16 title h13b"])
    # huge lists
    for what, n in [("tags", 5000), ("participants", 3000), ("places", 3000), ("organizations", 3000)]:
        b = body(f"fm-huge-{what}")
        if what == "participants":
            items = "\n".join(f"  - {{name: Person{i:04d} Surname{i:04d}, role: mayor}}" for i in range(n))
        else:
            items = "\n".join(f"  - {what.capitalize()} Item {i:04d}" for i in range(n))
        add(f"fm-huge-{what}", "hugelist", [wt(f"fm/huge-{what}.md", f"---\n{what}:\n{items}\n---\n{b}\n")], "publish", text=b,
            warn=[f"huge-{what}.md"], checks=["bounded"])
    b = body("fm-reserved-people")
    ppl = "\n".join(f"  - {{name: {n}, role: mayor}}" for n in ["Index", "Tags", "Search", "Timeline", "People", "Participants", "Undated", "A-Z", "Page 2"])
    add("fm-reserved-people", "paths", [wt("fm/reserved-people.md", f"---\nparticipants:\n{ppl}\n---\n{b}\n")], "publish", text=b,
        checks=["people_index_ok"])
    b = body("fm-zw-person")
    add("fm-zw-person", "injection", [wt("fm/zw-person.md", "---\nparticipants:\n  - {name: \"Jo\\u200bhn Barrow\", role: mayor}\n  - {name: John Barrow, role: mayor}\n  - {name: \"John\\u202e Barrow\"}\n---\n" + b + "\n")],
        "publish", text=b, checks=["no_bidi_titles"])
    b = body("fm-xss-people")
    add("fm-xss-people", "injection", [wt("fm/xss-people.md", f"---\ntitle: '<script>alert(\"{X('fm-xss-people')}\")</script>'\nparticipants:\n  - {{name: '<script>alert(\"{X('fm-xss-people')}\")</script> Smith', role: '<img src=x onerror=alert(\"{X('fm-xss-people')}\")>'}}\nplaces: ['<svg onload=alert(\"{X('fm-xss-people')}\")>']\norganizations: ['\"><iframe src=javascript:alert(\"{X('fm-xss-people')}\")>']\ntags: ['<b onmouseover=alert(\"{X('fm-xss-people')}\")>t</b>']\nsummary: '<script>alert(\"{X('fm-xss-people')}\")</script>'\n---\n{b}\n")],
        "publish", text=b)

def sidecars():
    keep = {"title-list", "hide-int", "search-int", "rss-int", "image-int", "image-local-url", "image-passwd", "template-nope",
            "template-redirect", "icon-nope", "author-xss", "status-xss", "subtitle-xss", "recursive-list", "billion-laughs",
            "dup-key", "key-1-true", "tag-python", "date-impossible", "summary-nulllist", "location-only", "not-mapping",
            "invalid-yaml", "deep-nesting", "tag-timestamp", "tag-bool", "url-js", "extra-xss", "tags-amp", "author-amp"}
    for i, (cid, y, warn, checks) in enumerate(fm_specs()):
        if cid not in keep:
            continue
        full = "sc-" + cid
        yy = y.replace('"XSS"', '"' + X(full) + '"').replace("PWNED-CID", "PWNED-" + full)
        t = f"Sidecar case {cid}\n\n" + body(full)
        # dated, so that the page enters the feeds (match_path articles/YYYY/MM/...)
        stem = f"2011-02-{(i % 27) + 1:02d}-sc-{cid}"
        rels = [wt(f"side/{stem}.txt", t), wt(f"side/{stem}.meta.yml", yy + "\n")]
        add(full, "sidecar", rels, "publish", text=body(full), warn=[f"{stem}.meta.yml"] if warn else [], checks=checks)
    def pair(cid, sc_bytes, warn, checks=(), expect="publish", text=None):
        stem = f"2011-03-01-sc-{cid}"
        rels = [wt(f"side/{stem}.txt", f"Sidecar case {cid}\n\n" + body("sc-" + cid))]
        if sc_bytes is not None:
            rels.append(wb(f"side/{stem}.meta.yml", sc_bytes))
        add("sc-" + cid, "sidecar", rels, expect, text=text or body("sc-" + cid), warn=[f"{stem}.meta.yml"] if warn else [], checks=list(checks))
        return stem
    pair("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00" + bytes(range(256)), True)
    pair("empty", b"", False)
    pair("utf16", "\ufefftitle: Sidecar Ünïcödé h13b\ncredit: Zoë Brontë\n".encode("utf-16-le"), False, ["title:Sidecar Ünïcödé h13b"])
    pair("latin1", "title: Sidecar Zürich café h13b\n".encode("latin-1"), False, ["title:Sidecar Zürich café h13b"])
    pair("cp1252", "title: Sidecar “quoted” – €5 h13b\n".encode("cp1252"), False, ["title:Sidecar “quoted” – €5 h13b"])
    pair("oversized", ("credit: '" + "A" * (2 * 1024 * 1024) + "'\n").encode(), True)
    # sidecar that is a folder
    s = pair("is-dir", None, True)
    (C / f"side/{s}.meta.yml").mkdir()
    cases[-1]["files"].append(f"side/{s}.meta.yml")
    # sidecar FIFO
    s = pair("fifo", None, True)
    os.mkfifo(C / f"side/{s}.meta.yml")
    cases[-1]["files"].append(f"side/{s}.meta.yml")
    # sidecar symlinks: outside, hidden, another doc's sidecar
    (OUT / "evil.meta.yml").write_text(f"title: EVIL OUTSIDE TITLE h13b\ntemplate: redirect.html\nlocation: 'javascript:alert(\"{X('sc-link-out')}\")'\n")
    s = pair("link-out", None, True, ["no_redirect", "no_text:EVIL OUTSIDE TITLE"])
    os.symlink(OUT / "evil.meta.yml", C / f"side/{s}.meta.yml")
    cases[-1]["files"].append(f"side/{s}.meta.yml")
    wt("side/.hidden.meta.yml", "title: EVIL HIDDEN TITLE h13b\n")
    s = pair("link-hidden", None, True, ["no_text:EVIL HIDDEN TITLE"])
    os.symlink(".hidden.meta.yml", C / f"side/{s}.meta.yml")
    cases[-1]["files"].append(f"side/{s}.meta.yml")
    s = pair("link-dangling", None, True)
    os.symlink("nowhere.meta.yml", C / f"side/{s}.meta.yml")
    cases[-1]["files"].append(f"side/{s}.meta.yml")
    # orphan sidecar
    add("sc-orphan", "sidecar", [wt("side/orphan-without-doc.meta.yml", "title: ORPHAN h13b\n")], "warn", warn=["orphan-without-doc.meta.yml"], soft=True,
        checks=["no_text:ORPHAN h13b"])
    # md with both front matter and sidecar
    rels = [wt("side/2011-03-02-both.md", "---\ntitle: Front matter title h13b\n---\n" + body("sc-both") + "\n"),
            wt("side/2011-03-02-both.meta.yml", "title: Sidecar title h13b\n")]
    add("sc-both", "sidecar", rels, "publish", text=body("sc-both"))

# ------------------------------------------------------------------ injection in text
def injection():
    specs = [
     ("title-script", f"<script>alert('{{x}}')</script> council meets\n\n", ""),
     ("title-img", f"\"><img src=x onerror=alert('{{x}}')> Budget vote\n\n", ""),
     ("title-jinja", "{{ config }} {% include '/etc/passwd' %} Jinja title\n\n", ""),
     ("title-md", "# *Markdown* [link](javascript:alert('{x}')) title\n\n", ""),
     ("title-yaml", "title: injected\n---\nfoo: bar\n\n", ""),
     ("title-control", "Title with bell \x07 and escape \x1b[31m red \x0b\x0c end\n\n", ""),
     ("title-qa", "Q&A: <b>Mayor</b> & council answer \"questions\" & more\n\n", ""),
     ("title-bidi", "Invoice \u202egnp.exe\u202c for the mayor \u200b\u200d\u2066spoof\u2069\n\n", ""),
     ("body-script", "Body script case\n\n", "<script>alert('{x}')</script>"),
     ("body-js-link", "Body link case\n\n", "[click here](javascript:alert('{x}')) and <a href=\"javascript:alert('{x}')\">there</a> and <a href=\"jav&#x09;ascript:alert('{x}')\">x</a>"),
     ("body-events", "Body event case\n\n", "<img src=x onerror=alert('{x}')> <svg onload=alert('{x}')> <body onload=alert('{x}')> <div onmouseover=\"alert('{x}')\">hover</div>"),
     ("body-iframe", "Body iframe case\n\n", "<iframe src=\"javascript:alert('{x}')\"></iframe><object data=\"javascript:alert('{x}')\"></object><embed src=\"javascript:alert('{x}')\">"),
     ("body-style", "Body style case\n\n", "<style>body{{background:url('javascript:alert(\"{x}\")')}}</style><link rel=stylesheet href=\"javascript:alert('{x}')\">"),
     ("body-meta", "Body meta case\n\n", "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert('{x}')\"><base href=\"javascript:alert('{x}')//\">"),
     ("body-comment", "Body comment case\n\n", "--> <!-- --><script>alert('{x}')</script> ]]> <![CDATA[<script>alert('{x}')</script>]]>"),
     ("body-jinja", "Body jinja case\n\n", "{{{{ config.extra }}}} {{% for x in range(10**9) %}}{{% endfor %}} {{{{ ''.__class__.__mro__ }}}} {{{{ lipsum.__globals__ }}}}"),
     ("body-yaml-sep", "Body yaml case\n\n", "---\ntemplate: redirect.html\nlocation: javascript:alert('{x}')\n---"),
     ("body-unicode-tags", "Body unicode case\n\n", "\uff1cscript\uff1ealert('{x}')\uff1c/script\uff1e and \u003cscript\u003e and %3Cscript%3Ealert('{x}')%3C/script%3E"),
     ("name-script", "Names with markup\n\n", "Mayor <script>alert('{x}')</script> Smith met Governor Tom \"onmouseover=alert('{x}') Jones on Monday in <b>Paris</b>."),
     ("name-zw", "Zero-width names\n\n", "Mayor Jo\u200bhn Barrow met Governor John Barrow. Later John\u200d Barrow and John\u2060Barrow spoke. Jo\u00adhn Barrow left."),
     ("name-bidi", "Bidi names\n\n", "Mayor Ann\u202e Lee met Governor Ann Lee. \u2067Ann Lee\u2069 and \u200fAnn Lee\u200f agreed."),
     ("snippets", "Snippet case\n\n", "--8<-- \"/etc/passwd\"\n\n;--8<-- \"../../../../etc/passwd\"\n{!/etc/passwd!}"),
    ]
    for i, (cid, head, payload) in enumerate(specs):
        full = "inj-" + cid
        x = X(full)
        h = head.replace("{x}", x) if "{x}" in head else head
        p = payload.replace("{x}", x).replace("{{", "{").replace("}}", "}") if payload else ""
        b = body(full)
        for ext in ("txt", "md"):
            rel = wt(f"inj/2010-01-{i + 1:02d}-{cid}.{ext}", h + b + ("\n\n" + p if p else "") + "\n")
            add(f"{full}-{ext}", "injection", [rel], "publish", text=b,
                checks=["feeds_valid"] + (["no_bidi_titles"] if "bidi" in cid or "zw" in cid else []) + (["no_passwd"] if cid in ("snippets", "title-jinja") else []))

# ------------------------------------------------------------------ dates
def dates():
    specs = [
     ("2020-02-30-impossible-name.txt", True),
     ("2020-13-01-bad-month.txt", True),
     ("0000-01-01-year-zero.txt", True),
     ("9999-12-31-far-future.txt", False),
     ("1000-01-01-old.txt", False),
    ]
    for name, warn in specs:
        b = body("dates-" + name[:10])
        add("date-name-" + name[:-4], "dates", [wt("dates/" + name, b)], "publish", text=b, warn=[name] if warn else [], soft=not warn)
    texts = {
     "bare-year": "The company was founded in 1999 by John Smith. It was sold on 5 May 2005.",
     "impossible": "The meeting on February 30, 2020 was cancelled. It was moved to 31 April 2021 and then to 2021-02-29.",
     "timex-mix": "In the 1990s and the 2000s, during winter 2021, in Q4 2019, in week 53 of 2020, on Christmas, last summer, next decade, this quarter, in the 21st century, in 44 BC and in the year 10000 the council met.",
     "yearless": "The vote was held on March 20. The next one is on 4 July. The mayor spoke on Friday.",
     "deictic": "Yesterday, today, tomorrow, last week, next month, two years ago, in three days and the day after tomorrow the mayor spoke.",
     "numbers": "On 00/00/0000, on 99-99-9999, on 2021-00-10, at 25:61, and on 31.12.99999 nothing happened.",
    }
    for k, t in texts.items():
        add(f"date-text-{k}", "dates", [wt(f"dates/undated-{k}.txt", t)], "publish", text=t)
    # many dates in one text (timeline bounding)
    random.seed(5)
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    sents = [f"On {random.randint(1, 28)} {random.choice(months)} {random.randint(1900, 2030)} the council of Penbury met again." for _ in range(2000)]
    t = " ".join(sents)
    add("date-many", "hugelist", [wt("dates/2012-05-05-many-dates.txt", t)], "publish", text=sents[0], checks=["bounded"])

# ------------------------------------------------------------------ path tricks
def paths():
    names = ["index.txt", "index.md", "INDEX.TXT", "tags.txt", "tags.md", "people.txt", "participants.txt", "timeline.txt", "search.txt",
             "search.md", "404.txt", "sitemap.txt", "articles.txt", "undated.txt", "2020.txt", "assets.txt", "feed_rss_created.txt",
             "places.txt", "organizations.txt", "stories.txt", "find.txt", "llms.txt", "sitemap.xml.txt", "search_index.json.txt",
             "Q&A #1?.txt", "100% sure.txt", "a%20b%2F..%2Fc.txt", "hash#tag.txt", "question?x=1.txt", "Zürich café.txt", "東京ニュース.txt",
             "🔥 news.txt", "new\nline.txt", "tab\tname.txt", "quote\"s'.txt", f"<img src=x onerror=alert('{X('path-fname')}')>.txt",
             "-rf.txt", " leading space.txt", "trailing space .txt", "x.md.txt", "back\\slash.txt", "javascript:alert(1).txt",
             "con.txt", "aux.md", "a" * 250 + ".txt", "é" * 125 + ".txt"]
    for i, n in enumerate(names):
        cid = f"path-{i:02d}"
        b = body(cid)
        add(cid, "paths", [wt(n, b)], "publish", text=b, note=f"file name {n!r}", checks=["source_link"])
    # 255-byte name at the limit: its sidecar name is longer than 255 bytes
    n = "b" * 251 + ".txt"
    b = body("path-255")
    add("path-255-sidecar", "paths", [wt(n, b), wt("c" * 240 + ".meta.yml", "title: long sidecar h13b\n")], "publish", text=b, note="255-byte name")
    b2 = body("path-240-sidecar")
    add("path-240-sidecar", "paths", [wt("c" * 240 + ".txt", b2)], "publish", text=b2, checks=["title:long sidecar h13b"])
    # slug collisions
    for i, n in enumerate(["collide/a b.txt", "collide/a-b.txt", "collide/A_B.txt", "collide/a--b.md", "collide/a.b.txt", "collide2/a b.txt"]):
        b = body(f"collide-{i}")
        add(f"path-collide-{i}", "paths", [wt(n, b)], "publish", text=b, checks=["once"])
    for i, n in enumerate(["sameday/x/2020-01-01-same.txt", "sameday/y/2020-01-01-same.txt", "sameday/2020-01-01-same.md"]):
        b = body(f"sameday-{i}")
        add(f"path-sameday-{i}", "paths", [wt(n, b)], "publish", text=b, checks=["once"])
    for d in ["participants", "articles", "assets", "_sources", "tags", "timeline", "search", "f#old", "pct%25dir", "sub"]:
        b = body(f"dir-{d}")
        add(f"path-dir-{d}", "paths", [wt(f"{d}/index.txt", b)], "publish", text=b, checks=["once"])
    deep = "/".join(f"d{i}" for i in range(40))
    b = body("deep")
    add("path-deep", "paths", [wt(f"{deep}/deep-doc.txt", b)], "publish", text=b)
    # hidden and backups: never published
    for n in [".hidden-doc.txt", "notes.txt~", ".#lock.txt", "#autosave.txt#", "draft.txt.swp", "old.txt.bak", "..txt", "...txt", ".git/HEAD.txt", "sub/.secret/x.txt"]:
        add(f"hidden-{n}", "hidden", [wt(n, f"HIDDEN DOC TEXT h13b {n}")], "absent", text=f"HIDDEN DOC TEXT h13b {n}")

# ------------------------------------------------------------------ symlinks, FIFOs
def links():
    (OUT / "secret.txt").write_text("OUTSIDE SECRET h13b: the launch codes are 0000.")
    (OUT / "dir").mkdir()
    (OUT / "dir" / "outdoc.txt").write_text("OUTSIDE DIR DOC h13b text.")
    L = C / "links"; L.mkdir()
    def ln(name, target, cid, expect, text=None, checks=(), warn=True, soft=False):
        os.symlink(target, L / name)
        add(cid, "symlink", [f"links/{name}"], expect, text=text, warn=[name] if warn else [], checks=list(checks), soft=soft)
    ln("out-file.txt", OUT / "secret.txt", "link-out-file", "absent", "OUTSIDE SECRET h13b")
    ln("out-rel.txt", "../../outside/secret.txt", "link-out-rel", "absent", "OUTSIDE SECRET h13b")
    ln("etc-passwd.txt", "/etc/passwd", "link-etc-passwd", "absent", None, ["no_passwd"])
    ln("dev-zero.txt", "/dev/zero", "link-dev-zero", "absent")
    ln("dev-urandom.md", "/dev/urandom", "link-dev-urandom", "absent")
    ln("proc-environ.txt", "/proc/self/environ", "link-proc-environ", "absent", None, ["no_text:PYTHONPATH"])
    wt("links/.hidden-target.txt", "HIDDEN TARGET TEXT h13b")
    ln("to-hidden.txt", ".hidden-target.txt", "link-to-hidden", "absent", "HIDDEN TARGET TEXT h13b")
    wt("links/backup-target.txt~", "BACKUP TARGET TEXT h13b")
    ln("to-backup.txt", "backup-target.txt~", "link-to-backup", "absent", "BACKUP TARGET TEXT h13b")
    good0 = GOOD[0]
    ln("to-good.txt", f"../good/{good0[0]}", "link-to-doc", "once", good0[1], warn=False)
    ln("to-good.md", f"../good/{GOOD[1][0]}", "link-to-doc-md", "once", GOOD[1][1], warn=False)
    ln("dangling.txt", "does-not-exist.txt", "link-dangling", "warn")
    ln("loop-a.txt", "loop-b.txt", "link-loop-a", "warn")
    ln("loop-b.txt", "loop-a.txt", "link-loop-b", "warn")
    ln("self.txt", "self.txt", "link-self", "warn")
    ln("dir-in", "../good", "link-dir-in", "warn", None, [])
    ln("dir-out", OUT / "dir", "link-dir-out", "absent", "OUTSIDE DIR DOC h13b")
    ln("dir-loop", "..", "link-dir-loop", "warn")
    wt("links/data.yml", "title: YAML TARGET h13b\n")
    ln("to-yml.txt", "data.yml", "link-to-yml", "publish_or_warn", None, soft=True, warn=False)
    ln("to-png.txt", "../bin/real.png", "link-to-png", "warn")
    for n in ("fifo.txt", "fifo.md"):
        os.mkfifo(L / n)
        add("fifo-" + n, "fifo", [f"links/{n}"], "warn", warn=[n])
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.bind(str(L / "socket.txt")); s.close()
    add("socket", "fifo", ["links/socket.txt"], "warn", warn=["socket.txt"])
    b = body("unreadable")
    rel = wt("links/unreadable.txt", b)
    os.chmod(C / rel, 0)
    add("unreadable", "fifo", [rel], "publish_or_warn", text=b, soft=True, note="mode 000 (root reads it anyway)")

# ------------------------------------------------------------------ many names
FIRST = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth", "William", "Barbara", "Richard",
         "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen", "Daniel", "Nancy", "Matthew", "Lisa", "Anthony", "Betty",
         "Mark", "Margaret", "Donald", "Sandra", "Steven", "Ashley", "Paul", "Kimberly", "Andrew", "Emily", "Joshua", "Donna", "Kenneth",
         "Michelle", "Kevin", "Carol", "Brian", "Amanda", "George", "Dorothy", "Timothy", "Melissa", "Ronald", "Deborah"]
LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez",
        "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris",
        "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen",
        "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
        "Parker", "Evans", "Edwards", "Collins", "Stewart", "Morris", "Murphy", "Cook", "Rogers", "Morgan", "Peterson", "Cooper",
        "Reed", "Bailey", "Bell", "Gomez", "Kelly", "Howard", "Ward", "Cox", "Diaz", "Richardson", "Wood", "Watson", "Brooks",
        "Bennett", "Gray", "James", "Reyes", "Cruz", "Hughes", "Price", "Myers", "Long", "Foster", "Sanders", "Ross", "Morales",
        "Powell", "Sullivan", "Russell", "Ortiz", "Jenkins", "Gutierrez", "Perry", "Butler", "Barnes", "Fisher", "Henderson", "Coleman"]
TOWNS = ["Ashford", "Brackley", "Corbridge", "Dunster", "Elmstead", "Farnham", "Glossop", "Hexham", "Ilkley", "Jarrow", "Keswick",
         "Ludlow", "Malton", "Nantwich", "Oundle", "Penrith", "Ripon", "Selby", "Thirsk", "Ulverston", "Ventnor", "Whitby", "Yarm"]

def many_names():
    random.seed(230)
    pairs = [(f, l) for f in FIRST for l in LAST]
    random.shuffle(pairs)
    sents = []
    k = 0
    while sum(len(s) + 1 for s in sents) < 230_000:
        a = pairs[k % len(pairs)]; b = pairs[(k + 1) % len(pairs)]; k += 2
        sents.append(f"{a[0]} {a[1]}, the mayor of {random.choice(TOWNS)}, met {b[0]} {b[1]}.")
    t = " ".join(sents)
    add("many-names", "hugelist", [wt("big/2013-06-06-many-names.txt", "Many names\n\n" + t)], "publish", text=" ".join(sents[:3]),
        warn=["many-names.txt"], checks=["bounded"])
    lines = [f"{i + 1}. {p[0]} {p[1]} ({1900 + i % 100}), {random.choice(TOWNS)}" for i, p in enumerate(pairs[:3000])]
    add("many-names-list", "hugelist", [wt("big/2013-06-07-name-list.txt", "Name list\n\n" + "\n".join(lines))], "publish", text="\n".join(lines[:3]),
        warn=["name-list.txt"], checks=["bounded"], soft=True)

def aliases():
    x = X("aliases")
    wt("aliases.yml", "Helen M. Garrow: Helen Garrow\n"
       f"'<script>alert(\"{x}\")</script>': Tomas Reyes\n"
       f"Tomas Reyes Jr: '<img src=x onerror=alert(\"{x}\")>'\n"
       "Jo\u200bhn Barrow: John Barrow\n"
       "Index: Index\n")
    add("aliases-main", "yaml", ["aliases.yml"], "none", checks=[])

def subsets():
    S = BASE / "subsets"
    def mk(name, docs):
        d = S / name; d.mkdir(parents=True)
        for n, t in docs:
            (d / n).write_text(t)
        return d
    g5 = GOOD[:5]
    for n in ("cache-file", "cache-ro", "cache-foreign"):
        mk(n, g5)
    mk("undated", [("founded.txt", "The company was founded in 1999 by John Smith. It was sold on 5 May 2005.")])
    mk("yearless", [("a.txt", "The vote was held on March 20 by Mayor Ann Hill."), ("b.txt", "In the 1990s the town grew. In 2005 it shrank.")])
    mk("one-doc", [GOOD[2]])
    d = mk("aliases-bomb", g5)
    (d / "aliases.yml").write_text("a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\nHelen Garrow: *i\n")
    d = mk("aliases-recursive", g5)
    (d / "aliases.yml").write_text("x: &x [*x]\nHelen Garrow: *x\n")
    d = mk("aliases-outside", g5)
    (OUT / "aliases.yml").write_text("Helen Garrow: EVIL ALIAS h13b\n")
    os.symlink(OUT / "aliases.yml", d / "aliases.yml")
    d = mk("aliases-timestamp", g5)
    (d / "aliases.yml").write_text("Helen Garrow: !!timestamp nope\nTomas Reyes: !!bool maybe\n")
    d = mk("aliases-binary", g5)
    (d / "aliases.yml").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    d = mk("aliases-list", g5)
    (d / "aliases.yml").write_text("- Helen Garrow\n- [a, b]\n")

if __name__ == "__main__":
    reset()
    good(); encodings(); binaries(); frontmatter(); sidecars(); injection(); dates(); paths(); links(); many_names(); aliases(); subsets()
    excl = set(filter(None, os.environ.get("H13B_EXCLUDE", "").split(",")))
    for c in cases:
        if c["id"] in excl:
            c["excluded"] = True
            for f in sorted(c["files"], key=len, reverse=True):
                p = C / f
                if p.is_dir() and not p.is_symlink():
                    os.rmdir(p)
                elif os.path.lexists(p):
                    os.unlink(p)
    ids = [c["id"] for c in cases]
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]
    (BASE / "cases.json").write_text(json.dumps(cases, indent=1, ensure_ascii=False))
    print(len(cases), "cases")
