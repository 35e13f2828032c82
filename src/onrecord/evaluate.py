"""The scoring protocol of docs/scoring.md: content, source and cue P/R/F1, name accuracy.

Roles become sets of character positions after trimming whitespace, quotation
marks and ``. , ; : — – -`` at both ends of each fragment; contents are matched
one-to-one greedily by Jaccard index; a match with Jaccard ≥ 0.5 is partial,
Jaccard = 1 exact.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ReadError

TRIM = set(" \t\n\r\u00a0\"“”‘’'«».,;:—–-")
PARTIAL = 0.5
QUOTE_MARKS = set("\"“”«»")
_HONORIFICS = {
    "mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "gov", "governor", "president",
    "secretary", "gen", "general", "sir", "lord", "lady", "prof", "professor", "the", "former",
    "judge", "justice", "rev", "mayor", "attorney", "speaker", "vice", "chairman", "chief", "jr", "sr",
}


def positions(fragments: Iterable[dict[str, Any]]) -> frozenset[int]:
    """The character positions covered by fragments after trimming each one."""
    covered: set[int] = set()
    for fragment in fragments:
        start, end, text = int(fragment["start"]), int(fragment["end"]), fragment.get("text")
        if text is None or len(text) != end - start:
            text = None
        lo, hi = 0, end - start
        if text is not None:
            while lo < hi and text[lo] in TRIM:
                lo += 1
            while hi > lo and text[hi - 1] in TRIM:
                hi -= 1
        covered.update(range(start + lo, start + hi))
    return frozenset(covered)


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a and not b:
        return 1.0
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def name_words(name: str | None) -> set[str]:
    words = re.findall(r"[\w']+", (name or "").lower())
    return {w.strip("'") for w in words if w.strip("'") not in _HONORIFICS and w not in {"s"}}


def names_agree(predicted: str | None, gold: str) -> bool:
    p, g = name_words(predicted), name_words(gold)
    return bool(p) and bool(g) and (p <= g or g <= p)


@dataclass
class Counts:
    """Running counts for one role."""

    predicted: int = 0
    gold: int = 0
    exact: int = 0
    partial: int = 0

    def scores(self) -> dict[str, float]:
        def prf(hits: int) -> dict[str, float]:
            p = hits / self.predicted if self.predicted else 0.0
            r = hits / self.gold if self.gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            return {"precision": round(100 * p, 2), "recall": round(100 * r, 2), "f1": round(100 * f, 2)}

        return {"exact": prf(self.exact), "partial": prf(self.partial),
                "predicted": self.predicted, "gold": self.gold}


@dataclass
class Scorer:
    """Accumulates docs/scoring.md counts over articles."""

    content: Counts = field(default_factory=Counts)
    source: Counts = field(default_factory=Counts)
    cue: Counts = field(default_factory=Counts)
    quoted_gold: int = 0
    quoted_found: int = 0
    unquoted_gold: int = 0
    unquoted_found: int = 0
    names_gold: int = 0
    names_right: int = 0
    articles: int = 0
    # calibration: per confidence bin (tenths), [predicted, partially matched]
    bins: dict[int, list[int]] = field(default_factory=dict)
    # (confidence, partially matched) of every prediction: what `onrecord calibrate` fits
    outcomes: list[tuple[float, bool]] = field(default_factory=list)

    def add(self, gold: Sequence[dict[str, Any]], predicted: Sequence[dict[str, Any]]) -> None:
        """Score one article: gold attributions (PolNeAR shape) against predicted (docs/output.md shape)."""
        self.articles += 1
        gold_content = [positions(g["content"]) for g in gold]
        pred_content = [positions(p["content"]) for p in predicted]
        self.content.gold += len(gold)
        self.content.predicted += len(predicted)
        pairs = sorted(
            ((jaccard(g, p), gi, pi) for gi, g in enumerate(gold_content)
             for pi, p in enumerate(pred_content) if g & p),
            reverse=True,
        )
        used_g: set[int] = set()
        used_p: set[int] = set()
        matches: list[tuple[int, int]] = []
        for score, gi, pi in pairs:
            if score < PARTIAL or gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            matches.append((gi, pi))
            self.content.partial += 1
            self.content.exact += score == 1.0
        for pi, p in enumerate(predicted):
            confidence = p.get("confidence")
            if isinstance(confidence, (int, float)):
                counts = self.bins.setdefault(min(9, max(0, int(confidence * 10))), [0, 0])
                counts[0] += 1
                counts[1] += pi in used_p
                self.outcomes.append((float(confidence), pi in used_p))

        self.source.gold += sum(1 for g in gold if g.get("source"))
        self.source.predicted += sum(1 for p in predicted if _speaker_mention(p))
        self.cue.gold += sum(1 for g in gold if g.get("cue"))
        self.cue.predicted += sum(1 for p in predicted if p.get("cue"))
        for gi, pi in matches:
            g, p = gold[gi], predicted[pi]
            if g.get("source") and _speaker_mention(p):
                s = jaccard(positions(g["source"]), positions(_speaker_mention(p)))
                self.source.partial += s >= PARTIAL
                self.source.exact += s == 1.0
            if g.get("cue") and p.get("cue"):
                c = jaccard(positions(g["cue"]), positions(p["cue"]))
                self.cue.partial += c >= PARTIAL
                self.cue.exact += c == 1.0
            if g.get("speaker_name"):
                self.names_gold += 1
                speaker = p.get("speaker") or {}
                predicted_name = speaker.get("name") or speaker.get("description")
                self.names_right += names_agree(predicted_name, g["speaker_name"])

        for gi, g in enumerate(gold):
            quoted = any(QUOTE_MARKS & set(f.get("text", "")) for f in g["content"])
            found = gi in used_g
            if quoted:
                self.quoted_gold += 1
                self.quoted_found += found
            else:
                self.unquoted_gold += 1
                self.unquoted_found += found

    def metrics(self) -> dict[str, Any]:
        def pct(a: int, b: int) -> float:
            return round(100 * a / b, 2) if b else 0.0

        return {
            "articles": self.articles,
            "content": self.content.scores(),
            "source": self.source.scores(),
            "cue": self.cue.scores(),
            "recall_quoted": pct(self.quoted_found, self.quoted_gold),
            "recall_unquoted": pct(self.unquoted_found, self.unquoted_gold),
            "quoted_gold": self.quoted_gold,
            "unquoted_gold": self.unquoted_gold,
            "speaker_name_accuracy": pct(self.names_right, self.names_gold),
            "speaker_names_gold": self.names_gold,
            "calibration": [
                {"confidence": f"{b / 10:.1f}-{(b + 1) / 10:.1f}", "predicted": n, "precision": pct(hit, n)}
                for b, (n, hit) in sorted(self.bins.items())
            ],
        }


def _speaker_mention(prediction: dict[str, Any]) -> list[dict[str, Any]]:
    speaker = prediction.get("speaker") or {}
    return speaker.get("mention") or []


def gold_attributions(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The attributions of the first annotator listed (docs/scoring.md, gold files)."""
    annotations = record.get("annotations") or {}
    annotators = record.get("annotators") or list(annotations)
    if not annotators:
        return []
    return list((annotations.get(annotators[0]) or {}).get("attributions") or [])


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """The records of a gold or predictions file: one JSON object per line.

    Raises:
        ReadError: naming the file and line, and what a gold file should be
            (people pass an article .txt here by mistake).
    """
    records: list[dict[str, Any]] = []
    try:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    raise ReadError(f"{path}:{number}", f"not JSON Lines ({error.msg}): a gold file holds one "
                                    "JSON object per line with `text` and `annotations` (docs/scoring.md)") from error
                if not isinstance(record, dict):
                    raise ReadError(f"{path}:{number}", "not a JSON object: a gold file holds one object per line")
                records.append(record)
    except (OSError, UnicodeDecodeError) as error:
        raise ReadError(str(path), str(error)) from error
    return records


def evaluate_files(
    gold_path: str | Path,
    pred_path: str | Path | None = None,
    *,
    n_process: int = 1,
    limit: int | None = None,
    progress: bool = False,
    strategy: str | None = None,
    tagger: str | None = None,
    score: Callable[[list[dict[str, Any]], list[dict[str, Any]]], dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Score the extractor (or a predictions file) against a gold file.

    ``score(gold, predictions)`` turns the records into metrics: PolNeAR's
    (``score_polnear``, the default) or another gold's, such as
    ``evaluate_ggt.score_ggt`` for the Gender Gap Tracker.
    """
    gold = read_jsonl(gold_path)[:limit]
    if pred_path is not None:
        by_id = {p.get("id"): p for p in read_jsonl(pred_path)}
        predictions = [by_id.get(g.get("id"), {"attributions": []}) for g in gold]
    else:
        predictions = predictions_for(gold, n_process=n_process, progress=progress, strategy=strategy, tagger=tagger)
    return (score or score_polnear)(gold, predictions)


def score_polnear(gold: list[dict[str, Any]], predictions: list[dict[str, Any]]) -> dict[str, Any]:
    """The metrics of docs/scoring.md: each gold record against the prediction beside it."""
    scorer = Scorer()
    for record, prediction in zip(gold, predictions):
        scorer.add(gold_attributions(record), prediction.get("attributions") or [])
    return scorer.metrics()


def predictions_for(
    gold: list[dict[str, Any]], *, n_process: int, progress: bool, strategy: str | None, tagger: str | None
) -> list[dict[str, Any]]:
    """The extractor's output (as dicts) for each gold record's text and metadata."""
    from tqdm import tqdm

    from .attribution import DEFAULT_STRATEGY
    from .extract import Extractor

    extractor = Extractor(strategy=strategy or DEFAULT_STRATEGY, tagger=tagger, n_process=n_process)
    fields = ("id", "text", "title", "date", "publisher", "outlet")
    articles = extractor.pipe({k: g.get(k) for k in fields} for g in gold)
    return [a.to_dict() for a in tqdm(articles, total=len(gold), disable=not progress, unit="article")]


def format_table(metrics: dict[str, Any]) -> str:
    """The metrics as a plain-text table."""
    lines = [f"articles: {metrics['articles']}", "",
             f"{'role':<8} {'match':<8} {'P':>7} {'R':>7} {'F1':>7}   (pred / gold)"]
    for role in ("content", "source", "cue"):
        scores = metrics[role]
        for match in ("exact", "partial"):
            s = scores[match]
            lines.append(f"{role:<8} {match:<8} {s['precision']:>7.2f} {s['recall']:>7.2f} {s['f1']:>7.2f}"
                         + (f"   ({scores['predicted']} / {scores['gold']})" if match == "exact" else ""))
    lines += [
        "",
        f"partial recall, quoted gold contents:   {metrics['recall_quoted']:6.2f}  (n={metrics['quoted_gold']})",
        f"partial recall, unquoted gold contents: {metrics['recall_unquoted']:6.2f}  (n={metrics['unquoted_gold']})",
        "speaker name accuracy:                  "
        + (f"{metrics['speaker_name_accuracy']:6.2f}  (n={metrics['speaker_names_gold']})"
           if metrics["speaker_names_gold"] else "   n/a  (no gold speaker names)"),
    ]
    if metrics.get("calibration"):
        lines += ["", "confidence   predicted   content partial precision"]
        lines += [f"{c['confidence']:<12} {c['predicted']:>9}   {c['precision']:6.2f}" for c in metrics["calibration"]]
    return "\n".join(lines)
