"""Score the crisis engine against a labelled JSONL file.

Usage::

    python -m bot.crisis.evaluate PATH.jsonl [--min-recall 0.95] [--max-false-alarms 0.05]
                                             [--engine-only]

By default each message gets the bot's whole verdict (``encoder.judge``: the engine, then the
sentence encoder where it could change it); ``--engine-only`` scores ``scan`` alone.

Each line is a JSON object with ``id``, ``text``, ``label`` (none/concern/high/imminent) and
optionally ``category``. Only ids are printed, never message text.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.crisis import encoder
from bot.crisis.engine import SEVERITIES, Detection, ScanRules, scan, severity_rank

LABELS: tuple[str, ...] = ("none", *SEVERITIES)


@dataclass(slots=True)
class CategoryStats:
    total: int = 0
    risky: int = 0  # labelled high or imminent
    risky_detected: int = 0
    benign: int = 0  # labelled none
    false_alarms: int = 0
    concern: int = 0
    concern_detected: int = 0


@dataclass(slots=True)
class Report:
    total: int
    label_counts: dict[str, int]
    risky: int
    risky_detected: int
    risky_at_label: int
    imminent_missed: list[str]
    missed: list[str]
    benign: int
    false_alarms: list[str]
    concern_detected: int
    per_category: dict[str, CategoryStats] = field(default_factory=dict)
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def recall(self) -> float:
        """High + imminent messages detected at any severity."""
        return self.risky_detected / self.risky if self.risky else 1.0

    @property
    def recall_at_label(self) -> float:
        """High + imminent messages detected at or above their labelled severity."""
        return self.risky_at_label / self.risky if self.risky else 1.0

    @property
    def false_alarm_rate(self) -> float:
        return len(self.false_alarms) / self.benign if self.benign else 0.0

    @property
    def concern_recall(self) -> float:
        concern = self.label_counts.get("concern", 0)
        return self.concern_detected / concern if concern else 1.0


class BadInput(ValueError):
    """The labelled file is missing or malformed; the message names the file and line."""


def load_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Read labelled records; raise ``BadInput`` (never echoing message text) on bad input."""
    records = []
    try:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise BadInput(f"{path}:{number}: not valid JSON ({exc.msg})") from None
                if not isinstance(record, dict):
                    raise BadInput(f"{path}:{number}: expected a JSON object")
                for key in ("text", "label"):
                    if key not in record:
                        raise BadInput(f"{path}:{number}: missing field {key!r}")
                if record["label"] not in LABELS:
                    raise BadInput(
                        f"{path}:{number}: unknown label {record['label']!r}; expected one of "
                        f"{', '.join(LABELS)}"
                    )
                record.setdefault("id", f"line-{number}")
                records.append(record)
    except FileNotFoundError:
        raise BadInput(f"{path}: no such file") from None
    except IsADirectoryError:
        raise BadInput(f"{path}: is a directory, expected a JSONL file") from None
    except UnicodeDecodeError as exc:
        raise BadInput(f"{path}: not UTF-8 text ({exc.reason})") from None
    return records


def evaluate(
    records: Iterable[Mapping[str, Any]],
    rules: ScanRules | None = None,
    judge: Callable[[str, ScanRules | None], Detection | None] = scan,
) -> Report:
    """Judge every record (``scan`` unless told otherwise) and tally recall, false alarms and
    the label x prediction table."""
    counts = dict.fromkeys(LABELS, 0)
    confusion = {label: dict.fromkeys(LABELS, 0) for label in LABELS}
    per_category: dict[str, CategoryStats] = {}
    risky = risky_detected = risky_at_label = benign = concern_detected = 0
    imminent_missed: list[str] = []
    missed: list[str] = []
    false_alarms: list[str] = []
    total = 0
    for record in records:
        label = str(record["label"])
        if label not in counts:
            raise ValueError(f"record {record.get('id')!r}: unknown label {label!r}")
        total += 1
        counts[label] += 1
        record_id = str(record.get("id", total))
        detection = judge(str(record["text"]), rules)
        predicted = detection.severity if detection else "none"
        confusion[label][predicted] += 1
        stats = per_category.setdefault(
            str(record.get("category", "uncategorised")), CategoryStats()
        )
        stats.total += 1
        got = severity_rank(detection.severity) if detection else 0
        if label in ("high", "imminent"):
            risky += 1
            stats.risky += 1
            if got:
                risky_detected += 1
                stats.risky_detected += 1
            else:
                missed.append(record_id)
            if got >= severity_rank(label):
                risky_at_label += 1
            if label == "imminent" and got < severity_rank("high"):
                imminent_missed.append(record_id)
        elif label == "none":
            benign += 1
            stats.benign += 1
            if got:
                false_alarms.append(record_id)
                stats.false_alarms += 1
        else:
            stats.concern += 1
            if got:
                concern_detected += 1
                stats.concern_detected += 1
    return Report(
        total=total,
        label_counts=counts,
        risky=risky,
        risky_detected=risky_detected,
        risky_at_label=risky_at_label,
        imminent_missed=imminent_missed,
        missed=missed,
        benign=benign,
        false_alarms=false_alarms,
        concern_detected=concern_detected,
        per_category=dict(sorted(per_category.items())),
        confusion=confusion,
    )


def format_report(report: Report) -> str:
    lines = [f"messages: {report.total}"]
    lines.append("labels:   " + "  ".join(f"{k}={v}" for k, v in report.label_counts.items()))
    lines.append(
        f"recall high+imminent (any severity): {report.recall:.3f} "
        f"({report.risky_detected}/{report.risky})"
    )
    lines.append(
        f"recall high+imminent (>= label):     {report.recall_at_label:.3f} "
        f"({report.risky_at_label}/{report.risky})"
    )
    lines.append(f"concern detected (any severity):     {report.concern_recall:.3f}")
    lines.append(
        f"imminent missed (< high): {len(report.imminent_missed)} {report.imminent_missed}"
    )
    lines.append(f"high/imminent not detected: {report.missed}")
    lines.append(
        f"false-alarm rate on none: {report.false_alarm_rate:.3f} "
        f"({len(report.false_alarms)}/{report.benign}) {report.false_alarms}"
    )
    lines.append("")
    lines.append(f"{'category':<24} {'n':>4} {'recall':>9} {'concern':>9} {'false':>9}")
    for name, s in report.per_category.items():
        recall = f"{s.risky_detected}/{s.risky}" if s.risky else "-"
        concern = f"{s.concern_detected}/{s.concern}" if s.concern else "-"
        false = f"{s.false_alarms}/{s.benign}" if s.benign else "-"
        lines.append(f"{name:<24} {s.total:>4} {recall:>9} {concern:>9} {false:>9}")
    lines.append("")
    lines.append("label \\ predicted " + "".join(f"{p:>10}" for p in LABELS))
    for label, row in report.confusion.items():
        lines.append(f"{label:<17} " + "".join(f"{row[p]:>10}" for p in LABELS))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.crisis.evaluate", description=__doc__)
    parser.add_argument("path", help="labelled JSONL file")
    parser.add_argument("--min-recall", type=float, default=None, help="fail below this recall")
    parser.add_argument(
        "--max-false-alarms", type=float, default=None, help="fail above this false-alarm rate"
    )
    parser.add_argument(
        "--engine-only", action="store_true", help="score scan alone, without the encoder"
    )
    args = parser.parse_args(argv)
    try:
        records = load_jsonl(args.path)
        report = evaluate(records) if args.engine_only else evaluate(records, judge=whole_verdict)
    except BadInput as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(format_report(report))
    failures = threshold_failures(report, args.min_recall, args.max_false_alarms)
    for failure in failures:
        print(f"FAILED: {failure}", file=sys.stderr)
    return 1 if failures else 0


def whole_verdict(text: str, rules: ScanRules | None = None) -> Detection | None:
    """What the bot decides: the engine, then the sentence encoder where it matters."""
    return encoder.judge(text, rules).detection


def threshold_failures(
    report: Report, min_recall: float | None, max_false_alarms: float | None
) -> list[str]:
    """One readable line per threshold the report does not meet."""
    failures = []
    if min_recall is not None:
        if report.recall < min_recall:
            failures.append(f"recall {report.recall:.3f} is below --min-recall {min_recall}")
        if report.imminent_missed:
            failures.append(
                f"{len(report.imminent_missed)} imminent message(s) missed "
                "(--min-recall also requires none)"
            )
    if max_false_alarms is not None and report.false_alarm_rate > max_false_alarms:
        failures.append(
            f"false-alarm rate {report.false_alarm_rate:.3f} is above --max-false-alarms "
            f"{max_false_alarms}"
        )
    return failures


if __name__ == "__main__":
    sys.exit(main())
