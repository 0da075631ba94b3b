"""`python -m tests.postgres`: make sure the PostgreSQL database the tests use really answers.

The suite runs every database test on SQLite and on PostgreSQL: the database `test` on
127.0.0.1:5432 as user `postgres` (trust auth), or whatever KINSHIP_TEST_POSTGRES_URL names.
This connects to that database and runs `SELECT 1`. When nothing answers on a local address it
starts a stopped server with Debian's cluster tools (`pg_ctlcluster`); when the server answers but
the database does not exist it creates it (from the `postgres` maintenance database). Anything
else ends with one line saying what is missing and how to fix it, and exit code 1."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import asyncpg
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

DEFAULT_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
INSTALL_HINT = (
    "install PostgreSQL (Debian/Ubuntu: sudo apt-get install postgresql) and start it "
    "(sudo service postgresql start), "
    "or set KINSHIP_TEST_POSTGRES_URL=postgresql+asyncpg://user:password@host:port/db"
)


def target_url() -> str:
    """The SQLAlchemy URL of the database the tests use."""
    return os.environ.get("KINSHIP_TEST_POSTGRES_URL") or DEFAULT_URL


def _parse(url: str) -> URL:
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise ValueError(str(error)) from None
    if parsed.get_backend_name() != "postgresql":
        raise ValueError(f"not a PostgreSQL URL: {parsed.render_as_string()}")
    return parsed


def asyncpg_dsn(url: str, *, database: str | None = None) -> str:
    """The DSN asyncpg takes for a SQLAlchemy URL (optionally naming another database)."""
    parsed = _parse(url).set(drivername="postgresql")
    if database is not None:
        parsed = parsed.set(database=database)
    return parsed.render_as_string(hide_password=False)


def describe(url: str) -> str:
    """`database `test` on 127.0.0.1:5432 as postgres`, never the password."""
    parsed = _parse(url)
    where = f"{parsed.host or 'localhost'}:{parsed.port or 5432}"
    return f"database `{parsed.database}` on {where} as {parsed.username or 'the current user'}"


@dataclass(frozen=True)
class Probe:
    """What one connection attempt found: `ok`, or which kind of problem."""

    kind: str  # "ok" | "no-server" | "starting" | "no-database" | "refused" | "error"
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.kind == "ok"


async def probe(url: str, *, database: str | None = None, timeout: float = 5) -> Probe:
    """Connects to the database and runs `SELECT 1`."""
    try:
        connection = await asyncpg.connect(asyncpg_dsn(url, database=database), timeout=timeout)
    except asyncpg.InvalidCatalogNameError as error:
        return Probe("no-database", str(error))
    except asyncpg.CannotConnectNowError as error:
        return Probe("starting", str(error))
    except asyncpg.InvalidAuthorizationSpecificationError as error:
        return Probe("refused", str(error))
    except (OSError, TimeoutError) as error:
        return Probe("no-server", str(error) or type(error).__name__)
    except Exception as error:
        return Probe("error", f"{type(error).__name__}: {error}")
    try:
        if await connection.fetchval("SELECT 1") != 1:
            return Probe("error", "SELECT 1 did not return 1")
    finally:
        await connection.close()
    return Probe("ok")


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


async def create_database(url: str) -> str | None:
    """Creates the URL's database from the server's `postgres` database; returns why not."""
    name = _parse(url).database
    if not name:
        return "the URL names no database"
    try:
        connection = await asyncpg.connect(asyncpg_dsn(url, database="postgres"), timeout=5)
    except Exception as error:
        return f"cannot connect to the `postgres` database: {error}"
    try:
        await connection.execute(f"CREATE DATABASE {_quote(name)}")
    except asyncpg.DuplicateDatabaseError:
        pass  # someone else created it meanwhile; what we wanted
    except Exception as error:
        return f"{type(error).__name__}: {error}"
    finally:
        await connection.close()
    return None


def start_local_server() -> bool:
    """Starts the newest Debian cluster with `pg_ctlcluster`; False when there is none to start."""
    etc = Path("/etc/postgresql")
    versions = sorted(etc.iterdir(), key=lambda p: p.name) if etc.is_dir() else []
    if not versions or shutil.which("pg_ctlcluster") is None:
        return False
    result = subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", versions[-1].name, "main", "start"],
        check=False,
        capture_output=True,
    )
    return result.returncode == 0


async def prepare(
    url: str,
    *,
    start_server: Callable[[], bool] = start_local_server,
    wait: float = 30,
) -> str | None:
    """Makes the database answer `SELECT 1`; returns None, or one line saying what is missing."""
    what = describe(url)
    found = await probe(url)
    if found.kind in ("no-server", "starting"):
        if found.kind == "no-server" and _parse(url).host in LOCAL_HOSTS:
            await asyncio.to_thread(start_server)
        deadline = time.monotonic() + wait
        while found.kind in ("no-server", "starting") and time.monotonic() < deadline:
            await asyncio.sleep(0.5)
            found = await probe(url)
    if found.kind == "no-database":
        why_not = await create_database(url)
        if why_not is not None:
            return (
                f"tests: the {what} does not exist and could not be created ({why_not}); "
                f"create it (sudo -u postgres createdb {_parse(url).database}) or point "
                "KINSHIP_TEST_POSTGRES_URL at a database that exists"
            )
        found = await probe(url)
    if found.ok:
        return None
    if found.kind in ("no-server", "starting"):
        return (
            f"tests: no PostgreSQL server answers for the {what} ({found.detail}); {INSTALL_HINT}"
        )
    if found.kind == "refused":
        return (
            f"tests: PostgreSQL refused the {what} ({found.detail}); allow it in pg_hba.conf "
            "(trust for 127.0.0.1) or set KINSHIP_TEST_POSTGRES_URL with a user and password"
        )
    return f"tests: cannot use the {what} ({found.detail}); {INSTALL_HINT}"


def main() -> int:
    url = target_url()
    try:
        problem = asyncio.run(prepare(url))
    except ValueError as error:
        problem = f"tests: KINSHIP_TEST_POSTGRES_URL is not usable ({error})"
    if problem is not None:
        print(problem, file=sys.stderr)
        return 1
    print(f"tests: PostgreSQL {describe(url)} is ready", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
