"""Crisis escalation: scan messages, open cases, alert human responders, and never lose an alert.

Order matters: a detection is written to the database before anything is posted, delivery
retries with backoff until it succeeds, and every timer is rebuilt from the database at start-up.

The package, one job per module (each imports only those listed before it):
  render      embeds, mentions and texts (the only place Discord markup is built)
  components  persistent buttons/menus: authorise in interaction_check, then hand over to the
              ``CaseHandlers`` attached for their bot
  delivery    posting alerts, follow-ups and DMs (``Delivery``)
  timers      delivery retries, re-escalation, reminders and purge on the bot's clock
  intake      message and AutoMod scanning into cases (``CaseIntake``, ``CrisisIntake`` cog)
  cases       what the components do (``CaseDesk``, the ``CaseHandlers``)
  slash       the slash commands (``CrisisCommands`` cog)
"""

from __future__ import annotations

from discord.ext import commands

from bot.bot import KinshipBot
from bot.crisis.encoder import load_encoder_stage
from cogs.crisis import components
from cogs.crisis.cases import CaseDesk
from cogs.crisis.delivery import Delivery
from cogs.crisis.intake import CaseIntake, CrisisIntake
from cogs.crisis.slash import CrisisCommands
from cogs.crisis.timers import CaseTimers


class CrisisLifecycle(commands.Cog):
    """Owns the crisis objects: registers the components and starts the timers on load."""

    def __init__(self, bot: KinshipBot) -> None:
        self.bot = bot
        self.delivery = Delivery(bot)
        self.timers = CaseTimers(bot, self.delivery)
        encoder = load_encoder_stage() if bot.settings.crisis_encoder else None
        self.intake = CaseIntake(bot, self.delivery, self.timers, encoder)
        self.desk = CaseDesk(bot, self.delivery, self.timers, self.intake)

    async def cog_load(self) -> None:
        components.attach(self.bot, self.desk)
        self.bot.add_dynamic_items(*components.DYNAMIC_ITEMS)
        self.bot.setup_buttons.append(components.TestAlertButton)
        await self.timers.start()
        self.bot.spawn(self.intake.warm_up(), name="crisis-encoder-warm-up")

    async def cog_unload(self) -> None:
        self.timers.stop()
        self.bot.setup_buttons.remove(components.TestAlertButton)
        self.bot.remove_dynamic_items(*components.DYNAMIC_ITEMS)
        components.detach(self.bot)


async def setup(bot: KinshipBot) -> None:
    core = CrisisLifecycle(bot)
    await bot.add_cog(core)
    await bot.add_cog(CrisisIntake(bot, core.intake))
    await bot.add_cog(CrisisCommands(bot, core.intake, core.delivery))
