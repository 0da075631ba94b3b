"""Compositional frames: who x wants/intends/plans x ending-life predicate x time/means/prep.

The lexicon (``lexicon.py``) lists whole phrasings; frames instead look for *slots* anywhere in
a message, each slot a large set of synonyms and euphemisms, and decide from the combination
of slots that occur. The same ``compose`` decides for one message and, in
``ConversationWindow``, for the union of one member's recent messages, so "gave my cat to my
sister today" followed by "she doesn't know it's for good" adds up to a farewell.

Slots (each a regex over the *detail* form, see ``normalise.py``):

========== ===============================================================================
END        an ending-life predicate said in ordinary words ("not wake up", "end it all")
PASSIVE    passive ideation ("better off without me", "no reason to go on", "a burden")
WISH       a desire verb next to an END predicate ("want to", "wish i could")
INTENT     an intent next to an END predicate ("going to", "decided to", "tonight i will")
TIME       a stated time or an opportunity ("tonight", "at 3", "when everyone's asleep")
MEANS      a method or means ("pills", "rope", "the bridge", "my dad's gun")
PREP       preparation ("saved up", "bought", "wrote the letters", "affairs in order")
ACT        an act under way or just done ("just took", "swallowed them all")
FAREWELL   a final goodbye without the word suicide ("thank you for everything")
GIVEAWAY   giving belongings or pets away for good
FINALITY   "for good", "won't need it anymore", "after i'm gone"
SH         self-harm named by act, object or concealment; urges to relapse
OTHERS     a weapon, time or target aimed at other people
ABUSE      confinement, threats to silence, grooming, being followed, drugged, hidden injuries
INTRUSIVE  intrusive, unwanted harm thoughts (concern)
========== ===============================================================================

Nothing here keeps message text: ``slots`` returns slot names only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from bot.crisis import lexicon as lx
from bot.crisis.prefilter import Prefilter


def _alt(*parts: str) -> str:
    return "(?:" + "|".join(parts) + ")"


_I = r"(?:i|i'?m|i'?ll|i'?ve|i'?d|ima|imma|me|myself)"
_BE = r"(?:be|being|stay|staying|exist|existing|be alive|live|living)"
_END_PRED = _alt(
    r"not (?:to )?wak(?:e|ing) up|never wak(?:e|ing) up|wouldn'?t wake up|don'?t wake up|"
    r"stop waking up|not waking up",
    r"(?:sleep|rest) (?:forever|for ever|for good|and never|eternally|permanently)",
    r"eternal (?:sleep|rest)|permanent(?:ly)? (?:sleep|rest|solution|exit)",
    r"end (?:it|it all|everything|things|my life|my story|the pain|my suffering)",
    r"endin(?:g|'|) (?:it|it all|everything|things|my life)",
    r"walk(?:ing)? (?:out )?into the (?:sea|ocean|river|lake|water|waves)",
    r"(?:be|b) (?:dead|ded)|commit (?:die|death|not alive|toaster bath)|(?:long|eternal|forever) "
    r"(?:nap|dirt nap)|nap forever|yeet myself (?:off|out|into)|end my (?:lyfe|lif|lfe)",
    r"take my (?:own )?life|taking my (?:own )?life|off myself|offing myself",
    r"un\W?aliv\w*|unalive|(?:self\W?delet\w*|delete myself)(?! from)|"
    r"log off (?:forever|for good|permanently)",
    r"kms|kys myself|ctb|sewer\W?slide|die (?:already|tonight|today|soon|in my sleep)",
    r"(?:not|no longer) (?:be )?(?:around|here|alive|exist\w*|breathing)",
    r"disappear (?:forever|for good|permanently)|vanish (?:forever|for good)|cease to exist",
    r"stop (?:existing|living|breathing)|quit living|be gone|be done with (?:it all|life)",
    r"go to sleep (?:forever|and not)|join (?:my|him|her) (?:in heaven|on the other side)",
    r"check out (?:early|for good|permanently)|not see (?:tomorrow|the morning|next week)",
    r"(?:kill|hang|drown|shoot|poison|hurt) (?:my\W?self|myself)",
    r"jump (?:off|in front)|throw myself|step in front",
    r"(?:game over|game end|end credits|log off|respawn|rage ?quit) (?:irl|for real|in real life)",
    r"(?:take|taking|swallow\w*|down\w*) (?:them|it|these|those) all",
    r"(?:swallow|take|down|chug) (?:all|every|the whole|a whole|the rest of|all of)"
    r"(?: \w+){0,3} (?:pills?|tablets|meds|bottle|box|pack)|overdose|od",
)
END = re.compile(rf"(?<![a-z]){_END_PRED}(?![a-z])")
# After a desire ("want to", "wish i could") plain "die" is unambiguous enough.
_WISHED = _alt(_END_PRED, r"die|dye|be dead|not be alive|ded|dead")
WISH = re.compile(
    r"(?<![a-z])(?:want(?:ed|s|ing)? (?:to|2|too|ta)|wanna|need to|ready to|ready for|longing to|"
    r"(?<!you )(?<!u )(?<!he )(?<!she )(?<!they )(?:should|shud|shld|shuld|gotta)(?: just)?|"
    r"(?:so |this )?close to|on the verge of|tempted to|"
    r"(?:think|thinking|thought|obsess\w*) (?:abt|about|of) (?:doing it|jumping|how i'?d do it|"
    r"how to do it|my own (?:death|funeral))|"
    r"thinkin[g']? (?:about|of|bout|abt)|can'?t stop thinking about|(?:desire|urge|plan|intention|"
    r"thoughts?) (?:to|of|about))"
    rf"(?: \w+){{0,3}} {_WISHED}(?![a-z])"
)
# A wish phrased as a hope or a preference is passive ideation ("wish i could not wake up").
WISH_PASSIVE = re.compile(
    r"(?<![a-z])(?:(?:wish|wsh|wishin)(?:ing)? (?:i )?(?:could|would|was|were|to)|would (?:rather|"
    r"love to|like to)|'d rather|hope (?:i|to)|hoping (?:i|to)|praying (?:i|to))"
    rf"(?: \w+){{0,3}} {_WISHED}(?![a-z])"
)
INTENT = re.compile(
    r"(?<![a-z])(?:going to|gonna|will|i'?ll|am going to|i'?m going to|decided to|"
    r"(?:made|make) (?:up )?my (?:mind|decision)|it'?s time (?:to|for me to)|planning to|"
    r"plan to|plan is to|(?:have|got) a plan|about to|finally going to|tonight i|"
    r"i'?m doing it|doing it (?:tonight|tomorrow|today|now|soon)|this is (?:it|the end)|"
    r"(?:going to|gonna|will|i'?ll) do it (?:tonight|tomorrow|today|after|when|at|as soon|in "
    r"(?:an|a|\d+))|(?:not|never) changing my mind)"
    rf"(?:(?: \w+){{0,3}} {_END_PRED}(?![a-z])|(?![a-z]))"
)
PASSIVE = re.compile(
    r"(?<![a-z])"
    + _alt(
        r"(?:everyone|everybody|they|my family|the world|people|you all|y'?all) (?:would be|"
        r"will be|is|are|'d be) (?:better|happier|fine) (?:off )?without me",
        r"better off without me|(?:i'?m|i am|feel like|just) (?:a|such a) burden",
        r"burden (?:to|on) (?:everyone|everybody|my|them|you)",
        r"(?:nobody|no one|no1) (?:would|will|'d) (?:even )?(?:notice|care|miss me) if i "
        r"(?:was|were|wasn'?t|disappeared|died|left|didn'?t|never|stopped)|"
        r"(?:nobody|no one) (?:would|will|'d) (?:even )?miss me|wouldn'?t (?:even )?be missed|"
        r"won'?t be missed",
        r"(?:no|any) (?:reason|point) (?:to|in) (?:go(?:ing)? on|liv\w+|keep\w* going|"
        r"be(?:ing)? here|wak\w+ up|trying)",
        r"(?:lost|losing|no) (?:the |any |all |my )?(?:will|strength|reason|desire) to (?:live|"
        r"go on|keep going|continue|try)",
        r"(?:tired|sick|exhausted) of (?:living|being alive|existing|life|waking up)",
        r"can'?t (?:do|take|go on with) (?:this|it|life) any ?more|can'?t keep going",
        r"(?:wish|wishing) i (?:was|were|had) never (?:born|been born|existed)",
        r"(?:wish|wsh|wishing) i (?:wasn'?t|weren'?t) (?:alive|here|born|around)",
        r"wish (?:i|it) could (?:just )?(?:disappear|vanish|fade away|stop)",
        rf"(?:wouldn'?t|won'?t|don'?t) (?:mind|care) if {_I}? ?(?:didn'?t|never|don'?t) "
        r"(?:wake|make it)",
        r"(?:death|dying|being dead|not existing) (?:\w+ ){0,2}(?:sounds|seems|feels|would be|"
        r"is) (?:\w+ ){0,4}(?:rest|peace\w*|relief|nice|good|better|calm|quiet|freedom)",
        r"(?:hit|hits) me (?:and|i wouldn'?t)|(?:wouldn'?t|won'?t) (?:mind|care) if (?:a|the) "
        r"(?:car|bus|truck|train)",
        r"what'?s the point (?:of|in) (?:living|going on|anything|me|life|any of (?:this|it)|it "
        r"all|even trying|trying any ?more)",
        r"(?:running out of|no (?:more )?|not many) reasons? (?:left )?to (?:stay|live|keep going|"
        r"be here|hold on)|no way out|no light at the end of the tunnel",
        r"(?:if i|i) (?:got|get|was|were) hit by a (?:car|bus|truck|train) i (?:wouldn'?t|would "
        r"not|won'?t) (?:mind|care)|wouldn'?t mind (?:if i )?(?:got |getting )?hit by",
        r"(?:i feel|i'?m|feeling) (?:so |just |really )?(?:hopeless|empty and hopeless|"
        r"hopeless and empty)(?! (?:at|with|in|about|when))",
        r"(?:tired|exhausted|sick) (?:of|from) pretending (?:i'?m|to be) (?:ok|okay|fine)",
        r"don'?t (?:want|wanna) to (?:be here|exist|be alive|wake up|live) any ?more",
        r"(?:don'?t|do not) (?:think|know if|know whether) i(?:'?ll| will| can| am going to|"
        r"'?m going to|'?m gonna) (?:make it|survive|last|hold on|get) (?:through|past|until|"
        r"till|to|much longer|another)",
        r"(?:don'?t|do not|won'?t|not) (?:want to |wanna |think i'?ll |think i will |plan to |"
        r"going to |gonna |expect to |think i'?m (?:meant|going) to )?(?:see|make it to|live to "
        r"see|be around for|be here for|be alive for|survive) (?:my |the )?(?:next|another|\d+|"
        r"this (?:year|christmas|summer|winter)|christmas|graduation|my birthday)",
    )
    + r"(?![a-z])"
)
TIME = re.compile(
    r"(?<![a-z])"
    + _alt(
        r"tonight|tonite|2nite|today|right now|rn|now|tomorrow|this (?:weekend|evening|"
        r"morning|afternoon|week)",
        r"on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|my birthday|the \d+\w*)",
        r"at (?:\d{1,2}(?::\d\d)?\s?(?:am|pm)?|midnight|noon|dawn)|by (?:morning|midnight|"
        r"sunrise|the weekend|friday)",
        r"when (?:everyone|everybody|they|my (?:parents|family|mom|dad|roommates?|wife|"
        r"husband)) (?:is|are|'s|'re|goes|go|leaves?|falls?) (?:asleep|gone|out|away|to sleep|"
        r"at work)|when (?:nobody|no one|no1) (?:is|'s) (?:home|around|awake|here)",
        r"(?:the )?(?:\d{1,2}(?:st|nd|rd|th)?|first|last) (?:of|day of) (?:the month|"
        r"january|february|march|april|may|june|july|august|september|october|november|"
        r"december)|after (?:the|my) (?:exam|birthday|funeral|holidays)",
        r"in (?:a few|an|one|two|\d+) (?:hours?|minutes?|mins?)|soon|before (?:sunrise|morning)",
        r"(?:through|past|until) (?:the night|morning|tomorrow)|after (?:everyone|everybody|they|"
        r"my \w+) (?:is|are|'s|'re|goes|go|falls?) (?:asleep|to sleep|to bed|out|gone)|"
        r"this (?:friday|saturday|sunday|monday|tuesday|wednesday|thursday)|next (?:week|monday|"
        r"friday)|(?:on|by) the (?:weekend|\d+(?:st|nd|rd|th)?)|once (?:everyone|they)'?s? asleep",
    )
    + r"(?![a-z])"
)
MEANS = re.compile(
    r"(?<![a-z])"
    + _alt(
        r"pills?|tablets?|meds|medication|sleeping pills|painkillers|paracetamol|tylenol|"
        r"acetaminophen|ibuprofen|advil|insulin|antidepressants|prescriptions?|overdose|od",
        r"rope|noose|belt|cord|cable|ligature|knot|(?:the|a) beam|ceiling fan",
        r"gun|pistol|rifle|shotgun|firearm|bullets?|ammo|revolver",
        r"blades?|razors?|razor blades|knife|knives|box cutter|scissors",
        r"bridge|roof|rooftop|ledge|cliff|balcony|(?:the )?tracks|train|highway|parking garage",
        r"bleach|poison|antifreeze|chemicals|charcoal|gas|car exhaust|exhaust|carbon monoxide",
        r"the (?:water|river|lake|sea|ocean)",
    )
    + r"(?![a-z])"
)
PREP = re.compile(
    r"(?<![a-z])"
    + _alt(
        r"sav(?:ed|ing) (?:up )?(?:my |the |them|it|pills|tablets|meds)|stockpil\w*|hoard\w*|"
        r"collect(?:ed|ing) (?:them|my (?:pills|meds|tablets)|pills)",
        r"enough (?:pills|tablets|meds|to do it|to not wake up)",
        r"(?:putting|put|set|setting|squirrel\w*) (?:aside|away) (?:[\w']+ ){0,3}(?:pills|meds|"
        r"tablets|prescriptions?|painkillers)|stash\w* (?:of )?(?:\w+ ){0,2}(?:pills|meds|tablets)",
        r"wr(?:ote|itten|iting) (?:the |my |a |all )?(?:goodbye )?(?:notes?|letters?|goodbyes?) "
        r"(?:to|for) (?:my|everyone|them|each)|(?:notes?|letters?) (?:are|is) (?:written|"
        r"ready|done)|wrote my (?:suicide |goodbye )?notes?",
        r"(?:affairs|everything|things) (?:are |is )?(?:in order|sorted|settled)|"
        r"put my (?:affairs|things) "
        r"in order",
        r"(?:looked|looking|searched|searching|googl\w+|researched|researching) (?:up )?"
        r"(?:how (?:many|much) (?:pills|tablets)|lethal|painless|how long it takes to (?:die|"
        r"bleed|drown|overdose|suffocate|lose consciousness|pass out))",
        r"(?:know|figured out|worked out|decided) (?:exactly )?(?:how|where|when) (?:i'?d|i would|"
        r"i'?ll|i will|i'?m going to|to) do it|(?:thought|planned) it (?:all )?through|"
        r"(?:have|got|made) a plan and a backup|the plan is (?:there|set|ready|in place|made)|"
        r"planning how (?:i'?d|to|i will|i'?ll)|if i had (?:a way|the means|a gun|the pills|enough "
        r"pills)(?: to do it)? i would|(?:looking|looked|look|searching|searched) up (?:the )?"
        r"(?:height|how high|how tall|how deep)|(?:got|have) everything (?:ready|prepared|set)|"
        r"(?:i'?ve|i have) (?:decided|made my decision|made up my mind)|keep (?:a )?count of my "
        r"(?:meds|pills|tablets)|know which (?:bridge|building|wall|road|train|overpass|cliff)|"
        r"crash my car|code to (?:my )?(?:\w+ )?gun (?:safe|cabinet)|picked a (?:date|day|spot)|"
        r"(?:asked|begged) (?:my|the) doctor for more (?:sleeping )?(?:pills|meds)",
        r"who (?:would|will|'d|is going to) find (?:me|my body)|scheduled (?:a |the )?(?:message|"
        r"messages|email|emails|post|posts)",
        r"(?:dying|death) (?:doesn'?t|does not|no longer) (?:scare|frighten)s? me|"
        r"(?:no one|nobody|noone|nothing) (?:can|will|could|is going to|'?s going to|is gonna) "
        r"(?:talk me out of it|stop me|change my mind)|(?:not|no longer|stopped being) (?:scared|"
        r"afraid) (?:of|to) (?:dying|die|death)|made (?:my )?peace with (?:it|dying|death|my "
        r"decision|leaving)",
        r"(?:\d+|a (?:bunch|lot|stash)|enough) (?:\w+ ){0,2}(?:saved|stashed|hidden|stockpiled|"
        r"hoarded)(?: up| away)?|i (?:wrote|have written|'?ve written) (?:a |my )?"
        r"(?:note|letter)s? (?:and (?:put|left|hid)|for (?:when|after|my family|everyone))",
        r"(?:have|got|made) (?:a|the) plan and (?:the|a) (?:means|way|date)|(?:have|got) the "
        r"means|(?:have|got) (?:everything|all|what) i need (?:to do it|for it|now|ready)",
        r"(?:tied|tying) (?:the|a) (?:rope|knot|noose)|(?:checked|tested) (?:the|if the) "
        r"(?:beam|knot|rope)",
    )
    + r"(?![a-z])"
)
ACQUIRE = re.compile(
    r"(?<![a-z])(?:bought|buying|ordered|got|picked up|have|found|hid|hidden|hiding) "
    r"(?:a |the |some |my |enough |extra |all )?(?:pills?|rope|gun|blades?|razors?|bullets|"
    r"tablets|sleeping pills|painkillers)(?![a-z])"
)
# Acts that need a means or an intent beside them ("took a bunch of" photos, "standing on
# the edge" of greatness) ...
ACT_WEAK = re.compile(
    r"(?<![a-z])"
    + _alt(
        r"(?:just |already )?(?:took|taken|swallowed|downed|overdosed on) (?:all|the whole|"
        r"a whole|every|too many|a lot of|a bunch of|a handful|\d+|twenty|thirty|fifty|"
        r"them all|all of)",
        r"(?:i'?m |i am )?(?:standing|sitting) (?:on|at) (?:the )?(?:edge|ledge|roof|bridge|"
        r"tracks)|(?:i'?m|i am) (?:on|at) (?:the )?(?:edge|ledge|roof|bridge|tracks) (?:right "
        r"now|rn|now)",
    )
    + r"(?![a-z])"
)
# ... and acts that say enough on their own.
ACT = re.compile(
    r"(?<![a-z])"
    + _alt(
        r"(?:the )?(?:rope|noose) is (?:up|ready|tied)|(?:it'?s|pills are) (?:kicking|starting) "
        r"in|can'?t stop the bleeding|bleeding (?:a lot|badly|won'?t stop)",
        r"(?:already )?started (?:drinking|taking|cutting)|it'?s done",
        r"(?:all|every|the whole|enough) (?:of )?(?:my |the )?(?:pills|meds|tablets|bottle)"
        r"(?: \w+)? (?:lined up|laid out|counted out|in front of me|next to me|in my hand|"
        r"on my desk|on the table)|(?:lined|laid|counted) (?:up |out )?(?:all )?(?:my |the )?"
        r"(?:pills|meds|tablets)",
        r"(?:walking|walked|wading|waded|swimming) (?:out )?into the (?:water|sea|lake|river|"
        r"ocean)",
        r"(?:climbed|climbing) (?:over|onto|up on) the (?:railing|rail|fence|ledge|edge|barrier)|"
        r"(?:on )?the (?:wrong|other|outside) side of the (?:railing|rail|fence|barrier)|"
        r"i'?m on the outside now",
        r"(?:standing|sitting|standig) (?:on|at) (?:the )?(?:overpass|parking garage|top floor|"
        r"platform edge|cliff)",
        r"(?:from|after|of) (?:what|everything|all that|the pills?|the stuff) i (?:took|swallowed|"
        r"drank)|what i took",
    )
    + r"(?![a-z])"
)
FAREWELL = re.compile(
    r"(?<![a-z])"
    + _alt(
        r"thank(?:s| you) (?:all |guys |everyone |so much )?for everything",
        r"(?:i'?m )?sorry for everything|sorry for (?:all )?the trouble|forgive me",
        r"(?:goodbye|bye|farewell) (?:everyone|everybody|all|guys|for real)",
        r"this is (?:my )?(?:last|final) (?:message|post|goodbye|time)|my (?:last|final) "
        r"(?:message|post|words|goodbye)|last time (?:you'?ll|you will) hear from me",
        r"(?:won'?t|will not|not gonna|wont) be (?:online|on|here|around|back|logging on) "
        r"(?:tomorrow|anymore|any more|again|after tonight)",
        r"(?:you won'?t|won'?t) (?:see|hear from) me (?:again|anymore|tomorrow)",
        r"(?:remember me|don'?t forget me|tell (?:my|them) (?:mom|family|everyone) i love)",
        r"tell (?:my|them|everyone) (?:\w+ )?(?:that )?i'?m sorry|tell (?:my \w+|everyone|them) "
        r"(?:that )?i lov(?:e|ed) (?:them|her|him|you)",
        r"(?:i )?love you all\W+(?:goodbye|bye)|it was nice knowing (?:you|everyone)",
        r"take care of (?:yourselves|each other|my (?:cat|dog|kids|sister|brother|mom))",
        r"see you (?:on the other side|in (?:another|the next) life)",
        r"(?:say|saying|said|wanted to say) (?:my )?goodbyes?(?: \w+)? (?:properly|for real|"
        r"before|one last|this time)|last time (?:i'?ll|i will|i'?m going to) (?:post|be here|"
        r"talk|message|write|be online)",
        r"(?:buried|cremated) in|(?:at|for) my (?:funeral|memorial)|who gets my",
        r"sorry for everything|(?:don'?t|do not) be sad|"
        r"thank(?:s| you| u) for (?:all )?the (?:good "
        r"|great )?(?:times|memories)|signing off (?:permanently|for good|forever)|(?:tying|tie|"
        r"tied) up (?:all )?(?:my )?loose ends|pa(?:y|ying|id) back (?:\w+ )?(?:what i owe|"
        r"everyone|my debts)|where i'?m (?:going|headed)|(?:you guys|you all|y'?all) (?:have been|"
        r"were|are) the best|(?:i )?won'?t forget (?:you|u|any of you)|don'?t come looking",
        r"thank(?:s| you) (?:\w+ )?for putting up with me|(?:you guys|you all|y'?all|you) "
        r"(?:were|have been|was) the best (?:part|thing)",
    )
    + r"(?![a-z])"
)
GIVEAWAY = re.compile(
    r"(?<![a-z])"
    + _alt(
        r"g(?:ave|iving|ive) (?:away )?(?:all )?(?:my|all my) (?:\w+ )?(?:stuff|things|cat|dog|"
        r"pets?|games|books|clothes|plants|console|switch|guitar|collection|belongings|art|"
        r"figures|jewelry|hamster|fish|bird|rabbit)",
        r"g(?:ave|iving) (?:it|them|everything) away|giving (?:stuff|things|everything) away",
        r"(?:want|need) (?:you|someone|somebody) to (?:have|keep|take) my",
        r"(?:look|looking) after my (?:cat|dog|pets?|kids) (?:for good|forever|from now on)",
    )
    + r"(?![a-z])"
)
FINALITY = re.compile(
    r"(?<![a-z])"
    + _alt(
        r"for good|forever|permanently|for the last time|one last time",
        r"(?:won'?t|will not|not going to) need (?:it|them|this|that|anything) any ?more",
        r"after i'?m gone|when i'?m gone|once i'?m gone|after i go|won'?t be here (?:to|for)",
        r"(?:doesn'?t|don'?t|won'?t) know (?:it'?s|that it'?s|i'?m not coming back)",
        r"not coming back|won'?t be coming back|last (?:time|day|night|goodbye)",
        r"by then i (?:won'?t|will not|wont) be (?:here|around|alive)",
        r"or ever(?: again)?|(?:won'?t|not going to|don'?t) need (?:them|it|these) where",
    )
    + r"(?![a-z])"
)
SH = re.compile(
    r"(?<![a-z])"
    + _alt(
        r"cut(?:ting)? (?:myself|my (?:arms?|wrists?|thighs?|legs?|skin|stomach))|"
        r"(?:burn|burned|burnt|burning|scratch\w*|hit|hitting|punch\w*) (?:myself|my (?:arms?|"
        r"wrists?|thighs?|skin))",
        r"(?:fresh|new|deep|new) (?:cuts|scars|wounds|marks|burns)",
        r"(?:hide|hiding|hid|cover|covering|covered) (?:the|my) (?:cuts|scars|marks|burns|"
        r"wounds|arms|wrists)|long sleeves (?:in|so|to)|wear(?:ing)? (?:long )?sleeves? to hide",
        r"(?:urge|urges|itching|craving|want|wanting) to (?:cut|relapse|hurt myself|burn)|"
        r"(?:relapsed|relapse|relapsing)(?! on)|(?:broke|breaking|lost) my (?:streak|clean streak)",
        r"(?:blade|razor|sharpener) (?:is|in) (?:my|the) (?:drawer|bag|room|hand)|"
        r"took (?:apart|the blade out of) (?:a|my) (?:sharpener|razor)",
        r"(?:need|want|crave|craving|miss) (?:to feel )?the (?:sting|bite|pain) of (?:the|a|my) "
        r"(?:blade|razor|knife|lighter)|"
        r"sh (?:again|urges?|scars?)|cutt?in'? (?:again|myself|my (?:arms?|wrists?|thighs?|legs?))",
        r"i cut (?:a few minutes|an hour|just now|again|tonight|deep|too deep|deeper)|"
        r"soaking through|won'?t stop bleeding|(?:carved|carving) (?:\w+ )?into my",
        r"(?:clean|sober|free) and i (?:just )?(?:threw it (?:all )?away|relapsed|ruined it|broke "
        r"it)|keep (?:a |my )?(?:razor|blade)s? in my|(?:bought|buying|got|ordered) (?:some |new |"
        r"more )?(?:blades|razors|razor blades)|the (?:blood|red|bleeding) thing (?:again|last)|"
        r"(?:cuts|wounds|burns) (?:got|are|is|getting) infected|(?:want|need) to feel (?:pain|"
        r"the pain)|(?:knife|knifed|cut|cutting|slice\w*) my (?:thighs?|arms?|wrists?|legs?|"
        r"stomach)|saw (?:the|my) (?:marks|cuts|scars) and|get the blades? out",
    )
    + r"(?![a-z])"
)
OTHERS = re.compile(
    r"(?<![a-z])"
    + _alt(
        r"(?:going to|gonna|will|want to|wanna|plan to|i'?ll) (?:shoot|stab|kill|hurt|murder|"
        r"attack|beat) (?:him|her|them|everyone|everybody|people|my (?:\w+ )?(?:teacher|boss|"
        r"dad|mom|stepdad|ex|classmates?|coworkers?|brother|sister))",
        r"(?:bring|bringing|take|taking) (?:a|my|the|dad'?s|my dad'?s) (?:gun|knife|rifle|"
        r"pistol) (?:to|into) (?:school|work|class|the office|campus|church)",
        r"(?:they'?ll|they will|everyone will) (?:all )?(?:pay|regret it|be sorry)",
        r"(?:hit|kill|target) list|make them (?:all )?pay",
        r"shoot up (?:my|the|our) (?:school|work|workplace|office|class|church|mall)|"
        r"deserve what'?s (?:coming|cming)|(?:a |my )list of (?:people|ppl|names)|"
        r"make (?:him|her|them) pay in blood|put (?:him|her|them) in the ground",
        r"gun without a background check|(?:regret|be sorry for) (?:ever )?(?:crossing|messing "
        r"with|laughing at|touching) (?:me|my)|will (?:all )?be sorry (?:on|when|tomorrow|soon)|"
        r"set (?:\w+ ){0,6}on fire|(?:will|'ll) be dead by (?:morning|tonight|tomorrow|friday|"
        r"monday)|(?:following|followed) (?:\w+ ){0,6}home to see|outside (?:\w+ ){0,6}(?:house|"
        r"home|place) (?:right now|rn|now) with|(?:gonna|going to|will|i'?ll) knife (?:him|her|"
        r"them)|i have a list and a|(?:going to|gonna|i'?ll) hurt (?:the|my) (?:baby|kid|son|"
        r"daughter|little)",
    )
    + r"(?![a-z])"
)
INTRUSIVE = re.compile(
    r"(?<![a-z])"
    + _alt(
        r"(?:intrusive|scary|horrible|awful|unwanted) (?:thoughts?|images?|urges?) (?:of|about|"
        r"that i might) (?:hurting|harming|killing|stabbing|pushing|drowning)",
        r"(?:afraid|scared|terrified|worried) (?:that )?i (?:might|will|could|would) (?:hurt|"
        r"harm|kill|push|snap and)",
        r"(?:keep|keeps) (?:picturing|imagining|thinking about) (?:hurting|harming|stabbing|"
        r"pushing|killing)",
    )
    + r"(?![a-z])"
)
ABUSE = re.compile(
    r"(?<![a-z])"
    + _alt(
        r"(?:locked|locks|locking|lock) me (?:in|out|up)|won'?t let me (?:leave|out|go out|eat|"
        r"sleep|see|call|talk)|took my (?:phone|passport|keys) so",
        r"(?:said|says|told me|threaten\w*) (?:he|she|they)?(?:'?ll| will| would)? (?:kill|hurt|"
        r"beat) (?:me|my|us)|if i (?:tell|told) (?:anyone|someone|anybody)",
        r"(?:our|it'?s (?:our|a)) (?:little )?secret|(?:don'?t|not to|never) tell (?:your|my|"
        r"anyone|anybody|mom|dad|parents)|delete (?:our|the) (?:chats?|messages)",
        r"(?:older|grown|adult) (?:guy|man|woman|person|friend) (?:online|from discord|from "
        r"the game)? ?(?:asked|wants|keeps asking|sent|sends) (?:me|pics|for pics|to meet)",
        r"(?:being|been|is|keeps) (?:followed|following me|stalking me|outside my (?:house|"
        r"door|window|work|school))|follow(?:ed|s|ing) me home",
        r"(?:asking|asks|asked) me for (?:pics|pictures|photos|nudes)|(?:come|get) (?:to|in|into) "
        r"(?:his|her|their) car|(?:is|'s|are) (?:outside|waiting outside) my (?:house|school|"
        r"door|work|window|class)",
        r"(?:deleted|blocked) (?:all )?my friends|says i only need (?:him|her)|checks my phone "
        r"every",
        r"(?:makes|made|forces|forced) me (?:to )?keep (?:secrets?|it (?:a )?secret)|controls "
        r"(?:everything|my money|where i go)|(?:not|never) allowed to (?:leave|go out|see my|have "
        r"(?:my own )?(?:money|friends|a phone))|(?:break|breaking|kick|kicking|bang\w*|pound\w*) "
        r"(?:down |on )?(?:my|the) (?:bedroom |front )?door|comes? into my (?:room|bed) at night|"
        r"(?:trying|tried|rattling) (?:my|the) (?:door|door handle|window)|(?:threw|throws|"
        r"slammed|slams|shoved|shoves) me (?:against|into|down)",
        r"(?:put|slipped|spiked) (?:something|stuff|drugs) in my (?:drink|food|coffee)|"
        r"(?:think|thought) i (?:was|got|'?ve been) (?:drugged|roofied|spiked)",
        r"(?:say|said|tell|told) (?:everyone|people|them|the teacher|the nurse) i (?:fell|walked "
        r"into|tripped)|(?:cover|covering|hide|hiding) (?:the )?bruises",
    )
    + r"(?![a-z])"
)

# Knowing where someone else's means are kept ("my dad keeps his rifle... i know where the key
# is"): the speaker's own access, even when the sentence starts with someone else.
ACCESS = re.compile(
    r"(?<![a-z])(?:(?:gun|rifle|pistol|shotgun|pills|meds)(?: \w+){0,6} (?:and )?i know where "
    r"(?:the key|the code|he keeps|she keeps|they keep|it is)|i know where (?:my \w+ |he |she "
    r"|they )?keeps? (?:the|his|her|their) (?:gun|rifle|pistol|pills|meds|key))(?![a-z])"
)

# Violence happening now, and being trapped with it.
ABUSE_NOW = re.compile(
    r"(?<![a-z])(?:(?:he|she|they|my \w+) (?:just|is|'s|are|'re|keeps) (?:\w+ )?(?:hit|hitting|"
    r"punch\w*|chok\w*|strangl\w*|beat|beating|hurt|hurting|grabb\w*|kick\w*|slapp?\w*) "
    r"(?:me|my mom|my mum|my sister|my brother|us)|(?:he|she|they|my \w+) (?:just )?"
    r"(?:hit|punched|choked|strangled|beat|kicked|slapped) me (?:again|just now|right now|"
    r"rn|tonight))(?![a-z])"
)
TRAPPED = re.compile(
    r"(?<![a-z])(?:(?:locked|locking|locks) (?:the|my|me in|us in)|(?:i'?m|i am|we'?re) hiding "
    r"(?:in|under|from|behind)|can'?t get out|(?:he|she|they)(?:'?s| is| are|'re) (?:coming|"
    r"outside|at the door|breaking|banging|trying to get in)|took my phone|won'?t let me leave)"
    r"(?![a-z])"
)

# Negation that really negates a WISH/INTENT ("i don't want to die"); "not tonight" and
# doubled negatives ("can't say i don't") are left alone by the caller.
# What a "no" negates: "no intention of ending it", "no plans to".
_NO_NOUN = r"(?:intentions?|plans?|desire|thoughts?|urges?)"
_NEGATION = re.compile(
    r"(?<![a-z])(?:don'?t|do not|never|won'?t|will not|wouldn'?t|not|no longer|am not|"
    r"i'?m not|haven'?t|hasn'?t|didn'?t|wasn'?t|isn'?t|ain'?t|"
    rf"no {_NO_NOUN} (?:of|to))(?: \w+){{0,2}} $"
)
# ... or where the slot starts with the noun itself, the "no" just before it.
_BARE_NO = re.compile(r"(?<![a-z])no $")
_NEGATED_NOUN = re.compile(rf"{_NO_NOUN}(?![a-z])")
_LIMITED_REFUSAL = re.compile(r"(?<![a-z])not (?:tonight|today|yet|now|this time)(?![a-z])")
_DOUBLE_NEGATIVE = re.compile(
    r"(?<![a-z])(?:(?:can'?t|cannot|couldn'?t) (?:say|promise|pretend|tell you) (?:that )?i "
    r"(?:don'?t|won'?t|wouldn'?t)|(?:don'?t|not|never) not|not saying i (?:won'?t|wouldn'?t)|"
    r"not saying i'?ll)"
)
_QUESTION_OR_ADVICE = re.compile(
    r"(?<![a-z])(?:if (?:you|anyone|someone|u)|how (?:do|can|should) (?:i|you|we) "
    r"(?:help|support|tell)|what (?:should|do) (?:i|you) do if|warning signs?|"
    r"hotline|crisis line|988|reach out|dms? (?:are )?open|why do (?:people|ppl|you|they|"
    r"some people)|what does \w+(?: \w+)? mean|what do (?:people|you) mean by)(?![a-z])"
)
_OTHER_SUBJECT = re.compile(
    r"^(?:my |our |her |his )?(?:friend|sister|brother|mom|mum|dad|cousin|roommate|bf|gf|"
    r"boyfriend|girlfriend|partner|classmate|he|she|they|someone|somebody)(?:'s|s)?\b"
)
_PAST_RECOVERY = re.compile(
    r"(?<![a-z])(?:used to|years? ago|months? ago|back then|back when|when i was (?:younger|"
    r"a kid|a teen|\d+)|glad i(?:'?m| am) (?:still )?(?:here|alive)|(?:\d+|one|two|three|"
    r"a) (?:years?|months?|days) (?:clean|free|sober)|in (?:ages|years|months|a long time)|"
    r"proud of (?:myself|me|how far)|forever ago|ages ago|long ago)(?![a-z])"
)

# "it" explained as something harmless ("how i'm going to do it, the cake i mean") and means
# with an everyday purpose ("the pills for my cat", "rope for the tent").
_CLARIFIED = re.compile(
    r"(?<![a-z])(?:(?:the|my|a|this|that|our) \w+(?: \w+)? i mean|i mean (?:the|my|our) \w+)"
    r"(?![a-z])"
)
_BENIGN_PURPOSE = re.compile(
    r"(?<![a-z])(?:pills?|meds|medication|medicine|tablets|rope|knife|knives|gun|rifle|blade|"
    r"razor|bleach) (?:for|from) (?:my|the|our|his|her) (?:cat|dog|pets?|vet|mom|dad|grandma|"
    r"grandpa|allergies|allergy|headache|migraine|cold|flu|tent|camping|hike|kitchen|garden|"
    r"class|project|work|hunting|skates?|shaving|beard|laundry|bathroom|costume)(?![a-z])"
)

# Everyday how-to research ("how long it takes to roast potatoes").
_BENIGN_RESEARCH = re.compile(
    r"(?<![a-z])how (?:long|much time) (?:it )?(?:takes|does it take|to) (?:to )?(?:boil|roast|"
    r"bake|cook|fry|grill|steam|thaw|defrost|cool|chill|dry|charge|walk|drive|fly|get to|learn|"
    r"grow|heal|ship|deliver|download|install|brew|ferment|rise|set|melt|freeze)(?![a-z])"
)

SLOTS: dict[str, re.Pattern[str]] = {
    "wish": WISH,
    "wish_passive": WISH_PASSIVE,
    "intent": INTENT,
    "end": END,
    "passive": PASSIVE,
    "time": TIME,
    "means": MEANS,
    "prep": PREP,
    "acquire": ACQUIRE,
    "act": ACT,
    "act_weak": ACT_WEAK,
    "farewell": FAREWELL,
    "giveaway": GIVEAWAY,
    "finality": FINALITY,
    "sh": SH,
    "others": OTHERS,
    "intrusive": INTRUSIVE,
    "abuse": ABUSE,
    "abuse_now": ABUSE_NOW,
    "access": ACCESS,
    "trapped": TRAPPED,
}
_COUNTED = frozenset({"farewell"})
# Probe-form stems for the engine's gate: frame phrasings with no lexicon stem in them.
GATE_STEMS: tuple[str, ...] = (
    "make it through",
    "make it past",
    "survive the",
    "the means",
    "just hit me",
    "hitting me",
    "choking me",
    "can t get out",
    "hiding in",
    "locked the door",
    "m sorry for everything",
    "better off without",
    "a burden",
    "not wake up",
    "t wake up",
    "talk me out",
    "stop me",
    "scared of dying",
    "afraid of dying",
    "peace with",
    "i know where",
    "hit by a",
    "hopeless",
    "pretending",
    "no way out",
    "t scare me",
    "reasons to",
)
_NEGATABLE = frozenset(
    {"wish", "wish_passive", "intent", "passive", "sh", "others", "prep", "abuse_now"}
)


def _negated(text: str, start: int) -> bool:
    before = text[max(0, start - 40) : start]
    if _NEGATION.search(before) is None and not (
        _BARE_NO.search(before) and _NEGATED_NOUN.match(text, start)
    ):
        return False
    return _DOUBLE_NEGATIVE.search(text) is None


# The slot patterns, then the context-only patterns of ``slots``, in one prefilter.
_SLOT_ITEMS = tuple(SLOTS.items())
_LIMITED_AT = len(_SLOT_ITEMS)
_DOUBLE_AT, _ADVICE_AT, _CLARIFIED_AT, _PURPOSE_AT, _RESEARCH_AT, _PAST_AT, _OTHER_AT = range(
    _LIMITED_AT + 1, _LIMITED_AT + 8
)
_PREFILTER = Prefilter(
    [
        *SLOTS.values(),
        _LIMITED_REFUSAL,
        _DOUBLE_NEGATIVE,
        _QUESTION_OR_ADVICE,
        _CLARIFIED,
        _BENIGN_PURPOSE,
        _BENIGN_RESEARCH,
        _PAST_RECOVERY,
        _OTHER_SUBJECT,
    ]
)


def slots(detail_text: str) -> frozenset[str]:
    """Slot names present in a detail-form message (see module docstring). No text kept."""
    found: set[str] = set()
    # Patterns whose required words are all absent cannot match and are not searched.
    possible = _PREFILTER.possible(detail_text)
    for i, (name, regex) in enumerate(_SLOT_ITEMS):
        if i not in possible or regex.search(detail_text) is None:
            continue  # the common case; finditer below only runs on a hit
        for m in regex.finditer(detail_text):
            if name in _NEGATABLE and _negated(detail_text, m.start()):
                continue
            if name in found:
                found.add(name + "_more")  # a second, distinct phrase of the same slot
                break
            found.add(name)
            if name not in _COUNTED:
                break
    if _LIMITED_AT in possible and _LIMITED_REFUSAL.search(detail_text):
        found.add("limited_refusal")
    if _DOUBLE_AT in possible and _DOUBLE_NEGATIVE.search(detail_text):
        found.add("double_negative")
    if _ADVICE_AT in possible and _QUESTION_OR_ADVICE.search(detail_text):
        found.add("advice")
    if (
        (_CLARIFIED_AT in possible and _CLARIFIED.search(detail_text))
        or (_PURPOSE_AT in possible and _BENIGN_PURPOSE.search(detail_text))
        or (_RESEARCH_AT in possible and _BENIGN_RESEARCH.search(detail_text))
    ):
        found.add("benign")
    if _PAST_AT in possible and _PAST_RECOVERY.search(detail_text):
        found.add("past")
    if _OTHER_AT in possible and _OTHER_SUBJECT.search(detail_text):
        found.add("other_subject")
    return frozenset(found)


@dataclass(frozen=True, slots=True)
class FrameHit:
    """The verdict of ``compose``: severity rank (1..3), category and the frame's name."""

    rank: int
    category: str
    frame: str
    # True when two or more different slots made the frame (stronger evidence than one).
    composed: bool = False


_CONTEXT_ONLY = frozenset(
    {"limited_refusal", "double_negative", "advice", "past", "other_subject", "benign"}
)
# Slots saying a negation in the message does not really negate.
NEGATION_DOES_NOT_NEGATE = frozenset({"limited_refusal", "double_negative"})


def compose(found: Iterable[str]) -> FrameHit | None:
    """Decide from a set of slot names (one message, or several from the same member)."""
    s = frozenset(found)
    if not (s - _CONTEXT_ONLY):
        return None
    if "advice" in s or "past" in s or "benign" in s:
        # Prevention advice and recovery told in the past tense: frames stay silent, the
        # lexicon's own guards and the model decide.
        return None
    hits: list[FrameHit] = []
    timed = "time" in s
    acting = "means" in s or "end" in s or "intent" in s
    if "act" in s or ("act_weak" in s and acting):
        hits.append(FrameHit(3, lx.PLAN, "act_under_way", acting))
    if "intent" in s and "end" in s:
        hits.append(FrameHit(3 if timed or "means" in s else 2, lx.PLAN, "intent_end", True))
    if "prep" in s:
        hits.append(FrameHit(3 if timed or "intent" in s else 2, lx.PLAN, "preparation"))
    if "acquire" in s and ("end" in s or "wish" in s or "passive" in s or "farewell" in s):
        hits.append(FrameHit(3 if timed or "intent" in s else 2, lx.PLAN, "acquired_means", True))
    if "wish" in s:
        rank = 2
        if "means" in s and timed:
            rank = 3
        hits.append(FrameHit(rank, lx.IDEATION, "wish_end", True))
    if "passive" in s or "wish_passive" in s:
        rank = 2 if ("means" in s or timed or "wish" in s) else 1
        hits.append(FrameHit(rank, lx.IDEATION, "passive"))
    if "limited_refusal" in s and ("end" in s or "means" in s):
        # "not tonight" refuses only tonight.
        hits.append(FrameHit(2, lx.IDEATION, "limited_refusal"))
    goodbye = sum(1 for k in ("farewell", "farewell_more", "giveaway", "finality") if k in s)
    said_goodbye = "farewell" in s or "giveaway" in s  # "forever" alone is no goodbye
    if goodbye and said_goodbye:
        serious = "end" in s or "passive" in s or "wish" in s or "means" in s or "prep" in s
        if goodbye >= 2 or serious:
            rank = 3 if timed or serious else 2
            hits.append(FrameHit(rank, lx.FAREWELL, "farewell", True))
    if "access" in s:
        hits.append(FrameHit(3 if timed else 2, lx.PLAN, "access_to_means"))
    if "sh" in s:
        hits.append(FrameHit(2, lx.SELF_HARM, "self_harm"))
    if "others" in s:
        hits.append(FrameHit(3 if timed or "means" in s else 2, lx.HARM_OTHERS, "harm_others"))
    if "intrusive" in s:
        hits.append(FrameHit(1, lx.HARM_OTHERS, "intrusive"))
    if "abuse" in s or "abuse_now" in s:
        now = "abuse_now" in s and ("trapped" in s or "abuse" in s or timed)
        hits.append(FrameHit(3 if timed or now else 2, lx.ABUSE, "abuse", now))
    if not hits:
        return None
    best = max(hits, key=lambda h: h.rank)
    if (
        "other_subject" in s
        and best.frame != "access_to_means"
        and best.category in (lx.IDEATION, lx.PLAN, lx.FAREWELL, lx.SELF_HARM)
    ):
        rank = 3 if best.rank == 3 and ("act" in s or timed) else 1
        return FrameHit(rank, lx.THIRD_PARTY, best.frame, best.composed)
    return best
