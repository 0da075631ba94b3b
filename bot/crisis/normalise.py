"""Text normalisation: turn what people really type into plain lowercase ASCII.

Two forms are produced:

* the *probe* form (``probe``): letters only, every other character a space, leet digits
  mapped to letters unconditionally. It is cheap (one ``bytes.translate``) and only ever used
  to decide whether a message deserves a closer look, so over-matching is harmless.
* the *detail* form (``detail``): lowercase ASCII that keeps punctuation (clause boundaries,
  question marks) with leet mapped only inside words, stretched letters squeezed and
  spaced-out letters joined. Rule patterns run on this form.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

# --- Unicode folding (only for messages that are not pure ASCII) ---------------------------

# Characters that render as nothing: people slip them into words to dodge filters.
_INVISIBLE = "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f"
_INVISIBLE += "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\ufeff\ufe0e\ufe0f"

# Look-alike letters NFKC leaves alone.
# Cyrillic, Greek and small-capital letters, each paired with the Latin letter it imitates.
_CONFUSABLE_FROM = (
    "\u0430\u0432\u0435\u0451\u043a\u043c\u043d\u043e\u0440\u0441\u0442\u0443"
    "\u0445\u0455\u0456\u0457\u0458\u04bb\u0501\u051b\u051d\u0578\u057d\u0251"
    "\u0261\u0269\u0131\u029f\u026a\u1d05\u1d07\u1d0b\u1d0d\u0274\u1d0f\ua731"
    "\u1d1b\u1d1c\u03b1\u03b2\u03b5\u03b7\u03b9\u03ba\u03bd\u03bf\u03c1\u03c4"
    "\u03c5\u03c7\u03c9\u0142\u00f8\u0111"
)
_CONFUSABLE_TO = "abeekmhopctyxsiijhdqwnuagiilidekmnostuabenikvoptuxwlod"
_CONFUSABLES: dict[str, str] = dict(zip(_CONFUSABLE_FROM, _CONFUSABLE_TO, strict=True))
_CONFUSABLES |= {"\u00df": "ss", "\u00e6": "ae", "\u0153": "oe", "\u00fe": "th"}

# Typographic punctuation that matters to the patterns (apostrophes, dashes, ellipsis).
_PUNCT = {
    "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u02bc": "'", "\u00b4": "'", "\u0060": "'",
    "\u2032": "'", "\u201c": '"', "\u201d": '"', "\u2010": "-", "\u2011": "-", "\u2012": "-",
    "\u2013": "-", "\u2014": "-", "\u2026": "...", "\u00a0": " ", "\u3002": ".",
}  # fmt: skip


# Emoji that stand for words in algospeak ("i have the \U0001f48a ready"). Faces and hearts
# stay gaps: their meaning depends on the words around them.
EMOJI_WORDS: dict[str, str] = {
    "\U0001f52a": "knife", "\U0001f5e1": "knife", "\U0001f48a": "pills", "\U0001faa2": "rope",
    "\u26b0": "dead", "\U0001faa6": "die", "\U0001fa78": "blood", "\U0001f52b": "gun",
    "\U0001f309": "bridge", "\U0001f686": "train", "\U0001f682": "train", "\U0001f684": "train",
    "\U0001f687": "train", "\U0001f6e4": "tracks", "\u2702": "scissors", "\U0001fa92": "razor",
    "\U0001f489": "needle", "\U0001f9f4": "bottle", "\U0001f3e2": "building",
    "\u2620": "dead", "\U0001f940": "wilted", "\U0001f44b": "bye", "\U0001f54a": "rest",
    "\U0001f319": "night", "\U0001f303": "tonight", "\u23f0": "time",
    "\U0001fa79": "bandage", "\U0001f915": "hurt",
}  # fmt: skip
_EMOJI_SET = frozenset(EMOJI_WORDS)
# A class of scattered astral characters is slow in ``re``; a range finds candidates fast.
_PICTOGRAPH_RE = re.compile("[\u2300-\u27ff\U0001f300-\U0001faff]")


def has_emoji_word(text: str) -> bool:
    """Whether ``text`` holds an emoji from ``EMOJI_WORDS`` (cheap when it holds none)."""
    m = _PICTOGRAPH_RE.search(text)
    while m is not None:
        if m.group() in _EMOJI_SET:
            return True
        m = _PICTOGRAPH_RE.search(text, m.end())
    return False


def _build_fold_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(c): None for c in _INVISIBLE}
    for emoji, word in EMOJI_WORDS.items():
        table[ord(emoji)] = f" {word} "
    # Accented Latin letters -> base letter, precomputed so the hot path needs no NFD pass.
    for cp in range(0x00C0, 0x0250):
        base = "".join(
            ch for ch in unicodedata.normalize("NFD", chr(cp)) if not unicodedata.combining(ch)
        )
        if base.isascii() and base:
            table[cp] = base
    # Combining marks left over after NFKC (e.g. "s\u0336u\u0336i\u0336" strike-through) vanish.
    for cp in range(0x0300, 0x0370):
        table[cp] = None
    for cp in range(0x20D0, 0x2100):
        if unicodedata.combining(chr(cp)):
            table[cp] = None
    for src, dst in {**_CONFUSABLES, **_PUNCT}.items():
        table[ord(src)] = dst
        if src.upper() != src and len(src.upper()) == 1:
            table[ord(src.upper())] = dst
    return table


_FOLD_TABLE = _build_fold_table()


def _space_for_unencodable(err: UnicodeError) -> tuple[str, int]:
    # Emoji and other symbols become a single space, so "want🔪to" still splits into words.
    assert isinstance(err, UnicodeEncodeError)
    return " ", err.end


codecs.register_error("kinship_crisis_space", _space_for_unencodable)


def fold_unicode(text: str) -> str:
    """Map any text to ASCII: NFKC, look-alikes, accents stripped, symbols to spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_FOLD_TABLE)
    if text.isascii():
        return text
    return text.encode("ascii", "kinship_crisis_space").decode("ascii")


# --- Probe form -----------------------------------------------------------------------------

_LEET_PROBE = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
_LEET_PROBE |= {"!": "i", "|": "i", "*": "i"}


def _build_probe_table() -> bytes:
    out = bytearray(b" " * 256)
    for c in range(ord("a"), ord("z") + 1):
        out[c] = c
    for c in range(ord("A"), ord("Z") + 1):
        out[c] = c + 32
    for c in range(ord("0"), ord("9") + 1):
        out[c] = c  # digits that are not leet stay, so server terms may contain numbers
    for src, dst in _LEET_PROBE.items():
        out[ord(src)] = ord(dst)
    return bytes(out)


_PROBE_TABLE = _build_probe_table()
# Apostrophes are deleted rather than spaced so "won't" probes as "wont".
_PROBE_DELETE = b"'"


def probe(ascii_text: str) -> str:
    """Letters-and-spaces form of ASCII text, padded with one space at each end."""
    return " " + ascii_text.encode("ascii").translate(_PROBE_TABLE, _PROBE_DELETE).decode() + " "


# Non-ASCII characters that can hide or disguise letters: accented and look-alike letters,
# fullwidth and maths alphabets, enclosed letters, combining marks, invisible characters.
# Anything else (emoji, CJK punctuation, arrows) cannot spell an English stem.
_LETTERLIKE_RE = re.compile(
    "[\u00a0-\u036f\u0370-\u052f\u1d00-\u1eff\u2000-\u206f\u20d0-\u214f"
    "\u2460-\u24ff\ufe00-\ufe0f\ufeff\uff00-\uffef\U0001d400-\U0001d7ff"
    "\U0001f130-\U0001f189]"
)


# Letters of scripts the ASCII fold cannot spell (Cyrillic words, Arabic, Devanagari, CJK...).
OTHER_SCRIPT_RE = re.compile(
    "[\u0400-\u04ff\u0590-\u06ff\u0900-\u0dff\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]"
)

# What one non-ASCII character asks of the cheap gate, as bit flags.
NEEDS_FOLD = 1  # letter-like (``_LETTERLIKE_RE``) or an emoji from ``EMOJI_WORDS``
OTHER_SCRIPT = 2  # a letter of another script (``OTHER_SCRIPT_RE``)
_CHAR_FLAGS: dict[str, int] = {}
_CHAR_FLAGS_MAX = 4096  # distinct characters remembered; rarer ones are classified each time


def _char_flags(ch: str) -> int:
    flags = _CHAR_FLAGS.get(ch)
    if flags is None:
        flags = 0
        if _LETTERLIKE_RE.match(ch) is not None or (
            ch in _EMOJI_SET and _PICTOGRAPH_RE.match(ch) is not None
        ):
            flags = NEEDS_FOLD
        if OTHER_SCRIPT_RE.match(ch) is not None:
            flags |= OTHER_SCRIPT
        if len(_CHAR_FLAGS) < _CHAR_FLAGS_MAX:
            _CHAR_FLAGS[ch] = flags
    return flags


def nonascii_flags(text: str, replaced: bytes) -> int:
    """``NEEDS_FOLD`` / ``OTHER_SCRIPT`` flags of the non-ASCII characters of ``text``.

    ``replaced`` is ``text.encode("ascii", "replace")``: every non-ASCII character is one "?"
    at the same index, so only those few characters are looked at, never the ASCII bulk.
    """
    flags = 0
    at = replaced.find(63)  # "?"
    while at >= 0:
        ch = text[at]
        if ch != "?":
            flags |= _char_flags(ch)
        at = replaced.find(63, at + 1)
    return flags


def probe_bytes(raw: bytes) -> str:
    """``probe`` of ASCII bytes (no validation: callers pass ASCII)."""
    return " " + raw.translate(_PROBE_TABLE, _PROBE_DELETE).decode() + " "


def fast_probe(text: str) -> str:
    """Probe form straight from raw text; emoji-only non-ASCII skips the Unicode fold."""
    if text.isascii():
        raw = text.encode("ascii")
    else:
        raw = text.encode("ascii", "replace")  # each emoji becomes "?", i.e. a gap
        if nonascii_flags(text, raw) & NEEDS_FOLD:
            raw = fold_unicode(text).encode("ascii")
    return probe_bytes(raw)


# --- Detail form ----------------------------------------------------------------------------

_LEET_DETAIL = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
# "*" usually censors a vowel ("k*ll", "d*e"); "i" is the commonest one it hides here.
_LEET_DETAIL |= {"!": "i", "|": "l", "*": "i"}
_LEET_CHARS = re.escape("".join(_LEET_DETAIL))
# A leet character counts only inside a word (letter on its left and a letter on its right,
# or closing a word), so "2 years", "10pm" and "help!" keep their meaning.
_LEET_RE = re.compile(
    rf"(?<=[a-z])[{_LEET_CHARS}](?=[a-z])"
    r"|(?<=[a-z])[0134](?=[0134]*(?![a-z0-9]))"
    r"|\$(?=[a-z])"
)
_LEET_HINT = re.compile(rf"[a-z][{_LEET_CHARS}]|\$[a-z]")
# Three or more of the same letter ("diiiie", "kiiilll") collapse to one; patterns allow
# doubled letters to be single ("kil+") so "kil" and "kill" both work.
_SQUEEZE_RE = re.compile(r"([a-z])\1{2,}")
# Single letters separated by spaces, dots, dashes, emoji gaps: "k m s", "s.u.i.c.i.d.e".
_SPACED_RE = re.compile(r"(?<![a-z'])[a-z](?:[\s.\-_*~+/]{1,3}[a-z](?![a-z'])){2,}")
_NON_LETTER_RE = re.compile(r"[^a-z]+")


def _leet_sub(m: re.Match[str]) -> str:
    return _LEET_DETAIL[m.group()]


def _join_spaced(m: re.Match[str]) -> str:
    return _NON_LETTER_RE.sub("", m.group())


def detail(ascii_lower: str) -> str:
    """Detail form of lowercase ASCII text (see module docstring)."""
    text = ascii_lower
    if _LEET_HINT.search(text):
        # Two passes so runs like "d13" (die) resolve left to right.
        text = _LEET_RE.sub(_leet_sub, text)
        text = _LEET_RE.sub(_leet_sub, text)
    text = _SQUEEZE_RE.sub(r"\1", text)
    return _SPACED_RE.sub(_join_spaced, text)


def to_ascii_lower(text: str) -> str:
    """The shared first step of every path: ASCII, lowercase."""
    if not text.isascii():
        text = fold_unicode(text)
    return text.lower()


def normalise_term(term: str) -> str:
    """Normalise a server term exactly like message text, as a probe-form phrase."""
    return " ".join(probe(detail(to_ascii_lower(term))).split())
