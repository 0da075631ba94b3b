"""Member-given text is stored without invisible or direction-changing characters."""

from __future__ import annotations

import pytest

from bot.errors import InvalidInput
from bot.text import clean_user_text


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("hello\u202eevil", "helloevil"),  # right-to-left override
        ("sui\u200bcide", "suicide"),  # zero-width space
        ("a\u2066b\u2069c", "abc"),  # isolates
        ("\ufeffnote", "note"),
        ("line one\nline two", "line one\nline two"),
        ("cafe\u0301", "café"),  # NFC
        ("  padded  ", "padded"),
        ("emoji 💙 stay", "emoji 💙 stay"),
        ("bell\x07", "bell"),
    ],
)
def test_invisible_and_control_characters_are_removed(given: str, stored: str) -> None:
    assert clean_user_text(given, limit=100) == stored


def test_over_long_text_is_refused_with_the_limit_named() -> None:
    with pytest.raises(InvalidInput, match="limit is 1,000"):
        clean_user_text("x" * 1001, limit=1000, what="note")
    assert clean_user_text("x" * 1000, limit=1000) == "x" * 1000


def test_required_text_that_is_only_invisible_is_refused() -> None:
    with pytest.raises(InvalidInput, match="empty"):
        clean_user_text("\u200b\u200b", limit=10, required=True)
