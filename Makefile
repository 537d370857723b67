# Two promises: `make run` serves the portal with demo data, `make test` passes the suite.
# Both install what they need first and reuse what is already there.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app portal
PORT ?= 5000

.PHONY: run test install translations vendor clean

run: install
	$(FLASK) db upgrade
	$(FLASK) demo --if-empty
	$(FLASK) run --host 127.0.0.1 --port $(PORT)

test: install
	$(BIN)/pytest $(PYTEST_ARGS)

install: $(VENV)/.installed vendor translations

# Reinstalled only when the dependencies change.
$(VENV)/.installed: pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

vendor: static/vendor/htmx.min.js

static/vendor/htmx.min.js: package.json
	npm install --no-audit --no-fund --no-package-lock --loglevel=error
	mkdir -p static/vendor
	cp node_modules/htmx.org/dist/htmx.min.js static/vendor/htmx.min.js

translations: $(VENV)/.installed
	$(FLASK) translate compile

clean:
	rm -rf $(VENV) node_modules static/vendor translations/*/LC_MESSAGES/*.mo
