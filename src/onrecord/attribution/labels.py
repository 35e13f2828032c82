"""Speaker labels: a name and a colon before what that speaker said.

Three news forms attribute words this way: transcripts ("PENCE: Well, the
question really should be …") and headlines that name their source ("Poll:
Wealthy voters abandon …") open a paragraph with the label; digests and
hearing excerpts put it before a quotation anywhere in a paragraph ("RED
STATES OUTNUMBER BLUE STATES - Jeffrey M. Jones: “Gallup's analysis …”",
"Rep. Trey Gowdy (R-S.C.): "I have not heard …""). The colon is the cue, the
label the source, the paragraph's rest or the quotation the content.
"""

from __future__ import annotations

from ..text import Quotation, Unit, speaker_label
from .candidate import Candidate, Mention
from .spans import ParsedUnits, mention, unit_span

CONFIDENCE_LABEL = 0.9
# Fewer words than this after the label is a caption or a list item.
MIN_CONTENT_WORDS = 4


def labelled_paragraphs(text: str, units: list[Unit]) -> list[Candidate]:
    """One candidate per paragraph that opens with a speaker label."""
    found = []
    for unit in units:
        label = speaker_label(text, unit.start, unit.end)
        if label is None:
            continue
        name_start, name_end, content_start = label
        if len(text[content_start : unit.end].split()) < MIN_CONTENT_WORDS:
            continue
        span = unit_span(unit, name_start, name_end)
        colon = text.index(":", name_end)
        found.append(
            Candidate(
                kind="direct",
                content=[(content_start, unit.end)],
                cue=[(colon, colon + 1)],
                source=Mention(name_start, name_end, span),
                confidence=CONFIDENCE_LABEL,
            )
        )
    return found


# What ends the label on its left: a dash after a headline, a sentence's end.
_LABEL_STARTS = frozenset({"-", "—", "–", "--", ".", ";", "|", "―"})
# A label longer than this many tokens is a sentence, not a name.
MAX_LABEL_TOKENS = 12
# First words of a colon's lead-in that name no speaker ("Update: “…”").
_NOT_LABELS = frozenset("update watch read listen video photo related note editor correction breaking".split())


def labelled_quotations(text: str, quotes: list[Quotation], units: list[Unit]) -> list[Candidate]:
    """Quotations right after a colon that a verbless name ends: the name is the speaker.

    "More from Jones: “…”" names Jones; a clause with a verb before the colon
    ("He said: “…”", "Here is what she wrote: “…”") is left to the verb's rule.
    """
    found = []
    parsed = ParsedUnits(units)
    for quote in quotes:
        before = text[: quote.start].rstrip(" \t\u00a0")
        if not before.endswith(":"):
            continue
        colon = len(before) - 1
        unit = parsed.holding(colon, colon + 1)
        if unit is None:
            continue
        doc = unit.doc
        colon_span = unit_span(unit, colon, colon + 1)
        if colon_span is None or len(colon_span) != 1 or colon_span[0].text != ":":
            continue  # the colon is glued inside a token
        colon_token = colon_span[0]
        label = []
        for token in reversed(doc[colon_token.sent.start : colon_token.i]):
            spaced = token.i > 0 and bool(doc[token.i - 1].whitespace_)
            if (token.text in _LABEL_STARTS and (spaced or token.text == ".")) or token.text in "”\"’":
                break  # "HEADLINE - Name:", but not the hyphen of "(R-S.C.)"
            label.insert(0, token)
        from_ = next((t for t in label[:3] if t.lower_ == "from"), None)
        if from_ is not None:
            label = label[label.index(from_) + 1 :]  # "More from Jones", "From the report"
        if (
            not label
            or len(label) > MAX_LABEL_TOKENS
            or any(t.pos_ in ("VERB", "AUX") for t in label)
            or label[0].lower_.strip(".") in _NOT_LABELS
        ):
            continue
        # a name, or after "from" any noun phrase ("From the report: “…”")
        if not any(t.pos_ == "PROPN" and t.text[:1].isupper() for t in label) and not (
            from_ is not None and label[-1].pos_ in ("NOUN", "PROPN")
        ):
            continue
        source = mention(label, unit.start)
        if source is None:
            continue
        found.append(
            Candidate(
                kind="direct",
                content=list(quote.spans),
                cue=[(colon, colon + 1)],
                source=source,
                confidence=CONFIDENCE_LABEL,
            )
        )
    return found
