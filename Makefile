# Two commands: `make html` builds the site from seeds/; `make test` runs every test.
# Variables: SEEDS=DIR (input folder), BUILDDIR=DIR (output), STRICT=1 (fail on any bad input
# or Sphinx warning), FORCE=1 (regenerate hand-edited articles; with clean, delete them too),
# JOBS=N (converter and Sphinx processes), NER=spacy:MODEL (add an installed spaCy model's names to the
# rule-based extractor), SITE_URL=https://you.github.io/repo/ (where the site is published),
# CNAME=domain (a custom domain; SITE_URL becomes https://domain/), PORT=N (make serve).

SEEDS    ?= seeds
BUILDDIR ?= build
JOBS     ?= auto
PYTHON   ?= python3
PORT     ?= 8000

# CNAME=domain publishes at https://domain/ unless SITE_URL says otherwise. conf.py reads
# SITE_URL from the environment, so plain sphinx-build sees it too.
ifeq ($(SITE_URL),)
ifneq ($(CNAME),)
SITE_URL := https://$(CNAME)/
endif
endif
export SITE_URL

# Use the active virtual environment if there is one, else .venv in the repository.
ifdef VIRTUAL_ENV
VENV := $(VIRTUAL_ENV)
else
VENV := .venv
endif
PY := $(VENV)/bin/python
STAMP := $(VENV)/.news-archive-installed
TEST_STAMP := $(VENV)/.news-archive-test-installed

CONVERT_FLAGS := --report $(BUILDDIR)/report.json $(if $(STRICT),--strict) $(if $(FORCE),--force) \
                 $(if $(NER),--ner $(NER))

.PHONY: html test bench serve clean convert install check-links dist

# One command converts and builds under a lock, so a second `make html` stops at once.
html: $(STAMP)
	$(PY) -m build_tools html $(SEEDS) --builddir $(BUILDDIR) --jobs $(JOBS) $(CONVERT_FLAGS)
	@echo "Site: $(BUILDDIR)/html/index.html"

convert: $(STAMP)
	$(PY) -m build_tools convert $(SEEDS) --jobs $(JOBS) $(CONVERT_FLAGS)

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	@touch $@

$(TEST_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $@

test: $(TEST_STAMP)
	$(PY) -m pytest $(PYTEST_ARGS)

# Times a generated archive and records the run in docs/benchmarks.json, .md and .svg;
# BENCH_ARGS="--articles 10000", "--no-record" (a trial: write nothing), "--chart-only".
bench: $(STAMP)
	$(PY) -m build_tools.bench $(BENCH_ARGS)

# Every internal link and asset resolves on disk, and nothing comes from outside the site.
check-links: $(STAMP)
	$(PY) -m build_tools check-links $(BUILDDIR)/html $(if $(SITE_URL),--base-url $(SITE_URL))

# dist/<archive>-<date>.zip: the site and a README.txt, to open from disk.
dist: html
	$(PY) -m build_tools dist $(BUILDDIR)/html --out dist

# Only on this machine (127.0.0.1): a local look, not a server for others.
serve: html
	$(PY) -m http.server --bind 127.0.0.1 --directory $(BUILDDIR)/html $(PORT)

# Keeps articles edited by hand (and names them) unless FORCE=1.
clean: $(STAMP)
	$(PY) -m build_tools clean --builddir $(BUILDDIR) $(if $(FORCE),--force)
