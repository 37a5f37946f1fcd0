# Two commands on a fresh clone: `make book` and `make test` (each does its own set-up).
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
INSTALLED := $(VENV)/.installed
export PATH := $(abspath $(BIN)):$(PATH)
export PYTHONHASHSEED := 0
# Every kernel started from here (book build, nbval, make execute, make lab) gets CurveZMQ transport
# encryption, which is what ipykernel 7's "running over TCP without encryption" warning asks for:
# src/baliprocess/kernel_provisioner.py explains why a provisioner is the place to ask for it.
export JUPYTER_DEFAULT_PROVISIONER_NAME := baliprocess-encrypted
# Python caches compiled modules in __pycache__ (git-ignored), pytest its rewritten test modules there too:
# a shell that sets PYTHONDONTWRITEBYTECODE would make every test run compile src/ and tests/ afresh
# (about 2 s of make unit's 15).
unexport PYTHONDONTWRITEBYTECODE

NOTEBOOKS := $(sort $(wildcard notebooks/*.ipynb))
# Tests that need neither the built book nor a notebook run: the inner loop of `make unit`.
BOOK_TESTS := tests/test_book_html.py tests/test_browser.py tests/test_browser_phone.py tests/test_escaping.py \
	tests/test_reproducible.py tests/test_bibliography.py tests/test_build_log.py tests/test_lab.py tests/test_pdf.py \
	tests/test_reader_page.py tests/test_any_corpus.py tests/test_mixed_corpus_book.py
UNIT_TESTS := $(filter-out $(BOOK_TESTS),$(sort $(wildcard tests/test_*.py)))
LINTED := src tests bench tools book/_ext notebooks
# make test runs the test files on this many processes (pytest-xdist; one file stays on one process), in
# the order tests/conftest.py gives them (slowest first), not pytest-xdist's (most tests first); make unit
# runs this many pytest processes, each on its share of the files (tests/shards.py).
TEST_WORKERS ?= 2
# The book checks that hold for any corpus (make check-corpus).
CORPUS_TESTS := tests/test_book_html.py tests/test_browser.py tests/test_browser_phone.py
CORPUS := $(if $(BALIPROCESS_CORPUS),$(BALIPROCESS_CORPUS),data/corpus)
# Notebooks run in notebooks/: a relative BALIPROCESS_CORPUS is made absolute for them (by hand, not with
# $(abspath), which would cut a path with a space in two; every recipe quotes "$(CORPUS)").
ifneq ($(BALIPROCESS_CORPUS),)
export BALIPROCESS_CORPUS := $(if $(filter /%,$(firstword $(BALIPROCESS_CORPUS))),,$(CURDIR)/)$(BALIPROCESS_CORPUS)
endif

.PHONY: help venv book test unit lint execute export clean bench lab pdf check-corpus corpus-guard FORCE

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

# This machine's pip configuration lists a local index folder that does not exist, and pip says so once
# per package ("WARNING: Location 'file:///...' is ignored: it is neither a file nor a directory."). That
# exact line, and only it, is dropped: every other pip message (and pip's exit status) still shows.
# Also dropped: "WARNING: lxml 6.1.3 does not provide the extra 'html_clean'". trafilatura asks for
# lxml[html_clean], an extra that lxml 6 moved into its own package; requirements.txt pins that package
# (lxml_html_clean), and `pip check` below fails if anything the extra stood for is missing.
PIP_MACHINE_NOISE := ^WARNING: (Location 'file://[^']*' is ignored: it is neither a file nor a directory|lxml [0-9.]+ does not provide the extra 'html_clean')\.?$$

$(INSTALLED): requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@echo "$(PY) -m pip install --quiet -r requirements.txt"
	@status=0; $(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt 2>$(VENV)/pip.log \
	  || status=$$?; { grep -Ev "$(PIP_MACHINE_NOISE)" $(VENV)/pip.log >&2 || true; }; exit $$status
	$(PY) -m pip check --disable-pip-version-check >/dev/null
	touch $@

venv: $(INSTALLED)  ## create .venv with the pinned requirements

# The book has one recipe, tools/build_book.py, which the tests run too (see its docstring): it validates
# the corpus first (on failure: its one-line problems and one line more), builds in _build/.tmp-book and
# replaces _build/html only after a successful build, so a failed one leaves the last good book in place.
# It rebuilds only when an input changed: it compares the corpus folder and the files the book reads with
# the list the last good build recorded (_build/book-inputs.txt). So make always runs it (FORCE), and
# then sees from index.html whether the book is new (make pdf prints it again only then). Nothing is
# computed or written while the Makefile is read.
BOOK_JOBS ?= 2

_build/html/index.html: $(INSTALLED) FORCE
	@$(PY) tools/build_book.py --corpus "$(CORPUS)" --out _build --jobs $(BOOK_JOBS)

FORCE:

book: _build/html/index.html  ## build the HTML book into _build/html (re-runs only when inputs change)

# The PDF edition is printed from the built HTML, then copied into _build/html, where the front page's
# download link points; a rebuilt book replaces _build/html, so the PDF is rebuilt after it.
PDF := _build/pdf/bali-process-book.pdf
$(PDF): _build/html/index.html tools/book_pdf.py $(INSTALLED)
	$(PY) tools/book_pdf.py _build/html $@

_build/html/bali-process-book.pdf: $(PDF)
	cp $< $@

pdf: _build/html/bali-process-book.pdf  ## print the built book to one PDF (_build/pdf/bali-process-book.pdf)

# make test compares the committed notebooks, the regression reference of the shipped corpus: on another
# corpus (BALIPROCESS_CORPUS) it refuses in one line, before building anything; make check-corpus runs the
# checks that hold for any corpus.
corpus-guard: $(INSTALLED)
	@$(if $(shell $(PY) -m baliprocess fingerprint --require-shipped "$(CORPUS)" 2>/dev/null),:,$(error \
	$(CORPUS) is not the shipped corpus: make test compares the notebooks committed for data/corpus; \
	run make check-corpus to check the book built on this corpus))

# lint runs beside the book and its PDF (a make of its own with two jobs, each one's output shown whole when it
# is done): a clean checkout's mypy has no cache and takes 25-50 s, much of which the book's one-process steps
# (jupyter-book's build, the printing) leave a core free for. Either one failing fails make test.
test: $(INSTALLED) corpus-guard  ## lint, unit tests, nbval on every notebook, and checks on the built book and its PDF
	@$(MAKE) --no-print-directory -j2 --output-sync=target lint pdf
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder tests $(NOTEBOOKS) --nbval --nbval-current-env \
	  --nbval-sanitize-with tests/nbval_sanitize.cfg

# nbval is not loaded for them: no notebook is collected, and its import (nbformat, jsonschema, a
# kernel client) costs more than a second. One pytest per core, each on its share of the files, evened out
# by the times the last run recorded (tests/shards.py, tests/filetimes.py): unlike pytest-xdist's workers,
# which each import and collect every file, each process collects only its own (3 s of CPU less). The
# processes are forked from one Python that has imported the modules every share needs (tests/unitrun.py:
# about 4 s of CPU less than a Python of their own each). Each process's report is shown when all are done;
# the status is 1 if any failed. The tests marked end_to_end (pyproject.toml: the README walkthrough in
# fresh shells, the held-out raw files written again) run in make test only.
unit: $(INSTALLED)  ## the unit tests only: no book build, no notebook run, no end-to-end run (seconds)
	@$(PY) tests/unitrun.py $(TEST_WORKERS) -q -p no:nbval -m "not end_to_end" -- $(UNIT_TESTS)

lint: $(INSTALLED)  ## ruff check and ruff format --check on src, tests, bench, tools, book/_ext and notebooks; mypy on src (pyproject.toml)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/mypy

execute: $(INSTALLED)  ## re-execute the notebooks in place, normalised (byte-identical on re-run)
	$(PY) -m baliprocess.execute $(NOTEBOOKS)

# JupyterLab opened on notebooks/ (served from the repository root, so data/ and book/ can be opened too)
# with the venv's own python3 kernel: JUPYTER_PREFER_ENV_PATH puts the venv's kernelspec before any of the
# same name in the user's ~/.local/share/jupyter. LAB_ARGS passes options through (the test uses it for
# a headless server on a free port with a token).
LAB_ARGS ?=
lab: $(INSTALLED)  ## open JupyterLab on notebooks/ with the project's kernel (LAB_ARGS="--no-browser ...")
	JUPYTER_PREFER_ENV_PATH=1 $(BIN)/jupyter lab --ServerApp.root_dir=. --LabApp.default_url=/lab/tree/notebooks \
	  $(LAB_ARGS)

# The checks that hold for any corpus, run on the corpus in use: it validates, its export matches the data
# package's schema, the book builds without a warning, and the built book passes the HTML checks (links,
# anchors, images, captions, every glue reference filled, no error output) and the browser pass.
check-corpus: $(INSTALLED) book pdf  ## corpus-independent checks on the corpus in use (BALIPROCESS_CORPUS)
	$(PY) -m baliprocess validate "$(CORPUS)"
	$(PY) -m baliprocess export --corpus "$(CORPUS)" --out _build/data-check
	$(BIN)/frictionless validate _build/data-check/datapackage.json >_build/data-check/validation.txt \
	  || { tail -n 40 _build/data-check/validation.txt >&2; exit 1; }
	$(PY) -m pytest -q -p no:cacheprovider $(CORPUS_TESTS)

export: $(INSTALLED)  ## write the derived tables and datapackage.json into _build/data
	$(PY) -m baliprocess export --out _build/data

bench: $(INSTALLED)  ## time clean and no-op builds, make test, make unit, and the export of 1,000 and 10,000 documents
	$(PY) bench/run.py

clean:  ## remove build outputs (keeps .venv)
	rm -rf _build
