#!/usr/bin/env python3
"""Write the held-out hostile corpus $H13C_BASE/src (+ $H13C_BASE/src-plain: the good texts only,
for the baseline build) and $H13C_BASE/expectations.json.

Each case: id, file (path relative to src, the name a WARNING must mention), kind:
  good    - must be published exactly once with `sentence` visible in its page's full text
  enc     - like good, and `sentence` must appear exactly as written (no mojibake)
  bad     - must be named in a WARNING line; if `publish` is True the document is still
            published (sentence visible); if False its `sentence` must appear nowhere
  either  - published with `sentence` OR named in a WARNING (never crash, never silent)
  nopub   - must never be published (sentence nowhere), warning optional (hidden files etc.)
"""
import json, os, shutil, stat, sys
from pathlib import Path

ROOT = Path(os.environ.get("H13C_BASE", os.getcwd())).resolve()  # the workdir
PORT = int(os.environ.get("H13C_PORT", "18913"))  # the probe listener of run.sh
SRC = ROOT / "src"
PLAIN = ROOT / "src-plain"
OUT = ROOT / "outside"
CASES = []

def case(cid, file, kind, sentence=None, publish=None, title=None, note="", warn_name=None):
    CASES.append(dict(id=cid, file=file, kind=kind, sentence=sentence, publish=publish,
                      title=title, note=note, warn_name=warn_name or os.path.basename(file)))

def w(rel, data, base=SRC):
    p = base / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    p.write_bytes(data)
    return p

def body(cid, extra=""):
    s = f"Inspectors in Harwick logged file {cid.replace('-', ' ')} on Tuesday."
    txt = (f"The town council of Harwick met on 3 March 2021 to discuss the new bridge. "
           f"{s} Mayor Alice Thornbury said the work would finish in June 2022. "
           f"Engineers from the regional office agreed with the plan.{extra}\n")
    return txt, s

for d in (SRC, PLAIN, OUT):
    if d.exists():
        shutil.rmtree(d)
    d.mkdir(parents=True)

# ---------------------------------------------------------------- 15 good news texts
GOOD = [
 ("2021-04-12-ferry-goats.txt", "Pelham ferry resumes service",
  "The Pelham ferry carried eleven goats across the bay on its first trip of the season.",
  "The Pelham ferry resumed service on Monday after a winter of repairs. Captain Ruth Olafsen said the new engine had been tested in March. {S} Local farmers welcomed the return of the crossing, which cuts the trip to market by two hours. The harbour authority expects 40,000 passengers this year."),
 ("2020-11-02-library-roof.txt", "Library roof repaired after storm",
  "Volunteers stacked nine thousand paperbacks in the gymnasium of Castlereagh school.",
  "The central library of Castlereagh reopened on 2 November 2020 after storm damage to its roof. {S} Librarian Tomas Beck said no rare books were lost. The city paid 1.2 million pounds for the repairs, which began in August."),
 ("2019-06-30-marathon.txt", "Record field at Dunmore marathon",
  "A runner dressed as a lighthouse finished the Dunmore marathon in under four hours.",
  "More than 12,000 runners took part in the Dunmore marathon on Sunday, a record for the event. Kenyan athlete Grace Wanjiru won the women's race. {S} Organisers said next year's race will be held on 28 June 2020."),
 ("2022-01-15-orchard.txt", "Frost threatens Velmar orchards",
  "Growers in Velmar lit four hundred candles between the apple rows to keep the frost away.",
  "A cold snap on 14 January 2022 put the orchards of the Velmar valley at risk. {S} The growers' association chairman, Pieter de Wit, said losses could reach ten percent. Forecasters expect milder weather by the end of the month."),
 ("2018-09-09-museum.txt", "Museum returns bronze statue",
  "The returned bronze horse had spent sixty years in a basement in Lisbury.",
  "The national museum of Lisbury returned a bronze statue to the city of Amara on 9 September 2018. {S} Curator Helen Marsh called the return overdue. The statue will be displayed in Amara's old town hall from October."),
 ("2023-03-21-tram.txt", "New tram line opens in Ostrava Nova",
  "Children in Ostrava Nova painted the tram stops with pictures of foxes and owls.",
  "The first tram on the new line in Ostrava Nova ran on 21 March 2023. {S} Transport minister Jan Koller said the line would carry 30,000 people a day. Work on a second line will start in 2024."),
 ("2017-05-04-bees.txt", "Rooftop bees thrive in Marlow",
  "Each hive on the Marlow post office roof produced twelve jars of linden honey.",
  "Beekeepers in Marlow reported a strong spring for the hives kept on city rooftops. {S} The project was started in 2015 by teacher Samira Haddad. The council plans to add twenty more hives next year."),
 ("2016-12-12-choir.txt", "Miners' choir sings in Brenbury",
  "The oldest singer in the Brenbury miners' choir is ninety-three and still sings bass.",
  "The miners' choir of Brenbury gave its hundredth winter concert on 11 December 2016. {S} Conductor Owen Price said the choir was founded in 1916. Tickets for the concert sold out within a day."),
 ("2024-02-29-leap.txt", "Leap day weddings in Castel Verde",
  "Thirty couples in Castel Verde married on the leap day so they could celebrate only every fourth year.",
  "Registry offices in Castel Verde were busy on 29 February 2024. {S} Registrar Lucia Romano said it was the busiest day since 2020. Several couples came from abroad."),
 ("2015-07-01-bridge.txt", "Footbridge closed for inspection",
  "Divers found a rusted bicycle wedged under the third pillar of the Kessel footbridge.",
  "The Kessel footbridge was closed on 1 July 2015 for a safety inspection. {S} Engineer Marta Novak said the bridge would reopen within two weeks. Cyclists were asked to use the main road bridge."),
 ("harvest-festival.txt", "Harvest festival draws crowds",
  "The largest pumpkin at the Ellerby harvest festival weighed as much as a small car.",
  "Thousands of visitors came to the Ellerby harvest festival this weekend. {S} Festival director Nora Quinn thanked the volunteers. The festival has been held every autumn since 1952."),
 ("observatory.txt", "Observatory opens to the public",
  "Visitors to the Carran observatory saw the rings of Saturn through a brass telescope from 1890.",
  "The old observatory on Carran hill opened its doors to the public for the first time. {S} Astronomer Felix Grant said the telescope had been restored by students. Tours will be held on clear Friday nights."),
 ("2021-10-10-flood.txt", "Flood defences hold in Wexmoor",
  "Sandbag walls in Wexmoor were built by three hundred students in a single night.",
  "The river Wex rose to a record height on 9 October 2021, but the new flood defences held. {S} Environment officer Raj Patel said no homes were flooded. The defences cost four million pounds."),
 ("2020-03-03-chess.txt", "Schoolgirl wins Tarrow chess open",
  "The twelve-year-old winner of the Tarrow chess open learned the game from her grandfather in a hospital ward.",
  "Twelve-year-old Mei Lin won the Tarrow chess open on 1 March 2020, beating four grandmasters. {S} Tournament director Boris Ilyin said she was the youngest winner in its history. She will play in the national championship in May."),
 ("2019-01-20-lighthouse.txt", "Lighthouse keeper retires",
  "For forty years the Skerrow lighthouse keeper wrote the weather in a green notebook every morning.",
  "Duncan MacLeod retired on 20 January 2019 after forty years as keeper of the Skerrow lighthouse. {S} The lighthouse has been automatic since 2010, but MacLeod stayed on as its caretaker. His notebooks will go to the county archive."),
]
for i, (fn, title, s, text) in enumerate(GOOD, 1):
    content = f"{title}\n\n{text.replace('{S}', s)}\n"
    w(fn, content); w(fn, content, PLAIN)
    case(f"good-{i:02d}", fn, "good", s, True, title)

# ---------------------------------------------------------------- encodings
ENC = [
 ("en", "latin-1", "The naïve chef from Besançon won the crème brûlée prize in Genève."),
 ("fr", "cp1252", "Le maire a annoncé à Orléans que l’été serait très chaud — déjà 40 °C."),
 ("de", "latin-1", "Die Bürger von Köln trafen sich am Rhein, um über die Straßenbahn zu sprechen."),
 ("es", "latin-1", "El alcalde de Cádiz inauguró la nueva biblioteca en la plaza de España."),
 ("pt", "cp1252", "Em São Paulo, o governador anunciou “novas” ações para a educação."),
 ("it", "latin-1", "Il sindaco di Forlì ha inaugurato il nuovo ponte della città."),
 ("sv", "latin-1", "Kommunen i Malmö och Göteborg öppnade en ny bro över ån."),
 ("da", "latin-1", "Borgmesteren i Århus åbnede den nye bro over søen i går."),
 ("nl", "cp1252", "De burgemeester van Brussel zei dat café ’t Hoekje € 500 kreeg."),
 ("is", "latin-1", "Borgarstjórinn í Reykjavík opnaði nýja brú yfir ána í gær."),
 ("fi", "latin-1", "Helsingin pormestari avasi uuden sillan Pääkaupungissa tänään."),
 ("en2", "cp1252", "The company’s chief said… the Widget™ sold 5,000 units in Zürich."),
 ("ca", "latin-1", "L’alcalde de Girona va inaugurar la plaça del Mercat amb la família Puigdemunt.".replace("’", "'")),
]
for lang, codec, s in ENC:
    fn = f"enc-{lang}-{codec}.txt"
    w(fn, (s + "\n").encode(codec))
    case(f"enc-{lang}-{codec}", fn, "enc", s, True, note=f"short {codec} text")
UTF = "Τhe mayor of Θessaloniki, Ωmega Papadopoulou, opened the new metro line on Friday."
UTF = "The mayor of Thessaloniki opened the new metro line on Friday; café owners cheered."
for codec, bom in [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-32-le", b"\xff\xfe\x00\x00"),
                   ("utf-32-be", b"\x00\x00\xfe\xff"), ("utf-8", b"\xef\xbb\xbf")]:
    s = UTF.replace("Friday", f"Friday in file {codec.replace('-', '')}")
    fn = f"enc-{codec}-bom.txt"
    w(fn, bom + (s + "\n").encode(codec))
    case(f"enc-{codec}-bom", fn, "enc", s, True)
    if codec != "utf-8":
        s2 = s.replace("file", "plain file")
        fn = f"enc-{codec}-nobom.txt"
        w(fn, (s2 + "\n").encode(codec))
        case(f"enc-{codec}-nobom", fn, "either", s2, note="no BOM: decode right or name it")
s = "Workers in Dorrin repaired the canal lock before the spring floods arrived."
w("enc-nul.txt", (s + "\n").encode() .replace(b"canal", b"ca\x00nal"))
case("enc-nul", "enc-nul.txt", "either", "before the spring floods arrived", note="NUL inside")
s = "The Quarry Lane bakery reopened on Saturday with a queue around the block."
w("enc-invalid-utf8.txt", ("Bakery reopens\n\n" + s + " Prices rose by 5 \xe2\x82 percent.\n").encode("latin-1").replace(b"\xe2\x82", b"\xe2\x82"))
w("enc-invalid-utf8.txt", b"Bakery reopens\n\n" + s.encode() + b" Caf\xc3\xa9 prices rose \xff\xfe by 5 percent.\n")
case("enc-invalid-utf8", "enc-invalid-utf8.txt", "either", s, note="UTF-8 with stray 0xFF 0xFE")
s = "The Zürich café owners met the mayor on Friday."
w("enc-mixed.txt", "The Zürich café owners met the mayor on Friday.".encode() + " Señor Muñoz spoke.\n".encode("latin-1"))
case("enc-mixed", "enc-mixed.txt", "either", s, note="UTF-8 then Latin-1 bytes")
# sidecar and front matter in legacy / UTF-16
t, s = body("enc-sidecar-cp1252")
w("enc-sidecar-cp1252.txt", t)
w("enc-sidecar-cp1252.meta.yml", "title: Réunion du conseil à Genève – été\n".encode("cp1252"))
case("enc-sidecar-cp1252", "enc-sidecar-cp1252.txt", "enc", "Réunion du conseil à Genève – été", True, note="cp1252 sidecar title")
t, s = body("enc-sidecar-utf16")
w("enc-sidecar-utf16.txt", t)
w("enc-sidecar-utf16.meta.yml", b"\xff\xfe" + "title: Übersicht der Straßenbahn in München\n".encode("utf-16-le"))
case("enc-sidecar-utf16", "enc-sidecar-utf16.txt", "enc", "Übersicht der Straßenbahn in München", True, note="UTF-16 sidecar title")
t, s = body("enc-md-cp1252")
w("enc-md-cp1252.md", ("---\ntitle: Niños de Cádiz ganan el premio\n---\n" + t).encode("cp1252"))
case("enc-md-cp1252", "enc-md-cp1252.md", "enc", "Niños de Cádiz ganan el premio", True, note="cp1252 .md front matter")

# ---------------------------------------------------------------- empty / binary
w("empty.txt", b"")
case("empty-txt", "empty.txt", "bad", publish=False)
w("empty.md", b"")
case("empty-md", "empty.md", "bad", publish=False)
w("whitespace.txt", b"   \n\n\t  \n")
case("whitespace", "whitespace.txt", "bad", publish=False)
w("only-bom.txt", b"\xef\xbb\xbf")
case("only-bom", "only-bom.txt", "bad", publish=False)
w("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
case("binary-png", "image.txt", "bad", publish=False)
w("archive.md", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + os.urandom(2000))
case("binary-zip", "archive.md", "bad", publish=False)
import random
random.seed(13)
w("noise.txt", bytes(random.randrange(256) for _ in range(4096)))
case("binary-noise", "noise.txt", "bad", publish=False)
w("elf.txt", b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 200 + b"/lib64/ld-linux-x86-64.so.2\x00" + bytes(range(256)))
case("binary-elf", "elf.txt", "bad", publish=False)
w("fm-only.md", "---\ntitle: Front matter and nothing else\n---\n")
case("fm-only", "fm-only.md", "either", "Front matter and nothing else")

# ---------------------------------------------------------------- front matter (.md)
XSS = "\"><script>alert('H13C-{k}')</script><img src=x onerror=alert('H13C-{k}')>"
FM = [
 # id, yaml text, publish, kind
 ("hide-int", "hide: 1"), ("hide-map", "hide: {a: b}"), ("hide-bogus", "hide: [navigation, '<script>x</script>']"),
 ("search-int", "search: 1"), ("search-exclude-str", "search: {exclude: 'yes please'}"), ("search-boost-str", "search: {boost: high}"),
 ("rss-int", "rss: 5"),
 ("image-int", "image: 5"), ("image-http", f"image: http://127.0.0.1:{PORT}/h13c-probe.png"),
 ("image-dotdot", "image: ../../../../../../etc/passwd"), ("image-file", "image: file:///etc/passwd"),
 ("template-missing", "template: nope.html"), ("template-dotdot", "template: ../../../../etc/passwd"),
 ("template-redirect", "template: redirect.html\nlocation: \"javascript:alert('H13C-loc')\""),
 ("location-evil", "location: https://evil.example/h13c"),
 ("icon-missing", "icon: material/nope-h13c"), ("icon-int", "icon: 5"), ("icon-svg", "icon: '<svg onload=alert(1)>'"),
 ("status-html", "status: \"" + XSS.format(k="status").replace('"', '\\"') + "\""),
 ("status-list", "status: [a, b]"),
 ("subtitle-html", "subtitle: \"" + XSS.format(k="subtitle").replace('"', '\\"') + "\""),
 ("author-html", "author: \"" + XSS.format(k="author").replace('"', '\\"') + "\""),
 ("author-amp", "author: 'AT&T <Research> & Q&A'"),
 ("author-map", "author: {name: x, url: 'javascript:alert(1)'}"),
 ("comments-str", "comments: 'yes'"), ("draft-str", "draft: 'no'"),
 ("title-list", "title: [one, two]"), ("title-int", "title: 5"), ("title-null", "title: null"), ("title-map", "title: {a: b}"),
 ("date-impossible", "date: 2020-02-30"), ("date-text", "date: next tuesday"), ("date-month13", "date: 2020-13-01"),
 ("date-year0", "date: 0000-01-01"), ("date-huge", "date: 99999-01-01"), ("date-list", "date: [2020]"),
 ("summary-null", "summary: [null]"), ("summary-int", "summary: 5"), ("summary-map", "summary: {a: b}"),
 ("participants-str", "participants: John Smith"), ("participants-nullname", "participants: [{name: null}]"),
 ("participants-listname", "participants: [{name: [x, y]}]"), ("participants-int", "participants: [5, true]"),
 ("participants-html", "participants: [{name: \"<script>alert('H13C-pn')</script>\", role: '<img src=x onerror=alert(1)>'}]"),
 ("places-int", "places: 5"), ("places-nested", "places: [[a, b]]"), ("orgs-map", "organizations: {a: b}"),
 ("tags-amp", "tags: AT&T"), ("tags-mixed", "tags: [null, 5, [x], {a: b}]"),
 ("tags-html", "tags: [\"<script>alert('H13C-tag')</script>\", 'a\"onmouseover=alert(1)']"),
 ("url-js", "original_url: \"javascript:alert('H13C-url')\""), ("url-int", "original_url: 5"),
 ("credit-html", "credit: \"<script>alert('H13C-credit')</script>\""),
 ("extra-html", "extra_h13c: \"<script>alert('H13C-extra')</script>\""),
 ("pyobj-apply", f"title: !!python/object/apply:os.system ['touch {ROOT}/PWNED']"),
 ("pyobj-obj", "title: !!python/object:os.system {a: 1}\ntags: [!!python/name:os.system '']"),
 ("pyobj-new", f"x: !!python/object/new:subprocess.Popen [['touch', '{ROOT}/PWNED2']]"),
 ("binary-tag", "summary: !!binary zz"), ("custom-tag", "title: !h13c something"),
 ("recursive", "x: &x [*x]"), ("recursive-map", "x: &x {a: *x}"),
 ("laughs", "a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n" + "\n".join(
     f"{chr(98+i)}: &{chr(98+i)} [" + ",".join([f"*{chr(97+i)}"] * 9) + "]" for i in range(9))),
 ("dup-keys", "title: First title H13C\ntitle: Second title H13C"),
 ("keys-1-true", "1: one\ntrue: yes\ntitle: Keys one and true"),
 ("key-list", "? [a, b]\n: c\ntitle: Key that is a list"),
 ("deep", "x: " + "[" * 200 + "]" * 200),
 ("not-mapping", "- a\n- b"), ("scalar", "just a string"), ("invalid-yaml", "title: [unclosed\ndate: {"),
 ("tab-indent", "title: x\n\tdate: 2020-01-01"),
]
for cid, y, in FM:
    t, s = body("fm-" + cid)
    fn = f"fm-{cid}.md"
    w(fn, f"---\n{y}\n---\n{t}")
    kind = "bad"
    if cid in ("subtitle-html", "author-html", "credit-html", "title-int", "rss-int", "extra-html", "author-amp", "custom-tag", "pyobj-obj", "location-evil",
               "template-missing", "template-dotdot", "image-dotdot", "image-file", "image-http"):
        kind = "either-pub"   # must publish; warning optional (README: dropped / kept escaped)
    case("fm-" + cid, fn, kind, s, True)
t, s = body("fm-unclosed")
w("fm-unclosed.md", f"---\ntitle: never closed\n{t}")
case("fm-unclosed", "fm-unclosed.md", "either", "Inspectors in Harwick logged file fm unclosed")
t, s = body("fm-huge")
w("fm-huge.md", "---\nnotes: |\n" + ("  " + "x" * 100 + "\n") * 12000 + "---\n" + t)
case("fm-huge", "fm-huge.md", "bad", s, True, note="1.2 MB front matter")
# huge lists
for cid, key, n, mk in [("tags-5000", "tags", 5000, lambda i: f"tag{i:05d}"),
                        ("participants-3000", "participants", 3000, lambda i: {"name": f"Person Number{i:04d}", "role": "x"}),
                        ("places-3000", "places", 3000, lambda i: f"Placeville{i:04d}"),
                        ("orgs-3000", "organizations", 3000, lambda i: f"Org{i:04d} Ltd")]:
    t, s = body("fm-" + cid)
    w(f"fm-{cid}.md", "---\n" + json.dumps({key: [mk(i) for i in range(n)]}) + "\n---\n" + t)
    case("fm-" + cid, f"fm-{cid}.md", "bad", s, True, note="huge list: cut must be named")
# twin with same huge tag list (the 431 s case) -- second document
t, s = body("fm-tags-5000-twin")
w("fm-tags-5000-twin.md", "---\n" + json.dumps({"tags": [f"tag{i:05d}" for i in range(5000)]}) + "\n---\n" + t)
case("fm-tags-5000-twin", "fm-tags-5000-twin.md", "bad", s, True)

# ---------------------------------------------------------------- sidecars
SC = [
 ("template", "template: redirect.html\nlocation: \"javascript:alert('H13C-sc-loc')\""),
 ("author", "author: \"" + XSS.format(k="sc-author").replace('"', '\\"') + "\""),
 ("status", "status: \"<img src=x onerror=alert('H13C-sc-status')>\""),
 ("image-http", f"image: http://127.0.0.1:{PORT}/h13c-sidecar.png"),
 ("image-dotdot", "image: ../../../../../../etc/passwd"),
 ("hide", "hide: 1"), ("search", "search: 1"), ("rss", "rss: 5"), ("icon", "icon: material/nope-h13c"),
 ("recursive", "x: &x [*x]"),
 ("laughs", "a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n" + "\n".join(
     f"{chr(98+i)}: &{chr(98+i)} [" + ",".join([f"*{chr(97+i)}"] * 9) + "]" for i in range(9))),
 ("pyobj", f"title: !!python/object/apply:os.system ['touch {ROOT}/PWNED3']"),
 ("not-mapping", "- a\n- b"), ("dup", "title: A\ntitle: B"), ("date", "date: 2020-02-30"),
 ("title-list", "title: [x, y]"),
]
for cid, y in SC:
    t, s = body("sc-" + cid)
    w(f"sc-{cid}.txt", t); w(f"sc-{cid}.meta.yml", y + "\n")
    kind = "either-pub" if cid in ("rss", "image-http", "image-dotdot", "author") else "bad"
    case("sc-" + cid, f"sc-{cid}.txt", kind, s, True, warn_name=f"sc-{cid}")
t, s = body("sc-binary"); w("sc-binary.txt", t); w("sc-binary.meta.yml", os.urandom(500))
case("sc-binary", "sc-binary.txt", "bad", s, True, warn_name="sc-binary")
t, s = body("sc-empty"); w("sc-empty.txt", t); w("sc-empty.meta.yml", b"")
case("sc-empty", "sc-empty.txt", "good", s, True)
w("sc-orphan.meta.yml", "title: Orphan sidecar H13C\n")
case("sc-orphan", "sc-orphan.meta.yml", "nopub", "Orphan sidecar H13C")

# ---------------------------------------------------------------- injection in titles/names/body
INJ = [
 ("title-script", "<script>alert('H13C-t')</script> Mayor resigns", ""),
 ("title-img", "<img src=x onerror=alert('H13C-ti')> Budget passes", ""),
 ("body-script", "Council meets", "<script>alert('H13C-bs')</script>"),
 ("body-img", "Council meets again", "<img src=x onerror=alert('H13C-bi')>"),
 ("body-jslink", "Link test", "[click here](javascript:alert('H13C-jl')) and <a href=\"javascript:alert('H13C-ja')\">x</a>"),
 ("body-jsref", "Reference link test", "[click][r]\n\n[r]: javascript:alert('H13C-jr')\n\n<javascript:alert('H13C-auto')>"),
 ("body-jsentity", "Entity link test", "<a href=\"jav&#x61;script:alert('H13C-je')\">x</a> [y](&#106;avascript:alert(1))"),
 ("body-svg", "SVG test", "<svg onload=alert('H13C-svg')><circle r=1 /></svg>"),
 ("body-iframe", "Iframe test", "<iframe src=\"javascript:alert('H13C-if')\"></iframe><object data=\"javascript:alert(1)\"></object>"),
 ("body-form", "Form test", "<form action=\"javascript:alert('H13C-fo')\"><button formaction=javascript:alert(1)>go</button></form>"),
 ("body-meta", "Meta refresh test", "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert('H13C-mr')\">"),
 ("body-style", "Style test", "<style>body{background:url(javascript:alert(1))}</style><div style=\"x:expression(alert(1))\" onclick=\"alert('H13C-oc')\">d</div>"),
 ("body-attrlist", "Attr list test", "A paragraph of text.\n{: onclick=\"alert('H13C-al')\" }\n\n[link](https://example.org){: onmouseover=\"alert('H13C-al2')\" }"),
 ("body-mdinhtml", "md in html test", "<div markdown=\"1\" onmouseover=\"alert('H13C-mih')\">*hi*</div>"),
 ("body-jinja", "Template test", "{{ 'H13C' ~ 'SSTI' }} {% raw %} {{ config.extra }} {# c #}"),
 ("body-cdata", "Comment test", "<!-- --><script>alert('H13C-cm')</script> <![CDATA[ ]]> </div></div></article><script>alert('H13C-close')</script>"),
 ("names-html", "Names test", "Mayor <b onmouseover=alert('H13C-n')>John Smith</b> met Governor Mary <script>alert('H13C-n2')</script> Jones in Harwick."),
 ("body-attrlist-unquoted", "Attr list unquoted", "A short note.\n{: onmouseover=alert(document.domain) }\n\nAnother note.\n{: #main .md-button style=position:fixed;inset:0 }"),
 ("body-attrlist-inline", "Attr list inline", "Some *emphasis*{: onclick=alert('H13C-ali') } and `code`{: onclick=alert(1) } here."),
 ("body-admonition", "Admonition test", "!!! danger \"<img src=x onerror=alert('H13C-adm')>\"\n    body of the admonition\n\n| a | <b onclick=alert(1)>b</b> |\n|---|---|\n| 1 | 2 |"),
 ("title-bidi", "Invoice \u202egnp.exe for the \u2066council\u2069 today", "Mayor Jo\u200bhn Harlow met John Harlow and Jo\u200dhn Harlow on Monday."),
 ("title-control", "Control \x07chars\x1b[31m and Q&A about AT&T <x>", "Bell \x07 and escape \x1b[0m in the body, and a form feed \x0c here."),
]
for cid, title, inj in INJ:
    for ext in (("txt", "md") if cid.startswith("body") else ("txt",)):
        t, s = body(f"inj-{cid}-{ext}")
        fn = f"inj-{cid}.{ext}"
        w(fn, f"{title}\n\n{t}\n{inj}\n\nThe meeting ended at noon.\n")
        case(f"inj-{cid}-{ext}", fn, "good", s, True)
# .md with HTML title in front matter
t, s = body("inj-fm-title")
w("inj-fm-title.md", "---\ntitle: \"<script>alert('H13C-fmt')</script><img src=x onerror=alert(1)>\"\n---\n" + t)
case("inj-fm-title", "inj-fm-title.md", "good", s, True)

# ---------------------------------------------------------------- archive shapes and collisions
SHAPES = [
 ("shape-bare-year.txt", "The guild of Tarrow weavers was formed in 1887 by Agnes Wilde. It was sold on 4 June 1931."),
 ("shape-decade.txt", "Rail traffic through Wexmoor fell in the 1990s, said historian Paul Grady."),
 ("shape-season.txt", "The Ellerby dam was finished in summer 2015 after two years of work."),
 ("shape-quarter.txt", "Orders at the Castlereagh mill rose in Q3 2018 and again in the fourth quarter."),
 ("shape-week.txt", "During the week of 19 October 2020 the Skerrow ferry ran twice a day."),
 ("shape-relative.txt", "Last week the council said it would meet again next month, or maybe next year."),
 ("shape-names-index.txt", "Senator Tom Index met Governor Ann Tags and Judge Lee People in Harwick. Mr Index said the talks went well."),
]
for fn, text in SHAPES:
    w(fn, text + "\n")
    case(fn[:-4], fn, "good", text.split(". ")[0].rstrip("."), True)
for fn in ["colla/2020-05-05-same-stem.txt", "collb/2020-05-05-same-stem.txt", "Case.txt", "case.txt", "CASE.md"]:
    t, s = body("coll " + fn.replace("/", " ").replace(".", " "))
    w(fn, t)
    case("coll-" + fn.replace("/", "-"), fn, "good", s, True)

# ---------------------------------------------------------------- path tricks
PATHS = ["hash#tag.txt", "what?.txt", "100% sure.txt", "50%20off.txt", "with space.txt", "semi;colon.txt",
         "quote'd \"name\".txt", "name<img src=x onerror=alert('H13C-fn')>.txt", "amp&ersand.txt",
         "café-ünïcödé.txt", "new\nline.txt", "-rf.txt", "tab\tname.txt",
         "index.txt", "tags.txt", "people.txt", "timeline.txt", "search.txt", "places.txt",
         "organizations.txt", "participants.txt", "undated.txt", "2019.txt", "articles.txt", "find.txt",
         "404.txt", "assets.txt", "_sources.txt", "sitemap.xml.txt", "llms.txt", "Index.md",
         "sub/index.txt", "index/index.txt", "articles/2020/x.txt", "participants/index.txt",
         "Dup Name.txt", "dup-name.txt", "same.txt", "same.md",
         "L" * 246 + ".txt", "M" * 250 + ".txt", "é" * 120 + ".txt", "N" * 240 + ".md"]
for i, fn in enumerate(PATHS):
    t, s = body(f"path {i:02d}")
    w(fn, t)
    case(f"path-{i:02d}", fn, "good", s, True, note=repr(fn[:60]))
w("..dots.txt", "Dots\n\nDOTDOT-NAME-SENTENCE: a leading dot makes this a hidden file.\n")
case("path-dotdot-hidden", "..dots.txt", "nopub", "DOTDOT-NAME-SENTENCE", note="leading '.' = hidden, by design")
# long name with a sidecar (sidecar name passes 255 bytes)
fn = "S" * 250 + ".txt"
t, s = body("path-long-sidecar"); w(fn, t)
try:
    w("S" * 250 + ".meta.yml", "title: x\n")
except OSError:
    pass
case("path-long-sidecar", fn, "good", s, True)

# ---------------------------------------------------------------- symlinks, FIFO, devices
OUT.mkdir(exist_ok=True)
(OUT / "secret.txt").write_text("Outside secret\n\nOUTSIDE-SECRET-SENTENCE the vault code is 4242.\n")
(OUT / "outside.meta.yml").write_text("title: OUTSIDE-SIDECAR-TITLE\n")
(OUT / "aliases.yml").write_text("Alice Thornbury: OUTSIDE-ALIAS-NAME\n")
(OUT / "dir-doc.txt").write_text("Outside dir\n\nOUTSIDE-DIR-SENTENCE is here.\n")
def ln(target, rel):
    p = SRC / rel; p.parent.mkdir(parents=True, exist_ok=True); os.symlink(target, p)
ln(str(OUT / "secret.txt"), "link-outside.txt")
case("sym-outside", "link-outside.txt", "bad", "OUTSIDE-SECRET-SENTENCE", False)
ln("/etc/passwd", "passwd.txt")
case("sym-passwd", "passwd.txt", "bad", "root:x:0:0", False)
w(".hidden-target.txt", "Hidden\n\nHIDDEN-TARGET-SENTENCE must stay hidden.\n")
case("hidden-file", ".hidden-target.txt", "nopub", "HIDDEN-TARGET-SENTENCE")
ln(".hidden-target.txt", "link-hidden.txt")
case("sym-hidden", "link-hidden.txt", "bad", "HIDDEN-TARGET-SENTENCE", False)
w("draft.txt~", "Backup\n\nBACKUP-TARGET-SENTENCE must stay unpublished.\n")
case("backup-file", "draft.txt~", "nopub", "BACKUP-TARGET-SENTENCE")
ln("draft.txt~", "link-backup.txt")
case("sym-backup", "link-backup.txt", "bad", "BACKUP-TARGET-SENTENCE", False)
ln(GOOD[0][0], "link-to-good01.txt")
ln("../" + GOOD[1][0], "sub2/link-to-good02.txt")
case("sym-doc", "link-to-good01.txt", "either-once", GOOD[0][2], True, note="link to a document: one page")
case("sym-doc-sub", "sub2/link-to-good02.txt", "either-once", GOOD[1][2], True)
w("data/notes.dat", "Notes\n\nThe inside data file says the Harwick pier was repainted blue.\n")
ln("data/notes.dat", "link-inside.txt")
case("sym-inside", "link-inside.txt", "either", "the Harwick pier was repainted blue", note="link to a non-document inside")
ln("loop-b.txt", "loop-a.txt"); ln("loop-a.txt", "loop-b.txt")
case("sym-loop", "loop-a.txt", "bad", publish=False)
ln("self.txt", "self.txt")
case("sym-self", "self.txt", "bad", publish=False)
ln("nonexistent-h13c.txt", "dangling.txt")
case("sym-dangling", "dangling.txt", "bad", publish=False)
ln("sub", "linked-dir")
case("sym-dir-inside", "linked-dir", "bad", publish=None)
ln(str(OUT), "outside-dir")
case("sym-dir-outside", "outside-dir", "bad", "OUTSIDE-DIR-SENTENCE", False)
ln("..", "sub/loop-up")
case("sym-dir-loop", "loop-up", "bad", publish=None)
ln("/dev/zero", "dev-zero.txt")
case("sym-devzero", "dev-zero.txt", "bad", publish=False)
ln("/dev/urandom", "dev-urandom.md")
case("sym-devurandom", "dev-urandom.md", "bad", publish=False)
t, s = body("sym-sidecar-out"); w("sym-sidecar-out.txt", t)
ln(str(OUT / "outside.meta.yml"), "sym-sidecar-out.meta.yml")
case("sym-sidecar-out", "sym-sidecar-out.txt", "bad", s, True, warn_name="sym-sidecar-out")
case("sym-sidecar-out-title", "sym-sidecar-out.meta.yml", "nopub", "OUTSIDE-SIDECAR-TITLE")
ln(str(OUT / "aliases.yml"), "aliases.yml")
case("sym-aliases-out", "aliases.yml", "bad", "OUTSIDE-ALIAS-NAME", False, note="aliases.yml linked outside")
os.mkfifo(SRC / "pipe.txt")
case("fifo", "pipe.txt", "bad", publish=False)
t, s = body("fifo-sidecar"); w("fifo-sidecar.txt", t)
os.mkfifo(SRC / "fifo-sidecar.meta.yml")
case("fifo-sidecar", "fifo-sidecar.txt", "bad", s, True, warn_name="fifo-sidecar")

# ---------------------------------------------------------------- the many-names file (bounded output)
first = "Adam Boris Carla Dmitri Elena Farid Greta Hiro Ines Jonas Kemal Lena Marco Nadia Oskar Priya Quentin Rosa Stefan Tara".split()
last = "Abbott Brennan Castillo Dunford Ericsson Fairbanks Galloway Holt Iversen Jankowski Kowalczyk Lindqvist Moreau Novak Okafor Petrov Quigley Rasmussen Sandoval Tanaka".split()
towns = "Alder Birch Cedar Dale Elm Fern Glen Heath Ivy Juniper".split()
lines, k = [], 0
for a in first:
    for b in last:
        for c in towns[:5]:
            lines.append(f"{a} {b}{k % 7 or ''}, the mayor of {c}ford, met {first[(k*7)%20]} {last[(k*3)%20]}{k%5 or ''} on 3 May 2019.")
            k += 1
s = "The many-names register was compiled by the Alderford county clerk."
w("many-names.txt", "Register of meetings\n\n" + s + " " + " ".join(lines) + "\n")
case("many-names", "many-names.txt", "bad", s, True, note=f"{len(lines)} name sentences, {k} distinct-ish persons: cut must be named")

# the shape at full size: ~230 KB, ~6,000 distinct "X Y, the mayor of Z, met A B"
F2 = ("Aaron Beatrix Cyrus Delia Emil Fiona Gideon Hazel Ivor Judith Kasper Lorna Milo Nell Otto Pearl Rufus Sybil Tobias Una "
      "Victor Wanda Xavier Yvonne Zane Agatha Bruno Cecily Dorian Edith Felix Gwen Horace Iris Jasper Kitty Lionel Maud Nigel Olive "
      "Percy Queenie Rupert Stella Thaddeus Ursula Vernon Winifred Yorick Zelda Ambrose Blanche Clement Dulcie Ezra Flora Giles Hester Ignatius Juno").split()
L2 = [a + b for a in "Ash Black Brook Cole Dun Fair Gold Hart Kings Lang".split() for b in "wood field ton ley more worth ham croft bury well".split()]
T2 = [a + b for a in "North South East West Upper Lower Old New Great Little".split() for b in "bridge haven port stead wick mouth ford gate hill dale".split()]
sent = []
n = 0
for i, f in enumerate(F2):
    for j, l in enumerate(L2):
        sent.append(f"{f} {l}, the mayor of {T2[(i + j) % 100]}, met {F2[(i * 7 + j) % 60]} {L2[(j * 3 + i) % 100]}.")
s2 = "The great register of mayors was kept in the Northbridge town hall."
w("many-names-big.txt", "Great register of mayors\n\n" + s2 + " " + " ".join(sent) + "\n")
case("many-names-big", "many-names-big.txt", "bad", s2, True, note=f"{len(sent)} sentences, {(SRC / 'many-names-big.txt').stat().st_size} bytes")

# a second small archive for aliases.yml (the main one holds the outside-link case)
AL = ROOT / "src-aliases"
if AL.exists():
    shutil.rmtree(AL)
AL.mkdir()
for fn, title, s, text in GOOD[:2]:
    w(fn, f"{title}\n\n{text.replace('{S}', s)}\n", AL)
w("aliases.yml", "a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n" + "\n".join(
     f"{chr(98+i)}: &{chr(98+i)} [" + ",".join([f"*{chr(97+i)}"] * 9) + "]" for i in range(9)) + "\n", AL)

json.dump(CASES, open(ROOT / "expectations.json", "w"), indent=1, ensure_ascii=False)
with open(ROOT / "expectations.md", "w") as f:
    f.write("| case | kind | publish | expected visible text | file |\n|---|---|---|---|---|\n")
    for c in CASES:
        f.write(f"| {c['id']} | {c['kind']} | {c['publish']} | {(c['sentence'] or '')[:70]} | {c['file'][:60]!r} |\n")
print(len(CASES), "cases")
