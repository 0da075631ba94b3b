"""`python -m bot` runs Kinship; `python -m bot invite` prints the link to add it to a server."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys

import discord
from sqlalchemy.exc import SQLAlchemyError

from bot.bot import KinshipBot
from bot.permissions import REASONS, invite_url
from bot.settings import Settings, SettingsError

log = logging.getLogger("bot")


def fail(message: str) -> int:
    print(f"kinship: {message}", file=sys.stderr)
    return 2


async def run(settings: Settings) -> int:
    try:
        bot = await KinshipBot.create(settings)
    except (OSError, SQLAlchemyError) as exc:
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0][:200]
        return fail(
            f"DATABASE_URL: cannot open the database ({reason}). Check that the server is "
            "running and the URL, user and database name are right."
        )

    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, lambda: bot.spawn(bot.close(), name="shutdown"))
    try:
        async with bot:
            await bot.start(settings.discord_token)
    except discord.LoginFailure:
        return fail(
            "DISCORD_TOKEN was rejected by Discord. Reset it in Developer Portal > Bot and "
            "update .env."
        )
    except discord.PrivilegedIntentsRequired:
        return fail(
            "Discord refused the privileged intents. In Developer Portal > your application > "
            "Bot, turn on SERVER MEMBERS INTENT and MESSAGE CONTENT INTENT, then start again."
        )
    finally:
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)
        await bot.engine.dispose()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    parser.add_argument("command", nargs="?", choices=("run", "invite"), default="run")
    args = parser.parse_args(argv)
    try:
        settings = Settings.from_env(dict(os.environ))
    except SettingsError as exc:
        return fail(str(exc))

    if args.command == "invite":
        print(invite_url(settings.application_id))
        print("\nPermissions asked for:", file=sys.stderr)
        for name, reason in REASONS.items():
            print(f"  {name.replace('_', ' ')}: {reason}", file=sys.stderr)
        return 0

    settings.configure_logging()
    return asyncio.run(run(settings))


if __name__ == "__main__":
    sys.exit(main())
