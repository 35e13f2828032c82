"""onrecord's two strategies against a plain full spaCy parse of the same 300 BBC articles, in one run.

    python benchmarks/parse_ratio.py [--articles 300]

(a) ``Extractor(strategy="learned").pipe`` and (b) ``Extractor(strategy="rules").pipe``
(one process each) and (c) ``nlp.pipe`` with every component of the same
spaCy pipeline; prints articles/s of each, the ratios (a)/(c) and (b)/(c),
the peak RSS of a separate process that runs only (a) over the same articles
(the issue's bound is for one onrecord process), and this process's peak RSS
with everything loaded; writes benchmarks/results/parse_ratio.json. The
runs alternate twice and the best of each is kept, since these machines are
shared and noisy.
"""

from __future__ import annotations

import argparse
import importlib
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from onrecord import Extractor
from onrecord.nlp import MODELS

BBC = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "bbc" / "bbc_news.jsonl"


def texts(n: int) -> list[str]:
    with open(BBC, encoding="utf-8") as handle:
        return [json.loads(line)["text"] for _, line in zip(range(n), handle)]


def full_pipeline():
    for name in MODELS:
        try:
            return importlib.import_module(name).load()
        except ImportError:
            continue
    raise SystemExit("no spaCy English pipeline installed")


def timed(run) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def onrecord_alone_peak_mb(articles: int) -> float:
    """Peak RSS of a fresh process that loads onrecord and extracts the sample, nothing else."""
    subprocess.run([sys.executable, __file__, "--articles", str(articles), "--onrecord-only"], check=True)
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--onrecord-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sample = texts(args.articles)
    if args.onrecord_only:
        for _ in Extractor(strategy="learned").pipe(sample):
            pass
        return
    alone_mb = onrecord_alone_peak_mb(args.articles)
    learned = Extractor(strategy="learned")
    rules = Extractor(strategy="rules")
    learned.nlp, rules.nlp  # load outside the timing
    nlp = full_pipeline()
    learned_s, rules_s, plain_s = [], [], []
    for _ in range(2):
        learned_s.append(timed(lambda: sum(len(a.attributions) for a in learned.pipe(sample))))
        rules_s.append(timed(lambda: sum(len(a.attributions) for a in rules.pipe(sample))))
        plain_s.append(timed(lambda: sum(len(d) for d in nlp.pipe(sample))))
    a_rate = len(sample) / min(learned_s)
    b_rate = len(sample) / min(rules_s)
    c_rate = len(sample) / min(plain_s)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "articles": len(sample),
        "learned_articles_per_s": round(a_rate, 2),
        "rules_articles_per_s": round(b_rate, 2),
        "plain_parse_articles_per_s": round(c_rate, 2),
        "ratio_learned": round(a_rate / c_rate, 3),
        "ratio_rules": round(b_rate / c_rate, 3),
        "peak_rss_mb_learned_alone": round(alone_mb, 1),
        "peak_rss_mb_everything": round(peak_mb, 1),
        "pipeline": nlp.meta["name"] + " " + nlp.meta["version"],
    }
    print(f"articles                        {len(sample)}")
    print(f"(a) onrecord, learned strategy  {a_rate:8.2f} articles/s")
    print(f"(b) onrecord, rules strategy    {b_rate:8.2f} articles/s")
    print(f"(c) plain nlp.pipe parse        {c_rate:8.2f} articles/s")
    print(f"ratio (a)/(c)                   {result['ratio_learned']:8.3f}")
    print(f"ratio (b)/(c)                   {result['ratio_rules']:8.3f}")
    print(f"peak RSS, learned alone         {alone_mb:8.1f} MB")
    print(f"peak RSS (everything loaded)    {peak_mb:8.1f} MB")
    out = Path(__file__).resolve().parent / "results"
    out.mkdir(exist_ok=True)
    (out / "parse_ratio.json").write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
