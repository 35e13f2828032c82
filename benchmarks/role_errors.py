"""Source or cue errors of matched contents, to read on PolNeAR *train* articles (never dev).

    python benchmarks/role_errors.py [--last 60] [--role source|cue] [--strategy learned|rules]

Extracts the last N articles of ``../shared/data/polnear/train.jsonl`` and, for
every gold attribution whose content the prediction holding most of it covers
by half or more, compares the role: ``overlap`` (the two share a character),
``wrong`` (both given, apart), ``missing`` (gold only), ``spurious``
(prediction only), ``both none``. Prints each error in its context, then the
counts. (The tagger was trained on these articles, so they show the rules'
and the merging's errors better than the tagger's.)
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from onrecord import Extractor

TRAIN = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear" / "train.jsonl"


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _predicted(attribution: dict, role: str) -> list[tuple[int, int]]:
    fragments = attribution["cue"] if role == "cue" else ((attribution.get("speaker") or {}).get("mention") or [])
    return [(f["start"], f["end"]) for f in fragments]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--last", type=int, default=60)
    parser.add_argument("--role", choices=("source", "cue"), default="source")
    parser.add_argument("--strategy", choices=("learned", "rules"), default="learned")
    args = parser.parse_args()
    lines = TRAIN.read_text(encoding="utf-8").splitlines()[-args.last :]
    extractor = Extractor(strategy=args.strategy)
    counts: Counter[str] = Counter()
    for line in lines:
        record = json.loads(line)
        text = record["text"]
        annotator = (record.get("annotators") or list(record["annotations"]))[0]
        predictions = [a.to_dict() for a in extractor(text).attributions]
        for gold in record["annotations"][annotator]["attributions"]:
            content = [(f["start"], f["end"]) for f in gold.get("content") or []]
            if not content:
                continue
            covered = [(sum(_overlap(c, (f["start"], f["end"])) for c in content for f in p["content"]), n)
                       for n, p in enumerate(predictions)]
            best, n = max(covered, default=(0, -1))
            if best < 0.5 * sum(e - s for s, e in content):
                continue
            wanted = [(f["start"], f["end"]) for f in gold.get(args.role) or []]
            found = _predicted(predictions[n], args.role)
            if not wanted and not found:
                counts["both none"] += 1
                continue
            if any(_overlap(a, b) for a in wanted for b in found):
                counts["overlap"] += 1
                continue
            kind = "missing" if not found else "spurious" if not wanted else "wrong"
            counts[kind] += 1
            spans = content + wanted + found
            context = text[max(0, min(s for s, _ in spans) - 40) : max(e for _, e in spans) + 20].replace("\n", " ")
            print(f"[{kind}] gold={[text[s:e] for s, e in wanted]} predicted={[text[s:e] for s, e in found]}")
            print(f"    {context[:400]}")
    print(dict(counts))


if __name__ == "__main__":
    main()
