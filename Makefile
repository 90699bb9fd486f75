# Köpir: the one entry point. `make run` serves the demo; `make test` runs every check.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 2
# The address links and the OAI-PMH baseURL are built from: the one being served, unless set.
KOPIR_SITE_URL ?= http://$(HOST):$(PORT)

# The demo is served the way production is: production settings, gunicorn, whitenoise, debug
# off. Only TLS is off (KOPIR_HTTPS=false), since it is plain http on this machine.
PRODUCTION_ENV := DJANGO_SETTINGS_MODULE=config.settings.production \
	SECRET_KEY_FILE=var/secret_key ALLOWED_HOSTS=$(HOST),localhost,127.0.0.1 \
	KOPIR_HTTPS=false KOPIR_SITE_URL=$(KOPIR_SITE_URL) PYTHONTZPATH=
TEST_ENV := DJANGO_SETTINGS_MODULE=config.settings.test PYTHONTZPATH=

.PHONY: run test install migrate demo static messages typecheck vendor bench clean z3950

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

install: $(STAMP)

var/secret_key:
	mkdir -p var
	umask 077 && $(PYTHON) -c "import secrets; print(secrets.token_urlsafe(64))" > $@

run: $(STAMP) var/secret_key
	$(PRODUCTION_ENV) $(PY) manage.py translations --compile
	$(PRODUCTION_ENV) $(PY) manage.py migrate --noinput
	$(PRODUCTION_ENV) $(PY) manage.py load_demo
	$(PRODUCTION_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	@echo ""
	@echo "Köpir is serving the demo network at http://$(HOST):$(PORT)/"
	@echo "Open first: http://$(HOST):$(PORT)/kk/ (Kazakh), /ru/ (Russian), /en/ (English);"
	@echo "the partners at /en/partners/, the map at /en/map/, the local-history collection at"
	@echo "/en/collection/ (its OAI-PMH feed at /oai?verb=Identify); the partners' books at"
	@echo "/en/exchange/catalogue/, searchable by library systems over SRU at /sru (and over"
	@echo "Z39.50 with make z3950, in another terminal). Stop with Ctrl+C."
	@echo "Demo logins (sign in at http://$(HOST):$(PORT)/en/accounts/login/):"
	@$(PRODUCTION_ENV) $(PY) manage.py demo_accounts var/demo-logins.json
	@echo ""
	@# The task worker (letters, reminders, reports) runs beside gunicorn and stops with it.
	$(PRODUCTION_ENV) $(PY) manage.py worker --interval 2 & worker=$$!; \
	while true; do $(PRODUCTION_ENV) $(PY) manage.py send_reminders >/dev/null; \
		for minute in $$(seq 60); do \
			$(PRODUCTION_ENV) $(PY) manage.py purge_reports >/dev/null; sleep 60; done; done & \
	reminders=$$!; \
	trap 'kill $$worker $$reminders 2>/dev/null' EXIT INT TERM; \
	$(PRODUCTION_ENV) $(VENV)/bin/gunicorn config.wsgi --bind $(HOST):$(PORT) \
		--workers $(WORKERS) --access-logfile - --forwarded-allow-ips=127.0.0.1

test: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(TEST_ENV) $(VENV)/bin/mypy kopir config
	$(TEST_ENV) $(PY) manage.py makemigrations --check --dry-run
	$(TEST_ENV) $(PY) manage.py translations --check --compile
	$(TEST_ENV) $(VENV)/bin/pytest -n auto
	@if [ -n "$$KOPIR_TEST_POSTGRES_URL" ]; then \
		echo "--- the suite again on PostgreSQL ($$KOPIR_TEST_POSTGRES_URL)"; \
		$(TEST_ENV) KOPIR_DATABASE_URL="$$KOPIR_TEST_POSTGRES_URL" $(VENV)/bin/pytest -n auto -m "not browser"; \
	fi

# Z39.50 for library systems that search that way (ИРБИС64, Koha, yaz-client): Debian's
# Simple2ZOOM gateway in front of the SRU server at $(KOPIR_SITE_URL)/sru, database "kopir",
# records in USMARC or RUSMARC syntax (kopir/exchange/sru/simple2zoom.xml; README, "Z39.50").
Z3950_PORT ?= 2100
Z3950_CONFIG ?= var/simple2zoom.xml
z3950:
	@command -v simple2zoom >/dev/null || { echo "simple2zoom is missing: \
	apt-get install libnet-z3950-simple2zoom-perl (and yaz for yaz-client)"; exit 1; }
	mkdir -p $(dir $(Z3950_CONFIG))
	sed 's#@SRU_URL@#$(KOPIR_SITE_URL)/sru#' kopir/exchange/sru/simple2zoom.xml > $(Z3950_CONFIG)
	@echo "Z39.50 at tcp:$(HOST):$(Z3950_PORT)/kopir, searching $(KOPIR_SITE_URL)/sru"
	exec simple2zoom -c $(Z3950_CONFIG) -- tcp:$(HOST):$(Z3950_PORT)

messages: $(STAMP)
	$(TEST_ENV) $(PY) manage.py makemessages -l kk -l ru -l en \
		--ignore .venv --ignore var --ignore tests --ignore bench --ignore tools

typecheck: $(STAMP)
	$(TEST_ENV) $(VENV)/bin/mypy kopir config

vendor:
	bash tools/vendor.sh

bench: $(STAMP)
	$(TEST_ENV) $(PY) bench/page_weight.py
	$(PY) bench/events_calendar.py
	$(PY) bench/marc_import.py
	$(PY) bench/catalogue_search.py
	$(PY) bench/sru_search.py
	$(PY) bench/oai_catalogue.py
	$(PY) bench/collection_search.py
	$(PY) bench/reports.py

clean:
	rm -rf $(VENV) var/static
