"""Every table Kinship owns; importing this module registers them all on SQLModel.metadata."""

from db.models.guild import CommandSyncState, ConfigNotice, GuildConfig

__all__ = ["CommandSyncState", "ConfigNotice", "GuildConfig"]
