"""Every page of the built book in a real headless Chromium, served from 127.0.0.1.

Fails on any console error, page error, failed or 4xx/5xx same-origin request, and on any request to
another origin (the book must work offline; such requests are aborted, never sent). Saves a full-page
screenshot of the first screen of each toc page under _build/screenshots/.

Accessibility: axe-core (WCAG 2.1 A and AA, and best practice) on every page at a desktop and a phone
width; any violation fails unless it is in ``AXE_ALLOWED``, an explicit list of known findings, each with
its reason (the same list is in the README). An entry that no longer matches anything also fails, so the
list only ever shrinks.
"""

from __future__ import annotations

import collections
import fnmatch
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import (
    BUILD_HTML,
    REPO,
    axe_violations,
    html_pages,
    is_redirect,
    serve,
    toc_docnames,
    toc_notebooks,
    visit,
)

SCREENSHOTS = BUILD_HTML.parent / "screenshots"
WIDTHS = {"desktop": 1280, "phone": 390}


@pytest.fixture(scope="module")
def browser_pass(built_html: Path, chromium) -> dict:
    """Every page once at desktop width (console, requests, screenshot, reading measures, axe-core), then
    every page at phone width (reading measures, axe-core). Redirect-only pages (index.html) are opened but
    neither measured nor audited. One load of each page per width serves every check of this module that
    reads whole pages."""
    chapters = {f"{d}.html": d.replace("/", "__") for d in toc_docnames()}
    pages = [p.relative_to(built_html).as_posix() for p in html_pages(built_html)]
    audited = [p for p in pages if not is_redirect(built_html / p)]
    problems, findings = [], []
    reading: dict[int, dict[str, dict]] = {width: {} for width in WIDTHS.values()}
    with serve(built_html) as base_url:
        for page in pages:
            shot = SCREENSHOTS / f"{chapters[page]}.png" if page in chapters else None
            on = page in audited
            problems += [
                f"{page}: {p}"
                for p in visit(
                    chromium,
                    base_url,
                    page,
                    screenshot=shot,
                    axe_findings=findings if on else None,
                    measure=(READING_JS, reading[WIDTHS["desktop"]]) if on else None,
                )
            ]
        phone = WIDTHS["phone"]
        findings += axe_violations(chromium, base_url, audited, phone, measure=(READING_JS, reading[phone]))
    return {
        "chapters": chapters,
        "pages": pages,
        "audited": audited,
        "problems": problems,
        "findings": findings,
        "reading": reading,
    }


def test_every_page_loads_cleanly_offline(browser_pass: dict) -> None:
    chapters, pages, problems = browser_pass["chapters"], browser_pass["pages"], browser_pass["problems"]
    assert set(chapters) <= set(pages), f"toc pages missing from the build: {set(chapters) - set(pages)}"
    assert not problems, f"{len(problems)} problems in the browser:\n" + "\n".join(problems[:40])
    missing = [name for name in chapters.values() if not (SCREENSHOTS / f"{name}.png").is_file()]
    assert not missing, f"no screenshot for {missing}"


def test_browser_check_catches_errors_and_external_requests(tmp_path: Path, chromium) -> None:
    (tmp_path / "bad.html").write_text(
        '<html><body><img src="missing.png" alt="x"><script>console.error("boom")</script>'
        '<script src="https://cdn.example.org/x.js"></script></body></html>',
        encoding="utf-8",
    )
    with serve(tmp_path) as base_url:
        problems = visit(chromium, base_url, "bad.html")
    assert "console error: boom" in problems
    assert "external request blocked: https://cdn.example.org/x.js" in problems
    assert f"HTTP 404: {base_url}missing.png" in problems


@dataclass(frozen=True)
class Allowed:
    """A known axe-core finding: its rule, the pages (glob) and the node's markup (regex), and why."""

    rule: str
    pages: str
    html: str
    reason: str

    def matches(self, finding: dict) -> bool:
        return (
            finding["rule"] == self.rule
            and fnmatch.fnmatch(finding["page"], self.pages)
            and re.fullmatch(self.html, finding["html"].strip(), re.DOTALL) is not None
        )


# Empty: the theme's two label-content-name-mismatch findings (search field, colour-mode button) are fixed
# by the template overrides in book/_templates (search-button-field.html, theme-switcher.html).
AXE_ALLOWED: tuple[Allowed, ...] = ()


def split_findings(findings: list[dict], allowed=AXE_ALLOWED) -> tuple[list[dict], collections.Counter]:
    """The findings no entry allows, and how many findings each allow-list entry covers."""
    used: collections.Counter = collections.Counter({entry: 0 for entry in allowed})
    unexpected = []
    for finding in findings:
        entry = next((entry for entry in allowed if entry.matches(finding)), None)
        if entry is None:
            unexpected.append(finding)
        else:
            used[entry] += 1
    return unexpected, used


def test_axe_finds_no_violation_from_the_project(browser_pass: dict) -> None:
    assert set(browser_pass["chapters"]) <= set(browser_pass["audited"])
    findings = browser_pass["findings"]
    unexpected, used = split_findings(findings)
    by_rule = collections.Counter((f["rule"], f["impact"], f["width"]) for f in findings)
    summary = ", ".join(f"{rule} ({impact}) at {width}px: {n}" for (rule, impact, width), n in sorted(by_rule.items()))
    assert not unexpected, f"{len(unexpected)} accessibility violations (all findings: {summary}):\n" + "\n".join(
        f"{f['page']} @{f['width']}px {f['rule']} ({f['impact']}): {f['target']} {f['html'][:120]}"
        for f in unexpected[:30]
    )
    stale = [f"{entry.rule} ({entry.html[:60]})" for entry, n in used.items() if n == 0]
    assert not stale, f"allow-list entries that match nothing any more, remove them (and from the README): {stale}"


def test_axe_check_catches_violations_and_honours_the_allow_list(tmp_path: Path, chromium) -> None:
    (tmp_path / "bad.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main><h1>t</h1>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
        "<table><thead><tr><th></th><th>a</th></tr></thead><tbody><tr><th>x</th><td>1</td></tr></tbody></table>"
        '<div role="list"><div role="doc-biblioentry">entry</div></div></main></body></html>',
        encoding="utf-8",
    )
    with serve(tmp_path) as base_url:
        findings = axe_violations(chromium, base_url, ["bad.html"], WIDTHS["phone"])
    assert {"image-alt", "empty-table-header", "aria-required-children"} <= {f["rule"] for f in findings}
    allowed = (
        Allowed("empty-table-header", "*.html", r"<th></th>", "test"),
        Allowed("region", "never/*.html", r".*", "test"),
    )
    unexpected, used = split_findings(findings, allowed)
    rules_left = {f["rule"] for f in unexpected}
    assert "empty-table-header" not in rules_left and "image-alt" in rules_left
    assert used[allowed[0]] >= 1 and used[allowed[1]] == 0


def test_contrast_is_audited_once_per_row_style(tmp_path: Path, chromium) -> None:
    """Colour contrast skips a table row only when it repeats the styles of an earlier row of its body: a
    faint row among many readable ones, a faint cell in a later row and a faint first row are all found,
    and the faint rows that repeat one before them in their body are the ones skipped."""
    readable = "<tr><td>readable</td><td>one</td></tr>" * 20
    faint = '<tr style="color:#ccc"><td>faint</td><td>two</td></tr>'
    faint_cell = '<tr><td>readable</td><td><span style="color:#ddd">three</span></td></tr>'
    first = f"<tbody>{readable}{faint}{readable}{faint_cell}{faint}</tbody>"
    (tmp_path / "contrast.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main><h1>t</h1>'
        f"<table><thead><tr><th>a</th><th>b</th></tr></thead>{first}</table>"
        f"<table><thead><tr><th>c</th><th>d</th></tr></thead><tbody>{faint * 5}</tbody></table></main></body></html>",
        encoding="utf-8",
    )
    with serve(tmp_path) as base_url:
        findings = axe_violations(chromium, base_url, ["contrast.html"], WIDTHS["desktop"])
    found = sorted(f["html"] for f in findings if f["rule"] == "color-contrast")
    once = ["<td>faint</td>", "<td>two</td>"]  # one faint row per table body: the others repeat it
    assert found == sorted([*once, '<span style="color:#ddd">three</span>', *once]), found


def test_readme_lists_the_allow_list() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = [entry.rule for entry in AXE_ALLOWED if f"`{entry.rule}`" not in readme]
    assert not missing, f"README.md does not list the accessibility allow-list entries {missing}"


NAV_WIDTHS = (390, 768, 1024)


def _visible(page, selector: str):
    """The one visible element among those ``selector`` matches (the theme renders hidden duplicates)."""
    for element in page.locator(selector).all():
        if element.is_visible():
            return element
    return None


@pytest.mark.parametrize("width", NAV_WIDTHS)
def test_sidebar_buttons_open_the_chapter_list_and_page_contents(built_html: Path, chromium, width: int) -> None:
    """The visible toggles open the chapter list and the page's contents at phone, tablet and small-laptop
    widths (pydata-sphinx-theme issue 2451: book/_static/nav_toggle.js), and a chapter link there leads to
    that chapter."""
    chapters = toc_notebooks()
    start, goal = chapters[0], chapters[1]
    with serve(built_html) as base_url:
        context = chromium.new_context(viewport={"width": width, "height": 800})
        context.route(
            "**/*", lambda route: route.continue_() if route.request.url.startswith(base_url) else route.abort()
        )
        page = context.new_page()
        page.goto(f"{base_url}{start}.html", wait_until="load")
        # The page contents (secondary sidebar): shown beside the text only from 1200 px; below, a dialog.
        toggle = _visible(page, ".secondary-toggle")
        assert toggle is not None, f"{width}px: no visible button for the page contents"
        toggle.click()
        dialog = page.locator("#pst-secondary-sidebar-modal")
        assert dialog.evaluate("d => d.open"), f"{width}px: the page-contents button opens nothing"
        assert dialog.locator("nav.page-toc a").first.is_visible()
        page.keyboard.press("Escape")
        assert not dialog.evaluate("d => d.open")
        # The chapter list (primary sidebar): a dialog below 992 px; beside the text above, where the
        # button hides and shows it.
        toggle = _visible(page, ".primary-toggle")
        assert toggle is not None, f"{width}px: no visible button for the chapter list"
        sidebar = page.locator("#pst-primary-sidebar")
        if width < 992:
            toggle.click()
            dialog = page.locator("#pst-primary-sidebar-modal")
            assert dialog.evaluate("d => d.open"), f"{width}px: the chapter-list button opens nothing"
            links = dialog.locator(f'a[href$="{goal.split("/")[-1]}.html"]')
        else:
            assert sidebar.is_visible()
            toggle.click()
            page.wait_for_timeout(400)  # the theme's slide-out transition
            assert not sidebar.is_visible(), f"{width}px: the chapter-list button does not hide the list"
            toggle.click()
            page.wait_for_timeout(400)
            links = sidebar.locator(f'a[href$="{goal.split("/")[-1]}.html"]')
        links.first.click()
        page.wait_for_load_state("load")
        assert page.url.split("#")[0].endswith(f"{goal}.html"), f"{width}px: the link led to {page.url}"
        context.close()


READING_JS = """() => {
  const root = document.documentElement;
  const regions = [...document.querySelectorAll(".scrolls-sideways")];
  return {
    sideways: root.scrollWidth - root.clientWidth,
    regions: regions.length,
    unhinted: regions.filter((r) => { const h = r.previousElementSibling;
      return !(h && h.classList.contains("scroll-hint") && !h.hidden); }).length,
    unsticky: regions.filter((r) => { const cell = r.querySelector("tbody tr > :first-child");
      return cell && getComputedStyle(cell).position !== "sticky"; }).length,
    figures: [...document.querySelectorAll("article figure img")].map((img) => ({
      src: img.currentSrc, shown: img.getBoundingClientRect().width, natural: img.naturalWidth,
      link: img.closest("a.figure-full-size") ? img.closest("a").href : null })),
  };
}"""


def test_pages_read_on_a_phone_and_a_laptop(browser_pass: dict) -> None:
    """390 px: no page scrolls sideways, every table that does is announced (hint, shadow) and keeps its
    first column in view, every figure opens full size with a tap. 1280 px: no page scrolls sideways and
    figures are shown at their own size (their 9-pt text is not shrunk)."""
    problems = []
    for width in WIDTHS.values():
        for docname in toc_docnames():
            seen = browser_pass["reading"][width][f"{docname}.html"]
            where = f"{docname} @{width}px"
            if seen["sideways"] > 0:
                problems.append(f"{where}: the page scrolls sideways by {seen['sideways']} px")
            for figure in seen["figures"]:
                if width == WIDTHS["desktop"] and figure["shown"] < figure["natural"] - 2:
                    shown = f"{figure['shown']:.0f} of {figure['natural']} px"
                    problems.append(f"{where}: {figure['src']} shrunk to {shown}")
                if figure["link"] != figure["src"]:
                    problems.append(f"{where}: {figure['src']} does not open full size ({figure['link']})")
            if width == WIDTHS["phone"]:
                if seen["unhinted"]:
                    problems.append(f"{where}: {seen['unhinted']} sideways-scrolling tables without a hint")
                if seen["unsticky"]:
                    problems.append(f"{where}: {seen['unsticky']} such tables lose their first column")
    assert not problems, "\n".join(problems)


def test_a_followed_citation_is_marked_and_leads_back(built_html: Path, chromium) -> None:
    # The first chapter that cites the bibliography: on a corpus of the reader's own, chapter 1's citations
    # are all in its shipped-corpus commentary, which is left out.
    cites = 'href="../book/references.html#cite-'
    chapter = next(n for n in toc_notebooks() if cites in (built_html / f"{n}.html").read_text(encoding="utf-8"))
    with serve(built_html) as base_url:
        context = chromium.new_context(viewport={"width": WIDTHS["desktop"], "height": 900})
        page = context.new_page()
        page.goto(f"{base_url}{chapter}.html", wait_until="load")
        citation = page.locator('article a[href*="references.html#cite-"]').first
        target = citation.get_attribute("href").split("#")[1]
        citation.click()
        page.wait_for_load_state("load")
        entry = page.locator(f"#{target}")
        assert entry.evaluate("e => e.matches(':target')")
        assert entry.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
        entry.locator("a.cite-back").click()
        page.wait_for_load_state("load")
        assert page.url.split("#")[0].endswith(f"{chapter}.html")
        context.close()
