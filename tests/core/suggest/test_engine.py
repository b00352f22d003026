"""Engine behaviour on small texts: quotes, speakers, attributions, flags."""

from deskapp.core.article import Article, Part, PartKind
from deskapp.core.spans import Span
from deskapp.core.suggest import suggest


def _run(text: str):
    return suggest(Article(text))


def test_multi_paragraph_quote_is_one_quote_in_pieces():
    text = ('"I came here in 1980," Tomas Berger said.\n'
            '"Now there is only me.\n'
            '"But I will keep rowing."\n')
    found = _run(text)
    long = next(q for q in found.quotes if "Now there" in q.span.text)
    assert [text[s:e] for s, e in long.span.ranges] == ["Now there is only me.",
                                                       "But I will keep rowing."]
    assert long.speaker == "Tomas Berger"
    assert not [f for f in found.flags if f.kind == "unbalanced quotation marks"]


def test_pronoun_and_surname_resolve_to_the_full_name_before():
    text = ("Claire Dubois, the mayor, said the plan would cut pollution.\n"
            "“It is time,” she said. Later Dubois told reporters that she would not back down.\n")
    found = _run(text)
    assert found.quotes[0].speaker == "Claire Dubois"
    told = next(a for a in found.attributions if a.cue and a.cue.text == "told")
    assert told.source.text == "Dubois" and told.entity == "Claire Dubois"


def test_anonymous_sources_and_according_to_chains():
    text = ("The talks stalled, two diplomats familiar with the negotiations said.\n"
            "At least 14 ships are waiting, according to Reuters and the BBC.\n")
    found = _run(text)
    kinds = {a.source.text: str(a.source_kind) for a in found.attributions}
    assert kinds["two diplomats familiar with the negotiations"] == "anonymous"
    assert kinds["Reuters"] == "media" and kinds["the BBC"] == "media"


def test_reporting_verb_needed_for_an_attribution():
    found = _run("Military leaders publicly backed him last month.\n")
    assert found.attributions == ()


def test_scare_quotes_are_dropped_but_cued_partial_quotes_kept():
    found = _run('The so-called "reform" passed. Smith called the move "reckless and wrong".\n')
    texts = {q.span.text: q.speaker for q in found.quotes}
    assert "reform" not in texts
    assert texts["reckless and wrong"] == "Smith"


def test_flags_unbalanced_marks_and_speakerless_quotes():
    found = _run("“This sentence never closes.\n\nThe report was long.\n"
                 "“We are here to stay and we will not move at all.”\n")
    kinds = {f.kind for f in found.flags}
    assert "unbalanced quotation marks" in kinds
    assert "quote without speaker" in kinds


def test_speaker_spelt_two_ways_is_flagged():
    text = ("“We will win,” said Amanda Lapo.\n"
            "“We will lose,” said Amanda Lappo.\n")
    assert any(f.kind == "speaker named two ways" for f in _run(text).flags)


def test_boilerplate_parts_are_skipped():
    text = "Body text here.\nCheck Also: “Big news,” the minister said.\n"
    start = text.index("Check")
    parts = (Part(PartKind.BOILERPLATE, Span.of(text, start, len(text))),)
    found = suggest(Article(text, parts))
    assert found.quotes == () and found.attributions == ()
