"""How the learned strategy merges the tagger's spans with the rules' candidates.

The tagging here is written by hand, so these tests pin the merging logic,
not the trained model's accuracy (tests/test_dev_regression.py does that).
"""

from __future__ import annotations

import re

import pytest

from onrecord import nlp as nlp_module
from onrecord.attribution import find_attributions, may_attribute
from onrecord.attribution.tagger import TaggedSpan
from onrecord.text import parse_units


class HandTagging:
    """A stand-in for ``tagger.Tagging``: fixed spans, a fixed content probability."""

    def __init__(self, text: str, spans: list[tuple[str, str]], probability: float = 0.9) -> None:
        self.spans = []
        for role, words in spans:
            start = text.index(words)
            self.spans.append(TaggedSpan(role, start, start + len(words), probability))
        self.probability = probability

    def role_probability(self, role, fragments):
        inside = any(s.role == role and s.start < e and st < s.end for s in self.spans for st, e in fragments)
        return self.probability if inside else 0.05


@pytest.fixture(scope="module")
def nlp():
    return nlp_module.load(None)


def run(nlp, text, tagging, **options):
    units = parse_units(text, nlp, worth_parsing=may_attribute)
    return find_attributions(text, units, tagging, **options)


def texts(text, fragments):
    return [text[s:e] for s, e in fragments]


def test_rule_candidate_takes_the_taggers_boundaries(nlp):
    text = "The senator said on Friday that the plan would fail in the House."
    rules = run(nlp, text, None)
    assert texts(text, rules[0].content) == ["that the plan would fail in the House"]
    tagging = HandTagging(text, [("source", "The senator"), ("cue", "said on Friday"), ("content", "the plan would fail")])
    [learned] = run(nlp, text, tagging, rule_spans="never")
    assert texts(text, learned.content) == ["the plan would fail"]
    assert texts(text, learned.cue) == ["said on Friday"]
    assert text[learned.source.start : learned.source.end] == "The senator"
    assert learned.confidence == pytest.approx(0.9)


def test_a_tagged_content_starts_after_the_narrations_comma(nlp):
    # the tagger's run may open on the comma after the speaker it tagged ("…, said Mr Dalloway, credit …")
    text = "The senator said on Friday, the plan would fail in the House."
    tagging = HandTagging(text, [("source", "The senator"), ("cue", "said on Friday"),
                                 ("content", ", the plan would fail in the House")])
    [learned] = run(nlp, text, tagging, rule_spans="never")
    assert texts(text, learned.content) == ["the plan would fail in the House"]


def test_content_policy_takes_the_taggers_content_and_keeps_the_rules_cue_and_source(nlp):
    text = "The senator said on Friday that the plan would fail in the House."
    tagging = HandTagging(text, [("source", "senator"), ("cue", "said on Friday"), ("content", "the plan would fail")])
    [learned] = run(nlp, text, tagging, rule_spans="content")
    assert texts(text, learned.content) == ["the plan would fail"]
    assert texts(text, learned.cue) == ["said"]
    assert text[learned.source.start : learned.source.end] == "The senator"


def test_by_default_agreeing_contents_keep_the_rules_spans(nlp):
    text = "The senator said on Friday that the plan would fail in the House."
    agreeing = HandTagging(text, [("cue", "said on Friday"), ("content", "the plan would fail in the House")])
    [kept] = run(nlp, text, agreeing)
    assert texts(text, kept.content) == ["that the plan would fail in the House"]
    assert texts(text, kept.cue) == ["said"]
    # under half the rules' content and reaching outside it: the rules misread it, the tagger's spans win
    disagreeing = HandTagging(text, [("cue", "said on"), ("content", "Friday that the plan")])
    [reshaped] = run(nlp, text, disagreeing)
    assert texts(text, reshaped.content) == ["Friday that the plan"]
    assert texts(text, reshaped.cue) == ["said on"]


def test_a_tagged_content_that_extends_the_rules_takes_over(nlp):
    # the rule's content lies inside the tagged one, which reaches past it: the rules cut it short
    text = "The senator said on Friday that the plan would fail in the House."
    longer = HandTagging(text, [("cue", "said"), ("content", "on Friday that the plan would fail in the House")])
    [grown] = run(nlp, text, longer)
    assert texts(text, grown.content) == ["on Friday that the plan would fail in the House"]
    [agreed] = run(nlp, text, longer, rule_spans="agree")
    assert texts(text, agreed.content) == ["that the plan would fail in the House"]


def test_a_tagged_content_does_not_grow_past_a_quotation_that_closes_on_its_comma(nlp):
    # “…,” then the narration: the tagger ran on past the closing mark
    text = "The senator decried the \"spin masters who embrace the politics of anything goes,\" a phrase she repeated."
    rules = run(nlp, text, None)
    [rule] = [c for c in rules if c.cue and texts(text, c.cue) == ["decried"]]
    quoted = texts(text, rule.content)
    tagging = HandTagging(text, [("source", "The senator"), ("cue", "decried"),
                                 ("content", text[text.index("the \"spin") : text.index(" phrase")])])
    [learned] = [c for c in run(nlp, text, tagging) if c.cue and texts(text, c.cue) == ["decried"]]
    assert texts(text, learned.content) == quoted


def test_a_tagged_content_that_runs_into_the_speakers_phrase_stops_before_it(nlp):
    # tagged one word past the closing mark, into the rule's source: the speaker stays the source
    text = '"It would have been better for the economy," the press secretary, Josh Earnest, said on Tuesday.'
    tagging = HandTagging(text, [("cue", "said"), ("content", '"It would have been better for the economy," the')])
    [learned] = run(nlp, text, tagging)
    assert texts(text, learned.content) == ['"It would have been better for the economy,"']
    assert text[learned.source.start : learned.source.end] == "the press secretary, Josh Earnest"


def test_tagged_runs_broken_inside_the_rules_content_keep_the_rules_spans(nlp):
    # the tagger's gaps ("the plan | House", under half the content) are not a disagreement over its ends
    text = "The senator said on Friday that the plan would fail in the House."
    broken = HandTagging(text, [("cue", "said"), ("content", "the plan"), ("content", "House")])
    [kept] = run(nlp, text, broken)
    assert texts(text, kept.content) == ["that the plan would fail in the House"]


def test_a_tagged_content_over_a_found_attributions_words_is_not_new(nlp):
    text = "Glassner criticized Sessions for the delusional claim, according to the Times' piece."
    tagging = HandTagging(
        text,
        [("content", "Glassner criticized"), ("content", "Sessions for the delusional claim"),
         ("cue", "according to"), ("source", "the Times' piece")],
    )
    found = run(nlp, text, tagging)
    assert [texts(text, c.cue) for c in found] == [["criticized"]]


def test_unconfirmed_rule_candidate_is_dropped_only_below_the_threshold(nlp):
    text = "The union supports the new contract for the drivers."
    assert run(nlp, text, None), "the rules read 'supports' as a cue"
    nothing = HandTagging(text, [])
    assert run(nlp, text, nothing) == []
    kept = run(nlp, text, nothing, drop_below=0.0)
    assert len(kept) == 1 and kept[0].confidence == pytest.approx(0.05)


def test_tagged_content_no_rule_found_is_linked_to_its_cue_and_source(nlp):
    text = "Republicans are weighing in on the nominee, whose record troubles the base."
    tagging = HandTagging(
        text, [("source", "Republicans"), ("cue", "are weighing in on"), ("content", "the nominee, whose record troubles the base")]
    )
    found = [c for c in run(nlp, text, tagging) if texts(text, c.content) == ["the nominee, whose record troubles the base"]]
    assert len(found) == 1
    assert texts(text, found[0].cue) == ["are weighing in on"]
    assert text[found[0].source.start : found[0].source.end] == "Republicans"


@pytest.mark.parametrize("probability, kept", [(0.9, True), (0.65, False)])
def test_a_tagged_content_no_rule_found_needs_the_taggers_confidence(nlp, probability, kept):
    # under LINK_ABOVE, about a third of such contents were attributions on held-out train
    text = "Republicans are weighing in on the nominee, whose record troubles the base."
    tagging = HandTagging(
        text,
        [("source", "Republicans"), ("cue", "are weighing in on"), ("content", "the nominee, whose record troubles the base")],
        probability,
    )
    found = [c for c in run(nlp, text, tagging) if texts(text, c.content) == ["the nominee, whose record troubles the base"]]
    assert bool(found) == kept


def test_tagger_alone_links_without_rules(nlp):
    text = "Officials said the bridge will open in May. The mayor disagreed."
    tagging = HandTagging(text, [("source", "Officials"), ("cue", "said"), ("content", "the bridge will open in May")])
    [only] = run(nlp, text, tagging, rules=False)
    assert texts(text, only.content) == ["the bridge will open in May"]
    assert texts(text, only.cue) == ["said"]


def test_short_tagged_runs_are_noise(nlp):
    text = "He shrugged. It was late, and the room was empty."
    tagging = HandTagging(text, [("content", "It was")])
    assert run(nlp, text, tagging, rules=False) == []


def test_offsets_index_the_text_as_given(nlp):
    text = "  “We will win,”  said   Dana Whitfield.\r\n\r\nShe left."
    tagging = HandTagging(text, [("content", "We will win"), ("cue", "said"), ("source", "Dana Whitfield")])
    for candidate in run(nlp, text, tagging):
        for start, end in candidate.content + candidate.cue:
            assert 0 <= start < end <= len(text)
            assert not re.fullmatch(r"\s*", text[start:end])


def test_two_contents_of_one_cue_are_one_attribution(nlp):
    text = "Crowds matter, the organizer conceded at the rally, but turnout matters more in the end."
    tagging = HandTagging(
        text,
        [("content", "Crowds matter"), ("source", "the organizer"), ("cue", "conceded"),
         ("content", "but turnout matters more in the end")],
    )
    found = run(nlp, text, tagging, rules=False)
    assert len(found) == 1
    assert texts(text, found[0].content) == ["Crowds matter", "but turnout matters more in the end"]


def test_tagged_content_with_no_cue_near_it_is_dropped(nlp):
    text = "The harbor closed in 1998. Its piers rotted slowly over the following winters."
    tagging = HandTagging(text, [("content", "Its piers rotted slowly over the following winters")])
    assert run(nlp, text, tagging, rules=False) == []


def test_a_run_of_narration_punctuation_is_no_content(nlp):
    text = "The vote was close ,,,,,,,,,, said the clerk."
    tagging = HandTagging(text, [("content", ",,,,,,,,,,"), ("cue", "said"), ("source", "the clerk")])
    for candidate in run(nlp, text, tagging, rules=False):
        assert all(end > start for start, end in candidate.content)
        assert texts(text, candidate.content) != [""]


def test_a_few_untagged_words_inside_a_content_do_not_split_it(nlp):
    text = "Officials said the new bridge would certainly ease traffic on the river road. Drivers cheered."
    tagging = HandTagging(
        text,
        [("source", "Officials"), ("cue", "said"), ("content", "the new bridge would"),
         ("content", "ease traffic on the river road")],
    )
    [found] = run(nlp, text, tagging, rules=False)
    assert texts(text, found.content) == ["the new bridge would certainly ease traffic on the river road"]


def test_a_sentence_end_between_two_fragments_keeps_them_apart(nlp):
    text = "The mayor admitted the bridge is late. It will open next spring."
    tagging = HandTagging(
        text,
        [("source", "The mayor"), ("cue", "admitted"), ("content", "the bridge is late"),
         ("content", "It will open next spring")],
    )
    [found] = run(nlp, text, tagging, rules=False)
    assert texts(text, found.content) == ["the bridge is late", "It will open next spring"]


def test_a_source_that_is_only_an_article_names_no_one(nlp):
    text = "The committee said the plan would fail."
    tagging = HandTagging(text, [("source", "The"), ("cue", "said"), ("content", "the plan would fail")])
    [found] = run(nlp, text, tagging, rules=False)
    assert texts(text, found.cue) == ["said"]
    assert found.source is None


@pytest.mark.parametrize(("tagged", "source"), [
    # a word of the rule's phrase without its head names no one: the phrase stays whole
    ("Turkish", "Turkish President Recep Erdogan"),
    # a narrower phrase that holds the head is the tagger's to draw
    ("President Recep Erdogan", "President Recep Erdogan"),
])
def test_the_rules_source_takes_the_taggers_boundaries_only_around_its_head(nlp, tagged, source):
    text = "Turkish President Recep Erdogan has repeatedly called on the United States to extradite the cleric."
    tagging = HandTagging(text, [("source", tagged), ("cue", "has repeatedly called on"),
                                 ("content", "the United States to extradite the cleric")])
    [learned] = run(nlp, text, tagging, rule_spans="never")
    assert texts(text, learned.content) == ["the United States to extradite the cleric"]
    assert text[learned.source.start : learned.source.end] == source


def test_a_content_cut_around_its_cue_has_no_space_at_its_edge(nlp):
    text = "The mayor is calling for a ban on night flights."
    tagging = HandTagging(text, [("source", "The mayor"), ("cue", "calling for"), ("content", "calling for a ban on night flights")])
    for candidate in run(nlp, text, tagging, rules=False):
        for start, end in candidate.content:
            assert not text[start].isspace() and not text[end - 1].isspace()


def _sourceless(nlp, text, content, cue):
    """The text's article context and a rule candidate with no source, as a misread parse leaves it."""
    from onrecord.attribution.candidate import Candidate
    from onrecord.attribution.context import ArticleContext

    units = parse_units(text, nlp, worth_parsing=may_attribute)
    article = ArticleContext(text, units)
    start, cue_start = text.index(content), text.index(cue)
    anchor = next(t for u in units if u.doc is not None for t in u.doc if u.start + t.idx == cue_start)
    candidate = Candidate("indirect", [(start, start + len(content))], [(cue_start, cue_start + len(cue))], anchor=anchor)
    return article, candidate


def test_an_attribution_with_no_source_takes_the_tagged_one_before_its_cue(nlp):
    from onrecord.attribution.learned import learned_attributions

    text = "The senator, in a long speech on Friday in the capital, warned that the plan would fail."
    article, candidate = _sourceless(nlp, text, "that the plan would fail", "warned")
    tagging = HandTagging(text, [("source", "The senator"), ("content", "that the plan would fail")])
    [found] = learned_attributions(article, [candidate], tagging)
    assert text[found.source.start : found.source.end] == "The senator"


@pytest.mark.parametrize("source", ["of", "The senator"])
def test_no_tagged_source_for_a_passive_cue_or_a_function_word(nlp, source):
    from onrecord.attribution.learned import learned_attributions

    text = "The senator of the state was asked whether the plan would fail."
    cue = "was asked" if source == "The senator" else "asked"
    article, candidate = _sourceless(nlp, text, "whether the plan would fail", cue)
    tagging = HandTagging(text, [("source", source), ("content", "whether the plan would fail")])
    [found] = learned_attributions(article, [candidate], tagging)
    assert found.source is None


def test_a_tagged_content_that_runs_into_the_next_sentence_does_not_take_over(nlp):
    # the next sentence's quotation is another statement, not more of this one
    text = 'The senator said that the plan would fail. "The House will not pass it," she added.'
    tagging = HandTagging(text, [("cue", "said"), ("content", 'that the plan would fail. "The House will not pass it')])
    found = run(nlp, text, tagging)
    assert texts(text, found[0].content) == ["that the plan would fail"]
    assert texts(text, found[1].content) == ['"The House will not pass it,"']


def test_a_tagged_content_over_two_sentences_statements_leaves_both_as_the_rules_found_them(nlp):
    # the run holds all of the first statement and more of the second than of the first: it is
    # the two run together, not a longer second statement
    text = ("Some families said they paid smugglers. "
            "About 270 people have now been resettled under the program this year, officials said.")
    tagging = HandTagging(text, [("content", "they paid smugglers. About 270 people have now been resettled")])
    found = run(nlp, text, tagging)
    assert [texts(text, c.content) for c in found] == [
        ["they paid smugglers"],
        ["About 270 people have now been resettled under the program this year"],
    ]


def test_a_tagged_content_is_cut_where_a_quotation_opens_the_next_sentence(nlp):
    # the next quotation is the pastor's, with a cue of its own
    text = 'Aid was late, the mayor wrote. "We waited for days." "Nobody came," the pastor said.'
    tagging = HandTagging(text, [
        ("source", "the mayor"), ("cue", "wrote"), ("content", '"We waited for days." "Nobody came,"'),
        ("source", "the pastor"), ("cue", "said"),
    ])
    found = run(nlp, text, tagging, rules=False)
    assert [(texts(text, a.content), text[a.source.start : a.source.end]) for a in found] == [
        (['"We waited for days."'], "the mayor"), (['"Nobody came,"'], "the pastor"),
    ]
    # a piece with no cue of its own stays a fragment of the statement before it
    text = 'Aid was late, the mayor wrote. "We waited for days." "Nobody came."'
    tagging = HandTagging(text, [("source", "the mayor"), ("cue", "wrote"), ("content", '"We waited for days." "Nobody came."')])
    found = run(nlp, text, tagging, rules=False)
    assert [texts(text, a.content) for a in found] == [['"We waited for days."', '"Nobody came."']]


def test_a_tagged_source_that_cuts_a_name_takes_all_of_it(nlp):
    # a paragraph no cue word got parsed: the capitalised words that go on
    text = "Canucks coach Rick Tocchet was not happy with his team's third period."
    tagging = HandTagging(text, [("source", "Rick"), ("cue", "was"), ("content", "not happy with his team's third period")])
    [found] = [c for c in run(nlp, text, tagging) if texts(text, c.content) == ["not happy with his team's third period"]]
    assert text[found.source.start : found.source.end] == "Rick Tocchet"


def test_a_tagged_source_that_cuts_a_named_entity_takes_all_of_it(nlp):
    from onrecord.attribution.learned import learned_attributions

    # a parsed paragraph: the named entity the run stops in
    text = "Coach Rick Tocchet, in a long talk on Friday in the city, warned that the team would struggle."
    article, candidate = _sourceless(nlp, text, "that the team would struggle", "warned")
    tagging = HandTagging(text, [("source", "Rick"), ("content", "that the team would struggle")])
    [found] = learned_attributions(article, [candidate], tagging)
    assert text[found.source.start : found.source.end] == "Rick Tocchet"


@pytest.mark.parametrize(
    "headline, cue, content, source",
    [
        ("New Polls Show Double-Digit Gaps In Republican Contest.", "Show", "Double-Digit Gaps In Republican Contest",
         "New Polls"),
        ("Trump Calls On Obama To Resign.", "Calls On", "Obama To Resign", "Trump"),
        # a line in sentence case is no headline of this kind: its subject is the parse's to find
        ("Officials at the plant show little concern about the leak.", "show", "little concern about the leak", None),
    ],
)
def test_a_title_case_headline_cue_takes_the_capitalised_words_before_it_as_source(nlp, headline, cue, content, source):
    text = f"{headline}\n\nThe candidates spoke in Iowa on Tuesday."
    [found] = [c for c in run(nlp, text, HandTagging(text, [("cue", cue), ("content", content)])) if c.start < len(headline)]
    assert (text[found.source.start : found.source.end] if found.source else None) == source


def test_an_impersonal_it_of_it_seems_is_no_source(nlp):
    text = "It seems the campaign will go on without the support of many corporations."
    tagging = HandTagging(text, [("source", "It"), ("cue", "seems"), ("content", "the campaign will go on")])
    [found] = run(nlp, text, tagging)
    assert found.source is None


def test_a_content_ends_at_the_closing_mark_a_participles_clause_follows(nlp):
    text = "The club will still meet, but he said, “It’s time we change how we do it,” promising the club will return."
    said = [c for c in run(nlp, text, None) if texts(text, c.cue) == ["said"]]
    assert [texts(text, c.content) for c in said] == [["“It’s time we change how we do it,”"]]


def test_a_tagged_cue_that_only_says_when_is_no_cue(nlp):
    text = "State Senator Priya Raman introduced a bill on Monday that would give every student a free lunch."
    tagging = HandTagging(text, [("source", "State Senator Priya Raman"), ("cue", "introduced"), ("content", "a bill"),
                                 ("cue", "Monday"), ("content", "that would give every student a free lunch")])
    found = run(nlp, text, tagging)
    assert found and all(texts(text, c.cue) != ["Monday"] for c in found)


def test_a_relayed_statement_keeps_its_cue_and_speaker_where_the_tagger_reads_the_relaying_sources_content(nlp):
    # PolNeAR marks the whole clause as the Journal's content; onrecord's contract gives the
    # clause's own speaker, with the Journal as the relaying source (via)
    text = "According to the Journal, the mayor has stated the bridge will not reopen before May."
    outer = HandTagging(text, [("cue", "According to"), ("source", "the Journal"),
                               ("content", "the mayor has stated the bridge will not reopen before May")])
    [relayed] = run(nlp, text, outer)
    assert texts(text, relayed.content) == ["the bridge will not reopen before May"]
    assert texts(text, relayed.cue) == ["has stated"]
    assert text[relayed.source.start : relayed.source.end] == "the mayor"
    assert text[relayed.via.start : relayed.via.end] == "the Journal"


def test_a_tagged_cue_that_is_a_lone_preposition_moves_to_the_verb_it_hangs_off(nlp):
    text = "The super PAC is out with a new ad hitting him for skipping the debate on Thursday."
    tagging = HandTagging(text, [("source", "The super PAC"), ("cue", "for"), ("content", "skipping the debate")])
    units = parse_units(text, nlp)  # (parsed, as a paragraph with a cue word would be)
    found = [c for c in find_attributions(text, units, tagging) if texts(text, c.content) == ["skipping the debate"]]
    assert len(found) == 1
    assert texts(text, found[0].cue) == ["hitting"]


def test_a_tagged_possessive_marker_alone_is_its_possessor(nlp):
    text = "Despite Mr. Trump's claims that his net worth exceeds $10 billion, the estimates differ."
    tagging = HandTagging(text, [("source", "'s"), ("cue", "claims"), ("content", "that his net worth exceeds $10 billion")])
    [linked] = [c for c in run(nlp, text, tagging) if c.cue and texts(text, c.cue) == ["claims"]]
    assert text[linked.source.start : linked.source.end] == "Mr. Trump"


def test_a_tagged_source_takes_its_determiner(nlp):
    text = "The company did not give details of its investment in India, but it said the plant would open in 2008."
    tagging = HandTagging(text, [("source", "company"), ("cue", "did not give details of"), ("content", "its investment in India")])
    [linked] = [c for c in run(nlp, text, tagging) if c.cue and texts(text, c.cue) == ["did not give details of"]]
    assert text[linked.source.start : linked.source.end] == "The company"


def test_a_tagged_content_does_not_open_inside_the_name_its_source_begins(nlp):
    # the tagger may take the first word of "Transport Canada" for the source and the rest for content
    text = "Transport Canada approved the bridge design on Monday."
    tagging = HandTagging(text, [("source", "Transport"), ("content", "Canada approved the bridge design")])
    [learned] = run(nlp, text, tagging)
    assert not any(text[s:e].startswith("Canada") for s, e in learned.content)
    assert text[learned.source.start : learned.source.end] == "Transport Canada"
    # a content no source cuts into keeps the name it opens with, whatever the NER made of it
    untouched = HandTagging(text, [("content", "Canada approved the bridge design")])
    assert any(text[s:e].startswith("Canada") for c in run(nlp, text, untouched, rule_spans="never") for s, e in c.content)


def test_a_tagged_content_that_holds_the_rules_cue_takes_the_tagged_cue_before_it(nlp):
    # the rules read "he felt …" (cue "felt", source "he"); the tagger reads the whole "that he
    # felt …" as what "made it clear" introduces: the rule's cue and subject are words of it
    text = "Though he did not name them, the senator made it clear that he felt they should drop out."
    tagging = HandTagging(text, [
        ("source", "the senator"), ("cue", "made it clear"), ("content", "that he felt they should drop out"),
    ])
    found = run(nlp, text, tagging)
    held = [a for a in found if "they should drop out" in text[a.content[0][0] : a.content[-1][1]]]
    [attribution] = held
    assert texts(text, attribution.content) == ["that he felt they should drop out"]
    assert texts(text, attribution.cue) == ["made it clear"]
    assert text[attribution.source.start : attribution.source.end] == "the senator"


def test_a_tagged_content_that_holds_the_rules_cue_keeps_it_with_no_tagged_cue_before(nlp):
    text = "Though he did not name them, the senator made it clear that he felt they should drop out."
    tagging = HandTagging(text, [("content", "that he felt they should drop out")])
    # (no tagged cue to take: the rule's stays, as the tagger's content was taken before)
    [held] = [a for a in run(nlp, text, tagging) if "they should drop out" in text[a.content[0][0] : a.content[-1][1]]]
    assert texts(text, held.cue) == ["felt"]


def test_a_tagged_cue_another_rule_candidate_holds_is_not_taken_for_a_second_statement(nlp):
    # the tagger reads "which shows that …" as what "said" introduces; "said" is the first
    # statement's cue already, and two statements never share a cue
    text = "The senator said the plan would fail, which shows that the House will not pass it."
    tagging = HandTagging(text, [
        ("source", "The senator"), ("cue", "said"), ("content", "the plan would fail"),
        ("content", "which shows that the House will not pass it"),
    ])
    found = run(nlp, text, tagging)
    cues = [tuple(a.cue) for a in found if a.cue]
    assert len(cues) == len(set(cues))


def test_the_content_policy_keeps_the_rules_cue_even_inside_the_tagged_content(nlp):
    # "content": the tagger's content with the rules' cue and source, whatever the tagger marks
    text = "Though he did not name them, the senator made it clear that he felt they should drop out."
    tagging = HandTagging(text, [
        ("source", "the senator"), ("cue", "made it clear"), ("content", "that he felt they should drop out"),
    ])
    found = run(nlp, text, tagging, rule_spans="content")
    [held] = [a for a in found if "they should drop out" in text[a.content[0][0] : a.content[-1][1]]]
    assert texts(text, held.cue) == ["felt"]
