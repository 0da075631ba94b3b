"""How a server's crisis alerts escalate: the settings a moderator may change, in their units.

Moderators think in minutes and days; the table stores seconds. This module is the one place
that knows which settings exist, their ranges and their units."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import InvalidInput
from bot.services import guild_config
from db.models import GuildConfig

ContactMode = Literal["automatic", "approval"]
Severity = Literal["imminent", "high", "concern"]

# Inclusive ranges, in the units moderators use; 0 minutes means "never re-ping".
REPING_MINUTES: dict[Severity, tuple[int, int]] = {
    "imminent": (0, 1440),
    "high": (0, 1440),
    "concern": (0, 10080),
}
DAILY_CAP = (1, 100)
RETENTION_DAYS = (1, 3650)


@dataclass(frozen=True, slots=True)
class CrisisPolicy:
    scanning: bool
    contact: str
    reping_after: dict[str, timedelta | None]  # by severity
    daily_cap: int
    retention_days: int


@dataclass(frozen=True, slots=True)
class PolicyChange:
    """What a moderator asked to change; None leaves a setting as it is."""

    scanning: bool | None = None
    contact: ContactMode | None = None
    imminent_minutes: int | None = None
    high_minutes: int | None = None
    concern_minutes: int | None = None
    daily_cap: int | None = None
    retention_days: int | None = None

    def __bool__(self) -> bool:
        return any(getattr(self, name) is not None for name in self.__slots__)


def _in_range(value: int, bounds: tuple[int, int], what: str) -> int:
    low, high = bounds
    if not low <= value <= high:
        raise InvalidInput(f"{what} must be between {low} and {high}.")
    return value


def _columns(change: PolicyChange) -> dict[str, object]:
    """Validate every value first, so one bad value saves nothing."""
    values: dict[str, object] = {}
    if change.scanning is not None:
        values["crisis_scanning"] = change.scanning
    if change.contact is not None:
        if change.contact not in ("automatic", "approval"):
            raise InvalidInput("Member contact must be `automatic` or `approval`.")
        values["crisis_contact_mode"] = change.contact
    asked: tuple[tuple[Severity, int | None], ...] = (
        ("imminent", change.imminent_minutes),
        ("high", change.high_minutes),
        ("concern", change.concern_minutes),
    )
    for severity, minutes in asked:
        if minutes is not None:
            _in_range(minutes, REPING_MINUTES[severity], f"Re-ping minutes for {severity} cases")
            values[f"reescalate_{severity}_seconds"] = minutes * 60 or None
    if change.daily_cap is not None:
        values["supporter_daily_cap"] = _in_range(change.daily_cap, DAILY_CAP, "The daily cap")
    if change.retention_days is not None:
        values["case_retention_days"] = _in_range(
            change.retention_days, RETENTION_DAYS, "Days to keep closed cases"
        )
    return values


def policy_of(config: GuildConfig) -> CrisisPolicy:
    def delay(seconds: int | None) -> timedelta | None:
        return timedelta(seconds=seconds) if seconds else None

    return CrisisPolicy(
        scanning=config.crisis_scanning,
        contact=config.crisis_contact_mode,
        reping_after={
            "imminent": delay(config.reescalate_imminent_seconds),
            "high": delay(config.reescalate_high_seconds),
            "concern": delay(config.reescalate_concern_seconds),
        },
        daily_cap=config.supporter_daily_cap,
        retention_days=config.case_retention_days,
    )


async def get_policy(session: AsyncSession, guild_id: int) -> CrisisPolicy:
    return policy_of(await guild_config.get_config(session, guild_id))


async def update_policy(session: AsyncSession, guild_id: int, change: PolicyChange) -> CrisisPolicy:
    """Apply a moderator's change; out-of-range values raise InvalidInput and change nothing."""
    values = _columns(change)
    if not values:
        return await get_policy(session, guild_id)
    return policy_of(await guild_config.update_columns(session, guild_id, values))


def reping_delay(config: GuildConfig, severity: str) -> timedelta | None:
    """How long an unclaimed case of this severity waits before pinging again (None: never)."""
    return policy_of(config).reping_after.get(severity)
