"""Quotations no attribution holds, in a run of `onrecord extract` (unannotated corpora).

    onrecord extract ../shared/data/bbc/bbc_news.jsonl -j 2 > bbc.jsonl
    python benchmarks/lost_quotations.py bbc.jsonl [--min-words 6] [--show 20] [--seed 0]

A quotation span (``text.quotations``: one per paragraph of a quotation) of at
least ``--min-words`` words is lost when attribution contents cover less than
half of it. Prints the count of such spans and of all, then a seeded sample of
lost ones in their context, to read. Scare quotes and titles are among them
(“meme”, a poster's slogan): the count is what to bring down, not to zero.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from onrecord.text import paragraph_spans, quotations


def _lost(article: dict, min_words: int) -> tuple[int, list[tuple[int, int]]]:
    text = article["text"]
    covered = [(f["start"], f["end"]) for a in article["attributions"] for f in a["content"]]
    spans = [span for quote in quotations(text, paragraph_spans(text)) for span in quote.spans
             if len(text[span[0] : span[1]].split()) >= min_words]
    lost = [(start, end) for start, end in spans
            if sum(max(0, min(end, e) - max(start, s)) for s, e in covered) < (end - start) / 2]
    return len(spans), lost


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("extracted", type=Path, help="the JSON lines `onrecord extract` wrote")
    parser.add_argument("--min-words", type=int, default=6)
    parser.add_argument("--show", type=int, default=20, help="how many lost quotations to print")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    total, lost = 0, []
    with args.extracted.open(encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            count, spans = _lost(article, args.min_words)
            total += count
            lost += [(article.get("id"), article["text"], span) for span in spans]
    for article_id, text, (start, end) in random.Random(args.seed).sample(lost, min(args.show, len(lost))):
        print(f"== {article_id}\n   …{text[max(0, start - 120) : end + 60]}…".replace("\n\n", " ¶ "))
    print(f"{len(lost)} of {total} quotations of {args.min_words}+ words held by no attribution")


if __name__ == "__main__":
    main()
