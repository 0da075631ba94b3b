"""Try the engine by hand.

python -m bot.crisis "some text"      # one result
echo "line one" | python -m bot.crisis  # one result per input line
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TextIO

from bot.crisis.engine import Detection, scan


def describe(detection: Detection | None) -> str:
    if detection is None:
        return "no detection"
    return f"{detection.severity}\t{detection.category}\t{' | '.join(detection.matches)}"


def main(argv: Sequence[str] | None = None, stdin: TextIO | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args:
        print(describe(scan(" ".join(args))))
        return 0
    for line in stdin or sys.stdin:
        print(describe(scan(line.rstrip("\n"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
