# The two commands of the README: `make run` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
STAMP   = $(VENV)/.installed-stamp

.PHONY: run test soak i18n i18n-update bench server clean dist deb dist-test

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev,server]"
	touch $(STAMP)

# Compile the Qt translations (.ts sources -> .qm) that the app loads.
i18n: $(STAMP)
	$(PY) tools/i18n.py build

# Re-extract tr() strings from cellsec/ui into the .ts sources (keeps existing translations).
i18n-update: $(STAMP)
	$(PY) tools/i18n.py update

run: i18n
	$(VENV)/bin/cellsec

test: i18n
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

# The long reliability run (issue 15): 200 rounds of kill -9 at random moments while typing in the editors,
# and while encrypting a plain store on start; big member files (100,000 rows as CSV and XLSX, one over the
# row limit, one over the size limit, a zip bomb) each in a fresh process under 250 MB; 400 generated import
# files per kind (hypothesis, drawn afresh). Each prints tried / survived / lost (and the worst loss of
# typing, at most 2 s; each big file's time and peak memory).
SOAK_ROUNDS ?= 200
soak: i18n
	SOAK_ROUNDS=$(SOAK_ROUNDS) QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -s -p no:cacheprovider \
		tests/reliability/test_autosave_kill.py tests/reliability/test_encrypt_kill.py \
		tests/reliability/test_big_files.py tests/services/members/test_import_fuzz.py

# The committee server on this machine: an SQLite file in $(SERVER_DIR), http://127.0.0.1:$(SERVER_PORT).
# Administration: $(VENV)/bin/cellsec-server --data-dir $(SERVER_DIR) committee add NAME (see README).
SERVER_DIR  ?= .server-data
SERVER_PORT ?= 8765
server: $(STAMP)
	$(VENV)/bin/cellsec-server --data-dir $(SERVER_DIR) serve --host 127.0.0.1 --port $(SERVER_PORT)

bench: i18n
	QT_QPA_PLATFORM=offscreen $(PY) bench/startup.py

# The installable app (installer/README.md): `make dist` freezes it with PyInstaller into dist/cellsec/ and
# packs dist/cellsec-VERSION-linux-ARCH.tar.xz; `make deb` makes dist/cellsec_VERSION_ARCH.deb of it;
# `make dist-test` builds it afresh and runs the frozen app as a user would (tests/dist).
DIST_STAMP = $(VENV)/.dist-stamp
$(DIST_STAMP): pyproject.toml $(STAMP)
	$(PY) -m pip install --quiet -e ".[dev,server,dist]"
	touch $(DIST_STAMP)

dist: i18n $(DIST_STAMP)
	$(PY) installer/build.py freeze
	$(PY) installer/build.py archive

deb: dist
	$(PY) installer/build.py deb

dist-test: i18n $(DIST_STAMP)
	CELLSEC_DIST_TEST=1 QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider tests/dist

clean:
	rm -rf $(VENV) resources/i18n/*.qm
