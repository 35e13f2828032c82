"""Score the candidate extractors on a gold split in one run, to choose between them.

    python benchmarks/candidates.py ../shared/data/polnear/dev.jsonl [--tagger DIR] [--limit N]

Each article is parsed and tagged once; every candidate then finds its
attributions from the same parse and tagging, and speakers are resolved the
same way, so the table differs only by the strategy:

- ``rules``: the hand-written rules alone (``--strategy rules``);
- ``tagger``: the tagger's spans linked by proximity, no rules;
- ``hybrid``: the rules merged with the tagger, with the tagger's or the
  rules' boundaries where both find a content, dropping unconfirmed rule
  candidates or not;
- ``learned``: exactly what ``--strategy learned`` runs.

Speed is measured by ``benchmarks/parse_ratio.py``, not here.
Writes benchmarks/results/candidates.json. Use it on dev to choose, and on
train folds to read errors; never to tune rules on dev errors.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from tqdm import tqdm

from onrecord import nlp as nlp_module
from onrecord.attribution import find_attributions, may_attribute
from onrecord.attribution import tagger as tagger_module
from onrecord.attribution.strategy import tagged_spans
from onrecord.evaluate import Scorer, gold_attributions, read_jsonl
from onrecord.model import Article
from onrecord.speakers import resolve_speakers
from onrecord.training.examples import split_articles
from onrecord.training.finetune import Settings
from onrecord.text import parse_units

CANDIDATES = {
    "rules": lambda text, units, tagging: find_attributions(text, units),
    "tagger": lambda text, units, tagging: find_attributions(text, units, tagging, rules=False),
    "hybrid, tagger's bounds": lambda text, units, tagging: find_attributions(text, units, tagging, rule_spans="never"),
    "hybrid, tagger's content, rules' cue and source": lambda text, units, tagging: find_attributions(
        text, units, tagging, rule_spans="content"
    ),
    "hybrid, rules' bounds where agreeing": lambda text, units, tagging: find_attributions(
        text, units, tagging, rule_spans="agree"
    ),
    "hybrid, rules' bounds": lambda text, units, tagging: find_attributions(text, units, tagging, rule_spans="always"),
    "hybrid, rules' bounds, drop none": lambda text, units, tagging: find_attributions(
        text, units, tagging, rule_spans="always", drop_below=0.0
    ),
    "learned (the default: agreeing bounds, the tagger's where it extends the rules')": lambda text, units, tagging: (
        find_attributions(text, units, tagging)
    ),
}


def held_out(records: list, fraction: float, seed: int = Settings.seed) -> list:
    """The articles ``onrecord train --fraction`` leaves out (the same seeded shuffle)."""
    return split_articles(records, fraction, seed)[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold")
    parser.add_argument("--tagger", default=None, help="model directory (default: the shipped one)")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument(
        "--held-out", type=float, default=None, metavar="FRACTION",
        help="score only the articles a model trained with --fraction FRACTION on this file did not see",
    )
    args = parser.parse_args()
    nlp = nlp_module.load(None)
    tagger = tagger_module.load(args.tagger)
    scorers = {name: Scorer() for name in CANDIDATES}
    records = read_jsonl(args.gold)
    if args.held_out is not None:
        records = held_out(records, args.held_out)
    records = records[: args.limit]
    for record in tqdm(records, unit="article"):
        text = record["text"]
        units = parse_units(text, nlp, worth_parsing=may_attribute)
        tagging = tagger.tag(text, tagged_spans(text, units))  # once per article, for every candidate

        for name, find in CANDIDATES.items():
            candidates = find(text, units, tagging)
            attributions, entities = resolve_speakers(text, units, candidates)
            article = Article(text=text, id=record["id"], attributions=tuple(attributions), entities=tuple(entities))
            scorers[name].add(gold_attributions(record), article.to_dict()["attributions"])
    results = {name: scorer.metrics() for name, scorer in scorers.items()}
    print(f"{'candidate':<66} {'content P/R/F1 partial':>24} {'exact F1':>8} {'quoted R':>8} {'source F1':>9} {'cue F1':>7}")
    for name, m in results.items():
        c = m["content"]["partial"]
        print(
            f"{name:<66} {c['precision']:>7.1f} {c['recall']:>6.1f} {c['f1']:>6.1f}   {m['content']['exact']['f1']:>8.1f}"
            f" {m['recall_quoted']:>8.1f} {m['source']['partial']['f1']:>9.1f} {m['cue']['partial']['f1']:>7.1f}"
        )
    out = Path(__file__).resolve().parent / "results"
    out.mkdir(exist_ok=True)
    (out / "candidates.json").write_text(json.dumps({"gold": Path(args.gold).name, "results": results}, indent=2))


if __name__ == "__main__":
    main()
