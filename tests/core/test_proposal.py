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
