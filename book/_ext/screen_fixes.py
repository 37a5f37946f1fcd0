"""Fixes to the theme as readers meet it on screens, each small and each saying what it works around.

- ``_static/nav_toggle.js``: the sidebar buttons work below 992 px (pydata-sphinx-theme issue 2451).
- ``_static/reading.js``: figures open full size with a tap, wide tables show that they scroll, a followed
  citation offers the way back.
- The redirect page ``index.html`` (written by sphinx-external-toc as one bare ``<meta>`` line) becomes a
  small HTML document with a language, a title and a visible link.
- ``_templates/components/search-button-field.html`` and ``theme-switcher.html`` override the theme's
  buttons whose accessible names do not contain their visible text (axe-core
  ``label-content-name-mismatch``, WCAG 2.5.3).

Works around: pydata-sphinx-theme 0.17 (the sidebar buttons, issue 2451; the two buttons' names) and
sphinx-external-toc (the bare redirect page); reading.js adds what the theme lacks. Can go when: each
fault is fixed upstream, item by item; reading.js stays.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from sphinx.application import Sphinx

_REDIRECT = re.compile(r'\s*<meta http-equiv="Refresh" content="0; url=([^"]+)" />\s*')


def redirect_page(target: str, title: str) -> str:
    """A redirect page with a language, a title and a link for browsers that do not follow the refresh."""
    target, title = html.escape(target), html.escape(title)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Refresh" content="0; url={target}" />\n<title>{title}</title>\n</head>\n'
        f'<body><p><a href="{target}">{title}</a></p></body>\n</html>\n'
    )


def _fix_redirect(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    index = Path(app.outdir) / "index.html"
    if not index.is_file():
        return
    match = _REDIRECT.fullmatch(index.read_text(encoding="utf-8"))
    if match:
        index.write_text(redirect_page(html.unescape(match.group(1)), app.config.html_title), encoding="utf-8")


def setup(app: Sphinx) -> dict[str, bool]:
    app.add_js_file("nav_toggle.js")
    app.add_js_file("reading.js", loading_method="defer")
    app.connect("build-finished", _fix_redirect, priority=900)  # after sphinx-external-toc writes index.html
    return {"parallel_read_safe": True, "parallel_write_safe": True}
