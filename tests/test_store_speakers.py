"""Speakers across articles (issue 10): who merges, who stays apart, aliases, gender, on both backends.

Articles are written here (fictional people, except the issue's own example
names), with entities and attributions built by hand, so the keys are tested
apart from the extractor; ``test_ingested_articles_*`` runs the real extractor.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from onrecord.cli import main
from onrecord.errors import InvalidAliases
from onrecord.ingest import ingest
from onrecord.model import Article, Attribution, Entity, Fragment, Speaker
from onrecord.store import InvalidQuery, open_store
from onrecord.store.identity import Aliases, merged_gender
from onrecord.store.normalize import name_key


def frag(text: str, needle: str) -> Fragment:
    start = text.index(needle)
    return Fragment.of(text, start, start + len(needle))


def article(article_id: str, text: str, speakers: list[tuple[str, Entity | None, dict]], **meta) -> Article:
    """An article whose n-th attribution has the n-th sentence as content and ``mention`` as speaker.

    ``speakers``: (mention, entity or None, Speaker fields such as name, description, gender).
    """
    sentences = [s.strip() + "." for s in text.split(".") if s.strip()]
    attributions = []
    for number, ((mention, entity, fields), sentence) in enumerate(zip(speakers, sentences, strict=False), 1):
        content = frag(text, sentence)
        attributions.append(Attribution(
            id=f"a{number}", kind="indirect", content=(content,), cue=(frag(text, "said"),),
            speaker=Speaker((frag(text, mention),), entity=entity.id if entity else None, **fields),
            confidence=0.9,
        ))
    entities = tuple({e.id: e for _, e, _ in speakers if e is not None}.values())
    return Article(text=text, id=article_id, attributions=tuple(attributions), entities=entities, **meta)


def person(entity_id: str, name: str | None, gender: str | None = None, evidence: str | None = None,
           type_: str = "person", descriptions: tuple[str, ...] = ()) -> Entity:
    return Entity(entity_id, name, type_, descriptions, (), gender, evidence)  # type: ignore[arg-type]


def named(name: str, entity: Entity) -> dict:
    return {"name": name, "gender": entity.gender, "gender_evidence": entity.gender_evidence}


def speakers_by_name(store) -> dict[str | None, dict]:
    return {i["name"]: i for i in store.speakers(named=True)["items"]}


# -- keys ---------------------------------------------------------------------------


@pytest.mark.parametrize(("one", "other"), [
    ("Time Warner", "TimeWarner"),
    ("Time Warner", "Time Warner Inc"),
    ("Jean-Pierre Raffin", "Jean Pierre Raffin"),
    ("Renée Dubois", "Renee DUBOIS"),
    ("Mr Alan Greenspan", "Alan Greenspan"),
    ("Dr. Alan Greenspan", "alan  greenspan"),
    ("The Eastport Herald", "Eastport Herald"),
    ("Sean O'Neill", "Sean ONeill"),
    ("Institute for Fiscal Studies (IFS)", "Institute for Fiscal Studies"),
    ("The International Labour Organisation (ILO", "International Labour Organisation"),
])
def test_safe_name_variants_share_a_key(one, other):
    assert name_key(one) == name_key(other)


@pytest.mark.parametrize(("one", "other"), [("Alan Greenspan", "Greenspan"), ("Lena Ortiz", "Lena Ortega")])
def test_different_names_keep_different_keys(one, other):
    assert name_key(one) != name_key(other)


def test_gender_of_a_merged_speaker():
    assert merged_gender({"male:honorific": 2, "male:name": 1}) == ("male", "honorific")
    assert merged_gender({"female:pronoun": 1, "male:name": 3}) == ("female", "pronoun")  # the text beats a first name
    assert merged_gender({"female:pronoun": 1, "male:honorific": 1}) == ("male", "honorific")
    assert merged_gender({"female:pronoun": 1, "male:pronoun": 2}) == (None, None)  # articles disagree
    assert merged_gender({"female:pronoun": 1, "male:pronoun": 3}) == ("male", "pronoun")  # one stray pronoun
    assert merged_gender({"female:name": 2}) == ("female", "name")
    assert merged_gender({"female:name": 1, "male:name": 1}) == (None, None)
    assert merged_gender({}) == (None, None)


# -- across articles ------------------------------------------------------------------


def test_unnamed_descriptions_never_merge_across_articles(make_store):
    """The issue: "Analysts" (125) and "company" (62) were single speakers spanning unrelated articles."""
    s = make_store()
    firm = person("e2", None, type_="organization", descriptions=("company",))
    for number in (1, 2):
        text = f"Analysts said rates would rise {number}. The company said profits fell {number}. It said more."
        s.add_article(article(f"story{number}", text, [
            ("Analysts", None, {"description": "Analysts"}),
            ("The company", firm, {"description": "company"}),
            ("It", firm, {"description": "company"}),
        ]))
    unnamed = s.speakers(named=False)["items"]
    assert sorted((i["description"], i["num_attributions"]) for i in unnamed) == [
        ("Analysts", 1), ("Analysts", 1), ("company", 2), ("company", 2)]
    for item in unnamed:
        assert item["named"] is False
        assert {h["article_id"] for h in s.speaker(item["id"])["attributions"]} in ({"story1"}, {"story2"})
        # A pronoun or relative is never one of a speaker's forms.
        assert not {"It", "it", "which"} & set(item["forms"])
    assert s.speakers(named=True)["items"] == []


@pytest.mark.parametrize("taken_for_a_name", ["Government", "the government", "Analysts", "officials"])
def test_a_generic_noun_resolved_as_a_name_stays_in_its_article(make_store, taken_for_a_name):
    """BBC writes "the Government"; the resolver may give such a description as a name."""
    s = make_store()
    for number in (1, 2):
        entity = person("e1", taken_for_a_name, type_="organization")
        text = f"{taken_for_a_name} said taxes would rise {number}."
        s.add_article(article(f"gov{number}", text, [(taken_for_a_name, entity, {"name": taken_for_a_name})]))
    assert s.speakers(named=True)["items"] == []
    assert [i["num_attributions"] for i in s.speakers(named=False)["items"]] == [1, 1]


def test_greenspan_is_one_speaker_across_articles(make_store):
    """"Alan Greenspan said… Greenspan added" in one article, "Greenspan said" after "Alan Greenspan" in
    another (the article resolved it), and "Mr Greenspan" alone in a third: one speaker."""
    s = make_store()
    alan = person("e1", "Alan Greenspan", "male", "pronoun")
    s.add_article(article("fed1", "Alan Greenspan said rates would rise. Greenspan said inflation was tame.", [
        ("Alan Greenspan", alan, named("Alan Greenspan", alan)),
        ("Greenspan", alan, named("Alan Greenspan", alan)),
    ]))
    s.add_article(article("fed2", "Rates rose, Alan Greenspan said at noon. Later Greenspan said more.", [
        ("Greenspan", alan, named("Alan Greenspan", alan)),
    ]))
    mister = person("e1", "Greenspan", "male", "honorific")
    s.add_article(article("fed3", "Mr Greenspan said the economy was strong.", [
        ("Mr Greenspan", mister, named("Greenspan", mister)),
    ]))
    found = speakers_by_name(s)
    assert list(found) == ["Alan Greenspan"]
    assert found["Alan Greenspan"]["num_attributions"] == 4
    assert (found["Alan Greenspan"]["gender"], found["Alan Greenspan"]["gender_evidence"]) == ("male", "honorific")


def test_a_surname_stored_first_joins_the_full_name_stored_later(make_store):
    s = make_store()
    mister = person("e1", "Greenspan", "male", "honorific")
    s.add_article(article("early", "Mr Greenspan said rates would rise.", [("Mr Greenspan", mister, named("Greenspan", mister))]))
    alan = person("e1", "Alan Greenspan")
    s.add_article(article("late", "Alan Greenspan said inflation was tame.", [("Alan Greenspan", alan, named("Alan Greenspan", alan))]))
    found = speakers_by_name(s)
    assert list(found) == ["Alan Greenspan"]
    assert found["Alan Greenspan"]["num_attributions"] == 2
    assert set(found["Alan Greenspan"]["forms"]) >= {"Mr Greenspan", "Alan Greenspan", "Greenspan"}


def test_an_ambiguous_or_contradicting_surname_stays_apart(make_store):
    """"Mr Clinton" joins neither Bill nor Hillary Clinton when both are stored, nor Hillary alone."""
    s = make_store()
    hillary = person("e1", "Hillary Clinton", "female", "honorific")
    s.add_article(article("h", "Hillary Clinton said the bill would pass.", [("Hillary Clinton", hillary, named("Hillary Clinton", hillary))]))
    mister = person("e1", "Clinton", "male", "honorific")
    s.add_article(article("m", "Mr Clinton said the vote was close.", [("Mr Clinton", mister, named("Clinton", mister))]))
    assert set(speakers_by_name(s)) == {"Hillary Clinton", "Clinton"}
    bill = person("e1", "Bill Clinton", "male", "honorific")
    s.add_article(article("b", "Bill Clinton said the vote was won.", [("Bill Clinton", bill, named("Bill Clinton", bill))]))
    lone = person("e1", "Clinton")
    s.add_article(article("c", "Clinton said it again.", [("Clinton", lone, named("Clinton", lone))]))
    found = speakers_by_name(s)
    assert set(found) == {"Hillary Clinton", "Bill Clinton", "Clinton"}
    assert found["Clinton"]["num_attributions"] == 2


def test_organization_spellings_merge(make_store):
    s = make_store()
    for number, spelling in enumerate(["Time Warner", "TimeWarner", "Time Warner Inc"]):
        firm = person("e1", spelling, type_="organization")
        s.add_article(article(f"tw{number}", f"{spelling} said profits rose {number}.", [(spelling, firm, {"name": spelling})]))
    found = speakers_by_name(s)
    assert list(found) == ["Time Warner"]  # the most given name of several words
    assert found["Time Warner"]["num_attributions"] == 3
    assert found["Time Warner"]["type"] == "organization"
    assert found["Time Warner"]["gender"] is None


def test_gender_is_stored_and_a_disagreement_is_unknown(make_store):
    s = make_store()
    lena = person("e1", "Lena Ortiz", "female", "honorific")
    s.add_article(article("x1", "Lena Ortiz said the ferry was late.", [("Lena Ortiz", lena, named("Lena Ortiz", lena))]))
    kofi_name = person("e1", "Kofi Mensah", "male", "name")
    s.add_article(article("x2", "Kofi Mensah said the bus was late.", [("Kofi Mensah", kofi_name, named("Kofi Mensah", kofi_name))]))
    robin_a = person("e1", "Robin Lind", "female", "pronoun")
    robin_b = person("e1", "Robin Lind", "male", "pronoun")
    s.add_article(article("x3", "Robin Lind said the tram was late.", [("Robin Lind", robin_a, named("Robin Lind", robin_a))]))
    s.add_article(article("x4", "Robin Lind said the tram was early.", [("Robin Lind", robin_b, named("Robin Lind", robin_b))]))
    found = speakers_by_name(s)
    assert (found["Lena Ortiz"]["gender"], found["Lena Ortiz"]["gender_evidence"]) == ("female", "honorific")
    assert (found["Kofi Mensah"]["gender"], found["Kofi Mensah"]["gender_evidence"]) == ("male", "name")
    assert (found["Robin Lind"]["gender"], found["Robin Lind"]["gender_evidence"]) == (None, None)
    assert [i["name"] for i in s.speakers(gender="female")["items"]] == ["Lena Ortiz"]
    assert [i["name"] for i in s.speakers(gender="unknown")["items"]] == ["Robin Lind"]
    with pytest.raises(InvalidQuery):
        s.speakers(gender="other")


def test_gender_shares_by_outlet_and_month(make_store):
    s = make_store()
    people = [("Lena Ortiz", "female"), ("Ana Wu", "female"), ("Tomas Reyes", "male"), ("Omar Haddad", None)]
    for number, (name, gender) in enumerate(people):
        entity = person("e1", name, gender, "honorific" if gender else None)
        for repeat in range(number + 1):
            s.add_article(article(
                f"g{number}-{repeat}", f"{name} said item {number}-{repeat} was done.", [(name, entity, named(name, entity))],
                outlet="Herald" if number % 2 == 0 else "Gazette", published=f"2021-0{1 + repeat}-15",
            ))
    analysts = article("g-unnamed", "Analysts said nothing.", [("Analysts", None, {"description": "Analysts"})],
                       outlet="Herald", published="2021-01-15")
    s.add_article(analysts)
    shares = s.gender_shares()
    assert shares["overall"] == {"female": 2, "male": 1, "unknown": 1}
    assert {o["outlet"]: (o["female"], o["male"], o["unknown"]) for o in shares["by_outlet"]} == {
        "Herald": (1, 1, 0), "Gazette": (1, 0, 1)}
    assert [(m["month"], m["female"], m["male"], m["unknown"]) for m in shares["by_month"]] == [
        ("2021-01", 2, 1, 1), ("2021-02", 1, 1, 1), ("2021-03", 0, 1, 1), ("2021-04", 0, 0, 1)]
    assert [(p["name"], p["num_attributions"]) for p in shares["top_women"]] == [("Ana Wu", 2), ("Lena Ortiz", 1)]
    assert [(p["name"], p["num_attributions"]) for p in shares["top_men"]] == [("Tomas Reyes", 3)]
    assert s.gender_shares(outlet="herald")["overall"] == {"female": 1, "male": 1, "unknown": 0}
    assert s.gender_shares(since="2021-03-01")["overall"] == {"female": 0, "male": 1, "unknown": 1}
    with pytest.raises(InvalidQuery):
        s.gender_shares(since="soon")


# -- the alias file ---------------------------------------------------------------------

ALIASES = """# test aliases
Lena Ortiz\tLena Ortiz-Vance\tL. Ortiz
!John Smith
"""


def _smiths_and_ortiz(s) -> None:
    for number in (1, 2):
        smith = person("e1", "John Smith")
        s.add_article(article(f"smith{number}", f"John Smith said thing {number}.", [("John Smith", smith, named("John Smith", smith))]))
    for number, spelling in enumerate(["Lena Ortiz", "Lena Ortiz-Vance", "L. Ortiz"]):
        lena = person("e1", spelling)
        s.add_article(article(f"ortiz{number}", f"{spelling} said fact {number}.", [(spelling, lena, named(spelling, lena))]))


def test_alias_file_merges_and_splits(make_store):
    s = make_store()
    _smiths_and_ortiz(s)
    before = speakers_by_name(s)
    assert before["John Smith"]["num_attributions"] == 2  # one name, one speaker by default
    assert {"Lena Ortiz", "Lena Ortiz-Vance", "L. Ortiz"} <= set(before)
    assert s.set_aliases(ALIASES) is True  # the stored speakers are re-keyed at once
    after = s.speakers(named=True)["items"]
    assert sorted((i["name"], i["num_attributions"]) for i in after) == [
        ("John Smith", 1), ("John Smith", 1), ("Lena Ortiz", 3)]
    assert s.set_aliases(ALIASES) is False  # the same file again changes nothing
    # Kept by the store: a later article is keyed with it, after reopening too.
    url = s.display_url if s.backend == "sqlite" else None
    lena = person("e1", "Lena Ortiz-Vance")
    s.add_article(article("ortiz9", "Lena Ortiz-Vance said fact 9.", [("Lena Ortiz-Vance", lena, named("Lena Ortiz-Vance", lena))]))
    assert speakers_by_name(s)["Lena Ortiz"]["num_attributions"] == 4
    if url:
        with open_store(url) as again:
            assert again.aliases().text == ALIASES
    assert s.set_aliases("") is True  # an empty file removes them
    assert speakers_by_name(s)["John Smith"]["num_attributions"] == 2


@pytest.mark.parametrize(("text", "message"), [
    ("Lena Ortiz\n", "line 1: a merge line"),
    ("Lena Ortiz\tL. Ortiz\n!L. Ortiz\n", "line 2"),
    ("Lena Ortiz\tL. Ortiz\nAna Wu\tL. Ortiz\n", "already merged into 'Lena Ortiz'"),
    ("!it\n", "not a name"),
])
def test_malformed_alias_file_names_the_line(text, message):
    with pytest.raises(InvalidAliases, match=message):
        Aliases.parse(text, "my.aliases")


# -- through the extractor ----------------------------------------------------------------

FED_ONE = (
    "Rates rise again\n\n"
    "Federal Reserve chairman Alan Greenspan said on Tuesday that inflation was under control. "
    "Greenspan added that rates would rise slowly.\n\n"
    "Analysts said the decision was expected."
)
FED_TWO = (
    "Markets calm\n\n"
    "Alan Greenspan spoke to Congress on Wednesday. "
    "\"The economy is strong,\" Greenspan said.\n\n"
    "Analysts said shares would climb."
)
# Only the surname, after an honorific: the article cannot resolve it; the store joins it to the one
# Greenspan with a first name.
FED_THREE = "Growth holds\n\nMr Greenspan told Congress that growth was solid."


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fed")
    (folder / "fed-one.txt").write_text(FED_ONE, encoding="utf-8")
    (folder / "fed-two.txt").write_text(FED_TWO, encoding="utf-8")
    (folder / "fed-three.txt").write_text(FED_THREE, encoding="utf-8")
    db = folder / "fed.db"
    with open_store(db) as store:
        summary = ingest(sorted(folder.glob("*.txt")), store, progress=False, strategy="rules")
    assert summary.added == 3
    return db


def test_ingested_articles_keep_analysts_apart_and_greenspan_together(ingested):
    with open_store(ingested, create=False) as s:
        named_items = s.speakers(named=True)["items"]
        greenspan = [i for i in named_items if "Greenspan" in (i["name"] or "")]
        assert [i["name"] for i in greenspan] == ["Alan Greenspan"]
        articles = {h["article_id"] for h in s.speaker(greenspan[0]["id"])["attributions"]}
        assert articles == {"fed-one", "fed-two", "fed-three"}
        assert greenspan[0]["gender"] == "male"  # "Mr" in fed-three
        analysts = [i for i in s.speakers(named=False)["items"] if (i["description"] or "").lower() == "analysts"]
        assert len(analysts) == 2
        for item in analysts:
            assert len({h["article_id"] for h in s.speaker(item["id"])["attributions"]}) == 1


def test_cli_ingest_takes_an_alias_file(tmp_path):
    (tmp_path / "a.txt").write_text(FED_ONE, encoding="utf-8")
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text("Alan Greenspan\tThe Maestro\n", encoding="utf-8")
    db = str(tmp_path / "x.db")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "a.txt"), "--db", db, "--aliases", str(aliases),
                                       "--strategy", "rules", "--no-progress"])
    assert result.exit_code == 0, result.output
    with open_store(db, create=False) as s:
        assert s.aliases().merge == {"alangreenspan": "Alan Greenspan", "maestro": "Alan Greenspan"}
    aliases.write_text("Alan Greenspan\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "a.txt"), "--db", db, "--aliases", str(aliases),
                                       "--strategy", "rules", "--no-progress"])
    assert result.exit_code != 0
    assert "aliases.tsv line 1" in result.output
    result = CliRunner().invoke(main, ["speakers", "--db", db, "--unnamed", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert '"named": false' in result.output


# -- served: the API and the explorer ----------------------------------------------------------


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    from server_fixtures import make_client

    url = str(tmp_path_factory.mktemp("served") / "speakers.db")
    with open_store(url) as s:
        for number, (name, gender) in enumerate([("Lena Ortiz", "female"), ("Tomas Reyes", "male")]):
            entity = person("e1", name, gender, "honorific")
            s.add_article(article(
                f"p{number}", f"{name} said point {number}. Analysts said more {number}.",
                [(name, entity, named(name, entity)), ("Analysts", None, {"description": "Analysts"})],
                outlet="Herald", published="2024-01-10",
            ))
    with make_client(url) as client:
        yield client


def test_api_speakers_named_and_gender_filters(served):
    from server_fixtures import assert_error

    every = served.get("/api/speakers").json()["items"]
    assert len(every) == 4
    named_items = served.get("/api/speakers", params={"named": "true"}).json()["items"]
    assert sorted((i["name"], i["gender"], i["gender_evidence"], i["named"]) for i in named_items) == [
        ("Lena Ortiz", "female", "honorific", True), ("Tomas Reyes", "male", "honorific", True)]
    unnamed = served.get("/api/speakers", params={"named": "false"}).json()["items"]
    assert [(i["description"], i["named"]) for i in unnamed] == [("Analysts", False), ("Analysts", False)]
    women = served.get("/api/speakers", params={"gender": "female"}).json()["items"]
    assert [i["name"] for i in women] == ["Lena Ortiz"]
    assert_error(served.get("/api/speakers", params={"gender": "other"}), 422)


def test_api_gender(served):
    from server_fixtures import assert_error

    body = served.get("/api/gender").json()
    assert body["overall"] == {"female": 1, "male": 1, "unknown": 0}
    assert body["by_outlet"] == [{"outlet": "Herald", "female": 1, "male": 1, "unknown": 0}]
    assert body["by_month"] == [{"month": "2024-01", "female": 1, "male": 1, "unknown": 0}]
    assert [p["name"] for p in body["top_women"]] == ["Lena Ortiz"]
    assert [p["name"] for p in body["top_men"]] == ["Tomas Reyes"]
    assert served.get("/api/gender", params={"since": "2024-02"}).json()["overall"] == {
        "female": 0, "male": 0, "unknown": 0}
    assert_error(served.get("/api/gender", params={"since": "soon"}), 422)


def test_explorer_shows_named_and_unnamed_apart_with_gender(served):
    page = served.get("/speakers")
    assert page.status_code == 200
    html = page.text
    assert "Lena Ortiz" in html and "Tomas Reyes" in html
    assert '<span class="unnamed">' not in html  # named speakers only, by default
    assert 'class="gender-shares"' in html and 'class="top-women"' in html
    assert "<script>" not in html  # a server-rendered table, no inline script
    unnamed = served.get("/speakers", params={"sources": "unnamed"}).text
    assert unnamed.count('<span class="unnamed">') == 2 and "Lena Ortiz</a>\n" not in unnamed.split("gender-shares")[0]
    women = served.get("/speakers", params={"gender": "female"}).text.split("gender-shares")[0]
    assert "Lena Ortiz" in women and "Tomas Reyes" not in women
    assert served.get("/speakers", params={"sources": "everyone"}).status_code == 400
    assert served.get("/speakers", params={"gender": "x"}).status_code == 400
