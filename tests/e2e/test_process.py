"""The real `python -m bot` process against the stand-in: clean stops, nothing sensitive logged."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from bot.services import guild_config
from bot.services.guild_config import ConfigItem
from db.engine import create_engine, create_session_factory
from db.migrate import upgrade
from standin import TEST_TOKEN, DiscordStandIn

ROOT = Path(__file__).resolve().parents[2]
CRISIS_TEXT = "honestly i want to die, my cat Biscuit deserves better than me"


async def start_bot_process(
    standin: DiscordStandIn, database_url: str, cwd: Path, log_level: str = "INFO"
) -> asyncio.subprocess.Process:
    env = {k: v for k, v in os.environ.items() if k not in {"DISCORD_TOKEN", "DATABASE_URL"}}
    env |= {
        "DISCORD_TOKEN": TEST_TOKEN,
        "DATABASE_URL": database_url,
        "LOG_LEVEL": log_level,
        "PYTHONPATH": str(ROOT),
    }
    sessions_before = len(standin.gateway.identify_payloads)
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.e2e.bot_process",
        standin.base_url,
        standin.gateway_url,
        cwd=cwd,
        env=env,
        stderr=asyncio.subprocess.PIPE,
    )
    await standin.wait_for(
        lambda: len(standin.gateway.identify_payloads) > sessions_before, timeout=30
    )
    await standin.wait_for(lambda: standin.gateway.live_sessions, timeout=30)
    return process


async def stop(process: asyncio.subprocess.Process) -> tuple[int | None, str]:
    process.send_signal(signal.SIGINT)
    _, err = await asyncio.wait_for(process.communicate(), timeout=30)
    return process.returncode, err.decode()


async def test_sigint_stops_the_process_cleanly_every_time(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    standin.add_guild()
    url = f"sqlite+aiosqlite:///{tmp_path / 'k.db'}"
    for _ in range(4):
        process = await start_bot_process(standin, url, tmp_path)
        code, err = await stop(process)
        assert code == 0
        assert "Traceback" not in err and "ERROR" not in err, err[-2000:]
        assert "voice will NOT be supported" not in err


async def test_debug_logging_never_contains_message_text(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    guild = standin.add_guild("Peer Circle")
    alerts = standin.add_private_channel(guild.id, "mod-alerts")
    member = standin.add_user("member")
    standin.add_member(guild.id, member.id)
    url = f"sqlite+aiosqlite:///{tmp_path / 'k.db'}"
    engine = create_engine(url)
    await upgrade(engine)
    async with create_session_factory(engine)() as session:
        await guild_config.set_item(
            session, guild.id, ConfigItem.ESCALATION_CHANNEL, int(alerts["id"])
        )
    await engine.dispose()

    process = await start_bot_process(standin, url, tmp_path, log_level="DEBUG")
    await standin.post_message(guild.id, guild.system_channel_id, member.id, CRISIS_TEXT)
    await standin.wait_for(lambda: standin.messages.get(int(alerts["id"])), timeout=30)
    code, err = await stop(process)

    assert code == 0
    assert " DEBUG " in err  # DEBUG really was on
    assert "Biscuit" not in err and "want to die" not in err
