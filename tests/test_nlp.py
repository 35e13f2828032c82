"""Token-level entity look-ups: the same entities as spaCy's ``ents``, without building all of them."""

from spacy.tokens import Doc
from spacy.vocab import Vocab

from onrecord.nlp import entities_in, entity_at

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
