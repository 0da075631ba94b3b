# ruff: noqa
# mypy: ignore-errors
"""Kinship crisis corpus, part X: hand-written cells the corpus lacked after parts U-W: harmless
"would anyone notice if i ..." chat, third-party reports asked as how-to-help questions
(concern, by the rubric), and hopelessness in plain words. Usage: python3 make_part_x.py
"""

import json
from pathlib import Path

none_everyday = [
    "nobody would notice if i left the zoom call early right",
    "do u think anyone would notice if i wore the same hoodie 3 days in a row",
    "nobody will notice if i take the last slice 👀",
    "honestly nobody would notice if i skipped standup tomorrow, it's always 2 min",
    "would anyone notice if i just didn't do the reading this week lol",
    "nobody's gonna notice if i leave the dishes till morning",
    "no one would notice if i skipped leg day again 🦵",
    "nobody noticed i dyed my hair and i'm kinda offended 😂",
    "would the teacher notice if i turned it in an hour late",
    "nobody would even notice if i muted the group chat for a week tbh, it's so noisy",
    "nobody will notice if i swap the gym playlist right",
    "i bet nobody would notice if i skipped the warmup",
    "nobody would notice if i brought store bought cookies to the bake sale right?",
    "if i skip choir practice would anyone notice",
    "nobody would notice if i snuck out of the meeting for coffee ☕",
    "finally some light at the end of the tunnel with this renovation, kitchen's almost done",
    "last exam tomorrow!!! light at the end of the tunnel 🎉",
]
concern_third = [
    "my sister told me she's been thinking about killing herself, how do i support her",
    "my best friend keeps saying she wants to die, what do i even say to her",
    "my boyfriend has been really suicidal lately and i don't know how to help him",
    "my son admitted he's been cutting, how do i talk to him without making it worse",
    "how do i help my roommate, she's been saying she doesn't want to be alive anymore",
    "my dad keeps talking about not wanting to be around much longer, what should i do",
    "a friend of mine is suicidal rn but says she's safe tonight, how can i support her this week",
    "coworker told me she thinks about ending it every day. how do i help",
    "my partner keeps saying everyone would be better off without him. advice?",
    "my mate says he's got nothing left to live for, how do i get him to see someone",
    "my daughter is self harming again, what do i do",
    "how do you help someone who is suicidal but refuses therapy? it's my cousin",
    "my girlfriend's been having suicidal thoughts, any tips on being there for her",
    "my brother is in a really dark place and talks about death a lot, how can i help",
]
concern_hopeless = [
    "i can't see any way out of this, it's just dark ahead",
    "feels like the tunnel never ends for me",
    "nothing is ever going to get better for me, i know it",
    "i've stopped believing things will improve",
    "there's no future for someone like me",
    "every door is closed and i'm done hoping",
    "i don't see a way forward anymore",
    "i keep waiting for it to get better and it never does, what's the point",
    "no light anywhere, just the same grey every day",
    "hope feels like something other people get",
    "i've run out of reasons to think tomorrow will be different",
    "it's never going to get better. not for me",
]
rows = [(t, "none", "other", "everyday") for t in none_everyday]
rows += [(t, "concern", "third_party", "third_party") for t in concern_third]
rows += [(t, "concern", "passive_ideation", "passive_ideation") for t in concern_hopeless]
with open(Path(__file__).with_name("part_x.jsonl"), "w", encoding="utf-8") as f:
    for t, l, c, fam in rows:
        f.write(
            json.dumps(
                {"text": t, "label": l, "category": c, "family": fam, "lang": "en"},
                ensure_ascii=False,
            )
            + "\n"
        )
