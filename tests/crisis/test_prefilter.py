"""The regex prefilter only ever skips searches that would have found nothing."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.crisis import engine, frames
from bot.crisis.normalise import detail, to_ascii_lower
from bot.crisis.prefilter import Prefilter, required_literals

_PATTERNS = [
    *(rule.regex for group in engine._GROUPS for rule in group.rules),
    *engine._CONTEXTS.values(),
    *frames.SLOTS.values(),
]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(?<![a-z])(?:want|wanna)\W+to die", {"to die"}),
        (r"kil+ myself|end it", {" myself", "end it"}),
        (r"(?:i|me)?\s+sad", {"sad"}),
        (r"a|bc", None),  # a single letter is no useful filter
        (r"(?i)sad", None),  # case-insensitive: never filtered
        (r"x*y*", None),
    ],
)
def test_required_literals(pattern: str, expected: set[str] | None) -> None:
    found = required_literals(re.compile(pattern))
    assert (None if found is None else set(found)) == expected


def test_most_builtin_patterns_are_filtered() -> None:
    filtered = sum(required_literals(p) is not None for p in _PATTERNS)
    assert filtered >= 0.9 * len(_PATTERNS)


_SENTENCES = [
    "i want to die tonight, i have the pills",
    "gonna kms lol this exam",
    "my friend said she wants to kill herself",
    "thank you all for everything, this is my last message",
    "i've been saving up my pills and wrote the letters",
    "standing on the bridge right now",
    "i cut again last night, nobody knows",
    "he said he'd hurt me if i told anyone",
    "i don't want to be here anymore",
    "not tonight but soon",
    "what does unalive mean",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_SENTENCES, "", "and", ",", "so", "?"]), max_size=5))
def test_prefilter_never_drops_a_match(parts: list[str]) -> None:
    text = detail(to_ascii_lower(" ".join(parts)))
    possible = engine._PREFILTER.possible(text)
    for i, pattern in enumerate(_PATTERNS[: len(engine._RULE_AT) + len(engine._CONTEXT_AT)]):
        if pattern.search(text) is not None:
            assert i in possible, pattern.pattern[:80]
    slot_possible = frames._PREFILTER.possible(text)
    for i, pattern in enumerate(frames.SLOTS.values()):
        if pattern.search(text) is not None:
            assert i in slot_possible, pattern.pattern[:80]


def test_prefilter_of_own_patterns() -> None:
    pf = Prefilter([re.compile("pills?"), re.compile("x"), re.compile("rope|noose")])
    assert pf.possible("the noose") == {1, 2}
    assert pf.possible("nothing") == {1}
