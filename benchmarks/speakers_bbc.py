"""Speakers across articles on the BBC News corpus (issue 10's benchmark).

    python benchmarks/speakers_bbc.py [--data ../shared/data/bbc/bbc_news.jsonl] [-j 2] [--strategy rules]
                                      [--json benchmarks/results/speakers_bbc.json]

Ingests every article into a fresh SQLite file (a few minutes on 2 cores) and
prints what the issue judges: how many unnamed speakers hold attributions from
more than one article (must be 0), whether the 20 most quoted speakers are all
named, whether every speaker named "Greenspan" in any form is one speaker, and
the women / men / unknown counts of quoted named people. Exit status 1 when
one of the first three fails.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from onrecord.ingest import ingest
from onrecord.store import open_store

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "bbc" / "bbc_news.jsonl"
# The list: the most quoted speakers, which must all be named.
TOP = 20
# The example of one person under several names.
SAME_PERSON = "greenspan"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("--strategy", default="rules")
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")
    args = parser.parse_args()
    if not args.data.exists():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="onrecord-speakers-") as workdir:
        with open_store(Path(workdir) / "bbc.db") as store:
            started = time.monotonic()
            summary = ingest([args.data], store, n_process=args.jobs, strategy=args.strategy,
                             progress=sys.stderr.isatty())
            seconds = time.monotonic() - started
            spanning = store.db.rows(
                "SELECT s.id, s.description, COUNT(DISTINCT a.article_id) AS articles FROM speakers s "
                "JOIN attributions a ON a.speaker_id = s.id WHERE s.named = 0 "
                "GROUP BY s.id, s.description HAVING COUNT(DISTINCT a.article_id) > 1"
            )
            top = store.speakers(top=TOP)["items"]
            same = store.db.rows(
                "SELECT DISTINCT s.id, s.name, s.num_attributions FROM speakers s JOIN speaker_forms f "
                "ON f.speaker_id = s.id WHERE s.named = 1 AND f.kind IN ('name', 'mention') AND LOWER(f.form) LIKE ?",
                (f"%{SAME_PERSON}%",),
            )
            shares = store.gender_shares()
            stats = store.stats()
            unnamed = store.db.one("SELECT COUNT(*) AS n FROM speakers WHERE named = 0 AND num_attributions > 0")
    results = {
        "articles_read": summary.read,
        "articles_added": summary.added,
        "attributions": summary.attributions,
        "strategy": args.strategy,
        "jobs": args.jobs,
        "ingest_seconds": round(seconds, 1),
        "speakers": stats["speakers"],
        "unnamed_speakers": int(unnamed["n"]) if unnamed else 0,
        "unnamed_spanning_articles": len(spanning),
        "top_all_named": all(item["named"] for item in top),
        "top": [[item["name"] or item["description"], item["num_attributions"], item["gender"]] for item in top],
        "greenspan_speakers": [[row["name"], int(row["num_attributions"])] for row in same],
        "greenspan_one_speaker": len(same) == 1,
        "quoted_people_by_gender": shares["overall"],
        "top_women": [[p["name"], p["num_attributions"]] for p in shares["top_women"]],
        "top_men": [[p["name"], p["num_attributions"]] for p in shares["top_men"]],
    }
    print(f"{summary}")
    print(f"unnamed speakers spanning more than one article: {len(spanning)} (must be 0)")
    print(f"top {TOP} all named: {results['top_all_named']}")
    for label, count, gender in results["top"]:
        print(f"  {count:5d}  {label}  {gender or ''}")
    print(f"Greenspan, every form, one speaker: {results['greenspan_one_speaker']} {results['greenspan_speakers']}")
    overall = shares["overall"]
    print(f"quoted named people: {overall['female']} women, {overall['male']} men, {overall['unknown']} unknown")
    print("most quoted women:", ", ".join(f"{n} ({c})" for n, c in results["top_women"]))
    print("most quoted men:", ", ".join(f"{n} ({c})" for n, c in results["top_men"]))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    ok = not spanning and results["top_all_named"] and results["greenspan_one_speaker"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
