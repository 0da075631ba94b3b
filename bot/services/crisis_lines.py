"""A small built-in directory of crisis lines, until the resource library supplies the full one."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CrisisLine:
    name: str
    contact: str
    url: str | None = None


INTERNATIONAL = (
    CrisisLine(
        "Find a helpline near you",
        "Free, confidential support worldwide",
        "https://findahelpline.com",
    ),
    CrisisLine("If you are in immediate danger", "Call your local emergency number"),
)

_BY_REGION: dict[str, tuple[CrisisLine, ...]] = {
    "US": (
        CrisisLine("988 Suicide & Crisis Lifeline", "Call or text 988", "https://988lifeline.org"),
        CrisisLine("Crisis Text Line", "Text HOME to 741741"),
    ),
    "CA": (CrisisLine("9-8-8 Suicide Crisis Helpline", "Call or text 988", "https://988.ca"),),
    "GB": (
        CrisisLine("Samaritans", "Call 116 123 (free, 24/7)", "https://www.samaritans.org"),
        CrisisLine("Shout", "Text SHOUT to 85258"),
    ),
    "IE": (
        CrisisLine("Samaritans Ireland", "Call 116 123 (free, 24/7)", "https://www.samaritans.ie"),
        CrisisLine("Pieta", "Call 1800 247 247 or text HELP to 51444", "https://www.pieta.ie"),
    ),
    "AU": (
        CrisisLine(
            "Lifeline", "Call 13 11 14 or text 0477 13 11 14", "https://www.lifeline.org.au"
        ),
    ),
    "NZ": (CrisisLine("Need to talk?", "Call or text 1737"),),
    "DE": (
        CrisisLine(
            "TelefonSeelsorge",
            "0800 111 0 111 or 0800 111 0 222",
            "https://www.telefonseelsorge.de",
        ),
    ),
    "FR": (
        CrisisLine(
            "Numéro national de prévention du suicide", "Appelez le 3114", "https://3114.fr"
        ),
    ),
    "NL": (CrisisLine("113 Zelfmoordpreventie", "Bel 113 of 0800-0113", "https://www.113.nl"),),
    "IN": (CrisisLine("Tele MANAS", "Call 14416 or 1-800-891-4416"),),
}


def lines_for(region: str | None) -> tuple[CrisisLine, ...]:
    """The lines for a country (ISO alpha-2), always followed by the international fallbacks."""
    return _BY_REGION.get((region or "").upper(), ()) + INTERNATIONAL
