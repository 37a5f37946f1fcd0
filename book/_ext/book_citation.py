"""How to cite and how to rerun the book, from one source: ``CITATION.cff`` at the repository root.

- ``{book-citation}`` (book/cite.md) shows the title, authors, version, date, licence and repository from
  ``CITATION.cff``, with a BibTeX entry and an APA reference built from the same fields.
- The version and date are the ``version`` of ``CITATION.cff`` and the git commit the book was built from
  (its short hash and commit date): the same commit always gives the same pages. Outside a git checkout the
  date is ``date-released`` and no commit is named.
- Every page's footer names that version and date and links to the "How to cite" page
  (``_templates/book-version.html``).
- ``repository-code`` in ``CITATION.cff`` is the one place the repository's address is written: it sets the
  theme's repository and issue buttons, the ``{rerun-commands}`` block and each chapter's closing note on
  how to rerun it (``make lab``). Without it no address is invented: the
  buttons are off and the book speaks of the repository this book was built from.

Works around nothing: a part of this book (how to cite it and rerun it). It stays.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

CFF = "CITATION.cff"
#: What the book calls the repository when CITATION.cff gives no ``repository-code``: no address is invented.
NO_URL = "the repository this book was built from"


@dataclass(frozen=True)
class BookCitation:
    """What a reader needs to cite the book: from CITATION.cff, dated by the build's git commit."""

    title: str
    authors: tuple[str, ...]
    version: str
    date: str
    commit: str | None
    licence: str
    url: str | None

    @property
    def label(self) -> str:
        """The version as shown: ``0.1.0, commit 26e9d77`` (or only the version outside git)."""
        return f"{self.version}, commit {self.commit}" if self.commit else self.version

    def bibtex(self, key: str = "baliprocessbook") -> str:
        fields = [
            ("title", f"{{{self.title}}}"),
            ("author", " and ".join(f"{{{a}}}" for a in self.authors)),
            ("year", self.date[:4]),
            ("month", str(int(self.date[5:7]))),
            ("version", self.label),
            ("url", self.url or ""),
            ("note", f"Built from the commit of {self.date}"),
        ]
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
        return f"@software{{{key},\n{body}\n}}"

    def apa(self) -> str:
        where = f" {self.url}" if self.url else ""
        authors = ", ".join(self.authors)
        return f"{authors}. ({self.date[:4]}). {self.title} (Version {self.label}) [Computer software].{where}"


def _author(entry: dict) -> str:
    if "name" in entry:
        return str(entry["name"])
    return " ".join(str(entry[k]) for k in ("given-names", "name-particle", "family-names") if entry.get(k))


def find_cff(start: Path) -> Path | None:
    """CITATION.cff in ``start`` or the nearest folder above it (make book builds from a copy under _build)."""
    for folder in (start, *start.parents):
        if (folder / CFF).is_file():
            return folder / CFF
    return None


def git_commit(root: Path) -> tuple[str, str] | None:
    """The short hash and commit date (YYYY-MM-DD) of HEAD in ``root``, or None outside a git checkout."""
    try:
        out = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%h %cs"],
            capture_output=True,
            text=True,
            check=True,
            timeout=20,
        ).stdout.split()
    except (OSError, subprocess.SubprocessError):
        return None
    return (out[0], out[1]) if len(out) == 2 else None


def load_citation(cff: Path, commit: tuple[str, str] | None) -> BookCitation:
    data = yaml.safe_load(cff.read_text(encoding="utf-8"))
    short, date = commit if commit else (None, str(data.get("date-released", "")))
    return BookCitation(
        title=str(data["title"]),
        authors=tuple(_author(a) for a in data.get("authors", [])),
        version=str(data.get("version", "")),
        date=date,
        commit=short,
        licence=str(data.get("license", "")),
        url=data.get("repository-code") or data.get("url"),
    )


def _citation(env) -> BookCitation:
    return env.app.book_citation


class BookCitationDirective(SphinxDirective):
    """The "How to cite" block: the fields of CITATION.cff, then BibTeX and APA."""

    def run(self) -> list[nodes.Node]:
        cite = _citation(self.env)
        fields = nodes.field_list()
        rows = [
            ("Title", cite.title),
            ("Authors", "; ".join(cite.authors)),
            ("Version", cite.label),
            ("Date", cite.date),
            ("Licence (code)", cite.licence),
            ("Repository", cite.url or f"{NO_URL} (its address is not given in {CFF})"),
        ]
        for name, value in rows:
            body = nodes.paragraph()
            if name == "Repository" and cite.url:
                body += nodes.reference(value, value, refuri=value)
            else:
                body += nodes.Text(value)
            fields += nodes.field("", nodes.field_name(name, name), nodes.field_body("", body))
        bib = nodes.literal_block(cite.bibtex(), cite.bibtex(), language="bibtex")
        apa = nodes.paragraph(cite.apa(), cite.apa())
        return [
            fields,
            nodes.rubric("BibTeX", "BibTeX"),
            bib,
            nodes.rubric("APA", "APA"),
            apa,
        ]


def clone_commands(url: str | None) -> str:
    """The commands that rerun the book: from a clone of ``url``, or (no address known) of the repository."""
    first = f"git clone {url} bali-process-book && cd bali-process-book" if url else f"# in a clone of {NO_URL}:"
    return (
        f"{first}\n"
        "make book    # set up .venv with the pinned requirements and build the HTML book into _build/html\n"
        "make test    # the same set-up, then every test, including nbval on every notebook\n"
        "make lab     # JupyterLab on notebooks/, with the book's kernel: rerun and change any chapter"
    )


class RerunCommandsDirective(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        text = clone_commands(_citation(self.env).url)
        return [nodes.literal_block(text, text, language="bash")]


def _rerun_note(app: Sphinx, doctree: nodes.document) -> None:
    """Each chapter (a notebook) ends with how to rerun it."""
    docname = app.env.docname
    if not str(app.env.doc2path(docname)).endswith(".ipynb"):
        return
    sections = list(doctree.findall(nodes.section))
    if not sections:
        return
    cite = app.book_citation
    where = f"a clone of {cite.url}" if cite.url else f"a clone of {NO_URL}"
    note = nodes.admonition(classes=["rerun-note"])
    note += nodes.title("Rerun this chapter", "Rerun this chapter")
    para = nodes.paragraph()
    para += nodes.Text(f"In {where}, run ")
    para += nodes.literal("make lab", "make lab")
    para += nodes.Text(" and open ")
    path = f"{docname}.ipynb"
    para += nodes.literal(path, path)
    para += nodes.Text("; ")
    para += nodes.literal("make book", "make book")
    para += nodes.Text(" rebuilds every page from the same code and data.")
    note += para
    sections[0] += note


def _configure(app: Sphinx, config) -> None:
    cff = find_cff(Path(app.confdir))
    if cff is None:
        raise FileNotFoundError(f"{app.confdir}: no {CFF} here or above: the book's citation comes from it")
    cite = load_citation(cff, git_commit(cff.parent))
    app.book_citation = cite
    config.html_context = {**config.html_context, "book_citation": cite}
    options = dict(config.html_theme_options or {})
    items = list(options.get("footer_content_items") or ["author.html", "copyright.html", "extra-footer.html"])
    items = [i for i in items if i != "last-updated.html"]  # the theme's date is the build's time: not reproducible
    options["footer_content_items"] = [*items, "book-version.html"]
    if cite.url:
        options.update(repository_url=cite.url, use_repository_button=True, use_issues_button=True)
        options.setdefault("repository_branch", "main")
    config.html_theme_options = options


def setup(app: Sphinx) -> dict[str, bool]:
    app.connect("config-inited", _configure)
    app.connect("doctree-read", _rerun_note)
    app.add_directive("book-citation", BookCitationDirective)
    app.add_directive("rerun-commands", RerunCommandsDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
