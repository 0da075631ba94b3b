"""Option types that several commands share."""

from __future__ import annotations

from discord import app_commands

from db.rows import MAX_ROW_ID

# A case, report, resource or meeting number: Discord refuses anything outside the range
# before the bot sees it.
RowId = app_commands.Range[int, 1, MAX_ROW_ID]
