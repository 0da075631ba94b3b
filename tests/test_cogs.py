"""Every cog loads, and the command set it builds is one Discord will accept."""

from __future__ import annotations

from pathlib import Path

from discord import app_commands

from bot.bot import KinshipBot, cog_modules
from bot.settings import Settings
from standin import TEST_TOKEN


async def test_every_cog_loads_and_commands_are_unique_and_described(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'k.db'}"
    bot = await KinshipBot.create(Settings(discord_token=TEST_TOKEN, database_url=url))
    try:
        modules = cog_modules()
        assert "cogs.setup" in modules and "cogs.crisis" in modules
        assert not any(m.rsplit(".", 1)[1].startswith("_") for m in modules)
        # A package cog is one extension: its submodules are never loaded on their own.
        assert not [m for m in modules if m.startswith("cogs.crisis.")]
        for module in modules:
            await bot.load_extension(module)

        assert [e for e in bot.extensions if e.startswith("cogs.crisis")] == ["cogs.crisis"]

        top_level = [c.name for c in bot.tree.get_commands()]
        assert len(top_level) == len(set(top_level))
        for command in bot.tree.walk_commands():
            assert 1 <= len(command.description) <= 100, command.qualified_name
            if isinstance(command, app_commands.Command):
                for parameter in command.parameters:
                    assert parameter.description and parameter.description != "…", (
                        command.qualified_name,
                        parameter.name,
                    )
            payload = command.to_dict(bot.tree)
            assert len(payload.get("options", [])) <= 25
    finally:
        await bot.engine.dispose()
