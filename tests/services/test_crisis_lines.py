"""The built-in crisis-line directory: its schema, the country fallback chain, open-now."""

from __future__ import annotations

import copy
import json
import re
from datetime import UTC, datetime
from importlib import resources as package_files
from typing import Any

import pytest
from pydantic import ValidationError

from bot.services import crisis_lines, crisis_preferences, guild_config
from bot.services.crisis_lines import Basis, choose_country, is_open, lines_for, parse_directory
from db.engine import SessionFactory

GUILD, MEMBER = 10, 2001
MONDAY_NOON_UTC = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


def raw() -> dict[str, Any]:
    text = package_files.files("bot").joinpath("data/crisis_lines.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def test_the_whole_directory_passes_the_schema() -> None:
    book = parse_directory(raw())
    assert len(book.countries) >= 40
    for country in book.countries:
        assert re.fullmatch(r"[0-9*#]{2,6}", country.emergency.number), country.code
        assert country.services, country.code
        for service in country.services:
            assert service.phone or service.sms or service.chat_url, service.name
            assert service.source.startswith(("https://", "http://"))
            assert service.last_checked == book.compiled


def test_well_known_national_lines_are_present() -> None:
    book = crisis_lines.directory()
    expected = {
        "US": "988",
        "GB": "116 123",
        "CA": "988",
        "AU": "13 11 14",
        "DE": "0800 111 0 111",
        "FR": "3114",
    }
    for code, number in expected.items():
        country = book.get(code)
        assert country is not None
        assert any(number in (s.phone or "") for s in country.services), code
    assert book.get("GB") is not None and book.get("gb") is book.get("GB")
    shout = [s for s in book.get("GB").services if s.name == "Shout"]  # type: ignore[union-attr]
    assert shout and "85258" in (shout[0].sms or "")


def _broken(change: str) -> dict[str, Any]:
    data = copy.deepcopy(raw())
    service = data["countries"][0]["services"][0]
    if change == "no contact":
        service["phone"] = service["sms"] = service["chat_url"] = None
    elif change == "no emergency":
        del data["countries"][0]["emergency"]
    elif change == "bad code":
        data["countries"][0]["code"] = "XX"
    elif change == "bad hours":
        service["hours"] = [{"days": ["mon"], "open": "25:00", "close": "26:00"}]
    elif change == "missing source":
        del service["source"]
    elif change == "unknown audience":
        service["serves"] = ["aliens"]
    elif change == "javascript link":
        service["chat_url"] = "javascript:alert(1)"
    elif change == "duplicate country":
        data["countries"].append(copy.deepcopy(data["countries"][0]))
    elif change == "no last_checked":
        del service["last_checked"]
    elif change == "phone without digits":
        service["phone"] = "call us"
    elif change == "unverified flag missing":
        del service["verified"]
    elif change == "bad timezone":
        data["countries"][0]["timezone"] = "Mars/Olympus"
    elif change == "extra field":
        service["fax"] = "123"
    return data


@pytest.mark.parametrize(
    "change",
    [
        "no contact",
        "no emergency",
        "bad code",
        "bad hours",
        "missing source",
        "unknown audience",
        "javascript link",
        "duplicate country",
        "no last_checked",
        "phone without digits",
        "unverified flag missing",
        "bad timezone",
        "extra field",
    ],
)
def test_a_malformed_or_incomplete_entry_is_rejected(change: str) -> None:
    with pytest.raises(ValidationError):
        parse_directory(_broken(change))


def test_the_chain_prefers_requested_then_member_then_server_then_locales() -> None:
    assert choose_country(requested="ie", member="GB", server="US") == (
        crisis_lines.CountryChoice("IE", Basis.REQUESTED)
    )
    assert choose_country(member="GB", server="US", locale="de").code == "GB"
    assert choose_country(server="US", locale="de").basis is Basis.SERVER
    assert choose_country(locale="de", guild_locale="fr").code == "DE"
    assert choose_country(locale=None, guild_locale="pt-BR").code == "BR"
    assert choose_country(locale="es-419").code == "MX"
    assert choose_country(locale="en-GB").code == "GB"
    assert choose_country().basis is Basis.NONE


async def test_the_chain_reads_member_and_server_regions(sessions: SessionFactory) -> None:
    async with sessions() as session:
        choice = await crisis_lines.country_for(session, GUILD, MEMBER, locale="de")
        assert (choice.code, choice.basis) == ("DE", Basis.LOCALE)
        await guild_config.set_locale(session, GUILD, timezone=None, region="IE")
        choice = await crisis_lines.country_for(session, GUILD, MEMBER, locale="de")
        assert (choice.code, choice.basis) == ("IE", Basis.SERVER)
        await crisis_preferences.set_member_region(session, GUILD, MEMBER, "AU", MONDAY_NOON_UTC)
        choice = await crisis_lines.country_for(session, GUILD, MEMBER, locale="de")
        assert (choice.code, choice.basis) == ("AU", Basis.MEMBER)


def _has_number(text: str) -> bool:
    return re.search(r"\d{2,}", text) is not None


def test_lines_for_always_carries_a_number_to_call() -> None:
    for region in (None, "ZZ", "US", "GB", "DE", "JP"):
        assert any(_has_number(line.contact) for line in lines_for(region)), region
    assert "TelefonSeelsorge" in [line.name for line in lines_for(None, guild_locale="de")]
    assert [line.name for line in lines_for(None)] == [
        "If you are in immediate danger",
        "Find A Helpline",
    ]
    assert len(lines_for("AU")) <= 10  # the DM embed shows at most ten


def test_open_now_follows_the_countrys_local_time() -> None:
    calm = next(s for s in crisis_lines.directory().get("GB").services if s.name.startswith("CALM"))  # type: ignore[union-attr]
    # CALM: daily 17:00-24:00 London time. Noon UTC in November is noon in London.
    assert is_open(calm, "Europe/London", MONDAY_NOON_UTC) is False
    assert is_open(calm, "Europe/London", MONDAY_NOON_UTC.replace(hour=18)) is True
    samaritans = crisis_lines.directory().get("GB").services[0]  # type: ignore[union-attr]
    assert is_open(samaritans, "Europe/London", MONDAY_NOON_UTC) is True
    trans = next(s for s in crisis_lines.directory().get("US").services if "Trans" in s.name)  # type: ignore[union-attr]
    assert is_open(trans, "America/New_York", MONDAY_NOON_UTC) is None


def test_overnight_hours_run_past_midnight() -> None:
    livslinien = crisis_lines.directory().get("DK").services[0]  # type: ignore[union-attr]
    # Daily 11:00-05:00 Copenhagen (UTC+1 in winter): 03:00 local Tuesday is 02:00 UTC.
    assert is_open(livslinien, "Europe/Copenhagen", datetime(2026, 12, 1, 2, tzinfo=UTC)) is True
    assert is_open(livslinien, "Europe/Copenhagen", datetime(2026, 12, 1, 7, tzinfo=UTC)) is False


def test_a_country_the_directory_lacks_gets_international_links_and_emergency_advice() -> None:
    view = crisis_lines.lines_view(choose_country(requested="AQ"), MONDAY_NOON_UTC)
    assert not view.known and not view.services
    assert "112" in view.emergency
    assert any("findahelpline" in link.url for link in view.international)


def test_country_suggestions_by_name_or_code() -> None:
    assert crisis_lines.country_suggestions("ger")[0] == ("Germany", "DE")
    assert crisis_lines.country_suggestions("nz")[0] == ("New Zealand", "NZ")
    assert ("United Kingdom", "GB") in crisis_lines.country_suggestions("king")
    assert len(crisis_lines.country_suggestions("")) == 25


async def test_server_locale_is_remembered_and_ends_the_member_region_chain(
    sessions: SessionFactory,
) -> None:
    async with sessions() as session:
        assert await crisis_preferences.member_region(session, GUILD, MEMBER) is None
        assert await crisis_lines.remember_locales(session, {GUILD: "pt-BR"}, MONDAY_NOON_UTC) == 1
        assert await crisis_lines.remember_locales(session, {GUILD: "pt-BR"}, MONDAY_NOON_UTC) == 0
        assert await crisis_preferences.member_region(session, GUILD, MEMBER) == "BR"
        choice = await crisis_lines.country_for(session, GUILD, MEMBER)
        assert (choice.code, choice.basis) == ("BR", Basis.LOCALE)
        assert await crisis_lines.remember_locales(session, {GUILD: "fr"}, MONDAY_NOON_UTC) == 1
        await guild_config.set_locale(session, GUILD, timezone=None, region="IE")
        assert await crisis_preferences.member_region(session, GUILD, MEMBER) == "IE"
