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
