# Two commands for a fresh machine with only Python 3.11+: `make play` and `make test`.
# Both create (or refresh, when pyproject.toml, setup.py or a catalogue changes) a local .venv
# first; installing compiles the translation catalogues (setup.py).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CATALOGUES := $(wildcard game/locale/*/LC_MESSAGES/*.po)

.PHONY: play test check venv bench clean soak-event fuzz soak translations

$(STAMP): pyproject.toml setup.py $(CATALOGUES)
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Bystander needs Python 3.11 or newer; found: $$($(PYTHON) --version)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

venv: $(STAMP)

# The title cards of the shipped stories (game/ui/shipped_cards.py). The install makes them; they
# hold only for the stories and the code that made them, so they are made again here when either
# changed since (a `git pull`, an edit): the first start of a checkout then loads no story either.
CARDS := game/ui/shipped_cards.json
$(CARDS): $(STAMP) $(wildcard scenes/*.yaml scenes/*.yml game/core/*.py game/ui/*.py)
	$(BIN)/python -c 'from game.paths import SCENES_DIR; from game.ui.catalogue import card_json; \
		from game.ui.shipped_cards import INDEX, write_index; write_index(SCENES_DIR, INDEX, card_json)'

play: $(STAMP) $(CARDS)
	$(BIN)/bystander play

test: $(STAMP) $(CARDS)
	$(BIN)/python -m pytest -q

check: $(STAMP)
	$(BIN)/bystander check --strict scenes

bench: $(STAMP) $(CARDS)
	$(BIN)/bystander bench

# After changing the interface's words: extract them from the code and templates into the .pot,
# carry them into every language's .po (new ones empty, changed ones fuzzy, for the translator),
# and compile the .mo files the game reads. The settings are in pyproject.toml, [tool.babel].
translations: $(STAMP)
	$(BIN)/pybabel extract
	$(BIN)/pybabel update
	$(BIN)/pybabel compile --statistics

# A long simulated event day (3,000 visitors, clock accelerated) at the event screen's size
# (SOAK_SIZE, 1920x1080 unless given): prints the memory figures.
SOAK_SIZE ?= 1920x1080
soak-event: $(STAMP)
	BYSTANDER_SOAK_VISITORS=$${BYSTANDER_SOAK_VISITORS:-3000} BYSTANDER_SOAK_SIZE=$(SOAK_SIZE) \
		$(BIN)/python -m pytest -q -s tests/test_event_soak.py

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
