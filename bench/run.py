"""Benchmark the build: clean and no-op `make book`, the first `make pdf` of that book, `make test`, `make
unit`, and the export on synthetic corpora.

Run with `make bench` (or `.venv/bin/python bench/run.py [--skip-book] [--skip-test] [--skip-unit] [--sizes
N ...]`). Prints wall time and peak memory of each step, and with each step the machine's load average
(1 minute) when it started, since other work on the machine slows every step; the CPU count heads the table.
Targets on the project's 2-core machine: make unit 15 s, make test 120 s. Peak memory is the largest
resident set of any one process of the step (``ru_maxrss`` of the child and the descendants it waited
for), not their sum.

The synthetic corpora repeat the real documents: copy i of a document gets the id ``<doc_id>-syn<i>``, a
title suffix and one extra body line naming the copy, so every document is valid and distinct (the
loader rejects duplicate ids and duplicate bodies). Since the extractors read each distinct paragraph text
once, such copies cost little more than their first; the largest size is therefore exported a second time
with every paragraph made distinct (a word naming the copy ends each one), the case of a corpus of
different documents, and the target is judged on that run. Target on the project's 2-core machine: export
of 10,000 documents in under 20 s, growing no faster than linearly.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from baliprocess.cleaning import CLEANING_FILE
from baliprocess.corpus import DEFAULT_CORPUS, discover, read_document

REPO = Path(__file__).resolve().parents[1]
TARGET_SECONDS = 20.0


@dataclass
class Result:
    step: str
    seconds: float
    peak_mib: float
    status: int
    note: str = ""
    load: float = 0.0


def measure(step: str, cmd: list[str], env: dict[str, str] | None = None) -> Result:
    """Run ``cmd`` in the repository; return its wall time, peak RSS, exit status and the load average
    (1 minute) when it started."""
    load = os.getloadavg()[0]
    start = time.perf_counter()
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        note = ""
        if proc.returncode != 0:
            log.seek(0)
            tail = log.read().decode("utf-8", "replace").strip().splitlines()[-3:]
            note = " | ".join(line.strip()[:100] for line in tail)
    return Result(step, seconds, usage.ru_maxrss / 1024, proc.returncode, note, load)


def copy_word(i: int) -> str:
    """A word of letters naming copy ``i`` (no digits, so that no count or date is read from it)."""
    letters = ""
    while True:
        i, rest = divmod(i, 26)
        letters = "abcdefghijklmnopqrstuvwxyz"[rest] + letters
        if i == 0:
            return "syn" + letters


def synthetic_corpus(n: int, out: Path, source: Path = DEFAULT_CORPUS, distinct: bool = False) -> Path:
    """Write ``n`` valid, distinct documents made from the real ones into ``out``; with ``distinct`` every
    paragraph of copy i ends in :func:`copy_word` (i), so no two copies share a paragraph text."""
    files, problems = discover(source)
    if problems:
        raise SystemExit(f"cannot read the corpus {source}: {problems[0]}")
    docs = [read_document(f)[0] for f in files]
    out.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        doc = docs[i % len(docs)]
        meta = {**doc.meta, "id": f"{doc.doc_id}-syn{i:05d}", "title": f"{doc.meta['title']} (synthetic copy {i})"}
        front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
        text = doc.body.rstrip()
        if distinct:
            text = "\n\n".join(f"{block} {copy_word(i)}" for block in text.split("\n\n"))
        body = f"{text}\n\nSynthetic copy {i} of {doc.doc_id}.\n"
        (out / f"{i:05d}_{doc.doc_id}.txt").write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    if (source / CLEANING_FILE).is_file():  # the copies are cleaned by the rules written for their originals
        shutil.copy2(source / CLEANING_FILE, out / CLEANING_FILE)
    return out


def export_step(label: str, corpus: Path, out: Path) -> Result:
    return measure(label, [sys.executable, "-m", "baliprocess", "export", "--corpus", str(corpus), "--out", str(out)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-book", action="store_true", help="skip the clean and no-op make book")
    parser.add_argument("--skip-test", action="store_true", help="skip make test")
    parser.add_argument("--skip-unit", action="store_true", help="skip make unit")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="synthetic corpus sizes")
    args = parser.parse_args(argv)
    make = os.environ.get("MAKE", "make")
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    results: list[Result] = []
    if not args.skip_book:
        shutil.rmtree(REPO / "_build", ignore_errors=True)
        results.append(measure("make book (clean, _build removed)", [make, "book"], env))
        results.append(measure("make book (no-op rebuild)", [make, "book"], env))
        # the PDF edition is printed once per new book (make pdf; make test asks for it): timed here on its
        # own, so that make test below is timed on a built book and PDF, as it runs after any change to a test
        results.append(measure("make pdf (first print of the new book)", [make, "pdf"], env))
    if not args.skip_test:
        results.append(measure("make test", [make, "test"], env))
    if not args.skip_unit:
        results.append(measure("make unit", [make, "unit"], env))
    with tempfile.TemporaryDirectory(prefix="baliprocess-bench-") as tmp:
        base = export_step("export, real corpus", DEFAULT_CORPUS, Path(tmp) / "out-real")
        base.step = f"export, real corpus ({len(discover(DEFAULT_CORPUS)[0])} documents)"
        results.append(base)
        exports = {}
        for n in sorted(args.sizes):
            corpus = synthetic_corpus(n, Path(tmp) / f"corpus-{n}")
            exports[n] = export_step(f"export, {n:,} synthetic documents", corpus, Path(tmp) / f"out-{n}")
            results.append(exports[n])
            shutil.rmtree(corpus)
        if args.sizes:
            n = max(args.sizes)
            corpus = synthetic_corpus(n, Path(tmp) / f"corpus-{n}-distinct", distinct=True)
            distinct = export_step(f"export, {n:,} (every paragraph distinct)", corpus, Path(tmp) / "out-distinct")
            results.append(distinct)
            shutil.rmtree(corpus)
    print(f"{os.cpu_count()} CPUs; load: the 1-minute load average when the step started")
    print(f"{'step':<42} {'wall s':>8} {'peak MiB':>9} {'exit':>5} {'load':>5}")
    for r in results:
        print(
            f"{r.step:<42} {r.seconds:>8.2f} {r.peak_mib:>9.0f} {r.status:>5} {r.load:>5.2f}"
            + (f"  {r.note}" if r.note else "")
        )
    status = 0 if all(r.status == 0 for r in results) else 1
    if len(exports) >= 2:
        (small, a), (large, b) = sorted(exports.items())[0], sorted(exports.items())[-1]
        growth = b.seconds / a.seconds
        marginal = (b.seconds - base.seconds) / max(a.seconds - base.seconds, 1e-9)
        print(
            f"export growth {small:,} -> {large:,} documents: x{growth:.2f} wall time "
            f"(x{marginal:.2f} after subtracting the real-corpus run as start-up cost; linear = x{large / small:.0f})"
        )
        if marginal > 1.2 * large / small:
            print("  growth is FASTER than linear")
    if 10000 in exports:
        judged = distinct if max(args.sizes) == 10000 else exports[10000]
        verdict = "met" if judged.status == 0 and judged.seconds < TARGET_SECONDS else "MISSED"
        print(
            f"target: export of 10,000 documents under {TARGET_SECONDS:.0f} s ({judged.step}): {verdict} "
            f"({judged.seconds:.1f} s)"
        )
    return status


if __name__ == "__main__":
    sys.exit(main())
