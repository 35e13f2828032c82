"""Where the GGT dev errors lie, as counts only: no article text is printed.

    python benchmarks/ggt_diagnostics.py [../shared/data/ggt/dev.jsonl] [--strategy rules]

GGT dev measures; its errors are not read one by one (rules read on dev errors
do not carry over to the held-back half). These counts say which component
to work on, without showing any article:

- missed gold quotes, by how the nearest predicted fragment relates to them
  (none overlaps, too long, too short, crossing) and whether they are quoted;
- wrong speaker names, by the kind of mistake (``evaluate_ggt``'s categories)
  and by whether the gold name is one of the article's person entities, only
  an entity of another type, or no entity at all (resolution, typing or NER);
- pronoun speakers, right and wrong;
- right names that are not the full name, by whether the prediction is
  shorter or longer than the gold name and whether the article has an
  entity whose name is exactly the gold name (where none has, whether the
  text writes it: a name the NER or the resolver cut, or one only the
  annotators knew);
- quoted people (``sources_female`` / ``sources_male``) whose gender is not
  found right: not among the speakers (and whether an entity has the name),
  found with no gender (what the speaker's name gives the first-name lists),
  or found with the wrong one (on what evidence).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from onrecord.evaluate import PARTIAL, jaccard, name_words, names_agree, positions, predictions_for, read_jsonl
from onrecord.evaluate_ggt import PRONOUNS, _name_error, _speaker_label, full_names_agree, gender_verdict, quoted_people
from onrecord.speakers.names import first_name_verdict

GGT_DEV = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ggt" / "dev.jsonl"


def _matches(record: dict, prediction: dict):
    """(gold quote index, its span, predicted fragment span or None, speaker) for every gold quote, as the scorer pairs them."""
    text = record["text"]
    gold = [
        positions([{"start": q["quote_start"], "end": q["quote_end"], "text": text[q["quote_start"] : q["quote_end"]]}])
        for q in record.get("quotes") or ()
    ]
    fragments = [(positions([f]), a.get("speaker")) for a in prediction["attributions"] for f in a["content"]]
    pairs = sorted(
        ((jaccard(g, f), gi, pi) for gi, g in enumerate(gold) for pi, (f, _) in enumerate(fragments) if g & f), reverse=True
    )
    used_gold, used_pred, matched = set(), set(), {}
    for score, gi, pi in pairs:
        if score < PARTIAL or gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        matched[gi] = pi
    for gi, span in enumerate(gold):
        pi = matched.get(gi)
        overlapping = [f for f, _ in fragments if span & f]
        yield gi, span, fragments[pi] if pi is not None else None, overlapping


def _first_mention(entity: dict) -> int:
    return min((m["start"] for m in entity.get("mentions") or ()), default=-1)


def _pronoun_error(prediction: dict, speaker: dict, gold_name: str) -> str:
    """How a wrong pronoun speaker went wrong: no antecedent, or another person (gender known or not)."""
    if not (speaker or {}).get("name"):
        return "no antecedent"
    gold = [e for e in prediction["entities"] if names_agree(e.get("name"), gold_name)]
    if not gold:
        return "the gold person is no entity"
    chosen = next((e for e in prediction["entities"] if e["id"] == speaker.get("entity")), None)
    gender = (chosen or {}).get("gender") or "unknown"
    return f"another person (theirs {gender}, the gold's {gold[0].get('gender') or 'unknown'})"


def _named_where(prediction: dict, speaker: dict, gold_name: str) -> str:
    """Whether the gold person is named before or only after the description's mention."""
    at = min((m["start"] for m in (speaker or {}).get("mention") or ()), default=None)
    gold = [e for e in prediction["entities"] if e.get("type") == "person" and names_agree(e.get("name"), gold_name)]
    if at is None or not gold:
        return "(no mention)"
    return "before it" if min(_first_mention(e) for e in gold) < at else "only after it"


# how far from a missed quote a predicted cue still counts as near it (about a sentence)
_NEAR = 120


def _cue_near(prediction: dict, quote: dict) -> str:
    """Whether a missed quote had a predicted cue near it (its attribution found, its content
    put elsewhere) or none (no attribution found there at all)."""
    start, end = quote["quote_start"] - _NEAR, quote["quote_end"] + _NEAR
    near = any(start <= c["start"] < end for a in prediction["attributions"] for c in a["cue"])
    return "a predicted cue within a sentence of it" if near else "no predicted cue near it"


def _excess(text: str, gold: frozenset, predicted: frozenset) -> str:
    """Where a too-long prediction reaches past the gold quote, and what the excess holds."""
    before = [i for i in predicted if i < min(gold)]
    after = [i for i in predicted if i > max(gold)]
    side = "both sides" if before and after else "before it" if before else "after it"
    excess = "".join(text[i] for i in sorted(before + after))
    holds = ("a paragraph break" if "\n" in text[min(predicted) : max(predicted)] else
             "quotation marks" if any(m in excess for m in '"“”') else "plain words")
    return f"reaches {side}; the excess holds {holds}"


# what the first-name lists make of a speaker's name (``speakers.names.first_name_verdict``)
_FIRST_NAME_KINDS = {None: "one word", "both": "a first name of both genders", "female": "a one-gender first name",
                     "male": "a one-gender first name", "unknown": "a first word in none of the lists"}


def _gender_misses(record: dict, prediction: dict, counts: Counter) -> None:
    """Why each quoted person's gender is not found right, as ``evaluate_ggt`` decides it."""
    entities = prediction.get("entities") or ()
    for gold_gender, name, matching in quoted_people(record, prediction):
        if not matching:
            types = {e.get("type") for e in entities if e.get("name") and names_agree(e["name"], name)}
            where = "a person entity" if "person" in types else "only another entity type" if types else "no entity"
            counts[("not found among speakers", f"{gold_gender}; {where} has the name")] += 1
            continue
        verdict = gender_verdict(matching)
        if verdict is None:
            top = matching.most_common(1)[0][0][0]
            kind = _FIRST_NAME_KINDS[first_name_verdict(top)]
            counts[("found, gender unknown", f"{gold_gender}; the name has {kind}")] += 1
        elif verdict[0] != gold_gender:
            counts[("found, wrong gender", f"{gold_gender} taken for {verdict[0]}, from {verdict[1]}")] += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", default=str(GGT_DEV))
    parser.add_argument("--strategy", default=None)
    parser.add_argument("-j", "--jobs", type=int, default=2)
    args = parser.parse_args()
    records = read_jsonl(args.gold)
    predictions = predictions_for(records, n_process=args.jobs, progress=False, strategy=args.strategy, tagger=None)
    missed: Counter = Counter()
    wrong: Counter = Counter()
    pronouns: Counter = Counter()
    partial_names: Counter = Counter()
    genders: Counter = Counter()
    for record, prediction in zip(records, predictions):
        text = record["text"]
        _gender_misses(record, prediction, genders)
        for gi, span, found, overlapping in _matches(record, prediction):
            quote = record["quotes"][gi]
            if found is None:
                quoted = any(mark in text[quote["quote_start"] : quote["quote_end"]] for mark in '"“”')
                best = max(overlapping, key=lambda f: len(span & f), default=None)
                shape = ("no overlap" if best is None else "too long" if best > span
                         else "too short" if best < span else "crossing")
                missed[(shape, "quoted" if quoted else "unquoted")] += 1
                if shape == "too long":
                    missed[("too long", _excess(text, span, best))] += 1
                if shape == "no overlap":
                    missed[("no overlap", _cue_near(prediction, quote))] += 1
                continue
            speaker, gold_name = found[1], quote.get("speaker_reference") or ""
            mention = " ".join(m.get("text", "") for m in (speaker or {}).get("mention") or ()).lower()
            right = names_agree(_speaker_label(speaker), gold_name)
            if mention in PRONOUNS:
                pronouns["right" if right else "wrong"] += 1
                if not right:
                    pronouns[("wrong", _pronoun_error(prediction, speaker, gold_name))] += 1
            if right:
                label = _speaker_label(speaker)
                if not full_names_agree(label, gold_name):
                    shape = "shorter" if name_words(label) < name_words(gold_name) else "longer"
                    named = [e for e in prediction["entities"] if full_names_agree(e.get("name"), gold_name)]
                    # the full name written in the text, or only known to the annotators
                    where = ("no entity has it, the text does" if gold_name.lower() in record["text"].lower()
                             else "no entity has it, nor the text")
                    if named:
                        sharing = [e for e in prediction["entities"] if e.get("type") == "person"
                                   and name_words(e.get("name")) and name_words(e.get("name")) <= name_words(gold_name)]
                        where = ("an entity has the full name, " +
                                 ("one other shares the short one" if len(sharing) > 1 + len(named) - 1 else "no other shares the short one"))
                    partial_names[(shape, where)] += 1
                continue
            types = {e.get("type") for e in prediction["entities"] if e.get("name") and names_agree(e["name"], gold_name)}
            where = ("a person entity" if "person" in types else f"only another entity type ({', '.join(sorted(types))})"
                     if types else "no entity")
            kind = _name_error(speaker)
            if kind == "an unnamed description" and where == "a person entity":
                where += ", named " + _named_where(prediction, speaker, gold_name)
            elif kind == "an unnamed description" and types:
                inside = name_words(gold_name) <= name_words(speaker.get("description") or "")
                where += ", named inside the description" if inside else ", not named in the description"
            if kind == "another name":
                kind += " from " + ("a pronoun" if mention in PRONOUNS else "a name or description" if mention
                                    else "the statement before (no mention)")
            wrong[(kind, where)] += 1
    print("missed gold quotes (shape of the nearest prediction):")
    for key, count in sorted(missed.items(), key=lambda kv: (kv[0][0], -kv[1])):
        print(f"  {count:4d}  {key[0]}, {key[1]}")
    print("wrong speaker names (kind; where the gold name is among the article's entities):")
    for key, count in wrong.most_common():
        print(f"  {count:4d}  {key[0]}; gold is {key[1]}")
    print(f"pronoun speakers: {pronouns['right']} right, {pronouns['wrong']} wrong")
    for key, count in sorted((k, v) for k, v in pronouns.items() if isinstance(k, tuple)):
        print(f"  {count:4d}  wrong: {key[1]}")
    print("right names short of the full name (shape; whether an article entity has the gold name):")
    for key, count in partial_names.most_common():
        print(f"  {count:4d}  {key[0]}; {key[1]}")
    print("quoted people whose gender is not found right:")
    for key, count in sorted(genders.items()):
        print(f"  {count:4d}  {key[0]}: {key[1]}")


if __name__ == "__main__":
    main()
