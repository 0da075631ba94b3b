"""Layering rules the code structure depends on, checked on the source.

Services and the detection engine know nothing of Discord (no import, no markup), and the
crisis cog package's modules import each other in one direction only."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DISCORD_FREE = ("bot/services", "bot/crisis")
MARKUP = re.compile(r"<[@#][&!]?\{|<[@#][&!]?\d")


def _sources(folder: str) -> list[Path]:
    paths = sorted((ROOT / folder).rglob("*.py"))
    assert paths, folder
    return paths


def _imports(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
            names.extend(f"{node.module}.{alias.name}" for alias in node.names)
    return names


@pytest.mark.parametrize("folder", DISCORD_FREE)
def test_no_discord_import(folder: str) -> None:
    for path in _sources(folder):
        found = [n for n in _imports(path) if n.split(".")[0] == "discord"]
        assert not found, (path, found)


def test_services_build_no_discord_markup() -> None:
    for path in _sources("bot/services"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                assert not MARKUP.search(node.value), (path, node.value)


def test_markup_pattern_catches_mentions() -> None:
    assert MARKUP.search("claimed by <@{claimer}>") and MARKUP.search("<@&123>")
    assert not MARKUP.search("a <b> tag, or an email <me@example.org>")


def test_crisis_cog_modules_import_in_one_direction() -> None:
    package = ROOT / "cogs" / "crisis"
    modules = {p.stem for p in package.glob("*.py") if p.stem != "__init__"}
    graph = {
        name: {
            i.split(".")[2]
            for i in _imports(package / f"{name}.py")
            if i.startswith("cogs.crisis.") and i.split(".")[2] in modules
        }
        for name in modules
    }
    assert graph["components"] == set(), "components must not import the cog"
    done: set[str] = set()

    def visit(name: str, path: tuple[str, ...]) -> None:
        assert name not in path, f"import cycle: {' -> '.join((*path, name))}"
        if name in done:
            return
        for dependency in graph[name]:
            visit(dependency, (*path, name))
        done.add(name)

    for name in modules:
        visit(name, ())
