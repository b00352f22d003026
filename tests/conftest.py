"""Test set-up: headless Qt for every test, before any QApplication exists."""

import os
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"

# offscreen, with the laptop screens the layout tests put the window on (tests/ui/test_layout)
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={FIXTURES / 'screens.json'}"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def sample_text() -> str:
    return (FIXTURES / "venezuela-defections.txt").read_text(encoding="utf-8")


@pytest.fixture(autouse=True, scope="session")
def _private_qt_paths(tmp_path_factory):
    """Keep QSettings and the default store away from the user's real ones."""
    home = tmp_path_factory.mktemp("xdg")
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")
    os.environ["XDG_DATA_HOME"] = str(home / "data")
    os.environ.pop("DESKAPP_STORE", None)
    yield


@pytest.fixture(scope="session")
def pg_cluster():
    """One throwaway PostgreSQL cluster for the session (see ``tests/pg_cluster.py``):
    skipped with the reason when none can be started here, failed when
    ``DESKAPP_REQUIRE_PG=1`` (CI)."""
    from tests.pg_cluster import ClusterUnavailable, start_cluster

    try:
        import psycopg  # noqa: F401
    except ImportError:
        reason = "psycopg is not installed (pip install -e '.[test]')"
        cluster = None
    else:
        try:
            cluster, reason = start_cluster(), ""
        except ClusterUnavailable as exc:
            cluster, reason = None, str(exc)
    if cluster is None:
        if os.environ.get("DESKAPP_REQUIRE_PG") == "1":
            pytest.fail(f"DESKAPP_REQUIRE_PG=1 but no PostgreSQL server could be started: "
                        f"{reason}")
        pytest.skip(f"no PostgreSQL server for the tests: {reason}")
    yield cluster
    cluster.stop()


@pytest.fixture
def pg_url(pg_cluster):
    """The URL of a fresh, empty database for this test (dropped after it)."""
    url = pg_cluster.new_database()
    yield url
    pg_cluster.drop_database(url)
