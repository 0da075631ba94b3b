"""`python -m tests.postgres` checks the test database for real and fixes what it can."""

from __future__ import annotations

import socket
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from tests import postgres

ROOT = Path(__file__).resolve().parents[1]


def url_for(database: str | None = None, **parts: object) -> str:
    """The suite's PostgreSQL URL with another database, user, host or port."""
    url = make_url(postgres.target_url())
    if database is not None:
        url = url.set(database=database)
    return url.set(**parts).render_as_string(hide_password=False)  # type: ignore[arg-type]


def unused_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
async def new_database_url() -> AsyncIterator[str]:
    """A URL naming a database that does not exist yet; dropped afterwards if it was created."""
    name = f"kinship_probe_{uuid.uuid4().hex[:10]}"
    url = url_for(name)
    yield url
    admin = await asyncpg.connect(postgres.asyncpg_dsn(url, database="postgres"))
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    finally:
        await admin.close()


def never_started() -> bool:
    raise AssertionError("must not try to start a server")


async def test_the_suites_database_answers() -> None:
    assert (await postgres.probe(postgres.target_url())).ok
    assert await postgres.prepare(postgres.target_url(), start_server=never_started) is None


async def test_a_missing_database_is_created(new_database_url: str) -> None:
    before = await postgres.probe(new_database_url)
    assert before.kind == "no-database"
    assert await postgres.prepare(new_database_url, start_server=never_started) is None
    assert (await postgres.probe(new_database_url)).ok
    # and a second run finds it and changes nothing
    assert await postgres.prepare(new_database_url, start_server=never_started) is None


async def test_no_server_tries_to_start_the_local_one_then_says_how_to_get_postgresql() -> None:
    starts: list[str] = []

    def start() -> bool:
        starts.append("pg_ctlcluster")
        return False

    problem = await postgres.prepare(
        url_for(host="127.0.0.1", port=unused_port()), start_server=start, wait=0.6
    )
    assert starts == ["pg_ctlcluster"]
    assert problem is not None and "\n" not in problem
    assert "apt-get install postgresql" in problem
    assert "KINSHIP_TEST_POSTGRES_URL" in problem


async def test_a_remote_server_is_never_started_here() -> None:
    # 127.0.0.2 refuses at once like any closed port, but is not an address this tool treats
    # as the local server's, so it must not run pg_ctlcluster for it.
    problem = await postgres.prepare(
        url_for(host="127.0.0.2", port=unused_port()), start_server=never_started, wait=0
    )
    assert problem is not None and "127.0.0.2" in problem


async def test_a_refused_user_is_named_without_the_password() -> None:
    user = f"nobody_{uuid.uuid4().hex[:8]}"
    problem = await postgres.prepare(
        url_for(username=user, password="s3cret-pw"), start_server=never_started
    )
    assert problem is not None
    assert user in problem and "pg_hba.conf" in problem
    assert "s3cret-pw" not in problem


def test_dsn_for_asyncpg_keeps_credentials_and_drops_the_driver() -> None:
    url = "postgresql+asyncpg://kin:pw@db.example:6543/test"
    assert postgres.asyncpg_dsn(url) == "postgresql://kin:pw@db.example:6543/test"
    assert postgres.asyncpg_dsn(url, database="postgres").endswith("/postgres")
    assert "pw" not in postgres.describe(url)


def test_a_url_that_is_not_postgresql_is_a_clear_failure(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KINSHIP_TEST_POSTGRES_URL", "sqlite+aiosqlite:///data/kinship.db")
    assert postgres.main() == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "KINSHIP_TEST_POSTGRES_URL" in err


def test_the_module_succeeds_on_the_suites_database() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tests.postgres"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "ready" in done.stderr
