"""The community's own resource library: moderators add, edit and remove entries; anyone searches
them with fuzzy, typo-tolerant, ranked matching. Also: reports of outdated crisis lines, and the
searches kept briefly so result pages can be turned with buttons that carry only ids.

The database is the truth; ``LibraryCache`` keeps one in-memory ``SearchIndex`` per server so
autocomplete never reads every row, and is invalidated by every write made through it."""

from __future__ import annotations

import bisect
import heapq
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from rapidfuzz import fuzz, process, utils
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from bot.errors import InvalidInput, NotFound
from bot.services import crisis_lines
from bot.services.guild_config import resolve_region
from bot.services.member_data import PersonalData
from bot.text import clean_user_text
from db.models import Resource, ResourceFlag, ResourceSearch, ResourceSettings
from db.rows import get_by_id
from db.upsert import insert_ignore

KINDS = ("article", "video", "book", "group", "hotline", "app", "local_service")
KIND_LABELS = {kind: kind.replace("_", " ") for kind in KINDS}
TITLE_LIMIT = 100
URL_LIMIT = 500
DESCRIPTION_LIMIT = 1000
TAGS_LIMIT = 200
TAG_LIMIT = 30
MAX_TAGS = 10
QUERY_LIMIT = 100
PER_PAGE = 5
MIN_SCORE = 60.0
SEARCH_KEPT = timedelta(hours=24)

_HOST = re.compile(r"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{2,4})?$", re.IGNORECASE)


# --- validation ------------------------------------------------------------------------------


def clean_url(text: str) -> tuple[str, str]:
    """The link as given (trimmed) and its normalised key; http/https and a real host only."""
    url = clean_user_text(text, limit=URL_LIMIT, what="link", required=True)
    if any(ch.isspace() for ch in url):
        raise InvalidInput("The link contains spaces; please paste one complete http(s) link.")
    parts = urlsplit(url)
    if parts.scheme.lower() not in {"http", "https"}:
        raise InvalidInput("Links must start with http:// or https://.")
    host = (parts.hostname or "").lower()
    try:
        host = host.encode("idna").decode("ascii")
        parts.port  # noqa: B018 - raises ValueError for a malformed port
    except (UnicodeError, ValueError) as error:
        raise InvalidInput(f"`{url[:100]}` is not a well-formed link.") from error
    if parts.username or parts.password or not _HOST.match(host):
        raise InvalidInput(f"`{url[:100]}` is not a well-formed link with a web address.")
    key = host.removeprefix("www.") + (parts.path.rstrip("/") or "")
    if parts.query:
        key += "?" + parts.query
    return url, key.casefold()


def clean_tags(text: str) -> tuple[str, ...]:
    raw = clean_user_text(text, limit=TAGS_LIMIT, what="tags list")
    tags: list[str] = []
    for piece in re.split(r"[,\n]", raw):
        tag = " ".join(piece.split()).casefold().lstrip("#")
        if not tag:
            continue
        if len(tag) > TAG_LIMIT:
            raise InvalidInput(f"The tag `{tag[:40]}` is too long; the limit is {TAG_LIMIT}.")
        if tag not in tags:
            tags.append(tag)
    if len(tags) > MAX_TAGS:
        raise InvalidInput(f"That is {len(tags)} tags; the limit is {MAX_TAGS}.")
    return tuple(tags)


@dataclass(frozen=True, slots=True)
class ResourceInput:
    title: str
    url: str
    kind: str
    description: str = ""
    tags: str = ""
    country: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class CleanResource:
    title: str
    url: str
    url_key: str
    kind: str
    description: str
    tags: tuple[str, ...]
    country: str | None
    language: str | None


def clean_resource(data: ResourceInput) -> CleanResource:
    """Every field cleaned and checked, so a bad one changes nothing."""
    title = " ".join(clean_user_text(data.title, limit=TITLE_LIMIT, what="title").split())
    if not title:
        raise InvalidInput("The title is empty; please write something.")
    url, key = clean_url(data.url)
    kind = data.kind.strip().casefold().replace(" ", "_")
    if kind not in KINDS:
        raise InvalidInput(f"Type must be one of: {', '.join(KIND_LABELS.values())}.")
    description = clean_user_text(data.description, limit=DESCRIPTION_LIMIT, what="description")
    country = resolve_region(data.country) if data.country and data.country.strip() else None
    language = (data.language or "").strip() or None
    if language is not None and not _LANGUAGE.match(language):
        raise InvalidInput("Language must be a code like `en`, `de` or `pt-BR`.")
    return CleanResource(
        title, url, key, kind, description, clean_tags(data.tags), country, language
    )


# --- entries and the built-in defaults --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Entry:
    """A searchable resource: a library row, or one of the built-in defaults (id < 0)."""

    id: int
    title: str
    url: str
    kind: str
    description: str = ""
    tags: tuple[str, ...] = ()
    country: str | None = None
    language: str | None = None

    @property
    def builtin(self) -> bool:
        return self.id < 0


DEFAULTS = (
    Entry(
        -1,
        "How to support someone who is struggling",
        "https://www.samaritans.org/how-we-can-help/if-youre-worried-about-someone-else/",
        "article",
        "Practical steps for listening, asking directly about suicide, and helping someone "
        "reach support, from Samaritans.",
        ("supporting others", "listening", "suicide prevention"),
        None,
        "en",
    ),
    Entry(
        -2,
        "#BeThe1To: five action steps",
        "https://www.bethe1to.com/bethe1to-steps-evidence/",
        "article",
        "Ask, be there, keep them safe, help them connect, follow up: evidence-based steps "
        "for helping someone in crisis.",
        ("supporting others", "crisis", "suicide prevention"),
        None,
        "en",
    ),
    Entry(
        -3,
        "Finding a peer support group",
        "https://www.mhanational.org/find-support-groups",
        "group",
        "How to find a peer-led support group, what to expect at a first meeting, and "
        "questions to ask.",
        ("support groups", "peer support"),
        None,
        "en",
    ),
    Entry(
        -4,
        "Self-care when you support others",
        "https://www.mind.org.uk/information-support/helping-someone-else/carers-friends-family-coping-support/looking-after-yourself/",
        "article",
        "Looking after your own wellbeing while caring for someone: boundaries, rest, and "
        "getting support yourself.",
        ("self-care", "carers", "burnout"),
        None,
        "en",
    ),
    Entry(
        -5,
        "Find a helpline in your country",
        "https://findahelpline.com",
        "hotline",
        "A free directory of crisis lines and helplines worldwide, searchable by country "
        "and topic.",
        ("crisis", "helplines", "international"),
        None,
        "en",
    ),
)


# --- ranking ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Hit:
    entry: Entry
    score: float


def _processed(entries: Sequence[Entry]) -> tuple[list[str], list[str], list[str]]:
    return (
        [utils.default_process(e.title) for e in entries],
        [utils.default_process(" ".join(e.tags)) for e in entries],
        [utils.default_process(e.description) for e in entries],
    )


def rank(
    query: str,
    entries: Sequence[Entry],
    fields: tuple[list[str], list[str], list[str]] | None = None,
    *,
    limit: int | None = None,
) -> list[Hit]:
    """Entries matching ``query``, best first. Title matches weigh most, then tags, then the
    description; typos are tolerated (edit-distance ratios), and an entry matching in several
    fields, or containing the query word for word in its title, ranks above a near miss."""
    q = utils.default_process(query)
    if not q:
        listed = [Hit(e, 0.0) for e in sorted(entries, key=lambda e: e.title.casefold())]
        return listed[:limit] if limit else listed
    titles, tags, descriptions = fields or _processed(entries)
    cutoff = MIN_SCORE * 0.75
    scores: dict[int, list[float]] = {}
    for slot, (choices, scorer, weight) in enumerate(
        (
            (titles, fuzz.WRatio, 1.0),
            (tags, fuzz.WRatio, 0.95),
            (descriptions, fuzz.partial_ratio, 0.8),
        )
    ):
        for _, score, index in process.extract(
            q, choices, scorer=scorer, processor=None, limit=None, score_cutoff=cutoff
        ):
            scores.setdefault(index, [0.0, 0.0, 0.0])[slot] = score * weight
    hits: list[tuple[float, float, str, Entry]] = []
    for index, (title, tag, description) in scores.items():
        best = max(title, tag, description)
        strong = sum(1 for s in (title, tag, description) if s >= MIN_SCORE)
        bonus = 3.0 * (strong - 1) if strong > 1 else 0.0
        if q in titles[index]:
            bonus += 5.0
        total = best + bonus
        if total >= MIN_SCORE:
            # Ties go to the title closest to the query as a whole: the more focused entry.
            closeness = fuzz.ratio(q, titles[index])
            hits.append((round(total, 2), closeness, titles[index], entries[index]))
    hits.sort(key=lambda h: (-h[0], -h[1], h[2]))
    chosen = hits[:limit] if limit else hits
    return [Hit(entry, score) for score, _, _, entry in chosen]


FULL_RANK_LIMIT = 300  # up to this many entries, rank them all directly
CANDIDATES = 100  # otherwise: the best candidates from the token index, then ranked
TOKEN_MATCHES = 40  # vocabulary words considered per query word
FIELD_WEIGHTS = (1.0, 0.95, 0.8)  # title, tags, description (as in ``rank``)


@dataclass(slots=True)
class SearchIndex:
    """One server's library, pre-processed for ranking; rebuilt after any write.

    Small libraries are ranked whole. Large ones first pick candidates through an inverted
    index of words: each query word is matched (typo-tolerant, and by prefix for the word being
    typed) against the library's vocabulary, a few thousand words at most, and entries holding
    the matched words score by similarity x rarity x field weight. Only the best candidates are
    then ranked by ``rank``, so the answer costs about the same at 10,000 entries as at 300."""

    entries: list[Entry]
    fields: tuple[list[str], list[str], list[str]] = field(init=False)
    tag_counts: Counter[str] = field(init=False)
    vocabulary: list[str] = field(init=False)  # sorted, for prefix look-ups
    postings: dict[str, list[tuple[int, float]]] = field(init=False)
    rarity: dict[str, float] = field(init=False)
    prefix_cache: dict[int, list[str]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.entries.sort(key=lambda e: e.title.casefold())
        self.fields = _processed(self.entries)
        self.tag_counts = Counter(t for e in self.entries for t in e.tags)
        best: dict[str, dict[int, float]] = {}
        for column, weight in zip(self.fields, FIELD_WEIGHTS, strict=True):
            for index, text in enumerate(column):
                for word in set(text.split()):
                    holders = best.setdefault(word, {})
                    if holders.get(index, 0.0) < weight:
                        holders[index] = weight
        total = max(len(self.entries), 1)
        self.postings = {word: list(holders.items()) for word, holders in best.items()}
        self.rarity = {word: 1.0 + math.log(total / len(holders)) for word, holders in best.items()}
        self.vocabulary = sorted(self.postings)

    def _prefixes(self, length: int) -> list[str]:
        found = self.prefix_cache.get(length)
        if found is None:
            found = self.prefix_cache[length] = [w[:length] for w in self.vocabulary]
        return found

    def _word_matches(self, word: str, typing: bool) -> list[tuple[str, float]]:
        """Vocabulary words close to ``word``: by edit-distance ratio, and for the word being
        typed, by its prefix (so "recov" and the typo "recvo" both find "recovery")."""
        found: dict[str, float] = {}
        if typing:
            start = bisect.bisect_left(self.vocabulary, word)
            for candidate in self.vocabulary[start : start + TOKEN_MATCHES * 5]:
                if not candidate.startswith(word):
                    break
                found[candidate] = 100.0 * (0.7 + 0.3 * len(word) / len(candidate))
        if len(word) >= 3:
            for _, score, index in process.extract(
                word,
                self._prefixes(len(word)) if typing else self.vocabulary,
                scorer=fuzz.ratio,
                processor=None,
                limit=TOKEN_MATCHES,
                score_cutoff=75,
            ):
                candidate = self.vocabulary[index]
                if typing:
                    score *= 0.7 + 0.3 * len(word) / len(candidate)
                found[candidate] = max(found.get(candidate, 0.0), score)
        ranked = sorted(found.items(), key=lambda item: -item[1])
        return ranked[:TOKEN_MATCHES]

    def _candidates(self, query: str, allowed: set[int] | None) -> list[int]:
        words = query.split()
        scores: dict[int, float] = {}
        common = len(self.entries) // 4
        for position, word in enumerate(words):
            typing = position == len(words) - 1
            emphasis = min(1.0, len(word) / 4)  # a word of one or two letters says little
            best: dict[int, float] = {}
            for match, similarity in self._word_matches(word, typing):
                if len(words) > 1 and len(self.postings[match]) > common:
                    continue  # a word in most entries ("for", "the") ranks nothing; skip it
                value = similarity * self.rarity[match] * emphasis
                for index, weight in self.postings[match]:
                    if value * weight > best.get(index, 0.0):
                        best[index] = value * weight
            for index, value in best.items():
                scores[index] = scores.get(index, 0.0) + value
        if allowed is not None:
            scores = {i: v for i, v in scores.items() if i in allowed}
        return heapq.nlargest(CANDIDATES, scores, key=scores.__getitem__)

    def _subset(
        self, chosen: list[int]
    ) -> tuple[list[Entry], tuple[list[str], list[str], list[str]]]:
        titles, tags, descriptions = self.fields
        return (
            [self.entries[i] for i in chosen],
            (
                [titles[i] for i in chosen],
                [tags[i] for i in chosen],
                [descriptions[i] for i in chosen],
            ),
        )

    def search(
        self,
        query: str,
        *,
        kind: str | None = None,
        tag: str | None = None,
        limit: int | None = None,
    ) -> list[Hit]:
        """Hits best first; over a large library at most ``CANDIDATES`` of them."""
        allowed: set[int] | None = None
        if kind is not None or tag is not None:
            tag_key = tag.casefold().strip() if tag else None
            allowed = {
                i
                for i, e in enumerate(self.entries)
                if (kind is None or e.kind == kind) and (tag_key is None or tag_key in e.tags)
            }
        size = len(self.entries) if allowed is None else len(allowed)
        q = utils.default_process(query)
        if not q and allowed is None:  # already in title order
            return [Hit(e, 0.0) for e in (self.entries[:limit] if limit else self.entries)]
        if size <= FULL_RANK_LIMIT or not q:
            if allowed is None:
                return rank(query, self.entries, self.fields, limit=limit)
            entries, fields = self._subset(sorted(allowed))
            return rank(query, entries, fields, limit=limit)
        entries, fields = self._subset(sorted(self._candidates(q, allowed)))
        return rank(query, entries, fields, limit=limit)

    def tags(self) -> list[str]:
        return sorted(self.tag_counts)

    def closest_tags(self, query: str, limit: int = 3) -> list[str]:
        q = utils.default_process(query)
        if not q or not self.tag_counts:
            return [t for t, _ in self.tag_counts.most_common(limit)]
        found = process.extract(q, list(self.tag_counts), scorer=fuzz.WRatio, limit=limit)
        return [tag for tag, _, _ in found]

    def tag_suggestions(self, text: str, limit: int = 25) -> list[str]:
        key = text.strip().casefold()
        tags = self.tags()
        if not key:
            return tags[:limit]
        starts = [t for t in tags if t.startswith(key)]
        rest = [t for t, _, _ in process.extract(key, tags, scorer=fuzz.WRatio, limit=limit)]
        return list(dict.fromkeys([*starts, *rest]))[:limit]

    def get(self, entry_id: int) -> Entry | None:
        return next((e for e in self.entries if e.id == entry_id), None)


async def load_entries(session: AsyncSession, guild_id: int) -> list[Entry]:
    # Plain columns, not ORM objects: a 10,000-entry library loads several times faster.
    rows = await session.execute(
        select(
            col(Resource.id),
            col(Resource.title),
            col(Resource.url),
            col(Resource.kind),
            col(Resource.description),
            col(Resource.tags),
            col(Resource.country),
            col(Resource.language),
        ).where(col(Resource.guild_id) == guild_id)
    )
    entries = [
        Entry(rid or 0, title, url, kind, text, tuple(t for t in tags.split(",") if t), c, lang)
        for rid, title, url, kind, text, tags, c, lang in rows.all()
    ]
    if not await defaults_hidden(session, guild_id):
        entries.extend(DEFAULTS)
    return entries


async def library_version(session: AsyncSession, guild_id: int) -> int:
    version = await session.scalar(
        select(col(ResourceSettings.library_version)).where(
            col(ResourceSettings.guild_id) == guild_id
        )
    )
    return int(version or 0)


async def _bump(session: AsyncSession, guild_id: int, now: datetime) -> None:
    """Mark the library changed, inside the writing transaction."""
    await insert_ignore(
        session,
        ResourceSettings,
        guild_id=guild_id,
        hide_defaults=False,
        library_version=0,
        changed_at=now,
    )
    await session.execute(
        update(ResourceSettings)
        .where(col(ResourceSettings.guild_id) == guild_id)
        .values(library_version=col(ResourceSettings.library_version) + 1)
    )


class LibraryCache:
    """Per-server search indexes in memory; the database stays the truth. Each read checks the
    server's library version (one primary-key read) and rebuilds the index when any process
    wrote since; writes through this process also drop it at once."""

    def __init__(self) -> None:
        self._indexes: dict[int, tuple[int, SearchIndex]] = {}

    async def index(self, session: AsyncSession, guild_id: int) -> SearchIndex:
        version = await library_version(session, guild_id)
        found = self._indexes.get(guild_id)
        if found is not None and found[0] == version:
            return found[1]
        index = SearchIndex(await load_entries(session, guild_id))
        self._indexes[guild_id] = (version, index)
        return index

    def invalidate(self, guild_id: int) -> None:
        self._indexes.pop(guild_id, None)


# --- writes ----------------------------------------------------------------------------------


async def _refuse_duplicate(
    session: AsyncSession, guild_id: int, clean: CleanResource, except_id: int | None = None
) -> None:
    query = select(Resource).where(
        col(Resource.guild_id) == guild_id,
        (col(Resource.url_key) == clean.url_key)
        | (func.lower(col(Resource.title)) == clean.title.casefold()),
    )
    if except_id is not None:
        query = query.where(col(Resource.id) != except_id)
    existing = await session.scalar(query.limit(1))
    if existing is not None:
        same = "link" if existing.url_key == clean.url_key else "title"
        raise InvalidInput(
            f"The library already has an entry with that {same}: “{existing.title}” "
            f"(#{existing.id}). Edit it with `/resources edit` instead."
        )


async def add_resource(
    session: AsyncSession,
    cache: LibraryCache,
    guild_id: int,
    user_id: int,
    data: ResourceInput,
    now: datetime,
) -> Resource:
    clean = clean_resource(data)
    await _refuse_duplicate(session, guild_id, clean)
    row = Resource(
        guild_id=guild_id,
        title=clean.title,
        url=clean.url,
        url_key=clean.url_key,
        description=clean.description,
        kind=clean.kind,
        tags=",".join(clean.tags),
        country=clean.country,
        language=clean.language,
        added_by=user_id,
        created_at=now,
        updated_at=now,
    )
    session.add(row)
    try:
        await session.flush()
        await _bump(session, guild_id, now)
        await session.commit()
    except IntegrityError as error:  # the same link added a moment ago by someone else
        await session.rollback()
        raise InvalidInput("The library already has an entry with that link.") from error
    cache.invalidate(guild_id)
    await session.refresh(row)
    return row


async def get_resource(session: AsyncSession, guild_id: int, resource_id: int) -> Resource:
    row = await get_by_id(session, Resource, resource_id)
    if row is None or row.guild_id != guild_id:
        raise NotFound(f"There is no library entry #{resource_id} in this server.")
    return row


async def edit_resource(
    session: AsyncSession,
    cache: LibraryCache,
    guild_id: int,
    resource_id: int,
    data: ResourceInput,
    now: datetime,
) -> Resource:
    row = await get_resource(session, guild_id, resource_id)
    clean = clean_resource(data)
    await _refuse_duplicate(session, guild_id, clean, except_id=resource_id)
    row.title, row.url, row.url_key = clean.title, clean.url, clean.url_key
    row.description, row.kind, row.tags = clean.description, clean.kind, ",".join(clean.tags)
    row.country, row.language, row.updated_at = clean.country, clean.language, now
    try:
        await session.flush()
        await _bump(session, guild_id, now)
        await session.commit()
    except IntegrityError as error:
        await session.rollback()
        raise InvalidInput("The library already has an entry with that link.") from error
    cache.invalidate(guild_id)
    await session.refresh(row)
    return row


async def remove_resource(
    session: AsyncSession, cache: LibraryCache, guild_id: int, resource_id: int, now: datetime
) -> Resource:
    row = await get_resource(session, guild_id, resource_id)
    await session.delete(row)
    await _bump(session, guild_id, now)
    await session.commit()
    cache.invalidate(guild_id)
    return row


async def defaults_hidden(session: AsyncSession, guild_id: int) -> bool:
    settings = await session.get(ResourceSettings, guild_id)
    return bool(settings and settings.hide_defaults)


async def set_defaults_hidden(
    session: AsyncSession, cache: LibraryCache, guild_id: int, hidden: bool, now: datetime
) -> None:
    await _bump(session, guild_id, now)
    await session.execute(
        update(ResourceSettings)
        .where(col(ResourceSettings.guild_id) == guild_id)
        .values(hide_defaults=hidden, changed_at=now)
    )
    await session.commit()
    cache.invalidate(guild_id)


# --- searches kept for paging ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Page:
    search: ResourceSearch
    hits: list[Hit]
    page: int
    pages: int
    total: int
    closest_tags: list[str]


async def start_search(
    session: AsyncSession,
    guild_id: int,
    user_id: int,
    now: datetime,
    *,
    query: str = "",
    kind: str | None = None,
    tag: str | None = None,
) -> ResourceSearch:
    query = " ".join(clean_user_text(query, limit=QUERY_LIMIT, what="search").split())
    if kind is not None and kind not in KINDS:
        raise InvalidInput(f"Type must be one of: {', '.join(KIND_LABELS.values())}.")
    tag = clean_user_text(tag, limit=TAG_LIMIT, what="tag").casefold() or None if tag else None
    search = ResourceSearch(
        guild_id=guild_id, user_id=user_id, query=query, kind=kind, tag=tag, created_at=now
    )
    session.add(search)
    await session.commit()
    await session.refresh(search)
    return search


async def get_search(session: AsyncSession, search_id: int) -> ResourceSearch:
    search = await get_by_id(session, ResourceSearch, search_id)
    if search is None:
        raise NotFound("These results have expired; please search again.")
    return search


async def results_page(
    session: AsyncSession, cache: LibraryCache, search: ResourceSearch, page: int
) -> Page:
    index = await cache.index(session, search.guild_id)
    hits = index.search(search.query, kind=search.kind, tag=search.tag)
    pages = max(1, -(-len(hits) // PER_PAGE))
    page = min(max(page, 0), pages - 1)
    closest = [] if hits else index.closest_tags(search.query or search.tag or "")
    return Page(
        search, hits[page * PER_PAGE : (page + 1) * PER_PAGE], page, pages, len(hits), closest
    )


async def purge_searches(session: AsyncSession, now: datetime) -> int:
    result = await session.execute(
        delete(ResourceSearch).where(col(ResourceSearch.created_at) < now - SEARCH_KEPT)
    )
    await session.commit()
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


# --- reports of outdated crisis lines --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FlagSummary:
    country: str
    index: int
    name: str
    reports: int
    last: datetime
    still_listed: bool


async def flag_line(
    session: AsyncSession, guild_id: int, user_id: int, country: str, index: int, now: datetime
) -> tuple[bool, str]:
    """Record the member's report; (False, name) if they had already reported this entry."""
    found = crisis_lines.service_at(country, index)
    if found is None:
        raise NotFound("That crisis line is no longer in the directory.")
    _, service = found
    before = await session.scalar(
        select(func.count()).where(
            col(ResourceFlag.guild_id) == guild_id,
            col(ResourceFlag.country) == country,
            col(ResourceFlag.service_index) == index,
            col(ResourceFlag.flagged_by) == user_id,
        )
    )
    if before:
        return False, service.name
    await insert_ignore(
        session,
        ResourceFlag,
        guild_id=guild_id,
        country=country,
        service_index=index,
        service_name=service.name[:200],
        flagged_by=user_id,
        created_at=now,
    )
    await session.commit()
    return True, service.name


async def flagged(session: AsyncSession, guild_id: int) -> list[FlagSummary]:
    rows = await session.execute(
        select(
            col(ResourceFlag.country),
            col(ResourceFlag.service_index),
            func.max(col(ResourceFlag.service_name)),
            func.count(),
            func.max(col(ResourceFlag.created_at)),
        )
        .where(col(ResourceFlag.guild_id) == guild_id)
        .group_by(col(ResourceFlag.country), col(ResourceFlag.service_index))
    )
    summaries = []
    for country, index, name, count, last in rows.all():
        found = crisis_lines.service_at(country, index)
        summaries.append(
            FlagSummary(
                country,
                index,
                name,
                count,
                last,
                found is not None and found[1].name == name,
            )
        )
    summaries.sort(key=lambda s: (-s.reports, s.country, s.index))
    return summaries


PERSONAL_DATA = (
    PersonalData(Resource, None, "Library resources you added", mentions=("added_by",)),
    PersonalData(ResourceFlag, "flagged_by", "Crisis lines you reported as outdated"),
    PersonalData(ResourceSearch, "user_id", "Your resource searches (kept 24 hours for paging)"),
)
