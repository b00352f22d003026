"""Who speaks a direct quote: pronouns, surnames, roles and appositions in news copy."""

import pytest

from deskapp.core.article import Article
from deskapp.core.suggest import suggest


def _speakers(text: str) -> dict[str, str | None]:
    found = suggest(Article("Headline\n\n" + text + "\n"))
    return {q.span.piece_text.strip(" ,.“”\""): q.speaker for q in found.quotes}


@pytest.mark.parametrize("text", [
    # the subject of the sentences before the pronoun, named by surname alone
    "Ingrid Sand, a biologist, said the meadows had gone. “There is nothing left,” Sand said.\n"
    "Mirela Olsen lifts the lid of a hive. Olsen is not convinced by the plan. "
    "She has heard promises before. “I will keep going,” she said.",
    # after an opening clause
    "Nadia Karimi was 41 when she finished the novel. Her agent is Tom Whitcombe.\n"
    "“There are jokes on every page,” Whitcombe says.\n"
    "Asked whether the prize matters, Karimi pauses. “It matters to my mother,” she says.",
    # with an age between the surname and its verb
    "Mirela Olsen keeps bees. The bees are sluggish.\n"
    "Olsen, 61, has kept bees for decades. “My father kept them too,” she said.",
])
def test_a_pronoun_goes_to_the_surname_that_last_opened_a_sentence(text):
    speakers = _speakers(text)
    last = list(speakers)[-1]
    assert speakers[last] in ("Mirela Olsen", "Nadia Karimi")


def test_a_pronoun_of_the_other_gender_skips_that_subject():
    text = ("Nadia Karimi wrote the novel at night. Karimi kept her job. Her agent is "
            "Paul Whitcombe. Whitcombe sold the book. “It matters to my mother,” she says.")
    assert _speakers(text)["It matters to my mother"] == "Nadia Karimi"


def test_a_capitalised_word_that_names_nobody_is_no_subject():
    text = ("Ingrid Sand studies bees. “They are dying,” Sand said. "
            "Moscow is far away. Yet it matters. “We need flowers,” she said.")
    assert _speakers(text)["We need flowers"] == "Ingrid Sand"


@pytest.mark.parametrize(("text", "quote", "speaker"), [
    ("Its director of research, Dr. Nadia Perez, said: “There is no cure yet.”",
     "There is no cure yet", "Nadia Perez"),
    ("The trust's chief executive, Fiona Marsh, said she was “appalled” by the findings.",
     "appalled", "Fiona Marsh"),
    ("“We will appeal,” said the club's chairman, Alan Pryce, after the verdict.",
     "We will appeal", "Alan Pryce"),
])
def test_a_role_takes_the_name_in_apposition_after_it(text, quote, speaker):
    assert _speakers(text)[quote] == speaker


def test_a_role_without_a_name_in_apposition_stays_a_role():
    text = "The trust's chief executive, speaking on Monday, said she was “appalled” by it."
    assert _speakers(text)["appalled"] != "Monday"


@pytest.mark.parametrize(("text", "quote", "speaker"), [
    # post-nominal letters are no part of the name
    ("Defending, Thomas Baird KC said his client was “deeply ashamed”.",
     "deeply ashamed", "Thomas Baird"),
    ("Sir Alan Pryce MP said the plan was “a disgrace”.", "a disgrace", "Alan Pryce"),
    # a sentence adverb before a possessive surname is no first name
    ("Margaret Hale is a senator. Yet Hale's friends insist she will run. "
     "Hale says she will decide “after the harvest”.", "after the harvest", "Margaret Hale"),
])
def test_words_around_a_name_are_no_part_of_it(text, quote, speaker):
    assert _speakers(text)[quote] == speaker


def test_the_role_goes_to_someone_named_with_the_whole_role():
    text = ("The housing minister, Priya Varma, will replace him. The prime minister said she "
            "accepted the resignation “with regret”.")
    assert _speakers(text)["with regret"] == "The prime minister"
    text = ("Prime Minister Helen Ashby spoke first. The prime minister said she accepted "
            "the resignation “with regret”.")
    assert _speakers(text)["with regret"] == "Helen Ashby"


@pytest.mark.parametrize(("text", "quote", "speaker"), [
    # a verb of thought or evidence inside a clause of saying: the words are the sayer's
    ("Detective Inspector Sarah Cole said the case showed that “no one is beyond the law”.",
     "no one is beyond the law", "Sarah Cole"),
    ("One official, speaking on condition of anonymity, said Washington believed “a deal is "
     "within reach”.", "a deal is within reach", "One official"),
    # the cue after the sentence reports the clause that holds the quote, not the quote
    ("Foreign Minister Abbas Araghchi warned that any new attack would meet a “decisive "
     "response”, the Tasnim news agency reported.", "decisive response", "Abbas Araghchi"),
    ("The ministry said a phone ban had led to “a calmer learning environment” in most "
     "schools, according to a first evaluation.", "a calmer learning environment",
     "The ministry"),
    # a partial cue closer to the quote than the clause of saying around it
    ("The agency said the reactors were safe, but its director general, Rafael Grossi, "
     "called the situation “extremely fragile”.", "extremely fragile", "Rafael Grossi"),
])
def test_a_quote_inside_reported_speech_goes_to_who_says_its_words(text, quote, speaker):
    assert _speakers(text)[quote] == speaker


@pytest.mark.parametrize(("text", "quote", "speaker"), [
    ("The attack was “a decisive response”, the Tasnim news agency reported.",
     "a decisive response", "the Tasnim news agency"),
    ("Sarah Cole believes “the worst is over” for the town.", "the worst is over",
     "Sarah Cole"),
])
def test_a_quote_with_one_speaker_keeps_it(text, quote, speaker):
    assert _speakers(text)[quote] == speaker


def test_a_partial_quote_after_called_holds_the_object_in_its_attribution():
    found = suggest(Article("Headline\n\nDr. Samuel Otieno called the findings “genuinely "
                            "important”. Oxfam later called it “a betrayal” and left.\n"))
    contents = {a.content.piece_text for a in found.attributions}
    assert "the findings “genuinely important”" in contents
    assert "it “a betrayal”" in contents


def _headline_speakers(tmp_path, text: str) -> dict[str, str | None]:
    from deskapp.core.importers import read_article

    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    return {q.span.piece_text: q.speaker for q in suggest(read_article(path), reuse=False).quotes}


@pytest.mark.parametrize("headline", [
    "'I stopped asking for permission': Nadia Karimi on her debut novel",
    "“I stopped asking for permission”: Nadia Karimi on writing at night",
])
def test_an_interview_headline_names_its_speaker_before_on(tmp_path, headline):
    speakers = _headline_speakers(tmp_path, headline + "\n\nNadia Karimi was 41 when she "
                                  "finished the novel. Karimi now writes at night.\n")
    assert speakers == {"I stopped asking for permission": "Nadia Karimi"}


def test_a_headline_quote_before_a_topic_on_something_has_no_speaker(tmp_path):
    speakers = _headline_speakers(tmp_path, "'Enough is enough': Green Belt on the brink\n\n"
                                  "Developers want the Green Belt. The land is cheap.\n")
    assert speakers == {}


@pytest.mark.parametrize(("text", "quote", "speaker"), [
    ("The World Food Programme said it had paused deliveries. The agency warned that the "
     "north faced “imminent famine” without more aid.", "imminent famine",
     "The World Food Programme"),
    ("Human Rights Watch published its report on Monday. The group said the killings were "
     "“a war crime”.", "a war crime", "Human Rights Watch"),
])
def test_the_agency_is_the_organisation_that_opened_a_sentence_before(text, quote, speaker):
    assert _speakers(text)[quote] == speaker


@pytest.mark.parametrize(("text", "quote", "speaker"), [
    ("One official said the talks were going well but warned that “nothing is agreed yet.”",
     "nothing is agreed yet", "One official"),
    ("The coach said his players were brave and added: “We never stopped running.”",
     "We never stopped running", "The coach"),
])
def test_a_second_verb_of_the_same_subject_keeps_that_speaker(text, quote, speaker):
    assert _speakers(text)[quote] == speaker


def test_a_quote_after_verb_that_holds_that_in_its_attribution():
    found = suggest(Article("Headline\n\nThe official warned that “nothing is agreed.”\n"
                            "The minister said: “We are ready.”\n"))
    contents = {a.content.piece_text for a in found.attributions}
    assert "that “nothing is agreed.”" in contents
    assert "We are ready." in contents


@pytest.mark.parametrize("text, quote, speaker", [
    # a participle of a verb no cue list holds, after the subject's own clause
    ("Councillor Dana Whitlow opened the new ferry on Monday, promising to “run it every "
     "hour of the night.”", "run it every hour of the night", "Dana Whitlow"),
    # a subject with an aside between commas
    ("Dana Whitlow, celebrating the first crossing, is pledging to “run it every hour of "
     "the night.”", "run it every hour of the night", "Dana Whitlow"),
])
def test_a_quote_in_a_sentence_without_a_cue_goes_to_the_sentence_subject(text, quote,
                                                                         speaker):
    found = suggest(Article("Headline\n\n" + text + "\n"))
    [q] = [q for q in found.quotes if q.span.piece_text.strip(" ,.“”") == quote]
    assert speaker in (q.speaker or "") and q.confidence <= 0.6


@pytest.mark.parametrize("text", [
    "The old ferry sank in the storm, taking with it “every hope of a summer service.”",
    "When Whitlow arrived on Monday the crowd sang “every hope of a summer service.”",
    "Whitlow opened the pier, and the crowd, which had waited all day, sang “every hope of "
    "a summer service.”",
])
def test_a_thing_or_a_clause_opener_is_no_sentence_subject(text):
    found = suggest(Article("Headline\n\n" + text + "\n"))
    assert all(q.rule != "sentence-subject" for q in found.quotes)


def test_a_later_sentence_with_its_own_subject_does_not_continue_the_last_quote():
    text = ("“The ferry will run all night,” Dana Whitlow said. Omar Pike rejected "
            "the plan as “a waste of every harbour penny.”")
    found = suggest(Article("Headline\n\n" + text + "\n"))
    later = next(q for q in found.quotes if "harbour penny" in q.span.text)
    assert later.speaker_span.text.endswith("Omar Pike") and later.rule == "sentence-subject"
    assert "Pike" in later.speaker


def test_a_quote_after_another_in_the_same_sentence_stays_with_its_speaker():
    text = ("“The ferry will run all night,” Dana Whitlow said, and the crew will be paid for "
            "“every single hour of it.”")
    found = suggest(Article("Headline\n\n" + text + "\n"))
    later = next(q for q in found.quotes if "single hour" in q.span.text)
    assert later.speaker == "Dana Whitlow"


def _quote(text: str, words: str):
    found = suggest(Article("Headline\n\n" + text + "\n"))
    return next(q for q in found.quotes if words in q.span.text)


@pytest.mark.parametrize("text, words, mention", [
    # a pronoun of the same speaker in the quote's own sentence
    ("Mayor Dana Whitlow opened the ferry on Monday. “It will run all night,” she said. "
     "Then she turned to the fares: “They will rise in May.”", "rise in May", "she"),
    # the surname again, after an opening phrase
    ("Dana Whitlow said the ferry would “run all night” from Monday. In a radio "
     "interview later that day, Whitlow went further: “It will never stop again.”",
     "never stop", "Whitlow"),
    # "who" right after the speaker and their role, with a verb of saying
    ("“The crossing is safe,” said Omar Pike, the harbour master, who added that the "
     "boats were “checked every single week.”", "checked every", "who"),
])
def test_a_quote_continuing_a_speaker_points_at_their_mention_next_to_it(text, words,
                                                                           mention):
    later = _quote(text, words)
    whole = "Headline\n\n" + text
    nearest = whole.rindex(mention, 0, later.span.start)  # the mention nearest the quote
    assert (later.speaker_span.start, later.speaker_span.text) == (nearest, mention)
    assert later.speaker in ("Dana Whitlow", "Omar Pike")  # the name stays the full one
    assert later.rule == "continuation"


@pytest.mark.parametrize("text, words, mention", [
    # the speaker already named in the sentence: "she" there is part of the content
    ("“It will run all night,” Dana Whitlow said, adding that she expects “no delays "
     "at all.”", "no delays", "Dana Whitlow"),
    # "who" of somebody else, or not saying anything
    ("“The crossing is safe,” said Omar Pike, who is also the host of “Harbour Talk.” "
     "“I check the boats myself.”", "check the boats", "Omar Pike"),
])
def test_a_continuing_quote_keeps_its_speaker_when_the_sentence_names_no_one_else(
        text, words, mention):
    assert _quote(text, words).speaker_span.text == mention


@pytest.mark.parametrize("text, words, speaker", [
    ("Ada Morrow said she was “a firm believer” in the levy, which the mayor said would "
     "pass.", "firm believer", "Ada Morrow"),
    ("Tom Hale says he is “nearly ready” for the vote, a plan that Ada Morrow said was "
     "risky.", "nearly ready", "Tom Hale"),
])
def test_a_quote_in_a_clause_reported_just_before_it_is_not_taken_by_a_later_cue(
        text, words, speaker):
    quote = _quote(text, words)
    assert (quote.speaker_span.text, quote.rule) == (speaker, "inside-attribution")


@pytest.mark.parametrize("text", [
    "In 2011, when the governor offered states millions of dollars through his grant "
    "program, “the towns were losing money,” Morrow said.",
    "After the mayor read the claims of the builders, “the towns were losing money,” "
    "Morrow said.",
])
def test_a_noun_that_looks_like_a_verb_of_saying_does_not_hide_the_cue_after_a_quote(text):
    quote = _quote(text, "losing money")
    assert (quote.speaker_span.text, quote.rule) == ("Morrow", "quote-speaker-cue")


@pytest.mark.parametrize("text, speaker", [
    ("Dana Whitlow waved at the crowd, then leaned in and boomed: “We will finish the "
     "bridge.”", "Dana Whitlow"),
    ("The harbour plan was in trouble. And she is sure the council will give in: “They "
     "cannot hold out for long.”", "she"),
])
def test_a_quote_after_a_colon_in_its_own_paragraph_is_the_subjects(text, speaker):
    quote = suggest(Article("Headline\n\n" + text + "\n")).quotes[-1]
    assert (quote.speaker_span.text, quote.rule) == (speaker, "colon-subject")


def test_a_name_after_a_dash_before_the_colon_is_not_replaced_by_the_subject():
    text = "The mood has shifted in the valley - Dana Whitlow: “We will finish the bridge.”"
    quote = suggest(Article("Headline\n\n" + text + "\n")).quotes[-1]
    assert quote.rule != "colon-subject"


def test_a_nested_quote_closing_before_a_space_and_the_mark_ends_the_quote():
    text = ("\"You walk off the court and say, 'Well done,' \" said Dana Whitlow, a ferry "
            "captain. \"Then you go home.\"")
    found = suggest(Article("Headline\n\n" + text + "\n")).quotes
    assert [q.span.text for q in found] == ["You walk off the court and say, 'Well done,'",
                                            "Then you go home."]
    assert all(q.speaker == "Dana Whitlow" for q in found)


def test_a_quote_after_one_whose_speaker_a_colon_gave_continues_that_speaker():
    text = ("Dana Whitlow waved at the crowd, then leaned in and boomed: “We will finish the "
            "bridge.”\n\n“And we will finish it before the winter comes. Nobody will stop us "
            "now.”")
    first, second = suggest(Article("Headline\n\n" + text + "\n")).quotes
    assert (first.rule, second.rule) == ("colon-subject", "next-paragraph")
    assert second.speaker_span == first.speaker_span and second.speaker == "Dana Whitlow"
