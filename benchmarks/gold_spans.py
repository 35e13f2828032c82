"""How PolNeAR train's gold draws the span boundaries the rules follow.

    python benchmarks/gold_spans.py [../shared/data/polnear/train.jsonl]

The counts behind these choices, read on train, never on dev:

- a day right after the cue ("said Tuesday the tax would stay"): whether the
  gold content starts after the day or at it
  (``attribution.verbal._without_leading_time``);

- a ", speaking …" clause between a source and its cue ("An official,
  speaking on condition of anonymity, said"): in the gold source or left out
  of it (``attribution.subjects._without_speaking_clause``), beside the same
  count for a clause on the terms of speaking ("…, who spoke on condition of
  anonymity") and any other ", who …" clause (both kept);
- two quotations back to back (`"A." "B."`) in one attribution: one gold
  fragment or two (``attribution.assemble._split_between_quotations``);
- attributions whose cue follows "and"/"but" with the content after it
  ("… and added that …", ``attribution.subjects.coordinated_cue``).
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from onrecord.evaluate import gold_attributions, read_jsonl

TRAIN = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear" / "train.jsonl"
# a clause set off by a comma right after a source: ", speaking on …", ", who …"
CLAUSE = re.compile(r",\s+((?:who|speaking|requesting|asking|declining)\b[^,]*)")
# what a clause on the terms of speaking says ("not authorized to discuss", "asked not to be named")
ANONYMITY = re.compile(r"\banonymity\b|\bnot authorized\b|\bto be (named|identified)\b")
BACK_TO_BACK = re.compile(r"[.?!,][\"”]\s+[\"“]")
AND_BEFORE = re.compile(r"\b(and|but)\s+$")
CUE_AND_DAY = re.compile(
    r"\b(said|told \w+|says|announced|argued|added|wrote)( on)? "
    r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)( that)? "
)


def _clause_kind(clause: str) -> str:
    if clause.startswith("speaking"):
        return "a 'speaking …' clause"
    if ANONYMITY.search(clause.lower()):
        return "a clause on the terms of speaking"
    return "another who-clause"


def _day_after_cue(text: str, starts: set[int], counts: Counter) -> None:
    for match in CUE_AND_DAY.finditer(text):
        day = match.start(2) + 1 if match.group(2) else match.start(3)
        after_that = match.end() - len(" that ") + 1 if match.group(4) else None
        if day in starts:
            where = "the content starts at the day"
        elif match.end() in starts or after_that in starts:
            where = "the content starts after the day"
        else:
            where = "no content starts there"
        counts[("a day after the cue", where)] += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", default=str(TRAIN))
    args = parser.parse_args()
    counts: Counter = Counter()
    for record in read_jsonl(args.gold):
        text = record["text"]
        _day_after_cue(text, {f["start"] for g in gold_attributions(record) for f in g["content"]}, counts)
        for attribution in gold_attributions(record):
            cues = attribution.get("cue") or []
            for source in attribution.get("source") or []:
                inside = CLAUSE.search(source["text"])
                after = CLAUSE.match(text, source["end"])
                if inside is not None and any(c["start"] >= source["end"] for c in cues):
                    kind = _clause_kind(inside.group(1))
                    if kind == "another who-clause" and not inside.group(1).startswith("who"):  # "requesting …"
                        continue
                    counts[(kind, "in the source")] += 1
                elif after is not None and any(c["start"] >= after.end() for c in cues):
                    kind = _clause_kind(after.group(1))
                    if kind == "another who-clause" and not after.group(1).startswith("who"):
                        continue
                    counts[(kind, "left out")] += 1
            if cues and attribution["content"]:
                first = min(cues, key=lambda c: c["start"])
                after = min(f["start"] for f in attribution["content"]) > first["end"]
                if after and AND_BEFORE.search(text, max(0, first["start"] - 6), first["start"]):
                    counts[("a cue after 'and'/'but'", "content after it")] += 1
            fragments = sorted(attribution["content"], key=lambda f: f["start"])
            for fragment in fragments:
                counts[("quotations back to back", "in one fragment")] += len(
                    BACK_TO_BACK.findall(text, fragment["start"], fragment["end"]))
            for first, second in zip(fragments, fragments[1:]):
                between = text[first["end"] - 2 : second["start"] + 2]
                if "\n" not in between and BACK_TO_BACK.search(between):
                    counts[("quotations back to back", "two fragments")] += 1
    for (what, where), n in sorted(counts.items()):
        print(f"{n:5d}  {what}: {where}")


if __name__ == "__main__":
    main()
