"""Typed settings, read once from the environment and a `.env` file and validated at start-up."""

from __future__ import annotations

import base64
import binascii
import logging
import re
from pathlib import Path
from typing import Annotated, Any, Literal

from dotenv import dotenv_values
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///data/kinship.db"

# Three base64url parts: the bot's user id, a timestamp and an HMAC. Checking the shape catches
# the usual paste mistakes (quotes, "Bot " prefix, the client secret) before we dial Discord.
_TOKEN_SHAPE = re.compile(r"^[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}$")

_DRIVERS = {
    "sqlite": "sqlite+aiosqlite",
    "sqlite+aiosqlite": "sqlite+aiosqlite",
    "postgres": "postgresql+asyncpg",
    "postgresql": "postgresql+asyncpg",
    "postgresql+asyncpg": "postgresql+asyncpg",
}


# Loggers that write message payloads or statement values, and the most they may say.
# SQLAlchemy's engine logger prints every statement with its values already at INFO.
PAYLOAD_LOGGERS = {
    "discord": logging.INFO,
    "aiosqlite": logging.INFO,
    "asyncpg": logging.INFO,
    "alembic": logging.INFO,
    "apscheduler": logging.INFO,
    "sqlalchemy": logging.WARNING,
}


class SettingsError(Exception):
    """A setting is missing or malformed; the message names it and says how to fix it."""


def _check_token(token: str) -> str:
    token = token.strip()
    if not _TOKEN_SHAPE.fullmatch(token):
        raise ValueError(
            "does not look like a bot token: copy it from Developer Portal > your application "
            "> Bot > Reset Token (without quotes or a 'Bot ' prefix)"
        )
    return token


def normalise_database_url(raw: str) -> str:
    """Accept the URLs people paste and map them onto the async drivers Kinship uses."""
    try:
        url = make_url(raw.strip())
    except ArgumentError:
        raise ValueError(
            "is not a database URL; use e.g. sqlite+aiosqlite:///data/kinship.db or "
            "postgresql+asyncpg://user@host:5432/dbname"
        ) from None
    driver = _DRIVERS.get(url.drivername)
    if driver is None:
        raise ValueError(
            f"uses '{url.drivername}', which Kinship does not support; use sqlite+aiosqlite:// "
            "or postgresql+asyncpg://"
        )
    if driver.startswith("sqlite") and not url.database:
        raise ValueError("names no SQLite file; use e.g. sqlite+aiosqlite:///data/kinship.db")
    return url.set(drivername=driver).render_as_string(hide_password=False)


class Settings(BaseModel):
    """Everything Kinship reads from its environment. Tests construct it directly."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    discord_token: Annotated[str, AfterValidator(_check_token)] = Field(repr=False)
    database_url: str = DEFAULT_DATABASE_URL
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    dev_guild_id: int | None = Field(default=None, gt=0)
    # The crisis engine's sentence encoder costs about 420 MiB of memory once loaded.
    crisis_encoder: bool = True

    @field_validator("database_url")
    @classmethod
    def _database_url(cls, value: str) -> str:
        return normalise_database_url(value)

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.strip().upper() if isinstance(value, str) else value

    @property
    def application_id(self) -> int:
        """The bot's user id, which is its application id, decoded from the token's first part."""
        first = self.discord_token.split(".", 1)[0]
        try:
            return int(base64.urlsafe_b64decode(first + "=" * (-len(first) % 4)))
        except (binascii.Error, ValueError):
            raise SettingsError(
                "DISCORD_TOKEN: its first part is not the bot's id; copy the token again from "
                "the Developer Portal."
            ) from None

    @classmethod
    def from_env(cls, environ: dict[str, str], env_file: Path | None = Path(".env")) -> Settings:
        """Build from `environ` over the optional `.env` file; raise SettingsError on bad input."""
        values: dict[str, str] = {}
        if env_file is not None and env_file.is_file():
            values.update({k: v for k, v in dotenv_values(env_file).items() if v is not None})
        values.update(environ)
        names = {name.upper(): name for name in cls.model_fields}
        kwargs: dict[str, Any] = {
            names[key]: value for key, value in values.items() if key in names and value
        }
        if "discord_token" not in kwargs:
            raise SettingsError(
                "DISCORD_TOKEN is not set: put your bot token in .env (copy config.example.env) "
                "or the environment."
            )
        try:
            return cls(**kwargs)
        except ValidationError as exc:
            error = exc.errors()[0]
            name = str(error["loc"][0]).upper() if error["loc"] else "settings"
            message = error["msg"].removeprefix("Value error, ")
            if error["type"] == "literal_error":
                message = f"must be one of {error['ctx']['expected']}"
            elif error["type"] == "bool_parsing":
                message = "must be on or off (true/false)"
            elif error["type"] in {"int_parsing", "greater_than"}:
                message = (
                    "must be a server id (a positive whole number; "
                    "right-click the server > Copy Server ID)"
                )
            raise SettingsError(f"{name} {message}.") from None

    def configure_logging(self) -> None:
        logging.basicConfig(format="%(asctime)s %(levelname)-8s %(name)s: %(message)s")
        logging.getLogger().setLevel(self.log_level)
        # These libraries log whole payloads at DEBUG: discord.py its requests and gateway
        # events (members' messages), the database drivers every statement with its values (a
        # case's excerpt, a check-in note). Health data must never reach the logs, so they stay
        # at INFO at most whatever LOG_LEVEL says.
        chosen = logging.getLevelName(self.log_level)
        for name, loudest in PAYLOAD_LOGGERS.items():
            logging.getLogger(name).setLevel(max(loudest, chosen))
