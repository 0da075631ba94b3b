"""Settings are validated once, with one clear line per problem."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.settings import DEFAULT_DATABASE_URL, Settings, SettingsError
from standin import TEST_TOKEN


def test_defaults_with_only_a_token() -> None:
    settings = Settings.from_env({"DISCORD_TOKEN": TEST_TOKEN}, env_file=None)
    assert settings.database_url == DEFAULT_DATABASE_URL
    assert settings.log_level == "INFO"
    assert settings.dev_guild_id is None
    assert settings.crisis_encoder is True
    assert settings.application_id == 1098765432109876543


def test_env_file_is_read_and_environment_wins(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text(f"DISCORD_TOKEN={TEST_TOKEN}\nLOG_LEVEL=debug\nDEV_GUILD_ID=123\n")
    settings = Settings.from_env({"LOG_LEVEL": "warning"}, env_file=env_file)
    assert (settings.log_level, settings.dev_guild_id) == ("WARNING", 123)


@pytest.mark.parametrize(("given", "enabled"), [("off", False), ("false", False), ("on", True)])
def test_the_crisis_encoder_can_be_turned_off(given: str, enabled: bool) -> None:
    env = {"DISCORD_TOKEN": TEST_TOKEN, "CRISIS_ENCODER": given}
    assert Settings.from_env(env, env_file=None).crisis_encoder is enabled


def test_token_is_never_shown_in_repr() -> None:
    assert TEST_TOKEN not in repr(Settings(discord_token=TEST_TOKEN))


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "DISCORD_TOKEN is not set"),
        ({"DISCORD_TOKEN": "Bot abc"}, "DISCORD_TOKEN does not look like a bot token"),
        ({"DISCORD_TOKEN": f'"{TEST_TOKEN}"'}, "DISCORD_TOKEN does not look like a bot token"),
        ({"LOG_LEVEL": "loud"}, "LOG_LEVEL must be one of"),
        ({"DEV_GUILD_ID": "my server"}, "DEV_GUILD_ID must be a server id"),
        ({"DEV_GUILD_ID": "-5"}, "DEV_GUILD_ID must be a server id"),
        ({"DATABASE_URL": "mysql://u@h/db"}, "DATABASE_URL uses 'mysql'"),
        ({"DATABASE_URL": "not a url"}, "DATABASE_URL is not a database URL"),
        ({"DATABASE_URL": "sqlite://"}, "DATABASE_URL names no SQLite file"),
        ({"CRISIS_ENCODER": "maybe"}, "CRISIS_ENCODER must be on or off"),
    ],
)
def test_bad_settings_give_one_line_naming_the_setting(env: dict[str, str], expected: str) -> None:
    env = {"DISCORD_TOKEN": TEST_TOKEN} | env if "DISCORD_TOKEN" not in env and env else env
    with pytest.raises(SettingsError) as error:
        Settings.from_env(env, env_file=None)
    assert str(error.value).startswith(expected)
    assert "\n" not in str(error.value)


@pytest.mark.parametrize(
    ("given", "normalised"),
    [
        ("postgres://kin@db:5432/kinship", "postgresql+asyncpg://kin@db:5432/kinship"),
        ("postgresql://kin@db/kinship", "postgresql+asyncpg://kin@db/kinship"),
        ("sqlite:///data/x.db", "sqlite+aiosqlite:///data/x.db"),
    ],
)
def test_database_urls_are_mapped_to_async_drivers(given: str, normalised: str) -> None:
    settings = Settings.from_env(
        {"DISCORD_TOKEN": TEST_TOKEN, "DATABASE_URL": given}, env_file=None
    )
    assert settings.database_url == normalised


def test_debug_logging_keeps_discord_payloads_out_of_the_logs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root, library = logging.getLogger(), logging.getLogger("discord")
    monkeypatch.setattr(root, "level", root.level)
    monkeypatch.setattr(library, "level", library.level)
    Settings(discord_token=TEST_TOKEN, log_level="DEBUG").configure_logging()
    assert logging.getLogger("bot").getEffectiveLevel() == logging.DEBUG
    assert logging.getLogger("discord.http").getEffectiveLevel() == logging.INFO
    assert logging.getLogger("discord.gateway").getEffectiveLevel() == logging.INFO
