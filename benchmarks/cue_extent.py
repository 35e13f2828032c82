"""How often PolNeAR's annotators take the words after a speech verb into its cue.

    python benchmarks/cue_extent.py [../shared/data/polnear/train.jsonl]

For each gold cue that starts with said, says, told, wrote, added or stated,
the word right after the verb in the text, by kind (a weekday, "in", "at",
"on", "during", any other word), and whether the cue runs on over it. Where
the two counts are close, no rule on the cue's extent can carry: the
annotators did it both ways ("said Tuesday" and "said" before "Tuesday").
Counts only; no article text is printed.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from pathlib import Path

from onrecord.evaluate import gold_attributions, read_jsonl

TRAIN = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear" / "train.jsonl"
VERB = re.compile(r"(said|says|told|wrote|added|stated)\b")
NEXT_WORD = re.compile(r"[ \u00a0]+([A-Za-z]+)")
WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
KINDS = ("weekday", "in", "at", "on", "during", "other")


def kind(word: str) -> str:
    return "weekday" if word in WEEKDAYS else word if word in KINDS else "other"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", default=str(TRAIN))
    args = parser.parse_args()
    counts: dict[str, Counter] = defaultdict(Counter)
    for record in read_jsonl(args.gold):
        text = record["text"]
        for attribution in gold_attributions(record):
            for cue in attribution["cue"]:
                verb = VERB.match(text, cue["start"], cue["end"])
                if verb is None:
                    continue
                after = NEXT_WORD.match(text, verb.end(), verb.end() + 30)
                if after is not None:
                    counts[kind(after.group(1))][cue["end"] > verb.end() + 1] += 1
    print(f"{'word after the verb':22} {'in the cue':>10} {'left out':>9}")
    for name in KINDS:
        print(f"{name:22} {counts[name][True]:10} {counts[name][False]:9}")


if __name__ == "__main__":
    main()
