# onrecord: `make run` sets up, ingests examples/ and serves the explorer on
# http://127.0.0.1:8000; `make test` runs the tests.
PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# `make run`: the quote database it fills from examples/ and the explorer's address.
DB     ?= onrecord.db
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: setup run test eval candidates train sibling calibrate curve bench load robustness train-cues screenshots clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "need $(PYTHON)"; exit 1; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[server,spark,test,train]'
	sh scripts/system-packages.sh
	touch $(STAMP)

setup: $(STAMP)

run: setup
	$(BIN)/onrecord ingest examples/ --db $(DB)
	$(BIN)/onrecord serve --db $(DB) --host $(HOST) --port $(PORT)

test: setup
	$(BIN)/python -m pytest -q

eval: setup
	$(BIN)/onrecord eval ../shared/data/polnear/dev.jsonl -j 2
	$(BIN)/onrecord eval ../shared/data/polnear/dev.jsonl -j 2 --strategy rules

# Every candidate extractor scored on dev from one parse and tagging (choosing the default).
candidates: setup
	$(BIN)/python benchmarks/candidates.py ../shared/data/polnear/dev.jsonl

# Retrain the shipped tagger on PolNeAR train (5 epochs, about 62 minutes on 2 idle cores), scored on dev.
train: setup
	$(BIN)/onrecord train ../shared/data/polnear/train.jsonl --dev ../shared/data/polnear/dev.jsonl --out src/onrecord/data/tagger --epochs 5 -j 2

# The shipped tagger's half-train sibling: the same 5 epochs on a seeded half of train
# (about 35 minutes on 2 idle cores). The other half is what the boundary rule is chosen on
# (benchmarks/candidates.py --held-out 0.5) and what make calibrate fits the confidence map on.
sibling: setup
	$(BIN)/onrecord train ../shared/data/polnear/train.jsonl --out build/half-5ep --fraction 0.5 --epochs 5

# The confidence map of the shipped tagger, fitted on the half of train that build/half-5ep
# (make sibling) never saw.
calibrate: setup
	$(BIN)/onrecord calibrate ../shared/data/polnear/train.jsonl --scored-by build/half-5ep --fraction 0.5 --out src/onrecord/data/tagger -j 2

# Dev content F1 when training on 25 %, 50 % and 100 % of train (2 epochs each, about 45 minutes).
curve: setup
	$(BIN)/python benchmarks/learning_curve.py --epochs 2

bench: setup
	$(BIN)/python benchmarks/parse_ratio.py
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/hostile.py
	$(BIN)/python benchmarks/hostile_post.py

# The API and the explorer under load on loopback, SQLite and PostgreSQL (all BBC articles plus
# 2,000 Reuters stories; issue 12's bars: p95 under 150 ms, a 10,000-row CSV in under 5 s).
# LOAD_ARGS="--reuse" skips the ingest (~10 min) when a previous run built the database from the same corpus.
load: setup
	$(BIN)/python benchmarks/load.py $(LOAD_ARGS)

robustness: setup
	$(BIN)/python benchmarks/robustness.py --jobs 2

train-cues: setup
	$(BIN)/onrecord train-cues ../shared/data/polnear/train.jsonl

# The README's screenshots of the explorer (docs/screenshots/): examples/ served and shot in headless Chromium.
screenshots: setup
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) build *.egg-info
