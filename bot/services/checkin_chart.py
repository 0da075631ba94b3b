"""The /mood history chart: a PNG drawn with matplotlib's Agg backend (no display, no Discord).

Rendering takes tens of milliseconds of CPU, so callers run ``render_history`` in a worker
thread (``asyncio.to_thread``). A day without a check-in is a gap in the line, never a zero."""

from __future__ import annotations

import io
from datetime import date, timedelta

import matplotlib

matplotlib.use("Agg")

from matplotlib.dates import AutoDateLocator, DateFormatter, date2num
from matplotlib.figure import Figure

from bot.services.checkins import MOODS, History

WIDTH, HEIGHT, DPI = 8, 4, 100  # 800 x 400: Discord's inline preview size
COLOUR = "#5865F2"


def render_history(history: History) -> bytes:
    """Mood per day with gaps for missed days, and the period's average as a dashed line."""
    # A Figure without pyplot: no global state, safe in a worker thread.
    figure = Figure(figsize=(WIDTH, HEIGHT), dpi=DPI)
    axes = figure.add_subplot()
    days: list[date] = []
    moods: list[float] = []
    cursor = history.start
    while cursor <= history.end:
        days.append(cursor)
        moods.append(history.daily.get(cursor, float("nan")))  # NaN breaks the line: a gap
        cursor += timedelta(days=1)
    axes.plot(date2num(days), moods, color=COLOUR, linewidth=2.5, marker="o", markersize=6)
    if history.average is not None:
        axes.axhline(history.average, color="#888888", linestyle="--", linewidth=1.5)
        axes.text(
            float(date2num(days[0])),
            history.average + 0.12,
            f"average {history.average:.1f}",
            fontsize=13,
            color="#555555",
        )
    axes.set_ylim(0.5, 5.5)
    axes.set_yticks(list(MOODS))
    axes.set_yticklabels([f"{m} {MOODS[m]}" if m in (1, 5) else str(m) for m in MOODS], fontsize=13)
    axes.set_xlim(float(date2num(history.start)) - 0.5, float(date2num(history.end)) + 0.5)
    axes.xaxis.set_major_locator(AutoDateLocator(maxticks=7))
    axes.xaxis.set_major_formatter(DateFormatter("%d %b"))
    axes.tick_params(axis="x", labelsize=13)
    axes.grid(axis="y", alpha=0.3)
    axes.set_title(f"Your mood, last {len(days)} days", fontsize=16)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
