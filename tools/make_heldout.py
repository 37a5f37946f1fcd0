# ruff: noqa: E501  (the documents' paragraphs are data, one string each)
"""Write the raw files of the held-out evaluation set data/eval/heldout/raw/ (issue 17).

The texts are written in this project's own words from the public sources listed in
data/eval/heldout/README.md; this script only gives them the formats a new user brings: saved web pages
with boilerplate, PDFs (two columns; running headers, page numbers and hyphenated line breaks; a browser
print), Word files with tables, and a hard-wrapped text file. Run once:
``.venv/bin/python tools/make_heldout.py`` (needs reportlab, see requirements.txt). Output is deterministic.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "data" / "eval" / "heldout" / "raw"

# --- web pages ------------------------------------------------------------------------------------------

NAV = """<header><div class="logo">Bali Process</div><nav><ul>
<li><a href="/">Home</a></li><li><a href="/about">About</a></li><li><a href="/members">Members</a></li>
<li><a href="/meetings">Meetings</a></li><li><a href="/working-groups">Working Groups</a></li>
<li><a href="/rso">Regional Support Office</a></li><li><a href="/contact">Contact</a></li></ul></nav>
<form class="search"><input type="text" placeholder="Search this site"><button>Search</button></form></header>"""

FOOT = """<footer><p>Subscribe to our newsletter for updates on events and publications.</p>
<ul><li><a href="/privacy">Privacy</a></li><li><a href="/accessibility">Accessibility</a></li>
<li><a href="/sitemap">Sitemap</a></li></ul><p>&copy; Bali Process. All rights reserved.</p></footer>"""


def page(title: str, head: str, body: str, aside: str, foot: str = FOOT, nav: str = NAV, lang: str = "en") -> str:
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
{head}
<link rel="stylesheet" href="/static/site.css"><script src="/static/menu.js"></script></head>
<body>{nav}
<div class="breadcrumb"><a href="/">Home</a> &gt; <a href="/meetings">Meetings</a> &gt; {title}</div>
<main><article>
{body}
</article>
<aside class="related"><h3>Related</h3><ul>{aside}</ul></aside></main>
{foot}</body></html>
"""


ADELAIDE = page(
    "Eighth Ministerial Conference",
    '<meta name="dcterms.modified" content="2024-03-14">',
    """<h1>Eighth Bali Process Ministerial Conference</h1>
<p class="meta">Adelaide, Australia &middot; <time datetime="2023-02-10">10 February 2023</time></p>
<p>Ministers and senior officials met at the Adelaide Convention Centre from 8 to 10 February 2023. It was the
first Ministerial Conference since the Covid-19 pandemic began and the first ever held in Australia; the
ministerial session itself took place on Friday.</p>
<p>The conference was co-chaired by the foreign ministers of Australia and Indonesia, while business co-chairs
from both countries led the Government and Business Forum that met alongside it.</p>
<p>Representatives of 36 member states and four international organisations took part, among them the Kingdom
of Thailand, whose delegation was led by its ambassador in Canberra.</p>
<p>Ministers endorsed the 2023 Adelaide Strategy for Cooperation. It replaces the strategy adopted in 2018 and
groups the work of the process under eight areas of cooperation, from law enforcement to returns and
reintegration. Ministers also asked senior officials to reactivate the Consultation Mechanism in response to
irregular maritime movements in the Andaman Sea.</p>
<p>Australia announced a one-off contribution of AUD 2.7 million to the Regional Support Office in Bangkok.</p>
<p>The Bali Process now brings together 45 member states and 4 member organisations, as well as 18 observer
states and nine observer organisations.</p>""",
    """<li><a href="/event/seventh">Seventh Ministerial Conference (2018)</a></li>
<li><a href="/event/sixth">Sixth Ministerial Conference (2016)</a></li>
<li><a href="/sdg">Our work and SDG Target 8.7</a></li>""",
    foot=FOOT.replace("</footer>", "<p>Page last updated 14 March 2024</p></footer>"),
)

GABF = page(
    "Government and Business Forum launched in Perth",
    """<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "Government and Business Forum launched in Perth", "datePublished": "2017-08-31",
"dateModified": "2021-05-02", "publisher": {"@type": "Organization", "name": "Bali Process Business"}}</script>""",
    """<h1>Government and Business Forum launched in Perth</h1>
<p>The Bali Process Government and Business Forum held its inaugural meeting in Perth, Western Australia, in
August 2017. It grew out of a decision taken at the Sixth Ministerial Conference in March 2016, when
governments agreed to work more closely with the private sector against forced labour and trafficking.</p>
<p>Forty business leaders from 29 member states attended, together with representatives of 37 governments and
4 international organisations.</p>
<p>The Forum is led by two business co-chairs, Andrew Forrest and Garibaldi Thohir, and reports to the foreign
ministers of the two countries that chair the process.</p>
<p>Its work is tied to the 2030 Agenda, in particular Target 8.7 of the Sustainable Development Goals, which
asks for an end to forced labour, modern slavery, human trafficking and child labour.</p>
<p>Business leaders now meet every two years, alongside the Ministerial Conference.</p>""",
    """<li><a href="/forum/2018">The 2018 Nusa Dua Forum</a></li>
<li><a href="/toolkit">Tools for business</a></li>""",
)

AHG2009_ROWS = [
    ("Afghanistan", "Participant"),
    ("Australia", "Co-Chair"),
    ("Bangladesh", "Participant"),
    ("India", "Participant"),
    ("Indonesia", "Co-Chair"),
    ("Malaysia", "Participant"),
    ("Maldives", "Participant"),
    ("Myanmar", "Participant"),
    ("New Zealand", "Participant"),
    ("Pakistan", "Participant"),
    ("Sri Lanka", "Participant"),
    ("Thailand", "Participant"),
    ("UNHCR", "Participant"),
    ("IOM", "Participant"),
    ("UNODC", "Participant"),
    ("ASEAN Secretariat", "Observer"),
]
AHG2009 = page(
    "First Meeting of the Ad Hoc Group Senior Officials",
    '<meta name="DC.date.issued" content="2009-07-30">',
    """<h1>First Meeting of the Ad Hoc Group Senior Officials</h1>
<p>The Co-Chairs of the Bali Process, Indonesia and Australia, hosted the first meeting of Ad Hoc Group senior
officials in Bali between 27 and 29 July 2009.</p>
<p>Ministers had reactivated the Ad Hoc Group at the Third Ministerial Conference, held in Bali on 14&ndash;15
April 2009, to work on practical responses at the operational level and on better information sharing among
the countries most affected.</p>
<p>Delegations from the following attended:</p>
<table class="participants"><thead><tr><th>Delegation</th><th>Attended as</th></tr></thead><tbody>
"""
    + "\n".join(f"<tr><td>{name}</td><td>{status}</td></tr>" for name, status in AHG2009_ROWS)
    + """
</tbody></table>
<p>Senior officials agreed to report to the Co-Chairs, through the Steering Group, with concrete
recommendations on people smuggling and trafficking in persons.</p>""",
    """<li><a href="/event/third">Third Ministerial Conference</a></li>
<li><a href="/event/fourth">Fourth Ministerial Conference</a></li>""",
    foot=FOOT.replace("</footer>", "<p>Page updated 2 May 2021</p></footer>"),
)

NEWSNAV = """<header><div class="logo">VietnamPlus</div><nav><ul><li><a href="/">Home</a></li>
<li><a href="/politics">Politics</a></li><li><a href="/business">Business</a></li><li><a href="/society">Society</a></li>
<li><a href="/world">World</a></li><li><a href="/sports">Sports</a></li></ul></nav></header>"""
DANANG = page(
    "Viet Nam hosts Bali Process Ad Hoc Group senior officials",
    '<meta property="article:published_time" content="2019-07-23T18:05:00+07:00">\n'
    '<meta property="og:site_name" content="VietnamPlus">',
    """<h1>Viet Nam hosts Bali Process Ad Hoc Group senior officials in Da Nang</h1>
<p>Da Nang (VNA) &ndash; Senior officials of the Bali Process Ad Hoc Group met in the central city of Da Nang on
Tuesday for their fourteenth meeting.</p>
<p>More than 100 delegates from 25 countries and territories took part.</p>
<p>Opening the meeting, Deputy Foreign Minister To Anh Dung said that the process should promote safe and legal
migration and tie its work more closely to ASEAN and to the Global Forum on Migration and Development. He
recalled that the Government and Business Forum, set up in 2017, contributes to the 2030 Agenda.</p>
<p>The Bali Process, launched by Australia and Indonesia in 2002 and co-chaired by them ever since, has 49
members, among them Viet Nam, the UAE and Türkiye as well as four international organisations: UNHCR, IOM,
UNODC and the ILO. A number of countries and agencies take part as observers.</p>
<p>The Ad Hoc Group brings together the members most affected by people smuggling and trafficking in persons,
together with the international organisations concerned.</p>""",
    """<li><a href="/a/1">Most read: Rice exports rise in first half</a></li>
<li><a href="/a/2">Da Nang welcomes record number of visitors</a></li>""",
    nav=NEWSNAV,
    foot="<footer><p>&copy; Vietnam News Agency. Reproduction requires permission.</p></footer>",
)

IDNAV = """<header><div class="logo">Warta Nusantara</div><nav><ul><li><a href="/">Beranda</a></li>
<li><a href="/nasional">Nasional</a></li><li><a href="/internasional">Internasional</a></li>
<li><a href="/ekonomi">Ekonomi</a></li><li><a href="/olahraga">Olahraga</a></li></ul></nav></header>"""
INDONESIAN = page(
    "Bali Process keenam hasilkan Deklarasi Bali",
    '<meta itemprop="datePublished" content="2016-03-23">',
    """<h1>Bali Process keenam hasilkan Deklarasi Bali</h1>
<p>Nusa Dua &ndash; Konferensi Tingkat Menteri Bali Process keenam resmi ditutup pada Rabu (23/3/2016) di Bali
International Convention Centre, Nusa Dua.</p>
<p>Pertemuan ini dipimpin bersama oleh Menteri Luar Negeri Indonesia Retno Marsudi dan Menteri Luar Negeri
Australia Julie Bishop.</p>
<p>Menurut Menlu Retno, konferensi dihadiri oleh 303 delegasi, termasuk 16 menteri, dari 44 negara anggota,
serta 12 negara peninjau dan delapan organisasi internasional.</p>
<p>Sebelum konferensi, kedua menteri telah bertemu di Jakarta pada 21 Maret 2016. Pertemuan pejabat tinggi
berlangsung sehari sebelumnya, 22 Maret 2016.</p>
<p>Sebelumnya Kementerian Luar Negeri memperkirakan konferensi akan diikuti 267 delegasi, termasuk 17 menteri,
dari 48 negara, ditambah 5 negara peninjau dan 6 organisasi internasional.</p>
<p>Konferensi mengesahkan dua dokumen, yaitu Pernyataan Ketua Bersama dan Deklarasi Bali tentang Penyelundupan
Manusia, Perdagangan Orang dan Kejahatan Lintas Negara Terkait.</p>
<p>Bali Process dibentuk pada tahun 2002 atas prakarsa Indonesia dan Australia.</p>""",
    """<li><a href="/b/1">Baca juga: Harga cabai naik menjelang Lebaran</a></li>
<li><a href="/b/2">Baca juga: Timnas U-19 menang tipis</a></li>""",
    nav=IDNAV,
    foot="<footer><p>Hak cipta &copy; Warta Nusantara. Dilarang mengutip tanpa izin.</p></footer>",
    lang="id",
)

# --- PDFs -----------------------------------------------------------------------------------------------


def _canvas(path: Path, title: str, created: dt.datetime):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setTitle(title)
    c.setAuthor("")
    ts = c._doc._timeStamp
    ts.YMDhms = (created.year, created.month, created.day, created.hour, created.minute, created.second)
    ts.dhh, ts.dmm = 0, 0
    return c, A4


def lines_pdf(
    path: Path, title: str, created: dt.datetime, pages: list[list[str]], header=None, footer=None, stamp=None
):
    """Pre-broken lines (so that the hyphenation is exactly as written), one list per page; header/footer
    are callables page_no, n_pages -> str (None for none); stamp = (top-left, top-right, bottom-left)."""
    c, (w, h) = _canvas(path, title, created)
    n = len(pages)
    for i, lines in enumerate(pages, start=1):
        if stamp:
            c.setFont("Helvetica", 8)
            c.drawString(30, h - 20, stamp[0])
            c.drawRightString(w - 30, h - 20, stamp[1])
            c.drawString(30, 18, stamp[2])
            c.drawRightString(w - 30, 18, f"{i}/{n}")
        if header:
            c.setFont("Helvetica-Oblique", 8)
            c.drawCentredString(w / 2, h - 40, header(i, n))
        if footer:
            c.setFont("Helvetica", 9)
            c.drawCentredString(w / 2, 40, footer(i, n))
        y = h - 80
        for line in lines:
            bold = line.startswith("**")
            c.setFont("Helvetica-Bold" if bold else "Times-Roman", 12 if bold else 11)
            c.drawString(72, y, line.removeprefix("**"))
            y -= 16 if line else 10
        c.showPage()
    c.save()


def two_column_pdf(path: Path, title: str, created: dt.datetime, heading: list[str], paragraphs: list[str]):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer

    w, h = A4
    doc = BaseDocTemplate(str(path), pagesize=A4, title=title, author="", invariant=1)
    top = h - 170
    col = (w - 120) / 2
    frames = [Frame(50, top - 250, col, 250, id="left"), Frame(70 + col, top - 250, col, 250, id="right")]

    def draw_heading(canv, _doc):
        canv.setFont("Helvetica-Bold", 13)
        y = h - 70
        for line in heading:
            canv.drawCentredString(w / 2, y, line)
            y -= 20

    doc.addPageTemplates([PageTemplate(id="two", frames=frames, onPage=draw_heading)])
    style = ParagraphStyle("body", fontName="Times-Roman", fontSize=10.5, leading=13.5, alignment=4)
    story = []
    for p in paragraphs:
        story += [Paragraph(p, style), Spacer(1, 8)]
    import reportlab.pdfbase.pdfdoc as pdfdoc

    orig = pdfdoc.PDFDocument.__init__

    def init(self, *a, **k):
        orig(self, *a, **k)
        self._timeStamp.YMDhms = (created.year, created.month, created.day, created.hour, created.minute, 0)
        self._timeStamp.dhh, self._timeStamp.dmm = 0, 0

    pdfdoc.PDFDocument.__init__ = init
    try:
        doc.build(story)
    finally:
        pdfdoc.PDFDocument.__init__ = orig


COCHAIRS_2016 = [
    "1. The Sixth Ministerial Conference of the Bali Process on People Smuggling, Trafficking in Persons and "
    "Related Transnational Crime was held in Nusa Dua, Bali, on 23 March 2016, after a meeting of senior "
    "officials on 22 March 2016.",
    "2. The Conference was co-chaired by H.E. Retno L.P. Marsudi, Minister for Foreign Affairs of the Republic "
    "of Indonesia, and the Hon. Julie Bishop MP, Minister for Foreign Affairs of Australia.",
    "3. In all, 303 delegates attended, 16 ministers among them, from 54 countries. Twelve observer countries "
    "and eight international organisations were also represented.",
    "4. Ministers adopted the Bali Declaration on People Smuggling, Trafficking in Persons and Related "
    "Transnational Crime, the first ministerial declaration in the history of the process.",
    "5. Ministers agreed that the Co-Chairs may consult affected and interested countries when an urgent "
    "irregular migration situation arises, and asked for a review of the regional response to the events in "
    "the Andaman Sea in 2015.",
    "6. The Steering Group, made up of Indonesia, Australia, Thailand, New Zealand, UNHCR and IOM, will oversee "
    "the review.",
    "7. Ministers welcomed closer engagement with the private sector and asked the Co-Chairs to appoint "
    "business co-chairs from Australia and Indonesia to lead a dialogue with business.",
    "8. Paragraph 3 of the Declaration recalls the Regional Cooperation Framework agreed in 2011.",
]

BRMC_2011 = [
    [
        "**FOURTH BALI REGIONAL MINISTERIAL CONFERENCE ON PEOPLE",
        "**SMUGGLING, TRAFFICKING IN PERSONS AND RELATED",
        "**TRANSNATIONAL CRIME",
        "",
        "Nusa Dua, Bali, 30 March 2011",
        "",
        "**CO-CHAIRS' STATEMENT",
        "",
        "1. The Fourth Bali Regional Ministerial Conference was held in Nusa Dua on",
        "Wednesday, 30 March 2011. It was co-chaired by Dr R.M. Marty M. Natalegawa,",
        "Minister for Foreign Affairs of Indonesia, and the Hon. Kevin Rudd MP, Minis-",
        "ter for Foreign Affairs of Australia. Senior officials had met on Tuesday, 29 March.",
        "",
        "2. Ahead of the meeting, organisers said that some 41 countries were expected,",
        "with at least eighteen ministers.",
        "",
        "3. Ministers welcomed Timor-Leste, the most recent country to join the process,",
        "which took part for the first time as a member.",
        "",
        "4. UNHCR and IOM sat in as observers. The meeting had been prepared by the Steer-",
        "ing Group, which consists of the two Co-Chairs, Thailand, UNHCR, IOM and New Zeal-",
        "and.",
    ],
    [
        "5. Ministers agreed on an inclusive but non-binding regional cooperation frame-",
        "work to reduce irregular movement through the region, and recalled that 2012",
        "would mark ten years since the first conference of February 2002.",
        "",
        "6. Ministers welcomed the outcomes of the workshop on protection, resettlement",
        "and repatriation held in Bali in June 2010 and of the workshop on refugees and",
        "irregular movements held in Manila in November 2010.",
        "",
        "7. Mr Rudd noted that transnational crime is worth some US$650 billion a year",
        "worldwide, and that people smuggling and trafficking are among its largest",
        "parts.",
    ],
]

AHG_2014 = [
    [
        "**BALI PROCESS AD HOC GROUP SENIOR OFFICIALS MEETING",
        "Canberra, Australia, 6 August 2014",
        "**CO-CHAIRS' STATEMENT",
        "",
        "1. The Co-Chairs of the Bali Process, Australia and Indonesia, hosted a meeting",
        "of Ad Hoc Group senior officials in Canberra on 6 August 2014.",
        "",
        "2. The meeting reviewed progress since the Fifth Ministerial Conference, held in",
        "Bali on 2 April 2013, and agreed on a strategy to take regional cooperation fur-",
        "ther.",
        "",
        "3. Taking part in the meeting were senior officials from Afgh-",
        "anistan, Australia, Bangladesh, Indonesia, Malaysia, Myanmar, New Zealand,",
        "Pakistan, the Philippines, Sri Lanka, Thailand, the United States and Viet Nam,",
        "together with the three member organisations UN-",
        "HCR, IOM and UNODC. India and the Maldives did not attend.",
        "",
        "4. Members acknowledged the work begun at the Special Conference on Irregular",
        "Movement of Persons, which Indonesia hosted in August 2013, and agreed to pur-",
        "sue the four pillars of the Jakarta Declaration: prevention, early detection,",
        "protection and prosecution.",
    ],
    [
        "5. Senior officials endorsed the Bali Process Strategy for Cooperation: 2014 and",
        "Beyond, a living document to be reviewed at least once a year by the Steering",
        "Group and the Ad Hoc Group.",
        "",
        "6. Table 2 of the annexed strategy lists activities for the two years ahead; the",
        "next Ministerial Conference is expected in 2015.",
        "",
        "7. The Regional Support Office in Bangkok, set up in 2012, will support the new",
        "activities.",
    ],
]

PRINTED_2018 = [
    [
        "**Seventh Bali Process conference goes ahead despite Lombok quake",
        "Nusa Dua, Bali | Published Monday, 6 August 2018",
        "Share this article: Facebook | Twitter | Email | Print",
        "",
        "Indonesia went ahead on Monday with the seventh Bali Process ministerial",
        "conference in Nusa Dua, although a strong earthquake had struck neighbouring",
        "Lombok on Sunday evening.",
        "",
        "The two-day meeting, co-chaired by Indonesia and Australia, runs until Tuesday.",
        "According to the Foreign Ministry, some 321 participants from 52 countries and",
        "eight international organisations were expected, including 26 ministers and",
        "vice-ministers.",
        "",
        "Foreign Minister Retno Marsudi said the conference would continue once the",
        "meteorology agency had ruled out a tsunami.",
    ],
    [
        "Australia's Foreign Minister Julie Bishop said the Bali Process brings together",
        "45 countries and around four international organisations.",
        "",
        "Update: at the close of the conference, organisers reported 281 delegates from",
        "46 countries and 10 international organisations; twenty-six ministers or",
        "officials of ministerial rank took part.",
        "",
        "Ministers were expected to adopt a declaration and an updated Strategy for",
        "Cooperation, and to hold the second Government and Business Forum alongside",
        "the conference, after its launch in Perth in 2017.",
        "",
        "Related articles: Lombok death toll rises | Tourists leave Gili islands",
    ],
]

# --- Word files -----------------------------------------------------------------------------------------


def docx_file(path: Path, title: str, created: dt.datetime, blocks: list):
    """blocks: ("h", text) heading, ("p", text) paragraph, ("t", header, rows) table."""
    import docx

    document = docx.Document()
    props = document.core_properties
    props.created = created
    props.modified = created
    props.last_printed = created
    props.title = title
    props.author = ""
    props.last_modified_by = ""
    props.revision = 1
    for block in blocks:
        if block[0] == "h":
            document.add_heading(block[1], level=1)
        elif block[0] == "p":
            document.add_paragraph(block[1])
        else:
            add_table(document, block[1], block[2])
    save_fixed(document, path)


def add_table(document, header: list[str], rows: list[list[str]]) -> None:
    """A grid table with a header row (also used by tools/make_heldout2.py)."""
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text


def save_fixed(document, path: Path) -> None:
    """Save a python-docx document with its zip entries dated 2000-01-01 (the entries carry the time of
    saving otherwise), so that the file is the same on every run."""
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))


CONSULTATION_2017 = [
    (
        "h",
        "Joint Statement by the Foreign Ministers of Australia and Indonesia on the first meeting of the Bali Process Consultation Mechanism",
    ),
    ("p", "23 October 2017"),
    (
        "p",
        "Indonesia and Australia co-chaired the first meeting of the Bali Process Consultation Mechanism in Jakarta on 13 October 2017, convened to discuss the irregular migration crisis in the border region of Myanmar and Bangladesh.",
    ),
    (
        "p",
        "Besides the Co-Chairs, senior officials from the other members of the Steering Group and from the two most affected countries took part, as listed below.",
    ),
    (
        "t",
        ["Delegation", "Role at the meeting"],
        [
            ["Republic of Indonesia", "Co-Chair"],
            ["Australia", "Co-Chair"],
            ["Kingdom of Thailand", "Steering Group member"],
            ["New Zealand", "Steering Group member"],
            ["International Organization for Migration (IOM)", "Steering Group member"],
            ["UNHCR", "Steering Group member"],
            ["People's Republic of Bangladesh", "Affected country"],
            ["Republic of the Union of Myanmar", "Affected country"],
        ],
    ),
    (
        "p",
        "The meeting allowed frank dialogue between the Steering Group and the affected countries. As all participants agreed, the discussions remain confidential, and informal consultations continue.",
    ),
    (
        "p",
        "Ministers created the Consultation Mechanism at the Sixth Ministerial Conference in March 2016, so that the Co-Chairs can respond quickly to urgent irregular migration situations.",
    ),
    ("p", "Media enquiries: please contact the media liaison units of the two foreign ministries."),
]

ADHOC_2013 = [
    ("h", "Bali Process: the Steering Group and the Ad Hoc Group"),
    ("p", "Background note for the Fifth Bali Regional Ministerial Conference, Bali, 1–2 April 2013"),
    (
        "p",
        "The Fifth Bali Regional Ministerial Conference (BRMC V) will be co-chaired by Indonesia's Foreign Minister Marty Natalegawa and Australia's Foreign Minister Bob Carr.",
    ),
    (
        "p",
        "Six members form the Steering Group; together with eleven other countries they make up the Ad Hoc Group of the members most affected. The table lists the 17 members of the Ad Hoc Group and their status.",
    ),
    (
        "t",
        ["Member", "Status"],
        [
            ["Indonesia", "Co-Chair; Steering Group"],
            ["Australia", "Co-Chair; Steering Group"],
            ["New Zealand", "Steering Group"],
            ["Thailand", "Steering Group"],
            ["UNHCR", "Steering Group"],
            ["IOM", "Steering Group"],
            ["Afghanistan", "Ad Hoc Group"],
            ["Bangladesh", "Ad Hoc Group"],
            ["India", "Ad Hoc Group"],
            ["Malaysia", "Ad Hoc Group"],
            ["Maldives", "Ad Hoc Group"],
            ["Myanmar", "Ad Hoc Group"],
            ["Pakistan", "Ad Hoc Group"],
            ["Philippines", "Ad Hoc Group"],
            ["Sri Lanka", "Ad Hoc Group"],
            ["United States of America", "Ad Hoc Group"],
            ["Viet Nam", "Ad Hoc Group"],
        ],
    ),
    (
        "p",
        "Other members of the process, China, Japan and the Republic of Korea among them, attend the ministerial conference but not the Ad Hoc Group.",
    ),
    ("p", "Police and immigration officers of Hong Kong SAR are expected to join China's delegation."),
]

JAKARTA_2013 = [
    ("h", "Thirteen countries endorse Jakarta Declaration on irregular movement"),
    ("p", "Jakarta, Wednesday 21 August 2013"),
    (
        "p",
        "Ministers and senior officials from thirteen countries of origin, transit and destination in the Asia-Pacific endorsed the Jakarta Declaration on Addressing Irregular Movement of Persons on Tuesday, at the close of a half-day Special Conference hosted by Indonesia.",
    ),
    (
        "p",
        "Taking part were Afghanistan, Australia, Bangladesh, Cambodia, Indonesia, Malaysia, Myanmar, New Zealand, Pakistan, Papua New Guinea, the Philippines, Sri Lanka and Thailand. The UN refugee agency and the International Organization for Migration were also present.",
    ),
    (
        "p",
        "The declaration rests on four pillars: prevention, early detection, protection and prosecution. It supports the Bali Process and urges states to ratify and implement the UN Convention against Transnational Organized Crime.",
    ),
    (
        "p",
        "UNHCR's Director of International Protection, Volker Türk, called for a regional road map and a \u201cpact of solidarity\u201d.",
    ),
    ("p", "Officials are to report on progress to the Bali Process Ad Hoc Group in 2014."),
]

# --- text file ------------------------------------------------------------------------------------------

TFPP_2017 = """BALI PROCESS TASK FORCE ON PLANNING AND PREPAREDNESS
Inaugural meeting, Bangkok, 27 January 2017
Summary of the Co-Chairs' statement

The Task Force on Planning and Preparedness of the Bali Process met for
the first time in Bangkok on 27 January 2017, under the chairmanship of
the two Co-Chairs, Australia and Indonesia.

The meeting recalled that Ministers, at the Sixth Ministerial Conference
on 23 March 2016, had created a Consultation Mechanism and asked for a
review of the irregular migration events in the Andaman Sea in 2015.
Senior officials endorsed that review at the 11th Ad Hoc Group meeting
in Colombo on 16 November 2016.

Representatives of IOM, UNHCR and UNODC attended; IOM spoke for all
three, drawing lessons from the Andaman Sea (2015) and the Mediterranean
(2016).

Officials from around ten member states took part, among them
Bangladesh, Malaysia, Myanmar, Papua New
Guinea, the Kingdom of Thailand and Lao PDR.

The Task Force agreed to meet at least once a year and to hold a
table-top exercise in 2018.
"""


def main(argv: list[str] | None = None) -> int:
    """``make_heldout.py [DIR]``: write the raw files into DIR (default: data/eval/heldout/raw)."""
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else OUT
    out.mkdir(parents=True, exist_ok=True)
    for name, text in {
        "ho-adelaide-2023.html": ADELAIDE,
        "ho-gabf-perth-2017.html": GABF,
        "ho-ahg-first-2009.html": AHG2009,
        "ho-ahg-danang-2019.html": DANANG,
        "ho-bali-process-2016-id.html": INDONESIAN,
        "ho-tfpp-2017.txt": TFPP_2017,
    }.items():
        (out / name).write_text(text, encoding="utf-8")
    two_column_pdf(
        out / "ho-cochairs-2016-twocol.pdf",
        "",
        dt.datetime(2016, 3, 23, 18, 0),
        [
            "SIXTH MINISTERIAL CONFERENCE OF THE BALI PROCESS",
            "Co-Chairs' Statement (summary)",
            "Bali, Indonesia, 23 March 2016",
        ],
        COCHAIRS_2016,
    )
    lines_pdf(
        out / "ho-brmc-2011-statement.pdf",
        "",
        dt.datetime(2011, 3, 31, 9, 30),
        BRMC_2011,
        header=lambda i, n: "Bali Process - Fourth Regional Ministerial Conference - Co-Chairs' Statement",
        footer=lambda i, n: f"Page {i} of {n}",
    )
    lines_pdf(
        out / "ho-ahg-canberra-2014.pdf",
        "",
        dt.datetime(2014, 8, 7, 11, 0),
        AHG_2014,
        header=lambda i, n: "AD HOC GROUP SENIOR OFFICIALS MEETING - CANBERRA - 6 AUGUST 2014",
        footer=lambda i, n: f"- {i} -",
    )
    lines_pdf(
        out / "ho-brmc-2018-printed.pdf",
        "Seventh Bali Process conference goes ahead despite Lombok quake",
        dt.datetime(2026, 11, 20, 15, 42),
        PRINTED_2018,
        stamp=(
            "11/20/26, 3:42 PM",
            "Seventh Bali Process conference goes ahead despite Lombok quake - News",
            "file:///C:/Users/researcher/Downloads/bali-process-2018-08-06.html",
        ),
    )
    utc = dt.UTC
    docx_file(out / "ho-consultation-2017.docx", "", dt.datetime(2012, 6, 14, 2, 0, tzinfo=utc), CONSULTATION_2017)
    docx_file(out / "ho-adhoc-group-2013.docx", "", dt.datetime(2013, 3, 28, 5, 0, tzinfo=utc), ADHOC_2013)
    docx_file(out / "ho-jakarta-2013.docx", "", dt.datetime(2013, 8, 21, 7, 0, tzinfo=utc), JAKARTA_2013)
    print(f"wrote {len(list(out.iterdir()))} files to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
