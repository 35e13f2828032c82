"""Run every attribution rule over the parsed units and merge what they find."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate

from spacy.tokens import Token

from ..budget import checkpoint
from ..text import DOUBLE_CLOSE, DOUBLE_MARKS, STRAIGHT, Unit, strip_span
from .according import relayed_cue, relays
from .anchored import find_in_sentence
from .block import block_candidate
from .candidate import Candidate, Mention, Offsets
from .context import ArticleContext, Rule
from .cues import says
from .labels import labelled_paragraphs, labelled_quotations
from .learned import DROP_BELOW, RULE_SPANS, learned_attributions
from .orphans import orphan_quotations
from .quotes import QuoteIndex, attach_quotations, kind_of, signed_quotations
from .spans import DisjointSpans, SpanIndex, overlaps, unit_span
from .tagger import Tagging
from .verbal import SEEM_FORMS


def find_attributions(
    text: str,
    units: list[Unit],
    tagging: Tagging | None = None,
    *,
    rules: bool = True,
    drop_below: float = DROP_BELOW,
    rule_spans: str = RULE_SPANS,
) -> list[Candidate]:
    """All attribution candidates of an article, in text order.

    With a ``tagging`` (the learned strategy), the rules' candidates are
    merged with the tagger's spans before the same final steps; ``rules=False``
    links the tagger's spans alone, ``drop_below`` is the content
    probability under which a rule candidate the tagger does not confirm is
    dropped, and ``rule_spans`` says whose boundaries win where both find a
    content (these exist to measure alternatives: ``benchmarks/candidates.py``).
    """
    article = ArticleContext(text, units)
    candidates: list[Candidate] = []
    if rules:
        for rule in RULES:
            candidates = rule(article, candidates)
            checkpoint()
        candidates = _finished(article, candidates)
    if tagging is not None:
        merged = learned_attributions(article, candidates, tagging, drop_below=drop_below, rule_spans=rule_spans)
        candidates = _finished(article, merged)
    return candidates


def sentence_rules(article: ArticleContext, found: list[Candidate]) -> list[Candidate]:
    """Verb, noun and "according to" cues over the parse, and block statements."""
    candidates = list(found)
    for unit in article.units:
        if unit.doc is None:
            continue
        for sent in unit.doc.sents:
            block = block_candidate(sent, unit.start, article.paragraphs, article.text)
            if block is not None:
                candidates.append(block)
                continue
            candidates.extend(find_in_sentence(sent, unit.start))
        checkpoint()
    return candidates


def outside_quotations(article: ArticleContext, found: list[Candidate]) -> list[Candidate]:
    """A cue inside quotation marks is the quoted speaker's own words, not a new attribution."""
    inside = SpanIndex(s for q in article.quotes for s in q.spans)
    return [c for c in found if not c.cue or inside.find(c.cue[0][0]) is None]


def signed(article: ArticleContext, found: list[Candidate]) -> list[Candidate]:
    """“…” ― Name: a quotation signed by its speaker."""
    return found + list(signed_quotations(article.text, article.quotes, article.units))


def labelled(article: ArticleContext, found: list[Candidate]) -> list[Candidate]:
    """"PENCE: …" transcript turns, "Poll: …" headlines and "Jeffrey M. Jones: “…”" excerpts."""
    paragraphs = labelled_paragraphs(article.text, article.units)
    # a quotation a paragraph label already opens is that label's, not a second attribution's
    taken = {c.content[0][0] for c in paragraphs}
    quotations = [
        c for c in labelled_quotations(article.text, article.quotes, article.units)
        if not any(start <= c.start <= start + 2 for start in taken)
    ]
    return found + paragraphs + quotations


def attach(article: ArticleContext, found: list[Candidate]) -> list[Candidate]:
    """Quotations go to the cues that govern them; floating quotes continue a statement."""
    return attach_quotations(
        article.text, found, article.quote_index, article.sentences, article.paragraphs, article.titles)


def orphans(article: ArticleContext, found: list[Candidate]) -> list[Candidate]:
    """Quotations no cue claimed take the verb that governs them."""
    return orphan_quotations(article.text, article.units, article.quote_index, found, article.titles)


def _finished(article: ArticleContext, candidates: list[Candidate]) -> list[Candidate]:
    """Roles apart, nested attributions dropped, kinds set, cue words joined, in text order.

    A source that names no one goes; a content's fragments apart by a few
    words of one sentence become one, and quotations back to back in one
    fragment become two; a content that opens a paragraph starts after its
    dateline ("VICTORIA -- British Columbia recorded …, the coroner said").
    """
    text, quotes = article.text, article.quote_index
    for candidate in candidates:
        candidate.content = [(article.datelines[start], end) if article.datelines.get(start, end) < end else (start, end)
                             for start, end in candidate.content]
        candidate.content = [_before_participle_after_quotation(article, fragment) for fragment in candidate.content]
    candidates = _roles_apart(text, candidates)
    for candidate in candidates:
        if candidate.source is not None and _NO_ONE.fullmatch(text[candidate.source.start : candidate.source.end]):
            candidate.source = None  # "The" or a quotation mark: what is left of a misread span
        if candidate.source is not None and _it_seems(text, candidate.cue) and (
                text[candidate.source.start : candidate.source.end].lower() == "it"):
            candidate.source = None  # "it seems that …" says no one: PolNeAR train never gives it as a source
    candidates = _drop_nested(text, _relative_clauses_apart(text, candidates))
    _sources_before_other_cues(text, candidates)
    _relink_floating(candidates)
    _reopened_quotations(article, candidates)
    _headline_sources(article, candidates)
    # what a gap inside a content may not hold: any attribution's roles, any content
    taken = DisjointSpans()
    for c in candidates:
        for span in c.cue + c.content + [(m.start, m.end) for m in (c.source, c.addressee, c.via) if m is not None]:
            taken.add(span)
    for candidate in candidates:
        candidate.kind = kind_of(candidate, quotes)
        candidate.cue = _joined(text, candidate.cue)
        candidate.content = _split_between_quotations(text, _gaps_closed(text, candidate.content, taken), quotes)
        candidate.content = [piece for fragment in candidate.content for piece in _paragraph_pieces(text, fragment)]
    return sorted(candidates, key=lambda c: (c.start, c.end))


_PARAGRAPH_BREAK = re.compile(r"[ \t\u00a0]*\n\s*")


def _paragraph_pieces(text: str, fragment: Offsets) -> list[Offsets]:
    """A fragment's pieces on each side of the paragraph breaks inside it: a statement over two
    paragraphs is two fragments (PolNeAR train splits there 105 times, keeps one fragment once)."""
    start, end = fragment
    pieces = []
    for brk in _PARAGRAPH_BREAK.finditer(text, start, end):
        if brk.start() > start:
            pieces.append((start, brk.start()))
        start = brk.end()
    if start < end:
        pieces.append((start, end))
    return pieces or [fragment]


def _reopened_quotations(article: ArticleContext, candidates: list[Candidate]) -> None:
    """A quotation no statement holds joins the statement holding the one it reopens or is
    reopened by, in its paragraph with nothing but space between.

    Copy that lost its paragraph breaks reopens a quotation at each of them without closing it
    (“A. “B. “C,” explains X; X said: “A. “B.”), and a cue governs one of them only. A closed
    quotation before another ("“… basis.” “Do I think …”") is no such thing: PolNeAR train
    gives those two speakers as often as one.
    """
    text = article.text
    spans = article.quote_index.spans
    if len(spans) < 2:
        return
    holder = {fragment: candidate for candidate in reversed(candidates) for fragment in candidate.content}
    held = SpanIndex(holder)  # (contents seldom overlap by now; where they do, a lookup may miss)

    def holding(span: Offsets) -> Candidate | None:
        found = held.find(span[0]) or held.find(span[1] - 1)
        return holder[found] if found is not None else None

    owners = [holding(span) for span in spans]

    def reopens(first: Offsets, then: Offsets) -> bool:
        return (text[first[1] - 1] not in DOUBLE_CLOSE + STRAIGHT and not text[first[1] : then[0]].strip()
                and article.paragraphs.find(first[0]) == article.paragraphs.find(then[0]))

    # forwards (“A. “B. after "X said:"), then backwards (“A. “B,” explains X)
    for i in range(1, len(spans)):
        if owners[i] is None and owners[i - 1] is not None and reopens(spans[i - 1], spans[i]):
            owners[i] = owners[i - 1]
            owners[i].content = sorted(owners[i].content + [spans[i]])
    for i in range(len(spans) - 2, -1, -1):
        if owners[i] is None and owners[i + 1] is not None and reopens(spans[i], spans[i + 1]):
            owners[i] = owners[i + 1]
            owners[i].content = sorted(owners[i].content + [spans[i]])


# a headline in title case: "Trump Calls On Obama To Resign.", "New Polls Show Double-Digit Gaps"
_HEADLINE_MAX_CHARS = 200
_HEADLINE_CAPITALISED = 0.8
_SOURCE_MAX_WORDS = 8
_WORDS = re.compile(r"[^\W\d_][\w'’-]*")


def _headline_sources(article: ArticleContext, candidates: list[Candidate]) -> None:
    """A cue in a title-case headline with no source takes the capitalised words that open the
    line before it ("Maher Tells Guest …", "Exit Polls In West Virginia Spell Bad News …").

    The parse reads such a line as one long name and finds no subject; PolNeAR marks
    the words before the cue as the source (read on train: most of the sources missed
    on its articles' headlines)."""
    text = article.text
    for candidate in candidates:
        if candidate.source is not None or not candidate.cue:
            continue
        cue = candidate.cue[0][0]
        line = article.paragraphs.find(cue)
        if line is None or line[1] - line[0] > _HEADLINE_MAX_CHARS:
            continue
        words = _WORDS.findall(text, *line)
        if len(words) < 3 or sum(w[0].isupper() for w in words) < _HEADLINE_CAPITALISED * len(words):
            continue
        start = line[0] + len(text[line[0] : cue]) - len(text[line[0] : cue].lstrip())
        end = start + len(text[start:cue].rstrip(" ,:"))
        before = _WORDS.findall(text, start, end)
        if not 1 <= len(before) <= _SOURCE_MAX_WORDS or not all(w[0].isupper() for w in before) or any(
                mark in text[start:end] for mark in DOUBLE_MARKS):
            continue
        roles = candidate.content + [(m.start, m.end) for m in (candidate.addressee, candidate.via) if m is not None]
        if any(s < end and start < e for s, e in roles):
            continue  # the words before the cue are what was said: "Dana Whitfield ACCORDING"
        unit = article.parsed.holding(start, end)
        span = unit_span(unit, start, end) if unit is not None else None
        candidate.source = Mention(start, end, span)


# a closing quotation mark, then a participle: '“…,” adding', '“incognito,” sparking'
_PARTICIPLE_AFTER_QUOTATION = re.compile(r"[,.][\"”]\s+(?:\w+ly\s+)?(\w+ing)\b")


def _before_participle_after_quotation(article: ArticleContext, fragment: Offsets) -> Offsets:
    """A content ends at a quotation's closing mark that a participle's clause follows: in
    "said it was time to change, “It's time we change how we do it,” promising the club will
    return", "promising …" is another statement or none, not the quotation's words (PolNeAR
    train's gold ends there 106 times, runs on 10)."""
    start, end = fragment
    for match in _PARTICIPLE_AFTER_QUOTATION.finditer(article.text, start, end):
        unit = article.parsed.holding(match.start(1), match.end(1))
        word = unit_span(unit, match.start(1), match.end(1)) if unit is not None else None
        if word is not None and len(word) == 1 and word[0].tag_ == "VBG":
            return start, match.start() + 2
    return fragment


def _it_seems(text: str, cue: list[Offsets]) -> bool:
    """Whether a cue is "seems", "appears" (after "now", "also" or "still" at most): an impersonal it's."""
    *before, last = " ".join(text[s:e] for s, e in cue).lower().split() or [""]
    return last in SEEM_FORMS and len(before) <= 1 and all(w in _SEEMING_ADVERBS for w in before)


_SEEMING_ADVERBS = ("now", "also", "still")
# a source mention that names no one: an article alone, punctuation alone
_NO_ONE = re.compile(r"[\W_]*(?:(?:the|a|an)[\W_]*)?", re.IGNORECASE)
# the most words a gap between two fragments of one content may hold and still be closed
_GAP_WORDS = 6
_SENTENCE_END = re.compile(r"[.?!]")


def _gaps_closed(text: str, fragments: list[Offsets], taken: DisjointSpans) -> list[Offsets]:
    """Fragments of one content apart only by a few words of the same sentence, as one.

    The tagger leaves words inside a paraphrase untagged ("would derail | his
    campaign", "threatened" left out as if it were a cue), and the fragments
    come out split where PolNeAR has one span (read on held-out train
    articles; README, "Choosing the model"). A gap that holds a cue, source,
    addressee or content of any attribution, a quotation mark, a line break or
    a sentence end ("A," he said. "B.") stays open.
    """
    closed: list[Offsets] = []
    for start, end in sorted(fragments):
        if closed and _closable(text, closed[-1][1], start, taken):
            closed[-1] = (closed[-1][0], max(end, closed[-1][1]))
        else:
            closed.append((start, end))
    return closed


def _split_between_quotations(text: str, fragments: list[Offsets], quotes: QuoteIndex) -> list[Offsets]:
    """Two quotations back to back in one fragment (“A.” “B.”, copy that lost its paragraph
    break) as two fragments of one content: nothing but a space or a stop lies between them.

    PolNeAR train splits such a content there 10 times and keeps it whole 6
    (``python benchmarks/gold_spans.py``); the Gender Gap Tracker counts two quotes.
    """
    split: list[Offsets] = []
    for start, end in fragments:
        held = [quotes.quotes[i] for i in quotes.touching(start, end)]
        for first, second in zip(held, held[1:]):
            if start <= first.start and second.end <= end and not text[first.end : second.start].strip(" .,;"):
                split.append((start, first.end))
                start = second.start
        split.append((start, end))
    return split


def _closable(text: str, lo: int, hi: int, taken: DisjointSpans) -> bool:
    gap = text[lo:hi]
    # with the fragments' own edges: "… minister." "If you …" are two sentences, two quotations
    edges = text[max(0, lo - 1) : hi + 1]
    if len(gap.split()) > _GAP_WORDS or "\n" in gap or _SENTENCE_END.search(edges):
        return False
    if any(mark in edges for mark in DOUBLE_MARKS) or "''" in edges:
        return False
    return lo >= hi or not taken.overlaps((lo, hi))


def _relink_floating(candidates: list[Candidate]) -> None:
    """A floating quote continues its statement as assembled.

    The statement it followed may have been dropped or merged into another
    ("legalise their property", quoted inside "people would be able to …, Mr
    Saakashvili stressed"); the quote then continues the candidate that took in
    that statement's content.
    """
    kept = {id(c) for c in candidates}
    for candidate in candidates:
        statement = candidate.continues
        if statement is None or id(statement) in kept:
            continue
        survivor = next((c for c in candidates if c.continues is None and _content_overlap(c, statement)), None)
        if survivor is not None:
            candidate.continues = survivor


def _joined(text: str, fragments: list[Offsets]) -> list[Offsets]:
    """Adjacent fragments, apart only by spaces, as one: "did not address", not three words."""
    joined: list[Offsets] = []
    for start, end in sorted(fragments):
        if joined and not text[joined[-1][1] : start].strip():
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def relayed_as_via(article: ArticleContext, candidates: list[Candidate]) -> list[Candidate]:
    """"X criticized Y, according to the Times", "In the poll, 50 percent said …": the Times and the
    poll relay the speakers' words (``via``), they are no new source of a clause with a cue of its own.

    Only a verb of saying's statement is relayed (``cues.says``): after a belief, an intention or
    a fact ("The firms are expected to seal the deal, according to Reuters") no one said it, and
    the phrase stays the clause's own source, as PolNeAR marks it (against relaying every cue's
    statement, held-out train and dev both gained on every role: docs/changes.md).
    """
    # keyed by paragraph too: each paragraph is a Doc of its own, with token indices from 0
    by_anchor = {(id(c.anchor.doc), c.anchor.i): c for c in candidates if c.anchor is not None and not relays(c.anchor)}
    kept = []
    for candidate in candidates:
        anchor = candidate.anchor
        if anchor is not None and relays(anchor):
            cue = relayed_cue(anchor, lambda token: (id(token.doc), token.i) in by_anchor and says(token))
            governed = by_anchor[id(cue.doc), cue.i] if cue is not None else None
            if governed is not None and governed.via is None:
                governed.via = candidate.source
                # the phrase is no part of what was said, where the relayed content ran over it
                governed.content = [piece for fragment in governed.content
                                    for piece in _minus(fragment, [_phrase_offsets(anchor, candidate)])]
                continue
        kept.append(candidate)
    return kept


def _phrase_offsets(anchor: Token, candidate: Candidate) -> Offsets:
    """Where a relaying phrase lies, with the comma before it: ", according to press reports"."""
    base = candidate.cue[0][0] - anchor.idx
    doc = anchor.doc
    first = doc[anchor.i - 1] if anchor.i > 0 and doc[anchor.i - 1].text == "," else anchor
    last = anchor.right_edge
    return base + first.idx, base + last.idx + len(last)


def _roles_apart(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Content, cue and source never overlap (issue 5, found by tests/test_fuzz.py).

    A quotation attached or stretched after parsing can swallow the source a
    misparse took from inside it (``"Dana Whitfield," Dana Whitfield said.``
    has two subjects), and a non-projective parse can give a subject whose
    subtree spans the cue. A source overlapping either keeps only its words
    before the overlap (``_before``), and is dropped when none name anyone (it
    is the misparse); a content holding its cue is cut around it, since
    PolNeAR's content still matches what is left.
    """
    kept = []
    for candidate in candidates:
        source = candidate.source
        if source is not None and any(overlaps(f, (source.start, source.end)) for f in candidate.cue + candidate.content):
            candidate.source = _before(source, min(f[0] for f in candidate.cue + candidate.content
                                                   if overlaps(f, (source.start, source.end))))
        content = [_stripped(text, piece) for fragment in candidate.content for piece in _minus(fragment, candidate.cue)]
        if content:
            candidate.content = content
            kept.append(candidate)
    return kept


# a relative clause about a person set off in a source: "Barkley, who …", "Reid - whom …"
_WHO_CLAUSE = re.compile(r"[,—–-]\s*(?:who|whom|whose)\b")


def _sources_before_other_cues(text: str, candidates: list[Candidate]) -> None:
    """A source stops before a relative clause that is a statement of its own: "Barkley, who said
    he votes Democratic, said …" is Barkley's (PolNeAR train: 107 of 107 sources with a who-clause
    that holds another cue stop before it; 258 against 83 keep a who-clause that holds none)."""
    cues = sorted((c.cue[0][0], n) for n, c in enumerate(candidates) if c.cue)
    starts = [start for start, _ in cues]
    for n, candidate in enumerate(candidates):
        source = candidate.source
        if source is None:
            continue
        inside = cues[bisect_right(starts, source.start) : bisect_left(starts, source.end)]
        cut = next((start for start, owner in inside if owner != n), None)
        if cut is not None and _WHO_CLAUSE.search(text, source.start, cut):
            candidate.source = _before(source, cut)


def _before(source: Mention, cut: int) -> Mention | None:
    """The words of a source before ``cut``: "X, deputy chairman of a firm whose motto is “…”"
    keeps "X, deputy chairman of a firm" when the motto was taken for content."""
    if source.span is None or cut <= source.start:
        return None
    base = source.start - source.span[0].idx
    tokens = [t for t in source.span if base + t.idx + len(t) <= cut]
    inside = next((t for t in source.span if base + t.idx >= cut), None)
    clause = next((a for a in (inside, *inside.ancestors) if a.dep_ in ("relcl", "acl")), None) if inside is not None else None
    if clause is not None and clause.left_edge.i > source.span.start:
        tokens = [t for t in tokens if t.i < clause.left_edge.i]  # the whole clause the content began in
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ in ("cc", "prep", "mark", "det")):
        tokens = tokens[:-1]
    if not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in tokens):
        return None
    doc = tokens[0].doc
    return Mention(base + tokens[0].idx, base + tokens[-1].idx + len(tokens[-1]), doc[tokens[0].i : tokens[-1].i + 1])


def _stripped(text: str, piece: Offsets) -> Offsets:
    """A piece cut around a cue without the spaces at its edges ("calling for| a ban" is "a ban")."""
    start, end = strip_span(text, *piece)
    return (start, end) if start < end else piece


def _minus(fragment: Offsets, taken: list[Offsets]) -> list[Offsets]:
    """The parts of a fragment outside every taken span (one character pieces are noise)."""
    pieces = [fragment]
    for t_start, t_end in taken:
        pieces = [
            part
            for start, end in pieces
            for part in ((start, min(end, t_start)), (max(start, t_end), end))
            if part[1] - part[0] > 1
        ]
    return pieces


_RELATIVE_PRONOUNS = frozenset("which who whom".split())


def _relative_clauses_apart(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """"He proposed a wall, which he said Mexico should pay for": the statement a relative clause
    reports ("which" + "Mexico should pay for") is PolNeAR's own attribution, and the content it
    sits in ends before it (train: such clauses with a speech verb have a cue of their own and
    stand outside any content 13 times, held whole 5). So it is cut out of any content holding
    its cue, instead of being dropped as nested."""
    relative = [c for c in candidates
                if c.cue and len(c.content) > 1 and text[slice(*c.content[0])].lower() in _RELATIVE_PRONOUNS]
    if not relative:
        return candidates  # (most articles: no index to build)
    holders = _Holders(candidates)
    for inner in relative:
        clause = (inner.content[0][0], inner.content[-1][1])
        for outer in holders.containing(inner.cue[0][0]):
            if outer is not inner:
                pieces = [_stripped(text, p) for f in outer.content for p in _minus(f, [clause])]
                outer.content = [(start, end - (text[end - 1] == ",")) for start, end in pieces]
    return [c for c in candidates if c.content]


def _inside(position: int, candidate: Candidate) -> bool:
    return any(start <= position < end for start, end in candidate.content)


def _drop_nested(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """PolNeAR never annotates an attribution inside another's content: keep the outer one.

    Two candidates that each hold the other's cue (a misparse) and two with
    overlapping contents are settled by confidence. Lookups go through
    sorted fragments, so a page with a thousand cues stays linear-ish.
    """
    holders = _Holders(candidates)
    outer_only = [
        c for c in candidates
        if not c.cue or not any(not _holds_cue_of(c, o) for o in holders.containing(c.cue[0][0]) if o is not c)
    ]
    kept: list[Candidate] = []
    taken = DisjointSpans()
    for candidate in sorted(outer_only, key=lambda c: -c.confidence):
        if any(taken.overlaps(f) for f in candidate.content) or (candidate.cue and taken.contains(candidate.cue[0][0])):
            continue
        kept.append(candidate)
        for fragment in candidate.content:
            taken.add(fragment)
    kept_ids = {id(c) for c in kept}
    dropped = [c for c in candidates if id(c) not in kept_ids]
    _quotations_to_holders(text, dropped, kept_ids, holders, taken)
    return kept


def _holds_cue_of(outer: Candidate, inner: Candidate) -> bool:
    return bool(inner.cue) and outer is not inner and _inside(inner.cue[0][0], outer)


def _quotations_to_holders(
    text: str, dropped: list[Candidate], kept_ids: set[int], holders: _Holders, taken: DisjointSpans
) -> None:
    """The quotations a dropped nested statement was given after its holder's content go on with
    the holder: "Mr Hasson said developers realise they must be more “business-like”. “There are …"
    (the quotation went to "realise"; the statement "said" is what PolNeAR and a reader take it for).

    Only quotations right after the holder's content, one after another: not one after another
    sentence ("… the Tory leader went on: “…”"), whose cue the parse may have left without it.
    """
    for inner in dropped:
        if not inner.cue:
            continue
        holder = next((o for o in holders.containing(inner.cue[0][0]) if id(o) in kept_ids and _holds_cue_of(o, inner)), None)
        if holder is None:
            continue
        end = holder.end
        for fragment in sorted(f for f in inner.content if f[0] >= end):
            if (text[fragment[0]] not in DOUBLE_MARKS or any(ch.isalnum() for ch in text[end : fragment[0]])
                    or taken.overlaps(fragment)):
                break
            holder.content = sorted(holder.content + [fragment])
            taken.add(fragment)
            end = fragment[1]


class _Holders:
    """Which candidates' contents contain a position (interval stabbing over sorted fragments)."""

    def __init__(self, candidates: list[Candidate]) -> None:
        fragments = sorted((s, e, n) for n, c in enumerate(candidates) for s, e in c.content)
        self._candidates = candidates
        self._fragments = fragments
        self._starts = [s for s, _, _ in fragments]
        # the furthest end among the fragments up to each one: a backward scan
        # stops as soon as nothing before can reach the position
        self._reach = list(accumulate((e for _, e, _ in fragments), max))

    def containing(self, position: int) -> list[Candidate]:
        found = {}
        i = bisect_right(self._starts, position) - 1
        while i >= 0 and self._reach[i] > position:
            start, end, n = self._fragments[i]
            if start <= position < end:
                found[n] = self._candidates[n]
            i -= 1
        return list(found.values())


def _content_overlap(a: Candidate, b: Candidate) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a.content for s2, e2 in b.content)


# The rules in the order they run: each one sees what the ones before it found.
RULES: tuple[Rule, ...] = (
    sentence_rules,
    outside_quotations,
    relayed_as_via,
    signed,
    labelled,
    attach,
    orphans,
)
