"""``deskapp detect PATH...``: the quotes, attributions and review flags deskapp proposes.

``--format json`` is a contract read by tools outside the project::

    {"text", "quotes": [{"start", "end", "text", "speaker", "speaker_span", "cue",
                         "reason", "confidence", "kind"}],
     "attributions": [{"source", "cue", "content", "source_kind", "reason", "confidence",
                       "kind"}],
     "flags": [{"kind", "start", "end", "text", "message"}]}

Spans are ``{"start", "end", "text"}`` (plus ``"fragments"`` when in pieces) or null;
offsets are Python str indices into ``text``. ``kind`` is the claim's kind: "statement",
"thought" or "document" (documents and data); a quote's is "statement". Extra keys:
``id``, ``rule``, ``entity``.

Several paths, a folder or ``--lines`` print the same object plus ``"file"`` (the path
read), one per line and per article (JSON lines, ``detect_batch``); one FILE without
``--lines`` keeps printing the single indented document above.
"""

from __future__ import annotations

from pathlib import Path

import click

from deskapp.cli import main
from deskapp.cli.common import echo_json
from deskapp.cli.printable import printable
from deskapp.core.article import Article
from deskapp.core.errors import DeskappError
from deskapp.core.spans import json_or_none
from deskapp.core.suggest import Suggestions, suggest

DETECT_LIMIT = 1_000_000
"""Characters ``detect`` works on at most: the suggestions take a few seconds a megabyte,
so a longer file is refused at once rather than left running for minutes (the window
also stops running them automatically past this size)."""


def load_article(path: str) -> Article:
    """The article in ``path``, read by the importers (decoding, line endings, parts);
    ``DeskappError`` when it is longer than ``DETECT_LIMIT`` characters."""
    from deskapp.core.importers import read_article

    article = read_article(Path(path))
    if len(article.text) > DETECT_LIMIT:
        raise DeskappError(f"{path}: too long to detect quotes in ({len(article.text):,} "
                           f"characters; the limit is {DETECT_LIMIT:,})")
    return article


def detection_json(article: Article, found: Suggestions) -> dict:
    """The ``detect --format json`` document for ``article``."""
    quotes = [{
        "start": q.span.start, "end": q.span.end, "text": q.span.text,
        **({"fragments": q.span.to_json()["fragments"]} if q.span.fragments else {}),
        "speaker": q.speaker, "speaker_span": json_or_none(q.speaker_span),
        "cue": json_or_none(q.cue), "reason": q.reason, "confidence": round(q.confidence, 2),
        "rule": q.rule, "id": q.id, "kind": str(q.claim_kind),
    } for q in found.quotes]
    attributions = [{
        "source": json_or_none(a.source), "cue": json_or_none(a.cue),
        "content": a.content.to_json(), "source_kind": str(a.source_kind),
        "reason": a.reason, "confidence": round(a.confidence, 2),
        "entity": a.entity, "rule": a.rule, "id": a.id, "kind": str(a.claim_kind),
    } for a in found.attributions]
    return {"text": article.text, "quotes": quotes, "attributions": attributions,
            "flags": [f.to_json() for f in found.flags]}


def _short(text: str | None, width: int = 70) -> str:
    text = printable(" ".join((text or "").split()))
    return text if len(text) <= width else text[: width - 1] + "…"


def detection_text(found: Suggestions) -> str:
    """A human-readable listing: one line per quote, attribution and flag."""
    lines = [f"{len(found.quotes)} quotes, {len(found.attributions)} attributions, "
             f"{len(found.flags)} flags"]
    for q in found.quotes:
        lines.append(f"quote  {q.span.start:>6}  {_short(q.speaker) or '?'}: "
                     f"“{_short(q.span.text)}”"
                     f"  [{q.rule} {q.confidence:.2f}]")
    for a in found.attributions:
        source = _short(a.source.text) if a.source else "(unnamed)"
        cue = _short(a.cue.piece_text) if a.cue else "?"
        lines.append(f"attrib {a.content.start:>6}  {source} — {cue} — "
                     f"{_short(a.content.piece_text, 60)}  "
                     f"[{a.source_kind}, {a.claim_kind}, {a.rule}]")
    for f in found.flags:
        lines.append(f"flag   {f.span.start:>6}  {f.kind}: {_short(f.span.text, 60)}")
    return "\n".join(lines)


@main.command("detect")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Human-readable listing or the JSON contract.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for many files (default: every core).")
@click.option("--lines", is_flag=True,
              help="One JSON object per line with its \"file\", even for a single FILE.")
@click.option("--recursive/--no-recursive", default=True, show_default=True,
              help="Look into sub-folders of the folders given.")
def detect(paths: tuple[str, ...], fmt: str, jobs: int | None, lines: bool,
           recursive: bool) -> None:
    """Propose the quotes, speakers, attributions and review flags of each file.

    One FILE prints what it always has: the listing, or with --format json one JSON
    document. Several paths, a folder or --lines make a batch: with --format json one
    line per article, the same object plus "file" (the path read); as text, each
    listing under "== PATH". A batch uses --jobs worker processes; a file that cannot be
    read gets its one-line error on stderr and the others go on (exit status 1 at the
    end when any failed).
    """
    if not lines and len(paths) == 1 and not Path(paths[0]).is_dir():
        article = load_article(paths[0])
        found = suggest(article)
        if fmt == "json":
            echo_json(detection_json(article, found))
        else:
            click.echo(detection_text(found))
        return
    _detect_batch(paths, fmt, jobs, recursive)


def _detect_batch(paths: tuple[str, ...], fmt: str, jobs: int | None, recursive: bool) -> None:
    from deskapp.cli.detect_batch import batch_files, default_jobs, detect_files, one_line

    files = batch_files(paths, recursive=recursive)
    if not files:
        where = one_line(", ".join(paths))
        raise DeskappError(f"no article files (.txt .md .html .json) in {where}")
    failed, first = 0, True
    for result in detect_files(files, fmt, jobs or default_jobs()):
        if result.error is not None:
            failed += 1
            click.echo(f"deskapp: error: {result.error}", err=True)
            continue
        if fmt == "text" and not first:
            click.echo()
        click.echo(result.output)
        first = False
    if failed:
        click.get_current_context().exit(1)
