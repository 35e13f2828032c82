"""How often a first name guesses a person's gender right, against what the articles themselves say.

    python benchmarks/first_names.py [--data ../shared/data/bbc/bbc_news.jsonl] [-j 2]

Extracts every article (rules strategy, a minute and a half on 2 cores for the
BBC corpus) and takes the people whose gender the text states, by an honorific
or by the pronouns that refer back to them, and whose name has a first word.
For each it asks ``speakers.names.first_name_gender`` what the name alone would
say, with the English and French lists only, with the fallback to every
other locale's lists, and with the list shipped in the package after them
(``data/first_names.tsv.gz``), and counts right / wrong / undecided. This is what the
fallback was chosen on: the BBC corpus, not the GGT set it is scored on.

With ``nomquamgender`` installed (the ``[train]`` extra), it also counts, for the
people the Faker lists leave undecided, how right the name data it ships is by
how strongly a name goes to one gender (the share of its bearers): what the
shipped list's threshold (``scripts/build_first_names.py``, ``SHARE``) was chosen on.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from collections import Counter
from pathlib import Path

from onrecord.evaluate import predictions_for, read_jsonl
from onrecord.speakers.names import first_name_gender

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "bbc" / "bbc_news.jsonl"
# the evidence that is the text's own word (not ``name``, which is what is measured here)
STATED = ("honorific", "pronoun")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("-j", "--jobs", type=int, default=2)
    args = parser.parse_args()
    records = read_jsonl(args.data)
    predictions = predictions_for(records, n_process=args.jobs, progress=True, strategy="rules", tagger=None)
    people = [
        entity for prediction in predictions for entity in prediction["entities"]
        if entity.get("type") == "person" and entity.get("gender_evidence") in STATED
        and len((entity.get("name") or "").split()) > 1
    ]
    print(f"people whose gender the text states: {len(people)} (in {len(records)} articles)")
    print(f"{'first-name lists':32s} {'decided':>8s} {'right':>6s} {'wrong':>6s} {'accuracy':>9s}")
    steps = (("English and French", False, False), ("then every other locale", True, False),
             ("then the shipped list", True, True))
    for label, fallback, world in steps:
        counts = Counter()
        for entity in people:
            guess = first_name_gender(entity["name"], fallback=fallback, world=world)
            counts["undecided" if guess is None else "right" if guess == entity["gender"] else "wrong"] += 1
        decided = counts["right"] + counts["wrong"]
        accuracy = 100 * counts["right"] / decided if decided else 0.0
        print(f"{label:32s} {decided:8d} {counts['right']:6d} {counts['wrong']:6d} {accuracy:8.1f}%")
    _by_share([e for e in people if first_name_gender(e["name"], world=False) is None])


# bands of the share of a name's bearers who are of its likelier gender
BANDS = ((0.95, 1.0), (0.9, 0.95), (0.85, 0.9), (0.8, 0.85), (0.7, 0.8), (0.6, 0.7), (0.5, 0.6))


def _by_share(undecided: list[dict]) -> None:
    """Right / wrong by share band, for names ``nomquamgender`` counts in 2 sources and 10 people or more."""
    spec = importlib.util.find_spec("nomquamgender")
    if spec is None or not spec.submodule_search_locations:
        print("(install nomquamgender, the [train] extra, for the counts by share)")
        return
    data = json.loads((Path(spec.submodule_search_locations[0]) / "name_data.json").read_text(encoding="utf-8"))
    counts: Counter = Counter()
    for entity in undecided:
        sources, people, women, *_ = data.get(entity["name"].split()[0].strip(".").lower()) or (0, 0, None)
        if women is None or sources < 2 or people < 10:
            continue
        band = next(b for b in BANDS if b[0] <= max(women, 1 - women) <= b[1])
        counts[band, ("female" if women > 0.5 else "male") == entity["gender"]] += 1
    print(f"people no Faker list decides: {len(undecided)}; by the share of the name's bearers of one gender:")
    print(f"{'share':12s} {'right':>6s} {'wrong':>6s} {'accuracy':>9s}")
    for lo, hi in BANDS:
        right, wrong = counts[(lo, hi), True], counts[(lo, hi), False]
        accuracy = f"{100 * right / (right + wrong):8.1f}%" if right + wrong else ""
        print(f"{lo:.2f}-{hi:.2f}    {right:6d} {wrong:6d} {accuracy}")


if __name__ == "__main__":
    main()
