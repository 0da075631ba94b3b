"""Try the engine by hand.

python -m bot.crisis "some text"        # one result
echo "line one" | python -m bot.crisis  # one result per input line
python -m bot.crisis --cues "some text" # also list the cues that fired

Each message gets the bot's whole verdict: the engine, then the sentence encoder where it
could change it (``encoder.judge``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TextIO

from bot.crisis.encoder import judge
from bot.crisis.engine import Detection


def describe(detection: Detection | None, cues: bool = False) -> str:
    if detection is None:
        return "no detection"
    line = f"{detection.severity}\t{detection.category}\t{' | '.join(detection.matches)}"
    if cues:
        line += "\t" + " ".join(detection.cues)
    return line


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot.crisis",
        description="Scan chat messages with the crisis engine (nothing is logged or stored).",
    )
    parser.add_argument(
        "text", nargs="*", help="message to scan; without it, scan each line of stdin"
    )
    parser.add_argument("--cues", action="store_true", help="also print the cues that fired")
    return parser


def main(argv: Sequence[str] | None = None, stdin: TextIO | None = None) -> int:
    args = _parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.text:
        print(describe(judge(" ".join(args.text)).detection, args.cues))
        return 0
    for line in stdin or sys.stdin:
        print(describe(judge(line.rstrip("\n")).detection, args.cues))
    return 0


if __name__ == "__main__":
    sys.exit(main())
