# Two commands do all the set-up:
#   make demo   creates .venv, installs everything pinned (models included) and writes the
#               dossier of the bundled example to examples-dossier.html (and .json)
#   make test   installs the same plus the test tools and a browser, then runs the tests
#               and the quality floors

PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: demo test install install-test browser eval bench clean

demo: install
	$(BIN)/recoupe brief examples/ -o examples-dossier.json
	$(BIN)/recoupe brief examples/ -o examples-dossier.html
	@echo "open examples-dossier.html in a browser"

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

install-test: $(VENV)/.installed-test

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

# Debian's Chromium, driven by Playwright (Playwright's own browser download does not work offline).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

BENCHDATA ?= ../shared/benchdata

test: install-test browser
	@if [ -d "$(BENCHDATA)" ]; then $(BIN)/recoupe eval --quick --check --data "$(BENCHDATA)"; \
	 else echo "quality floors skipped: $(BENCHDATA) is absent"; fi
	$(BIN)/python -m pytest

eval: install
	$(BIN)/recoupe eval --write-docs

bench: install
	$(BIN)/recoupe bench

clean:
	rm -rf $(VENV) build src/*.egg-info examples-dossier.*
