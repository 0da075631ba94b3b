"""Every table Kinship owns; importing this module registers them all on SQLModel.metadata."""

from db.models.buddy import (
    BuddyBlock,
    BuddyPair,
    BuddyPairMember,
    BuddyProfile,
    BuddyReport,
    BuddyRound,
    BuddySettings,
)
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
from db.models.meetings import (
    Meeting,
    MeetingAnnouncement,
    MeetingFeedback,
    MeetingNotifyPreference,
    MeetingOccurrence,
    MeetingRsvp,
    MeetingSettings,
)
from db.models.resources import Resource, ResourceFlag, ResourceSearch, ResourceSettings

__all__ = [
    "OPEN_STATES",
    "BuddyBlock",
    "BuddyPair",
    "BuddyPairMember",
    "BuddyProfile",
    "BuddyReport",
    "BuddyRound",
    "BuddySettings",
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
    "Meeting",
    "MeetingAnnouncement",
    "MeetingFeedback",
    "MeetingNotifyPreference",
    "MeetingOccurrence",
    "MeetingRsvp",
    "MeetingSettings",
    "MemberCrisisPreference",
    "Resource",
    "ResourceFlag",
    "ResourceSearch",
    "ResourceSettings",
]
