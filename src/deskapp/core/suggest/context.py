"""The speaker of a quote that opens a paragraph with no cue of its own.

News often names the speaker in one paragraph and quotes them in the next:
"Lopez said the shelter was full.⏎“We have never seen numbers like this.”" The quote
goes to the person whose attribution ends the paragraph before it, when nothing comes
after that attribution and the quote opens its paragraph.
"""

from __future__ import annotations

from bisect import bisect_right

from deskapp.core.annotations import SourceKind
from deskapp.core.suggest.model import Range, RawAttribution

_TAIL = " \t.!?”\"’'"


class PreviousSpeakers:
    """The engine's attributions (each with its block's offset, blocks in text order),
    for ``speaker_before``."""

    def __init__(self, raws: list[tuple[RawAttribution, int]]) -> None:
        self._raws = raws
        self._offsets: list[int] | None = None

    def speaker_before(self, text: str, open_at: int, kind_of) -> tuple[Range, tuple] | None:
        """Source and cue ranges of the attribution that closes the paragraph before the
        one ``open_at`` opens, if its source is a person; else None."""
        if open_at == 0 or text[open_at - 1] != "\n":
            return None
        prev_end = open_at - 1
        while prev_end > 0 and text[prev_end - 1].isspace():
            prev_end -= 1
        if self._offsets is None:
            self._offsets = [d for _, d in self._raws]
        i = bisect_right(self._offsets, prev_end) - 1
        if i < 0:
            return None
        d = self._offsets[i]
        best = None
        while i >= 0 and self._offsets[i] == d:  # the attributions of that block
            raw = self._raws[i][0]
            if raw.source is not None:
                end = d + max(raw.content[-1][1], raw.source[1], raw.cue[-1][1] if raw.cue else 0)
                # the last to end; of two ending together, the outer one ("Carter said that
                # critics had predicted …": Carter)
                key = (end, -min(raw.source[0], raw.cue[0][0] if raw.cue else raw.source[0]))
                if end <= prev_end and (best is None or key > best[0]):
                    best = (key, raw)
            i -= 1
        if best is None:
            return None
        (end, _), raw = best
        if text.find("\n", end, prev_end) >= 0 or text[end:prev_end].strip(_TAIL):
            return None
        source = (raw.source[0] + d, raw.source[1] + d)
        if kind_of(text[source[0]:source[1]]) != SourceKind.PERSON:
            return None
        return source, tuple((a + d, b + d) for a, b in raw.cue)
