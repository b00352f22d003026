"""The highlight index in lazily moved runs answers like a plain list of highlights."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from deskapp.core.edits import TextEdit, map_position
from deskapp.ui.highlight_index import HighlightIndex
from deskapp.ui.highlights import Highlight, Role


def highlights(limit: int = 60):
    return st.builds(
        lambda s, n, r: Highlight(s, s + n, Role(r)),
        st.integers(0, limit), st.integers(1, 12), st.integers(0, len(Role) - 1))


def moved(h: Highlight, edit: TextEdit) -> Highlight:
    """Where a highlight goes: the rules of a mark's span (``core.edits``)."""
    s = map_position(h.start, edit, side="start")
    return Highlight(s, max(s, map_position(h.end, edit, side="end")), h.role)


@settings(max_examples=300, deadline=None)
@given(data=st.data(), run=st.sampled_from([1, 2, 3, 256]))
def test_index_agrees_with_a_plain_list_through_adds_removes_and_edits(data, run):
    items = data.draw(st.lists(highlights(), max_size=25))
    index = HighlightIndex.__new__(HighlightIndex)
    index.RUN = run
    HighlightIndex.__init__(index, items)
    plain = sorted(items)
    for _ in range(data.draw(st.integers(1, 8))):
        step = data.draw(st.sampled_from(["add", "remove", "edit", "edit"]))
        if step == "add":
            item = data.draw(highlights(90))
            index.add(item)
            plain.append(item)
        elif step == "remove" and plain:
            item = data.draw(st.sampled_from(plain))
            index.remove(item)
            plain.remove(item)
        elif step == "edit":
            start = data.draw(st.integers(0, 90))
            edit = TextEdit(start, start + data.draw(st.integers(0, 10)),
                            "x" * data.draw(st.integers(0, 6)))
            index.shift(edit.start, edit.end, edit.delta)
            plain = [moved(h, edit) for h in plain]
        assert sorted(index) == sorted(plain)
        assert len(index) == len(plain)
        for a in range(0, 100, 7):
            for b in (a + 1, a + 5, a + 40):
                want = sorted(h for h in plain if h.start < b and h.end > a)
                assert sorted(index.overlapping(a, b)) == want
