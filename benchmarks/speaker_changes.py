"""Which speakers changed between two runs of `onrecord extract` over the same articles.

    onrecord extract ARTICLES.jsonl -j 2 > before.jsonl     # at one commit
    onrecord extract ARTICLES.jsonl -j 2 > after.jsonl      # at the next
    python benchmarks/speaker_changes.py before.jsonl after.jsonl [--context 160]

Attributions are paired by their content fragments; for each pair whose
speaker name differs, and each attribution only one run has, prints the
article id, the name before and after, and the text before the content (so
each change can be judged in its text). Ends with the counts. This is how
the README's "N speakers changed" figures are made: read every change, on
unannotated corpora (BBC), never on an evaluation set.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def _by_content(article: dict) -> dict[tuple, str | None]:
    found = {}
    for attribution in article["attributions"]:
        key = tuple((f["start"], f["end"]) for f in attribution["content"])
        found[key] = (attribution.get("speaker") or {}).get("name")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--context", type=int, default=160, help="characters of text shown before a content")
    args = parser.parse_args()
    with open(args.before, encoding="utf-8") as old, open(args.after, encoding="utf-8") as new:
        pairs = [(json.loads(a), json.loads(b)) for a, b in zip(old, new)]
    renamed = only_before = only_after = articles = 0
    for before, after in pairs:
        if before["id"] != after["id"]:
            raise SystemExit(f"the two runs hold different articles: {before['id']} and {after['id']}")
        old_names, new_names = _by_content(before), _by_content(after)
        changes = []
        for key in sorted(old_names.keys() | new_names.keys()):
            if key in old_names and key in new_names and old_names[key] == new_names[key]:
                continue
            changes.append((key, old_names.get(key, "—"), new_names.get(key, "—")))
            if key not in new_names:
                only_before += 1
            elif key not in old_names:
                only_after += 1
            else:
                renamed += 1
        if not changes:
            continue
        articles += 1
        text = after["text"]
        print(f"== {after['id']}")
        for key, old_name, new_name in changes:
            start = key[0][0]
            shown = " ".join(text[max(0, start - args.context) : start + 60].split())
            print(f"  {old_name} -> {new_name}\n    …{shown}…")
    print(f"{renamed} speakers changed, {only_before} attributions only before, {only_after} only after, "
          f"in {articles} of {len(pairs)} articles")


if __name__ == "__main__":
    main()
