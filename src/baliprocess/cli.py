"""Command line: ``validate [DIR]``, ``export [--corpus DIR] --out DIR``, ``add FILE... --to DIR`` and
``fingerprint [--require-shipped] [DIR]``.

Problems are printed one per line as ``path: what is wrong`` on standard error, with exit status 1;
never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .corpus import DOC_TYPES, ENV_VAR, IGNORE_FILE, CorpusError, corpus_dir, discover, load_corpus
from .fingerprint import corpus_fingerprint, shipped_fingerprint
from .parallel import fewer_collections

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="baliprocess", description="Validate, export and add to a Bali Process corpus."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    validate = sub.add_parser("validate", help="check every corpus file and report every problem")
    validate.add_argument("corpus", nargs="?", type=Path, help=f"corpus folder (default: ${ENV_VAR}, else data/corpus)")
    export = sub.add_parser("export", help="write the derived tables as CSV with a datapackage.json")
    export.add_argument("--corpus", type=Path, help=f"corpus folder (default: ${ENV_VAR}, else data/corpus)")
    export.add_argument("--out", type=Path, required=True, help="folder to write the tables into")
    add = sub.add_parser("add", help="convert .html, .pdf, .docx, .txt or .md files into corpus documents")
    add.add_argument("files", nargs="+", type=Path, metavar="FILE", help="files to convert")
    add.add_argument("--to", type=Path, required=True, help="corpus folder to write into (created if absent)")
    add.add_argument("--title", help="title (overrides the file's metadata; one FILE only)")
    add.add_argument("--date", help="date YYYY, YYYY-MM or YYYY-MM-DD (overrides the file's metadata)")
    add.add_argument("--publisher", help="publisher (overrides the file's metadata)")
    add.add_argument("--url", help="http(s) address of the published copy (overrides the file's metadata)")
    add.add_argument("--doc-type", choices=DOC_TYPES, help="kind of document (default: none written, so other)")
    add.add_argument("--id", dest="doc_id", help="document id, also the output file name (one FILE only)")
    add.add_argument("--force", action="store_true", help="replace an output file that already exists")
    which = sub.add_parser("fingerprint", help="say whether a corpus folder is the one the book's commentary describes")
    which.add_argument("corpus", nargs="?", type=Path, help=f"corpus folder (default: ${ENV_VAR}, else data/corpus)")
    which.add_argument("--require-shipped", action="store_true", help="exit 1 with one line when it is another corpus")
    return parser


def _fingerprint(args: argparse.Namespace) -> int:
    root = corpus_dir(args.corpus)
    files, problems = discover(root)
    if problems and not files:
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1
    digest = corpus_fingerprint(root, [f.name for f in files])
    shipped = digest == shipped_fingerprint()
    if args.require_shipped and not shipped:
        print(
            f"{root}: not the shipped corpus (fingerprint {digest[:12]}): the committed notebooks are the "
            "regression reference for data/corpus; check a book built on this corpus with make check-corpus",
            file=sys.stderr,
        )
        return 1
    print(f"{digest} {'shipped' if shipped else 'other'} {root}")
    return 0


def _validate_summary(corpus) -> list[str]:
    lines = [f"{len(corpus.documents)} documents, {len(corpus.paragraphs)} paragraphs"]
    for pattern, names in corpus.ignored.items():
        noun = "file" if len(names) == 1 else "files"
        lines.append(f"ignored {len(names)} {noun} matching {pattern!r} ({corpus.root / IGNORE_FILE})")
    return lines


def _record_problems() -> list:
    """Problems of the curated record of outcome documents (data/outcomes.csv and its coding), checked with
    every corpus because every book shows it."""
    from .record import check_record
    from .themes import load_codebook

    return check_record(set(load_codebook().keys))[1]


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    if args.command == "fingerprint":
        return _fingerprint(args)
    if args.command == "add":
        from .ingest import run_add

        return run_add(args)
    try:
        with fewer_collections():  # fewer garbage collections while the corpus and its tables are built
            corpus = load_corpus(args.corpus)
            if args.command == "validate":
                from .corpuswarnings import corpus_warnings

                record_problems = _record_problems()
                if record_problems:
                    raise CorpusError(record_problems)
                print("\n".join(_validate_summary(corpus)))
                for line in corpus_warnings(corpus):
                    print(line, file=sys.stderr)
            else:
                from .export import write_export

                written = write_export(args.out, corpus)
                print(f"wrote {len(written)} files to {args.out}")
    except CorpusError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    except (OSError, ValueError) as exc:
        where = getattr(exc, "filename", None) or "baliprocess"
        print(f"{where}: {getattr(exc, 'strerror', None) or exc}", file=sys.stderr)
        return 1
    return 0
