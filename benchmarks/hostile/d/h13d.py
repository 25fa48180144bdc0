#!/usr/bin/env python3
"""Blind hostile corpus for issue 13 (h13d). Usage: python h13d.py CHECKOUT_DIR [WORKDIR]"""
import html
import http.server
import json
import os
import re
import shutil
import socket
import stat
import subprocess
import sys
import threading
import time
import unicodedata
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

CHECKOUT = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.getcwd()
WORK = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else os.path.join(os.getcwd(), "work")
# the folder above WORK: where a YAML tag that ran a command would leave its PWNED_* file
BASE = os.path.dirname(WORK)

# ---------------------------------------------------------------- network trap
REQUESTS = []


class Trap(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        REQUESTS.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", "4")
        self.end_headers()
        self.wfile.write(b"\x89PNG")

    do_HEAD = do_GET

    def log_message(self, *a):
        pass


srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Trap)
PORT = srv.server_address[1]
threading.Thread(target=srv.serve_forever, daemon=True).start()
TRAP = f"http://127.0.0.1:{PORT}"

# ---------------------------------------------------------------- helpers
EN = ("The city council met on Tuesday to discuss the new budget. Mayor Helen Carter said "
      "the plan would fund schools and roads. Critics in the opposition called it reckless. ")


def body(cid, extra=""):
    return f"Marker mk{cid}q opens this report. {EN}{extra}\n"


def txt(cid, title="Report " + "x", extra=""):
    return f"{title}\n\n{body(cid, extra)}".encode()


def md(cid, fm, extra=""):
    return f"---\n{fm}\n---\n{body(cid, extra)}".encode()


CASES = []  # dict(id, desc, files{rel: bytes|('symlink',target)|('fifo',)|('dir',)}, kind, checks, names)


def case(cid, desc, files, kind="pub", checks=(), names=None, marker=True):
    CASES.append(dict(id=cid, desc=desc, files=files, kind=kind, checks=list(checks),
                      names=names, marker=marker))


# ================================================================= A. encodings
FR = "Café owners in Zürich met François Müller to discuss the naïve résumé from São Paulo."
DE = ("Die Bürgermeisterin von München, Jürgen Größmann und Frau Weiß, sprach über die "
      "Straßenbahn und die Gebühren für Fußgänger. Die Öffentlichkeit war überrascht.")
ES = "El niño comió la piña en Málaga; la señora Núñez habló con él sobre el año pasado."
RU = ("Президент России Владимир Путин встретился в Москве с председателем Си Цзиньпином. "
      "Они обсудили торговлю, энергетику и безопасность в регионе. Встреча продолжалась три часа.")
JA = "東京都の知事は月曜日に記者会見を開き、新しい予算案について説明した。議会は来週審議する予定だ。"
ZH = "北京市政府星期一宣布了新的交通计划。市长表示，这个计划将改善公共交通和空气质量。"
ZHT = "台北市政府星期一宣布了新的交通計畫。市長表示，這個計畫將改善公共交通。"
KO = "서울시는 월요일에 새로운 교통 계획을 발표했다. 시장은 대중교통을 개선할 것이라고 말했다."
EL = "Ο δήμαρχος της Αθήνας συναντήθηκε με τους πολίτες τη Δευτέρα για τον προϋπολογισμό."
PL = "Zażółć gęślą jaźń. Prezydent Łodzi spotkał się z mieszkańcami w środę w sprawie budżetu."


def enc_case(cid, text, codec, expect, bom=b"", desc=None, kind="pub"):
    raw = bom + f"Encoded report {cid}\n\nMarker mk{cid}q opens this report. {text}\n".encode(codec)
    case(cid, desc or f"{codec} text", {f"enc/{cid}.txt": raw}, kind,
         [("text", expect)])


enc_case("enc01", FR, "utf-8", ["Zürich", "François"])
enc_case("enc02", FR, "utf-8", ["Zürich", "François"], bom=b"\xef\xbb\xbf", desc="UTF-8 BOM")
enc_case("enc03", FR, "utf-16-le", ["Zürich"], bom=b"\xff\xfe", desc="UTF-16LE BOM")
enc_case("enc04", FR, "utf-16-be", ["Zürich"], bom=b"\xfe\xff", desc="UTF-16BE BOM")
enc_case("enc05", FR + " " + DE, "utf-16-le", ["Zürich"], desc="UTF-16LE no BOM")
enc_case("enc06", FR + " " + DE, "utf-16-be", ["Zürich"], desc="UTF-16BE no BOM")
enc_case("enc07", FR, "utf-32-le", ["Zürich"], bom=b"\xff\xfe\x00\x00", desc="UTF-32LE BOM")
enc_case("enc08", "naïve café résumé from São Paulo", "latin-1", ["naïve", "São"], desc="short Latin-1")
enc_case("enc09", "He said \u201cthe caf\u00e9 costs 5 \u20ac\u201d \u2014 really.", "cp1252",
         ["\u201cthe caf\u00e9", "\u20ac"], desc="short cp1252 smart quotes/euro")
enc_case("enc10", DE, "cp1252", ["München", "Größmann"], desc="German cp1252")
enc_case("enc11", ES, "latin-1", ["niño", "Málaga"], desc="Spanish Latin-1")
enc_case("enc12", RU, "koi8-r", ["Путин", "Москве"], desc="KOI8-R paragraph")
enc_case("enc13", "Путин в Москве.", "koi8-r", ["Путин"], desc="KOI8-R very short")
enc_case("enc14", RU, "cp1251", ["Путин", "Москве"], desc="cp1251 paragraph")
enc_case("enc15", JA, "shift_jis", ["東京都"], desc="Shift-JIS")
enc_case("enc16", JA, "euc-jp", ["東京都"], desc="EUC-JP")
enc_case("enc17", ZH, "gb18030", ["北京市"], desc="GB18030")
enc_case("enc18", ZHT, "big5", ["台北市"], desc="Big5")
enc_case("enc19", KO, "euc-kr", ["서울시"], desc="EUC-KR")
enc_case("enc20", EL, "iso-8859-7", ["Αθήνας"], desc="ISO-8859-7 Greek")
enc_case("enc21", PL, "cp1250", ["Zażółć", "Łodzi"], desc="cp1250 Polish")
enc_case("enc22", FR, "mac_roman", ["Zürich"], desc="Mac Roman")
case("enc23", "mixed UTF-8 and Latin-1 in one file",
     {"enc/enc23.txt": b"Mixed report\n\nMarker mkenc23q opens. " + "Zürich council.".encode() +
      b" " + "Caf\u00e9 M\u00fcller spoke.".encode("latin-1") + b" " + EN.encode()},
     "pub", [("text_or_named", ["Zürich", "Müller"])])
case("enc24", "UTF-8 with one stray 0xFF byte",
     {"enc/enc24.txt": ("Stray byte report\n\nMarker mkenc24q opens. " + EN * 5 + "Zürich ").encode() + b"\xff" +
      (" " + EN * 5).encode()}, "pub", [("text_or_named", ["Zürich"])])
case("enc25", "UTF-8 with encoded surrogate (ED A0 80)",
     {"enc/enc25.txt": b"Surrogate report\n\nMarker mkenc25q opens. \xed\xa0\x80 " + EN.encode()}, "pub")
case("enc26", "overlong UTF-8 slash C0 AF",
     {"enc/enc26.txt": b"Overlong report\n\nMarker mkenc26q opens. \xc0\xaf\xc0\xae " + EN.encode()}, "pub")
case("enc27", "only a UTF-8 BOM", {"enc/enc27.txt": b"\xef\xbb\xbf"}, "pub_or_named", marker=False)
case("enc28", "md: UTF-8 BOM before front matter (title applies)",
     {"enc/enc28.md": b"\xef\xbb\xbf" + md("enc28", "title: Bom Title enc28")}, "pub",
     [("title", "Bom Title enc28")])
case("enc29", "md: Latin-1 front matter title",
     {"enc/enc29.md": ("---\ntitle: Café Zürich enc29\n---\nMarker mkenc29q opens. " + FR + " " + EN).encode("latin-1")},
     "pub", [("text", ["Café Zürich enc29"])])
case("enc30", "md: UTF-16 with BOM and front matter",
     {"enc/enc30.md": b"\xff\xfe" + ("---\ntitle: Sixteen enc30\n---\nMarker mkenc30q opens. " + EN).encode("utf-16-le")},
     "pub", [("title", "Sixteen enc30")])
case("enc31", "sidecar in Latin-1 (credit)",
     {"enc/enc31.txt": txt("enc31", "Latin sidecar report"),
      "enc/enc31.meta.yml": "credit: Rédaction Zürich enc31\n".encode("latin-1")},
     "pub", [("text_or_named", ["Rédaction Zürich enc31"], "enc31.meta.yml")])
case("enc32", "sidecar UTF-16 BOM (credit)",
     {"enc/enc32.txt": txt("enc32", "Utf16 sidecar report"),
      "enc/enc32.meta.yml": b"\xff\xfe" + "credit: Crédit Sixteen enc32\n".encode("utf-16-le")},
     "pub", [("text_or_named", ["Crédit Sixteen enc32"], "enc32.meta.yml")])
case("enc33", "NFD accents in text", {"enc/enc33.txt": txt("enc33", "Nfd report", "Cafe\u0301 Zu\u0308rich.")}, "pub")
case("enc34", "windows-1252 C1 range bytes 0x80-0x9f in English",
     {"enc/enc34.txt": b"Smart report\n\nMarker mkenc34q opens. The mayor\x92s plan \x96 a \x93bold\x94 one \x85 passed. " + EN.encode()},
     "pub", [("text_or_named", ["mayor\u2019s", "\u201cbold\u201d"])])
case("enc35", "short Latin-1 with accents (issue sentence)",
     {"enc/enc35.txt": "Café owners in Zürich met François Müller".encode("latin-1")}, "pub_or_named",
     [("text_or_named", ["Zürich", "François"])], marker=False)

# ================================================================= B. controls / structure
case("ctl01", "NUL bytes inside text", {"ctl/ctl01.txt": b"Nul report\n\nMarker mkctl01q opens.\x00\x00 " + EN.encode()}, "pub_or_named")
case("ctl02", "ANSI escapes in title", {"ctl/ctl02.txt": txt("ctl02", "\x1b[31mRed\x1b[0m title ctl02")}, "pub")
case("ctl03", "VT/FF chars", {"ctl/ctl03.txt": txt("ctl03", "Vt\x0bFf\x0c title", "a\x0bb\x0cc")}, "pub")
case("ctl04", "DEL and C1 controls (U+0085 U+009B)", {"ctl/ctl04.txt": txt("ctl04", "Del\x7f C1\u0085\u009b title")}, "pub")
case("ctl05", "CR-only line endings", {"ctl/ctl05.txt": b"Cr title ctl05\r\rMarker mkctl05q opens. " + EN.encode().replace(b". ", b".\r")}, "pub",
     [("title", "Cr title ctl05")])
case("ctl06", "CRLF line endings", {"ctl/ctl06.txt": b"Crlf title ctl06\r\n\r\nMarker mkctl06q opens. " + EN.encode()}, "pub",
     [("title", "Crlf title ctl06")])
case("ctl07", "U+2028/2029 in title", {"ctl/ctl07.txt": txt("ctl07", "Line\u2028Sep\u2029title")}, "pub")
case("ctl08", "zero-width in person name (one person, not two)",
     {"ctl/ctl08a.txt": txt("ctl08", "Quenby one", "Bartholomew Quenby, the mayor of Dorset, said the budget was fair. Bartholomew Quenby left."),
      "ctl/ctl08b.txt": "Quenby two\n\nMarker mkctl08bq opens. Bartholo\u200bmew Quen\u200dby, the mayor of Dorset, said the roads were bad. Bartholo\u200bmew Quen\u200dby left.\n".encode()},
     "pub", [("one_person", "Quenby")])
case("ctl09", "bidi override in title", {"ctl/ctl09.txt": txt("ctl09", "Safe \u202eexe.txt\u202c title")}, "pub", [("no_bidi",)])
case("ctl10", "C0 control \\x01 \\x08 in title (feeds must stay XML)", {"ctl/2021-01-05-ctl10.txt": txt("ctl10", "Ctrl\x01\x08 title ctl10")}, "pub")
case("ctl11", "empty file", {"ctl/ctl11.txt": b""}, "pub_or_named", marker=False)
case("ctl12", "whitespace-only file", {"ctl/ctl12.txt": b"   \n\n\t\n  "}, "pub_or_named", marker=False)
case("ctl13", "title line only", {"ctl/ctl13.txt": b"Only a title mkctl13q\n"}, "pub")
case("ctl14", "one 300 KB line", {"ctl/ctl14.txt": ("Marker mkctl14q opens. " + ("word " * 60000)).encode()}, "pub")
case("ctl15", "100k short lines", {"ctl/ctl15.txt": b"Lines\n\nMarker mkctl15q opens.\n" + b"a.\n" * 100000}, "pub")
case("ctl16", "1.05 M characters (past spaCy max_length)",
     {"ctl/ctl16.txt": ("Huge report\n\nMarker mkctl16q opens. " + "Lorem ipsum dolor sit amet. " * 37500).encode()}, "pub")
case("ctl17", "10,000-char first line then blank", {"ctl/ctl17.txt": ("T" * 10000 + "\n\n").encode() + body("ctl17").encode()}, "pub")
case("ctl18", "only punctuation", {"ctl/ctl18.txt": b"mkctl18q " + b"!?.,;:" * 2000}, "pub")
case("ctl19", "only digits", {"ctl/ctl19.txt": b"mkctl19q " + b"1234567890 " * 500}, "pub")
case("ctl20", "emoji and zalgo combining marks", {"ctl/ctl20.txt": txt("ctl20", "Zalgo " + "e\u0301\u0302\u0303\u0304" * 200, "\U0001F600" * 500)}, "pub")
case("ctl21", ".txt starting with --- YAML-looking block",
     {"ctl/ctl21.txt": b"---\ntitle: <script>alert('XSSctl21')</script>\n---\n" + body("ctl21").encode()}, "pub")
case("ctl22", "Markdown syntax in .txt shown as text",
     {"ctl/ctl22.txt": b"Md in txt\n\nMarker mkctl22q opens. # Heading\n\n* item [link](javascript:alert('XSSctl22'))\n\n" + EN.encode()}, "pub")
case("ctl23", "raw HTML in .txt",
     {"ctl/ctl23.txt": txt("ctl23", "<img src=x onerror=alert('XSSctl23')> title", "<script>alert('XSSctl23')</script> <svg onload=alert('XSSctl23')>")}, "pub")
case("ctl24", "Jinja syntax in .txt body and title",
     {"ctl/ctl24.txt": txt("ctl24", "{{ config.site_name }} jinja title", "{{ config.site_name }} {% for x in range(10) %}LOOPctl24{% endfor %} {{ 7*7 }}")},
     "pub", [("text", ["{{ config.site_name }}"])])
case("ctl25", "listing marker in a document body",
     {"ctl/ctl25.txt": txt("ctl25", "Listing marker", "<!-- summaries:listing --> after.")}, "pub")
case("ctl26", "snippet/include syntax must not read files",
     {"ctl/ctl26.md": md("ctl26", "title: Include ctl26", '--8<-- "/etc/passwd"\n\n{% include "/etc/passwd" %}\n')}, "pub",
     [("nosite", "root:x:0:0")])
case("ctl27", "already-escaped HTML entities must not become live",
     {"ctl/ctl27.txt": txt("ctl27", "&lt;img src=x onerror=alert('XSSctl27')&gt; entity title", "&lt;script&gt;alert('XSSctl27')&lt;/script&gt; &#60;svg onload=alert('XSSctl27')&#62;")}, "pub")
case("ctl28", "attr_list syntax at end of title and paragraph (txt)",
     {"ctl/ctl28.txt": txt("ctl28", 'Attr title { onclick="alert(\'XSSctl28\')" }', '{: onclick="alert(\'XSSctl28\')" }\n\nPara end {: onmouseover=alert(\'XSSctl28\') }')}, "pub")
case("ctl29", "interview speaker mark with HTML",
     {"ctl/ctl29.txt": ("Interview ctl29\n\nMarker mkctl29q opens.\n\n((<img src=x onerror=alert('XSSctl29')>)) What interested you?\n\n"
                        "((Dorsa <script>alert('XSSctl29')</script>)) I liked the project very much.\n\n"
                        "((<img src=x onerror=alert('XSSctl29')>)) Why?\n\n((Dorsa <script>alert('XSSctl29')</script>)) Because it matters.\n").encode()}, "pub")
case("ctl30", "nested parentheses 20k (regex backtracking)", {"ctl/ctl30.txt": txt("ctl30", "Parens", "((" * 20000 + "WN" + "))" * 100)}, "pub")
case("ctl31", "Q:/A: with markup in answer", {"ctl/ctl31.txt": txt("ctl31", "QA ctl31", "\n\nQ: <b onmouseover=alert('XSSctl31')>hi</b>?\n\nA: [x](javascript:alert('XSSctl31'))\n\nQ: more?\n\nA: yes.")}, "pub")
case("ctl32", "100,000-char single word", {"ctl/ctl32.txt": txt("ctl32", "Long word", "a" * 100000)}, "pub")
case("ctl33", "HTML comment breakout in text", {"ctl/ctl33.md": md("ctl33", "title: Comment ctl33", "--><script>alert('XSSctl33')</script><!--")}, "pub")

# ================================================================= C. front matter (.md)
def fm(cid, desc, fmtext, kind="warn", checks=(), extra=""):
    ck = list(checks)
    if kind == "warn":
        ck.append(("warn_file", f"{cid}.md"))
    case(cid, desc, {f"fm/{cid}.md": md(cid, fmtext, extra)}, "pub_strict", ck)


X = lambda c: f"alert('XSS{c}')"
fm("fm01", "title: list", "title: [a, b]")
fm("fm02", "title: mapping", "title: {a: 1}")
fm("fm03", "title: integer", "title: 123", kind="soft")
fm("fm04", "title: null", "title:", kind="soft")
fm("fm05", "title: empty string", "title: ''", kind="soft")
fm("fm06", "title: 10k chars", "title: " + "T" * 10000, kind="pub")
fm("fm07", "title: script", f"date: 2021-03-06\ntitle: \"<script>{X('fm07')}</script><img src=x onerror={X('fm07')}>\"", kind="pub")
fm("fm08", "title: ampersand (escaped once in feeds)", "title: 'Q&A about AT&T fm08'\ndate: 2021-02-03", kind="pub",
   checks=[("title", "Q&A about AT&T fm08")])
fm("fm09", "title: !!binary", "title: !!binary aGVsbG8=", kind="soft")
fm("fm10", "title: attr_list injection", "title: 'Hi { onclick=\"" + X('fm10') + "\" }'", kind="pub")
fm("fm11", "title: markdown link javascript", f"title: '[click](javascript:{X('fm11')})'", kind="pub")
fm("fm12", "date: 2020-02-30", "date: 2020-02-30")
fm("fm13", "date: month 13", "date: '2020-13-01'")
fm("fm14", "date: -1", "date: -1")
fm("fm15", "date: 1e400", "date: 1e400")
fm("fm16", "date: list", "date: [2020]")
fm("fm17", "date: mapping", "date: {a: 1}")
fm("fm18", "date: year 99999", "date: '99999-01-01'")
fm("fm19", "date: 0001-01-01", "date: 0001-01-01", kind="pub")
fm("fm20", "date: 'tomorrow'", "date: tomorrow")
fm("fm21", "date: hour 25", "date: '2020-01-01T25:00:00'", kind="soft")
fm("fm22", "date: .nan", "date: .nan")
fm("fm23", "date: XXXX-03-20", "date: XXXX-03-20", kind="soft")
fm("fm24", "date: datetime with tz", "date: 2020-01-01T10:00:00+05:30", kind="pub")
fm("fm25", "summary: [null]", "summary: [null]", checks=[("notext", ["None"])])
fm("fm26", "summary: 42", "summary: 42", kind="soft")
fm("fm27", "summary: mapping", "summary: {a: b}")
fm("fm28", "summary: HTML", f"date: 2021-03-07\nsummary: \"<img src=x onerror={X('fm28')}> <script>{X('fm28')}</script>\"", kind="pub")
fm("fm29", "summary: 100k chars", "summary: " + "S" * 100000, kind="pub")
fm("fm30", "participants: string", "participants: John Smith", kind="warn")
fm("fm31", "participants: ints", "participants: [1, 2]")
fm("fm32", "participants: name null", "participants: [{name: null, role: x}]")
fm("fm33", "participants: name list", "participants: [{name: [a, b]}]")
fm("fm34", "participants: no name", "participants: [{role: mayor}]")
fm("fm35", "participants: HTML name/role",
   f"participants: [{{name: \"<script>{X('fm35')}</script>Evil Person\", role: \"<img src=x onerror={X('fm35')}>\"}}]", kind="pub")
fm("fm36", "participants: markdown link in name",
   f"participants: [{{name: \"x](javascript:{X('fm36')}) [y\", role: \"r](javascript:{X('fm36')})\"}}]", kind="pub")
fm("fm37", "participants: attr_list in name",
   "participants: [{name: 'Evil { onclick=\"" + X('fm37') + "\" } Person', role: 'mayor {: onclick=\"" + X('fm37') + "\" }'}]", kind="pub")
fm("fm38", "participants: name with newlines and HTML",
   f"participants: [{{name: \"Line\\n\\n<script>{X('fm38')}</script>\\n\\nName\"}}]", kind="pub")
fm("fm39", "participants: name 'Index'", "participants: [{name: Index}, {name: index}, {name: INDEX}]", kind="pub",
   checks=[("people_index_ok",)])
fm("fm40", "participants: path traversal names", "participants: [{name: '../../etc/passwd'}, {name: '..'}, {name: '.'}, {name: 'AC/DC'}, {name: '#'}, {name: '%2e%2e'}]", kind="pub")
fm("fm41", "participants: empty/blank names", "participants: [{name: ''}, {name: '   '}, {name: \"\\u200b\"}]", kind="soft")
fm("fm42", "participants: 500 people (cap 100)", "participants: [" + ", ".join(f"{{name: 'Person Number{i:03d} Fmx'}}" for i in range(500)) + "]",
   kind="warn")
fm("fm43", "places: string", "places: Paris", kind="soft")
fm("fm44", "places: [null]", "places: [null]")
fm("fm45", "places: SVG", f"places: [\"<svg onload={X('fm45')}>\", \"x](javascript:{X('fm45')})\"]", kind="pub")
fm("fm46", "organizations: 42", "organizations: 42")
fm("fm47", "organizations: nested list", "organizations: [[1]]")
fm("fm48", "tags: string", "tags: 'a,b'", kind="soft")
fm("fm49", "tags: mixed scalars", "tags: [1, 2.5, true, null]", kind="soft")
fm("fm50", "tags: mapping item", "tags: [{a: 1}]")
fm("fm51", "tags: AT&T shown", "tags: ['AT&T fm51']", kind="pub", checks=[("text", ["AT&T fm51"])])
fm("fm52", "tags: script", f"tags: [\"<script>{X('fm52')}</script>\", \"<img src=x onerror={X('fm52')}>\"]", kind="pub")
fm("fm53", "tags: odd chars", "tags: ['a/b', '../x', '#', '%', '?', 'tags', 'index']", kind="pub")
fm("fm54", "original_url: javascript:", f"original_url: \"javascript:{X('fm54')}\"")
fm("fm55", "original_url: data:", f"original_url: \"data:text/html,<script>{X('fm55')}</script>\"")
fm("fm56", "original_url: network trap", f"original_url: {TRAP}/orig-fm56", kind="pub")
fm("fm57", "original_url: protocol-relative", "original_url: //evil.example/fm57", kind="soft")
fm("fm58", "original_url: int", "original_url: 42")
fm("fm59", "original_url: quote breakout", f"original_url: 'https://exa.mple/\"><script>{X('fm59')}</script>'", kind="soft")
fm("fm60", "credit: HTML", f"credit: \"<script>{X('fm60')}</script><a href='javascript:{X('fm60')}'>c</a>\"", kind="pub")
fm("fm61", "credit: list", "credit: [1]")
fm("fm62", "hide: 1", "hide: 1")
fm("fm63", "hide: string", "hide: toc", kind="soft")
fm("fm64", "hide: bogus item", "hide: [navigation, bogus]")
fm("fm65", "search: 1", "search: 1")
fm("fm66", "search: exclude string", "search: {exclude: 'yes'}")
fm("fm67", "search: boost string", "search: {boost: 'x'}")
fm("fm68", "icon: missing", "icon: material/nope")
fm("fm69", "icon: path traversal", "icon: ../../../../etc/passwd")
fm("fm70", "icon: svg", f"icon: \"<svg onload={X('fm70')}>\"")
fm("fm71", "status: HTML", f"status: \"<img src=x onerror={X('fm71')}>\"")
fm("fm72", "status: int", "status: 5")
fm("fm73", "subtitle: script", f"subtitle: \"<script>{X('fm73')}</script>\"", kind="pub")
fm("fm74", "author: attribute breakout", f"date: 2021-03-05\nauthor: 'Bob\" onmouseover=\"{X('fm74')}\" x=\"'", kind="pub")
fm("fm75", "author: < & in feed", "author: 'Bob <b> & Co fm75'\ndate: 2021-03-04", kind="pub")
fm("fm76", "author: list", "author: [1]")
fm("fm77", "comments: 'yes'", "comments: 'yes'")
fm("fm78", "draft: 'yes'", "draft: 'yes'")
fm("fm79", "draft: true (doc still published or named)", "draft: true", kind="pub")
fm("fm80", "template redirect + location javascript", f"template: redirect.html\nlocation: \"javascript:{X('fm80')}\"", kind="pub",
   checks=[("not_redirect",)])
fm("fm81", "template: nope.html", "template: nope.html", kind="pub")
fm("fm82", "image: network trap", f"image: {TRAP}/img-fm82.png\ndate: 2021-04-05", kind="pub")
fm("fm83", "image: /etc/passwd", "image: ../../../../../../etc/passwd\ndate: 2021-04-06", kind="pub", checks=[("no_passwd_size",)])
fm("fm84", "rss: 5", "rss: 5", kind="pub")
fm("fm85", "unknown key HTML (summaries_extra escaped)", f"foo: \"<script>{X('fm85')}</script>\"\nbar: {{baz: \"<img src=x onerror={X('fm85')}>\"}}", kind="pub")
fm("fm86", "recursive anchor", "x: &x [*x]\ntitle: Rec fm86", kind="warn")
fm("fm87", "billion laughs", "a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
   "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
   "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]", kind="warn")
fm("fm88", "merge key", "base: &b {title: Merged fm88}\n<<: *b", kind="pub")
fm("fm89", "duplicate key", "title: First fm89\ntitle: Second fm89", kind="warn", checks=[("title", "Second fm89")])
fm("fm90", "keys 1 and true", "1: a\ntrue: b\ntitle: Onetrue fm90", kind="warn")
fm("fm91", "!!python/object/apply os.system", f"title: !!python/object/apply:os.system ['touch {BASE}/PWNED_fm91']", kind="pub",
   checks=[("nofile", f"{BASE}/PWNED_fm91")])
fm("fm92", "!!python/name", "title: !!python/name:os.system ''\nx: !!python/object/new:subprocess.Popen " f"[['touch', '{BASE}/PWNED_fm92']]", kind="pub",
   checks=[("nofile", f"{BASE}/PWNED_fm92")])
fm("fm93", "!!timestamp bogus", "date: !!timestamp bogus", kind="warn")
fm("fm94", "!!set and !!omap", "tags: !!set {a, b}\nsummary: !!omap [{a: 1}]", kind="soft")
fm("fm95", "custom local tag", "title: !foo Tagged fm95", kind="soft")
fm("fm96", "complex key", "? [a, b]\n: value\ntitle: Complex fm96", kind="soft")
fm("fm97", "nesting 100 levels", "x: " + "[" * 100 + "]" * 100, kind="warn")
fm("fm98", "front matter 1.5 MB", "title: Big fm98\nx: '" + "y" * 1_500_000 + "'", kind="warn")
case("fm99", "front matter not closed", {"fm/fm99.md": b"---\ntitle: Unclosed fm99\n" + body("fm99").encode()}, "pub")
case("fm100", "front matter is a list", {"fm/fm100.md": b"---\n- a\n- b\n---\n" + body("fm100").encode()}, "pub", [("warn_file", "fm100.md")])
case("fm101", "front matter is a scalar", {"fm/fm101.md": b"---\njust a string\n---\n" + body("fm101").encode()}, "pub", [("warn_file", "fm101.md")])
case("fm102", "empty front matter", {"fm/fm102.md": b"---\n---\n" + body("fm102").encode()}, "pub")
case("fm103", "invalid YAML (tab indent)", {"fm/fm103.md": b"---\ntitle: a\n\tb: [\n---\n" + body("fm103").encode()}, "pub", [("warn_file", "fm103.md")])
case("fm104", "YAML ... end marker", {"fm/fm104.md": b"---\ntitle: Dots fm104\n...\n" + body("fm104").encode()}, "pub")
case("fm105", "%YAML and %TAG directives", {"fm/fm105.md": b"---\n%YAML 1.1\n%TAG !e! tag:example.com,2000:\n---\ntitle: !e!foo Dir fm105\n---\n" + body("fm105").encode()}, "pub")
fm("fm106", "1 MB key", "'" + "k" * 1_100_000 + "': 1", kind="warn")
fm("fm107", "date: !!timestamp 2020-02-30", "date: !!timestamp 2020-02-30", kind="warn")
fm("fm108", "participants mapping instead of list", "participants: {name: Bob}")
fm("fm109", "key_dates/other unknown key odd types", "template_dir: [1]\nsummaries_extra: {title: '<script>" + X('fm109') + "</script>'}", kind="pub")
fm("fm110", "title is YAML bool", "title: yes", kind="soft")
fm("fm111", "tags: 3000 tags (cap)", "tags: [" + ", ".join(f"tag{i}fm" for i in range(3000)) + "]", kind="warn")
fm("fm112", "search exclude true (still published)", "search: {exclude: true}", kind="pub")
fm("fm113", "hide all", "hide: [navigation, toc, footer, feedback, tags, path]", kind="pub")
fm("fm114", "Jinja in title", "title: '{{ config.site_name }} {% raw %} fm114'", kind="pub", checks=[("text", ["{{ config.site_name }}"])])
fm("fm115", "participants role int", "participants: [{name: Rolf Intman, role: 5}]", kind="soft")
fm("fm116", "md body raw HTML/md_in_html/attr_list",
   "title: Body fm116",
   kind="pub",
   extra=(f"\n<div markdown=\"1\" onclick=\"{X('fm116')}\">*x*</div>\n\n# Head {{: onclick=\"{X('fm116')}\" }}\n\n"
          f"[a](javascript:{X('fm116')}) [b](JaVaScRiPt:{X('fm116')}) <javascript:{X('fm116')}>\n\n[r][ref]\n\n[ref]: javascript:{X('fm116')}\n\n"
          f"<a href=\"&#106;avascript:{X('fm116')}\">e</a> <a href=\" java\tscript:{X('fm116')}\">t</a>\n\n"
          f"<iframe srcdoc=\"<script>{X('fm116')}</script>\"></iframe><object data=\"javascript:{X('fm116')}\"></object>\n\n"
          f"<svg><script>{X('fm116')}</script></svg> <math><a xlink:href=\"javascript:{X('fm116')}\">m</a></math>\n\n"
          f"<meta http-equiv=\"refresh\" content=\"0;url=javascript:{X('fm116')}\"><base href=\"javascript:{X('fm116')}/\">\n\n"
          f"<form action=\"javascript:{X('fm116')}\"><button formaction=\"javascript:{X('fm116')}\">b</button></form>\n\n"
          f"<details open ontoggle=\"{X('fm116')}\"><summary>s</summary></details> <noscript><p title=\"</noscript><img src=x onerror={X('fm116')}>\"></noscript>\n\n"
          f"![img](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) ![i]({TRAP}/body-img-fm116.png)\n\n"
          f"!!! note \"<img src=x onerror={X('fm116')}>\"\n    <script>{X('fm116')}</script>\n"))

# ================================================================= D. sidecars
def sc(cid, desc, yml, kind="warn", checks=(), title=None):
    ck = list(checks)
    if kind == "warn":
        ck.append(("warn_file", f"{cid}.meta.yml"))
    files = {f"sc/{cid}.txt": txt(cid, title or f"Sidecar report {cid}"),
             f"sc/{cid}.meta.yml": yml if isinstance(yml, (bytes, tuple)) else yml.encode()}
    case(cid, desc, files, "pub_strict", ck)


sc("sc01", "invalid YAML", "credit: [unclosed\n  : :")
sc("sc02", "recursive anchor", "x: &x [*x]\ncredit: c")
sc("sc03", "billion laughs", "a: &a [l,l,l,l,l,l,l,l,l,l]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
   "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
   "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g,*g]\n")
sc("sc04", "hide: 1", "hide: 1")
sc("sc05", "image: network trap", f"date: 2021-05-06\nimage: {TRAP}/img-sc05.png", kind="pub")
sc("sc06", "image: /etc/passwd", "date: 2021-05-07\nimage: ../../../../../../../etc/passwd", kind="pub", checks=[("no_passwd_size",)])
sc("sc07", "template redirect + location", f"template: redirect.html\nlocation: \"javascript:{X('sc07')}\"", kind="pub", checks=[("not_redirect",)])
sc("sc08", "author breakout", f"date: 2021-05-08\nauthor: 'x\" onmouseover=\"{X('sc08')}\" y=\"'", kind="pub")
sc("sc09", "!!python/object/apply", f"credit: !!python/object/apply:os.system ['touch {BASE}/PWNED_sc09']", kind="pub",
   checks=[("nofile", f"{BASE}/PWNED_sc09")])
case("sc10", "orphan sidecar (no document)", {"sc/sc10-orphan.meta.yml": b"credit: Orphan\n"}, "named_soft", marker=False)
case("sc11", "sidecar name is a directory", {"sc/sc11.txt": txt("sc11", "Dir sidecar"), "sc/sc11.meta.yml": ("dir",)}, "pub",
     [("named_soft", "sc11.meta.yml")])
sc("sc12", "sidecar symlink outside folder", ("symlink", "OUTSIDE/secret_sc12.yml"), kind="pub",
   checks=[("nosite", "SECRETsc12"), ("named_soft", "sc12.meta.yml")])
sc("sc13", "sidecar symlink to hidden file", ("symlink", ".hidden_sc13.yml"), kind="pub",
   checks=[("nosite", "SECRETsc13"), ("named_soft", "sc13.meta.yml")])
sc("sc14", "sidecar binary garbage", bytes(range(256)) * 8)
sc("sc15", "sidecar empty", "", kind="pub")
sc("sc16", "sidecar 2 MB", "credit: '" + "c" * 2_000_000 + "'")
sc("sc17", "sidecar original_url javascript", f"original_url: \"javascript:{X('sc17')}\"")
sc("sc18", "sidecar title list", "title: [a, b]")
sc("sc19", "sidecar duplicate keys", "credit: one\ncredit: two")
sc("sc20", "sidecar date 2020-02-30 (warning names the sidecar)", "date: 2020-02-30")
sc("sc21", "sidecar list key", "? [a, b]\n: 1\ncredit: ok", kind="soft")
sc("sc23", "sidecar is a YAML list", "- a\n- b")
sc("sc24", "sidecar credit HTML", f"credit: \"<img src=x onerror={X('sc24')}>\"", kind="pub")
sc("sc25", "sidecar status/subtitle HTML", f"status: \"<img src=x onerror={X('sc25')}>\"\nsubtitle: \"<script>{X('sc25')}</script>\"", kind="soft")
sc("sc26", "sidecar tags with 5000 entries", "tags: [" + ", ".join(f"s{i}" for i in range(5000)) + "]")
sc("sc28", "sidecar participants HTML", f"participants: [{{name: \"<svg onload={X('sc28')}>\", role: x}}]", kind="pub")

# ================================================================= E. file names
def fn(cid, name, desc, kind="pub", checks=(), title=None, folder="fn"):
    case(cid, desc, {f"{folder}/{name}": txt(cid, title or f"File name report {cid}")}, kind, list(checks) + [("srclink",)])


fn("fn01", "with space.txt", "space in name")
fn("fn02", "ünïcödé-名前.txt", "unicode name")
fn("fn03", "hash#frag.txt", "# in name")
fn("fn04", "pct%41x.txt", "% in name")
fn("fn05", "q?x=1.txt", "? in name")
fn("fn06", "-rf.txt", "leading dash")
fn("fn07", "--help.txt", "leading double dash")
fn("fn08", "index.txt", "index.txt (index-2)", checks=[("articles_index_ok",)])
case("fn09", "index.md in sources", {"fn/sub9/index.md": md("fn09", "title: Index md fn09")}, "pub", [("articles_index_ok",)])
fn("fn10", "Index.txt", "Index.txt capital", folder="fn/sub10")
fn("fn11", "404.txt", "404.txt", checks=[("path_contains", "404.html", "404")])
fn("fn12", "search.txt", "search.txt", checks=[("search_index_ok",)])
fn("fn13", "tags.txt", "tags.txt", checks=[("path_contains", "tags/index.html", "All tags")])
for i, n in enumerate(["people", "participants", "timeline", "articles", "places", "organizations", "stories",
                       "find", "_sources", "assets", "sitemap", "feed_rss_created", "llms", "threads"]):
    fn(f"fn14{chr(97 + i)}", f"{n}.txt", f"reserved name {n}.txt")
case("fn15", "slug collisions (5 names, one slug)",
     {"fn/col/Same Name.txt": txt("fn15a", "Same one"), "fn/col/same-name.txt": txt("fn15b", "Same two"),
      "fn/col/same_name.txt": txt("fn15c", "Same three"), "fn/col/SAME NAME.txt": txt("fn15d", "Same four"),
      "fn/col/same name!.txt": txt("fn15e", "Same five")}, "pub", [("all_markers", ["fn15a", "fn15b", "fn15c", "fn15d", "fn15e"])])
case("fn16", "dup.txt, dup.md and dup.md.txt (source copy collision)",
     {"fn/dup/dup.txt": txt("fn16a", "Dup txt"), "fn/dup/dup.md": md("fn16b", "title: Dup md"),
      "fn/dup/dup.md.txt": txt("fn16c", "Dup md txt")}, "pub",
     [("all_markers", ["fn16a", "fn16b", "fn16c"]), ("srclink_each", ["fn16a", "fn16b", "fn16c"])])
case("fn17", "NFC and NFD café.txt",
     {"fn/nf/" + unicodedata.normalize("NFC", "café.txt"): txt("fn17a", "Nfc cafe"),
      "fn/nf/" + unicodedata.normalize("NFD", "café.txt"): txt("fn17b", "Nfd cafe")}, "pub",
     [("all_markers", ["fn17a", "fn17b"])])
fn("fn18", "L" * 246 + ".txt", "250-char name")
fn("fn19", "é" * 125 + ".txt", "254-byte multibyte name")
fn("fn20", "new\nline.txt", "newline in name")
fn("fn22", f"<img src=x onerror={X('fn22')}>.txt", "HTML in name")
fn("fn23", f"[x](javascript:{X('fn23')}).txt", "markdown link in name")
fn("fn24", "\"quote's `tick`.txt", "quotes in name")
fn("fn25", "{{7*7}}.txt", "Jinja in name")
fn("fn26", "CON.txt", "Windows reserved name")
fn("fn27", "2020-02-30-bad-date.txt", "impossible date prefix", kind="pub")
fn("fn28", "0000-01-01-zero.txt", "year 0000 prefix")
fn("fn29", "9999-12-31-far.txt", "year 9999 prefix")
fn("fn30", "1970-01-01-epoch.txt", "epoch prefix")
case("fn31", "uppercase extension .TXT", {"fn/upper.TXT": txt("fn31", "Upper ext")}, "pub_or_named_soft")
fn("fn32", "x.txt.md", "double extension .txt.md", title=None)
fn("fn33", "📰 news.txt", "emoji in name")
fn("fn34", "\u202egnp.txt", "RTL override in name")
case("fn35", "zero-width variant names", {"fn/zw/zero\u200bwidth.txt": txt("fn35a", "Zw one"), "fn/zw/zerowidth.txt": txt("fn35b", "Zw two")},
     "pub", [("all_markers", ["fn35a", "fn35b"])])
fn("fn36", " lead and trail .txt", "leading/trailing spaces")
fn("fn37", "back\\slash.txt", "backslash in name")
fn("fn38", "a:b;c&d=e.txt", "colon/semicolon/amp in name")
fn("fn39", "tab\there.txt", "tab in name")
case("fn40", "40-level deep folder", {"fn/" + "/".join(f"d{i}" for i in range(40)) + "/deep.txt": txt("fn40", "Deep")}, "pub")
for i, d in enumerate(["articles", "index", "_sources", "assets", "participants", "tags", "search"]):
    case(f"fn41{chr(97 + i)}", f"folder named {d}", {f"{d}/doc.txt": txt(f"fn41{chr(97 + i)}", f"In folder {d}")}, "pub", [("srclink",)])
case("fn42", "same name in two folders", {"fn/f1/same.txt": txt("fn42a", "Same A"), "fn/f2/same.txt": txt("fn42b", "Same B")},
     "pub", [("all_markers", ["fn42a", "fn42b"]), ("srclink_each", ["fn42a", "fn42b"])])
case("fn43", "folder with space and #", {"fn/my #folder?/doc.txt": txt("fn43", "Odd folder")}, "pub", [("srclink",)])
fn("fn44", "%2e%2e%2fescape.txt", "encoded traversal in name")
fn("fn45", "sitemap.xml.txt", "sitemap.xml.txt")
fn("fn46", "x.html.txt", ".html.txt name")
case("fn47", "dated and undated same slug", {"fn/sl/2020-01-01-same.txt": txt("fn47a", "Dated same"), "fn/sl/same.txt": txt("fn47b", "Undated same"),
                                              "fn/sl2/2020-01-01-same.txt": txt("fn47c", "Dated same two")},
     "pub", [("all_markers", ["fn47a", "fn47b", "fn47c"])])
case("fn48", "index.txt + index-2.txt collision", {"fn/ix/index.txt": txt("fn48a", "Ix one"), "fn/ix/index-2.txt": txt("fn48b", "Ix two")},
     "pub", [("all_markers", ["fn48a", "fn48b"])])
fn("fn49", "x.meta.txt", ".meta.txt name")
fn("fn50", "aliases.txt", "aliases.txt")
case("fn51", "document named aliases.yml.md", {"fn/aliases.yml.md": md("fn51", "title: Aliases md")}, "pub")
case("fn52", "doc named like a sidecar target (a.meta.yml.txt)", {"fn/a.meta.yml.txt": txt("fn52", "Meta yml txt")}, "pub")

# ================================================================= F. symlinks, special files
case("sl01", "doc symlink to outside file", {"sl/sl01.txt": ("symlink", "OUTSIDE/secret_sl01.txt")}, "nopub",
     [("nosite", "SECRETsl01")], marker=False)
case("sl02", "doc symlink to another doc (no second page)", {"sl/sl02.txt": txt("sl02", "Linked target"),
                                                              "sl/sl02-link.txt": ("symlink", "sl02.txt")}, "pub", [("count", 1)])
case("sl03", "doc symlink to hidden file", {"sl/sl03.txt": ("symlink", ".hidden_sl03.txt")}, "nopub", [("nosite", "SECRETsl03")], marker=False)
case("sl04", "doc symlink to backup file", {"sl/sl04.txt": ("symlink", "backup_sl04.txt~")}, "nopub", [("nosite", "SECRETsl04")], marker=False)
case("sl05", "broken symlink", {"sl/sl05.txt": ("symlink", "does-not-exist.txt")}, "named", marker=False)
case("sl06", "symlink loop", {"sl/sl06a.txt": ("symlink", "sl06b.txt"), "sl/sl06b.txt": ("symlink", "sl06a.txt")}, "named", marker=False)
case("sl07", "symlinked folder", {"sl/sl07dir": ("symlink", "OUTSIDE/dir_sl07")}, "named", [("nosite", "SECRETsl07")], marker=False)
case("sl11", "symlink to /proc/self/environ", {"sl/sl11.txt": ("symlink", "/proc/self/environ")}, "named", [("nosite", "PATH=")], marker=False)
case("sl12", "directory named dir.txt", {"sl/sl12.txt/inner.txt": txt("sl12", "Inner of dir txt")}, "pub")
case("sl13", "absolute symlink to a doc inside (no second page)", {"sl/sl13.txt": txt("sl13", "Abs target"),
                                                                    "sl/sl13-abs.txt": ("abslink", "sl/sl13.txt")}, "pub", [("count", 1)])
case("sl14", "symlink inside to a doc in another subfolder", {"sl/a14/t.txt": txt("sl14", "Cross target"),
                                                               "sl/b14/t-link.txt": ("symlink", "../a14/t.txt")}, "pub", [("count", 1)])
case("sl15", "hardlink to a doc (two names, same inode)", {"sl/sl15.txt": txt("sl15", "Hard target"), "sl/sl15-hard.txt": ("hardlink", "sl/sl15.txt")},
     "pub", [("count_soft", 1)])
case("sl16", "unreadable file (chmod 000; root may still read)", {"sl/sl16.txt": ("chmod000", txt("sl16", "Unreadable"))}, "pub_or_named")
case("sl17", "binary file with .txt (PNG)", {"sl/sl17.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40}, "named", marker=False)
case("sl18", "gzip file named .md", {"sl/sl18.md": b"\x1f\x8b\x08\x00" + bytes(range(256)) * 10}, "named", marker=False)

# ================================================================= G. NLP, dates, bounding
import random
rnd = random.Random(13)
FIRST = ["Alan", "Beth", "Carl", "Dana", "Ezra", "Fay", "Gus", "Hana", "Ivo", "Jill", "Kurt", "Lena", "Milo", "Nora", "Otto", "Pia",
         "Quin", "Rosa", "Saul", "Tara", "Ugo", "Vera", "Walt", "Xena", "Yuri", "Zoe"]
LAST = ["Abbot", "Baxter", "Crane", "Dorsey", "Ellis", "Finch", "Garner", "Hobbs", "Irwin", "Jarvis", "Keller", "Lowe", "Mercer",
        "Nash", "Orton", "Pryce", "Quill", "Reyes", "Sloan", "Tate", "Upton", "Vance", "Wolfe", "Yates", "Zeller"]
TOWNS = ["Ashford", "Brigham", "Corby", "Dunmore", "Elton", "Fenwick", "Galway", "Harlow", "Ilford", "Jedburgh"]
many = []
while sum(len(s) for s in many) < 120_000:
    a = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}{rnd.randint(1, 99)}"
    b = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}{rnd.randint(1, 99)}"
    many.append(f"{a}, the mayor of {rnd.choice(TOWNS)}, met {b}. ")
case("bd01", "120 KB of distinct names (cap 100 people/doc)", {"bd/bd01.txt": ("Many names\n\nMarker mkbd01q opens. " + "".join(many)).encode()},
     "pub", [("max_people_on_page", 100)])
case("bd02", "two docs sharing 3000 tags",
     {"bd/bd02a.md": md("bd02a", "tags: [" + ", ".join(f"shared{i}" for i in range(3000)) + "]"),
      "bd/bd02b.md": md("bd02b", "tags: [" + ", ".join(f"shared{i}" for i in range(3000)) + "]")}, "pub",
     [("all_markers", ["bd02a", "bd02b"]), ("warn_file", "bd02a.md")])
dates = " ".join(f"It happened on {d} January {y}." for y in range(1990, 2030) for d in range(1, 29))
case("bd03", "1,120 distinct dates in one doc", {"bd/bd03.txt": txt("bd03", "Many dates", dates)}, "pub")
case("bd04", "undated archive doc whose earliest date is a bare year",
     {"bd/bd04.txt": b"The company was founded in 1999 by John Smith. It was sold on 5 May 2005. mkbd04q\n"}, "pub")
case("bd05", "odd TIMEX expressions", {"bd/bd05.txt": txt("bd05", "Odd dates",
      "It began in the 1990s. Sales rose in the third quarter of 2020 and in winter 2019. In week 53 of 2020 and on February 30, 2021, "
      "and in the year 10000 and in 40 BC, on 31/12/99999, yesterday, in the 21st century, on 0/0/0000, at 25:61 on 2021-02-29, in 2020-W99, in Q5 2020.")}, "pub")
case("bd06", "only year-less dates", {"bd/bd06.txt": txt("bd06", "Yearless", "It happened on March 20. Then on April 1 and on 31 June.")}, "pub")
case("bd07", "5000 distinct organizations/places", {"bd/bd07.txt": txt("bd07", "Many orgs", " ".join(
    f"The {rnd.choice(LAST)}{i} Corporation opened an office in {rnd.choice(TOWNS)}{i}ville." for i in range(2500)))}, "pub")
case("bd08", "person called Index Smith and Tags Jones in text", {"bd/bd08.txt": txt("bd08", "Index person", "Index Smith, the mayor of Corby, met Tags Jones. Index Smith said yes. Tags Jones said no.")},
     "pub", [("people_index_ok",)])
case("bd09", "many docs same person (person page bounded)", {f"bd/bd09/{i:02d}.txt": txt(f"bd09n{i:02d}", f"Same person {i}", "Wilhelmina Strand, the mayor of Corby, spoke.") for i in range(30)},
     "pub", [("all_markers", [f"bd09n{i:02d}" for i in range(30)])])

# ================================================================= H. injection via names extracted from text
case("inj01", "HTML-looking person via aliases target", {"inj/inj01.txt": txt("inj01", "Alias target", "Zebulon Marchetti, the mayor of Corby, met the council. Zebulon Marchetti left.")},
     "pub")
case("inj02", "title with markdown/html and &", {"inj/2021-06-07-inj02.txt": txt("inj02", "Q&A: <b>bold</b> & **stars** `code` fish & chips")}, "pub",
     [("text", ["Q&A: <b>bold</b>"])])
case("inj03", "date sentence with HTML", {"inj/inj03.txt": txt("inj03", "Date html", f"On 5 May 2005 <img src=x onerror={X('inj03')}> the plan passed.")}, "pub")
case("inj04", "place name with HTML from text", {"inj/inj04.txt": txt("inj04", "Place html", "The mayor travelled to Paris<svg/onload=alert('XSSinj04')>France on Monday.")}, "pub")
case("inj05", "data: and javascript: URLs in txt", {"inj/inj05.txt": txt("inj05", "Urls", f"See javascript:{X('inj05')} and data:text/html,<script>{X('inj05')}</script> and https://example.com/\"onmouseover=\"{X('inj05')}")}, "pub")

case("inj06", "dated txt whose summary holds HTML (feeds)", {"inj/2021-07-01-inj06.txt": ("Feed html inj06\n\nMarker mkinj06q: <img src=x onerror=alert('XSSinj06')> "
     "Helen Carter, the mayor of Corby, said the plan passed. <script>alert('XSSinj06')</script> Helen Carter left.\n").encode()}, "pub")
case("inj07", "dated md with HTML summary and title (feeds)", {"inj/inj07.md": md("inj07", "date: 2021-07-02\ntitle: \"<img src=x onerror=alert('XSSinj07')>T\"\n"
     "summary: \"<a href='javascript:alert(1)' onclick='alert(1)XSSinj07'>s</a>\"", "Helen Carter, the mayor of Corby, spoke.")}, "pub")

# ---------------------------------------------------------------- aliases.yml for main build
ALIASES = ("Zebulon Marchetti: \"<img src=x onerror=alert('XSSinj01')>Zeb [x](javascript:alert('XSSinj01'))\"\n"
           "Vladimir Vladimirovich Putin: Vladimir Putin\n").encode()

# ================================================================= mini builds
MINI = []  # (id, desc, files, kind, checks)


def mini(cid, desc, files, checks, cfg=None):
    MINI.append(dict(id=cid, desc=desc, files=files, checks=checks, cfg=cfg or {}))


PUTIN = txt("al", "Putin visit", "Vladimir Vladimirovich Putin met Xi Jinping in Moscow on 5 May 2019. Vladimir Vladimirovich Putin said trade grew.")


def al(cid, desc, yml, extra_checks=()):
    mini(cid, desc, {"doc.txt": PUTIN.replace(b"mkalq", f"mk{cid}q".encode()), "aliases.yml": yml},
         [("rc0",), ("published", cid), ("warn_file", "aliases.yml"), ("fast", 60)] + list(extra_checks))


al("al01", "aliases.yml recursive anchor", b"x: &x [*x]\n")
al("al02", "aliases.yml billion laughs", b"a: &a [l,l,l,l,l,l,l,l,l,l]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
   b"d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
   b"g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g,*g]\n")
al("al03", "aliases.yml invalid YAML", b"a: [b\n : :\n")
al("al04", "aliases.yml a list", b"- a\n- b\n")
al("al05", "aliases.yml values of odd types", b"Vladimir Vladimirovich Putin: [1, 2]\nFoo: {a: 1}\nBar: null\n")
mini("al06", "aliases.yml cycle A->B, B->A", {"doc.txt": PUTIN.replace(b"mkalq", b"mkal06q"),
                                               "aliases.yml": b"Vladimir Vladimirovich Putin: Xi Jinping\nXi Jinping: Vladimir Vladimirovich Putin\n"},
     [("rc0",), ("published", "al06"), ("fast", 60)])
mini("al07", "aliases.yml chain of 5000", {"doc.txt": PUTIN.replace(b"mkalq", b"mkal07q"),
                                           "aliases.yml": ("".join(f"N{i} Name: N{i + 1} Name\n" for i in range(5000))).encode()},
     [("rc0",), ("published", "al07"), ("fast", 60)])
mini("al08", "aliases.yml symlink outside", {"doc.txt": PUTIN.replace(b"mkalq", b"mkal08q"), "aliases.yml": ("symlink", "OUTSIDE/aliases_outside.yml")},
     [("rc0",), ("published", "al08"), ("no_person_slug", "vladimir-putin-secret"), ("named_soft", "aliases.yml")])
mini("al09", "aliases.yml UTF-16 BOM", {"doc.txt": PUTIN.replace(b"mkalq", b"mkal09q"),
                                        "aliases.yml": b"\xff\xfe" + "Vladimir Vladimirovich Putin: Vladimir Putin\n".encode("utf-16-le")},
     [("rc0",), ("published", "al09"), ("person_slug", "vladimir-putin")])
mini("al10", "aliases.yml is a directory", {"doc.txt": PUTIN.replace(b"mkalq", b"mkal10q"), "aliases.yml": ("dir",)},
     [("rc0",), ("published", "al10"), ("named_soft", "aliases.yml")])
mini("al11", "aliases.yml FIFO", {"doc.txt": PUTIN.replace(b"mkalq", b"mkal11q"), "aliases.yml": ("fifo",)},
     [("rc0",), ("published", "al11"), ("named_soft", "aliases.yml"), ("fast", 120)])
mini("al12", "aliases.yml maps two people to 'Index'", {"doc.txt": PUTIN.replace(b"mkalq", b"mkal12q"),
                                                      "aliases.yml": b"Vladimir Vladimirovich Putin: Index\nXi Jinping: index\n"},
     [("rc0",), ("published", "al12"), ("people_index_ok",)])
mini("nd01", "archive of one undated doc with bare-year earliest date (issue reproducer)",
     {"only.txt": b"The company was founded in 1999 by John Smith. It was sold on 5 May 2005. mknd01q\n"},
     [("rc0",), ("published", "nd01")])
mini("nd02", "archive of only year-less dates", {"a.txt": txt("nd02", "Yearless", "It opened on March 20 and closed on 4 July.")},
     [("rc0",), ("published", "nd02")])
mini("nd03", "empty sources folder", {".keep": b""}, [("rc0",)])
mini("nd04", "all documents empty", {"a.txt": b"", "b.txt": b"\n\n"}, [("rc0",)])
mini("nd05", "one doc, decade/season/week only", {"a.txt": txt("nd05", "Vague", "It was in the 1990s, in winter 2019, in the week of 19 October 2020 and in the third quarter.")},
     [("rc0",), ("published", "nd05")])

OK = txt("okdoc", "Ordinary doc")
mini("fn21", "invalid UTF-8 bytes in a file name", {"ok.txt": OK, b"bad\xff\xfename.txt": txt("fn21", "Bad bytes name")},
     [("rc0",), ("published", "okdoc"), ("published_or_named", "fn21", "name.txt")])
mini("cfg01", "rss match_path 'articles/.+' (generated pages matched)", {"2021-01-01-ok.txt": OK}, [("rc0_soft",)],
     cfg={"match": "articles/.+"})
mini("cfg02", "rss plugin's default match_path '.*'", {"2021-01-01-ok.txt": OK}, [("rc0_soft",)], cfg={"match": ".*"})
mini("sl08", "FIFO named .txt", {"ok.txt": OK, "sl08.txt": ("fifo",)}, [("rc0",), ("published", "okdoc"), ("named", "sl08.txt"), ("fast", 100)])
mini("sl09", "symlink to /dev/zero named .txt", {"ok.txt": OK, "sl09.txt": ("symlink", "/dev/zero")}, [("rc0",), ("published", "okdoc"), ("named", "sl09.txt"), ("fast", 100)])
mini("sl10", "symlink to /dev/urandom named .md", {"ok.txt": OK, "sl10.md": ("symlink", "/dev/urandom")}, [("rc0",), ("published", "okdoc"), ("named", "sl10.md"), ("fast", 100)])
mini("sc22", "sidecar is a FIFO", {"sc22.txt": txt("sc22", "Fifo sidecar"), "sc22.meta.yml": ("fifo",)}, [("rc0",), ("published", "sc22"), ("named", "sc22.meta.yml"), ("fast", 100)])
mini("sc27", "sidecar symlink to /dev/zero", {"sc27.txt": txt("sc27", "Zero sidecar"), "sc27.meta.yml": ("symlink", "/dev/zero")}, [("rc0",), ("published", "sc27"), ("named", "sc27.meta.yml"), ("fast", 100)])
mini("sl19", "FIFO inside a subfolder next to docs", {"a/ok.txt": OK, "a/pipe.md": ("fifo",)}, [("rc0",), ("published", "okdoc"), ("named", "pipe.md"), ("fast", 100)])

CACHE_DOCS = {f"c{i}.txt": txt(f"cache{i}", f"Cache doc {i}", f"Oswin Tarrant, the mayor of Corby, spoke on {i + 1} May 2019.") for i in range(6)}
CACHE_DOCS["c0.meta.yml"] = b"credit: CreditOneCache\n"


# ================================================================= build machinery
def materialize(src, files, outside):
    for rel, data in files.items():
        relb = rel if isinstance(rel, bytes) else rel.encode()
        p = os.path.join(os.fsencode(src), relb)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        if isinstance(data, tuple):
            kind = data[0]
            if kind == "symlink":
                tgt = data[1].replace("OUTSIDE", outside)
                os.symlink(tgt, p)
            elif kind == "abslink":
                os.symlink(os.path.join(src, data[1]), p)
            elif kind == "hardlink":
                os.link(os.path.join(src, data[1]), p)
            elif kind == "fifo":
                os.mkfifo(p)
            elif kind == "dir":
                os.makedirs(p, exist_ok=True)
            elif kind == "chmod000":
                with open(p, "wb") as f:
                    f.write(data[1])
                os.chmod(p, 0)
        else:
            with open(p, "wb") as f:
                f.write(data)


def make_outside(outside):
    os.makedirs(os.path.join(outside, "dir_sl07"), exist_ok=True)
    w = lambda n, b: open(os.path.join(outside, n), "wb").write(b)
    w("secret_sc12.yml", b"credit: SECRETsc12\n")
    w("secret_sl01.txt", b"Secret\n\nSECRETsl01 the mayor met the council on Tuesday.\n")
    w("dir_sl07/x.txt", b"Secret dir\n\nSECRETsl07 the mayor met the council.\n")
    w("aliases_outside.yml", b"Vladimir Vladimirovich Putin: Vladimir Putin Secret\n")


MKDOCS = """site_name: h13d
site_url: https://example.org/h13d/
docs_dir: docs
theme:
  name: material
  font: false
  features: [navigation.indexes, navigation.prune]
plugins:
  - search
  - tags
  - summaries:
      sources: src
      progress: false
{extra}
  - rss:
      use_git: false
      date_from_meta:
        as_creation: date
        as_update: date
      match_path: "{match}"
      abstract_chars_count: 400
      length: 500
      image: https://example.org/h13d/favicon.png
      use_material_blog: false
      use_material_social_cards: false
      pretty_print: true
markdown_extensions: [attr_list, md_in_html, admonition, tables, {{toc: {{permalink: true}}}}]
"""


def setup_site(d, files, extra="", match="articles/[0-9]{4}/[0-9]{2}/.+"):
    if os.path.exists(d):
        subprocess.run(["chmod", "-R", "u+rwx", d])
        shutil.rmtree(d)
    src = os.path.join(d, "src")
    os.makedirs(src)
    os.makedirs(os.path.join(d, "docs"))
    outside = os.path.join(d, "outside")
    make_outside(outside)
    with open(os.path.join(d, "mkdocs.yml"), "w") as f:
        f.write(MKDOCS.format(extra=extra, match=match))
    materialize(src, files, outside)
    # hidden and backup secrets next to symlinks
    for n, s in [(".hidden_sc13.yml", b"credit: SECRETsc13\n"), (".hidden_sl03.txt", b"Hidden\n\nSECRETsl03 the mayor met.\n"),
                 ("backup_sl04.txt~", b"Backup\n\nSECRETsl04 the mayor met.\n")]:
        for sub in ("sc", "sl"):
            if os.path.isdir(os.path.join(src, sub)):
                open(os.path.join(src, sub, n), "wb").write(s)


def build(d, timeout=900):
    env = dict(os.environ, PYTHONPATH=CHECKOUT, NO_MKDOCS_2_WARNING="1", NO_COLOR="1")
    t = time.time()
    try:
        p = subprocess.run(["timeout", str(timeout), "mkdocs", "build"], cwd=d, env=env, capture_output=True, timeout=timeout + 30)
        rc, out = p.returncode, (p.stdout + p.stderr).decode("utf-8", "backslashreplace")
    except subprocess.TimeoutExpired:
        rc, out = -9, "TIMEOUT"
    return rc, out, time.time() - t


# ================================================================= output scanning
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "lowsrc", "dynsrc", "codebase", "cite"}
BAD_TAGS = {"iframe", "object", "embed", "frame", "frameset", "applet", "base", "portal"}


def badurl(v):
    v = re.sub(r"[\x00-\x20]", "", html.unescape(v or "")).lower()
    return v.startswith(("javascript:", "vbscript:", "data:text/html", "data:image/svg", "data:application", "livescript:"))


class Scan(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self.in_script = None

    def handle_starttag(self, tag, attrs):
        raw = self.get_starttag_text() or tag
        a = dict(attrs)
        if tag in BAD_TAGS:
            self.found.append(f"<{tag}> {raw[:150]}")
        for k, v in attrs:
            if k.startswith("on"):
                self.found.append(f"handler {k}= {raw[:150]}")
            if k in URL_ATTRS and badurl(v):
                self.found.append(f"url {k}= {raw[:150]}")
            if k == "srcdoc":
                self.found.append(f"srcdoc {raw[:150]}")
            if k == "style" and v and ("XSS" in v or "expression(" in v or "javascript:" in v):
                self.found.append(f"style {raw[:150]}")
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "refresh":
            self.found.append(f"meta refresh {raw[:150]}")
        if tag in ("script", "style"):
            self.in_script = (tag, raw)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.in_script = None

    def handle_data(self, data):
        if self.in_script and ("XSS" in data or "alert(" in data):
            self.found.append(f"<{self.in_script[0]}> content {self.in_script[1][:60]} {data[:120]}")


def scan_html(s):
    p = Scan()
    try:
        p.feed(s)
        p.close()
    except Exception as e:  # noqa
        return [f"parser error {e}"]
    return p.found


def read(p):
    with open(p, "rb") as f:
        return f.read().decode("utf-8", "replace")


def collect(site):
    pages = {}  # rel -> text (document pages)
    allfiles = []
    for root, dirs, files in os.walk(site):
        if os.path.relpath(root, site).startswith("assets"):
            continue
        for n in files:
            allfiles.append(os.path.join(root, n))
    for p in allfiles:
        if p.endswith(".html"):
            t = read(p)
            if 'class="summaries-text"' in t:
                pages[os.path.relpath(p, site)] = t
    return pages, allfiles


def xss_findings(site, allfiles):
    out = []  # (where, finding)
    for p in allfiles:
        rel = os.path.relpath(p, site)
        if p.endswith((".html", ".svg", ".htm", ".xhtml")):
            for f in scan_html(read(p)):
                out.append((rel, f))
        elif p.endswith(".xml") and "sitemap" not in p:
            try:
                root = ET.parse(p).getroot()
            except Exception as e:
                out.append((rel, f"INVALID XML: {e}"))
                continue
            for el in root.iter():
                tagn = el.tag.split("}")[-1]
                if tagn in ("description", "encoded", "content", "summary") and el.text:
                    for f in scan_html(el.text):
                        out.append((rel, f"feed {tagn}: {f}"))
                for k, v in el.attrib.items():
                    if badurl(v):
                        out.append((rel, f"feed attr {k}={v[:100]}"))
                if tagn in ("link", "url", "comments") and el.text and badurl(el.text):
                    out.append((rel, f"feed <{tagn}> {el.text[:100]}"))
        elif p.endswith(".json"):
            try:
                data = json.load(open(p, encoding="utf-8"))
            except Exception as e:
                out.append((rel, f"INVALID JSON: {e}"))
                continue
            if rel.endswith("search_index.json"):
                for d in data.get("docs", []):
                    for k in ("title", "text"):
                        for f in scan_html(d.get(k) or ""):
                            out.append((rel, f"search {k} @{d.get('location')}: {f}"))
            else:
                def walk(o, key=""):
                    if isinstance(o, dict):
                        for k, v in o.items():
                            walk(v, k)
                    elif isinstance(o, list):
                        for v in o:
                            walk(v, key)
                    elif isinstance(o, str):
                        if key in ("content_html", "summary", "description"):
                            for f in scan_html(o):
                                out.append((rel, f"json {key}: {f}"))
                        if key in ("url", "external_url", "image", "banner_image", "link") and badurl(o):
                            out.append((rel, f"json {key}: {o[:100]}"))
                walk(data)
    return out


def visible(t):
    t = re.sub(r"<script.*?</script>", " ", t, flags=re.S)
    t = re.sub(r"<[^>]+>", "", t)
    return html.unescape(t)


def h1(t):
    m = re.search(r"<h1[^>]*>(.*?)</h1>", t, re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip() if m else None


# ================================================================= judging
class Ctx:
    pass


def needles(c):
    if c.get("names"):
        return c["names"]
    ns = []
    for rel in c["files"]:
        r = rel.decode("utf-8", "replace") if isinstance(rel, bytes) else rel
        ns.append(os.path.basename(r))
    return ns


def log_lines_naming(log, name):
    forms = {name, unicodedata.normalize("NFC", name), unicodedata.normalize("NFD", name),
             repr(name)[1:-1], name.encode("unicode_escape").decode(), html.escape(name)}
    if len(name) > 60:
        forms.add(name[:40])
    return [ln for ln in log.splitlines() if any(f and f in ln for f in forms)]


def warned(log, name, key=None):
    ls = [ln for ln in log_lines_naming(log, name) if "WARNING" in ln or "ERROR" in ln]
    if key:
        ls = [ln for ln in ls if key in ln]
    return ls


def named_any(log, c):
    ls = []
    for n in needles(c):
        ls += log_lines_naming(log, n)
    return ls


def marker_pages(ctx, cid):
    m = f"mk{cid}q"
    return [r for r, t in ctx.pages.items() if m in t]


def srclink_ok(ctx, page_rel, cid):
    t = ctx.pages[page_rel]
    m = re.search(r'class="summaries-source">.*?<a href="([^"]+)"', t, re.S)
    if not m:
        return None, "no source link"
    href = html.unescape(m.group(1))
    if href.startswith(("http:", "https:")):
        return True, href
    from urllib.parse import unquote, urlsplit
    path = urlsplit(href).path
    target = os.path.normpath(os.path.join(ctx.site, os.path.dirname(page_rel), unquote(path)))
    if not os.path.isfile(target):
        return False, f"source link {href!r} -> missing file {os.path.relpath(target, ctx.site)}"
    data = open(target, "rb").read()
    if f"mk{cid}q".encode() not in data:
        return False, f"source link {href!r} -> file without this document's text"
    return True, href


def judge_case(ctx, c):
    cid = c["id"]
    log = ctx.log
    pages = marker_pages(ctx, cid) if c["marker"] else []
    named = named_any(log, c)
    warns = [ln for ln in named if "WARNING" in ln or "ERROR" in ln]
    status, why = "PASS", []
    kind = c["kind"]

    def fail(s):
        nonlocal status
        status = "FAIL"
        why.append(s)

    def soft(s):
        nonlocal status
        if status == "PASS":
            status = "SOFT"
        why.append(s)

    if any(ck[0] == "all_markers" for ck in c["checks"]):
        kind = "multi"
    if kind in ("pub", "pub_or_named", "pub_strict"):
        if c["marker"] and not pages:
            if kind == "pub_strict":
                fail("document not published (one value should cost only itself): " + (warns[0][:160] if warns else "not named"))
            elif warns:
                why.append("not published, named: " + warns[0][:160])
            elif named:
                soft("not published, only logged (not a warning): " + named[0][:160])
            else:
                fail("not published and not named in any log line")
        elif not c["marker"]:
            # no marker: look for a page referencing the file name
            hit = [r for r, nm in ctx.srcname.items() if nm and os.path.basename(nm) in needles(c)]
            if not hit and not named:
                fail("no page found for it and not named in log")
            elif not hit:
                why.append("named: " + named[0][:160])
            else:
                why.append(f"published {hit[0]}")
        else:
            why.append(f"published {pages[0]}" + (f" (+{len(pages) - 1})" if len(pages) > 1 else ""))
    elif kind == "multi":
        pass
    elif kind == "pub_or_named_soft":
        if not pages and not named:
            soft("not published and not named (undocumented whether .TXT is a document)")
        else:
            why.append("published" if pages else "named: " + named[0][:120])
    elif kind == "nopub":
        if not named:
            soft("not published, but not named in the log")
        else:
            why.append("named: " + named[0][:140])
    elif kind == "named":
        if not named:
            fail("not named in the log")
        else:
            why.append("named: " + named[0][:140])
    elif kind == "named_soft":
        if not named:
            soft("not named in the log")
        else:
            why.append("named: " + named[0][:140])

    own = [r for r in pages if ctx.srcname.get(r) and os.path.basename(ctx.srcname[r]) in needles(c)]
    if own:
        pages = own + [r for r in pages if r not in own]
    page = ctx.pages.get(pages[0]) if pages else None
    for ck in c["checks"]:
        k = ck[0]
        if k == "text":
            if page is None:
                continue
            vis = visible(page)
            miss = [s for s in ck[1] if s not in vis]
            if miss:
                if warns:
                    why.append(f"text {miss} missing but file named: {warns[0][:100]}")
                else:
                    m = f"mk{cid}q"
                    i = vis.find(m)
                    fail(f"expected {miss} not on page; page shows {vis[i:i + 140]!r}" if i >= 0 else f"expected {miss} not on page")
        elif k == "text_or_named":
            if page is None:
                hit = [r for r, nm in ctx.srcname.items() if nm and os.path.basename(nm) in needles(c)]
                page = ctx.pages[hit[0]] if hit else None
            if page is None:
                continue
            vis = visible(page)
            miss = [s for s in ck[1] if s not in vis]
            fname = ck[2] if len(ck) > 2 else None
            if miss:
                w = warned(log, fname) if fname else warns
                if w:
                    why.append(f"{miss} not on page, named: {w[0][:120]}")
                else:
                    i = vis.find(f"mk{cid}q")
                    j = vis.find("owners in")
                    snip = vis[i:i + 160] if i >= 0 else vis[max(0, j - 10):j + 80]
                    if fname:
                        for s in ck[1]:
                            pass
                    fail(f"{miss} not on page and file not named; page shows {snip!r}")
        elif k == "title":
            if page is None:
                continue
            got = h1(page)
            if got != ck[1]:
                fail(f"h1 is {got!r}, expected {ck[1]!r}")
        elif k == "warn_file":
            w = warned(log, ck[1])
            if not w:
                fail(f"no WARNING naming {ck[1]}")
            else:
                why.append("warned: " + w[0][:150])
        elif k == "named_soft":
            if not log_lines_naming(log, ck[1]):
                soft(f"{ck[1]} not named in log")
        elif k == "notext":
            if page is not None:
                vis = visible(page)
                summ = re.search(r"summaries-summary.*?</div>", page, re.S)
                s = visible(summ.group(0)) if summ else vis
                for x in ck[1]:
                    if re.search(rf"\b{x}\b", s):
                        fail(f"summary shows {x!r}: {s[:120]!r}")
        elif k == "nosite":
            hits = [os.path.relpath(p, ctx.site) for p in ctx.allfiles if ck[1].encode() in open(p, "rb").read()]
            if hits:
                fail(f"{ck[1]!r} published in {hits[:3]}")
        elif k == "nofile":
            if os.path.exists(ck[1]):
                fail(f"{ck[1]} was created: code executed")
        elif k == "count":
            if c["marker"] and len(pages) != ck[1]:
                fail(f"{len(pages)} pages hold the document (expected {ck[1]}): {pages}")
        elif k == "count_soft":
            if len(pages) != ck[1]:
                soft(f"{len(pages)} pages hold the document: {pages}")
        elif k == "all_markers":
            missing = [m for m in ck[1] if not marker_pages(ctx, m)]
            if missing:
                if warns and len(warns) >= len(missing):
                    why.append(f"{missing} not published, warnings: {warns[0][:100]}")
                else:
                    fail(f"documents {missing} not published (warnings naming files: {len(warns)})")
        elif k == "srclink":
            if page is not None:
                ok, msg = srclink_ok(ctx, pages[0], cid)
                if ok is False:
                    fail(msg)
                elif ok is None:
                    soft(msg)
        elif k == "srclink_each":
            for m in ck[1]:
                ps = marker_pages(ctx, m)
                if ps:
                    ok, msg = srclink_ok(ctx, ps[0], m)
                    if ok is False:
                        fail(f"{m}: {msg}")
        elif k == "articles_index_ok":
            p = os.path.join(ctx.site, "articles/index.html")
            if not os.path.exists(p) or 'class="summaries-text"' in read(p):
                fail("articles/index.html missing or replaced by a document")
        elif k == "people_index_ok":
            p = os.path.join(ctx.site, "participants/index.html")
            if not os.path.exists(p):
                fail("participants/index.html missing")
            else:
                t = read(p)
                if h1(t) not in ("People",) and "People" not in (h1(t) or ""):
                    fail(f"participants/index.html h1 is {h1(t)!r}, not the People index")
        elif k == "path_contains":
            p = os.path.join(ctx.site, ck[1])
            if not os.path.exists(p) or ck[2] not in read(p) or 'class="summaries-text"' in read(p):
                fail(f"{ck[1]} missing or replaced")
        elif k == "search_index_ok":
            try:
                json.load(open(os.path.join(ctx.site, "search/search_index.json")))
            except Exception as e:
                fail(f"search index broken: {e}")
        elif k == "one_person":
            qs = [r for r in ctx.allrel if r.startswith("participants/") and ck[1].lower() in r.lower() and r.endswith("index.html")]
            if len(qs) > 1:
                fail(f"one person split into {len(qs)} pages: {qs}")
        elif k == "no_bidi":
            if page is not None and "\u202e" in (h1(page) or ""):
                soft("U+202E kept in the published title (spoofable)")
        elif k == "not_redirect":
            if page is not None and ("redirect" in page.lower() and "javascript" in page.lower() and "location" in page.lower()
                                     and re.search(r"location\.href|window\.location|http-equiv", page)):
                fail("page is a redirect")
        elif k == "no_passwd_size":
            sz = str(os.path.getsize("/etc/passwd"))
            for p in ctx.allfiles:
                if p.endswith((".xml", ".json")) and "feed" in p:
                    t = read(p)
                    if re.search(rf'length="{sz}"|"size_in_bytes":\s*{sz}\b', t) or "etc/passwd" in t:
                        fail(f"/etc/passwd size or path in {os.path.relpath(p, ctx.site)}")
                        break
        elif k == "max_people_on_page":
            if page is not None:
                n = len(set(re.findall(r'href="[^"]*participants/([^"/]+)/"', page)))
                if n > ck[1]:
                    fail(f"page links {n} people (> {ck[1]})")
                if not warns and not warned(log, "bd01"):
                    soft("no warning naming the file about the people cap")
    # XSS attributed to this case
    xs = [f for f in ctx.xss if f"XSS{cid}" in f[1]]
    if xs:
        fail(f"live markup: {xs[0][0]}: {xs[0][1][:200]}")
    return status, "; ".join(why)


def judge_mini(m, d, rc, log, dur):
    ctx = Ctx()
    ctx.site = os.path.join(d, "site")
    ctx.log = log
    if os.path.isdir(ctx.site):
        ctx.pages, ctx.allfiles = collect(ctx.site)
    else:
        ctx.pages, ctx.allfiles = {}, []
    status, why = "PASS", []
    for ck in m["checks"]:
        k = ck[0]
        if k == "rc0_soft" and rc != 0:
            status = "SOFT" if status == "PASS" else status
            tb = [ln for ln in log.splitlines() if ln.strip()][-1:]
            why.append(f"build rc={rc}: {' | '.join(tb)[:300]}")
        elif k == "rc0" and rc != 0:
            status = "FAIL"
            tb = [ln for ln in log.splitlines() if ln.strip()][-3:]
            why.append(f"build rc={rc}: {' | '.join(tb)[:300]}")
        elif k == "published" and not marker_pages(ctx, ck[1]):
            status = "FAIL"
            why.append("document not published")
        elif k == "warn_file":
            w = warned(log, ck[1])
            if not w:
                status = "FAIL"
                why.append(f"no WARNING naming {ck[1]}")
            else:
                why.append("warned: " + w[0][:140])
        elif k == "published_or_named" and not marker_pages(ctx, ck[1]) and not log_lines_naming(log, ck[2]):
            status = "FAIL"
            why.append("neither published nor named")
        elif k == "named" and not log_lines_naming(log, ck[1]):
            status = "FAIL"
            why.append(f"{ck[1]} not named in the log")
        elif k == "named_soft" and not log_lines_naming(log, ck[1]):
            status = "SOFT" if status == "PASS" else status
            why.append(f"{ck[1]} not named")
        elif k == "fast" and dur > ck[1]:
            status = "FAIL"
            why.append(f"took {dur:.0f}s")
        elif k == "person_slug" and not os.path.exists(os.path.join(ctx.site, "participants", ck[1], "index.html")):
            status = "FAIL"
            why.append(f"participants/{ck[1]}/ missing (alias not applied)")
        elif k == "no_person_slug" and os.path.exists(os.path.join(ctx.site, "participants", ck[1], "index.html")):
            status = "FAIL"
            why.append(f"participants/{ck[1]}/ exists: outside file was used")
        elif k == "people_index_ok":
            p = os.path.join(ctx.site, "participants/index.html")
            if not os.path.exists(p) or "People" not in (h1(read(p)) or ""):
                status = "FAIL"
                why.append(f"participants/index.html is {h1(read(p)) if os.path.exists(p) else None!r}")
    xs = xss_findings(ctx.site, ctx.allfiles) if ctx.allfiles else []
    if xs:
        status = "FAIL"
        why.append(f"live markup {xs[0]}")
    why.append(f"{dur:.1f}s")
    return status, "; ".join(why)


def article_snapshot(site):
    snap = {}
    for root, _, files in os.walk(os.path.join(site, "articles")):
        for n in files:
            if n.endswith(".html"):
                p = os.path.join(root, n)
                snap[os.path.relpath(p, site)] = read(p)
    for extra in ("participants/index.html", "timeline/index.html", "index.html", "search/search_index.json"):
        p = os.path.join(site, extra)
        if os.path.exists(p):
            snap[extra] = read(p)
    return snap


def cache_tests(results):
    d = os.path.join(WORK, "cache")
    setup_site(d, CACHE_DOCS)
    rc, log, dur = build(d)
    site = os.path.join(d, "site")
    base = article_snapshot(site) if rc == 0 else {}
    results.append(("cache00", "cold build of the cache archive", "PASS" if rc == 0 else "FAIL", f"rc={rc} {dur:.1f}s"))
    rc, log, dur = build(d)
    s2 = article_snapshot(site)
    diff = [k for k in set(base) | set(s2) if base.get(k) != s2.get(k)]
    results.append(("cache01", "warm rebuild gives the same pages", "PASS" if rc == 0 and not diff else "FAIL",
                    f"rc={rc} {dur:.1f}s differing={diff[:4]}"))
    cdir = os.path.join(d, ".cache", "summaries")
    cfiles = []
    for root, _, files in os.walk(cdir):
        for n in files:
            cfiles.append(os.path.join(root, n))
    originals = {p: open(p, "rb").read() for p in cfiles}
    for cid, content in [("cache02", b"[]"), ("cache03", b"42"), ("cache04", b"null"), ("cache05", b'{"start": "a", "end": [], "summary": 5}'),
                         ("cache06", None), ("cache07", bytes(range(256)) * 4)]:
        for p, o in originals.items():
            with open(p, "wb") as f:
                f.write(o[: len(o) // 2] if content is None else content)
        rc, log, dur = build(d)
        s = article_snapshot(site) if rc == 0 else {}
        diff = [k for k in set(base) | set(s) if base.get(k) != s.get(k)]
        desc = {"cache02": "every cache file = []", "cache03": "every cache file = 42", "cache04": "every cache file = null",
                "cache05": "every cache file = JSON of another shape", "cache06": "every cache file truncated to half",
                "cache07": "every cache file = binary garbage"}[cid]
        tb = " | ".join([ln for ln in log.splitlines() if ln.strip()][-2:])[:250]
        results.append((cid, desc, "PASS" if rc == 0 and not diff else "FAIL",
                        f"rc={rc} {dur:.1f}s differing={diff[:4]}" + ("" if rc == 0 else " " + tb)))
    # cache dir is a file
    shutil.rmtree(os.path.join(d, ".cache"))
    os.makedirs(os.path.join(d, ".cache"))
    open(cdir, "wb").write(b"not a dir")
    rc, log, dur = build(d)
    s = article_snapshot(site) if rc == 0 else {}
    diff = [k for k in set(base) | set(s) if base.get(k) != s.get(k)]
    results.append(("cache08", "cache_dir is a regular file", "PASS" if rc == 0 and not diff else "FAIL",
                    f"rc={rc} {dur:.1f}s differing={diff[:4]} " + ("" if rc == 0 else log.splitlines()[-1][:200])))
    os.remove(cdir)
    # staleness
    rc, log, dur = build(d)
    src = os.path.join(d, "src")
    open(os.path.join(src, "c1.txt"), "wb").write(txt("cacheNEW1", "Cache doc 1", "Oswin Tarrant, the mayor of Corby, spoke on 2 May 2019."))
    open(os.path.join(src, "c0.meta.yml"), "wb").write(b"credit: CreditTwoCache\n")
    os.remove(os.path.join(src, "c2.txt"))
    os.rename(os.path.join(src, "c3.txt"), os.path.join(src, "c3-renamed.txt"))
    rc, log, dur = build(d)
    ctx = Ctx()
    ctx.site = site
    ctx.pages, ctx.allfiles = collect(site)
    alltext = "".join(ctx.pages.values())
    r = []
    if "mkcacheNEW1q" not in alltext or "mkcache1q" in alltext:
        r.append(("cache09", "edited document shows its new text", "FAIL", f"new={'mkcacheNEW1q' in alltext} old={'mkcache1q' in alltext}"))
    else:
        r.append(("cache09", "edited document shows its new text", "PASS", ""))
    a0 = "".join(t for t in ctx.pages.values() if "mkcache0q" in t)
    r.append(("cache10", "edited sidecar credit shows", "PASS" if "CreditTwoCache" in a0 and "CreditOneCache" not in a0 else "FAIL",
              f"new={'CreditTwoCache' in a0} old={'CreditOneCache' in a0}"))
    stale = [p for p in ctx.allfiles if p.endswith(".html") and "mkcache2q" in read(p)]
    r.append(("cache11", "deleted document leaves no page", "PASS" if not stale else "FAIL", f"stale={[os.path.relpath(p, site) for p in stale][:3]}"))
    c3 = marker_pages(ctx, "cache3")
    r.append(("cache12", "renamed document: one page, new name", "PASS" if len(c3) == 1 and "renamed" in c3[0] else "FAIL", f"pages={c3}"))
    # aliases change
    open(os.path.join(src, "putin.txt"), "wb").write(PUTIN.replace(b"mkalq", b"mkputq"))
    rc, log, dur = build(d)
    open(os.path.join(src, "aliases.yml"), "wb").write(b"Vladimir Vladimirovich Putin: Vladimir Putin Aliased\n")
    rc, log, dur = build(d)
    ok = os.path.exists(os.path.join(site, "participants/vladimir-putin-aliased/index.html"))
    r.append(("cache13", "aliases.yml edit applies on warm rebuild", "PASS" if ok else "FAIL",
              "" if ok else f"no participants/vladimir-putin-aliased/ ; people: {sorted(os.listdir(os.path.join(site, 'participants')))[:8]}"))
    results.extend(r)


def main():
    t0 = time.time()
    os.makedirs(WORK, exist_ok=True)
    for f in os.listdir(BASE):
        if f.startswith("PWNED"):
            os.remove(os.path.join(BASE, f))
    files = {}
    for c in CASES:
        for rel, data in c["files"].items():
            k = rel if isinstance(rel, bytes) else rel
            assert k not in files, k
            files[k] = data
    files["aliases.yml"] = ALIASES
    main_dir = os.path.join(WORK, "main")
    setup_site(main_dir, files)
    print(f"corpus: {len(CASES)} main cases, {len(MINI)} mini builds; trap {TRAP}", flush=True)
    rc, log, dur = build(main_dir)
    open(os.path.join(WORK, "main.log"), "w").write(log)
    print(f"main build rc={rc} in {dur:.0f}s", flush=True)
    ctx = Ctx()
    ctx.site = os.path.join(main_dir, "site")
    ctx.log = log
    ctx.pages, ctx.allfiles = collect(ctx.site) if os.path.isdir(ctx.site) else ({}, [])
    ctx.srcname = {}
    for r, t in ctx.pages.items():
        m = re.search(r'class="summaries-source">.*?<a [^>]*>(.*?)</a>', t, re.S)
        ctx.srcname[r] = html.unescape(m.group(1)).strip() if m else None
    ctx.allrel = [os.path.relpath(p, ctx.site) for p in ctx.allfiles]
    ctx.xss = xss_findings(ctx.site, ctx.allfiles)
    results = []
    size = sum(os.path.getsize(p) for p in ctx.allfiles) if ctx.allfiles else 0
    if rc != 0:
        tb = " | ".join([ln for ln in log.splitlines() if ln.strip()][-4:])
        results.append(("G-rc", "main build succeeds", "FAIL", f"rc={rc}: {tb[:400]}"))
    else:
        results.append(("G-rc", "main build succeeds", "PASS", f"{dur:.0f}s"))
    results.append(("G-time", "main build under 600 s", "PASS" if dur < 600 else "FAIL", f"{dur:.0f}s"))
    results.append(("G-size", "main site under 300 MB", "PASS" if size < 300e6 else "FAIL", f"{size / 1e6:.1f} MB, {len(ctx.allfiles)} files"))
    results.append(("G-net", "no request to the trap server during the build", "PASS" if not REQUESTS else "FAIL", f"requests={REQUESTS[:5]}"))
    bad_xml = [x for x in ctx.xss if x[1].startswith(("INVALID XML", "INVALID JSON"))]
    results.append(("G-feeds", "every feed/JSON file parses", "PASS" if not bad_xml else "FAIL", str(bad_xml[:3])))
    dbl = [os.path.relpath(p, ctx.site) for p in ctx.allfiles if p.endswith((".xml", ".json")) and "&amp;amp;" in read(p)]
    results.append(("G-escape1", "no double escaping (&amp;amp;) in feeds/JSON", "PASS" if not dbl else "FAIL", str(dbl[:4])))
    unattr = [x for x in ctx.xss if not re.search(r"XSS[a-z]+\d+", x[1]) and not x[1].startswith("INVALID")]
    results.append(("G-xss", "no live markup without a case id (theme-wide scan)", "PASS" if not unattr else "FAIL",
                    "; ".join(f"{a}: {b[:150]}" for a, b in unattr[:4])))
    tbs = [ln for ln in log.splitlines() if "Traceback" in ln]
    results.append(("G-trace", "no traceback in the log", "PASS" if not tbs else "FAIL", " | ".join(tbs[:3])[:300]))
    pw = [f for f in os.listdir(BASE) if f.startswith("PWNED")]
    results.append(("G-exec", "no PWNED file", "PASS" if not pw else "FAIL", str(pw)))
    for c in CASES:
        if rc != 0 and not ctx.pages:
            results.append((c["id"], c["desc"], "FAIL", "main build failed"))
            continue
        try:
            st, why = judge_case(ctx, c)
        except Exception as e:  # noqa
            st, why = "SOFT", f"judge error {e!r}"
        results.append((c["id"], c["desc"], st, why))
    for m in MINI:
        d = os.path.join(WORK, "mini", m["id"])
        setup_site(d, m["files"], **m["cfg"])
        rc2, log2, dur2 = build(d, timeout=300)
        open(os.path.join(d, "build.log"), "w").write(log2)
        st, why = judge_mini(m, d, rc2, log2, dur2)
        results.append((m["id"], m["desc"], st, why))
    cache_tests(results)
    with open(os.path.join(WORK, "results.json"), "w") as f:
        json.dump(results, f, indent=1, ensure_ascii=False)
    w = max(len(r[0]) for r in results)
    for r in results:
        print(f"{r[0]:<{w}}  {r[2]:<4}  {r[1][:60]:<60}  {r[3]}")
    cnt = {s: sum(1 for r in results if r[2] == s) for s in ("PASS", "FAIL", "SOFT")}
    print(f"\nTOTAL {len(results)}: PASS {cnt['PASS']}  FAIL {cnt['FAIL']}  SOFT {cnt['SOFT']}  ({time.time() - t0:.0f}s)")


if __name__ == "__main__":
    main()
