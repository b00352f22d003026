"""A throwaway PostgreSQL cluster for the tests: made in a temporary folder, on a free
localhost port, by an unprivileged user (``initdb`` refuses root), started once per test
session and removed at its end. Each test gets a fresh database of it.

No server can be started (no ``initdb``, no unprivileged user …): the PostgreSQL tests skip
with the reason, unless ``DESKAPP_REQUIRE_PG=1`` (CI), where they fail.
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

SUPERUSER = "deskapp"


class ClusterUnavailable(RuntimeError):
    """Why no PostgreSQL server could be started here."""


def find_bin_dir() -> Path:
    """The folder of ``initdb`` and ``pg_ctl``: on PATH, else Debian's newest."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(os.path.realpath(found)).parent
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                         key=lambda p: int(Path(p).parent.name), reverse=True):
        if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    raise ClusterUnavailable("no PostgreSQL server programs (initdb, pg_ctl) on PATH or in "
                             "/usr/lib/postgresql/*/bin; install Debian's `postgresql`")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Cluster:
    """One running cluster; ``url(name)`` locates a database of it."""

    def __init__(self) -> None:
        self.bin = find_bin_dir()
        self.password = secrets.token_hex(8)
        self.port = _free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="deskapp-pg-"))
        self.data = self.folder / "data"
        self._as_user: list[str] = []
        self._names = itertools.count(1)
        self._admin = None
        self._maker: ThreadPoolExecutor | None = None
        self._next: Future[str] | None = None

    def _run(self, *args: str) -> None:
        result = subprocess.run([*self._as_user, *args], capture_output=True, text=True,
                                timeout=120, check=False)
        if result.returncode:
            raise ClusterUnavailable(f"{Path(args[0]).name} failed: "
                                     f"{(result.stderr or result.stdout).strip()[-400:]}")

    def start(self) -> Cluster:
        if os.geteuid() == 0:  # initdb refuses root: run the server as `nobody`
            try:
                user = pwd.getpwnam("nobody")
            except KeyError:
                raise ClusterUnavailable("running as root and there is no user `nobody` "
                                         "to run PostgreSQL as") from None
            runner = shutil.which("runuser") or shutil.which("setpriv")
            if runner is None:
                raise ClusterUnavailable("running as root without runuser or setpriv")
            self._as_user = ([runner, "-u", "nobody", "--"] if runner.endswith("runuser") else
                             [runner, f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}",
                              "--clear-groups", "--"])
            os.chown(self.folder, user.pw_uid, user.pw_gid)
        pwfile = self.folder / "pw"
        pwfile.write_text(self.password + "\n")
        if os.geteuid() == 0:
            os.chown(pwfile, pwd.getpwnam("nobody").pw_uid, -1)
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", SUPERUSER,
                  "--auth=scram-sha-256", f"--pwfile={pwfile}", "--no-sync", "-E", "UTF8",
                  "--locale=C")
        pwfile.unlink()
        options = (f"-p {self.port} -h 127.0.0.1 -k {self.folder} -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=100 "
                   "-c wal_level=minimal -c max_wal_senders=0 -c max_wal_size=1GB")
        self._run(str(self.bin / "pg_ctl"), "start", "-w", "-t", "60", "-D", str(self.data),
                  "-l", str(self.folder / "server.log"), "-o", options)
        return self

    def url(self, database: str = "postgres", *, password: str | None = None) -> str:
        secret = self.password if password is None else password
        return f"postgresql://{SUPERUSER}:{secret}@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """A fresh, empty database; its URL. The next one is made meanwhile, in the
        background (making one takes a few hundred milliseconds)."""
        if self._maker is None:
            self._maker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pg-cluster")
        ready = self._next or self._maker.submit(self._create_database)
        self._next = self._maker.submit(self._create_database)
        return ready.result()

    def drop_database(self, url: str) -> None:
        """Drop a test's database, in the background (its files go while tests run)."""
        if self._maker is not None:
            name = url.rsplit("/", 1)[1]
            self._maker.submit(self._admin_execute, f'DROP DATABASE IF EXISTS "{name}" '
                               "WITH (FORCE)")

    def _admin_execute(self, sql: str) -> None:
        import psycopg

        if self._admin is None or self._admin.closed:
            self._admin = psycopg.connect(self.url(), autocommit=True)
        with contextlib.suppress(psycopg.Error):
            self._admin.execute(sql)

    def _create_database(self) -> str:
        import psycopg

        name = f"test_{next(self._names)}"
        if self._admin is None or self._admin.closed:
            self._admin = psycopg.connect(self.url(), autocommit=True)
        self._admin.execute(f'CREATE DATABASE "{name}" STRATEGY FILE_COPY')
        return self.url(name)

    def stop(self) -> None:
        if self._maker is not None:
            self._maker.shutdown(wait=True, cancel_futures=True)
        if self._admin is not None:
            with contextlib.suppress(Exception):
                self._admin.close()
        with contextlib.suppress(ClusterUnavailable, subprocess.TimeoutExpired):
            if (self.data / "postmaster.pid").exists():
                self._run(str(self.bin / "pg_ctl"), "stop", "-D", str(self.data), "-m", "immediate",
                          "-w")
        shutil.rmtree(self.folder, ignore_errors=True)


def start_cluster() -> Cluster:
    """A started cluster, or ClusterUnavailable saying why not."""
    cluster = Cluster()
    try:
        return cluster.start()
    except (ClusterUnavailable, OSError, subprocess.TimeoutExpired) as exc:
        cluster.stop()
        if isinstance(exc, ClusterUnavailable):
            raise
        raise ClusterUnavailable(str(exc)) from exc
