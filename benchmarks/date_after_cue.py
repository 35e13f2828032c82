"""Where PolNeAR train's gold content starts when a day follows the cue ("said Tuesday the …").

    python benchmarks/date_after_cue.py [../shared/data/polnear/train.jsonl]

The count behind ``attribution.verbal._without_leading_time``: read on train,
never on dev. Prints how often a gold content starts after the day, at it, or
nowhere near it.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from onrecord.evaluate import gold_attributions, read_jsonl

TRAIN = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear" / "train.jsonl"
CUE_AND_DAY = re.compile(
    r"\b(said|told \w+|says|announced|argued|added|wrote)( on)? "
    r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)( that)? "
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", default=str(TRAIN))
    args = parser.parse_args()
    counts: Counter = Counter()
    for record in read_jsonl(args.gold):
        text = record["text"]
        starts = {f["start"] for g in gold_attributions(record) for f in g["content"]}
        for match in CUE_AND_DAY.finditer(text):
            day = match.start(2) + 1 if match.group(2) else match.start(3)
            after_that = match.end() - len(" that ") + 1 if match.group(4) else None
            if day in starts:
                counts["the content starts at the day"] += 1
            elif match.end() in starts or after_that in starts:
                counts["the content starts after the day"] += 1
            else:
                counts["no content starts there"] += 1
    for key, count in counts.most_common():
        print(f"{count:5d}  {key}")


if __name__ == "__main__":
    main()
