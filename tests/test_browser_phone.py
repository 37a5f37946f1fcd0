"""The built book in a real headless Chromium at narrow widths: every page at phone width (axe-core and the
reading measures) and the sidebar buttons at phone, tablet and small-laptop widths. The desktop pass and
the checks' own tests are tests/test_browser.py: each pass is a file of its own so that pytest-xdist's two
workers run them at once (about a minute each on the project's machine), not one after the other."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import axe_violations, html_pages, is_redirect, serve, toc_docnames, toc_notebooks
from test_browser import READING_JS, WIDTHS, assert_no_unexpected_violation, reading_problems


@pytest.fixture(scope="module")
def phone_pass(built_html: Path, chromium) -> dict:
    """Every page but the redirect-only ones (index.html) at phone width in one browser context: axe-core
    and the reading measures, one load of each page."""
    pages = [p.relative_to(built_html).as_posix() for p in html_pages(built_html)]
    audited = [p for p in pages if not is_redirect(built_html / p)]
    reading: dict[str, dict] = {}
    with serve(built_html) as base_url:
        findings = axe_violations(chromium, base_url, audited, WIDTHS["phone"], measure=(READING_JS, reading))
    return {"audited": audited, "findings": findings, "reading": reading}


def test_axe_finds_no_violation_on_a_phone(phone_pass: dict) -> None:
    assert {f"{d}.html" for d in toc_docnames()} <= set(phone_pass["audited"])
    assert_no_unexpected_violation(phone_pass["findings"], WIDTHS["phone"])


def test_pages_read_on_a_phone(phone_pass: dict) -> None:
    """390 px: no page scrolls sideways, every table that does is announced (hint, shadow) and keeps its
    first column in view, every figure opens full size with a tap."""
    problems = reading_problems(phone_pass["reading"], WIDTHS["phone"])
    assert not problems, "\n".join(problems)


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
        # The chapter the link leads to is checked by its address: a stand-in is served for it, not the chapter
        # (the longest page of the book, a second to lay out at each width).
        arrived = "<!DOCTYPE html><title>arrived</title>"
        context.route(f"{base_url}{goal}.html", lambda route: route.fulfill(body=arrived, content_type="text/html"))
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
        assert page.title() == "arrived"
        context.close()
