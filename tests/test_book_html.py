"""Checks on the built HTML book (_build/html, from `make book`): links, figures (captions, alt text, source
lines), errors and glue.

myst-nb 1.4 leaves no marker in the HTML when a glue key is missing (or has no output of the asked
type): a {glue:text} role renders as nothing and a {glue:figure} directive disappears, with only a build
warning. So the glue check compares each chapter's references with the keys glued by the notebook as the
book executed it (_build/jupyter_execute) and with what was pasted into the page.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from conftest import REPO, html_pages, source_of, toc_docnames, toc_notebooks

URL_ATTRS = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src", "iframe": "src"}
ERROR_CLASSES = ("traceback", "stderr", "output_error", "system-message", "problematic")
ROLE_RE = re.compile(r"\{glue(?::(\w*))?\}`([^`]+)`")
DIRECTIVE_RE = re.compile(r"^(?:`{3,}|:{3,})\{glue(?::(\w*))?\}[ \t]+(\S+)[ \t]*\n((?:[ \t]*:\w+:.*\n)*)", re.M)
GLUE_PREFIX = "application/papermill.record/"


@functools.cache
def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@functools.cache
def anchors(path: Path) -> frozenset[str]:
    page = soup(path)
    return frozenset(
        [t["id"] for t in page.find_all(id=True)] + [t["name"] for t in page.find_all("a", attrs={"name": True})]
    )


def article(path: Path) -> Tag:
    page = soup(path)
    return page.find("article", class_="bd-article") or page.find("main") or page


def page_urls(page: BeautifulSoup) -> list[tuple[str, str]]:
    """(tag name, URL) of every link and embedded resource, plus a meta refresh target."""
    urls = [
        (tag.name, tag[attr])
        for tag_name, attr in URL_ATTRS.items()
        for tag in page.find_all(tag_name)
        if tag.get(attr)
    ]
    for meta in page.find_all("meta", attrs={"http-equiv": re.compile("refresh", re.I)}):
        match = re.search(r"url=(\S+)", meta.get("content", ""), re.I)
        if match:
            urls.append(("meta", match.group(1).strip("'\"")))
    return urls


def link_problems(built: Path) -> list[str]:
    """Broken internal links, images and anchors, and external resources, of every page under ``built``."""
    root = built.resolve()
    problems = []
    for path in html_pages(built):
        where = path.relative_to(built)
        for tag, url in page_urls(soup(path)):
            parts = urlsplit(url)
            if parts.scheme or parts.netloc:
                if tag != "a" and parts.scheme in ("http", "https", ""):
                    problems.append(f"{where}: <{tag}> loads an external resource {url}")
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path.resolve()
            if target.is_dir():
                target = target / "index.html"
            if root not in target.parents and target != root:
                problems.append(f"{where}: <{tag}> {url} points outside the book")
            elif not target.is_file():
                problems.append(f"{where}: <{tag}> {url} does not exist")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in anchors(target):
                problems.append(f"{where}: <{tag}> {url}: no id {parts.fragment!r} in {target.relative_to(root)}")
    return problems


def test_every_internal_link_anchor_and_image_resolves(built_html: Path) -> None:
    problems = link_problems(built_html)
    assert not problems, f"{len(problems)} broken links:\n" + "\n".join(problems[:40])


def test_every_toc_entry_has_a_page_with_a_title(built_html: Path) -> None:
    missing = [d for d in toc_docnames() if not (built_html / f"{d}.html").is_file()]
    assert not missing, f"no HTML page for toc entries {missing}"
    untitled = [d for d in toc_docnames() if not article(built_html / f"{d}.html").find("h1")]
    assert not untitled, f"pages without an h1 title: {untitled}"


def figure_problems(page: Tag) -> list[str]:
    """Every figure needs a caption; fig-* figures an image with alt text; tbl-* figures a table."""
    problems = []
    for figure in page.find_all("figure"):
        name = figure.get("id", "(no id)")
        caption = figure.find(class_="caption-text")
        if caption is None or not caption.get_text(strip=True):
            problems.append(f"figure {name} has no caption")
        if name.startswith("fig-") and not figure.find("img"):
            problems.append(f"figure {name} holds no image (shown as {figure.get_text(' ', strip=True)[:60]!r})")
        if name.startswith("tbl-") and not figure.find("table"):
            problems.append(f"table {name} holds no <table>")
    for img in page.find_all("img"):
        alt, src = (img.get("alt") or "").strip(), img.get("src", "")
        if not alt or alt == src or alt == Path(src).name:
            problems.append(f"image {src} has no alt text (alt={alt!r})")
        if img.find_parent("figure") is None:
            problems.append(f"image {src} is not in a captioned figure (a cell output shown twice?)")
    return problems


@pytest.mark.parametrize("docname", toc_notebooks())
def test_chapter_figures_have_captions_and_alt_text(built_html: Path, docname: str) -> None:
    problems = figure_problems(article(built_html / f"{docname}.html"))
    assert not problems, f"{docname}:\n" + "\n".join(problems)


def unsourced_figures(page: Tag, page_path: Path) -> list[str]:
    """The fig-* figures whose image prints no "Source: ..." line under the figure (baliprocess.plotting.add_source:
    matplotlib writes each text of an SVG as a comment beside its glyphs, so the line is read from the file)."""
    problems = []
    for figure in page.find_all("figure", id=re.compile(r"^fig-")):
        for img in figure.find_all("img"):
            image = page_path.parent / unquote(urlsplit(img.get("src", "")).path)
            if not image.is_file() or "Source: " not in image.read_text(encoding="utf-8", errors="replace"):
                problems.append(f"figure {figure['id']}: no source line in {img.get('src')}")
    return problems


@pytest.mark.parametrize("docname", toc_notebooks())
def test_every_chapter_figure_prints_its_source(built_html: Path, docname: str) -> None:
    path = built_html / f"{docname}.html"
    problems = unsourced_figures(article(path), path)
    assert not problems, f"{docname}:\n" + "\n".join(problems)


def test_a_figure_without_a_source_line_is_found(tmp_path: Path) -> None:
    (tmp_path / "_images").mkdir()
    (tmp_path / "_images" / "a.svg").write_text("<svg><!-- Source: corpus documents --></svg>", encoding="utf-8")
    (tmp_path / "_images" / "b.svg").write_text("<svg><!-- Words after cleaning --></svg>", encoding="utf-8")
    page = BeautifulSoup(
        '<figure id="fig-a"><img src="_images/a.svg"/></figure><figure id="fig-b"><img src="_images/b.svg"/></figure>'
        '<figure id="fig-c"><img src="_images/c.svg"/></figure><figure id="tbl-d"><img src="_images/b.svg"/></figure>',
        "html.parser",
    )
    assert unsourced_figures(page, tmp_path / "page.html") == [
        "figure fig-b: no source line in _images/b.svg",
        "figure fig-c: no source line in _images/c.svg",
    ]


def error_problems(page: Tag) -> list[str]:
    """Error/stderr outputs, Sphinx system messages, unresolved references and citations."""
    problems = [
        f"element with class {cls!r}: {el.get_text(' ', strip=True)[:120]!r}"
        for cls in ERROR_CLASSES
        for el in page.find_all(class_=cls)
    ]
    if "Traceback (most recent call last)" in page.get_text():
        problems.append("a Python traceback is printed")
    problems += [
        f"unresolved reference {el.get_text(strip=True)!r}"
        for el in page.find_all(class_="xref")
        if el.find_parent("a") is None and el.name != "a"
    ]
    problems += [
        f"unresolved citation {el.get_text(strip=True)!r}"
        for el in page.find_all(class_="bibtex-citation")
        if el.find("a") is None
    ]
    return problems


@pytest.mark.parametrize("docname", toc_docnames())
def test_no_error_output_or_unresolved_reference(built_html: Path, docname: str) -> None:
    problems = error_problems(article(built_html / f"{docname}.html"))
    assert not problems, f"{docname}:\n" + "\n".join(problems)


def glue_references(markdown: str) -> tuple[list[tuple[str, str]], list[tuple[str, str, str | None]]]:
    """Inline roles as (kind, key) and directives as (kind, key, :name:) found in MyST markdown."""
    roles = [(kind or "any", key.split(":")[0] if "::" not in key else key) for kind, key in ROLE_RE.findall(markdown)]
    directives = []
    for kind, key, options in DIRECTIVE_RE.findall(markdown):
        name = re.search(r":name:\s*(\S+)", options)
        directives.append((kind or "any", key, name.group(1) if name else None))
    return roles, directives


def glued_keys(executed: Path) -> dict[str, set[str]]:
    """Key -> mime types of every glue() call of a notebook as the book executed it.

    myst-nb moves glue outputs out of the executed notebook into a sidecar ``NAME.glue.json``.
    """
    outputs = []
    sidecar = executed.with_suffix(".glue.json")
    if sidecar.is_file():
        outputs += json.loads(sidecar.read_text(encoding="utf-8")).values()
    outputs += [o for c in nbformat.read(executed, as_version=4).cells for o in c.get("outputs", [])]
    keys: dict[str, set[str]] = {}
    for output in outputs:
        name = output.get("metadata", {}).get("scrapbook", {}).get("name")
        if name:
            keys.setdefault(name, set()).update(m.removeprefix(GLUE_PREFIX) for m in output.get("data", {}))
    return keys


NEEDED_MIME = {"text": "text/plain", "md": "text/markdown", "math": "text/latex"}


def glue_problems(markdown: str, keys: dict[str, set[str]], page: Tag) -> list[str]:
    """Glue references of ``markdown`` with no glued key (or mime type), or not pasted into ``page``."""
    roles, directives = glue_references(markdown)
    problems = []
    for kind, key, _ in [(k, key, None) for k, key in roles] + directives:
        if "::" in key:
            continue  # glued in another document; the count check below still sees the result
        if key not in keys:
            problems.append(f"{{glue:{kind}}}`{key}`: no such key glued by the notebook")
        elif kind in NEEDED_MIME and NEEDED_MIME[kind] not in keys[key]:
            problems.append(f"{{glue:{kind}}}`{key}`: glued without {NEEDED_MIME[kind]}")
    n_text = sum(1 for kind, _ in roles if kind == "text")
    n_pasted = len(page.find_all(class_="pasted-text"))
    if n_pasted != n_text:
        problems.append(f"{n_text} {{glue:text}} references in the source but {n_pasted} pasted in the page")
    for kind, key, name in directives:
        target = page.find(id=name) if name else None
        if name and target is None:
            problems.append(f"{{glue:{kind}}} {key}: no element with id {name!r} in the page")
        elif target is not None:
            body = [c for c in target.children if isinstance(c, Tag) and c.name != "figcaption"]
            if not body:
                problems.append(f"{{glue:{kind}}} {key} ({name}): nothing pasted besides the caption")
    return problems


ONLY_BLOCK = re.compile(r"^(`{3,}|:{3,})\{only\}[ \t]+(.+?)[ \t]*\n.*?^\1[ \t]*$", re.M | re.S)


def built_on_shipped_corpus(built_html: Path) -> bool:
    """Whether the book in ``built_html`` was built on the shipped corpus (book/_ext/corpus_tags.py writes
    it into every page)."""
    found = re.search(
        r'<meta name="baliprocess-corpus" content="(\w+)"', (built_html / "book" / "intro.html").read_text("utf-8")
    )
    assert found, "book/intro.html does not say which corpus it was built on (book/_ext/corpus_tags.py)"
    return found.group(1) == "shipped"


def drop_excluded_only_blocks(markdown: str, shipped: bool) -> str:
    """The markdown without the ``{only}`` blocks that the build left out (tag ``shipped_corpus`` only)."""

    def keep(match: re.Match) -> str:
        expression = match.group(2).strip()
        included = {"shipped_corpus": shipped, "not shipped_corpus": not shipped}.get(expression, True)
        return match.group(0) if included else ""

    return ONLY_BLOCK.sub(keep, markdown)


@pytest.mark.parametrize("docname", toc_notebooks())
def test_every_glue_reference_is_filled(built_html: Path, docname: str) -> None:
    executed = built_html.parent / "jupyter_execute" / f"{docname}.ipynb"
    assert executed.is_file(), f"{executed} missing: the book did not execute {docname}"
    markdown = "\n\n".join(
        c.source for c in nbformat.read(source_of(docname), as_version=4).cells if c.cell_type == "markdown"
    )
    keys, page = glued_keys(executed), article(built_html / f"{docname}.html")
    # The count of pasted values is checked on the text this build shows; every key must be glued, even
    # inside an {only} block the build leaves out (a reader's corpus shows the other branch).
    shown = drop_excluded_only_blocks(markdown, built_on_shipped_corpus(built_html))
    problems = glue_problems(shown, keys, page) + [
        p for p in glue_problems(markdown, keys, page) if "no such key" in p or "glued without" in p
    ]
    assert not problems, f"{docname}:\n" + "\n".join(dict.fromkeys(problems))


def test_glue_check_catches_missing_keys_and_pastes() -> None:
    markdown = (
        "{glue:text}`a:.0%` and {glue:text}`b` and {glue:md}`c`\n\n"
        "```{glue:figure} d\n:name: fig-d\n\nCap.\n```\n\n```{glue:figure} e\n:name: tbl-e\n```\n"
    )
    page = BeautifulSoup(
        '<p><span class="pasted-text">5%</span> and  and </p><figure id="fig-d"><figcaption>Cap.</figcaption></figure>',
        "html.parser",
    )
    keys = {"a": {"text/plain"}, "c": {"text/plain"}, "d": {"image/png"}, "e": {"text/html"}}
    assert glue_problems(markdown, keys, page) == [
        "{glue:text}`b`: no such key glued by the notebook",
        "{glue:md}`c`: glued without text/markdown",
        "2 {glue:text} references in the source but 1 pasted in the page",
        "{glue:figure} d (fig-d): nothing pasted besides the caption",
        "{glue:figure} e: no element with id 'tbl-e' in the page",
    ]


def test_glue_reference_parser_sees_every_form() -> None:
    markdown = (
        "A {glue:text}`n:,` B {glue}`x` C {glue:}`y` D {glue:md}`z` E {glue:text}`other::k`\n\n"
        "```{glue:figure} fig_a\n:name: fig-a\n:alt: Alt\n\nCaption.\n```\n\n"
        ":::{glue:figure} tbl_b\n:figwidth: 100%\n:name: tbl-b\n:::\n\n```{glue} bare\n```\n"
    )
    roles, directives = glue_references(markdown)
    assert roles == [("text", "n"), ("any", "x"), ("any", "y"), ("md", "z"), ("text", "other::k")]
    assert directives == [("figure", "fig_a", "fig-a"), ("figure", "tbl_b", "tbl-b"), ("any", "bare", None)]


def test_checks_catch_known_defects() -> None:
    """Each defect seen while writing these tests (or left by myst-nb/Sphinx) is reported."""
    page = BeautifulSoup(
        '<article><figure id="fig-a"><div class="output text_plain"><pre>&lt;Figure size 750x360&gt;</pre></div>'
        '<figcaption><p><span class="caption-text">Words.</span></p></figcaption></figure>'
        '<figure id="tbl-b"><figcaption><p><span class="caption-text"> </span></p></figcaption></figure>'
        '<div class="cell_output"><img alt="_images/x.png" src="_images/x.png"/></div>'
        '<div class="output traceback"><pre>ZeroDivisionError</pre></div>'
        '<p><span class="xref std std-ref">sec-nope</span> <span class="bibtex-citation">[]</span>'
        '<a class="reference internal" href="#x"><span class="xref myst">ok</span></a></p></article>',
        "html.parser",
    )
    assert figure_problems(page) == [
        "figure fig-a holds no image (shown as '<Figure size 750x360> Words.')",
        "figure tbl-b has no caption",
        "table tbl-b holds no <table>",
        "image _images/x.png has no alt text (alt='_images/x.png')",
        "image _images/x.png is not in a captioned figure (a cell output shown twice?)",
    ]
    assert error_problems(page) == [
        "element with class 'traceback': 'ZeroDivisionError'",
        "unresolved reference 'sec-nope'",
        "unresolved citation '[]'",
    ]


def test_link_check_catches_broken_links(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "p.html").write_text(
        '<p id="here"><a href="#here">ok</a><a href="q.html#gone">x</a><a href="../missing.html">y</a>'
        '<img src="../_images/none.png" alt="z"/><script src="https://cdn.example.org/x.js"></script>'
        '<a href="https://example.org/">fine</a><a href="p.html#here">ok</a></p>',
        encoding="utf-8",
    )
    (tmp_path / "a" / "q.html").write_text('<meta http-equiv="refresh" content="0; url=p.html"/>', encoding="utf-8")
    assert link_problems(tmp_path) == [
        "a/p.html: <a> q.html#gone: no id 'gone' in a/q.html",
        "a/p.html: <a> ../missing.html does not exist",
        "a/p.html: <img> ../_images/none.png does not exist",
        "a/p.html: <script> loads an external resource https://cdn.example.org/x.js",
    ]


def test_only_blocks_left_out_of_the_build_are_dropped() -> None:
    markdown = "a\n```{only} shipped_corpus\nX\n```\n\n```{only} not shipped_corpus\nY\n```\nb"
    shipped, other = drop_excluded_only_blocks(markdown, True), drop_excluded_only_blocks(markdown, False)
    assert "X" in shipped and "Y" not in shipped
    assert "Y" in other and "X" not in other
    assert shipped.startswith("a") and shipped.endswith("b")


def test_the_book_says_how_to_cite_and_rerun_it(built_html: Path) -> None:
    """The "How to cite" page renders CITATION.cff; every page's footer names the version and links to it;
    the introduction links to it; every chapter ends with how to rerun it; the redirect page has a title
    and a language."""
    cff = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    cite = BeautifulSoup((built_html / "book" / "cite.html").read_text(encoding="utf-8"), "html.parser")
    text = " ".join(cite.select_one("article").get_text(" ").split())
    assert cff["title"] in text and re.search(rf"Version\s*:\s*{re.escape(str(cff['version']))}", text), text[:300]
    assert "@software" in text and "[Computer software]" in text
    problems = []
    for docname in toc_docnames():
        page = BeautifulSoup((built_html / f"{docname}.html").read_text(encoding="utf-8"), "html.parser")
        footer = page.select_one("p.book-version")
        if footer is None or f"Version {cff['version']}" not in footer.get_text(" "):
            problems.append(f"{docname}: no version in the footer")
        elif docname != "book/cite" and not footer.find("a", href=re.compile(r"(^|/)cite\.html$")):
            problems.append(f"{docname}: the footer does not link to the citation page")
        if docname in toc_notebooks():
            note = page.select_one(".rerun-note")
            if note is None or "make lab" not in note.get_text() or f"{docname}.ipynb" not in note.get_text():
                problems.append(f"{docname}: no note on how to rerun the chapter")
    assert not problems, problems
    intro = BeautifulSoup((built_html / f"{toc_docnames()[0]}.html").read_text(encoding="utf-8"), "html.parser")
    assert intro.select_one("article").find("a", href=re.compile(r"cite\.html#cite$|cite\.html$"))
    assert "make lab" in intro.select_one("article").get_text()
    index = (built_html / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in index and f"<title>{cff['title']}</title>" in index


def test_no_page_names_the_checkout_path(built_html: Path) -> None:
    """The book reads the same from any checkout: no page gives the path of the machine that built it (a
    bibliography note once did)."""
    found = [p.relative_to(built_html).as_posix() for p in html_pages(built_html) if str(REPO) in p.read_text("utf-8")]
    assert not found, f"{REPO} is named in {found}"
