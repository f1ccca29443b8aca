# The developer's and CI's entry points. Everything a target needs is installed here,
# from pinned versions (pyproject.toml for direct dependencies, constraints.txt for all).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# The site generator: mkdocs (MkDocs 1.6.1 + mkdocs-material 9.8, the default) or zensical.
# The one setting to change for another engine: `make site ENGINE=zensical`, or set it here.
ENGINE ?= mkdocs
# strikt: any problem in a case file stops `make site`. geldig (the main branch's runs in
# CI): the site is built from the valid cases, a case with a problem is left out and
# reported (docs/publishing.md). MAATWERKBANK_VISIBILITY=public|internal|private (set by
# the workflows) refuses publishing from a public repository that holds stories the site
# withholds.
MODE ?= strikt
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1
# Python keeps each module it compiles in __pycache__ for the next process. A machine that
# turns that off (PYTHONDONTWRITEBYTECODE, set on these machines) has every process compile
# every module a build imports again (docs/performance.md).
unexport PYTHONDONTWRITEBYTECODE

.PHONY: site test test-core serve beheer bench check check-site new lint clean browser docs

# The virtualenv is rebuilt when the pins change. uv installs the same pinned versions
# as pip in a fraction of its time (CI starts from nothing on every run); pip installs
# them when uv cannot be had.
UV_VERSION := 0.13.9
$(BIN)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	{ $(BIN)/pip install --quiet uv==$(UV_VERSION) && \
	  $(BIN)/uv pip install --quiet --python $(BIN)/python -c constraints.txt -e '.[test,dev]'; } || \
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test,dev]'
	touch $@

site: $(BIN)/.installed ## build the site CI publishes into site/ (the web form too, when Node is there; ENGINE=zensical; MODE=geldig)
	scripts/npm-packages.sh
	ENGINE='$(ENGINE)' MAATWERKBANK_MODE='$(MODE)' MAATWERKBANK=$(BIN)/maatwerkbank scripts/build-site.sh site

TEST_JOBS ?= 2
# Lint (after the Python packages) and the browser tools (Chromium, npm: mostly waiting on
# downloads) are made side by side, each target's output kept together.
test: ## the whole test suite: lint, types, layers, then every test (browser tests too), in TEST_JOBS processes
	$(MAKE) --no-print-directory -j2 --output-sync=target lint browser
	$(BIN)/python -m pytest -n $(TEST_JOBS) --dist loadfile

test-core: $(BIN)/.installed ## the fast tier after each change: no site build, no server, no browser
	$(BIN)/python -m pytest -n $(TEST_JOBS) --dist loadfile -m "not build and not browser"

browser: ## Chromium and Node (Lighthouse) for the browser tests, installed when missing
	scripts/install-test-tools.sh

serve: $(BIN)/.installed ## live preview on http://127.0.0.1:8000
	$(BIN)/mkdocs serve --livereload

# make itself always adds "make: *** [...] Error 1" after a failing command; the line
# before it says, in Dutch, that this only repeats the result above.
EXPLAIN_EXIT = { status=$$?; echo "(make meldt hierna 'Error $$status': dat is alleen de uitkomst hierboven.)" >&2; exit $$status; }

check: $(BIN)/.installed ## validate the case files
	@$(BIN)/maatwerkbank check || $(EXPLAIN_EXIT)

# FORMAT=github turns problems in files into annotations on the pull request.
check-site: $(BIN)/.installed ## the content gate before publishing: cases, settings, strict build, links, third parties
	@$(BIN)/maatwerkbank check-site --format $(or $(FORMAT),tekst) || $(EXPLAIN_EXIT)

new: $(BIN)/.installed ## a new case file from the template: make new NAAM=<naam> [PILOT=ja]
	@test -n "$(NAAM)" || { echo "Geef de naam van de case: make new NAAM=mijn-case (PILOT=ja voor een pilot)"; exit 2; }
	$(BIN)/maatwerkbank new $(NAAM) $(if $(PILOT),--pilot)

beheer: $(BIN)/.installed browser ## the web form on http://127.0.0.1:8000/beheer/, writing into cases/
	@echo "Beheer: http://127.0.0.1:8000/beheer/ (Inloggen; wijzigingen komen direct in cases/)"
	scripts/decap-server.sh & server=$$!; \
	trap 'kill $$server 2>/dev/null' EXIT INT TERM; \
	$(BIN)/mkdocs serve --livereload

bench: $(BIN)/.installed ## the product's paths at 1,000 and 5,000 synthetic cases (BENCH_ARGS="--baseline COMMIT")
	$(BIN)/python bench/bench.py $(BENCH_ARGS)

docs: $(BIN)/.installed ## rewrite the field tables in docs/ from the model (a test fails while they are stale)
	$(BIN)/python -m generator.authoring.field_table

lint: $(BIN)/.installed
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache --no-logo

clean:
	rm -rf site .venv .pytest_cache
