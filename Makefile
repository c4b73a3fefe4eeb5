# Two entry points that work on a fresh machine (Python 3.11, Java 17, Maven):
#   make demo   extract the bundled example articles, print the triples and a summary, and load
#               them into the embedded store (.geokg/graph.sqlite)
#   make test   lint, type-check and run the whole test suite (starts a real Neo4j)
#   make test-slow  the tests marked slow (multi-megabyte inputs, long fuzz runs), nightly
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test test-slow lint install

$(STAMP): pyproject.toml requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/geokg extract examples/articles --format table
	$(VENV)/bin/geokg ingest examples/articles

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

test: lint
	$(VENV)/bin/python -m pytest

test-slow: $(STAMP)
	$(VENV)/bin/python -m pytest -m slow
