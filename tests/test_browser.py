"""Every page of the built book in a real headless Chromium, served from 127.0.0.1, at desktop width; the
phone width is tests/test_browser_phone.py, a file of its own so that pytest-xdist runs the two passes on
two workers at once.

Fails on any console error, page error, failed or 4xx/5xx same-origin request, and on any request to
another origin (the book must work offline; such requests are aborted, never sent). Saves a full-page
screenshot of the first screen of each toc page under _build/screenshots/.

Accessibility: axe-core (WCAG 2.1 A and AA, and best practice) on every page at a desktop and a phone
width; any violation fails unless it is in ``AXE_ALLOWED``, an explicit list of known findings, each with
its reason (the same list is in the README). An entry that no longer matches anything at a width it names
also fails, so the list only ever shrinks.
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
    MEMO_COLOR_PARSE,
    REPO,
    Tab,
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
    """Every page once at desktop width, one after another in one tab: console, requests, screenshot,
    reading measures, axe-core. Redirect-only pages (index.html) are opened in a tab of their own but neither
    measured nor audited. One load of each page serves every check of this module that reads whole pages."""
    chapters = {f"{d}.html": d.replace("/", "__") for d in toc_docnames()}
    pages = [p.relative_to(built_html).as_posix() for p in html_pages(built_html)]
    audited = [p for p in pages if not is_redirect(built_html / p)]
    problems, findings, reading = [], [], {}
    with serve(built_html) as base_url:
        tab = Tab(chromium, base_url, WIDTHS["desktop"])
        try:
            for page in pages:
                if page not in audited:  # a redirect, opened in a tab of its own
                    problems += [f"{page}: {p}" for p in visit(chromium, base_url, page)]
                    continue
                shot = SCREENSHOTS / f"{chapters[page]}.png" if page in chapters else None
                seen = tab.visit(page, screenshot=shot, axe_findings=findings, measure=(READING_JS, reading))
                problems += [f"{page}: {p}" for p in seen]
        finally:
            tab.close()
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


def test_a_tab_reports_each_page_as_on_a_first_visit(tmp_path: Path, chromium) -> None:
    """Pages opened one after another in one tab: each page's problems are its own, and what a page stored
    is gone when the next opens."""
    (tmp_path / "a.html").write_text(
        "<html><body><script>localStorage.setItem('seen', '1'); sessionStorage.setItem('seen', '1');"
        "document.cookie = 'seen=1'; console.error('from a')</script></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "b.html").write_text('<html><body><img src="gone.png" alt="x"></body></html>', encoding="utf-8")
    stored = "localStorage.getItem('seen') || sessionStorage.getItem('seen') || document.cookie"
    with serve(tmp_path) as base_url:
        tab = Tab(chromium, base_url)
        try:
            first = tab.visit("a.html", probe=stored)
            second = tab.visit("b.html", probe=stored)
            third = tab.visit("b.html")
        finally:
            tab.close()
    assert "console error: from a" in first and f"probe is true after load: {stored}" in first
    assert not [p for p in first if "gone.png" in p or "404" in p]
    for later in (second, third):
        assert f"HTTP 404: {base_url}gone.png" in later
        assert not [p for p in later if "from a" in p or "probe" in p], later


@dataclass(frozen=True)
class Allowed:
    """A known axe-core finding: its rule, the pages (glob) and the node's markup (regex), why, and the widths
    (CSS pixels) at which it is found: each width's pass checks the entries of its width."""

    rule: str
    pages: str
    html: str
    reason: str
    widths: tuple[int, ...] = tuple(WIDTHS.values())

    def matches(self, finding: dict) -> bool:
        return (
            finding["rule"] == self.rule
            and finding["width"] in self.widths
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


def assert_no_unexpected_violation(findings: list[dict], width: int, allowed=AXE_ALLOWED) -> None:
    """Fails on a finding at ``width`` that no entry of ``allowed`` allows, and on an entry for ``width``
    that matches none of them (a stale entry: remove it, and from the README)."""
    unexpected, used = split_findings(findings, allowed)
    by_rule = collections.Counter((f["rule"], f["impact"], f["width"]) for f in findings)
    summary = ", ".join(f"{rule} ({impact}) at {at}px: {n}" for (rule, impact, at), n in sorted(by_rule.items()))
    assert not unexpected, f"{len(unexpected)} accessibility violations (all findings: {summary}):\n" + "\n".join(
        f"{f['page']} @{f['width']}px {f['rule']} ({f['impact']}): {f['target']} {f['html'][:120]}"
        for f in unexpected[:30]
    )
    stale = [f"{entry.rule} ({entry.html[:60]})" for entry, n in used.items() if n == 0 and width in entry.widths]
    assert not stale, (
        f"allow-list entries that match nothing any more at {width}px, remove them (and from the README): {stale}"
    )


def test_axe_finds_no_violation_from_the_project(browser_pass: dict) -> None:
    assert set(browser_pass["chapters"]) <= set(browser_pass["audited"])
    assert_no_unexpected_violation(browser_pass["findings"], WIDTHS["desktop"])


def test_stale_allow_list_entries_fail_only_at_their_widths() -> None:
    finding = {"page": "a.html", "width": WIDTHS["phone"], "rule": "region", "impact": "minor", "target": "x"}
    finding["html"] = "<div>x</div>"
    phone_only = Allowed("region", "*.html", r"<div>x</div>", "test", widths=(WIDTHS["phone"],))
    assert_no_unexpected_violation([finding], WIDTHS["phone"], (phone_only,))
    assert_no_unexpected_violation([], WIDTHS["desktop"], (phone_only,))  # not this width's entry
    with pytest.raises(AssertionError, match="match nothing any more at 390px"):
        assert_no_unexpected_violation([], WIDTHS["phone"], (phone_only,))
    with pytest.raises(AssertionError, match="1 accessibility violations"):
        assert_no_unexpected_violation([{**finding, "width": WIDTHS["desktop"]}], WIDTHS["desktop"], (phone_only,))


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


def test_memoised_colour_parser_gives_what_axe_parses(chromium) -> None:
    """``MEMO_COLOR_PARSE``: every colour, read twice (the second time from the memo), is what axe-core's
    own parser makes of it, and a text it cannot parse fails on every reading."""
    from axe_playwright_python.sync_playwright import Axe

    texts = ["rgb(25, 118, 210)", "rgba(0, 0, 0, 0)", "rgba(10, 20, 30, 0.5)", "transparent", "#ccc", "#1a2b3c80"]
    texts += ["hsl(1.2rad 50% 50%)", "hsl(0.25turn 40% 60%)", "color(srgb 0.2 0.4 0.6)", "oklch(70% 0.1 200)"]
    parse = """texts => texts.map((t) => { try { const c = new axe.commons.color.Color().parseString(t);
      return [c.r, c.g, c.b, c.alpha, c.red, c.green, c.blue]; } catch (e) { return String(e); } })"""
    page = chromium.new_page()
    try:
        page.evaluate(Axe().axe_script)
        before = page.evaluate(parse, [*texts, "no colour"])
        page.evaluate(MEMO_COLOR_PARSE)
        memoised = [page.evaluate(parse, [*texts, "no colour"]) for _ in range(2)]
    finally:
        page.close()
    assert memoised == [before, before] and before[-1] == 'Error: Unable to parse color "no colour"', before


def test_readme_lists_the_allow_list() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = [entry.rule for entry in AXE_ALLOWED if f"`{entry.rule}`" not in readme]
    assert not missing, f"README.md does not list the accessibility allow-list entries {missing}"


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


def reading_problems(reading: dict[str, dict], width: int) -> list[str]:
    """What ``READING_JS`` measured on each toc page at ``width`` that a reader would trip over. Both widths:
    no page scrolls sideways, every figure opens full size with a tap or click. 1280 px (desktop): figures
    are shown at their own size (their 9-pt text is not shrunk). 390 px (phone): every table that scrolls
    sideways is announced (hint, shadow) and keeps its first column in view."""
    problems = []
    for docname in toc_docnames():
        seen = reading[f"{docname}.html"]
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
    return problems


def test_pages_read_on_a_laptop(browser_pass: dict) -> None:
    """1280 px: no page scrolls sideways, figures are shown at their own size and open full size."""
    problems = reading_problems(browser_pass["reading"], WIDTHS["desktop"])
    assert not problems, "\n".join(problems)


def test_reading_checks_catch_what_a_reader_trips_over() -> None:
    good = {"sideways": 0, "unhinted": 0, "unsticky": 0, "figures": [{"src": "a.svg", "link": "a.svg"}]}
    good["figures"][0] |= {"shown": 600, "natural": 600}
    reading = {f"{d}.html": good for d in toc_docnames()}
    assert reading_problems(reading, WIDTHS["desktop"]) == reading_problems(reading, WIDTHS["phone"]) == []
    first = f"{toc_docnames()[0]}.html"
    shrunk = {**good, "figures": [{**good["figures"][0], "shown": 300}]}
    assert len(reading_problems({**reading, first: shrunk}, WIDTHS["desktop"])) == 1
    assert reading_problems({**reading, first: shrunk}, WIDTHS["phone"]) == []  # a phone shrinks figures
    table = {**good, "unhinted": 1, "unsticky": 2, "sideways": 5}
    assert len(reading_problems({**reading, first: table}, WIDTHS["phone"])) == 3
    assert len(reading_problems({**reading, first: table}, WIDTHS["desktop"])) == 1
    unlinked = {**good, "figures": [{**good["figures"][0], "link": None}]}
    assert len(reading_problems({**reading, first: unlinked}, WIDTHS["phone"])) == 1


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
