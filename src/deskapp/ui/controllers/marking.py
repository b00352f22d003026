"""Marking by keyboard: mark quotes and attributions, edit and delete marks (find,
selection helpers, navigation and corrections are in ``marking_moves``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from deskapp.core.annotations import Attribution, Quote, SourceKind
from deskapp.core.errors import MarkRejected
from deskapp.core.locate import locate_near, resolve_mention
from deskapp.core.marking import (
    make_attribution,
    make_quote,
    mark_at,
    names_in_text,
)
from deskapp.core.proposal import propose_at
from deskapp.ui.controllers.marking_moves import MarkingMoves, brief
from deskapp.ui.mark_dialog import MarkDetails, ask_mark_details
from deskapp.ui.mark_proposals import opening, picking

if TYPE_CHECKING:
    from deskapp.ui.main_window import MainWindow

PRONOUNS = ("he", "she", "they", "it", "we", "I")
PRONOUN_KEYS = frozenset(p.casefold() for p in PRONOUNS)
COMMON_CUES = (
    "said",
    "says",
    "told",
    "reported",
    "according to",
    "claimed",
    "has claimed",
    "announced",
    "confirmed",
    "denied",
    "warned",
    "added",
    "wrote",
    "tweeted",
    "stated",
    "noted",
    "argued",
    "estimated",
    "has declared",
    "citing",
    "in a statement",
)


class MarkingActions(MarkingMoves):
    """Mark menu and the selection helpers of the Edit menu (moves: ``marking_moves``)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        window.marks_panel.activated.connect(self.go_to_mark)
        window.find_bar.find.connect(self._find)
        window.find_bar.closed.connect(window.view.setFocus)
        window.view.edited.connect(self._text_edited)

    # -- marking ---------------------------------------------------------------------
    def mark_quote(self) -> None:
        self._mark(quote=True)

    def mark_attribution(self) -> None:
        self._mark(quote=False)

    def _mark(self, *, quote: bool, editing: Quote | Attribution | None = None) -> None:
        window, session = self.window, self.window.session
        doc = session.document
        if doc is None:
            return
        text = doc.article.text
        proposal = at_caret = None
        if editing is None:
            start, end = window.view.selection()
            if not quote and start == end:
                proposal = at_caret = propose_at(text, start, self._pending())
                if proposal is None:
                    window.status("No attribution to propose here: select its content first")
                    return
                start, end = proposal.content
            try:  # validate the selection before asking anything
                (make_quote if quote else _probe_attribution)(doc, start, end)
            except MarkRejected as exc:
                window.status(str(exc))
                return
        else:
            start, end = editing.anchor.start, editing.anchor.end
        initial = _details_of(editing) if editing else self._guess(start, end, quote)
        if editing is None and not quote:
            initial = opening(text, start, end, initial, self._pending(), proposal)
        details = ask_mark_details(
            window,
            quote=quote,
            content=text[start:end],
            names=self._names(doc),
            cues=list(COMMON_CUES),
            **picking(text, start, end, initial, window.view.show_parts,
                      self._pending() if at_caret is not None else None),
        )
        window.renderer.refresh_current()  # the outline instead of the parts shown
        if details is None:
            window.status("Nothing marked")
            return
        if details.content_span is not None and editing is None:
            start, end = details.content_span  # moved in the dialog (Alt+Right, a new cue)
        try:
            mark = self._build(
                doc,
                start,
                end,
                details,
                quote=quote,
                replacing=editing.id if editing else None,
                editing=editing,
            )
        except MarkRejected as exc:
            window.status(str(exc))
            return
        marks = doc.marks.replace(mark) if editing else doc.marks.add(mark)
        label = ("Edit " if editing else "Mark ") + ("quote" if quote else "attribution")
        session.apply(doc.with_marks(marks), label)
        window.renderer.set_current(mark.id)
        people = getattr(window, "people", None)  # the registry learns new names
        learned = people.learn_from(mark) if people is not None else ""
        what = brief(text[mark.anchor.start : mark.anchor.end])
        window.status(f"{label}: {what}" + (f" · {learned}" if learned else ""))

    def _build(
        self, doc, start, end, details: MarkDetails, *, quote: bool, replacing: str | None, editing
    ) -> Quote | Attribution:
        text = doc.article.text
        who = details.source_span or (
            locate_near(text, details.who, start, end) if details.who else None)
        cue = details.cue_span or (
            locate_near(text, details.cue, start, end) if details.cue else None)
        if details.cue and cue is None:
            raise MarkRejected(f"The cue “{details.cue}” is not in the text near the content.")
        name = details.refers_to or (
            resolve_mention(text, details.who, who[0] if who else start) or details.who
        )
        registry = getattr(self.window, "registry", None)
        entity = registry.find(name) if registry is not None and name else None
        if entity is not None and name.casefold() not in PRONOUN_KEYS:
            name = entity.name  # a short name or alias stands for the registry entry
        ranges = editing.content.ranges if isinstance(editing, Attribution) else (start, end)
        if quote:
            return make_quote(
                doc if not editing else _without(doc, editing),
                start,
                end,
                speaker=name or None,
                speaker_span=who,
                cue=cue,
                note=details.note,
                replacing=replacing,
            )
        kind = details.kind
        if kind is SourceKind.UNKNOWN and entity is not None:
            kind = entity.kind
        if kind is SourceKind.UNKNOWN and details.who.lower() in PRONOUN_KEYS:
            kind = SourceKind.PERSON
        if not details.who and kind is not SourceKind.ANONYMOUS:
            raise MarkRejected("The source is empty: type a name or tick “Anonymous source”.")
        return make_attribution(
            doc if not editing else _without(doc, editing),
            ranges,
            source=who,
            cue=cue,
            source_kind=kind,
            entity=name if name and (name != details.who or who is None) else None,
            note=details.note,
            replacing=replacing,
        )

    def _pending(self) -> list:
        """The attribution suggestions still waiting for a decision."""
        suggestions = getattr(self.window, "suggestions", None)
        if suggestions is None:
            return []
        suggestions.flush()
        queue = suggestions.queue
        return [item for item, decision in zip(queue.items, queue.decisions, strict=True)
                if decision is None and item.kind == "attribution"]

    def _names(self, doc) -> list[str]:
        names = names_in_text(doc.article)
        registry = getattr(self.window, "registry", None)
        if registry is not None:
            for entity in registry:
                names += [entity.name, *entity.aliases]
        return [*names, *PRONOUNS]

    def _guess(self, start: int, end: int, quote: bool) -> MarkDetails | None:
        guesser = getattr(self.window, "suggestion_guess", None)
        return guesser(start, end, quote) if guesser else None

    def edit_mark(self) -> None:
        mark = self._current()
        if mark is None:
            self.window.status("No mark here: put the caret on a mark or pick one in the list")
            return
        self._mark(quote=isinstance(mark, Quote), editing=mark)

    def delete_mark(self) -> None:
        mark = self._current()
        if mark is None:
            self.window.status("No mark here to delete")
            return
        doc = self.window.session.document
        self.window.session.apply(doc.with_marks(doc.marks.remove(mark.id)), f"Delete {mark.kind}")
        self.window.renderer.set_current(None)
        self.window.status(f"Deleted the {mark.kind}; Ctrl+Z brings it back")

    def _current(self) -> Quote | Attribution | None:
        doc = self.window.session.document
        if doc is None:
            return None
        current = self.window.renderer.current_mark
        mark = doc.marks.get(current) if current else None
        if mark is not None and (self.window.marks_panel.list.hasFocus() or mark.orphaned):
            return mark
        start, _end = self.window.view.selection()
        under = mark_at(doc, start)
        if mark is not None and mark in under:
            return mark
        return under[0] if under else mark

def _probe_attribution(doc, start: int, end: int) -> None:
    make_attribution(doc, (start, end), source_kind=SourceKind.ANONYMOUS)


def _without(doc, mark):
    return doc.with_marks(doc.marks.remove(mark.id))


def _details_of(mark: Quote | Attribution) -> MarkDetails:
    cue = mark.cue.text if mark.cue else ""
    if isinstance(mark, Quote):
        who = mark.speaker_span.text if mark.speaker_span else (mark.speaker or "")
        refers = mark.speaker if mark.speaker and mark.speaker != who else ""
        return MarkDetails(who, cue, SourceKind.PERSON, mark.note, refers)
    who = mark.source.text if mark.source else (mark.entity or "")
    refers = mark.entity if mark.entity and mark.entity != who else ""
    return MarkDetails(who, cue, mark.source_kind, mark.note, refers)
