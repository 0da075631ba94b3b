"""Round 2: sentence-level guards and recall cases written for these tests."""

from __future__ import annotations

import pytest

from bot.crisis.engine import scan, severity_rank
from bot.crisis.guards import blank_guarded
from tests.crisis.probe_cases import HARMLESS, RISKY


@pytest.mark.parametrize("text", HARMLESS)
def test_harmless_lookalikes_are_not_flagged(text: str) -> None:
    assert scan(text) is None


# Not yet reached; strict, so a fix must also remove the case from here.
KNOWN_GAPS: frozenset[str] = frozenset()


@pytest.mark.parametrize(("want", "text"), RISKY)
def test_risky_messages_reach_their_severity(want: str, text: str) -> None:
    if text in KNOWN_GAPS:
        pytest.xfail("known gap")
    found = scan(text)
    assert severity_rank(found.severity if found else None) >= severity_rank(want)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("died in the boss fight again. i want to die irl tonight", "i want to die irl tonight"),
        ("i used to cut but i relapsed again tonight", "but i relapsed again tonight"),
        ("gg all. i'm ending it tonight", "i'm ending it tonight"),
        ("if you're struggling, reach out. i'm not okay though", "though"),
    ],
)
def test_guards_blank_only_the_guarded_sentence(text: str, kept: str) -> None:
    out = blank_guarded(text)
    assert len(out) == len(text)
    assert kept in out


@pytest.mark.parametrize(
    ("text", "slot"),
    [
        ("ich will einfach nur noch sterben", "wish"),
        ("aku pengen mati aja", "wish"),
        ("jag vill inte leva mer", "wish"),
        ("wszyscy byliby lepiej beze mnie", "passive"),
        ("herkes bensiz daha iyi olur", "passive"),
        ("esta noche voy a tomar todas las pastillas", "intent"),
    ],
)
def test_other_language_slots(text: str, slot: str) -> None:
    from bot.crisis.languages import slots
    from bot.crisis.normalise import detail, to_ascii_lower

    assert slot in slots(detail(to_ascii_lower(text)), text)


@pytest.mark.parametrize("text", ["ich will nicht sterben", "no quiero morir", "nie chce umrzec"])
def test_other_language_negation(text: str) -> None:
    from bot.crisis.languages import slots

    assert "wish" not in slots(text, text)


@pytest.mark.parametrize(
    "text",
    [
        "my roommate is suicidal, how do i help her",
        "someone in my class posted they're going to end it tonight, should i call someone?",
    ],
)
def test_reports_about_a_real_person_are_not_blanked_as_questions(text: str) -> None:
    assert blank_guarded(text) == text
