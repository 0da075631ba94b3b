"""The learned second stage: a linear model over word and character n-grams.

Trained by ``python -m bot.crisis.train`` (scikit-learn, offline) and stored as plain JSON in
``bot/crisis/data/crisis_model.json``. At run time it is scored here with dictionaries and
``math.exp``: no scikit-learn, no numpy, nothing downloaded.

Features (``features``) are built the same way for training and scoring:

* the text is folded like the rule engine's (look-alikes, zero-width characters, fullwidth,
  leet inside words, stretched letters) but letters of other scripts (Cyrillic, Greek,
  Arabic, Devanagari, CJK ...) are kept, so non-English messages keep their words;
* emoji that stand for words become those words (``normalise.EMOJI_WORDS``);
* ``w:`` word unigrams (not function words), ``b:`` word bigrams, and for words outside the
  training vocabulary (misspelt, inflected, hyphenated, obfuscated, unseen) ``c:`` character
  4- and 5-grams of the word padded with spaces, or character 1- and 2-grams for scripts
  written without spaces.

Each present feature counts ``1/sqrt(n)`` where ``n`` is the number of distinct features
extracted from the message, whether or not the model knows them, so pruning small weights
does not change how the others are scaled.

Heads: ``any`` (concern or worse), ``serious`` (high or worse), ``imminent``, each a binary
logistic regression, plus a multinomial ``category`` head.
"""

from __future__ import annotations

import itertools
import json
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from bot.crisis.normalise import EMOJI_WORDS, detail, fold_unicode

MODEL_FILE = "crisis_model.json"
HEADS: tuple[str, ...] = ("any", "serious", "imminent")

_INVISIBLE_RE = re.compile("[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f"
                           "\u202a-\u202e\u2060-\u2064\ufeff\ufe0e\ufe0f]")  # fmt: skip
_WORD_RE = re.compile(r"[^\W_]+(?:'[^\W_]+)*", re.UNICODE)
_LATIN_RE = re.compile(r"[a-z\u00c0-\u024f]")
# Scripts written without spaces between words: character n-grams stand in for words.
_UNSPACED_RE = re.compile("[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_EMOJI_RE = re.compile("|".join(re.escape(e) for e in sorted(EMOJI_WORDS, key=len, reverse=True)))


def _emoji_sub(m: re.Match[str]) -> str:
    return f" {EMOJI_WORDS[m.group()]} "


def model_text(text: str) -> str:
    """Fold a message for the model; keeps non-Latin scripts (see module docstring)."""
    if text.isascii():
        return detail(text.lower())
    text = _EMOJI_RE.sub(_emoji_sub, text)
    text = _INVISIBLE_RE.sub("", unicodedata.normalize("NFKC", text)).lower()
    out: list[str] = []
    last = 0
    for m in _WORD_RE.finditer(text):
        out.append(text[last : m.start()])
        word = m.group()
        if word.isascii() or _LATIN_RE.search(word) or not _has_letter_outside_lookalikes(word):
            # Latin words (with accents or look-alike letters mixed in) fold to ASCII.
            word = fold_unicode(word).lower()
        out.append(word)
        last = m.end()
    out.append(text[last:])
    folded = "".join(out)
    ascii_part = folded.isascii()
    return detail(folded) if ascii_part else folded


_LOOKALIKE_ONLY = frozenset("авеёкмнорстухѕіјһԁаεικνορτυχω")


def _has_letter_outside_lookalikes(word: str) -> bool:
    return any(ch not in _LOOKALIKE_ONLY for ch in word)


# Function words carry no meaning alone (they still count inside bigrams): as unigrams they
# only learn who tends to write risky messages ("i", "my") rather than what is said.
_STOPWORDS = frozenset(
    [
        "i",
        "im",
        "ive",
        "id",
        "ill",
        "me",
        "my",
        "mine",
        "myself",
        "you",
        "your",
        "u",
        "ur",
        "we",
        "us",
        "our",
        "he",
        "him",
        "his",
        "she",
        "her",
        "it",
        "its",
        "they",
        "them",
        "their",
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "from",
        "by",
        "as",
        "is",
        "am",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "do",
        "does",
        "did",
        "have",
        "has",
        "had",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "so",
        "just",
    ]
)


def words_of(text: str, folded: str | None = None) -> list[str]:
    """The words of a message as the model sees them (``folded``: its ``model_text``)."""
    if folded is None:
        folded = model_text(text)
    return [w.replace("'", "") for w in _WORD_RE.findall(folded)]


def features(
    text: str, known: frozenset[str] = frozenset(), folded: str | None = None
) -> list[str]:
    """Distinct feature names of one message, in a stable order.

    Character n-grams are a back-off: words in ``known`` (the training vocabulary) are
    represented by their word feature only, so "already" does not borrow the weight of
    "ready"; misspelt, inflected, obfuscated and unseen words fall back to their n-grams.
    """
    words = words_of(text, folded)
    feats: dict[str, None] = {}
    for w in words:
        if w not in _STOPWORDS:
            feats["w:" + w] = None
    for a, b in itertools.pairwise(words):
        feats[f"b:{a}_{b}"] = None
    for w in words:
        if w in known:
            continue
        if _UNSPACED_RE.search(w):
            for n in (1, 2):
                for i in range(len(w) - n + 1):
                    feats["c:" + w[i : i + n]] = None
            continue
        if len(w) < 4:
            continue  # short words are covered by their word feature
        padded = f" {w} "
        size = len(padded)
        for n in (4, 5):
            for i in range(size - n + 1):
                feats["c:" + padded[i : i + n]] = None
    return list(feats)


_SHORT_TARGETS = frozenset(
    {
        "want", "wanna", "kill", "kms", "die", "dead", "death", "dying", "hurt", "hurts",
        "pills", "pill", "blade", "rope", "knife", "cuts", "alive", "life", "jump", "noose",
        "bleed", "sleep", "wake", "gone", "self", "harm", "ctb", "burn", "scars", "wrist",
        "throat", "ledge", "roof", "bridge", "gun", "drown", "hang",
    }
)  # fmt: skip
_SHORT_DELETIONS: dict[str, str] = {}
for _word in sorted(_SHORT_TARGETS):
    for _i in range(len(_word)):
        _variant = _word[:_i] + _word[_i + 1 :]
        if len(_variant) >= 3:
            _SHORT_DELETIONS.setdefault(_variant, _word)


# Risk words whose misspellings should still open the gate ("i wnat to dei").
GATE_TYPO_WORDS = _SHORT_TARGETS | {
    "myself",
    "suicide",
    "suicidal",
    "unalive",
    "goodbye",
    "overdose",
    "kill myself",
}


def typo_variants(word: str) -> set[str]:
    """The word with one letter dropped or two neighbours swapped (three letters or more)."""
    out = {word[:i] + word[i + 1 :] for i in range(len(word))}
    out |= {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    out.discard(word)
    return {v for v in out if len(v) >= 3}


@dataclass(frozen=True, slots=True)
class ModelScore:
    """Probabilities from each head; the category head runs only when asked for
    (``LinearModel.score(..., category=True)``), otherwise ``category`` is empty."""

    any: float
    serious: float
    imminent: float
    category: str = ""
    category_p: float = 0.0

    def cues(self) -> tuple[str, ...]:
        cues: tuple[str, ...] = (
            f"model:any={self.any:.2f}",
            f"model:serious={self.serious:.2f}",
            f"model:imminent={self.imminent:.2f}",
        )
        if self.category:
            cues += (f"model:category={self.category}@{self.category_p:.2f}",)
        return cues


class LinearModel:
    """Weights loaded from the JSON model file; ``score`` is a handful of dict look-ups."""

    __slots__ = (
        "_deletions",
        "bias",
        "categories",
        "category_weights",
        "common",
        "gate",
        "known",
        "meta",
        "thresholds",
        "typo_targets",
        "weights",
    )

    def __init__(self, data: dict[str, object]) -> None:
        self.meta = data["meta"]
        gate = data.get("gate", [])
        assert isinstance(gate, list)
        # Probe-form stems learnt from the corpus that also send a message to the model.
        self.gate: tuple[str, ...] = tuple(str(g) for g in gate)
        known = data.get("known", [])
        assert isinstance(known, list)
        self.known: frozenset[str] = frozenset(str(w) for w in known)
        common = data.get("common", [])
        assert isinstance(common, list)
        self.common: frozenset[str] = frozenset(str(w) for w in common)
        targets = data.get("typo_targets", [])
        assert isinstance(targets, list)
        self.typo_targets: frozenset[str] = frozenset(str(w) for w in targets)
        # Index of every target with one letter dropped -> the target ("bleedng"). Ambiguous
        # entries (two targets) are dropped.
        deletions: dict[str, str | None] = {}
        for word in sorted(self.typo_targets):
            for variant in {word[:i] + word[i + 1 :] for i in range(len(word))}:
                deletions[variant] = word if deletions.get(variant, word) == word else None
        self._deletions = {k: v for k, v in deletions.items() if v is not None}
        heads = data["heads"]
        categories = data["categories"]
        assert isinstance(heads, list) and tuple(heads) == HEADS, "model heads do not match"
        assert isinstance(categories, list)
        self.categories: tuple[str, ...] = tuple(str(c) for c in categories)
        bias = data["bias"]
        assert isinstance(bias, list)
        self.bias: tuple[float, ...] = tuple(float(b) for b in bias)
        weights = data["weights"]
        assert isinstance(weights, dict)
        width = len(HEADS)
        # Split by head group: the severity heads run for every message that reaches the
        # model, the category head only when a detection needs its category.
        self.weights: dict[str, tuple[float, ...]] = {}
        self.category_weights: dict[str, tuple[float, ...]] = {}
        for k, v in weights.items():
            row = tuple(float(x) for x in v)
            if any(row[:width]):
                self.weights[k] = row[:width]
            if any(row[width:]):
                self.category_weights[k] = row[width:]
        thresholds = data["thresholds"]
        assert isinstance(thresholds, dict)
        self.thresholds: dict[str, float] = {str(k): float(v) for k, v in thresholds.items()}

    def correct_short(self, word: str) -> str | None:
        """Like ``correct`` for three- to five-letter words, towards a short list of risk words
        only ("wnat", "daed", "kil"), since short words collide with real ones far more."""
        if word in self.common or word in _SHORT_TARGETS:
            return None
        found = _SHORT_DELETIONS.get(word)
        if found is not None:
            return found
        for i in range(len(word) - 1):
            extra = word[:i] + word[i + 1 :]
            if extra in _SHORT_TARGETS:
                return extra
        for i in range(len(word) - 1):
            swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
            if swapped in _SHORT_TARGETS:
                return swapped
        return None

    def correct(self, word: str) -> str | None:
        """The word a misspelt ``word`` stands for, if any.

        Only a dropped letter ("bleedng"), an extra letter ("suicidaal") or two letters
        swapped ("overdsoe") count: a replaced letter too often turns a real word into
        another ("banging" / "hanging"). Common words are never corrected.
        """
        if len(word) < 6 or word in self.common or word in self.typo_targets:
            return None
        found = self._deletions.get(word)
        if found is not None:
            return found
        targets = self.typo_targets
        for i in range(len(word) - 1):  # a letter added at the end is often an inflection
            extra = word[:i] + word[i + 1 :]
            if extra in targets:
                return extra
        for i in range(len(word) - 1):
            swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
            if swapped in targets:
                return swapped
        return None

    def severity_rank(self, score: ModelScore) -> int:
        """The severity rank (1-3) the ``serious`` and ``imminent`` heads give, at their bars."""
        if score.serious < self.thresholds["serious"]:
            return 1
        return 3 if score.imminent >= self.thresholds["imminent"] else 2

    def score(self, text: str, category: bool = False, folded: str | None = None) -> ModelScore:
        """Score a message; ``folded`` may pass its ``model_text`` if already computed."""
        feats = features(text, self.known, folded)
        scale = 1.0 / math.sqrt(len(feats)) if feats else 0.0
        a, b, c = self.bias[: len(HEADS)]
        get = self.weights.get
        for f in feats:
            w = get(f)
            if w is not None:
                a += w[0] * scale
                b += w[1] * scale
                c += w[2] * scale
        if not category:
            return ModelScore(_sigmoid(a), _sigmoid(b), _sigmoid(c))
        logits = list(self.bias[len(HEADS) :])
        cget = self.category_weights.get
        for f in feats:
            w = cget(f)
            if w is not None:
                for i, x in enumerate(w):
                    logits[i] += x * scale
        top = max(range(len(logits)), key=logits.__getitem__)
        peak = logits[top]
        total = sum(math.exp(x - peak) for x in logits)
        return ModelScore(_sigmoid(a), _sigmoid(b), _sigmoid(c), self.categories[top], 1.0 / total)


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


@lru_cache(maxsize=1)
def load_model() -> LinearModel:
    """The committed model (read once per process)."""
    raw = resources.files("bot.crisis").joinpath("data", MODEL_FILE).read_text(encoding="utf-8")
    return LinearModel(json.loads(raw))
