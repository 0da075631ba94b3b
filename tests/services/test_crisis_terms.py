"""A server's own crisis terms."""

from __future__ import annotations

import pytest

from bot.crisis import scan
from bot.errors import InvalidInput, NotFound
from bot.services import crisis_terms
from db.engine import SessionFactory

GUILD, MOD = 10, 2001


async def test_added_terms_fire_and_ignored_terms_silence(sessions: SessionFactory) -> None:
    async with sessions() as session:
        assert await crisis_terms.scan_rules(session, GUILD) is None
        await crisis_terms.add_term(session, GUILD, "extra", "  Going  Ghost ", MOD, "imminent")
        await crisis_terms.add_term(session, GUILD, "ignored", "suicide squad", MOD)
        rules = await crisis_terms.scan_rules(session, GUILD)
        listed = [
            (t.kind, t.term, t.severity) for t in await crisis_terms.list_terms(session, GUILD)
        ]
    assert listed == [("extra", "going ghost", "imminent"), ("ignored", "suicide squad", None)]
    found = scan("i think i'm going ghost tonight", rules=rules)
    assert found is not None and found.severity == "imminent"
    assert scan("watching suicide squad tonight", rules=rules) is None


async def test_terms_are_validated_and_unique(sessions: SessionFactory) -> None:
    async with sessions() as session:
        await crisis_terms.add_term(session, GUILD, "extra", "going ghost", MOD)
        with pytest.raises(InvalidInput, match="already"):
            await crisis_terms.add_term(session, GUILD, "extra", "GOING GHOST", MOD)
        for bad in ("x", "!!!", "y" * 101):
            with pytest.raises(InvalidInput):
                await crisis_terms.add_term(session, GUILD, "extra", bad, MOD)
        with pytest.raises(InvalidInput, match="Severity"):
            await crisis_terms.add_term(session, GUILD, "extra", "other", MOD, "extreme")
        with pytest.raises(NotFound):
            await crisis_terms.remove_term(session, GUILD, "ignored", "going ghost")
        await crisis_terms.remove_term(session, GUILD, "extra", "Going Ghost")
        assert await crisis_terms.list_terms(session, GUILD) == []


async def test_terms_belong_to_their_server(sessions: SessionFactory) -> None:
    async with sessions() as session:
        await crisis_terms.add_term(session, GUILD, "extra", "going ghost", MOD)
        assert await crisis_terms.scan_rules(session, GUILD + 1) is None


def test_terms_are_stored_without_invisible_or_direction_characters() -> None:
    from bot.services.crisis_terms import normalise_term

    assert normalise_term("Sewer\u200bSlide\u202e") == "sewerslide"
