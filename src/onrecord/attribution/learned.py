"""The learned strategy: the tagger's spans, linked into attributions with the rules' help.

The tagger knows span boundaries (a mixed quote with its paraphrase, a cue
with its auxiliaries, contents of cues no rule knows); the rules know
structure (which content goes with which cue and source, the addressee, the
relaying source, a quotation continued in the next paragraph). So:

1. a rule candidate whose content the tagger also finds keeps its own spans
   where the two contents overlap by half or more, or the tagged runs lie
   inside its content (the rules' boundaries are exact more often; runs
   broken by untagged words are the tagger's gaps), and takes the tagger's
   content, cue and source boundaries where they disagree (the rules
   misread the structure) or where the tagged content holds the rule's and
   reaches past it (the rules cut it short), unless it reaches across a
   sentence's end (the next sentence is another statement) or past a
   quotation that closes on its own comma or stop (“…,” and the narration), or the rules
   found a relaying source and the tagged content takes in the cue (the
   tagger reads "According to X, Y said Z" as X's statement, as PolNeAR
   does; onrecord gives it to Y, with X as ``via``); never a tagged content
   that runs over the contents of two rule candidates in two sentences (two
   statements run together: each keeps its own); a tagged content that
   takes in the rule's cue ("made it clear that he felt they should …") is
   what the tagged cue before it introduces, which it takes, with its source;
2. a rule candidate the tagger gives no content to is dropped when the
   tagger is confident it is not a content (``DROP_BELOW``);
3. a tagged content no rule found (cut where a sentence ends and a
   quotation opens the next) becomes an attribution of its own, linked
   to the nearest tagged cue of its sentence and the nearest source of that
   cue; one with no cue near it, or a mean probability under ``LINK_ABOVE``,
   is dropped;
4. an attribution left with a cue and no source (the rules found no subject)
   takes the tagged source nearest before its cue in the cue's sentence, not
   for a passive cue ("was asked") nor a run of function words.

An attribution's ``confidence`` is the tagger's mean probability of its
content (for a layout-found statement, that or the rule's own, whichever is
higher); the README's calibration table reads it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from spacy.tokens import Span

from ..nlp import entity_at
from ..text import Unit, strip_span
from .candidate import Candidate, Mention, Offsets
from .context import ArticleContext
from .quotes import stretch_to_quotations
from .spans import DisjointSpans, ParsedUnits, SpanIndex, overlaps, token_offsets, unit_span
from .tagger import TaggedSpan, Tagging

# A rule candidate whose content the tagger gives a mean content probability
# under this is dropped (the rules' false positives: "support", "shows"). On
# held-out train with the sibling, 0.1 and 0.15 were level and both above 0.2
# (the rules' contents have grown more exact since 0.2 was chosen); 0.15 gained
# on dev as well, 0.1 lost there (docs/changes.md, twentieth release).
DROP_BELOW = 0.15
# Where the rules and the tagger both find a content, whose boundaries win:
# "never" the tagger's, "content" the tagger's for the content and the rules'
# for cue and source, "agree" the rules' where the two contents overlap by
# half or more or the tagged runs lie inside the rule's content (the rules'
# boundaries are exact more often) and the tagger's where they disagree,
# "grow" as "agree" but the tagger's where its content holds the rule's and
# reaches past it (chosen on held-out train: README, Choosing the model),
# "always" the rules'.
RULE_SPANS = "grow"
# A tagged source given to an attribution with none needs at least this mean probability.
SOURCE_ABOVE = 0.5
# A tagged content no rule found becomes an attribution of its own only from this mean
# probability: under it, about a third or fewer matched a gold content on held-out train,
# too few to be worth adding (chosen there over 0.6-0.8 and none: README, Choosing the model).
LINK_ABOVE = 0.7
# a passive cue ("was asked", "might be expected", "when asked about"), not a progressive ("is saying")
_PASSIVE = re.compile(r"\b(?:(?:is|was|were|are|been|be|being|get|got)\s+(?:\w+ly\s+)?(?!\w+ing\b)\w+|when\s+asked)\b", re.IGNORECASE)
_FUNCTION_WORDS = frozenset("a an the of for to in on at by and or but with from former s".split())
# the entities a tagged source may not cut in two
_NAMES = frozenset({"PERSON", "ORG"})
_NAME_GOES_ON = re.compile(r"(?:[ \t]+[A-Z][\w'’-]*)*")
# a tagged cue that only says when ("introduced a bill on Monday that …" tagged "Monday"): no cue
# (PolNeAR train's gold has none such), so a content beside it links to the verb instead
_WHEN = re.compile(
    r"(?:(?:on|last|this|next|early|late)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|"
    r"yesterday|tonight|morning|afternoon|evening|night|week|month|year)s?", re.IGNORECASE)
# the determiners a tagged source takes in (not "which hardliners", "all O'Connor is concerned about")
_ARTICLES = frozenset("the a an this that these those".split())
# a quotation that closes on its own punctuation: “…,” “….” ''…?''
_CLOSED_QUOTATION = re.compile(r"[,.?!…][\"”’']+$")
# Tagged contents shorter than this many characters are tagging noise, not statements.
MIN_CONTENT_CHARS = 8


def learned_attributions(
    article: ArticleContext,
    rule_candidates: list[Candidate],
    tagging: Tagging,
    *,
    drop_below: float = DROP_BELOW,
    rule_spans: str = RULE_SPANS,
) -> list[Candidate]:
    """Merge the rules' candidates with the tagger's spans (see the module docstring)."""
    spans = tagging.spans
    cues = _ByPosition(s for s in spans if s.role == "cue" and not _WHEN.fullmatch(article.text[s.start : s.end]))
    sources = _ByPosition(_whole_name(article, s) for s in spans if s.role == "source")
    pieces = [_at_new_quotations(article.text, s) for s in _glued(article.text, [s for s in spans if s.role == "content"])]
    # where a run was cut at a new quotation, the pieces after the first: with no cue of their
    # own, they stay fragments of the first piece's attribution ("A," she wrote. "B." "C.")
    continuing = {p.start for run in pieces for p in run[1:]}
    source_ends = sorted(s.end for s in spans if s.role == "source")
    trimmed = (_trimmed(article.text, _past_a_name(article, p, source_ends)) for run in pieces for p in run)
    contents = [s for s in trimmed if s.end - s.start >= MIN_CONTENT_CHARS]
    parsed = article.parsed

    sentences = _sentences(article)
    owned: dict[int, list[int]] = {}
    owners, across = _owners(contents, rule_candidates, sentences)
    for i, n in owners.items():
        owned.setdefault(n, []).append(i)
    # the rules' cues: a tagged cue one of them already is belongs to that candidate
    rule_cues = DisjointSpans()
    for fragment in (f for c in rule_candidates for f in c.cue):
        rule_cues.add(fragment)
    kept: list[Candidate] = []
    claimed: set[int] = set()
    quote_index = article.quote_index
    for n, candidate in enumerate(rule_candidates):
        mine = [contents[i] for i in sorted(owned.get(n, []))]
        probability = tagging.role_probability("content", candidate.content)
        if _structural(candidate):
            # block statements, transcript turns, signed quotes: the text's layout
            # decides their spans, which the tagger (trained on spans) knows less well
            claimed.update(owned.get(n, []))
            candidate.confidence = max(probability, candidate.confidence)
            kept.append(candidate)
            continue
        if not mine:
            if probability < drop_below:
                continue
            candidate.confidence = probability
            kept.append(candidate)
            continue
        claimed.update(owned[n])
        # (a tagged run over two rule candidates' contents is two statements run together, "…
        # was too long. About 270 people …, officials said": each keeps its own)
        if not _keeps_rule_spans(rule_spans, article.text, candidate, mine, sentences) and across.isdisjoint(owned[n]):
            candidate.content = _clear_of(article.text, [(c.start, c.end) for c in mine], candidate.source)
            stretch_to_quotations(candidate, quote_index)
            if rule_spans != "content":  # "content": the rules' cue and source around the tagger's content
                outer = _outer_cue(candidate, cues, sources, sentences, parsed, rule_cues)
                if outer is not None:
                    candidate.cue, candidate.source = outer
                else:
                    candidate.cue = _reshaped(candidate.cue, cues)
                    if candidate.source is not None:
                        candidate.source = _reshaped_mention(candidate.source, sources, parsed)
        candidate.confidence = tagging.role_probability("content", candidate.content)
        kept.append(candidate)

    taken = SpanIndex(f for c in kept for f in c.content + c.cue)
    # the words of the attributions kept so far that are not content: a tagged
    # content over one of them ("Glassner criticized", according to the Times)
    # is a misreading of an attribution already found, not a new one; a tagged
    # content whose *source* is one of them is not: the same speaker goes on
    # ("calling for a ban … and taunting the appearance of …")
    roles = DisjointSpans()
    for candidate in kept:
        for fragment in candidate.cue + [(m.start, m.end) for m in (candidate.source, candidate.via, candidate.addressee) if m]:
            roles.add(fragment)
    by_cue: dict[Offsets, Candidate] = {}
    previous: Candidate | None = None  # the attribution the content before went into
    for i, content in enumerate(contents):
        owner, previous = previous, None
        if i in claimed or taken.find(content.start) is not None:
            continue
        if roles.overlaps((content.start, content.end)):
            continue
        linked = _linked(content, cues, sources, sentences, parsed, taken, tagging)
        if not linked.cue and content.start in continuing and owner is not None:
            owner.content.append((content.start, content.end))
            owner.confidence = tagging.role_probability("content", owner.content)
            previous = owner
            continue
        if not linked.cue:
            # a tagged content with no cue near it is rarely an attribution (one in
            # six on held-out train articles): PolNeAR's few cue-less ones are found
            # by the rules ("X seems to be Y")
            continue
        key = linked.cue[0]
        if key in by_cue:
            # “A,” X said, “B.”: two contents of one cue are one attribution's fragments
            earlier = by_cue[key]
            earlier.content.append((content.start, content.end))
            earlier.confidence = tagging.role_probability("content", earlier.content)
            previous = earlier
            continue
        if linked.confidence < LINK_ABOVE:
            continue  # a statement of its own the tagger is not sure enough of
        by_cue[key] = linked
        kept.append(linked)
        previous = linked
    for candidate in by_cue.values():
        # a tagged run that stops short of its closing mark, or a multi-paragraph
        # quotation tagged paragraph by paragraph, covers the whole quotation
        stretch_to_quotations(candidate, quote_index)
    _give_sources(article.text, kept, sources, sentences, parsed)
    return kept


def _give_sources(text: str, kept: list[Candidate], sources: _ByPosition, sentences: SpanIndex, parsed: ParsedUnits) -> None:
    """A tagged source for an attribution with a cue and none: the free one nearest before the cue, in its sentence.

    The rules find no subject for a participle ("…, vowing to protect …") or a
    clause the parse misreads, where the tagger marks the source anyway.
    """
    used = DisjointSpans()
    for candidate in kept:
        for fragment in candidate.content + candidate.cue:
            used.add(fragment)
        for mention in (candidate.source, candidate.via, candidate.addressee):
            if mention is not None:
                used.add((mention.start, mention.end))
    for candidate in kept:
        if candidate.source is not None or not candidate.cue or _structural(candidate):
            continue
        cue = candidate.cue[0]
        if _PASSIVE.search(text[cue[0] : cue[1]]):
            continue  # "he was asked", "it is expected": the subject of a passive cue is no source
        sentence = sentences.find(cue[0]) or cue
        # before the cue, as sources mostly are, and a whole phrase: not "of", "a former" or "for the"
        free = [s for s in sources.inside(sentence[0], cue[0]) if not used.overlaps((s.start, s.end))
                and s.probability >= SOURCE_ABOVE and text[s.start : s.end].split()[-1].lower() not in _FUNCTION_WORDS]
        best = max(free, key=lambda s: s.end, default=None)
        if best is not None:
            candidate.source = _mention(best, parsed)
            used.add((best.start, best.end))


def _clear_of(text: str, content: list[Offsets], source: Mention | None) -> list[Offsets]:
    """The tagged content without the first words of the rule's source it ran into ("“…,” the White
    House press secretary, Josh Earnest, said" tagged up to "the"): a content that stops inside its
    speaker's phrase stops before it. (One that runs through the phrase is the tagger's other reading
    of the sentence, right as often as the rule's source: left alone.)"""
    if source is None:
        return content
    return [strip_span(text, start, source.start, ",;:") if start < source.start < end < source.end else (start, end)
            for start, end in content]


def _keeps_rule_spans(
    policy: str, text: str, candidate: Candidate, tagged: list[TaggedSpan], sentences: SpanIndex
) -> bool:
    if policy == "always":
        return True
    if policy not in ("agree", "grow"):
        return False
    tagged_spans = [(t.start, t.end) for t in tagged]
    if candidate.via is not None and any(overlaps(t, cue) for t in tagged_spans for cue in candidate.cue):
        # the tagger read the whole clause, cue and speaker included, as the relaying
        # source's content ("According to the Journal, Apple has stated it will …", as
        # PolNeAR marks it); the relayed statement keeps its own cue and speaker
        return True
    if policy == "grow" and _inside(candidate.content, tagged_spans) and not _inside(tagged_spans, candidate.content) \
            and not _past_a_sentence(candidate.content, tagged_spans, sentences) \
            and not _past_a_closed_quotation(text, candidate.content, tagged_spans):
        # the tagger's content holds the rule's and reaches past it: the rules cut it short
        # (a mixed quote cut to its quoted words, a paraphrase stopped at a clause)
        return False
    # tagged runs broken by a few untagged words inside the rule's content ("internationally |
    # for foreign governments") are the tagger's gaps, not a disagreement over the boundaries
    return _jaccard(candidate.content, tagged_spans) >= 0.5 or _inside(tagged_spans, candidate.content)


def _outer_cue(
    candidate: Candidate, cues: _ByPosition, sources: _ByPosition, sentences: SpanIndex, parsed: ParsedUnits,
    rule_cues: DisjointSpans,
) -> tuple[list[Offsets], Mention | None] | None:
    """The cue and source of a tagged content that holds the rule's cue: "he made it clear that he
    felt they should drop out" tagged whole as a content is what "made it clear" introduces, not
    what "felt" does, so the rule's cue and subject are words of that content. The tagged cue
    nearest before the content in its sentence, with the tagged source nearest before that cue
    (None: the rule's cue is outside the content, or the tagger marks no cue before it, or the
    one it marks is another rule candidate's cue, which two statements never share)."""
    start, end = min(s for s, _ in candidate.content), max(e for _, e in candidate.content)
    if not any(start < s < end for s, _ in candidate.cue):
        return None
    sentence = sentences.find(start)
    if sentence is None:
        return None
    before = cues.inside(sentence[0], start)
    if not before:
        return None
    cue = before[-1]
    if rule_cues.overlaps((cue.start, cue.end)):
        return None
    named = sources.inside(sentence[0], cue.start)
    source = _mention(named[-1], parsed) if named else None
    return [_verb_of_a_preposition(cue, parsed)], source


def _past_a_sentence(content: list[Offsets], tagged: list[Offsets], sentences: SpanIndex) -> bool:
    """Whether the tagged content reaches past the rule's across a sentence's end: the next
    sentence ("… through the summer. “The Bank is having to juggle …,” he said") is another statement."""
    start, end = min(s for s, _ in content), max(e for _, e in content)
    reach_start, reach_end = min(s for s, _ in tagged), max(e for _, e in tagged)
    return (reach_start < start and sentences.find(reach_start) != sentences.find(start)) or (
        reach_end > end and sentences.find(reach_end - 1) != sentences.find(end - 1)
    )


def _past_a_closed_quotation(text: str, content: list[Offsets], tagged: list[Offsets]) -> bool:
    """Whether the tagged content reaches past the rule's where that ends a quoted sentence or
    clause (“…,” or “….”): what follows is the narration (“…,” Trump, the frontrunner, said)."""
    end = max(e for _, e in content)
    return max(e for _, e in tagged) > end and _CLOSED_QUOTATION.search(text, max(0, end - 4), end) is not None


def _inside(spans: list[Offsets], within: list[Offsets]) -> bool:
    """Whether every span lies inside one of ``within``'s fragments."""
    return all(any(s >= a and e <= b for a, b in within) for s, e in spans)


def _jaccard(a: list[Offsets], b: list[Offsets]) -> float:
    covered_a = {i for s, e in a for i in range(s, e)}
    covered_b = {i for s, e in b for i in range(s, e)}
    union = len(covered_a | covered_b)
    return len(covered_a & covered_b) / union if union else 0.0


def _structural(candidate: Candidate) -> bool:
    """A candidate found by layout (no cue word in the parse), not by a cue's syntax."""
    return candidate.kind == "block" or candidate.anchor is None


def _glued(text: str, contents: list[TaggedSpan]) -> list[TaggedSpan]:
    """Join content runs that touch inside one written word ("night-shift" cut at its hyphen)."""
    joined: list[TaggedSpan] = []
    for span in contents:
        if joined and not any(c.isspace() for c in text[joined[-1].end : span.start]) and span.start - joined[-1].end <= 1:
            last = joined[-1]
            joined[-1] = TaggedSpan("content", last.start, span.end, (last.probability + span.probability) / 2)
        else:
            joined.append(span)
    return joined


# a sentence's end and the whitespace before a quotation that opens the next sentence
_NEW_QUOTATION = re.compile(r"""[.!?]["”’']*\s+(?=["“])""")


def _at_new_quotations(text: str, span: TaggedSpan) -> list[TaggedSpan]:
    """A tagged content cut where a sentence ends and a quotation opens the next: another statement."""
    pieces, start = [], span.start
    for match in _NEW_QUOTATION.finditer(text, span.start, span.end):
        if match.end() < span.end:
            # the first piece keeps its stop with a closing mark (a quotation's), else ends before it
            stop = match.group().rstrip()
            end = match.start() + len(stop) if len(stop) > 1 else match.start()
            pieces.append(TaggedSpan(span.role, start, end, span.probability))
            start = match.end()
    pieces.append(TaggedSpan(span.role, start, span.end, span.probability))
    return pieces


def _trimmed(text: str, span: TaggedSpan) -> TaggedSpan:
    """Without the comma, colon or semicolon after a statement, or before one (", credit cards are
    rare" after "said Mr Makower"): the narration's punctuation."""
    return TaggedSpan(span.role, *strip_span(text, span.start, span.end, ",;:"), span.probability)


def _past_a_name(article: ArticleContext, span: TaggedSpan, source_ends: list[int]) -> TaggedSpan:
    """A tagged content that starts inside a name right where the tagger's source stops ("Canada
    approved the vaccine" after the source "Health" of "Health Canada approved the vaccine")
    starting after the name: no statement opens halfway through its speaker's name
    (``source_ends``: where the tagged sources end, in order)."""
    unit, tokens = _parsed(span, article.parsed)
    name = entity_at(tokens.doc, tokens.start) if tokens is not None and len(tokens) else None
    if name is None or name.label_ not in _NAMES or name.start == tokens.start:
        return span
    before = source_ends[bisect_right(source_ends, span.start) - 1] if source_ends and source_ends[0] <= span.start else None
    if before is None or before <= unit.start + name.start_char or article.text[before : span.start].strip():
        # (a content that goes on over a name: "… at Saturday's Northern" "Ireland Cross Country …";
        # a headline's capitals after its cue, which the NER runs into names: "Ben Carson Slams Hillary And …")
        return span
    return TaggedSpan(span.role, min(unit.start + name.end_char, span.end), span.end, span.probability)


def _owners(
    contents: list[TaggedSpan], candidates: list[Candidate], sentences: SpanIndex,
) -> tuple[dict[int, int], set[int]]:
    """Tagged content index -> the rule candidate whose content it overlaps most; and the
    tagged contents that run over the contents of two candidates in two sentences.

    The rules' finished contents never overlap, so sorted by start their ends
    are sorted too and each lookup is a bisection, not a scan of every pair.
    """
    fragments = sorted((s, e, n) for n, c in enumerate(candidates) for s, e in c.content)
    ends = [e for _, e, _ in fragments]
    owner: dict[int, int] = {}
    across: set[int] = set()
    for i, content in enumerate(contents):
        overlap: dict[int, int] = {}
        opened: set[Offsets | None] = set()  # the sentences the overlapped fragments start in
        j = bisect_right(ends, content.start)
        while j < len(fragments) and fragments[j][0] < content.end:
            start, end, n = fragments[j]
            overlap[n] = overlap.get(n, 0) + min(end, content.end) - max(start, content.start)
            opened.add(sentences.find(start))
            j += 1
        if overlap:
            owner[i] = max(overlap, key=lambda n: (overlap[n], -n))
        if len(overlap) > 1 and len(opened) > 1:
            across.add(i)
    return owner, across


class _ByPosition:
    """Tagged spans of one role in text order (they never overlap), found by offsets."""

    def __init__(self, spans: Iterable[TaggedSpan]) -> None:
        self.spans = list(spans)
        self._ends = [s.end for s in self.spans]

    def within(self, lo: int, hi: int) -> list[TaggedSpan]:
        """The spans overlapping [lo, hi)."""
        found = []
        j = bisect_right(self._ends, lo)
        while j < len(self.spans) and self.spans[j].start < hi:
            found.append(self.spans[j])
            j += 1
        return found

    def inside(self, lo: int, hi: int) -> list[TaggedSpan]:
        """The spans that lie wholly in [lo, hi)."""
        return [s for s in self.within(lo, hi) if lo <= s.start and s.end <= hi]


def _reshaped(fragments: list[Offsets], tagged: _ByPosition) -> list[Offsets]:
    """The tagged spans that overlap the rule's fragments, else the rule's own."""
    found = sorted({(t.start, t.end) for f in fragments for t in tagged.within(*f)})
    return found or fragments


def _reshaped_mention(source: Mention, tagged: _ByPosition, parsed: ParsedUnits) -> Mention:
    found = tagged.within(source.start, source.end)
    if len(found) != 1:
        return source
    reshaped = _mention(found[0], parsed) or source
    if source.span is not None and reshaped.span is not None and not (
            reshaped.span.start <= source.span.root.i < reshaped.span.end):
        # a tagged word of the phrase that leaves out its head ("Turkish" of "Turkish President
        # Recep Tayyip Erdogan") names no one: the rule's whole phrase does
        return source
    return reshaped


def _parsed(span: TaggedSpan, parsed: ParsedUnits) -> tuple[Unit | None, Span | None]:
    """The parsed unit that holds a tagged span, and the span's whole tokens in it (None: unparsed)."""
    unit = parsed.holding(span.start, span.end)
    return unit, unit_span(unit, span.start, span.end) if unit is not None else None


def _mention(span: TaggedSpan, parsed: ParsedUnits) -> Mention | None:
    unit, tokens = _parsed(span, parsed)
    if tokens is None:
        return Mention(span.start, span.end, None)
    return Mention(unit.start + tokens.start_char, unit.start + tokens.end_char, tokens)


def _whole_name(article: ArticleContext, span: TaggedSpan) -> TaggedSpan:
    """A tagged source that stops inside a name ("Rick" of "Rick Tocchet") widened to all of it:
    to the whole named entity in a parsed paragraph, over the capitalised words that go on in another;
    one that leaves out its own article ("company" of "The company said") widened to take it in."""
    unit, tokens = _parsed(span, article.parsed)
    if tokens is None:
        if not article.text[span.start : span.start + 1].isupper():
            return span
        end = span.end + len(_NAME_GOES_ON.match(article.text, span.end)[0])
        return TaggedSpan(span.role, span.start, end, span.probability)
    if all(t.tag_ == "POS" for t in tokens) and tokens[0].head.i < tokens.start:
        # the "'s" alone of "Mr. Trump's claims": the possessor is the source
        owner = tokens[0].head
        whole = tokens.doc[owner.left_edge.i : owner.i + 1]
        return TaggedSpan(span.role, unit.start + whole.start_char, unit.start + whole.end_char, span.probability)
    before = tokens.doc[tokens.start - 1] if tokens.start > 0 else None
    if (before is not None and before.lower_ in _ARTICLES and before.dep_ == "det"
            and tokens.start <= before.head.i < tokens.end):
        # "company" of "The company said": its determiner is part of the phrase (and tells a
        # definite description, which names the company the article means, from a bare noun)
        whole = tokens.doc[before.i : tokens.end]
        return TaggedSpan(span.role, unit.start + whole.start_char, unit.start + whole.end_char, span.probability)
    held = (entity_at(tokens.doc, tokens.start), entity_at(tokens.doc, tokens.end))
    cut = [e for e in held if e is not None and e.label_ in _NAMES and (e.start < tokens.start < e.end or e.start < tokens.end < e.end)]
    if not cut:
        return span
    whole = tokens.doc[min([tokens.start] + [e.start for e in cut]) : max([tokens.end] + [e.end for e in cut])]
    return TaggedSpan(span.role, unit.start + whole.start_char, unit.start + whole.end_char, span.probability)


def _sentences(article: ArticleContext) -> SpanIndex:
    """Sentences of the parsed units; an unparsed paragraph counts as one sentence."""
    unparsed = [(unit.start, unit.end) for unit in article.units if unit.doc is None]
    return SpanIndex(article.sentences.spans + unparsed)


def _linked(
    content: TaggedSpan,
    cues: _ByPosition,
    sources: _ByPosition,
    sentences: SpanIndex,
    parsed: ParsedUnits,
    taken: SpanIndex,
    tagging: Tagging,
) -> Candidate:
    """A tagged content with the nearest free cue in its sentence(s) and that cue's nearest source."""
    first = sentences.find(content.start) or (content.start, content.end)
    last = sentences.find(max(content.start, content.end - 1)) or first
    # a cue may sit in the sentence before or after a content that is a whole sentence
    lo, hi = first[0], last[1]
    around = [c for c in cues.inside(lo, hi) if taken.find(c.start) is None]
    if not around:
        before = sentences.find(max(0, lo - 2))
        after = sentences.following((lo, hi))
        window = (before[0] if before else lo, after[1] if after else hi)
        around = [c for c in cues.inside(*window) if taken.find(c.start) is None]
    cue = min(around, key=lambda c: _gap(c, content), default=None)
    source = None
    if cue is not None:
        sentence = sentences.find(cue.start) or (cue.start, cue.end)
        near = [s for s in sources.inside(*sentence) if taken.find(s.start) is None]
        best = min(near, key=lambda s: _gap(s, cue), default=None)
        if best is not None and not overlaps((best.start, best.end), (content.start, content.end)):
            source = _mention(best, parsed)
    return Candidate(
        kind="indirect",
        content=[(content.start, content.end)],
        cue=[_verb_of_a_preposition(cue, parsed)] if cue is not None else [],
        source=source,
        confidence=tagging.role_probability("content", [(content.start, content.end)]),
    )


def _verb_of_a_preposition(cue: TaggedSpan, parsed: ParsedUnits) -> Offsets:
    """A tagged cue that is a lone preposition ("hitting him for skipping the debate") moved to the
    word it hangs off: the verb or noun is the cue, a preposition never is on its own (on held-out
    train, 3 of about 80 such cues matched a gold cue)."""
    unit, tokens = _parsed(cue, parsed)
    if tokens is None or len(tokens) != 1 or tokens[0].pos_ != "ADP":
        return (cue.start, cue.end)
    head = tokens[0].head
    while head.pos_ == "ADP" and head.head.i < head.i:
        head = head.head  # "… for skipping the debate and for his stance": the first "for"'s word
    if head.i >= tokens[0].i or head.pos_ not in ("VERB", "NOUN"):
        return (cue.start, cue.end)
    return token_offsets(head, unit.start)


def _gap(a: TaggedSpan, b: TaggedSpan) -> int:
    return max(a.start - b.end, b.start - a.end, 0)
