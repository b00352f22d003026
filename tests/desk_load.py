"""A desk under load: many editors, each a separate process, working on one store at once.

Used by ``tests/store/test_many_editors.py`` (a short run per engine) and ``bench/desk.py``
(throughput). ``run_load`` starts the editors together; each opens the one store (a path
for SQLite, ``postgresql://…`` for PostgreSQL) and, in a bounded loop, takes an article
(the work queue's next one or any), holds it open and loads it, marks something with the
core marking API, sometimes approves or sends it back — as the window does — and saves on
top of the version it loaded. A save that another editor beat is refused with
``VersionConflict``: the editor counts it, reloads and tries again. Anything else raised
is an error. ``check_load`` then holds the store to what the editors were told: every
save's version is in the article's history with the hash read right after it, no
versions appeared that nobody saved, every chain verifies.

Articles are built from a template (``template_document``): about 3 KB of news-like text
with quotes and reported speech, unique per number.
"""

from __future__ import annotations

import multiprocessing
import random
import time
import traceback
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from deskapp.core.article import Article, Metadata
from deskapp.core.document import Document
from deskapp.core.errors import MarkRejected
from deskapp.core.marking import make_attribution, make_quote
from deskapp.core.review import approval_blockers
from deskapp.core.suggest import suggest
from deskapp.core.workflow import ALLOWED, State
from deskapp.store import Store, VersionConflict

PEOPLE = ["Amanda Lapo", "Juan Guaidó", "Delcy Rodríguez", "Elliott Abrams", "Iván Duque",
          "Maria Corina Machado", "Leopoldo López", "Carmen Ortiz", "Tomás Berg", "Ana Weiss"]
ROLES = ["minister of finance", "opposition leader", "central bank governor", "envoy",
         "spokeswoman for the ministry", "senior economist", "union organiser", "mayor"]
PLACES = ["Caracas", "Bogotá", "Maracaibo", "Cúcuta", "Valencia", "Mérida", "Washington"]
OUTLETS = ["Sahar News", "Reuters", "AP", "El Tiempo", "Business Insider", "La Prensa"]
CUES = ["said", "told reporters", "added", "warned", "wrote in a statement", "insisted"]
NOUNS = ["prices", "wages", "exports", "the currency", "the talks", "the election", "fuel",
         "the border", "the budget", "oil output", "inflation", "the harvest", "sanctions",
         "the army", "the courts", "hospitals", "the ports", "imports", "the debt", "rents"]
VERBS = ["rose", "fell", "stalled", "recovered", "collapsed", "doubled", "held steady",
         "improved", "worsened", "were frozen", "were delayed", "resumed"]
SYLLABLES = ("ma", "du", "ro", "ve", "ne", "zu", "co", "lom", "sol", "pre", "den", "tar", "mi",
             "ca", "bia", "gua", "te", "si", "li", "nos")
WORDS = [a + b for a in SYLLABLES for b in SYLLABLES] + [
    a + b + c for a in SYLLABLES for b in SYLLABLES for c in SYLLABLES]
"""8,400 made-up words that make every article's text different (each in about one article
of a hundred: search terms that match a few thousand of 100,000)."""


def _clause(rng: random.Random) -> str:
    extra = " ".join(rng.choices(WORDS, k=rng.randint(2, 5)))
    return (f"{rng.choice(NOUNS)} {rng.choice(VERBS)} in {rng.choice(PLACES)} after the "
            f"{extra} measures")


def template_text(rng: random.Random, number: int) -> str:
    """About 3 KB: a headline, a dateline paragraph and paragraphs of reported speech."""
    headline = (f"{rng.choice(NOUNS).capitalize()} {rng.choice(VERBS)} in "
                f"{rng.choice(PLACES)} as {' '.join(rng.choices(WORDS, k=3))} talks go on "
                f"(report {number})")
    paragraphs = []
    for _ in range(6):
        who, role = rng.choice(PEOPLE), rng.choice(ROLES)
        sentences = [
            f"{who}, the {role}, {rng.choice(CUES)} that {_clause(rng)}.",
            f"“{_clause(rng).capitalize()}, and {_clause(rng)},” {who} said.",
            f"According to {rng.choice(OUTLETS)}, {_clause(rng)}.",
            f"{_clause(rng).capitalize()}, while {_clause(rng)}.",
        ]
        rng.shuffle(sentences)
        paragraphs.append(" ".join(sentences))
    dateline = f"{rng.choice(PLACES).upper()} ({rng.choice(OUTLETS)}) — {_clause(rng)}."
    return "\n\n".join([headline, dateline, *paragraphs]) + "\n"


def template_document(rng: random.Random, number: int) -> Document:
    """A new article (state ``new``, no marks) built by ``template_text``."""
    meta = Metadata(site_name=rng.choice(OUTLETS), file_name=f"desk-{number:06d}.txt")
    return Document(Article(template_text(rng, number), meta=meta))


def fill(store: Store, count: int, *, seed: int = 7, start: int = 1) -> list[int]:
    """``count`` template articles imported one by one through the public API; their ids."""
    rng = random.Random(seed)
    return [store.import_document(template_document(rng, number), reviewer="desk load").article_id
            for number in range(start, start + count)]


# one editor ----------------------------------------------------------------------------
def marked(doc: Document, rng: random.Random) -> Document:
    """``doc`` with one more mark made as the window makes it (``core.marking``): a quote
    with its speaker, or an attribution of a sentence to the person it names."""
    text = doc.article.text
    for _ in range(20):
        open_quote = [i for i, c in enumerate(text) if c == "“"]
        try:
            if open_quote and rng.random() < 0.5:
                start = rng.choice(open_quote)
                end = text.index("”", start) + 1
                name = next((p for p in PEOPLE if p in text[end:end + 60]), None)
                return doc.add_mark(make_quote(doc, start, end, speaker=name or "unknown"))
            start = rng.randrange(len(text) - 40)
            end = min(len(text), start + rng.randint(20, 120))
            who = next((p for p in PEOPLE if p in text), None)
            where = text.index(who) if who else None
            source = (where, where + len(who)) if who else None
            return doc.add_mark(make_attribution(doc, (start, end), source=source))
        except MarkRejected:
            continue  # already marked, or only punctuation: choose again, as an editor would
    return doc


def edited(doc: Document, rng: random.Random) -> tuple[Document, str, tuple[str, ...]]:
    """What one editor does to a loaded article: (the document to save, the kind of step,
    the approval checks overridden). Marks it, and sometimes approves or sends it back."""
    roll = rng.random()
    if roll < 0.25 and State.APPROVED in ALLOWED[doc.state]:
        overridden = tuple(b.message for b in approval_blockers(doc))
        return replace(doc, state=State.APPROVED), "approve", overridden
    if roll < 0.35 and State.NEEDS_CHANGES in ALLOWED[doc.state]:
        return replace(doc, state=State.NEEDS_CHANGES), "send back", ()
    state = doc.state if doc.state == State.IN_REVIEW else State.IN_REVIEW
    return replace(marked(doc, rng), state=state), "mark", ()


@dataclass(frozen=True, slots=True)
class Saved:
    """One save an editor was told succeeded, with the hash its history showed right after."""

    article_id: int
    version: int
    hash: str
    note: str
    reviewer: str


@dataclass(slots=True)
class EditorReport:
    """What one editor process did."""

    name: str
    pid: int = 0
    operations: int = 0
    conflicts: int = 0
    queue_conflicts: int = 0
    """Conflicts on articles the work queue gave."""
    approvals: int = 0
    from_queue: int = 0
    saves: list[Saved] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    save_ms: list[float] = field(default_factory=list)
    """How long each call of ``save`` took, conflicts included."""


def _pick(store: Store, rng: random.Random, name: str, articles: Sequence[int]) -> tuple[int, bool]:
    """The article to work on: the work queue's next one half of the time, else any."""
    if rng.random() < 0.5:
        row = store.next_article(name, take=True)  # as Review ▸ Next article does
        if row is not None:
            return row.id, True
    return rng.choice(articles), False


def editor(location: str, name: str, articles: Sequence[int], rounds: int, seed: int,
           retries: int = 50) -> EditorReport:
    """One editor's session on the store at ``location``: ``rounds`` steps, each saved on
    top of the version loaded; a conflict is counted and the step redone on the new
    version (at most ``retries`` times)."""
    report = EditorReport(name)
    rng = random.Random(seed)
    started = time.perf_counter()
    try:
        store = Store.open(location)
    except Exception as exc:
        report.errors.append(f"open: {type(exc).__name__}: {exc}")
        return report
    with store:
        for step in range(rounds):
            try:
                article_id, queued = _pick(store, rng, name, articles)
                report.from_queue += queued
                store.hold(article_id, name)  # the window shows the article: others see it
                note = f"{name} step {step}"
                for _ in range(retries):
                    doc = store.load(article_id)
                    change, kind, overridden = edited(doc, rng)
                    report.operations += 1
                    started = time.perf_counter()
                    try:
                        saved = store.save(change, reviewer=name, note=note,
                                           parent=doc.version, overridden=overridden)
                    except VersionConflict:
                        report.conflicts += 1
                        report.queue_conflicts += queued
                        continue
                    finally:
                        report.save_ms.append((time.perf_counter() - started) * 1000)
                    digest = next(v.hash for v in store.history(article_id)
                                  if v.version == saved.version)
                    report.saves.append(Saved(article_id, saved.version, digest, note, name))
                    report.approvals += kind == "approve"
                    break
                store.release(article_id)
            except Exception as exc:
                report.errors.append(f"{type(exc).__name__}: {exc}")
                report.errors.append(traceback.format_exc(limit=4))
    report.seconds = time.perf_counter() - started
    return report


def _editor_process(location: str, name: str, articles: Sequence[int], rounds: int,
                    seed: int, ready, results) -> None:
    """A process of the load: start up (the suggestion engine's first run loads its
    model), wait until every editor has, then work."""
    import os

    suggest(template_document(random.Random(seed), 0).article)
    ready.wait()
    report = editor(location, name, articles, rounds, seed)
    report.pid = os.getpid()
    results.put(report)


# the whole desk ------------------------------------------------------------------------
PRELOAD = ["tests.desk_load"]
"""Imported once by the fork server, so twenty editors start in a moment, not in seconds."""

@dataclass(slots=True)
class LoadReport:
    """What the editors did together, and how long it took (from all started to all done)."""

    editors: list[EditorReport]
    seconds: float

    @property
    def saves(self) -> list[Saved]:
        return [s for e in self.editors for s in e.saves]

    @property
    def operations(self) -> int:
        return sum(e.operations for e in self.editors)

    @property
    def conflicts(self) -> int:
        return sum(e.conflicts for e in self.editors)

    @property
    def queue_conflicts(self) -> int:
        return sum(e.queue_conflicts for e in self.editors)

    @property
    def from_queue(self) -> int:
        return sum(e.from_queue for e in self.editors)

    @property
    def errors(self) -> list[str]:
        return [f"{e.name}: {message}" for e in self.editors for message in e.errors]

    @property
    def save_ms(self) -> list[float]:
        """Every save's time in milliseconds, shortest first."""
        return sorted(ms for e in self.editors for ms in e.save_ms)

    @property
    def per_second(self) -> float:
        return self.operations / self.seconds if self.seconds else 0.0


def run_load(location: str | Path, articles: Sequence[int], *, editors: int = 20,
             rounds: int = 10, seed: int = 1, timeout: float = 600.0) -> LoadReport:
    """``editors`` processes, each ``rounds`` steps on ``articles`` of the store at
    ``location``, all started together. Each is a fresh process made by a fork server
    (never a fork of the caller, whose open stores or Qt it must not share) that opens
    the store itself, as separate programs would."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    ready = context.Barrier(editors + 1)
    results = context.Queue()
    processes = [
        context.Process(target=_editor_process, name=f"editor {i + 1}", daemon=True,
                        args=(str(location), f"Editor {i + 1:02d}", list(articles), rounds,
                              seed * 1000 + i, ready, results))
        for i in range(editors)]
    for process in processes:
        process.start()
    try:
        ready.wait(timeout=timeout)
        started = time.perf_counter()
        reports = [results.get(timeout=timeout) for _ in processes]
        seconds = time.perf_counter() - started
    finally:
        for process in processes:
            process.join(timeout=10)
            if process.is_alive():
                process.kill()
    return LoadReport(sorted(reports, key=lambda r: r.name), seconds)


def check_load(store: Store, report: LoadReport, versions_before: int) -> list[str]:
    """Everything the store does not hold of what the editors were told (empty when all
    holds): every save's version with its hash, reviewer and note; as many versions as
    there were before plus the saves (no twin or phantom versions); every chain verifying."""
    problems: list[str] = []
    histories: dict[int, dict[int, object]] = {}
    for save in report.saves:
        if save.article_id not in histories:
            histories[save.article_id] = {v.version: v for v in store.history(save.article_id)}
        found = histories[save.article_id].get(save.version)
        if found is None:
            problems.append(f"lost: article {save.article_id} version {save.version} "
                            f"({save.note}) is not in its history")
        elif (found.hash, found.reviewer, found.note) != (save.hash, save.reviewer, save.note):
            problems.append(f"lost: article {save.article_id} version {save.version} is now "
                            f"“{found.note}” by {found.reviewer}, not “{save.note}”")
    counted = versions_before + len(report.saves)
    stored = store_version_count(store)
    if stored != counted:
        problems.append(f"the store holds {stored} versions; {versions_before} before and "
                        f"{len(report.saves)} saves make {counted}")
    return problems + store.verify()


def store_version_count(store: Store) -> int:
    """How many versions the store holds, all articles together."""
    return sum(row.versions for row in store.list_articles(counted=False))
