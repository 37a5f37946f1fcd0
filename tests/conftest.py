"""Shared fixtures and helpers: the repository layout, the chapters listed in _toc.yml, the built book,
a local HTTP server for it and a headless Chromium (Debian's, never a downloaded one)."""

from __future__ import annotations

import contextlib
import functools
import http.server
import importlib.util
import os
import re
import shutil
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
BUILD_HTML = REPO / "_build" / "html"
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def book_extension(name: str):
    """The book's local Sphinx extension ``book/_ext/<name>.py``, loaded as a module of its own (the folder is
    no package: Sphinx finds it through the book's configuration)."""
    spec = importlib.util.spec_from_file_location(name, REPO / "book" / "_ext" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while a class is made
    spec.loader.exec_module(module)
    return module


def _toc_files(entry: dict) -> Iterator[str]:
    if "file" in entry:
        yield entry["file"]
    for key in ("parts", "chapters", "sections"):
        for child in entry.get(key, []):
            yield from _toc_files(child)


def toc_docnames(toc: Path = REPO / "_toc.yml") -> list[str]:
    """Every document of the book in reading order (root first), as paths without suffix."""
    data = yaml.safe_load(toc.read_text(encoding="utf-8"))
    return [data["root"], *_toc_files(data)]


def source_of(docname: str, root: Path = REPO) -> Path:
    """The source file (.ipynb or .md) of a toc entry."""
    for suffix in (".ipynb", ".md"):
        if (root / f"{docname}{suffix}").is_file():
            return root / f"{docname}{suffix}"
    raise FileNotFoundError(f"_toc.yml lists {docname!r} but neither .ipynb nor .md exists")


def toc_notebooks() -> list[str]:
    """The toc entries that are notebooks (the chapters)."""
    return [d for d in toc_docnames() if source_of(d).suffix == ".ipynb"]


@pytest.fixture(scope="session")
def built_html() -> Path:
    """The built book in _build/html; fails (never skips) when it is missing or older than its sources."""
    index = BUILD_HTML / "index.html"
    if not index.is_file():
        pytest.fail(f"{index.relative_to(REPO)} does not exist: run make book first")
    sources = [REPO / "_toc.yml", REPO / "_config.yml", *(source_of(d) for d in toc_docnames())]
    stale = [str(p.relative_to(REPO)) for p in sources if p.stat().st_mtime > index.stat().st_mtime]
    if stale:
        pytest.fail(f"_build/html is older than {', '.join(stale)}: run make book first")
    return BUILD_HTML


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 at a free port in a thread; yield the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def chromium():
    """A headless Debian Chromium driven by Playwright; skipped with the reason when either is missing."""
    if not CHROMIUM.is_file() and not shutil.which("chromium"):
        pytest.skip(
            f"no Chromium at {CHROMIUM}: install Debian's package (apt-get install -y chromium, "
            "as .ci/run does) to run the browser tests"
        )
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (requirements.txt)")
    executable = str(CHROMIUM) if CHROMIUM.is_file() else shutil.which("chromium")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def html_pages(root: Path) -> list[Path]:
    """Every HTML page of a built book, without the theme's templates under _static and _sources."""
    return sorted(
        p
        for p in root.rglob("*.html")
        if not p.relative_to(root).parts[0].startswith(("_static", "_sources", "_images"))
    )


class Tab:
    """One browser tab, in a context of its own, that opens pages of the book served at ``base_url`` one after
    another (:meth:`visit`) and reports every problem of each: console errors, page errors, failed or
    foreign requests, dialogs. Requests to any other origin are aborted before they leave the machine.

    Opening every page in one tab costs half the CPU of a context per page (17 against 31-36 s for the
    book's 14 pages at desktop width, Chromium's processes included): the renderer and what it compiled are
    kept. What a page left in the
    browser's storage (cookies, localStorage, sessionStorage) is cleared before the next one opens, so that
    each opens as on a reader's first visit, as it did in a context of its own. A page that only redirects
    is opened with :func:`visit` (a tab of its own), so that its redirect cannot run into the next page."""

    def __init__(self, browser, base_url: str, width: int = 1280) -> None:
        self.base_url, self.width = base_url, width
        self.problems: list[str] = []  # the list of the page being opened (the handlers look it up each time)
        self.context = browser.new_context(viewport={"width": width, "height": 900})
        page = self.page = self.context.new_page()
        page.route("**/*", self._route)
        page.on(
            "console",
            lambda msg: self.problems.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None,
        )
        page.on("pageerror", lambda exc: self.problems.append(f"page error: {exc}"))
        page.on("dialog", lambda dialog: (self.problems.append(f"dialog opened: {dialog.message}"), dialog.dismiss()))
        page.on(
            "requestfailed",
            lambda req: (
                self.problems.append(f"request failed: {req.url} ({req.failure})")
                if req.url.startswith(base_url)
                else None
            ),
        )
        page.on(
            "response",
            lambda resp: self.problems.append(f"HTTP {resp.status}: {resp.url}") if resp.status >= 400 else None,
        )

    def _route(self, request_route) -> None:
        url = request_route.request.url
        if url.startswith(self.base_url) or url.startswith(("data:", "blob:", "about:")):
            request_route.continue_()
        else:
            self.problems.append(f"external request blocked: {url}")
            request_route.abort()

    def visit(
        self,
        page_path: str,
        screenshot: Path | None = None,
        probe: str | None = None,
        axe_findings: list[dict] | None = None,
        measure: tuple[str, dict] | None = None,
    ) -> list[str]:
        """Open one page; return every problem seen, and ``probe`` (a JavaScript expression) if it evaluates
        true once the page has loaded. With ``axe_findings`` (a list), also run axe-core on the page and
        append its findings (see ``run_axe``). With ``measure`` (a JavaScript function and a dict), the
        function's result is stored under ``page_path``."""
        self.problems = seen = []
        page = self.page
        page.goto(self.base_url + page_path, wait_until="load", timeout=60_000)
        page.wait_for_load_state("networkidle", timeout=30_000)
        if probe is not None and page.evaluate(probe):
            seen.append(f"probe is true after load: {probe}")
        if screenshot is not None:
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            # The first screen, as a reader opens the page: encoding a whole chapter (up to 28,000 px high)
            # took 2.5 s a page, most of the browser pass. Whole pages are looked at by hand.
            page.screenshot(path=str(screenshot))
        if measure is not None:
            measure[1][page_path] = page.evaluate(measure[0])
        # Last, and its requests are not the page's: axe-core re-fetches stylesheets to read them and resolves
        # the theme's `@import "../basic.css"` against the page, not the stylesheet (a 404).
        self.problems = []
        if axe_findings is not None:
            axe_findings += run_axe(page, page_path, self.width)
        page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
        self.context.clear_cookies()
        return list(seen)

    def close(self) -> None:
        self.context.close()


def visit(browser, base_url: str, page_path: str, **options) -> list[str]:
    """Open one page in a tab of its own at 1280 CSS pixels; return every problem seen. ``options`` are those
    of :meth:`Tab.visit` (screenshot, probe, axe_findings, measure)."""
    tab = Tab(browser, base_url)
    try:
        return tab.visit(page_path, **options)
    finally:
        tab.close()


AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice")
AXE_EXPERIMENTAL_RULES = ("label-content-name-mismatch",)
#: Marks every table-body row whose elements all have the computed styles of a row before it in the same
#: body: such a row can only repeat that row's contrast, so the colour-contrast rule skips it.
SAME_STYLE = "data-axe-same-style"
# For each row: every element's tag, classes, colours, font size and weight, opacity and whether it holds
# text of its own (what axe's colour-contrast rule reads), the row itself included.
MARK_SAME_STYLE_ROWS = f"""() => {{
  const props = ["color", "backgroundColor", "backgroundImage", "fontSize", "fontWeight", "opacity",
                 "visibility", "textShadow", "position"];
  const key = (el) => {{ const style = getComputedStyle(el);
    const text = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    return [el.tagName, el.getAttribute("class"), text, ...props.map((p) => style[p])].join("|"); }};
  let marked = 0;
  for (const body of document.querySelectorAll("tbody")) {{
    const seen = new Set();
    for (const row of body.rows) {{
      const signature = [row, ...row.querySelectorAll("*")].map(key).join("\\n");
      if (seen.has(signature)) {{
        for (const el of [row, ...row.querySelectorAll("*")]) el.setAttribute("{SAME_STYLE}", "");
        marked += 1;
      }}
      seen.add(signature);
    }}
  }}
  return marked;
}}"""


#: axe-core's colour parser (colorjs.io, gamut mapping included) memoised by the CSS text it reads: colour
#: contrast parses the background of every element under every text again, a third of the browser passes'
#: CPU. The same text always gives the same colour; a text it cannot parse still goes to it every time.
MEMO_COLOR_PARSE = """() => {
  const Color = axe.commons.color.Color, parse = Color.prototype.parseString, parsed = new Map();
  Color.prototype.parseString = function (text) {
    const known = parsed.get(text);
    if (known === undefined) { parse.call(this, text); parsed.set(text, [this.r, this.g, this.b, this.alpha]); }
    else [this.r, this.g, this.b, this.alpha] = known;
    return this;
  };
}"""


def run_axe(page, page_path: str, width: int) -> list[dict]:
    """axe-core (bundled with axe-playwright-python and injected from the installed package, never fetched)
    on an open page; one record per failing node: ``{"page", "width", "rule", "impact", "target", "html"}``.

    Every rule but colour contrast runs on the whole page. Colour contrast then runs on the page without the
    table rows that repeat the styles of an earlier row of their table body (``MARK_SAME_STYLE_ROWS``): the
    rule compares the colours and font of each text with what lies behind it, which such a row has the same
    as the row it repeats, so its result is the same; on the long tables of chapters 2-4 this check took most
    of the browser pass (test_browser.test_contrast_is_audited_once_per_row_style shows that a row of a
    style of its own is still audited)."""
    from axe_playwright_python.sync_playwright import Axe

    options = {
        "runOnly": {"type": "tag", "values": list(AXE_TAGS)},
        "resultTypes": ["violations"],
        # WCAG 2.5.3 "Label in Name" (level A) is checked by a rule axe-core still calls experimental
        "rules": {rule: {"enabled": True} for rule in AXE_EXPERIMENTAL_RULES},
    }
    page.evaluate(MARK_SAME_STYLE_ROWS)
    page.evaluate(Axe().axe_script)
    page.evaluate(MEMO_COLOR_PARSE)
    # one run of every rule (a second run would build axe's model of the page again)
    page.evaluate(f"() => axe.configure({{rules: [{{id: 'color-contrast', selector: '*:not([{SAME_STYLE}])'}}]}})")
    violations = page.evaluate("options => axe.run(document, options)", options)["violations"]
    return [
        {
            "page": page_path,
            "width": width,
            "rule": violation["id"],
            "impact": violation["impact"],
            "target": " ".join(map(str, node["target"])),
            "html": node["html"],
        }
        for violation in violations
        for node in violation["nodes"]
    ]


def is_redirect(page: Path) -> bool:
    """A page that only sends the browser elsewhere (the book's index.html): nothing to audit."""
    text = page.read_text(encoding="utf-8", errors="replace")
    return len(text) < 1000 and re.search(r"http-equiv=.refresh", text, re.IGNORECASE) is not None


def axe_violations(
    browser, base_url: str, pages: list[str], width: int, measure: tuple[str, dict] | None = None
) -> list[dict]:
    """``run_axe`` on each page at ``width`` CSS pixels in one browser context; requests to other origins
    are aborted. With ``measure`` (a JavaScript function and a dict), the function's result on each page is
    stored under the page's path first."""
    found: list[dict] = []
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.route(
        "**/*",
        lambda route: (
            route.continue_() if route.request.url.startswith((base_url, "data:", "blob:", "about:")) else route.abort()
        ),
    )
    try:
        for path in pages:
            page.goto(base_url + path, wait_until="load", timeout=60_000)
            if measure is not None:
                measure[1][path] = page.evaluate(measure[0])
            found += run_axe(page, path, width)
    finally:
        context.close()
    return found


#: The test files that take most of a minute each on their own (the browser passes over every page, at
#: desktop and at phone width): first, one on each pytest-xdist worker, so that neither starts late. The
#: files that read a whole-book build (``EARLY_BUILD``, tests/bookbuild.py) go last on their worker, when
#: the builds begun at collection are done or nearly.
FIRST_FILES = ("test_browser.py", "test_browser_phone.py")


def _waits_for_a_build(item: pytest.Item) -> bool:
    return getattr(getattr(item, "module", None), "EARLY_BUILD", None) is not None


def pytest_configure(config: pytest.Config) -> None:
    """In the main process, record how long each test file takes (tests/filetimes.py) and make the folder
    for the whole-book builds that pytest-xdist's workers share (tests/bookbuild.py); it is removed when the
    run ends."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return
    import bookbuild
    import filetimes

    config.pluginmanager.register(filetimes.FileTimer(config), "baliprocess-filetimes")
    folder = bookbuild.share_builds()
    config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Order the files for the way the tests run: the tests that wait for a whole-book build
    (``EARLY_BUILD``) run last, so the build started at collection has time to finish while the others
    run. Under pytest-xdist (``make test``, which keeps this order: ``--no-loadscope-reorder``) the two
    browser passes go first (pytest-xdist hands each worker one of them) and the other files slowest first
    by their last run, a few light ones kept back to run beside the heaviest of the build files
    (tests/filetimes.run_order), so that no process is left with a slow file at the end while the other
    has finished. (Before, the two
    builds' files went first, each worker waiting in one for its build, and the worker that waited longest
    then ran the browser pass: the run took the sum of the two.)"""
    waits = {item.nodeid: _waits_for_a_build(item) for item in items}
    if os.environ.get("PYTEST_XDIST_WORKER"):
        import filetimes

        weight = filetimes.file_weights(config.rootpath, items)
        first = {item.nodeid.split("::")[0] for item in items if item.path.name in FIRST_FILES}
        last = {item.nodeid.split("::")[0] for item in items if waits[item.nodeid]}
        rank = {path: i for i, path in enumerate(filetimes.run_order(weight, first, last))}
        items.sort(key=lambda item: rank[item.nodeid.split("::")[0]])  # stable: a file's tests keep their order
        return
    items[:] = [i for i in items if not waits[i.nodeid]] + [i for i in items if waits[i.nodeid]]


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start the whole-book builds that collected test modules declare (``EARLY_BUILD``), so that they run
    in the background while the other tests do (see tests/bookbuild.py)."""
    import bookbuild

    begin = bookbuild.start_shared if os.environ.get("PYTEST_XDIST_WORKER") else bookbuild.start
    declared = {}
    for item in session.items:
        build = getattr(getattr(item, "module", None), "EARLY_BUILD", None)
        if build is not None:
            declared[build[0]] = build
    for build in declared.values():
        begin(*build)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """A pytest-xdist worker waits for the builds it began, which the other worker may still be reading."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        import bookbuild

        bookbuild.wait_all()
