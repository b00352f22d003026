"""A scripted keyboard user marking the attributions the suggestions missed (issue 17).

Every gold attribution of the fixtures (``tests/fixtures/gold/*.json`` and the sample's
``seed-gold.json``, core and borderline tiers) whose content no suggestion of the engine
has is a *miss*. For each miss and each of five caret positions in its sentence the user
plans the keys the window needs, following a simple strategy an editor would:

1. Ctrl+Shift+A at the caret; if the dialog's keys can make the gold mark from the
   proposal, use them (below) and press Return;
2. else Escape, select the content with the window's keys (Alt+C, Alt+Shift+Right/Left
   from the caret, or moved there word by word with Ctrl+Left/Right; the end moved with
   Ctrl+Shift+Left/Right or Shift+Left/Right), the cheapest way found, and Ctrl+Shift+A;
3. in the dialog, the cheapest of: the cue as proposed (or typed after Alt+C), or Alt+C
   and Alt+Down / Alt+Up to the gold cue (which brings its source, and at the caret its
   content); the content's start moved with Alt+Shift+Up / Down and its end with
   Alt+Right / Alt+Left; Alt+Down / Alt+Up in the source field (Alt+S reaches it) until
   the source is right, else Ctrl+A and type it (each character counts); no source in
   the gold: clear the field and tick Anonymous (Alt+A); no cue: Alt+C, Delete; Return.

What the window does on each key is computed with the window's own functions
(``core.proposal``, ``core.clause_units``, ``ui.mark_proposals``, ``ui.suggestion_glue``,
``core.locate``), the word moves with a Qt text cursor (the view's own), so a plan is
what the window would do; ``tests/ui/test_marking_proposals.py`` replays plans with real
key events and checks that it is. Spans compare as the quality bench compares them
strictly: same words, edge spaces and punctuation ignored. Placing the caret is given.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from deskapp.core.annotations import SourceKind
from deskapp.core.clause_units import clause_at, grow, shrink
from deskapp.core.importers import read_article
from deskapp.core.locate import locate_near
from deskapp.core.proposal import propose_at
from deskapp.core.selection import sentence_at, snap_to_words, word_boundaries
from deskapp.core.suggest import suggest
from deskapp.core.suggest.evaluate import GoldAttribution, load_gold, same_text
from deskapp.ui.mark_proposals import opening, picking
from deskapp.ui.suggestion_glue import guess_details

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CARETS = ("sentence start", "on the cue", "in the source", "in the content", "sentence end")
Range = tuple[int, int]
Key = tuple[str, str]  # (where: "view" or "dialog", key name or "type:TEXT")
_MOVES = 40  # caret moves tried before selecting word by word
_END_MOVES = 60
_TRIM = " \t\n.,;:“”\"'’‘–—-"  # what the gold comparison ignores at the edges


@dataclass(frozen=True)
class Miss:
    """A gold attribution no suggestion has: where it is and what it must become."""

    file: str  # under tests/fixtures
    tier: str
    index: int  # among the file's core and borderline attributions
    gold: GoldAttribution

    @property
    def label(self) -> str:
        return f"{self.file.removeprefix('gold/').removesuffix('.txt')}#{self.index}"


@dataclass
class Plan:
    """The keys for one mark from one caret; ``reached`` False when no plan gets the
    gold spans (``why`` says what is missing)."""

    keys: list[Key] = field(default_factory=list)
    reached: bool = True
    why: str = ""
    proposal_exact: bool = False  # the first Ctrl+Shift+A proposed all three parts

    @property
    def count(self) -> int:
        return sum(len(k[5:]) if k.startswith("type:") else 1 for _, k in self.keys)


@dataclass
class Article:
    """An article's text and its suggestions, as the window has them (none reviewed)."""

    text: str
    result: object  # Suggestions

    @property
    def pending(self) -> list:
        return list(self.result.attributions)


def gold_files() -> list[tuple[str, dict]]:
    """(article file under fixtures, gold data): the sample first, then ``gold/`` by name."""
    seed = json.loads((FIXTURES / "seed-gold.json").read_text(encoding="utf-8"))
    out = [("venezuela-defections.txt", seed)]
    for path in sorted((FIXTURES / "gold").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        out.append((f"gold/{data['article']}", data))
    return out


@cache
def article(file: str) -> Article:
    art = read_article(FIXTURES / file)
    return Article(art.text, suggest(art))


def misses() -> list[Miss]:
    """Every core or borderline gold attribution whose content no suggestion has, in a
    fixed order (the sample, then the gold files by name, each in its gold order)."""
    out = []
    for file, data in gold_files():
        art = article(file)
        tiers = [i.get("tier", "core") for i in data.get("attributions", [])
                 if i.get("tier", "core") in ("core", "borderline")]
        gold = load_gold(art.text, data, ("core", "borderline"))
        for index, (tier, item) in enumerate(zip(tiers, gold.attributions, strict=True)):
            if not any(same_text(art.text, s.content.ranges, item.content)
                       for s in art.result.attributions):
                out.append(Miss(file, tier, index, item))
    return out


def carets(text: str, gold: GoldAttribution) -> dict[str, int]:
    """The five caret positions: the edges of the cue's sentence (the content's when
    there is no cue), the middle of the cue, of the source and of the content."""
    anchor = gold.cue[0][0] if gold.cue else gold.content[0][0]
    sentence = sentence_at(text, anchor)
    out = {"sentence start": sentence[0]}
    if gold.cue:
        out["on the cue"] = _middle(gold.cue[0])
    if gold.source:
        out["in the source"] = _middle(gold.source[0])
    out["in the content"] = _middle(gold.content[0])
    out["sentence end"] = sentence[1]
    return out


def _middle(rng: Range) -> int:
    return (rng[0] + rng[1]) // 2


# -- word moves: the view's QTextCursor --------------------------------------------------

class Words:
    """Ctrl+Left/Right as the view moves (a Qt text cursor on the same text)."""

    def __init__(self, text: str) -> None:
        from PySide6.QtGui import QTextCursor, QTextDocument

        from deskapp.ui.positions import PositionMap

        self._doc = QTextDocument()
        self._doc.setPlainText(text)
        self._map, self._cursor = PositionMap(text), QTextCursor
        self._cache: dict[tuple[int, int], int] = {}

    def move(self, pos: int, by: int) -> int:
        key = (pos, by)
        if key not in self._cache:
            op = self._cursor.MoveOperation
            cursor = self._cursor(self._doc)
            cursor.setPosition(self._map.to_qt(pos))
            cursor.movePosition(op.NextWord if by > 0 else op.PreviousWord)
            self._cache[key] = self._map.from_qt(cursor.position())
        return self._cache[key]


# -- the strategy -------------------------------------------------------------------------

def plan(art: Article, words: Words, gold: GoldAttribution, caret: int) -> Plan:
    """The keys the scripted user presses to mark ``gold`` from ``caret``."""
    text = art.text
    if len(gold.content) > 1:
        return Plan(reached=False, why="content in pieces: one selection cannot make it")
    best: Plan | None = None
    proposal = propose_at(text, caret, art.pending)
    first: list[Key] = [("view", "Ctrl+Shift+A")]
    if proposal is not None:
        dialog = _dialog(art, gold, *proposal.content, proposal=proposal, at_caret=True)
        if dialog is not None:
            best = Plan(first + dialog, proposal_exact=len(dialog) == 1)
    if best is not None and best.count <= 3:
        return best
    opening = first + ([("dialog", "Escape")] if proposal is not None else [])
    selections = list(_selections(text, words, caret, gold.content[0]))
    if not selections:
        return Plan(reached=False, why="content not reachable with the selection keys")
    for keys, (start, end) in selections:
        dialog = _dialog(art, gold, start, end, proposal=None)
        if dialog is None:
            continue
        found = Plan(opening + keys + [("view", "Ctrl+Shift+A")] + dialog)
        if best is None or found.count < best.count:
            best = found
    return best or Plan(reached=False, why="source or cue not reachable by the dialog's keys")


def _selections(text: str, words: Words, caret: int, target: Range
                ) -> Iterator[tuple[list[Key], Range]]:
    """Ways of selecting ``target`` (same words) from ``caret``, the cheapest few first."""
    found: dict[Range, list[Key]] = {}
    starts, ends = _edges(text, target)

    def offer(keys: list[Key], sel: Range) -> None:
        if sel[0] not in starts or sel[1] not in ends:
            return
        content = snap_to_words(text, *sel)
        if content is None or not same_text(text, (content,), (target,)):
            return
        if sel not in found or _count(keys) < _count(found[sel]):
            found[sel] = keys

    def from_anchor(keys: list[Key], sel: Range) -> None:
        """``sel`` selected (anchor at its start, caret at its end): the end moved."""
        if sel[0] in starts:
            for extra, moved in _end_moves(text, words, sel, ends):
                offer(keys + extra, moved)

    for moves, at in _caret_moves(words, caret):
        chain: list[Key] = [("view", "Alt+C")]
        unit = _clause(text, at)
        for depth in range(6):
            from_anchor(moves + chain, unit)
            if depth == 0 and unit[0] < unit[1]:  # Alt+Shift+Left right after Alt+C
                from_anchor(moves + chain + [("view", "Alt+Shift+Left")],
                            _shrunk(text, unit))
            wider = _grown(text, unit)
            if wider == unit:
                break
            chain, unit = [*chain, ("view", "Alt+Shift+Right")], wider
        if at in starts or at in ends:  # word by word from here
            for extra, moved in _end_moves(text, words, (at, at),
                                           ends if at in starts else starts):
                offer(moves + extra, moved)
    ordered = sorted(found.items(), key=lambda kv: _count(kv[1]))
    for sel, keys in ordered[:6]:
        yield keys, sel


@cache
def _clause(text: str, at: int) -> Range:
    return clause_at(text, at)


@cache
def _grown(text: str, unit: Range) -> Range:
    return grow(text, *unit)


@cache
def _shrunk(text: str, unit: Range) -> Range:
    return shrink(text, *unit, anchor=unit[1])


def _edges(text: str, target: Range) -> tuple[set[int], set[int]]:
    """Where a selection may start and end and still give ``target``'s words: spaces and
    punctuation beside it, or inside its first (last) word, which marking widens."""
    start, end = target
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    starts, ends = {start}, {end}
    at = start
    while at > 0 and text[at - 1] in _TRIM:
        at -= 1
        starts.add(at)
    at = end
    while at < len(text) and text[at] in _TRIM:
        at += 1
        ends.add(at)
    word = word_boundaries(text, start)
    if word[0] == start:
        starts.update(range(start, min(word[1], end)))
    word = word_boundaries(text, end - 1)
    if word[1] == end:
        ends.update(range(max(word[0] + 1, start + 1), end))
    return starts, ends


def _caret_moves(words: Words, caret: int) -> list[tuple[list[Key], int]]:
    """Caret positions reachable with Ctrl+Left / Ctrl+Right (no selection), fewest first."""
    out, seen = [([], caret)], {caret}
    for direction, name in ((1, "Ctrl+Right"), (-1, "Ctrl+Left")):
        at, keys = caret, []
        for _ in range(_MOVES):
            nxt = words.move(at, direction)
            if nxt == at:
                break
            at, keys = nxt, [*keys, ("view", name)]
            if at not in seen:
                seen.add(at)
                out.append((keys, at))
    return out


def _end_moves(text: str, words: Words, sel: Range, wanted: set[int]
               ) -> list[tuple[list[Key], Range]]:
    """The selection's end (the caret; the anchor stays at its start) moved word by word
    and character by character, until it reaches a ``wanted`` position: the selections
    within reach, with their keys."""
    anchor = sel[0]
    out, frontier, seen = [([], sel)], [([], sel[1])], {sel[1]}
    for _ in range(_END_MOVES):
        nxt = []
        for keys, pos in frontier:
            for name, to in (("Ctrl+Shift+Right", words.move(pos, 1)),
                             ("Ctrl+Shift+Left", words.move(pos, -1)),
                             ("Shift+Right", min(len(text), pos + 1)),
                             ("Shift+Left", max(0, pos - 1))):
                if to in seen or abs(to - pos) > 400:
                    continue
                seen.add(to)
                step = [*keys, ("view", name)]
                nxt.append((step, to))
                out.append((step, (min(anchor, to), max(anchor, to))))
        if any(pos in wanted for _, pos in nxt):
            break  # the fewest moves are found; more only add keys
        frontier = nxt
    return out


def _count(keys: list[Key]) -> int:
    return sum(len(k[5:]) if k.startswith("type:") else 1 for _, k in keys)


def _dialog(art: Article, gold: GoldAttribution, start: int, end: int, *, proposal,
            at_caret: bool = False) -> list[Key] | None:
    """The dialog's keys (ending in Return) that give the gold content, source and cue
    from the content ``[start, end)`` it opens with; None when no way of the dialog
    gives them. A cue picked brings its own source; ``at_caret`` (opened by Ctrl+Shift+A
    with no selection) its own content too."""
    text = art.text
    guess = guess_details(art.result, start, end, quote=False)
    initial = opening(text, start, end, guess, art.pending, proposal)
    shown = picking(text, start, end, initial, lambda *_: None,
                    art.pending if at_caret else None)
    initial, step = shown["initial"], shown["step_content"]
    cues = _ring(shown["cue_spans"], initial.cue_span)
    options = []
    # the cue as it is (or typed): the content's end, the source, then the cue
    content = _content_keys(text, step, (start, end), gold.content)
    source = _source_keys(text, gold, initial, shown["sources"], (start, end), [])
    cue = _field(text, gold.cue, initial.cue, initial.cue_span, cues,
                 (start, end), focus=[("dialog", "Alt+C")], follow=shown["follow_cue"])
    if None not in (content, source, cue):
        options.append(content + source + cue)
    follow = shown["follow_cue"]
    if gold.cue is not None:  # a cue picked brings its source (and, at the caret, content)
        for keys, span in _steps_to(text, cues, initial.cue_span, gold.cue):
            new_content, new_source, sources = follow(span)
            new_content = new_content or (start, end)
            content = _content_keys(text, step, new_content, gold.content)
            who = text[new_source[0]:new_source[1]] if new_source else ""
            source = _source_keys(text, gold, replace(initial, who=who, source_span=new_source),
                                  sources, new_content, [("dialog", "Alt+S")])
            if content is not None and source is not None:
                options.append([("dialog", "Alt+C"), *keys, *content, *source])
    if not options:
        return None
    return [*min(options, key=_count), ("dialog", "Return")]


def _ring(candidates, picked: Range | None) -> list[Range]:
    """A picker's candidates as ``SpanPicker`` holds them (the picked one put first)."""
    out = list(candidates)
    if picked is not None and picked not in out:
        out.insert(0, picked)
    return out


def _steps_to(text: str, ring: list[Range], picked: Range | None, want
              ) -> list[tuple[list[Key], Range]]:
    """Alt+Down / Alt+Up presses from ``picked`` to each candidate with ``want``'s words."""
    out = []
    at = ring.index(picked) if picked is not None and picked in ring else -1
    n = len(ring)
    for by, name in ((1, "Alt+Down"), (-1, "Alt+Up")):
        pos = at
        for steps in range(1, n + 1):
            pos = (pos + by) % n
            if same_text(text, (ring[pos],), want):
                out.append(([("dialog", name)] * steps, ring[pos]))
                break
    return out


def _content_keys(text: str, step, have: Range, want) -> list[Key] | None:
    """Alt+Shift+Up / Down (the start by a word), then Alt+Right / Alt+Left (the end by a
    break) presses that make the content ``want``, the fewest found."""
    options = []
    starts = [([], have)]
    for by, name in ((-2, "Alt+Shift+Up"), (2, "Alt+Shift+Down")):
        now, keys = have, []
        for _ in range(10):
            moved = step(now, by)
            if moved == now:
                break
            now, keys = moved, [*keys, ("dialog", name)]
            starts.append((keys, now))
    for keys, begun in starts:
        if same_text(text, (begun,), want):
            options.append(keys)
            continue
        for by, name in ((1, "Alt+Right"), (-1, "Alt+Left")):
            now = begun
            for presses in range(1, 16):
                moved = step(now, by)
                if moved == now:
                    break
                now = moved
                if same_text(text, (now,), want):
                    options.append(keys + [("dialog", name)] * presses)
                    break
    return min(options, key=_count) if options else None


def _source_keys(text: str, gold: GoldAttribution, initial, sources, content: Range,
                 focus: list[Key]) -> list[Key] | None:
    """Keys for the source field; ``focus`` the keys that reach it (none: it has it)."""
    if gold.source is not None:
        return _field(text, gold.source, initial.who, initial.source_span,
                      _ring(sources, initial.source_span), content, focus=focus)
    keys = []  # no source in the gold: empty the field, tick Anonymous
    if initial.who:
        keys = [*focus, ("dialog", "Delete")] if focus else [("dialog", "Ctrl+A"),
                                                             ("dialog", "Delete")]
    if initial.kind is not SourceKind.ANONYMOUS:
        keys.append(("dialog", "Alt+A"))
    return keys


def _field(text: str, want, words: str, picked: Range | None, ring: list[Range],
           content: Range, *, focus: list[Key], follow=None) -> list[Key] | None:
    """Keys that make one field (source or cue) give ``want`` when the mark is built;
    with ``follow`` (a cue that brings its own content) only typing is counted here."""
    start, end = content

    def gives(field_words: str, span: Range | None) -> bool:
        if span is not None and text[span[0]:span[1]].strip() != field_words.strip():
            span = None
        got = span or (locate_near(text, field_words, start, end) if field_words else None)
        if want is None:
            return got is None and not field_words.strip()
        return got is not None and same_text(text, (got,), want)

    if gives(words, picked):
        return []
    if want is None:  # no cue in the gold: Alt+C selects the field's words, Delete
        return [*focus, ("dialog", "Delete")]
    options: list[list[Key]] = []
    if follow is None:
        options += [focus + keys for keys, _ in _steps_to(text, ring, picked, want)]
    typed = text[want[0][0]:want[-1][1]] if len(want) == 1 else ""
    if typed and gives(typed, None):
        options.append(focus + ([] if focus else [("dialog", "Ctrl+A")])
                       + [("dialog", f"type:{typed}")])
    return min(options, key=_count) if options else None


# -- the figures ---------------------------------------------------------------------------

@dataclass
class Row:
    miss: Miss
    plans: dict[str, Plan]


def measure(selected: list[Miss] | None = None) -> list[Row]:
    rows = []
    cases = misses() if selected is None else selected
    words_of: dict[str, Words] = {}
    for miss in cases:
        art = article(miss.file)
        words = words_of.setdefault(miss.file, Words(art.text))
        rows.append(Row(miss, {where: plan(art, words, miss.gold, caret)
                               for where, caret in carets(art.text, miss.gold).items()}))
    return rows


UNREACHED = 10**6  # a mark the keys cannot make counts as this, beyond any goal


def counts(rows: list[Row], where: str | None = None) -> list[int]:
    return [p.count if p.reached else UNREACHED for r in rows for w, p in r.plans.items()
            if where in (None, w)]


def summary(values: list[int]) -> str:
    if not values:
        return "no marks"
    reached = [v for v in values if v < UNREACHED]
    over = sum(v > 20 for v in values)
    return (f"median {statistics.median(values):g}, max "
            f"{max(values) if len(reached) == len(values) else 'unreached'}"
            f"{f' (max reached {max(reached)})' if reached else ''}, "
            f"{len(values)} marks, {len(values) - len(reached)} unreached, {over} over 20, "
            f"{sum(v <= 12 for v in values)} at most 12")


