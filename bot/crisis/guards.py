"""Sentence-level guards: blank the sentences that talk *about* risk without being risk.

Round 1 applied its contexts (game, recovery, fiction...) to a whole message, which both
missed look-alikes whose context sits in the same sentence as the trigger ("killed myself in
the boss fight") and could silence a real statement elsewhere in the message. Here each
sentence (or "but"-clause) of the *detail* form is judged on its own:

==========  =======================================================================
game        the sentence is set in a game ("in ranked", "respawn", "boss fight")
past        recovery told in the past ("3 years clean", "used to", "back when")
advice      support directed at others ("if you're feeling...", "reach out", "988")
question    a question about the topic ("is it normal to", "how do i help a friend")
fiction     a book, film, show, song or quote ("in the movie", "the lyrics")
joke_bye    a farewell to a chat, a battery, a bedtime ("phone at 2%", "leaving this chat")
==========  =======================================================================

A guarded sentence is replaced by spaces (offsets are kept) unless it also carries a present,
first-person risk marker that the guard cannot explain ("used to cut, relapsed again
tonight"). Quoted spans are blanked too when the message says it is quoting something.
Only derived text is returned; nothing is stored.
"""

from __future__ import annotations

import re

_SENTENCE = re.compile(r"[^.!?\n;]+[.!?\n;]*")
_CLAUSE = re.compile(r"(?<![a-z])(?:but|though|although|however|anyway|tho)(?![a-z])")


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z0-9])(?:{pattern})(?![a-z0-9])")


_GAME = _re(
    r"(?:in|on|during) (?:the |this |that |my |our |a )?(?:game|match|ranked|raid|lobby|"
    r"dungeon|arena|tutorial|campaign|speedrun|playthrough|boss fight|final boss|level \w+|"
    r"gta|minecraft|fortnite|valorant|apex|overwatch|elden ring|dark souls|league|cod|"
    r"warzone|roblox|among us|hardcore|survival mode|pvp|skyrim|zelda|mario|sims)|"
    r"respawn\w*|requeue\w*|fall damage|grenade|boss fight|final boss|the boss|"
    r"checkpoint|speedrun\w*|(?:this|next|that|the|a|last) round|if we (?:lose|win|don'?t win)|"
    r"(?:this|that) boss|died \d+ times|lost (?:\d+|every|all) (?:games?|matches|rounds)|"
    r"(?:this|that|the|my|a|every|each|next) (?:game|match|map|lobby|queue|raid|level|stage|"
    r"run|patch|update|character|champ|squad)|games?|gaming|gamer|controller|console|xbox|"
    r"ps5|nintendo|twitch|streamer|fps|mmo|rpg|elo|mmr|ranked|smurf\w*|nerf(?:ed|s)?|noobs?|"
    r"ggs|bot lane|jungler|healer|dps|"
    r"one[- ]shot|hitbox|teammates?|my team|the enemy team|"
    r"(?:kill|killed|die|died|dying|dead) (?:again )?(?:in|on) (?:the |this )?(?:game|level|"
    r"match|round|boss)|gg|noob|lag(?:ged|ging)?|headshot|ult|aggro"
)
_GAME_REAL = _re(
    r"irl|in real life|for real|fr fr|pills?|rope|noose|blades?|razors?|overdose|bridge|"
    r"roof|ledge|note|suicid\w*|tonight"
)
_PAST = _re(
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|few|several) (?:days?|weeks?|"
    r"months?|years?|yrs?) (?:clean|free|sober|since|without|out of)|used to|back when|"
    r"years? ago|months? ago|when i was (?:younger|little|a kid|a teen|a teenager|\d+|in|"
    r"at my (?:worst|lowest))|"
    r"(?:in|during|through) (?:high school|middle school|college|uni|my teens|my twenties)|"
    r"last year|(?:i|we) (?:survived|got through|made it through)|clean (?:for|since)|"
    r"(?:haven'?t|have not|hasn'?t) (?:\w+ ){0,3}(?:in|for|since) (?:\d+|years|months|weeks|ages|"
    r"a long time|a while)|a long time ago|in recovery|recovered|recovering|old scars|scars "
    r"(?:are|have) (?:\w+ )?(?:faded|healed|old|white)|\d+ days since i (?:last )?\w+|since "
    r"(?:last|my last)|glad i didn'?t|grateful i didn'?t|(?:didn'?t|never) go through with it|"
    r"(?:years?|months?) out from|(?:after|since) my (?:attempt|last relapse)|doing (?:so much |"
    r"much |way )?better"
)
_NOW = _re(
    r"again|tonight|right now|rn|lately|relaps\w*|urges?|craving|(?<!used to )(?<!use to )"
    r"(?:want(?:s|ing)? to|wanna|need to)|going to|gonna|started|this time|(?:urges?|it'?s|"
    r"they'?re|are|is) back|came back|coming back"
)
_ADVICE = _re(
    r"if (?:you|you'?re|u|ur|anyone|anybody|someone|somebody|any of you)|reach out|"
    r"you'?re not alone|you are not alone|(?:call|text|dial) (?:or text )?(?:988|111|999|911|"
    r"116 123|a hotline|the hotline|a crisis line|someone)|hotline|crisis (?:line|text)|"
    r"(?:my )?dms? (?:are|is) (?:always )?open|we'?re here for you|you matter|"
    r"please (?:talk|reach|tell|stay)|(?:anyone|anybody|whoever) (?:who|that) (?:is|feels|"
    r"has|'?s)|you deserve (?:help|support|to)|it gets better|stay safe (?:everyone|all|y'?all)"
)
_QUESTION = _re(
    r"(?:is it|it'?s) (?:normal|ok|okay|common|weird|bad|healthy) (?:to|that|for|if)|"
    r"how (?:do|can|should|would) (?:i|we|you|one|someone) (?:help|support|talk to|tell|"
    r"approach|comfort|respond|react)|what (?:are|is) (?:the |some |common )?(?:warning )?"
    r"signs?|(?:warning )?signs (?:of|that)|why do (?:people|ppl|some people|so many|teens|"
    r"kids)|what (?:should|do|can) (?:i|we|you) (?:do|say) (?:if|when)|does anyone know "
    r"(?:why|how|if|what)|how common is|what does \w+(?: \w+)? mean|is it true that|"
    r"(?:asking|question) for (?:a |my )?(?:friend|class|school|essay|project|research)|"
    r"for (?:my|a) (?:psych\w*|class|essay|paper|project|research|presentation)"
)
# A general question about the topic: no speaker in it, asked of the room.
_GENERAL_QUESTION = re.compile(
    r"^\W*(?:is|are|does|do|why|how|what|can|should|could|would|when)\b(?!.*\b(?:i|i'?m|i'?ve|"
    r"me|my|myself|else)\b).*\?\W*$"
)
_FIRST_DESIRE = _re(
    r"i (?:really |just |still |sometimes |often )?(?:want|wanna|need|feel like|keep|have been|"
    r"'?ve been|am going|'?m going|'?m gonna|will|'?ll)|i'?m (?:so |really )?(?:suicidal|done)|"
    r"(?:my|i) (?:cut|cutting|relapsed)"
)
# A specific person the speaker is worried about: a report, not a general question.
_REPORT = _re(
    r"my (?:\w+ )?(?:friend|bestie|bff|bf|gf|boyfriend|girlfriend|roommate|sister|brother|mom|"
    r"mum|dad|son|daughter|partner|husband|wife|cousin|classmate|kid|student|teammate)|"
    r"(?:he|she|they)(?:'?s|'?re| is| are| has| have| keeps| kept| tried| took| told| just| "
    r"posted)|(?:someone|somebody) (?:in|at|from) my|posted"
)
_FICTION = _re(
    r"(?:in|from|of) (?:the|that|this|a) (?:book|novel|movie|film|show|series|episode|anime|"
    r"manga|song|album|play|poem|game|comic|webtoon|musical|documentary|fic|fanfic|story)|"
    r"the (?:song|lyrics?|line|quote|main character|protagonist|villain|narrator|finale|"
    r"ending|chapter|scene|episode|character|movie|film|show|book|novel|poem|title)|"
    r"lyrics?|(?:movie|show|book|film|anime|song|episode) (?:where|when|about|in which)|"
    r"(?:she|he|they|the character) (?:sings?|sang|says|said|wrote) "
)
_QUOTE_CUE = _re(
    r"song|lyrics?|line|quote[sd]?|quoting|says|said|poem|show|movie|film|book|title|meme|"
    r"tweet|caption|tiktok|sign|shirt|poster|sticker|episode|album|band|called|named"
)
_QUOTED = re.compile(r"\"[^\"\n]{2,200}\"|(?<![a-z])'[^'\n]{4,120}'(?![a-z])")
_JOKE_BYE = _re(
    r"battery|phone (?:is )?(?:dying|dead|at \d+)|\d+ ?%|charger|leaving (?:this|the) "
    r"(?:chat|server|call|vc|group|gc|channel|discord)|logging off (?:for (?:the|to)|now|to)|"
    r"going to (?:bed|sleep)|bedtime|brb|gtg|g2g|for the night|see (?:you|ya|u|y'?all) "
    r"(?:all )?(?:tomorrow|later|soon|tmrw|in|on|next)|lol+|lmf?a+o+|jk|haha\w*|xd|/j|"
    r"(?:off|going) (?:to|on) (?:holiday|vacation|a trip|camp)|wish me luck|before my|"
    r"(?:getting|being|be|was|got|have to|had to|having (?:him|her|them)) put (?:down|to sleep)|"
    r"put (?:him|her|them) (?:down|to sleep)|euthani[sz]\w*|rainbow bridge"
)
_BYE = _re(
    r"goodbyes?|bye|farewell|cruel world|leaving|logging off|signing off|this is the end|"
    r"rip me|it was nice knowing|last message|i'?m out|see you"
)
_BYE_REAL = _re(
    r"pills?|rope|noose|blades?|razor|overdose|suicid\w*|kill(?:ing)? myself|end(?:ing)? "
    r"(?:it|my life)|forever|for good|won'?t wake|not waking"
)


def _blank(span: str) -> str:
    return " " * len(span)


# Feeling alive again is good news.
_ALIVE_GOOD = _re(r"(?:feel|feeling|felt) (?:\w+ )?alive|alive again")
_ALIVE_BAD = _re(
    r"(?:don'?t|never|not|stop(?:ped)?|can'?t) (?:\w+ )?(?:feel|feeling|felt)|wasn'?t|weren'?t"
)


def _guarded(sentence: str) -> bool:
    if _ALIVE_GOOD.search(sentence) and not _ALIVE_BAD.search(sentence):
        return True
    if _GAME.search(sentence) and not _GAME_REAL.search(sentence):
        return True
    if _PAST.search(sentence) and not _NOW.search(sentence):
        return True
    if _ADVICE.search(sentence) and not (
        _FIRST_DESIRE.search(sentence) or _REPORT.search(sentence)
    ):
        return True
    if _QUESTION.search(sentence) and not (
        _FIRST_DESIRE.search(sentence) or _REPORT.search(sentence)
    ):
        return True
    if _GENERAL_QUESTION.search(sentence):
        return True
    if _FICTION.search(sentence) and not _FIRST_DESIRE.search(sentence):
        return True
    return bool(
        _BYE.search(sentence) and _JOKE_BYE.search(sentence) and not _BYE_REAL.search(sentence)
    )


def _split_clauses(sentence: str, offset: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _CLAUSE.finditer(sentence):
        spans.append((offset + start, offset + m.start()))
        start = m.start()
    spans.append((offset + start, offset + len(sentence)))
    return spans


_TRIGGERS = (_GAME, _PAST, _ADVICE, _QUESTION, _FICTION, _ALIVE_GOOD, _JOKE_BYE)


def blank_guarded(text: str) -> str:
    """``text`` (detail form) with guarded sentences and cited quotes replaced by spaces."""
    quoting = ('"' in text or "'" in text) and _QUOTE_CUE.search(text) is not None
    if not quoting and "?" not in text and not any(t.search(text) for t in _TRIGGERS):
        return text  # the common case: nothing here could guard a sentence
    out = _QUOTED.sub(lambda m: _blank(m.group()), text) if quoting else text
    pieces: list[tuple[int, int]] = []
    for m in _SENTENCE.finditer(out):
        pieces.extend(_split_clauses(m.group(), m.start()))
    for start, end in pieces:
        part = out[start:end]
        if part.strip() and _guarded(part):
            out = out[:start] + _blank(part) + out[end:]
    return out
