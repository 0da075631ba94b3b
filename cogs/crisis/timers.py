"""The crisis cog's wake-ups, on the bot's clock: delivery retries, re-escalation of unclaimed
cases, the claimer's reminder and the periodic purge.

The database is the truth: each case row says when its next attempt, re-ping and reminder are
due, ``schedule`` turns that into timers (and is rebuilt from the rows at start-up), and every
job starts with the service's atomic state change, so a timer that fires twice does nothing."""

from __future__ import annotations

import logging
from datetime import timedelta

from bot.bot import KinshipBot
from bot.services import escalation
from cogs.crisis import render
from cogs.crisis.delivery import Delivery
from db.models import CrisisCase

log = logging.getLogger(__name__)

PREFIX = "crisis:"
PURGE_EVERY = timedelta(hours=6)
FIRST_PURGE = timedelta(minutes=1)


class CaseTimers:
    def __init__(self, bot: KinshipBot, delivery: Delivery) -> None:
        self.bot = bot
        self.delivery = delivery

    async def start(self) -> None:
        await self.rebuild()
        self.bot.timers.every(
            f"{PREFIX}purge",
            PURGE_EVERY,
            self.purge,
            first=self.bot.clock.now() + FIRST_PURGE,
        )

    def stop(self) -> None:
        self.bot.timers.cancel_prefix(PREFIX)

    async def rebuild(self) -> None:
        """Every pending delivery, re-escalation and reminder, from the rows."""
        async with self.bot.sessions() as session:
            cases = await escalation.cases_with_timers(session)
        for case in cases:
            self.schedule(case)
        if cases:
            log.info("Rebuilt timers for %d open crisis cases", len(cases))

    def schedule(self, case: CrisisCase) -> None:
        """Set (or cancel) the case's three timers to match its row."""
        assert case.id is not None
        now = self.bot.clock.now()
        due = {
            "deliver": None if case.delivered else (case.next_delivery_at or now),
            "escalate": case.next_escalation_at,
            "remind": case.reminder_at,
        }
        work = {"deliver": self.deliver, "escalate": self.escalate, "remind": self.remind}
        for kind, when in due.items():
            timer_id = f"{PREFIX}{kind}:{case.id}"
            if when is None or not case.is_open:
                self.bot.timers.cancel(timer_id)
            else:
                self.bot.timers.at(timer_id, when, work[kind], case.id)

    async def deliver(self, case_id: int) -> bool:
        """Try to post the alert now; on failure the next attempt is scheduled (backoff)."""
        case = await self.delivery.deliver(case_id)
        if case is None:
            return False
        self.schedule(case)
        return case.delivered

    async def escalate(self, case_id: int) -> None:
        now = self.bot.clock.now()
        async with self.bot.sessions() as session:
            case = await escalation.find_case(session, case_id)
            guild = self.bot.get_guild(case.guild_id) if case else None
            step = await escalation.take_escalation_step(
                session, case_id, now, owner_id=guild.owner_id if guild else None
            )
        if step is None:
            return
        await self.delivery.notify(
            step.case,
            f"⏰ Case #{step.case.id} ({step.case.severity}) has waited "
            f"{render.waited_minutes(step.case, now)} min unclaimed.",
            step.targets,
        )
        self.schedule(step.case)

    async def remind(self, case_id: int) -> None:
        async with self.bot.sessions() as session:
            case = await escalation.take_due_reminder(session, case_id, self.bot.clock.now())
        if case is not None:
            await self.delivery.remind_claimer(case)

    async def purge(self) -> None:
        async with self.bot.sessions() as session:
            purged = await escalation.purge_expired(session, self.bot.clock.now())
        if purged:
            log.info("Purged %d closed crisis cases past retention", purged)
