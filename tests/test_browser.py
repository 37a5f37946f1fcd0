"""Every page of the built book in a real headless Chromium, served from 127.0.0.1.

Fails on any console error, page error, failed or 4xx/5xx same-origin request, and on any request to
another origin (the book must work offline; such requests are aborted, never sent). Saves a full-page
screenshot of each toc page under _build/screenshots/.

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

from conftest import BUILD_HTML, REPO, axe_violations, html_pages, is_redirect, serve, toc_docnames, visit

SCREENSHOTS = BUILD_HTML.parent / "screenshots"
WIDTHS = {"desktop": 1280, "phone": 390}


@pytest.fixture(scope="module")
def browser_pass(built_html: Path, chromium) -> dict:
    """Every page once at desktop width (console, requests, screenshot, axe-core), then every page at phone
    width (axe-core only). Redirect-only pages (index.html) are opened but not audited."""
    chapters = {f"{d}.html": d.replace("/", "__") for d in toc_docnames()}
    pages = [p.relative_to(built_html).as_posix() for p in html_pages(built_html)]
    audited = [p for p in pages if not is_redirect(built_html / p)]
    problems, findings = [], []
    with serve(built_html) as base_url:
        for page in pages:
            shot = SCREENSHOTS / f"{chapters[page]}.png" if page in chapters else None
            problems += [
                f"{page}: {p}"
                for p in visit(
                    chromium, base_url, page, screenshot=shot, axe_findings=findings if page in audited else None
                )
            ]
        findings += axe_violations(chromium, base_url, audited, WIDTHS["phone"])
    return {"chapters": chapters, "pages": pages, "audited": audited, "problems": problems, "findings": findings}


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


AXE_ALLOWED = (
    Allowed(
        "label-content-name-mismatch",
        "*.html",
        r'<button class="btn search-button-field search-button__button pst-js-only"[^>]* aria-label="Search".*',
        "theme (pydata-sphinx-theme 0.17): the search field's visible text is 'Search' plus the shortcut "
        "hint 'Ctrl+K', its name is 'Search'; the name begins with the visible word, so saying 'Search' "
        "still reaches it. Changing it means replacing the theme's search component",
    ),
    Allowed(
        "label-content-name-mismatch",
        "*.html",
        r'<button class="btn btn-sm nav-link pst-navbar-icon theme-switch-button pst-js-only"[^>]* '
        r'aria-label="Color mode".*',
        "theme: the colour-mode button shows only icons; axe reads their tooltips ('Light', 'Dark', "
        "'System Settings') as visible text, which its name 'Color mode' does not contain",
    ),
)


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


def test_readme_lists_the_allow_list() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = [entry.rule for entry in AXE_ALLOWED if f"`{entry.rule}`" not in readme]
    assert not missing, f"README.md does not list the accessibility allow-list entries {missing}"
