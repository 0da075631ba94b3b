"""The configuration service against real databases."""

from __future__ import annotations

import pytest

from bot.errors import InvalidInput, NotConfigured
from bot.services import guild_config
from bot.services.guild_config import ChannelAccess, ConfigItem
from db.engine import SessionFactory

GUILD, OTHER_GUILD = 111, 222


async def test_unconfigured_server_reads_as_blank_and_everything_missing(
    sessions: SessionFactory,
) -> None:
    async with sessions() as session:
        config = await guild_config.get_config(session, GUILD)
    assert config.guild_id == GUILD
    assert guild_config.missing_items(config) == [
        i for i in ConfigItem if i not in guild_config.OPTIONAL_ITEMS
    ]


async def test_set_item_saves_and_is_scoped_to_its_server(sessions: SessionFactory) -> None:
    async with sessions() as session:
        await guild_config.set_item(session, GUILD, ConfigItem.ESCALATION_CHANNEL, 555)
    async with sessions() as session:
        mine = await guild_config.get_config(session, GUILD)
        theirs = await guild_config.get_config(session, OTHER_GUILD)
    assert mine.escalation_channel_id == 555
    assert theirs.escalation_channel_id is None
    assert ConfigItem.ESCALATION_CHANNEL not in guild_config.missing_items(mine)


async def test_set_item_with_none_clears_it(sessions: SessionFactory) -> None:
    async with sessions() as session:
        await guild_config.set_item(session, GUILD, ConfigItem.MODERATOR_ROLE, 9)
        await guild_config.set_item(session, GUILD, ConfigItem.MODERATOR_ROLE, None)
    async with sessions() as session:
        assert (await guild_config.get_config(session, GUILD)).moderator_role_id is None


async def test_set_locale_validates_both_before_saving_either(sessions: SessionFactory) -> None:
    async with sessions() as session:
        with pytest.raises(InvalidInput, match="not a country"):
            await guild_config.set_locale(
                session, GUILD, timezone="Europe/Dublin", region="Atlantis"
            )
    async with sessions() as session:
        config = await guild_config.get_config(session, GUILD)
    assert (config.timezone, config.region) == (None, None)


async def test_set_locale_stores_canonical_names(sessions: SessionFactory) -> None:
    async with sessions() as session:
        await guild_config.set_locale(session, GUILD, timezone="america/new_york", region="Ireland")
    async with sessions() as session:
        config = await guild_config.get_config(session, GUILD)
    assert (config.timezone, config.region) == ("America/New_York", "IE")


async def test_require_points_to_setup_and_explains_a_deleted_channel(
    sessions: SessionFactory,
) -> None:
    async with sessions() as session:
        with pytest.raises(NotConfigured, match="/setup"):
            await guild_config.require(session, GUILD, ConfigItem.ESCALATION_CHANNEL)
        await guild_config.set_item(session, GUILD, ConfigItem.ESCALATION_CHANNEL, 77)
        await guild_config.set_item(session, GUILD, ConfigItem.CHECKIN_CHANNEL, 77)
        assert await guild_config.require(session, GUILD, ConfigItem.ESCALATION_CHANNEL) == 77

        cleared = await guild_config.forget_deleted(session, GUILD, 77, is_role=False)
        assert set(cleared) == {ConfigItem.ESCALATION_CHANNEL, ConfigItem.CHECKIN_CHANNEL}
        with pytest.raises(NotConfigured, match="was deleted"):
            await guild_config.require(session, GUILD, ConfigItem.ESCALATION_CHANNEL)
        assert len(await guild_config.notices(session, GUILD)) == 2

        # Choosing a new channel settles the notice for that item only.
        await guild_config.set_item(session, GUILD, ConfigItem.ESCALATION_CHANNEL, 78)
        remaining = await guild_config.notices(session, GUILD)
    assert remaining == ["the check-in channel was deleted; choose a new channel with /setup"]


async def test_forget_deleted_ignores_unrelated_ids_and_other_servers(
    sessions: SessionFactory,
) -> None:
    async with sessions() as session:
        await guild_config.set_item(session, GUILD, ConfigItem.MODERATOR_ROLE, 5)
        assert await guild_config.forget_deleted(session, GUILD, 6, is_role=True) == []
        assert await guild_config.forget_deleted(session, OTHER_GUILD, 5, is_role=True) == []
        assert await guild_config.forget_deleted(session, GUILD, 5, is_role=False) == []
        assert await guild_config.forget_deleted(session, GUILD, 5, is_role=True) == [
            ConfigItem.MODERATOR_ROLE
        ]


def _access(**overrides: bool) -> ChannelAccess:
    values = dict(bot_can_view=True, bot_can_send=True, bot_can_embed=True, everyone_can_view=False)
    values.update(overrides)
    return ChannelAccess(name="mods", **values)


def test_channel_check_names_every_missing_bot_permission() -> None:
    with pytest.raises(InvalidInput) as refused:
        guild_config.check_channel_access(
            ConfigItem.ANNOUNCEMENTS_CHANNEL, _access(bot_can_send=False, bot_can_embed=False)
        )
    assert "Send Messages, Embed Links" in refused.value.message
    assert "View Channel" not in refused.value.message


def test_escalation_channel_must_be_private_but_others_may_be_public() -> None:
    with pytest.raises(InvalidInput, match="@everyone"):
        guild_config.check_channel_access(
            ConfigItem.ESCALATION_CHANNEL, _access(everyone_can_view=True)
        )
    guild_config.check_channel_access(
        ConfigItem.ANNOUNCEMENTS_CHANNEL, _access(everyone_can_view=True)
    )
    guild_config.check_channel_access(ConfigItem.ESCALATION_CHANNEL, _access())


@pytest.mark.parametrize(
    ("role_ids", "manage_guild", "expected"),
    [([], True, True), ([42], False, True), ([41, 43], False, False), ([], False, False)],
)
def test_moderator_is_manage_server_or_the_configured_role(
    role_ids: list[int], manage_guild: bool, expected: bool
) -> None:
    config = guild_config.GuildConfig(guild_id=GUILD, moderator_role_id=42)
    assert (
        guild_config.grants_moderator(config, role_ids=role_ids, manage_guild=manage_guild)
        is expected
    )


def test_without_a_moderator_role_only_manage_server_counts() -> None:
    config = guild_config.GuildConfig(guild_id=GUILD)
    assert not guild_config.grants_moderator(config, role_ids=[1, 2], manage_guild=False)


@pytest.mark.parametrize(
    "text", ["Mars/Olympus", "", "Europe/Londn", "x" * 200, "Ünïcode/Zöne\u200b"]
)
def test_unknown_time_zones_are_refused_with_a_readable_message(text: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        guild_config.resolve_timezone(text)
    assert "not a time zone" in refused.value.message
    assert len(refused.value.message) < 400


def test_timezone_typo_gets_suggestions() -> None:
    with pytest.raises(InvalidInput, match="Europe/London"):
        guild_config.resolve_timezone("Europe/Londn")


def test_timezone_and_region_suggestions_fit_autocomplete() -> None:
    assert "Europe/London" in guild_config.timezone_suggestions("lond")
    assert len(guild_config.timezone_suggestions("")) == 25
    assert ("Ireland", "IE") in guild_config.region_suggestions("ire")
    assert len(guild_config.region_suggestions("")) <= 25


@pytest.mark.parametrize(
    ("text", "code"), [("ie", "IE"), ("IRL", "IE"), ("uk", "GB"), ("Germany", "DE")]
)
def test_regions_accept_names_and_codes(text: str, code: str) -> None:
    assert guild_config.resolve_region(text) == code
