"""Shared shape of Kinship's persistent components (discord.py DynamicItems)."""

from __future__ import annotations

import re
from typing import Any, Self

import discord


class FromCustomId:
    """Mixin for a DynamicItem: rebuild it after a restart from its custom id's named groups.

    The item's constructor takes the Discord item first, then one keyword per named group in its
    template; groups of digits arrive as ints."""

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> Self:
        groups = {k: int(v) if v.isdigit() else v for k, v in match.groupdict().items()}
        return cls(item, **groups)  # type: ignore[call-arg]
