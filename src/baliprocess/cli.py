"""Command line: ``validate [DIR]`` and ``export [--corpus DIR] --out DIR``.

Problems are printed one per line as ``path: what is wrong`` on standard error, with exit status 1;
never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .corpus import ENV_VAR, CorpusError, load_corpus

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m baliprocess", description="Validate and export the Bali Process corpus."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    validate = sub.add_parser("validate", help="check every corpus file and report every problem")
    validate.add_argument("corpus", nargs="?", type=Path, help=f"corpus folder (default: ${ENV_VAR}, else data/corpus)")
    export = sub.add_parser("export", help="write the derived tables as CSV with a datapackage.json")
    export.add_argument("--corpus", type=Path, help=f"corpus folder (default: ${ENV_VAR}, else data/corpus)")
    export.add_argument("--out", type=Path, required=True, help="folder to write the tables into")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    try:
        corpus = load_corpus(args.corpus)
        if args.command == "validate":
            print(f"{len(corpus.documents)} documents, {len(corpus.paragraphs)} paragraphs")
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
