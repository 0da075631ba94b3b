"""Buddy matching: who meets whom this round. Pure functions over plain data, no database.

Weights. A pair's *quality* is ``1 + 10 * shared topics + overlapping waking hours (UTC)``,
plus a bonus when a seeker meets a listener, divided by 2 for every "not a good match" answer
either of them gave about the other. An edge's weight is ``quality`` plus ``NOT_REPEAT`` when the
two were not paired in the last N rounds; ``NOT_REPEAT`` is larger than any matching's total
quality, so maximising the weight first avoids repeats, then maximises quality (lexicographic).

Hard constraints: no edge between people who blocked each other (either way), and a seeker
only meets a listener. Nobody is in two pairs.

Algorithms.
* Pools of at most ``EXACT_LIMIT`` members: networkx ``max_weight_matching`` (Edmonds'
  blossom, exact) with ``maxcardinality=True``: as many people paired as the constraints allow,
  then the largest weight among those matchings.
* Larger pools: a sparse candidate graph (each member's neighbours in per-topic and per-role
  lists ordered by waking hours; ``CANDIDATES`` per list), then greedy matching on edges by
  weight, which is guaranteed at least 1/2 of the optimum weight *on that candidate graph*;
  then a seeker left out takes the best listener not already with a seeker, and leftovers
  are paired among themselves. ``benchmarks/bench_buddy.py`` measures the ratio
  against the exact optimum on pools where both run.

An odd member out (or anyone left over) joins the pair where they fit best, as a trio, when
compatible with and not blocked by both. Determinism: the same inputs and seed give the same
result, whatever order the candidates arrive in."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import networkx as nx

EXACT_LIMIT = 100
CANDIDATES = 6
TRIO_SCAN = 400
STEAL_LIMIT = 2_000_000  # seekers left out x listeners, for the re-pairing pass
TOPIC_WEIGHT = 10
# A seeker meeting a listener outweighs any topic and hour overlap: listeners are scarce.
ROLE_BONUS = 1 + TOPIC_WEIGHT * 32 + 24
MAX_QUALITY = 2 * ROLE_BONUS

PEER, SEEKER, LISTENER = "peer", "seeker", "listener"

Pair = frozenset[int]


@dataclass(frozen=True, slots=True)
class Candidate:
    """One member in the pool. ``topics`` is a bit mask over the server's topic list and
    ``hours`` a 24-bit mask of the UTC hours they are usually awake and free."""

    user_id: int
    topics: int = 0
    hours: int = 0
    role: str = PEER


@dataclass(frozen=True, slots=True)
class History:
    """What earlier rounds and members said: blocks (either direction), pairs from the last N
    rounds, and how many "not a good match" answers each pair has."""

    blocks: frozenset[Pair] = frozenset()
    recent: frozenset[Pair] = frozenset()
    bad_matches: Mapping[Pair, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Matching:
    groups: tuple[tuple[int, ...], ...]  # pairs, and trios for odd members out
    unmatched: tuple[int, ...]
    exact: bool

    def partner_sets(self) -> list[frozenset[int]]:
        return [frozenset(g) for g in self.groups]


def compatible(a: Candidate, b: Candidate) -> bool:
    """Seekers meet listeners only; everyone else can meet anyone but a seeker."""
    if a.role == SEEKER:
        return b.role == LISTENER
    if b.role == SEEKER:
        return a.role == LISTENER
    return True


def quality(a: Candidate, b: Candidate, history: History) -> int:
    return _quality(a, b, history, frozenset((a.user_id, b.user_id)))


def _quality(a: Candidate, b: Candidate, history: History, key: Pair) -> int:
    score = 1 + TOPIC_WEIGHT * (a.topics & b.topics).bit_count() + (a.hours & b.hours).bit_count()
    if a.role != b.role and {a.role, b.role} == {SEEKER, LISTENER}:
        score += ROLE_BONUS
    bad = history.bad_matches.get(key, 0) if history.bad_matches else 0
    return score >> min(bad, 16)


def allowed(a: Candidate, b: Candidate, history: History) -> bool:
    return (
        a.user_id != b.user_id
        and compatible(a, b)
        and frozenset((a.user_id, b.user_id)) not in history.blocks
    )


def _edge(a: Candidate, b: Candidate, history: History, not_repeat: int) -> int | None:
    """The edge's weight, or None when the two may not be paired."""
    if a.user_id == b.user_id or not compatible(a, b):
        return None
    key = frozenset((a.user_id, b.user_id))
    if key in history.blocks:
        return None
    return _quality(a, b, history, key) + (0 if key in history.recent else not_repeat)


def _order(pool: Iterable[Candidate], seed: int) -> list[Candidate]:
    """Sorted by id, then shuffled by the seed: input order never matters."""
    members = sorted({c.user_id: c for c in pool}.values(), key=lambda c: c.user_id)
    random.Random(seed).shuffle(members)
    return members


def match(pool: Iterable[Candidate], history: History, *, seed: int = 0) -> Matching:
    members = _order(pool, seed)
    if len(members) <= EXACT_LIMIT:
        pairs = _exact(members, history)
        exact = True
    else:
        pairs = _greedy(members, history)
        exact = False
    return _with_trios(members, pairs, history, exact)


def match_exact(pool: Iterable[Candidate], history: History, *, seed: int = 0) -> Matching:
    members = _order(pool, seed)
    return _with_trios(members, _exact(members, history), history, True)


def match_greedy(pool: Iterable[Candidate], history: History, *, seed: int = 0) -> Matching:
    members = _order(pool, seed)
    return _with_trios(members, _greedy(members, history), history, False)


def _exact(members: Sequence[Candidate], history: History) -> list[tuple[int, int]]:
    not_repeat = MAX_QUALITY * (len(members) // 2 + 1)
    graph = nx.Graph()
    graph.add_nodes_from(c.user_id for c in members)
    for i, a in enumerate(members):
        for b in members[i + 1 :]:
            weight = _edge(a, b, history, not_repeat)
            if weight is not None:
                graph.add_edge(a.user_id, b.user_id, weight=weight)
    chosen = nx.max_weight_matching(graph, maxcardinality=True)
    rank = {c.user_id: i for i, c in enumerate(members)}
    return sorted(
        (tuple(sorted((u, v), key=rank.__getitem__)) for u, v in chosen),
        key=lambda p: rank[p[0]],
    )


def _hours_centre(hours: int) -> int:
    bits = [h for h in range(24) if hours >> h & 1]
    return sum(bits) // len(bits) if bits else 0


def _candidate_edges(members: Sequence[Candidate], history: History) -> dict[tuple[int, int], int]:
    """Each member's neighbours in lists of members sharing a topic (and of non-seekers),
    ordered by waking hours, so neighbours share topics and hours; each seeker's nearest
    listeners by waking hours."""
    lists: dict[object, list[int]] = defaultdict(list)
    listeners: list[int] = []
    for i, c in enumerate(members):
        if c.role == SEEKER:
            continue
        for t in range(c.topics.bit_length()):
            if c.topics >> t & 1:
                lists[t].append(i)
        lists["everyone"].append(i)
        if c.role == LISTENER:
            listeners.append(i)
    centre = [_hours_centre(c.hours) for c in members]
    not_repeat = MAX_QUALITY * (len(members) // 2 + 1)
    edges: dict[tuple[int, int], int] = {}

    def consider(i: int, j: int) -> None:
        key = (i, j) if i < j else (j, i)
        if key not in edges:
            weight = _edge(members[i], members[j], history, not_repeat)
            if weight is not None:
                edges[key] = weight

    for ids in lists.values():
        ids.sort(key=lambda i: (centre[i], i))
        n = len(ids)
        for pos, i in enumerate(ids):
            for step in range(1, min(CANDIDATES, n - 1) + 1):
                consider(i, ids[(pos + step) % n])
    # Seekers and listeners both in waking-hours order: the k-th seeker looks around the
    # listener at the same relative position, so seekers spread over all listeners.
    listeners.sort(key=lambda i: (centre[i], i))
    seekers = sorted(
        (i for i, c in enumerate(members) if c.role == SEEKER), key=lambda i: (centre[i], i)
    )
    n = len(listeners)
    for k, i in enumerate(seekers):
        if not n:
            break
        start = k * n // len(seekers) - CANDIDATES
        for step in range(min(2 * CANDIDATES, n)):
            consider(i, listeners[(start + step) % n])
    return edges


def _greedy(members: Sequence[Candidate], history: History) -> list[tuple[int, int]]:
    edges = _candidate_edges(members, history)
    # Heaviest first; ties by position in the seeded order.
    ordered = sorted(edges.items(), key=lambda e: (-e[1], e[0]))
    not_repeat = MAX_QUALITY * (len(members) // 2 + 1)
    partner = [-1] * len(members)
    for (i, j), _ in ordered:
        if partner[i] < 0 and partner[j] < 0:
            partner[i], partner[j] = j, i
    # A seeker left out takes the best listener who is unpaired or paired without a seeker;
    # that listener's former partner (who can meet anyone) goes to the leftovers below.
    listeners = [j for j, c in enumerate(members) if c.role == LISTENER]
    lonely = [i for i, c in enumerate(members) if c.role == SEEKER and partner[i] < 0]
    if len(lonely) * len(listeners) <= STEAL_LIMIT:
        for i in lonely:
            best, best_w = -1, -1
            for j in listeners:
                other = partner[j]
                if other >= 0 and members[other].role == SEEKER:
                    continue
                w = _edge(members[i], members[j], history, not_repeat)
                if w is not None and w > best_w:
                    best, best_w = j, w
            if best >= 0:
                if partner[best] >= 0:
                    partner[partner[best]] = -1
                partner[i], partner[best] = best, i
    left = [i for i in range(len(members)) if partner[i] < 0]
    # Leftovers: best remaining partner, in order.
    if len(left) <= 2000:
        for pos, i in enumerate(left):
            if partner[i] >= 0:
                continue
            best, best_w = -1, -1
            for j in left[pos + 1 :]:
                w = None if partner[j] >= 0 else _edge(members[i], members[j], history, not_repeat)
                if w is not None and w > best_w:
                    best, best_w = j, w
            if best >= 0:
                partner[i], partner[best] = best, i
    pairs = sorted((i, j) for i, j in enumerate(partner) if i < j)
    return [(members[i].user_id, members[j].user_id) for i, j in pairs]


def _trio_kind(a: Candidate, b: Candidate) -> str:
    roles = {a.role, b.role}
    if roles == {LISTENER}:
        return "listeners"
    return "with_seeker" if SEEKER in roles else "no_seeker"


_TRIO_KINDS = {
    SEEKER: ("listeners",),
    LISTENER: ("listeners", "no_seeker", "with_seeker"),
    PEER: ("listeners", "no_seeker"),
}


def _with_trios(
    members: Sequence[Candidate],
    pairs: list[tuple[int, int]],
    history: History,
    exact: bool,
) -> Matching:
    """Each member left over joins the pair where they fit best (compatible with and not
    blocked by both); in large pools only the first ``TRIO_SCAN`` fitting pairs are weighed."""
    by_id = {c.user_id: c for c in members}
    paired = {u for p in pairs for u in p}
    groups: list[list[int]] = [list(p) for p in pairs]
    kinds: dict[str, list[int]] = defaultdict(list)
    for g, (u, v) in enumerate(pairs):
        kinds[_trio_kind(by_id[u], by_id[v])].append(g)
    unmatched: list[int] = []
    not_repeat = MAX_QUALITY * (len(members) // 2 + 1)
    for c in members:
        if c.user_id in paired:
            continue
        best, best_w, seen = -1, -1, 0
        for kind in _TRIO_KINDS.get(c.role, ()):
            for g in kinds[kind]:
                group = groups[g]
                if len(group) != 2:
                    continue
                a, b = by_id[group[0]], by_id[group[1]]
                wa = _edge(c, a, history, not_repeat)
                wb = _edge(c, b, history, not_repeat)
                if wa is None or wb is None:
                    continue
                w = wa + wb
                if w > best_w:
                    best, best_w = g, w
                seen += 1
                if seen >= TRIO_SCAN:
                    break
        if best >= 0:
            groups[best].append(c.user_id)
        else:
            unmatched.append(c.user_id)
    return Matching(tuple(tuple(g) for g in groups), tuple(unmatched), exact)


def total_quality(matching: Matching, pool: Iterable[Candidate], history: History) -> int:
    """Sum of quality over every pair inside every group (what the benchmark compares)."""
    by_id = {c.user_id: c for c in pool}
    total = 0
    for group in matching.groups:
        for i, u in enumerate(group):
            for v in group[i + 1 :]:
                total += quality(by_id[u], by_id[v], history)
    return total


def repeats(matching: Matching, history: History) -> int:
    return sum(
        frozenset((u, v)) in history.recent
        for group in matching.groups
        for i, u in enumerate(group)
        for v in group[i + 1 :]
    )


def random_pairing(pool: Iterable[Candidate], history: History, *, seed: int = 0) -> Matching:
    """The obvious alternative, for comparison: shuffle, then pair neighbours that are allowed."""
    members = _order(pool, seed)
    pairs: list[tuple[int, int]] = []
    waiting: list[Candidate] = []
    for c in members:
        partner = next((w for w in waiting if allowed(c, w, history)), None)
        if partner is None:
            waiting.append(c)
        else:
            waiting.remove(partner)
            pairs.append((partner.user_id, c.user_id))
    return _with_trios(members, pairs, history, False)
