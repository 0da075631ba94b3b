"""pyproject.toml declares what the code imports, nothing it does not, each with both bounds."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
LOCAL = {"bot", "cogs", "db", "standin", "tests", "benchmarks"}

# Calendar-versioned: "2026.1" is next year's time-zone / ISO data, not an incompatible API, so an
# upper bound would only turn every new year into a broken install. Lower bound only.
CALENDAR_VERSIONED = {"tzdata", "pycountry"}
# Declared but never imported by name: used through another package or as a tool.
NOT_IMPORTED = {
    "tzdata": "zoneinfo reads its time-zone files",
    "aiosqlite": "SQLAlchemy's sqlite+aiosqlite:// driver",
    "asyncpg": "SQLAlchemy's postgresql+asyncpg:// driver",
    "pytest-asyncio": "pytest plugin (asyncio_mode = auto)",
    "ruff": "lint and format command",
    "mypy": "type-check command",
}
# Where each folder's code runs: the product and its benchmarks after `pip install -e .`,
# the tests after `pip install -e '.[test]'`.
GROUPS = {
    "bot": ("dependencies",),
    "cogs": ("dependencies",),
    "db": ("dependencies",),
    "standin": ("dependencies",),
    "benchmarks": ("dependencies",),
    "tests": ("dependencies", "test"),
    # Rebuilding the crisis model only: the bot scores it without these.
    "bot/crisis/train.py": ("dependencies", "train"),
}


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirements(group: str) -> list[str]:
    if group == "dependencies":
        return list(PROJECT["dependencies"])
    return list(PROJECT["optional-dependencies"][group])


def every_group() -> list[str]:
    return ["dependencies", *PROJECT["optional-dependencies"]]


def split(requirement: str) -> tuple[str, list[tuple[str, str]]]:
    """("sqlalchemy", [(">=", "2.0.36"), ("<", "3")]) for "SQLAlchemy[asyncio]>=2.0.36,<3"."""
    match = re.fullmatch(
        r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*([^;]*)(;.*)?", requirement
    )
    assert match, requirement
    specifiers = [
        re.fullmatch(r"\s*(~=|===|==|!=|<=|>=|<|>)\s*(\S+)\s*", part)
        for part in match.group(3).split(",")
        if part.strip()
    ]
    assert all(specifiers), requirement
    return normalise(match.group(1)), [(s.group(1), s.group(2)) for s in specifiers if s]


def declared(groups: tuple[str, ...]) -> set[str]:
    return {split(r)[0] for g in groups for r in requirements(g)}


def imported_modules(folder: str) -> dict[str, str]:
    """Top-level names of absolute imports under ``folder`` -> the first file importing each."""
    found: dict[str, str] = {}
    root = ROOT / folder
    paths = [root] if root.is_file() else sorted(root.rglob("*.py"))
    for path in paths:
        if path != root and str(path.relative_to(ROOT)) in GROUPS:
            continue  # checked under its own, more specific entry
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.partition(".")[0], str(path.relative_to(ROOT)))
    return found


def third_party(modules: dict[str, str]) -> dict[str, str]:
    return {
        m: where
        for m, where in modules.items()
        if m not in sys.stdlib_module_names and m not in LOCAL and m != "__future__"
    }


@pytest.mark.parametrize("group", every_group())
def test_every_dependency_has_a_lower_and_an_upper_bound(group: str) -> None:
    for requirement in requirements(group):
        name, specifiers = split(requirement)
        operators = {op for op, _ in specifiers}
        assert operators & {">=", ">", "~=", "=="}, f"{requirement}: no lower bound"
        if name in CALENDAR_VERSIONED:
            continue
        assert operators & {"<", "<=", "~=", "=="}, f"{requirement}: no upper bound"


@pytest.mark.parametrize("folder", sorted(GROUPS))
def test_every_third_party_import_is_declared(folder: str) -> None:
    distributions = packages_distributions()
    available = declared(GROUPS[folder])
    for module, where in third_party(imported_modules(folder)).items():
        provided_by = {normalise(d) for d in distributions.get(module, [])}
        assert provided_by, f"{where} imports {module}, which no installed distribution provides"
        assert provided_by & available, (
            f"{where} imports {module} (from {sorted(provided_by)}), not declared for "
            f"{folder}/ in pyproject.toml {GROUPS[folder]}"
        )


def test_every_declared_dependency_is_used() -> None:
    distributions = packages_distributions()
    used: set[str] = set()
    for folder in GROUPS:
        for module in third_party(imported_modules(folder)):
            used |= {normalise(d) for d in distributions.get(module, [])}
    for group in every_group():
        for requirement in requirements(group):
            name = split(requirement)[0]
            assert name in used or name in NOT_IMPORTED, f"{requirement} is declared but unused"


def test_the_exemptions_are_declared() -> None:
    everything = {split(r)[0] for g in every_group() for r in requirements(g)}
    assert everything >= CALENDAR_VERSIONED | NOT_IMPORTED.keys()


def test_the_parser_reads_extras_markers_and_bounds() -> None:
    assert split("SQLAlchemy[asyncio]>=2.0.36,<3") == ("sqlalchemy", [(">=", "2.0.36"), ("<", "3")])
    assert split("discord.py>=2.7.1,<2.8")[0] == "discord-py"
    assert split('tomli>=2; python_version < "3.11"') == ("tomli", [(">=", "2")])
    assert split("tzdata")[1] == []
