"""The README's commands are the ones CI runs and the ones that work."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_ci_runs_exactly_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text().strip().splitlines()[-1]
    commands = re.findall(r"^    (python3 -m venv .*)$", readme, flags=re.MULTILINE)
    assert ci in commands
    assert "pytest" in ci and "ruff check" in ci and "ruff format --check" in ci
    assert "mypy" in ci  # type checking over bot/, cogs/ and db/ (pyproject [tool.mypy])


def test_example_config_documents_every_setting() -> None:
    from bot.settings import Settings

    example = (ROOT / "config.example.env").read_text()
    for name in Settings.model_fields:
        assert re.search(rf"^#? ?{name.upper()}=", example, flags=re.MULTILINE), name
