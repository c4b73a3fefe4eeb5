# Two entry points that work on a fresh machine (Python 3.11, Java 17, Maven):
#   make demo   extract the bundled example articles, print the triples and a summary, and load
#               them into the embedded store (.geokg/graph.sqlite)
#   make test   lint, type-check and run the whole test suite (starts a real Neo4j)
# and, for exploring in Jupyter:
#   make notebooks   install the pinned JupyterLab (the `notebooks` extra) into .venv, build the
#                    notebooks' embedded store from the examples if missing, start JupyterLab on
#                    notebooks/ at 127.0.0.1 and print its URL with the token
#   make test-slow  the tests marked slow (multi-megabyte inputs, long fuzz runs), nightly
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test test-slow lint install figures

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

# The README's pictures (docs/*.png), drawn from the bundled examples; the last one is a Neo4j
# Browser screenshot taken by tools/browser_screenshot.py with the headless Chromium of the tests.
figures: $(STAMP)
	$(VENV)/bin/python tools/figures.py --out docs
	$(VENV)/bin/python tools/browser_screenshot.py --out docs/neo4j-browser.png

# JupyterLab on notebooks/ (127.0.0.1 only; NOTEBOOKS_PORT, NOTEBOOKS_DB to change them). The
# notebooks read the store named by GEOKG_DB; they would build it themselves, this builds it first.
# As root (containers, CI) JupyterLab needs --allow-root.
NOTEBOOKS_STAMP := $(VENV)/.notebooks-stamp
NOTEBOOKS_PORT ?= 8888
NOTEBOOKS_DB ?= .geokg/notebooks.sqlite

.PHONY: notebooks notebooks-install

$(NOTEBOOKS_STAMP): requirements-notebooks.txt $(STAMP)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-notebooks.txt
	touch $(NOTEBOOKS_STAMP)

notebooks-install: $(NOTEBOOKS_STAMP)

$(NOTEBOOKS_DB): | $(STAMP)
	$(VENV)/bin/geokg ingest examples/articles --db $(NOTEBOOKS_DB) --ledger $(basename $(NOTEBOOKS_DB)).ledger.sqlite

notebooks: $(NOTEBOOKS_STAMP) $(NOTEBOOKS_DB)
	@token=$${NOTEBOOKS_TOKEN:-$$($(PYTHON) -c 'import secrets; print(secrets.token_hex(24))')}; \
	echo "JupyterLab on notebooks/: http://127.0.0.1:$(NOTEBOOKS_PORT)/lab?token=$$token  (Ctrl-C stops it)"; \
	GEOKG_DB=$(abspath $(NOTEBOOKS_DB)) exec $(VENV)/bin/jupyter lab --no-browser --ServerApp.ip=127.0.0.1 \
		--ServerApp.port=$(NOTEBOOKS_PORT) --ServerApp.port_retries=0 --ServerApp.answer_yes=True --ServerApp.root_dir=notebooks \
		--IdentityProvider.token=$$token $$([ "$$(id -u)" -ne 0 ] || echo --allow-root)

test-slow: $(STAMP)
	$(VENV)/bin/python -m pytest -m "slow or fuzz"
