"""Skip regex searches that cannot match: required literals, found in one automaton pass.

For each pattern, ``required_literals`` derives from its parsed form a set of strings such that
every match of the pattern contains at least one of them ("want|wanna) to die" needs "wan" or
"die"...). A ``Prefilter`` puts the literals of many patterns into one Aho-Corasick automaton;
one pass over a message gives the patterns that *may* match, and only those are searched.

The derivation over-approximates what a pattern can consume and never guesses: anything it
does not understand (case-insensitive flags, back-references, large character classes)
gives no literal, and such a pattern is always searched. So a skipped search is one that
would have found nothing: results are exactly those of searching every pattern.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser as _p  # type: ignore[attr-defined]
from typing import Any

import ahocorasick

_MAX_SET = 64  # largest finite set of strings kept while combining
_MAX_CLASS = 8  # largest character class expanded into single characters
_MIN_LITERAL = 2  # single characters match almost everywhere: not worth filtering on

_Strings = frozenset[str]


def _cross(a: _Strings, b: _Strings) -> _Strings | None:
    if len(a) * len(b) > _MAX_SET:
        return None
    return frozenset(x + y for x in a for y in b)


def _better(a: _Strings | None, b: _Strings | None) -> _Strings | None:
    """The more selective of two requirements (longer shortest literal, then fewer)."""
    if a is None:
        return b
    if b is None:
        return a
    ka = (min(map(len, a)), -len(a))
    kb = (min(map(len, b)), -len(b))
    return a if ka >= kb else b


def _useful(strings: _Strings | None) -> _Strings | None:
    # A requirement holding "" says nothing.
    if strings is None or "" in strings:
        return None
    return strings


def _class_chars(items: list[tuple[Any, Any]]) -> _Strings | None:
    chars: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < _MAX_CLASS:
            chars.update(chr(x) for x in range(av[0], av[1] + 1))
        else:
            return None  # NEGATE, CATEGORY, a wide range...
        if len(chars) > _MAX_CLASS:
            return None
    return frozenset(chars)


def _node(op: Any, av: Any) -> tuple[_Strings | None, _Strings | None]:
    """(exact, required) for one parsed item.

    ``exact``: a finite superset of the strings the item can consume, or None.
    ``required``: strings one of which every consumed string contains, or None.
    """
    if op is _c.LITERAL:
        exact: _Strings | None = frozenset({chr(av)})
        return exact, exact
    if op is _c.IN:
        exact = _class_chars(av)
        return exact, exact
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return frozenset({""}), None  # zero-width: consumes nothing
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            return None, None
        return _seq(sub)
    if op is _c.ATOMIC_GROUP:
        return _seq(av)
    if op is _c.BRANCH:
        exacts: set[str] = set()
        all_exact = True
        required: set[str] = set()
        all_required = True
        for alt in av[1]:
            e, r = _seq(alt)
            if e is None:
                all_exact = False
            else:
                exacts |= e
            if r is None:
                all_required = False
            else:
                required |= r
        exact = frozenset(exacts) if all_exact and len(exacts) <= _MAX_SET else None
        req = frozenset(required) if all_required else None
        return exact, _better(_useful(exact), req)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, high, sub = av
        e, r = _seq(sub)
        if low == 0:
            if high == 1 and e is not None:
                return e | {""}, None
            return None, None
        if low == high == 1:
            return e, r
        return None, _better(_useful(e), r)
    return None, None  # ANY, NOT_LITERAL, GROUPREF, CATEGORY...


def _seq(items: Any) -> tuple[_Strings | None, _Strings | None]:
    """(exact, required) for a sequence of parsed items."""
    best: _Strings | None = None
    run: _Strings | None = frozenset({""})  # exact strings of the current run of items
    whole: _Strings | None = frozenset({""})  # exact strings of the whole sequence
    for op, av in items:
        e, r = _node(op, av)
        whole = _cross(whole, e) if whole is not None and e is not None else None
        if e is not None:
            joined = _cross(run, e) if run is not None else None
            if joined is not None:
                run = joined
                continue
            best = _better(best, _useful(run))
            run = e if len(e) <= _MAX_SET else None
            best = _better(best, r)
            continue
        best = _better(best, _useful(run))
        run = frozenset({""})
        best = _better(best, r)
    best = _better(best, _useful(run))
    return whole, best


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which every match of ``pattern`` contains; None when none is known."""
    if not isinstance(pattern.pattern, str) or pattern.flags & re.IGNORECASE:
        return None
    try:
        parsed = _p.parse(pattern.pattern, pattern.flags)
    except Exception:  # pragma: no cover - re accepted it, so this cannot fail
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    _exact, required = _seq(list(parsed))
    if required is None or min(map(len, required)) < _MIN_LITERAL:
        return None
    return required


class Prefilter:
    """The patterns of a sequence that may match a text (by index), in one automaton pass."""

    __slots__ = ("_always", "_automaton")

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        always: set[int] = set()
        owners: dict[str, list[int]] = {}
        for i, pattern in enumerate(patterns):
            literals = required_literals(pattern)
            if literals is None:
                always.add(i)
                continue
            for literal in literals:
                owners.setdefault(literal, []).append(i)
        self._always = frozenset(always)
        automaton = ahocorasick.Automaton()
        for literal, indices in owners.items():
            automaton.add_word(literal, tuple(indices))
        self._automaton = automaton if owners else None
        if owners:
            automaton.make_automaton()

    def possible(self, text: str) -> set[int]:
        """Indices of the patterns that may match ``text``; the others certainly do not."""
        found = set(self._always)
        if self._automaton is not None:
            for values in {v for _, v in self._automaton.iter(text)}:
                found.update(values)
        return found
