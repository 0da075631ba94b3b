"""The built-in crisis-line directory (bot/data/crisis_lines.json) and the one fallback chain that
decides which country's lines a member is shown.

The directory is validated against the models below when it is loaded (and by a test over the
whole file), so a malformed or incomplete entry never reaches a member in distress. Every answer
carries at least one number to call or text, never only a link."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from functools import cache
from importlib import resources as package_files
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pycountry
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
    field_validator,
    model_validator,
)
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from bot.services.guild_config import get_config
from db.models import MemberCrisisPreference, ResourceSettings
from db.upsert import insert_ignore

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
AUDIENCES = frozenset(
    {
        "everyone",
        "youth",
        "children",
        "veterans",
        "lgbtq",
        "indigenous",
        "men",
        "women",
        "older_people",
        "parents",
        "students",
        "deaf",
    }
)
_PHONE = re.compile(r"\d")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*\.[^\s]+$")
_CLOCK = re.compile(r"^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$")

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


def _url(value: str | None) -> str | None:
    if value is not None and not _URL.match(value):
        raise ValueError(f"{value!r} is not an http(s) link")
    return value


class WeeklyHours(BaseModel):
    """Open from ``open`` to ``close`` (local time) on each of ``days``; a close at or before
    the open time runs past midnight into the next day."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    days: tuple[Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"], ...] = Field(min_length=1)
    open: str
    close: str

    @field_validator("open", "close")
    @classmethod
    def _clock(cls, value: str) -> str:
        if not _CLOCK.match(value):
            raise ValueError(f"{value!r} is not a time like 09:00 or 24:00")
        return value

    @staticmethod
    def minutes(value: str) -> int:
        hours, minutes = value.split(":")
        return int(hours) * 60 + int(minutes)

    def label(self) -> str:
        days = (
            "daily"
            if len(self.days) == 7
            else (
                f"{self.days[0].title()}-{self.days[-1].title()}"
                if len(self.days) > 2
                else ", ".join(d.title() for d in self.days)
            )
        )
        return f"{days} {self.open}-{self.close}"


class Service(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Text
    phone: Text | None = None
    sms: Text | None = None
    chat_url: str | None = None
    web_url: str | None = None
    hours: Literal["24/7"] | tuple[WeeklyHours, ...] | None  # None: not known
    languages: tuple[Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")], ...] = Field(
        min_length=1
    )
    serves: tuple[str, ...] = Field(min_length=1)
    source: str
    last_checked: date
    verified: bool
    notes: Text | None = None

    @field_validator("chat_url", "web_url", "source")
    @classmethod
    def _links(cls, value: str | None) -> str | None:
        return _url(value)

    @field_validator("serves")
    @classmethod
    def _audiences(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = sorted(set(value) - AUDIENCES)
        if unknown:
            raise ValueError(f"unknown audiences {unknown}; known: {sorted(AUDIENCES)}")
        return value

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str | None) -> str | None:
        if value is not None and not _PHONE.search(value):
            raise ValueError(f"phone {value!r} has no digits")
        return value

    @model_validator(mode="after")
    def _reachable(self) -> Service:
        if not (self.phone or self.sms or self.chat_url):
            raise ValueError(f"{self.name}: give at least one way to reach it (phone, sms, chat)")
        if self.hours == ():
            raise ValueError(f"{self.name}: hours is an empty list; use null when unknown")
        return self

    @property
    def for_everyone(self) -> bool:
        return "everyone" in self.serves


class Emergency(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    number: Annotated[str, StringConstraints(pattern=r"^[0-9*#]{2,6}$")]
    note: Text | None = None


class Country(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str
    name: Text
    timezone: str
    emergency: Emergency
    services: tuple[Service, ...] = Field(min_length=1)

    @field_validator("code")
    @classmethod
    def _code(cls, value: str) -> str:
        if not re.fullmatch(r"[A-Z]{2}", value) or pycountry.countries.get(alpha_2=value) is None:
            raise ValueError(f"{value!r} is not an ISO 3166-1 alpha-2 code")
        return value

    @field_validator("timezone")
    @classmethod
    def _timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise ValueError(f"{value!r} is not an IANA time zone") from error
        return value


class Link(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Text
    url: str

    @field_validator("url")
    @classmethod
    def _link(cls, value: str) -> str | None:
        return _url(value)


class Directory(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    about: str
    compiled: date
    international: tuple[Link, ...] = Field(min_length=1)
    countries: tuple[Country, ...] = Field(min_length=1)
    _by_code: dict[str, Country] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _unique(self) -> Directory:
        codes = [c.code for c in self.countries]
        repeated = sorted({c for c in codes if codes.count(c) > 1})
        if repeated:
            raise ValueError(f"countries listed twice: {repeated}")
        return self

    def model_post_init(self, context: Any, /) -> None:
        self._by_code.update({c.code: c for c in self.countries})

    def get(self, code: str | None) -> Country | None:
        return self._by_code.get((code or "").upper())


def parse_directory(data: Any) -> Directory:
    """Validate raw JSON data; raises pydantic.ValidationError naming the bad entry."""
    return Directory.model_validate(data)


@cache
def directory() -> Directory:
    text = package_files.files("bot").joinpath("data/crisis_lines.json").read_text("utf-8")
    return Directory.model_validate_json(text)


# --- open now --------------------------------------------------------------------------------


def is_open(service: Service, timezone: str, now: datetime) -> bool | None:
    """True/False in the country's local time, or None when the hours are not known."""
    if service.hours is None:
        return None
    if service.hours == "24/7":
        return True
    local = now.astimezone(ZoneInfo(timezone))
    minute = local.hour * 60 + local.minute
    today = DAYS[local.weekday()]
    yesterday = DAYS[(local.weekday() - 1) % 7]
    for window in service.hours:
        start, end = WeeklyHours.minutes(window.open), WeeklyHours.minutes(window.close)
        if end > start:
            if today in window.days and start <= minute < end:
                return True
        else:  # runs past midnight
            if today in window.days and minute >= start:
                return True
            if yesterday in window.days and minute < end:
                return True
    return False


def hours_label(service: Service) -> str:
    if service.hours is None:
        return "hours not known"
    if service.hours == "24/7":
        return "24/7"
    return "; ".join(w.label() for w in service.hours)


# --- the fallback chain ----------------------------------------------------------------------


class Basis(StrEnum):
    REQUESTED = "requested"
    MEMBER = "member"
    SERVER = "server"
    LOCALE = "locale"
    NONE = "none"


# Discord's client locales (https://discord.com/developers/docs/reference#locales) to the
# country whose lines are most likely right. A language alone names no country, so the choice
# is the country with the most speakers who use that locale. Two guesses worth knowing:
# en-US is Discord's default client language worldwide (so it is only a weak hint for the US),
# and es-419 (Latin American Spanish) maps to Mexico, the largest Spanish-speaking country in
# Latin America. A member fixes any wrong guess with `/resources country`.
LOCALE_COUNTRY = {
    "en-US": "US",
    "en-GB": "GB",
    "es-ES": "ES",
    "es-419": "MX",
    "pt-BR": "BR",
    "sv-SE": "SE",
    "zh-CN": "CN",
    "zh-TW": "TW",
    "id": "ID",
    "da": "DK",
    "de": "DE",
    "fr": "FR",
    "hr": "HR",
    "it": "IT",
    "lt": "LT",
    "hu": "HU",
    "nl": "NL",
    "no": "NO",
    "pl": "PL",
    "ro": "RO",
    "fi": "FI",
    "vi": "VN",
    "tr": "TR",
    "cs": "CZ",
    "el": "GR",
    "bg": "BG",
    "ru": "RU",
    "uk": "UA",
    "hi": "IN",
    "th": "TH",
    "ja": "JP",
    "ko": "KR",
}


def locale_country(locale: str | None) -> str | None:
    if not locale:
        return None
    if locale in LOCALE_COUNTRY:
        return LOCALE_COUNTRY[locale]
    return LOCALE_COUNTRY.get(locale.split("-")[0])


@dataclass(frozen=True, slots=True)
class CountryChoice:
    code: str | None
    basis: Basis


def choose_country(
    *,
    requested: str | None = None,
    member: str | None = None,
    server: str | None = None,
    locale: str | None = None,
    guild_locale: str | None = None,
) -> CountryChoice:
    """The first known of: the country asked for, the member's own, the server's, the member's
    client locale, the server's preferred locale."""
    for code, basis in (
        (requested, Basis.REQUESTED),
        (member, Basis.MEMBER),
        (server, Basis.SERVER),
        (locale_country(locale), Basis.LOCALE),
        (locale_country(guild_locale), Basis.LOCALE),
    ):
        if code:
            return CountryChoice(code.upper(), basis)
    return CountryChoice(None, Basis.NONE)


async def server_locale(session: AsyncSession, guild_id: int) -> str | None:
    """The server's preferred locale as Kinship last saw it (see ``remember_locales``)."""
    settings = await session.get(ResourceSettings, guild_id)
    return settings.preferred_locale if settings is not None else None


async def server_locale_country(session: AsyncSession, guild_id: int) -> str | None:
    return locale_country(await server_locale(session, guild_id))


async def remember_locales(session: AsyncSession, locales: dict[int, str], now: datetime) -> int:
    """Store each server's preferred locale where it changed; returns how many changed."""
    if not locales:
        return 0
    known = dict(
        (
            await session.execute(
                select(col(ResourceSettings.guild_id), col(ResourceSettings.preferred_locale))
            )
        ).all()
    )
    changed = {gid: loc for gid, loc in locales.items() if known.get(gid, "") != loc}
    for guild_id, locale in changed.items():
        if guild_id not in known:
            await insert_ignore(
                session,
                ResourceSettings,
                guild_id=guild_id,
                hide_defaults=False,
                library_version=0,
                preferred_locale=locale,
                changed_at=now,
            )
        else:
            await session.execute(
                update(ResourceSettings)
                .where(col(ResourceSettings.guild_id) == guild_id)
                .values(preferred_locale=locale)
            )
    await session.commit()
    return len(changed)


async def country_for(
    session: AsyncSession,
    guild_id: int | None,
    user_id: int,
    *,
    requested: str | None = None,
    locale: str | None = None,
    guild_locale: str | None = None,
) -> CountryChoice:
    """The chain with the member's and the server's saved regions read from the database."""
    member = server = None
    if guild_id is not None:
        preference = await session.get(MemberCrisisPreference, (guild_id, user_id))
        member = preference.region if preference is not None else None
        server = (await get_config(session, guild_id)).region
        guild_locale = guild_locale or await server_locale(session, guild_id)
    return choose_country(
        requested=requested, member=member, server=server, locale=locale, guild_locale=guild_locale
    )


# --- what a member is shown ------------------------------------------------------------------

NO_COUNTRY_EMERGENCY = (
    "Call your local emergency number. From any mobile phone, 112 reaches emergency services "
    "in most countries (911 across the Americas)."
)


@dataclass(frozen=True, slots=True)
class ServiceView:
    index: int  # position in the country's list: the id a "Report outdated" button carries
    service: Service
    open_now: bool | None
    hours: str


@dataclass(frozen=True, slots=True)
class CountryLines:
    choice: CountryChoice
    country: Country | None  # None: the directory has no entry for this country (or none known)
    services: tuple[ServiceView, ...]
    emergency: str  # always a number to call, with advice
    international: tuple[Link, ...]

    @property
    def known(self) -> bool:
        return self.country is not None


def lines_view(choice: CountryChoice, now: datetime) -> CountryLines:
    book = directory()
    country = book.get(choice.code)
    if country is None:
        return CountryLines(choice, None, (), NO_COUNTRY_EMERGENCY, book.international)
    views = tuple(
        ServiceView(i, s, is_open(s, country.timezone, now), hours_label(s))
        for i, s in enumerate(country.services)
    )
    note = f" ({country.emergency.note})" if country.emergency.note else ""
    emergency = f"Call {country.emergency.number}{note}"
    return CountryLines(choice, country, views, emergency, book.international)


def service_at(code: str, index: int) -> tuple[Country, Service] | None:
    country = directory().get(code)
    if country is None or not 0 <= index < len(country.services):
        return None
    return country, country.services[index]


def country_suggestions(text: str, limit: int = 25) -> list[tuple[str, str]]:
    """(name, code) pairs from the directory matching by name or code, best first."""
    key = text.strip().casefold()
    countries = directory().countries
    if not key:
        return [(c.name, c.code) for c in sorted(countries, key=lambda c: c.name)][:limit]
    exact = [c for c in countries if c.code.casefold() == key]
    starts = [c for c in countries if c.name.casefold().startswith(key) and c not in exact]
    contains = [
        c for c in countries if key in c.name.casefold() and c not in exact and c not in starts
    ]
    return [(c.name, c.code) for c in [*exact, *starts, *contains]][:limit]


# --- the crisis escalation DM's shape (kept for cogs/crisis.py) ------------------------------


@dataclass(frozen=True, slots=True)
class CrisisLine:
    name: str
    contact: str
    url: str | None = None


def contact_text(service: Service) -> str:
    ways = []
    if service.phone:
        ways.append(f"Call {service.phone}")
    if service.sms:
        ways.append(
            service.sms
            if service.sms.lower().startswith(("text", "sms", "whatsapp"))
            else f"Text {service.sms}"
        )
    if service.chat_url and not (service.phone or service.sms):
        ways.append("Chat online")
    return " · ".join(ways)


def lines_for(
    region: str | None, *, locale: str | None = None, guild_locale: str | None = None
) -> tuple[CrisisLine, ...]:
    """Crisis lines for the escalation DM: the country's general lines, its emergency number,
    then an international directory. With no country known the locale decides; with nothing
    known, the emergency advice still carries a number (112/911), never only a link."""
    choice = choose_country(member=region, locale=locale, guild_locale=guild_locale)
    book = directory()
    country = book.get(choice.code)
    lines: list[CrisisLine] = []
    if country is not None:
        ranked = sorted(country.services, key=lambda s: (not s.for_everyone, not s.verified))
        for service in ranked[:6]:
            hours = hours_label(service)
            lines.append(
                CrisisLine(
                    service.name,
                    f"{contact_text(service)} ({hours})"
                    + ("" if service.verified else " · not yet verified"),
                    service.web_url or service.chat_url,
                )
            )
        note = f" ({country.emergency.note})" if country.emergency.note else ""
        lines.append(
            CrisisLine("If you are in immediate danger", f"Call {country.emergency.number}{note}")
        )
    else:
        lines.append(CrisisLine("If you are in immediate danger", NO_COUNTRY_EMERGENCY))
    first = book.international[0]
    lines.append(CrisisLine(first.name, "Free, confidential support worldwide", first.url))
    return tuple(lines)


INTERNATIONAL = (
    CrisisLine(
        "Find a helpline near you",
        "Free, confidential support worldwide",
        "https://findahelpline.com",
    ),
    CrisisLine("If you are in immediate danger", NO_COUNTRY_EMERGENCY),
)
