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

NOTEBOOKS := $(sort $(wildcard notebooks/*.ipynb))
# Tests that need neither the built book nor a notebook run: the inner loop of `make unit`.
BOOK_TESTS := tests/test_book_html.py tests/test_browser.py tests/test_escaping.py tests/test_reproducible.py \
	tests/test_bibliography.py tests/test_build_log.py tests/test_lab.py tests/test_make_book.py tests/test_pdf.py \
	tests/test_reader_page.py tests/test_any_corpus.py tests/test_make_test_guard.py
UNIT_TESTS := $(filter-out $(BOOK_TESTS),$(sort $(wildcard tests/test_*.py)))
LINTED := src tests bench
# make test runs the test files on this many processes (pytest-xdist; one file stays on one process).
TEST_WORKERS ?= 2
# The book checks that hold for any corpus (make check-corpus).
CORPUS_TESTS := tests/test_book_html.py tests/test_browser.py
CORPUS := $(if $(BALIPROCESS_CORPUS),$(BALIPROCESS_CORPUS),data/corpus)
# Notebooks run in notebooks/: a relative BALIPROCESS_CORPUS is made absolute for them.
ifneq ($(BALIPROCESS_CORPUS),)
export BALIPROCESS_CORPUS := $(abspath $(BALIPROCESS_CORPUS))
endif
# The book depends on the corpus folder in use: a stamp that changes when the folder does.
CORPUS_STAMP := _build/.corpus-path
$(shell mkdir -p _build && { echo '$(abspath $(CORPUS))' | cmp -s - $(CORPUS_STAMP) || echo '$(abspath $(CORPUS))' > $(CORPUS_STAMP); })
# Every page's footer names the git commit the book is built from (book/_ext/book_citation.py): a stamp
# that changes when HEAD does (empty outside a git checkout).
COMMIT_STAMP := _build/.git-commit
$(shell { git rev-parse HEAD 2>/dev/null || true; } | cmp -s - $(COMMIT_STAMP) || { git rev-parse HEAD 2>/dev/null || true; } > $(COMMIT_STAMP))
BOOK_INPUTS := _config.yml _toc.yml CITATION.cff $(NOTEBOOKS) $(CORPUS_STAMP) $(COMMIT_STAMP) \
	$(shell find book src data $(CORPUS) -type f -not -path 'book/_export/*' -not -name '*.pyc' 2>/dev/null)

.PHONY: help venv book test unit lint execute export clean bench lab pdf check-corpus corpus-guard

help:  ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

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

# Failing safely: the corpus is validated first (on failure: its one-line problems and one line more);
# the book is built into $(BOOK_TMP), and only a successful build replaces _build/html and
# _build/jupyter_execute, so a failed one leaves the last good book in place. The full log of the book in
# _build/html is $(BOOK_LOG); a failed build's log is $(BOOK_FAILED_LOG), of which only the error and
# warning lines are printed.
BOOK_TMP := _build/.tmp-book
# The chapters are executed in a copy of the book's sources, BOOK_JOBS at a time (they do not depend on each
# other), and Sphinx then reads the executed copies: the same outputs as jupyter-book's own execution,
# which runs one notebook after another.
BOOK_SRC := _build/.tmp-src
BOOK_JOBS ?= 2
BOOK_LOG := _build/book.log
BOOK_FAILED_LOG := _build/book-failed.log
NOT_BUILT := book not built

_build/html/index.html: $(INSTALLED) $(BOOK_INPUTS)
	@$(PY) -m baliprocess validate "$(CORPUS)" >/dev/null 2>_build/validate.log \
	  || { cat _build/validate.log >&2; echo "$(NOT_BUILT): fix the corpus ($(CORPUS))" >&2; exit 1; }
	@rm -rf $(BOOK_TMP) $(BOOK_SRC) $(BOOK_FAILED_LOG) _build/.doctrees book/_export && mkdir -p $(BOOK_TMP) $(BOOK_SRC)
	@cp -r _config.yml _toc.yml book notebooks $(BOOK_SRC)/ && rm -rf $(BOOK_SRC)/book/_export
	@sed -i 's/^  execute_notebooks: force$$/  execute_notebooks: "off"  # executed just before, $(BOOK_JOBS) at a time/' \
	  $(BOOK_SRC)/_config.yml && grep -q 'execute_notebooks: "off"' $(BOOK_SRC)/_config.yml
	@echo "execute the chapters ($(BOOK_JOBS) at a time), then jupyter-book build --all --warningiserror --nitpick (log: $(BOOK_LOG))"
	@{ $(PY) -m baliprocess.execute --jobs $(BOOK_JOBS) $(BOOK_SRC)/notebooks/*.ipynb && \
	  $(BIN)/jupyter-book build --all --warningiserror --nitpick --keep-going --path-output $(BOOK_TMP) $(BOOK_SRC); } \
	  >$(BOOK_TMP)/book.log 2>&1 || { mv $(BOOK_TMP)/book.log $(BOOK_FAILED_LOG); \
	  grep -E '^[A-Za-z_.]*(Error|Exception)\b|WARNING|ERROR' $(BOOK_FAILED_LOG) | tail -n 8 >&2; \
	  echo "$(NOT_BUILT): the previous _build/html is unchanged; full log in $(BOOK_FAILED_LOG)" >&2; exit 1; }
	@rm -rf _build/.old-html _build/.old-execute
	@if [ -d _build/html ]; then mv _build/html _build/.old-html; fi
	@if [ -d _build/jupyter_execute ]; then mv _build/jupyter_execute _build/.old-execute; fi
	@mv $(BOOK_TMP)/_build/html _build/html
	@if [ -d $(BOOK_TMP)/_build/jupyter_execute ]; then mv $(BOOK_TMP)/_build/jupyter_execute _build/jupyter_execute; fi
	@mv $(BOOK_TMP)/book.log $(BOOK_LOG)
	@rm -rf _build/executed && mv $(BOOK_SRC)/notebooks _build/executed  # the executed chapters (test_reproducible)
	@rm -rf _build/.old-html _build/.old-execute $(BOOK_TMP) $(BOOK_SRC)
	@touch $@
	@echo "book built: _build/html/index.html"

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

test: $(INSTALLED) corpus-guard lint book pdf  ## lint, unit tests, nbval on every notebook, and checks on the built book and its PDF
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile tests $(NOTEBOOKS) --nbval --nbval-current-env \
	  --nbval-sanitize-with tests/nbval_sanitize.cfg

unit: $(INSTALLED)  ## the unit tests only: no book build, no notebook run (seconds)
	$(PY) -m pytest -q $(UNIT_TESTS)

lint: $(INSTALLED)  ## ruff check and ruff format --check on src, tests and bench (configured in pyproject.toml)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)

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

bench: $(INSTALLED)  ## time clean and no-op builds, the tests, and the export of 1,000 and 10,000 documents
	$(PY) bench/run.py

clean:  ## remove build outputs (keeps .venv)
	rm -rf _build book/_export
