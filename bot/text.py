"""Text members give that Kinship stores and shows back: cleaned the same way everywhere."""

from __future__ import annotations

import unicodedata

from bot.errors import InvalidInput

# Bidirectional overrides and isolates can make stored text display reversed or hide parts of
# it; zero-width characters can make two look-alike entries differ or smuggle hidden content.
_INVISIBLE = dict.fromkeys(
    [
        *range(0x202A, 0x202F),  # LRE, RLE, PDF, LRO, RLO
        *range(0x2066, 0x206A),  # LRI, RLI, FSI, PDI
        0x200B,  # zero-width space
        0x200C,  # zero-width non-joiner
        0x200D,  # zero-width joiner
        0x200E,  # left-to-right mark
        0x200F,  # right-to-left mark
        0x2060,  # word joiner
        0xFEFF,  # zero-width no-break space / BOM
        0x180E,  # Mongolian vowel separator
    ]
)


_BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def without_bidi_controls(text: str) -> str:
    """``text`` minus bidi overrides/isolates: for messages that quote what a member typed (a
    refusal naming the bad value), so the quote cannot reverse how the rest displays."""
    return text.translate(_BIDI_CONTROLS)


def clean_user_text(text: str, *, limit: int, what: str = "text", required: bool = False) -> str:
    """NFC-normalised text without bidi controls, zero-width or other control characters
    (newlines and tabs kept), trimmed; refuses text over ``limit`` characters, naming the limit."""
    cleaned = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    cleaned = "".join(
        ch for ch in cleaned if ch in "\n\t" or unicodedata.category(ch) not in {"Cc", "Cf"}
    ).strip()
    if required and not cleaned:
        raise InvalidInput(f"The {what} is empty; please write something.")
    if len(cleaned) > limit:
        raise InvalidInput(
            f"The {what} is {len(cleaned):,} characters long; the limit is {limit:,}. "
            "Please shorten it and try again."
        )
    return cleaned


def clean_lines(text: str, *, limit: int, what: str) -> tuple[str, ...]:
    """Member text meant as a list (ground rules, say): one item per line or separated by ';',
    cleaned like ``clean_user_text``, blank items dropped."""
    cleaned = clean_user_text(text, limit=limit, what=what)
    return tuple(part.strip() for part in cleaned.replace(";", "\n").splitlines() if part.strip())
