# Two commands for a fresh machine with only Python 3.11+: `make play` and `make test`.
# Both create (or refresh, when pyproject.toml changes) a local .venv first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: play test check venv bench clean soak-event fuzz soak

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

bench: $(STAMP)
	$(BIN)/bystander bench

# A long simulated event day (3,000 visitors, clock accelerated): prints the memory figures.
soak-event: $(STAMP)
	BYSTANDER_SOAK_VISITORS=$${BYSTANDER_SOAK_VISITORS:-3000} $(BIN)/python -m pytest -q -s \
		tests/test_event_soak.py

# The fuzz tests of tests/core/test_fuzz.py with many examples: about 10 minutes on 2 cores.
FUZZ_EXAMPLES ?= 13000
fuzz: $(STAMP)
	BYSTANDER_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -q tests/core/test_fuzz.py \
		--hypothesis-show-statistics

# The long forms of tests/reliability: 10,000 random play-throughs of the UI with the memory
# every 1,000, hundreds of killed writes, every size with every story. About an hour.
soak: $(STAMP)
	BYSTANDER_SOAK=1 $(BIN)/python -m pytest -q -s tests/reliability

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
