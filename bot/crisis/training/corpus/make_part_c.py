# ruff: noqa
# mypy: ignore-errors
"""Kinship crisis corpus, part C (round 2): look-alikes told by their sentence, and risk in
ordinary words composed across sentences.

Templates x fillers, written for this corpus (never copied from an evaluation set); a fixed
seed picks a deterministic sample per cell. Usage: python3 make_part_c.py [output_path]
"""

import itertools
import json
import os
import random
import sys

SEED = "kinship-part-c-v1"
PER_CELL = 14

OPENERS = ["", "ok ", "honestly ", "ngl ", "idk ", "so ", "ugh ", "hey "]
TAILS = ["", ".", "...", " tbh", " fr", " i guess", " :/", " lol"]
SAFE_TAILS = ["", ".", "...", " tbh", " i guess"]

CELLS = [
    # (family, label, category, templates, fillers) ; {a}/{b} are filled from the lists
    (
        "gaming",
        "none",
        "gaming_banter",
        [
            "{a} killed myself {b} again",
            "i keep dying {b}, {a} is so unfair",
            "{a} one-shot me {b}, i'm going to throw myself at it again",
            "jumped off the cliff {b} to skip the walk back",
            "died {b} 30 times, this {a} wants me dead",
            "we lost {b} so i'm going to end it and requeue",
        ],
        (
            [
                "the boss",
                "fall damage",
                "my own grenade",
                "the lava",
                "that sniper",
                "the final boss",
            ],
            [
                "in ranked",
                "in the raid",
                "in minecraft",
                "on level 7",
                "in the last round",
                "in the dungeon",
                "in elden ring",
                "in this match",
            ],
        ),
    ),
    (
        "recovery_past",
        "none",
        "recovery_past",
        [
            "{a} {b} and i'm proud of that",
            "i used to {b} but {a} now and life is good",
            "back when i was {a} i would {b}, therapy helped a lot",
            "{a} since i last wanted to {b}, grateful i'm still here",
        ],
        (
            ["two years clean", "500 days free", "three years", "a whole year", "six months"],
            ["cut", "hurt myself", "think about ending it", "want to die", "burn myself"],
        ),
    ),
    (
        "support_offer",
        "none",
        "benign_support_talk",
        [
            "if you're {a}, please {b}",
            "anyone who is {a} tonight, {b}",
            "you are not alone if you're {a}, {b}",
            "{b}, it's okay to not be okay",
        ],
        (
            [
                "feeling suicidal",
                "thinking about hurting yourself",
                "struggling with self harm urges",
                "having dark thoughts",
                "in a bad place",
            ],
            [
                "reach out to someone",
                "call or text 988",
                "my dms are open",
                "talk to a counsellor",
                "we're here for you",
                "text a crisis line",
            ],
        ),
    ),
    (
        "question_or_advice",
        "none",
        "question_about_topic",
        [
            "is it normal to {a}?",
            "how do i help a friend who {b}?",
            "what are the warning signs that someone {b}?",
            "why do people {a}? asking for my psych class",
        ],
        (
            [
                "think about death a lot",
                "self harm",
                "feel numb after a loss",
                "have intrusive thoughts",
            ],
            [
                "talks about wanting to die",
                "is self harming",
                "might be suicidal",
                "is giving away their stuff",
            ],
        ),
    ),
    (
        "media_fiction",
        "none",
        "media_fiction",
        [
            "in the {a} the main character {b}",
            "the {a} where she {b} wrecked me",
            "that {a} scene where he {b} was so well written",
        ],
        (
            ["book", "movie", "show", "anime", "novel", "game's story"],
            [
                "takes all her pills",
                "jumps off the roof",
                "writes a goodbye letter",
                "says she wants to die",
                "slits his wrists",
                "ends it all",
            ],
        ),
    ),
    (
        "joking_farewell",
        "none",
        "farewell_lookalike",
        [
            "{a}, goodbye everyone {b}",
            "goodbye cruel world, {a} {b}",
            "this is my last message {a} {b}",
        ],
        (
            [
                "phone at 2%",
                "battery dying",
                "leaving this chat",
                "going to bed",
                "off to my exam",
                "heading to the airport",
            ],
            ["lol", "see you tomorrow", "brb", "wish me luck", "ttyl", "jk"],
        ),
    ),
    (
        "alive_positive",
        "none",
        "benign_support_talk",
        [
            "{a} i feel {b} again",
            "finally feeling {b} {a}",
        ],
        (
            ["after the trip", "since i started therapy", "this week", "with you all"],
            ["alive", "like myself", "hopeful", "human", "awake"],
        ),
    ),
    # risk, composed across sentences
    (
        "plan_time_means",
        "imminent",
        "plan_or_means",
        [
            "{a}. {b}",
            "{b}. {a}",
            "{a} and {b}",
        ],
        (
            [
                "i have the pills right here",
                "the rope is ready",
                "i bought a blade",
                "i saved up my meds",
                "i counted out the tablets",
                "i know which bridge",
            ],
            [
                "tonight is the night",
                "after everyone's asleep i'm doing it",
                "it ends this weekend",
                "on friday i'm going through with it",
                "in an hour it'll be over",
            ],
        ),
    ),
    (
        "act_in_progress",
        "imminent",
        "plan_or_means",
        [
            "{a}. {b}",
            "{b}, {a}",
        ],
        (
            [
                "i just took all of them",
                "already swallowed the bottle",
                "i'm on the roof",
                "i'm standing on the bridge",
                "i cut too deep",
            ],
            [
                "i'm scared",
                "it's done",
                "don't try to find me",
                "the bleeding won't stop",
                "i can feel it working",
            ],
        ),
    ),
    (
        "farewell",
        "high",
        "farewell",
        [
            "{a}. {b}",
            "{b}. {a}",
        ],
        (
            [
                "thank you for everything",
                "i'm sorry for everything",
                "please take care of my cat",
                "this is my last message",
            ],
            [
                "i won't be around after tonight",
                "you won't hear from me again",
                "by the time you read this i'll be gone",
                "don't blame yourselves",
            ],
        ),
    ),
    (
        "passive_ideation",
        "concern",
        "passive_ideation",
        [
            "{a} {b}",
            "{b}, {a}",
        ],
        (
            [
                "i'm so tired of existing",
                "everyone would be better off without me",
                "what's the point of going on",
                "i don't see a future for myself",
                "i wish i could just not wake up",
                "i just want everything to stop",
            ],
            ["", "lately", "every single day", "and i don't know why", "honestly"],
        ),
    ),
]


def generate():
    rng = random.Random(SEED)
    rows = []
    for family, label, category, templates, (a_list, b_list) in CELLS:
        cell = []
        for template, a, b in itertools.product(templates, a_list, b_list):
            cell.append(template.format(a=a, b=b).strip(" ,."))
        cell = sorted(set(cell))
        rng.shuffle(cell)
        tails = SAFE_TAILS if label != "none" else TAILS
        for text in cell[: PER_CELL * len(templates)]:
            text = rng.choice(OPENERS) + text + rng.choice(tails)
            rows.append(
                {
                    "text": text,
                    "label": label,
                    "category": category,
                    "family": family,
                    "lang": "en",
                    "part": "c",
                }
            )
    return rows


def main():
    out = (
        sys.argv[1]
        if len(sys.argv) > 1
        else os.path.join(os.path.dirname(os.path.abspath(__file__)), "part_c.jsonl")
    )
    with open(out, "w", encoding="utf-8") as handle:
        for row in generate():
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
