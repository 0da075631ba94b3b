"""The sentence encoder's second opinion: when it runs, what it decides, and its heads file.

Every sentence here was written for these tests (none comes from a shared or held-out set).
The real encoders (all-MiniLM-L6-v2 and multilingual-e5-small from their wheels) run where a
test says so.
"""

from __future__ import annotations

import asyncio
import json
import pathlib
import threading
from collections.abc import Sequence

import pytest

from bot.crisis.encoder import (
    EMBEDDING_WIDTH,
    EncoderScore,
    EncoderStage,
    SentenceEncoder,
    judge,
    load_encoder_stage,
)
from bot.crisis.engine import MODEL_ONLY, Assessment, Detection, assess
from bot.crisis.model import HEADS, load_model, model_text
from cogs.crisis.intake import ENCODER_BACKLOG, CaseIntake

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


def nothing(model_any: float, *, guarded: bool = False) -> Assessment:
    return Assessment(None, frozenset(), model_any, guarded=guarded)


def found(severity: str, model_any: float = 0.0) -> Assessment:
    detection = Detection(severity, "ideation", ("rule",), ("rule:x",))
    return Assessment(detection, frozenset(), model_any)


def test_heads_file_loads_and_scores_deterministically() -> None:
    heads = load_encoder_stage()
    assert heads.meta["version"] >= 1 and heads.meta["examples"] > 20_000
    parts = json.loads(HEADS_JSON.read_text())["parts"]
    assert [part["width"] for part in parts] == [384, 384]  # MiniLM's width, then e5's
    for part in parts:
        assert [network["seed"] for network in part["ensemble"]] == [0, 1, 2]
        assert part["input_mean"] and part["input_scale"]  # both read standardised
        for network in part["ensemble"]:
            assert len(network["layers"]) == len(HEADS)
            assert all(len(layer["hidden_weights"]) == part["width"] for layer in network["layers"])
    first = heads.score("i really don't want to be alive anymore")
    assert stage().score("i really don't want to be alive anymore") == first
    assert first.any > heads.score(EVERYDAY).any
    assert all(0.0 <= p <= 1.0 for p in (first.any, first.serious, first.imminent))


def test_the_encoder_reads_the_folded_text() -> None:
    cyrillic = "\u0456 w\u0430nt t\u043e d\u0456\u0435"  # look-alike letters
    assert model_text(cyrillic) == "i want to die"
    assert model_text("I W4NT T0 D1E") == model_text("i want to die")


# Romanian: no rule, frame or n-gram model vocabulary ("I don't want to live any more").
@pytest.mark.parametrize("text", [ONLY_MEANING, "nu mai vreau să trăiesc"])
def test_words_the_engine_does_not_know_are_detected_by_meaning(text: str) -> None:
    """In English, and in a language the n-gram model has too few words of (e5 reads it)."""
    assert assess(text).detection is None
    verdict = judge(text).detection
    assert verdict is not None and verdict.matches == ("encoder",)
    assert any(c.startswith("encoder:any=") for c in verdict.cues)


def test_the_encoder_reads_every_message_with_words_while_it_keeps_up() -> None:
    counting = CountingEncoder()
    heads = stage(counting)
    heads.review(assess("   "), "   ")
    assert counting.read == []
    imminent = "i have the pills and it's tonight"
    assert assess(imminent).detection.rank == 3  # type: ignore[union-attr]
    for text in (imminent, EVERYDAY, ONLY_MEANING):
        heads.review(assess(text), text)
    # An imminent verdict too: the encoders may be all but sure it is harmless (see the veto).
    assert counting.read == [imminent, EVERYDAY, ONLY_MEANING]


def test_needs_review_follows_the_thresholds() -> None:
    heads = stage()
    floor, busy_floor = heads.thresholds["model_floor"], heads.thresholds["busy_floor"]
    assert floor < busy_floor
    assert heads.needs_review(nothing(floor), EVERYDAY)
    assert not heads.needs_review(nothing(0.99), " \n ")
    assert not heads.needs_review(nothing(busy_floor - 0.01), EVERYDAY, busy=True)
    assert heads.needs_review(nothing(busy_floor), EVERYDAY, busy=True)
    assert heads.needs_review(found("concern"), "x") and heads.needs_review(found("high"), "x")
    assert heads.needs_review(found("imminent"), "x")
    # Falling behind, an alert no longer waits for the encoders' opinion.
    assert not heads.needs_review(found("high"), "x", busy=True)
    assert not heads.needs_review(found("imminent"), "x", busy=True)


def test_decide_detects_at_the_severity_its_heads_agree_on() -> None:
    heads = stage()
    th = heads.thresholds
    leaning = nothing(th["model_support"])
    sure = th["alone"]
    cases = {
        EncoderScore(sure, th["serious"] - 0.01, th["imminent_alone"] - 0.01): "concern",
        EncoderScore(sure, th["serious"] - 0.01, th["imminent_alone"]): "high",
        EncoderScore(sure, th["serious"], th["imminent"] - 0.01): "high",
        EncoderScore(sure, th["serious"], th["imminent"]): "imminent",
    }
    for opinion, severity in cases.items():
        verdict = heads.decide(leaning, opinion, ONLY_MEANING).detection
        assert verdict is not None and verdict.severity == severity
        assert opinion.cue() in verdict.cues
    unsure = EncoderScore(sure - 0.01, th["serious_alone"] - 0.01, th["imminent_alone"] - 0.01)
    assert heads.decide(leaning, unsure, ONLY_MEANING).detection is None


def test_the_encoders_alone_need_more_certainty_where_the_ngram_model_sees_nothing() -> None:
    heads = stage()
    th = heads.thresholds
    assert th["alone"] < th["alone_unsupported"]
    unsupported = nothing(th["model_support"] - 0.01)
    between = EncoderScore(th["alone_unsupported"] - 0.01, 0.0, 0.0)
    assert heads.decide(unsupported, between, ONLY_MEANING).detection is None
    assert heads.decide(nothing(th["model_support"]), between, ONLY_MEANING).detection
    sure = EncoderScore(th["alone_unsupported"], 0.0, 0.0)
    assert heads.decide(unsupported, sure, ONLY_MEANING).detection is not None


def test_the_serious_and_imminent_heads_alone_need_more_where_the_ngram_model_sees_nothing() -> (
    None
):
    heads = stage()
    th = heads.thresholds
    assert th["serious_alone"] < th["serious_unsupported"]
    assert th["imminent_alone"] < th["imminent_unsupported"]
    lukewarm = th["alone"] - 0.1
    unsupported, supported = nothing(th["model_support"] - 0.01), nothing(th["model_support"])
    between = (
        EncoderScore(lukewarm, th["serious_unsupported"] - 0.01, 0.0),
        EncoderScore(lukewarm, 0.0, th["imminent_unsupported"] - 0.01),
    )
    for opinion in between:
        assert heads.decide(supported, opinion, ONLY_MEANING).detection is not None
        assert heads.decide(unsupported, opinion, ONLY_MEANING).detection is None
    for opinion, severity in (
        (EncoderScore(lukewarm, th["serious_unsupported"], 0.0), "high"),
        (EncoderScore(lukewarm, 0.0, th["imminent_unsupported"]), "high"),
    ):
        verdict = heads.decide(unsupported, opinion, ONLY_MEANING).detection
        assert verdict is not None and verdict.severity == severity


def test_the_encoders_detection_takes_the_ngram_models_severity_where_it_backs_it() -> None:
    """The encoders read concern; the n-gram model, leaning, reads an imminent plan."""
    heads = stage()
    th = heads.thresholds
    plan = "ok so i have the pills and its tonight"
    score = load_model().score(plan)
    assert load_model().severity_rank(score) == 3 and score.any >= th["model_support"]
    concern = EncoderScore(th["alone"], 0.0, 0.0)
    assert heads.rank_of(concern) == 1
    backed = heads.decide(nothing(th["model_support"]), concern, plan).detection
    assert backed is not None and backed.severity == "imminent"
    assert any(c.startswith("model:imminent=") for c in backed.cues)
    # Where the n-gram model does not back the detection, the encoders' own severity stands.
    sure = EncoderScore(th["alone_unsupported"], 0.0, 0.0)
    alone = heads.decide(nothing(th["model_support"] - 0.01), sure, plan).detection
    assert alone is not None and alone.severity == "concern"


def test_the_ngram_model_and_the_encoders_leaning_together_detect() -> None:
    heads = stage()
    th = heads.thresholds
    assert th["model_support"] < th["agreed"] < th["alone"]
    both = th["agreed"]
    assert heads.decide(nothing(both), EncoderScore(both, 0.0, 0.0), ONLY_MEANING).detection
    # The average falls short, or one of the two does not lean at all.
    short = EncoderScore(both - 0.02, 0.0, 0.0)
    assert heads.decide(nothing(both), short, ONLY_MEANING).detection is None
    lopsided = EncoderScore(th["model_support"] - 0.01, 0.0, 0.0)
    assert heads.decide(nothing(0.99), lopsided, ONLY_MEANING).detection is None
    # After a guard dropped a rule's match, leaning is not enough.
    guarded = nothing(both, guarded=True)
    assert heads.decide(guarded, EncoderScore(both, 0.0, 0.0), ONLY_MEANING).detection is None


def test_a_confident_imminent_head_detects_even_when_any_is_lukewarm() -> None:
    heads = stage()
    th = heads.thresholds
    lukewarm = th["alone"] - 0.1
    leaning = nothing(th["model_support"])
    cases = {
        EncoderScore(lukewarm, th["serious"] - 0.01, th["imminent_alone"]): "high",
        EncoderScore(
            lukewarm, th["serious"], max(th["imminent"], th["imminent_alone"])
        ): "imminent",
    }
    for opinion, severity in cases.items():
        verdict = heads.decide(leaning, opinion, ONLY_MEANING).detection
        assert verdict is not None and verdict.severity == severity
        assert verdict.matches == ("encoder",) and opinion.cue() in verdict.cues
    below = EncoderScore(lukewarm, th["serious_alone"] - 0.01, th["imminent_alone"] - 0.01)
    assert heads.decide(leaning, below, ONLY_MEANING).detection is None


def test_a_confident_serious_head_detects_even_when_any_is_lukewarm() -> None:
    heads = stage()
    th = heads.thresholds
    assert th["serious_alone"] >= th["serious"]
    lukewarm = nothing(th["model_support"])
    doubtful = EncoderScore(th["alone"] - 0.1, th["serious_alone"] - 0.01, 0.0)
    assert heads.decide(lukewarm, doubtful, ONLY_MEANING).detection is None
    serious = EncoderScore(th["alone"] - 0.1, th["serious_alone"], 0.0)
    verdict = heads.decide(lukewarm, serious, ONLY_MEANING).detection
    assert verdict is not None and verdict.severity == "high"


def test_the_two_encoders_count_by_their_part_weights() -> None:
    """e5's heads weigh more than MiniLM's (they generalise better across languages)."""
    raw = json.loads(HEADS_JSON.read_text())
    minilm, e5 = raw["part_weights"]
    assert minilm + e5 == pytest.approx(1.0) and e5 > minilm
    vector = [0.01 * ((i * 7) % 13 - 6) for i in range(EMBEDDING_WIDTH)]
    alone = [
        EncoderStage({**raw, "part_weights": weights}).score_vector(vector)
        for weights in ([1.0, 0.0], [0.0, 1.0])
    ]
    both = EncoderStage(raw).score_vector(vector)
    for head in HEADS:
        expected = minilm * getattr(alone[0], head) + e5 * getattr(alone[1], head)
        assert getattr(both, head) == pytest.approx(expected)
    for bad in ([1.0], [0.5, 0.6]):
        with pytest.raises(ValueError, match="part weight"):
            EncoderStage({**raw, "part_weights": bad})


def test_after_a_guard_dropped_a_rule_the_encoders_alone_need_more_certainty() -> None:
    """ "not suicidal, just tired": the engine's guard saw a negation; so must the encoders."""
    assert assess("i am not suicidal, just really tired").guarded
    assert not assess(EVERYDAY).guarded and not assess("i want to kill myself").guarded
    heads = stage()
    th = heads.thresholds
    assert th["guarded_alone"] > th["alone_unsupported"]
    guarded = nothing(th["model_support"], guarded=True)
    for opinion in (
        EncoderScore(th["guarded_alone"] - 0.01, 0.0, 0.0),
        EncoderScore(th["alone"], 0.99, 0.0),  # the serious head alone is not enough either
    ):
        assert heads.decide(nothing(th["model_support"]), opinion, "x").detection is not None
        assert heads.decide(guarded, opinion, "x").detection is None
    for opinion in (
        EncoderScore(th["guarded_alone"], 0.0, 0.0),
        EncoderScore(0.0, 0.0, th["imminent_alone"]),  # an imminent reading still counts
    ):
        assert heads.decide(guarded, opinion, "x").detection is not None


def test_decide_vetoes_imminent_only_when_all_but_sure_and_otherwise_adds_its_cue() -> None:
    heads = stage()
    th = heads.thresholds
    assert 0.0 < th["veto_imminent"] < th["veto"]
    harmless = EncoderScore(th["veto"] - 0.01, 0.0, 0.0)
    assert heads.decide(found("high"), harmless, "x").detection is None
    assert heads.decide(found("concern"), harmless, "x").detection is None
    kept = heads.decide(found("imminent"), harmless, "x").detection
    assert kept is not None and kept.severity == "imminent" and harmless.cue() in kept.cues
    certain = EncoderScore(th["veto_imminent"] - 0.01, 0.0, 0.0)
    assert heads.decide(found("imminent"), certain, "x").detection is None
    backed = heads.decide(found("imminent", th["veto_model_below"]), certain, "x").detection
    assert backed is not None and backed.severity == "imminent"
    agreeing = EncoderScore(heads.thresholds["veto"], 0.0, 0.0)
    still = heads.decide(found("high"), agreeing, "x").detection
    assert still is not None and still.severity == "high"  # never lowered


def test_the_veto_spares_what_the_serious_head_is_sure_of() -> None:
    heads = stage()
    th = heads.thresholds
    serious = EncoderScore(th["veto"] - 0.01, th["serious_alone"], 0.0)
    kept = heads.decide(found("concern"), serious, "x").detection
    assert kept is not None and kept.severity == "high"
    unsure = EncoderScore(th["veto"] - 0.01, th["serious_alone"] - 0.01, 0.0)
    assert heads.decide(found("concern"), unsure, "x").detection is None


def test_the_veto_needs_the_ngram_model_to_doubt_the_message_too() -> None:
    heads = stage()
    th = heads.thresholds
    harmless = EncoderScore(th["veto"] - 0.01, 0.0, 0.0)
    assert (
        heads.decide(found("high", th["veto_model_below"] - 0.01), harmless, "x").detection is None
    )
    kept = heads.decide(found("high", th["veto_model_below"]), harmless, "x").detection
    assert kept is not None and kept.severity == "high"
    # A detection the n-gram model made alone is kept by its own support only where it is
    # all but sure (the encoders misread "i won't be here tomorrow" as a real negation), an
    # imminent one included.
    assert th["veto_model_below"] < th["veto_model_sure"] <= 0.9
    for severity in ("high", "imminent"):
        model_only = Detection(severity, "ideation", MODEL_ONLY, ("model:any=0.9",))
        unsure = Assessment(model_only, frozenset(), th["veto_model_sure"] - 0.01)
        certain = EncoderScore(0.0, 0.0, 0.0)
        assert heads.decide(unsure, certain, "x").detection is None
        sure = Assessment(model_only, frozenset(), th["veto_model_sure"])
        kept = heads.decide(sure, certain, "x").detection
        assert kept is not None and kept.severity == severity


def test_decide_raises_a_detection_to_the_severity_its_heads_agree_on() -> None:
    heads = stage()
    th = heads.thresholds
    serious = EncoderScore(0.9, th["serious"], th["imminent"] - 0.01)
    imminent = EncoderScore(0.9, th["serious"], th["imminent"])
    raised = {
        ("concern", serious): "high",
        ("concern", imminent): "imminent",
        ("high", serious): "high",
        ("high", imminent): "imminent",
    }
    for (severity, opinion), expected in raised.items():
        before = found(severity)
        verdict = heads.decide(before, opinion, "x").detection
        assert verdict is not None and verdict.severity == expected
        assert verdict.category == before.detection.category  # type: ignore[union-attr]
        assert verdict.matches == before.detection.matches  # type: ignore[union-attr]


def test_the_encoder_can_be_called_from_many_threads_at_once() -> None:
    from concurrent.futures import ThreadPoolExecutor

    heads = load_encoder_stage()
    texts = [ONLY_MEANING, EVERYDAY, "i keep hiding the marks on my arms"] * 8
    alone = {text: heads.score(text) for text in set(texts)}
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(heads.score, texts))
    assert together == [alone[text] for text in texts]


def test_a_broken_encoder_raises_for_the_caller_to_fall_back() -> None:
    """The intake then keeps the engine's verdict (tests/e2e/test_crisis.py), imminent too."""
    heads = stage(BrokenEncoder())
    for text in (ONLY_MEANING, "i have the pills and it's tonight"):
        with pytest.raises(RuntimeError):
            heads.review(assess(text), text)


def test_heads_reject_an_embedding_of_the_wrong_width() -> None:
    with pytest.raises(ValueError, match="768"):
        stage().score_vector([0.0] * 384)


class WaitingEncoder(SentenceEncoder):
    """Loaded at once; every read waits until the test lets it finish."""

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()
        self.read: list[str] = []

    @property
    def ready(self) -> bool:
        return True

    def embed(self, texts: Sequence[str], batch_size: int = 64) -> list[list[float]]:
        self.read.extend(texts)
        self.release.wait(timeout=30)
        return [[0.0] * EMBEDDING_WIDTH for _ in texts]


async def test_a_backlogged_intake_reads_less_and_never_makes_an_alert_wait() -> None:
    waiting = WaitingEncoder()
    intake = CaseIntake(None, None, None, stage(waiting))  # type: ignore[arg-type]
    backlog = [
        asyncio.create_task(intake.verdict(f"{EVERYDAY} ({n})", None))
        for n in range(ENCODER_BACKLOG)
    ]
    for _ in range(500):
        if intake._reviews_waiting == ENCODER_BACKLOG:
            break
        await asyncio.sleep(0.01)
    assert intake._reviews_waiting == ENCODER_BACKLOG
    try:
        alert = await asyncio.wait_for(intake.verdict("i want to die", None), timeout=5)
        assert alert.detection is not None and alert.detection.severity == "high"
        chat = await asyncio.wait_for(intake.verdict("see you at group tonight", None), 5)
        assert chat.detection is None
        assert not {"i want to die", "see you at group tonight"} & set(waiting.read)
    finally:
        waiting.release.set()
        await asyncio.gather(*backlog)
    assert intake._reviews_waiting == 0
