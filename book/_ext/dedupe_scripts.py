"""Drop repeated <script> entries: under jupyter-book 1.0.4 and Sphinx 7.4 the inline configuration
scripts of sphinx-thebe and sphinx-togglebutton are emitted twice (once with filename None, once with '')."""


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
