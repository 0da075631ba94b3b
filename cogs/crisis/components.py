"""The crisis cog's persistent buttons and menus, and the views that carry them.

Each component authorises its presser in ``interaction_check`` (bot/checks.py) and then hands
its parsed custom id to the ``CaseHandlers`` of the bot it belongs to: a typed object the cog
attaches at load time (``attach``), so nothing here imports the cog."""

from __future__ import annotations

import weakref
from typing import Any, Literal, Protocol

import discord

from bot.checks import RESPONDER, SERVER_MANAGER, Gated, admit_only
from bot.components import FromCustomId
from bot.services import escalation
from bot.services.escalation import Outcome
from bot.tree import guarded, reply
from db.models import CrisisCase

CaseAction = Literal["claim", "resources", "resolve", "false"]
MemberAction = Literal["ok", "optout"]
CASE_GONE = "I couldn't find that case; it may have been closed already."


class CaseHandlers(Protocol):
    """What the components need done once a presser is authorised."""

    async def case_action(
        self, interaction: discord.Interaction[Any], action: CaseAction, case_id: int
    ) -> None: ...

    async def resolve_with(
        self, interaction: discord.Interaction[Any], case_id: int, outcome: Outcome
    ) -> None: ...

    async def member_action(
        self, interaction: discord.Interaction[Any], action: MemberAction, case_id: int
    ) -> None: ...

    async def test_alert(self, interaction: discord.Interaction[Any]) -> None: ...


_handlers: weakref.WeakKeyDictionary[discord.Client, CaseHandlers] = weakref.WeakKeyDictionary()


def attach(client: discord.Client, handlers: CaseHandlers) -> None:
    _handlers[client] = handlers


def detach(client: discord.Client) -> None:
    _handlers.pop(client, None)


def handlers_for(client: discord.Client) -> CaseHandlers:
    try:
        return _handlers[client]
    except KeyError:
        raise RuntimeError("the crisis cog is not loaded") from None


class CaseButton(
    Gated,
    FromCustomId,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"crisis:(?P<action>claim|resources|resolve|false):(?P<case_id>\d+)",
):
    """Claim / Send resources / Resolve / False alarm on an alert: responders only."""

    gate = RESPONDER

    def __init__(self, button: discord.ui.Button[Any], *, action: CaseAction, case_id: int) -> None:
        super().__init__(button)
        self.action, self.case_id = action, case_id

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        handlers = handlers_for(interaction.client)
        await guarded(interaction, handlers.case_action(interaction, self.action, self.case_id))


class OutcomeSelect(
    Gated,
    FromCustomId,
    discord.ui.DynamicItem[discord.ui.Select[Any]],
    template=r"crisis:outcome:(?P<case_id>\d+)",
):
    gate = RESPONDER

    def __init__(self, select: discord.ui.Select[Any] | None = None, *, case_id: int) -> None:
        super().__init__(
            select
            or discord.ui.Select(
                custom_id=f"crisis:outcome:{case_id}",
                placeholder="How was it resolved?",
                options=[
                    discord.SelectOption(label=o.label, value=o.value)
                    for o in Outcome
                    if o is not Outcome.FALSE_ALARM
                ],
            )
        )
        self.case_id = case_id

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        outcome = Outcome(self.item.values[0])
        handlers = handlers_for(interaction.client)
        await guarded(interaction, handlers.resolve_with(interaction, self.case_id, outcome))


class MemberButton(
    FromCustomId,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"crisis:member:(?P<action>ok|optout):(?P<case_id>\d+)",
):
    """The buttons in the member's DM: only the member the case is about may press them."""

    def __init__(
        self, button: discord.ui.Button[Any], *, action: MemberAction, case_id: int
    ) -> None:
        super().__init__(button)
        self.action, self.case_id = action, case_id

    async def interaction_check(self, interaction: discord.Interaction[Any]) -> bool:
        async with interaction.client.sessions() as session:
            member_id = await escalation.case_member(session, self.case_id)
        if member_id is None:
            await reply(interaction, CASE_GONE)
            return False
        return await admit_only(interaction, member_id)

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        handlers = handlers_for(interaction.client)
        await guarded(interaction, handlers.member_action(interaction, self.action, self.case_id))


class TestAlertButton(
    Gated,
    FromCustomId,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"crisis:test_alert",
):
    """On the /setup panel: post a test alert to check the escalation channel works."""

    gate = SERVER_MANAGER

    def __init__(self, button: discord.ui.Button[Any] | None = None) -> None:
        super().__init__(
            button
            or discord.ui.Button(
                label="Send a test alert",
                emoji="🧪",
                style=discord.ButtonStyle.secondary,
                custom_id="crisis:test_alert",
                row=4,
            )
        )

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await guarded(interaction, handlers_for(interaction.client).test_alert(interaction))


DYNAMIC_ITEMS = (CaseButton, OutcomeSelect, MemberButton, TestAlertButton)
CASE_ACTIONS: tuple[tuple[CaseAction, str, discord.ButtonStyle], ...] = (
    ("claim", "Claim", discord.ButtonStyle.primary),
    ("resources", "Send resources", discord.ButtonStyle.secondary),
    ("resolve", "Resolve", discord.ButtonStyle.success),
    ("false", "False alarm", discord.ButtonStyle.secondary),
)
MEMBER_ACTIONS: tuple[tuple[MemberAction, str], ...] = (
    ("ok", "I'm OK, this was a misunderstanding"),
    ("optout", "Don't scan my messages"),
)


def alert_view(case: CrisisCase) -> discord.ui.View:
    assert case.id is not None
    view = discord.ui.View(timeout=None)
    for action, label, style in CASE_ACTIONS:
        disabled = not case.is_open or (action == "claim" and case.state == "claimed")
        button: discord.ui.Button[Any] = discord.ui.Button(
            label=label, style=style, custom_id=f"crisis:{action}:{case.id}", disabled=disabled
        )
        view.add_item(CaseButton(button, action=action, case_id=case.id))
    return view


def outcome_view(case_id: int) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(OutcomeSelect(case_id=case_id))
    return view


def member_view(case_id: int) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    for action, label in MEMBER_ACTIONS:
        button: discord.ui.Button[Any] = discord.ui.Button(
            label=label,
            style=discord.ButtonStyle.secondary,
            custom_id=f"crisis:member:{action}:{case_id}",
        )
        view.add_item(MemberButton(button, action=action, case_id=case_id))
    return view
