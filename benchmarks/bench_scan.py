"""Throughput of ``bot.crisis.scan`` on realistic chat.

    .venv/bin/python benchmarks/bench_scan.py [--messages 200000] [--repeat 5]

Builds a deterministic corpus (~95% everyday chat, a few % crisis-like), 1,000 plausible server
terms, and reports messages/second for:

  a) scan with the built-in lexicon
  b) scan with the lexicon plus 1,000 server terms (compile_rules)
  c) baseline: ``term in text.lower()`` over the built-in stems plus the same 1,000 terms
  d) the bot's whole verdict (``encoder.judge``): scan, then the sentence encoders on the
     messages whose verdict they could change, on the first ``--verdict-messages`` (one run)
  e) the encoders alone, on up to 500 of the messages that need them (one run)

All run in the same process, one after the other, so they share the machine's state. It also
reports how many messages pass the cheap gate and how many need the encoders' opinion, while
they keep up and when they fall behind (``busy``). The bot runs the encoders in a worker
thread, so (a) is what the event loop pays per message.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.crisis import compile_rules, scan
from bot.crisis.encoder import judge, load_encoder_stage
from bot.crisis.engine import DEFAULT_RULES, assess
from bot.crisis.lexicon import GROUPS
from bot.crisis.normalise import fast_probe

SEED = 20240611


def progress(message: str) -> None:
    """What the benchmark is doing now, on stderr (the table goes to stdout)."""
    print(message, file=sys.stderr, flush=True)


_OPENERS = ["lol", "omg", "ok", "hey", "yo", "ngl", "tbh", "honestly", "wait", "bruh", "", "", ""]
_SUBJECTS = ["i", "we", "my cat", "the bot", "my sister", "the mods", "everyone", "you", "this"]
_VERBS = ["just finished", "can't find", "really liked", "am watching", "forgot", "started",
          "need help with", "just saw", "am making", "want to try", "am listening to"]  # fmt: skip
_OBJECTS = [
    "the new episode", "my homework", "dinner", "the meeting notes", "a new game",
    "the study guide", "that song", "my sourdough", "the raid schedule", "a puzzle",
    "the playlist", "my garden", "the book club pick", "my code", "the bus schedule",
]  # fmt: skip
_TAILS = ["see you at the meeting tonight", "anyone else?", "wish me luck", "so good",
          "brb", "what do you all think", "can't wait for the weekend", "send pics",
          "check #general", "it's raining again", "thanks for the tips yesterday",
          "gonna grab coffee first", "link in the pinned message"]  # fmt: skip
_EMOJI = ["😂", "💙", "🙏", "🔥", "✨", "😭", "👀", "🎉", "🥲", "💀", ""]
_LINKS = ["https://example.com/notes", "https://youtu.be/dQw4w9WgXcQ", "https://discord.gg/abc"]
_CRISIS = [
    "i want to die", "honestly i want to kms", "i cut again last night", "i can't do this anymore",
    "thank you all for everything, this is my last message", "i've been saving up my pills",
    "standing on the bridge", "this exam is killing me lol", "suicide squad was mid",
    "my friend said she wants to kill herself", "i w4nt t0 d1e", "k m s", "i'm so done lmaooo",
]  # fmt: skip


def build_corpus(n: int, rng: random.Random) -> list[str]:
    corpus = []
    for _ in range(n):
        if rng.random() < 0.04:
            corpus.append(rng.choice(_CRISIS))
            continue
        parts = [rng.choice(_OPENERS), rng.choice(_SUBJECTS), rng.choice(_VERBS),
                 rng.choice(_OBJECTS) + ",", rng.choice(_TAILS), rng.choice(_EMOJI)]  # fmt: skip
        if rng.random() < 0.1:
            parts.append(rng.choice(_LINKS))
        if rng.random() < 0.1:
            parts.insert(0, "@" + rng.choice(["sam", "alex", "mods", "river"]))
        if rng.random() < 0.4:  # a second sentence, so lengths spread over ~40-200 chars
            parts.extend([rng.choice(_SUBJECTS), rng.choice(_VERBS), rng.choice(_OBJECTS)])
            parts.append(rng.choice(_TAILS))
        text = " ".join(p for p in parts if p)
        if rng.random() < 0.15:
            text = text.capitalize()
        corpus.append(text)
    return corpus


def build_server_terms(n: int, rng: random.Random) -> list[tuple[str, str]]:
    syllables = ["bla", "zor", "kin", "vel", "tra", "mon", "quo", "rix", "dal", "fen", "gur", "sha"]
    words = ["spiral", "meltdown", "void", "numb", "relapse day", "bad brain", "rope", "bridge",
             "no more", "checkout", "final boss irl", "lights out", "the big sleep"]  # fmt: skip
    terms: list[tuple[str, str]] = [(w, "concern") for w in words]
    seen = {w for w, _ in terms}
    while len(terms) < n:
        word = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 3)))
        if rng.random() < 0.3:
            word += " " + rng.choice(syllables) + rng.choice(syllables)
        if word not in seen:
            seen.add(word)
            terms.append((word, rng.choice(["concern", "high", "imminent"])))
    return terms


def builtin_stems() -> list[str]:
    return sorted({stem.strip() for group in GROUPS for stem in group.stems if stem.strip()})


def measure(
    name: str, fn: Callable[[str], object], corpus: Sequence[str], repeat: int
) -> tuple[str, float]:
    best = float("inf")
    for run in range(1, repeat + 1):
        start = time.perf_counter()
        for text in corpus:
            fn(text)
        best = min(best, time.perf_counter() - start)
        progress(f"  {name}: run {run}/{repeat}, {len(corpus) / best:,.0f} msgs/s best so far")
    return name, len(corpus) / best


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--verdict-messages",
        type=int,
        default=2_000,
        help="messages for the whole-verdict run (scan + encoder), which is slower",
    )
    args = parser.parse_args(argv)
    pinned = "no"
    if hasattr(os, "sched_setaffinity"):
        try:
            os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
            pinned = "yes"
        except OSError:
            pass
    rng = random.Random(SEED)
    progress(f"building {args.messages:,} messages and 1,000 server terms")
    corpus = build_corpus(args.messages, rng)
    terms = build_server_terms(1000, rng)
    rules = compile_rules(terms)
    baseline_terms = builtin_stems() + [t for t, _ in terms]
    detected = sum(1 for text in corpus if scan(text, rules) is not None)
    gated = sum(1 for text in corpus if DEFAULT_RULES.gate(fast_probe(text)))

    def baseline(text: str) -> bool:
        lowered = text.lower()
        return any(term in lowered for term in baseline_terms)

    def with_terms(text: str) -> object:
        return scan(text, rules)

    stage = load_encoder_stage()
    reviewed = [text for text in corpus if stage.needs_review(assess(text), text)]
    busy = sum(1 for text in corpus if stage.needs_review(assess(text), text, busy=True))
    progress("loading the sentence encoders")
    stage.encoder.warm_up()

    def whole_verdict(text: str) -> object:
        return judge(text).detection

    print("measuring (best of each)...", flush=True)
    sample = corpus[: args.verdict_messages]
    rows = [
        measure("a) scan, built-in lexicon", scan, corpus, args.repeat),
        measure("b) scan, lexicon + 1,000 server terms", with_terms, corpus, args.repeat),
        measure(f"c) baseline: {len(baseline_terms)} substrings", baseline, corpus, args.repeat),
        measure(f"d) scan + encoder where needed ({len(sample):,})", whole_verdict, sample, 1),
    ]
    encoder_only = measure("e) encoders alone, reviewed msgs", stage.score, reviewed[:500], 1)
    avg_len = sum(map(len, corpus)) / len(corpus)
    print(f"corpus: {len(corpus)} messages, avg {avg_len:.0f} chars, pinned to one core: {pinned}")
    print(f"detections with server terms: {detected} ({detected / len(corpus):.1%})")
    print(f"passing the gate to frames + model: {gated} ({gated / len(corpus):.1%})")
    for when, n in (("keeping up", len(reviewed)), ("busy", busy)):
        print(f"needing the encoders' opinion, {when}: {n} ({n / len(corpus):.2%})")
    print(f"{'variant':<44} {'msgs/s':>12}")
    for name, rate in [*rows, encoder_only]:
        print(f"{name:<44} {rate:>12,.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
