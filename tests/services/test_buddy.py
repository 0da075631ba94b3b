"""Buddy pairing service against a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio
import itertools
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from bot.errors import InvalidInput, NotConfigured, NotFound
from bot.services import buddy, guild_config, member_data
from bot.services.buddy import Screen
from bot.services.catalogue import PERSONAL_DATA
from bot.services.guild_config import ConfigItem
from db.engine import SessionFactory
from db.models import BuddyPair, BuddyRound

GUILD = 10
NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)  # a Monday
OLD = Screen(
    account_created_at=NOW - timedelta(days=400), joined_server_at=NOW - timedelta(days=90)
)


async def join_all(sessions: SessionFactory, *users: int, **prefs: str) -> None:
    async with sessions() as session:
        for user in users:
            await buddy.join(session, GUILD, user, NOW, **prefs)


def groups_of(plan: buddy.RoundPlan) -> set[frozenset[int]]:
    return {frozenset(g.members) for g in plan.groups}


async def test_join_validates_topics_times_and_timezone_and_saves_nothing_when_wrong(
    sessions: SessionFactory,
) -> None:
    async with sessions() as session:
        with pytest.raises(InvalidInput, match="`knitting`"):
            await buddy.join(session, GUILD, 1, NOW, topics="grief, knitting")
        with pytest.raises(InvalidInput, match="time zone"):
            await buddy.join(session, GUILD, 1, NOW, timezone="Mars/Olympus")
        with pytest.raises(NotFound):
            await buddy.status(session, GUILD, 1)
        profile = await buddy.join(
            session, GUILD, 1, NOW, topics="Grief,anxiety", timezone="europe/london",
            times="evening, morning",
        )  # fmt: skip
        assert profile.topics == "grief,anxiety"
        assert profile.timezone == "Europe/London" and profile.times == "morning,evening"
        settings = await buddy.get_settings(session, GUILD)
        assert settings.next_round_at == datetime(2026, 3, 2, 18, 0, tzinfo=UTC)  # later today


async def test_listener_needs_the_role_enabled_roles_and_an_old_enough_account(
    sessions: SessionFactory,
) -> None:
    async with sessions() as session:
        with pytest.raises(InvalidInput, match="not enabled"):
            await buddy.join(session, GUILD, 1, NOW, role="listener", screen=OLD)
        await buddy.update_settings(session, GUILD, NOW, roles_enabled=True)
        with pytest.raises(NotConfigured):
            await buddy.join(session, GUILD, 1, NOW, role="listener", screen=OLD)
        await buddy.update_settings(session, GUILD, NOW, listener_role_id=77)
        with pytest.raises(InvalidInput, match="listener role"):
            await buddy.join(session, GUILD, 1, NOW, role="listener", screen=OLD)
        young = Screen(role_ids=(77,), account_created_at=NOW - timedelta(days=2))
        with pytest.raises(InvalidInput, match="7 days old"):
            await buddy.join(session, GUILD, 1, NOW, role="listener", screen=young)
        await buddy.update_settings(session, GUILD, NOW, min_member_days=30)
        new_here = Screen((77,), NOW - timedelta(days=400), NOW - timedelta(days=3))
        with pytest.raises(InvalidInput, match="30 days"):
            await buddy.join(session, GUILD, 1, NOW, role="seeker", screen=new_here)
        ok = Screen((77,), NOW - timedelta(days=400), NOW - timedelta(days=31))
        assert (await buddy.join(session, GUILD, 1, NOW, role="listener", screen=ok)).role == (
            "listener"
        )


LISTENER_ROLE = 77
HOLDS = Screen((LISTENER_ROLE,), NOW - timedelta(days=400), NOW - timedelta(days=90))


async def seekers_and_listeners(sessions: SessionFactory) -> None:
    """Seekers 1 and 2, listeners 3 and 4, all joined while the listeners held the role."""
    async with sessions() as session:
        await buddy.update_settings(
            session, GUILD, NOW, roles_enabled=True, listener_role_id=LISTENER_ROLE
        )
        for user in (1, 2):
            await buddy.join(session, GUILD, user, NOW, role="seeker", screen=OLD)
        for user in (3, 4):
            await buddy.join(session, GUILD, user, NOW, role="listener", screen=HOLDS)


def answer(
    *, asked: set[int], holders: set[int], departed: frozenset[int] = frozenset()
) -> buddy.ListenerRoles:
    """What the cog would pass after asking Discord about ``asked``."""
    return buddy.ListenerRoles(frozenset(asked), frozenset(holders), departed)


async def test_a_listener_without_the_role_at_round_time_sits_out_and_is_told_once(
    sessions: SessionFactory,
) -> None:
    await seekers_and_listeners(sessions)
    async with sessions() as session:
        check = await buddy.listeners_to_check(session, GUILD)
        assert check == buddy.ListenerCheck(LISTENER_ROLE, (3, 4))
        # Listener 4's role was taken away since they joined.
        plan = await buddy.start_round(
            session, GUILD, "r1", NOW, listeners=answer(asked={3, 4}, holders={3})
        )
        assert plan is not None
        assert plan.lost_listener_role == (4,)
        assert all(4 not in g.members for g in plan.groups)
        (group,) = plan.groups  # a seeker still only meets a listener: the one with the role
        assert 3 in group.members and plan.round.pool_size == 3
        status = await buddy.status(session, GUILD, 4)
        assert status.profile.state == buddy.NEEDS_ROLE and status.profile.role == "listener"
        # Still without the role next round: left out again, but not told a second time.
        plan = await buddy.start_round(
            session, GUILD, "r2", NOW + timedelta(weeks=1),
            listeners=answer(asked={3, 4}, holders={3}),
        )  # fmt: skip
        assert plan is not None and plan.lost_listener_role == ()
        assert all(4 not in g.members for g in plan.groups)
        # The role is back: paired as a listener again, without having to do anything.
        plan = await buddy.start_round(
            session, GUILD, "r3", NOW + timedelta(weeks=2),
            listeners=answer(asked={3, 4}, holders={3, 4}),
        )  # fmt: skip
        assert plan is not None and plan.lost_listener_role == ()
        assert {u for g in plan.groups for u in g.members} == {1, 2, 3, 4}
        assert (await buddy.status(session, GUILD, 4)).profile.state == "active"


async def test_a_listener_who_lost_the_role_can_come_back_as_a_peer_or_rejoin(
    sessions: SessionFactory,
) -> None:
    await seekers_and_listeners(sessions)
    async with sessions() as session:
        await buddy.start_round(
            session, GUILD, "r1", NOW, listeners=answer(asked={3, 4}, holders=set())
        )
        # Asking to stay a listener without the role is refused, and changes nothing.
        with pytest.raises(InvalidInput, match="listener role"):
            await buddy.update_preferences(session, GUILD, 3, NOW, role="listener", screen=OLD)
        assert (await buddy.status(session, GUILD, 3)).profile.state == buddy.NEEDS_ROLE
        profile = await buddy.update_preferences(session, GUILD, 3, NOW, role="peer", screen=OLD)
        assert (profile.role, profile.state) == ("peer", "active")
        profile = await buddy.join(session, GUILD, 4, NOW, role="listener", screen=HOLDS)
        assert (profile.role, profile.state) == ("listener", "active")


async def test_listeners_who_left_the_server_are_marked_left_and_not_told(
    sessions: SessionFactory,
) -> None:
    await seekers_and_listeners(sessions)
    async with sessions() as session:
        plan = await buddy.start_round(
            session,
            GUILD,
            "r1",
            NOW,
            listeners=answer(asked={3, 4}, holders={3}, departed=frozenset({4})),
        )
        assert plan is not None and plan.lost_listener_role == ()
        assert all(4 not in g.members for g in plan.groups)
        with pytest.raises(NotFound):
            await buddy.status(session, GUILD, 4)
        assert (await buddy.listeners_to_check(session, GUILD)).user_ids == (3,)


async def test_listeners_sit_out_untold_when_discord_could_not_be_asked(
    sessions: SessionFactory,
) -> None:
    await seekers_and_listeners(sessions)
    async with sessions() as session:
        plan = await buddy.start_round(session, GUILD, "r1", NOW, listeners=None)
        assert plan is not None
        assert plan.groups == () and plan.unconfirmed_listeners == 2
        assert plan.lost_listener_role == () and plan.round.pool_size == 2
        assert (await buddy.status(session, GUILD, 3)).profile.state == "active"


async def test_a_listener_who_joined_after_discord_was_asked_is_paired(
    sessions: SessionFactory,
) -> None:
    await seekers_and_listeners(sessions)
    async with sessions() as session:
        # Listener 4 joined (with the role checked) after the cog asked about listener 3 only.
        plan = await buddy.start_round(
            session, GUILD, "r1", NOW, listeners=answer(asked={3}, holders={3})
        )
        assert plan is not None and plan.lost_listener_role == ()
        assert {u for g in plan.groups for u in g.members} == {1, 2, 3, 4}


async def test_a_round_pairs_by_topics_and_a_second_start_makes_no_second_set(
    sessions: SessionFactory,
) -> None:
    await join_all(sessions, 1, 2, topics="grief")
    await join_all(sessions, 3, 4, topics="parenting")
    await join_all(sessions, 5, topics="anxiety")
    async with sessions() as session:
        plan = await buddy.start_round(session, GUILD, "manual:x", NOW)
    assert plan is not None
    assert {frozenset((1, 2)), frozenset((3, 4))} <= {frozenset(g.members[:2]) for g in plan.groups}
    assert sorted(len(g.members) for g in plan.groups) == [2, 3]  # 5 joins a pair as a trio
    grief = next(g for g in plan.groups if 1 in g.members)
    assert "grief" in grief.shared_topics or len(grief.members) == 3

    async def again() -> buddy.RoundPlan | None:
        async with sessions() as session:
            return await buddy.start_round(session, GUILD, "manual:x", NOW)

    assert await asyncio.gather(again(), again()) == [None, None]
    async with sessions() as session:
        assert await session.scalar(select(func.count()).select_from(BuddyRound)) == 1
        assert await session.scalar(select(func.count()).select_from(BuddyPair)) == 2


async def test_scheduled_round_is_claimed_once_and_the_schedule_moves_on(
    sessions: SessionFactory,
) -> None:
    await join_all(sessions, 1, 2)
    async with sessions() as session:
        await guild_config.set_locale(session, GUILD, timezone="America/New_York", region=None)
        settings = await buddy.update_settings(
            session, GUILD, NOW, weekday=2, time_of_day="09:30", every_weeks=2
        )
        due = settings.next_round_at
        assert due == datetime(2026, 3, 4, 14, 30, tzinfo=UTC)  # 09:30 in New York (EST)
        assert await buddy.claim_scheduled_round(session, GUILD, due - timedelta(minutes=1)) is None
        key = await buddy.claim_scheduled_round(session, GUILD, due)
        assert key == "scheduled:2026-03-04T14:30"
        assert await buddy.claim_scheduled_round(session, GUILD, due) is None
        settings = await buddy.get_settings(session, GUILD)
        await session.refresh(settings)
        # Two weeks on, and New York has moved to daylight time by then.
        assert settings.next_round_at == datetime(2026, 3, 18, 13, 30, tzinfo=UTC)


async def test_blocks_paused_left_and_reported_members_are_not_paired(
    sessions: SessionFactory,
) -> None:
    await join_all(sessions, 1, 2, 3, 4, 5, 6)
    async with sessions() as session:
        await guild_config.set_item(session, GUILD, ConfigItem.ESCALATION_CHANNEL, 999)
        await buddy.block(session, GUILD, 1, 2, NOW)
        await buddy.pause(session, GUILD, 3, 2, NOW)
        await buddy.leave(session, GUILD, 4, NOW)
        report, channel = await buddy.report(session, GUILD, 6, 5, "was unkind\u202e", NOW)
        assert channel == 999 and report.reason == "was unkind"
        plan = await buddy.start_round(session, GUILD, "r1", NOW)
        assert plan is not None
        (group,) = plan.groups  # 1 and 2 blocked each other; 3 paused, 4 left, 5 reported
        assert 6 in group.members and len(group.members) == 2
        assert set(group.members) | set(plan.unmatched) == {1, 2, 6}
        await buddy.resolve_report(session, GUILD, report.id or 0, 99, NOW)
        # Three weeks later the pause is over and the report resolved: 3, 5 and 6 are back.
        plan = await buddy.start_round(session, GUILD, "r2", NOW + timedelta(weeks=3))
        assert plan is not None
        paired = {u for g in plan.groups for u in g.members}
        assert {3, 5} <= paired and 4 not in paired
        assert all(not {1, 2} <= set(g.members) for g in plan.groups)


async def test_no_repeats_within_n_rounds_while_another_choice_exists(
    sessions: SessionFactory,
) -> None:
    await join_all(sessions, 1, 2, 3, 4)
    seen: set[frozenset[int]] = set()
    async with sessions() as session:
        for week in range(3):
            plan = await buddy.start_round(session, GUILD, f"w{week}", NOW + timedelta(weeks=week))
            assert plan is not None
            pairs = groups_of(plan)
            assert not pairs & seen
            seen |= pairs
    assert seen == {frozenset(p) for p in itertools.combinations((1, 2, 3, 4), 2)}


async def test_follow_up_is_claimed_once_answers_are_recorded_and_bad_matches_count(
    sessions: SessionFactory,
) -> None:
    await join_all(sessions, 1, 2)
    async with sessions() as session:
        plan = await buddy.start_round(session, GUILD, "r1", NOW)
        assert plan is not None and plan.round.id is not None
        asks = await buddy.begin_followup(session, plan.round.id)
        assert asks is not None and {a.user_id for a in asks} == {1, 2}
        assert await buddy.begin_followup(session, plan.round.id) is None
        pair_id = plan.groups[0].pair_id
        await buddy.answer_followup(session, pair_id, 1, "bad_match", NOW)
        with pytest.raises(NotFound):
            await buddy.answer_followup(session, pair_id, 3, "yes", NOW)
        history = await buddy._history(session, GUILD, plan.round.id + 1, 4)
        assert history.bad_matches == {frozenset((1, 2)): 1}
        stats = await buddy.stats(session, GUILD)
        assert stats[0].answers == {"bad_match": 1, "none": 1} and stats[0].groups == 1


async def test_three_silent_rounds_in_a_row_ask_whether_to_stay_and_skip_until_answered(
    sessions: SessionFactory,
) -> None:
    await join_all(sessions, 1, 2, 3)
    async with sessions() as session:
        asked: tuple[int, ...] = ()
        for week in range(4):
            plan = await buddy.start_round(session, GUILD, f"w{week}", NOW + timedelta(weeks=week))
            assert plan is not None and plan.round.id is not None
            asked = plan.ghost_checks
            if week < 3:
                for ask in await buddy.begin_followup(session, plan.round.id) or []:
                    if ask.user_id != 3:  # member 3 never answers
                        await buddy.answer_followup(session, ask.pair_id, ask.user_id, "yes", NOW)
        assert asked == (3,)
        assert all(3 not in g.members for g in plan.groups)
        assert (await buddy.status(session, GUILD, 3)).profile.state == "asked"
        profile = await buddy.answer_ghost_check(session, GUILD, 3, "active", NOW)
        assert profile.state == "active" and profile.missed_followups == 0


async def test_rematch_ends_the_pair_and_status_shows_the_current_buddy(
    sessions: SessionFactory,
) -> None:
    await join_all(sessions, 1, 2)
    async with sessions() as session:
        await buddy.start_round(session, GUILD, "r1", NOW)
        status = await buddy.status(session, GUILD, 1)
        assert status.buddies == (2,)
        assert await buddy.current_buddy(session, GUILD, 1) == 2  # a check-in alert goes here
        pair, others = await buddy.rematch(session, GUILD, 1, NOW)
        assert others == [2] and pair.ended_at == NOW
        assert (await buddy.status(session, GUILD, 2)).buddies == ()
        assert await buddy.current_buddy(session, GUILD, 1) is None
        with pytest.raises(NotFound):
            await buddy.rematch(session, GUILD, 1, NOW)


async def test_a_block_is_in_the_blockers_export_and_never_in_the_blocked_members(
    sessions: SessionFactory,
) -> None:
    await join_all(sessions, 1, 2)
    async with sessions() as session:
        await buddy.block(session, GUILD, 1, 2, NOW)
        mine = await member_data.export_member_data(session, PERSONAL_DATA, GUILD, 1)
        theirs = await member_data.export_member_data(session, PERSONAL_DATA, GUILD, 2)
        assert mine["buddy_block"]["rows"][0]["blocked_id"] == 2
        assert theirs["buddy_block"]["rows"] == []
        await member_data.delete_member_data(session, PERSONAL_DATA, GUILD, 2)
        mine = await member_data.export_member_data(session, PERSONAL_DATA, GUILD, 1)
        assert mine["buddy_block"]["rows"][0]["blocked_id"] is None


async def test_settings_reject_out_of_range_values(sessions: SessionFactory) -> None:
    async with sessions() as session:
        with pytest.raises(InvalidInput, match="between 1 and 4"):
            await buddy.update_settings(session, GUILD, NOW, every_weeks=9)
        with pytest.raises(InvalidInput, match="HH:MM"):
            await buddy.update_settings(session, GUILD, NOW, time_of_day="25:00")
        settings = await buddy.update_settings(session, GUILD, NOW, topics="grief, Grief, loss")
        assert buddy.topics_of(settings) == ("grief", "loss")


async def test_a_round_missed_by_more_than_the_grace_period_is_skipped_not_run_late(
    sessions: SessionFactory,
) -> None:
    await join_all(sessions, 1, 2)
    async with sessions() as session:
        settings = await buddy.get_settings(session, GUILD)
        due = settings.next_round_at
        assert due is not None
        late = due + timedelta(days=2)
        assert await buddy.claim_scheduled_round(session, GUILD, late) is None
        await session.refresh(settings)
        assert settings.next_round_at is not None and settings.next_round_at > late


def test_times_of_day_become_utc_hours_in_the_members_time_zone() -> None:
    evening_utc = sum(1 << h for h in range(17, 22))
    assert buddy.hours_mask("UTC", ["evening"], NOW) == evening_utc
    # New York is UTC-5 in March before daylight time: 17:00-22:00 there is 22:00-03:00 UTC.
    assert buddy.hours_mask("America/New_York", ["evening"], NOW) == sum(
        1 << (h % 24) for h in range(22, 27)
    )


async def test_ground_rules_are_the_servers_own_or_the_defaults(sessions: SessionFactory) -> None:
    async with sessions() as session:
        assert await buddy.ground_rules(session, GUILD) == buddy.GROUND_RULES
        saved = await buddy.set_ground_rules(session, GUILD, "Be kind;\n\u200bNo advice ;", NOW)
        assert saved == ("Be kind", "No advice")
        assert await buddy.ground_rules(session, GUILD) == saved
        with pytest.raises(InvalidInput, match="1,500"):
            await buddy.set_ground_rules(session, GUILD, "x" * 1501, NOW)
        assert await buddy.ground_rules(session, GUILD) == saved  # nothing changed
        assert await buddy.set_ground_rules(session, GUILD, "default", NOW) == buddy.GROUND_RULES
        assert await buddy.ground_rules(session, GUILD) == buddy.GROUND_RULES
