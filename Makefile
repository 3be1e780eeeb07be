# The newsroom's editorial desk. `make run` to try it, `make test` to test it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint bench serve check-python clean

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null || { \
	  echo "The newsroom needs Python 3.12 or newer (Django 6.1); '$(PYTHON)' is $$($(PYTHON) -V 2>&1)."; \
	  echo "With pyenv, the .python-version file here selects 3.13: run 'pyenv install 3.13'."; \
	  echo "Or name an interpreter: make PYTHON=/path/to/python3.13 run"; \
	  exit 1; }

$(INSTALLED): pyproject.toml | check-python
	@test -x $(BIN)/python && $(BIN)/python -c 'import sys; sys.exit(sys.version_info < (3, 12))' \
	  || { rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); }
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --editable '.[test]'
	@touch $@

run: $(INSTALLED)
	$(BIN)/python manage.py migrate --verbosity 0
	$(BIN)/python manage.py load_demo --verbosity 0
	@echo
	@echo "  The public site is at http://$(HOST):$(PORT)/ and the editorial desk at http://$(HOST):$(PORT)/desk/"
	@echo "  Sign in as admin, editor, translator or reviewer; every demo password is 'newsroom-demo'."
	@echo
	@# The worker sends what follows a change (notification emails); it stops with the server.
	@trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	NEWSROOM_SITE_URL=$${NEWSROOM_SITE_URL:-http://$(HOST):$(PORT)} $(BIN)/python manage.py db_worker & worker=$$!; \
	NEWSROOM_SITE_URL=$${NEWSROOM_SITE_URL:-http://$(HOST):$(PORT)} $(BIN)/python manage.py runserver $(HOST):$(PORT)

# axe-core and the Nu HTML checker, which the tests run (see package.json).
CHECKERS := node_modules/.installed
$(CHECKERS): package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is needed for the accessibility and HTML checks (apt-get install npm)"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

test: $(INSTALLED) $(CHECKERS)
	$(BIN)/pytest

# Production-like: DEBUG off, static files through whitenoise, gunicorn with 2 workers, and
# the task worker beside it (on several app servers, see the README's systemd units).
# Needs SECRET_KEY; set REDIS_URL so the workers share the page cache. FRONT=varnish puts
# Varnish (deploy/varnish/newsroom.vcl) in front on FRONT_PORT, purged on every change.
FRONT_PORT ?= 6081
serve: $(INSTALLED)
	DEBUG=0 $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	DEBUG=0 $(BIN)/python manage.py migrate --verbosity 0
	@trap 'kill $$worker $$front 2>/dev/null' EXIT INT TERM; \
	if [ "$(FRONT)" = varnish ]; then \
	  sed 's/.port = "8000";/.port = "$(PORT)";/' deploy/varnish/newsroom.vcl > .venv/newsroom.vcl; \
	  varnishd -F -j none -n $(CURDIR)/.venv/varnish -a $(HOST):$(FRONT_PORT) -f $(CURDIR)/.venv/newsroom.vcl -s malloc,256m & front=$$!; \
	  export PURGE_BACKEND=varnish PURGE_URLS=http://$(HOST):$(FRONT_PORT)/ NEWSROOM_SITE_URL=$${NEWSROOM_SITE_URL:-http://$(HOST):$(FRONT_PORT)}; \
	fi; \
	DEBUG=0 $(BIN)/python manage.py db_worker & worker=$$!; \
	DEBUG=0 $(BIN)/gunicorn newsroom.wsgi --workers $${WORKERS:-2} --bind $(HOST):$(PORT) --access-logfile -

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(INSTALLED)
	$(BIN)/python bench/import_seeds.py
	$(BIN)/python bench/desk.py
	$(BIN)/python bench/public_site.py
	$(BIN)/python bench/front.py
	$(BIN)/python bench/translation_memory.py
	$(BIN)/python bench/translation_checks.py
	$(BIN)/python bench/notifications.py

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache node_modules
