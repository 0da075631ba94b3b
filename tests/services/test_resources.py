"""The community library: validation, duplicates, search ranking and typo tolerance, paging,
and reports of outdated crisis lines."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.errors import InvalidInput, NotFound
from bot.services import resources
from bot.services.resources import Entry, LibraryCache, ResourceInput, SearchIndex, rank
from db.engine import SessionFactory

GUILD, OTHER_GUILD, MOD, MEMBER = 10, 11, 2001, 2002
NOW = datetime(2026, 11, 30, 12, tzinfo=UTC)


def entry(
    i: int, title: str, tags: tuple[str, ...] = (), description: str = "", kind: str = "article"
) -> Entry:
    return Entry(i, title, f"https://example.org/{i}", kind, description, tags)


LIBRARY = [
    entry(
        1, "Grief support group", ("grief", "loss", "bereavement"), "Meets weekly online.", "group"
    ),
    entry(2, "Understanding depression", ("depression", "mood"), "An NHS guide to symptoms."),
    entry(
        3, "Anxiety self-help workbook", ("anxiety", "self-care"), "Exercises for worry.", "book"
    ),
    entry(4, "Sleep hygiene basics", ("sleep", "self-care"), "Simple habits for better rest."),
    entry(
        5,
        "Al-Anon family groups",
        ("addiction", "alcohol", "families"),
        "For families of people who drink.",
        "group",
    ),
    entry(6, "Calm breathing app", ("anxiety", "breathing"), "Guided breathing exercises.", "app"),
    entry(
        7,
        "Talking to a teenager about self-harm",
        ("self-harm", "youth", "parents"),
        "How parents can start the conversation.",
    ),
    entry(
        8,
        "Postnatal depression peer support",
        ("depression", "parents", "perinatal"),
        "Peer groups for new parents.",
        "group",
    ),
    entry(
        9,
        "Recovery meetings near you",
        ("addiction", "recovery"),
        "Find twelve-step and SMART meetings.",
        "local_service",
    ),
    entry(
        10,
        "Caring for a carer: avoiding burnout",
        ("carers", "burnout", "self-care"),
        "Looking after yourself while supporting others.",
    ),
]

# Our own small evaluation of ranking quality: what a member types -> the entry they want first.
EXPECTED_TOP = [
    ("grief", 1),
    ("greif", 1),  # transposition
    ("depresion", 2),  # missing letter
    ("postnatal depression", 8),
    ("anxiety workbook", 3),
    ("anxeity", 3),
    ("sleeping", 4),
    ("alanon", 5),
    ("breathing", 6),
    ("self harm teenager", 7),
    ("recovery meeting", 9),
    ("burnout", 10),
    ("bereavement", 1),  # a tag, not in the title
    ("carer burnout", 10),
]


@pytest.mark.parametrize(("query", "expected"), EXPECTED_TOP)
def test_ranking_puts_the_expected_entry_first(query: str, expected: int) -> None:
    hits = rank(query, LIBRARY)
    assert hits, query
    assert hits[0].entry.id == expected, [(h.entry.title, h.score) for h in hits[:3]]


def test_ranking_quality_over_the_whole_evaluation() -> None:
    """Mean reciprocal rank over the evaluation set; every expected entry in the top three."""
    ranks = []
    for query, expected in EXPECTED_TOP:
        ids = [h.entry.id for h in rank(query, LIBRARY)]
        ranks.append(ids.index(expected) + 1)
    assert max(ranks) <= 3
    assert sum(1 / r for r in ranks) / len(ranks) == 1.0


def test_a_large_library_finds_the_same_top_results_through_its_word_index() -> None:
    """Over FULL_RANK_LIMIT entries the index picks candidates by word first; the evaluation
    set must still put the expected entry first among 3,000 look-alike fillers."""
    fillers = [
        entry(
            1000 + i,
            f"{('Notes', 'Guide', 'Stories', 'Checklist')[i % 4]} on topic {i}",
            (f"topic {i % 50}", "general"),
            "Support for families, weekly meetings and practical exercises.",
        )
        for i in range(3000)
    ]
    index = SearchIndex([*LIBRARY, *fillers])
    assert len(index.entries) > resources.FULL_RANK_LIMIT
    for query, expected in EXPECTED_TOP:
        hits = index.search(query, limit=25)
        assert hits and hits[0].entry.id == expected, (query, [h.entry.title for h in hits[:3]])
    assert [h.entry.id for h in index.search("support", kind="group")][:2] == [1, 8]
    assert index.search("", limit=3) == [resources.Hit(e, 0.0) for e in index.entries[:3]]


def test_unrelated_queries_match_nothing_and_order_is_by_score() -> None:
    assert rank("xylophone quartz", LIBRARY) == []
    hits = rank("depression", LIBRARY)
    assert {h.entry.id for h in hits[:2]} == {2, 8}
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_index_filters_by_type_and_tag_and_suggests_tags() -> None:
    index = SearchIndex(list(LIBRARY))
    assert [h.entry.id for h in index.search("support", kind="group")][:2] == [1, 8]
    assert {h.entry.id for h in index.search("", tag="self-care")} == {3, 4, 10}
    assert index.search("grief", tag="anxiety") == []
    assert "anxiety" in index.closest_tags("anxeity")
    assert index.tag_suggestions("self")[0] == "self-care"


def test_links_must_be_well_formed_http() -> None:
    for bad in (
        "ftp://example.org",
        "javascript:alert(1)",
        "example.org",
        "https://",
        "https://exa mple.org",
        "https://user:pw@example.org",
        "https://localhost/x",
        "https://example.org:99999/",
    ):
        with pytest.raises(InvalidInput):
            resources.clean_url(bad)
    url, key = resources.clean_url("HTTPS://www.Example.org/Help/")
    assert url == "HTTPS://www.Example.org/Help/" and key == "example.org/help"


def test_fields_are_cleaned_and_limits_named() -> None:
    clean = resources.clean_resource(
        ResourceInput(
            "  Grief\u202e  support ",
            "https://example.org",
            "Group",
            "desc\u200b",
            "Grief, #Loss, grief",
        )
    )
    assert clean.title == "Grief support" and clean.description == "desc"
    assert clean.kind == "group" and clean.tags == ("grief", "loss")
    with pytest.raises(InvalidInput, match="100"):
        resources.clean_resource(ResourceInput("x" * 101, "https://example.org", "article"))
    with pytest.raises(InvalidInput, match="1,000"):
        resources.clean_resource(ResourceInput("t", "https://example.org", "article", "d" * 1001))
    with pytest.raises(InvalidInput, match="Type"):
        resources.clean_resource(ResourceInput("t", "https://example.org", "podcast"))
    with pytest.raises(InvalidInput, match="limit is 10"):
        resources.clean_resource(
            ResourceInput("t", "https://example.org", "article", tags=",".join("abcdefghijk"))
        )


async def test_add_edit_remove_and_duplicates(sessions: SessionFactory) -> None:
    cache = LibraryCache()
    async with sessions() as session:
        row = await resources.add_resource(
            session,
            cache,
            GUILD,
            MOD,
            ResourceInput(
                "Grief support group", "https://example.org/grief", "group", tags="grief"
            ),
            NOW,
        )
        assert row.added_by == MOD and row.tags == "grief"
        index = await cache.index(session, GUILD)
        assert index.search("greif")[0].entry.id == row.id
        with pytest.raises(InvalidInput, match="link"):
            await resources.add_resource(
                session,
                cache,
                GUILD,
                MOD,
                ResourceInput("Another", "http://www.example.org/grief/", "article"),
                NOW,
            )
        with pytest.raises(InvalidInput, match="title"):
            await resources.add_resource(
                session,
                cache,
                GUILD,
                MOD,
                ResourceInput("GRIEF support group", "https://example.org/other", "article"),
                NOW,
            )
        # Another server may list the same link.
        await resources.add_resource(
            session,
            cache,
            OTHER_GUILD,
            MOD,
            ResourceInput("Grief support group", "https://example.org/grief", "group"),
            NOW,
        )
        assert row.id is not None
        await resources.edit_resource(
            session,
            cache,
            GUILD,
            row.id,
            ResourceInput("Bereavement circle", "https://example.org/grief", "group", tags="loss"),
            NOW + timedelta(minutes=1),
        )
        index = await cache.index(session, GUILD)
        assert index.search("bereavment")[0].entry.title == "Bereavement circle"
        with pytest.raises(NotFound):
            await resources.remove_resource(session, cache, OTHER_GUILD + 1, row.id, NOW)
        await resources.remove_resource(session, cache, GUILD, row.id, NOW)
        index = await cache.index(session, GUILD)
        assert all(e.builtin for e in index.entries)


async def test_defaults_ship_and_a_server_may_hide_them(sessions: SessionFactory) -> None:
    cache = LibraryCache()
    async with sessions() as session:
        index = await cache.index(session, GUILD)
        assert len(index.entries) == len(resources.DEFAULTS)
        assert index.search("how to support someone")[0].entry.builtin
        await resources.set_defaults_hidden(session, cache, GUILD, True, NOW)
        assert (await cache.index(session, GUILD)).entries == []
        await resources.set_defaults_hidden(session, cache, GUILD, False, NOW)
        assert len((await cache.index(session, GUILD)).entries) == len(resources.DEFAULTS)


async def test_search_pages_and_expiry(sessions: SessionFactory) -> None:
    cache = LibraryCache()
    async with sessions() as session:
        await resources.set_defaults_hidden(session, cache, GUILD, True, NOW)
        for i in range(12):
            await resources.add_resource(
                session,
                cache,
                GUILD,
                MOD,
                ResourceInput(
                    f"Peer support circle {i:02}",
                    f"https://example.org/{i}",
                    "group",
                    tags="peer support",
                ),
                NOW,
            )
        search = await resources.start_search(session, GUILD, MEMBER, NOW, query="peer circle")
        assert search.id is not None
        first = await resources.results_page(session, cache, search, 0)
        assert (first.total, first.pages, len(first.hits)) == (12, 3, 5)
        last = await resources.results_page(session, cache, search, 7)
        assert last.page == 2 and len(last.hits) == 2
        none = await resources.start_search(
            session, GUILD, MEMBER, NOW, query="peer sport", tag="nosuch"
        )
        page = await resources.results_page(session, cache, none, 0)
        assert page.total == 0 and "peer support" in page.closest_tags
        assert await resources.purge_searches(session, NOW + timedelta(hours=23)) == 0
        assert await resources.purge_searches(session, NOW + timedelta(hours=25)) == 2
        with pytest.raises(NotFound):
            await resources.get_search(session, search.id)


async def test_flags_record_who_flagged_once(sessions: SessionFactory) -> None:
    async with sessions() as session:
        created, name = await resources.flag_line(session, GUILD, MEMBER, "GB", 0, NOW)
        assert created and name == "Samaritans"
        assert (await resources.flag_line(session, GUILD, MEMBER, "GB", 0, NOW))[0] is False
        await resources.flag_line(session, GUILD, MOD, "GB", 0, NOW + timedelta(hours=1))
        await resources.flag_line(session, GUILD, MEMBER, "US", 1, NOW)
        with pytest.raises(NotFound):
            await resources.flag_line(session, GUILD, MEMBER, "GB", 99, NOW)
        summary = await resources.flagged(session, GUILD)
        assert [(s.country, s.index, s.reports) for s in summary] == [("GB", 0, 2), ("US", 1, 1)]
        assert summary[0].last == NOW + timedelta(hours=1) and summary[0].still_listed
        assert await resources.flagged(session, OTHER_GUILD) == []


async def test_an_index_notices_writes_made_by_another_process(sessions: SessionFactory) -> None:
    """Two bot processes share the database: each one's index follows the other's writes."""
    here, there = LibraryCache(), LibraryCache()
    async with sessions() as session:
        await resources.set_defaults_hidden(session, here, GUILD, True, NOW)
        assert (await there.index(session, GUILD)).entries == []
        await resources.add_resource(
            session, here, GUILD, MOD, ResourceInput("Grief", "https://example.org/g", "group"), NOW
        )
    async with sessions() as session:
        assert [e.title for e in (await there.index(session, GUILD)).entries] == ["Grief"]
        same = await there.index(session, GUILD)
        assert same is await there.index(session, GUILD)  # unchanged: no rebuild
