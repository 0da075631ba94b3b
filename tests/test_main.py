"""`python -m bot` as a person runs it: clear one-line failures, exit code 2, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import discord

from bot.permissions import REASONS, required_permissions
from standin import TEST_TOKEN

ROOT = Path(__file__).resolve().parents[1]


def run_bot(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in {"DISCORD_TOKEN", "DATABASE_URL"}}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        env=base | {"PYTHONPATH": str(ROOT)} | env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_missing_token_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = run_bot(env={}, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "DISCORD_TOKEN" in result.stderr and "Traceback" not in result.stderr


def test_unreachable_database_is_one_line_and_exit_2(tmp_path: Path) -> None:
    env = {"DISCORD_TOKEN": TEST_TOKEN, "DATABASE_URL": "postgresql://nobody@127.0.0.1:9/none"}
    result = run_bot(env=env, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("kinship: DATABASE_URL: cannot open the database")
    assert "Traceback" not in result.stderr


def test_invite_prints_a_url_with_the_computed_permissions(tmp_path: Path) -> None:
    result = run_bot("invite", env={"DISCORD_TOKEN": TEST_TOKEN}, cwd=tmp_path)
    assert result.returncode == 0
    query = parse_qs(urlparse(result.stdout.strip()).query)
    assert query["client_id"] == ["1098765432109876543"]
    assert set(query["scope"][0].split()) == {"bot", "applications.commands"}
    granted = discord.Permissions(int(query["permissions"][0]))
    assert granted == required_permissions()
    assert all(getattr(granted, name) for name in REASONS)
    assert not granted.administrator and not granted.ban_members


def test_unreachable_discord_is_one_line_and_exit_2(tmp_path: Path) -> None:
    env = {"DISCORD_TOKEN": TEST_TOKEN, "DATABASE_URL": f"sqlite:///{tmp_path / 'k.db'}"}
    base = {k: v for k, v in os.environ.items() if k not in {"DISCORD_TOKEN", "DATABASE_URL"}}
    result = subprocess.run(
        # Nothing listens on port 9: the same failure as no route or no DNS for discord.com.
        [
            sys.executable,
            "-m",
            "tests.e2e.bot_process",
            "http://127.0.0.1:9/api/v10",
            "ws://127.0.0.1:9",
        ],
        env=base | {"PYTHONPATH": str(ROOT)} | env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if " INFO " not in line]
    assert len(lines) == 1 and lines[0].startswith("kinship: cannot reach Discord"), result.stderr
    assert "Shutting down" not in result.stderr and "Traceback" not in result.stderr


def test_invite_with_a_token_whose_first_part_is_not_an_id(tmp_path: Path) -> None:
    token = "bm90LWFuLWlkLWF0LWFsbA.GAbCdE.abcdefghijklmnopqrstuvwxyz0123456789AB"
    result = run_bot("invite", env={"DISCORD_TOKEN": token}, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("kinship: DISCORD_TOKEN: its first part is not the bot's id")
    assert "Traceback" not in result.stderr


def test_help_describes_both_commands_and_the_env_file(tmp_path: Path) -> None:
    result = run_bot("--help", env={}, cwd=tmp_path)
    assert result.returncode == 0
    assert "invite" in result.stdout and "run" in result.stdout and ".env" in result.stdout
