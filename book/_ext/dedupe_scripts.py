"""Drop repeated <script> entries: under jupyter-book 1.0.4 and Sphinx 7.4 the inline configuration
scripts of sphinx-thebe and sphinx-togglebutton are emitted twice (once with filename None, once with '').

Works around: a Sphinx bug. ``Sphinx.add_js_file`` registers an inline script with the filename None, the
HTML builder registers it again as '' and does not see the two as one; the browser then reports a
redeclared constant (``THEBE_JS_URL``) in the console. Upstream: fixed by sphinx-doc/sphinx#13402 (merged
March 2025), after Sphinx 7.4, and jupyter-book 1.0.x requires ``sphinx~=7.0``.
Can go when: the book runs on a Sphinx with that fix. Checked 2026-12-04 by building without it: four
inline scripts (togglebutton, thebe, pagename, search options) appear twice on every page.
"""


def _dedupe(app, pagename, templatename, context, doctree):
    seen, unique = set(), []
    for script in context.get("script_files", []):
        attributes = getattr(script, "attributes", {})
        key = (getattr(script, "filename", None) or "", repr(sorted(attributes.items())))
        if key not in seen:
            seen.add(key)
            unique.append(script)
    context["script_files"] = unique


def setup(app):
    app.connect("html-page-context", _dedupe)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
