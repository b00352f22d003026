"""The contract both engines keep beyond the shared store tests: tampering is caught,
two editors saving one article get a conflict, two imports of one text make one article,
a newer schema is refused — and, on PostgreSQL, every way of failing to reach the server
is one line naming the store without its password."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest

from deskapp.core.article import Article
from deskapp.core.document import Document
from deskapp.core.errors import StoreError
from deskapp.store import Store, VersionConflict
from deskapp.store import schema as sqlite_schema

SEAL = "its seal does not match its hash and audit (changed or forged outside deskapp)"


def _behind_deskapps_back(store: Store, *statements: str) -> None:
    """Run ``statements`` with the immutability triggers out of the way, as a tool with
    full access to the database could."""
    if store.engine.embedded:
        for trigger in ("versions_no_update", "versions_no_delete", "transitions_no_update",
                        "transitions_no_delete"):
            store.engine.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    else:
        for table in ("versions", "transitions"):
            store.engine.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
    for statement in statements:
        store.engine.execute(statement)


def _two_versions(store: Store, doc: Document) -> Document:
    first = store.save(doc, reviewer="ana")
    return store.save(first, reviewer="ben", note="checked", parent=1)


@pytest.mark.parametrize(("statement", "problem"), [
    ("UPDATE versions SET content = replace(content, 'soldiers', 'sailors') "
     "WHERE version = 2", "article 1 version 2: its content does not match its hash"),
    ("UPDATE versions SET seal = 'forged' WHERE version = 1", f"article 1 version 1: {SEAL}"),
    ("DELETE FROM versions WHERE version = 1", "article 1: version 1 is missing"),
    ("UPDATE transitions SET reviewer = 'mallory'", f"article 1 version 1: {SEAL}"),
    ("UPDATE articles SET title = 'Forged'", "article 1: the library shows other title"),
])
def test_tampering_behind_deskapps_back_is_caught(store, doc, statement, problem) -> None:
    _two_versions(store, doc)
    assert store.verify() == []
    _behind_deskapps_back(store, statement)
    problems = store.verify()
    assert any(p.startswith(problem) for p in problems), problems


def test_two_editors_saving_one_article_the_second_gets_a_conflict(store, location, doc):
    saved = store.save(doc, reviewer="ana")
    with Store.open(location) as other:
        opened_here, opened_there = store.load(saved.id), other.load(saved.id)
        other.save(replace(opened_there, note=""), reviewer="ben", parent=1)
        with pytest.raises(VersionConflict) as conflict:
            store.save(opened_here, reviewer="ana", parent=1)
    assert (conflict.value.latest, conflict.value.parent) == (2, 1)
    assert [h.reviewer for h in store.history(saved.id)] == ["ana", "ben"]


def test_editors_saving_at_once_lose_nothing_and_each_conflict_is_one(store, location, doc):
    saved = store.save(doc, reviewer="ana")
    outcomes: list[str] = []

    def editor(name: str) -> None:
        with Store.open(location, busy_timeout=20) as own:
            for _ in range(5):
                latest = own.load(saved.id)
                try:
                    own.save(latest, reviewer=name, parent=latest.version)
                    outcomes.append("saved")
                except VersionConflict:
                    outcomes.append("conflict")

    threads = [threading.Thread(target=editor, args=(f"editor{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(outcomes) == 20
    assert store.latest_version(saved.id) == 1 + outcomes.count("saved")
    assert store.verify() == []


def test_two_imports_of_one_text_at_once_make_one_article(store, location, doc) -> None:
    results = []

    def importer() -> None:
        with Store.open(location, busy_timeout=20) as own:
            results.append(own.import_document(doc, reviewer="ana"))

    threads = [threading.Thread(target=importer) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(r.duplicate for r in results) == [False, True, True, True]
    assert {r.article_id for r in results} == {1} and store.count_articles() == 1


def test_a_store_of_a_newer_deskapp_is_refused(store, location) -> None:
    if store.engine.embedded:
        store.engine.execute("PRAGMA user_version = 99")
    else:
        store.engine.execute("UPDATE deskapp_schema SET version = 99")
    store.close()
    with pytest.raises(StoreError, match=r"written by a newer deskapp \(schema 99"):
        Store.open(location)


def test_both_engines_are_at_one_schema_version() -> None:
    from deskapp.store import postgres_schema

    assert postgres_schema.SCHEMA_VERSION == sqlite_schema.SCHEMA_VERSION


def test_a_server_store_is_found_by_its_words_and_ranks_the_title_first(store) -> None:
    store.save(Document(Article("Weather\n\nThe Défense ministry spoke.")), reviewer="ana")
    store.save(Document(Article("Défense budget\n\nNumbers.")), reviewer="ana")
    assert [r.id for r in store.search("defense")] == [2, 1]
    assert [r.id for r in store.search("defen*")] == [2, 1]
    assert [r.id for r in store.search('"defense budget"')] == [2]
    assert {r.id for r in store.search("title:weather OR numbers")} == {1, 2}
    assert [r.id for r in store.search("defense NOT ministry")] == [2]


# PostgreSQL only: reaching the server --------------------------------------------------
def test_a_wrong_password_is_one_line_without_the_password(pg_cluster) -> None:
    url = pg_cluster.url(password="not-the-secret-xyz")
    with pytest.raises(StoreError) as error:
        Store.open(url)
    message = str(error.value)
    assert message.startswith(f"cannot open the store postgresql://deskapp@127.0.0.1:"
                              f"{pg_cluster.port}/postgres: the server refused the user name "
                              "or password")
    assert "not-the-secret-xyz" not in message and "\n" not in message


@pytest.mark.parametrize(("url", "says"), [
    ("postgresql://ana:secret99@127.0.0.1:1/desk", "cannot open the store "
     "postgresql://ana@127.0.0.1:1/desk: connection to server at \"127.0.0.1\", port 1 "
     "failed: Connection refused"),
    ("postgresql://ana:secret99@127.0.0.1:notaport/desk", "postgresql://ana@127.0.0.1:notaport"
     "/desk"),
    ("postgresql://ana:secret99@127.0.0.1/desk?sslmode=bogus", "cannot open the store "
     "postgresql://ana@127.0.0.1/desk?sslmode=bogus: "),
    ("postgresql://ana:secret99@127.0.0.1/desk?nosuch=1", "postgresql://ana@127.0.0.1/desk"
     "?nosuch=1 is not a valid PostgreSQL location"),
    ("postgresql://ana:secret99@[::1/desk", "postgresql://ana@[::1/desk is not a valid "
     "PostgreSQL location"),
    ("postgresql://ana@127.0.0.1/desk?password=secret99&sslmode=bogus",
     "cannot open the store postgresql://ana@127.0.0.1/desk?sslmode=bogus: "),
])
def test_an_unreachable_server_or_bad_url_is_one_line(url: str, says: str) -> None:
    pytest.importorskip("psycopg")
    with pytest.raises(StoreError) as error:
        Store.open(url)
    message = str(error.value)
    assert says in message and "secret99" not in message and "\n" not in message


def test_a_missing_database_says_so(pg_cluster) -> None:
    with pytest.raises(StoreError, match=r"/nosuchdb: database \"nosuchdb\" does not exist"):
        Store.open(pg_cluster.url("nosuchdb"))


def test_a_database_with_other_tables_is_not_taken_over(pg_url) -> None:
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE payroll (id int)")
    with pytest.raises(StoreError, match="is not a deskapp store"):
        Store.open(pg_url)


def test_an_empty_database_is_not_made_a_store_unasked(pg_url) -> None:
    with pytest.raises(StoreError, match="there is no deskapp store in"):
        Store.open(pg_url, create=False)
    with Store.open(pg_url) as store:
        assert store.count_articles() == 0
    with Store.open(pg_url, create=False) as again:
        assert again.path.name == pg_url.rsplit("/", 1)[1]


def test_versions_cannot_even_be_truncated_on_the_server(pg_url, doc) -> None:
    with Store.open(pg_url) as store:
        store.save(doc, reviewer="ana")
        with pytest.raises(StoreError, match="versions are immutable"), \
                store.engine.translated("emptying"):
            store.engine.execute("TRUNCATE versions CASCADE")
        assert store.count_articles() == 1 and store.verify() == []


def test_an_article_dropped_from_the_server_search_index_is_reported(pg_url, doc) -> None:
    with Store.open(pg_url) as store:
        store.save(doc, reviewer="ana")
        store.engine.execute("UPDATE articles SET search = NULL")
        assert store.verify() == ["search index: 1 article is not in the search index"]
        assert store.search("Maduro") == []


def test_a_store_opens_again_by_its_path(store, doc) -> None:
    saved = store.save(doc, reviewer="ana")
    with Store.open(store.path) as again:  # a second window on the same store
        assert again.load(saved.id).marks == doc.marks


def test_a_lost_server_connection_fails_one_action_and_the_next_reconnects(pg_url, doc):
    with Store.open(pg_url) as store, Store.open(pg_url) as admin:
        saved = store.save(doc, reviewer="ana")
        store.hold(saved.id, "Ana")
        admin.engine.execute("SELECT pg_terminate_backend(?)", (store.engine.session_pid(),))
        with pytest.raises(StoreError, match=r"^the connection to the store postgresql://"
                                             r"deskapp@.* failed .*try again$"):
            store.load(saved.id)
        assert store.load(saved.id).version == 1  # a new connection
        store.save(store.load(saved.id), reviewer="ana", parent=1)
        assert admin.holders(saved.id) == []  # the dropped connection ended the presence
        store.hold(saved.id, "Ana")  # the next heartbeat: counted again
        assert [h.reviewer for h in admin.holders(saved.id)] == ["Ana"]
        assert admin.verify() == []
