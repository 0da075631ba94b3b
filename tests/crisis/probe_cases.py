"""Round-2 generalisation cases, written for these tests (never copied from a held-out set).

Each case is ``(minimum severity, text)``; ``"none"`` means the message must not be flagged.
"""

from __future__ import annotations

HARMLESS: tuple[str, ...] = (
    # gaming
    "killed myself in the boss fight again, fall damage is brutal",
    "i keep dying on level 4, this respawn timer is killing me",
    "accidentally killed myself with my own grenade in ranked lmao",
    "jumped off the bridge in gta to escape the cops",
    "our team got wiped, i just want to die in this match already so we can requeue",
    "the boss one-shot me, gonna throw myself at it again after dinner",
    "i'm going to end this raid tonight, we finally have the gear for the last boss",
    # recovery / past
    "three years clean from self harm today and i'm proud of it",
    "i used to want to kill myself every day, therapy really helped",
    "back when i was 15 i tried to overdose, now i volunteer at a helpline",
    "two years free from cutting, my scars are fading",
    "i was suicidal for most of college but i'm in a much better place now",
    # support talk directed at others
    "if you're feeling suicidal please call or text 988, you are not alone",
    "reach out to someone if you're having thoughts of ending your life, we care about you",
    "anyone who feels like hurting themselves tonight, my dms are open",
    "you are not alone, if you ever want to talk about self harm urges we're here",
    # questions about the topic
    "is it normal to think about death a lot when you're anxious?",
    "how do i help a friend who says she wants to die?",
    "what are the warning signs that someone is planning suicide?",
    "why do people self harm? asking for my psych class",
    # quote / fiction / song
    "that song 'goodbye cruel world' has been stuck in my head all day",
    "in the book the main character takes all her pills and the chapter ends there",
    '"i want to end it all" is such a dramatic line in that movie',
    "the show's finale where he jumps off the roof wrecked me",
    # joking farewells
    "goodbye cruel world, my phone is at 2% lol",
    "battery dying, bye everyone, see you tomorrow",
    "goodbye cruel world lol jk i'm just going to bed",
    "leaving this chat forever, you guys are too cursed lmao",
    "this is my last message before my exam, wish me luck",
    "farewell everyone, off on holiday for two weeks!",
    # idioms
    "this homework is going to be the death of me",
    "i'm dead, that meme is hilarious",
    "my feet are killing me after that hike",
    "i could just die of embarrassment right now",
    "ugh mondays make me want to crawl under a rock",
    # benign support talk
    "my therapist says i'm making progress with my anxiety",
    "feeling a bit down today but talking to you all helps",
    "i had a rough week but i'm safe and taking care of myself",
    # benign means talk
    "picked up my allergy pills from the pharmacy today",
    "bought a new rope for the climbing gym",
    "going to the bridge tonight to watch the fireworks",
)

RISKY: tuple[tuple[str, str], ...] = (
    # imminent: time x means x intent, any order, across sentences
    ("imminent", "i have the pills in front of me. tonight is the night"),
    ("imminent", "after everyone's asleep i'm going to take all of my meds"),
    ("imminent", "bought a rope today. doing it on friday"),
    ("imminent", "i've been saving up my pills for weeks and tonight i'm taking them"),
    ("imminent", "i stockpiled enough tablets, it ends this weekend"),
    ("imminent", "counted out the pills, i'm ready"),
    ("imminent", "i just took all of them, i'm scared"),
    ("imminent", "already swallowed the whole bottle"),
    ("imminent", "i'm on the roof and i'm going to jump"),
    ("imminent", "standing on the bridge, nobody will miss me"),
    ("imminent", "i cut too deep and it won't stop bleeding"),
    ("imminent", "in an hour none of this will matter, i have the gun loaded"),
    ("imminent", "goodbye everyone, i love you, by tomorrow i'll be gone"),
    ("imminent", "this is my last message. thank you for everything. i'm ending it tonight"),
    ("imminent", "he's outside my door with a knife right now"),
    ("imminent", "i'm going to stab him when he gets home tonight"),
    ("imminent", "my dad is hitting my mom right now and i'm hiding"),
    ("imminent", "i'm going to kill myself tonight"),
    ("imminent", "the blade is in my hand and i'm done"),
    ("high", "i have a plan and the means, just waiting for the right moment"),
    # ideation / plan / self harm in ordinary words
    ("high", "i want to die"),
    ("high", "i don't want to be alive anymore"),
    ("high", "i've been thinking about how i would kill myself"),
    ("high", "i know which bridge i'd use"),
    ("high", "i relapsed and cut again last night"),
    ("high", "i burned myself with a lighter again"),
    ("high", "i want to hurt myself so bad right now"),
    ("high", "i'm going to give my cat to my sister, she'll look after her when i'm gone"),
    # concern: passive ideation
    ("concern", "everyone would be better off without me"),
    ("concern", "i wish i could just go to sleep and not wake up"),
    ("concern", "what's even the point of going on"),
    ("concern", "i'm so tired of existing"),
    ("concern", "sometimes i think the world would be better if i wasn't in it"),
    ("concern", "i don't see a future for myself"),
    # multi-sentence: risk in the middle next to a guarded sentence
    ("imminent", "gg everyone. i'm going to kill myself tonight, the pills are ready"),
    ("high", "had a good game earlier. but honestly i want to die, i can't do this anymore"),
    ("high", "i used to be fine. now i want to die every day"),
    ("high", "you're all so kind. i still want to end my life though"),
    # negation that does not negate
    ("high", "i can't promise i won't hurt myself tonight"),
    ("high", "i don't think i'll make it through the night"),
    ("high", "i'm not going to be around much longer"),
    ("high", "nobody can stop me this time"),
    ("high", "i don't want to live anymore"),
    ("high", "i won't be here next week, i've made my decision"),
    # typo / leet
    ("high", "i w4nt t0 d1e"),
    ("high", "gonna k1ll mys3lf"),
    ("high", "feeling so suicidle tonight"),
    ("high", "i wanna unalive myself fr"),
    ("high", "i want to kil myslef"),
    # farewell in ordinary words
    ("high", "this is goodbye. i'm sorry for everything i put you through"),
    ("high", "please take care of my dog for me, i won't be able to anymore"),
    ("high", "i won't be around after tonight. love you all"),
    ("high", "tell my mom i'm sorry. i can't do this anymore"),
    ("high", "i wrote letters for everyone, they're in my desk"),
    # plan / means in ordinary words
    ("high", "i looked up how many pills it would take"),
    ("high", "the rope is in my closet, i check it every night"),
    ("high", "i know exactly how i'm going to do it"),
    ("high", "i've been researching painless ways to go"),
    ("high", "i keep the razor under my pillow in case i need it"),
    # self harm
    ("high", "i've been cutting again and hiding it with hoodies"),
    ("high", "the urge to cut is so strong tonight"),
    ("high", "i scratched my arms until they bled"),
    # harm to others / abuse
    ("high", "i'm going to make them all pay on monday, i know where my dad keeps the gun"),
    ("high", "i keep thinking about hurting my roommate, he deserves it"),
    ("high", "my stepdad hits me when he's drunk and i'm scared to go home"),
    ("imminent", "he just hit me again and he's locked the door, i can't get out"),
    ("high", "my boyfriend said he'll kill me if i leave him"),
    # other languages
    ("high", "ich will nicht mehr leben"),
    ("high", "quero morrer"),
    ("high", "je veux mourir"),
    ("high", "quiero suicidarme"),
    ("high", "voglio morire"),
    ("high", "ik wil dood"),
    ("high", "chcę umrzeć"),
    ("high", "ölmek istiyorum"),
    ("high", "я хочу умереть"),
    ("high", "aku ingin mati"),
    ("high", "jag vill dö"),
    ("imminent", "heute nacht nehme ich alle tabletten"),
    ("imminent", "esta noche me voy a matar"),
    ("imminent", "ce soir je vais me tuer"),
    ("imminent", "hoje à noite vou me matar"),
    ("concern", "todos estariam melhor sem mim"),
    ("concern", "alle wären besser dran ohne mich"),
    ("concern", "tout le monde serait mieux sans moi"),
)

CASES: tuple[tuple[str, str], ...] = (*(("none", t) for t in HARMLESS), *RISKY)
