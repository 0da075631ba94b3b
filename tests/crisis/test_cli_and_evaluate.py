"""The command-line entry points and the evaluation report."""

from __future__ import annotations

import io
import json
import pathlib
import subprocess
import sys

import pytest

from bot.crisis import __main__ as cli
from bot.crisis.evaluate import evaluate, format_report, load_jsonl, main

ROOT = pathlib.Path(__file__).resolve().parents[2]

RECORDS = [
    {"id": "n1", "text": "this exam is killing me", "label": "none", "category": "idiom"},
    {"id": "n2", "text": "dying of laughter", "label": "none", "category": "idiom"},
    {
        "id": "n3",
        "text": "i'll kms if this printer jams one more time lol",
        "label": "none",
        "category": "idiom",
    },
    {"id": "c1", "text": "i wish i could disappear", "label": "concern", "category": "passive"},
    {"id": "h1", "text": "i want to die", "label": "high", "category": "ideation"},
    {"id": "h2", "text": "the weather is nice", "label": "high", "category": "ideation"},
    {"id": "i1", "text": "rope is tied. this is it", "label": "imminent", "category": "plan"},
    {"id": "i2", "text": "i'm fine thanks", "label": "imminent", "category": "plan"},
]


def test_cli_argument(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["i", "want", "to", "die"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("high\tideation\t")


def test_cli_stdin_one_line_per_result(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([], io.StringIO("hello there\nrope is tied\n")) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "no detection"
    assert lines[1].startswith("imminent\tplan_or_means")


def test_cli_as_module_subprocess() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot.crisis", "my phone is dead"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "no detection"


def test_evaluate_report_figures() -> None:
    report = evaluate(RECORDS)
    assert report.total == 8
    assert report.label_counts == {"none": 3, "concern": 1, "high": 2, "imminent": 2}
    assert report.risky == 4
    assert report.risky_detected == 2
    assert report.recall == 0.5
    assert report.imminent_missed == ["i2"]
    assert sorted(report.missed) == ["h2", "i2"]
    assert report.false_alarms == []
    assert report.false_alarm_rate == 0.0
    assert report.concern_recall == 1.0
    assert report.confusion["imminent"]["imminent"] == 1
    assert report.per_category["plan"].risky_detected == 1
    text = format_report(report)
    assert "imminent missed" in text and "i2" in text
    assert "exam" not in text  # ids only, never message text


def test_evaluate_jsonl_file_and_exit_codes(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    assert len(load_jsonl(path)) == len(RECORDS)
    assert main([str(path)]) == 0
    assert "recall high+imminent" in capsys.readouterr().out
    assert main([str(path), "--min-recall", "0.9"]) == 1
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps(RECORDS[4]) + "\n" + json.dumps(RECORDS[0]) + "\n")
    assert main([str(good), "--min-recall", "0.9", "--max-false-alarms", "0.05"]) == 0


def test_evaluate_scores_the_whole_verdict_unless_told_engine_only(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Written for this test: no rule, frame or corpus phrasing, only its meaning says risk.
    record = {"id": "m1", "text": "i don't plan on seeing my 20th birthday", "label": "high"}
    path = tmp_path / "meaning.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert main([str(path), "--min-recall", "1"]) == 0
    assert main([str(path), "--min-recall", "1", "--engine-only"]) == 1
    assert "FAILED" in capsys.readouterr().err


def test_evaluate_rejects_unknown_label() -> None:
    with pytest.raises(ValueError):
        evaluate([{"id": "x", "text": "hi", "label": "severe"}])


def test_cli_help_is_help_not_a_message() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot.crisis", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.startswith("usage: python -m bot.crisis")
    assert "no detection" not in result.stdout


def test_cli_prints_cues_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--cues", "i", "want", "to", "die"]) == 0
    fields = capsys.readouterr().out.rstrip("\n").split("\t")
    assert fields[0] == "high" and len(fields) == 4
    assert "rule:" in fields[3]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "no such file"),
        ('{"id": "a", "text": "hi", "label": "none"}\n{not json\n', ":2: not valid JSON"),
        ('{"id": "a", "text": "hi", "label": "severe"}\n', "unknown label 'severe'"),
        ('{"id": "a", "label": "none"}\n', "missing field 'text'"),
        ('["a list"]\n', "expected a JSON object"),
    ],
)
def test_evaluate_bad_input_is_one_line_and_exit_2(
    tmp_path: pathlib.Path,
    capsys: pytest.CaptureFixture[str],
    content: str | None,
    expected: str,
) -> None:
    path = tmp_path / "set.jsonl"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert main([str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and expected in lines[0]


def test_evaluate_names_the_failed_threshold(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    assert main([str(path), "--min-recall", "0.9", "--max-false-alarms", "0.5"]) == 1
    err = capsys.readouterr().err
    assert "recall 0.500 is below --min-recall 0.9" in err
    assert "1 imminent message(s) missed" in err
    assert "false-alarm" not in err
    noisy = tmp_path / "noisy.jsonl"
    noisy.write_text(
        json.dumps({"id": "n", "text": "i want to die", "label": "none"}) + "\n", encoding="utf-8"
    )
    assert main([str(noisy), "--max-false-alarms", "0.05"]) == 1
    assert "false-alarm rate 1.000 is above --max-false-alarms 0.05" in capsys.readouterr().err
