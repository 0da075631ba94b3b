# ruff: noqa: E501 (sentence lists read better unwrapped)
"""Generate kinship_seed.jsonl: compositional training sentences written for Kinship.

    python bot/crisis/training/corpus/make_kinship_seed.py

Deterministic (fixed seed). Each family combines a subject, a stance and a predicate from
synonym sets, so the model learns meanings rather than single sentences. Harmless families
reuse the same risky words in idioms, advice, games, songs, recovery talk and quotes.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

SEED = 7
PER_FAMILY = 60

OPEN = ["", "", "", "honestly ", "ngl ", "idk ", "tbh ", "i think ", "lately ", "some days "]
END_SOFT = [
    "not wake up", "never wake up tomorrow", "fall asleep and not wake up", "just not be here",
    "not be around anymore", "disappear for good", "stop existing", "be gone", "rest forever",
    "sleep forever", "fade out for good", "not exist anymore", "be done with all of it",
]  # fmt: skip
END_HARD = [
    "end my life", "end it all", "take my own life", "kill myself", "off myself", "unalive myself",
    "die", "be dead", "end things for good", "check out permanently", "stop living",
]  # fmt: skip
WANT = ["i want to", "i really want to", "i just want to", "i wanna", "part of me wants to",
        "all i want is to", "i keep wanting to", "i would rather"]  # fmt: skip
INTEND = ["i'm going to", "i've decided to", "i'm gonna", "i will", "i plan to",
          "i made up my mind to", "it's time for me to"]  # fmt: skip
TIME = ["tonight", "after everyone goes to bed", "this weekend", "on friday", "at 3am",
        "when my parents leave for work", "when nobody is home", "on the 15th", "tomorrow",
        "before sunrise", "after my last exam", "in an hour"]  # fmt: skip
MEANS = ["the pills", "my mom's sleeping pills", "a rope", "my dad's gun", "the bridge by school",
         "the roof of my building", "the train tracks", "a blade", "all my meds",
         "the bottle of painkillers"]  # fmt: skip
PREP = ["i've been saving up {m}", "i bought {m}", "i finally got {m}", "i hid {m} in my room",
        "i wrote letters to my family", "i wrote my notes", "i put my affairs in order",
        "i looked up how much it takes", "i've been collecting {m} for weeks"]  # fmt: skip
BURDEN = ["everyone would be better off without me", "i'm just a burden to everyone",
          "nobody would even notice if i was gone", "no one would miss me", "i'm so tired of "
          "being alive", "i've lost the will to keep going", "there's no reason to go on",
          "death sounds like rest honestly", "i wouldn't mind if i didn't wake up",
          "what's the point of living like this", "i wish i had never been born",
          "my family would be happier without me around"]  # fmt: skip
FAREWELL = ["thank you all for everything", "i'm sorry for everything", "i won't be online "
            "tomorrow", "this is my last message here", "please take care of my cat for me",
            "i gave my switch and all my games to my brother", "goodbye everyone, for real this "
            "time", "tell my mom i love her", "you won't hear from me again", "i've put "
            "everything in order", "it was nice knowing all of you"]  # fmt: skip
SH = ["i cut again last night", "i relapsed on cutting", "i burned my arm with a lighter",
      "i've been hiding the marks with long sleeves", "the urge to cut is so strong rn",
      "i keep a blade in my pencil case", "fresh cuts on my thigh again", "i hit myself until "
      "it bruised", "i scratched my arms until they bled", "i broke my clean streak"]  # fmt: skip
OTHERS = ["i'm going to bring my dad's gun to school on monday", "i'll stab him if he touches "
          "me again", "they'll all pay tomorrow", "i'm going to hurt my stepdad tonight",
          "i made a list of who i'm going to hurt"]  # fmt: skip
INTRUSIVE = ["i keep getting scary thoughts about hurting my little brother and i hate it",
             "i'm terrified i might snap and hurt someone", "intrusive images of pushing "
             "people onto the tracks won't stop"]  # fmt: skip
ABUSE = ["he locks me in my room and won't let me out", "he said he'll kill me if i tell "
         "anyone", "an older guy from the game keeps asking for pics and says it's our secret",
         "someone has been following me home every night", "i told the nurse i fell down the "
         "stairs but it was him", "i think someone put something in my drink last night",
         "my stepdad hits me when he's drunk", "she took my phone so i can't call anyone"]  # fmt: skip
THIRD = ["my friend said she's going to kill herself tonight", "my brother just told me he "
         "took a whole bottle of pills", "my best friend keeps saying everyone would be better "
         "off without him", "my girlfriend is cutting again and hiding it"]  # fmt: skip
NEGATION_RISKY = ["i'm not going to do it tonight", "i can't say i don't want to die",
                  "not tonight but i don't see myself here much longer",
                  "i won't lie, i do want to end it"]  # fmt: skip

IDIOM = ["this homework is killing me", "i'm dead 😂", "i could die for that pizza",
         "that joke killed me", "my phone is dying", "i'd rather die than sing karaoke lol",
         "the wifi is about to die", "i nearly died laughing", "kill me now, another meeting",
         "i'm so done with this level lol"]  # fmt: skip
ADVICE = ["if you ever feel suicidal please reach out", "what are the warning signs someone "
          "is suicidal?", "how do i support a friend who wants to die?", "reminder: you can "
          "text the crisis line any time", "is it normal to have passive suicidal thoughts? "
          "asking for a school project", "talking about suicide doesn't make it worse, "
          "ask directly"]  # fmt: skip
GAMING = ["going to kill the boss tonight", "i'm gonna end him in ranked", "we died on the "
          "last phase again", "shoot the guy on the roof", "brb gonna go die in the raid lol",
          "bring the knife to the next room, trust"]  # fmt: skip
SONG = ["this song about wanting to disappear is so beautiful", "the lyrics go 'i don't want "
        "to wake up' and i cried", "the album is all about ending it, great production",
        "the movie ends with him on the bridge"]  # fmt: skip
RECOVERY = ["two years ago i wanted to die, now i'm doing so much better", "i used to cut, "
            "three years clean today", "back when i was 15 i wrote notes, glad i'm still here",
            "therapy helped me stop wanting to end it"]  # fmt: skip
JOKE_BYE = ["goodbye everyone, i'm going to sleep for 12 hours lol", "this is my last message "
            "before my exam, wish me luck", "giving away my old clothes since i'm moving",
            "won't be online tomorrow, dentist appointment", "thank you all for everything at "
            "the bake sale!"]  # fmt: skip
QUOTE = ["she literally said 'i want to die' about the spoiler lol", "the sign said 'end it "
         "all' in big letters, weird art", "my teacher quoted 'to be or not to be' today"]  # fmt: skip


# Everyday chat that borrows the risky families' words in their ordinary senses.
EVERYDAY_WANT = ["i want to", "i really want to", "i just want to", "i wanna", "can't wait to",
                 "i need to", "i'm going to", "i'm gonna", "i plan to", "i'd rather",
                 "i wish i could", "tonight i'll", "tomorrow i will"]  # fmt: skip
EVERYDAY_DO = ["live in japan someday", "sleep for a week", "sleep in tomorrow", "cut my hair",
               "end this call", "end the stream early", "be with my girlfriend this weekend",
               "go home and rest", "take a long nap", "disappear into a good book",
               "take my vitamins", "get a new phone", "finish this game", "move out",
               "quit my job and travel", "leave early today", "shoot some hoops", "bake a cake",
               "try the new ramen place", "stay in bed all day", "binge the whole series",
               "drop this class", "give up caffeine", "forget that exam happened",
               "fall asleep at 9", "not wake up before noon", "rest all weekend",
               "live on my own", "see the ocean again", "jump into the pool",
               "climb the roof to fix the gutter", "cross the bridge on my bike"]  # fmt: skip
EVERYDAY_MISC = ["took like {n} photos of the sunset", "accidentally swallowed a cherry pit",
                 "the blade on my lawnmower needs sharpening", "gotta take my allergy pills "
                 "before school", "the vet gave us pills for the dog", "last time we camped "
                 "there it snowed", "my sleep schedule is ruined lol", "my wrists ache from "
                 "gaming all night", "picked up some rope for the hammock", "googled how long "
                 "to roast a chicken", "after that run i could sleep for days", "so over this "
                 "rain", "done with this boss fight, it's impossible", "my brother threw a "
                 "sock at me lol", "mom's gonna murder me when she sees my grades",
                 "handed down my old skates to my niece", "thank you all for everything at "
                 "the fundraiser", "sorry for all the pings today", "farewell, {x}",
                 "i basically live for friday game nights", "would anyone notice if i left "
                 "the call early?", "final shift at the cafe today, gonna miss it",
                 "not gonna lie this album slaps", "i would never hurt a fly", "can't make "
                 "the concert, anyone want my seat?", "the scar from my knee surgery is "
                 "fading", "burned my hand on the oven tray", "nicked myself shaving again",
                 "dad keeps his hunting rifle locked in a safe", "exhausted after the double "
                 "shift", "heading to the bridge tournament tonight"]  # fmt: skip
# Plain background chat: most of what a server sees, so the model's prior stays "harmless".
CHAT_SUBJ = ["i", "we", "my sister", "the mods", "our team", "my roommate", "you", "my dad",
             "the club", "my cat", "this server", "mom", "the teacher", "my friends"]  # fmt: skip
CHAT_VERB = ["just finished", "can't find", "really liked", "am watching", "forgot about",
             "started", "need help with", "just saw", "am making", "want to try", "hated",
             "am listening to", "keep thinking about", "finally fixed", "lost", "ordered",
             "have to return", "are planning", "cleaned", "painted", "wrote", "read"]  # fmt: skip
CHAT_OBJ = ["the new episode", "my homework", "dinner", "the meeting notes", "a new game",
            "the study guide", "that song", "my sourdough", "the raid schedule", "a puzzle",
            "the playlist", "my garden", "the book club pick", "my code", "the bus pass",
            "a birthday gift", "the group project", "my bike", "the recipe", "my resume",
            "the lecture slides", "a jigsaw", "the kitchen", "the fan art", "the essay"]  # fmt: skip
CHAT_TAIL = ["", "", "lol", "tonight", "tomorrow", "this weekend", "anyone else?", "so good",
             "wish me luck", "send help lol", "what do you all think", "rn", "again ugh",
             "before bed", "at 9", "after work", "finally!", "🙏", "😭", "💀", "✨"]  # fmt: skip
EVERYDAY_X = ["wisdom teeth", "old hoodie", "my bad haircut", "winter", "this semester"]


# Everyday complaints built from the same words as hopelessness, burden and self-harm talk.
COMPLAINT_TEMPLATES = [
    "{so}{tired} of {nuisance}", "no point {doing} {nuisance_with}", "there's no future in {field}",
    "nobody would notice if i {minor}", "{person} hit me with a {soft}", "{injury} is the worst",
    "i'm done with {nuisance} for today", "can't take {nuisance} anymore lol",
    "{so}sick of {nuisance}", "{injury} again, ugh", "{person} is gonna kill me for {minor_past}",
    "cutting my own {hair} was a mistake", "i want to disappear into {place} for a week",
    "i'm dying to {fun}", "{nuisance} is killing me", "ready to give up on {field} honestly",
    "i hate myself for {minor_past} lol", "my {body} hurts from {activity}",
]  # fmt: skip
COMPLAINT_FILL = {
    "so": ["", "", "so ", "soooo ", "honestly ", "ngl "],
    "tired": ["tired", "sick", "exhausted", "done"],
    "nuisance": ["this rain", "the snow", "mondays", "this heatwave", "group projects",
                 "the bus being late", "my neighbour's drilling", "this level", "physics homework",
                 "the wifi", "my commute", "online meetings", "this cold", "pop quizzes"],
    "nuisance_with": ["with my brother", "about politics", "with the referee", "with customer service",
                      "for the bus", "on this patch", "with her about pizza"],
    "doing": ["arguing", "waiting", "trying", "explaining it", "complaining"],
    "field": ["that career", "crypto", "this team", "my band", "that startup", "the old console"],
    "minor": ["left the call early", "wore the same hoodie twice", "skipped the lecture",
              "took the last cookie", "missed practice"],
    "minor_past": ["forgetting her birthday", "eating all the fries", "missing the bus",
                   "breaking the vase", "sleeping through my alarm"],
    "person": ["my sister", "my little brother", "she", "he", "my cousin", "my roommate"],
    "soft": ["pillow", "snowball", "water balloon", "foam sword", "rolled-up sock"],
    "injury": ["razor burn", "a paper cut", "my sunburn", "stubbing my toe", "a blister",
               "burning my tongue on pizza"],
    "hair": ["bangs", "fringe", "hair", "beard"],
    "place": ["a good book", "the mountains", "my blanket", "this game", "the library"],
    "fun": ["see the finale", "try that ramen", "know the ending", "go to the concert"],
    "body": ["hands", "wrists", "back", "legs", "feet"],
    "activity": ["typing all day", "the gym", "gardening", "moving boxes", "climbing"],
    "sorry": ["the spam", "all the pings", "being late", "the typo", "the long post",
              "the double post", "ghosting the chat"],
    "cook": ["boil an egg", "roast potatoes", "bake bread", "thaw a turkey", "charge my bike",
             "learn guitar", "get a passport"],
    "count": ["calories", "grams of sugar", "cups", "episodes", "pages"],
    "thing": ["a bagel", "this soda", "the series", "the book", "a pint"],
    "gadget": ["headphones", "keyboard", "blender", "tent", "backpack"],
    "stuff": ["sunscreen", "snacks", "water", "film", "batteries"],
}  # fmt: skip


def _complaints(rng: random.Random, n: int) -> list[str]:
    out = []
    for _ in range(n):
        template = rng.choice(COMPLAINT_TEMPLATES)
        fill = {k: rng.choice(v) for k, v in COMPLAINT_FILL.items()}
        out.append(template.format(**fill))
    return out


def _families(rng: random.Random) -> dict[str, tuple[str, str, list[str]]]:
    def pick(xs: list[str]) -> str:
        return rng.choice(xs)

    def prep() -> str:
        return pick(PREP).format(m=pick(MEANS))

    fams: dict[str, tuple[str, str, list[str]]] = {
        "seed_passive": ("concern", "passive_ideation",
                         [pick(OPEN) + pick(BURDEN) for _ in range(PER_FAMILY)]
                         + [pick(OPEN) + "i wish i could " + pick(END_SOFT)
                            for _ in range(PER_FAMILY)]),
        "seed_explicit": ("high", "explicit_ideation",
                          [pick(OPEN) + pick(WANT) + " " + pick(END_HARD + END_SOFT)
                           for _ in range(PER_FAMILY * 2)]),
        "seed_plan_time": ("imminent", "plan_or_means",
                           [pick(INTEND) + " " + pick(END_HARD + END_SOFT) + " " + pick(TIME)
                            for _ in range(PER_FAMILY)]
                           + [prep() + ". " + pick(TIME) + " is the night"
                              for _ in range(PER_FAMILY)]),
        "seed_prep": ("high", "plan_or_means", [prep() for _ in range(PER_FAMILY)]),
        "seed_act": ("imminent", "plan_or_means",
                     [f"i just took {pick(['all of', 'the whole bottle of', '30 of', 'every one of'])}"
                      f" {pick(['my pills', 'the painkillers', 'my meds', 'the sleeping pills'])}"
                      for _ in range(PER_FAMILY)]),
        "seed_farewell": ("high", "farewell",
                          [pick(FAREWELL) + ". " + pick(FAREWELL) for _ in range(PER_FAMILY)]),
        "seed_self_harm": ("high", "self_harm", [pick(OPEN) + pick(SH) for _ in range(PER_FAMILY)]),
        "seed_others": ("imminent", "harm_to_others", [pick(OTHERS) for _ in range(PER_FAMILY)]),
        "seed_intrusive": ("concern", "harm_to_others",
                           [pick(INTRUSIVE) for _ in range(PER_FAMILY)]),
        "seed_abuse": ("high", "abuse_danger", [pick(OPEN) + pick(ABUSE)
                                                for _ in range(PER_FAMILY)]),
        "seed_third": ("high", "third_party", [pick(THIRD) for _ in range(PER_FAMILY)]),
        "seed_negation": ("high", "negation", [pick(NEGATION_RISKY) for _ in range(PER_FAMILY)]),
        "seed_idiom": ("none", "idiom_false_positive", [pick(OPEN) + pick(IDIOM)
                                                         for _ in range(PER_FAMILY)]),
        "seed_advice": ("none", "question_about_topic", [pick(ADVICE) for _ in range(PER_FAMILY)]),
        "seed_gaming": ("none", "gaming_banter", [pick(GAMING) for _ in range(PER_FAMILY)]),
        "seed_song": ("none", "media_fiction", [pick(SONG) for _ in range(PER_FAMILY)]),
        "seed_recovery": ("none", "recovery_past", [pick(RECOVERY) for _ in range(PER_FAMILY)]),
        "seed_joke_bye": ("none", "farewell_lookalike", [pick(JOKE_BYE)
                                                          for _ in range(PER_FAMILY)]),
        "seed_quote": ("none", "quote", [pick(QUOTE) for _ in range(PER_FAMILY)]),
        "seed_complaints": ("none", "idiom_false_positive", _complaints(rng, PER_FAMILY * 12)),
        "seed_chat": ("none", "other",
                      [" ".join(p for p in (pick(OPEN).strip(), pick(CHAT_SUBJ), pick(CHAT_VERB),
                                            pick(CHAT_OBJ), pick(CHAT_TAIL)) if p)
                       for _ in range(PER_FAMILY * 25)]),
        "seed_everyday": ("none", "other",
                          [pick(OPEN) + pick(EVERYDAY_WANT) + " " + pick(EVERYDAY_DO)
                           for _ in range(PER_FAMILY * 6)]
                          + [pick(OPEN) + pick(EVERYDAY_MISC).format(
                              n=rng.randint(2, 90), x=pick(EVERYDAY_X))
                             for _ in range(PER_FAMILY * 3)]),
    }  # fmt: skip
    return fams


def _neutral_words(rng: random.Random) -> list[str]:
    """Harmless chat around the risky corpus's incidental words ("already", "everyone").

    A word that occurs in risky messages but contains no risk stem of the lexicon carries no
    risk alone; without these examples the model learns template words as risk signs.
    """
    from bot.crisis import lexicon
    from bot.crisis.normalise import fast_probe

    stems = {st.strip() for g in lexicon.GROUPS for st in g.stems if len(st.strip()) >= 3}
    stems |= {st.strip() for st in lexicon.MODEL_GATE_STEMS if len(st.strip()) >= 3}
    counts: dict[str, int] = {}
    here = Path(__file__).parent
    for name in ("part_a.jsonl", "part_b.jsonl"):
        path = here / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record["label"] == "none":
                continue
            for word in set(fast_probe(record["text"]).split()):
                if len(word) >= 3:
                    counts[word] = counts.get(word, 0) + 1
    # A word is a risk word when it starts with a stem ("pills", "killing"); "already" is not
    # one just because it contains "ready".
    words = sorted(
        w for w, n in counts.items() if n >= 3 and not any(w.startswith(st) for st in stems)
    )
    texts = []
    for word in words:
        for _ in range(2):
            chat = [rng.choice(CHAT_SUBJ), rng.choice(CHAT_VERB), rng.choice(CHAT_OBJ)]
            chat.insert(rng.randrange(4), word)
            texts.append(" ".join([*chat, rng.choice(CHAT_TAIL)]).strip())
    return texts


def main() -> None:
    rng = random.Random(SEED)
    out = Path(__file__).with_name("kinship_seed.jsonl")
    seen: set[str] = set()
    lines = []
    families = _families(rng)
    families["seed_neutral_words"] = ("none", "other", _neutral_words(rng))
    for family, (label, category, texts) in families.items():
        for text in texts:
            if text in seen:
                continue
            seen.add(text)
            record = {"text": text, "label": label, "category": category, "family": family}
            lines.append(json.dumps(record, ensure_ascii=False))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {out.name}: {len(lines)} lines")


if __name__ == "__main__":
    main()
