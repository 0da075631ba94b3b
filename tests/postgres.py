"""`python -m tests.postgres`: make sure the PostgreSQL server the tests use is up.

The suite runs every database test on SQLite and on PostgreSQL (127.0.0.1:5432, trust auth,
database `test`, or KINSHIP_TEST_POSTGRES_URL). On machines with Debian's cluster tools this starts
a stopped local server; anywhere else it explains what is missing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path


def ready() -> bool:
    if shutil.which("pg_isready") is None:
        return False
    return (
        subprocess.run(
            ["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q"], check=False
        ).returncode
        == 0
    )


def start() -> None:
    versions = sorted(Path("/etc/postgresql").glob("*")) if Path("/etc/postgresql").is_dir() else []
    if not versions or shutil.which("pg_ctlcluster") is None:
        return
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", versions[-1].name, "main", "start"],
        check=False,
    )


def main() -> int:
    if os.environ.get("KINSHIP_TEST_POSTGRES_URL"):
        return 0
    if not ready():
        start()
        for _ in range(30):
            if ready():
                break
            time.sleep(1)
    if ready():
        return 0
    print(
        "tests: PostgreSQL is not running on 127.0.0.1:5432. Start it, or set "
        "KINSHIP_TEST_POSTGRES_URL=postgresql+asyncpg://user@host:port/db",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
