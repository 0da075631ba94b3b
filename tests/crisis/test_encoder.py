"""The sentence encoder's second opinion: when it runs, what it decides, and its heads file.

Every sentence here was written for these tests (none comes from a shared or held-out set).
The real encoder (all-MiniLM-L6-v2 from its wheel) runs where a test says so.
"""

from __future__ import annotations

import json
import pathlib
from collections.abc import Sequence

import pytest

from bot.crisis.encoder import (
    EncoderScore,
    EncoderStage,
    SentenceEncoder,
    judge,
    load_encoder_stage,
)
from bot.crisis.engine import Assessment, Detection, assess
from bot.crisis.model import HEADS, model_text

ROOT = pathlib.Path(__file__).resolve().parents[2]
HEADS_JSON = ROOT / "bot/crisis/data/encoder_heads.json"
# The engine has no rule, frame or corpus phrasing for this; the encoder reads its meaning.
ONLY_MEANING = "i don't plan on seeing my 20th birthday"
EVERYDAY = "the bus was late again so i grabbed a coffee and read my book"


class CountingEncoder(SentenceEncoder):
    """The real encoder, counting the messages it is asked to read."""

    def __init__(self) -> None:
        super().__init__()
        self.read: list[str] = []

    def embed(self, texts: Sequence[str], batch_size: int = 64) -> list[list[float]]:
        self.read.extend(texts)
        return super().embed(texts, batch_size)


class BrokenEncoder(SentenceEncoder):
    def embed(self, texts: Sequence[str], batch_size: int = 64) -> list[list[float]]:
        raise RuntimeError("no encoder here")


def stage(encoder: SentenceEncoder | None = None) -> EncoderStage:
    return EncoderStage(json.loads(HEADS_JSON.read_text()), encoder)


def nothing(model_any: float) -> Assessment:
    return Assessment(None, frozenset(), model_any)


def found(severity: str) -> Assessment:
    return Assessment(Detection(severity, "ideation", ("rule",), ("rule:x",)), frozenset(), 0.9)


def test_heads_file_loads_and_scores_deterministically() -> None:
    heads = load_encoder_stage()
    assert heads.meta["version"] >= 1 and heads.meta["examples"] > 20_000
    layers = json.loads(HEADS_JSON.read_text())["layers"]
    assert len(layers) == len(HEADS)
    assert all(len(layer["hidden_weights"]) == 384 for layer in layers)  # MiniLM's width
    first = heads.score("i really don't want to be alive anymore")
    assert stage().score("i really don't want to be alive anymore") == first
    assert first.any > heads.score(EVERYDAY).any
    assert all(0.0 <= p <= 1.0 for p in (first.any, first.serious, first.imminent))


def test_the_encoder_reads_the_folded_text() -> None:
    cyrillic = "\u0456 w\u0430nt t\u043e d\u0456\u0435"  # look-alike letters
    assert model_text(cyrillic) == "i want to die"
    assert model_text("I W4NT T0 D1E") == model_text("i want to die")


def test_words_the_engine_does_not_know_are_detected_by_meaning() -> None:
    assert assess(ONLY_MEANING).detection is None
    verdict = judge(ONLY_MEANING).detection
    assert verdict is not None and verdict.rank >= 2
    assert verdict.matches == ("encoder",)
    assert any(c.startswith("encoder:any=") for c in verdict.cues)


def test_the_encoder_reads_only_messages_whose_verdict_it_could_change() -> None:
    counting = CountingEncoder()
    heads = stage(counting)
    for text in (EVERYDAY, "see you all at group tonight!", "i have the pills and it's tonight"):
        heads.review(assess(text), text)
    assert assess("i have the pills and it's tonight").detection.rank == 3  # type: ignore[union-attr]
    assert counting.read == []  # nothing leaning to risk, and an imminent verdict stands
    heads.review(assess(ONLY_MEANING), ONLY_MEANING)
    assert counting.read == [ONLY_MEANING]


def test_needs_review_follows_the_thresholds() -> None:
    heads = stage()
    floor = heads.thresholds["model_floor"]
    assert not heads.needs_review(nothing(floor - 0.01))
    assert heads.needs_review(nothing(floor))
    assert heads.needs_review(found("concern")) and heads.needs_review(found("high"))
    assert not heads.needs_review(found("imminent"))


def test_decide_detects_at_the_severity_its_heads_agree_on() -> None:
    heads = stage()
    th = heads.thresholds
    leaning = nothing(th["model_floor"])
    sure = th["alone"]
    cases = {
        EncoderScore(sure, th["serious"] - 0.01, 0.99): "concern",
        EncoderScore(sure, th["serious"], th["imminent"] - 0.01): "high",
        EncoderScore(sure, th["serious"], th["imminent"]): "imminent",
    }
    for opinion, severity in cases.items():
        verdict = heads.decide(leaning, opinion, ONLY_MEANING).detection
        assert verdict is not None and verdict.severity == severity
        assert opinion.cue() in verdict.cues
    unsure = EncoderScore(sure - 0.01, 0.99, 0.99)
    assert heads.decide(leaning, unsure, ONLY_MEANING).detection is None
    too_thin = nothing(th["model_floor"] - 0.01)
    assert heads.decide(too_thin, EncoderScore(0.99, 0.99, 0.99), EVERYDAY).detection is None


def test_decide_vetoes_only_below_imminent_and_otherwise_adds_its_cue() -> None:
    heads = stage()
    harmless = EncoderScore(heads.thresholds["veto"] - 0.01, 0.0, 0.0)
    assert heads.decide(found("high"), harmless, "x").detection is None
    assert heads.decide(found("concern"), harmless, "x").detection is None
    kept = heads.decide(found("imminent"), harmless, "x").detection
    assert kept is not None and kept.severity == "imminent" and harmless.cue() in kept.cues
    agreeing = EncoderScore(heads.thresholds["veto"], 0.0, 0.0)
    still = heads.decide(found("high"), agreeing, "x").detection
    assert still is not None and still.severity == "high"


def test_the_encoder_can_be_called_from_many_threads_at_once() -> None:
    from concurrent.futures import ThreadPoolExecutor

    heads = load_encoder_stage()
    texts = [ONLY_MEANING, EVERYDAY, "i keep hiding the marks on my arms"] * 8
    alone = {text: heads.score(text) for text in set(texts)}
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(heads.score, texts))
    assert together == [alone[text] for text in texts]


def test_a_broken_encoder_raises_for_the_caller_to_fall_back() -> None:
    heads = stage(BrokenEncoder())
    with pytest.raises(RuntimeError):
        heads.review(assess(ONLY_MEANING), ONLY_MEANING)
    assert heads.review(assess(EVERYDAY), EVERYDAY).detection is None  # never asked
