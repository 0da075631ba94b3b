"""Start-up benchmark: seconds from ``bot.start()`` to on_ready, and the bot's memory, at scale.

    .venv/bin/python benchmarks/bench_startup.py [--guilds 1000 --members 200]

The Discord stand-in (standin/) serves ``--guilds`` servers of ``--members`` members
each (the bot and the owner included) from a separate process, so the RSS figures are the
bot's alone. Each bot start also runs in a fresh process of its own, against a fresh stand-in
and a fresh temporary SQLite file, so the two rows cannot share caches or heap:

* ``kinship``: the real KinshipBot, exactly as ``python -m bot`` builds it;
* ``default member cache``: a KinshipBot whose constructor keeps discord.py's default
  ``member_cache_flags`` (everything the intents allow); nothing else differs.

"seconds to ready" includes discord.py's ``guild_ready_timeout`` (2 s by default, as in
production): after the last GUILD_CREATE it waits that long for more before on_ready.
"last guild" is when the last GUILD_CREATE had been processed. Everything talks to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import logging
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SERVER_TIMEOUT = 900  # the stand-in process gives up by itself after this many seconds
BOT_TIMEOUT = 600  # a bot run that is not ready and closed by then is killed
HEARTBEAT = 10  # seconds between "still waiting" lines while a bot connects


def progress(message: str) -> None:
    """What the benchmark is doing now, on stderr (the table goes to stdout)."""
    print(message, file=sys.stderr, flush=True)


def status_kib(field: str) -> int:
    """A ``/proc/self/status`` figure (VmRSS, VmHWM) in KiB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(f"{field}:"):
                return int(line.split()[1])
    raise LookupError(field)


# --- the stand-in process ------------------------------------------------------------------------


async def serve(guilds: int, members: int) -> None:
    """Builds the world, prints ``PORT <n>``, serves until stdin closes (or SERVER_TIMEOUT)."""
    from standin import DiscordStandIn

    standin = DiscordStandIn()
    for i in range(guilds):
        # add_guild adds the bot and an owner itself: member_count=members-2 gives `members`.
        standin.add_guild(f"Community {i}", member_count=max(0, members - 2))
    await standin.start()
    port = standin.base_url.split(":")[2].split("/")[0]
    print(f"PORT {port}", flush=True)
    loop = asyncio.get_running_loop()
    try:
        # The parent closes our stdin when it is done (or dies): that is the stop signal.
        await asyncio.wait_for(loop.run_in_executor(None, sys.stdin.read), SERVER_TIMEOUT)
    except TimeoutError:
        print("stand-in: timed out, stopping", file=sys.stderr)
    finally:
        await standin.close()


# --- the bot process ---------------------------------------------------------------------------


def make_bot_class(variant: str) -> type:
    import discord
    from discord.ext import commands

    from bot.bot import KinshipBot

    if variant == "kinship":
        return KinshipBot

    class DefaultMemberCache(commands.Bot):
        """Sits between KinshipBot and commands.Bot in the MRO; drops only the cache flags."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["member_cache_flags"] = discord.MemberCacheFlags.from_intents(kwargs["intents"])
            super().__init__(*args, **kwargs)

    class KinshipWithDefaultMemberCache(KinshipBot, DefaultMemberCache):
        pass

    return KinshipWithDefaultMemberCache


async def run_bot(variant: str, port: int, ready_timeout: float) -> dict[str, Any]:
    import discord
    import yarl

    from bot.settings import Settings
    from standin import TEST_TOKEN

    discord.http.Route.BASE = f"http://127.0.0.1:{port}/api/v10"
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(f"ws://127.0.0.1:{port}/")

    with tempfile.TemporaryDirectory(prefix="kinship-bench-") as tmp:
        url = f"sqlite+aiosqlite:///{Path(tmp) / 'kinship.db'}"
        bot = await make_bot_class(variant).create(
            Settings(discord_token=TEST_TOKEN, database_url=url)
        )
        marks: dict[str, float] = {}

        async def on_guild_available(guild: discord.Guild) -> None:
            marks["last_guild"] = time.perf_counter()

        async def on_ready() -> None:
            marks.setdefault("ready", time.perf_counter())

        bot.add_listener(on_guild_available)
        bot.add_listener(on_ready)
        gc.collect()
        rss_before = status_kib("VmRSS")

        async with bot:
            started = time.perf_counter()
            task = asyncio.create_task(bot.start(TEST_TOKEN), name="kinship")
            ready = asyncio.create_task(bot.wait_until_ready())
            done, _ = await asyncio.wait(
                {task, ready}, timeout=ready_timeout, return_when=asyncio.FIRST_COMPLETED
            )
            try:
                if ready not in done:
                    ready.cancel()
                    if task in done:
                        task.result()  # re-raises what ended bot.start()
                    raise TimeoutError(f"bot not ready within {ready_timeout}s")
                # on_ready runs as a task; make sure our listener has stamped it.
                await asyncio.sleep(0)
                gc.collect()
                result = {
                    "variant": variant,
                    "guilds": len(bot.guilds),
                    "available": sum(not g.unavailable for g in bot.guilds),
                    "member_count": sum(g.member_count or 0 for g in bot.guilds),
                    "cached_members": len(list(bot.get_all_members())),
                    "cached_users": len(bot.users),
                    "seconds_to_ready": marks.get("ready", time.perf_counter()) - started,
                    "seconds_to_last_guild": marks.get("last_guild", started) - started,
                    "guild_ready_timeout": bot._connection.guild_ready_timeout,
                    "rss_before_kib": rss_before,
                    "rss_ready_kib": status_kib("VmRSS"),
                    "hwm_kib": status_kib("VmHWM"),
                }
            finally:
                await bot.close()
                outcome = (await asyncio.gather(task, return_exceptions=True))[0]
        if isinstance(outcome, BaseException) and not isinstance(outcome, asyncio.CancelledError):
            raise outcome
        result["closed_cleanly"] = bot.is_closed()
    return result


# --- the orchestrating process -------------------------------------------------------------------


def start_server(guilds: int, members: int) -> tuple[subprocess.Popen[str], int, float]:
    began = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve", "--guilds", str(guilds), "--members", str(members)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert server.stdout is not None
    line = server.stdout.readline()
    if not line.startswith("PORT "):
        server.kill()
        server.wait()
        raise RuntimeError(f"stand-in did not start (said {line!r})")
    return server, int(line.split()[1]), time.perf_counter() - began


def stop_server(server: subprocess.Popen[str]) -> None:
    assert server.stdin is not None
    server.stdin.close()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def measure(variant: str, guilds: int, members: int, ready_timeout: float) -> dict[str, Any]:
    progress(f"  {variant}: building {guilds} guilds x {members} members in the stand-in")
    server, port, built = start_server(guilds, members)
    print(f"  stand-in up on 127.0.0.1:{port} ({built:.1f} s to build {guilds} guilds)")
    try:
        out, err, returncode = run_bot_process(variant, port, ready_timeout)
    finally:
        stop_server(server)
    if returncode != 0:
        raise RuntimeError(f"bot run {variant!r} failed:\n{err}")
    # discord.py warns that voice support is not installed; Kinship has no voice. Show the rest.
    noise = "voice will NOT be supported"
    stderr = [line for line in err.splitlines() if noise not in line]
    if stderr:
        print("\n".join(stderr), file=sys.stderr)
    return json.loads(out.strip().splitlines()[-1])


def run_bot_process(variant: str, port: int, ready_timeout: float) -> tuple[str, str, int]:
    """Runs one bot start in its own process, saying every HEARTBEAT seconds that it still runs."""
    command = [sys.executable, __file__, "--bot", variant, "--port", str(port)]
    command += ["--ready-timeout", str(ready_timeout)]
    began = time.perf_counter()
    bot = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT
    )
    progress(f"  {variant}: bot process {bot.pid} connecting")
    while True:
        try:
            out, err = bot.communicate(timeout=HEARTBEAT)
        except subprocess.TimeoutExpired:
            waited = time.perf_counter() - began
            if waited > BOT_TIMEOUT:
                bot.kill()
                out, err = bot.communicate()
                return out, err + f"\nkilled after {BOT_TIMEOUT} s", 1
            progress(f"  {variant}: still connecting ({waited:.0f} s)")
            continue
        progress(f"  {variant}: bot process done after {time.perf_counter() - began:.1f} s")
        return out, err, bot.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--guilds", type=int, default=1000)
    parser.add_argument("--members", type=int, default=200, help="per guild, bot included")
    parser.add_argument("--ready-timeout", type=float, default=300)
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--bot", choices=("kinship", "default-cache"), help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.serve:
        asyncio.run(serve(args.guilds, args.members))
        return 0
    if args.bot:
        logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
        result = asyncio.run(run_bot(args.bot, args.port, args.ready_timeout))
        print(json.dumps(result))
        return 0

    print(
        f"Start-up benchmark: {args.guilds} guilds x {args.members} members "
        f"(python {sys.version.split()[0]}, pid {os.getpid()})"
    )
    rows = []
    for variant in ("kinship", "default-cache"):
        print(f"- {variant}:")
        rows.append(measure(variant, args.guilds, args.members, args.ready_timeout))

    labels = {"kinship": "kinship (no member cache)", "default-cache": "default member cache"}
    header = (
        f"{'bot':<27} {'guilds':>6} {'members/guild':>13} {'s to last guild':>15} "
        f"{'s to ready':>10} {'RSS MiB':>8} {'peak MiB':>8} {'cached members':>14}"
    )
    print()
    print(header)
    print("-" * len(header))
    for r in rows:
        per_guild = r["member_count"] / r["guilds"] if r["guilds"] else 0
        print(
            f"{labels[r['variant']]:<27} {r['guilds']:>6} {per_guild:>13.0f} "
            f"{r['seconds_to_last_guild']:>15.2f} {r['seconds_to_ready']:>10.2f} "
            f"{r['rss_ready_kib'] / 1024:>8.1f} {r['hwm_kib'] / 1024:>8.1f} "
            f"{r['cached_members']:>14,}"
        )
    print()
    base = rows[0]
    print(
        f"RSS before start() (bot built, cogs not loaded): {base['rss_before_kib'] / 1024:.1f} MiB;"
        f" guild_ready_timeout {base['guild_ready_timeout']:.1f} s is included in 's to ready'."
    )
    problems = [
        r["variant"]
        for r in rows
        if r["available"] != args.guilds or not r["closed_cleanly"] or r["guilds"] != args.guilds
    ]
    if problems:
        print(f"PROBLEM: not every guild was available, or a bot did not close: {problems}")
        return 1
    print(
        "Both bots saw every guild available and closed cleanly. Kinship's cached members are "
        "its own member object in each guild."
    )
    return 0


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        sys.exit(main())
