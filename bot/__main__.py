"""`python -m bot` runs Kinship; `python -m bot invite` prints the link to add it to a server."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys

import aiohttp
import discord
from sqlalchemy.exc import SQLAlchemyError

from bot.bot import KinshipBot
from bot.permissions import REASONS, invite_url
from bot.settings import Settings, SettingsError

log = logging.getLogger("bot")


def _reason(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc) or type(exc).__name__
    return text.splitlines()[0][:200]


def fail(message: str) -> int:
    print(f"kinship: {message}", file=sys.stderr)
    return 2


async def run(settings: Settings) -> int:
    try:
        bot = await KinshipBot.create(settings)
    except (OSError, SQLAlchemyError) as exc:
        return fail(
            f"DATABASE_URL: cannot open the database ({_reason(exc)}). Check that the server is "
            "running and the URL, user and database name are right."
        )

    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, bot.request_close)
    try:
        async with bot:
            await bot.start(settings.discord_token)
    except discord.LoginFailure:
        return fail(
            "DISCORD_TOKEN was rejected by Discord. Reset it in Developer Portal > Bot and "
            "update .env."
        )
    except (OSError, aiohttp.ClientError, discord.GatewayNotFound) as exc:
        return fail(
            f"cannot reach Discord ({_reason(exc)}). Check this machine's internet connection, "
            "DNS and firewall, then start again."
        )
    except discord.PrivilegedIntentsRequired:
        return fail(
            "Discord refused the privileged intents. In Developer Portal > your application > "
            "Bot, turn on SERVER MEMBERS INTENT and MESSAGE CONTENT INTENT, then start again."
        )
    finally:
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)
        # discord.py's own exit path skips close() once closing has begun, so the shutdown a
        # signal started must be awaited here, or asyncio.run cancels it mid-way.
        await bot.close()
    return 0


HELP = """\
commands:
  run      connect to Discord and serve every server the bot is in (the default)
  invite   print the link that adds the bot to a server, and why it asks for each permission

settings come from the environment and from a .env file in the folder you run this from
(the environment wins); config.example.env documents each one: DISCORD_TOKEN (required),
DATABASE_URL (default: data/kinship.db under that same folder), LOG_LEVEL, DEV_GUILD_ID.
A missing or malformed setting stops the bot with one line naming it and exit code 2."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="Kinship, a Discord bot for peer-support communities.",
        epilog=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("command", nargs="?", choices=("run", "invite"), default="run")
    args = parser.parse_args(argv)
    try:
        settings = Settings.from_env(dict(os.environ))
        application_id = settings.application_id
    except SettingsError as exc:
        return fail(str(exc))

    if args.command == "invite":
        print(invite_url(application_id))
        print("\nPermissions asked for:", file=sys.stderr)
        for name, reason in REASONS.items():
            print(f"  {name.replace('_', ' ')}: {reason}", file=sys.stderr)
        return 0

    settings.configure_logging()
    return asyncio.run(run(settings))


if __name__ == "__main__":
    sys.exit(main())
