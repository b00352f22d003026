"""A DocumentDiff as HTML for the history panel: state, marks, text changes, metadata."""

from __future__ import annotations

from html import escape

from deskapp.core.annotations import Mark
from deskapp.core.versioning import DocumentDiff, MarkChange, TextChange
from deskapp.ui.panels.marks_panel import describe

CONTEXT = 40
ADDED = "color:#1b6e20;background:#e3f6e4"
REMOVED = "color:#a11;background:#fde6e6;text-decoration:line-through"
MAX_TEXT_CHANGES = 200


def diff_html(diff: DocumentDiff, old_label: str, new_label: str, new_text: str) -> str:
    """The whole diff; ``new_text`` gives context around each text change."""
    parts = [f"<h3 style='margin:2px 0'>{escape(old_label)} → {escape(new_label)}</h3>"]
    if diff.is_empty:
        parts.append("<p><i>No differences: same text, marks and state.</i></p>")
        return "".join(parts)
    if diff.state_change:
        old, new = diff.state_change
        parts.append(f"<p><b>State:</b> {escape(old)} → {escape(new)}</p>")
    parts += _marks_section("Marks added", diff.marks_added, ADDED, "+")
    parts += _marks_section("Marks removed", diff.marks_removed, REMOVED, "−")
    if diff.marks_changed:
        parts.append(f"<p><b>Marks changed ({len(diff.marks_changed)})</b></p><ul>")
        parts += [f"<li>{_changed_mark(c)}</li>" for c in diff.marks_changed]
        parts.append("</ul>")
    if diff.text_changes:
        shown = diff.text_changes[:MAX_TEXT_CHANGES]
        parts.append(f"<p><b>Text changes ({len(diff.text_changes)})</b></p><ul>")
        parts += [f"<li>{_text_change(c, new_text)}</li>" for c in shown]
        if len(diff.text_changes) > len(shown):
            parts.append(f"<li>… and {len(diff.text_changes) - len(shown)} more</li>")
        parts.append("</ul>")
    if diff.meta_changed:
        parts.append(f"<p><b>Details changed:</b> {escape(', '.join(diff.meta_changed))}</p>")
    return "".join(parts)


def _marks_section(title: str, marks: tuple[Mark, ...], style: str, sign: str) -> list[str]:
    if not marks:
        return []
    items = [f"<li><span style='{style}'>{sign} {escape(describe(m))}</span></li>" for m in marks]
    return [f"<p><b>{title} ({len(marks)})</b></p><ul>", *items, "</ul>"]


def _changed_mark(change: MarkChange) -> str:
    old, new = change.old.to_json(), change.new.to_json()
    details = []
    for name in change.fields:
        before, after = _value(old.get(name)), _value(new.get(name))
        details.append(f"{escape(name)}: <span style='{REMOVED}'>{escape(before)}</span> → "
                       f"<span style='{ADDED}'>{escape(after)}</span>")
    return f"{escape(describe(change.new))}<br><small>{'; '.join(details)}</small>"


def _value(value: object) -> str:
    if isinstance(value, dict):
        value = value.get("text", value)
    text = "—" if value in (None, "") else str(value)
    return text if len(text) <= 60 else text[:59] + "…"


def _text_change(change: TextChange, new_text: str) -> str:
    before = new_text[max(0, change.new_start - CONTEXT):change.new_start]
    after = new_text[change.new_end:change.new_end + CONTEXT]
    removed = f"<span style='{REMOVED}'>{escape(change.old_text)}</span>" if change.old_text else ""
    added = f"<span style='{ADDED}'>{escape(change.new_text)}</span>" if change.new_text else ""
    return (f"…{escape(_flat(before))}{removed}{added}{escape(_flat(after))}…")


def _flat(text: str) -> str:
    return text.replace("\n", " ⏎ ")
