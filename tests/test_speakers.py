"""In-article speaker resolution on sentences written for these tests, and the README's examples."""

import json
from pathlib import Path

import pytest

from onrecord import Extractor
from onrecord.attribution import STRATEGIES, may_attribute
from onrecord.speakers.gender import GenderEvidence, honorific_before
from onrecord.speakers.registry import PersonMention, Referent, Registry, club_or_party, no_part_of_name
from onrecord.speakers.ner import name_after_titles, named_like_a_person
from onrecord.speakers.vocabulary import ends_sentence

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module", params=STRATEGIES)
def extractor(request):
    return Extractor(strategy=request.param)


def speaker_of(article, words):
    """The speaker of the attribution whose content holds ``words``."""
    found = [a for a in article.attributions if words in a.content_text]
    assert found, (words, [a.content_text for a in article.attributions])
    return found[0].speaker


def entity_named(article, name):
    """The article's entity of this name."""
    return next(e for e in article.entities if e.name == name)


def test_harbor_bridge_credits_each_speaker(extractor):
    text = (EXAMPLES / "harbor-bridge.txt").read_text(encoding="utf-8")
    article = extractor.extract(text)
    assert speaker_of(article, "blank check").name == "Dana Whitfield"
    assert speaker_of(article, "support the repairs").name == "Dana Whitfield"
    # "Mayor Arturo Benes disagreed. He said …": the mayor, not the last speaker
    mayor = speaker_of(article, "a danger to everyone")
    assert mayor.name == "Arturo Benes" and mayor.description == "Mayor"
    # "The firm" is the engineering firm the article named
    assert speaker_of(article, "stands behind its assessment").name == "Castell & Ruiz"
    whitfield = entity_named(article, "Dana Whitfield")
    assert (whitfield.gender, whitfield.gender_evidence) == ("female", "honorific")


def test_regional_wire_example_speakers(extractor):
    """examples/regional-wire.jsonl: three dated articles from two outlets."""
    records = [json.loads(line) for line in (EXAMPLES / "regional-wire.jsonl").read_text(encoding="utf-8").splitlines()]
    ferry, bridge, library = (extractor.extract(r["text"]) for r in records)
    assert speaker_of(ferry, "fuel bill has doubled").name == "Ines Halvorsen"
    assert speaker_of(ferry, "we lose riders").name == "Tomas Reyes"
    assert speaker_of(bridge, "will be safe").name == "Arturo Benes"
    whitfield = speaker_of(bridge, "not a blank check")
    assert (whitfield.name, whitfield.gender, whitfield.gender_evidence) == ("Dana Whitfield", "female", "honorific")
    oduya = speaker_of(library, "every night")
    assert (oduya.name, oduya.description, oduya.gender) == ("Grace Oduya", "head librarian", "female")
    assert speaker_of(library, "extra hours").description == "spokesman for the city"


def test_school_meals_example_speakers(extractor):
    text = (EXAMPLES / "school-meals.txt").read_text(encoding="utf-8")
    article = extractor.extract(text)
    assert speaker_of(article, "empty stomach").name == "Priya Raman"
    assert speaker_of(article, "could not afford it").name == "Tom Hadley"
    lopez = speaker_of(article, "every day in my classroom")
    assert lopez.name == "Maria Lopez" and lopez.description == "teacher in Eastfield"
    genders = {e.name: (e.gender, e.gender_evidence) for e in article.entities if e.type == "person"}
    assert genders["Priya Raman"] == ("female", "pronoun")  # "her office" refers back to her
    assert genders["Tom Hadley"] == ("male", "pronoun")  # "his thinking"


def test_pronoun_agrees_in_gender_and_prefers_the_subject(extractor):
    text = (
        "Nora Patel, the union's president, said she was tired of waiting. Tom Reyes, who runs the "
        "port, met her on Monday. He had asked for the meeting.\n\n"
        "Patel criticized Reyes for the delay. \"We waited eight months for this,\" she said.\n\n"
        "Reyes defended the schedule. \"Nobody wanted it to take this long,\" he said."
    )
    article = extractor.extract(text)
    assert speaker_of(article, "eight months").name == "Nora Patel"
    assert speaker_of(article, "take this long").name == "Tom Reyes"
    genders = {e.name: (e.gender, e.gender_evidence) for e in article.entities if e.type == "person"}
    assert genders["Nora Patel"] == ("female", "pronoun")
    assert genders["Tom Reyes"] == ("male", "pronoun")


def test_a_paragraph_of_quotation_continues_the_speaker_before(extractor):
    text = (
        "Sarah Okafor, a nurse at the clinic, said the wait had grown.\n\n"
        "\"Some patients wait six hours now,\" Okafor said.\n\n"
        "\"We do not have the staff to see them sooner, and the winter has not even started.\""
    )
    article = extractor.extract(text)
    assert speaker_of(article, "not have the staff").name == "Sarah Okafor"


def test_two_people_sharing_a_surname_stay_apart(extractor):
    text = (
        "Mary Lund said the farm would close. Her son, Peter Lund, said the family had no choice.\n\n"
        "\"It was the hardest year of my life,\" Mary Lund said."
    )
    article = extractor.extract(text)
    assert speaker_of(article, "hardest year").name == "Mary Lund"
    assert speaker_of(article, "no choice").name == "Peter Lund"


def test_an_entitys_mentions_before_a_place_come_nearest_first_whatever_order_they_arrived_in():
    # a bare surname's reading asks for the last mention holding it: nearest first, lazily, is
    # what keeps an article naming two Smiths thousands of times linear
    person = Referent("e1", "person", "Mary Lund")
    person.mentions.extend([(10, 19), (40, 44)])
    assert list(person.mentions_before(41)) == [(40, 44), (10, 19)]
    person.mentions.append((25, 29))  # read after a later one (an apposition, a merge)
    assert list(person.mentions_before(41)) == [(40, 44), (25, 29), (10, 19)]
    assert list(person.mentions_before(25)) == [(10, 19)]
    assert person.mentioned_before(10) == -1 and person.mentioned_before(100) == 40


def test_a_he_or_she_the_surnames_clause_reports_on_picks_between_two_of_that_surname(extractor):
    text = (
        "Maria Santos lost her father in April. \"Nobody called us,\" Santos said.\n\n"
        "Her brother, Paulo Santos, said the home ignored their letters. \"They knew,\" he said.\n\n"
        "Santos said she would keep pushing. \"My father deserved better,\" she said.\n\n"
        "Santos said he would write to the minister."
    )
    article = extractor.extract(text)
    assert speaker_of(article, "keep pushing").name == "Maria Santos"
    assert speaker_of(article, "deserved better").name == "Maria Santos"
    assert speaker_of(article, "write to the minister").name == "Paulo Santos"


def test_definite_description_resolves_to_the_named_holder(extractor):
    text = (
        "Rookie defenceman Liam Boyd scored twice on Saturday.\n\n"
        "\"I just tried to shoot,\" the rookie defenceman said after the game."
    )
    article = extractor.extract(text)
    assert speaker_of(article, "tried to shoot").name == "Liam Boyd"


def test_honorifics_decide_over_pronoun_votes():
    evidence = GenderEvidence()
    evidence.pronouns["male"] += 3
    evidence.honorifics["female"] += 1
    assert evidence.verdict() == ("female", "honorific")
    evidence = GenderEvidence()
    evidence.pronouns.update({"male": 2, "female": 2})
    assert evidence.verdict() == (None, None)  # no clear majority
    text = "said Ms. Ada Lovell"
    assert honorific_before(text, text.index("Ada")) == "female"
    assert honorific_before(text, text.index("said")) is None


def test_first_name_gender_is_marked_as_inferred(extractor):
    pytest.importorskip("faker")
    from onrecord.speakers.names import first_name_gender

    assert first_name_gender("Margaret Oduya") == "female"
    assert first_name_gender("Trevor Oduya") == "male"
    assert first_name_gender("Robin Oduya") is None  # given to both, three men to a woman
    assert first_name_gender("Oduya") is None
    article = extractor.extract("Margaret Oduya, a teacher, said the school would reopen.")
    teacher = entity_named(article, "Margaret Oduya")
    assert (teacher.gender, teacher.gender_evidence) == ("female", "name")


def test_a_first_name_the_english_and_french_lists_lack_is_looked_up_in_the_others():
    pytest.importorskip("faker")
    from onrecord.speakers.names import first_name_gender

    assert first_name_gender("Wojciech Baran", fallback=False, world=False) is None
    assert first_name_gender("Wojciech Baran", world=False) == "male"
    assert first_name_gender("Ewa Baran") == "female"
    # a name the main lists give to both stays undecided by them: the fallback only fills gaps
    assert first_name_gender("Jordan Baran", world=False) is None


def test_a_first_name_no_faker_list_decides_is_looked_up_in_the_shipped_list():
    from onrecord.speakers.names import first_name_gender, first_name_verdict

    # in no Faker list, nearly always a man's name in the shipped one
    assert first_name_verdict("Olumide Baran") == "unknown"
    assert first_name_gender("Olumide Baran", world=False) is None
    assert first_name_gender("Olumide Baran") == "male"
    # a name the Faker lists give to both is decided where four in five of the people
    # who bear it are of one gender ("Jordan"), not where fewer are ("Kim", "Robin")
    assert first_name_verdict("Jordan Baran") == "both"
    assert first_name_gender("Jordan Baran") == "male"
    assert first_name_gender("Kim Baran") is None
    assert first_name_gender("Robin Baran") is None
    assert first_name_gender("Jean Baran") is None


def test_the_company_is_the_business_named_before(extractor):
    text = (
        "Air Canada said on Monday that it had cancelled 40 flights because of the storm.\n\n"
        "The company said in a statement that the safety of its passengers comes first."
    )
    article = extractor.extract(text)
    assert speaker_of(article, "safety of its passengers").name == "Air Canada"


def test_the_company_is_the_business_that_spoke_not_the_last_one_named(extractor):
    # "the company" goes on speaking for the business that spoke before, not for a unit or
    # a regulator named in between
    text = (
        "Halden Media said on Friday that profits rose. Its own internet business, Netwave, had "
        "mixed fortunes.\n\n"
        "Halden Media is to restate its accounts. It has offered to pay $300m to settle charges, in a "
        "deal that is under review by the SEC. The company said it was unable to estimate its legal costs."
    )
    article = extractor.extract(text)
    assert speaker_of(article, "unable to estimate").name == "Halden Media"


@pytest.mark.parametrize("role, later, name", [
    ("president", "Speaking in Moscow, President Vadim Orlov said the sale was fair.", "Vadim Orlov"),
    # two presidents further down: the lede's words pick neither
    ("president", "President Vadim Orlov met President Anna Berg of Latvia, who said the sale was fair.", None),
    # the one minister further down holds another office
    ("energy minister", "Speaking in Moscow, Finance Minister Vadim Orlov said the sale was fair.", None),
])
def test_a_places_role_in_the_lede_is_the_one_holder_named_further_down(extractor, role, later, name):
    text = f"Russia's {role} has defended the purchase of the oil unit by a state firm.\n\n{later}"
    assert speaker_of(extractor.extract(text), "the purchase of the oil unit").name == name


@pytest.mark.parametrize("later, name", [
    ('"I\'m not pleased," Marsh County Sheriff Dale Vick said.', "Dale Vick"),
    # two sheriffs further down: the lede's word picks neither
    ('"I\'m not pleased," Marsh County Sheriff Dale Vick told Lee County Sheriff Ann Roe.', None),
])
def test_a_bare_role_in_the_lede_is_the_one_person_titled_so_further_down(extractor, later, name):
    # "a sheriff" alone, where the body gives its one sheriff a longer title
    text = f"A rapper has filmed a video in jail, angering a sheriff who says he was tricked.\n\n{later}"
    assert speaker_of(extractor.extract(text), "he was tricked").name == name


def test_where_someone_works_does_not_make_them_an_organization(extractor):
    # "from the … Group" says where Dr Morland works; "the company" is still the carmaker
    text = (
        "Halden Motors is developing a robotic car. \"They are concept vehicles,\" said Dr Peter Morland "
        "from the Transport Studies Group at Kettering University. While Halden Motors' prototypes are "
        "geared towards mass transport, the company says the vehicles will help the elderly."
    )
    article = extractor.extract(text)
    assert entity_named(article, "Peter Morland").type == "person"
    assert speaker_of(article, "help the elderly").name == "Halden Motors"


def test_an_affiliation_is_who_someone_is_so_another_office_is_someone_else(extractor):
    # "Halvard Lund of Norway" was said to be someone: "the European Union's fisheries commissioner"
    # is no new word for him
    text = (
        "Halvard Lund of Norway said he and his colleagues were worried about the krone. \"We are "
        "concerned about these developments,\" he said.\n\nBut that was not enough for Mr Lund. \"It is "
        "up to them to act,\" he said. And the European Union's fisheries commissioner said that "
        "action was necessary."
    )
    speaker = speaker_of(extractor.extract(text), "action was necessary")
    assert (speaker.name, speaker.description) == (None, "European Union's fisheries commissioner")


def test_an_organizations_name_the_tagger_took_for_a_noun_is_still_the_organization(extractor):
    # the second "Fosters" is tagged a plural noun, outside any entity: still the brewer named before
    text = (
        "The brewer Fosters has received a bid from Halden Group. A bid at that price would value the "
        "company at A$3.1bn. Fosters said it was currently in discussions with the bidder."
    )
    assert speaker_of(extractor.extract(text), "in discussions with the bidder").name == "Fosters"
    # but a role the NER once took for a body is still the person the epithet stands for
    text = (
        "Ex-chat show host Robert Kilroy-Silk has quit the party he joined as an MEP. The MEP said he was "
        "ashamed to have joined it."
    )
    assert speaker_of(extractor.extract(text), "ashamed to have joined").name == "Robert Kilroy-Silk"


def test_the_company_is_no_university_named_after_it(extractor):
    text = (
        "Halden Motors Corp is developing a robotic car with engineers at Kettering University.\n\n"
        "The company says the vehicles will help the elderly."
    )
    assert speaker_of(extractor.extract(text), "help the elderly").name == "Halden Motors Corp"


def test_what_a_copula_says_a_person_is_is_a_description(extractor):
    text = (
        "Carolyn Bennett is the minister responsible for the file. She met the chiefs on Friday.\n\n"
        "\"We will keep talking,\" the minister said."
    )
    article = extractor.extract(text)
    assert speaker_of(article, "keep talking").name == "Carolyn Bennett"


def test_a_name_the_ner_missed_behind_an_organization_and_title(extractor):
    text = (
        "FSIN Vice-Chief Heather Bear called the decision disappointing.\n\n"
        "\"Our youth deserve better,\" Bear said."
    )
    article = extractor.extract(text)
    assert speaker_of(article, "deserve better").name == "Heather Bear"


def test_names_with_apostrophes_and_accents_and_a_gendered_role(extractor):
    text = (
        "Veterans Affairs Minister Seamus O'Regan visited the base on Monday.\n\n"
        "Anick Bédard, a spokeswoman for the department, confirmed the visit in an email.\n\n"
        "The minister met with families for two hours.\n\n"
        "\"These are people who served,\" he said."
    )
    article = extractor.extract(text)
    minister = speaker_of(article, "people who served")
    assert minister.name == "Seamus O'Regan" and minister.description == "Veterans Affairs Minister"
    spokeswoman = entity_named(article, "Anick Bédard")
    assert (spokeswoman.gender, spokeswoman.gender_evidence) == ("female", "honorific")


@pytest.mark.parametrize(
    "text, words, name",
    [
        # the party says whose leader, not who: "the NDP leader" goes on with Beck's statement
        ("Rowan Beck said his party would vote against the bill. "
         "\"This budget fails workers,\" the NDP leader told reporters.", "fails workers", "Rowan Beck"),
        # spaCy's small model tags "MLA" as an organization: here, the role of the member named before
        ("NDP MLA Rachel Blaney raised the issue in the legislature. \"Families are waiting,\" the MLA said.",
         "Families are waiting", "Rachel Blaney"),
        # a doctor's title is no office that keeps her from another role
        ("Dr. Nadia Vance said the province would ease restrictions. "
         "\"We are in a good place,\" the provincial health officer said.", "good place", "Nadia Vance"),
        # a role held once is no office now: "the Veritas leader" is the former host who just spoke
        ("Former television host Robert Vance has attacked the government's housing policy.\n\n"
         "The Veritas leader said the only people to benefit were landlords.", "benefit were landlords", "Robert Vance"),
        # a seat in a parliament goes with a party's role ("MEP" an organization to the NER)
        ("Former television host Robert Vance has attacked the government's housing policy.\n\n"
         "The Veritas leader said the only people to benefit were landlords. The MEP said his party would "
         "build more homes.", "build more homes", "Robert Vance"),
        # the writer's word for the one person named before, whose ward the NER took for a person
        ("Kevin Kline, who represents Charleswood-Tuxedo, voted against the plan.\n\n"
         "\"It's a bad deal for taxpayers,\" the councillor said.", "bad deal", "Kevin Kline"),
        # an age given in a paragraph with no cue (read, not parsed), not the subject before it
        ("Mary Smyth, 67, has lived on the street for 40 years. Her neighbour, Joan Leigh, 45, moved in "
         "last spring.\n\n\"I'm not leaving,\" the 45-year-old said.", "not leaving", "Joan Leigh"),
        # an apposition opening on a capital, in a paragraph with no cue (read, not parsed)
        ("Lena Gazaway, the NDP MP for Halden Centre, raised the issue in the House of Commons.\n\n"
         "\"People are dying on our streets,\" the MP said.", "dying on our streets", "Lena Gazaway"),
    ],
    ids=["party's role", "title tagged as an organization", "doctor's title", "a former role", "a member's seat",
         "a ward represented", "an unparsed age", "an unparsed apposition"],
)
def test_a_role_is_the_person_it_was_said_of(extractor, text, words, name):
    assert speaker_of(extractor.extract(text), words).name == name


def test_one_partys_leader_is_not_another_partys(extractor):
    text = (
        "NDP Leader Rowan Beck criticized the budget on Tuesday. \"It fails workers,\" Beck said. "
        "The Liberal leader said the budget was fair."
    )
    assert speaker_of(extractor.extract(text), "budget was fair").name != "Rowan Beck"


def test_a_thing_in_er_is_no_epithet_for_a_person(extractor):
    # "-er" makes person nouns ("banker", "owner"), but a register shows, it does not speak for Vale
    text = ("Former foreign secretary Robin Vale was paid £40,000 for his book. "
            "The register also shows that Ann Webb declared an advance for her novels.")
    assert speaker_of(extractor.extract(text), "Ann Webb declared").name is None


def test_a_member_of_one_parliament_is_not_called_a_member_of_another(extractor):
    text = (
        "Labour MP Jane Ellery criticised the plan on Monday. "
        "The MEP said the rules would hurt farmers."
    )
    assert speaker_of(extractor.extract(text), "hurt farmers").name != "Jane Ellery"


def test_a_title_the_ner_calls_an_organization_and_no_one_holds_is_an_unnamed_person(extractor):
    alone = extractor.extract("\"Families are waiting,\" the MLA said.")
    speaker = speaker_of(alone, "Families are waiting")
    assert speaker.name is None
    assert next(e for e in alone.entities if e.id == speaker.entity).type == "person"


def test_a_person_named_inside_a_quotation_is_no_antecedent(extractor):
    text = (
        "Farid Haddad said the shelter is full. \"We wrote to Peter Quinn in March and nobody answered.\"\n\n"
        "\"We have asked for help three times,\" he said."
    )
    article = extractor.extract(text)
    assert speaker_of(article, "asked for help").name == "Farid Haddad"


def test_the_writers_words_for_the_role_a_person_was_given(extractor):
    article = extractor.extract(
        "Head coach Darryl Sutter praised the move. The veteran coach said the signing set the tone.\n\n"
        "Wales coach Mike Ruddock praised the referee. The England coach said the result was fair."
    )
    assert speaker_of(article, "set the tone").name == "Darryl Sutter"
    assert speaker_of(article, "result was fair").name is None  # a coach of another team


def test_a_rookie_is_the_writers_word_for_the_player_named_before(extractor):
    article = extractor.extract('Maple Leafs defenceman Timothy Liljegren scored twice on Saturday. '
                                '"It felt good," the rookie defenceman said after the game.')
    assert speaker_of(article, "It felt good").name == "Timothy Liljegren"


@pytest.mark.parametrize("said", ["de Villa said", "Dr. de Villa said"])
def test_a_surname_after_a_particle_is_the_persons(extractor, said):
    # "Villa" ends a club's name ("Aston Villa"), and the NER may leave the first name out
    article = extractor.extract("The city's medical officer of health, Dr. Eileen de Villa, urged caution. "
                                f'"Stay home if you are sick," {said}.')
    speaker = speaker_of(article, "Stay home")
    assert (speaker.name, [e.type for e in article.entities]) == ("Eileen de Villa", ["person"])


def test_a_dateline_and_a_place_after_in_are_no_people(extractor):
    # the NER calls "VANCOUVER" and "Surrey" people here, and misses "Aman Grewal"
    text = (
        "VANCOUVER -- Aman Grewal has worked in the emergency department at Surrey Memorial Hospital "
        "for nine years. Lately, she says, she dreads every shift.\n\n"
        "\"You go home and you cry in the car,\" Grewal says.\n\n"
        "Back in Surrey, Grewal says she is thinking about leaving nursing altogether.\n\n"
        "\"I love this job,\" she says."
    )
    article = extractor.extract(text)
    assert speaker_of(article, "dreads every shift").name == "Aman Grewal"
    assert speaker_of(article, "I love this job").name == "Aman Grewal"
    assert not any(e.name in ("VANCOUVER", "Surrey") for e in article.entities if e.type == "person")


def test_a_statement_in_a_clause_on_what_was_pointed_to_is_not_who_spoke_last(extractor):
    text = (
        "Mayor Tom Reid said the plan was flawed. He pointed to a report by economist John Baker, "
        "who found costs had doubled. \"This is a disaster,\" he said."
    )
    article = extractor.extract(text)
    assert speaker_of(article, "costs had doubled").name == "John Baker"
    assert speaker_of(article, "a disaster").name == "Tom Reid"


def test_an_object_pronoun_may_refer_to_the_subject_of_the_clause_above(extractor):
    # "her" at the end is Sarah Klein's, not a vote for the man of the paragraph before
    text = (
        "Coach Paul Maurice praised goalie Connor Hellebuyck after the win. \"He was the best player "
        "on the ice,\" Maurice said. \"He gave us a chance every night,\" he added.\n\n"
        "Sarah Klein told the court her husband, Michael Klein, had threatened her."
    )
    article = extractor.extract(text)
    assert entity_named(article, "Paul Maurice").gender == "male"
    assert entity_named(article, "Sarah Klein").gender == "female"
    assert speaker_of(article, "a chance every night").name == "Paul Maurice"


def test_her_office_speaks_for_her_where_she_is_the_one_woman_near(extractor):
    text = (
        "Health Minister Merrilee Fullerton said the province was reviewing every complaint. "
        "In a statement, her office said inspectors had visited the home three times.\n\n"
        "Caroline Mulroney met Sylvia Jones on Monday. "
        "Her office said the meeting went well."
    )
    article = extractor.extract(text)
    assert speaker_of(article, "visited the home").name == "Merrilee Fullerton"
    assert speaker_of(article, "the meeting went well").name is None  # two women near: whose office?


def test_a_title_run_starts_after_the_person_named_before_and(extractor):
    article = extractor.extract(
        "Finance Minister Caroline Mulroney and Health Minister Sylvia Jones announced the plan. "
        "Jones said it would cut wait times. Premier Doug Ford met Mayor Olivia Chow and Coun. Paula "
        "Fletcher on Monday."
    )
    assert entity_named(article, "Sylvia Jones").descriptions == ("Health Minister",)
    assert entity_named(article, "Paula Fletcher").descriptions == ("Coun.",)
    # a surname after an honorific names the person before "and" too
    article = extractor.extract("Last week Ms Jamieson and First Minister Jack McConnell met the fans. "
                                "McConnell said the talks went well.")
    assert entity_named(article, "Jack McConnell").descriptions == ("First Minister",)


def test_an_organization_in_apposition_to_a_role_is_the_speaker(extractor):
    article = extractor.extract(
        "The building's new owner, Capital Holdings Inc., says the units need renovating."
    )
    speaker = speaker_of(article, "units need renovating")
    assert speaker.name == "Capital Holdings Inc." and entity_named(article, speaker.name).type == "organization"


def test_an_apposition_names_a_role_and_an_age_describes(extractor):
    article = extractor.extract(
        "A spokesperson for Health Canada, Eric Morrissette, said the agency was reviewing the file."
    )
    speaker = speaker_of(article, "reviewing the file")
    assert speaker.name == "Eric Morrissette" and speaker.description == "spokesperson for Health Canada"
    article = extractor.extract(
        "Rasmus Sandin, 19, told reporters he was happy with the contract.\n\n"
        "\"I am just happy to be here,\" the 19-year-old said."
    )
    assert speaker_of(article, "happy to be here").name == "Rasmus Sandin"


def test_a_speakers_gender_is_its_entitys_final_one(extractor):
    text = (
        "\"The river rose overnight,\" said Quill Tamsen, who farms near the dam.\n\n"
        "Tamsen said the water reached the barn. \"We lost everything,\" she said."
    )
    article = extractor.extract(text)
    first = speaker_of(article, "river rose")
    assert first.name == "Quill Tamsen"
    entity = article.entity(first.entity)
    assert entity.gender == "female" and (first.gender, first.gender_evidence) == (entity.gender, entity.gender_evidence)


def test_a_first_name_guess_yields_to_the_pronoun(extractor):
    pytest.importorskip("faker")
    text = "Lu Wen met Anna Berg in Beijing on Tuesday.\n\n\"We oppose the sanctions,\" he said."
    article = extractor.extract(text)
    speaker = speaker_of(article, "oppose the sanctions")
    assert speaker.name == "Lu Wen"
    assert speaker.gender == "male"


def test_the_department_is_the_one_named_before(extractor):
    text = (
        "The Department of Veterans Affairs said on Monday that it would review the case.\n\n"
        "The department said in an email that it could not comment on individual files."
    )
    article = extractor.extract(text)
    assert speaker_of(article, "individual files").name == "The Department of Veterans Affairs"


def test_names_and_descriptions_are_one_line():
    import onrecord

    text = "“We will grow,” said the company's president\nPierre Peladeau.\n\nAna Ruiz, the budget\ndirector, said it was sound."
    article = onrecord.Extractor(strategy="rules").extract(text)
    labels = [a.speaker.name or a.speaker.description for a in article.attributions if a.speaker]
    labels += [e.name for e in article.entities if e.name] + [d for e in article.entities for d in e.descriptions]
    assert labels and not any("\n" in label for label in labels), labels


def test_a_relative_pronoun_is_the_noun_it_follows(extractor):
    article = extractor.extract(
        "The plan was drafted by the county planner Marisol Okonjo, who has argued for years that the "
        "ferry should run at night.\n\n"
        "The Harbor Trust, which said last week that the bridge was unsafe, declined to comment."
    )
    assert speaker_of(article, "ferry should run at night").name == "Marisol Okonjo"
    assert speaker_of(article, "the bridge was unsafe").name.endswith("Harbor Trust")


@pytest.mark.parametrize(("text", "said", "name"), [
    ("His wife Sharon, who said she was shocked, gave details of the stolen items.", "was shocked", "Sharon"),
    ("The striker Jose Reyes, who said he was homesick, joined the club in 2004.", "was homesick", "Jose Reyes"),
])
def test_a_relative_pronoun_after_a_name_in_apposition_is_the_named(extractor, text, said, name):
    # the parse hangs the clause on the noun before the name: not an unnamed "wife" or "striker"
    assert speaker_of(extractor.extract(text), said).name == name


def test_a_pronoun_after_a_pronoun_and_a_name_casts_no_gender_vote(extractor):
    # "her answers" may be She's, not Comey's: Comey stays unknown from the text
    text = (
        "Investigator Paul Rennick testified on Thursday. Mayor Ines Carvalho defended her records.\n\n"
        "She said explicitly that Rennick had called her answers truthful."
    )
    article = extractor.extract(text)
    rennick = entity_named(article, "Paul Rennick")
    assert (rennick.gender, rennick.gender_evidence) != ("female", "pronoun")


def test_a_name_the_ner_takes_for_a_place_after_an_organization(extractor):
    text = '"The issue had been an ongoing one for some time," said Deutsche Bank\'s Simon Champion.'
    article = extractor.extract(text)
    assert speaker_of(article, "ongoing one").name == "Simon Champion"


def test_a_closing_mark_hung_off_the_speakers_is_not_theirs(extractor):
    text = (
        '"Every band should take a kicking before it makes a success," singer Gary Lightbody and '
        'drummer Jonny Quinn said. "It has been good for us, but also hard."'
    )
    speaker = speaker_of(extractor.extract(text), "a kicking")
    assert speaker is not None and speaker.name == "Gary Lightbody"
    assert speaker.mention[0].text == "singer Gary Lightbody and drummer Jonny Quinn"


def test_a_named_apposition_is_a_person_not_the_organization_it_describes(extractor):
    text = (
        "When asked if Vendrel would seek compensation from Bosch, the carmaker's chief executive "
        'Helmut Panke said: "we will first solve the problem before talking about who will pay".'
    )
    assert speaker_of(extractor.extract(text), "first solve").name == "Helmut Panke"


@pytest.mark.parametrize(
    "text, name, description",
    [
        ('"No one was more concerned than myself," said eighth seed Agassi.', "Agassi", "eighth seed"),
        ('"It was a great goal," said striker Rooney.', "Rooney", "striker"),
        ('"We are delighted," said chipmaker Intel.', "Intel", "chipmaker"),
        # an abbreviated title: the tokenizer split "Const." from its stop, the parser ended the
        # sentence there, and "Const" was the speaker
        ('"Officers arrived quickly," said Const. Mike Reid.', "Mike Reid", "Const."),
        ('"It is a good day," said Coun. Janet Moore, who represents the ward.', "Janet Moore", "Coun."),
        ('"This is wrong," said Supt. Mark Pritchard.', "Mark Pritchard", "Supt."),
        # a faith's and a county's titles ("Imam", "Elder", "Reeve")
        ('"We pray for them," said Imam Anna Kowal.', "Anna Kowal", "Imam"),
        ('"We pray for them," said Elder Anna Kowal.', "Anna Kowal", "Elder"),
        ('"The road is closed," said Reeve Anna Kowal.', "Anna Kowal", "Reeve"),
        # hyphened ranks, as Canadian Press writes them (the tagger took "Lt.-Gov." for punctuation)
        ('"The troops are ready," said Maj.-Gen. Dany Fortin.', "Dany Fortin", "Maj.-Gen."),
        ('"It is an honour," said Lt.-Gov. Janet Austin.', "Janet Austin", "Lt.-Gov."),
        ('"The troops are ready," said Pte. Dany Fortin.', "Dany Fortin", "Pte."),
        # Quebec's and Newfoundland's members of the legislature (the NER calls this one an organization)
        ('"This is unacceptable," said Liberal MNA Marwah Rizqy.', "Marwah Rizqy", "Liberal MNA"),
        # a role spelled the Canadian way, opening the sentence, which the NER ran into the name
        ("Neighbour Jim Reid said he woke up to the sound of sirens.", "Jim Reid", "neighbour"),
        # no clause after a name ("the decision … was") nor the word before it ("For") describes her
        ('For Jenna Walsh, the decision to close her café was heartbreaking.\n\n'
         '"I put everything into this place," she said.', "Jenna Walsh", None),
        # in a paragraph with no cue (read, not parsed), the title, not the verb before it
        ("The Halden Blue Bombers fired head coach Mike O'Shay on Sunday.\n\n"
         "\"It was the hardest call,\" said Mike O'Shay.", "Mike O'Shay", "head coach"),
    ],
)
def test_a_role_word_before_one_name(extractor, text, name, description):
    speaker = extractor.extract(text).attributions[0].speaker
    assert (speaker.name, speaker.description) == (name, description)


@pytest.mark.parametrize(
    "text, words, name",
    [
        (
            "Dorian Kettle, for the Liberal Democrats, called for an audit. "
            '"There are some serious loose ends in public spending," Mr Kettle told MPs.',
            "loose ends",
            "Dorian Kettle",
        ),
        (
            "\"I am sure of it,\" said the Observer's Philip Marchbank. \"Sideways should win.\"\n\n"
            '"I think Swank will win," said Mr Marchbank.',
            "Swank will win",
            "Philip Marchbank",
        ),
    ],
)
def test_a_name_the_article_writes_with_an_honorific_is_a_person(extractor, text, words, name):
    # the NER may call "Dorian Kettle" and "Mr Kettle" organizations; "Mr" says otherwise
    article = extractor.extract(text)
    speaker = speaker_of(article, words)
    assert speaker.name == name
    assert next(e for e in article.entities if e.id == speaker.entity).type == "person"


@pytest.mark.parametrize(
    "text, words, description",
    [
        (
            "The lack of outrage is an indictment of human rights groups, Amnesty International's chief has said.",
            "lack of outrage",
            "Amnesty International's chief",
        ),
        (
            "In a lecture, Irene Khan said rights had been flouted. "
            "The Amnesty secretary-general said a growing gap was fuelling scepticism.",
            "growing gap",
            "Amnesty secretary-general",
        ),
    ],
)
def test_an_organizations_role_noun_is_a_person_not_the_organization(extractor, text, words, description):
    article = extractor.extract(text)
    speaker = speaker_of(article, words)
    assert (speaker.name, speaker.description) == (None, description)
    assert next(e for e in article.entities if e.id == speaker.entity).type == "person"


def test_an_organizations_role_noun_is_the_person_it_named_so(extractor):
    text = (
        "Chester chairman Terry Vaughan said the offer stood. "
        '"It is over," the Chester chairman added.'
    )
    assert speaker_of(extractor.extract(text), "It is over").name == "Terry Vaughan"


def test_a_first_name_described_as_a_person_is_one(extractor):
    text = (
        "The agency is chasing unpaid support.\n\n"
        "Marisol, a mother of twins, said she had not received a penny. "
        '"I do not receive correspondence," she said.'
    )
    article = extractor.extract(text)
    assert speaker_of(article, "correspondence").name == "Marisol"


def test_an_acronym_is_no_transcript_speaker(extractor):
    text = 'The bourse was approached about a bid.\n\n"The approach is at an early stage," LSX said.'
    article = extractor.extract(text)
    speaker = speaker_of(article, "early stage")
    assert speaker.name == "LSX"
    assert next(e for e in article.entities if e.id == speaker.entity).type != "person"


def test_the_paper_is_the_outlet_named_before(extractor):
    text = (
        "A weekend report in the Telegraph quoted an executive at the exchange. "
        '"We already own the market in London," the newspaper quoted the executive as saying.'
    )
    assert speaker_of(extractor.extract(text), "already own").name == "Telegraph"


def test_an_honorific_makes_a_name_the_ner_missed_and_a_date_is_no_first_name(extractor):
    text = (
        "Mr Ebbers played down his relationship with Mr Sullivan. However, during the case on Tuesday "
        'Mr Ebbers denied the allegations. "I was not advised of anything," he said.'
    )
    article = extractor.extract(text)
    assert speaker_of(article, "not advised").name == "Ebbers"
    assert all("Tuesday" not in (e.name or "") for e in article.entities)


def test_a_title_without_a_name_is_an_unnamed_person(extractor):
    text = 'Her comments were called "outrageous".\n\n"The threat is real," the Salford MP told the committee.'
    article = extractor.extract(text)
    speaker = speaker_of(article, "threat is real")
    assert (speaker.name, speaker.description) == (None, "Salford MP")
    assert next(e for e in article.entities if e.id == speaker.entity).type == "person"


def test_a_floating_quote_continues_a_statement_that_took_in_a_quoted_phrase(extractor):
    # the quote paragraph continues the mixed statement before it, whose quoted
    # phrase was first a statement of its own
    text = (
        "The government is scrapping old tax records.\n\n"
        'By declaring their assets, people would be able to "legalise their property", Mr Vardanyan stressed.\n\n'
        '"No one will have the right to check the origin of this money. It must go back into the economy."'
    )
    assert speaker_of(extractor.extract(text), "No one will have").name == "Vardanyan"


def test_a_title_run_starts_after_the_sentence_before():
    text = 'The study was run at Novastream. Professor Johan Pouwelse said it was flawed. "It cannot work," he said.'
    speaker = speaker_of(Extractor(strategy="rules").extract(text), "cannot work")
    assert (speaker.name, speaker.description) == ("Johan Pouwelse", "Professor")


@pytest.mark.parametrize(
    "text, words, name, description",
    [
        ('The vote was close. Mr Karger said the show was "a mess".', "a mess", "Karger", None),
        ('The vote was close. Dr Ilse Varga said the plan "would help".', "would help", "Ilse Varga", None),
        ('Lord Vane, the attorney general, said the law was "clear".', "clear", "Vane", "attorney general"),
    ],
)
def test_an_honorific_alone_is_no_description(extractor, text, words, name, description):
    article = extractor.extract(text)
    speaker = speaker_of(article, words)
    assert (speaker.name, speaker.description) == (name, description)
    assert entity_named(article, name).descriptions == (() if description is None else (description,))


@pytest.mark.parametrize(
    "text, words, name, description",
    [
        ('The channel is changing. Director of television Ruth Amsel said it was "overdue".', "overdue",
         "Ruth Amsel", "Director of television"),
        ('The club lost again. Its head of rugby Owen Tarr said it was "a bad day".', "bad day",
         "Owen Tarr", "head of rugby"),
    ],
)
def test_a_role_of_something_before_a_name_is_the_whole_role(extractor, text, words, name, description):
    speaker = speaker_of(extractor.extract(text), words)
    assert (speaker.name, speaker.description) == (name, description)


def test_a_title_run_stays_on_the_names_line():
    text = "Carver defends the harbour levy in Dunmore\n\nPrime Minister Ella Carver said the levy would stay."
    article = Extractor(strategy="rules").extract(text)
    for words in ("harbour levy", "levy would stay"):
        speaker = speaker_of(article, words)
        assert (speaker.name, speaker.description) == ("Ella Carver", "Prime Minister")


def test_an_age_with_a_noun_after_it_is_the_person_of_that_age(extractor):
    text = 'Jane Dowd, 34, was arrested in March. "I did nothing wrong," the 34-year-old mother said.'
    assert speaker_of(extractor.extract(text), "nothing wrong").name == "Jane Dowd"
    # two people of one age: the age names neither
    text = 'Tom Hale, 22, and Ann Ray, 22, won the final. "It was great," the 22-year-old striker said.'
    assert speaker_of(extractor.extract(text), "was great").name is None


def test_a_role_noun_in_man_yields_to_the_pronoun_the_article_uses(extractor):
    text = (
        "Tenants' Union chairman Morwenna Pask said landlords should repair the flats.\n\n"
        '"They should not be allowed to wait another winter," she said. Work starts in May.'
    )
    article = extractor.extract(text)
    speaker = speaker_of(article, "another winter")
    assert speaker.name == "Morwenna Pask"
    pask = next(e for e in article.entities if e.id == speaker.entity)
    assert (pask.gender, pask.gender_evidence) == ("female", "pronoun")


def test_role_noun_evidence_decides_only_where_nothing_else_does():
    evidence = GenderEvidence()
    evidence.add_title("chairman")
    assert evidence.verdict() == ("male", "honorific")
    evidence.pronouns["female"] += 1
    assert evidence.verdict() == ("female", "pronoun")
    evidence.add_title("Ms")
    evidence.pronouns["male"] += 5
    assert evidence.verdict() == ("female", "honorific")


def test_a_place_the_ner_once_takes_for_a_person_is_no_person(extractor):
    # "If England lose" tags England a person; the article names it as a place too
    text = (
        "Tavis Quenby, a former wing, thinks the team is struggling. He watched every match in England this winter.\n\n"
        '"If England lose on Saturday, the coach will go," he said.'
    )
    article = extractor.extract(text)
    assert speaker_of(article, "coach will go").name == "Tavis Quenby"
    assert [e.name for e in article.entities if e.type == "person"] == ["Tavis Quenby"]


def test_a_name_split_off_before_its_description_names_the_speaker(extractor):
    # the parse gives "said" two subjects: the name, and the description after the comma
    text = 'The targets were missed again. Eluned Morgan Price, Plaid Cymru health spokesman said: "It is the same target."'
    article = extractor.extract(text)
    speaker = speaker_of(article, "same target")
    assert (speaker.name, speaker.description) == ("Eluned Morgan Price", "Plaid Cymru health spokesman")
    assert next(e for e in article.entities if e.id == speaker.entity).type == "person"


def test_a_cue_that_opens_its_sentence_without_a_subject_goes_on_from_the_speaker_before(extractor):
    text = 'The bill is due next week. Ms Tallow insisted: "We have a good record here." And continued: "We can be proud of it."'
    assert speaker_of(extractor.extract(text), "proud of it").name == "Tallow"


def test_a_possessive_is_not_part_of_a_name(extractor):
    text = (
        "Fans were left fuming when Carlos Reis' late strike was ruled out in Sri Lanka's capital. "
        'Reis was furious after watching the replay. He said: "I wanted to celebrate."'
    )
    article = extractor.extract(text)
    assert speaker_of(article, "wanted to celebrate").name == "Carlos Reis"
    people = [e.name for e in article.entities if e.type == "person"]
    assert people == ["Carlos Reis"]


def test_a_hyphenated_modifier_is_described_whole(extractor):
    text = 'Four-time champion Lena Moss said: "It was hard."'
    assert speaker_of(extractor.extract(text), "was hard").description == "Four-time champion"


@pytest.mark.parametrize(
    "text, words, name",
    [
        ('Jody Wilson-Raybould testified. "I was pressured," Wilson-Raybould said.', "pressured", "Jody Wilson-Raybould"),
        ('Dominic LeBlanc spoke to reporters. "We are ready," LeBlanc told them.', "are ready", "Dominic LeBlanc"),
        ('Former MP Celina Caesar-Chavannes left the party. "I felt unheard," said Caesar-Chavannes.', "unheard",
         "Celina Caesar-Chavannes"),
        # initials and a surname (an organization to the NER) whose surname alone speaks later
        ('KC Carruthers has run the shelter for a decade. "We are full every night," Carruthers said.',
         "full every night", "KC Carruthers"),
        # a first name the NER took alone, the surname after it a date to it
        ('"The team played well," said Marc-André Fleury after the game.', "played well", "Marc-André Fleury"),
    ],
)
def test_a_name_and_its_surname_are_one_person_whatever_the_ner_calls_them(extractor, text, words, name):
    article = extractor.extract(text)
    speaker = speaker_of(article, words)
    assert speaker.name == name
    entity = article.entity(speaker.entity)
    assert entity.type == "person" and len(entity.mentions) == 2


def test_a_title_and_name_the_ner_took_for_one_organization_is_the_person(extractor):
    text = (
        "Manitoba Premier Brian Pallister said the plan would work. \"We are on track,\" Pallister said.\n\n"
        "The premier later said the deficit would shrink. Premier League clubs said they would pay."
    )
    article = extractor.extract(text)
    for words in ("plan would work", "on track", "deficit would shrink"):
        speaker = speaker_of(article, words)
        assert (speaker.name, speaker.description) == ("Brian Pallister", "Manitoba Premier")
    assert speaker_of(article, "would pay").name is None


def test_a_title_only_people_hold_makes_a_person_of_a_first_name_in_no_list(extractor):
    # the small NER tags "MLA Nahanni Fontaine" an organization, and "Nahanni" is in no list
    article = extractor.extract("Liberal MLA Nahanni Fontaine said the province had abandoned families.")
    speaker = speaker_of(article, "abandoned families")
    assert speaker.name == "Nahanni Fontaine"
    assert article.entity(speaker.entity).type == "person"


def test_a_one_word_name_the_next_sentence_calls_she_is_a_person(extractor):
    # the small NER tags "Varga" an organization; a firm would go on as "it"
    article = extractor.extract(
        'Varga grew in confidence and won in just 56 minutes. She will now meet the top seed. '
        '"I played well," said the 23-year-old.'
    )
    speaker = speaker_of(article, "I played well")
    assert speaker.name == "Varga"
    assert article.entity(speaker.entity).gender == "female"


def test_a_lowercase_phrase_the_ner_calls_a_person_is_no_one(extractor):
    # the small NER tags "unbeaten league run" PERSON; an age after a quote (“…,” added the
    # 30-year-old) read as a pronoun would have found it as the nearest person
    text = (
        "Eastfield's Tom Reyes has called the rivalry with Hallam \"bitter and personal\".\n\n"
        "In March, Eastfield lost 3-1 at Hallam Park, which ended a record 49-match unbeaten league run "
        "and sparked what fans called a mini-crisis.\n\n"
        '"It had a psychological impact on us," added the 30-year-old.'
    )
    article = extractor.extract(text)
    people = [e.name for e in article.entities if e.type == "person"]
    assert "Tom Reyes" in people and "run" not in people
    assert speaker_of(article, "psychological impact").name == "Tom Reyes"


def test_a_month_opening_a_sentence_is_no_one(extractor):
    text = (
        "Eastfield's Tom Reyes has called the rivalry with Hallam \"bitter and personal\".\n\n"
        "In March, Eastfield lost 3-1 to the leaders.\n\n"
        '"It had a psychological impact on us," added the 30-year-old.'
    )
    article = extractor.extract(text)
    assert "March" not in [e.name for e in article.entities if e.type == "person"]
    assert speaker_of(article, "psychological impact").name == "Tom Reyes"


def test_an_age_after_a_quotation_is_its_speaker_not_its_content(extractor):
    text = (
        "Mira Osei, a nurse at a Halifax clinic, said her unit had been short-staffed since March.\n\n"
        '"We are running on empty," the 41-year-old said.'
    )
    article = extractor.extract(text)
    attribution = next(a for a in article.attributions if "running on empty" in a.content[0].text)
    assert [f.text for f in attribution.content] == ['"We are running on empty,"']
    assert [f.text for f in attribution.speaker.mention] == ["the 41-year-old"]
    assert attribution.speaker.name == "Mira Osei"


@pytest.mark.parametrize(
    "text",
    [
        'Mark Van Dusen, a city councillor, disagreed. "We need balance," Van Dusen said.',
        '"We need balance," Van Dusen said.\n\nMark Van Dusen, a city councillor, spoke on Monday.',
    ],
)
def test_a_surname_of_several_words_is_the_person_with_that_full_name(extractor, text):
    article = extractor.extract(text)
    speaker = speaker_of(article, "need balance")
    assert speaker.name == "Mark Van Dusen"
    assert [e.name for e in article.entities if e.type == "person"] == ["Mark Van Dusen"]


def test_a_narrators_subject_pronoun_keeps_its_person_for_the_pronouns_after_it(extractor):
    text = (
        "Owen Pryce said the bill was flawed. He was elected in 2015 after defeating Carl Imrie.\n\n"
        '"It is a bad bill," he said.'
    )
    assert speaker_of(extractor.extract(text), "bad bill").name == "Owen Pryce"


@pytest.mark.parametrize(
    "text, words, name",
    [
        ('Dr. Ilse Varga gave an update on Monday. "Cases are rising," the doctor said.', "rising", "Ilse Varga"),
        ('Sen. Pavel Ostrow spoke in Winnipeg. "This is about justice," the senator said.', "justice", "Pavel Ostrow"),
        ('Const. Ravi Lal said two men were hurt. "They were taken to hospital," the officer said.', "hospital", "Ravi Lal"),
        # one office under two names: "the CEO" is the person named as the chief executive, and back
        ("The bank's chief executive, Marta Lindqvist, told analysts the bank was ready. "
         "The CEO said profits would rise next year.", "profits would rise", "Marta Lindqvist"),
        ("Marta Lindqvist, the bank's CEO, told analysts the bank was ready. "
         "The chief executive said profits would rise next year.", "profits would rise", "Marta Lindqvist"),
        ("Tom Akers, spokesman for the ministry, confirmed the report. "
         '"We are looking into it," the spokesperson said.', "looking into it", "Tom Akers"),
        # a team's "GM" is its general manager (the NER takes it for General Motors)
        ("Kevin Marchand has been general manager of the Jets since 2011. \"We like our group,\" the GM said.",
         "like our group", "Kevin Marchand"),
        ("Daniel Roussel, the team's general manager, spoke on Monday. \"We need to be better,\" Roussel said. "
         "The Flyers GM added that no trades were planned.", "no trades were planned", "Daniel Roussel"),
        # Canada's prosecutors are the Crown's
        ("The case rests on one witness. Crown attorney Jennifer Lee told the jury the evidence was clear. "
         "The prosecutor said the accused had lied.", "accused had lied", "Jennifer Lee"),
    ],
)
def test_a_later_description_by_another_word_for_the_title_finds_its_holder(extractor, text, words, name):
    # an abbreviated title ("Dr.", "Const.") is the noun a later description uses ("the doctor",
    # "the officer"), and one office goes by several names (vocabulary.SAME_OFFICE)
    assert speaker_of(extractor.extract(text), words).name == name


@pytest.mark.parametrize(
    "text, words, name",
    [
        ("The Public Service Alliance of Canada represents 200,000 workers. The union said the deal was fair.",
         "deal was fair", "The Public Service Alliance of Canada"),
        ("Statistics Canada released new data on Friday. The agency said unemployment rose.", "unemployment", "Statistics Canada"),
        ("The Moorland League lost its court case on Wednesday. The group said it would fight on.", "fight on",
         "Moorland League"),
        # but the group the article described is that group, whatever is named after it
        ("A cross-party group said on Monday that the vote was overdue. Its report cites a poll by the Harwell "
         "Institute. The group said ministers must act.", "ministers must act", None),
    ],
)
def test_the_union_or_the_agency_is_the_body_named_before(extractor, text, words, name):
    assert speaker_of(extractor.extract(text), words).name == name


@pytest.mark.parametrize("name, person", [("Ms Hodge", True), ("Fostering Network", False), ("", False), (None, False)])
def test_an_organization_named_like_a_person_is_no_body_a_later_noun_means(name, person):
    # a stray "'s" taken for a source leaves an organization of no name: it must not break the test
    # (a Reuters story about Moody's raised IndexError in `make robustness`)
    assert named_like_a_person(Referent("e1", "organization", name)) is person


def test_the_firm_after_a_business_is_named_is_that_business(extractor):
    # the lede's "the firm" came before any name; once the article names a business, "the firm" is that one
    text = (
        "The firm revealed on Monday that it would restate its results.\n\n"
        "Oakvale said accounting errors had forced the move. However, the firm said it had enough cash."
    )
    article = extractor.extract(text)
    assert speaker_of(article, "enough cash").name == "Oakvale"


def test_of_the_people_before_a_pronoun_the_one_who_spoke_last_goes_on_speaking(extractor):
    text = (
        '"We will fight," said Omar Haddad, the union president.\n\n'
        "Haddad's comments came after Premier Dale Wynter cut the budget.\n\n"
        '"It is a bad plan," he said.'
    )
    assert speaker_of(extractor.extract(text), "bad plan").name == "Omar Haddad"


@pytest.mark.parametrize("text, words, name", [
    # the last speaker is only the object of the sentence before: its main subject goes on
    # (a subject that opens a clause inside the sentence is no main subject: see the test above)
    ('"We have been clear about this," Tony Blair said on Thursday. '
     "Charles Kennedy held talks with Tony Blair on Friday. "
     "He said afterwards that the prime minister had offered some movement.",
     "offered some movement", "Charles Kennedy"),
    # "Lord Callaghan" after a fronted clause is no entity to the NER: the peer's title says who it is
    ('Liberal Democrat leader Charles Kennedy said: "He was always full of warmth."\n\n'
     "Born in 1912 and educated at Portsmouth Northern Secondary School, Lord Callaghan became a clerk "
     "at the Inland Revenue. He enlisted in the Royal Navy in 1942. In 1967, he said he would not resign.",
     "would not resign", "Callaghan"),
    # the asker speaks ("was asked about … by a reporter"), but the sentence is about Scheer
    ("Conservative Leader Andrew Scheer spoke in Regina on Monday. "
     "Scheer was asked about the carbon tax by a reporter from the Globe. "
     "He said the tax would hurt families.", "hurt families", "Andrew Scheer"),
])
def test_a_pronoun_after_a_sentence_about_someone_goes_to_that_someone(extractor, text, words, name):
    assert speaker_of(extractor.extract(text), words).name == name


@pytest.mark.parametrize("name, surname", [
    ("Gurratan Singh", "Singh"),  # a first name in no list, which the NER left out of the name
    ("Jody Wilson-Raybould", "Wilson-Raybould"),  # a source the parse cut at the hyphen ("Raybould")
])
def test_the_name_the_ner_or_the_parse_cut_is_whole(extractor, name, surname):
    text = (f"The government announced new funding on Monday. {name} said the money would help families. "
            f'"This is a good day," {surname} told reporters.')
    article = extractor.extract(text)
    assert speaker_of(article, "help families").name == name
    good_day = speaker_of(article, "good day")
    assert (good_day.name, good_day.mention[0].text) == (name, surname)


@pytest.mark.parametrize("role", ["the Trade and Industry Secretary", "the Health Secretary"])
def test_a_capitalised_title_in_the_lede_is_the_person_named_next_not_its_department(extractor, role):
    # the NER calls "the Trade and Industry" or "Health" an organization: the title's holder speaks
    text = (f"Plans to extend paid parental leave should be prominent in the party's manifesto, {role} has said.\n\n"
            "Marian Holloway said the cost of the proposals was being evaluated.")
    assert speaker_of(extractor.extract(text), "Plans to extend").name == "Marian Holloway"


@pytest.mark.parametrize("text, words, name", [
    # a name set off by commas after a capitalised title in which the NER saw only organizations
    ('The Shadow Secretary of State for the Family, Theresa Maybury, said: "These plans were announced '
     'last year."', "announced last year", "Theresa Maybury"),
    # … and after a lowercase role
    ('His creator, Richard Bowfield, lecturer at the Centre for Vision, refers to the program as "him". '
     '"It is a virtual face," he said.', "virtual face", "Richard Bowfield"),
])
def test_a_name_in_apposition_to_the_speakers_role_is_the_speaker(extractor, text, words, name):
    assert speaker_of(extractor.extract(text), words).name == name


@pytest.mark.parametrize("text, words, group", [
    ("Verizon has agreed to buy MCI. MCI shareholders said the offer was too low.", "too low", "MCI shareholders"),
    ("Arsenal fans said the club had let them down.", "let them down", "Arsenal fans"),
])
def test_an_organizations_stakeholders_are_not_the_organization(extractor, text, words, group):
    speaker = speaker_of(extractor.extract(text), words)
    assert speaker.name is None and speaker.mention[0].text == group


def test_a_speaker_the_lede_describes_is_the_one_the_next_sentence_names(extractor):
    text = ("The UK's top judge has revealed he has clashed with ministers over inquiries. "
            "Lord Wexley said he was determined to keep his veto.")
    assert speaker_of(extractor.extract(text), "clashed with ministers").name == "Wexley"


@pytest.mark.parametrize("text, name", [
    # the sentence's subject, speaking there or not
    ("Hockey Canada's new chief executive says the organization has changed.\n\n"
     "Katherine Henley took over the job in July.", "Katherine Henley"),
    # an age and a family tie are no role of their own
    ("A Saskatoon woman says she was turned away from three pharmacies.\n\n"
     "Lisa Moreau, 42, said she relies on the medication. \"I was in tears,\" said the mother of two.", "Lisa Moreau"),
    # the gender of the description's own words, not of its office's other forms ("spokeswoman")
    ("Singer Ian Brook was arrested after a concert on Tuesday, his spokesman has said.\n\n"
     "A fan attacked the singer, record label spokesman Paul Smedley said.", "Paul Smedley"),
    # an epithet the writer uses for the person further down is no role they were introduced with
    ("The Danish harbour watchdog's chairman has said he will resist new port fees.\n\n"
     "In a speech in Aarhus, Henrik Dahl promised \"a fair hearing\". The Danish regulator said ships were "
     "already leaving.", "Henrik Dahl"),
    # an organization too: a public body described by its kind
    ("The province's largest health authority says it will hire 1,000 nurses this year.\n\n"
     "Alberta Health Services announced the plan on Tuesday, saying wait times are too long.", "Alberta Health Services"),
])
def test_the_person_the_sentence_after_the_lede_introduces_is_the_ledes(extractor, text, name):
    first = min(extractor.extract(text).attributions, key=lambda a: a.content[0].start)
    assert first.speaker.name == name


@pytest.mark.parametrize("text", [
    # of the other gender
    "A Winnipeg man says he was assaulted by a security guard.\n\nJulie Courchaine said the mall was cooperating.",
    # an organization whose name says it is of another kind
    "Thousands of textile workers will lose their jobs under new trade rules, a charity has warned.\n\n"
    "The World Trade Organisation is to end its textile quota agreement at midnight. Christian Aid condemned the "
    "move, saying it would see a million jobs lost.",
    # a family tie is a role of its own where the description says what someone does
    '"It was too much," the Black Harbour singer told reporters. His wife Sharon, who manages the band, agreed.',
    # named before: the lede's own critic, not its speaker
    "Australian tennis' top official has defended the courts after criticism by Lleyton Hewson. "
    "Hewson said he had had enough of the surface.",
    # a role of their own: a reply
    "A senior Tory MP has criticised the plan to cut farm grants. Defra minister Ben Brady said the plan was sound.",
    # an answer
    "The referee has defended his handling of the game. But Nigel Wrenn said the officials had failed.",
])
def test_a_name_after_the_lede_that_is_someone_else(extractor, text):
    first = min(extractor.extract(text).attributions, key=lambda a: a.content[0].start)
    assert first.speaker.name is None


def test_a_first_name_the_ner_left_out_of_a_name_is_no_description(extractor):
    article = extractor.extract('Canadian Olympian Penny Oleksiak said it was hard. "It was hard," Oleksiak said.')
    speaker = speaker_of(article, "It was hard")
    assert (speaker.name, speaker.description) == ("Penny Oleksiak", "Canadian Olympian")


def test_an_addressee_is_no_later_it(extractor):
    text = 'The Veltro Institute told Harbour Radio that growth would slow.\n\n"Strong profits will help," it added.'
    assert speaker_of(extractor.extract(text), "Strong profits").name == "The Veltro Institute"


def test_a_sentences_first_word_the_ner_took_into_a_name_is_not_the_name():
    registry = Registry(None)
    runner = registry.person("Ines Calder", at=0)
    assert registry.person("If Calder", at=50) is runner and runner.name == "Ines Calder"
    assert registry.person("May Tanaka", at=80).name == "May Tanaka"  # a first name stays


def test_an_organizations_capitals_after_the_are_its_name():
    # "the Office of the Deputy Prime Minister (ODPM) has said … The ODPM attributed …": one body
    registry = Registry(None)
    office = registry.organization("the Office of the Deputy Prime Minister")
    assert registry.organization("The ODPM") is office and office.name == "The Office of the Deputy Prime Minister"
    # capitals are an organization only as its abbreviation, not as the last word of its name
    # a country's capitals before the name are no part of its abbreviation ("the US Securities
    # Exchange Commission (SEC)")
    board = registry.organization("the US Federal Trade Board")
    assert registry.organization("FTB") is board
    bank = registry.organization("Halden Royal Bank UK")
    assert registry.abbreviated_by("HRBU") is bank and registry.abbreviated_by("UK") is None


def test_an_organization_spelt_with_and_without_a_space_is_one_body():
    # "Quarterly profits at Halden Media … HaldenMedia said …": one company, spelt two ways
    registry = Registry(None)
    company = registry.organization("HaldenMedia")
    assert registry.organization("Halden Media") is company
    assert registry.organization("Halden Mediaworks") is not company


def test_an_organization_met_first_as_a_lowercase_word_takes_its_capitalised_name():
    # "the dictionary definition of a quokka" before "Quokka said": the company is "Quokka"
    registry = Registry(None)
    company = registry.organization("quokka")
    assert registry.organization("Quokka") is company and company.name == "Quokka"


def test_a_dash_the_ner_took_into_an_organizations_name_is_no_part_of_it():
    # "Halden Boerse - whose market value …": the NER takes the dash along
    registry = Registry(None)
    exchange = registry.organization("Halden Boerse -")
    assert exchange.name == "Halden Boerse"
    assert registry.organization("the Halden Boerse") is exchange


@pytest.mark.parametrize(
    "word, following, opens_sentence, verdict",
    [
        ("Meanwhile", "Singh", False, True),  # a word that opens sentences, wherever it stands
        ("Sure", "Robbie", True, True),  # any word opening a sentence before a first name
        ("Singer", "Courtney", True, True),
        ("Sure", "Robbie", False, False),  # inside a sentence, a capitalised word may be a name
        ("Shinzo", "Abe", False, False),
        ("Marisol", "Ferreira", True, False),  # a first name is one
    ],
)
def test_a_capitalised_word_before_a_name_is_no_part_of_it(word, following, opens_sentence, verdict):
    assert no_part_of_name(word, following, opens_sentence=opens_sentence) is verdict


def test_the_people_mentioned_follow_a_merge_and_an_organization_taken_for_a_person():
    registry = Registry(None)
    full, alone = registry.person("Robbie Williams", at=90), registry.new("person", "Robbie")
    registry.mention_person(PersonMention(90, full, 1, 0))
    registry.mention_person(PersonMention(10, alone, 0, 0))  # out of text order: indexed in it
    assert [m.start for m in registry.person_mentions_before(90, inclusive=True)] == [90, 10]  # nearest first
    registry.absorb(full, alone)
    assert [m.entity for m in registry.person_mentions_before(100)] == [full, full]
    assert registry.person_mentioned_at(10) and not registry.person_mentioned_at(11)
    registry.no_person(full)  # "Age Concern" tagged a person: no he/she refers back to it
    assert list(registry.person_mentions_before(100)) == []


def test_a_nickname_between_a_first_name_and_a_surname_is_none_of_the_name(extractor):
    text = (
        "The band has lost its guitarist.\n\n"
        "Gareth 'Nails' Brennock told a radio station in Ohio that he had found faith. "
        "Brennock added that he would play at a church."
    )
    article = extractor.extract(text)
    assert speaker_of(article, "play at a church").name == "Gareth Brennock"
    # the NER's "Gareth" alone is the same person, and no two entities share an id
    assert [e.name for e in article.entities].count("Gareth") == 0
    assert len({e.id for e in article.entities}) == len(article.entities)


@pytest.mark.parametrize(
    "text, words, name",
    [
        ("Kenya's Wanjiru won the race in London. Wanjiru said she was proud of the team.", "proud of", "Wanjiru"),
        ("Paris-based Euronext said it would bid. Euronext added that the offer was fair.", "offer was fair", "Euronext"),
    ],
)
def test_a_possessive_or_a_modifier_before_a_surname_is_no_first_name(extractor, text, words, name):
    assert speaker_of(extractor.extract(text), words).name == name


def test_an_entity_absorbed_into_another_lends_no_one_its_id():
    registry = Registry(None)
    kept, gone = registry.new("person", "Robbie Williams"), registry.new("person", "Robbie")
    registry.absorb(kept, gone)
    assert registry.new("other", None).id not in (kept.id, gone.id)


def test_a_pronoun_in_apposition_is_no_description(extractor):
    article = extractor.extract("Tova Brennan, herself a former swimmer, said the pool was too cold.")
    assert "herself" not in (speaker_of(article, "pool was too cold").description or "")


def test_a_description_that_goes_on_with_added_is_the_person_who_spoke_before(extractor):
    text = (
        '"The squad is ready," Idris Maelor told Harbour Radio. Chairman Colm Reddy met Maelor on Sunday. '
        "The veteran midfielder added that leaving for a rival club was out of the question."
    )
    speaker = speaker_of(extractor.extract(text), "leaving for a rival")
    assert (speaker.name, speaker.description) == ("Idris Maelor", "veteran midfielder")
    # an organization named before stays itself
    text = "Ford Motor Co. reported a loss. Mark Fields, the chief executive, said sales fell. The company added that it would cut jobs."
    assert speaker_of(extractor.extract(text), "cut jobs").name == "Ford Motor Co."


def test_a_role_no_one_was_given_is_the_writers_word_for_the_person_just_quoted(extractor):
    text = (
        "The harbour levy will not be renegotiated, Ruth Calder said on Monday. "
        "The finance secretary told councillors the levy had paid for the new pier.\n\n"
        "Owen Pryce met Tomas Veld in Cardiff on Friday. The chancellor said the talks had gone well.\n\n"
        "Ines Marr, the transport secretary, said trams would run by May. The harbour master said the pier was safe."
    )
    article = extractor.extract(text)
    speaker = speaker_of(article, "the levy had paid")
    assert (speaker.name, speaker.description) == ("Ruth Calder", "finance secretary")
    # another person named since, or a role the person was not given: someone else
    assert speaker_of(article, "the talks had gone well").name is None
    assert speaker_of(article, "the pier was safe").name is None
    text = (
        "The accounts were sound, Dara Quill said on Monday. The former finance officer said Ms Quill knew of the losses.\n\n"
        "Kent police chief Alan Brody said the plans were flawed. The Essex police chief said the plans were needed."
    )
    article = extractor.extract(text)
    # the sentence names the person besides; the same role at another place
    assert speaker_of(article, "knew of the losses").name is None
    assert speaker_of(article, "the plans were needed").name is None


def test_one_subject_of_two_cues_is_one_speaker(extractor):
    text = (
        "Owen Pryce attacked the council on Monday.\n\n"
        "Mr Imrie has failed to fix the roads, he claimed, saying he had the wrong plan for them. "
        "This is the record Mr Imrie will have to defend, he said."
    )
    article = extractor.extract(text)
    assert speaker_of(article, "failed to fix the roads").name == "Owen Pryce"
    assert speaker_of(article, "the wrong plan").name == "Owen Pryce"
    # a person the statement before is about is no antecedent of the he after it
    assert speaker_of(article, "will have to defend").name == "Owen Pryce"


def test_a_role_the_persons_verb_had_them_in_describes_them(extractor):
    text = (
        "Ruth Calder, who served as finance minister until 2019, met Owen Pryce on Monday. "
        "The finance minister said the levy was fair.\n\n"
        "Mr Ashdown quit as harbour master last week. Ina Voss met him. The harbour master said he had no regrets.\n\n"
        "Tomas Veld described Ada Lovell as a friend. The friend said it was true."
    )
    article = extractor.extract(text)
    assert speaker_of(article, "the levy was fair").name == "Ruth Calder"
    assert speaker_of(article, "no regrets").name == "Ashdown"
    # the role the verb gives its object is no description of its subject
    assert speaker_of(article, "it was true").name is None


@pytest.mark.parametrize("word, ends", [
    ("British.", True), ("won!", True), ("ex-minister.", True), ("Minister.", True),
    ("Sen.", False), ("Capt.", False), ("Mrs.", False), ("J.R.R.", False), ("Co.", False), ("Okafor", False),
])
def test_a_word_ends_a_sentence_unless_it_is_an_abbreviation(word, ends):
    assert ends_sentence(word) is ends


def test_descriptions_take_the_whole_role_and_no_list_dash_or_stray_abbreviation(extractor):
    text = (
        '- Kelso boss Martin Adair: "We are not confident."\n\n'
        'But Dunmore director of hockey Gareth Price said: "She is fit."'
    )
    article = extractor.extract(text)
    assert speaker_of(article, "not confident").description == "Kelso boss"
    assert speaker_of(article, "She is fit").description == "Dunmore director of hockey"
    entity = Referent("e1", "person", "Nia Owusu")
    entity.describe("m.")  # what the parse can leave of "£312m." before a name
    assert entity.descriptions == []


def test_a_name_described_as_a_business_is_an_organization(extractor):
    article = extractor.extract("Shares in Russian oil giant Yukos fell on Monday. Yukos said it would appeal the ruling.")
    speaker = speaker_of(article, "appeal the ruling")
    entity = article.entity(speaker.entity)
    assert (entity.name, entity.type, entity.gender) == ("Yukos", "organization", None)
    assert [e.name for e in article.entities if e.type == "person"] == []


@pytest.mark.parametrize("text, name, pronoun_content", [
    ('"The bleeps are ready," producer Gil Ober told reporters. He added that he disliked censors.',
     "Gil Ober", "disliked censors"),
    ("On Monday broadcaster Cyril Wentworth said the show would go on. He added that it had been a long year.",
     "Cyril Wentworth", "long year"),
])
def test_a_role_firms_share_is_a_persons_before_a_first_name(extractor, text, name, pronoun_content):
    # "producer", "broadcaster" name firms too ("oil producer Yukos"); before a first name of
    # one gender they describe a person, whom the "he" after them then means
    article = extractor.extract(text)
    speaker = speaker_of(article, pronoun_content)
    assert speaker.name == name
    assert article.entity(speaker.entity).type == "person"


@pytest.mark.parametrize("text, name", [
    # a surname that is also an organization's noun ("White" of "White House", "Court") is still
    # the named person's: one entity with the apposition's role, not an organization beside it
    ('"Prices held steady," said Dana White, senior economist at Westbrook Securities. '
     '"The White House said nothing," she added.', "Dana White"),
    ('"The draw was unkind," said Anna Court, a former champion at the club. "I will be back," she said.',
     "Anna Court"),
])
def test_a_surname_that_is_an_organizations_noun_is_the_persons(extractor, text, name):
    article = extractor.extract(text)
    first, second = (speaker_of(article, quoted) for quoted in text.split('"')[1::2])
    entity = article.entity(first.entity)
    assert (entity.name, entity.type, entity.gender) == (name, "person", "female")
    assert [e.name for e in article.entities].count(name) == 1
    assert second.entity == entity.id


def test_a_first_name_of_any_locale_after_a_role_makes_a_person(extractor):
    # "Vadim" is in no English or French Faker list, only in other locales': after a role
    # ("France captain") it still makes the name the NER took for an organization a person's
    text = ("France were behind at the break. France captain Vadim Orlov insisted his side never doubted "
            'they could win. "We are improving every week," he said.')
    article = extractor.extract(text)
    speaker = speaker_of(article, "improving every week")
    entity = article.entity(speaker.entity)
    assert (speaker.name, entity.type, entity.gender) == ("Vadim Orlov", "person", "male")


def test_an_apposition_describes_up_to_a_clause_of_what_the_person_does(extractor):
    text = ('"Junk mail must stop," said Maria Lopez, Oregon attorney general announcing the lawsuit. '
            "The attorney general alleges that the messages broke the law.")
    article = extractor.extract(text)
    first, later = speaker_of(article, "Junk mail"), speaker_of(article, "broke the law")
    assert (first.name, first.description) == ("Maria Lopez", "Oregon attorney general")
    assert (later.name, later.entity) == ("Maria Lopez", first.entity)
    # an infinitive makes the role: it stays
    text = "Sania Patel, the first Indian woman to reach the final, said she was thrilled."
    speaker = speaker_of(extractor.extract(text), "thrilled")
    assert speaker.description == "first Indian woman to reach the final"


def test_a_definite_role_in_the_lede_is_the_one_person_the_body_gives_it(extractor):
    # a shadow office of the same name is another office ("Shadow home secretary Tom Keane")
    text = ("The home secretary has defended his decision not to release the suspects.\n\n"
            "He told MPs the law was clear. The court had ruled in March. Lawyers for the men will appeal.\n\n"
            "Shadow home secretary Tom Keane said it was wrong. "
            'New Home Secretary Alan Pryor said later that "the threat is real".')
    article = extractor.extract(text)
    assert speaker_of(article, "his decision").name == "Alan Pryor"
    assert speaker_of(article, "law was clear").name == "Alan Pryor"


@pytest.mark.parametrize("text, content, name", [
    # the one person the sentence before names, as its subject: the role is the writer's word for them
    ("Brian Hasselt arrived at the training ground on Monday. "
     "The agent stressed that nothing should be read into the visit.", "nothing should be read", "Brian Hasselt"),
    # (a street an unparsed paragraph names is no second person)
    ("Tom Wu owns a bakery on Main Street in Saskatoon.\n\nThe owner said sales fell by half after the road closed.",
     "sales fell by half", "Tom Wu"),
    # not a person named in a clause of that sentence, nor where it names two
    ("Michael Hale spoke at the conference on Monday. The issue came up in the US, where George Bell opposed it. "
     "But the Tory leader argued there was a moral case for science.", "moral case", None),
    ("Brian Hasselt met Tom Ware on Monday. The agent stressed that nothing should be read into the visit.",
     "nothing should be read", None),
    # nor where someone else spoke last: the role may be theirs as well
    ('"It was a fine day," Tom Ware told reporters. Brian Hasselt arrived at the training ground on Monday. '
     "The agent stressed that nothing should be read into the visit.", "nothing should be read", None),
])
def test_a_role_no_one_was_given_after_the_one_person_named_before(extractor, text, content, name):
    assert speaker_of(extractor.extract(text), content).name == name


def test_a_courtesy_title_is_no_role_of_ones_own(extractor):
    # "Mr" is no role: "the chancellor" after "Mr Alan Reid has said" may still be the writer's word for him
    text = "Interest rates will stay low, Mr Alan Reid has said. The chancellor, speaking in Leeds, said it was time to save."
    assert speaker_of(extractor.extract(text), "time to save").name == "Alan Reid"


def test_a_first_name_does_not_make_a_business_a_person(extractor):
    article = extractor.extract("Shares in wine maker Robert Calloway rose on Monday. Robert Calloway said sales had grown.")
    entity = article.entity(speaker_of(article, "sales had grown").entity)
    assert (entity.name, entity.type) == ("Robert Calloway", "organization")


def test_a_relation_of_a_person_is_not_their_description(extractor):
    text = "The son of Liberal MP Jane Doe, Tom Doe, said he was proud. Jane Doe said she would run again."
    speaker = speaker_of(extractor.extract(text), "run again")
    assert (speaker.name, speaker.description) == ("Jane Doe", "Liberal MP")
    assert speaker.gender == "female"


def test_a_name_after_the_is_a_party_or_a_family_not_a_person(extractor):
    for text in ('The Lib Dems said the tax was unfair. "We will win," said Charles Kennedy.',
                 'Lib Dems said the tax was unfair. "We will win," said Charles Kennedy.'):
        article = extractor.extract(text)
        entity = article.entity(speaker_of(article, "tax was unfair").entity)
        assert (entity.name, entity.type, entity.gender) == ("Lib Dems", "organization", None)


def test_a_pronoun_after_a_gendered_noun_casts_no_vote_for_a_name(extractor):
    text = (
        "Columnist Ravi Sood writes this week.\n\n"
        "Last month my girlfriend's laptop died and she could not work for a week, Sood said."
    )
    speaker = speaker_of(extractor.extract(text), "could not work")
    assert speaker.name == "Ravi Sood" and speaker.gender != "female"


def test_a_pronoun_quoted_after_its_speaker_casts_no_vote_for_the_speaker(extractor):
    # "Her record" is the runner's, not the race director's who says it
    text = (
        "Sprinter Alana Moyo will run in the Leeds race in May. Moyo has won the Boston and London marathons. "
        '"We are delighted to have signed one of the best runners in the world," said race director Owen Pratt. '
        '"Her record speaks for herself and few other runners would compare with Moyo," he added. "She might be 33 '
        'next month, but that did not stop her winning a medal last summer. She is a consistent racer."'
    )
    article = extractor.extract(text)
    assert speaker_of(article, "Her record").name == "Owen Pratt"
    assert entity_named(article, "Owen Pratt").gender == "male"


def test_they_is_not_the_one_person_named_last(extractor):
    text = '"Peer networks are here to stay," said Tom Reyes, chairman of Swoosh. They said the plan would fail.'
    assert speaker_of(extractor.extract(text), "the plan would fail").name is None


def test_a_club_is_no_person_and_a_plural_is_no_description(extractor):
    article = extractor.extract(
        "Sheffield United host Leeds.\n\nMoran was pleased to draw United, though he said the tie would be hard."
    )
    assert not [e.name for e in article.entities if e.type == "person" and "United" in (e.name or "")]
    article = extractor.extract(
        'Clean water is the "test of the decade" for small farms across poorer regions Maria Lund will argue on Monday.'
    )
    lund = entity_named(article, "Maria Lund")
    assert "poorer regions" not in lund.descriptions


def test_a_description_with_a_clause_after_it_is_read_up_to_its_noun(extractor):
    text = (
        "Green leader Oren Falk wants a cap on fares. The Green leader, who says the plan is fair to "
        "drivers, said the system was chaotic.\n\nThe MP, who is taking legal advice, said he was innocent."
    )
    article = extractor.extract(text)
    assert speaker_of(article, "system was chaotic").name == "Oren Falk"
    assert speaker_of(article, "was innocent").description == "MP"


def test_a_first_name_alone_is_the_one_person_the_article_gave_it(extractor):
    text = (
        'Sarah Lee, a nurse in Regina, lost her job in March.\n\n"It was devastating," Sarah said. '
        "Her husband, Tom Lee, said they would move."
    )
    article = extractor.extract(text)
    speaker = speaker_of(article, "devastating")
    assert (speaker.name, speaker.gender) == ("Sarah Lee", "female")
    assert sorted(e.name for e in article.entities if e.type == "person") == ["Sarah Lee", "Tom Lee"]


@pytest.mark.parametrize(
    "text, words, name",
    [
        # a role that says her gender ("wife") is no title: Marisol is still a first name
        ('Rock star Dax Ferreira chased a burglar from his house.\n\nHis wife Marisol, who called the police, '
         'said her rings were taken. At a press conference, Marisol Ferreira gave details of the thefts.',
         "rings were taken", "Marisol Ferreira"),
        # a first name no list holds, the one person the article gave it
        ('Zemarko Lindqvist opened the new hall on Friday.\n\n"It was a long wait," Zemarko said.',
         "long wait", "Zemarko Lindqvist"),
        # a surname written first: "Mr Quan" is Quan Zhilei
        ('Tax chief Quan Zhilei said revenue rose sharply.\n\n"Evasion is falling," Mr Quan said.',
         "Evasion is falling", "Quan Zhilei"),
        # "Mr Kim" after "Kim Yungmin", where no "Mr Yungmin" says Yungmin is the surname
        ('Analyst Kim Yungmin expects growth.\n\n"Exports will rise," Mr Kim said.', "Exports will rise", "Kim Yungmin"),
        # but Mr Howard is no Howard Flight whom the article calls Mr Flight
        ('Howard Flight left the party on Friday. Mr Flight said he was sad.\n\n"I regret it," Mr Howard said.',
         "regret it", "Howard"),
        # a relative shares a surname with someone named: his son Nick is no Nick Varga
        ('Party leader Tom Halsey spoke for an hour. He was introduced by his son Nick, a trainee vicar.\n\n'
         '"He means what he says," Nick said. Student Nick Varga said it was a fine speech.',
         "means what he says", "Nick"),
        # royals go by first names: Prince Rupert is no Rupert Kane
        ('Prince Rupert will marry in April.\n\nRupert Kane, the party leader, sent his best wishes. '
         '"We are delighted," said Prince Rupert.', "We are delighted", "Prince Rupert"),
        # a surname is the one last called by it: his wife Marisol is known by her first name
        ('Rock star Dax Ferreira chased a burglar from his house.\n\nHis wife Marisol, who called the police, '
         'said her rings were taken.\n\n"I was lucky," Ferreira said. Marisol Ferreira later gave details.',
         "was lucky", "Dax Ferreira"),
        # of two people of that surname, the principal, not the relative the article describes by kin
        ("Prime Minister Justin Trudeau spoke at the ceremony honouring his father, Pierre Trudeau.\n\n"
         "\"He believed in this country,\" Trudeau said.", "believed in this country", "Justin Trudeau"),
        ("Serena Williams beat her sister Venus Williams 6-4 6-2 on Monday.\n\n"
         "\"It's never easy playing Venus,\" Williams said.", "never easy playing", "Serena Williams"),
        # the tie in apposition, beside a role before the name
        ("Premier Doug Ford said the province would build the highway. His late brother, former Toronto "
         "mayor Rob Ford, had pushed for it in 2012.\n\n\"We're getting it done,\" Ford said on Tuesday.",
         "getting it done", "Doug Ford"),
        # a couple named with the one surname they share
        ('Marc and Julie Bergeron took their daughter back the next day.\n\n"We trusted them," Marc said.',
         "trusted them", "Marc Bergeron"),
        # (not a list of stars known by one name)
        ('He is behind Raul, Ronaldo and Michael Owen at the club.\n\n"We are happy," Ronaldo said.',
         "are happy", "Ronaldo"),
    ],
)
def test_a_one_word_name_is_the_person_whose_full_name_it_begins(extractor, text, words, name):
    assert speaker_of(extractor.extract(text), words).name == name


@pytest.mark.parametrize(
    "text, words, name",
    [
        # "her husband": the other person named with her surname ("Marc and Julie Bergeron")
        ('Her parents, Marc and Julie Bergeron, took her back the next day.\n\n"She was screaming in pain," '
         'Julie Bergeron said.\n\n"We trusted them," her husband added.', "trusted them", "Marc Bergeron"),
        ('John Smith and his wife, Mary Smith, run the shop.\n\n"We love it here," his wife said.',
         "love it here", "Mary Smith"),
        # not one the article gave another tie: her son is not her husband
        ('Jessica Tran said her son, Daniel Tran, left home on Friday.\n\n"I did not sleep," she said.\n\n'
         '"We were lucky," her husband added.', "were lucky", None),
        # a relative named by a first name alone, in a paragraph with no cue (read, not parsed), is
        # whom the "he" after it means
        ('Linda Cook lost her job at the plant in March. Her husband, Dave, still works there.\n\n'
         '"We are barely getting by," she said.\n\nHe said the company has not offered any help.',
         "offered any help", "Dave"),
    ],
)
def test_a_relative_called_by_kin_is_the_one_named_with_that_surname(extractor, text, words, name):
    assert speaker_of(extractor.extract(text), words).name == name


# "Michael Dorsey's mother" speaks before the article names her, "His mother Katherine Dorsey"
_MOTHER_NAMED_AFTER = ('Meanwhile Michael Dorsey\'s mother has said she is "certain" he did nothing wrong.\n\n'
                       "Mr Dorsey, 46, denies the charges. His mother Katherine Dorsey told reporters her son "
                       "was innocent.")


@pytest.mark.parametrize(
    "text, words, name",
    [
        # those very words, given with the name before
        ("Police named the victim as Ravi Patel, 34. Patel's wife, Anita Patel, said he was a kind man.\n\n"
         '"He loved his family," Patel\'s wife said.', "loved his family", "Anita Patel"),
        # a kin word and the surname: the one other person the article gives both, before or after
        ("Mr Dorsey, 46, denies the charges. His mother Katherine Dorsey told reporters her son was innocent.\n\n"
         'Later, Michael Dorsey\'s mother said she is "certain" he did nothing wrong.', "did nothing wrong",
         "Katherine Dorsey"),
        (_MOTHER_NAMED_AFTER, "did nothing wrong", "Katherine Dorsey"),
        # no one the article gives the tie: the mother stays unnamed
        ("Mr Dorsey, 46, denies the charges. His sister Ann Dorsey told reporters he was innocent.\n\n"
         'Later, Michael Dorsey\'s mother said she is "certain" he did nothing wrong.', "did nothing wrong", None),
    ],
)
def test_a_tie_to_someone_named_is_the_person_the_article_named_with_it(extractor, text, words, name):
    assert speaker_of(extractor.extract(text), words).name == name


def test_a_surname_inside_a_tie_calls_the_possessor_not_the_relative(extractor):
    # the mother's mention "Michael Dorsey's mother" holds "Dorsey": "Mr Dorsey" is still her son
    assert speaker_of(extractor.extract(_MOTHER_NAMED_AFTER), "the charges").name == "Michael Dorsey"


def test_an_economist_in_apposition_makes_a_person_of_a_name_the_ner_took_for_an_organization(extractor):
    article = extractor.extract('"Growth will slow," said Jean-Philippe Marouc, the OECD\'s chief economist.')
    entity = article.entity(speaker_of(article, "Growth will slow").entity)
    assert (entity.name, entity.type) == ("Jean-Philippe Marouc", "person")


@pytest.mark.parametrize(
    "introduction",
    [
        "Dana Okoro, the premier, toured the flooded towns on Monday.",
        "The premier, Dana Okoro, toured the flooded towns on Monday.",
        "Premier Dana Okoro toured the flooded towns on Monday.",
    ],
)
def test_the_premier_is_the_person_the_article_gave_that_role(extractor, introduction):
    text = introduction + ' "We will rebuild every bridge," the premier said.'
    speaker = speaker_of(extractor.extract(text), "rebuild every bridge")
    assert speaker.name == "Dana Okoro"


def test_words_of_place_narrow_a_role_down_to_its_one_holder(extractor):
    text = (
        "Dr. Ines Carvalho warned that the outbreak was spreading. "
        "The country's top doctor said hospitals should prepare.\n\n"
        "Premier Dana Okoro toured the flooded towns. "
        '"We will rebuild every bridge," the Manitoba premier said.'
    )
    article = extractor.extract(text)
    assert speaker_of(article, "hospitals should prepare").name == "Ines Carvalho"
    assert speaker_of(article, "rebuild every bridge").name == "Dana Okoro"


def test_a_shadow_or_deputy_office_is_not_the_office(extractor):
    text = (
        "Shadow chancellor Owen Pryce said the budget was a con.\n\n"
        "Turning to the economy, the chancellor promised to keep growth steady.\n\n"
        "Deputy leader Mara Olsen met voters. The leader said the party was united.\n\n"
        "The shadow chancellor said taxes would rise."
    )
    article = extractor.extract(text)
    assert speaker_of(article, "keep growth steady").name is None
    assert speaker_of(article, "the party was united").name is None
    # the office itself still finds its holder
    assert speaker_of(article, "taxes would rise").name == "Owen Pryce"


def test_a_role_another_holder_was_given_is_not_narrowed_to_them(extractor):
    # the seventh seed is not "the top seed", the Norfolk police chief not the Yorkshire one
    text = (
        "The seventh seed, Marta Ruiz, lost in three sets. The top seed said the court was too slow.\n\n"
        "Norfolk police chief Alan Pryce was at the scene. The Yorkshire police chief said roads would close."
    )
    article = extractor.extract(text)
    assert speaker_of(article, "court was too slow").name is None
    assert speaker_of(article, "roads would close").name is None


def test_a_word_that_only_qualifies_a_role_is_no_description(extractor):
    text = "Former Halden Mining chief Ole Berg said the mine would close. Halden Mining said it would appeal."
    article = extractor.extract(text)
    company = entity_named(article, "Halden Mining")
    assert "Former" not in company.descriptions and "former" not in company.descriptions


def test_a_body_named_by_no_word_is_an_unnamed_organization_of_its_article(extractor):
    # "the government" names no one: the store merges names only, so it must not be a name
    text = (
        "The government said it would cut fuel duty. Its central bank said rates would rise. "
        "Norvania said it would protest. The bank added that inflation was falling. "
        "The government later said the cut would be small."
    )
    article = extractor.extract(text)
    government = speaker_of(article, "cut fuel duty")
    assert (government.name, government.description) == (None, "government")
    assert speaker_of(article, "cut would be small").entity == government.entity
    assert speaker_of(article, "inflation was falling").entity == speaker_of(article, "rates would rise").entity
    assert speaker_of(article, "would protest").name == "Norvania"  # a place that speaks is named


def test_a_title_before_a_name_the_ner_missed_makes_a_person(extractor):
    text = "Shares fell on Monday. Halden Oil chief executive Lord Pelham said profits rose."
    speaker = speaker_of(extractor.extract(text), "profits rose")
    assert (speaker.name, speaker.description) == ("Pelham", "Halden Oil chief executive")


def test_a_definite_description_can_be_named_in_the_next_sentence(extractor):
    text = (
        'Confidence fell. "The economy is at a pause," the economy minister said. '
        '"Growth will come back," said economy minister Kenji Aramaki.'
    )
    speaker = speaker_of(extractor.extract(text), "economy is at a pause")
    assert speaker.name == "Kenji Aramaki"


def test_a_description_with_a_company_name_narrows_to_the_one_holder(extractor):
    text = (
        "Founder Stelian Varga-Ioannou has pledged to fight the action. "
        "The Orbitel founder also said he would add a disclaimer."
    )
    article = extractor.extract(text)
    speaker = speaker_of(article, "add a disclaimer")
    assert speaker.name == "Stelian Varga-Ioannou"
    founder = entity_named(article, "Stelian Varga-Ioannou")
    assert "Founder Stelian" not in founder.descriptions
    # a role at a sentence's start stays out of the name, even one a first-name list holds ("Boss")
    boss = speaker_of(extractor.extract("Shares rose. Boss Henk Addink said the euro was to blame."), "euro was to blame")
    assert boss.name == "Henk Addink"


@pytest.mark.parametrize(
    "ner_name, name, description",
    [
        # a name the NER ran across a sentence's end ("… were British. For Andrea Arnold, who won")
        ("British. For Gwenda Thorley", "Gwenda Thorley", None),
        # … and across a dash into the aside after the name
        ("Fenna Holt - Vitesse Arnhem", "Fenna Holt", None),
        ("Lib Dem Norris Palfrey", "Norris Palfrey", "Lib Dem"),
        ("Tory Dominic Arkwright", "Dominic Arkwright", "Tory"),
        ("EADS Pascal Lemarne", "Pascal Lemarne", "EADS"),
        ("Again Ruddock", "Ruddock", None),
        # initials stay in the name; a party's members stay a group, not a person named "MPs"
        ("JP Malloy", "JP Malloy", None),
        ("J.R.R. Tolliver", "J.R.R. Tolliver", None),
        ("Lib Dem MPs", "Lib Dem MPs", None),
        # a capitalised role before a first name ("Striker Thierry Henry" at a sentence's start)
        ("Goalkeeper Marisol Ferreira", "Marisol Ferreira", "goalkeeper"),
        ("New Yorker Dorothy Pell", "Dorothy Pell", "New Yorker"),
        ("Without Ruddock", "Ruddock", None),
        # quotation marks: a nickname, a mark on its own, one hung on the last word
        ("Gareth 'Nails' Brennock", "Gareth Brennock", None),
        ("Ana «Chispa» Ruiz", "Ana Ruiz", None),  # any quotation mark text.py knows
        ("Mira Castell '", "Mira Castell", None),
        ("Colm O'Hara'", "Colm O'Hara", None),
        ("Cathal O' Brannigan", "Cathal O'Brannigan", None),
        # a possessive: first, whose the name is; after a name's first word, its end
        ("Chile's Inés Baeza Ruiz", "Inés Baeza Ruiz", None),
        ("Tobias Welles' Macbeth", "Tobias Welles", None),
        # a hyphenated modifier says what the named is
        ("Lyon-based Vantrel", "Vantrel", "Lyon-based"),
        # a lowercase word further in ends the description; a particle or a joining word does not
        ("Ostrava centre Jan-Pavel Hruby", "Jan-Pavel Hruby", "Ostrava centre"),
        ("Lotte van Dierendonck", "Lotte van Dierendonck", None),
        ("Oda Brekke of The Herald", "Oda Brekke of The Herald", None),
        # a demonym, one or several, is where they are from, no part of the name
        ("Norwegian Torvald Ekberg", "Torvald Ekberg", "Norwegian"),
        ("Top-seeded Americans Cody Marsh", "Cody Marsh", "Top-seeded Americans"),
        ("American Harbour Group", "American Harbour Group", None),  # an organization the NER called a person
        # a capitalised role the list holds, before any name
        ("Teenager Sunniva Aas", "Sunniva Aas", "teenager"),
        # … one that is a first name too, in the lists ("Lawyer", "Wing")
        ("Lawyer Louise Cardew", "Louise Cardew", "lawyer"),
        ("Wing Christophe Darrieu", "Christophe Darrieu", "wing"),
    ],
)
def test_words_the_ner_took_into_a_persons_name(ner_name, name, description):
    entity = Registry(None).person(ner_name)
    assert entity.name == name
    assert entity.descriptions == ([description] if description else [])


@pytest.mark.parametrize(
    "text, words, name, description",
    [
        # a party before the name describes its member; so does an employer in capitals
        ('But Lib Dem Norris Palfrey accused ministers of "dithering".', "dithering", "Norris Palfrey", "Lib Dem"),
        (
            "The co-head of aerospace group AVRO Pascal Lemarne is to leave. Mr Lemarne said he was proud.",
            "was proud",
            "Pascal Lemarne",
            "AVRO",
        ),
        ("Again Ruddock said he was happy with his serve.", "happy with", "Ruddock", None),
    ],
)
def test_words_the_ner_ran_into_a_name_stay_out_of_it(extractor, text, words, name, description):
    article = extractor.extract(text)
    speaker = speaker_of(article, words)
    assert speaker.name == name
    entity = entity_named(article, name)
    assert description is None or description in entity.descriptions


def test_a_charity_the_ner_calls_a_person_is_an_organization(extractor):
    text = (
        "Age Concern, the charity, ran a poll of pensioners in Leeds. "
        "Age Concern says most of them will vote in May."
    )
    article = extractor.extract(text)
    assert speaker_of(article, "will vote").name == "Age Concern"
    assert entity_named(article, "Age Concern").type == "organization"


def test_the_ledes_description_is_the_person_the_body_names_so(extractor):
    text = (
        "A judge has dismissed an attempt by the oil firm Varnek to gain bankruptcy protection.\n\n"
        "The firm had filed in Houston. Varnek said it would appeal. "
        "In her ruling, Judge Letitia Clark said that the case belonged in Russia."
    )
    article = extractor.extract(text)
    assert speaker_of(article, "an attempt by").name == "Letitia Clark"
    # further down, a description stays what it was: the lede introduces, the body names
    later = (
        "Prices rose on Monday. Shares fell.\n\nTraders were calm. "
        "A judge said the fund was sound. Judge Letitia Clark ruled last week."
    )
    assert speaker_of(extractor.extract(later), "fund was sound").name is None


def test_an_organization_name_the_ner_cut_at_its_place_is_whole(extractor):
    text = (
        "Officials with the Public Health Agency of Canada met on Monday. "
        "The agency said it would update its advice. "
        "The Department of Fisheries and Oceans said the stock was low."
    )
    article = extractor.extract(text)
    assert speaker_of(article, "update its advice").name == "The Public Health Agency of Canada"
    assert speaker_of(article, "stock was low").name == "The Department of Fisheries and Oceans"
    # the NER stops at "of the" and leaves the office's capitalised words to no entity, and calls
    # its capitals a person
    text = ("House prices dipped in November, the Office of the Deputy Prime Minister (ODPM) has said. "
            "The ODPM attributed the fall to the value of flats.")
    article = extractor.extract(text)
    assert speaker_of(article, "House prices").name == "The Office of the Deputy Prime Minister"
    assert speaker_of(article, "value of flats").name == "The Office of the Deputy Prime Minister"
    # a name for a province that the NER calls a person ("Manitoba Hydro says"), which "the Crown
    # corporation" then means
    text = ("Manitoba Hydro says crews restored power to 4,000 customers overnight.\n\n"
            '"We expect everyone to be back on by noon," the Crown corporation said.')
    article = extractor.extract(text)
    assert entity_named(article, "Manitoba Hydro").type == "organization"
    assert speaker_of(article, "back on by noon").name == "Manitoba Hydro"


@pytest.mark.parametrize(
    "text, words, name",
    [
        # the NER runs the dateline into the name after it: the name is the words after the dash
        ("EDMONTON — Alberta Health Services says a cyberattack has disrupted its systems.\n\n"
         "AHS said patient records were not affected.", "records were not", "Alberta Health Services"),
        # a name the NER calls a person's that ends in a word only bodies' names end in
        ("Mary Barra Corp said sales rose in March.", "sales rose", "Mary Barra Corp"),
    ],
)
def test_an_organizations_name_the_ner_misread_is_the_organization(extractor, text, words, name):
    article = extractor.extract(text)
    assert speaker_of(article, words).name == name
    assert [e.type for e in article.entities if e.name == name] == ["organization"]


@pytest.mark.parametrize("client", ["Mr Doherty", "Jane Smith"])
def test_whom_a_lawyer_represents_is_a_person_not_a_ward(extractor, client):
    # (a ward or riding someone "represents" is no person; a lawyer's client is one)
    article = extractor.extract(f"A lawyer representing {client} said outside court the charges were denied.")
    assert "person" in {e.type for e in article.entities if e.name and e.name in client}
    assert "organization" not in {e.type for e in article.entities if e.name and e.name in client}


def test_a_first_word_that_looks_like_a_role_noun_stays_in_the_name(extractor):
    # "-ian" and "-er" make person nouns, but "Lian" and "Dresdner" are names
    text = "Lian Wei Tan, an economist at a bank, said rates would rise. Dresdner Kleinwort Brenner said it agreed."
    article = extractor.extract(text)
    assert speaker_of(article, "rates would rise").name == "Lian Wei Tan"
    assert speaker_of(article, "it agreed").name == "Dresdner Kleinwort Brenner"


def test_an_organization_named_beside_its_description_is_named_by_its_name(extractor):
    text = (
        "Dairvale, the Italian food group at the centre of a scandal, said it would sue its banks. "
        "The firm, Paionex, said its drug worked. "
        "Rival local club Harwick Rovers said it would not sell."
    )
    article = extractor.extract(text)
    dairvale = speaker_of(article, "sue its banks")
    assert (dairvale.name, dairvale.description) == ("Dairvale", "Italian food group at the centre of a scandal")
    assert speaker_of(article, "drug worked").name == "Paionex"
    rovers = speaker_of(article, "would not sell")
    assert (rovers.name, rovers.description) == ("Harwick Rovers", "Rival local club")


def test_an_honorific_the_ner_took_into_an_organization_makes_a_person(extractor):
    # the NER tags "Mr Cabe" as an organization: it was a firm named "Mr Cabe", and "he" found no one
    text = ("Vincent Cabe, the party's Treasury spokesman, said the threshold would rise.\n\n"
            "Under the proposals, the average saving would be more than £1,000, according to Mr Cabe. "
            "\"Buyers are being squeezed out,\" he said.")
    article = extractor.extract(text)
    assert speaker_of(article, "average saving").name == "Vincent Cabe"
    assert speaker_of(article, "squeezed out").name == "Vincent Cabe"


def test_letters_after_a_name_are_no_part_of_it(extractor):
    # the NER takes "QC" into the name; one speaker across articles whichever way it is written
    article = extractor.extract("Helen Marsh QC, representing the families, said the inquiry had failed them.")
    assert speaker_of(article, "inquiry had failed").name == "Helen Marsh"
    # the NER calls this one an organization: a first name and the letters make a person of it
    article = extractor.extract("Nadia Ferrant QC, representing the families, said the inquiry had failed them.")
    speaker = speaker_of(article, "inquiry had failed")
    assert speaker.name == "Nadia Ferrant"
    assert next(e for e in article.entities if e.id == speaker.entity).type == "person"


def test_an_organization_named_beside_its_description_keeps_the_words_after_its_head(extractor):
    # the name's head is "Bank": the name goes on to the end of the entity
    text = "The Bank of Arden, the island's central bank, said that rates would rise."
    assert speaker_of(extractor.extract(text), "rates would rise").name == "The Bank of Arden"


@pytest.mark.parametrize(
    "words, name",
    [
        (["New", "Jersey", "Gov.", "Chris", "Christie"], ["Chris", "Christie"]),  # a place before the title
        (["Mr.", "Okafor"], ["Okafor"]),
        (["Chris", "Christie", ",", "the", "governor"], ["Chris", "Christie"]),  # a role after the name
        (["Lena", "Okafor"], ["Lena", "Okafor"]),
        (["Vodafone", "spokesman", "Bob", "Smith"], ["Bob", "Smith"]),  # the employer is no part of it
        (["Irish", "owners", "JP", "McManus", "and", "John", "Magnier"], ["John", "Magnier"]),
        (["Northern", "Ireland", "striker", "James", "Burke"], ["James", "Burke"]),
    ],
)
def test_a_name_read_from_words_starts_after_its_title(words, name):
    # mentions the parse does not cover (a paragraph only the tagger read) are read word by word
    assert name_after_titles(words) == name


# Names in paragraphs no rule parses (no cue word, no quotation) are read from the raw text.
@pytest.mark.parametrize(
    "text, words, name",
    [
        # a sentence's first word before a first name is no part of it; the first name alone,
        # read before the full name, is that one person
        ('Honestly Marisol is the best keeper the club has had.\n\n'
         'Marisol Ferreira said: "We will win the cup."\n\n"I love this town," Marisol said.',
         "love this town", "Marisol Ferreira"),
        # a possessive ends the name, a middle initial stays in it
        ("The town gave its keys to beaming Harold T Brimley's family.\n\n"
         '"It is a fair plan," Brimley said.', "fair plan", "Harold T Brimley"),
        ("Painter Lucia Brandt has opened a gallery in the old mill.\n\n"
         '"It is a dream," Brandt said.', "a dream", "Lucia Brandt"),
        ("Painter\tLucia  Brandt has opened a gallery in the old mill.\n\n"  # any space between words
         '"It is a dream," Brandt said.', "a dream", "Lucia Brandt"),
        # an abbreviated title is no part of the name (a councillor's, a Mountie's)
        ("Mayor Olivia Chow met Coun. Dianne Saxe and Cst. Mark Dunn on Monday.\n\n"
         '"It is a fair plan," Saxe said.', "fair plan", "Dianne Saxe"),
        ("Mayor Olivia Chow met Coun. Dianne Saxe and Cst. Mark Dunn on Monday.\n\n"
         '"It is a fair plan," Dunn said.', "fair plan", "Mark Dunn"),
        # nor a title about to be held, nor a title's portfolio
        ("They met Mayor-elect Dianne Saxe on Monday at the hall.\n\n"
         '"It is a fair plan," Saxe said.', "fair plan", "Dianne Saxe"),
        ("They met Minister of Health Mark Dunn on Monday at the hall.\n\n"
         '"It is a fair plan," Dunn said.', "fair plan", "Mark Dunn"),
    ],
)
def test_a_name_in_unparsed_text(extractor, text, words, name):
    assert not may_attribute(text.split("\n\n")[0])  # the first paragraph is read as raw text
    article = extractor.extract(text)
    speaker = speaker_of(article, words)
    assert speaker.name == name
    assert len([e for e in article.entities if e.name == name]) == 1
    assert not any(e.name and e.name.startswith(("Honestly", "Painter")) for e in article.entities)
    # the words before a raw name describe it only when they end in a role: not "beaming"
    assert "beaming" not in entity_named(article, name).descriptions


def test_words_before_a_raw_name_describe_it_when_they_end_in_a_role_or_kind_of_body(extractor):
    text = ('Struggling furniture maker Oakvale Works has closed two plants.\n\n'
            '"We had no choice," the furniture maker said.')
    article = extractor.extract(text)
    assert speaker_of(article, "no choice").name == "Oakvale Works"


@pytest.mark.parametrize("name, party", [("Lib Dem", True), ("Lib Dems", True), ("John Tory", False), ("Philip Green", False)])
def test_a_partys_name_is_no_persons(name, party):
    assert club_or_party(name) is party


def test_two_raw_words_apart_by_a_tab_are_read_without_error(extractor):
    # a fuzzed "Aa\tAa" once raised while the first word was tested as a sentence's opener
    article = extractor.extract('Painter\tBrandt has opened a gallery.\n\n"It is a dream," Brandt said.')
    assert speaker_of(article, "a dream") is not None


@pytest.mark.parametrize(
    "text, words, name, description",
    [
        # an aside clause says what the speaker did, not who it is: its names are others'
        ("Kestrel, which was founded by the engineer Selma Brandvold, said fares would rise.",
         "fares would rise", "Kestrel", None),
        ("The nurses' union, led by Vicki Tamaro, said it was not consulted.",
         "not consulted", None, "nurses' union"),
        ('Striker Tom Okafor has signed a new contract.\n\n'
         "Okafor, who is Leeds United's top scorer this season, said he would stay.",
         "would stay", "Tom Okafor", None),
        # a clause after a name is no part of the name
        ("South Korea, which has large foreign reserves, said it would buy bonds.",
         "buy bonds", "South Korea", None),
        # a restrictive clause says which one, and a name in it is still someone else's
        ("A union representing 5,200 cabin crew at Skyline Airways said it would strike.",
         "would strike", None, "union representing 5,200 cabin crew at Skyline Airways"),
        # but the author of a survey or report is named in its clause
        ("A survey conducted by Brightline Research said most readers were angry.",
         "readers were angry", "Brightline Research", None),
        ("The study, undertaken by the Harbour Commission, said prices rose.",
         "prices rose", "The Harbour Commission", None),
        # and a clause that names its noun names the speaker
        ("A retired teacher called Thomas Eyford said the school had changed.",
         "school had changed", "Thomas Eyford", None),
    ],
)
def test_names_in_a_clause_about_the_speaker_are_not_the_speaker(extractor, text, words, name, description):
    speaker = speaker_of(extractor.extract(text), words)
    assert speaker.name == name
    if description is not None:
        assert speaker.description == description


def test_a_sentences_capital_the_opens_no_name(extractor):
    article = extractor.extract("The Lord Chief Justice, Lord Harwood, said the law was clear.")
    assert speaker_of(article, "law was clear").name == "Harwood"


def test_an_acronym_the_ner_cut_before_its_parenthesis_closes_is_whole(extractor):
    text = ("The International Labour Organisation (ILO) said catches fell.\n\n"
            "The ILO said the trend would go on.")
    article = extractor.extract(text)
    names = {speaker_of(article, "catches fell").name, speaker_of(article, "trend would go on").name}
    assert names == {"The International Labour Organisation (ILO)"}


@pytest.mark.parametrize(
    "description, name",
    [("The distressed actress", "Lena Moreau"), ("The former actress", None)],
)
def test_an_adjective_of_the_writers_own_still_names_the_one_holder_of_a_role(extractor, description, name):
    text = ("Police have ordered actress Lena Moreau to leave the country.\n\n"
            f"{description} told reporters she was being driven straight to the airport.")
    assert speaker_of(extractor.extract(text), "driven straight").name == name


def test_a_churchs_title_is_no_part_of_the_name(extractor):
    text = ("Archbishop Thomas Mkhize has criticised the plan.\n\n"
            '"It is wrong," Archbishop Mkhize said.\n\n'
            "The archbishop said he would write to the minister.")
    article = extractor.extract(text)
    assert speaker_of(article, "It is wrong").name == "Thomas Mkhize"
    assert speaker_of(article, "write to the minister").name == "Thomas Mkhize"


@pytest.mark.parametrize(
    "text, words, name",
    [
        # a role opening the sentence before a first name from any locale's lists
        ('Goalie Frederik Lindqvist made 30 saves.\n\n"We have to be better," Lindqvist said.',
         "be better", "Frederik Lindqvist"),
        # the name starts after the last title, a peer's or before a name of two words
        ("The Attorney General Lord Hartwell said the law was clear.", "law was clear", "Hartwell"),
        ("Leeds City Councillor Brian Oakes said the bins would be collected.", "bins would", "Brian Oakes"),
    ],
)
def test_the_words_before_a_name_that_say_what_the_person_is(extractor, text, words, name):
    assert speaker_of(extractor.extract(text), words).name == name


@pytest.mark.parametrize(
    "text, name",
    [
        ('Premier Doug Hollis blamed Ottawa for the delay. The federal government, led by Prime '
         'Minister Martin Kerr, has sent two million doses.\n\n"We need help now," he said.', "Doug Hollis"),
        ("Minister Ravi Sundaram is attending the summit in London. At a dinner hosted by chancellor "
         "Gordon Pike on Friday, he said he was in favour of floating exchange rates.", "Ravi Sundaram"),
    ],
)
def test_a_he_looks_past_a_name_in_a_clause_about_something_else(extractor, text, name):
    article = extractor.extract(text)
    said = [a for a in article.attributions if a.speaker and [m.text for m in a.speaker.mention] == ["he"]]
    assert said and said[-1].speaker.name == name


def test_police_are_the_police_force_the_article_named(extractor):
    text = ("Officers of the Harbour City Police Service were called to the pier on Monday.\n\n"
            "Police said a man was taken to hospital.")
    assert speaker_of(extractor.extract(text), "taken to hospital").name == "The Harbour City Police Service"
    # and where the article names no force, "Police" stay an unnamed group of their article
    assert speaker_of(extractor.extract("Police said a man was taken to hospital."), "taken to hospital").name is None


def test_a_party_by_its_one_word_is_a_named_organization(extractor):
    article = extractor.extract("Labour sees nuisance behaviour as a key election issue.")
    speaker = speaker_of(article, "key election issue")
    assert speaker.name == "Labour"
    assert entity_named(article, "Labour").type == "organization"


@pytest.mark.parametrize(
    "introduced, described, name",
    [
        # a hyphened role is one word, as the description gave it
        ("Green Party co-chairman Tomas Ridley", "The Green co-chairman", "Tomas Ridley"),
        # a hyphened word of the writer's own says more of the one president named
        ("President Anita Caldera", "The left-wing president", "Anita Caldera"),
        # a capitalised title narrowed by a nationality
        ("Economics Minister Budi Santoso", "The Indonesian Economics Minister", "Budi Santoso"),
        # a hyphened word that sets another holder apart names no one
        ("President Anita Caldera", "The ex-president", None),
    ],
)
def test_a_narrowed_description_names_the_one_holder_of_its_role(extractor, introduced, described, name):
    text = (f"{introduced} has ordered a review of mining contracts.\n\n"
            f"{described} said the state would create a telecoms company.")
    assert speaker_of(extractor.extract(text), "telecoms company").name == name


def test_a_role_before_a_name_in_apposition_describes_the_person(extractor):
    text = ("The firm's chief executive, Mara Olsen, said sales rose in March.\n\n"
            "The chief executive said profits would follow by the summer.")
    article = extractor.extract(text)
    assert speaker_of(article, "sales rose").description == "firm's chief executive"
    assert speaker_of(article, "profits would follow").name == "Mara Olsen"


@pytest.mark.parametrize(
    "text, name, kind",
    [
        # a person's noun before a name the NER took for an organization's makes it a person's
        ("The bleeps will be used as needed, film-maker Martin Kessler told reporters.", "Martin Kessler", "person"),
        ("Former Telco boss Bernie Ebbers is on trial. He said he was innocent.", "Bernie Ebbers", "person"),
        ("The unidentified woman's lawyer, Dolores M Troiani, said her client would sue.", "Dolores M Troiani", "person"),
        # a maker is a business, not a person ("parts maker Robert Bosch")
        ("A faulty pump was supplied by parts maker Robert Bosch, the recall notice said.", "Robert Bosch", "organization"),
    ],
)
def test_a_persons_noun_before_a_name_says_what_it_names(extractor, text, name, kind):
    assert entity_named(extractor.extract(text), name).type == kind


def test_a_he_in_a_fronted_clause_refers_ahead_to_the_sentences_subject(extractor):
    # the "he" of "Asked whether he …" is Mr Okafor's, so the he/she after it stays with him
    text = ('Party leader Daniel Brandt said the Liberals had moved onto his ground. Asked whether he was '
            'worried by the comparison, Mr Okafor told the radio station: "I reject that entirely." '
            'He said the plan was fair. He said the country had to change its approach to housing.')
    article = extractor.extract(text)
    assert speaker_of(article, "the plan was fair").name == "Okafor"
    assert speaker_of(article, "change its approach to housing").name == "Okafor"


def test_a_he_after_an_unnamed_speaker_is_that_speaker(extractor):
    text = ('A spokesman for distributor Toho said the film "has received strong interest". '
            '"We have a good feeling about this film," he added.')
    speaker = speaker_of(extractor.extract(text), "good feeling")
    assert speaker.name is None and speaker.description == "spokesman for distributor Toho"


def test_a_gendered_word_of_the_sentence_before_is_no_honorific_of_the_name(extractor):
    # "wife" ends the sentence before; "Mr Hague" is still the William Hague named first
    text = ("Former party leader William Hague is to write a second book. He hopes to start a family "
            "with wife Ffion. Mr Hague, who recently published a biography of William Pitt, said he "
            "wanted to keep writing.")
    assert speaker_of(extractor.extract(text), "keep writing").name == "William Hague"


@pytest.mark.parametrize(
    "mention, name",
    [
        ("Shadow spokesman for sport Hugh Robertson", "Hugh Robertson"),
        ("A spokesman for Delhi Builders, Dr Vancheshwar,", "Vancheshwar"),
        # the person spoken for is not the spokesman
        ("A spokesman for Michael Howard", None),
    ],
)
def test_a_spokesmans_own_name_beside_the_role_names_the_spokesman(extractor, mention, name):
    article = extractor.extract(f"{mention} said the plan would fail.")
    assert speaker_of(article, "plan would fail").name == name


def test_a_name_that_modifies_a_noun_is_no_antecedent(extractor):
    # "an Oscar nomination": the NER's person "Oscar" is no one the she can be
    text = ("Best actress winner Imelda Staunton told the BBC that the film was the highlight of her "
            "career. Her role has already led to a clutch of awards and an Oscar nomination. "
            'She said: "Never in a million years did I expect this."')
    assert speaker_of(extractor.extract(text), "million years").name == "Imelda Staunton"


@pytest.mark.parametrize(
    "introduced, described, name",
    [
        # a party or an epithet of the writer's own may stand for the holder's own place or event
        ("New York Senator Charles Schumer called for checks.", "the Democrat senator", "Charles Schumer"),
        ("Olympic champion Kenenisa Bekele won again on Sunday.", "the two-time champion", "Kenenisa Bekele"),
        # but another place is another holder, and so is another title
        ("Norfolk police chief Andy Hayman said the plan was bad.", "the Metropolitan police chief", None),
        ("World cross country champion Paula Radcliffe is out.", "the European cross-country champion", None),
    ],
)
def test_a_party_or_epithet_stands_for_the_holders_own_place(extractor, introduced, described, name):
    text = f'{introduced}\n\n"We will go there with a little fear," said {described}.'
    assert speaker_of(extractor.extract(text), "little fear").name == name


@pytest.mark.parametrize(
    "text, words, name",
    [
        # the sentence before, in a paragraph with no statement (left unparsed), opens with its subject
        ("Helen Marsh has opened the party's spring conference in Leeds.\n\n"
         "The chancellor said she was proud of the party's record.", "proud of", "Helen Marsh"),
        # but not where the role's own sentence named someone else first
        ("Tomas Berdych - a fine player, a fine man.\n\n"
         'When Jonas Lindqvist shook his hand, the Swede said: "You are the best."', "the best", None),
        # of two it names, the one it is about, whom the role may be and the other not ("novelist")
        ("Paul Hendry has spoken of his friendship with novelist Mara Quist for the first time.\n\n"
         "The transport secretary said it had changed his life.", "changed his life", "Paul Hendry"),
        # a title written as one, after another speaker whom it cannot be ("Shadow home secretary")
        ('Shadow home secretary Dan Ives attacked the plans. "The public face a choice," he concluded.\n\n'
         "Hugh Barlow has addressed the conference behind closed doors. The Chancellor said the plans "
         "would see cuts of £5bn.", "cuts of", "Hugh Barlow"),
        # but an office named with its place is no writer's word for whoever was named before
        ('"It opened up a sense of loss," said Rosa Cowling, who wrote a biography of the queen. '
         'The Archbishop of Canterbury said: "I am pleased for them."', "pleased for them", None),
        # but not where it may be either
        ("Paul Hendry has spoken of his friendship with Mara Quist for the first time.\n\n"
         "The transport secretary said it had changed his life.", "changed his life", None),
    ],
)
def test_a_role_after_an_unparsed_sentence_is_the_person_it_opened_with(extractor, text, words, name):
    assert speaker_of(extractor.extract(text), words).name == name


def test_a_surname_the_parse_took_for_a_modal_is_the_person(extractor):
    text = ('Singer Theresa May will tour in April. She played in Leeds in September.\n\n'
            '"We were both so amazed at the crowd," May wrote.')
    speaker = speaker_of(extractor.extract(text), "amazed")
    assert (speaker.name, [m.text for m in speaker.mention]) == ("Theresa May", ["May"])


def test_a_portfolio_is_no_epithet(extractor):
    text = ('New Home Secretary Charles Clarke defended the law.\n\n'
            'The foreign secretary insisted it was for Parliament to decide.')
    assert speaker_of(extractor.extract(text), "for Parliament").name is None


@pytest.mark.parametrize(
    "text, words, name, description",
    [
        ('A close associate of former Yukos boss Mikhail Petrov said the deal was "a theft".', "a theft",
         None, "close associate of former Yukos boss Mikhail Petrov"),
        ('Lawyers for Mr Fawn and Mr Dowd said the claim was "absurd".', "absurd",
         None, "Lawyers for Mr Fawn and Mr Dowd"),
        ('The parents of 14-year-old Stefan Pakko said the game was "to blame".', "to blame",
         None, "parents of 14-year-old Stefan Pakko"),
        ('The Labour MP for Dunmore said the plan was "a disgrace".', "a disgrace", None, "Labour MP for Dunmore"),
        ('The agent behind Mr Rigg said the deal was "done".', "done", None, "agent behind Mr Rigg"),
        # the role's own words between: the name is the role holder's
        ('The minister for civil aviation Praful Patil said it was "fine".', "fine",
         "Praful Patil", "minister for civil aviation"),
    ],
)
def test_a_person_named_after_of_or_for_is_whose_the_speaker_is(extractor, text, words, name, description):
    speaker = speaker_of(extractor.extract(text), words)
    assert (speaker.name, speaker.description) == (name, description)


@pytest.mark.parametrize(
    "text, words, name",
    [
        ('Association of Chief Police Officers president Chris Fenn said it was "wrong".', "wrong", "Chris Fenn"),
        ('Chairman of the Environmental Audit Committee Peter Ainsley MP said it was "a failure".', "a failure",
         "Peter Ainsley"),
        ('Lord of the Rings director Peter Jacks said it was "a joy".', "a joy", "Peter Jacks"),
    ],
)
def test_a_name_ending_a_mention_after_a_role_is_the_speaker(extractor, text, words, name):
    assert speaker_of(extractor.extract(text), words).name == name


def test_an_unnamed_person_is_a_person_and_their_he():
    text = 'A lawyer for the family said the claim was "absurd". He added that "nothing" was proven.'
    article = Extractor(strategy="rules").extract(text)
    lawyer, he = speaker_of(article, "absurd"), speaker_of(article, "nothing")
    assert (lawyer.name, lawyer.description) == (None, "lawyer for the family")
    assert he.entity == lawyer.entity
    assert next(e for e in article.entities if e.id == lawyer.entity).type == "person"
    analysts = speaker_of(Extractor(strategy="rules").extract('Analysts said the deal was "a theft".'), "theft")
    assert analysts.description == "Analysts"  # a plural stays a group ("other"), no one person


def test_a_constituency_is_no_person(extractor):
    text = 'Voters were angry. The Labour MP for Dunmore said the plan was "a disgrace".'
    article = extractor.extract(text)
    speaker = speaker_of(article, "a disgrace")
    assert (speaker.name, speaker.description) == (None, "Labour MP for Dunmore")
    assert not [e for e in article.entities if e.name == "Dunmore" and e.type == "person"]


@pytest.mark.parametrize("constituency", ["Dunmore", "Dunmore and Keel"])
def test_the_mp_for_a_place_is_the_one_mp_named(extractor, constituency):
    text = (f"Labour MP Derek Wyland said the party was losing ground. The MP for {constituency} said "
            'the prime minister had been "trying very hard".')
    article = extractor.extract(text)
    assert speaker_of(article, "trying very hard").name == "Derek Wyland"
    assert not [e for e in article.entities if e.name and "Keel" in e.name]  # no person named after a place


def test_the_mp_for_a_place_is_the_one_who_spoke_last(extractor):
    # an MP the article gave no role: "the MP for …" is its word for the person who just spoke
    text = ('Derek Wyland said the campaign "turned off voters". However, Mr Wyland predicted it would pick up. '
            'The MP for Dunmore and Keel said the prime minister had been "trying very hard".')
    assert speaker_of(extractor.extract(text), "trying very hard").name == "Derek Wyland"


def test_a_writers_i_is_no_unnamed_person():
    text = (
        "Kim Vale trained all week.\n\nA physiotherapist on the track said it was \"cold\".\n\n"
        'I told reporters the course was "brutal".'
    )
    article = Extractor(strategy="rules").extract(text)
    physio = speaker_of(article, "cold")
    assert physio.description == "physiotherapist on the track"
    assert speaker_of(article, "brutal").entity != physio.entity


@pytest.mark.parametrize(
    "text, words, name, description",
    [
        ('Andy Rodway won in three sets on Sunday. "I played well," said the American.', "played well",
         "Andy Rodway", "American"),
        ('Arsenal manager Arsene Wanger was angry on Sunday. "It was a foul," said the Frenchman.', "a foul",
         "Arsene Wanger", "Frenchman"),
        # the age the article gave him picks him out
        ('Arsenal manager Arsene Wanger, 55, has signed a new deal. The 55-year-old Frenchman said his aim was "clear".',
         "clear", "Arsene Wanger", "Arsenal manager"),
        # two people before it: no telling which one, an unnamed person (never a firm named "Scot")
        ('Andy Rodway beat Tim Hensley on Sunday. The Scot said he was "tired".', "tired", None, "Scot"),
        # so is a word for their age, even for someone the article gave a role
        ('Lyon winger Teo Marchetti has been called up for France. "It is a dream," said the youngster.',
         "a dream", "Teo Marchetti", "youngster"),
    ],
)
def test_a_demonym_or_an_age_is_the_writers_word_for_a_person(extractor, text, words, name, description):
    article = extractor.extract(text)
    speaker = speaker_of(article, words)
    assert (speaker.name, speaker.description) == (name, description)
    assert not [e for e in article.entities if e.name in (description, "Frenchman", "Scot")]


def test_a_person_named_only_in_what_was_said_is_no_one_a_later_role_means(extractor):
    text = (
        "Tony Bland has had the chance to tackle the problems and has failed, Michael Hurd has said.\n\n"
        '"Britain is heading in the wrong direction", the Conservative leader said in his message. '
        'Mr Bland\'s government was a "bossy, interfering government," he added.'
    )
    article = extractor.extract(text)
    assert speaker_of(article, "wrong direction").name == "Michael Hurd"
    assert speaker_of(article, "bossy").name == "Michael Hurd"


def test_what_stands_before_mr_is_no_role(extractor):
    text = (
        "Michael Hurd has denied his cabinet was split.\n\n"
        'The Tory leader said his team had reached a "collective view". Sources within the party told '
        "the BBC Mr Hurd had always been in favour of ID cards."
    )
    article = extractor.extract(text)
    assert entity_named(article, "Michael Hurd").descriptions == ("Tory leader",)
    assert speaker_of(article, "collective view").name == "Michael Hurd"


@pytest.mark.parametrize(
    "text, name, descriptions",
    [
        ('Sources within the party told the BBC Michael Hurd had always been "in favour" of the cards.',
         "Michael Hurd", ()),
        ('In a statement issued on Wednesday Lord Wolf said: "I have no doubt."', "Wolf", ()),
        ('The Attorney General Lord Goldsmyth said the advice was "clear".', "Goldsmyth", ("Attorney General",)),
    ],
)
def test_a_name_or_day_the_parse_runs_into_a_name_is_no_role(extractor, text, name, descriptions):
    assert entity_named(extractor.extract(text), name).descriptions == descriptions


def test_every_abbreviated_title_is_one_token():
    from onrecord import nlp
    from onrecord.speakers.vocabulary import ABBREVIATED_TITLES

    tokenizer = nlp.load().tokenizer
    for title in ABBREVIATED_TITLES:
        written = title.capitalize() + "."
        assert [t.text for t in tokenizer(f"said {written} Ann Lee")][1] == written


@pytest.mark.parametrize(
    "text, words, name",
    [
        # the NER tags only "Roy" of "Tremblay-Roy": the speaker was "Roy", described as "Tremblay"
        ("Residents including Marguerite Tremblay-Roy packed the hall. Tremblay-Roy said she was angry.",
         "she was angry", "Marguerite Tremblay-Roy"),
        # it stops at the first name: the speaker was "Mary-Ellen"
        ("Mary-Ellen Turpel-Lafond, a former representative for children, said the data was incomplete.",
         "the data was incomplete", "Mary-Ellen Turpel-Lafond"),
        # a nickname in quotation marks cuts the name: the NER tags "C.L." alone, or "Thomas"
        # and 'Tip" O'Neill' as a work of art
        ('Gov. C.L. "Butch" Otter said the bill would pass.', "the bill would pass", "C.L. Otter"),
        ("Rep. Thomas “Tip” O'Neill said the bill would pass.", "the bill would pass", "Thomas O'Neill"),
        # it stops at a particle, the surname after it an organization of its own
        ('Barcelona assistant coach Henk Ten Cate has called the complaint "pathetic".', "pathetic",
         "Henk Ten Cate"),
    ],
)
def test_a_name_the_ner_took_in_part_is_whole(extractor, text, words, name):
    assert speaker_of(extractor.extract(text), words).name == name


def test_a_first_name_alone_is_the_one_person_given_it_whatever_the_ner_made_of_it(extractor):
    # the NER calls "Tanya" a place and "Leah" nothing: they were a place and an organization
    article = extractor.extract(
        "Leah Kowalchuk, 17, waited nine months for surgery. Her mother, Tanya Kowalchuk, says the wait "
        "was unbearable.\n\n\"She couldn't walk for most of that time,\" Tanya told CBC News.\n\n"
        "Leah, now recovering, says she just wants to go back to school.\n\n\"I miss my friends,\" she said."
    )
    assert speaker_of(article, "She couldn't walk").name == "Tanya Kowalchuk"
    assert speaker_of(article, "go back to school").name == "Leah Kowalchuk"
    assert speaker_of(article, "I miss my friends").name == "Leah Kowalchuk"


def test_an_age_no_one_was_given_is_the_person_the_sentence_before_is_about(extractor):
    # not the person quoted last (Backlund), as it was with the learned strategy
    article = extractor.extract(
        'CALGARY — The Flames fired head coach Darryl Sutter on Monday after a third straight loss.\n\n'
        'General manager Brad Treliving said the decision was difficult. "Darryl is a great coach and a great '
        'man," Treliving told reporters at the Saddledome. "But we needed a change."\n\n'
        'Sutter, 64, could not be reached for comment.\n\n'
        'Captain Mikael Backlund said the players took responsibility. "It\'s on us," said Backlund. '
        '"We didn\'t play well enough for him."\n\n'
        'Winger Jonathan Huberdeau, who signed an eight-year extension last summer, echoed his captain. '
        'The 29-year-old said the room was "shocked."'
    )
    assert speaker_of(article, "the room was").name == "Jonathan Huberdeau"


def test_a_name_ending_a_mention_the_parse_broke_is_its_head(extractor):
    # the parse makes "Greenfield", "vice" and "Reyes" three subjects of "wrote": the speaker was "Greenfield"
    article = extractor.extract('"We apologize to our tenants," wrote Greenfield vice-president Daniel Reyes.')
    assert article.attributions[0].speaker.name == "Daniel Reyes"


def test_a_known_surname_the_ner_took_for_a_place_is_still_the_person(extractor):
    # "Salem" is a place to the NER: the he after it went to the woman named before, and made her a man
    article = extractor.extract(
        "Opposition leader Aref Salem said the budget raised taxes too much.\n\n"
        "Salem's spokesperson, Julie Tremblay, said the party stood by its figures.\n\n"
        "Salem later told CTV News that he would meet with the economist. \"We can disagree and still talk,\" he said."
    )
    assert speaker_of(article, "still talk").name == "Aref Salem"
    assert entity_named(article, "Julie Tremblay").gender == "female"


def test_a_statement_no_one_is_said_to_have_put_out_stays_unnamed(extractor):
    # (an earlier statement of another noun, or one with no author, says nothing of whose this is)
    article = extractor.extract("A statement was posted online on Monday. Ridgeway Police said in a report that the "
                                "fire was set. The statement said the building was empty.")
    assert speaker_of(article, "building was empty").name is None


@pytest.mark.parametrize("text, words, name", [
    ("Ohio has sued two men it says sent millions of unwanted e-mails.\n\nIt is seeking damages in a civil "
     "lawsuit filed this week. The Ohio attorney general said the messages broke three laws. The men deny any "
     "wrongdoing.\n\nThe lawsuit names two brothers from Dayton. Both run small marketing firms. \"Illegal spam "
     "must be stopped,\" said Dana Whitcombe, Ohio attorney general.", "broke three laws", "Dana Whitcombe"),
    # a possessor narrows it as well
    ("Two men held for three years are flying home.\n\nThey landed in Halden on Monday. Their families met them at "
     "the airport. Both will see a doctor, the men's lawyer says.\n\nNeither man was charged. A court heard their "
     "case last month. The men's lawyer, Ruth Adeyemi, has asked for an inquiry.", "see a doctor", "Ruth Adeyemi"),
])
def test_a_role_a_place_narrows_is_the_one_given_it_paragraphs_later(extractor, text, words, name):
    assert speaker_of(extractor.extract(text), words).name == name


@pytest.mark.parametrize("writing, name", [("her post", "Jane Okafor"), ("its statement", None), ("his post", None)])
def test_a_possessives_statement_is_the_last_speakers_where_they_agree(extractor, writing, name):
    text = ("Mayor Jane Okafor said on Monday that the bridge would reopen in May. She thanked the crews.\n\n"
            f"“The city regrets the delay and thanks residents for their patience,” {writing} read.")
    assert speaker_of(extractor.extract(text), "regrets the delay").name == name


def test_a_places_possessive_narrows_a_role_as_the_countrys_does(extractor):
    article = extractor.extract("Dr. Theresa Tam spoke on Monday. Canada's top doctor said hospitals were full.")
    assert speaker_of(article, "hospitals were full").name == "Theresa Tam"


@pytest.mark.parametrize(
    "text, name",
    [
        # the noun of an organization's name: the organization named with it
        ("The University of Toronto cancelled classes. The university said students would be notified.",
         "The University of Toronto"),
        ("The Veltro Institute published the figures. The institute said the sample was small.", "The Veltro Institute"),
        # "the party", "the club": the last one named, by how its name ends
        ("The NDP released its platform on Monday. The party said it would raise the minimum wage.", "NDP"),
        ("Bristol Rovers sacked their manager. The club said a replacement would be named soon.", "Bristol Rovers"),
        # a statement from a name the NER missed (or not) is that name's
        ("A statement from the Prime Minister's Office said the summit would go ahead.", "Prime Minister's Office"),
        ("A report by the Fraser Institute said taxes were too high.", "The Fraser Institute"),
        # a public body by its kind and the words of its name or its level of government
        ("The Toronto Transit Commission said service would resume Friday. The transit agency said crews were "
         "repairing the track.", "The Toronto Transit Commission"),
        ("Statistics Canada said Friday the jobless rate rose. The federal agency said 30,000 jobs were lost.",
         "Statistics Canada"),
        ("Alberta Health Services said it is cutting surgeries. The health authority said staff shortages were to blame.",
         "Alberta Health Services"),
        # (or, by a word of its trade its name does not hold, the one public body the article named)
        ("Environment Canada said a heat warning was in effect. The weather agency said temperatures would reach 35 C.",
         "Environment Canada"),
        # (whose name's noun is another body's: a charity may be a committee, not a firm)
        ("The record is called One World Project. The money will go to the Disasters Emergency Committee (DEC)."
         "\n\nThe charity said the money would help survivors.", "The Disasters Emergency Committee"),
        # its capitals: the name they abbreviate
        ("The Toronto Transit Commission said service would resume Friday. The TTC said crews were working.",
         "The Toronto Transit Commission"),
        # named in a paragraph with no cue (read, not parsed), by how its name ends
        ("Alberta Health Services is cutting surgeries at two hospitals.\n\nThe health authority said staff "
         "shortages were to blame.", "Alberta Health Services"),
        ("Toronto Police Service officers arrested two men.\n\nIn a news release, police said the men were charged.",
         "Toronto Police Service"),
        # "the release", "the statement": the words of whoever the article says put it out
        ("The Halden Transit Authority issued a news release on Tuesday about the crash. The release said the "
         "driver was taken to hospital.", "The Halden Transit Authority"),
        ("Norvale Hydro released a statement late Monday. \u201cCrews are working around the clock,\u201d the "
         "statement said.", "Norvale Hydro"),
        ("The Ridgeway Police Service said in a news release that two people died. According to the release, the "
         "truck crossed the centre line.", "The Ridgeway Police Service"),
        ("HALDEN — The Halden Police Service is looking for a man who robbed a bank on Friday.\n\n"
         "The service said it had released photos of the suspect.", "The Halden Police Service"),
        # "the province": the province's government the article named, never the federal one
        ("TORONTO — The Ontario government says it will spend $50 million on hospital beds.\n\n"
         "The province said the beds would open in January.", "Ontario government"),
        # (a place's government is named by it, as the NER names "the Ontario government")
        ("The Nova Scotia government announced new rules for rentals on Monday.\n\n"
         "The province said the rules take effect in March.", "Nova Scotia government"),
        ("The federal government says it will send troops to help with the floods.\n\n"
         "The province said roads were still closed.", None),
        # "the report", "the study": whoever the article said put it out, in a participle's "by"
        # or in a paragraph with no cue (read, not parsed)
        ("A report released Tuesday by the Canadian Institute for Health Information says wait times grew.\n\n"
         "The report says patients waited an average of 30 weeks.", "The Canadian Institute for Health Information"),
        ("The Halden Heart Foundation has released a new study on women's health.\n\n"
         "The study found women are less likely to receive treatment.", "The Halden Heart Foundation"),
        # (a body's name with "and" in it, read whole)
        ("The Heart and Stroke Foundation has released a new study on women's health.\n\n"
         "The study found women are less likely to receive treatment.", "The Heart and Stroke Foundation"),
        # "the force", "Mounties": the police force the article named
        ("NANAIMO — RCMP are investigating a crash on the highway north of Nanaimo.\n\n"
         "Mounties said the driver died at the scene. The force said the highway would be closed.", "RCMP"),
        # "the team": the one named by a nickname in the plural
        ("The Winnipeg Jets have signed forward Gabriel Vilardi to a two-year contract.\n\n"
         "The team said the deal is worth $7.5 million.", "Winnipeg Jets"),
        # "the regulator": the body the story opens with, not the airline it fined
        ("The Canadian Transportation Agency fined Air Canada $100,000 on Monday.\n\n"
         "The regulator said the airline failed to compensate passengers.", "The Canadian Transportation Agency"),
        # a business's legal ending says it is no union: "the union" is the one that spoke
        ("OTTAWA — Unifor says it has reached a tentative deal with Ford Motor Co. of Canada.\n\n"
         "The union said details would be released after members vote.", "Unifor"),
    ],
)
def test_an_organization_spoken_of_by_its_noun_or_its_statement_is_the_one_named(extractor, text, name):
    assert extractor.extract(text).attributions[-1].speaker.name == name


@pytest.mark.parametrize(
    "text, words, name, description",
    [
        # a role capitalised where it opens a sentence is no part of the name, which the NER may call a firm's
        ("Defenceman Quinn Hughes, who played 28 minutes, said the team must be better at home.",
         "better at home", "Quinn Hughes", "defenceman"),
        ("Landlord Kiran Bassi said the increase was approved.\n\n"
         '"We spent a million dollars on this building," said the landlord, who bought it in 2021.',
         "a million dollars", "Kiran Bassi", "landlord"),
    ],
)
def test_a_capitalised_role_opening_a_sentence_describes_the_person_named_after_it(extractor, text, words, name, description):
    speaker = speaker_of(extractor.extract(text), words)
    assert (speaker.name, speaker.description) == (name, description)


@pytest.mark.parametrize(
    "text, words, name",
    [
        # a listed role that is someone's first name too ("Star") is no part of the name before a first name
        ("Star Nadia Keller pulled out of the show with a broken foot.\n\n"
         "Keller, who starred in the film, said she hoped to return in the spring.", "hoped to return", "Nadia Keller"),
        # a surname opening a sentence of a paragraph with no cue (not parsed) is a mention of its person:
        # the he went to McDavid, the only full name in it
        ("Jacob Markstrom made 38 saves as the Flames beat the Oilers.\n\n"
         "Markstrom was sharp all night, stopping Connor McDavid on a breakaway late in the third period.\n\n"
         '"He\'s the best player in the world, so you have to be ready," he said.',
         "so you have to be ready", "Jacob Markstrom"),
        # a first name the NER took for a firm is still the person the text gave a gender
        ("Priya Raman was last seen on Saturday.\n\nHer sister, Anjali Raman, said Priya is an experienced hiker.\n\n"
         '"She knows those mountains better than anyone," Anjali said.', "those mountains", "Anjali Raman"),
        # the NER ran "Ruth Ide of The Post" into one person's name: it ends before her paper
        ("The film critics are split on the best actress race.\n\n"
         "And while Ruth Ide of The Post still thinks Stanton can win, others say her chance is small.",
         "Stanton can win", "Ruth Ide"),
        # where someone spoke, run into who spoke (the NER reads one organization's name)
        ("Ann Corrie flew to Lisbon on Monday.\n\nSpeaking at the Atlantic Trade Forum Ms Corrie said "
         "the tariffs would go.", "the tariffs would go", "Ann Corrie"),
        # a party's or union's name run into the name after it
        ("The Liberal Democrats attacked the plan. The Lib Dems David Laws said it was \"a shambles\".",
         "a shambles", "David Laws"),
        ("Nurses face cuts. But general secretary of the health workers union Unison Dave Prentis criticised "
         "the plans. \"If you want good care, you pay for it,\" he said.", "you pay for it", "Dave Prentis"),
        # "Aston Villa", "Crystal Palace": a club the NER took for a person is no he
        ("Danny Marsh's future at Leeds has been the subject of talk for weeks. However, good displays "
         "against West Brom and Aston Villa have impressed the fans. "
         '"The crowd gave me a standing ovation on Saturday, which was nice," he said.', "standing ovation",
         "Danny Marsh"),
    ],
)
def test_a_name_read_past_what_the_ner_or_the_parse_made_of_it(extractor, text, words, name):
    assert speaker_of(extractor.extract(text), words).name == name


@pytest.mark.parametrize(
    "text, words, name, description",
    [
        # a title and its portfolio before the name, which the NER left unmarked or took for a ministry:
        # the name starts after the portfolio, and "the minister", "she" are that person
        ("Minister of Health Leona Sarkis announced the new measures on Monday. "
         "The minister said the province would hire 500 nurses.", "500 nurses", "Leona Sarkis", "Minister of Health"),
        ("Ontario's Minister of Health Christine Abara announced the new measures on Monday. "
         "She said the province would hire 500 nurses.", "500 nurses", "Christine Abara", "Minister of Health"),
        ("Minister of Justice David Okonjo tabled the bill. He said the courts needed it.",
         "courts needed it", "David Okonjo", "Minister of Justice"),
    ],
)
def test_a_title_with_its_portfolio_before_a_name(extractor, text, words, name, description):
    speaker = speaker_of(extractor.extract(text), words)
    assert speaker.name == name
    assert description in extractor.extract(text).entity(speaker.entity).descriptions


@pytest.mark.parametrize(
    "text, words, description",
    [
        # the person named in the possessive is whom the speaker is someone of, not the speaker
        ("Daniel Okafor's lawyer said the charges had no merit.", "no merit", "Daniel Okafor's lawyer"),
        ("Priya Raman's mother said the girl was safe.", "was safe", "Priya Raman's mother"),
    ],
)
def test_a_person_named_in_the_possessive_before_a_role_is_not_the_speaker(extractor, text, words, description):
    speaker = speaker_of(extractor.extract(text), words)
    assert (speaker.name, speaker.description) == (None, description)


def test_a_speaker_whose_entity_merged_into_another_points_at_the_one_listed(extractor):
    # (found by tests/test_fuzz.py) "Ms. Ortiz" was resolved before it merged into "Ortiz N"
    article = extractor.extract("0 0 Ms. Ortiz N ' ” said 0 $0 ")
    listed = {e.id for e in article.entities}
    assert [a.speaker.entity in listed for a in article.attributions if a.speaker and a.speaker.entity] == [True]


@pytest.mark.parametrize(
    "text, words, name",
    [
        # the outlet's own journalist, named once with the outlet's name and then "our correspondent"
        ("Union leaders were angry, said BBC labour correspondent Aisha Grant. "
         "The talks with ministers broke down on Tuesday. "
         "Our correspondent said the strike could start within a fortnight.", "within a fortnight", "Aisha Grant"),
        # two correspondents: the outlet's is "ours", not the other paper's
        ("The minister resigned, Guardian correspondent Tom Ealing reported. "
         "Ministers met again, said BBC political correspondent Ruth Amadi. "
         "The cabinet was divided. Our correspondent said a vote was likely.", "vote was likely", "Ruth Amadi"),
    ],
)
def test_our_correspondent_is_the_outlets_journalist_the_article_named(extractor, text, words, name):
    assert speaker_of(extractor.extract(text, outlet="BBC News"), words).name == name


@pytest.mark.parametrize(
    "text",
    [
        "Ministers met on Monday, said Finance Minister Ruth Amadi. Our correspondent said a vote was likely.",
        # another outlet's correspondent is not ours
        "The minister resigned, Guardian correspondent Tom Ealing reported. The cabinet was divided. "
        "Our correspondent said a vote was likely.",
    ],
)
def test_our_correspondent_stays_unnamed_where_the_article_named_none_of_ours(extractor, text):
    speaker = speaker_of(extractor.extract(text, outlet="BBC News"), "vote was likely")
    assert speaker.name is None


@pytest.mark.parametrize(
    "text, words, name",
    [
        # two capitals for a two-word name
        ("General Motors reported a loss for the year. GM said its sales in Europe had fallen.",
         "sales in Europe", "General Motors"),
        ("GM said its sales in Europe had fallen. Shares in General Motors rose 2%.",
         "sales in Europe", "General Motors"),
        ("The story was first reported by the Financial Times. The FT said the talks had stalled.",
         "talks had stalled", "The Financial Times"),
        # a company's first word, where the rest of its name only says what kind of company it is
        ("Cairn Energy has found more oil in Rajasthan. Cairn said the field could hold a billion barrels.",
         "a billion barrels", "Cairn Energy"),
        ("Marsh said it would co-operate with the inquiry. Shares in Marsh & McLennan fell 5%.",
         "co-operate with the inquiry", "Marsh & McLennan"),
    ],
)
def test_a_companys_short_name_is_the_company_its_full_name_names(extractor, text, words, name):
    assert speaker_of(extractor.extract(text), words).name == name


@pytest.mark.parametrize(
    "text, words, name",
    [
        # a product or a channel is not its maker: "Microsoft Word", "Sky News"
        ("Microsoft Word will get a new look. Microsoft said the update would be free.", "would be free", "Microsoft"),
        ("Sky News carried the interview. Sky said it would appeal against the ruling.", "appeal against", "Sky"),
        ("BT Together is its cheapest package. BT said more customers had signed up.", "signed up", "BT"),
        # two firms the short name could be
        ("Sky Travel and Sky Movies both lost viewers. Sky said it would appeal against the ruling.",
         "appeal against", "Sky"),
    ],
)
def test_a_short_name_stays_itself_where_the_longer_one_is_something_else(extractor, text, words, name):
    assert speaker_of(extractor.extract(text), words).name == name


def test_a_name_after_a_spokesmans_title_is_a_person_whatever_its_first_name(extractor):
    # "Glyn" is in no first-name list and the NER calls "Glyn Davies" an organization: the
    # title before the name says who he is, so "He added" is his
    text = ("Mike German said the plan was unfair. Conservative local government spokesman Glyn Davies said "
            "that for the minister to claim that the majority of council tax payers in Wales should see very "
            "little change \"is taking spin to the very verge of deception\". He added: \"Around a third of "
            "Welsh households have been re-valued upwards.\"")
    article = extractor.extract(text)
    assert speaker_of(article, "Around a third").name == "Glyn Davies"
    assert entity_named(article, "Glyn Davies").type == "person"


def test_the_company_no_business_spoke_as_yet_is_the_one_the_lede_is_about(extractor):
    # the last business named before "The company" is an analyst's employer and a unit; the
    # story is about the company its first sentence is about
    text = ("German telecoms firm Deutsche Telekom saw strong fourth quarter profits on the back of upbeat "
            "US mobile earnings.\n\nNet profit came in at 1.4bn euros. T-Mobile USA, the company's American "
            "mobile business, made a strong contribution to profits. \"It's a seminal achievement that they cut "
            "debt so low,\" said Hannes Wittig, telecoms analyst at Dresdner Kleinwort Wasserstein. The company "
            "also said it would resume paying a dividend.")
    assert speaker_of(extractor.extract(text), "resume paying a dividend").name == "Deutsche Telekom"


def test_a_product_the_lede_is_about_is_not_the_company(extractor):
    text = ("Opera 8.0 has a new voice feature for people with poor sight. The browser is made by the "
            "Norwegian firm Opera. The company says that the feature is not aimed only at disabled users.")
    assert speaker_of(extractor.extract(text), "not aimed only").name == "Opera"


def test_a_name_after_a_role_of_a_place_is_described_by_the_role(extractor):
    # the parse hangs "Naheed Nenshi" off "Calgary", not off "mayor"
    text = "The mayor of Calgary, Naheed Nenshi, spoke to reporters. \"It's a tough day,\" the mayor said."
    article = extractor.extract(text)
    assert speaker_of(article, "tough day").name == "Naheed Nenshi"
    assert "mayor of Calgary" in entity_named(article, "Naheed Nenshi").descriptions


@pytest.mark.parametrize(
    "text, words, name",
    [
        # a name in apposition to a role whose holder's name opens it
        ("Premier Jason Kenney's press secretary, Christine Myatt, responded on Friday. "
         "The press secretary said the government would not comment.", "would not comment", "Christine Myatt"),
        # one party's two names
        ("Conservative Leader Erin O'Toole spoke in Ottawa. The Tory leader said the plan was flawed.",
         "plan was flawed", "Erin O'Toole"),
    ],
)
def test_a_role_resolves_to_the_person_given_it_in_other_words(extractor, text, words, name):
    assert speaker_of(extractor.extract(text), words).name == name


@pytest.mark.parametrize(
    "text, words, name",
    [
        ("Bonnie Henry, B.C.'s provincial health officer, gave the update. "
         "\"We are seeing a rise in cases,\" said the province's top doctor.", "rise in cases", "Bonnie Henry"),
        ("Canada's chief public health officer, Theresa Tam, urged caution. "
         "\"The risk remains high,\" the country's top doctor said.", "risk remains high", "Theresa Tam"),
    ],
)
def test_the_top_doctor_is_the_chief_medical_officer(extractor, text, words, name):
    assert speaker_of(extractor.extract(text), words).name == name


@pytest.mark.parametrize("name", ["Smith", "Ford"])
def test_a_one_word_name_that_says_he_is_a_person(extractor, name):
    # the NER calls the lone surname an organization; "he" in what it says makes it a person,
    # so the next "He said" is the same speaker, not the man named in the statement
    text = f"{name} said he spoke with Trudeau on Monday. He said the call went well."
    article = extractor.extract(text)
    assert speaker_of(article, "call went well").name == name
    assert entity_named(article, name).type == "person"


@pytest.mark.parametrize("role", ["Raptors guard", "veteran forward", "Bills quarterback", "Romanian international"])
def test_a_players_position_is_the_writers_word_for_the_player_before(extractor, role):
    text = f"Kyle Lowry scored 30 points on Sunday. The {role} said the team played hard."
    assert speaker_of(extractor.extract(text), "played hard").name == "Kyle Lowry"


@pytest.mark.parametrize("clause", ["Speaking on Breakfast with Frost", "Talking to Jeremy Paxman"])
def test_whom_he_spoke_with_is_not_the_he_who_speaks(extractor, clause):
    text = f"Michael Howard launched his campaign on Sunday. {clause}, he said the party would win."
    assert speaker_of(extractor.extract(text), "party would win").name == "Michael Howard"


@pytest.mark.parametrize(
    "text, words, name",
    [
        # the first part of a double-barrelled surname is its bearer, never a "Jody Wilson"
        ("Justice Minister Jody Wilson-Raybould spoke in Ottawa. Wilson said she had been pressured to intervene.",
         "pressured to intervene", "Jody Wilson-Raybould"),
        ("Former talk show host Robert Kilroy-Silk launched a new party. Kilroy said it would contest most seats.",
         "contest most seats", "Robert Kilroy-Silk"),
    ],
)
def test_a_double_barrelled_surname_is_not_cut_at_its_hyphen(extractor, text, words, name):
    assert speaker_of(extractor.extract(text), words).name == name


def test_initials_and_a_surname_that_says_she_are_a_person(extractor):
    # the NER calls "JK Rowling's" an organization; the bare surname saying "she …" makes her a person
    text = ("The sixth book will be published in July. JK Rowling's fifth book sold 420,000 copies. "
            "Rowling said she had plenty of time to finish the manuscript. "
            "She added that the opening chapter had been brewing for years.")
    article = extractor.extract(text)
    assert entity_named(article, "JK Rowling").type == "person"
    assert speaker_of(article, "opening chapter").name == "JK Rowling"


def test_a_party_and_state_in_brackets_are_no_part_of_the_name():
    # the tagger's source mention holds the brackets, which the NER reads as a place ("Tex.")
    text = "Sen. Ted Cruz (Tex.) would not endorse his former primary rival in his address."
    [attribution] = Extractor(strategy="learned").extract(text).attributions
    assert attribution.speaker.mention[0].text == "Sen. Ted Cruz (Tex.)"
    assert attribution.speaker.name == "Ted Cruz"


def test_a_name_set_beside_a_firms_noun_is_the_firm_not_the_person_of_that_surname(extractor):
    text = ("Bill Ford, the chairman, spoke to workers on Monday. Ford, the US car company, said its profits "
            "rose 20%. The company said sales of trucks were strong. Mr Ford said he was pleased.")
    article = extractor.extract(text)
    assert speaker_of(article, "profits rose").name == "Ford"
    assert entity_named(article, "Ford").type == "organization"
    assert speaker_of(article, "was pleased").name == "Bill Ford"


@pytest.mark.parametrize(
    "text, content, name",
    [
        ("Lumex launched a new scanner on Monday. The company said it would sell it in spring. "
         "In June, the software giant said the update would not work with pirated copies.", "the update would", "Lumex"),
        ("Brandt Oil posted record profits. Shares in rival Norel fell. The oil giant said demand would stay high.",
         "demand would stay high", "Brandt Oil"),
        # the words before the noun say it is another business than the one named
        ("Parcel carrier Velo was bought by Omnia in May. The parent company said the deal would close soon.",
         "the deal would close", None),
        # a public body's words: no business named before is "the central bank"
        ("Shares in Norbank rose on Monday, the bank said. Later the central bank said rates would stay at 4%.",
         "rates would stay", None),
    ],
)
def test_a_business_described_by_its_trade_is_the_one_named(extractor, text, content, name):
    assert speaker_of(extractor.extract(text), content).name == name


def test_a_he_who_adds_to_a_statement_is_who_made_it_not_the_man_beside_him(extractor):
    text = ('Talks on the border were held in London on Monday.\n\nSpeaking at the embassy, General Omar Haddad '
            'said the rebels were "on the run". But standing next to Mr Carter he added that it was crucial to act now.')
    assert speaker_of(extractor.extract(text), "crucial to act").name == "Omar Haddad"


def test_a_bare_spokesperson_speaks_for_the_organization_the_sentence_before_is_about(extractor):
    article = extractor.extract(
        "The Harbour Board refused to say whether it would appeal the ruling.\n\n"
        '"We have received the ruling and are reviewing it," a spokeswoman said on Friday.'
    )
    speaker = speaker_of(article, "We have received the ruling")
    assert speaker.name is None  # still an unnamed person of this article, not the board itself
    assert speaker.description == "spokeswoman for the Harbour Board"
    # an organization that is not the sentence's subject says nothing of whose spokesman speaks
    article = extractor.extract(
        "Shares in Castell Energy fell sharply on Monday.\n\nA spokesman said the fall was expected."
    )
    assert speaker_of(article, "the fall was expected").description == "spokesman"
    # nor one two paragraphs back, past a paragraph of other things
    article = extractor.extract(
        "The Harbour Board refused to say whether it would appeal the ruling.\n\n"
        "The weather stayed fine all week along the coast.\n\n"
        '"We have received the ruling and are reviewing it," a spokeswoman said on Friday.'
    )
    assert speaker_of(article, "We have received the ruling").description == "spokeswoman"
    # the subject may be the organization's noun ("The board"), standing for the one named before
    article = extractor.extract(
        "The Harbour Board warned ferry users about fake e-mails on Tuesday.\n\n"
        "The board earlier this month closed some of its accounts. A spokeswoman said the two incidents "
        "appeared unrelated."
    )
    assert speaker_of(article, "appeared unrelated").description == "spokeswoman for the Harbour Board"


@pytest.mark.parametrize(
    "opening, spokesperson, description",
    [
        ("Castell Grocers Ltd. reported higher profits on Tuesday.", "a spokesperson for the grocer",
         "spokesperson for Castell Grocers Ltd."),
        # a noun the body's name holds ("the city" of the "City of Halden", with the "the" its "of" calls for)
        ("The City of Halden will add 50 buses next year.", "a spokesperson for the city",
         "spokesperson for the City of Halden"),
        # Canada's "Crown corporation" is the state's business the article named, no body called "Crown"
        ("Canada Post will deliver mail on Saturdays until Christmas.", "a spokesperson for the Crown corporation",
         "spokesperson for Canada Post"),
    ],
)
def test_a_spokesperson_for_the_firm_speaks_for_the_firm_the_article_named(extractor, opening, spokesperson,
                                                                          description):
    article = extractor.extract(f"{opening}\n\nIn an email, {spokesperson} said prices would stay stable.")
    speaker = speaker_of(article, "prices would stay stable")
    assert speaker.name is None  # an unnamed person of this article, described by whom they speak for
    assert speaker.description == description
    # no organization the article gave that noun: the words stay as written
    article = extractor.extract(
        "Prices rose again in March.\n\nA spokesman for the company said prices would stay stable."
    )
    assert speaker_of(article, "prices would stay stable").description == "spokesman for the company"


def test_a_definite_role_looks_back_before_it_looks_ahead(extractor):
    text = (
        "Quebec Premier Jean Tremblay said his province would demand full compensation. "
        '"We already have a system," the premier said.\n\n'
        "A spokesperson for Ontario Premier Paul Martel said the province was reviewing the proposal."
    )
    assert speaker_of(extractor.extract(text), "We already have a system").name == "Jean Tremblay"
    # with no one named before in those words, the person named right after is the one meant
    text = (
        '"We already have a system," the premier said on Monday.\n\n'
        "Quebec Premier Jean Tremblay said his province would demand full compensation."
    )
    assert speaker_of(extractor.extract(text), "We already have a system").name == "Jean Tremblay"


def test_a_justice_is_the_judge_a_justice_minister_is_not(extractor):
    text = (
        "Ontario Superior Court Justice Mark Edwards dismissed the lawsuit on Tuesday.\n\n"
        '"The plaintiffs have not proven their case," the judge wrote in his decision.'
    )
    assert speaker_of(extractor.extract(text), "have not proven").name == "Mark Edwards"
    text = (
        "Justice Minister Anne Moreau said the law was fair.\n\n"
        '"The law is unfair," the judge said in a ruling on Monday.'
    )
    assert speaker_of(extractor.extract(text), "The law is unfair").name is None


def test_a_he_or_she_after_an_unnamed_witness_is_the_witness(extractor):
    text = (
        "Const. Alex Li told reporters the victim was taken to hospital.\n\n"
        "A neighbour said he heard shouting before the attack.\n\n"
        '"It happened so fast," he said.'
    )
    speaker = speaker_of(extractor.extract(text), "It happened so fast")
    assert (speaker.name, speaker.description) == (None, "neighbour")
    # the witness "who" speaks of is the one witness of the sentence, not a second one
    text = (
        "Const. Alex Li told reporters the victim was taken to hospital.\n\n"
        "A witness, who asked not to be named, said she heard shouting before the attack.\n\n"
        '"It happened so fast," she said.'
    )
    article = extractor.extract(text)
    witness = speaker_of(article, "It happened so fast")
    assert witness.description == "witness"
    assert speaker_of(article, "heard shouting").entity == witness.entity


def test_a_parent_of_two_is_anyones_epithet_whatever_their_role(extractor):
    text = (
        "Lisa Moreau, 42, said she relies on the medication every day.\n\n"
        '"I was in tears by the third store," said the mother of two.'
    )
    assert speaker_of(extractor.extract(text), "I was in tears").name == "Lisa Moreau"


def test_a_spokesperson_called_by_the_kind_of_body_speaks_for_the_one_named_before(extractor):
    text = (
        "Saskatchewan's Ministry of Health said shortages were a national problem.\n\n"
        "A ministry spokesperson said it was working with other provinces to find alternatives."
    )
    speaker = speaker_of(extractor.extract(text), "working with other provinces")
    assert (speaker.name, speaker.description) == (None, "spokesperson for the Ministry of Health")
    # a body of another kind is not the one meant
    text = (
        "Saskatchewan's Ministry of Health said shortages were a national problem.\n\n"
        "A company spokesperson said it was working with other provinces to find alternatives."
    )
    assert speaker_of(extractor.extract(text), "working with other provinces").description == "company spokesperson"


def test_a_name_in_apposition_the_ner_took_for_an_organization_is_the_person(extractor):
    text = "His friend, Mervyn Tolley, leader of Cornwall county Labour group, said the campaign had stalled."
    speaker = speaker_of(extractor.extract(text), "the campaign had stalled")
    assert (speaker.name, speaker.description) == ("Mervyn Tolley", "leader of Cornwall county Labour group")


def test_a_public_body_called_by_its_kind_stays_unnamed_whatever_place_is_said_with_it(extractor):
    article = extractor.extract(
        "Insurers fell on Monday.\n\nLast week, the City watchdog said brokers must disclose their commissions."
    )
    speaker = speaker_of(article, "brokers must disclose")
    assert (speaker.name, speaker.description) == (None, "City watchdog")
    assert next(e for e in article.entities if e.id == speaker.entity).type == "organization"


@pytest.mark.parametrize(
    "opening, statement, name",
    [
        # the first paragraph holds no cue, so it is not parsed: its names are read from the bare text
        ("Air Canada cancelled 40 flights on Monday because of the storm.",
         '"Safety is our first priority," the company said in a statement.', "Air Canada"),
        ("Manitoba Hydro has restored power to 9,000 homes north of Thompson.",
         '"Safety is our first priority," the company said in a statement.', "Manitoba Hydro"),
        # (a country's post is its mail, no outlet; a "Crown corporation" is one of the state's, no "Crown")
        ("Canada Post will deliver mail on Saturdays until Christmas.",
         '"Safety is our first priority," the Crown corporation said in a statement.', "Canada Post"),
        # capitals the name pattern does not read; "Police" is the force named without the word police
        ("RCMP in Nova Scotia are investigating a crash that killed two people near Truro.",
         "Police said the driver of a pickup truck lost control on an icy road.", "RCMP"),
        ("The OPP is investigating a crash that killed two people near Barrie.",
         "Police said the driver of a pickup truck lost control on an icy road.", "OPP"),
    ],
)
def test_a_body_named_in_an_unparsed_opening_paragraph_is_who_speaks_by_its_noun(extractor, opening, statement, name):
    article = extractor.extract(f"{opening}\n\n{statement}")
    words = "Safety is our first" if statement.startswith('"') else "lost control"
    assert speaker_of(article, words).name == name
    assert entity_named(article, name).type == "organization"


def test_a_title_the_ner_cut_is_described_at_its_fullest(extractor):
    # the NER's name starts inside the title ("Change Minister Steven Guilbeault")
    article = extractor.extract(
        "Environment and Climate Change Minister Steven Guilbeault said the plan would cut emissions.")
    speaker = speaker_of(article, "cut emissions")
    assert (speaker.name, speaker.description) == ("Steven Guilbeault", "Environment and Climate Change Minister")


@pytest.mark.parametrize("opening", ["On Wednesday", "Both"])
def test_a_day_or_both_before_a_title_is_no_part_of_it(extractor, opening):
    article = extractor.extract(
        f"{opening} Prime Minister Lena Haugland and her rival spoke in Oslo. Haugland said the talks had failed.")
    assert "Prime Minister" in entity_named(article, "Lena Haugland").descriptions
    assert not any(d.startswith(opening.split()[-1]) for d in entity_named(article, "Lena Haugland").descriptions)


def test_a_he_after_a_woman_by_first_name_is_the_man_named_before_her(extractor):
    # the one person of the sentence before is named as a woman: the he is not sure to be hers
    # (which would have made her a man) and goes to the man named before her
    article = extractor.extract(
        "Defence lawyer Michael Spratt said his client would plead not guilty. Justice Anne Molloy "
        "adjourned the case to March.\n\n\"My client is innocent,\" he said outside the courthouse.")
    assert speaker_of(article, "My client is innocent").name == "Michael Spratt"
    assert entity_named(article, "Anne Molloy").gender == "female"


def test_a_he_inside_a_relative_clause_is_not_whom_the_clause_is_about(extractor):
    # (the nearest person before the he is Ewan Marsh, in its own sentence)
    article = extractor.extract(
        "\"You can't captain from full-back,\" said Luca Tallis. \"Some people are leaders and some aren't.\"\n\n"
        "The former winger, though, defended coach Ewan Marsh, who he believes was the \"only choice\" after "
        "the World Cup.")
    assert speaker_of(article, "only choice").name == "Luca Tallis"


def test_a_name_the_tagger_took_for_an_adverb_after_a_role_opening_a_sentence(extractor):
    # "Defenceman" opens the sentence, capitalised; "Rielly" is tagged an adverb of "said"
    article = extractor.extract(
        "Maple Leafs forward Auston Matthews scored twice. Defenceman Morgan Rielly added a goal.\n\n"
        "Matthews said the team was playing with confidence. Rielly said the power play was clicking.")
    assert speaker_of(article, "power play was clicking").name == "Morgan Rielly"
    # a real adverb there is no one's name
    article = extractor.extract("Recently announced changes to the ceremony include new rules, the academy said.")
    assert all(a.speaker is None or a.speaker.description != "Recently" for a in article.attributions)


@pytest.mark.parametrize(
    "text, words, name",
    [
        # a cue-less first paragraph is not parsed: a body named "X of Y" is read from its bare words
        ("Ontario's Ministry of Education has released new guidelines for schools.\n\n"
         "The ministry said the rules would take effect in September.", "take effect", "Ministry of Education"),
        ("The Harbour School Division has closed two schools because of a water leak.\n\n"
         "The division said classes would resume on Monday.", "classes would resume", "The Harbour School Division"),
        # (not the title and name the words run on into)
        ("Bank of Arden Governor Tomas Veld will step down next year.\n\n"
         "The bank said a successor would be named in March.", "successor would be named", "Bank of Arden"),
        # a university is "the school" too
        ("The University of Eastport has cancelled classes for a second day.\n\n"
         "In an email to students, the school said the campus would reopen on Friday.", "campus would reopen",
         "The University of Eastport"),
        # and armed forces "the military"
        ("The Canadian Armed Forces sent 200 soldiers to help with the flood.\n\n"
         "The military said the troops would stay as long as needed.", "troops would stay",
         "The Canadian Armed Forces"),
    ],
)
def test_a_body_named_in_an_unparsed_paragraph_is_what_its_noun_means_later(extractor, text, words, name):
    assert speaker_of(extractor.extract(text), words).name == name


@pytest.mark.parametrize(
    "set_up, name",
    [
        ("Coun. Ben Tallis disagreed.", "Ben Tallis"),
        ("Transit advocate Mark Olsen, who rides the bus daily, sees it differently.", "Mark Olsen"),
        # no one set up: the quotation goes on from the one before
        ("The motion was defeated 8-5.", "Anna Ruiz"),
    ],
)
def test_a_paragraph_that_is_only_a_quotation_is_whom_the_paragraph_before_sets_up(extractor, set_up, name):
    article = extractor.extract(
        f'"We need more buses," said Coun. Anna Ruiz.\n\n{set_up}\n\n"The budget is already stretched thin."')
    assert speaker_of(article, "stretched thin").name == name


@pytest.mark.parametrize(
    "text, name, description",
    [
        # the parse makes "defended" a modifier of the role after it
        ("Corrigan, though, defended coach Ewan Marsh. Marsh said the side was ready.", "Ewan Marsh", "coach"),
        # a participle of the description's own stays
        ("The injured flanker Joe Worsley said he was fine.", "Joe Worsley", "injured flanker"),
    ],
)
def test_a_verb_the_parse_made_a_modifier_is_no_part_of_a_description(extractor, text, name, description):
    assert entity_named(extractor.extract(text), name).descriptions[0] == description


def test_a_firm_whose_capital_is_hyphened_to_its_name_is_no_persons_initials(extractor):
    # (a first version of the initials rule made "T-Mobile" a person: "Mobile said" spoke alone)
    article = extractor.extract(
        "T-Mobile has launched a flat-fee tariff for its hotspots. T-Mobile said it would double their number.")
    assert speaker_of(article, "double their number").name == "T-Mobile"
    assert [e.type for e in article.entities if e.name == "T-Mobile"] == ["organization"]


@pytest.mark.parametrize("text, words, name", [
    # a cue and its speaker set off inside what was said: the clause after is no description
    ("Phishing sites stay up for days. By contrast, said Ms Hill, the new code spreads by e-mail.",
     "the new code spreads", "Hill"),
    ("Chips draw less power now. Instead, said Mr Doctorow, the old systems were intended to waste it.",
     "the old systems were intended", "Doctorow"),
    # (the clause's subject, which the parse made the name's apposition)
    ("Most firms keep records for years. Often, said Mr Pearson, this private data was lost because it got deleted.",
     "this private data was lost", "Pearson"),
    ("Lasers are costly. Currently, says Dr Paniccia, optical equipment that boosts the laser light has to be cooled.",
     "optical equipment", "Paniccia"),
    # (after a clause that needs the one after it; a year opening that one is no age)
    ("Piracy is rife. If Steam cuts piracy, said Mr Fahey, other game makers may set up copycat systems.",
     "other game makers", "Fahey"),
    ("Viruses changed. Although virus writers still play with code, said Mr Hogan, 2004 saw a rise in crime.",
     "2004 saw a rise", "Hogan"),
    # (what was said may open with "when": no relative clause on the speaker)
    ("Prices are high. Instead, said Mr Fox, when prices rise people buy less.", "when prices rise", "Fox"),
])
def test_a_speaker_set_off_by_commas_is_described_by_nothing_that_was_said(extractor, text, words, name):
    speaker = speaker_of(extractor.extract(text), words)
    assert (speaker.name, speaker.description) == (name, None)


def test_an_apposition_after_a_cue_that_follows_a_whole_statement_describes_the_speaker(extractor):
    # (the guard of the test above: here the words before the cue are a statement of their own)
    text = ("Texting grew again this year. While texting has not quite overtaken the phone call, it is heading "
            "that way, said Mike Shore, chairman of the MDA.")
    speaker = speaker_of(extractor.extract(text), "heading that way")
    assert (speaker.name, speaker.description) == ("Mike Shore", "chairman of the MDA")


@pytest.mark.parametrize("text, words, name", [
    # a body's name the NER missed ("Swiss" a people to it), written out in full
    ("Storms made 2004 the costliest year on record for insurers, according to Swiss Re.", "costliest year",
     "Swiss Re"),
    ("Home prints can be cheaper than lab ones. According to PC Pro, a large print costs 60p at home.",
     "a large print costs", "PC Pro"),
])
def test_a_capitalised_name_no_entity_covers_is_an_organization(extractor, text, words, name):
    speaker = speaker_of(extractor.extract(text), words)
    assert speaker.name == name


def test_a_title_of_capitalised_words_is_no_organization(extractor):
    # (the guard: a film's title, with words that are no name's)
    text = "McKenna's entry, Everything In This Country Must, forces soldiers to challenge their ties."
    article = extractor.extract(text)
    assert all(a.speaker is None or a.speaker.name != "Everything In This Country Must" for a in article.attributions)


def test_a_body_named_in_apposition_by_a_word_the_tagger_took_for_a_common_noun(extractor):
    text = ("A German firm whose main drug comes from bat saliva wants to raise 70m euros.\n\n"
            "The firm, Paion, said that it hoped to sell 5 million shares.")
    assert speaker_of(extractor.extract(text), "5 million shares").name == "Paion"


def test_an_office_of_two_words_is_the_one_holder_the_article_names_further_down(extractor):
    text = ("A man held in a military camp for two years plans to sue the government.\n\n"
            "He told a newspaper that officers had questioned him for days. His lawyer said the claim would be "
            "filed this month. Campaigners have backed him. The home secretary said he would not be launching "
            "an investigation.\n\nCampaigners met officials on Monday. The camp holds 500 men. Talks on their "
            "release have stalled. Last week the campaigners wrote to Home Secretary Charles Clarke.")
    assert speaker_of(extractor.extract(text), "launching an investigation").name == "Charles Clarke"


def test_a_name_in_no_list_with_a_relative_who_on_it_is_a_person(extractor):
    # the NER sees no name in "Yiannis Papadoyiannakis", and "Yiannis" is in no first-name list
    article = extractor.extract(
        "Both athletes may appeal to the Court of Arbitration for Sport. Yiannis Papadoyiannakis, who was head of "
        'the Greek Olympic team in 2004, defended the panel. "The tribunal will reach a fair decision," said '
        "Papadoyiannakis.")
    speaker = speaker_of(article, "fair decision")
    assert speaker.name == "Yiannis Papadoyiannakis"
    assert next(e for e in article.entities if e.id == speaker.entity).type == "person"


@pytest.mark.parametrize("text, name, word", [
    # the noun a clause with the name as its subject is on
    ("Ten Cate said the way Chelsea have reacted is pathetic.", "Chelsea", "way"),
    # a word that says which one is meant, not what it is
    ("Less than four years after the new Mini was launched, BMW said it would build more cars.", "Mini", "new"),
    ("Mr Sears told prosecutors that no other Boeing officials were aware of the talks.", "Boeing", "other"),
])
def test_words_before_a_name_that_say_no_role_describe_nothing(extractor, text, name, word):
    [entity] = [e for e in extractor.extract(text).entities if e.name == name]
    assert word not in entity.descriptions


def test_a_role_the_parse_hung_a_clause_on_still_describes(extractor):
    # (the guard: "Their coach John Kirwan has warned …" parsed as a clause on "coach")
    article = extractor.extract("Italy lost at home.\n\nTheir coach John Kirwan has warned his side they must improve.")
    [kirwan] = [e for e in article.entities if e.name == "John Kirwan"]
    assert "coach" in kirwan.descriptions


def test_the_spokeswoman_is_no_spokesman_spoken_of_before(extractor):
    article = extractor.extract(
        "Shops reported strong sales on Saturday. A spokesman for the Harbor Mall said it was the biggest "
        "Christmas to date.\n\nThe Riverside Centre spokeswoman said 8,500 vehicles had arrived by noon. "
        '"We predict that next week will continue the same trend," she added.')
    assert speaker_of(article, "8,500 vehicles").description == "Riverside Centre spokeswoman"
    assert speaker_of(article, "We predict").description == "Riverside Centre spokeswoman"


def test_letters_after_a_name_leave_it_the_speaker_its_apposition_names(extractor):
    # the parse makes "MSP" the head of the name and the NER an organization
    article = extractor.extract(
        "Council tax is to rise by 4% next year, the BBC has learned.\n\n"
        'Shadow Finance Minister, Colin Fraser MSP, said: "The rise is a stealth tax on pensioners."\n\n'
        'The Labour finance spokesman, Brian Kerr MSP, said: "Councils must find savings of their own."')
    assert (speaker_of(article, "stealth tax").name, speaker_of(article, "stealth tax").description) == (
        "Colin Fraser", "Shadow Finance Minister")
    assert speaker_of(article, "savings of their own").name == "Brian Kerr"
    assert not [e for e in article.entities if e.name == "MSP"]


def test_an_office_is_the_holder_named_later_where_they_hold_it(extractor):
    # "The finance minister" of the third sentence is the one the body calls "Scottish Finance Minister"
    article = extractor.extract(
        "Council tax in Scotland is to rise by 4% next year.\n\nCouncils will decide on Thursday. The finance "
        "minister has urged councils to limit increases. Unions say services will suffer.\n\n"
        'Scottish Finance Minister, Tom Reith, said: "Every council has been given more money than last year."')
    assert speaker_of(article, "limit increases").name == "Tom Reith"


def test_a_spokeswoman_named_for_a_body_before_her_is_no_body(extractor):
    # the parse makes "spokeswoman" the object of the department's "for", and the department the subject
    article = extractor.extract(
        "Lord Woolf said he wanted to establish the principle. An Office for National Statistics "
        "spokeswoman said the two men agreed about what happened in practice. \"Their disagreement is about "
        "a very narrow point,\" she said.")
    said = speaker_of(article, "agreed about")
    assert said.name is None and "spokeswoman" in said.description
    assert speaker_of(article, "narrow point").entity == said.entity


def test_a_party_the_ner_took_for_a_name_leaves_a_role_to_look_back_for(extractor):
    # the NER reads "Lib Dem" as a person
    article = extractor.extract(
        "City experts say there is a black hole in the public finances. Lib Dem spokesman Vince Cable said the "
        "public did not know who to believe. Mr Brown earmarked £1bn to help keep down council tax rises next "
        "year. But the Lib Dem spokesman questioned whether that money was being found from cuts.")
    assert speaker_of(article, "found from cuts").name == "Vince Cable"


def test_a_name_with_a_particle_the_ner_took_for_a_body_is_a_person(extractor):
    article = extractor.extract(
        "The IMF has agreed a new loan for Turkey. Rodrigo de Rato, the IMF's managing director, said the loan "
        "would help to improve economic prospects.")
    speaker = speaker_of(article, "improve economic prospects")
    assert speaker.name == "Rodrigo de Rato"
    assert next(e for e in article.entities if e.id == speaker.entity).type == "person"


@pytest.mark.parametrize("text, description", [
    # a phrase of the name's clause that ends where the name begins is no word for the person
    ("In fact Tom Smith said the plan works.", None),
    ("At the meeting Tom Smith said the plan works.", None),
    # a role the name completes, and one "with" hangs the name's own clause off
    ("Director of television Jana Bennett said the plan works.", "Director of television"),
    ("With its star Leo Marsh named best actor, producer Ann Bell said the night was perfect.", "star"),
])
def test_only_a_noun_phrase_of_the_persons_own_is_the_description_before_a_name(extractor, text, description):
    article = extractor.extract(text)
    person = next(e for e in article.entities if e.name in ("Tom Smith", "Jana Bennett", "Leo Marsh"))
    assert (person.descriptions[0] if person.descriptions else None) == description


def test_the_start_of_a_relative_clause_is_no_description(extractor):
    # the parse reads "whose new chief executive" as a role of the name inside the clause
    article = extractor.extract("The league, whose new chief executive Brian Barwick starts on Monday, said the "
                                "review was over.")
    assert entity_named(article, "Brian Barwick").descriptions == ("new chief executive",)


def test_a_title_in_quotation_marks_is_no_speakers_name(extractor):
    article = extractor.extract('Hemsley, the co-author of "Going Viral," about the rapid spread of information, '
                                'said the days are gone.')
    assert speaker_of(article, "the days are gone").name == "Hemsley"


@pytest.mark.parametrize("role", ["co-founder", "vice-president", "ex-head"])
def test_a_hyphened_role_in_apposition_is_described_whole(extractor, role):
    # the parse splits "co-founder" into three appositions of the name
    article = extractor.extract(f"Kathy Rittweger, {role} of Blinkx, said the search market was young.")
    assert entity_named(article, "Kathy Rittweger").descriptions[0].startswith(role)


def test_a_description_cut_short_ends_on_a_word_that_says_something(extractor):
    # the predicate is read up to eight words: "… who shocked the"
    article = extractor.extract("Darren Campbell was part of the British quartet who shocked the Americans in Athens. "
                                "Campbell said he would not retire.")
    assert entity_named(article, "Darren Campbell").descriptions == ("part of the British quartet who shocked",)


def test_a_name_after_a_firms_noun_is_an_organization_whatever_the_ner_said_later(extractor):
    text = ("Online gaming could swamp net service firms, warns network monitoring company Sandvine.\n\n"
            "Traffic has quadrupled since the launch, said Sandvine.")
    article = extractor.extract(text)
    sandvine = entity_named(article, "Sandvine")
    assert sandvine.type == "organization"
    assert "network monitoring company" in sandvine.descriptions


def test_a_name_that_goes_on_after_a_firms_noun_keeps_its_whole_name(extractor):
    text = ("An executive at US insurance firm Marsh & McLennan has pleaded guilty to fraud.\n\n"
            "\"We are saddened by the development,\" Marsh said in a statement.")
    article = extractor.extract(text)
    assert speaker_of(article, "saddened").name == "Marsh & McLennan"


def test_a_firm_named_in_a_paragraph_no_rule_parsed_is_the_firm_named_before():
    # only the tagger reads the second paragraph (no cue word): its source "oil firm Harwick" is
    # read word by word, and ends on the name of a body the article named
    text = ("Harwick, a small oil company, said on Monday that it would fight the tax bill in every court.\n\n"
            "Last month oil firm Harwick sued the Russian government for $28bn in a Texas court.")
    article = Extractor(strategy="learned").extract(text)
    assert speaker_of(article, "the Russian government").name == "Harwick"


def test_a_body_named_inside_a_description_read_word_by_word_does_not_speak_for_it():
    # "A Labour peer" is a person of the party, not the party the article named
    text = ("Labour said on Monday that it would reform the House of Lords.\n\n"
            "A Labour peer has tabled a bill to give female members of the Royal Family the same rights as male heirs.")
    article = Extractor(strategy="learned").extract(text)
    assert speaker_of(article, "female members").name != "Labour"


# "It" opening a sentence: the named body the sentence before is about, else whoever spoke last
IT_OPENING_A_SENTENCE = [
    ("Surveys have shown that most home computers are infested with spyware. Before now Northwind Software "
     "has left the market to specialist firms. It said that its new program would not stop infections.",
     "would not stop infections", "Northwind Software"),
    # a sentence about no body ("Shares in the firm")
    ("Harwick Energy said its profits rose by a fifth last year. Shares in the firm fell 5% on Monday. "
     "It said that it expected another good year.", "another good year", "Harwick Energy"),
    # a described body by a business's noun ("The company")
    ("Analysts said the market was crowded. Harwick Motors sold a fifth more cars in Asia last year.\n\n"
     "The company, which is vying with two rivals for the lead, is confident about its prospects. "
     "It said that it would launch a new saloon in March.", "a new saloon", "Harwick Motors"),
    # but not by another noun: "the government department" may stand for any public body ("Harbour County")
    ("An all-party committee said it was not confident that councils would be ready for the Records Act.\n\n"
     "The Act comes into effect in Harbour County on 1 January. It provides the public with a right of "
     "access to information held by public bodies.\n\n"
     "But the government department responsible for the change suffered from an \"unusually high turnover\" "
     "of staff, which had \"seriously interfered\" with its work, said the Harbour Affairs Committee. "
     "It said that many councils would not be ready.", "many councils", "The Harbour Affairs Committee"),
]


@pytest.mark.parametrize(("text", "words", "name"), IT_OPENING_A_SENTENCE)
def test_it_opening_a_sentence_is_the_named_body_the_sentence_before_is_about(extractor, text, words, name):
    assert speaker_of(extractor.extract(text), words).name == name
