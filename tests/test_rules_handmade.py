"""Rules over parses built by hand (words, heads, deps), as spaCy's own tests do.

A statistical parse can change with a model release; these pin what each rule
does with one fixed tree.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span
from spacy.lang.en import English

from onrecord.attribution import find_attributions
from onrecord.attribution.anchored import find_in_sentence
from onrecord.text import Unit

VOCAB = English().vocab  # lexical attributes (lower_) without a trained pipeline


def doc(words, heads, deps, tags, pos, spaces=None):
    return Doc(VOCAB, words=words, spaces=spaces, heads=heads, deps=deps, tags=tags, pos=pos)


def offsets_text(d, fragments):
    return [d.text[s:e] for s, e in fragments]


def article_attributions(d):
    """Every rule over a hand-built parse as one article's text (assembly included)."""
    return find_attributions(d.text, [Unit(0, len(d.text), 0, d)])


def test_inverted_present_tense_cue_takes_its_object_as_speaker():
    # "We love cats!" reply Burton and Nick.  (the parser reads the speakers as the object)
    words = ['"', "We", "love", "cats", "!", '"', "reply", "Burton", "and", "Nick", "."]
    spaces = [False, True, True, False, False, True, True, True, True, False, False]
    heads = [2, 2, 2, 2, 2, 2, 6, 6, 7, 7, 6]
    deps = ["punct", "nsubj", "ROOT", "dobj", "punct", "punct", "ROOT", "dobj", "cc", "conj", "punct"]
    tags = ["``", "PRP", "VBP", "NNS", ".", "''", "VB", "NNP", "CC", "NNP", "."]
    pos = ["PUNCT", "PRON", "VERB", "NOUN", "PUNCT", "PUNCT", "VERB", "PROPN", "CCONJ", "PROPN", "PUNCT"]
    d = doc(words, heads, deps, tags, pos, spaces)
    sent = list(d.sents)[1]
    [candidate] = list(find_in_sentence(sent, 0))
    assert candidate.content == []  # the quotation before it is attached later
    assert offsets_text(d, candidate.cue) == ["reply"]
    assert d.text[candidate.source.start : candidate.source.end] == "Burton and Nick"


def test_a_past_tense_cue_after_a_no_break_space_takes_its_named_object_as_speaker():
    # “We won,”\u00a0added Gowdy.  (crawled text: the no-break space is a token of its own)
    words = ["“", "We", "won", ",", "”", "\u00a0", "added", "Gowdy", "."]
    spaces = [False, True, False, False, False, False, True, False, False]
    heads = [6, 2, 6, 6, 6, 4, 6, 6, 6]
    deps = ["punct", "nsubj", "ccomp", "punct", "punct", "dep", "ROOT", "dobj", "punct"]
    tags = ["``", "PRP", "VBD", ",", "''", "_SP", "VBD", "NNP", "."]
    pos = ["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "SPACE", "VERB", "PROPN", "PUNCT"]
    d = doc(words, heads, deps, tags, pos, spaces)
    added = [c for c in find_in_sentence(d[:], 0) if c.anchor.text == "added"]
    assert [d.text[c.source.start : c.source.end] for c in added if c.source] == ["Gowdy"]


def test_a_long_role_after_a_closed_quotation_is_the_speakers():
    # “Workers lose in Laos and Chad,” Anna Hollis, Harvest Aid's head of Trade Policy, said.
    # (the parse hangs the name off the quotation's last word: the speaker is what follows the mark)
    words = ["“", "Workers", "lose", "in", "Laos", "and", "Chad", ",", "”", "Anna", "Hollis", ",", "Harvest", "Aid",
             "'s", "head", "of", "Trade", "Policy", ",", "said", "."]
    spaces = [False, True, True, True, True, True, False, False, True, True, False, True, True, False, True, True,
              True, True, False, True, False, False]
    heads = [2, 2, 20, 2, 3, 4, 4, 4, 4, 10, 4, 10, 13, 15, 13, 10, 15, 18, 16, 10, 20, 20]
    deps = ["punct", "nsubj", "ccomp", "prep", "pobj", "cc", "conj", "punct", "punct", "compound", "appos", "punct",
            "compound", "poss", "case", "appos", "prep", "compound", "pobj", "punct", "ROOT", "punct"]
    tags = ["``", "NNS", "VBP", "IN", "NNP", "CC", "NNP", ",", "''", "NNP", "NNP", ",", "NNP", "NNP", "POS", "NN",
            "IN", "NNP", "NNP", ",", "VBD", "."]
    pos = ["PUNCT", "NOUN", "VERB", "ADP", "PROPN", "CCONJ", "PROPN", "PUNCT", "PUNCT", "PROPN", "PROPN", "PUNCT",
           "PROPN", "PROPN", "PART", "NOUN", "ADP", "PROPN", "PROPN", "PUNCT", "VERB", "PUNCT"]
    d = doc(words, heads, deps, tags, pos, spaces)
    [candidate] = [c for c in find_in_sentence(d[:], 0) if c.anchor.text == "said"]
    assert offsets_text(d, candidate.content) == ["“Workers lose in Laos and Chad,”"]
    assert d.text[candidate.source.start : candidate.source.end] == "Anna Hollis, Harvest Aid's head of Trade Policy"


def test_a_speakers_phrase_with_a_preposition_and_brackets_after_a_closed_quotation():
    # “Sales rose,” Jeff Joseph, from the Retail Association (RA) told the website.
    # (the parse hangs the name off the quotation's subject and "from" off its verb)
    words = ["“", "Sales", "rose", ",", "”", "Jeff", "Joseph", ",", "from", "the", "Retail", "Association", "(", "RA",
             ")", "told", "the", "website", "."]
    spaces = [False, True, False, False, True, True, False, True, True, True, True, True, False, False, True, True,
              True, False, False]
    heads = [2, 2, 15, 2, 2, 6, 1, 6, 2, 11, 11, 8, 11, 11, 11, 15, 17, 15, 15]
    deps = ["punct", "nsubj", "ccomp", "punct", "punct", "compound", "appos", "punct", "prep", "det", "compound",
            "pobj", "punct", "appos", "punct", "ROOT", "det", "dobj", "punct"]
    tags = ["``", "NNS", "VBD", ",", "''", "NNP", "NNP", ",", "IN", "DT", "NNP", "NNP", "-LRB-", "NNP", "-RRB-", "VBD",
            "DT", "NN", "."]
    pos = ["PUNCT", "NOUN", "VERB", "PUNCT", "PUNCT", "PROPN", "PROPN", "PUNCT", "ADP", "DET", "PROPN", "PROPN",
           "PUNCT", "PROPN", "PUNCT", "VERB", "DET", "NOUN", "PUNCT"]
    d = doc(words, heads, deps, tags, pos, spaces)
    [candidate] = [c for c in find_in_sentence(d[:], 0) if c.anchor.text == "told"]
    assert offsets_text(d, candidate.content) == ["“Sales rose,”"]
    assert d.text[candidate.source.start : candidate.source.end] == "Jeff Joseph, from the Retail Association (RA)"


def test_a_speaker_after_an_interrupting_cue_the_parse_made_a_subject_of_the_content():
    # For instance, said Mr Dalloway, credit cards are rare.  (Dalloway and cards both subjects of "are")
    words = ["For", "instance", ",", "said", "Mr", "Dalloway", ",", "credit", "cards", "are", "rare", "."]
    spaces = [True, False, True, True, True, False, True, True, True, True, False, False]
    heads = [3, 0, 3, 3, 5, 9, 5, 8, 9, 3, 9, 3]
    deps = ["prep", "pobj", "punct", "ROOT", "compound", "nsubj", "punct", "compound", "nsubj", "ccomp", "acomp", "punct"]
    tags = ["IN", "NN", ",", "VBD", "NNP", "NNP", ",", "NN", "NNS", "VBP", "JJ", "."]
    pos = ["ADP", "NOUN", "PUNCT", "VERB", "PROPN", "PROPN", "PUNCT", "NOUN", "NOUN", "AUX", "ADJ", "PUNCT"]
    d = doc(words, heads, deps, tags, pos, spaces)
    [candidate] = list(find_in_sentence(d[:], 0))
    assert offsets_text(d, candidate.content) == ["credit cards are rare"]
    assert d.text[candidate.source.start : candidate.source.end] == "Mr Dalloway"


def test_a_speaker_inverted_after_the_content_is_the_second_of_two_subjects():
    # Sales were weakest, in particular the UK, France and Spain, said the report.
    words = ["Sales", "were", "weakest", ",", "in", "particular", "the", "UK", ",", "France", "and", "Spain", ",",
             "said", "the", "report", "."]
    spaces = [True, True, False, True, True, True, True, False, True, True, True, False, True, True, True, False, False]
    heads = [1, 13, 1, 13, 13, 4, 7, 13, 7, 7, 9, 9, 7, 13, 15, 13, 13]
    deps = ["nsubj", "ccomp", "acomp", "punct", "prep", "amod", "det", "nsubj", "punct", "conj", "cc", "conj", "punct",
            "ROOT", "det", "nsubj", "punct"]
    tags = ["NNS", "VBD", "JJS", ",", "IN", "JJ", "DT", "NNP", ",", "NNP", "CC", "NNP", ",", "VBD", "DT", "NN", "."]
    pos = ["NOUN", "AUX", "ADJ", "PUNCT", "ADP", "ADJ", "DET", "PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN", "PUNCT",
           "VERB", "DET", "NOUN", "PUNCT"]
    d = doc(words, heads, deps, tags, pos, spaces)
    [candidate] = list(find_in_sentence(d[:], 0))
    assert offsets_text(d, candidate.content)[0].startswith("Sales were weakest")
    assert d.text[candidate.source.start : candidate.source.end] == "the report"


@pytest.mark.parametrize(
    "role, verb, tag, deps",
    [
        # “It is typical,” said Tory shadow secretary Eric Pickles.  ("Tory" a subject, "shadow" a verb)
        ("Tory shadow secretary", "shadow", "VB", ("nsubj", "ccomp", "compound", "compound", "dobj")),
        # “It is typical,” said Jets head coach Eric Pickles.  ("head" a present-tense verb)
        ("Jets head coach", "head", "VBP", ("nsubj", "ccomp", "dobj", "compound", "npadvmod")),
    ],
)
def test_a_speakers_phrase_the_parse_read_as_a_clause_after_an_inverted_cue(role, verb, tag, deps):
    subject, _, noun = role.split()
    words = ["“", "It", "is", "typical", ",", "”", "said", subject, verb, noun, "Eric", "Pickles", "."]
    spaces = [False, True, True, False, False, True, True, True, True, True, True, False, False]
    # (the name hangs off the noun as its object, or off the verb)
    heads = [6, 2, 6, 2, 6, 6, 6, 8, 6, 11 if deps[2] == "compound" else 8, 11, 8, 6]
    deps = ["punct", "nsubj", "ccomp", "acomp", "punct", "punct", "ROOT", deps[0], deps[1], deps[2], deps[3],
            deps[4], "punct"]
    tags = ["``", "PRP", "VBZ", "JJ", ",", "''", "VBD", "NNP", tag, "NN", "NNP", "NNP", "."]
    pos = ["PUNCT", "PRON", "AUX", "ADJ", "PUNCT", "PUNCT", "VERB", "PROPN", "VERB", "NOUN", "PROPN", "PROPN", "PUNCT"]
    d = doc(words, heads, deps, tags, pos, spaces)
    [candidate] = [c for c in find_in_sentence(d[:], 0) if c.anchor.text == "said"]
    assert offsets_text(d, candidate.cue) == ["said"]
    assert d.text[candidate.source.start : candidate.source.end] == f"{role} Eric Pickles"


def test_past_tense_verb_with_an_object_is_not_inverted():
    # "It worked!" Burton replied the letter.  -> no subject-inversion reading for a past form
    words = ['"', "We", "won", '"', "announce", "the", "results", "."]
    spaces = [False, True, False, True, True, True, False, False]
    heads = [2, 2, 2, 2, 4, 6, 4, 4]
    deps = ["punct", "nsubj", "ROOT", "punct", "ROOT", "det", "dobj", "punct"]
    tags = ["``", "PRP", "VBD", "''", "VB", "DT", "NNS", "."]
    pos = ["PUNCT", "PRON", "VERB", "PUNCT", "VERB", "DET", "NOUN", "PUNCT"]
    d = doc(words, heads, deps, tags, pos, spaces)
    sent = list(d.sents)[1]
    for candidate in find_in_sentence(sent, 0):
        # "the results" has no proper noun: it is not read as a speaker
        assert candidate.source is None or d.text[candidate.source.start : candidate.source.end] != "the results"


@pytest.mark.parametrize("verb", ["said", "says"])
def test_complement_clause_is_the_content(verb):
    # Smith said the plan failed.
    words = ["Smith", verb, "the", "plan", "failed", "."]
    heads = [1, 1, 3, 4, 1, 1]
    deps = ["nsubj", "ROOT", "det", "nsubj", "ccomp", "punct"]
    tags = ["NNP", "VBD", "DT", "NN", "VBD", "."]
    pos = ["PROPN", "VERB", "DET", "NOUN", "VERB", "PUNCT"]
    d = doc(words, heads, deps, tags, pos)
    [candidate] = list(find_in_sentence(d[:], 0))
    assert offsets_text(d, candidate.content) == ["the plan failed"]
    assert offsets_text(d, candidate.cue) == [verb]
    assert d.text[candidate.source.start : candidate.source.end] == "Smith"


def test_a_cue_hung_off_another_verb_takes_that_verbs_subject():
    # Durbin, noting the size, said the race mattered.  (the parse: said as parataxis of noting)
    words = ["Durbin", ",", "noting", "the", "size", ",", "said", "the", "race", "mattered", "."]
    heads = [2, 0, 2, 4, 2, 2, 2, 8, 9, 6, 2]
    deps = ["nsubj", "punct", "ROOT", "det", "dobj", "punct", "parataxis", "det", "nsubj", "ccomp", "punct"]
    tags = ["NNP", ",", "VBG", "DT", "NN", ",", "VBD", "DT", "NN", "VBD", "."]
    pos = ["PROPN", "PUNCT", "VERB", "DET", "NOUN", "PUNCT", "VERB", "DET", "NOUN", "VERB", "PUNCT"]
    d = doc(words, heads, deps, tags, pos)
    said = [c for c in find_in_sentence(d[:], 0) if offsets_text(d, c.cue) == ["said"]]
    assert said and d.text[said[0].source.start : said[0].source.end] == "Durbin"


def test_a_passive_governor_lends_its_subject_but_a_passive_cue_does_not():
    # Trump was pressed and said the deal was dead.   /   It was said that the deal was dead.
    words = ["Trump", "was", "pressed", "and", "said", "the", "deal", "was", "dead", "."]
    heads = [2, 2, 2, 2, 2, 6, 7, 4, 7, 2]
    deps = ["nsubjpass", "auxpass", "ROOT", "cc", "conj", "det", "nsubj", "ccomp", "acomp", "punct"]
    tags = ["NNP", "VBD", "VBN", "CC", "VBD", "DT", "NN", "VBD", "JJ", "."]
    pos = ["PROPN", "AUX", "VERB", "CCONJ", "VERB", "DET", "NOUN", "AUX", "ADJ", "PUNCT"]
    d = doc(words, heads, deps, tags, pos)
    said = [c for c in find_in_sentence(d[:], 0) if offsets_text(d, c.cue) == ["said"]]
    assert said and d.text[said[0].source.start : said[0].source.end] == "Trump"

    words = ["It", "was", "said", "that", "the", "deal", "was", "dead", "."]
    heads = [2, 2, 2, 6, 5, 6, 2, 6, 2]
    deps = ["nsubjpass", "auxpass", "ROOT", "mark", "det", "nsubj", "ccomp", "acomp", "punct"]
    tags = ["PRP", "VBD", "VBN", "IN", "DT", "NN", "VBD", "JJ", "."]
    pos = ["PRON", "AUX", "VERB", "SCONJ", "DET", "NOUN", "AUX", "ADJ", "PUNCT"]
    d = doc(words, heads, deps, tags, pos)
    for candidate in find_in_sentence(d[:], 0):
        assert candidate.source is None or d.text[candidate.source.start : candidate.source.end] != "It"


def test_a_participle_under_a_preposition_takes_the_clause_subject():
    # Sullivan responded by explaining that it was impossible.
    words = ["Sullivan", "responded", "by", "explaining", "that", "it", "was", "impossible", "."]
    heads = [1, 1, 1, 2, 6, 6, 3, 6, 1]
    deps = ["nsubj", "ROOT", "prep", "pcomp", "mark", "nsubj", "ccomp", "acomp", "punct"]
    tags = ["NNP", "VBD", "IN", "VBG", "IN", "PRP", "VBD", "JJ", "."]
    pos = ["PROPN", "VERB", "ADP", "VERB", "SCONJ", "PRON", "AUX", "ADJ", "PUNCT"]
    d = doc(words, heads, deps, tags, pos)
    explaining = [c for c in find_in_sentence(d[:], 0) if c.anchor.text == "explaining"]
    assert explaining and d.text[explaining[0].source.start : explaining[0].source.end] == "Sullivan"


def test_a_cue_set_off_by_commas_inside_its_content():
    # In both cases, Trump said, those donations paid for sponsorships.  (the parse: said as
    # parataxis of the noun "donations", the sentence's root)
    words = ["In", "both", "cases", ",", "Trump", "said", ",", "those", "donations", "paid", "for", "sponsorships", "."]
    heads = [8, 2, 0, 5, 5, 8, 5, 8, 8, 8, 9, 10, 8]
    deps = ["prep", "det", "pobj", "punct", "nsubj", "parataxis", "punct", "det", "ROOT", "acl", "prep", "pobj", "punct"]
    tags = ["IN", "DT", "NNS", ",", "NNP", "VBD", ",", "DT", "NNS", "VBN", "IN", "NNS", "."]
    pos = ["ADP", "DET", "NOUN", "PUNCT", "PROPN", "VERB", "PUNCT", "DET", "NOUN", "VERB", "ADP", "NOUN", "PUNCT"]
    spaces = [True, True, False, True, True, False, True, True, True, True, True, False, False]
    d = doc(words, heads, deps, tags, pos, spaces)
    [said] = [c for c in find_in_sentence(d[:], 0) if offsets_text(d, c.cue) == ["said"]]
    assert offsets_text(d, said.content) == ["In both cases", "those donations paid for sponsorships."]
    assert d.text[said.source.start : said.source.end] == "Trump"


def test_a_cue_set_off_by_commas_that_the_parse_made_the_contents_complement():
    # If anything, Ash argued in his email, the incident is a lesson.  (the parse: argued as a
    # complement of "is", the sentence's root)
    words = ["If", "anything", ",", "Ash", "argued", "in", "his", "email", ",", "the", "incident", "is", "a", "lesson", "."]
    heads = [1, 4, 4, 4, 11, 4, 7, 5, 11, 10, 11, 11, 13, 11, 11]
    deps = ["mark", "advcl", "punct", "nsubj", "ccomp", "prep", "poss", "pobj", "punct", "det", "nsubj", "ROOT", "det",
            "attr", "punct"]
    tags = ["IN", "NN", ",", "NNP", "VBD", "IN", "PRP$", "NN", ",", "DT", "NN", "VBZ", "DT", "NN", "."]
    pos = ["SCONJ", "PRON", "PUNCT", "PROPN", "VERB", "ADP", "PRON", "NOUN", "PUNCT", "DET", "NOUN", "AUX", "DET",
           "NOUN", "PUNCT"]
    spaces = [True, False, True, True, True, True, True, False, True, True, True, True, True, False, False]
    d = doc(words, heads, deps, tags, pos, spaces)
    [argued] = [c for c in find_in_sentence(d[:], 0) if c.anchor.text == "argued"]
    assert offsets_text(d, argued.content) == ["If anything", "the incident is a lesson."]
    assert d.text[argued.source.start : argued.source.end] == "Ash"


@pytest.mark.parametrize(
    ("opening", "ents", "content"),
    [
        # what opens the sentence is what was said too, as PolNeAR marks it
        (["If", "prices", "rise"], ["O", "O", "O"], ["If prices rise", "the bank will raise rates"]),
        # not when it was said
        (["On", "Friday", "night"], ["O", "B-DATE", "I-DATE"], ["the bank will raise rates"]),
    ],
)
def test_the_opening_before_a_cue_set_off_by_commas(opening, ents, content):
    # If prices rise, Mr Fox said on Monday, the bank will raise rates.
    words = opening + [",", "Mr", "Fox", "said", "on", "Monday", ",", "the", "bank", "will", "raise", "rates", "."]
    opening_heads, opening_deps, tags, pos = {
        "If": ([2, 2, 6], ["mark", "nsubj", "advcl"], ["IN", "NNS", "VBP"], ["SCONJ", "NOUN", "VERB"]),
        "On": ([6, 2, 0], ["prep", "compound", "pobj"], ["IN", "NNP", "NN"], ["ADP", "PROPN", "NOUN"]),
    }[opening[0]]
    heads = opening_heads + [6, 5, 6, 6, 6, 7, 13, 11, 13, 13, 6, 13, 6]
    deps = opening_deps + ["punct", "compound", "nsubj", "ROOT", "prep", "pobj", "punct", "det", "nsubj", "aux",
                           "ccomp", "dobj", "punct"]
    tags = tags + [",", "NNP", "NNP", "VBD", "IN", "NNP", ",", "DT", "NN", "MD", "VB", "NNS", "."]
    pos = pos + ["PUNCT", "PROPN", "PROPN", "VERB", "ADP", "PROPN", "PUNCT", "DET", "NOUN", "AUX", "VERB", "NOUN",
                 "PUNCT"]
    spaces = [True, True, False, True, True, True, True, True, False, True, True, True, True, True, False, False]
    d = Doc(VOCAB, words=words, spaces=spaces, heads=heads, deps=deps, tags=tags, pos=pos, ents=ents + ["O"] * 13)
    [said] = [c for c in find_in_sentence(d[:], 0) if c.anchor.text == "said"]
    assert offsets_text(d, said.content) == content
    assert d.text[said.source.start : said.source.end] == "Mr Fox"


def test_a_complement_set_off_by_commas_before_a_cue_is_what_the_cue_says():
    # Despite the growth, most people have never heard of blogs, the survey found.  ("heard" is
    # the complement of the cue after it, no cue interrupting a content of its own)
    words = ["Despite", "the", "growth", ",", "most", "people", "have", "never", "heard", "of", "blogs", ",", "the",
             "survey", "found", "."]
    heads = [8, 2, 0, 8, 5, 8, 8, 8, 14, 8, 9, 14, 13, 14, 14, 14]
    deps = ["prep", "det", "pobj", "punct", "amod", "nsubj", "aux", "neg", "ccomp", "prep", "pobj", "punct", "det",
            "nsubj", "ROOT", "punct"]
    tags = ["IN", "DT", "NN", ",", "JJS", "NNS", "VBP", "RB", "VBN", "IN", "NNS", ",", "DT", "NN", "VBD", "."]
    pos = ["ADP", "DET", "NOUN", "PUNCT", "ADJ", "NOUN", "AUX", "ADV", "VERB", "ADP", "NOUN", "PUNCT", "DET", "NOUN",
           "VERB", "PUNCT"]
    spaces = [True, True, False, True, True, True, True, True, True, True, False, True, True, True, False, False]
    d = doc(words, heads, deps, tags, pos, spaces)
    heard = [c for c in find_in_sentence(d[:], 0) if c.anchor.text == "heard"]
    assert not any("survey found" in d.text[s:e] for c in heard for s, e in c.content)
    [found] = [c for c in find_in_sentence(d[:], 0) if c.anchor.text == "found"]
    assert "most people have never heard of blogs" in " ".join(offsets_text(d, found.content))


def test_a_second_that_clause_of_the_same_cue_stays_in_the_content():
    # Ana said that trade helped and that the chamber thinks jobs depend on it.
    words = ["Ana", "said", "that", "trade", "helped", "and", "that", "the", "chamber", "thinks",
             "jobs", "depend", "on", "it", "."]
    heads = [1, 1, 4, 4, 1, 4, 9, 8, 9, 4, 11, 9, 11, 12, 1]
    deps = ["nsubj", "ROOT", "mark", "nsubj", "ccomp", "cc", "mark", "det", "nsubj", "conj",
            "nsubj", "ccomp", "prep", "pobj", "punct"]
    tags = ["NNP", "VBD", "IN", "NN", "VBD", "CC", "IN", "DT", "NN", "VBZ", "NNS", "VBP", "IN", "PRP", "."]
    pos = ["PROPN", "VERB", "SCONJ", "NOUN", "VERB", "CCONJ", "SCONJ", "DET", "NOUN", "VERB",
           "NOUN", "VERB", "ADP", "PRON", "PUNCT"]
    spaces = [True] * 13 + [False, False]
    d = doc(words, heads, deps, tags, pos, spaces)
    [said] = [c for c in find_in_sentence(d[:], 0) if offsets_text(d, c.cue) == ["said"]]
    assert offsets_text(d, said.content) == ["that trade helped and that the chamber thinks jobs depend on it"]


def test_a_name_whose_apposition_ends_at_the_comma_before_a_subjectless_cue():
    # In response, Ieuan Jones, leader of the group, said it was a mess.
    # (the parser hangs the name off "response" and leaves "said" without a subject)
    words = ["In", "response", ",", "Ieuan", "Jones", ",", "leader", "of", "the", "group", ",", "said",
             "it", "was", "a", "mess", "."]
    heads = [11, 0, 1, 4, 1, 4, 4, 6, 9, 7, 4, 11, 13, 11, 15, 13, 11]
    deps = ["prep", "pobj", "punct", "compound", "appos", "punct", "appos", "prep", "det", "pobj", "punct",
            "ROOT", "nsubj", "ccomp", "det", "attr", "punct"]
    tags = ["IN", "NN", ",", "NNP", "NNP", ",", "NN", "IN", "DT", "NN", ",", "VBD", "PRP", "VBD", "DT", "NN", "."]
    pos = ["ADP", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "NOUN", "ADP", "DET", "NOUN", "PUNCT", "VERB",
           "PRON", "AUX", "DET", "NOUN", "PUNCT"]
    spaces = [next_word not in (",", ".") for next_word in words[1:]] + [False]
    d = doc(words, heads, deps, tags, pos, spaces)
    said = [c for c in find_in_sentence(d[:], 0) if offsets_text(d, c.cue) == ["said"]]
    assert said and d.text[said[0].source.start : said[0].source.end] == "Ieuan Jones, leader of the group"


def test_a_name_the_parse_makes_an_adverb_of_the_cue_is_its_speaker():
    # "People are burning out," McNeely said.  (the parse reads the name as an adverb of "said")
    words = ['"', "People", "are", "burning", "out", ",", '"', "McNeely", "said", "."]
    spaces = [False, True, True, True, False, False, True, True, False, False]
    heads = [8, 3, 3, 8, 3, 8, 8, 8, 8, 8]
    deps = ["punct", "nsubj", "aux", "ccomp", "prt", "punct", "punct", "advmod", "ROOT", "punct"]
    tags = ["``", "NNS", "VBP", "VBG", "RP", ",", "''", "NNP", "VBD", "."]
    pos = ["PUNCT", "NOUN", "AUX", "VERB", "ADP", "PUNCT", "PUNCT", "PROPN", "VERB", "PUNCT"]
    d = doc(words, heads, deps, tags, pos, spaces)
    [candidate] = list(find_in_sentence(d[:], 0))
    assert offsets_text(d, candidate.cue) == ["said"]
    assert d.text[candidate.source.start : candidate.source.end] == "McNeely"


def test_a_subject_the_parse_split_in_two_is_one_source():
    # Usdaw general secretary John Hannett added that the days were special.
    # (the parser gives "added" two subjects: "Usdaw" and "general secretary John Hannett")
    words = ["Usdaw", "general", "secretary", "John", "Hannett", "added", "that", "the", "days", "were", "special", "."]
    heads = [5, 2, 4, 4, 5, 5, 9, 8, 9, 5, 9, 5]
    deps = ["nsubj", "amod", "compound", "compound", "nsubj", "ROOT", "mark", "det", "nsubj", "ccomp", "acomp", "punct"]
    tags = ["VBD", "JJ", "NN", "NNP", "NNP", "VBD", "IN", "DT", "NNS", "VBD", "JJ", "."]
    pos = ["VERB", "ADJ", "NOUN", "PROPN", "PROPN", "VERB", "SCONJ", "DET", "NOUN", "AUX", "ADJ", "PUNCT"]
    d = doc(words, heads, deps, tags, pos)
    added = [c for c in find_in_sentence(d[:], 0) if offsets_text(d, c.cue) == ["added"]]
    assert added and d.text[added[0].source.start : added[0].source.end] == "Usdaw general secretary John Hannett"


def test_a_date_the_parse_hangs_inside_a_that_less_complement_is_not_content():
    # Trudeau said Tuesday the tax would stay.  ("Tuesday" an npadvmod of "stay", a DATE entity)
    words = ["Trudeau", "said", "Tuesday", "the", "tax", "would", "stay", "."]
    heads = [1, 1, 6, 4, 6, 6, 1, 1]
    deps = ["nsubj", "ROOT", "npadvmod", "det", "nsubj", "aux", "ccomp", "punct"]
    tags = ["NNP", "VBD", "NNP", "DT", "NN", "MD", "VB", "."]
    pos = ["PROPN", "VERB", "PROPN", "DET", "NOUN", "AUX", "VERB", "PUNCT"]
    d = doc(words, heads, deps, tags, pos)
    d.ents = [Span(d, 2, 3, label="DATE")]
    [candidate] = list(find_in_sentence(d[:], 0))
    assert offsets_text(d, candidate.content) == ["the tax would stay"]
    # a date that is the clause's subject stays: "Trudeau said Tuesday was the deadline."
    words = ["Trudeau", "said", "Tuesday", "was", "the", "deadline", "."]
    heads = [1, 1, 3, 1, 5, 3, 1]
    deps = ["nsubj", "ROOT", "nsubj", "ccomp", "det", "attr", "punct"]
    tags = ["NNP", "VBD", "NNP", "VBD", "DT", "NN", "."]
    pos = ["PROPN", "VERB", "PROPN", "AUX", "DET", "NOUN", "PUNCT"]
    d = doc(words, heads, deps, tags, pos)
    d.ents = [Span(d, 2, 3, label="DATE")]
    [candidate] = list(find_in_sentence(d[:], 0))
    assert offsets_text(d, candidate.content) == ["Tuesday was the deadline"]


@pytest.mark.parametrize(
    ("clause", "heads", "deps", "tags", "pos", "source"),
    [
        # a participle on how the source spoke is left out ("speaking" an acl of "official")
        (["speaking", "on", "condition", "of", "anonymity"], [1, 3, 4, 5, 6], ["acl", "prep", "pobj", "prep", "pobj"],
         ["VBG", "IN", "NN", "IN", "NN"], ["VERB", "ADP", "NOUN", "ADP", "NOUN"], "An official"),
        # a relative clause stays: PolNeAR keeps and drops those about evenly
        (["who", "joined", "in", "May"], [4, 1, 4, 5], ["nsubj", "relcl", "prep", "pobj"],
         ["WP", "VBD", "IN", "NNP"], ["PRON", "VERB", "ADP", "PROPN"], "An official, who joined in May"),
    ],
)
def test_a_clause_on_how_the_source_spoke_is_not_the_source(clause, heads, deps, tags, pos, source):
    # An official, <clause>, said the talks failed.
    words = ["An", "official", ","] + clause + [",", "said", "the", "talks", "failed", "."]
    said = 3 + len(clause) + 1
    heads = [1, said, 1] + heads + [1, said, said + 2, said + 3, said, said]
    deps = ["det", "nsubj", "punct"] + deps + ["punct", "ROOT", "det", "nsubj", "ccomp", "punct"]
    tags = ["DT", "NN", ","] + tags + [",", "VBD", "DT", "NNS", "VBD", "."]
    pos = ["DET", "NOUN", "PUNCT"] + pos + ["PUNCT", "VERB", "DET", "NOUN", "VERB", "PUNCT"]
    spaces = [True] * len(words)
    spaces[1] = spaces[said - 2] = spaces[-2] = False
    d = doc(words, heads, deps, tags, pos, spaces)
    [candidate] = [c for c in find_in_sentence(d[:], 0) if offsets_text(d, c.cue) == ["said"]]
    assert d.text[candidate.source.start : candidate.source.end] == source


def test_a_source_that_runs_into_a_content_keeps_the_words_before_it():
    # “We regret it,” said Oleg Varga, head of Nordgold, whose motto is “Gold first”.
    # (the motto taken for a content fragment: the source keeps "Oleg Varga, head of Nordgold")
    from onrecord.attribution.assemble import _roles_apart
    from onrecord.attribution.candidate import Candidate, Mention

    words = ["Oleg", "Varga", ",", "head", "of", "Nordgold", ",", "whose", "motto", "is", "“", "Gold", "first", "”"]
    spaces = [True, False, True, True, True, False, True, True, True, True, False, True, False, False]
    heads = [1, 1, 1, 1, 3, 4, 1, 8, 9, 1, 12, 12, 9, 12]
    deps = ["compound", "ROOT", "punct", "appos", "prep", "pobj", "punct", "poss", "nsubj", "relcl", "punct", "compound", "attr", "punct"]
    tags = ["NNP", "NNP", ",", "NN", "IN", "NNP", ",", "WP$", "NN", "VBZ", "``", "NNP", "NN", "''"]
    pos = ["PROPN", "PROPN", "PUNCT", "NOUN", "ADP", "PROPN", "PUNCT", "DET", "NOUN", "AUX", "PUNCT", "PROPN", "NOUN", "PUNCT"]
    d = doc(words, heads, deps, tags, pos, spaces)
    motto = (d[10].idx, d[13].idx + 1)
    candidate = Candidate(kind="direct", content=[(100, 120), motto], cue=[(90, 94)], source=Mention(0, len(d.text), d[:]))
    [kept] = _roles_apart(d.text + " " * 200, [candidate])
    assert d.text[kept.source.start : kept.source.end] == "Oleg Varga, head of Nordgold"
    assert kept.source.span.text == "Oleg Varga, head of Nordgold"


def test_an_inverted_cue_parsed_as_a_second_clause_takes_the_sentence_before_it():
    # The plant is hanging on, said the chief executive.  ("said" a conj of "hanging", its subject after it)
    words = ["The", "plant", "is", "hanging", "on", ",", "said", "the", "chief", "executive", "."]
    heads = [1, 3, 3, 3, 3, 3, 3, 9, 9, 6, 3]
    deps = ["det", "nsubj", "aux", "ROOT", "prt", "punct", "conj", "det", "amod", "nsubj", "punct"]
    tags = ["DT", "NN", "VBZ", "VBG", "RP", ",", "VBD", "DT", "JJ", "NN", "."]
    pos = ["DET", "NOUN", "AUX", "VERB", "ADP", "PUNCT", "VERB", "DET", "ADJ", "NOUN", "PUNCT"]
    spaces = [True, True, True, True, False, True, True, True, True, False, False]
    d = doc(words, heads, deps, tags, pos, spaces)
    [candidate] = list(find_in_sentence(d[:], 0))
    assert offsets_text(d, candidate.content) == ["The plant is hanging on"]
    assert d.text[candidate.source.start : candidate.source.end] == "the chief executive"
    # "…, and the chief executive said" is a statement of its own, not an inverted cue
    words = ["The", "plant", "is", "hanging", "on", ",", "and", "the", "chief", "said", "so", "."]
    heads = [1, 3, 3, 3, 3, 3, 3, 8, 9, 3, 9, 3]
    deps = ["det", "nsubj", "aux", "ROOT", "prt", "punct", "cc", "det", "nsubj", "conj", "advmod", "punct"]
    tags = ["DT", "NN", "VBZ", "VBG", "RP", ",", "CC", "DT", "NN", "VBD", "RB", "."]
    pos = ["DET", "NOUN", "AUX", "VERB", "ADP", "PUNCT", "CCONJ", "DET", "NOUN", "VERB", "ADV", "PUNCT"]
    d = doc(words, heads, deps, tags, pos)
    assert all("The plant is hanging on" not in offsets_text(d, c.content) for c in find_in_sentence(d[:], 0))


def test_a_cue_after_and_inside_a_content_is_the_speakers_next_statement():
    # The senator said the plan was sound and added that the state would pay.
    # (the parse makes "added" a conj of "was", inside the first statement, with the subject "the plan")
    words = ["The", "senator", "said", "the", "plan", "was", "sound", "and", "added", "that", "the", "state", "would", "pay", "."]
    heads = [1, 2, 2, 4, 5, 2, 5, 5, 5, 13, 11, 13, 13, 8, 2]
    deps = ["det", "nsubj", "ROOT", "det", "nsubj", "ccomp", "acomp", "cc", "conj", "mark", "det", "nsubj", "aux", "ccomp", "punct"]
    tags = ["DT", "NN", "VBD", "DT", "NN", "VBD", "JJ", "CC", "VBD", "IN", "DT", "NN", "MD", "VB", "."]
    pos = ["DET", "NOUN", "VERB", "DET", "NOUN", "AUX", "ADJ", "CCONJ", "VERB", "SCONJ", "DET", "NOUN", "AUX", "VERB", "PUNCT"]
    d = doc(words, heads, deps, tags, pos)
    found = {tuple(offsets_text(d, c.cue)): c for c in find_in_sentence(d[:], 0)}
    assert offsets_text(d, found[("said",)].content) == ["the plan was sound"]
    added = found[("added",)]
    assert offsets_text(d, added.content) == ["that the state would pay"]
    assert d.text[added.source.start : added.source.end] == "The senator"


def test_according_to_after_a_coordination_takes_all_of_it():
    # Kasich surged and pulled ahead, according to the poll.
    words = ["Kasich", "surged", "and", "pulled", "ahead", ",", "according", "to", "the", "poll", "."]
    spaces = [True, True, True, True, False, True, True, True, True, False, False]
    heads = [1, 1, 1, 1, 3, 3, 3, 6, 9, 7, 1]
    deps = ["nsubj", "ROOT", "cc", "conj", "advmod", "punct", "prep", "prep", "det", "pobj", "punct"]
    tags = ["NNP", "VBD", "CC", "VBD", "RB", ",", "VBG", "IN", "DT", "NN", "."]
    pos = ["PROPN", "VERB", "CCONJ", "VERB", "ADV", "PUNCT", "VERB", "ADP", "DET", "NOUN", "PUNCT"]
    d = doc(words, heads, deps, tags, pos, spaces)
    [candidate] = [c for c in find_in_sentence(d[:], 0) if c.anchor.lower_ == "according"]
    assert offsets_text(d, candidate.content) == ["Kasich surged and pulled ahead"]


def test_according_to_inside_a_clause_keeps_both_sides():
    # In Iowa, Trump leads, according to the average, although Carson is close.
    words = ["In", "Iowa", ",", "Trump", "leads", ",", "according", "to", "the", "average", ",", "although", "Carson", "is", "close", "."]
    spaces = [True, False, True, True, False, True, True, True, True, False, True, True, True, True, False, False]
    heads = [4, 0, 4, 4, 4, 4, 4, 6, 9, 7, 4, 13, 13, 4, 13, 4]
    deps = ["prep", "pobj", "punct", "nsubj", "ROOT", "punct", "prep", "prep", "det", "pobj", "punct", "mark", "nsubj", "advcl", "acomp", "punct"]
    tags = ["IN", "NNP", ",", "NNP", "VBZ", ",", "VBG", "IN", "DT", "NN", ",", "IN", "NNP", "VBZ", "JJ", "."]
    pos = ["ADP", "PROPN", "PUNCT", "PROPN", "VERB", "PUNCT", "VERB", "ADP", "DET", "NOUN", "PUNCT", "SCONJ", "PROPN", "AUX", "ADJ", "PUNCT"]
    d = doc(words, heads, deps, tags, pos, spaces)
    [candidate] = [c for c in find_in_sentence(d[:], 0) if c.anchor.lower_ == "according"]
    assert offsets_text(d, candidate.content) == ["In Iowa, Trump leads", "although Carson is close."]


def test_according_to_leaves_out_what_follows_it_with_no_verb():
    # Walker will speak in Cleveland, according to a report from WKOW, the station in Madison.
    # (the parse hangs the source's apposition on the verb, outside the phrase)
    words = ["Walker", "will", "speak", "in", "Cleveland", ",", "according", "to", "a", "report", "from", "WKOW", ",",
             "the", "station", "in", "Madison", "."]
    spaces = [True, True, True, True, False, True, True, True, True, True, True, False, True, True, True, True, False, False]
    heads = [2, 2, 2, 2, 3, 2, 2, 6, 9, 7, 9, 10, 2, 14, 2, 14, 15, 2]
    deps = ["nsubj", "aux", "ROOT", "prep", "pobj", "punct", "prep", "prep", "det", "pobj", "prep", "pobj", "punct",
            "det", "npadvmod", "prep", "pobj", "punct"]
    tags = ["NNP", "MD", "VB", "IN", "NNP", ",", "VBG", "IN", "DT", "NN", "IN", "NNP", ",", "DT", "NN", "IN", "NNP", "."]
    pos = ["PROPN", "AUX", "VERB", "ADP", "PROPN", "PUNCT", "VERB", "ADP", "DET", "NOUN", "ADP", "PROPN", "PUNCT",
           "DET", "NOUN", "ADP", "PROPN", "PUNCT"]
    d = doc(words, heads, deps, tags, pos, spaces)
    [candidate] = [c for c in find_in_sentence(d[:], 0) if c.anchor.lower_ == "according"]
    assert offsets_text(d, candidate.content) == ["Walker will speak in Cleveland"]


def test_a_poll_before_its_clause_is_the_source_of_the_clause():
    # In the poll, Clinton leads by six points.
    words = ["In", "the", "poll", ",", "Clinton", "leads", "by", "six", "points", "."]
    spaces = [True, True, False, True, True, True, True, True, False, False]
    heads = [5, 2, 0, 5, 5, 5, 5, 8, 6, 5]
    deps = ["prep", "det", "pobj", "punct", "nsubj", "ROOT", "prep", "nummod", "pobj", "punct"]
    tags = ["IN", "DT", "NN", ",", "NNP", "VBZ", "IN", "CD", "NNS", "."]
    pos = ["ADP", "DET", "NOUN", "PUNCT", "PROPN", "VERB", "ADP", "NUM", "NOUN", "PUNCT"]
    d = doc(words, heads, deps, tags, pos, spaces)
    [candidate] = find_in_sentence(d[:], 0)
    assert offsets_text(d, candidate.content) == ["Clinton leads by six points."]
    assert offsets_text(d, candidate.cue) == ["In"]
    assert d.text[candidate.source.start : candidate.source.end] == "the poll"


def test_a_poll_after_its_verb_is_no_source():
    # Clinton joined in the poll. (after its verb, a poll is more often what someone did
    # than where figures come from: PolNeAR train)
    words = ["Clinton", "joined", "in", "the", "poll", "."]
    heads = [1, 1, 1, 4, 2, 1]
    deps = ["nsubj", "ROOT", "prep", "det", "pobj", "punct"]
    tags = ["NNP", "VBD", "IN", "DT", "NN", "."]
    pos = ["PROPN", "VERB", "ADP", "DET", "NOUN", "PUNCT"]
    d = doc(words, heads, deps, tags, pos, [True, True, True, True, False, False])
    assert list(find_in_sentence(d[:], 0)) == []


def test_a_that_clause_the_parse_hangs_off_the_medium_is_the_content():
    # Lemarne said in a statement that he was proud.  ("that …" parsed as an acl of "statement")
    words = ["Lemarne", "said", "in", "a", "statement", "that", "he", "was", "proud", "."]
    heads = [1, 1, 1, 4, 2, 7, 7, 4, 7, 1]
    deps = ["nsubj", "ROOT", "prep", "det", "pobj", "mark", "nsubj", "acl", "acomp", "punct"]
    tags = ["NNP", "VBD", "IN", "DT", "NN", "IN", "PRP", "VBD", "JJ", "."]
    pos = ["PROPN", "VERB", "ADP", "DET", "NOUN", "SCONJ", "PRON", "AUX", "ADJ", "PUNCT"]
    d = doc(words, heads, deps, tags, pos)
    [candidate] = list(find_in_sentence(d[:], 0))
    assert offsets_text(d, candidate.content) == ["that he was proud"]
    assert " ".join(offsets_text(d, candidate.cue)) == "said in a statement"
    assert d.text[candidate.source.start : candidate.source.end] == "Lemarne"


def test_a_that_clause_the_parse_hangs_off_any_noun_after_the_cue_and_a_second_one_are_the_content():
    # Trump told donors at the fundraiser that he had talked but that nothing could change.
    # ("that he had talked" parsed as a relative clause of "fundraiser", "that" its mark; the
    # second clause a conjunct of "told")
    words = ["Trump", "told", "donors", "at", "the", "fundraiser", "that", "he", "had", "talked", "but",
             "that", "nothing", "could", "change", "."]
    heads = [1, 1, 1, 1, 5, 3, 9, 9, 9, 5, 1, 14, 14, 14, 1, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "det", "pobj", "mark", "nsubj", "aux", "relcl", "cc",
            "mark", "nsubj", "aux", "conj", "punct"]
    tags = ["NNP", "VBD", "NNS", "IN", "DT", "NN", "IN", "PRP", "VBD", "VBN", "CC", "IN", "NN", "MD", "VB", "."]
    pos = ["PROPN", "VERB", "NOUN", "ADP", "DET", "NOUN", "SCONJ", "PRON", "AUX", "VERB", "CCONJ",
           "SCONJ", "PRON", "AUX", "VERB", "PUNCT"]
    d = doc(words, heads, deps, tags, pos)
    [told] = [c for c in find_in_sentence(d[:], 0) if offsets_text(d, c.cue) == ["told"]]
    assert offsets_text(d, told.content) == ["that he had talked but that nothing could change"]
    assert d.text[told.source.start : told.source.end] == "Trump"


def test_a_that_clause_of_a_noun_that_takes_one_stays_the_nouns():
    # Trump told donors about the claim that he lied.  (the claim's own clause, no content of "told")
    words = ["Trump", "told", "donors", "about", "the", "claim", "that", "he", "lied", "."]
    heads = [1, 1, 1, 1, 5, 3, 8, 8, 5, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "det", "pobj", "mark", "nsubj", "acl", "punct"]
    tags = ["NNP", "VBD", "NNS", "IN", "DT", "NN", "IN", "PRP", "VBD", "."]
    pos = ["PROPN", "VERB", "NOUN", "ADP", "DET", "NOUN", "SCONJ", "PRON", "VERB", "PUNCT"]
    d = doc(words, heads, deps, tags, pos)
    told = [c for c in find_in_sentence(d[:], 0) if offsets_text(d, c.cue) == ["told"]]
    assert all("he lied" not in " ".join(offsets_text(d, c.content)) for c in told)


def test_a_that_clause_the_parse_hangs_off_an_adverb_is_the_content():
    # Lemarne said recently that he was proud.  ("that …" parsed as a ccomp of "recently")
    words = ["Lemarne", "said", "recently", "that", "he", "was", "proud", "."]
    heads = [1, 1, 1, 5, 5, 2, 5, 1]
    deps = ["nsubj", "ROOT", "advmod", "mark", "nsubj", "ccomp", "acomp", "punct"]
    tags = ["NNP", "VBD", "RB", "IN", "PRP", "VBD", "JJ", "."]
    pos = ["PROPN", "VERB", "ADV", "SCONJ", "PRON", "AUX", "ADJ", "PUNCT"]
    d = doc(words, heads, deps, tags, pos)
    [candidate] = list(find_in_sentence(d[:], 0))
    assert offsets_text(d, candidate.content) == ["that he was proud"]
    assert d.text[candidate.source.start : candidate.source.end] == "Lemarne"


def test_a_relative_pronoun_and_the_rest_of_its_clause_are_the_content_around_the_cue_clause():
    # The fee, which critics said was unfair, stayed.  ("which" is the subject of "was")
    words = ["The", "fee", ",", "which", "critics", "said", "was", "unfair", ",", "stayed", "."]
    spaces = [True, False, True, True, True, True, True, False, True, False, False]
    heads = [1, 9, 1, 6, 5, 1, 5, 6, 1, 9, 9]
    deps = ["det", "nsubj", "punct", "nsubj", "nsubj", "relcl", "ccomp", "acomp", "punct", "ROOT", "punct"]
    tags = ["DT", "NN", ",", "WDT", "NNS", "VBD", "VBD", "JJ", ",", "VBD", "."]
    pos = ["DET", "NOUN", "PUNCT", "PRON", "NOUN", "VERB", "AUX", "ADJ", "PUNCT", "VERB", "PUNCT"]
    d = doc(words, heads, deps, tags, pos, spaces)
    [candidate] = [c for c in find_in_sentence(d[:], 0) if c.anchor.lower_ == "said"]
    assert offsets_text(d, candidate.content) == ["which", "was unfair"]
    assert d.text[candidate.source.start : candidate.source.end] == "critics"


@pytest.mark.parametrize(
    "subject, copula, adjective, tag, pos, source",
    [
        ("Voters", "are", "likely", "NNS", "NOUN", "Voters"),  # Voters are likely to say that taxes matter.
        ("It", "is", "important", "PRP", "PRON", None),  # It is important to say that …: a copula's "it" is no one
    ],
)
def test_the_subject_of_a_copula_speaks_for_its_adjectives_cue(subject, copula, adjective, tag, pos, source):
    words = [subject, copula, adjective, "to", "say", "that", "taxes", "matter", "."]
    heads = [1, 1, 1, 4, 2, 7, 7, 4, 1]
    deps = ["nsubj", "ROOT", "acomp", "aux", "xcomp", "mark", "nsubj", "ccomp", "punct"]
    tags = [tag, "VBP", "JJ", "TO", "VB", "IN", "NNS", "VBP", "."]
    poses = [pos, "AUX", "ADJ", "PART", "VERB", "SCONJ", "NOUN", "VERB", "PUNCT"]
    d = doc(words, heads, deps, tags, poses)
    [candidate] = [c for c in find_in_sentence(d[:], 0) if c.anchor.lower_ == "say"]
    assert offsets_text(d, candidate.content) == ["that taxes matter"]
    found = d.text[candidate.source.start : candidate.source.end] if candidate.source is not None else None
    assert found == source


@pytest.mark.parametrize("role", ["chair", "official"])
def test_a_chair_or_an_official_in_apposition_describes_a_person(role):
    # "Julia Pemberton, chair of the panel, said": the NER takes such names for organizations;
    # what the apposition calls them says they are people
    from onrecord.speakers.descriptions import described_as_a_person

    words = ["Julia", "Pemberton", ",", role, "of", "the", "panel", ",", "said", "."]
    heads = [1, 8, 1, 1, 3, 6, 4, 1, 8, 8]
    deps = ["compound", "nsubj", "punct", "appos", "prep", "det", "pobj", "punct", "ROOT", "punct"]
    tags = ["NNP", "NNP", ",", "NN", "IN", "DT", "NN", ",", "VBD", "."]
    pos = ["PROPN", "PROPN", "PUNCT", "NOUN", "ADP", "DET", "NOUN", "PUNCT", "VERB", "PUNCT"]
    spaces = [True, False, True, True, True, True, False, True, False, False]
    d = doc(words, heads, deps, tags, pos, spaces)
    d.ents = [Span(d, 0, 2, label="ORG")]
    assert described_as_a_person(d[1])


def test_the_next_name_in_a_list_is_no_description_of_the_name_before():
    # actress Tessa Marlow, supermodel Ines Kroll  (the parse hangs the second name off the first)
    from onrecord.speakers.descriptions import description_of

    words = ["actress", "Tessa", "Marlow", ",", "supermodel", "Ines", "Kroll"]
    spaces = [True, True, False, True, True, True, False]
    heads = [2, 2, 2, 2, 6, 6, 2]
    deps = ["compound", "compound", "ROOT", "punct", "compound", "compound", "appos"]
    tags = ["NN", "NNP", "NNP", ",", "NN", "NNP", "NNP"]
    pos = ["NOUN", "PROPN", "PROPN", "PUNCT", "NOUN", "PROPN", "PROPN"]
    d = doc(words, heads, deps, tags, pos, spaces)
    d.ents = [Span(d, 1, 3, label="PERSON"), Span(d, 5, 7, label="PERSON")]
    assert description_of(d.ents[0]) == "actress"
    assert description_of(d.ents[1]) == "supermodel"


@pytest.mark.parametrize(
    "words, heads, deps, tags, ents, named",
    [
        # "Mr Seiber with Ms Furst" (a mention the parse cut from "discussed by …"): not Ms Furst's
        (["Mr", "Seiber", "with", "Ms", "Furst"], [1, 1, 1, 4, 2], ["compound", "ROOT", "prep", "compound", "pobj"],
         ["NNP", "NNP", "IN", "NNP", "NNP"], [(1, 2, "PERSON"), (4, 5, "PERSON")], None),
        # with a role before it, the name ending the mention is the speaker's
        (["Audit", "Committee", "chairman", "Peter", "Ainsley"], [1, 4, 4, 4, 4], ["compound"] * 4 + ["ROOT"],
         ["NNP", "NNP", "NN", "NNP", "NNP"], [(0, 2, "ORG"), (3, 5, "PERSON")], "Peter Ainsley"),
    ],
)
def test_a_name_ending_a_mention_after_a_role_not_an_honorific(words, heads, deps, tags, ents, named):
    from onrecord.speakers.ner import named_after_a_role

    pos = ["NOUN" if tag == "NN" else "ADP" if tag == "IN" else "PROPN" for tag in tags]
    d = doc(words, heads, deps, tags, pos)
    d.ents = [Span(d, start, end, label=label) for start, end, label in ents]
    found = named_after_a_role(d[0 : len(d)], list(d.ents))
    assert (found.text if found is not None else None) == named


@pytest.mark.parametrize(
    "heads, deps",
    [
        # the dateline a second subject, or the subject with the phrase its apposition
        ([6, 0, 6, 2, 3, 6, 6, 8, 6, 6], ["nsubj", "punct", "nsubj", "prep", "pobj", "aux", "ROOT", "det", "dobj", "punct"]),
        ([6, 0, 0, 2, 3, 6, 6, 8, 6, 6], ["nsubj", "punct", "appos", "prep", "pobj", "aux", "ROOT", "det", "dobj", "punct"]),
    ],
)
def test_a_dateline_the_parse_takes_into_the_subject_is_no_part_of_the_source(heads, deps):
    # TORONTO -- Families of residents are demanding an inquiry.
    words = ["TORONTO", "--", "Families", "of", "residents", "are", "demanding", "an", "inquiry", "."]
    spaces = [True, True, True, True, True, True, True, True, False, False]
    tags = ["NNP", ":", "NNS", "IN", "NNS", "VBP", "VBG", "DT", "NN", "."]
    pos = ["PROPN", "PUNCT", "NOUN", "ADP", "NOUN", "AUX", "VERB", "DET", "NOUN", "PUNCT"]
    d = doc(words, heads, deps, tags, pos, spaces)
    [candidate] = list(find_in_sentence(d[:], 0))
    assert d.text[candidate.source.start : candidate.source.end] == "Families of residents"


def test_a_capitalised_subject_with_an_aside_between_dashes_is_no_dateline():
    # EADS - Airbus' owner - admitted it .   (the aside's closing dash hangs off the verb)
    words = ["EADS", "-", "Airbus", "'", "owner", "-", "admitted", "it", "."]
    spaces = [True, True, False, True, True, True, True, False, False]
    heads = [2, 2, 4, 2, 6, 6, 6, 6, 6]
    deps = ["nmod", "punct", "poss", "case", "nsubj", "punct", "ROOT", "dobj", "punct"]
    tags = ["NNP", ":", "NNP", "POS", "NN", ":", "VBD", "PRP", "."]
    pos = ["PROPN", "PUNCT", "PROPN", "PART", "NOUN", "PUNCT", "VERB", "PRON", "PUNCT"]
    d = doc(words, heads, deps, tags, pos, spaces)
    [candidate] = list(find_in_sentence(d[:], 0))
    assert d.text[candidate.source.start : candidate.source.end] == "EADS - Airbus' owner"


def test_a_content_that_opens_a_paragraph_starts_after_its_dateline():
    # VICTORIA -- Deaths rose , the coroner said .   (the parse takes the dateline into the content)
    words = ["VICTORIA", "--", "Deaths", "rose", ",", "the", "coroner", "said", "."]
    spaces = [True, True, True, False, True, True, True, False, False]
    heads = [3, 3, 3, 7, 7, 6, 7, 7, 7]
    deps = ["npadvmod", "punct", "nsubj", "ccomp", "punct", "det", "nsubj", "ROOT", "punct"]
    tags = ["NNP", ":", "NNS", "VBD", ",", "DT", "NN", "VBD", "."]
    pos = ["PROPN", "PUNCT", "NOUN", "VERB", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"]
    d = doc(words, heads, deps, tags, pos, spaces)
    [candidate] = article_attributions(d)
    assert offsets_text(d, candidate.content) == ["Deaths rose"]


@pytest.mark.parametrize(("verb", "tag"), [("said", "VBD"), ("says", "VBZ")])
def test_a_name_the_parse_took_for_a_modal_is_the_speaker_not_the_cue(verb, tag):
    # "It is time," May said.  (the parser reads "May" as the verb's modal auxiliary)
    words = ['"', "It", "is", "time", ",", '"', "May", verb, "."]
    spaces = [False, True, True, False, False, True, True, False, False]
    heads = [7, 2, 7, 2, 7, 7, 7, 7, 7]
    deps = ["punct", "nsubj", "ccomp", "attr", "punct", "punct", "aux", "ROOT", "punct"]
    tags = ["``", "PRP", "VBZ", "NN", ",", "''", "MD", tag, "."]
    pos = ["PUNCT", "PRON", "AUX", "NOUN", "PUNCT", "PUNCT", "AUX", "VERB", "PUNCT"]
    d = doc(words, heads, deps, tags, pos, spaces)
    [candidate] = list(find_in_sentence(d[:], 0))
    assert offsets_text(d, candidate.cue) == [verb]
    assert d.text[candidate.source.start : candidate.source.end] == "May"


def test_a_modal_before_a_bare_verb_stays_in_the_cue():
    # "It is time," she may say.
    words = ['"', "It", "is", "time", ",", '"', "she", "may", "say", "."]
    spaces = [False, True, True, False, False, True, True, True, False, False]
    heads = [8, 2, 8, 2, 8, 8, 8, 8, 8, 8]
    deps = ["punct", "nsubj", "ccomp", "attr", "punct", "punct", "nsubj", "aux", "ROOT", "punct"]
    tags = ["``", "PRP", "VBZ", "NN", ",", "''", "PRP", "MD", "VB", "."]
    pos = ["PUNCT", "PRON", "AUX", "NOUN", "PUNCT", "PUNCT", "PRON", "AUX", "VERB", "PUNCT"]
    d = doc(words, heads, deps, tags, pos, spaces)
    [candidate] = list(find_in_sentence(d[:], 0))
    assert offsets_text(d, candidate.cue) == ["may", "say"]  # joined into one fragment later
    assert d.text[candidate.source.start : candidate.source.end] == "she"


@pytest.mark.parametrize(
    "verb, source",
    [
        ("led", "some"),  # "led" passes its object on as the subject of "to speculate"
        ("used", "The report"),  # "used the poll to speculate": the subject speculates
    ],
)
def test_an_infinitive_cue_after_an_object_control_verb_takes_the_object_as_source(verb, source):
    # The report led some to speculate that it failed.
    words = ["The", "report", verb, "some", "to", "speculate", "that", "it", "failed", "."]
    heads = [1, 2, 2, 2, 5, 2, 8, 8, 5, 2]
    deps = ["det", "nsubj", "ROOT", "dobj", "aux", "xcomp", "mark", "nsubj", "ccomp", "punct"]
    tags = ["DT", "NN", "VBD", "DT", "TO", "VB", "IN", "PRP", "VBD", "."]
    pos = ["DET", "NOUN", "VERB", "PRON", "PART", "VERB", "SCONJ", "PRON", "VERB", "PUNCT"]
    d = doc(words, heads, deps, tags, pos)
    [candidate] = [c for c in find_in_sentence(d[:], 0) if "speculate" in offsets_text(d, c.cue)]
    assert offsets_text(d, candidate.content) == ["that it failed"]
    assert d.text[candidate.source.start : candidate.source.end] == source


def test_a_quotation_the_parse_hangs_on_as_a_second_subject_after_the_verb_is_not_the_source():
    # Trump attacked Romney, calling him “a failed candidate.”  ("candidate" a second nsubj of "attacked")
    words = ["Trump", "attacked", "Romney", ",", "calling", "him", "“", "a", "failed", "candidate", ".", "”"]
    spaces = [True, True, False, True, True, True, False, True, True, False, False, False]
    heads = [1, 1, 1, 1, 1, 4, 9, 9, 9, 1, 9, 1]
    deps = ["nsubj", "ROOT", "dobj", "punct", "advcl", "dobj", "punct", "det", "amod", "nsubj", "punct", "punct"]
    tags = ["NNP", "VBD", "NNP", ",", "VBG", "PRP", "``", "DT", "VBN", "NN", ".", "''"]
    pos = ["PROPN", "VERB", "PROPN", "PUNCT", "VERB", "PRON", "PUNCT", "DET", "ADJ", "NOUN", "PUNCT", "PUNCT"]
    d = doc(words, heads, deps, tags, pos, spaces)
    [attacked] = [c for c in find_in_sentence(d[:], 0) if offsets_text(d, c.cue) == ["attacked"]]
    assert d.text[attacked.source.start : attacked.source.end] == "Trump"


@pytest.mark.parametrize(
    "words, heads, deps, tags, pos, speaker",
    [
        # The tone of the campaign, said Mr Milburn, would be positive.  (the parse gives "said" both
        # "tone" and "Milburn" as subjects)
        (["The", "tone", "of", "the", "campaign", ",", "said", "Mr", "Milburn", ",", "would", "be", "positive", "."],
         [1, 6, 1, 4, 2, 6, 11, 8, 6, 6, 11, 11, 11, 11],
         ["det", "nsubj", "prep", "det", "pobj", "punct", "parataxis", "compound", "nsubj", "punct", "aux", "ROOT",
          "acomp", "punct"],
         ["DT", "NN", "IN", "DT", "NN", ",", "VBD", "NNP", "NNP", ",", "MD", "VB", "JJ", "."],
         ["DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT", "VERB", "PROPN", "PROPN", "PUNCT", "AUX", "AUX", "ADJ", "PUNCT"],
         "Mr Milburn"),
        # The answer, argued Mr Howard, was lower taxes.  (the first subject's comma hung off it)
        (["The", "answer", ",", "argued", "Mr", "Howard", ",", "was", "lower", "taxes", "."],
         [1, 3, 1, 7, 5, 3, 3, 7, 9, 7, 7],
         ["det", "nsubj", "punct", "parataxis", "compound", "nsubj", "punct", "ROOT", "amod", "attr", "punct"],
         ["DT", "NN", ",", "VBD", "NNP", "NNP", ",", "VBD", "JJR", "NNS", "."],
         ["DET", "NOUN", "PUNCT", "VERB", "PROPN", "PROPN", "PUNCT", "AUX", "ADJ", "NOUN", "PUNCT"],
         "Mr Howard"),
        # The deal, the company said, would close.  (the cue the ROOT, the content its complement)
        (["The", "deal", ",", "the", "company", "said", ",", "would", "close", "."],
         [1, 5, 5, 4, 5, 5, 5, 8, 5, 5],
         ["det", "nsubj", "punct", "det", "nsubj", "ROOT", "punct", "aux", "ccomp", "punct"],
         ["DT", "NN", ",", "DT", "NN", "VBD", ",", "MD", "VB", "."],
         ["DET", "NOUN", "PUNCT", "DET", "NOUN", "VERB", "PUNCT", "AUX", "VERB", "PUNCT"],
         "the company"),
    ],
)
def test_a_cue_interrupting_its_content_leaves_the_contents_subject_in_the_content(words, heads, deps, tags, pos, speaker):
    d = doc(words, heads, deps, tags, pos)
    [candidate] = [c for c in find_in_sentence(d[:], 0) if c.anchor.text in ("said", "argued")]
    assert d.text[candidate.source.start : candidate.source.end] == speaker
    first = offsets_text(d, candidate.content)[0]
    assert first.startswith("The ") and speaker not in first


def test_a_name_set_before_its_role_after_a_quotation_is_part_of_the_speaker():
    # “We need trade,” Andrew Pendleton, Christian Aid's head, said.  (the parse makes the name an
    # adverbial of "said" and the role its subject)
    words = ["“", "We", "need", "trade", ",", "”", "Andrew", "Pendleton", ",", "Christian", "Aid", "'s", "head", ",",
             "said", "."]
    spaces = [False, True, True, False, False, True, True, False, True, True, False, True, False, True, False, False]
    heads = [14, 2, 14, 2, 14, 14, 7, 14, 14, 10, 12, 10, 14, 14, 14, 14]
    deps = ["punct", "nsubj", "ccomp", "dobj", "punct", "punct", "compound", "npadvmod", "punct", "compound", "poss",
            "case", "nsubj", "punct", "ROOT", "punct"]
    tags = ["``", "PRP", "VBP", "NN", ",", "''", "NNP", "NNP", ",", "NNP", "NNP", "POS", "NN", ",", "VBD", "."]
    pos = ["PUNCT", "PRON", "VERB", "NOUN", "PUNCT", "PUNCT", "PROPN", "PROPN", "PUNCT", "PROPN", "PROPN", "PART", "NOUN",
           "PUNCT", "VERB", "PUNCT"]
    d = doc(words, heads, deps, tags, pos, spaces)
    [candidate] = [c for c in find_in_sentence(d[:], 0) if c.anchor.text == "said"]
    assert d.text[candidate.source.start : candidate.source.end] == "Andrew Pendleton, Christian Aid's head"


@pytest.mark.parametrize(("words", "spaces", "heads", "deps", "tags", "pos", "source"), [
    # “The dollar will stay strong,” said Treasury Under Secretary John Taylor.  (a title stays whole
    # after an inverted cue)
    (["“", "The", "dollar", "will", "stay", "strong", ",", "”", "said", "Treasury", "Under", "Secretary", "John",
      "Taylor", "."],
     [False, True, True, True, True, False, False, True, True, True, True, True, True, False, False],
     [8, 2, 4, 4, 8, 4, 8, 8, 8, 8, 8, 13, 13, 10, 8],
     ["punct", "det", "nsubj", "aux", "ccomp", "acomp", "punct", "punct", "ROOT", "nsubj", "prep", "compound",
      "compound", "pobj", "punct"],
     ["``", "DT", "NN", "MD", "VB", "JJ", ",", "''", "VBD", "NNP", "IN", "NNP", "NNP", "NNP", "."],
     ["PUNCT", "DET", "NOUN", "AUX", "VERB", "ADJ", "PUNCT", "PUNCT", "VERB", "PROPN", "ADP", "PROPN", "PROPN",
      "PROPN", "PUNCT"],
     "Treasury Under Secretary John Taylor"),
    # Size, whose album won the Mercury Prize, said gun use was wrong.  (the parse made the clause the
    # complement of "said", with "Size" its subject, and "Mercury Prize" is the name right before the cue)
    (["Size", ",", "whose", "album", "won", "the", "Mercury", "Prize", ",", "said", "gun", "use", "was", "wrong",
      "."],
     [False, True, True, True, True, True, True, False, True, True, True, True, True, False, False],
     [4, 0, 3, 4, 9, 7, 7, 4, 4, 9, 11, 12, 9, 12, 9],
     ["nsubj", "punct", "poss", "nsubj", "ccomp", "det", "compound", "dobj", "punct", "ROOT", "compound", "nsubj",
      "ccomp", "acomp", "punct"],
     ["NNP", ",", "WP$", "NN", "VBD", "DT", "NNP", "NNP", ",", "VBD", "NN", "NN", "VBD", "JJ", "."],
     ["PROPN", "PUNCT", "DET", "NOUN", "VERB", "DET", "PROPN", "PROPN", "PUNCT", "VERB", "NOUN", "NOUN", "AUX",
      "ADJ", "PUNCT"],
     "Size"),
], ids=["a title after an inverted cue", "a name before a whose clause"])
def test_the_speaker_of_a_said_the_parse_misread(words, spaces, heads, deps, tags, pos, source):
    d = doc(words, heads, deps, tags, pos, spaces)
    [candidate] = [c for c in find_in_sentence(d[:], 0) if c.anchor.text == "said"]
    assert d.text[candidate.source.start : candidate.source.end] == source


def test_a_name_split_from_its_description_is_no_interrupted_content():
    # Rhian Price, Plaid Cymru spokesman said, in a statement, that it was wrong.  (two subjects, the
    # name and its description: one speaker, not a content the cue interrupts)
    words = ["Rhian", "Price", ",", "Plaid", "Cymru", "spokesman", "said", ",", "in", "a", "statement", ",", "that",
             "it", "was", "wrong", "."]
    spaces = [True, False, True, True, True, True, False, True, True, True, False, True, True, True, True, False, False]
    heads = [1, 6, 6, 4, 5, 6, 6, 6, 6, 10, 8, 6, 14, 14, 6, 14, 6]
    deps = ["compound", "nsubj", "punct", "compound", "compound", "nsubj", "ROOT", "punct", "prep", "det", "pobj",
            "punct", "mark", "nsubj", "ccomp", "acomp", "punct"]
    tags = ["NNP", "NNP", ",", "NNP", "NNP", "NN", "VBD", ",", "IN", "DT", "NN", ",", "IN", "PRP", "VBD", "JJ", "."]
    pos = ["PROPN", "PROPN", "PUNCT", "PROPN", "PROPN", "NOUN", "VERB", "PUNCT", "ADP", "DET", "NOUN", "PUNCT", "SCONJ",
           "PRON", "AUX", "ADJ", "PUNCT"]
    d = doc(words, heads, deps, tags, pos, spaces)
    [candidate] = [c for c in find_in_sentence(d[:], 0) if c.anchor.text == "said"]
    assert offsets_text(d, candidate.content) == ["that it was wrong"]
    assert d.text[candidate.source.start : candidate.source.end] == "Rhian Price, Plaid Cymru spokesman"


@pytest.mark.parametrize("words, heads, deps, tags, pos, cue", [
    (  # He went on to say the plan failed.  (the parse makes "to say" an adverbial clause)
        ["He", "went", "on", "to", "say", "the", "plan", "failed", "."],
        [1, 1, 1, 4, 1, 6, 7, 4, 1],
        ["nsubj", "ROOT", "prt", "aux", "advcl", "det", "nsubj", "ccomp", "punct"],
        ["PRP", "VBD", "RP", "TO", "VB", "DT", "NN", "VBD", "."],
        ["PRON", "VERB", "ADP", "PART", "VERB", "DET", "NOUN", "VERB", "PUNCT"],
        "went on to say",
    ),
    (  # She responded first by saying the plan failed.
        ["She", "responded", "first", "by", "saying", "the", "plan", "failed", "."],
        [1, 1, 1, 1, 3, 6, 7, 4, 1],
        ["nsubj", "ROOT", "advmod", "prep", "pcomp", "det", "nsubj", "ccomp", "punct"],
        ["PRP", "VBD", "RB", "IN", "VBG", "DT", "NN", "VBD", "."],
        ["PRON", "VERB", "ADV", "ADP", "VERB", "DET", "NOUN", "VERB", "PUNCT"],
        "responded first by saying",
    ),
])
def test_the_verb_a_cue_continues_or_says_how_is_part_of_the_cue(words, heads, deps, tags, pos, cue):
    d = doc(words, heads, deps, tags, pos)
    [candidate] = [c for c in find_in_sentence(d[:], 0) if c.content]
    assert " ".join(offsets_text(d, candidate.cue)) == cue
    assert offsets_text(d, candidate.content) == ["the plan failed"]
    assert d.text[candidate.source.start : candidate.source.end] in ("He", "She")


def test_a_verb_with_its_object_before_by_doing_stays_out_of_the_cue():
    # He won the race by saying the plan failed.  ("won the race" is no part of how he spoke)
    words = ["He", "won", "the", "race", "by", "saying", "the", "plan", "failed", "."]
    heads = [1, 1, 3, 1, 1, 4, 7, 8, 5, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "prep", "pcomp", "det", "nsubj", "ccomp", "punct"]
    tags = ["PRP", "VBD", "DT", "NN", "IN", "VBG", "DT", "NN", "VBD", "."]
    pos = ["PRON", "VERB", "DET", "NOUN", "ADP", "VERB", "DET", "NOUN", "VERB", "PUNCT"]
    d = doc(words, heads, deps, tags, pos)
    [candidate] = [c for c in find_in_sentence(d[:], 0) if c.content]
    assert offsets_text(d, candidate.cue) == ["saying"]


@pytest.mark.parametrize("verb, cue", [
    ("released", "released a statement Wednesday , saying"),  # PolNeAR: the issuing verb is in the cue
    ("criticized", "saying"),  # a statement criticized is no medium of the speaker's
])
def test_a_participle_after_a_statement_and_a_date_is_cued_from_the_issuing_verb(verb, cue):
    # The campaign released a statement Wednesday, saying the plan failed.  (the parse hangs
    # "saying" off the verb, not the statement, once a date stands between them)
    words = ["The", "campaign", verb, "a", "statement", "Wednesday", ",", "saying", "the", "plan", "failed", "."]
    heads = [1, 2, 2, 4, 2, 2, 2, 2, 9, 10, 7, 2]
    deps = ["det", "nsubj", "ROOT", "det", "dobj", "npadvmod", "punct", "advcl", "det", "nsubj", "ccomp", "punct"]
    tags = ["DT", "NN", "VBD", "DT", "NN", "NNP", ",", "VBG", "DT", "NN", "VBD", "."]
    pos = ["DET", "NOUN", "VERB", "DET", "NOUN", "PROPN", "PUNCT", "VERB", "DET", "NOUN", "VERB", "PUNCT"]
    d = doc(words, heads, deps, tags, pos)
    [saying] = [c for c in find_in_sentence(d[:], 0) if c.anchor.text == "saying"]
    assert " ".join(offsets_text(d, saying.cue)) == cue
    assert offsets_text(d, saying.content) == ["the plan failed"]
    assert d.text[saying.source.start : saying.source.end] == "The campaign"


def test_a_second_statement_the_parse_makes_a_second_complement_ends_the_first():
    # Half said Clinton is honest, and most said the same.  (the parse: both clauses complements of "said")
    words = ["Half", "said", "Clinton", "is", "honest", ",", "and", "most", "said", "the", "same", "."]
    heads = [1, 1, 3, 1, 3, 3, 3, 8, 1, 10, 8, 1]
    deps = ["nsubj", "ROOT", "nsubj", "ccomp", "acomp", "punct", "cc", "nsubj", "ccomp", "det", "dobj", "punct"]
    tags = ["NN", "VBD", "NNP", "VBZ", "JJ", ",", "CC", "JJS", "VBD", "DT", "JJ", "."]
    pos = ["NOUN", "VERB", "PROPN", "AUX", "ADJ", "PUNCT", "CCONJ", "ADJ", "VERB", "DET", "ADJ", "PUNCT"]
    d = doc(words, heads, deps, tags, pos)
    [first] = [c for c in find_in_sentence(d[:], 0) if c.anchor.i == 1]
    assert offsets_text(d, first.content) == ["Clinton is honest"]


@pytest.mark.parametrize("ent_end", [4, 6])
def test_a_persons_name_the_ner_ran_on_into_where_she_is_from_ends_before_it(ent_end):
    from onrecord.speakers.ner import name_the_ner_cut

    # "while Nora Vell of The Courier still thinks …", the NER's person "Nora Vell of" or
    # "Nora Vell of The Courier"
    words = ["while", "Nora", "Vell", "of", "The", "Courier", "still", "thinks"]
    d = doc(words, [7, 2, 7, 2, 5, 3, 7, 7], ["mark", "compound", "nsubj", "prep", "det", "pobj", "advmod", "ROOT"],
            ["IN", "NNP", "NNP", "IN", "DT", "NNP", "RB", "VBZ"], ["SCONJ", "PROPN", "PROPN", "ADP", "DET", "PROPN", "ADV", "VERB"])
    d.ents = [Span(d, 1, ent_end, label="PERSON")]
    [person] = d.ents
    assert name_the_ner_cut(person).text == "Nora Vell"
    d.ents = [Span(d, 1, 3, label="PERSON"), Span(d, 5, 6, label="ORG")]
    for whole in d.ents:
        assert name_the_ner_cut(whole) is whole


@pytest.mark.parametrize(
    "words, heads, deps, tags, pos, span, trade",
    [
        (["the", "software", "giant", "said"], [2, 2, 3, 3], ["det", "compound", "nsubj", "ROOT"],
         ["DT", "NN", "NN", "VBD"], ["DET", "NOUN", "NOUN", "VERB"], (0, 3), True),
        (["the", "parent", "company", "said"], [2, 2, 3, 3], ["det", "compound", "nsubj", "ROOT"],
         ["DT", "NN", "NN", "VBD"], ["DET", "NOUN", "NOUN", "VERB"], (0, 3), False),
        # "Ostrava-Tec, the international mining company, which …": set beside a name the NER missed
        (["Ostrava-Tec", ",", "the", "international", "mining", "company", ","], [0, 0, 5, 5, 5, 0, 0],
         ["ROOT", "punct", "det", "amod", "compound", "appos", "punct"], ["NNP", ",", "DT", "JJ", "NN", "NN", ","],
         ["PROPN", "PUNCT", "DET", "ADJ", "NOUN", "NOUN", "PUNCT"], (2, 6), False),
    ],
)
def test_a_business_description_of_its_trade_alone(words, heads, deps, tags, pos, span, trade):
    from onrecord.speakers.mentions import of_a_trade

    d = doc(words, heads, deps, tags, pos)
    assert of_a_trade(d[span[0] : span[1]]) is trade


def test_a_place_run_into_a_name_before_its_honorific_is_no_role():
    # "the deal with Vietnam Ms Corrie said": the NER reads "Vietnam Ms Corrie" as one organization;
    # the person is Ms Corrie, and the place before the honorific describes no one
    from onrecord.speakers.descriptions import description_of
    from onrecord.speakers.ner import person_inside

    words = ["the", "deal", "with", "Vietnam", "Ms", "Corrie", "said"]
    heads = [1, 6, 1, 5, 5, 2, 6]
    deps = ["det", "nsubj", "prep", "compound", "compound", "pobj", "ROOT"]
    tags = ["DT", "NN", "IN", "NNP", "NNP", "NNP", "VBD"]
    pos = ["DET", "NOUN", "ADP", "PROPN", "PROPN", "PROPN", "VERB"]
    d = doc(words, heads, deps, tags, pos)
    d.ents = [Span(d, 3, 6, label="ORG")]
    person = person_inside(d.ents[0])
    assert (person.text, person.label_) == ("Ms Corrie", "PERSON")
    assert description_of(person) is None
    # a doctor's title may end a firm's name: only "Mr", "Mrs", "Ms", "Miss" start a person there
    firm = doc(["Cadbury", "Schweppes", "Dr", "Pepper"], [1, 3, 3, 3], ["compound", "compound", "compound", "ROOT"],
               ["NNP"] * 4, ["PROPN"] * 4)
    firm.ents = [Span(firm, 0, 4, label="ORG")]
    assert person_inside(firm.ents[0]) is None


@pytest.mark.parametrize(
    "lead, content",
    [
        # a phrase that says when or where is no piece of the quotation after the cue
        (["Later"], ["“We never promised it.”"]),
        # a topic is (PolNeAR keeps "Of the scrutiny over …" in the content)
        (["Of", "the", "plan"], ["Of the plan", "“We never promised it.”"]),
    ],
)
def test_a_phrase_before_the_cue_is_a_piece_of_the_quotation_after_it_only_as_a_topic(lead, content):
    # <lead>, she said, “We never promised it.”  (the parse: said as parataxis of
    # "promised", the lead a modifier of it)
    n = len(lead)
    words = lead + [",", "she", "said", ",", "“", "We", "never", "promised", "it", ".", "”"]
    promised = n + 7
    lead_heads = [promised] if n == 1 else [promised, 2, 0]
    lead_deps = ["advmod"] if n == 1 else ["prep", "det", "pobj"]
    lead_tags = ["RB"] if n == 1 else ["IN", "DT", "NN"]
    lead_pos = ["ADV"] if n == 1 else ["ADP", "DET", "NOUN"]
    heads = lead_heads + [n + 2, n + 2, promised, n + 2, promised, promised, promised, promised, promised, promised, promised]
    deps = lead_deps + ["punct", "nsubj", "parataxis", "punct", "punct", "nsubj", "neg", "ROOT", "dobj", "punct", "punct"]
    tags = lead_tags + [",", "PRP", "VBD", ",", "``", "PRP", "RB", "VBD", "PRP", ".", "''"]
    pos = lead_pos + ["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "PRON", "ADV", "VERB", "PRON", "PUNCT", "PUNCT"]
    spaces = [True] * (n - 1) + [False, True, True, False, True, False, True, True, True, False, False, False]
    d = doc(words, heads, deps, tags, pos, spaces)
    [said] = [c for c in find_in_sentence(d[:], 0) if offsets_text(d, c.cue) == ["said"]]
    assert offsets_text(d, said.content) == content


def test_an_age_the_parse_hung_off_a_subjectless_cue_is_its_speaker():
    # The 31-year-old insisted he was innocent.  (the parse: "The" and "old" both modifiers of
    # "insisted", which has no subject)
    words = ["The", "31", "-", "year", "-", "old", "insisted", "he", "was", "innocent", "."]
    heads = [6, 3, 3, 5, 5, 6, 6, 8, 6, 8, 6]
    deps = ["det", "nummod", "punct", "npadvmod", "punct", "amod", "ROOT", "nsubj", "ccomp", "acomp", "punct"]
    tags = ["DT", "CD", "HYPH", "NN", "HYPH", "JJ", "VBD", "PRP", "VBD", "JJ", "."]
    pos = ["DET", "NUM", "PUNCT", "NOUN", "PUNCT", "ADJ", "VERB", "PRON", "AUX", "ADJ", "PUNCT"]
    spaces = [True, False, False, False, False, True, True, True, True, False, False]
    d = doc(words, heads, deps, tags, pos, spaces)
    [insisted] = [c for c in find_in_sentence(d[:], 0) if offsets_text(d, c.cue) == ["insisted"]]
    assert d.text[insisted.source.start : insisted.source.end] == "The 31-year-old"


def test_a_content_over_a_paragraph_break_is_a_fragment_on_each_side():
    from onrecord.attribution.assemble import _paragraph_pieces

    text = "The council plans to cut fares for students \n - open two new routes\n\nand stop the tram."
    pieces = _paragraph_pieces(text, (21, len(text)))
    assert [text[a:b] for a, b in pieces] == ["cut fares for students", "- open two new routes", "and stop the tram."]
    assert _paragraph_pieces(text, (21, 43)) == [(21, 43)]


def test_the_pronoun_a_side_is_taken_with_is_the_content_of_a_stance_verb():
    # Sanders backed them.  /  Sanders told them.  (a side taken; a person addressed)
    for verb, expected in (("backed", ["them"]), ("told", None)):
        words = ["Sanders", verb, "them", "."]
        d = doc(words, [1, 1, 1, 1], ["nsubj", "ROOT", "dobj", "punct"], ["NNP", "VBD", "PRP", "."],
                ["PROPN", "VERB", "PRON", "PUNCT"], [True, True, False, False])
        found = [c for c in find_in_sentence(d[:], 0) if c.anchor.text == verb and c.content]
        assert [offsets_text(d, c.content) for c in found] == ([expected] if expected else [])
        if expected:
            assert d.text[found[0].source.start : found[0].source.end] == "Sanders"


@pytest.mark.parametrize("verb, preposition, content", [("spoke", "to", None), ("spoke", "about", "the deficit")])
def test_whom_someone_spoke_to_is_no_content(verb, preposition, content):
    # Jane Smith spoke to reporters on Monday.  ("to" says whom; "about" what)
    words = ["Jane", "Smith", verb, preposition, "reporters" if content is None else "the", *(
        [] if content is None else ["deficit"]), "on", "Monday", "."]
    if content is None:
        heads = [1, 2, 2, 2, 3, 2, 5, 2]
        deps = ["compound", "nsubj", "ROOT", "prep", "pobj", "prep", "pobj", "punct"]
        tags = ["NNP", "NNP", "VBD", "IN", "NNS", "IN", "NNP", "."]
        pos = ["PROPN", "PROPN", "VERB", "ADP", "NOUN", "ADP", "PROPN", "PUNCT"]
    else:
        heads = [1, 2, 2, 2, 5, 3, 2, 6, 2]
        deps = ["compound", "nsubj", "ROOT", "prep", "det", "pobj", "prep", "pobj", "punct"]
        tags = ["NNP", "NNP", "VBD", "IN", "DT", "NN", "IN", "NNP", "."]
        pos = ["PROPN", "PROPN", "VERB", "ADP", "DET", "NOUN", "ADP", "PROPN", "PUNCT"]
    d = doc(words, heads, deps, tags, pos)
    found = [offsets_text(d, c.content) for c in find_in_sentence(d[:], 0) if c.content]
    if content is None:
        assert found == []
    else:
        assert len(found) == 1 and found[0][0].startswith(content)


def test_a_verb_conjoined_inside_a_complement_is_a_second_statement():
    # He called it "shameful" and called on leaders "not to feed that impulse."
    # (the parse hangs the second "called" off "shameful", the first one's complement)
    words = ["He", "called", "it", '"', "shameful", '"', "and", "called", "on", "leaders", '"', "not", "to", "feed",
             "that", "impulse", ".", '"']
    spaces = [True, True, True, False, False, True, True, True, True, True, False, True, True, True, True, False,
              False, False]
    heads = [1, 1, 1, 4, 1, 4, 4, 4, 7, 8, 7, 13, 13, 7, 15, 13, 1, 1]
    deps = ["nsubj", "ROOT", "dobj", "punct", "oprd", "punct", "cc", "conj", "prep", "pobj", "punct", "neg", "aux",
            "xcomp", "det", "dobj", "punct", "punct"]
    tags = ["PRP", "VBD", "PRP", "``", "JJ", "''", "CC", "VBD", "IN", "NNS", "``", "RB", "TO", "VB", "DT", "NN", ".",
            "''"]
    pos = ["PRON", "VERB", "PRON", "PUNCT", "ADJ", "PUNCT", "CCONJ", "VERB", "ADP", "NOUN", "PUNCT", "PART", "PART",
           "VERB", "DET", "NOUN", "PUNCT", "PUNCT"]
    d = doc(words, heads, deps, tags, pos, spaces)
    first = next(c for c in find_in_sentence(d[:], 0) if c.anchor.i == 1)
    assert offsets_text(d, first.content) == ['it "shameful"']


def test_a_participle_conjoined_inside_a_complement_stays_in_it():
    # He described the ban as "ridiculous" and "badly thought out".
    # (a past participle conjoined to the complement is more of it, no second statement)
    words = ["He", "described", "the", "ban", "as", '"', "ridiculous", '"', "and", '"', "badly", "thought", "out",
             '"', "."]
    spaces = [True, True, True, True, True, False, False, True, True, False, True, True, False, False, False]
    heads = [1, 1, 3, 1, 1, 6, 4, 6, 6, 11, 11, 6, 11, 11, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "prep", "punct", "pobj", "punct", "cc", "punct", "advmod", "conj", "prt",
            "punct", "punct"]
    tags = ["PRP", "VBD", "DT", "NN", "IN", "``", "JJ", "''", "CC", "``", "RB", "VBN", "RP", "''", "."]
    pos = ["PRON", "VERB", "DET", "NOUN", "ADP", "PUNCT", "ADJ", "PUNCT", "CCONJ", "PUNCT", "ADV", "VERB", "ADP",
           "PUNCT", "PUNCT"]
    d = doc(words, heads, deps, tags, pos, spaces)
    [candidate] = [c for c in find_in_sentence(d[:], 0) if c.anchor.i == 1]
    assert offsets_text(d, candidate.content) == ['the ban as "ridiculous" and "badly thought out"']


@pytest.mark.parametrize("tail", [[], ["after", "the", "game"]])
def test_a_team_and_role_the_tagger_read_as_a_subject_and_its_verb_are_the_speakers(tail):
    # “It was close,” said Canucks goalie Thatcher Demko (after the game).  (the parse: "Canucks"
    # the subject of a verb "goalie" whose object is the name; the speaker ends at the name)
    words = ["“", "It", "was", "close", ",", "”", "said", "Canucks", "goalie", "Thatcher", "Demko", *tail, "."]
    spaces = [False, True, True, False, False, True, True, True, True, True, bool(tail), True, True, False, False]
    heads = [6, 2, 6, 2, 6, 6, 6, 8, 6, 10, 8, *([8, 13, 11] if tail else []), 6]
    deps = ["punct", "nsubj", "ccomp", "acomp", "punct", "punct", "ROOT", "nsubj", "ccomp", "compound", "dobj",
            *(["prep", "det", "pobj"] if tail else []), "punct"]
    tags = ["``", "PRP", "VBD", "JJ", ",", "''", "VBD", "NNS", "VBP", "NNP", "NNP", *(["IN", "DT", "NN"] if tail else []),
            "."]
    pos = ["PUNCT", "PRON", "AUX", "ADJ", "PUNCT", "PUNCT", "VERB", "NOUN", "VERB", "PROPN", "PROPN",
           *(["ADP", "DET", "NOUN"] if tail else []), "PUNCT"]
    d = doc(words, heads, deps, tags, pos, spaces[: len(words)])
    [candidate] = [c for c in find_in_sentence(d[:], 0) if c.anchor.text == "said"]
    assert d.text[candidate.source.start : candidate.source.end] == "Canucks goalie Thatcher Demko"


def test_a_cue_and_speaker_set_off_by_commas_inside_what_was_said():
    # Often, said Mr Pearson, the data was sold.  (the parse hangs the clause after off the name as
    # a relative clause: read from the words, the speaker is between the commas)
    words = ["Often", ",", "said", "Mr", "Pearson", ",", "the", "data", "was", "sold", "."]
    spaces = [False, True, True, True, False, True, True, True, True, False, False]
    heads = [2, 2, 2, 4, 2, 4, 7, 9, 9, 4, 2]
    deps = ["advmod", "punct", "ROOT", "compound", "nsubj", "punct", "det", "nsubjpass", "auxpass", "relcl", "punct"]
    tags = ["RB", ",", "VBD", "NNP", "NNP", ",", "DT", "NNS", "VBD", "VBN", "."]
    pos = ["ADV", "PUNCT", "VERB", "PROPN", "PROPN", "PUNCT", "DET", "NOUN", "AUX", "VERB", "PUNCT"]
    d = doc(words, heads, deps, tags, pos, spaces)
    [candidate] = list(find_in_sentence(d[:], 0))
    assert offsets_text(d, candidate.content) == ["Often", "the data was sold"]
    assert offsets_text(d, candidate.cue) == ["said"]
    assert d.text[candidate.source.start : candidate.source.end] == "Mr Pearson"


def test_a_name_set_off_after_its_cue_and_a_relative_clause_stay_the_parses():
    # "…," said Mr Pearson, who runs the firm.  (what follows the second comma is about the speaker)
    words = ["Often", ",", "said", "Mr", "Pearson", ",", "who", "runs", "the", "firm", "."]
    spaces = [False, True, True, True, False, True, True, True, True, False, False]
    heads = [2, 2, 2, 4, 2, 4, 7, 4, 9, 7, 2]
    deps = ["advmod", "punct", "ROOT", "compound", "nsubj", "punct", "nsubj", "relcl", "det", "dobj", "punct"]
    tags = ["RB", ",", "VBD", "NNP", "NNP", ",", "WP", "VBZ", "DT", "NN", "."]
    pos = ["ADV", "PUNCT", "VERB", "PROPN", "PROPN", "PUNCT", "PRON", "VERB", "DET", "NOUN", "PUNCT"]
    d = doc(words, heads, deps, tags, pos, spaces)
    assert not any("who runs" in text for c in find_in_sentence(d[:], 0) for text in offsets_text(d, c.content))


def test_a_second_subject_after_a_name_describes_it_only_where_both_are_the_cues():
    from onrecord.attribution.subjects import split_description

    # "…," said Alex Hilton, licence manager.  (both subjects of "said": the role is the name's)
    words = ['"', "Yes", ",", '"', "said", "Alex", "Hilton", ",", "licence", "manager", "."]
    heads = [4, 4, 4, 4, 4, 6, 4, 4, 9, 4, 4]
    deps = ["punct", "intj", "punct", "punct", "ROOT", "compound", "nsubj", "punct", "compound", "nsubj", "punct"]
    tags = ["``", "UH", ",", "''", "VBD", "NNP", "NNP", ",", "NN", "NN", "."]
    pos = ["PUNCT", "INTJ", "PUNCT", "PUNCT", "VERB", "PROPN", "PROPN", "PUNCT", "NOUN", "NOUN", "PUNCT"]
    d = doc(words, heads, deps, tags, pos)
    assert split_description(d[6]).text == "manager"
    # Instead, said Mr Doctorow, systems were built.  (both subjects of what was said)
    words = ["Instead", ",", "said", "Mr", "Doctorow", ",", "systems", "were", "built", "."]
    heads = [2, 2, 2, 4, 8, 4, 8, 8, 2, 2]
    deps = ["advmod", "punct", "ROOT", "compound", "nsubjpass", "punct", "nsubjpass", "auxpass", "ccomp", "punct"]
    tags = ["RB", ",", "VBD", "NNP", "NNP", ",", "NNS", "VBD", "VBN", "."]
    pos = ["ADV", "PUNCT", "VERB", "PROPN", "PROPN", "PUNCT", "NOUN", "AUX", "VERB", "PUNCT"]
    d = doc(words, heads, deps, tags, pos)
    assert split_description(d[4]) is None
    # (and the cue's content: what was said after the speaker, without the link before it)
    [candidate] = list(find_in_sentence(d[:], 0))
    assert offsets_text(d, candidate.content) == ["systems were built"]
    assert d.text[candidate.source.start : candidate.source.end] == "Mr Doctorow"


def test_a_clause_the_parse_hung_under_a_cues_object_is_what_was_said():
    # Analysts said one way to fund it was a weak dollar.  ("one" the object, "was" deep under it)
    words = ["Analysts", "said", "one", "way", "to", "fund", "it", "was", "a", "weak", "dollar", "."]
    heads = [1, 1, 1, 2, 5, 3, 7, 5, 10, 10, 7, 1]
    deps = ["nsubj", "ROOT", "dobj", "pobj", "aux", "relcl", "nsubj", "ccomp", "det", "amod", "attr", "punct"]
    tags = ["NNS", "VBD", "CD", "NN", "TO", "VB", "PRP", "VBD", "DT", "JJ", "NN", "."]
    pos = ["NOUN", "VERB", "NUM", "NOUN", "PART", "VERB", "PRON", "AUX", "DET", "ADJ", "NOUN", "PUNCT"]
    d = doc(words, heads, deps, tags, pos)
    [candidate] = list(find_in_sentence(d[:], 0))
    assert offsets_text(d, candidate.content) == ["one way to fund it was a weak dollar"]
    assert d.text[candidate.source.start : candidate.source.end] == "Analysts"


def test_a_statement_that_opens_with_an_adverbial_clause_of_its_own_is_what_was_said():
    # Although sales fell, the market is recovering, Shore said.  (the clause's first word is the
    # mark of the adverbial clause inside it, not the clause's own: it is no "said … after …")
    words = ["Although", "sales", "fell", ",", "the", "market", "is", "recovering", ",", "Shore", "said", "."]
    spaces = [True, True, False, True, True, True, True, False, True, True, False, False]
    heads = [2, 2, 7, 7, 5, 7, 7, 10, 10, 10, 10, 10]
    deps = ["mark", "nsubj", "advcl", "punct", "det", "nsubj", "aux", "ccomp", "punct", "nsubj", "ROOT", "punct"]
    tags = ["IN", "NNS", "VBD", ",", "DT", "NN", "VBZ", "VBG", ",", "NNP", "VBD", "."]
    pos = ["SCONJ", "NOUN", "VERB", "PUNCT", "DET", "NOUN", "AUX", "VERB", "PUNCT", "PROPN", "VERB", "PUNCT"]
    d = doc(words, heads, deps, tags, pos, spaces)
    [candidate] = list(find_in_sentence(d[:], 0))
    assert offsets_text(d, candidate.content) == ["Although sales fell, the market is recovering"]
    assert d.text[candidate.source.start : candidate.source.end] == "Shore"


def test_a_clause_after_an_adverbial_one_with_no_comma_between_stays_out_of_the_content():
    # Firms say it helps, while others fear it hurts The EC says it acts.  (a lost full stop: the
    # parse hangs "The EC says" off "say" with "while …" as its first words; it is no content of "say")
    words = ["Firms", "say", "it", "helps", ",", "while", "others", "fear", "it", "hurts", "The", "EC", "says", "it",
             "acts", "."]
    spaces = [True, True, True, False, True, True, True, True, True, True, True, True, True, True, False, False]
    heads = [1, 1, 3, 1, 1, 7, 7, 12, 9, 7, 11, 12, 1, 14, 12, 1]
    deps = ["nsubj", "ROOT", "nsubj", "ccomp", "punct", "mark", "nsubj", "advcl", "nsubj", "ccomp", "det", "nsubj",
            "ccomp", "nsubj", "ccomp", "punct"]
    tags = ["NNS", "VBP", "PRP", "VBZ", ",", "IN", "NNS", "VBP", "PRP", "VBZ", "DT", "NNP", "VBZ", "PRP", "VBZ", "."]
    pos = ["NOUN", "VERB", "PRON", "VERB", "PUNCT", "SCONJ", "NOUN", "VERB", "PRON", "VERB", "DET", "PROPN", "VERB",
           "PRON", "VERB", "PUNCT"]
    d = doc(words, heads, deps, tags, pos, spaces)
    say = next(c for c in find_in_sentence(d[:], 0) if c.anchor.text == "say")
    assert offsets_text(d, say.content) == ["it helps"]


def test_a_name_between_a_closing_mark_and_a_cue_the_parse_put_inside_the_quotation_speaks():
    # “We wanted a rest,” Nigel Mell told the Echo.  (the parse: "told" a clause of "wanted", the
    # quotation's "rest" its subject and the name that noun's apposition)
    words = ["“", "We", "wanted", "a", "rest", ",", "”", "Nigel", "Mell", "told", "the", "Echo", "."]
    spaces = [False, True, True, True, False, False, True, True, True, True, True, False, False]
    heads = [2, 2, 2, 4, 9, 4, 4, 8, 4, 2, 11, 9, 2]
    deps = ["punct", "nsubj", "ROOT", "det", "nsubj", "punct", "punct", "compound", "appos", "ccomp", "det", "dobj",
            "punct"]
    tags = ["``", "PRP", "VBD", "DT", "NN", ",", "''", "NNP", "NNP", "VBD", "DT", "NNP", "."]
    pos = ["PUNCT", "PRON", "VERB", "DET", "NOUN", "PUNCT", "PUNCT", "PROPN", "PROPN", "VERB", "DET", "PROPN", "PUNCT"]
    d = doc(words, heads, deps, tags, pos, spaces)
    told = next(c for c in find_in_sentence(d[:], 0) if c.anchor.text == "told")
    assert d.text[told.source.start : told.source.end] == "Nigel Mell"


@pytest.mark.parametrize(
    ("words", "heads", "deps", "tags", "pos", "content"),
    [
        # 46 percent of voters said yes.  (a one-word answer is what was said, as PolNeAR marks it)
        (["46", "percent", "of", "voters", "said", "yes", "."], [1, 4, 1, 2, 4, 4, 4],
         ["nummod", "nsubj", "prep", "pobj", "ROOT", "intj", "punct"], ["CD", "NN", "IN", "NNS", "VBD", "UH", "."],
         ["NUM", "NOUN", "ADP", "NOUN", "VERB", "INTJ", "PUNCT"], ["yes"]),
        # The council said no to the plan.  (an answer with more to it is no one-word answer)
        (["The", "council", "said", "no", "to", "the", "plan", "."], [1, 2, 2, 2, 2, 6, 4, 2],
         ["det", "nsubj", "ROOT", "dobj", "prep", "det", "pobj", "punct"], ["DT", "NN", "VBD", "DT", "IN", "DT", "NN", "."],
         ["DET", "NOUN", "VERB", "DET", "ADP", "DET", "NOUN", "PUNCT"], None),
    ],
)
def test_a_one_word_answer_after_a_cue_is_what_was_said(words, heads, deps, tags, pos, content):
    d = doc(words, heads, deps, tags, pos)
    said = [c for c in find_in_sentence(d[:], 0) if c.anchor.text == "said"]
    contents = [offsets_text(d, c.content) for c in said]
    if content is None:
        assert ["no"] not in contents
    else:
        assert contents == [content]
        assert d.text[said[0].source.start : said[0].source.end] == " ".join(words[:4])


def test_what_a_relative_clause_calls_its_antecedent_is_said_around_its_cue():
    # He opposed the boards, which he called "a cartel" .  (the pronoun is the object before the cue)
    words = ["He", "opposed", "the", "boards", ",", "which", "he", "called", '"', "a", "cartel", '"', "."]
    spaces = [True, True, True, False, True, True, True, True, False, True, False, False, False]
    heads = [1, 1, 3, 1, 3, 7, 7, 3, 10, 10, 7, 10, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "punct", "dobj", "nsubj", "relcl", "punct", "det", "oprd", "punct", "punct"]
    tags = ["PRP", "VBD", "DT", "NNS", ",", "WDT", "PRP", "VBD", "``", "DT", "NN", "''", "."]
    pos = ["PRON", "VERB", "DET", "NOUN", "PUNCT", "PRON", "PRON", "VERB", "PUNCT", "DET", "NOUN", "PUNCT", "PUNCT"]
    d = doc(words, heads, deps, tags, pos, spaces)
    [called] = [c for c in find_in_sentence(d[:], 0) if c.anchor.text == "called"]
    assert offsets_text(d, called.content) == ["which", '"a cartel"']
    assert d.text[called.source.start : called.source.end] == "he"


def test_a_relative_clause_with_nothing_after_its_cue_calls_nothing():
    # He sold the house, which he bought .  (no complement: no statement)
    words = ["He", "sold", "the", "house", ",", "which", "he", "bought", "."]
    heads = [1, 1, 3, 1, 3, 7, 7, 3, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "punct", "dobj", "nsubj", "relcl", "punct"]
    tags = ["PRP", "VBD", "DT", "NN", ",", "WDT", "PRP", "VBD", "."]
    pos = ["PRON", "VERB", "DET", "NOUN", "PUNCT", "PRON", "PRON", "VERB", "PUNCT"]
    from onrecord.attribution.verbal import _named_by_a_relative
    d = doc(words, heads, deps, tags, pos)
    assert _named_by_a_relative(d[7]) is None


@pytest.mark.parametrize(("mark", "spoken"), [(",", [(["answers"], "Bozell")]), (".", [])])
def test_a_paragraph_opening_quotation_that_a_name_and_verb_speak_is_theirs_not_the_last_speakers(mark, spoken):
    # “Is it over?” he asks.  /  “We lost badly. Not a single seat,” Bozell answers.
    # (the parse makes "Bozell" a compound of "answers", so no cue rule takes the sentence, and
    # the quotation opening its paragraph looked like the last speaker going on); a full stop
    # before the closing mark ends the sentence, and the quotation goes on with "he"
    words = ["“", "Is", "it", "over", "?", "”", "he", "asks", ".", "\n\n",
             "“", "We", "lost", "badly", ".", "Not", "a", "single", "seat", mark, "”", "Bozell", "answers", "."]
    spaces = [False, True, True, False, False, True, True, False, False, False,
              False, True, True, False, True, True, True, True, False, False, True, True, False, False]
    heads = [1, 7, 1, 1, 1, 1, 7, 7, 7, 8,
             12, 12, 12, 12, 12, 18, 18, 18, 22, 22, 22, 22, 22, 22]
    deps = ["punct", "ccomp", "nsubj", "advmod", "punct", "punct", "nsubj", "ROOT", "punct", "dep",
            "punct", "nsubj", "ROOT", "advmod", "punct", "neg", "det", "amod", "npadvmod", "punct", "punct",
            "compound", "ROOT", "punct"]
    tags = ["``", "VBZ", "PRP", "RP", ".", "''", "PRP", "VBZ", ".", "_SP",
            "``", "PRP", "VBD", "RB", ".", "RB", "DT", "JJ", "NN", ",", "''", "NNP", "VBZ", "."]
    pos = ["PUNCT", "AUX", "PRON", "ADP", "PUNCT", "PUNCT", "PRON", "VERB", "PUNCT", "SPACE",
           "PUNCT", "PRON", "VERB", "ADV", "PUNCT", "PART", "DET", "ADJ", "NOUN", "PUNCT", "PUNCT",
           "PROPN", "VERB", "PUNCT"]
    d = doc(words, heads, deps, tags, pos, spaces)
    found = article_attributions(d)
    quotation = f"“We lost badly. Not a single seat{mark}”"
    answered = [c for c in found if offsets_text(d, c.content) == [quotation] and c.source is not None]
    assert [(offsets_text(d, c.cue), d.text[c.source.start : c.source.end]) for c in answered] == spoken
    assert [offsets_text(d, c.content) for c in found].count([quotation]) == 1


@pytest.mark.parametrize(("words", "heads", "deps", "tags", "pos", "content"), [
    # "said the days of print are gone": the parse hung the clause's subject on the cue
    (["Hemsley", "said", "the", "days", "of", "print", "are", "gone", "."], [1, 1, 3, 1, 3, 4, 7, 1, 1],
     ["nsubj", "ROOT", "det", "npadvmod", "prep", "pobj", "auxpass", "ccomp", "punct"],
     ["NNP", "VBD", "DT", "NNS", "IN", "NN", "VBP", "VBN", "."],
     ["PROPN", "VERB", "DET", "NOUN", "ADP", "NOUN", "AUX", "VERB", "PUNCT"], "the days of print are gone"),
    # but whom a cue speaks to is no subject of what it says
    (["Abbott", "told", "the", "President", "come", "and", "take", "it", "."], [1, 1, 3, 1, 1, 4, 4, 6, 1],
     ["nsubj", "ROOT", "det", "dobj", "ccomp", "cc", "conj", "dobj", "punct"],
     ["NNP", "VBD", "DT", "NNP", "VB", "CC", "VB", "PRP", "."],
     ["PROPN", "VERB", "DET", "PROPN", "VERB", "CCONJ", "VERB", "PRON", "PUNCT"], "come and take it"),
])
def test_a_subject_the_parse_hung_on_the_cue_opens_the_subjectless_clause_after_it(words, heads, deps, tags, pos,
                                                                                    content):
    d = doc(words, heads, deps, tags, pos)
    [candidate] = [c for c in find_in_sentence(d[:], 0) if c.anchor.text in ("said", "told")]
    assert offsets_text(d, candidate.content) == [content]


def test_a_speaker_before_a_who_clause_the_parse_made_the_subject_of_the_clause_after_the_cue():
    # “We lost,” said the woman, who like many did not want to be quoted.
    # ("like" a verb of the who clause, "the woman" the subject of "want", a complement of "said")
    words = ["“", "We", "lost", ",", "”", "said", "the", "woman", ",", "who", "like", "many", "did", "not", "want",
             "to", "be", "quoted", "."]
    spaces = [False, True, False, False, True, True, True, False, True, True, True, True, True, True, True, True,
              True, False, False]
    heads = [2, 2, 5, 5, 5, 5, 7, 14, 7, 10, 7, 10, 14, 14, 5, 17, 17, 14, 5]
    deps = ["punct", "nsubj", "ccomp", "punct", "punct", "ROOT", "det", "nsubj", "punct", "nsubj", "relcl", "dobj",
            "aux", "neg", "ccomp", "aux", "auxpass", "xcomp", "punct"]
    tags = ["``", "PRP", "VBD", ",", "''", "VBD", "DT", "NN", ",", "WP", "VBP", "JJ", "VBD", "RB", "VB", "TO", "VB",
            "VBN", "."]
    pos = ["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "VERB", "DET", "NOUN", "PUNCT", "PRON", "VERB", "ADJ", "AUX",
           "PART", "VERB", "PART", "AUX", "VERB", "PUNCT"]
    d = doc(words, heads, deps, tags, pos, spaces)
    [candidate] = [c for c in find_in_sentence(d[:], 0) if c.anchor.text == "said"]
    assert d.text[candidate.source.start : candidate.source.end] == "the woman"


def test_a_participle_after_an_inverted_speakers_comma_is_no_part_of_the_speaker():
    # “We lost,” said Ann Hurl, a former aide, referring to the vote.
    words = ["“", "We", "lost", ",", "”", "said", "Ann", "Hurl", ",", "a", "former", "aide", ",", "referring", "to",
             "the", "vote", "."]
    spaces = [False, True, False, False, True, True, True, False, True, True, True, False, True, True, True, True,
              False, False]
    heads = [2, 2, 5, 5, 5, 5, 7, 5, 7, 11, 11, 7, 7, 7, 13, 16, 14, 5]
    deps = ["punct", "nsubj", "ccomp", "punct", "punct", "ROOT", "compound", "nsubj", "punct", "det", "amod", "appos",
            "punct", "acl", "prep", "det", "pobj", "punct"]
    tags = ["``", "PRP", "VBD", ",", "''", "VBD", "NNP", "NNP", ",", "DT", "JJ", "NN", ",", "VBG", "IN", "DT", "NN",
            "."]
    pos = ["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "VERB", "PROPN", "PROPN", "PUNCT", "DET", "ADJ", "NOUN", "PUNCT",
           "VERB", "ADP", "DET", "NOUN", "PUNCT"]
    d = doc(words, heads, deps, tags, pos, spaces)
    [candidate] = [c for c in find_in_sentence(d[:], 0) if c.anchor.text == "said"]
    assert d.text[candidate.source.start : candidate.source.end] == "Ann Hurl, a former aide"


@pytest.mark.parametrize(("tail", "via", "content"), [
    ([], "press reports", "he would have fired Lewandowski"),
    # inside the sentence the phrase may qualify the reported clause alone: no relaying source
    ([",", "in", "May"], None, "he would have fired Lewandowski, according to press reports, in May"),
])
def test_according_to_closing_a_sentence_relays_the_statement_the_parse_hung_it_inside(tail, via, content):
    # Kasich said he would have fired Lewandowski, according to press reports.  (the parse hangs
    # the phrase on "fired", the reported clause's verb, not on the cue "said")
    words = ["Kasich", "said", "he", "would", "have", "fired", "Lewandowski", ",", "according", "to", "press",
             "reports", *tail, "."]
    spaces = [True, True, True, True, True, True, False, True, True, True, True, False]
    spaces += [True, True, False][: len(tail)] + [False]
    heads = [1, 1, 5, 5, 5, 1, 5, 5, 5, 8, 11, 9] + [5, 5, 13][: len(tail)] + [1]
    deps = ["nsubj", "ROOT", "nsubj", "aux", "aux", "ccomp", "dobj", "punct", "prep", "prep", "compound", "pobj",
            *["punct", "prep", "pobj"][: len(tail)], "punct"]
    tags = ["NNP", "VBD", "PRP", "MD", "VB", "VBN", "NNP", ",", "VBG", "IN", "NN", "NNS",
            *[",", "IN", "NNP"][: len(tail)], "."]
    pos = ["PROPN", "VERB", "PRON", "AUX", "AUX", "VERB", "PROPN", "PUNCT", "VERB", "ADP", "NOUN", "NOUN",
           *["PUNCT", "ADP", "PROPN"][: len(tail)], "PUNCT"]
    d = doc(words, heads, deps, tags, pos, spaces)
    [said] = article_attributions(d)
    assert offsets_text(d, said.cue) == ["said"]
    assert d.text[said.source.start : said.source.end] == "Kasich"
    assert (d.text[said.via.start : said.via.end] if said.via else None) == via
    assert offsets_text(d, said.content) == [content]


def test_a_relaying_phrase_finds_its_cue_in_its_own_paragraph_whatever_the_others_hold():
    # each paragraph is a Doc of its own, with token indices from 0: Rubio's "said" (index 1 of the
    # second) must not hide Kasich's (index 1 of the first) from the first paragraph's phrase
    first = doc(["Kasich", "said", "he", "would", "fire", "Lewandowski", ",", "according", "to", "reports", "."],
                [1, 1, 4, 4, 1, 4, 1, 1, 7, 8, 1],
                ["nsubj", "ROOT", "nsubj", "aux", "ccomp", "dobj", "punct", "prep", "prep", "pobj", "punct"],
                ["NNP", "VBD", "PRP", "MD", "VB", "NNP", ",", "VBG", "IN", "NNS", "."],
                ["PROPN", "VERB", "PRON", "AUX", "VERB", "PROPN", "PUNCT", "VERB", "ADP", "NOUN", "PUNCT"],
                [True, True, True, True, True, False, True, True, True, False, False])
    second = doc(["Rubio", "said", "it", "was", "wrong", "."], [1, 1, 3, 1, 3, 1],
                 ["nsubj", "ROOT", "nsubj", "ccomp", "acomp", "punct"], ["NNP", "VBD", "PRP", "VBD", "JJ", "."],
                 ["PROPN", "VERB", "PRON", "AUX", "ADJ", "PUNCT"], [True, True, True, True, False, False])
    text = first.text + "\n\n" + second.text
    start = len(first.text) + 2
    found = find_attributions(text, [Unit(0, len(first.text), 0, first), Unit(start, len(text), 1, second)])
    [kasich] = [a for a in found if a.source is not None and text[a.source.start : a.source.end] == "Kasich"]
    assert text[kasich.via.start : kasich.via.end] == "reports"
    assert [text[s:e] for s, e in kasich.content] == ["he would fire Lewandowski"]


def test_according_to_after_a_verb_of_belief_is_the_source_of_the_whole_clause():
    # Voters would prefer Trump, according to a poll.  (no one said it: the poll is the source)
    words = ["Voters", "would", "prefer", "Trump", ",", "according", "to", "a", "poll", "."]
    spaces = [True, True, True, False, True, True, True, True, False, False]
    heads = [2, 2, 2, 2, 2, 2, 5, 8, 6, 2]
    deps = ["nsubj", "aux", "ROOT", "dobj", "punct", "prep", "prep", "det", "pobj", "punct"]
    tags = ["NNS", "MD", "VB", "NNP", ",", "VBG", "IN", "DT", "NN", "."]
    pos = ["NOUN", "AUX", "VERB", "PROPN", "PUNCT", "VERB", "ADP", "DET", "NOUN", "PUNCT"]
    d = doc(words, heads, deps, tags, pos, spaces)
    [poll] = article_attributions(d)
    assert offsets_text(d, poll.cue) == ["according to"]
    assert d.text[poll.source.start : poll.source.end] == "a poll"
    assert poll.via is None
    assert offsets_text(d, poll.content) == ["Voters would prefer Trump"]


def test_the_question_put_to_a_speaker_before_the_cue_is_not_what_they_said():
    # Asked if it appeared he was lying, Trump replied, “Well, maybe so.”  (the parse hangs the
    # question on the cue as its complement, and the quotation's words on the cue itself)
    words = ["Asked", "if", "it", "appeared", "he", "was", "lying", ",", "Trump", "replied", ",", "“", "Well", ",",
             "maybe", "so", ".", "”"]
    spaces = [True, True, True, True, True, True, False, True, True, False, True, False, False, True, True, False,
              False, False]
    heads = [6, 3, 3, 0, 6, 6, 9, 9, 9, 9, 9, 9, 15, 15, 15, 9, 9, 9]
    deps = ["advcl", "mark", "nsubj", "ccomp", "nsubj", "aux", "ccomp", "punct", "nsubj", "ROOT", "punct", "punct",
            "intj", "punct", "advmod", "advmod", "punct", "punct"]
    tags = ["VBN", "IN", "PRP", "VBD", "PRP", "VBD", "VBG", ",", "NNP", "VBD", ",", "``", "UH", ",", "RB", "RB", ".",
            "''"]
    pos = ["VERB", "SCONJ", "PRON", "VERB", "PRON", "AUX", "VERB", "PUNCT", "PROPN", "VERB", "PUNCT", "PUNCT", "INTJ",
           "PUNCT", "ADV", "ADV", "PUNCT", "PUNCT"]
    d = doc(words, heads, deps, tags, pos, spaces)
    [replied] = [a for a in article_attributions(d) if offsets_text(d, a.cue) == ["replied"]]
    assert d.text[replied.source.start : replied.source.end] == "Trump"
    assert offsets_text(d, replied.content) == ["“Well, maybe so.”"]


def _called(words, heads, deps, tags, pos):
    d = doc(words, heads, deps, tags, pos)
    return [offsets_text(d, c.content) for c in article_attributions(d) if "called" in " ".join(offsets_text(d, c.cue))]


def test_a_call_with_a_bare_object_is_no_statement():
    # "Sharon called the police.": a telephone call
    assert _called(
        ["Sharon", "called", "the", "police", "."], [1, 1, 3, 1, 1],
        ["nsubj", "ROOT", "det", "dobj", "punct"], ["NNP", "VBD", "DT", "NNS", "."],
        ["PROPN", "VERB", "DET", "NOUN", "PUNCT"]) == []


@pytest.mark.parametrize(("words", "heads", "deps", "tags", "pos", "content"), [
    # what it is called, hung on the object
    (["He", "called", "the", "notion", "a", "hoax", "."], [1, 1, 3, 1, 5, 3, 1],
     ["nsubj", "ROOT", "det", "dobj", "det", "appos", "punct"], ["PRP", "VBD", "DT", "NN", "DT", "NN", "."],
     ["PRON", "VERB", "DET", "NOUN", "DET", "NOUN", "PUNCT"], "the notion a hoax"),
    # a quotation right after the object, which the parse hung on another verb
    (["Eyre", "called", "the", "work", '"', "provoking", '"', "."], [1, 1, 3, 1, 5, 1, 1, 1],
     ["nsubj", "ROOT", "det", "dobj", "punct", "advcl", "punct", "punct"],
     ["NNP", "VBD", "DT", "NN", "``", "JJ", "''", "."], ["PROPN", "VERB", "DET", "NOUN", "PUNCT", "ADJ", "PUNCT", "PUNCT"],
     "the work"),
    # "called into question"
    (["They", "called", "into", "question", "her", "abilities", "."], [1, 1, 1, 2, 5, 1, 1],
     ["nsubj", "ROOT", "prep", "pobj", "poss", "dobj", "punct"], ["PRP", "VBD", "IN", "NN", "PRP$", "NNS", "."],
     ["PRON", "VERB", "ADP", "NOUN", "PRON", "NOUN", "PUNCT"], "her abilities"),
])
def test_a_call_that_says_what_its_object_is_called_is_a_statement(words, heads, deps, tags, pos, content):
    assert any(content in " ".join(found) for found in _called(words, heads, deps, tags, pos))


@pytest.mark.parametrize(("when", "ents", "content"), [
    # when it was said is no part of what
    (["on", "Tuesday"], ["O", "B-DATE"], "his position"),
    # what it was said about
    (["on", "taxes"], ["O", "O"], "his position on taxes"),
])
def test_a_preposition_after_an_object_that_says_when_is_no_part_of_the_content(when, ents, content):
    # He repeated his position on Tuesday.
    words = ["He", "repeated", "his", "position"] + when + ["."]
    heads = [1, 1, 3, 1, 1, 4, 1]
    deps = ["nsubj", "ROOT", "poss", "dobj", "prep", "pobj", "punct"]
    tags = ["PRP", "VBD", "PRP$", "NN", "IN", "NNP" if ents[1] != "O" else "NNS", "."]
    pos = ["PRON", "VERB", "PRON", "NOUN", "ADP", "PROPN" if ents[1] != "O" else "NOUN", "PUNCT"]
    d = Doc(VOCAB, words=words, heads=heads, deps=deps, tags=tags, pos=pos, ents=["O"] * 4 + ents + ["O"])
    [repeated] = [c for c in find_in_sentence(d[:], 0) if c.anchor.text == "repeated"]
    assert offsets_text(d, repeated.content) == [content]


def _according_content(words, heads, deps, tags, pos):
    d = doc(words, heads, deps, tags, pos)
    [candidate] = [c for c in find_in_sentence(d[:], 0) if c.anchor.lower_ == "according"]
    return offsets_text(d, candidate.content)


def test_according_to_inside_brackets_qualifies_what_they_hold():
    # States like Iowa ( 93 percent were white , according to polls ) top the list .  (hung on the root)
    words = ["States", "like", "Iowa", "(", "93", "percent", "were", "white", ",", "according", "to", "polls", ")",
             "top", "the", "list", "."]
    heads = [13, 0, 1, 6, 5, 6, 2, 6, 6, 13, 9, 10, 6, 13, 15, 13, 13]
    deps = ["nsubj", "prep", "pobj", "punct", "nummod", "nsubj", "appos", "acomp", "punct", "prep", "prep", "pobj",
            "punct", "ROOT", "det", "dobj", "punct"]
    tags = ["NNS", "IN", "NNP", "-LRB-", "CD", "NN", "VBD", "JJ", ",", "VBG", "IN", "NNS", "-RRB-", "VBP", "DT", "NN", "."]
    pos = ["NOUN", "ADP", "PROPN", "PUNCT", "NUM", "NOUN", "AUX", "ADJ", "PUNCT", "VERB", "ADP", "NOUN", "PUNCT",
           "VERB", "DET", "NOUN", "PUNCT"]
    assert _according_content(words, heads, deps, tags, pos) == ["93 percent were white"]


@pytest.mark.parametrize(("words", "heads", "deps", "tags", "pos", "content"), [
    # a clause after the colon: what the source says
    (["The", "tax", "did", "not", "hurt", "firms", ":", "London", "was", "the", "capital", ",", "according", "to",
      "one", "index", "."],
     [1, 4, 4, 4, 4, 4, 4, 8, 4, 10, 8, 4, 4, 12, 15, 13, 4],
     ["det", "nsubj", "aux", "neg", "ROOT", "dobj", "punct", "nsubj", "ccomp", "det", "attr", "punct", "prep", "prep",
      "nummod", "pobj", "punct"],
     ["DT", "NN", "VBD", "RB", "VB", "NNS", ":", "NNP", "VBD", "DT", "NN", ",", "VBG", "IN", "CD", "NN", "."],
     ["DET", "NOUN", "AUX", "PART", "VERB", "NOUN", "PUNCT", "PROPN", "AUX", "DET", "NOUN", "PUNCT", "VERB", "ADP",
      "NUM", "NOUN", "PUNCT"],
     ["London was the capital"]),
    # a list after the colon: the whole sentence is
    (["They", "searched", "three", "people", ":", "Mills", ",", "Sullivan", "and", "Abedin", ",", "according", "to",
      "a", "filing", "."],
     [1, 1, 3, 1, 3, 3, 5, 5, 7, 7, 1, 1, 11, 14, 12, 1],
     ["nsubj", "ROOT", "nummod", "dobj", "punct", "appos", "punct", "conj", "cc", "conj", "punct", "prep", "prep", "det",
      "pobj", "punct"],
     ["PRP", "VBD", "CD", "NNS", ":", "NNP", ",", "NNP", "CC", "NNP", ",", "VBG", "IN", "DT", "NN", "."],
     ["PRON", "VERB", "NUM", "NOUN", "PUNCT", "PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN", "PUNCT", "VERB", "ADP", "DET",
      "NOUN", "PUNCT"],
     ["They searched three people : Mills , Sullivan and Abedin"]),
])
def test_according_to_after_a_colon_takes_the_clause_after_it(words, heads, deps, tags, pos, content):
    assert _according_content(words, heads, deps, tags, pos) == content
