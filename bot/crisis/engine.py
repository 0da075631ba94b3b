"""Crisis detection engine: a cheap gate, then pattern rules with context guards.

Flow for one message (``scan``):

1. ASCII-fold and lowercase (``str.isascii`` skips the Unicode work for most chat).
2. Probe: one ``bytes.translate`` to letters-and-spaces, then one Aho-Corasick pass over the
   stems of every rule group, every server term, and "obfuscation" stems (stretched or spaced
   letters). No hit -> ``None``; this is where ~all harmless chat leaves.
3. Detail: leet inside words, squeezed repeats, joined spaced letters, ignored phrases blanked.
   A second automaton pass picks the rule groups and server terms actually present.
4. Each candidate rule's regex runs; each match is judged in context (subject, negation,
   recovery talk, jokes, fiction, stated time), then the strongest surviving signal wins.

Nothing here logs or stores message text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import ahocorasick

from bot.crisis import frames, languages
from bot.crisis import lexicon as lx
from bot.crisis.guards import blank_guarded
from bot.crisis.model import GATE_TYPO_WORDS, ModelScore, load_model, typo_variants
from bot.crisis.normalise import (
    NEEDS_FOLD,
    OTHER_SCRIPT,
    OTHER_SCRIPT_RE,
    detail,
    fold_unicode,
    nonascii_flags,
    normalise_term,
    probe,
    probe_bytes,
    to_ascii_lower,
)
from bot.crisis.prefilter import Prefilter

SEVERITIES: tuple[str, ...] = lx.SEVERITIES
_RANK: dict[str, int] = {name: i + 1 for i, name in enumerate(SEVERITIES)}


def severity_rank(severity: str | None) -> int:
    """0 for no detection, then 1 concern, 2 high, 3 imminent."""
    if severity is None:
        return 0
    try:
        return _RANK[severity]
    except KeyError:
        raise ValueError(f"unknown severity {severity!r}; expected one of {SEVERITIES}") from None


@dataclass(frozen=True, slots=True)
class Detection:
    """What ``scan`` found: the strongest severity, its category, and the phrases that fired.

    ``cues`` explains the decision for ``/crisis test`` and for ``ConversationWindow``: short
    derived labels, never message text. Each is ``kind:name`` with an optional ``=score``:

    * ``rule:<category>/<severity>``  a lexicon rule fired (its phrase is in ``matches``)
    * ``frame:<name>``                a compositional frame fired (see ``frames.py``)
    * ``model:<head>=0.87``           the learned model's probability for a head
    * ``encoder:any=0.91,imminent=0.12`` the sentence encoders' opinion (``encoder.py``)
    * ``window:<n>msgs``              the detection combines several recent messages
    """

    severity: str
    category: str
    matches: tuple[str, ...]
    # Explanations only: two detections with the same verdict compare equal whatever fired.
    cues: tuple[str, ...] = field(default=(), compare=False)

    @property
    def rank(self) -> int:
        return _RANK[self.severity]


# --- Pattern compilation ----------------------------------------------------------------------

_MACRO_RE = re.compile(r"%([A-Z]+)%")


def expand_macros(pattern: str) -> str:
    # Macros may nest (SELFKILL uses KILL and MYSELF); expand until stable.
    for _ in range(5):
        expanded = _MACRO_RE.sub(lambda m: lx.MACROS[m.group(1)], pattern)
        if expanded == pattern:
            return expanded
        pattern = expanded
    raise ValueError("macro expansion does not terminate")


_APOSTROPHE_RE = re.compile(r"'(?![?*+])")


def _conventions(body: str) -> str:
    # An apostrophe is optional unless the author already quantified it; a space is a gap.
    return _APOSTROPHE_RE.sub("'?", body).replace(" ", r"\W+")


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """Apply the lexicon's conventions (see ``lexicon`` docstring) and anchor on word edges."""
    body = _conventions(expand_macros(pattern))
    return re.compile(rf"(?<![a-z0-9])(?:{body})(?![a-z0-9])")


def _compile_context(pattern: str) -> re.Pattern[str]:
    body = _conventions(expand_macros(pattern))
    return re.compile(rf"(?<![a-z0-9])(?:{body})(?![a-z0-9])")


@dataclass(frozen=True, slots=True)
class _Rule:
    spec: lx.RuleSpec
    regex: re.Pattern[str]
    rank: int


@dataclass(frozen=True, slots=True)
class _Group:
    name: str
    rules: tuple[_Rule, ...]


def _build_groups() -> tuple[_Group, ...]:
    groups = []
    for g in lx.GROUPS:
        rules = tuple(
            _Rule(spec, compile_pattern(spec.pattern), _RANK[spec.severity]) for spec in g.rules
        )
        groups.append(_Group(g.name, rules))
    return tuple(groups)


_GROUPS = _build_groups()
_CONTEXTS: dict[str, re.Pattern[str]] = {
    name: _compile_context(p) for name, p in {**lx.CONTEXTS, **lx.GUARDS, **lx.REQUIREMENTS}.items()
}
# Every rule pattern, then every context pattern, in one prefilter: one automaton pass over a
# message tells which of them can match at all, and only those are searched.
_RULE_AT = {id(rule): i for i, rule in enumerate(r for g in _GROUPS for r in g.rules)}
_CONTEXT_AT = {name: len(_RULE_AT) + i for i, name in enumerate(_CONTEXTS)}
_PREFILTER = Prefilter([*(rule.regex for g in _GROUPS for rule in g.rules), *_CONTEXTS.values()])
_BUILTIN_IGNORE = "|".join(f"(?:{p})" for p in lx.IGNORED_PHRASES)

# Stems that only say "this message is obfuscated, normalise it and look again".
_TRIPLES = tuple(c * 3 for c in "abcdefghijklmnopqrstuvxyz")  # not "www": links are common
_SPACEABLE = ("kms", "kys", "ctb", "suic", "kil", "die", "cut", "unal", "sewer", "self", "end")
_SPACED_STEMS = tuple(" " + " ".join(word) for word in _SPACEABLE)


# --- Compiled rules (built-in lexicon + one guild's settings) ---------------------------------

_KIND_GROUP = 0
_KIND_TERM = 1
_KIND_GATE = 2
_KIND_MODEL = 3
_KIND_LEARNED = 4
_KIND_LANG = 5  # a stem of the other-language frame slots (``languages``)


@dataclass(frozen=True, slots=True)
class ServerTerm:
    term: str
    severity: str


class ScanRules:
    """Everything ``scan`` needs for one configuration. Build with ``compile_rules``."""

    __slots__ = ("_automaton", "extra_terms", "ignore_re", "ignored_terms", "learned_gate")

    def __init__(
        self,
        extra_terms: tuple[ServerTerm, ...],
        ignored_terms: tuple[str, ...],
        learned_gate: bool = True,
    ) -> None:
        self.extra_terms = extra_terms
        self.learned_gate = learned_gate
        self.ignored_terms = ignored_terms
        parts = [_BUILTIN_IGNORE]
        for term in ignored_terms:
            words = term.split()
            if words:
                parts.append(
                    r"(?<![a-z0-9])" + r"\W+".join(map(re.escape, words)) + r"(?![a-z0-9])"
                )
        self.ignore_re = re.compile("|".join(parts))
        self._automaton = self._build_automaton()

    def _build_automaton(self) -> Any:
        payloads: dict[str, list[tuple[int, int]]] = {}
        for gi, group in enumerate(lx.GROUPS):
            for stem in group.stems:
                payloads.setdefault(stem, []).append((_KIND_GROUP, gi))
        for ti, term in enumerate(self.extra_terms):
            # Padded with spaces: server terms match whole words only ("ana" not in "banana").
            payloads.setdefault(f" {term.term} ", []).append((_KIND_TERM, ti))
        for stem in (*_TRIPLES, *_SPACED_STEMS):
            payloads.setdefault(stem, []).append((_KIND_GATE, 0))
        for stem in (*lx.MODEL_GATE_STEMS, *frames.GATE_STEMS):
            payloads.setdefault(stem, []).append((_KIND_MODEL, 0))
        for stem in languages.GATE_STEMS:
            payloads.setdefault(stem, []).append((_KIND_LANG, 0))
        if self.learned_gate:
            model = load_model()
            for stem in model.gate:
                payloads.setdefault(stem, []).append((_KIND_LEARNED, 0))
            # Misspelt risk words, as whole words, so "i wnat to dei" reaches the typo fix.
            for word in sorted(GATE_TYPO_WORDS):
                for variant in sorted(typo_variants(word)):
                    if variant not in model.common and " " not in variant.strip():
                        payloads.setdefault(f" {variant} ", []).append((_KIND_MODEL, 0))
        automaton = ahocorasick.Automaton()
        for key, value in payloads.items():
            automaton.add_word(key, tuple(value))
        automaton.make_automaton()
        return automaton

    def gate(self, probe_text: str) -> bool:
        """True when any stem, server term or obfuscation hint occurs."""
        for _ in self._automaton.iter(probe_text):
            return True
        return False

    def candidates(self, probe_text: str) -> tuple[set[int], set[int], bool, bool]:
        """Rule groups and server terms whose stems occur, whether any stem occurred, and
        whether a stem learnt from the corpus occurred."""
        groups, terms, any_stem, learned, _ = self.candidates_full(probe_text)
        return groups, terms, any_stem, learned

    def candidates_full(self, probe_text: str) -> tuple[set[int], set[int], bool, bool, bool]:
        """``candidates`` plus whether a stem of another language's frame slots occurred."""
        groups: set[int] = set()
        terms: set[int] = set()
        any_stem = learned = foreign = False
        for _, values in self._automaton.iter(probe_text):
            any_stem = True
            for kind, index in values:
                if kind == _KIND_GROUP:
                    groups.add(index)
                elif kind == _KIND_TERM:
                    terms.add(index)
                elif kind == _KIND_LEARNED:
                    learned = True
                elif kind == _KIND_LANG:
                    foreign = True
        return groups, terms, any_stem, learned, foreign


def _coerce_term(item: str | tuple[str, str] | list[str]) -> ServerTerm | None:
    if isinstance(item, str):
        term, severity = item, "high"
    else:
        term, severity = item[0], item[1]
    if severity not in _RANK:
        raise ValueError(f"unknown severity {severity!r} for server term; use one of {SEVERITIES}")
    normal = normalise_term(term)
    return ServerTerm(normal, severity) if normal else None


def compile_rules(
    extra_terms: Iterable[str | tuple[str, str]] = (),
    ignored_terms: Iterable[str] = (),
) -> ScanRules:
    """Rules for a guild: built-in lexicon plus its own terms, minus its ignored phrases.

    ``extra_terms`` are plain strings (severity "high") or ``(term, severity)`` pairs.
    Results are cached on the normalised inputs, so calling this per message is cheap.
    """
    terms: dict[str, ServerTerm] = {}
    for item in extra_terms:
        coerced = _coerce_term(item)
        if coerced is not None:
            previous = terms.get(coerced.term)
            if previous is None or _RANK[coerced.severity] > _RANK[previous.severity]:
                terms[coerced.term] = coerced
    ignored = {" ".join(detail(to_ascii_lower(t)).split()) for t in ignored_terms}
    ignored.discard("")
    return _compile_cached(
        tuple(sorted(terms.values(), key=lambda t: t.term)), tuple(sorted(ignored))
    )


@lru_cache(maxsize=256)
def _compile_cached(
    extra_terms: tuple[ServerTerm, ...], ignored_terms: tuple[str, ...]
) -> ScanRules:
    return ScanRules(extra_terms, ignored_terms)


DEFAULT_RULES = compile_rules()
# The hand-written gate alone; ``python -m bot.crisis.train`` learns stems beyond it.
BUILTIN_GATE_RULES = ScanRules((), (), learned_gate=False)


def other_script(text: str) -> bool:
    """Letters the ASCII fold cannot spell: such messages always reach the model."""
    return _OTHER_SCRIPT_RE.search(text) is not None


# Letters of scripts the ASCII fold cannot spell (Cyrillic words, Arabic, Devanagari, CJK...):
# such messages always reach the model, which keeps their words.
_OTHER_SCRIPT_RE = OTHER_SCRIPT_RE


# --- Context judgement ------------------------------------------------------------------------

_CLAUSE_SPLIT = re.compile(
    r"[.!?;:\n,()\"]|\b(?:but|though|although|however|because|cause|cuz|bc|so|and then|"
    r"then|anyway|tho)\b"
)
_TOKEN_RE = re.compile(r"[a-z0-9']+")
_PREFIX_CHARS = 90

_FIRST = frozenset({"i", "im", "ive", "id", "ill", "me", "my", "myself", "mine", "imma", "ima"})
_GENERIC = frozenset(
    [
        "you",
        "u",
        "ur",
        "youre",
        "your",
        "yall",
        "yourself",
        "anyone",
        "anybody",
        "someone",
        "somebody",
        "people",
        "ppl",
        "everyone",
        "everybody",
        "whoever",
        "those",
        "nobody",
        "noone",
        "we",
        "us",
        "ya",
        "ye",
    ]
)
_THIRD = frozenset(
    [
        "he",
        "she",
        "they",
        "hes",
        "shes",
        "theyre",
        "theyve",
        "his",
        "their",
        "friend",
        "friends",
        "bf",
        "gf",
        "boyfriend",
        "girlfriend",
        "sister",
        "brother",
        "mom",
        "mum",
        "dad",
        "cousin",
        "roommate",
        "classmate",
        "student",
        "kid",
        "son",
        "daughter",
        "partner",
        "husband",
        "wife",
        "coworker",
        "teammate",
        "bestie",
        "bff",
        "man",
        "woman",
        "person",
        "teen",
        "teenager",
        "character",
        "celebrity",
        "actor",
        "user",
        "member",
        "child",
        "kids",
        "students",
        "classmates",
        "boy",
    ]
)
_SOMEONE = frozenset({"someone", "somebody"})
_OBJECT_VERBS = frozenset(
    [
        "thank",
        "thanks",
        "love",
        "miss",
        "tell",
        "told",
        "to",
        "for",
        "with",
        "see",
        "meet",
        "hug",
        "bless",
        "help",
        "owe",
    ]
)
_NEGATORS = frozenset(
    [
        "not",
        "never",
        "dont",
        "doesnt",
        "didnt",
        "wont",
        "wouldnt",
        "isnt",
        "arent",
        "wasnt",
        "werent",
        "havent",
        "hasnt",
        "hadnt",
        "shouldnt",
        "nor",
        "neither",
        "nothing",
    ]
)
_NEG_SKIP_NEXT = frozenset(
    [
        "ok",
        "okay",
        "fine",
        "good",
        "well",
        "safe",
        "alright",
        "sure",
        "doing",
        "coping",
        "one",
        "longer",
        "even",
        "much",
        "lie",
        "lying",
        "kidding",
        "joking",
    ]
)
_NEG_DOUBT = frozenset(
    [
        "promise",
        "sure",
        "guarantee",
        "trust",
        "know",
        "think",
        "if",
        "whether",
        "afraid",
        "scared",
        "worried",
        "swear",
    ]
)
_NO_NEGATES = frozenset(
    ["intention", "intentions", "plans", "plan", "desire", "way", "urge", "urges", "thoughts"]
)
_HUMOR_EMOJI = ("\U0001f602", "\U0001f923", "\U0001f480", "\U0001f606", "\U0001f639", "\U0001f605")
# Contexts that laughing emoji count towards, as "lol" and "haha" do in their patterns.
_LAUGHING_CONTEXTS = frozenset({"humor", "farewell_benign"})

_FIRST_PERSON_CATEGORIES = frozenset({lx.IDEATION, lx.SELF_HARM, lx.PLAN, lx.FAREWELL})
_CATEGORY_PRIORITY = {
    lx.ABUSE: 7,
    lx.HARM_OTHERS: 6,
    lx.PLAN: 5,
    lx.SELF_HARM: 4,
    lx.IDEATION: 3,
    lx.FAREWELL: 2,
    lx.THIRD_PARTY: 1,
    lx.SERVER_TERM: 0,
}
_WEAK_COMBINED = {lx.FAREWELL: "high", lx.IDEATION: "concern"}
_MAX_MATCHES = 6


class _Context:
    """Lazily evaluated facts about one normalised message."""

    __slots__ = ("_cache", "possible", "raw", "text")

    def __init__(self, raw: str, text: str, possible: set[int] | None = None) -> None:
        self.raw = raw
        self.text = text
        # ``_PREFILTER`` indices of the patterns that may match ``text`` (None: all may).
        self.possible = _PREFILTER.possible(text) if possible is None else possible
        self._cache: dict[str, bool] = {}

    def has(self, name: str) -> bool:
        found = self._cache.get(name)
        if found is None:
            found = (
                _CONTEXT_AT[name] in self.possible and _CONTEXTS[name].search(self.text) is not None
            )
            if name in _LAUGHING_CONTEXTS and not found:
                found = any(e in self.raw for e in _HUMOR_EMOJI)
            self._cache[name] = found
        return found

    def clause_tokens(self, start: int) -> list[str]:
        prefix = self.text[max(0, start - _PREFIX_CHARS) : start]
        clause = _CLAUSE_SPLIT.split(prefix)[-1]
        return [t.replace("'", "") for t in _TOKEN_RE.findall(clause)]


def _negated(tokens: list[str], matched: str = "") -> bool:
    """Whether the clause before a match (``tokens``) negates it; ``matched`` is the match,
    whose first word may be what a "no" negates ("no thoughts of ending it")."""
    window = tokens[-5:]
    following = _TOKEN_RE.match(matched)
    after = following.group().replace("'", "") if following else ""
    for j, tok in enumerate(window):
        nxt = window[j + 1] if j + 1 < len(window) else after
        if tok == "no":
            if nxt in _NO_NEGATES:
                return True
            continue
        if tok not in _NEGATORS:
            continue
        if nxt in _NEG_SKIP_NEXT or (j + 2 < len(window) and window[j + 2] in {"lie", "lying"}):
            continue
        if any(t in _NEG_DOUBT for t in tokens[: len(tokens) - len(window) + j]):
            continue
        return True
    return False


def _subject(tokens: list[str], matched: str) -> str | None:
    """'first', 'generic', 'third' or None (no subject named in the clause)."""
    first_word = _TOKEN_RE.match(matched)
    if first_word and first_word.group().replace("'", "") in _FIRST:
        return "first"
    for i in range(len(tokens) - 1, -1, -1):
        tok = tokens[i]
        if tok in _FIRST:
            return "first"
        if tok in _GENERIC:
            if i > 0 and tokens[i - 1] in _OBJECT_VERBS:
                continue  # "thank you", "love you all": the listener, not the subject
            return "generic"
        if tok in _THIRD:
            return "third"
    return None


@dataclass(slots=True)
class _Hit:
    rank: int
    category: str
    phrase: str
    weak: bool = False
    support: bool = False
    means: bool = False
    first_person: bool = True


def _phrase(text: str) -> str:
    phrase = " ".join(text.split())
    return phrase if len(phrase) <= 60 else phrase[:57] + "..."


def _judge(rule: _Rule, m: re.Match[str], ctx: _Context) -> _Hit | None:
    spec = rule.spec
    if spec.guard and ctx.has(spec.guard):
        return None
    if spec.requires and not ctx.has(spec.requires):
        return None
    tokens = ctx.clause_tokens(m.start())
    if spec.negatable and _negated(tokens, m.group()):
        return None
    category = spec.category
    rank = rule.rank
    third = False
    if (
        category == lx.THIRD_PARTY
        and _subject(tokens, "") == "generic"
        and not (set(tokens) & _SOMEONE)
    ):
        return None  # "if anyone is thinking about hurting themselves": an offer, not a report
    if spec.person != "any":
        subject = _subject(tokens, m.group())
        if subject == "generic":
            return None
        if subject is None and spec.person == "strict" and len(tokens) > 3:
            return None
        if subject == "third" and category in _FIRST_PERSON_CATEGORIES:
            third = True
    if third or category == lx.THIRD_PARTY:
        if (spec.fiction or third) and ctx.has("fiction"):
            return None
        if third:
            category = lx.THIRD_PARTY
            rank = rank if rank == 3 else 1
        if spec.escalate and ctx.has("emergency"):
            rank = 3
    else:
        if spec.fiction and ctx.has("fiction"):
            return None
        if spec.escalate and ctx.has("time"):
            rank = 3
    if spec.recovery and category != lx.THIRD_PARTY:
        if "used" in tokens and "to" in tokens:
            return None
        if ctx.has("recovery") and not ctx.has("relapse") and not _present_wish(m.group()):
            return None
    if spec.jokey:
        # An everyday grievance told as a joke is venting; either sign alone still gets a glance.
        if ctx.has("trivial_condition") or (ctx.has("trivial") and ctx.has("humor")):
            return None
        if ctx.has("trivial") or ctx.has("humor"):
            rank = 1
    return _Hit(
        rank=rank,
        category=category,
        phrase=_phrase(m.group()),
        weak=spec.weak,
        support=spec.support,
        means=spec.means,
        first_person=not third,
    )


_PRESENT_WISH = re.compile(r"\b(?:want|wanna|wana|need|gonna|going to)\b")


def _present_wish(matched: str) -> bool:
    # "3 days sober and i want to die" is current even though the message mentions recovery.
    return _PRESENT_WISH.search(matched) is not None


def _server_term_hit(term: ServerTerm, probe_text: str) -> _Hit | None:
    at = probe_text.find(f" {term.term} ")
    if at >= 0:
        tokens = probe_text[max(0, at - 40) : at].split()
        if _negated(tokens, term.term):
            return None
    return _Hit(rank=_RANK[term.severity], category=lx.SERVER_TERM, phrase=term.term)


def _combine(hits: list[_Hit], ctx: _Context) -> Detection | None:
    strong = [h for h in hits if not h.weak and not h.support]
    weak = [h for h in hits if h.weak]
    support = [h for h in hits if h.support]
    if not strong and support and weak:
        # "i'm doing it tonight. goodbye": an unnamed "it" plus a farewell hint.
        strong, support = support, []
    # Weak hints of one kind (farewell, hopelessness) add up when two distinct ones appear.
    for category, combined in _WEAK_COMBINED.items():
        mine = [h for h in weak if h.category == category]
        hint_phrases = {h.phrase for h in mine}
        # A concern-level farewell (giving things away) plus one hint is a goodbye too.
        same = [h for h in strong if h.category == category and h.rank == 1]
        if len(hint_phrases) + len(same) >= 2 and hint_phrases:
            for h in same:
                hint_phrases.add(h.phrase)
            rank = _RANK[combined]
            if category == lx.FAREWELL and ctx.has("time"):
                rank = 3
            strong.append(_Hit(rank, category, " / ".join(sorted(hint_phrases))))
        elif mine and category == lx.FAREWELL and strong:
            # A lone hint is shown to moderators but does not make the message a goodbye.
            strong.append(_Hit(1, category, mine[0].phrase, first_person=False))
    if not strong:
        return None
    strong.extend(support)
    personal = [h for h in strong if h.first_person and h.category in _FIRST_PERSON_CATEGORIES]
    serious = [h for h in personal if h.rank >= 2]
    # A means at hand next to any other serious signal is a plan in motion.
    if any(h.means for h in serious) and any(not h.means for h in serious):
        for h in serious:
            h.rank = 3
    # A goodbye that carries intent.
    categories = {h.category for h in serious}
    if lx.FAREWELL in categories and len(categories) > 1:
        for h in serious:
            h.rank = 3
    best = max(strong, key=lambda h: (h.rank, _CATEGORY_PRIORITY[h.category]))
    ordered = sorted(strong, key=lambda h: (-h.rank, -_CATEGORY_PRIORITY[h.category]))
    phrases: list[str] = []
    for h in ordered:
        if h.phrase not in phrases:
            phrases.append(h.phrase)
    cues: list[str] = []
    for h in ordered:
        cue = f"rule:{h.category}/{SEVERITIES[h.rank - 1]}"
        if cue not in cues:
            cues.append(cue)
    return Detection(
        SEVERITIES[best.rank - 1], best.category, tuple(phrases[:_MAX_MATCHES]), tuple(cues)
    )


@dataclass(frozen=True, slots=True)
class Assessment:
    """Everything ``scan`` weighed for one message; derived labels and numbers only.

    ``slots`` are the frame slots present (``frames.SLOTS``); ``ConversationWindow`` keeps
    these (never the text) to combine a member's recent messages. ``guarded``: a rule matched
    but a guard (negation, joke, fiction, recovery talk) dropped it and no rule stands.
    """

    detection: Detection | None
    slots: frozenset[str]
    model_any: float
    guarded: bool = False


_NOTHING = Assessment(None, frozenset(), 0.0)
# ``Detection.matches`` of a verdict the n-gram model reached with no rule or frame.
MODEL_ONLY = ("model",)
# Contexts in which a frame is not trusted (the lexicon's own guards handle these): for all
# frames, and for frames of one category only.
_FRAME_GUARDS = ("trivial_condition", "humor", "fiction", "game", "relationship")
_ACT_GUARDS = ("fiction", "game")
_MODEL_VETO = frozenset({"past", "advice", "benign"})
# Frame slots that, present in a message, let the model speak with less certainty.
_SUPPORTING_SLOTS = frozenset(
    {"end", "wish", "wish_passive", "passive", "prep", "act", "sh", "others", "abuse",
     "intrusive"}
)  # fmt: skip
_FRAME_CATEGORY_GUARDS = {
    lx.SELF_HARM: ("injury",),
    lx.PLAN: ("place_benign",),
}


_LETTERS_RE = re.compile(r"(?<![a-z'])[a-z]{3,}(?![a-z'])")


_SUICIDAL_WORD = re.compile(lx.MACROS["SUICIDAL"])


def _fix_typos(text: str) -> str:
    """Read misspelt words as the word meant ("suicidaal", "bleedng", "wnat", "dei")."""
    model = load_model()

    def fix(m: re.Match[str]) -> str:
        word = m.group()
        if _SUICIDAL_WORD.fullmatch(word):
            return word  # already read as "suicidal" by the rules ("suicidle", "suisidal")
        fixed = model.correct(word) if len(word) >= 6 else model.correct_short(word)
        return fixed or word

    return _LETTERS_RE.sub(fix, text)


def _analyse(raw: str, lowered: str, rules: ScanRules) -> Assessment:
    detailed = detail(lowered)
    text = rules.ignore_re.sub(" ", _fix_typos(detailed))
    kept = blank_guarded(text)
    if kept != text:
        # Sentences about risk (a game, recovery, advice, a question, a quote) are left out;
        # the rest of the message is judged as if they were never written.
        if not kept.strip():
            return _NOTHING
        text = detailed = kept
        if raw.isascii():
            raw = kept
    probe_text = probe(text)
    groups, terms, any_stem, learned, foreign = rules.candidates_full(probe_text)
    if not any_stem and not _OTHER_SCRIPT_RE.search(raw):
        return _NOTHING
    possible = _PREFILTER.possible(text)
    ctx = _Context(raw, text, possible)
    hits: list[_Hit] = []
    cancelled = False  # a rule matched but a guard (negation, joke, fiction...) dropped it
    negated = False  # ... and the guard was a negation ("i would never hurt myself")
    for gi in sorted(groups):
        for rule in _GROUPS[gi].rules:
            if _RULE_AT[id(rule)] not in possible:
                continue  # none of the words this rule needs is in the message
            first = rule.regex.search(text)
            if first is None:
                continue  # the common case; finditer below only runs on a hit
            for m in rule.regex.finditer(text, first.start()):
                hit = _judge(rule, m, ctx)
                if hit is None:
                    cancelled = True
                    if rule.spec.negatable and _negated(ctx.clause_tokens(m.start()), m.group()):
                        negated = True
                else:
                    hits.append(hit)
                    if not hit.weak:
                        break  # one strong hit per rule is enough; weak hints add up
    for ti in sorted(terms):
        hit = _server_term_hit(rules.extra_terms[ti], probe_text)
        if hit is not None:
            hits.append(hit)
    ruled = _combine(hits, ctx) if hits else None
    found = frames.slots(text)
    if foreign or not raw.isascii():
        found |= languages.slots(text, raw)
    # For ASCII messages the model's folding is exactly the detail form computed above.
    score = load_model().score(raw, folded=detailed if raw.isascii() else None)
    # Evidence beyond the model that the message is about risk: a rule group's stem, a stem
    # learnt from the corpus, another script, or a frame slot.
    supported = bool(groups) or learned or other_script(raw) or bool(found & _SUPPORTING_SLOTS)
    verdict = _merge(ruled, found, score, cancelled, negated, supported, ctx)
    return Assessment(verdict, found, score.any, guarded=cancelled and ruled is None)


def _merge(
    ruled: Detection | None,
    found: frozenset[str],
    score: ModelScore,
    cancelled: bool,
    negated: bool,
    supported: bool,
    ctx: _Context,
) -> Detection | None:
    """Combine the lexicon's verdict, the frames and the model into one detection."""
    model = load_model()
    th = model.thresholds
    frame = frames.compose(found)
    guarded = any(ctx.has(g) for g in _FRAME_GUARDS)
    if frame is not None:
        # An act under way stays alarming even next to "lol"; other frames defer to the guards.
        general = _ACT_GUARDS if frame.frame == "act_under_way" else _FRAME_GUARDS
        specific = _FRAME_CATEGORY_GUARDS.get(frame.category, ())
        if frame.category == lx.PLAN and not ctx.has("crisis_place"):
            specific = ()  # "waiting for" a bus explains a bridge, not a plan with pills
        if any(ctx.has(g) for g in (*general, *specific)):
            frame = None
    # Where the lexicon's guards (idiom, joke, fiction, recovery, negation) dropped a match,
    # or the message has a joking or fictional context, the model alone needs more certainty.
    if guarded or (cancelled and ruled is None):
        bar = th["guarded"]
    elif supported:
        bar = th["supported"]
    else:
        bar = th["any"]
    if ruled is None and found & _MODEL_VETO and not found & frames.NEGATION_DOES_NOT_NEGATE:
        bar = 2.0  # recovery talk, prevention advice: the model alone does not overrule
    if ruled is None and cancelled and not found & frames.NEGATION_DOES_NOT_NEGATE:
        if negated:
            bar = 2.0  # a real negation the lexicon saw: the model alone does not overrule
        if frame is not None and frame.rank < 3:
            frame = None  # nor does a frame, unless it says an act is under way
    model_rank = 0
    if (
        score.any < bar <= 1.0
        and supported
        and not guarded
        and score.any >= th["alone_floor"]
        and len(ctx.text.split()) >= th["alone_min_words"]
        and score.serious >= th["serious"]
        and score.imminent >= th["imminent_alone"]
    ):
        # In a long message the any-head averages a time, a means or an act under way away
        # among ordinary chat; the serious and imminent heads agreeing on it is enough.
        model_rank = 3
    elif score.any >= bar:
        model_rank = model.severity_rank(score)
    if frame is not None and ruled is None and not frame.composed and score.any < th["frame_floor"]:
        frame = None  # a frame with no support at all from the model is too thin alone
    cues: list[str] = list(ruled.cues) if ruled is not None else []
    if frame is not None:
        cues.append(f"frame:{frame.frame}/{SEVERITIES[frame.rank - 1]}")
    cues.extend(score.cues())
    if ruled is not None and ruled.rank < 3 and frame is None and score.any < th["veto"]:
        # The model is all but certain this is harmless (a song, an idiom, a quote) and no
        # frame disagrees: a lexicon match below imminent is dropped.
        ruled = None
        cues.append("veto:model")
    if ruled is not None:
        # The lexicon's verdict stands; a first-person frame may only raise it.
        best = ruled.rank
        category, matches = ruled.category, ruled.matches
        if (
            frame is not None
            and frame.rank > best
            and lx.THIRD_PARTY not in (frame.category, ruled.category)
            and not ctx.has("trivial")  # the lexicon chose to downgrade everyday venting
        ):
            best, category = frame.rank, frame.category
        if model_rank > best and not ctx.has("trivial"):
            # The model's severity heads read a time or a means the rule did not ("k1lling
            # myself tonight, pills are on the desk" matched only the wish).
            best = model_rank
    elif frame is not None:
        best = frame.rank
        category, matches = frame.category, (f"frame: {frame.frame.replace('_', ' ')}",)
    elif model_rank:
        best = model_rank
        full = model.score(ctx.raw, category=True)
        cues[-len(score.cues()) :] = full.cues()
        category, matches = full.category, MODEL_ONLY
    else:
        return None
    return Detection(SEVERITIES[best - 1], category, matches, tuple(cues))


def assess(text: str, rules: ScanRules | None = None) -> Assessment:
    """Like ``scan`` but also returns the frame slots and model score behind the verdict."""
    if rules is None:
        rules = DEFAULT_RULES
    # The cheap gate, as ``rules.gate(fast_probe(text))``; a letter of another script skips it,
    # since such messages always reach the model.
    if text.isascii():
        if not rules.gate(probe_bytes(text.encode("ascii"))):
            return _NOTHING
    else:
        raw = text.encode("ascii", "replace")
        flags = nonascii_flags(text, raw)
        if not flags & OTHER_SCRIPT:
            if flags & NEEDS_FOLD:
                raw = fold_unicode(text).encode("ascii")
            if not rules.gate(probe_bytes(raw)):
                return _NOTHING
    return _analyse(text, to_ascii_lower(text), rules)


def scan(text: str, rules: ScanRules | None = None) -> Detection | None:
    """Scan one chat message; ``None`` means nothing worth a moderator's attention."""
    return assess(text, rules).detection
