"""A readable report of an article's attributions, grouped by speaker, for journalists."""

from __future__ import annotations

from .model import Article, Attribution

_VERB_BY_KIND = {"direct": "said", "mixed": "said", "indirect": "said", "block": "stated"}


def _who(attribution: Attribution) -> str:
    speaker = attribution.speaker
    if speaker is None:
        return "(no source given)"
    if speaker.name and speaker.description:
        return f"{speaker.name} ({speaker.description})"
    return speaker.label


def _line(attribution: Attribution) -> str:
    cue = " ".join(f.text for f in attribution.cue) or _VERB_BY_KIND[attribution.kind]
    content = attribution.content_text
    if attribution.kind == "indirect":
        content = f"[paraphrase] {content}"
    extras = []
    if attribution.addressee:
        extras.append(f"to {attribution.addressee.label}")
    if attribution.via:
        extras.append(f"according to {attribution.via.label}")
    suffix = f"  ({'; '.join(extras)})" if extras else ""
    return f"  {cue}: {content}{suffix}"


def text_report(article: Article) -> str:
    """Attributions grouped by speaker, in order of first appearance."""
    header = article.title or article.id or "(untitled)"
    lines = [f"== {header} ==", f"{len(article.attributions)} attributions"]
    groups: dict[str, list[Attribution]] = {}
    for attribution in article.attributions:
        groups.setdefault(_who(attribution), []).append(attribution)
    for who, items in groups.items():
        lines.append("")
        lines.append(who)
        lines.extend(_line(a) for a in items)
    return "\n".join(lines) + "\n"
