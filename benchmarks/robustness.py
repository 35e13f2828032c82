"""Run the extractor over every article of the shared corpora and count exceptions.

    python benchmarks/robustness.py [--jobs 2] [--limit N]

Reads ../shared/data/polnear/*.jsonl, bbc/bbc_news.jsonl and
reuters21578/reuters21578.jsonl at run time; prints, per corpus, articles,
attributions found, exceptions and seconds, and writes
benchmarks/results/robustness.json.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from onrecord import ExtractionFailed, Extractor
from onrecord.attribution import DEFAULT_STRATEGY, STRATEGIES

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
CORPORA = {
    "polnear-train": SHARED / "polnear" / "train.jsonl",
    "polnear-dev": SHARED / "polnear" / "dev.jsonl",
    "bbc": SHARED / "bbc" / "bbc_news.jsonl",
    "reuters21578": SHARED / "reuters21578" / "reuters21578.jsonl",
}


def records(path: Path, limit: int | None):
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if limit is not None and number >= limit:
                return
            record = json.loads(line)
            yield {"id": str(record.get("id")), "text": record.get("text") or "", "title": record.get("title")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None, help="articles per corpus")
    parser.add_argument("--strategy", choices=STRATEGIES, default=DEFAULT_STRATEGY)
    args = parser.parse_args()
    extractor = Extractor(strategy=args.strategy, n_process=args.jobs)
    results = {}
    print(f"{'corpus':<16} {'articles':>9} {'attributions':>13} {'exceptions':>11} {'seconds':>9}")
    for name, path in CORPORA.items():
        started = time.perf_counter()
        articles = attributions = failures = 0
        for result in extractor.pipe(records(path, args.limit), errors="yield"):
            articles += 1
            if isinstance(result, ExtractionFailed):
                failures += 1
                print(f"  FAILED {result}")
            else:
                attributions += len(result.attributions)
        seconds = time.perf_counter() - started
        results[name] = {"articles": articles, "attributions": attributions, "exceptions": failures, "seconds": round(seconds, 1)}
        print(f"{name:<16} {articles:>9} {attributions:>13} {failures:>11} {seconds:>9.1f}", flush=True)
    out = Path(__file__).resolve().parent / "results"
    out.mkdir(exist_ok=True)
    (out / "robustness.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
