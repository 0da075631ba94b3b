"""Every table Kinship owns; importing this module registers them all on SQLModel.metadata."""

from db.models.checkins import CheckIn, CheckinGuildSettings, CheckinMember
from db.models.crisis import (
    OPEN_STATES,
    CaseEvent,
    CrisisCase,
    CrisisTerm,
    DutyStatus,
    MemberCrisisPreference,
)
from db.models.guild import CommandSyncState, ConfigNotice, GuildConfig

__all__ = [
    "OPEN_STATES",
    "CaseEvent",
    "CheckIn",
    "CheckinGuildSettings",
    "CheckinMember",
    "CommandSyncState",
    "ConfigNotice",
    "CrisisCase",
    "CrisisTerm",
    "DutyStatus",
    "GuildConfig",
    "MemberCrisisPreference",
]
