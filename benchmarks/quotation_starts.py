"""How often a quotation after an abbreviation's stop is made to start a sentence.

    python benchmarks/quotation_starts.py [--show 5]

Runs ``nlp.quotation_starts`` (the component before the parser) over the
tokens of every article of PolNeAR train, BBC and Reuters-21578 and counts the
quotations it starts a sentence at ("… at Smith Barney Inc. "The market …");
``--show N`` prints the first N of each corpus with a few words either side,
to judge whether each is a sentence's start. No parse is run (a few minutes).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from onrecord.nlp import load, quotation_starts, tokenized

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
CORPORA = {
    "PolNeAR train": SHARED / "polnear" / "train.jsonl",
    "BBC": SHARED / "bbc" / "bbc_news.jsonl",
    "Reuters-21578": SHARED / "reuters21578" / "reuters21578.jsonl",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="print the first N of each corpus in context")
    args = parser.parse_args()
    nlp = load()
    for name, path in CORPORA.items():
        articles = starts = 0
        shown: list[str] = []
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                text = json.loads(line)["text"]
                articles += 1
                if '"' not in text and "\u201c" not in text:
                    continue
                doc = quotation_starts(tokenized(nlp, text))
                for token in doc[1:]:
                    # (the component also starts a sentence after every stop on its own: not counted)
                    if token.is_sent_start and doc[token.i - 1].text != ".":
                        starts += 1
                        if len(shown) < args.show:
                            shown.append(" ".join(doc[max(0, token.i - 5) : token.i + 6].text.split()))
        print(f"{name:15s} {starts:5d} quotations start a sentence after an abbreviation ({articles} articles)")
        for example in shown:
            print(f"    … {example} …")


if __name__ == "__main__":
    main()
