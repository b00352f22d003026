"""Attributions proposed at the caret where no suggestion rule fired (no display)."""

from __future__ import annotations

import pytest

from deskapp.core.proposal import propose_at, propose_for, source_candidates

MANY = ("Many saw Guaidó’s attempt to transport aid over the Colombian-Venezuelan border at "
        "the weekend as a play to test the loyalty of Maduro’s soldiers.")
CASES = [
    (MANY, "Many", "saw", MANY[9:-1]),
    ("Analysts polled by LSEG had expected a decline of 0.9%.", "Analysts polled by LSEG",
     "had expected", "a decline of 0.9%"),
    ("Zambia's main opposition party on Tuesday rejected the official results of last week's "
     "presidential election, saying the count had been rigged.",
     "Zambia's main opposition party", "rejected",
     "the official results of last week's presidential election"),
    ("Malawi’s main opposition party threatened on Wednesday to boycott the election unless "
     "the commission audits the voter roll, a day after delays blamed on faulty kits.",
     "Malawi’s main opposition party", "threatened",
     "to boycott the election unless the commission audits the voter roll"),
    ("She appealed for anyone with dashcam footage to come forward.", "She", "appealed",
     "for anyone with dashcam footage to come forward"),
]


def _text(text: str, rng) -> str | None:
    return text[slice(*rng)] if rng else None


@pytest.mark.parametrize(("text", "source", "cue", "content"), CASES)
def test_the_same_attribution_from_every_word_of_its_clause(text, source, cue, content) -> None:
    clause_end = text.index(content) + len(content)
    for caret in range(0, clause_end, 3):
        proposal = propose_at(text, caret)
        assert proposal is not None, caret
        got = (_text(text, proposal.source), _text(text, proposal.cue),
               _text(text, proposal.content))
        assert got == (source, cue, content), text[caret:caret + 12]


def test_a_cue_closing_its_clause_takes_the_words_before_it() -> None:
    text = ("They also work with faulty equipment, the International Institute for Strategic "
            "Studies (IISS) reported.")
    proposal = propose_at(text, text.index("faulty"))
    assert _text(text, proposal.cue) == "reported"
    assert _text(text, proposal.content) == "They also work with faulty equipment"
    assert _text(text, proposal.source).endswith("Strategic Studies (IISS)")


def test_a_selection_is_the_content_and_candidates_start_near_the_cue() -> None:
    start = MANY.index("Guaidó’s")
    proposal = propose_for(MANY, start, len(MANY) - 1)
    assert _text(MANY, proposal.cue) == "saw" and _text(MANY, proposal.source) == "Many"
    names = [MANY[a:b] for a, b in source_candidates(MANY, proposal.cue)]
    assert names[0] == "Many" and "Guaidó’s" in " ".join(names)


def test_a_caret_in_a_complement_takes_the_verb_that_governs_it() -> None:
    text = ("A British court on Friday temporarily blocked the scheme, ruling that ministers "
            "had failed to show the scheme was safe.")
    for word in ("ruling", "ministers", "scheme was", "safe"):  # (on "show": that verb)
        proposal = propose_at(text, text.index(word) + 1)
        assert (_text(text, proposal.source), _text(text, proposal.cue)) == (
            "A British court", "ruling"), word
        assert _text(text, proposal.content) == text[text.index("that"):-1]


def test_no_proposal_without_a_possible_cue() -> None:
    assert propose_at("Home / World", 3) is None


def _parts(text: str, proposal) -> tuple:
    return (_text(text, proposal.source), _text(text, proposal.cue),
            _text(text, proposal.content))


def test_the_content_runs_to_the_sentence_end_less_a_trailing_attribution() -> None:
    text = ("Union leaders said the strike would go ahead on Monday, whatever the offer, "
            "two of them told reporters.")
    proposal = propose_at(text, text.index("strike"))
    assert _parts(text, proposal) == (
        "Union leaders", "said", "the strike would go ahead on Monday, whatever the offer")
    text = "The mayor said the bridge would reopen in May and dismissed calls to resign."
    assert _parts(text, propose_at(text, text.index("said"))) == (
        "The mayor", "said", "the bridge would reopen in May")


def test_a_verb_under_the_caret_wins_over_a_suggestion_holding_it() -> None:
    from types import SimpleNamespace as NS

    text = "Western diplomats privately fear a repeat of the violence, two of them told Wire."
    told = text.index("told")
    suggestion = NS(content=NS(start=0, end=text.index(",")), cue=NS(start=told, end=told + 4),
                    source=NS(start=text.index("two"), end=text.index(" told")))
    on_fear = propose_at(text, text.index("fear") + 1, [suggestion])
    assert _parts(text, on_fear) == ("Western diplomats", "fear",
                                     "a repeat of the violence")
    elsewhere = propose_at(text, text.index("repeat"), [suggestion])
    assert _text(text, elsewhere.cue) == "told"  # the suggestion, as it is


def test_quotations_listeners_and_relative_clauses() -> None:
    text = "Sen. Ada Obi called the vote “a promise kept to every rural family”."
    assert _parts(text, propose_at(text, text.index("called"))) == (
        "Sen. Ada Obi", "called", "a promise kept to every rural family")
    text = "“Children told us they had been eating grass for days.”"
    assert _parts(text, propose_at(text, text.index("told") + 1)) == (
        "Children", "told", "they had been eating grass for days")
    text = ("Rich nations agreed to pay, a deal that poorer countries immediately denounced as "
            "unfair.")
    assert _parts(text, propose_at(text, text.index("denounced"))) == (
        "poorer countries", "denounced", "as unfair")


def test_the_content_end_steps_by_breaks_and_candidates_hold_a_passive_agent() -> None:
    from deskapp.core.proposal import step_content

    text = "The council has said it will review the plan after two years, looking at costs."
    content = propose_at(text, text.index("said")).content
    assert _text(text, content) == "it will review the plan after two years, looking at costs"
    shorter = step_content(text, content, -1)
    assert _text(text, shorter) == "it will review the plan after two years"
    assert _text(text, step_content(text, shorter, -1)) == "it will review the plan"
    assert step_content(text, shorter, 1) == content == step_content(text, content, 1)
    text = "The findings were described as alarming by the Federation of Mountain Towns."
    cue = (text.index("were"), text.index(" as"))
    names = [_text(text, r) for r in source_candidates(text, cue)]
    assert "the Federation of Mountain Towns" in names[:4]
