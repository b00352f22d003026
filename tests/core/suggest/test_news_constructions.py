"""More constructions of news copy: an organisation named again by its kind ("the agency"),
a quote inside a quote, "a charge the Kremlin denies", "declared X the winner", and a
clause after a post-posed cue that the source did not say."""

import pytest

from deskapp.core.annotations import SourceKind
from deskapp.core.article import Article
from deskapp.core.suggest import suggest


def _found(text: str):
    return suggest(Article("Headline\n\n" + text + "\n"), reuse=False)


def _attributions(text: str) -> list[tuple[str | None, str | None, str]]:
    return [(a.source.text if a.source else None, a.cue.piece_text if a.cue else None,
             a.content.piece_text) for a in _found(text).attributions]


def _speakers(text: str) -> dict[str, str | None]:
    return {q.span.piece_text: q.speaker for q in _found(text).quotes}


@pytest.mark.parametrize(("text", "quote", "speaker"), [
    # the head word of the anaphor is in the organisation's name
    ("The International Atomic Energy Agency said the plant was safe. "
     "\"There is no danger,\" the agency said.",
     "There is no danger,", "The International Atomic Energy Agency"),
    ("Ukraine's energy ministry said repairs were under way. "
     "\"Crews are working day and night,\" the ministry said.",
     "Crews are working day and night,", "Ukraine's energy ministry"),
    ("A statement from the Ministry of Health said cases rose. "
     "\"We are ready,\" the ministry said.",
     "We are ready,", "the Ministry of Health"),
    # a word for a company stands for the last company named
    ("Brightline Motors reported a loss. \"Demand is weak,\" the company said.",
     "Demand is weak,", "Brightline Motors"),
])
def test_organisation_named_again_by_its_kind(text: str, quote: str, speaker: str) -> None:
    assert _speakers(text)[quote] == speaker


def test_anaphor_without_a_named_antecedent_stays_as_written() -> None:
    text = "A government agency issued a warning. \"Stay indoors,\" the agency said."
    assert _speakers(text)["Stay indoors,"] == "the agency"


def test_an_agency_is_an_organisation_and_a_news_agency_an_outlet() -> None:
    found = _found("The Environment Agency said rivers would keep rising. "
                   "State news agency IRNA said two people had died.")
    kinds = {a.source.text: a.source_kind for a in found.attributions}
    assert kinds["The Environment Agency"] == SourceKind.ORGANISATION
    assert kinds["State news agency IRNA"] == SourceKind.MEDIA


@pytest.mark.parametrize(("text", "expected"), [
    ("“People keep asking me, ‘Are you running?’ and I keep telling them, ‘I’m running "
     "late,’” Senator Jane Hale told supporters.",
     {"Are you running?": "People", "I’m running late,": "Jane Hale"}),
    ("\"My father always said, 'Never sell the land.' I didn't listen,\" said Tom Reyes.",
     {"Never sell the land.": "My father"}),
])
def test_quote_inside_a_quote(text: str, expected: dict[str, str]) -> None:
    speakers = _speakers(text)
    for quote, speaker in expected.items():
        assert speakers[quote] == speaker


def test_apostrophes_inside_a_quote_are_no_nested_quote() -> None:
    speakers = _speakers("\"It's the farmers' money and the workers' time,\" said Tom Reyes.")
    assert list(speakers) == ["It's the farmers' money and the workers' time,"]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Russia says it captured the village, a claim Kyiv denies.",
     ("Kyiv", "denies", "a claim")),
    ("He is accused of spying for Moscow, a charge the Kremlin denies.",
     ("the Kremlin", "denies", "a charge")),
    ("The report listed abuses, allegations that the government has denied.",
     ("the government", "has denied", "allegations")),
])
def test_the_noun_before_a_denial_is_what_is_denied(sentence: str, expected) -> None:
    found = _attributions(sentence)
    assert expected in found
    assert not any(src and src.startswith(("a ", "allegations")) for src, _, _ in found)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The electoral commission has declared incumbent President Joseph Tembo the winner "
     "with 54% of the vote.",
     ("The electoral commission", "has declared",
      "incumbent President Joseph Tembo the winner with 54% of the vote")),
    ("The court declared the election void.", ("The court", "declared", "the election void")),
])
def test_declared_with_a_verbless_claim(sentence: str, expected) -> None:
    assert expected in _attributions(sentence)


def test_a_clause_after_a_post_posed_cue_is_not_reported() -> None:
    found = _attributions("Junior doctors will strike again next month, their union announced "
                          "on Tuesday, after talks with the government broke down.")
    assert found == [("their union", "announced", "Junior doctors will strike again next month")]


def test_it_stands_for_the_organisation_that_opens_a_sentence_before() -> None:
    found = _found("Nordvik Motors cut its forecast. The company said in a statement that it "
                   "expected losses. It described the outlook as \"prudent\" and said orders "
                   "were strong.")
    by_cue = {a.cue.piece_text: a for a in found.attributions if a.source.text == "It"}
    assert by_cue["said"].content.piece_text == "orders were strong"
    assert by_cue["said"].entity == "Nordvik Motors"
    assert by_cue["said"].source_kind == SourceKind.ORGANISATION
    assert {q.span.piece_text: q.speaker for q in found.quotes} == {"prudent": "Nordvik Motors"}


def test_it_with_no_organisation_before_is_left_as_written() -> None:
    found = _found("Jane Doe resigned on Monday. It said that the deal was off.")
    assert [(a.source.text, a.entity) for a in found.attributions] == [("It", "It")]


def test_a_message_that_read_is_quoted_from_who_posted_it() -> None:
    speakers = _speakers("Pop star Jade Monroe hinted at the split on Instagram, posting a "
                         "cryptic message that read: "
                         "\"Sometimes letting go is the bravest thing.\"")
    assert speakers == {"Sometimes letting go is the bravest thing.": "Jade Monroe"}


def _headline_speakers(tmp_path, text: str) -> dict[str, str | None]:
    from deskapp.core.importers import read_article

    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    return {q.span.piece_text: q.speaker for q in suggest(read_article(path), reuse=False).quotes}


def test_headline_quote_speaker_is_named_in_full_in_the_story(tmp_path) -> None:
    speakers = _headline_speakers(tmp_path, (
        "'He just kept saying sorry': shop owner describes armed robbery\n\n"
        "A man armed with a knife escaped with £600 in cash, police said.\n\n"
        "Owner Ramesh Patel, 58, said the robber appeared nervous.\n"))
    assert speakers == {"He just kept saying sorry": "Ramesh Patel"}


def test_headline_quote_without_a_verb_of_saying_is_not_proposed(tmp_path) -> None:
    speakers = _headline_speakers(tmp_path, (
        "'WE LOST EVERYTHING': Family's terror as flash flood rips through village\n\n"
        "A mother of three has told how she clung to a lamppost as the water rose.\n"))
    assert speakers == {}


@pytest.mark.parametrize(("text", "quote", "speaker"), [
    ("A senior military officer, who spoke on condition of anonymity, said troops were "
     "tired. \"They come in waves,\" the officer said.",
     "They come in waves,", "A senior military officer"),
    ("A senior official said the talks had failed. \"It is over,\" the official added.",
     "It is over,", "A senior official"),
    # nobody introduced so: the mention as written
    ("Talks resumed on Monday. \"Nobody expected this,\" the judge said.",
     "Nobody expected this,", "the judge"),
])
def test_unnamed_source_named_again_is_its_first_description(text: str, quote: str,
                                                             speaker: str) -> None:
    assert _speakers(text)[quote] == speaker


def test_an_age_before_an_apposition_is_no_source() -> None:
    found = _attributions("Sarah Jones, 45, a teacher from Leeds, said her school had closed.")
    assert found == [("Sarah Jones", "said", "her school had closed")]


def test_a_pronoun_after_a_possessive_name_resolves_to_the_name() -> None:
    speakers = _speakers("Mr. Omar Khan's spokesman said the meeting was off. "
                         "\"We had no choice,\" he said.")
    assert speakers["We had no choice,"] == "Omar Khan"


def test_the_reporters_remark_after_a_content_is_left_out() -> None:
    found = _attributions("The army claimed it had killed 40 militants, a figure that could "
                          "not be independently verified.")
    assert found == [("The army", "claimed", "it had killed 40 militants")]


def test_analysts_told_are_hearers_not_content() -> None:
    found = _attributions("Chief executive John Park told analysts the outlook was bright.")
    assert found == [("Chief executive John Park", "told", "the outlook was bright")]


def test_a_partial_quote_after_calling_is_the_sentence_subjects() -> None:
    speakers = _speakers("The White House said it would veto the bill, calling it "
                         "\"reckless\".")
    assert speakers == {"reckless": "The White House"}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The findings, published in The Lancet, suggest that boosters remain effective.",
     ("The findings", "suggest", "that boosters remain effective")),
    ("The report, seen by Reuters, said 200 people had died.",
     ("The report", "said", "200 people had died")),
])
def test_a_participle_apposition_between_source_and_cue(sentence: str, expected) -> None:
    assert _attributions(sentence) == [expected]


def test_an_irregular_past_makes_a_content_a_clause() -> None:
    found = _attributions("Meyer, for his part, believes the subsidies came too late.")
    assert found == [("Meyer", "believes", "the subsidies came too late")]


def test_as_someone_put_it() -> None:
    speakers = _speakers("Farms are closing fast. As one farmer put it: "
                         "\"We're the last generation.\"")
    assert speakers == {"We're the last generation.": "one farmer"}


def test_a_statement_that_read() -> None:
    # the quote is found through the statement; its speaker is whoever issued it
    speakers = _speakers("The ministry issued a short statement on Monday. The statement read: "
                         "\"The government remains committed to dialogue.\"")
    assert speakers == {"The government remains committed to dialogue.": "The ministry"}
    speakers = _speakers("A short statement was posted on Monday. The statement read: "
                         "\"The government remains committed to dialogue.\"")
    assert speakers == {"The government remains committed to dialogue.": "The statement"}


def test_a_place_after_from_is_no_speaker() -> None:
    text = ("Vesna Horvat, 58, a retired teacher from Donji Grad, said she had escaped.\n"
            "“We heard the noise first,” she said.")
    assert _speakers(text)["We heard the noise first,"] == "Vesna Horvat"


@pytest.mark.parametrize("title", ["Det. Sgt.", "Dr.", "Insp.", "Lt. Col."])
def test_a_speaker_with_abbreviated_titles_after_the_quote(title: str) -> None:
    text = f"“This was not a random act,” {title} Ann Porter of the crime unit told reporters."
    assert _speakers(text)["This was not a random act,"] == "Ann Porter"


def test_a_pronoun_goes_to_a_name_after_a_long_role() -> None:
    text = ("Emergency Situations Minister Goran Petric told a news conference that rescuers "
            "were working through the night.\n“We still do not know how many are missing,” "
            "he said.")
    assert _speakers(text)["We still do not know how many are missing,"] == "Goran Petric"


def test_indented_paragraphs_keep_their_speakers() -> None:
    plain = ("Marguerite Olsen has kept bees above the valley for forty years.\n"
             "Olsen is not convinced the council will help.\n"
             "“My father used to say you could hear the valley in May,” she said.\n"
             "“Now there is only me. The young people go to the city.”\n"
             "The World Food Programme said stocks were low. “There is imminent famine,” "
             "the agency said.")
    indented = "\n".join("    " + line for line in plain.split("\n"))
    assert list(_speakers(indented).values()) == list(_speakers(plain).values())
    assert list(_speakers(plain).values()) == ["Marguerite Olsen", "Marguerite Olsen",
                                               "The World Food Programme"]
