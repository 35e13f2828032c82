"""Pure helpers that turn store records into what the HTML templates draw.

Nothing here produces markup: every helper returns plain text pieces with
flags or class names, and the Jinja templates (autoescape on) write the tags,
so untrusted article text is escaped in exactly one place, by Jinja.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# Speakers get one of this many colours (classes sp-0 … sp-7 in onrecord.css),
# in order of first appearance in the article.
SPEAKER_COLOURS = 8

# The roles a span of text can play in an attribution, in the order they are
# listed in a segment's classes.
ROLES = ("content", "cue", "speaker", "addressee", "via")

# Size of the speaker timeline chart, in SVG user units.
CHART_WIDTH = 600
CHART_HEIGHT = 120
CHART_MAX_BAR = 40
# At most this many month labels under the bars (600 units / 12 = room for "2024-03").
CHART_MAX_LABELS = 12


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of article text with the same attribution roles throughout.

    ``attributions`` lists the ids of the attributions the run belongs to,
    innermost (shortest content) first; ``colour`` is the speaker colour of the
    first one; ``title`` is the hover text (speaker, addressee, via).
    """

    text: str
    roles: tuple[str, ...] = ()
    attributions: tuple[str, ...] = ()
    colour: int | None = None
    title: str = ""

    @property
    def css(self) -> str:
        """The class attribute: ``a`` plus a class per role plus the speaker colour."""
        classes = ["a", *(f"r-{role}" for role in self.roles)]
        classes.append(f"sp-{self.colour}" if self.colour is not None else "sp-none")
        return " ".join(classes)


def label(person: Mapping[str, Any] | None) -> str | None:
    """Best human-readable label of a speaker/addressee/via dict, or None."""
    if not person:
        return None
    name = person.get("name")
    description = person.get("description")
    if name and description:
        return f"{name} ({description})"
    if name or description:
        return name or description
    mention = " ".join(f.get("text", "") for f in person.get("mention") or ())
    return mention or None


def speaker_key(attribution: Mapping[str, Any]) -> str | None:
    """What makes two attributions 'the same speaker' for colouring."""
    if attribution.get("speaker_id") is not None:
        return f"id:{attribution['speaker_id']}"
    speaker = attribution.get("speaker")
    if not speaker:
        return None
    for field in ("entity", "name", "description"):
        if speaker.get(field):
            return f"{field}:{speaker[field]}"
    mention = " ".join(f.get("text", "") for f in speaker.get("mention") or ())
    return f"mention:{mention.lower()}" if mention else None


def describe(attribution: Mapping[str, Any]) -> str:
    """The hover text of an attribution: kind, speaker, addressee, via."""
    parts = [f"{attribution.get('kind') or 'attribution'}: {label(attribution.get('speaker')) or 'no source given'}"]
    if label(attribution.get("addressee")):
        parts.append(f"to {label(attribution.get('addressee'))}")
    if label(attribution.get("via")):
        parts.append(f"via {label(attribution.get('via'))}")
    return " · ".join(parts)


def speaker_colours(attributions: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    """Colour index per attribution id: one colour per speaker, by first appearance."""
    by_speaker: dict[str | None, int] = {}
    colours: dict[str, int] = {}
    for attribution in attributions:
        key = speaker_key(attribution)
        if key is None:
            continue
        if key not in by_speaker:
            by_speaker[key] = len(by_speaker) % SPEAKER_COLOURS
        colours[str(attribution.get("id"))] = by_speaker[key]
    return colours


def _spans(attribution: Mapping[str, Any], role: str) -> list[tuple[int, int]]:
    if role in ("content", "cue"):
        fragments = attribution.get(role) or ()
    else:
        person = attribution.get(role) or {}
        fragments = person.get("mention") or ()
    return [(int(f["start"]), int(f["end"])) for f in fragments]


def annotate(article: Mapping[str, Any]) -> list[Segment]:
    """Split an article's text at every fragment boundary into annotated segments.

    Args:
        article: an output article dict (docs/output.md) (stored or freshly extracted).

    Returns:
        Segments whose texts concatenate to exactly ``article["text"]``. Fragments
        outside the text or empty are ignored; overlapping attributions are all
        listed, innermost first.
    """
    text: str = article.get("text") or ""
    size = len(text)
    attributions = list(article.get("attributions") or ())
    colours = speaker_colours(attributions)
    titles = {str(a.get("id")): describe(a) for a in attributions}
    # (start, end, role, attribution id, content length for "innermost first")
    marks: list[tuple[int, int, str, str, int]] = []
    for attribution in attributions:
        ident = str(attribution.get("id"))
        content = _spans(attribution, "content")
        extent = sum(end - start for start, end in content) or size
        for role in ROLES:
            for start, end in _spans(attribution, role):
                start, end = max(0, start), min(size, end)
                if start < end:
                    marks.append((start, end, role, ident, extent))
    bounds = sorted({0, size, *(m[0] for m in marks), *(m[1] for m in marks)})
    segments: list[Segment] = []
    for start, end in zip(bounds, bounds[1:]):
        covering = [m for m in marks if m[0] <= start and end <= m[1]]
        if not covering:
            segments.append(Segment(text[start:end]))
            continue
        covering.sort(key=lambda m: (m[4], ROLES.index(m[2])))
        idents = tuple(dict.fromkeys(m[3] for m in covering))
        roles = tuple(role for role in ROLES if any(m[2] == role for m in covering))
        segments.append(
            Segment(
                text=text[start:end],
                roles=roles,
                attributions=idents,
                colour=colours.get(idents[0]),
                title="\n".join(titles[i] for i in idents),
            )
        )
    return segments


def split_highlights(content: str, highlights: Iterable[Sequence[int]] | None) -> list[tuple[str, bool]]:
    """Cut ``content`` into (text, is_hit) pieces at the query-hit offsets.

    Overlapping or touching hits are merged; offsets are clamped to the text.
    The pieces concatenate to exactly ``content``.
    """
    size = len(content)
    ranges = sorted(
        (max(0, int(h[0])), min(size, int(h[1])))
        for h in highlights or ()
        if len(h) >= 2 and int(h[0]) < int(h[1])
    )
    merged: list[list[int]] = []
    for start, end in ranges:
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    pieces: list[tuple[str, bool]] = []
    position = 0
    for start, end in merged:
        if start > position:
            pieces.append((content[position:start], False))
        pieces.append((content[start:end], True))
        position = end
    if position < size or not pieces:
        pieces.append((content[position:], False))
    return pieces


def _months(first: str, last: str) -> list[str]:
    """Every YYYY-MM month from ``first`` to ``last`` inclusive."""
    year, month = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    months = []
    while (year, month) <= end and len(months) < 1200:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def timeline_chart(timeline: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Bars for an SVG chart of attributions per month, with empty months filled in.

    Months that are not ``YYYY-MM`` (an undated article) are left out of the bars
    and counted in ``undated``.

    Returns:
        ``{"width", "height", "bars": [{"month","count","x","y","width","height",
        "label"}], "max": int, "undated": int}``; ``label`` is True on the bars whose
        month is written under them; ``bars`` is empty when nothing is dated.
    """
    counts: dict[str, int] = {}
    undated = 0
    for point in timeline:
        month = str(point.get("month") or "")
        count = int(point.get("count") or 0)
        if len(month) >= 7 and month[:4].isdigit() and month[4] == "-" and month[5:7].isdigit():
            counts[month[:7]] = counts.get(month[:7], 0) + count
        else:
            undated += count
    chart: dict[str, Any] = {"width": CHART_WIDTH, "height": CHART_HEIGHT, "bars": [], "max": 0, "undated": undated}
    if not counts:
        return chart
    months = _months(min(counts), max(counts))
    peak = max(counts.values()) or 1
    step = CHART_WIDTH / len(months)
    bar_width = max(1.0, min(CHART_MAX_BAR, step * 0.8))
    label_every = -(-len(months) // CHART_MAX_LABELS)
    for index, month in enumerate(months):
        count = counts.get(month, 0)
        height = round((CHART_HEIGHT - 20) * count / peak, 1)
        chart["bars"].append(
            {
                "month": month,
                "count": count,
                "x": round(index * step + (step - bar_width) / 2, 1),
                "y": round(CHART_HEIGHT - 16 - height, 1),
                "width": round(bar_width, 1),
                "height": height,
                "centre": round(index * step + step / 2, 1),
                "label": index % label_every == 0,
            }
        )
    chart["max"] = peak
    return chart


def outlet_lines(rows: Iterable[Mapping[str, Any]], chart: Mapping[str, Any], *, top: int = 5) -> list[dict[str, Any]]:
    """One polyline per outlet (the ``top`` with most dated attributions) over a ``timeline_chart``'s bars.

    ``rows`` are ``Store.timeline()`` rows (month, outlet, count); the lines
    share the bars' x positions and scale, so a line under its bars' tops
    reads as that outlet's share of the month.

    Returns:
        ``[{"outlet", "total", "points": "x,y x,y …", "index"}]``, biggest outlet first;
        ``index`` numbers the lines for their CSS colour.
    """
    bars = chart.get("bars") or []
    if not bars:
        return []
    per_outlet: dict[str, dict[str, int]] = {}
    for row in rows:
        month = str(row.get("month") or "")[:7]
        if not month:
            continue  # undated attributions have no bar: an outlet with only those gets no line at zero
        outlet = str(row.get("outlet") or "no outlet")
        per_outlet.setdefault(outlet, {})
        per_outlet[outlet][month] = per_outlet[outlet].get(month, 0) + int(row.get("count") or 0)
    peak = chart.get("max") or 1
    biggest = sorted(per_outlet.items(), key=lambda item: (-sum(item[1].values()), item[0]))[:top]
    lines = []
    for index, (outlet, counts) in enumerate(biggest):
        points = " ".join(
            f"{bar['centre']},{round(CHART_HEIGHT - 16 - (CHART_HEIGHT - 20) * counts.get(bar['month'], 0) / peak, 1)}"
            for bar in bars
        )
        lines.append({"outlet": outlet, "total": sum(counts.values()), "points": points, "index": index})
    return lines
