# kb — the two Quick start commands are `make demo` and `make test`; both set up what they need.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
KB := $(VENV)/bin/kb
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: setup setup-sentence-transformers browser report-libs e2e-tools demo serve test test-fast test-server-store check bench clean

setup: $(VENV)/.installed report-libs

# The default embedding model needs no torch. For the sentence-transformers backends (MiniLM) run
# `make setup-sentence-transformers`: torch first, pinned, since an unpinned torch pulls a CUDA build.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

setup-sentence-transformers: setup
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e '.[dev,sentence-transformers]'

# Headless Chromium for the browser tests: Debian's package (Playwright's own download does not work here).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests ..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

# Pango for WeasyPrint (the Bestandsaufnahme's PDF report): Debian's package, if it is not there yet.
report-libs:
	@ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 || { \
	  echo "Installing Debian's pango for the PDF report ..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core >/dev/null; }

# End-to-end tools from npm: the TREE community's ldes-client (LDES conformance) and axe-core (WCAG 2.1 AA checks).
e2e-tools:
	@if [ -f tests/e2e/package-lock.json ] && command -v npm >/dev/null 2>&1; then npm ci --silent --prefix tests/e2e; fi

demo: setup
	$(KB) demo

serve: setup
	$(KB) serve --seed

# `make check` first: CI (.ci/run) runs `make test`, so lint and types are checked on every run.
# Two workers: most tests wait on node processes, so two keep both cores busy (tests/conftest.py
# groups the files; TEST_WORKERS=0 runs everything in one process).
TEST_WORKERS ?= 2
test: setup check browser e2e-tools
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadgroup

test-fast: setup
	$(PY) -m pytest -m "not slow and not browser"

# The API and catalogue tests again, every node's catalogue on its own `oxigraph serve` (docs/operations.md).
test-server-store: setup
	KB_TEST_STORE=server $(PY) -m pytest -m "not browser" tests/api tests/store

# ruff, then mypy (union-attr on; strict for kb/federation and kb/search: see pyproject.toml).
check: setup
	@echo "== make check: ruff"
	@$(VENV)/bin/ruff check kb tests bench
	@echo "== make check: mypy"
	@$(VENV)/bin/mypy kb

bench: setup
	@for script in bench/*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

clean:
	rm -rf $(VENV) data demo-data .pytest_cache
