"""Combine one member's recent messages: warning signs that only add up across messages.

"gave my cat to my sister today" and, a minute later, "she doesn't know it's for good" are
each unremarkable; together they are a farewell. ``ConversationWindow`` remembers, per
(guild, member), the *derived* frame slots and severities of the last few minutes of
messages (never their text), re-runs ``frames.compose`` over their union and reports when
the combination reaches a higher tier than any single message did.

Pure Python, no Discord imports, no clock of its own: the caller passes ``now`` (seconds,
e.g. ``time.monotonic()`` or the injectable clock's value).

Wiring it into the message intake::

    window = ConversationWindow(window_seconds=300)
    ...
    detection = window.observe(message.guild.id, message.author.id, message.content, now)
    if detection is not None:
        escalate(detection)        # detection.cues says which messages/cues combined

``observe`` accepts the raw text (it scans it with ``engine.assess`` and keeps only the
derived labels) or an ``Assessment`` the intake already computed. It returns what the
intake should act on for this message: the message's own detection, or a stronger one built
from the member's recent messages (its cues then include ``window:<n>msgs`` and the
``window-frame:`` that fired). ``None`` when neither says anything.

Memory is bounded: at most ``max_members`` tracked members (least recently active dropped
first) and ``max_messages`` entries per member; entries older than ``window_seconds`` are
expired on every call, and ``forget`` drops a member at once (e.g. when a moderator acts).
"""

from __future__ import annotations

from collections import OrderedDict, deque
from dataclasses import dataclass

from bot.crisis import frames
from bot.crisis.engine import SEVERITIES, Assessment, Detection, ScanRules, assess

# Slots worth remembering: the ones that can complete a frame with another message's slots.
_REMEMBERED = frozenset(
    {
        "wish",
        "wish_passive",
        "intent",
        "end",
        "passive",
        "time",
        "means",
        "prep",
        "acquire",
        "act",
        "act_weak",
        "farewell",
        "farewell_more",
        "giveaway",
        "finality",
        "sh",
        "others",
        "abuse",
        "limited_refusal",
    }
)


@dataclass(frozen=True, slots=True)
class _Entry:
    """What the window keeps about one message: when, which slots, how severe. No text."""

    at: float
    slots: frozenset[str]
    rank: int


class ConversationWindow:
    """Per-member sliding window of derived cues; see the module docstring for wiring."""

    __slots__ = ("_members", "max_members", "max_messages", "rules", "window_seconds")

    def __init__(
        self,
        window_seconds: float = 300.0,
        *,
        max_members: int = 10_000,
        max_messages: int = 12,
        rules: ScanRules | None = None,
    ) -> None:
        if window_seconds <= 0 or max_members < 1 or max_messages < 2:
            raise ValueError("window_seconds > 0, max_members >= 1, max_messages >= 2")
        self.window_seconds = window_seconds
        self.max_members = max_members
        self.max_messages = max_messages
        self.rules = rules
        self._members: OrderedDict[tuple[int, int], deque[_Entry]] = OrderedDict()

    def __len__(self) -> int:
        """Members currently tracked."""
        return len(self._members)

    def observe(
        self,
        guild_id: int,
        member_id: int,
        text_or_assessment: str | Assessment,
        now: float,
    ) -> Detection | None:
        """Record one message and return the detection the intake should act on (or None)."""
        if isinstance(text_or_assessment, str):
            assessment = assess(text_or_assessment, self.rules)
        else:
            assessment = text_or_assessment
        own = assessment.detection
        key = (guild_id, member_id)
        self._expire(now, key)
        remembered = assessment.slots & _REMEMBERED
        entries = self._members.get(key)
        if not remembered and own is None:
            return None  # nothing worth keeping, and nothing to combine with
        if entries is None:
            entries = deque(maxlen=self.max_messages)
            self._members[key] = entries
            while len(self._members) > self.max_members:
                self._members.popitem(last=False)
        else:
            self._members.move_to_end(key)
        own_rank = own.rank if own is not None else 0
        entries.append(_Entry(now, remembered, own_rank))
        if len(entries) < 2:
            return own
        union: set[str] = set()
        for entry in entries:
            union |= entry.slots
        combined = frames.compose(union)
        best_single = max(entry.rank for entry in entries)
        if combined is None or combined.rank <= max(best_single, own_rank):
            return own
        cues = (
            f"window:{len(entries)}msgs",
            f"window-frame:{combined.frame}/{SEVERITIES[combined.rank - 1]}",
            *("window-slot:" + name for name in sorted(union)),
        )
        matches = (f"{len(entries)} recent messages: {combined.frame.replace('_', ' ')}",)
        return Detection(SEVERITIES[combined.rank - 1], combined.category, matches, cues)

    def forget(self, guild_id: int, member_id: int) -> None:
        """Drop everything remembered about a member."""
        self._members.pop((guild_id, member_id), None)

    def _expire(self, now: float, key: tuple[int, int]) -> None:
        """Drop stale entries of this member and of the least recently active members.

        Members are kept in order of last activity, so only the front of the order and the
        current member need looking at: amortised O(1) per message.
        """
        cutoff = now - self.window_seconds
        entries = self._members.get(key)
        if entries is not None:
            while entries and entries[0].at < cutoff:
                entries.popleft()
            if not entries:
                del self._members[key]
        while self._members:
            oldest_key, oldest = next(iter(self._members.items()))
            if oldest and oldest[-1].at >= cutoff:
                break
            del self._members[oldest_key]


__all__ = ["ConversationWindow"]
