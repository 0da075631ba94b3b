"""Crisis detection for Kinship: pure Python, no Discord imports.

Stable entry point::

    from bot.crisis import scan
    detection = scan("some chat message")          # built-in lexicon
    rules = compile_rules([("relapse", "concern")], ["suicide squad"])
    detection = scan("some chat message", rules)    # plus one guild's settings
"""

from bot.crisis.engine import (
    SEVERITIES,
    Detection,
    ScanRules,
    compile_rules,
    scan,
    severity_rank,
)
from bot.crisis.lexicon import CATEGORIES

__all__ = [
    "CATEGORIES",
    "SEVERITIES",
    "Detection",
    "ScanRules",
    "compile_rules",
    "scan",
    "severity_rank",
]
