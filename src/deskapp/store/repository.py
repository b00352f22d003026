"""Store: the versioned store of reviewed articles (the only door to SQL).

Two engines behind one API, chosen by the location ``Store.open`` is given: a file path
is an embedded SQLite store, a ``postgresql://…`` URL a desk's shared store on a
PostgreSQL server (``postgres.py``). What differs in SQL lives in the dialect
(``dialect.py``); everything else here and in the modules it calls is shared.

One ``Store`` per open file or connection; use it from one thread at a time. Every write is
one transaction: it happens completely or not at all.
Each ``Store`` is one *session* of the live desk: what it holds open (``hold``) and what
it writes are seen by the other sessions (``holders``, ``open_elsewhere``, ``listener``).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deskapp.core.admission import admit, admit_earlier
from deskapp.core.checks import ReviewCounts, review_counts
from deskapp.core.desk import BadReviewerName, clean_reviewer
from deskapp.core.document import Document
from deskapp.core.errors import NotFound, StoreError
from deskapp.core.handoff import current_notes
from deskapp.core.registry import Registry
from deskapp.core.versioning import DocumentDiff, diff_documents
from deskapp.core.workflow import ALLOWED, State, Transition, check_transition
from deskapp.paths import is_server_url
from deskapp.store import integrity, library, presence, registry_table, versions
from deskapp.store.connection import check_damage, connect, translated, wants_read_only
from deskapp.store.dialect import Dialect, SQLiteDialect
from deskapp.store.heads import (
    compare,
    forget_heads,
    note_save,
    read_heads,
    refuse_an_emptied_store,
)
from deskapp.store.live import ChangeListener
from deskapp.store.records import (
    ArticleSummary,
    Draft,
    Holder,
    Imported,
    ReadOnlyStore,
    VersionInfo,
)
from deskapp.store.schema import migrate
from deskapp.store.sealing import ChainKey

if TYPE_CHECKING:
    from deskapp.store.pg_live import ServerChangeListener


class Store:
    """Open with ``Store.open(location)``; close with ``close()`` or a ``with`` block.

    ``engine`` is the dialect of the open connection; ``conn`` the connection itself
    (``sqlite3`` or ``psycopg``); ``path`` the location (a file path, or for a server a
    ``ServerLocation`` that prints without its password)."""

    def __init__(self, engine: Dialect, *, read_only: bool, key: ChainKey,
                 busy_timeout: float = 5.0) -> None:
        self.engine = engine
        self.path = engine.location
        self.read_only = read_only
        self.key = key
        info = dict(engine.execute("SELECT key, value FROM store_info").fetchall())
        self.store_id: str = info.get("store_id", "")
        self.sealed_by: str = info.get("key_id", "")
        self.session = uuid.uuid4().hex
        """This session's token: its presence rows and events carry it."""
        self._held: set[int] = set()
        self.busy_timeout = busy_timeout

    @property
    def conn(self) -> Any:
        """The engine's connection now (a server's is made anew after it was lost)."""
        return self.engine.conn

    @classmethod
    def open(
        cls, path: Path | str, *, read_only: bool = False, busy_timeout: float = 5.0,
        check: bool | None = None, create: bool = True, key: ChainKey | None = None,
    ) -> Store:
        """Open (creating file and folder if needed) and migrate the store at ``path``:
        a file path (SQLite), or a ``postgresql://…`` URL (see ``postgres.open_server``,
        which takes the same options).

        A file that cannot be written opens read-only (see ``read_only``). ``check``:
        run ``PRAGMA quick_check`` at open (None: only for files up to 256 MB). ``create``
        False refuses a missing or empty file instead of making a new store there; an
        empty file that held a store (see ``heads.py``) is always refused. ``key`` seals
        new versions (default: the user's key, made on first use).
        Raises StoreError with a message for a person: not a database, damaged,
        written by a newer deskapp, locked, missing folder …
        """
        path = getattr(path, "url", path)  # a server store's ``path`` opens it again
        if is_server_url(path):
            from deskapp.store.postgres import open_server

            engine = open_server(str(path), read_only=read_only, busy_timeout=busy_timeout,
                                 create=create, key=key or ChainKey.for_user())
            try:
                return cls(engine, read_only=read_only, key=key or ChainKey.for_user())
            except BaseException:
                engine.close()
                raise
        path = Path(path).expanduser()
        read_only = read_only or wants_read_only(path)
        refuse_an_emptied_store(path, create=create)
        key = key or ChainKey.for_user()
        new = not path.exists()
        conn = connect(path, read_only=read_only, busy_timeout=busy_timeout, create=create)
        try:
            if path.stat().st_size > 0:
                check_damage(conn, path, full=check)
            engine = SQLiteDialect(conn, path)
            with translated(path, "opening the store"):
                migrate(engine, read_only=read_only, key=key)
                store = cls(engine, read_only=read_only, key=key,
                            busy_timeout=busy_timeout)
        except BaseException:
            conn.close()
            raise
        if new:
            forget_heads(path)
        return store

    def close(self) -> None:
        """Release every article this session holds, then close the connection (a store
        that holds nothing writes nothing: a command's close never waits for the lock)."""
        try:
            if self._held:
                self._release(None)
        except StoreError:
            pass  # a busy or broken store: the rows go stale on their own (presence.py)
        finally:
            self.engine.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _reading(self, action: str) -> Iterator[Dialect]:
        with self.engine.translated(action):
            yield self.engine

    @contextmanager
    def _writing(self, action: str, *, sealed: bool = True) -> Iterator[Dialect]:
        """One write transaction; any error rolls it back and nothing is written.
        ``sealed`` False: the write is not content (presence), so any key may make it."""
        if self.read_only:
            raise ReadOnlyStore(f"the store {self.path} is open read-only; {action} is not "
                                "possible")
        if sealed and self.sealed_by != self.key.id:
            raise StoreError(f"the store {self.path} is sealed with another deskapp key than "
                             f"this user's; {action} is not possible (copy the key file "
                             "chain.key of the user who made the store)")
        with self.engine.transaction(action):
            yield self.engine

    # versions ------------------------------------------------------------------------
    def save(
        self, doc: Document, *, reviewer: str, note: str = "", parent: int | None = None,
        overridden: Sequence[str] = (), draft_key: str | None = None,
        counts: ReviewCounts | None = None,
    ) -> Document:
        """Store ``doc`` as a new immutable version; returns it with ``id``/``version`` set
        and its hand-off notes (``core.handoff``) read back.

        ``doc.id`` None makes a new article. ``parent`` is the version the edits started
        from: if another save came in between, VersionConflict (with ``latest``) is raised.
        A change of state is checked against the workflow and recorded as a Transition
        (``overridden``: messages of approval checks the reviewer overrode). ``draft_key``
        names a draft to discard in the same transaction. ``counts``: the document's
        review counts when the caller has them (the window does); else the library
        counts them when it first lists the article. Every version names its reviewer:
        a blank ``reviewer`` is refused (the window and the command line clean names at
        their boundary, ``core.desk.clean_reviewer``).
        """
        if not reviewer.strip():
            raise BadReviewerName("every version records its reviewer: the name is empty")
        with self._writing("saving") as conn:
            before = None if doc.id is None else library.state_of(conn, doc.id)
            saved = versions.insert_version(conn, doc, reviewer=reviewer, note=note,
                                            parent=parent, key=self.key,
                                            overridden=overridden, counts=counts)
            if draft_key is not None:
                conn.execute("DELETE FROM drafts WHERE key = ?", (draft_key,))
            changed = before is not None and before != str(saved.state)
            presence.record_event(conn, self.session, "transition" if changed else "saved",
                                  saved.id, reviewer)
        self._note_save(saved)
        return self._with_notes(saved)

    def _with_notes(self, doc: Document) -> Document:
        """``doc`` (a stored version) with the hand-off notes of its round up to it."""
        with self._reading(f"reading the history of article {doc.id}") as conn:
            audit = versions.select_transitions(conn, doc.id)
        return replace(doc, handoff=current_notes(t for t in audit if t.version <= doc.version))

    def import_document(
        self, doc: Document, *, reviewer: str, note: str = "",
        history: Sequence[tuple[Mapping[str, object], Document]] = (),
    ) -> Imported:
        """Store an imported document as a new article, unless the same article is stored.

        "The same article" and the starting state are decided by ``core.admission``: the
        identity is computed from the text (never taken from the file), the state is
        ``new`` (a state the file claims goes into the note). ``history``: the earlier
        versions an export holds, as (version info, document), stored first, in order,
        each as ``new`` with what the file claims in its note. The duplicate check and the
        inserts are one transaction, and a unique index on the identity backs it, so two
        imports of one file at once never make twins and no import is half stored.
        """
        admission = admit(doc, note)
        earlier = [admit_earlier(info, old, note) for info, old in history]
        saved: list[Document] = []
        with self._writing("importing") as conn:
            conn.lock(f"import {admission.identity}")  # two imports of one text queue up
            existing = library.find_by_identity(conn, admission.identity)
            if existing is None:
                article_id = None
                for version, version_note in [*earlier, (admission.document, admission.note)]:
                    saved.append(versions.insert_version(
                        conn, replace(version, id=article_id), reviewer=reviewer,
                        note=version_note, parent=None, key=self.key,
                        identity=admission.identity))
                    article_id = saved[-1].id
                presence.record_event(conn, self.session, "imported", article_id, reviewer)
        if existing is not None:
            return Imported(existing, duplicate=True, document=None)
        self._note_save(saved[-1], new_article=True, added=len(saved))
        return Imported(saved[-1].id, duplicate=False, document=saved[-1])

    def find_same_article(self, doc: Document) -> int | None:
        """The stored article an import of ``doc`` would be a duplicate of, if any."""
        with self._reading("looking for a duplicate") as conn:
            return library.find_by_identity(conn, admit(doc).identity)

    def _note_save(self, saved: Document, *, new_article: bool | None = None,
                   added: int = 1) -> None:
        """Update the record of this store's heads kept outside it (after the commit):
        ``added`` versions were saved, ``saved`` the newest (of a new article when
        ``new_article``; by default, when it is version 1). A server's store keeps no such
        record: it is not a file that can be truncated or replaced beside deskapp."""
        if not self.engine.embedded:
            return
        row = self.conn.execute("SELECT seal, time FROM versions WHERE article_id = ? AND "
                                "version = ?", (saved.id, saved.version)).fetchone()
        if new_article is None:
            new_article = saved.version == 1
        note_save(self.path, self.store_id, new_article=new_article,
                  article_id=saved.id, version=saved.version, seal=row[0], time=row[1],
                  count=self._counts, added=added)

    def _counts(self) -> tuple[int, int]:
        return integrity.count_rows(self.engine)

    def load(self, article_id: int, version: int | None = None) -> Document:
        """A stored version (the latest by default), with its hand-off notes; NotFound when
        there is none."""
        with self._reading(f"reading article {article_id}") as conn:
            doc = versions.select_version(conn, article_id, version)
        return self._with_notes(doc)

    def latest_version(self, article_id: int) -> int:
        """The newest version number (cheap: to notice that another window saved)."""
        with self._reading(f"reading article {article_id}") as conn:
            row = conn.execute("SELECT latest FROM articles WHERE id = ?",
                               (article_id,)).fetchone()
        if row is None:
            raise NotFound(f"there is no article {article_id} in the store")
        return row[0]

    def diff(self, article_id: int, old: int, new: int | None = None) -> DocumentDiff:
        """What changed from version ``old`` to ``new`` (the latest by default)."""
        return diff_documents(self.load(article_id, old), self.load(article_id, new))

    def history(self, article_id: int) -> list[VersionInfo]:
        """Every version of the article, oldest first."""
        with self._reading(f"reading the history of article {article_id}") as conn:
            return versions.select_history(conn, article_id)

    def transitions(self, article_id: int) -> list[Transition]:
        """The audit of the article's state changes, oldest first."""
        with self._reading(f"reading the history of article {article_id}") as conn:
            return versions.select_transitions(conn, article_id)

    def transition(
        self, article_id: int, target: State, *, reviewer: str, note: str = "",
        overridden: Sequence[str] = (),
    ) -> Document:
        """A new version of the latest content in state ``target`` (workflow-checked)."""
        latest = self.load(article_id)
        check_transition(latest.state, State(target))
        return self.save(replace(latest, state=State(target)), reviewer=reviewer, note=note,
                         parent=latest.version, overridden=overridden)

    def restore(self, article_id: int, version: int, *, reviewer: str, note: str = "") -> Document:
        """A new version with the content of ``version``.

        It keeps the old version's state when the workflow allows that move, otherwise the
        article goes back to ``in_review``.
        """
        old, latest = self.load(article_id, version), self.load(article_id)
        allowed = old.state == latest.state or old.state in ALLOWED[latest.state]
        state = old.state if allowed else State.IN_REVIEW
        return self.save(replace(old, state=state), reviewer=reviewer,
                         note=note or f"restored from version {version}", parent=latest.version)

    # library ---------------------------------------------------------------------------
    def list_articles(
        self, *, state: str | None = None, query: str | None = None, order: str = "updated",
        descending: bool = True, offset: int = 0, limit: int | None = None,
        assignee: str | None = None, counted: bool = True,
    ) -> list[ArticleSummary]:
        """A page of the library; ``query`` is an FTS5 query; ``order`` a column name;
        ``assignee`` None for anyone, "" for articles assigned to nobody, else that name.
        Rows whose review counts were not worked out yet are counted now (and kept), unless
        ``counted`` is False (the caller wants only ids, or counts a few at a time with
        ``with_counts``, as the window's library does: ``pending`` may then be None)."""
        with self._reading("listing the articles") as conn:
            rows = library.list_articles(conn, state=state, query=query, order=order,
                                         descending=descending, offset=offset, limit=limit,
                                         assignee=assignee)
        return self.with_counts(rows) if counted else rows

    def count_articles(self, *, state: str | None = None, query: str | None = None,
                       assignee: str | None = None) -> int:
        with self._reading("counting the articles") as conn:
            return library.count_articles(conn, state=state, query=query, assignee=assignee)

    def search(self, query: str, limit: int = 100, *, counted: bool = True
               ) -> list[ArticleSummary]:
        """Full-text search over title, text, speakers and sources, best matches first
        (``counted``: as for ``list_articles``)."""
        with self._reading("searching") as conn:
            rows = library.search(conn, query, limit)
        return self.with_counts(rows) if counted else rows

    def with_counts(self, rows: list[ArticleSummary], *, at_most: int | None = None
                    ) -> list[ArticleSummary]:
        """``rows`` with their review counts filled in: an uncounted row (imported, saved
        by the command line, or from before schema 4) is counted from its latest version
        with ``core.checks.review_counts`` — the code the article's own panel and checks
        use — and the counts are kept when the store can be written. ``at_most``: count
        no more than this many rows now (the window's library counts a few at a time,
        between events; a 3 KB article takes a few milliseconds)."""
        missing = [row for row in rows if row.pending is None][:at_most]
        if not missing:
            return rows
        counted = {}
        for row in missing:
            try:
                counts = review_counts(self.load(row.id, row.versions))
            except StoreError:
                continue  # an unreadable version: the row stays uncounted, verify says why
            counted[row.id] = replace(row, flags=counts.flags, pending=counts.pending)
        if counted and not self.read_only and self.sealed_by == self.key.id:
            try:
                with self._writing("keeping the review counts") as conn:
                    for row in counted.values():
                        library.store_counts(conn, row.id, row.versions, row.flags,
                                             row.pending)
            except StoreError:
                pass  # a busy store: counted again next time, nothing is lost
        return [counted.get(row.id, row) for row in rows]

    # the desk: assignments and the work queue ----------------------------------------
    def assign(self, article_id: int, assignee: str) -> str:
        """Assign the article to ``assignee`` ("" to nobody); returns the name as kept.
        Not a version: assignment routes work, it does not change the article."""
        name = clean_reviewer(assignee, allow_empty=True)
        with self._writing(f"assigning article {article_id}") as conn:
            library.set_assignee(conn, article_id, name)
            presence.record_event(conn, self.session, "assigned", article_id, name)
        return name

    def summary(self, article_id: int) -> ArticleSummary:
        """The library row of one article (its assignee, counts …); NotFound if none."""
        with self._reading(f"reading article {article_id}") as conn:
            row = library.summary(conn, article_id)
        if row is None:
            raise NotFound(f"there is no article {article_id} in the store")
        return self.with_counts([row])[0]

    def assignees(self) -> list[str]:
        """Every name an article is assigned to (for the library's filter)."""
        with self._reading("listing the assignees") as conn:
            return library.assignees(conn)

    # the live desk: presence and changes ---------------------------------------------
    def hold(self, article_id: int, reviewer: str) -> None:
        """This session has the article open for editing (idempotent; also refreshes its
        heartbeat — call it at least every minute while the article stays open). Another
        session sees it in ``holders`` and ``open_elsewhere`` and gets an ``opened`` change.
        A read-only store records no presence (its window cannot save)."""
        if self.read_only:
            return
        with self._writing(f"marking article {article_id} open", sealed=False) as conn:
            if presence.hold(conn, self.session, article_id, reviewer):
                presence.record_event(conn, self.session, "opened", article_id, reviewer)
        self._held.add(article_id)

    def release(self, article_id: int) -> None:
        """This session no longer has the article open (nothing when it did not)."""
        self._release(article_id)

    def _release(self, article_id: int | None) -> None:
        if self.read_only:
            return
        with self._writing("closing the article", sealed=False) as conn:
            for ended, reviewer in presence.release(conn, self.session, article_id):
                presence.record_event(conn, self.session, "closed", ended, reviewer)
        self._held = set() if article_id is None else self._held - {article_id}

    def holders(self, article_id: int) -> list[Holder]:
        """The other sessions that have the article open now, oldest first (never this
        one; a session whose process is gone or silent for 90 s does not count)."""
        with self._reading(f"reading who has article {article_id} open") as conn:
            return presence.holders(conn, self.session, article_id)

    def open_elsewhere(self) -> frozenset[int]:
        """Articles another session has open now (the work queue skips them)."""
        with self._reading("reading which articles are open") as conn:
            return presence.held_elsewhere(conn, self.session)

    def listener(self) -> ChangeListener | ServerChangeListener:
        """A listener, on a connection of its own, to what other sessions do from now on
        (``poll()``; ``fileno()`` is None on SQLite: poll on a timer; on PostgreSQL a
        socket that becomes readable when another session commits). Close it when done."""
        if not self.engine.embedded:
            from deskapp.store.pg_live import ServerChangeListener

            return ServerChangeListener(self.path, self.session,
                                        busy_timeout=self.busy_timeout)
        return ChangeListener(self.path, self.session, read_only=self.read_only,
                              busy_timeout=min(self.busy_timeout, 1.0))

    def next_article(self, reviewer: str, *, skip: Collection[int] = ()
                     ) -> ArticleSummary | None:
        """The work queue's next article for ``reviewer`` (``core.desk``): unassigned or
        theirs, by state and age, none of ``skip`` nor any open elsewhere; None when the
        queue is empty."""
        away = set(skip) | set(self.open_elsewhere())
        with self._reading("finding the next article") as conn:
            row = library.next_in_queue(conn, reviewer, away)
        return None if row is None else self.with_counts([row])[0]

    def find_by_sha256(self, sha256: str) -> int | None:
        """The article whose provenance names these file bytes, if any. Provenance only:
        what makes an import the same article is ``find_same_article``."""
        with self._reading("looking for a duplicate") as conn:
            return library.find_by_sha256(conn, sha256)

    # registry ------------------------------------------------------------------------
    def load_registry(self) -> Registry:
        """The person/source registry shared by every article of the store."""
        with self._reading("reading the registry") as conn:
            return registry_table.select_registry(conn)

    def save_registry(self, registry: Registry) -> None:
        """Replace the stored registry with ``registry`` (one transaction)."""
        with self._writing("saving the registry") as conn:
            registry_table.replace_registry(conn, registry)

    # settings and drafts ---------------------------------------------------------------
    def get_setting(self, key: str, default: str | None = None) -> str | None:
        with self._reading("reading a setting") as conn:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None else row[0]

    def set_setting(self, key: str, value: str) -> None:
        with self._writing("saving a setting") as conn:
            conn.upsert("settings", "key", {"key": key, "value": str(value)})

    def save_draft(self, key: str, payload: dict) -> None:
        """Keep unsaved edits (e.g. ``{"base": version, "document": doc.to_json()}``)."""
        text = json.dumps(payload, ensure_ascii=False)
        with self._writing("autosaving a draft") as conn:
            conn.upsert("drafts", "key", {"key": str(key), "payload": text,
                                          "saved": versions.utc_now()})

    def drafts(self) -> list[Draft]:
        """Drafts left behind (e.g. by a crash), newest first."""
        with self._reading("reading drafts") as conn:
            rows = conn.execute("SELECT key, payload, saved FROM drafts "
                                "ORDER BY saved DESC, key").fetchall()
        return [Draft(key, json.loads(payload), saved) for key, payload, saved in rows]

    def discard_draft(self, key: str) -> None:
        with self._writing("discarding a draft") as conn:
            conn.execute("DELETE FROM drafts WHERE key = ?", (str(key),))

    # integrity -------------------------------------------------------------------------
    def verify(self) -> list[str]:
        """Every problem found (empty when all holds): the file, the search index, every
        version's hash, chain and seal, the library rows, and what the store held when
        last saved (the record kept outside it, see ``heads.py``)."""
        with self._reading("verifying the store") as conn:
            try:
                found = conn.check_file(read_only=self.read_only)
                key = self.key if self.sealed_by == self.key.id else None
                if key is None:
                    found.append("seals: the store is sealed with another deskapp key than "
                                 "this user's, so its seals cannot be checked here")
                found += integrity.verify_versions(conn, key)
                if not conn.embedded:
                    return found
                articles, count = self._counts()
                return found + compare(read_heads(self.path), self.store_id, articles, count,
                                       lambda *save: integrity.holds_save(conn, *save))
            except Exception as exc:
                if conn.is_database_error(exc):
                    return [f"file: {exc}"]
                raise

    def backup(self, dest: Path | str, *, overwrite: bool = False) -> None:
        """A consistent copy of the store at ``dest`` (SQLite online backup, then rename;
        a server's store is copied into a new SQLite file, see ``copying.py``)."""
        if is_server_url(str(dest)):
            same = str(dest) == str(self.path) or getattr(dest, "url", dest) == getattr(
                self.path, "url", None)
            raise StoreError(f"cannot back up the store {self.path} onto itself" if same else
                             "a backup is a file; `deskapp store migrate` copies a store into "
                             "a server's database")
        if not self.engine.embedded:
            from deskapp.store.copying import backup_into_file

            backup_into_file(self, Path(dest), overwrite=overwrite)
            return
        with self._reading("backing up the store"):
            integrity.backup_to(self.conn, self.path, Path(dest), overwrite=overwrite)


