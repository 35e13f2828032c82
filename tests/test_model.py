"""The output schema (docs/output.md) round-trips, and the public surface stays deliberate."""

import json
import types

import onrecord
from onrecord import Article, Attribution, Entity, Fragment, Speaker


def make_article() -> Article:
    text = "“We will win,” said Ana Ruiz."
    return Article(
        text=text,
        id="x1",
        attributions=(
            Attribution(
                id="a1",
                kind="direct",
                content=(Fragment.of(text, 0, 14),),
                cue=(Fragment.of(text, 15, 19),),
                speaker=Speaker(mention=(Fragment.of(text, 20, 28),), entity="e1", name="Ana Ruiz"),
                confidence=0.9,
            ),
        ),
        entities=(Entity("e1", "Ana Ruiz", "person", (), (Fragment.of(text, 20, 28),)),),
    )


def test_round_trip_through_json():
    article = make_article()
    data = json.loads(article.to_json())
    assert set(data) >= {"id", "title", "published", "url", "outlet", "text", "attributions", "entities"}
    assert set(data["attributions"][0]) >= {"id", "kind", "content", "cue", "speaker", "addressee", "via", "confidence"}
    assert Article.from_dict(data) == article


def test_fragment_text_is_the_slice():
    article = make_article()
    for fragment in article.attributions[0].content + article.attributions[0].cue:
        assert article.text[fragment.start : fragment.end] == fragment.text


def test_exported_members_are_all_defined():
    for name in onrecord.__all__:
        assert hasattr(onrecord, name), name
    public = {n for n in dir(onrecord) if not n.startswith("_")}
    # submodules become attributes once imported; only functions and classes must be in __all__
    modules = {n for n in public if isinstance(getattr(onrecord, n), types.ModuleType)}
    assert public - set(onrecord.__all__) - modules == set()


def test_errors_cross_process_boundaries():
    import pickle

    from onrecord import ExtractionFailed, ReadError

    failure = pickle.loads(pickle.dumps(ExtractionFailed("doc-1", ValueError("boom"))))
    assert failure.document_id == "doc-1" and "ValueError: boom" in str(failure)
    error = pickle.loads(pickle.dumps(ReadError("a.txt", "binary file, not text")))
    assert str(error) == "a.txt: binary file, not text"
