# Two commands do all set-up: `make demo` and `make test` (both run `make install`).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= out/demo-index.json
SEED   := fixtures/morocco-france-justice.txt

.PHONY: install demo test bench score clean browser

# Idempotent: reinstalls only when pyproject.toml changed since the last install.
install: $(STAMP) browser

# The browser tests of `quotes serve` drive Debian's Chromium: installed here when missing and we are
# root with apt-get (as in CI); otherwise those tests skip and say how to install it.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Chromium not found: the browser tests will skip (as root: apt-get install chromium)"; fi; }

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: install
	mkdir -p out
	rm -f $(DB) $(DB).lock
	$(BIN)/quotes ingest fixtures/ --db $(DB)
	$(BIN)/quotes speakers --db $(DB) --format table
	@echo; echo "Quotations by speaker:"; echo
	$(BIN)/quotes export --db $(DB) --format md
	$(BIN)/quotes export --db $(DB) --format md -o out/quotes.md --force
	@echo "Markdown export written to out/quotes.md"

# The layers and the absence of import cycles (pyproject.toml, [tool.importlinter]), then the suite.
test: install
	$(BIN)/lint-imports --no-cache
	$(BIN)/python -m pytest

# Accuracy on PolNeAR dev, with textacy's direct_quotations from the same run.
score: install
	$(BIN)/python ../shared/eval/score.py ../shared/polnear/dev --cmd "$(BIN)/quotes extract --format jsonl" --baseline

bench: install
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) out .pytest_cache
