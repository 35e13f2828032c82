"""Scoring against Gender Gap Tracker gold (the GGT section of docs/scoring.md): quotes, speaker names, gender of sources.

GGT gold differs from PolNeAR's in three ways, and the scoring follows them:

- GGT writes ``"A," X said. "B."`` as two quotes where onrecord writes one
  attribution with two fragments, so each predicted content *fragment* is
  matched on its own, inheriting its attribution's speaker (same trimming,
  Jaccard and greedy one-to-one rule as docs/scoring.md);
- GGT marks speech only, so recall is the target and precision is shown;
- each gold quote names its speaker in full (``speaker_reference``), so names
  are scored twice: leniently (word sets equal or one inside the other,
  honorifics ignored) and as full names (word sets equal);
- each article lists its quoted people by gender (``sources_female``,
  ``sources_male``): for each, the predicted speakers whose names agree with
  it (leniently) are found and the gender onrecord gives them is compared.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from .evaluate import PARTIAL, jaccard, name_words, names_agree, positions


def full_names_agree(predicted: str | None, gold: str) -> bool:
    """Normalized names equal: the same words once case and honorifics are set aside."""
    p, g = name_words(predicted), name_words(gold)
    return bool(p) and p == g


def _speaker_label(speaker: dict[str, Any] | None) -> str | None:
    speaker = speaker or {}
    return speaker.get("name") or speaker.get("description")


def _name_error(speaker: dict[str, Any] | None) -> str:
    """What a wrong speaker was: none at all, a pronoun left bare, an unnamed description, or another name."""
    speaker = speaker or {}
    if speaker.get("name"):
        return "another name"
    if speaker.get("description"):
        return "an unnamed description"
    mention = " ".join(m.get("text", "") for m in speaker.get("mention") or ()).lower()
    return "a bare pronoun" if mention in PRONOUNS else "no speaker"


PRONOUNS = frozenset("he she they it i we you who which that him her them".split())


@dataclass
class GgtScorer:
    """Accumulates GGT counts over articles."""

    articles: int = 0
    gold_quotes: int = 0
    predicted_fragments: int = 0
    found: int = 0
    names_right: int = 0
    full_names_right: int = 0
    sources: int = 0
    gender_right: int = 0
    gender_wrong: int = 0
    # why a source's gender was not right: "not found" or "unknown"
    gender_missing: Counter = field(default_factory=Counter)
    # why a found quote's speaker name was wrong (see _name_error)
    name_errors: Counter = field(default_factory=Counter)

    def add(self, record: dict[str, Any], prediction: dict[str, Any]) -> None:
        """Score one article: a GGT record against onrecord's output for it (the shape of docs/output.md)."""
        self.articles += 1
        text = record["text"]
        gold = [
            positions([{"start": q["quote_start"], "end": q["quote_end"], "text": text[q["quote_start"] : q["quote_end"]]}])
            for q in record.get("quotes") or ()
        ]
        fragments = [
            (positions([f]), attribution.get("speaker"))
            for attribution in prediction.get("attributions") or ()
            for f in attribution.get("content") or ()
        ]
        self.gold_quotes += len(gold)
        self.predicted_fragments += len(fragments)
        pairs = sorted(
            ((jaccard(g, p), gi, pi) for gi, g in enumerate(gold) for pi, (p, _) in enumerate(fragments) if g & p),
            reverse=True,
        )
        used_g: set[int] = set()
        used_p: set[int] = set()
        for score, gi, pi in pairs:
            if score < PARTIAL or gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            self.found += 1
            name = _speaker_label(fragments[pi][1])
            reference = record["quotes"][gi].get("speaker_reference") or ""
            right = names_agree(name, reference)
            self.names_right += right
            self.full_names_right += full_names_agree(name, reference)
            if not right:
                self.name_errors[_name_error(fragments[pi][1])] += 1
        self._add_gender(record, prediction)

    def _add_gender(self, record: dict[str, Any], prediction: dict[str, Any]) -> None:
        for gold_gender, _, matching in quoted_people(record, prediction):
            self.sources += 1
            if not matching:
                self.gender_missing["not found"] += 1
                continue
            verdict = gender_verdict(matching)
            if verdict is None:
                self.gender_missing["unknown"] += 1
            elif verdict[0] == gold_gender:
                self.gender_right += 1
            else:
                self.gender_wrong += 1

    def metrics(self) -> dict[str, Any]:
        def pct(a: int, b: int) -> float | None:
            return round(100 * a / b, 2) if b else None

        return {
            "articles": self.articles,
            "gold_quotes": self.gold_quotes,
            "predicted_fragments": self.predicted_fragments,
            "quotes_found": self.found,
            "quote_recall": pct(self.found, self.gold_quotes),
            "quote_precision": pct(self.found, self.predicted_fragments),
            "speaker_name_accuracy": pct(self.names_right, self.found),
            "full_name_accuracy": pct(self.full_names_right, self.found),
            "sources": self.sources,
            "gender_right": pct(self.gender_right, self.sources),
            "gender_wrong": pct(self.gender_wrong, self.sources),
            "gender_not_found": pct(self.gender_missing["not found"], self.sources),
            "gender_unknown": pct(self.gender_missing["unknown"], self.sources),
            "speaker_name_errors": dict(self.name_errors.most_common()),
        }


def quoted_people(record: dict[str, Any], prediction: dict[str, Any]) -> Iterator[tuple[str, str, Counter]]:
    """Each quoted person of the gold (``sources_female`` / ``sources_male``): its gold gender, its
    name, and the predicted speakers of that name (rule 7, lenient) as a Counter of
    (speaker name, gender, gender evidence) -> attributions spoken."""
    entities = {e.get("id"): e for e in prediction.get("entities") or ()}
    speakers: Counter = Counter()
    for attribution in prediction.get("attributions") or ():
        speaker = attribution.get("speaker") or {}
        entity = entities.get(speaker.get("entity")) or {}
        if speaker.get("name"):
            gender = speaker.get("gender", entity.get("gender"))
            evidence = speaker.get("gender_evidence", entity.get("gender_evidence"))
            speakers[(speaker["name"], gender, evidence)] += 1
    for gold_gender, names in (("female", record.get("sources_female")), ("male", record.get("sources_male"))):
        for name in names or ():
            yield gold_gender, name, Counter({key: n for key, n in speakers.items() if names_agree(key[0], name)})


def gender_verdict(matching: Counter) -> tuple[str, str | None] | None:
    """The known gender said most under a matching name, and the evidence behind most of it (None: unknown)."""
    genders: Counter = Counter()
    for (_, gender, _), n in matching.items():
        if gender in ("female", "male"):
            genders[gender] += n
    if not genders:
        return None
    gender = max((n, g) for g, n in genders.items())[1]
    evidence = max((n, e or "") for (_, g, e), n in matching.items() if g == gender)[1]
    return gender, evidence or None


def score_ggt(records: Sequence[dict[str, Any]], predictions: Sequence[dict[str, Any]]) -> dict[str, Any]:
    scorer = GgtScorer()
    for record, prediction in zip(records, predictions):
        scorer.add(record, prediction)
    return scorer.metrics()


def format_ggt_table(metrics: dict[str, Any]) -> str:
    """The GGT metrics as plain text; a share without a denominator prints as n/a."""

    def show(value: float | None) -> str:
        return "   n/a" if value is None else f"{value:6.2f}"

    found, sources = metrics["quotes_found"], metrics["sources"]
    return "\n".join([
        f"articles: {metrics['articles']}",
        "",
        f"quote recall (fragment Jaccard >= 0.5):  {show(metrics['quote_recall'])}  ({found} / {metrics['gold_quotes']})",
        f"quote precision (GGT marks speech only): {show(metrics['quote_precision'])}  ({found} / {metrics['predicted_fragments']})",
        f"speaker name accuracy (found quotes):    {show(metrics['speaker_name_accuracy'])}  (n={found})",
        f"full-name accuracy (found quotes):       {show(metrics['full_name_accuracy'])}  (n={found})",
        "  wrong names: " + (", ".join(f"{kind} {n}" for kind, n in metrics["speaker_name_errors"].items()) or "none"),
        "",
        f"gender of quoted people (n={sources}):",
        f"  found with the right gender:           {show(metrics['gender_right'])}",
        f"  found with the wrong gender:           {show(metrics['gender_wrong'])}",
        f"  found, gender unknown:                 {show(metrics['gender_unknown'])}",
        f"  not found among predicted speakers:    {show(metrics['gender_not_found'])}",
    ])
