"""Offsets after a correction map to Qt positions as a fresh map of the new text does."""

from hypothesis import given, settings
from hypothesis import strategies as st

from deskapp.ui.positions import PositionMap

CHARS = st.sampled_from(["a", " ", "\n", "é", "😀", "𝄞"])


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_an_edited_map_equals_the_map_of_the_edited_text(data):
    text = "".join(data.draw(st.lists(CHARS, max_size=30)))
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    replacement = "".join(data.draw(st.lists(CHARS, max_size=6)))
    new_text = text[:start] + replacement + text[end:]
    edited, fresh = PositionMap(text).edited(start, end, replacement), PositionMap(new_text)
    for offset in range(len(new_text) + 1):
        assert edited.to_qt(offset) == fresh.to_qt(offset)
        assert edited.from_qt(fresh.to_qt(offset)) == offset
