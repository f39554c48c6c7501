# Two commands: `make html` builds the site from seeds/; `make test` runs every test.
# Variables: SEEDS=DIR (input folder), BUILDDIR=DIR (output), STRICT=1 (fail on any bad input
# or Sphinx warning), FORCE=1 (regenerate hand-edited articles; with clean, delete them too),
# JOBS=N (Sphinx processes), NER=spacy:MODEL (add an installed spaCy model's names to the rule-based extractor).

SEEDS    ?= seeds
BUILDDIR ?= build
JOBS     ?= auto
PYTHON   ?= python3

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

.PHONY: html test bench serve clean convert install

# One command converts and builds under a lock, so a second `make html` stops at once.
html: $(STAMP)
	$(PY) -m build_tools html $(SEEDS) --builddir $(BUILDDIR) --jobs $(JOBS) $(CONVERT_FLAGS)
	@echo "Site: $(BUILDDIR)/html/index.html"

convert: $(STAMP)
	$(PY) -m build_tools convert $(SEEDS) $(CONVERT_FLAGS)

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

bench: $(STAMP)
	$(PY) -m build_tools.bench $(BENCH_ARGS)

serve: html
	$(PY) -m http.server --directory $(BUILDDIR)/html 8000

# Keeps articles edited by hand (and names them) unless FORCE=1.
clean: $(STAMP)
	$(PY) -m build_tools clean --builddir $(BUILDDIR) $(if $(FORCE),--force)
