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

NOTEBOOKS := $(sort $(wildcard notebooks/*.ipynb))
# Tests that need neither the built book nor a notebook run: the inner loop of `make unit`.
BOOK_TESTS := tests/test_book_html.py tests/test_browser.py tests/test_escaping.py tests/test_reproducible.py
UNIT_TESTS := $(filter-out $(BOOK_TESTS),$(sort $(wildcard tests/test_*.py)))
LINTED := src tests bench
CORPUS := $(if $(BALIPROCESS_CORPUS),$(BALIPROCESS_CORPUS),data/corpus)
# The book depends on the corpus folder in use: a stamp that changes when the folder does.
CORPUS_STAMP := _build/.corpus-path
$(shell mkdir -p _build && { echo '$(abspath $(CORPUS))' | cmp -s - $(CORPUS_STAMP) || echo '$(abspath $(CORPUS))' > $(CORPUS_STAMP); })
BOOK_INPUTS := _config.yml _toc.yml $(NOTEBOOKS) $(CORPUS_STAMP) \
	$(shell find book src data $(CORPUS) -type f -not -path 'book/_export/*' -not -name '*.pyc' 2>/dev/null)

.PHONY: help venv book test unit lint execute export clean bench

help:  ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(INSTALLED): requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

venv: $(INSTALLED)  ## create .venv with the pinned requirements

_build/html/index.html: $(INSTALLED) $(BOOK_INPUTS)
	rm -rf _build/html _build/jupyter_execute _build/.doctrees book/_export
	$(BIN)/jupyter-book build --all --warningiserror --nitpick --keep-going .
	touch $@

book: _build/html/index.html  ## build the HTML book into _build/html (re-runs only when inputs change)

test: $(INSTALLED) lint book  ## lint, unit tests, nbval on every notebook, and checks on the built book
	$(PY) -m pytest tests $(NOTEBOOKS) --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg

unit: $(INSTALLED)  ## the unit tests only: no book build, no notebook run (seconds)
	$(PY) -m pytest -q $(UNIT_TESTS)

lint: $(INSTALLED)  ## ruff check and ruff format --check on src, tests and bench (configured in pyproject.toml)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)

execute: $(INSTALLED)  ## re-execute the notebooks in place, normalised (byte-identical on re-run)
	$(PY) -m baliprocess.execute $(NOTEBOOKS)

export: $(INSTALLED)  ## write the derived tables and datapackage.json into _build/data
	$(PY) -m baliprocess export --out _build/data

bench: $(INSTALLED)  ## time clean and no-op builds, the tests, and the export of 1,000 and 10,000 documents
	$(PY) bench/run.py

clean:  ## remove build outputs (keeps .venv)
	rm -rf _build book/_export
