# Two commands for a fresh machine with only Python 3.11+: `make play` and `make test`.
# Both create (or refresh, when pyproject.toml changes) a local .venv first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: play test check venv bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Bystander needs Python 3.11 or newer; found: $$($(PYTHON) --version)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

venv: $(STAMP)

play: $(STAMP)
	$(BIN)/bystander play

test: $(STAMP)
	$(BIN)/python -m pytest -q

check: $(STAMP)
	$(BIN)/bystander check --strict scenes

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
