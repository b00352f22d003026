"""A brat standoff pair (``.txt`` + ``.ann``) as an article with its marks.

T lines typed Quote, Content, Source (or Speaker) and Cue become the spans of marks (other
types, such as PolNeAR's ``Attribution`` triggers, are left out); an E line is one
attribution (``E1<TAB>Attribution:T4 Source:T1 Cue:T2 Content:T3``, as PolNeAR writes
them), R lines tie spans into one attribution (as deskapp writes them). Every group holding
a quote or content is one mark, several spans of one role joined into pieces; a quote or
content tied to nothing is a mark without source. ``A SourceKind`` lines and
``AnnotatorNotes`` (``name: …`` for the canonical name, anything else the mark's note)
come back as deskapp exports them. Every line is checked first (``brat_lines``).
"""

from __future__ import annotations

import bisect
import codecs
import itertools
from pathlib import Path

from deskapp.core.annotations import AnnotationSet, Attribution, Quote, SourceKind
from deskapp.core.article import Article
from deskapp.core.document import Document
from deskapp.core.errors import ImportFailed
from deskapp.core.importers.brat_lines import Standoff, read_standoff
from deskapp.core.importers.build import build_article
from deskapp.core.importers.decoding import decode
from deskapp.core.importers.source import provenance, read_bytes
from deskapp.core.spans import Span

ROLES = {"quote": "quote", "directquote": "quote", "content": "content", "source": "source",
         "speaker": "source", "cue": "cue"}
_KINDS = frozenset(k.value for k in SourceKind)


def _groups(standoff: Standoff) -> list[set[str]]:
    """The role spans of each attribution: one per E line (its arguments; a source may
    serve two events), then the spans R lines connect, then each quote or content that
    no line ties to anything, alone."""
    roles = {tid for tid, (kind, _) in standoff.spans.items() if kind.lower() in ROLES}
    groups = [{t for t in ids if t in roles} for ids in standoff.events]
    parent = {tid: tid for tid in roles}

    def root(tid: str) -> str:
        while parent[tid] != tid:
            parent[tid] = parent[parent[tid]]
            tid = parent[tid]
        return tid

    linked: set[str] = set()
    for ids in standoff.links:
        known = [i for i in ids if i in roles]
        linked.update(known)
        for other in known[1:]:
            parent[root(other)] = root(known[0])
    by_root: dict[str, set[str]] = {}
    for tid in linked:
        by_root.setdefault(root(tid), set()).add(tid)
    groups += by_root.values()
    tied = set().union(*groups) if groups else set()
    groups += [{tid} for tid in sorted(roles - tied)]
    return groups


def _merged(text: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pieces separated only by a line break (brat cuts spans there) joined again."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if out and (gap := text[out[-1][1]:start]) and "\n" in gap and not gap.strip():
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _role_span(text: str, standoff: Standoff, ids: list[str], name: str) -> Span | None:
    ranges = [r for tid in ids for r in standoff.spans[tid][1]]
    if not ranges:
        return None
    ranges = _merged(text, ranges)
    if any(a[1] > b[0] for a, b in itertools.pairwise(ranges)):
        raise ImportFailed(f"{name}: the spans {', '.join(sorted(ids))} of one role overlap")
    return Span.pieces(text, ranges)


def _note(standoff: Standoff, ids: list[str], prefix: str) -> str:
    said = [n for tid in ids for n in standoff.notes.get(tid, ())]
    if prefix:
        return next((n[len(prefix):].strip() for n in said if n.startswith(prefix)), "")
    return " ".join(n for n in said if not n.startswith("name:"))


def _mark(text: str, standoff: Standoff, group: set[str], name: str) -> Quote | Attribution:
    by_role: dict[str, list[str]] = {"quote": [], "content": [], "source": [], "cue": []}
    for tid in sorted(group, key=lambda t: standoff.spans[t][1][0]):
        by_role[ROLES[standoff.spans[tid][0].lower()]].append(tid)
    if by_role["quote"] and by_role["content"]:
        raise ImportFailed(f"{name}: {', '.join(by_role['quote'] + by_role['content'])} tie "
                           "a quote and a content into one mark")
    main_ids = by_role["quote"] or by_role["content"]
    main = _role_span(text, standoff, main_ids, name)
    source = _role_span(text, standoff, by_role["source"], name)
    cue = _role_span(text, standoff, by_role["cue"], name)
    who = _note(standoff, by_role["source"] + main_ids, "name:") or None
    note = _note(standoff, main_ids, "")
    if by_role["quote"]:
        speaker = who or (source.piece_text if source else None)
        return Quote(main, speaker=speaker, speaker_span=source, cue=cue, note=note)
    kind = next((standoff.attributes.get(t, {}).get("SourceKind") for t in main_ids), None)
    kind = kind if kind in _KINDS else "unknown"
    return Attribution(main, source=source, cue=cue, source_kind=SourceKind(kind),
                       entity=who, note=note)


def _normalised(text: str) -> tuple[str, list[int]]:
    """The text with CR LF as LF, and where each removed CR was (to move offsets)."""
    removed = [i for i in range(len(text) - 1) if text[i] == "\r" and text[i + 1] == "\n"]
    return text.replace("\r\n", "\n").replace("\r", "\n"), removed


def marks_from_standoff(text: str, ann: str, name: str) -> AnnotationSet:
    """The marks an .ann file gives ``text`` (the .txt as brat read it)."""
    standoff = read_standoff(ann, text, name)
    marks = []
    for group in _groups(standoff):
        if any(ROLES[standoff.spans[t][0].lower()] in ("quote", "content") for t in group):
            marks.append(_mark(text, standoff, group, name))
    return AnnotationSet.of(marks)


def _shifted(marks: AnnotationSet, text: str, removed: list[int]) -> AnnotationSet:
    def move(span: Span | None) -> Span | None:
        if span is None:
            return None
        ranges = [(a - bisect.bisect_left(removed, a), b - bisect.bisect_left(removed, b))
                  for a, b in span.ranges]
        return Span.pieces(text, ranges)

    out = []
    for mark in marks:
        if isinstance(mark, Quote):
            out.append(Quote(move(mark.span), mark.speaker, move(mark.speaker_span),
                             move(mark.cue), mark.note, id=mark.id))
        else:
            out.append(Attribution(move(mark.content), move(mark.source), move(mark.cue),
                                   mark.source_kind, mark.entity, mark.note, id=mark.id))
    return AnnotationSet.of(out)


def _as_brat_read(data: bytes, text: str, encoding: str, path: Path) -> str:
    """The text with its line endings as in the file (brat's offsets count every CR)."""
    if b"\r" not in data:
        return text
    try:
        raw = data.decode(codecs.lookup(encoding).name).lstrip("\ufeff")
    except (LookupError, UnicodeDecodeError):
        raise ImportFailed(f"{path}: its CR LF line endings cannot be matched to the "
                           "offsets (save it with LF line endings)") from None
    if _normalised(raw)[0] != text:
        raise ImportFailed(f"{path}: its line endings cannot be matched to the offsets")
    return raw


def read_brat(path: Path | str) -> Document:
    """The article of the pair ``path`` names (the .txt or the .ann), with its marks."""
    path = Path(path)
    txt_path, ann_path = path.with_suffix(".txt"), path.with_suffix(".ann")
    txt_data = read_bytes(txt_path)
    text, encoding = decode(txt_data, str(txt_path))
    raw = _as_brat_read(txt_data, text, encoding, txt_path)
    ann, _ = decode(read_bytes(ann_path), str(ann_path))
    marks = marks_from_standoff(raw, ann, str(ann_path))
    text, removed = _normalised(raw)
    if removed:
        marks = _shifted(marks, text, removed)
    article: Article = build_article(text, provenance(txt_path.name, txt_data), encoding,
                                     name=str(txt_path))
    if article.text != text:
        raise ImportFailed(f"{txt_path}: the text changed on reading; its offsets would not "
                           "hold")
    return Document(article, marks=marks)
