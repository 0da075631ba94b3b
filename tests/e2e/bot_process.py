"""Run `python -m bot` in a child process against a stand-in in the parent (test harness).

Usage: python -m tests.e2e.bot_process API_BASE GATEWAY_URL [bot args...]; settings come from the
environment exactly as for `python -m bot`."""

from __future__ import annotations

import sys

import discord
import yarl

from bot.__main__ import main

if __name__ == "__main__":
    api_base, gateway_url, *args = sys.argv[1:]
    discord.http.Route.BASE = api_base
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)
    sys.exit(main(args))
