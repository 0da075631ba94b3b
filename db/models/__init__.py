"""Every table Kinship owns; importing this module registers them all on SQLModel.metadata."""

from db.models.crisis import (
    OPEN_STATES,
    CaseEvent,
    CrisisCase,
    CrisisTerm,
    DutyStatus,
    MemberCrisisPreference,
)
from db.models.guild import CommandSyncState, ConfigNotice, GuildConfig
from db.models.meetings import (
    Meeting,
    MeetingAnnouncement,
    MeetingFeedback,
    MeetingNotifyPreference,
    MeetingOccurrence,
    MeetingRsvp,
    MeetingSettings,
)

__all__ = [
    "OPEN_STATES",
    "CaseEvent",
    "CommandSyncState",
    "ConfigNotice",
    "CrisisCase",
    "CrisisTerm",
    "DutyStatus",
    "GuildConfig",
    "Meeting",
    "MeetingAnnouncement",
    "MeetingFeedback",
    "MeetingNotifyPreference",
    "MeetingOccurrence",
    "MeetingRsvp",
    "MeetingSettings",
    "MemberCrisisPreference",
]
