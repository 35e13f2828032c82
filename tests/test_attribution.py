"""Each construction the rules must handle, on sentences written for these tests.

The rules run over spaCy's parse, so these tests load the packaged pipeline
once per module. They pin the ``rules`` strategy; the ``learned`` one takes
its span boundaries from the tagger, whose conventions are PolNeAR's and are
measured on dev (tests/test_dev_regression.py), not pinned sentence by sentence.
"""

import pytest

from onrecord import Extractor


@pytest.fixture(scope="module")
def extractor():
    return Extractor(strategy="rules")


def only(article):
    assert len(article.attributions) == 1, [a.to_dict() for a in article.attributions]
    return article.attributions[0]


def texts(fragments):
    return [f.text for f in fragments]


@pytest.mark.parametrize(
    "text, kind, content, cue, speaker",
    [
        ('"We cannot sign a blank check," said Dana Whitfield.', "direct", ['"We cannot sign a blank check,"'], ["said"], "Dana Whitfield"),
        ("“We cannot sign a blank check,” Whitfield said.", "direct", ["“We cannot sign a blank check,”"], ["said"], "Whitfield"),
        ("« We will never give up », said the minister.", "direct", ["« We will never give up »"], ["said"], "the minister"),
        ("The mayor said that the bridge was unsafe.", "indirect", ["that the bridge was unsafe."], ["said"], "The mayor"),
        ("The bridge is unsafe, the engineer told reporters.", "indirect", ["The bridge is unsafe"], ["told"], "the engineer"),
        ("According to the state transportation department, the bridge carries 40,000 cars a day.", "indirect", ["the bridge carries 40,000 cars a day."], ["According to"], "the state transportation department"),
        ("Raman believes the program would pay for itself within a decade.", "indirect", ["the program would pay for itself within a decade."], ["believes"], "Raman"),
        ("Hadley plans to offer an amendment next week.", "indirect", ["to offer an amendment next week."], ["plans"], "Hadley"),
        # PolNeAR takes the object with what it is called
        ("Hadley called the plan “a very expensive promise that nobody can keep.”", "mixed", ["the plan “a very expensive promise that nobody can keep.”"], ["called"], "Hadley"),
        ("The senator denied that she had met the lobbyist.", "indirect", ["that she had met the lobbyist."], ["denied"], "The senator"),
        # PolNeAR's cue holds the words hugging the verb
        ("The senator voiced support for the new harbor plan.", "indirect", ["the new harbor plan."], ["voiced support for"], "The senator"),
        ("The mayor did not say publicly that the bridge was safe.", "indirect", ["that the bridge was safe."], ["did not say publicly"], "The mayor"),
    ],
)
def test_single_attribution(extractor, text, kind, content, cue, speaker):
    attribution = only(extractor.extract(text))
    assert attribution.kind == kind
    # a final full stop may or may not be inside the content; scoring trims it
    assert [t.rstrip(".") for t in texts(attribution.content)] == [t.rstrip(".") for t in content]
    assert texts(attribution.cue) == cue
    assert attribution.speaker is not None
    assert texts(attribution.speaker.mention) == [speaker]


@pytest.mark.parametrize("cue", ["emphasised", "signalled", "characterised"])
def test_a_cue_verb_in_british_and_canadian_spelling(extractor, cue):
    article = extractor.extract(f"The minister {cue} that the bridge would reopen in the spring.")
    assert texts(only(article).cue) == [cue]


def test_quote_interrupted_by_its_cue_has_two_fragments(extractor):
    text = "“If you look at the numbers,” Whitfield said, “you will see the problem.”"
    attribution = only(extractor.extract(text))
    assert attribution.kind == "direct"
    assert texts(attribution.content) == ["“If you look at the numbers,”", "“you will see the problem.”"]


def test_mixed_quote(extractor):
    text = "Benes said the bridge was “a danger to everyone who crosses it” and must be closed."
    attribution = only(extractor.extract(text))
    assert attribution.kind == "mixed"
    assert attribution.content[0].text.startswith("the bridge was “a danger")


def test_multi_paragraph_quote_is_one_attribution(extractor):
    text = (
        "Whitfield told the council:\n\n“The audit comes first.\n\n"
        "“The repairs come second, and the bill comes last.”\n\nThe council adjourned."
    )
    attributions = extractor.extract(text).attributions
    assert len(attributions) == 1
    assert texts(attributions[0].content) == ["“The audit comes first.", "“The repairs come second, and the bill comes last.”"]


def test_block_statement_runs_until_narration_resumes(extractor):
    text = (
        "A spokesman for Castell & Ruiz sent the Ledger the following statement:\n\n"
        "Castell & Ruiz stands behind its assessment.\n\n"
        "We will support the council in any way we can.\n\n"
        "Editor's note: the firm was paid for the study."
    )
    attribution = only(extractor.extract(text))
    assert attribution.kind == "block"
    assert texts(attribution.content) == [
        "Castell & Ruiz stands behind its assessment.",
        "We will support the council in any way we can.",
    ]
    assert attribution.addressee is not None and attribution.addressee.mention[0].text == "the Ledger"


def test_signed_quotations_take_the_name_after_the_dash(extractor):
    text = (
        "Readers told us what they thought of the debate.\n\n"
        "“It was the longest ninety minutes of my life.” ― Marta Okafor\n"
        "“I changed my mind twice before the first break.” ― Jonas Bell.\u00a0\n"
        "“It was fine.” ― Ada Moss"
    )
    signed = [a for a in extractor.extract(text).attributions if texts(a.cue) == ["―"]]
    assert [(texts(a.speaker.mention), a.kind) for a in signed] == [
        (["Marta Okafor"], "direct"), (["Jonas Bell"], "direct"), (["Ada Moss"], "direct"),
    ]
    assert texts(signed[1].content) == ["“I changed my mind twice before the first break.”"]


def test_characterizing_cue_takes_object_and_complement(extractor):
    text = "Senator Ruiz called the budget a “reckless gamble with our children's future.”"
    attribution = only(extractor.extract(text))
    assert texts(attribution.content) == ["the budget a “reckless gamble with our children's future.”"]
    assert texts(attribution.cue) == ["called"]


def test_transcript_turns_and_source_headlines(extractor):
    text = (
        "Poll: Most voters in Eastfield want the bridge rebuilt this year.\n\n"
        "Partial transcript:\n\n"
        "\"HOLLAND: Will the council vote on the bridge before the winter?\n\n"
        "\"MARSH: We will vote in November, and we expect the plan to pass."
    )
    found = [(texts(a.speaker.mention), texts(a.cue), texts(a.content)) for a in extractor.extract(text).attributions]
    assert found == [
        (["Poll"], [":"], ["Most voters in Eastfield want the bridge rebuilt this year."]),
        (["HOLLAND"], [":"], ["Will the council vote on the bridge before the winter?"]),
        (["MARSH"], [":"], ["We will vote in November, and we expect the plan to pass."]),
    ]


@pytest.mark.parametrize("teaser", ["Wow", "Revealed", "Just Leaked", "BOOM", "Bombshell", "Look", "Editor's Note",
                                    "Contributing"])
def test_a_headline_teaser_before_a_colon_names_no_source(extractor, teaser):
    text = f"{teaser}: The Mayor Just Gave Eastfield A Whole New Reason To Worry About The Bridge.\n\nThe council met."
    assert [a for a in extractor.extract(text).attributions if texts(a.cue) == [":"]] == []


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        # a name in -ly the tagger took for the cue's adverb ("said sarcastically")
        ('"To take the lead and then to get penned back was disappointing," admitted Kiely.', "admitted", "Kiely"),
        # a verb no lexicon lists, its speaker parsed as its object
        ('"It was a great result for us," enthused Wenger.', "enthused", "Wenger"),
        ('"Who can forget the hiss-free sound of the first compact disc?" asked the magazine.', "asked", "the magazine"),
        # a present-tense cue the tagger took for a plural noun after the name ("Bozell answers")
        ("“Not a single accomplishment,” Bozell answers.", "answers", "Bozell"),
        # a question the parse made a sentence of its own, its speaker and cue the next one
        ('"Why do the richest firms pay lower rates than you do?" Mrs. Clinton asked.', "asked", "Mrs. Clinton"),
        ('"We will win this!" Sanders told the crowd.', "told", "Sanders"),
    ],
)
def test_an_inverted_speaker_after_a_quotation(extractor, text, cue, speaker):
    attribution = only(extractor.extract(text))
    assert texts(attribution.cue) == [cue]
    assert texts(attribution.speaker.mention) == [speaker]


@pytest.mark.parametrize("text", [
    '"Get out of my sight right now!" Mr. Sanders walked off the stage.',  # no cue
    '"Why would anyone vote for this plan?" He thought the plan would fail.',  # a statement of its own
])
def test_a_sentence_after_an_exclamation_or_question_does_not_speak_it_without_a_cue_alone(extractor, text):
    assert not any(a.content[0].text.startswith('"') for a in extractor.extract(text).attributions)


@pytest.mark.parametrize("strategy", ["rules", "learned"])
@pytest.mark.parametrize("writing", ["the statement", "her post"])
def test_a_quotation_a_statement_reads_is_the_statements(strategy, writing):
    # the tagger takes "read" for a noun here: the paragraph looked like a quotation alone,
    # which goes on with the speaker before, with no cue and no mention
    text = ("Mayor Jane Okafor said the bridge would reopen in May.\n\n“The council regrets the delay and thanks "
            f"residents for their patience,” {writing} read.")
    [attribution] = [a for a in Extractor(strategy=strategy).extract(text).attributions if "regrets" in a.content_text]
    assert texts(attribution.cue) == ["read"]
    assert texts(attribution.speaker.mention) == [writing]
    # (whose statement it is the article does not say: the one the reader knows of is the mayor's)
    assert attribution.speaker.name == "Jane Okafor"


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        ("Marsh also wrote the inspectors knew to expect long delays, saying, “They never came on time, "
         "but we learned to plan for it.”", "saying", "Marsh"),
        ("Okafor said the council would still meet in the spring, but said, “It’s time we change how we do it,” "
         "promising the hall will reopen in May.", "promising", "Okafor"),
    ],
)
def test_a_participle_hung_off_what_a_speaker_said_is_that_speakers(extractor, text, cue, speaker):
    # the parse hangs the participle off the reported clause ("the inspectors knew", the quoted
    # "It’s time"), whose subject is no speaker of it
    [attribution] = [a for a in extractor.extract(text).attributions if texts(a.cue) == [cue]]
    assert texts(attribution.speaker.mention) == [speaker]


@pytest.mark.parametrize(
    ("text", "asker"),
    [
        ("Doe spoke to the council. When asked whether she would endorse the plan, the mayor said she was still deciding.", None),
        ("When asked by a reporter whether the plan would pass, the mayor said she was confident.", "a reporter"),
    ],
)
def test_the_one_asked_is_no_speaker_of_the_question(extractor, text, asker):
    # PolNeAR train: 67 of 76 "(when) asked" cues have no source, the other 9 an agent ("by X");
    # nor does the question go on from the speaker before it
    [asked] = [a for a in extractor.extract(text).attributions if "asked" in " ".join(texts(a.cue)).lower()]
    if asker is None:
        assert asked.speaker is None
    else:
        assert texts(asked.speaker.mention) == [asker]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # the parse joins the speaker to the content as one more conjunct, or as an apposition of a plural
        ("Others named include Tom Ashby, Ruth Kell and Sam Ode, the party's campaign chief Lord Penrose said.",
         "Others named include Tom Ashby, Ruth Kell and Sam Ode", "the party's campaign chief Lord Penrose"),
        ("November saw a rise in exports to both the United States and the rest of the world, the Office for "
         "Trade Statistics (OTS) said.", "November saw a rise in exports to both the United States and the rest "
         "of the world", "the Office for Trade Statistics (OTS)"),
        ("The woman waited two years to sue because she was trying to negotiate a deal with the media companies, "
         "her lawyer, Ann Dorsey, said.", "The woman waited two years to sue because she was trying to negotiate "
         "a deal with the media companies", "her lawyer, Ann Dorsey"),
        # … or makes the speaker after the cue its object
        ("The band were still hopeful they would be able to play their Friday date, added the spokesman.",
         "The band were still hopeful they would be able to play their Friday date", "the spokesman"),
        ("Workers were often ignored because there was no legal duty to respond, claimed the union branch.",
         "Workers were often ignored because there was no legal duty to respond", "the union branch"),
    ],
)
def test_a_speaker_after_unquoted_content_the_parse_hung_elsewhere(extractor, text, content, speaker):
    attribution = only(extractor.extract(text))
    assert texts(attribution.content) == [content]
    assert texts(attribution.speaker.mention) == [speaker]


def test_a_word_in_scare_quotes_is_no_quotation_a_speakers_phrase_follows(extractor):
    # (the closing-mark rule reaches over a long role only after a quotation its own comma closes)
    text = ('The council should steer away from "demonising" ex-Downing Street housing chief Alastair Kemp, '
            "Peter Mandley has said.")
    attribution = only(extractor.extract(text))
    assert texts(attribution.content) == [
        'The council should steer away from "demonising" ex-Downing Street housing chief Alastair Kemp']
    assert texts(attribution.speaker.mention) == ["Peter Mandley"]


def test_cue_interrupting_indirect_speech(extractor):
    text = "Too often, Ms. Verhoef said, the debate over the harbor ignores the fishermen."
    attribution = only(extractor.extract(text))
    assert texts(attribution.speaker.mention) == ["Ms. Verhoef"]
    assert texts(attribution.content) == ["Too often", "the debate over the harbor ignores the fishermen."]


def test_quote_cut_by_the_sentence_splitter_still_reaches_its_cue(extractor):
    # spaCy ends a sentence at the question mark, so the cue's sentence starts inside the quote
    text = '"Is the harbor ready? Not yet," Ms. Ferreira said. "Will it be ready by spring? Certainly."'
    attribution = only(extractor.extract(text))
    assert texts(attribution.speaker.mention) == ["Ms. Ferreira"]
    assert texts(attribution.content) == ['"Is the harbor ready? Not yet,"', '"Will it be ready by spring? Certainly."']


def test_an_impression_has_content_and_no_source(extractor):
    text = "The new schedule seems to be a burden for night-shift nurses."
    attribution = only(extractor.extract(text))
    assert [t.rstrip(".") for t in texts(attribution.content)] == ["The new schedule", "to be a burden for night-shift nurses"]
    assert attribution.speaker is None


def test_possessive_statement_noun_with_its_complement(extractor):
    text = "The governor's decision to close the harbor angered the fishermen."
    found = [a for a in extractor.extract(text).attributions if texts(a.cue) == ["'s decision"]]
    # PolNeAR's cue holds the possessive clitic; the source stops before it
    assert [(texts(a.speaker.mention), texts(a.content)) for a in found] == [(["The governor"], ["to close the harbor"])]


def test_floating_quote_gets_the_previous_speaker(extractor):
    text = (
        "“Hungry kids don't learn,” said Maria Lopez, a teacher in Eastfield.\n\n"
        "“I see it every single day in my classroom, and it breaks my heart.”"
    )
    first, second = extractor.extract(text).attributions
    assert second.kind == "direct"
    assert second.speaker is not None and second.speaker.name == first.speaker.name == "Maria Lopez"


def test_addressee_and_relaying_source(extractor):
    text = (
        "The Millbrook Ledger obtained the letter.\n\n"
        "Whitfield told the Ledger that she would support the repairs.\n\n"
        "Benes criticized Whitfield for “a reckless and costly delay,” according to the Ledger’s report."
    )
    told, criticized = extractor.extract(text).attributions
    assert told.addressee is not None and told.addressee.name == "The Millbrook Ledger"
    assert criticized.via is not None and criticized.via.name == "The Millbrook Ledger"


def test_a_title_according_to_names_the_source_and_is_no_statement(extractor):
    text = ("In the 1980s, for example, he paid $8 million for a Boeing 727 from a struggling Texas company, "
            "according to his book \"The Art of Flying.\"")
    [attribution] = extractor.extract(text).attributions
    assert texts(attribution.content) == ["In the 1980s, for example, he paid $8 million for a Boeing 727 from a struggling Texas company"]


def test_surname_and_pronoun_resolve_to_the_full_name(extractor):
    text = (
        "Councilwoman Dana Whitfield chairs the finance committee.\n\n"
        "Whitfield said the audit would take a month.\n\n"
        "She said the council would vote in March."
    )
    first, second = extractor.extract(text).attributions
    assert first.speaker.name == "Dana Whitfield"
    assert second.speaker.name == "Dana Whitfield"
    assert first.speaker.entity == second.speaker.entity


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        '"',
        "“”“”“",
        'He said "unbalanced and never closed',
        "” stray closer ‘ and ’ said «",
        "[email protected] said",
        "\x00\x01 said \u202e RTL \u200f text 🎉 “emoji”",
    ],
)
def test_hostile_text_never_raises_and_offsets_hold(extractor, text):
    article = extractor.extract(text)
    assert article.text == text
    for attribution in article.attributions:
        for fragment in attribution.content + attribution.cue:
            assert 0 <= fragment.start < fragment.end <= len(text)
            assert text[fragment.start : fragment.end] == fragment.text


def test_cloudflare_placeholder_is_one_token(extractor):
    doc = extractor.nlp("Contact him at [email protected] today.")
    assert "[email protected]" in [t.text for t in doc]


@pytest.mark.parametrize(
    "text, words",
    [
        ('the audit,"Maya Ortiz said.', ["audit", ",", '"', "Maya"]),
        ('He said:"We will build it."', ["said", ":", '"', "We"]),
        ("“Go,”Ortiz said.", ["Go", ",", "”", "Ortiz"]),
        ('It is 5" wide.', ["5", '"', "wide"]),
    ],
)
def test_a_quotation_mark_glued_to_a_word_is_split_off(extractor, text, words):
    tokens = [t.text for t in extractor.nlp(text)]
    assert any(tokens[i : i + len(words)] == words for i in range(len(tokens))), tokens


def test_speaker_after_a_glued_closing_mark(extractor):
    text = '"The council never read the audit,"Maya Ortiz, who chairs the board, said in a statement.'
    assert only(extractor.extract(text)).speaker.name == "Maya Ortiz"


def test_a_subject_inside_the_quotation_gives_way_to_the_name_after_it(extractor):
    # the parse makes "President" (inside the quotation) the subject and the name its apposition
    text = (
        "“That was a good speech you gave last night, Mr. President,” Representative Steve Cohen, "
        "Democrat of Tennessee, told Mr. Obama as he stopped to have his picture taken."
    )
    told = only(extractor.extract(text))
    assert told.speaker.name == "Steve Cohen"
    assert told.content[-1].text.endswith("Mr. President,”")


def test_pipe_keeps_order_and_metadata(extractor):
    records = [{"id": "a", "text": "Ana said she would run."}, "Bo said he would not.", {"id": "c", "text": ""}]
    articles = list(extractor.pipe(records))
    assert [a.id for a in articles] == ["a", None, "c"]
    assert articles[2].attributions == ()


@pytest.mark.slow  # worker processes each load the pipeline
def test_parallel_pipe_equals_serial():
    records = [f"Speaker {i} said the vote number {i} would pass easily." for i in range(6)]
    serial = [a.to_dict() for a in Extractor().pipe(records)]
    parallel = [a.to_dict() for a in Extractor(n_process=2).pipe(records)]  # the learned strategy in workers
    assert parallel == serial


def test_a_name_and_a_colon_before_a_quotation_is_its_speaker(extractor):
    text = (
        "RED STATES OUTNUMBER BLUE STATES - Jeffrey M. Jones: “Our analysis of party affiliation finds "
        "that 20 states lean Republican.”\n\n"
        "What it means - More from Jones: “The partisanship of a state is a starting point.”\n\n"
        'Rep. Trey Gowdy (R-S.C.):"I have not heard anyone else cite that figure."\n\n'
        'Update: "The vote has been delayed until next week," officials said.'
    )
    article = extractor.extract(text)
    by_content = {a.content[0].text[1:12]: a for a in article.attributions}
    assert by_content["Our analysi"].speaker.name == "Jeffrey M. Jones"
    assert by_content["Our analysi"].cue[0].text == ":"
    assert by_content["The partisa"].speaker.name == "Jeffrey M. Jones"
    assert by_content["I have not "].speaker.name == "Trey Gowdy"
    # "Update:" names no one; the quotation is the officials'
    assert by_content["The vote ha"].cue[0].text == "said"
    assert len(article.attributions) == 4


def test_a_quoted_sentence_after_a_paraphrase_goes_on_with_it(extractor):
    text = (
        "Lena Coan argues that her client never encouraged anyone toward violence. "
        "“The government is alleging that his rallying calls were a threat.”"
    )
    argues = only(extractor.extract(text))
    assert texts(argues.content) == [
        "that her client never encouraged anyone toward violence",
        "“The government is alleging that his rallying calls were a threat.”",
    ]
    assert argues.kind == "mixed"


def test_a_scare_quote_inside_a_sentence_is_not_joined(extractor):
    text = "Lena Coan argues that her client was never violent, calling the charge a “political stunt from the start.”"
    article = extractor.extract(text)
    assert all("her client" not in a.content_text or len(a.content) == 1 for a in article.attributions)


def test_a_quotation_ending_its_sentence_is_not_the_next_sentences_cue(extractor):
    text = (
        'Ian Moray, an editor, said: "It was a stupid remark by the first minister. '
        '"If you come out with something like this, it is going to cause trouble." The executive disagreed.'
    )
    said = only(extractor.extract(text))
    assert said.speaker.name == "Ian Moray"
    assert [f.text[:9] for f in said.content] == ['"It was a', '"If you c']


@pytest.mark.parametrize(
    "text, quotation, cue, speaker",
    [
        # where the speaker wrote it, or whom they spoke to, is no content of its own
        ('Critics weighed in.  "Just saw the poster. I am amazed he found a way to insult every voter," '
         "playwright Dara Quinlan wrote on Twitter.  Others agreed.", '"Just saw the poster', "wrote", "Dara Quinlan"),
        ('The rally went on.  "We will build a new bridge over the river!" she said to loud cheers.  '
         "Then she left.", '"We will build a new', "said", "she"),
        ('"My mother made the gift. That is why her name is on the hall," Pia Lund wrote of the donation.',
         '"My mother made', "wrote", "Pia Lund"),
    ],
)
def test_a_quotation_before_its_speaker_wins_over_a_prepositional_object(extractor, text, quotation, cue, speaker):
    [said] = [a for a in extractor.extract(text).attributions if a.cue and a.cue[0].text == cue]
    assert len(said.content) == 1 and said.content[0].text.startswith(quotation)
    assert said.speaker.mention[0].text.endswith(speaker)


@pytest.mark.parametrize("strategy", ["rules", "learned"])
@pytest.mark.parametrize(
    "text, fragments",
    [
        # a quotation carried over a paragraph break, then reopened sentence by sentence there
        ('Rhys Ellery admitted he feared the worst. He said: "I would be lying if I said we were calm at the '
         'break.\n\n"We had a hill to climb, but we climbed it and credit to the squad. "That was the best '
         'goal I have scored. It was a big night for me and the team." The club was happy.',
         ['"I would be', '"We had a h', '"That was t']),
        # a paragraph of quotations reopened sentence by sentence, after the speaker's statement
        ('Coach Ivo Marsh insists he has faith in the young keeper.\n\n"If you look at my career, you will see '
         'that I have left big players out for a long time. "It is because he is a goalkeeper, that is all. '
         '"For me, it was not a big mistake at the cup final and I was not alarmed."',
         ['"If you loo', '"It is beca', '"For me, it']),
        # and before the one its cue governs
        ('Film makers must take more care. "When we shot the first film, everyone was very sun-tanned. '
         '"In the new version, all the make-up lines showed up," explains Mr Dale.', ['"When we sh', '"In the new']),
        # a quotation after a paraphrase whose content nests another cue ("he expected")
        ('Mr Pell said he expected physics to be a big part of the new consoles. "We want to increase the '
         'realism so people can lose themselves in a game." In the first year, developers said gamers should wait.',
         ['he expected', '"We want to']),
    ],
)
def test_every_quotation_of_a_statement_goes_with_it(strategy, text, fragments):
    said = max(Extractor(strategy=strategy).extract(text).attributions, key=lambda a: len(a.content))
    assert [f.text[:11] for f in said.content][-len(fragments):] == fragments


@pytest.mark.parametrize("strategy", ["rules", "learned"])
def test_a_quoted_title_before_the_cue_is_no_piece_of_the_statement(strategy):
    text = "On the “Morning Show” on Tuesday, she said, “I never promised to pay for the repairs.”"
    [said] = Extractor(strategy=strategy).extract(text).attributions
    assert [f.text for f in said.content] == ["“I never promised to pay for the repairs.”"]


def test_a_name_the_parse_made_an_adverb_still_speaks(extractor):
    # "Hobday" parsed as an adverbial noun of "said": the name opening the sentence speaks,
    # and the quotation after the paraphrase goes on with it
    text = ('Mike Tobday, from the council, said video of the law being broken was to be passed to police. '
            '"Our evidence suggests that most hunts did operate within the law."')
    said = only(extractor.extract(text))
    assert said.speaker.name == "Mike Tobday" and said.content[-1].text.startswith('"Our evidence')


def test_a_quotation_after_narration_is_no_reopened_one():
    # "He went on:" between: the next quotations are that cue's, not the first statement's
    text = ('Launching the plan, Lord Ferris said: "One of the top priorities will be a better deal for victims.'
            '\n\n"Courts, judges and police will all be working together to put the rights of victims first." '
            'He went on: "Giving evidence is a nerve-wracking experience for anyone. "Yet with support it can be done."')
    said = [a for a in Extractor(strategy="learned").extract(text).attributions if a.cue and a.cue[0].text == "said"]
    assert [f.text[:7] for f in said[0].content] == ['"One of', '"Courts']


@pytest.mark.parametrize("strategy", ["rules", "learned"])
def test_two_quotations_in_a_row_are_two_fragments(strategy):
    # copy that lost its paragraph break: one speaker, two quotations back to back
    text = (
        'Ms Okafor, the port director, said prices had risen. "While costs have moved up, they have not '
        'moved up a lot." "If trade should slow, the port would feel free to pause its expansion."'
    )
    said = only(Extractor(strategy=strategy).extract(text))
    assert [f.text[:12] for f in said.content] == ["prices had r", '"While costs', '"If trade sh']


def test_a_cue_inside_another_content_claims_no_quotation(extractor):
    text = (
        '"Leadership is about solving the problem," Rubio said. "And the approach that was tried '
        'has no chance of passage in this Congress."\n'
        "He said that the only thing the American people would support is a border-first approach."
    )
    article = extractor.extract(text)
    said = article.attributions[0]
    assert len(said.content) == 2 and said.content[1].text.startswith('"And the approach')
    assert all(a.cue[0].text == "said" for a in article.attributions)


def test_a_name_and_a_verb_right_after_a_quotation_speak_it(extractor):
    text = "The reporter kept asking.\n\n“Go back to your seat,” Dunmore barked and a guard escorted him out."
    barked = next(a for a in extractor.extract(text).attributions if a.content[0].text.startswith("“Go"))
    assert barked.cue[0].text == "barked" and barked.speaker.name == "Dunmore"


def test_from_a_document_and_a_colon(extractor):
    text = (
        "The study compared nine web panels. From the report: “In general, samples with more elaborate "
        "weighting produced more accurate results.”"
    )
    [label] = [a for a in extractor.extract(text).attributions if a.cue[0].text == ":"]
    assert label.content[0].text.startswith("“In general") and label.speaker.description == "report"


def test_the_following_statement_introduces_the_quotation_after_it(extractor):
    text = (
        "On Sunday, the governor issued the following statement:\n\n"
        "“Our prayers are with all those affected by this attack. We must be vigilant.”\n\n"
        "The attack happened on Saturday."
    )
    statement = only(extractor.extract(text))
    assert texts(statement.content) == ["“Our prayers are with all those affected by this attack. We must be vigilant.”"]
    assert " ".join(texts(statement.cue)) == "issued the following statement"
    assert statement.speaker.mention[0].text == "the governor"


@pytest.mark.parametrize(
    "text, content, cue, source",
    [
        (
            "The senator issued a statement saying she would vote against the bill.",
            "she would vote against the bill",
            "issued a statement saying",
            "The senator",
        ),
        (
            "Chris Carr, the committee's political director, released a statement confirming it will double the staff.",
            "it will double the staff",
            "released a statement confirming",
            "Chris Carr, the committee's political director",
        ),
    ],
)
def test_a_statement_saying_is_one_cue(extractor, text, content, cue, source):
    statement = only(extractor.extract(text))
    assert texts(statement.content) == [content]
    assert " ".join(texts(statement.cue)) == cue
    assert statement.speaker.mention[0].text == source


@pytest.mark.parametrize(
    "text, content, cue, speaker",
    [
        # "That said," is a linking phrase ("even so"): no cue, no speaker "That"
        ("Turnout was low in the north. That said, most voters say they will back the mayor again.",
         ["they will back the mayor again"], ["say"], "most voters"),
        ('The minister praised the plan. (That said, she also noted, "It will cost more than we hoped.")',
         ['"It will cost more than we hoped."'], ["also noted"], "she"),
    ],
)
def test_that_said_is_a_linking_phrase(extractor, text, content, cue, speaker):
    found = [a for a in extractor.extract(text).attributions if a.cue and a.cue[0].text != "praised"]
    [attribution] = found
    assert [f.text.rstrip(")") for f in attribution.content] == content
    assert texts(attribution.cue) == cue
    assert attribution.speaker.mention[0].text == speaker


@pytest.mark.parametrize(
    "text, speaker",
    [
        # the day the parse hung off the subject says when, not who
        ("The prime minister on Sunday said immigration would be tightened.", "The prime minister"),
        ("The 52-year-old on Tuesday said he would retire.", "The 52-year-old"),
        ("Angry Labour MPs this week said the plan was wrong.", "Angry Labour MPs"),
        # a reduced relative keeps its day: it says which figures
        ("Figures released on Tuesday showed that prices rose.", "Figures released on Tuesday"),
    ],
)
def test_the_day_of_a_statement_is_not_its_source(extractor, text, speaker):
    assert only(extractor.extract(text)).speaker.mention[0].text == speaker


@pytest.mark.parametrize("strategy", ["rules", "learned"])
def test_a_statement_in_a_relative_clause_is_cut_out_of_the_content_it_sits_in(strategy):
    # PolNeAR annotates "which" + what was said as its own attribution, the outer content ending before it
    text = "He proposed a wall, which he said the Mexican government should pay for."
    found = {a.cue[0].text: texts(a.content) for a in Extractor(strategy=strategy).extract(text).attributions}
    assert found["said"] == ["which", "the Mexican government should pay for"]
    assert found.get("proposed", ["a wall"]) == ["a wall"]


@pytest.mark.parametrize("strategy", ["rules", "learned"])
def test_what_a_relative_clause_calls_its_antecedent_is_cut_out_of_the_content_it_sits_in(strategy):
    text = ('Mr Hale said he backs a bill that would target regional accreditation bodies, which he called '
            '"a cartel for higher education."')
    found = {a.cue[0].text: texts(a.content) for a in Extractor(strategy=strategy).extract(text).attributions}
    assert found["called"] == ["which", '"a cartel for higher education."']
    assert found["said"] == ["he backs a bill that would target regional accreditation bodies"]


def test_a_hyphen_inside_a_characterization_is_no_dash_that_ends_it(extractor):
    text = "The minister described the group as an anti-immigration lobby posing as a charity."
    [described] = extractor.extract(text).attributions
    assert texts(described.content) == ["the group as an anti-immigration lobby posing as a charity"]


@pytest.mark.parametrize("strategy", ["rules", "learned"])
def test_quotations_after_a_nested_statement_go_on_with_its_holder(strategy):
    # the quotations went to the nested "realise" (dropped as nested); the statement is Hasson's
    text = ('Mr Hasson said developers were beginning to realise that they had to be more "business-like". '
            '"There are still some developers who were involved in games from the bedroom coding days. '
            '"Some of them are still making games for peer group approval - that has to stop."')
    article = Extractor(strategy=strategy).extract(text)
    [said] = [a for a in article.attributions if a.cue and a.cue[0].text == "said"]
    assert any("bedroom coding days" in f.text for f in said.content)
    assert any("that has to stop" in f.text for f in said.content)


@pytest.mark.parametrize("strategy", ["rules", "learned"])
def test_a_source_stops_before_a_who_clause_that_is_a_statement_of_its_own(strategy):
    extractor = Extractor(strategy=strategy)
    text = "Barkley, who said he typically votes Democratic, said the debate was a disaster."
    [outer] = [a for a in extractor.extract(text).attributions if "disaster" in a.content_text]
    assert outer.speaker.mention[0].text == "Barkley"
    # a who-clause that reports nothing stays in the source, as PolNeAR's annotators mostly keep it
    text = "Reid, who was first elected in 1986, said the party was united."
    [only_one] = extractor.extract(text).attributions
    assert only_one.speaker.mention[0].text == "Reid, who was first elected in 1986"
