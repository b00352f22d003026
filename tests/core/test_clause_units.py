"""Clause selections and the units they grow and shrink by (no display)."""

from __future__ import annotations

from deskapp.core.clause_units import clause_at, grow, shrink, units_around

LAPO = ("Amanda Lapo, a defense and military analyst at the IISS, said that it is not yet "
        "certain that increasing defections are a threat to Maduro.")
QUOTED = "“The defections don’t appear to be on a senior enough level,” she told Business Insider."


def _at(text: str, word: str) -> int:
    return text.index(word) + 1


def test_clause_at_follows_complements_commas_and_quotation_marks() -> None:
    clause = clause_at(LAPO, _at(LAPO, "increasing"))
    assert LAPO[slice(*clause)] == "that increasing defections are a threat to Maduro"
    assert LAPO[slice(*clause_at(LAPO, _at(LAPO, "analyst")))] == (
        "a defense and military analyst at the IISS")
    assert QUOTED[slice(*clause_at(QUOTED, _at(QUOTED, "senior")))] == (
        "The defections don’t appear to be on a senior enough level")
    text = "Prices rose; wages did not, the survey found."
    assert text[slice(*clause_at(text, _at(text, "wages")))] == "wages did not"


def test_grow_goes_outward_one_unit_at_a_time_and_shrink_back() -> None:
    start, end = clause_at(LAPO, _at(LAPO, "increasing"))
    grown = [LAPO[start:end]]
    for _ in range(4):
        start, end = grow(LAPO, start, end)
        grown.append(LAPO[start:end])
    assert grown[1] == ("that it is not yet certain that increasing defections are a threat "
                        "to Maduro")
    assert grown[2].startswith("said that it")
    assert grown[3] == LAPO[:-1] and grown[4] == LAPO
    assert grow(LAPO, 0, len(LAPO)) == (0, len(LAPO))
    inner = shrink(LAPO, 0, len(LAPO), _at(LAPO, "analyst"))
    assert LAPO[slice(*inner)] == LAPO[:-1]


def test_units_keep_numbers_and_never_hold_edge_punctuation() -> None:
    text = "Venezuela’s military, which employs between 95,000 and 150,000 soldiers, is big."
    units = [text[a:b] for a, b in units_around(text, _at(text, "150"))]
    assert "which employs between 95,000 and 150,000 soldiers" in units
    assert all(u == u.strip(" ,") for u in units)
