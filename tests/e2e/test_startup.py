"""`python -m bot`'s own start-up path against the stand-in: intents, refusals and shutdown."""

from __future__ import annotations

import asyncio
import os
import signal
from pathlib import Path

import pytest

from bot.__main__ import run
from bot.bot import intents
from bot.settings import Settings
from standin import TEST_TOKEN, DiscordStandIn


def settings(tmp_path: Path) -> Settings:
    return Settings(
        discord_token=TEST_TOKEN, database_url=f"sqlite+aiosqlite:///{tmp_path / 'k.db'}"
    )


async def test_refused_privileged_intents_say_which_switch_to_turn_on(
    standin: DiscordStandIn, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    standin.intents_refused = True
    assert await run(settings(tmp_path)) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "SERVER MEMBERS INTENT" in err and "MESSAGE CONTENT INTENT" in err


async def test_rejected_token_is_one_clear_line(
    standin: DiscordStandIn, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    standin.token = "a-different-token"
    assert await run(settings(tmp_path)) == 2
    err = capsys.readouterr().err
    assert err.startswith("kinship: DISCORD_TOKEN was rejected") and "Traceback" not in err


async def test_identifies_with_the_intents_it_needs_and_stops_cleanly_on_sigterm(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    standin.add_guild()
    task = asyncio.create_task(run(settings(tmp_path)))
    await standin.wait_for(lambda: standin.command_syncs == 1 and standin.gateway.identify_payloads)
    assert standin.gateway.identify_payloads[0]["intents"] == intents().value
    expected = intents()
    assert expected.guilds and expected.members and expected.message_content
    assert not expected.presences and not expected.typing and not expected.voice_states

    os.kill(os.getpid(), signal.SIGTERM)
    assert await asyncio.wait_for(task, timeout=15) == 0
    assert (tmp_path / "k.db").is_file()
