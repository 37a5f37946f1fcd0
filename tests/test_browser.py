"""Every page of the built book in a real headless Chromium, served from 127.0.0.1.

Fails on any console error, page error, failed or 4xx/5xx same-origin request, and on any request to
another origin (the book must work offline; such requests are aborted, never sent). Saves a full-page
screenshot of each toc page under _build/screenshots/.
"""

from __future__ import annotations

from pathlib import Path

from conftest import BUILD_HTML, html_pages, serve, toc_docnames, visit

SCREENSHOTS = BUILD_HTML.parent / "screenshots"


def test_every_page_loads_cleanly_offline(built_html: Path, chromium) -> None:
    chapters = {f"{d}.html": d.replace("/", "__") for d in toc_docnames()}
    pages = [p.relative_to(built_html).as_posix() for p in html_pages(built_html)]
    assert set(chapters) <= set(pages), f"toc pages missing from the build: {set(chapters) - set(pages)}"
    problems = []
    with serve(built_html) as base_url:
        for page in pages:
            shot = SCREENSHOTS / f"{chapters[page]}.png" if page in chapters else None
            problems += [f"{page}: {p}" for p in visit(chromium, base_url, page, screenshot=shot)]
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
