"""The pipeline's own steps: token-level entity look-ups (the same entities as spaCy's ``ents``, without
building all of them), quotation starts, tag attributes and the parse mended after names."""

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc
from spacy.vocab import Vocab

from onrecord.nlp import entities_in, entity_at, heads_after_names, load, quotation_starts

WORDS = ["Mara", "Lind", "of", "the", "Port", "Authority", "told", "CBC", "in", "Oslo", "."]
TAGS = ["B-PERSON", "I-PERSON", "O", "O", "B-ORG", "I-ORG", "O", "B-ORG", "O", "B-GPE", "O"]


def test_entities_in_any_span_and_at_any_token_are_spacys():
    doc = Doc(Vocab(), words=WORDS, ents=TAGS)

    def described(ents):
        return [(e.start, e.end, e.label_) for e in ents]

    for start in range(len(doc) + 1):
        for end in range(start, len(doc) + 1):
            assert described(entities_in(doc[start:end])) == described(doc[start:end].ents), (start, end)
    for i, token in enumerate(doc):
        holding = [e for e in doc.ents if e.start <= i < e.end]
        assert described([e for e in [entity_at(doc, i)] if e is not None]) == described(holding), token.text
    assert entity_at(doc, len(doc)) is None and entity_at(doc, -1) is None


def test_a_quotation_after_an_abbreviation_starts_a_sentence():
    def starts(text):
        doc = quotation_starts(load().make_doc(text))
        return [t.text + doc[t.i + 1].text for t in doc[1:] if t.is_sent_start]

    assert starts('called at 3 a.m. "The scene is secure, for now," Gordon said.') == ['"The']
    assert starts('said Tom Reed of Hanley Securities Inc. \u201cThe market has turned for good.\u201d') == ["\u201cThe"]
    # a nickname, a short title or a lowercase quotation after an abbreviation is no sentence
    assert starts('Gov. C.L. "Butch" Otter said the U.S. "Patriot Act," was law.') == []
    assert starts('at 3 a.m. "the scene is secure, for now," Gordon said.') == []
    # a quotation left open at the paragraph's end has no closing mark to judge by
    assert starts('at 3 a.m. "The scene is secure for now\n\nand later," Gordon said.') == []


def test_a_capitalised_word_after_a_stop_on_its_own_starts_a_sentence():
    # the parser may run on past it ("… editor at Gadget Pro. Pearl's work …, she said." as one sentence)
    def starts(text):
        doc = quotation_starts(load().make_doc(text))
        return [t.text for t in doc if t.is_sent_start and t.i > 0]

    assert starts("said Nina Roe, deputy editor at Gadget Pro. Pearl's work would help, she said.") == ["Pearl"]
    # an abbreviation's or an initial's stop stays with its word
    assert starts("Gen. Haddad met George W. Bush and U.S. Senator Tim Kale in St. Louis.") == []


def test_tag_attributes_set_what_the_attribute_ruler_sets():
    # the pipeline's attribute_ruler, replaced by lookups (nlp.TagAttributes): every token's POS,
    # morphology and lemma as the ruler would set them, its two-word rules ("gon na", "y' all",
    # "there is") and its rules on a word's dependency ("but" as an adverb, "I" as a subject) too
    import importlib

    from onrecord.nlp import MODELS, TagAttributes

    pipeline = load()
    assert isinstance(pipeline.get_pipe("attribute_ruler"), TagAttributes)
    ruler = next(importlib.import_module(m).load(exclude=["lemmatizer"]) for m in MODELS).get_pipe("attribute_ruler")
    text = ("I'm gon na tell y' all: there is no plan, and there were never any, said the mayor.\n\n"
            "But she ai n't wrong, he said. \"We got it,\" they say. Prices rose 3.5% to $12.50 on Monday; "
            "stocks fell - again!  Mr. Smith's firm, JPMorgan & Co., won't comment.")
    ours = pipeline(text)
    with pipeline.select_pipes(disable=["attribute_ruler"]):
        theirs = ruler(pipeline(text))
    assert [(t.pos_, str(t.morph), t.lemma_) for t in ours] == [(t.pos_, str(t.morph), t.lemma_) for t in theirs]


def _parsed(words, heads, deps, pos, ents):
    # (the English vocabulary's lexical attributes: ``is_lower``)
    return Doc(English().vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents)


def test_letters_after_a_name_hang_off_the_name_and_name_no_body():
    # the parse as the small English pipeline reads it: "Tom McCabe" a compound of "MSP", the
    # apposition's head, and "MSP" an organization
    words = ["Finance", "Minister", ",", "Tom", "McCabe", "MSP", ",", "said", "so", "."]
    heads = [1, 7, 1, 4, 5, 1, 1, 7, 7, 7]
    deps = ["compound", "nsubj", "punct", "compound", "compound", "appos", "punct", "ROOT", "advmod", "punct"]
    pos = ["PROPN", "PROPN", "PUNCT", "PROPN", "PROPN", "PROPN", "PUNCT", "VERB", "ADV", "PUNCT"]
    ents = ["O", "O", "O", "B-PERSON", "I-PERSON", "B-ORG", "O", "O", "O", "O"]
    doc = heads_after_names(_parsed(words, heads, deps, pos, ents))
    name, letters = doc[4], doc[5]
    assert (name.head.text, name.dep_) == ("Minister", "appos")
    assert letters.head.i == name.i and doc[3].head.i == name.i
    assert [(e.text, e.label_) for e in doc.ents] == [("Tom McCabe", "PERSON")]
    assert [t.text for t in name.subtree] == ["Tom", "McCabe", "MSP"]
    assert len(list(doc.sents)) == 1


def test_a_noun_after_an_organizations_name_heads_it():
    # "A Department for Health spokeswoman said": the parse makes the noun the object of the name's "for"
    words = ["A", "Department", "for", "Health", "spokeswoman", "said", "so", "."]
    heads = [1, 5, 1, 4, 2, 5, 5, 5]
    deps = ["det", "nsubj", "prep", "compound", "pobj", "ROOT", "advmod", "punct"]
    pos = ["DET", "PROPN", "ADP", "PROPN", "NOUN", "VERB", "ADV", "PUNCT"]
    ents = ["O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O"]
    doc = heads_after_names(_parsed(words, heads, deps, pos, ents))
    spokeswoman = doc[4]
    assert (spokeswoman.head.text, spokeswoman.dep_) == ("said", "nsubj")
    assert (doc[1].head.i, doc[1].dep_) == (4, "compound") and doc[0].head.i == 4 and doc[2].head.i == 1
    assert [t.text for t in spokeswoman.subtree] == words[:5]
    assert [(e.text, e.label_) for e in doc.ents] == [("Department for Health", "ORG")]


@pytest.mark.parametrize("words, heads, deps, pos, ents", [
    # "Lib Dem MP Parmjit Singh Gill": the NER took "Lib Dem" for a person, and "MP" is the title
    # of the name after it
    (["Lib", "Dem", "MP", "Parmjit", "Gill", "won", "."],
     [2, 2, 3, 4, 5, 5, 5],
     ["compound", "compound", "compound", "compound", "nsubj", "ROOT", "punct"],
     ["PROPN", "PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"],
     ["B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "O", "O"]),
    # "star of the Nightmare on Elm Street franchise": the parse hung the name's "on" off the verb
    (["saw", "star", "of", "the", "Nightmare", "on", "Elm", "franchise", "."],
     [0, 0, 1, 4, 2, 0, 7, 5, 0],
     ["ROOT", "dobj", "prep", "det", "pobj", "prep", "compound", "pobj", "punct"],
     ["VERB", "NOUN", "ADP", "DET", "PROPN", "ADP", "PROPN", "NOUN", "PUNCT"],
     ["O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O"]),
])
def test_a_word_after_a_name_that_is_no_head_of_it_stays_where_it_was(words, heads, deps, pos, ents):
    before = [(t.head.i, t.dep_) for t in _parsed(words, heads, deps, pos, ents)]
    doc = heads_after_names(_parsed(words, heads, deps, pos, ents))
    assert [(t.head.i, t.dep_) for t in doc] == before


def test_a_noun_after_a_name_the_ner_split_at_its_and_heads_all_of_it():
    # "A Department for Education and Skills spokeswoman": the NER's two names, "Skills" the second
    words = ["A", "Department", "for", "Education", "and", "Skills", "spokeswoman", "said", "."]
    heads = [1, 7, 1, 6, 3, 3, 2, 7, 7]
    deps = ["det", "nsubj", "prep", "nmod", "cc", "conj", "pobj", "ROOT", "punct"]
    pos = ["DET", "PROPN", "ADP", "PROPN", "CCONJ", "PROPN", "NOUN", "VERB", "PUNCT"]
    ents = ["O", "B-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "O", "O", "O"]
    doc = heads_after_names(_parsed(words, heads, deps, pos, ents))
    assert (doc[6].head.text, doc[6].dep_) == ("said", "nsubj")
    assert [t.text for t in doc[6].subtree] == words[:7]
