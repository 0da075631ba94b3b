"""Frames, obfuscation, the learned model and the multi-message window.

Every sentence here was written for these tests (none comes from a shared or held-out set).
"""

from __future__ import annotations

import dataclasses
import json
import math
import pathlib
from collections.abc import Callable
from typing import Any

import pytest

from bot.crisis import frames
from bot.crisis.encoder import EMBEDDING_WIDTH
from bot.crisis.engine import _Context, _merge, assess, scan, severity_rank
from bot.crisis.model import HEADS, LinearModel, ModelScore, features, load_model, model_text
from bot.crisis.normalise import detail, to_ascii_lower
from bot.crisis.window import ConversationWindow

ROOT = pathlib.Path(__file__).resolve().parents[2]


def _at_least(text: str, minimum: str) -> None:
    found = scan(text)
    assert found is not None, f"missed: {text!r}"
    assert severity_rank(found.severity) >= severity_rank(minimum), (text, found)


def _slots(text: str) -> frozenset[str]:
    return frames.slots(detail(to_ascii_lower(text)))


# --- Pattern families -----------------------------------------------------------------------

FAMILIES: dict[str, list[tuple[str, str]]] = {
    "passive ideation in ordinary words": [
        ("honestly i'd be fine never waking up again", "concern"),
        ("i don't see myself being around by summer", "concern"),
        ("my family would be so much lighter without me dragging them down", "concern"),
        ("i've lost any will to keep going", "concern"),
    ],
    "plans by time, objects and preparation": [
        ("i've been putting aside my mom's sleeping pills for a month", "high"),
        ("i wrote a letter for each of my sisters and put them in my desk", "high"),
        ("i'm going to swallow every pill in the cabinet tonight", "imminent"),
    ],
    "acts under way": [
        ("i already took the whole bottle of tylenol", "imminent"),
    ],
    "farewells without the word suicide": [
        ("thanks for putting up with me all these years, you guys were the best part", "high"),
        ("i won't be online tomorrow or ever again", "high"),
        ("i gave my guitar and all my records to my cousin for good", "high"),
    ],
    "self-harm by act, object, concealment, urge": [
        ("i keep a razor blade taped under my desk drawer", "high"),
        ("the urge to cut again is unbearable tonight", "high"),
        ("i wear long sleeves so nobody sees my arms", "high"),
    ],
    "harm to others and intrusive fears": [
        ("i'm bringing my dad's rifle to school on monday", "high"),
        (
            "i keep having intrusive thoughts about hurting my baby brother and it scares me",
            "concern",
        ),
    ],
    "abuse and danger": [
        ("he locks me in the basement when he's angry", "high"),
        ("he says he'll hurt my dog if i tell anyone", "high"),
        ("a 30 year old guy from discord says our chats are our secret and wants to meet", "high"),
        ("a car has been following me home every night this week", "high"),
        ("i told the teacher i fell down the stairs but it was my dad", "high"),
        ("i think someone slipped something in my drink at the party", "high"),
    ],
    "third-party reports": [
        ("my friend just told me she took a bunch of pills and won't answer", "imminent"),
    ],
    "negations that do not negate": [
        ("i can't say i don't want to die", "high"),
    ],
}


@pytest.mark.parametrize(
    ("text", "minimum"),
    [case for cases in FAMILIES.values() for case in cases],
    ids=[f"{family}:{i}" for family, cases in FAMILIES.items() for i in range(len(cases))],
)
def test_pattern_families(text: str, minimum: str) -> None:
    _at_least(text, minimum)


@pytest.mark.parametrize(
    "text",
    [
        "i could sleep forever after that hike",
        "i'm on the bridge team at work",
        "if you ever feel like ending it please message me first",
        "i used to want to die every day, three years clean now",
        "we wiped on the last boss again, i'm gonna end him next time lol",
        "i looked up how long it takes to roast a chicken",
    ],
)
def test_lookalikes_stay_silent(text: str) -> None:
    assert scan(text) is None


def test_frames_compose_slots() -> None:
    assert _slots("i want to not wake up") >= {"wish", "end"}
    assert _slots("i'm going to end it tonight") >= {"intent", "end", "time"}
    hit = frames.compose({"intent", "end", "time"})
    assert hit is not None and hit.rank == 3 and hit.composed
    assert frames.compose({"time"}) is None
    assert frames.compose({"finality"}) is None
    farewell = frames.compose({"giveaway", "finality"})
    assert farewell is not None and farewell.category == "farewell" and farewell.rank == 2
    # Recovery talk and prevention advice silence the frames.
    assert frames.compose({"wish", "end", "past"}) is None
    assert frames.compose({"wish", "end", "advice"}) is None


def test_frame_negation_and_limited_refusal() -> None:
    assert "wish" not in _slots("i don't want to die")
    assert "wish" in _slots("i can't say i don't want to die")
    # "no" negates the noun the slot starts with, and only such nouns.
    assert "wish" not in _slots("no intention of ending my life")
    assert "wish" in _slots("i have every intention of ending my life")
    assert "limited_refusal" in _slots("not tonight, but i will end it")
    hit = frames.compose(_slots("not tonight, but i will end it"))
    assert hit is not None and hit.rank >= 2


# --- Obfuscation ----------------------------------------------------------------------------

OBFUSCATED = [
    "i want to k\u200bi\u200dll myself",  # zero-width characters
    "i w\u0430nt to di\u0435",  # Cyrillic a and ie
    "i want to \u03ba\u03b9ll myself",  # Greek kappa, iota
    "\uff49 \uff57\uff41\uff4e\uff54 \uff54\uff4f \uff44\uff49\uff45",  # fullwidth
    "i want to k*ll myself",  # masked vowel
    "i just want to d!e",
    "i want to un-alive myself",  # hyphenated
    "i have the \U0001f48a ready and i'm done. tonight",  # emoji standing for a word
]


@pytest.mark.parametrize("text", OBFUSCATED)
def test_obfuscations_are_seen_through(text: str) -> None:
    _at_least(text, "high")


def test_emoji_words_reach_the_model_text() -> None:
    assert "pills" in model_text("i have the \U0001f48a")
    assert "rope" in model_text("bought a \U0001faa2")
    assert "\U0001f48a" not in model_text("i have the \U0001f48a")


def test_model_text_keeps_other_scripts_and_folds_lookalikes() -> None:
    assert "\u0445\u043e\u0447\u0443" in model_text(
        "\u044f \u0445\u043e\u0447\u0443 \u0443\u043c\u0435\u0440\u0435\u0442\u044c"
    )
    assert model_text("k\u200bill") == "kill"
    assert model_text("d\u0456e") == "die"  # Cyrillic i inside a Latin word


# --- Detection.cues -------------------------------------------------------------------------


def test_detection_explains_its_cues() -> None:
    found = scan("i want to kill myself")
    assert found is not None
    assert any(c.startswith("rule:ideation/") for c in found.cues)
    assert any(c.startswith("model:any=") for c in found.cues)
    framed = scan("i gave my guitar and all my records to my cousin for good")
    assert framed is not None and any(c.startswith("frame:farewell") for c in framed.cues)
    # Cues are explanations: equality ignores them.
    assert dataclasses.replace(found, cues=()) == found


def test_assessment_carries_slots_without_text() -> None:
    result = assess("i'm going to end it tonight")
    assert result.detection is not None
    assert {"intent", "end", "time"} <= result.slots
    assert 0.0 <= result.model_any <= 1.0
    assert assess("hello there").detection is None


# --- Learned model --------------------------------------------------------------------------


def test_model_file_loads_and_scores_deterministically() -> None:
    model = load_model()
    assert model.meta["version"] >= 1
    assert tuple(HEADS) == ("any", "serious", "imminent")
    assert len(model.bias) == len(HEADS) + len(model.categories)
    assert all(len(w) == len(HEADS) for w in model.weights.values())
    assert all(len(w) == len(model.categories) for w in model.category_weights.values())
    text = "i don't think i'll be around much longer"
    first = model.score(text)
    again = LinearModel(json.loads((ROOT / "bot/crisis/data/crisis_model.json").read_text()))
    assert again.score(text) == first
    assert all(0.0 <= p <= 1.0 for p in (first.any, first.serious, first.imminent))
    assert model.score("i want to kill myself").any > model.score("what a lovely sunny day").any


def test_features_are_stable_and_scaled_independently_of_pruning() -> None:
    model = load_model()
    feats = features("I want to DIE", model.known)
    assert feats == features("i want to die", model.known)
    assert "w:die" in feats and "b:to_die" in feats and "w:i" not in feats
    # Known words need no character n-grams; unknown (misspelt) words fall back to them.
    assert not any(f.startswith("c:") for f in feats)
    assert any(f.startswith("c:") for f in features("i want to diieee", model.known))
    present = [f for f in feats if f in model.weights]
    expected = model.bias[0] + sum(model.weights[f][0] for f in present) / math.sqrt(len(feats))
    assert model.score("i want to die").any == pytest.approx(1 / (1 + math.exp(-expected)))


def test_runtime_never_imports_scikit_learn() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from bot.crisis import scan; scan('i want to die'); "
        "scan('nobody would miss me'); "
        "print('sklearn' in sys.modules, 'numpy' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["False", "False"]


def test_training_reproduces_both_committed_models() -> None:
    """The n-gram model and the encoder heads; the encoders read the whole corpus (minutes).
    On the machine that trained them the bytes match; on another CPU model, the settings and
    liblinear's heads match exactly and the rest decide alike (``reproduction_problems``)."""
    from bot.crisis import train

    assert train.main(["--check"]) == 0


def test_the_committed_models_were_trained_on_the_committed_corpus() -> None:
    from bot.crisis import train

    fingerprint = train.corpus_fingerprint(train.load_corpus())
    for path in (train.MODEL_PATH, train.HEADS_PATH):
        assert json.loads(path.read_text(encoding="utf-8"))["meta"]["corpus"] == fingerprint
    edited = [dict(r) for r in train.load_corpus()[:50]]
    before = train.corpus_fingerprint(edited)
    edited[7]["label"] = "none" if edited[7]["label"] != "none" else "high"
    assert train.corpus_fingerprint(edited) != before


def test_reproduction_tolerates_other_bits_but_not_other_settings_or_decisions() -> None:
    import copy
    import random

    from bot.crisis import train

    records = train.load_corpus()[::200]
    rng = random.Random(0)
    embeddings = [[rng.gauss(0.0, 0.05) for _ in range(EMBEDDING_WIDTH)] for _ in records]
    committed = (
        json.loads(train.MODEL_PATH.read_text(encoding="utf-8")),
        json.loads(train.HEADS_PATH.read_text(encoding="utf-8")),
    )

    def problems(edit: Callable[[dict[str, Any], dict[str, Any]], None]) -> list[str]:
        model, heads = copy.deepcopy(committed)
        edit(model, heads)
        return train.reproduction_problems(records, embeddings, (model, heads), committed)

    def nothing(model: dict[str, Any], heads: dict[str, Any]) -> None:
        pass

    def other_bits(model: dict[str, Any], heads: dict[str, Any]) -> None:
        for weights in model["weights"].values():
            weights[-1] += 1e-4  # a category column (lbfgs)
        model["weights"]["a feature only this CPU kept"] = [0.0] * (len(HEADS) + 1) + [1e-4]
        model["meta"]["features"] += 1
        for network in heads["parts"][1]["ensemble"]:
            network["layers"][0]["output_bias"] += 1e-4

    def threshold(model: dict[str, Any], heads: dict[str, Any]) -> None:
        heads["thresholds"]["alone"] += 0.01

    def corpus(model: dict[str, Any], heads: dict[str, Any]) -> None:
        model["meta"]["examples"] += 1

    def liblinear(model: dict[str, Any], heads: dict[str, Any]) -> None:
        next(iter(model["weights"].values()))[0] += 1e-4

    def decisions(model: dict[str, Any], heads: dict[str, Any]) -> None:
        for part in heads["parts"]:
            for network in part["ensemble"]:
                network["layers"][0]["output_bias"] = 1000.0  # always "risky"

    assert problems(nothing) == [] and problems(other_bits) == []
    assert problems(threshold) == ["encoder heads: thresholds differs"]
    assert problems(corpus) == ["n-gram model: meta differs"]
    assert problems(liblinear) == ["n-gram model: a liblinear head's weights differ"]
    assert any(
        p.startswith("encoder heads: any decides alike on only") for p in problems(decisions)
    )


def test_leave_out_reports_a_family(capsys: pytest.CaptureFixture[str]) -> None:
    from bot.crisis import train

    assert train.main(["--leave-out", "seed_act"]) == 0
    header, line = capsys.readouterr().out.strip().splitlines()
    assert header.startswith("family held out")
    assert line.startswith("seed_act") and "detected" in line and line.endswith("%")
    assert train.main(["--leave-out", "no_such_family"]) == 2


# --- Conversation window --------------------------------------------------------------------


def test_window_combines_cues_across_messages() -> None:
    window = ConversationWindow(window_seconds=300)
    first = window.observe(1, 7, "gave my cat to my sister today", now=1000.0)
    assert first is None or first.rank < 3
    second_alone = scan("she doesn't know it's for good")
    combined = window.observe(1, 7, "she doesn't know it's for good", now=1060.0)
    assert combined is not None
    assert combined.category == "farewell" and combined.severity == "imminent"
    assert second_alone is None or second_alone.rank < combined.rank
    assert "window:2msgs" in combined.cues
    assert any(c.startswith("window-frame:farewell") for c in combined.cues)
    # Another member, or the same member in another guild, does not combine.
    other = ConversationWindow(window_seconds=300)
    other.observe(1, 7, "gave my cat to my sister today", now=0.0)
    for guild, member in ((1, 8), (2, 7)):
        alone = other.observe(guild, member, "she doesn't know it's for good", now=10.0)
        assert alone is None or not any(c.startswith("window:") for c in alone.cues)


def test_window_cues_expire() -> None:
    window = ConversationWindow(window_seconds=300)
    window.observe(1, 7, "gave my cat to my sister today", now=0.0)
    late = window.observe(1, 7, "she doesn't know it's for good", now=301.0)
    assert late is None or not any(c.startswith("window:") for c in late.cues)
    assert len(window) == 1  # only the newest message's cues remain
    window.observe(3, 3, "hi", now=10_000.0)
    assert len(window) == 0


def test_window_returns_the_message_own_detection_when_nothing_adds_up() -> None:
    window = ConversationWindow()
    own = window.observe(1, 1, "i want to die", now=0.0)
    assert own is not None and own == scan("i want to die")


def test_window_keeps_no_text() -> None:
    window = ConversationWindow()
    messages = ["gave my cat to my sister today", "she doesn't know it's for good"]
    for i, text in enumerate(messages):
        window.observe(5, 9, text, now=float(i))
    stored: list[object] = []
    for entries in window._members.values():
        for entry in entries:
            stored.extend(dataclasses.astuple(entry))
            stored.extend(entry.slots)
    strings = [s for s in stored if isinstance(s, str)]
    assert strings, "the window should remember slot names"
    for text in messages:
        assert text not in strings
        assert all(
            s in frames.SLOTS or s.endswith("_more") or s == "limited_refusal" for s in strings
        )


def test_window_memory_is_bounded() -> None:
    window = ConversationWindow(window_seconds=300, max_members=3, max_messages=4)
    for member in range(10):
        window.observe(1, member, "i gave away my switch", now=float(member))
    assert len(window) == 3
    for i in range(20):
        window.observe(1, 9, "i gave away my switch", now=10.0 + i)
    assert max(len(e) for e in window._members.values()) <= 4
    window.forget(1, 9)
    assert (1, 9) not in window._members


def test_window_accepts_a_precomputed_assessment() -> None:
    window = ConversationWindow()
    window.observe(1, 1, assess("gave my cat to my sister today"), now=0.0)
    combined = window.observe(1, 1, assess("she doesn't know it's for good"), now=5.0)
    assert combined is not None and combined.category == "farewell"
    assert "window:2msgs" in combined.cues


def test_window_rejects_bad_settings() -> None:
    with pytest.raises(ValueError):
        ConversationWindow(window_seconds=0)


# --- Misspellings ---------------------------------------------------------------------------


def test_misspelt_risk_words_are_read_as_meant() -> None:
    model = load_model()
    assert model.correct("bleedng") == "bleeding"  # a letter dropped
    assert model.correct("overdsoe") == "overdose"  # two letters swapped
    assert model.correct_short("wnat") == "want"
    assert model.correct_short("daed") == "dead"
    assert model.correct_short("kil") == "kill"
    # Real words are left alone, in any language the corpus holds ("dei" is Italian's "of
    # the"), and a replaced letter is not guessed at.
    assert model.correct("banging") is None
    assert model.correct_short("cat") is None
    assert model.correct_short("dei") is None
    _at_least("i wnat to kil myself", "high")


def test_research_and_purpose_vetoes() -> None:
    assert "benign" in _slots("how long does it take to thaw a turkey")
    assert "benign" in _slots("picked up the pills for my dog at the vet")
    assert scan("picked up the pills for my dog at the vet") is None


# --- The imminent head deciding alone -------------------------------------------------------


LONG_CHAT = "ok so work was fine and the bus was late again, anyway see you all later"


def _merge_with(score: ModelScore, supported: bool = True, text: str = LONG_CHAT) -> str | None:
    ctx = _Context(text, text)
    found = _merge(None, frozenset(), score, False, False, supported, ctx)
    return None if found is None else found.severity


def test_imminent_head_alone_escalates_what_the_any_head_dilutes() -> None:
    th = load_model().thresholds
    below_bar = th["alone_floor"] + (th["supported"] - th["alone_floor"]) / 2
    sure = ModelScore(below_bar, 0.9, th["imminent_alone"] + 0.01)
    assert len(LONG_CHAT.split()) >= th["alone_min_words"]
    assert _merge_with(sure) == "imminent"


def test_imminent_head_alone_needs_the_serious_head_support_a_floor_and_no_guard() -> None:
    th = load_model().thresholds
    below_bar = th["alone_floor"] + (th["supported"] - th["alone_floor"]) / 2
    sure = ModelScore(below_bar, 0.9, th["imminent_alone"] + 0.01)
    assert _merge_with(sure, supported=False) is None
    assert _merge_with(dataclasses.replace(sure, any=th["alone_floor"] - 0.01)) is None
    assert _merge_with(dataclasses.replace(sure, imminent=th["imminent_alone"] - 0.01)) is None
    assert _merge_with(dataclasses.replace(sure, serious=th["serious"] - 0.01)) is None
    guarded = "this boss fight tonight lol, i'm dead, we wiped nine times and the healer left"
    assert len(guarded.split()) >= th["alone_min_words"]
    assert _merge_with(sure, text=guarded) is None
    assert _merge_with(sure, text="see you all later") is None  # short: nothing diluted it


def test_learned_gate_stems_stay_rare_in_harmless_chat_as_the_gate_matches_them() -> None:
    """The gate matches a stem inside longer words (" thin" in "think"), so that is how the
    training command must count it: rare in every harmless message of the corpus."""
    from bot.crisis import train
    from bot.crisis.normalise import fast_probe

    harmless = [fast_probe(r["text"]) for r in train.load_corpus() if r["label"] == "none"]
    limit = 0.004 * len(harmless)
    model = load_model()
    assert model.gate
    common = {stem: n for stem in model.gate if (n := sum(stem in p for p in harmless)) > limit}
    assert common == {}
    assert not any(
        stem in fast_probe("i think the message is on its way, thanks") for stem in model.gate
    )
