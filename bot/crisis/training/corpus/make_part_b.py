# ruff: noqa
# mypy: ignore-errors
# fmt: off
# Copied verbatim from the corpus helper; regenerates the JSONL beside it.
#!/usr/bin/env python3
"""Kinship crisis-detection training corpus, part B: other languages + English emoji/algospeak.

Hand-written seed sentences (one per line in the DATA blocks below) are expanded by
inline alternations `{a|b|c}`, the per-language time slot `{T}`, and light surface noise
(accent folding, typos, openers/tails, capitalisation). Deterministic: fixed seed.

Seed line format:  <family-code> <label-code> <text>
  label codes: n=none c=concern h=high i=imminent
Usage: python3 make_part_b.py [output_path]   (default: part_b.jsonl beside this script)
"""
import itertools
import json
import os
import random
import re
import sys
import unicodedata

SEED = "kinship-part-b-v1"

FAM = {
    "pi": "passive_ideation", "ei": "explicit_ideation", "pl": "plan_time_means",
    "ac": "act_in_progress", "fw": "farewell", "sh": "self_harm", "ho": "harm_to_others",
    "ab": "abuse_danger", "tp": "third_party", "nn": "negation_not_negating",
    "nr": "negation_real", "id": "idiom", "gm": "gaming", "mf": "media_fiction",
    "rp": "recovery_past", "qa": "question_or_advice", "jf": "joking_farewell",
    "qu": "quote", "so": "support_offer", "ev": "everyday",
}
LAB = {"n": "none", "c": "concern", "h": "high", "i": "imminent"}
LIGHT = {"idiom", "gaming", "quote", "joking_farewell"}

# lines per label for each language block
TARGET = {"none": 143, "concern": 43, "high": 71, "imminent": 28}
TARGET_EN = {"none": 150, "concern": 45, "high": 75, "imminent": 30}

LANGS = {}


def lang(code, **cfg):
    LANGS[code] = cfg


def fold_generic(s):
    s = s.replace("ß", "ss").replace("ł", "l").replace("Ł", "L").replace("ı", "i")
    s = unicodedata.normalize("NFD", s)
    s = "".join(ch for ch in s if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", s)


def fold_ru(s):
    return s.replace("ё", "е").replace(",", "")


def fold_none(s):
    return s.replace(",", "").replace("'", "")


SLOT = re.compile(r"\{([^{}]*)\}")


def clean(s):
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r" ([,.!?])", r"\1", s)
    s = s.replace(",,", ",").replace(" ,", ",")
    return s.strip(" ,")


def expand(tpl, times, rng, cap=18):
    parts = SLOT.split(tpl)
    lits, groups = parts[0::2], parts[1::2]
    opts = [list(times) if g == "T" else g.split("|") for g in groups]
    combos = list(itertools.product(*opts)) if opts else [()]
    if len(combos) > cap:
        combos = rng.sample(combos, cap)
    out = []
    for c in combos:
        s = lits[0]
        for o, lit in zip(c, lits[1:]):
            s += o + lit
        s = clean(s)
        if s and s not in out:
            out.append(s)
    return out


def typo(s, rng):
    words = s.split(" ")
    idx = [i for i, w in enumerate(words) if len(w) >= 4 and w.isalpha()]
    if not idx:
        return s
    i = rng.choice(idx)
    w = words[i]
    op = rng.choice(["swap", "drop", "dup"])
    j = rng.randrange(1, len(w) - 1)
    if op == "swap":
        w = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    elif op == "drop":
        w = w[:j] + w[j + 1:]
    else:
        w = w[:j] + w[j] + w[j:]
    words[i] = w
    return " ".join(words)


def augment(s, cfg, group, rng):
    ops = rng.sample(["fold", "typo", "open", "tail", "cap", "strip"], rng.choice([1, 1, 2, 2, 3]))
    for op in ops:
        if op == "fold":
            s = cfg["fold"](s)
        elif op == "typo":
            s = typo(s, rng)
        elif op == "open":
            s = rng.choice(cfg["open_" + group]) + s
        elif op == "tail":
            s = s + rng.choice(cfg["tail_" + group])
        elif op == "cap":
            s = s[:1].upper() + s[1:]
        elif op == "strip":
            s = s.rstrip(".!?…") if s[-1:] in ".!?…" else s.lower()
    return clean(s)


def parse(block):
    seeds = []
    for raw in block.strip("\n").split("\n"):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        fam, lab, text = line.split(" ", 2)
        seeds.append((FAM[fam], LAB[lab], text.strip()))
    return seeds


def build():
    rows, used, nseeds = [], set(), 0
    for code, cfg in LANGS.items():
        rng = random.Random(f"{SEED}-{code}")
        seeds = parse(cfg["seeds"])
        nseeds += len(seeds)
        target = TARGET_EN if code == "en" else TARGET
        for label in ["none", "concern", "high", "imminent"]:
            pools = []
            for fam, lab, tpl in seeds:
                if lab != label:
                    continue
                group = "crisis" if lab != "none" else ("light" if fam in LIGHT else "neutral")
                base = expand(tpl, cfg["time"], rng)
                rng.shuffle(base)
                aug = []
                for b in base:
                    for _ in range(4):
                        a = augment(b, cfg, group, rng)
                        if a not in base and a not in aug:
                            aug.append(a)
                rng.shuffle(aug)
                pools.append([fam, base + aug])
            rng.shuffle(pools)
            got = 0
            while got < target[label] and any(p[1] for p in pools):
                for p in pools:
                    if got >= target[label]:
                        break
                    while p[1]:
                        t = p[1].pop(0)
                        if t not in used:
                            used.add(t)
                            rows.append({"text": t, "label": label, "category": cfg["category"],
                                         "family": p[0], "lang": code})
                            got += 1
                            break
            if got < target[label]:
                print(f"warning: {code}/{label} only {got}", file=sys.stderr)
    random.Random(SEED).shuffle(rows)
    return rows, nseeds


# ----------------------------------------------------------------------------------------
# DATA
# ----------------------------------------------------------------------------------------

lang(
    "en", category="obfuscated", fold=fold_none,
    time=["tonight", "today", "after school", "when everyone's asleep", "in an hour", "after my shift"],
    open_crisis=["ngl ", "honestly ", "idk anymore ", "not gonna lie ", "hey ", "sorry but "],
    tail_crisis=[" ...", " 🖤", " idk", " fr", " 😔", ".."],
    open_light=["bro ", "LMAO ", "omg ", "ok but ", "nah "],
    tail_light=[" 💀", " 😭", " lmao", " 😂", " fr"],
    open_neutral=["hey ", "ok so ", "pls ", "just saying, "],
    tail_neutral=[" 💙", " 🙂", " ty", "!"],
    seeds=r"""
# --- crisis: explicit ideation (algospeak / emoji)
ei h i genuinely want to unalive myself{, not a joke|, not being dramatic|}
ei h been thinking about sewer slide {every night|nonstop|a lot} {lately|this week|again}
ei h ngl i wanna {kms|k m s|k*ll myself} {fr|for real|no cap} this time
ei h i want to be in a ⚰️ {honestly|and i mean it|}
ei h thinking abt ctb {again|every day now|more and more}
ei h i want to catch the bus and i don't mean the one to school
ei h want to game end myself {fr|tbh|}. im so tired
ei h i keep planning how i'd delete myself, i just don't know when
ei h i want to yeet myself off a bridge and im not joking this time
ei h kms kms kms i mean it {this time|}
ei h i wanna 🪦 so bad rn
ei h my brain keeps going 🔫🧠 {all day|every time i'm alone} and i kinda want it to
# --- passive ideation
pi c wouldn't mind if a 🚗 hit me {on the way home|tomorrow} tbh
pi c everyone would be better off if i was ⚰️ {lol|tbh|}
pi c kinda wish i could just unalive by accident so nobody blames me
pi c what's even the point 🪦 {idk|}
pi c low key hoping i don't wake up tomorrow 😴🪦
pi c i'm a burden to literally everyone, they'd be fine without me 🫠
# --- plan / means
pl i have the 💊 in front of me. {T} is the night
pl i bought a 🪢 {today|this morning}. doing it {T}
pl i ctb {T}. already picked the spot 🌉
pl i my dad's 🔫 is unlocked and i'm using it {T}
pl h looked up how many 💊 it takes {to not wake up|to be enough}
pl h been saving my 💊 for {weeks|a month} now. just in case
pl h keep staring at the tallest 🌉 near my house on maps
pl h wrote letters to everyone 📝 they're in my desk. not sure when
# --- act in progress
ac i took all the 💊 {like 10 min ago|already|just now}. {sorry|it's done}
ac i 🪢 is ready. this is it
ac i on the 🌉 rn{. not coming back|, just wanted to say bye}
ac i standing on the edge of the roof 🏢 {rn|right now} and i'm not scared anymore
# --- farewell
fw i deleting myself {T}. it was nice knowing u all 🖤
fw i the bus is coming for me {T}. love u guys, don't be sad
fw i giving away my stuff {T} bc i won't need it after 🪦
fw h gonna miss you all. bye for good 👋🪦
fw h just wanted to say thank u before i ctb
fw c anyone want my plushies 🧸? need them gone by {friday|the weekend}
# --- self harm
sh h 🔪🩸 again last night. {relapsed after 3 months|sorry guys}
sh h sh urges are {so bad|insane|unreal} rn 🩸
sh h i keep 🔪 my thighs where nobody checks
sh h did the 🩸 thing again. {i'm sorry|i couldn't stop}
sh i sitting in the bathroom with the 🔪 {rn|right now}, trying not to
sh i cut too deep 🩸 {just now|a min ago} and it won't stop
sh c i hit my head on the wall when it gets too loud 🤕
# --- harm to others
ho i bringing my dad's 🔫 to school tomorrow. they'll see
ho i when he gets home {T} i'm gonna 🔪 him. i'm serious
ho h gonna 🔪 my stepbrother if he touches me again, i swear
ho c intrusive thoughts about 🔪ing people on the bus and it scares me so much
# --- abuse / danger
ab i he's got a 🔪 and he's outside my door rn. i'm hiding
ab h my stepdad 👊 me every time he drinks and nobody does anything
ab h my mom's bf comes into my room at night 😶 i can't tell anyone
ab c got kicked out 🥶 sleeping in the park tonight
# --- third party
tp c my friend keeps saying she wants to unalive, idk what to do
tp c my brother said kms and didn't add lol. should i be worried?
tp i my friend just texted "ctb tonight" and isn't answering her phone
tp h someone in the server posted 🪦🪦 and a goodbye, mods pls check on them
# --- negation that doesn't negate
nn c not gonna unalive or anything but i wish i never existed
nn h can't promise i won't 🔪 myself tonight
nn h no this isn't a joke, i really want to kms
# --- negation real / none
nr n lol no i'm not gonna unalive, i'm just dramatic about exams
nr n relax i'm not in danger, "dead" as in dead tired 💀
# --- idiom / hyperbole / look-alikes
id n i'm dead 💀💀{💀|}
id n ☠️☠️ this meme {took me out|is sending me}
id n that tiktok killed me 😭💀
id n 🩸 cramps are {killing me|so bad} today, send chocolate
id n 🪦 rip my gpa {after finals|lol}
id n ⚰️ my social life during exam season
id n my plant ⚰️ again, i can't keep anything alive lol
id n i'mma kms if my group project partner ghosts me again {lol|😭}
id n gonna yeet myself off a bridge if i hear that song one more time {lmao|😭}
id n my mom's gonna ⚰️ me when she sees this grade
id n i'm so dead 💀 the cat knocked over my coffee {again|onto my laptop}
id n caught the bus just in time 😮‍💨
id n missed the bus again, {late to class|walking in the rain} 🚌
ev n chopping onions 🔪😭 why do they make me cry
ev n finally got a good 🔪 set for my kitchen {🍳|!!}
ev n took my 💊 vitamins like a responsible adult
ev n forgot my 💊 {this morning|again} ugh, setting an alarm
ev n 🌉 golden gate at sunset, best trip ever
ev n learned {5|6} new 🪢 knots at scout camp
ev n deleting instagram for a month, social media detox 📵
ev n deleting myself from the group chat, y'all are too much lol
ev n water 🔫 fight at the park later!!
ev n donating blood 🩸 tomorrow, first time, kinda nervous
gm n bro 🔫 me from across the map 😤
gm n headshot 🔫💀 let's gooo
gm n gg that game ended so fast 💀
gm n got told to kys in ranked lmao, reported and blocked
gm n my sim ⚰️ in a kitchen fire again
mf n the villain 🔪 the whole family in ep 3, {wild|insane}
mf n that plot twist had me ☠️
mf n true crime youtubers say "unalived" instead of killed, it's so weird
qa n what does unalive mean? saw it on tiktok
qa n why do ppl say sewer slide? genuinely asking
qa n what does ctb mean? someone commented it on my post
qa n pls don't tell ppl to kys in game chat, it's not funny and it can hurt someone
qu n teacher said "turn it in or you're 🪦" lmao
qu n my sister texted "i'll ⚰️ you" bc i spoiled the finale
jf n bye forever 👋 going to the dentist
jf n logging off for good... until tomorrow morning lol
jf n this is goodbye 🫡 my phone is at 2%
rp n used to say kms unironically, 1 yr in therapy now and doing way better 💙
rp n a year ago i had the 💊 counted out. today i'm still here and glad i am
rp n 🩸 scars are faded now, 2 yrs clean today 🎉
so n if you're thinking about unaliving, my dms are open. you matter 💙
so n sending 🫂 to anyone who's struggling tonight
""")

lang(
    "de", category="other_language", fold=fold_generic,
    time=["heute nacht", "heute abend", "nachher", "morgen früh", "wenn alle pennen", "nach der schicht"],
    open_crisis=["ehrlich ", "leute ", "sorry ", "hey ", "ich weiß nicht mehr, ", "ka "],
    tail_crisis=[" ...", " 😔", " 🖤", " sorry", "..", " ehrlich"],
    open_light=["alter ", "digga ", "boah ", "lol ", "leute "],
    tail_light=[" 😂", " xD", " haha", " 💀", " lol"],
    open_neutral=["hey ", "leute, ", "kurz: ", "hi "],
    tail_neutral=[" 💙", " 🙂", "!", " :)"],
    seeds=r"""
pi c manchmal wünsch ich mir einfach nicht mehr aufzuwachen
pi c wär mir ehrlich gesagt egal wenn mich {morgen|auf dem heimweg} ein auto {erwischt|umfährt}
pi c was bringt es überhaupt noch zu leben
pi c ich will einfach weg sein, {für immer|keine ahnung wohin}
pi c wär vllt für alle besser wenn es mich nicht mehr gäbe
pi c iwie seh ich keine zukunft mehr für mich
pi c ich bin allen nur noch eine last {seit monaten|}
pi c hoffe iwie dass ich einschlafe und einfach nicht mehr aufwache
ei h ich will nicht mehr leben{, echt nicht|, digga|}
ei h ich will sterben und das ist {diesmal|} kein {witz|spaß}
ei h denk {die ganze zeit|jeden tag|schon wieder} an selbstmord
ei h ich will mich umbringen{. ich kann nicht mehr|, hab keine kraft mehr|}
ei h hab ernsthaft {drüber nachgedacht|überlegt} mir das leben zu nehmen
ei h die suizidgedanken sind {heute|grad} {richtig|extrem} laut
ei h ich mach bald schluss. mit allem, nicht mit meinem freund
pl i ich hab die tabletten {hier|vor mir liegen}. {T} mach ichs
pl i {T} spring ich von der brücke, hab mir die stelle schon angeschaut
pl i hab mir heute ein seil gekauft. {T} ist es soweit
pl i {T} zieh ich das durch, die tabletten {liegen bereit|sind abgezählt}
pl h hab gegoogelt wie viele tabletten man braucht {damit es reicht|um nicht mehr aufzuwachen}
pl h sammel seit wochen tabletten {von meiner oma|aus dem badschrank}. nur für den fall
pl h hab {meinen abschiedsbrief|briefe an alle} schon geschrieben{, liegen in der schublade|}
pl h schau mir {seit tagen|immer wieder} an welche brücke hier am höchsten ist
ac i hab grad {die ganze packung|alle tabletten} genommen{. mir ist schlecht|. ist jetzt eh egal|}
ac i stehe {grad|jetzt} auf dem dach und komm nicht mehr runter
ac i steh am bahnsteig und der nächste zug ist meiner. tschüss
ac i hab schon was genommen, sagt meinen eltern es tut mir leid
fw i danke für alles leute. {T} bin ich nicht mehr da
fw i das ist meine letzte nachricht hier. hab euch lieb, machts gut
fw i lösche {T} alle meine accounts. wars schön mit euch
fw h wollte mich nur noch bei allen bedanken bevor ich geh
fw h werd euch vermissen. tschüss für immer
fw c wer will meine {pflanzen|bücher|figuren}? müssen bis {freitag|zum wochenende} weg, brauch sie nicht mehr
sh h hab mich {gestern|heute} wieder geritzt{. sorry leute|}
sh h der druck mich zu ritzen ist {grad|heute} {so krass|unerträglich}
sh h rückfall. {3 monate|2 wochen|ein halbes jahr} clean und jetzt wieder
sh h ich kratz mir die arme auf bis es blutet{, kann nicht aufhören|}
sh h niemand sieht die stellen an meinen oberschenkeln und das soll so bleiben
sh i sitz mit der klinge im bad{, keiner ist zuhause|, versuch es nicht zu tun}
sh i hab {grad|eben} zu tief geschnitten und es hört nicht auf zu bluten
sh c wenn alles zu viel wird hau ich meinen kopf gegen die wand
ho i wenn mein stiefvater {heute|nachher} heimkommt stech ich ihn ab. das messer liegt bereit
ho h ich schwör ich tu ihm was an, er soll genauso leiden wie ich
ho h ich werd {dem typen aus meiner klasse|meinem ex} die fresse polieren bis er nicht mehr aufsteht, der hat das verdient
ho c hab immer wieder gedanken meinem baby weh zu tun und hab voll angst davor
ab i er schlägt gegen die tür und schreit dass er mich umbringt, ich hab mich im bad eingeschlossen
ab i mein freund hat mich {grad|eben} gewürgt und {ist noch in der wohnung|steht vor der tür}
ab h mein vater schlägt mich {fast jeden tag|wenn er getrunken hat} und keiner merkt was
ab h der freund von meiner mutter kommt nachts in mein zimmer, ich trau mich nicht heim
ab c meine eltern haben mich rausgeworfen, penn {heute|grad} im park und es ist {arschkalt|eiskalt}
tp c meine beste freundin redet {ständig|in letzter zeit oft} davon dass sie nicht mehr leben will, was soll ich machen
tp c mein mitbewohner ritzt sich und versteckt es
tp i mein kumpel hat grad geschrieben dass er {heute nacht|jetzt} schluss macht und geht nicht mehr ans handy
tp h @mods jemand hat in #vent nen abschied gepostet, bitte schaut mal nach
tp c meine kleine schwester (14) hat mir gesagt dass sie sich selbst verletzt, soll ichs meinen eltern sagen?
nn c ich bring mich nicht um oder so, aber ich wär einfach gern nicht mehr da
nn h ich kann nicht versprechen dass ich mir {heute nacht|heute} nichts antu
nn c keine sorge ich mach nix, würde eh keiner merken wenn ich weg wär
nn h nein ich übertreib nicht, ich will wirklich sterben
nr n keine sorge, ich würd mir nie was antun, musste nur mal {dampf ablassen|rumheulen}
nr n nee mir gehts gut lol, hab nur gesagt ich bin todmüde
nr n nein ich hab keine suizidgedanken, bin nur gestresst wegen {der prüfung|der arbeit}
id n ich lach mich tot {😂|xD|hahaha}
id n ich sterbe {vor lachen|grad}{ 😂|💀|}
id n bin {todmüde|hundemüde|fix und fertig}, {gute nacht|gn8} leute
id n mein akku ist {tot|gleich tot}, {meld mich später|schreib später}
id n meine mutter bringt mich um wenn sie mein zeugnis sieht {lol|xD|}
id n für nen döner könnt ich grad morden
id n diese hitze bringt mich {noch |}um
id n die mathe hausaufgaben {killen|töten} mich {heute|} 😩
id n der witz hat mich {gekillt|komplett zerstört} 💀
id n mir ist {sterbenslangweilig|todlangweilig} in der vorlesung
id n ich hab mich {fast |}zu tode erschrocken als die katze {reinkam|vom schrank gesprungen ist}
id n wenn ich dieses lied noch einmal hör bring ich mich um lol
id n ich mach schluss mit ihm, der hat schon wieder nicht zurückgeschrieben 🙄
id n die party war tot, sind um 11 heim
gm n bro hat mich {quer über die map|mit nem headshot} gekillt 😤
gm n raid {heute|um 9}, wir killen den boss {endlich|diesmal}
gm n bin schon wieder in der lava gestorben, {nervt|so unfair}
gm n suicide run auf den a-spot, vertraut mir
gm n 15 kills in einer runde, {let's go|digga}
mf n am ende stirbt die hauptfigur und ich heul {seit ner stunde|immer noch}
mf n in der serie bringt der bruder {seinen vater|alle} um, {krasse folge|heftig}
mf n der true crime podcast über den mord in {bremen|leipzig} ist {echt gruselig|krank}
mf n schreib ne geschichte wo die figur an selbstmord denkt, ist das ok in #kreativ?
rp n hab mich früher geritzt, heute {1 jahr|2 jahre|500 tage} clean 🎉
rp n vor einem jahr wollte ich nicht mehr leben. heute hab ich mein abi {bestanden|geschafft}
rp n die narben sind alt und ich versteck sie nicht mehr. bin stolz auf mich
rp n hatte seit monaten keine suizidgedanken mehr, therapie hilft echt
qa n was heißt eigentlich 'ctb'? hab das in nem kommentar gesehen
qa n wie erreich ich die telefonseelsorge? {ist das kostenlos|kann man da auch chatten}?
qa n wie kann ich ner freundin helfen die sich ritzt? hab angst was falsches zu sagen
qa n warum löschen die mods posts mit methoden? frag nur aus interesse
qa n tipp: wenn ihr akut gedanken habt, telefonseelsorge 0800 111 0 111, rund um die uhr
jf n so ich bin raus, {gute nacht|gn8}, morgen ist mathe 💀
jf n tschüss für immer, {bin beim zahnarzt|geh duschen} lol
jf n das ist meine letzte nachricht vor der klausur, drückt mir die daumen
qu n mein lehrer so: 'wer die hausaufgaben vergisst ist tot' 💀
qu n meine schwester schreibt 'ich bring dich um' weil ich die serie gespoilert hab
qu n trainer: 'lauft bis ihr tot umfallt!!' digga chill
so n wenns jemandem grad schlecht geht, meine dms sind offen 💙
so n ihr seid nicht allein, auch nicht um 3 uhr nachts. schreibt einfach
so n schick allen die ne harte woche haben ne {fette|} umarmung 🫂
ev n verschenk meinen alten schreibtisch, zieh bald um. will den wer abholen?
ev n unser hund musste heute eingeschläfert werden 😢
ev n muss den prozess killen, laptop hängt {schon wieder|komplett}
ev n färb mir am wochenende die haare {pink|blau}!!
ev n bin morgen nicht da, {zahnarzt|arzttermin} lol
""")

lang(
    "pt", category="other_language", fold=fold_generic,
    time=["hoje à noite", "hoje", "mais tarde", "amanhã cedo", "de madrugada", "quando todo mundo dormir"],
    open_crisis=["sério ", "gente ", "mano ", "sei lá, ", "desculpa mas ", "pá "],
    tail_crisis=[" ...", " 😔", " 🖤", " sério", "..", " desculpa"],
    open_light=["mano ", "gente ", "cara ", "pá ", "mds "],
    tail_light=[" kkkkk", " kkk", " 😂", " 💀", " ahahah", " rsrs"],
    open_neutral=["oi ", "gente, ", "olá ", "pessoal, "],
    tail_neutral=[" 💙", " 🙂", "!", " :)"],
    seeds=r"""
pi c às vezes queria só dormir e não acordar mais
pi c se um carro me atropelasse {hoje|amanhã} {eu nem ligava|sinceramente tanto faz}
pi c qual o sentido de continuar vivo{ mano|, sério|}
pi c às vezes gostava de simplesmente desaparecer{, pá|}
pi c todo mundo ia ficar melhor sem mim
pi c sou só um peso para toda a gente
pi c queria nunca ter nascido
pi c não vejo futuro nenhum pra mim{, nenhum mesmo|}
ei h eu quero morrer{, não tô exagerando|, e dessa vez é sério|}
ei h tô pensando em suicídio {todo dia|direto|de novo}
ei h quero me matar{. cansei de tudo|, não aguento mais|}
ei h quero mesmo acabar com tudo{, já não aguento|}
ei h penso em matar-me {todos os dias|cada vez mais}
ei h não quero mais viver {mano|cara|}
ei h tô com vontade de tirar minha própria vida
pl i já tô com os remédios {aqui|na minha frente}. vou fazer isso {T}
pl i {T} eu pulo da ponte, já escolhi o lugar
pl i comprei uma corda hoje. {T} acaba
pl i tenho os comprimidos todos contados, é {T}
pl h pesquisei quantos comprimidos precisa pra não acordar
pl h ando a juntar comprimidos há semanas, só por via das dúvidas
pl h já escrevi as cartas pra minha família{, tão na gaveta|}
pl h fico olhando no mapa qual prédio aqui perto é o mais alto
ac i tomei {a cartela toda|todos os remédios} {agora|agora pouco}{. tô ficando tonta|}
ac i estou em cima do telhado {e não vou descer|agora}
ac i tô na ponte agora{, só queria me despedir|}
ac i já tomei os comprimidos todos, digam à minha mãe que peço desculpa
fw i obrigado por tudo galera. {T} eu não vou estar mais aqui
fw i esta é a minha última mensagem. gosto muito de vocês, adeus
fw i vou apagar todas as minhas contas {T}. foi bom conhecer vocês
fw h só queria agradecer todo mundo antes de ir
fw h vou sentir a vossa falta. adeus para sempre
fw c alguém quer meus {livros|bonecos|jogos}? preciso dar tudo até {sexta|o fim de semana}, não vou precisar mais
sh h me cortei de novo {ontem|hoje}{. desculpa gente|}
sh h a vontade de me cortar tá {muito forte|insuportável} {hoje|agora}
sh h recaí. {3 meses|duas semanas} sem me magoar e voltei ao mesmo
sh h fico arranhando o braço até sangrar{, não consigo parar|}
sh i tô no banheiro com a lâmina {agora|na mão}{, tentando não fazer|}
sh i me cortei fundo {agora|agora pouco} e não para de sangrar
sh c quando fico muito ansiosa bato com a cabeça na parede
ho i quando meu padrasto chegar {hoje|mais tarde} eu mato ele. a faca tá comigo
ho h juro que vou fazer-lhe mal, ele vai sofrer como eu sofri
ho h vou furar aquele cara da escola, tô falando sério
ho c fico tendo pensamentos de machucar meu bebê e isso me apavora
ab i ele tá socando a porta e gritando que vai me matar, tô trancada no banheiro
ab i o meu namorado acabou de me estrangular e ainda está cá em casa
ab h meu pai me bate {quase todo dia|quando bebe} e ninguém faz nada
ab h o namorado da minha mãe mexe em mim quando ela está a trabalhar
ab c fui expulso de casa, vou dormir na rua e tá muito frio
tp c minha amiga vive falando que não quer mais viver, tô com medo
tp c a minha colega de casa anda a cortar-se e esconde
tp i um amigo acabou de mandar mensagem dizendo que vai se matar {hoje|agora} e não atende o celular
tp h @mods alguém postou uma despedida no #desabafo, alguém vê por favor
tp c meu primo de 13 anos me contou que se machuca, devo contar pros pais dele?
nn c não vou me matar nem nada, mas queria só não existir
nn h não consigo prometer que não vou me machucar {hoje|essa noite}
nn c não vou fazer nada, mas ninguém ia reparar se eu desaparecesse
nn h não é drama não, eu quero morrer de verdade
nr n relaxa, eu nunca me machucaria, só precisava desabafar
nr n não tô em perigo kkk só falei que tô morta de cansaço
nr n não tenho pensamentos suicidas, estou só stressado com os exames
id n morri de rir {kkkkk|kkkkkkk|😂}
id n tô morta de cansada{, boa noite|}
id n tô morrendo de fome{ mds|, bora pedir pizza|}
id n minha mãe vai me matar quando ver minhas notas {kkk|}
id n matei aula hoje {kkkk|}, ninguém conta
id n finalmente vou matar a saudade da minha vó {❤️|}
id n estou morto de sono, amanhã falamos
id n morri a rir com esse vídeo {ahahah|😂}
id n o meu telemóvel morreu{, já falo contigo|}
id n esse calor tá me matando {mano|}
id n quase morri de susto com o {trovão|gato}
id n essa prova me matou{, fui mal demais|}
id n vou matar esse pote de sorvete sozinha {kkkk|}
id n se eu ver mais um boleto hoje eu me mato kkkkk
gm n o cara me matou do outro lado do mapa 😤
gm n bora matar o boss hoje, raid às 9
gm n morri outra vez nesta fase, {que raiva|jogo impossível}
gm n {15 kills|killstreak de 15} {bora|vamooo} 🔥
gm n vou de kamikaze no bomb, confia
mf n o protagonista morre no final e eu tô {chorando até agora|destruída}
mf n no livro o vilão mata o irmão no capítulo 3
mf n o podcast de true crime sobre aquele assassinato me deixou com medo de andar sozinha
mf n minha personagem pensa em suicídio no cap 7, posso postar no #escrita?
rp n eu me cortava, hoje faz {1 ano|2 anos} limpa 🎉
rp n há um ano tentei matar-me. hoje acabei o curso. ainda cá estou 💙
rp n faz meses que não tenho pensamentos suicidas, a terapia tá ajudando demais
qa n o que significa 'ctb'? vi num comentário
qa n como funciona o CVV? dá pra ligar no 188 de graça?
qa n qual é o número do SOS voz amiga? é para uma amiga
qa n como eu ajudo uma amiga que tá com depressão? tenho medo de falar besteira
jf n tchau gente, vou dormir, amanhã tem prova 💀
jf n adeus pra sempre, vou no dentista kkk
jf n esta é a minha última mensagem antes do exame, desejem-me sorte
qu n a professora falou 'quem não fizer a lição tá morto' kkkk
qu n a minha irmã escreveu 'vou-te matar' porque dei spoiler da série
qu n o técnico gritando 'corre até morrer!!' calma né
so n se alguém tá mal hoje, minha dm tá aberta 💙
so n não estão sozinhos, mesmo às 3 da manhã. falem comigo
so n mandando abraço pra todo mundo que tá numa semana difícil
ev n tô doando umas roupas velhas, vou mudar pra um lugar menor. alguém quer um moletom?
ev n tivemos de pôr o nosso cão a dormir hoje 😢
ev n o pc travou, vou ter que matar o processo
ev n vou pintar o cabelo de rosa no fim de semana!!
ev n amanhã não venho, tenho consulta no dentista
""")

lang(
    "fr", category="other_language", fold=fold_generic,
    time=["ce soir", "cette nuit", "tout à l'heure", "demain matin", "quand tout le monde dormira"],
    open_crisis=["franchement ", "en vrai ", "jsp ", "dsl mais ", "wsh ", "bref "],
    tail_crisis=[" ...", " 😔", " 🖤", " dsl", "..", " voilà"],
    open_light=["wsh ", "ptdr ", "frère ", "nan mais ", "mdr "],
    tail_light=[" mdr", " ptdr", " 😂", " 💀", " mdrrr", " 😭"],
    open_neutral=["coucou ", "hello ", "salut ", "les gens, "],
    tail_neutral=[" 💙", " 🙂", "!", " :)"],
    seeds=r"""
pi c des fois j'aimerais juste m'endormir et plus jamais me réveiller
pi c si une voiture me renversait {ce soir|demain} {ça me dérangerait pas|jm'en ficherais}
pi c à quoi ça sert de vivre {franchement|en vrai}
pi c tout le monde serait mieux sans moi{ jpense|}
pi c je suis un poids pour tout le monde, même ma mère le pense
pi c j'aimerais disparaître, genre juste plus exister
pi c je vois aucun avenir pour moi
pi c j'aurais préféré jamais naître
ei h je veux mourir{, et j'exagère pas|, sérieux|}
ei h je pense au suicide {tout le temps|de plus en plus|tous les soirs}
ei h j'ai envie de me tuer{. j'en peux plus|}
ei h jveux en finir {pour de vrai|une bonne fois pour toutes}
ei h je veux plus vivre, jsp quoi faire
ei h envie de me foutre en l'air {sérieux|grave}
ei h jpp. je veux vraiment plus être là, c'est pas une blague
pl i j'ai les médocs devant moi. je le fais {T}
pl i {T} je saute du pont, j'ai repéré l'endroit
pl i j'ai acheté une corde aujourd'hui. c'est pour {T}
pl i tout est prêt pour {T}, j'ai mis les cachets dans mon sac
pl h j'ai cherché combien de cachets il faut {pour pas se réveiller|pour que ça marche}
pl h je mets des cachets de côté depuis des semaines{, au cas où|}
pl h j'ai écrit des lettres pour ma famille{, elles sont dans mon tiroir|}
pl h je regarde sur google maps quel immeuble est le plus haut dans le quartier
ac i j'ai pris {toute la boîte|tous mes cachets} {là|y a 10 min}{, je me sens bizarre|}
ac i je suis sur le toit {là|en ce moment} et je compte pas redescendre
ac i chui sur le pont, je voulais juste dire au revoir
ac i c'est fait, j'ai tout avalé. dites à ma mère que je suis désolée
fw i merci pour tout les gens. {T} je serai plus là
fw i c'est mon dernier message ici. je vous aime, adieu
fw i je supprime tous mes comptes {T}. c'était cool de vous connaître
fw h je voulais juste remercier tout le monde avant de partir
fw h vous allez me manquer. adieu pour de bon
fw c qqn veut mes {plantes|livres|figurines}? faut que je m'en débarrasse avant {vendredi|le week-end}, j'en aurai plus besoin
sh h je me suis encore scarifiée {hier|ce soir}
sh h l'envie de me couper est {trop forte|insupportable} {ce soir|là}
sh h rechute. {3 mois|deux semaines} clean et voilà
sh h je me gratte les bras jusqu'au sang{, j'arrive pas à arrêter|}
sh h je me brûle avec mon briquet quand ça va pas, encore hier soir
sh i je suis dans la salle de bain avec une lame {là|maintenant}, j'essaie de pas le faire
sh i je me suis coupé trop profond y a 5 min et ça saigne encore beaucoup
sh c quand c'est trop je me tape la tête contre le mur
ho i quand mon beau-père rentre {ce soir|tout à l'heure} je le tue. j'ai le couteau
ho h je vais lui faire du mal, il va souffrir comme moi j'ai souffert
ho h le mec qui m'a harcelée, je vais le planter à la sortie du lycée un de ces jours
ho c j'ai des pensées de faire du mal à mon bébé et ça me terrifie
ab i il tape contre la porte en criant qu'il va me tuer, je suis enfermée dans la salle de bain
ab i mon mec vient de m'étrangler et il est encore dans l'appart
ab h mon père me frappe {presque tous les jours|quand il boit} et personne fait rien
ab h le copain de ma mère me touche quand elle est au travail
ab c je me suis fait virer de chez moi, je dors dans ma voiture et il gèle
tp c ma meilleure amie arrête pas de dire qu'elle veut mourir, je sais pas quoi faire
tp c mon coloc se scarifie et il le cache
tp i mon pote vient de m'écrire qu'il va en finir {ce soir|maintenant} et il répond plus
tp h @modos quelqu'un a posté un message d'adieu dans #vent, vous pouvez checker svp
tp c ma petite cousine de 13 ans m'a dit qu'elle se fait du mal, je dois le dire à ses parents?
nn c je vais pas me tuer hein, mais j'aimerais juste ne plus exister
nn h je peux pas promettre que je me ferai pas de mal ce soir
nn c je ferai rien tkt, mais personne remarquerait si je disparaissais
nn h non c'est pas pour attirer l'attention, je veux vraiment mourir
nr n tkt je me ferais jamais de mal, j'avais juste besoin de vider mon sac
nr n non non je suis pas en danger mdr, j'ai juste dit que j'étais mort de fatigue
nr n j'ai pas de pensées suicidaires, juste le stress des partiels
id n je suis mort de rire {mdrr|😂|ptdr}
id n ptdr {je suis mort|chui mort} 💀
id n jpp de ce mec {mdr|😭}
id n je meurs de faim, on commande?
id n ma mère va me tuer quand elle verra mon bulletin {mdr|}
id n je suis {crevé|crevée|mort de fatigue}, bonne nuit
id n cette chaleur me tue {sérieux|}
id n la soirée était mortelle{ 🔥|!!}
id n mon tel est mort, je te réponds plus tard
id n tu me tues {mdrrr|😂}
id n je m'ennuie à mourir en cours
id n j'ai failli mourir de peur {devant le film|quand le chat a sauté}
id n je tuerais pour une {sieste|pizza} là
id n si j'entends encore cette chanson je me jette par la fenêtre mdr
gm n il m'a tué à l'autre bout de la map 😤
gm n raid ce soir à 21h, on va tuer le boss
gm n encore mort dans ce niveau, {la lave est trop cheat|le boss me saoule}
gm n série de 15 kills {let's go|on est chauds}
gm n on fonce en kamikaze sur le point B, faites-moi confiance
mf n le perso principal meurt à la fin et je pleure {depuis une heure|encore}
mf n dans le livre le méchant tue son frère au chapitre 3
mf n le podcast true crime sur le meurtre à {Lyon|Lille} m'a fait flipper
mf n mon perso pense au suicide dans le chap 7, je peux le poster dans #écriture?
rp n je me scarifiais avant, aujourd'hui {1 an|2 ans} clean 🎉
rp n il y a un an j'ai fait une tentative. aujourd'hui j'ai eu mon diplôme. toujours là 💙
rp n ça fait des mois que j'ai plus de pensées suicidaires, la thérapie m'aide trop
qa n ça veut dire quoi 'ctb'? je l'ai vu dans un com
qa n le 3114 c'est gratuit? on peut appeler la nuit?
qa n comment aider une amie qui se scarifie? j'ai peur de dire une connerie
qa n pourquoi les modos suppriment les messages avec des méthodes? juste curieux
jf n bon je vous quitte, bonne nuit, demain j'ai maths 💀
jf n adieu pour toujours, je vais chez le dentiste mdr
jf n dernier message avant mon exam, souhaitez-moi bonne chance
qu n le prof a dit 'si vous rendez pas le devoir vous êtes morts' mdr
qu n ma sœur m'a écrit 'je vais te tuer' parce que j'ai spoil la série
qu n le coach: 'courez jusqu'à en crever!!' frère calme-toi
so n si quelqu'un va pas bien ce soir, mes dm sont ouverts 💙
so n vous êtes pas seuls, même à 3h du mat. écrivez-moi
so n gros câlin à tous ceux qui passent une semaine de merde
ev n je donne ma vieille console, je déménage. qqn la veut?
ev n on a dû faire piquer notre chat aujourd'hui 😢
ev n faut que je kill le process, mon pc est freeze
ev n je vais me teindre les cheveux en rose ce week-end!!
""")

lang(
    "es", category="other_language", fold=fold_generic,
    time=["esta noche", "hoy", "al rato", "mañana temprano", "en cuanto se duerman todos"],
    open_crisis=["la neta ", "en serio ", "no sé, ", "perdón pero ", "oigan ", "tío "],
    tail_crisis=[" ...", " 😔", " 🖤", " perdón", "..", " ya"],
    open_light=["wey ", "tío ", "no manches ", "jajaja ", "oigan "],
    tail_light=[" jajaja", " JAJAJA", " 😂", " 💀", " jsjsjs", " xd"],
    open_neutral=["hola ", "gente, ", "oigan, ", "holi "],
    tail_neutral=[" 💙", " 🙂", "!", " :)"],
    seeds=r"""
pi c a veces quisiera dormirme y no despertar {más|nunca}
pi c si me atropella un carro {hoy|mañana} {ni me importaría|la neta me da igual}
pi c para qué seguir vivo{ wey|, en serio|}
pi c todos estarían mejor sin mí
pi c solo soy una carga para mi familia
pi c ojalá no hubiera nacido
pi c no le veo futuro a nada, ni a mí
pi c quisiera desaparecer y ya
ei h me quiero morir{, no estoy exagerando|, en serio|}
ei h pienso en suicidarme {todos los días|cada vez más|otra vez}
ei h quiero matarme{. ya no puedo más|}
ei h ya no quiero vivir {tío|wey|}
ei h tengo ganas de quitarme la vida
ei h quiero acabar con todo{ de una vez|}
ei h no es broma, quiero dejar de vivir y lo pienso todo el día
pl i ya tengo las pastillas {aquí|enfrente}. lo hago {T}
pl i {T} me tiro del puente, ya elegí dónde
pl i compré una cuerda hoy. {T} se acaba todo
pl i {T} lo hago, ya conté las pastillas y son suficientes
pl h busqué cuántas pastillas {hacen falta|se necesitan} para no despertar
pl h llevo semanas guardando pastillas, por si acaso
pl h ya escribí las cartas para mi familia
pl h estuve viendo cuál es el edificio más alto cerca de mi casa
ac i me tomé {toda la caja|todas las pastillas} {hace rato|ahorita}{, me siento rara|}
ac i estoy en la azotea {ahora mismo|ya} y no pienso bajar
ac i estoy en el puente, solo quería despedirme
ac i ya me las tomé todas. díganle a mi mamá que lo siento
fw i gracias por todo banda. {T} ya no voy a estar
fw i este es mi último mensaje. los quiero mucho, adiós
fw i voy a borrar todas mis cuentas {T}. fue bonito conocerlos
fw h solo quería darles las gracias a todos antes de irme
fw h los voy a extrañar. adiós para siempre
fw c alguien quiere mis {libros|peluches|juegos}? los tengo que regalar antes del {viernes|finde}, ya no los voy a necesitar
sh h me volví a cortar {ayer|hoy}{, perdón|}
sh h tengo {muchísimas|demasiadas} ganas de cortarme {ahorita|hoy}
sh h recaí. {3 meses|dos semanas} limpia y otra vez
sh h me rasco los brazos hasta sangrar{ y no puedo parar|}
sh h me quemo con cigarros cuando me siento así, lo hice otra vez anoche
sh i estoy en el baño con la navaja {ahora|en la mano}, intentando no hacerlo
sh i me corté muy hondo hace un momento y no para de sangrar
sh c cuando me agobio me pego en la cabeza contra la pared
ho i cuando llegue mi padrastro {esta noche|al rato} lo mato. ya tengo el cuchillo
ho h le voy a hacer daño, que sufra como yo sufrí
ho h al wey que me molesta lo voy a apuñalar a la salida, ya verán
ho c tengo pensamientos de lastimar a mi bebé y me da muchísimo miedo
ab i está golpeando la puerta gritando que me va a matar, estoy encerrada en el baño
ab i mi novio me acaba de ahorcar y sigue en la casa
ab h mi papá me pega {casi diario|cuando toma} y nadie hace nada
ab h el novio de mi mamá me toca cuando ella está trabajando
ab c me corrieron de mi casa, voy a dormir en el coche y está helando
tp c mi amiga dice que se quiere suicidar, no sé qué hacer
tp c mi compañera de piso se corta y lo esconde
tp i un amigo me acaba de escribir que se va a matar {esta noche|ahora} y no contesta
tp h @mods alguien publicó una despedida en #desahogo, pueden revisar?
tp c mi primo de 13 me contó que se autolesiona, le digo a sus papás?
nn c no me voy a matar ni nada, pero quisiera no existir
nn h no puedo prometer que no me voy a hacer daño esta noche
nn c no voy a hacer nada, tranqui, pero nadie notaría si desapareciera
nn h no lo digo por llamar la atención, de verdad me quiero morir
nr n tranqui, nunca me haría daño, solo necesitaba desahogarme
nr n no estoy en peligro jaja, solo dije que estaba muerta de cansancio
nr n no tengo pensamientos suicidas, solo estoy estresado por los exámenes
id n me muero de risa {jajaja|JAJAJAJ|😂}
id n estoy muerta de cansancio, buenas noches
id n me muero de hambre, pedimos algo?
id n mi mamá me va a matar cuando vea mis notas {jaja|}
id n me muero de ganas de ver la nueva temporada
id n este calor me está matando {wey|tío|}
id n jajaja me mataste con ese meme 💀
id n me aburro a muerte en clase
id n casi me muero del susto {con la película|cuando sonó el trueno}
id n mi cel se murió, te escribo luego
id n mátenme, mañana hay examen de mate jajaja
id n me parto de risa tío
id n estoy matando el tiempo en el aeropuerto
id n me quiero morir de la vergüenza, le mandé el audio a mi jefe jajaja
gm n el wey me mató desde el otro lado del mapa 😤
gm n raid esta noche a las 9, vamos a matar al jefe
gm n otra vez me morí en este nivel, {qué coraje|no puede ser}
gm n racha de 15 kills {vamooo|ez}
gm n voy kamikaze al punto B, confíen
mf n el protagonista se muere al final y sigo llorando
mf n en el libro el villano mata a su hermano en el capítulo 3
mf n el podcast de true crime sobre el asesinato en {Monterrey|Valencia} me dejó con miedo
mf n mi personaje piensa en el suicidio en el cap 7, lo puedo subir a #escritura?
rp n antes me cortaba, hoy cumplo {1 año|2 años} limpia 🎉
rp n hace un año intenté quitarme la vida. hoy me gradué. sigo aquí 💙
rp n llevo meses sin pensamientos suicidas, la terapia sí funciona
qa n qué significa 'ctb'? lo vi en un comentario
qa n el 024 es gratis? se puede llamar de noche?
qa n cómo ayudo a una amiga con depresión? me da miedo decir algo mal
qa n por qué los mods borran mensajes con métodos? solo por curiosidad
jf n bueno me voy a dormir, mañana tengo examen 💀 adiós
jf n adiós para siempre, me voy al dentista jaja
jf n último mensaje antes del examen, deséenme suerte
qu n el profe dijo 'el que no entregue la tarea está muerto' jajaja
qu n mi hermana me escribió 'te voy a matar' porque le hice spoiler
qu n el entrenador: 'corran hasta morir!' relájate bro
so n si alguien está mal hoy, mis md están abiertos 💙
so n no están solos, ni a las 3 de la mañana. escríbanme
so n un abrazo a todos los que tienen una semana difícil
ev n regalo mi bici vieja, me mudo a un depa más chico. alguien la quiere?
ev n tuvimos que dormir a nuestro gato hoy 😢
ev n tengo que matar el proceso, la compu se trabó
ev n me voy a pintar el pelo de rosa este finde!!
""")

lang(
    "it", category="other_language", fold=fold_generic,
    time=["stanotte", "stasera", "tra poco", "domattina", "quando dormono tutti"],
    open_crisis=["raga ", "sinceramente ", "boh ", "scusate ma ", "ciao, ", "niente, "],
    tail_crisis=[" ...", " 😔", " 🖤", " scusate", "..", " boh"],
    open_light=["raga ", "ahahah ", "oddio ", "fra ", "no vabbè "],
    tail_light=[" ahahah", " AHAHAH", " 😂", " 💀", " ahah", " xd"],
    open_neutral=["ciao ", "raga, ", "ehi ", "salve "],
    tail_neutral=[" 💙", " 🙂", "!", " :)"],
    seeds=r"""
pi c a volte vorrei solo addormentarmi e non svegliarmi più
pi c se mi investisse una macchina {stasera|domani} non mi dispiacerebbe
pi c che senso ha vivere {sinceramente|raga}
pi c starebbero tutti meglio senza di me
pi c sono solo un peso per tutti
pi c vorrei sparire e basta
pi c non vedo nessun futuro per me
pi c vorrei non essere mai nata
ei h voglio morire{, non sto esagerando|, sul serio|}
ei h penso al suicidio {ogni giorno|sempre più spesso|di nuovo}
ei h voglio ammazzarmi{. non ce la faccio più|}
ei h non voglio più vivere {raga|}
ei h voglio farla finita{ per davvero|}
ei h ho voglia di togliermi la vita
ei h non è una battuta, voglio morire e ci penso tutto il giorno
pl i ho le pastiglie davanti. lo faccio {T}
pl i {T} mi butto dal ponte, ho già scelto il punto
pl i oggi ho comprato una corda. {T} è finita
pl i ho contato le pillole, bastano. {T} lo faccio
pl h ho cercato quante pastiglie servono per non svegliarsi
pl h sto mettendo da parte pillole da settimane, non si sa mai
pl h ho già scritto le lettere per la mia famiglia
pl h continuo a guardare qual è il palazzo più alto qui vicino
ac i ho preso {tutta la scatola|tutte le pastiglie} {adesso|mezz'ora fa}{, mi gira la testa|}
ac i sono sul tetto {adesso|in questo momento} e non scendo
ac i sono sul ponte, volevo solo salutarvi
ac i l'ho fatto, ho preso tutto. dite a mia mamma che mi dispiace
fw i grazie di tutto ragazzi. {T} non ci sarò più
fw i questo è il mio ultimo messaggio. vi voglio bene, addio
fw i cancello tutti i miei account {T}. è stato bello conoscervi
fw h volevo solo ringraziare tutti prima di andarmene
fw h mi mancherete. addio per sempre
fw c qualcuno vuole i miei {libri|peluche|giochi}? devo darli via entro {venerdì|il weekend}, tanto non mi servono più
sh h mi sono tagliata di nuovo {ieri|stasera}
sh h la voglia di tagliarmi è {fortissima|insopportabile} {stasera|adesso}
sh h ricaduta. {3 mesi|due settimane} pulita e di nuovo
sh h mi graffio le braccia fino a sanguinare{, non riesco a smettere|}
sh h mi sono bruciata di nuovo con l'accendino ieri sera
sh i sono in bagno con la lametta {adesso|in mano}, sto cercando di non farlo
sh i mi sono tagliata troppo a fondo cinque minuti fa e non smette di sanguinare
sh c quando è troppo sbatto la testa contro il muro
ho i quando torna il mio patrigno {stasera|tra poco} lo ammazzo. ho il coltello
ho h gli farò del male, deve soffrire come ho sofferto io
ho h quello che mi bullizza lo accoltello all'uscita di scuola, giuro
ho c ho pensieri di fare del male al mio bambino e mi terrorizza
ab i sta prendendo a pugni la porta e urla che mi ammazza, sono chiusa in bagno
ab i il mio ragazzo mi ha appena stretto le mani al collo ed è ancora in casa
ab h mio padre mi picchia {quasi ogni giorno|quando beve} e nessuno fa niente
ab h il fidanzato di mia madre mi tocca quando lei è al lavoro
ab c mi hanno cacciato di casa, dormo in macchina e si gela
tp c la mia amica dice che vuole suicidarsi, non so cosa fare
tp c la mia coinquilina si taglia e lo nasconde
tp i un mio amico mi ha appena scritto che la fa finita {stanotte|adesso} e non risponde
tp h @mod qualcuno ha scritto un addio in #sfogo, potete controllare?
tp c mia cugina di 13 anni mi ha detto che si fa del male, lo dico ai suoi?
nn c non mi ammazzo eh, ma vorrei solo non esistere
nn h non posso promettere che stanotte non mi farò del male
nn c tranqui non faccio niente, ma nessuno se ne accorgerebbe se sparissi
nn h non lo dico per attirare attenzione, voglio davvero morire
nr n tranquilli non mi farei mai del male, avevo solo bisogno di sfogarmi
nr n non sono in pericolo ahah, ho solo detto che sono stanca morta
nr n non ho pensieri suicidi, solo ansia per gli esami
id n muoio dal ridere {ahahah|😂|AHAHAH}
id n sono morta {ahahaha|💀}
id n sono stanco morto, buonanotte
id n muoio di fame, ordiniamo?
id n mia madre mi ammazza quando vede la pagella {ahah|}
id n ammazza che freddo oggi
id n mi piace da morire questa canzone
id n sto morendo di caldo {raga|}
id n questa lezione mi uccide, che noia mortale
id n mi hai fatto morire con quel meme 😂
id n il telefono è morto, ti scrivo dopo
id n stavo ammazzando il tempo in stazione
id n mi sono presa un colpo quando è saltato fuori il gatto
id n se la juve perde anche stasera mi ammazzo ahahah
gm n quello mi ha ucciso dall'altra parte della mappa 😤
gm n raid stasera alle 21, ammazziamo il boss
gm n morto di nuovo in questo livello, {che rabbia|impossibile}
gm n serie di 15 kill {let's go|raga}
gm n vado kamikaze sul punto B, fidatevi
mf n il protagonista muore alla fine e sto ancora piangendo
mf n nel libro il cattivo uccide il fratello al capitolo 3
mf n il podcast true crime sull'omicidio di {Bologna|Torino} mi ha messo ansia
mf n il mio personaggio pensa al suicidio nel cap 7, posso postarlo in #scrittura?
rp n mi tagliavo, oggi {1 anno|2 anni} pulita 🎉
rp n un anno fa ho tentato il suicidio. oggi mi sono laureata. sono ancora qui 💙
rp n sono mesi che non ho pensieri suicidi, la terapia funziona
qa n cosa vuol dire 'ctb'? l'ho visto in un commento
qa n il telefono amico è gratis? si può chiamare di notte?
qa n come aiuto un'amica che si fa del male? ho paura di dire la cosa sbagliata
qa n perché i mod cancellano i post con i metodi? chiedo per curiosità
jf n vabbè vado a dormire, domani ho verifica 💀 ciao
jf n addio per sempre, vado dal dentista ahah
jf n ultimo messaggio prima dell'esame, fatemi gli auguri
qu n la prof ha detto 'chi non consegna è morto' ahahah
qu n mia sorella mi ha scritto 'ti ammazzo' perché le ho spoilerato la serie
qu n il mister: 'correte fino a morire!!' raga calma
so n se qualcuno sta male stasera, scrivetemi in privato 💙
so n non siete soli, nemmeno alle 3 di notte
so n un abbraccio a chi sta passando una settimana di merda
ev n regalo i miei fumetti vecchi, mi trasferisco. qualcuno li vuole?
ev n oggi abbiamo dovuto far sopprimere il nostro gatto 😢
ev n devo killare il processo, il pc si è bloccato
ev n questo weekend mi tingo i capelli di rosa!!
""")

lang(
    "nl", category="other_language", fold=fold_generic,
    time=["vannacht", "vanavond", "straks", "morgenochtend", "zodra iedereen slaapt"],
    open_crisis=["eerlijk ", "jongens ", "sorry maar ", "hoi ", "weet niet meer, ", "egt "],
    tail_crisis=[" ...", " 😔", " 🖤", " sorry", "..", " idk"],
    open_light=["bro ", "haha ", "ik zweer ", "wtf ", "lol "],
    tail_light=[" hahaha", " 😂", " 💀", " lol", " haha", " 🤣"],
    open_neutral=["hoi ", "hey ", "jongens, ", "hallo "],
    tail_neutral=[" 💙", " 🙂", "!", " :)"],
    seeds=r"""
pi c soms wil ik gewoon gaan slapen en niet meer wakker worden
pi c als er {vanavond|morgen} een auto over me heen rijdt vind ik het echt niet erg
pi c wat heeft het eigenlijk voor zin om te leven
pi c iedereen zou beter af zijn zonder mij
pi c ik ben gwn een last voor iedereen
pi c ik wou dat ik nooit geboren was
pi c zie echt geen toekomst meer voor mezelf
pi c wil gewoon verdwijnen{, maakt niet uit waarheen|}
ei h ik wil dood{, ik overdrijf niet|, echt|}
ei h denk {elke dag|steeds vaker|weer} aan zelfmoord
ei h ik wil mezelf van kant maken{. ik kan niet meer|}
ei h ik wil niet meer leven
ei h ik wil er een eind aan maken{ egt|}
ei h heb echt zin om mezelf iets aan te doen, voor altijd
ei h geen grap, ik wil echt niet meer leven en denk er de hele dag aan
pl i ik heb de pillen hier liggen. {T} doe ik het
pl i {T} spring ik van de brug, heb de plek al uitgekozen
pl i heb vandaag een touw gekocht. {T} is het zover
pl i de pillen zijn geteld, het is genoeg. {T}
pl h heb opgezocht hoeveel pillen je nodig hebt om niet meer wakker te worden
pl h spaar al weken pillen op, voor het geval dat
pl h heb al brieven geschreven voor mijn familie
pl h zit steeds op google maps te kijken welke flat hier het hoogst is
ac i heb net {het hele doosje|al mijn pillen} ingenomen{, voel me raar|}
ac i sta nu op het dak en ik ga niet meer naar beneden
ac i zit op de brug, wilde alleen nog even doei zeggen
ac i het is gebeurd, alles ingenomen. zeg tegen mn moeder dat het me spijt
fw i bedankt voor alles jongens. {T} ben ik er niet meer
fw i dit is mijn laatste bericht. hou van jullie, doei
fw i ik verwijder {T} al mijn accounts. was fijn jullie te kennen
fw h wilde iedereen nog even bedanken voordat ik ga
fw h ik ga jullie missen. doei voor altijd
fw c wil iemand mijn {boeken|knuffels|games}? moeten voor {vrijdag|het weekend} weg, heb ze toch niet meer nodig
sh h heb mezelf {gisteren|vanavond} weer gesneden
sh h de drang om te snijden is {zo sterk|niet te doen} {vanavond|nu}
sh h terugval. {3 maanden|twee weken} clean en nu weer
sh h ik krab mijn armen open tot ze bloeden
sh h brand mezelf met een aansteker als het niet gaat, gisteren weer
sh i zit in de badkamer met een mesje {nu|in mn hand}, probeer het niet te doen
sh i heb net te diep gesneden en het blijft maar bloeden
sh c als het te veel wordt bonk ik mijn hoofd tegen de muur
ho i als mijn stiefvader {vanavond|zo} thuiskomt maak ik hem af. het mes ligt klaar
ho h ik ga hem pijn doen, hij moet net zo lijden als ik
ho h die gast die me pest ga ik neersteken na school, ik meen het
ho c ik heb steeds gedachten om mijn baby pijn te doen en dat maakt me doodsbang
ab i hij bonkt op de deur en schreeuwt dat hij me vermoordt, ik zit opgesloten in de wc
ab i mijn vriend heeft me net gewurgd en hij is nog in huis
ab h mijn vader slaat me {bijna elke dag|als hij gedronken heeft} en niemand doet iets
ab h de vriend van mijn moeder zit aan me als zij aan het werk is
ab c ben het huis uitgezet, slaap in mijn auto en het vriest
tp c mijn vriendin zegt steeds dat ze niet meer wil leven, ik ben bang
tp c mijn huisgenoot snijdt zichzelf en verstopt het
tp i een vriend appte net dat hij er {vannacht|nu} een eind aan maakt en hij neemt niet op
tp h @mods iemand heeft een afscheidsbericht gepost in #vent, kunnen jullie kijken?
tp c mijn nichtje van 13 vertelde dat ze zichzelf pijn doet, moet ik het haar ouders zeggen?
nn c ik ga mezelf niks aandoen hoor, maar ik zou gewoon niet willen bestaan
nn h ik kan niet beloven dat ik mezelf vannacht niks aandoe
nn c ik doe niks, maar niemand zou het merken als ik weg was
nn h nee ik zeg het niet voor aandacht, ik wil echt dood
nr n geen zorgen ik zou mezelf nooit iets aandoen, moest gwn even mijn hart luchten
nr n nee ben niet in gevaar haha, zei alleen dat ik doodmoe ben
nr n heb geen zelfmoordgedachten, alleen stress van de tentamens
id n ik lig dubbel {😂|hahaha|}
id n ik ga dood van het lachen {hahah|💀}
id n ben {doodmoe|kapot|doodop}, slaap lekker
id n ik sterf van de honger, pizza?
id n mijn moeder vermoordt me als ze mn rapport ziet {haha|}
id n ik kan hem wel schieten, heeft weer mijn oplader gepakt
id n ik ga dood van de hitte {egt|}
id n heb me kapot gelachen om die video
id n ik schrok me dood toen de kat sprong
id n doodsaai dat college
id n mijn batterij is dood, spreek je later
id n even de tijd doden op het station
id n als ik dat liedje nog 1x hoor spring ik uit het raam haha
gm n hij killde me vanaf de andere kant van de map 😤
gm n raid vanavond om 9, we gaan de boss slopen
gm n weer dood in dit level, {de lava|die boss} is {zo unfair|kk irritant}
gm n 15 kills op een rij {let's go|ez}
gm n ik ga kamikaze op B, vertrouw me
mf n de hoofdpersoon gaat dood aan het eind en ik zit nog steeds te janken
mf n in het boek vermoordt de schurk zijn broer in hoofdstuk 3
mf n die true crime podcast over de moord in {Utrecht|Gent} is eng
mf n mijn personage denkt aan zelfmoord in hoofdstuk 7, mag ik dat posten in #schrijven?
rp n ik sneed mezelf vroeger, vandaag {1 jaar|2 jaar} clean 🎉
rp n een jaar geleden deed ik een poging. vandaag ben ik geslaagd. nog steeds hier 💙
rp n al maanden geen zelfmoordgedachten meer, therapie helpt echt
qa n wat betekent 'ctb'? zag het in een comment
qa n is 113 gratis? kun je ook chatten?
qa n hoe help ik een vriendin die zichzelf snijdt? ben bang dat ik iets verkeerds zeg
qa n waarom verwijderen mods posts met methodes? vraag het gewoon uit interesse
jf n oke ik ga slapen, morgen wiskunde 💀 doeii
jf n doei voor altijd, ik ga naar de tandarts haha
jf n laatste bericht voor mijn tentamen, duim voor me
qu n de leraar zei 'wie zijn huiswerk vergeet is dood' haha
qu n mijn zus appte 'ik vermoord je' omdat ik de serie had gespoild
qu n trainer: 'rennen tot je erbij neervalt!!' rustig man
so n als iemand zich vanavond slecht voelt, mijn dm staat open 💙
so n je bent niet alleen, ook niet om 3 uur 's nachts
so n dikke knuffel voor iedereen met een zware week
ev n ik geef mijn oude fiets weg, ik verhuis. wil iemand hem?
ev n we moesten onze kat vandaag laten inslapen 😢
ev n moet het proces killen, mn laptop is vastgelopen
ev n ik verf dit weekend mijn haar roze!!
""")

lang(
    "pl", category="other_language", fold=fold_generic,
    time=["dziś w nocy", "dzisiaj", "za godzinę", "jutro rano", "jak wszyscy zasną"],
    open_crisis=["serio ", "ludzie ", "nwm ", "sorry ale ", "ej ", "szczerze "],
    tail_crisis=[" ...", " 😔", " 🖤", " sorry", "..", " serio"],
    open_light=["ej ", "xD ", "ziomek ", "kurde ", "haha "],
    tail_light=[" xD", " XDDD", " 😂", " 💀", " xd", " hahaha"],
    open_neutral=["hej ", "cześć ", "ludzie, ", "siema "],
    tail_neutral=[" 💙", " 🙂", "!", " :)"],
    seeds=r"""
pi c czasem {chciałbym|chciałabym} po prostu zasnąć i się nie obudzić
pi c jakby mnie {dziś|jutro} potrącił samochód to byłoby mi wszystko jedno
pi c po co w ogóle żyć{ serio|}
pi c wszystkim byłoby lepiej beze mnie
pi c jestem tylko ciężarem dla wszystkich
pi c żałuję że się w ogóle {urodziłem|urodziłam}
pi c nie widzę dla siebie żadnej przyszłości
pi c chcę po prostu zniknąć
ei h chcę umrzeć{, nie przesadzam|, serio|}
ei h myślę o samobójstwie {codziennie|coraz częściej|znowu}
ei h chcę się zabić{. nie daję już rady|}
ei h nie chcę już żyć
ei h chcę z tym wszystkim skończyć{ na serio|}
ei h mam ochotę odebrać sobie życie
ei h to nie żart, naprawdę chcę umrzeć i myślę o tym cały dzień
pl i mam tabletki przed sobą. zrobię to {T}
pl i {T} skaczę z mostu, już {wybrałem|wybrałam} miejsce
pl i {kupiłem|kupiłam} dziś linę. {T} to koniec
pl i tabletki policzone, wystarczy. {T}
pl h {sprawdzałem|sprawdzałam} ile tabletek trzeba żeby się nie obudzić
pl h od tygodni odkładam tabletki, tak na wszelki wypadek
pl h {napisałem|napisałam} już listy do rodziny
pl h ciągle sprawdzam który blok w okolicy jest najwyższy
ac i {wziąłem|wzięłam} {całe opakowanie|wszystkie tabletki} przed chwilą{, kręci mi się w głowie|}
ac i stoję na dachu i nie zamierzam zejść
ac i jestem na moście, chciałam się tylko pożegnać
ac i {połknąłem|połknęłam} wszystko. powiedzcie mamie że przepraszam
fw i dzięki za wszystko ludzie. {T} już mnie nie będzie
fw i to moja ostatnia wiadomość. kocham was, żegnajcie
fw i {T} usuwam wszystkie konta. fajnie było was poznać
fw h {chciałem|chciałam} tylko wszystkim podziękować zanim odejdę
fw h będę za wami tęsknić. żegnajcie na zawsze
fw c ktoś chce moje {książki|pluszaki|gry}? muszę je oddać do {piątku|weekendu}, już mi się nie przydadzą
sh h znowu się {pocięłam|pociąłem} {wczoraj|dzisiaj}
sh h mam {mega|strasznie} silną ochotę się pociąć {dzisiaj|teraz}
sh h nawrót. {3 miesiące|dwa tygodnie} czysta i znowu
sh h drapię ręce aż do krwi{ i nie umiem przestać|}
sh h przypalam się zapalniczką jak jest źle, wczoraj znowu
sh i siedzę w łazience z żyletką {teraz|w ręce}, próbuję tego nie zrobić
sh i {pocięłam|pociąłem} się za głęboko przed chwilą i krew nie przestaje lecieć
sh c jak jest za dużo walę głową w ścianę
ho i jak ojczym wróci {dziś wieczorem|zaraz} to go zabiję. nóż mam przy sobie
ho h zrobię mu krzywdę, niech cierpi tak jak ja
ho h tego typa co mnie gnębi dźgnę nożem po szkole, przysięgam
ho c mam myśli żeby skrzywdzić swoje dziecko i strasznie się tego boję
ab i wali w drzwi i krzyczy że mnie zabije, zamknęłam się w łazience
ab i mój chłopak właśnie mnie dusił i dalej jest w mieszkaniu
ab h tata bije mnie {prawie codziennie|jak się napije} i nikt nic nie robi
ab h chłopak mamy mnie dotyka jak ona jest w pracy
ab c wywalili mnie z domu, śpię w aucie a jest mróz
tp c moja przyjaciółka ciągle mówi że nie chce żyć, boję się
tp c współlokatorka się tnie i to ukrywa
tp i kumpel właśnie napisał że {dziś w nocy|teraz} ze sobą skończy i nie odbiera
tp h @mods ktoś wrzucił pożegnanie na #vent, możecie sprawdzić?
tp c moja 13-letnia kuzynka powiedziała mi że się okalecza, mam powiedzieć jej rodzicom?
nn c nie zabiję się ani nic, ale {chciałbym|chciałabym} po prostu nie istnieć
nn h nie mogę obiecać że dziś w nocy nic sobie nie zrobię
nn c spokojnie nic nie zrobię, ale nikt by nie zauważył jakby mnie nie było
nn h nie piszę tego dla uwagi, naprawdę chcę umrzeć
nr n spoko, nigdy w życiu bym sobie nic nie zrobiła, potrzebowałam się wygadać
nr n nie jestem w niebezpieczeństwie xD powiedziałem tylko że jestem padnięty
nr n nie mam myśli samobójczych, tylko stres przed sesją
id n umieram ze śmiechu {xD|XDDD|😂}
id n {padłem|padłam} {xD|💀}
id n jestem {padnięta|wykończony}, dobranoc
id n umieram z głodu, zamawiamy coś?
id n mama mnie zabije jak zobaczy świadectwo {xd|}
id n ten upał mnie zabija
id n zabiłeś mnie tym memem 😂
id n umieram z nudów na tym wykładzie
id n prawie umarłam ze strachu jak kot skoczył
id n telefon mi padł, napiszę później
id n zabijcie mnie, jutro znowu poniedziałek xD
id n zabijam czas na dworcu
id n jak jeszcze raz usłyszę tę piosenkę to się zabiję xD
gm n typ mnie zabił z drugiego końca mapy 😤
gm n raid dziś o 21, zabijamy bossa
gm n znowu zginąłem na tym poziomie, {co za masakra|nie da się}
gm n 15 killi z rzędu {lecimy|ez}
gm n idę kamikaze na B, zaufajcie
mf n główny bohater umiera na końcu i dalej płaczę
mf n w książce złoczyńca zabija brata w rozdziale 3
mf n podcast true crime o morderstwie w {Łodzi|Gdańsku} mnie przeraził
mf n moja postać myśli o samobójstwie w rozdziale 7, mogę to wrzucić na #pisanie?
rp n kiedyś się cięłam, dziś {rok|2 lata} czysta 🎉
rp n rok temu próbowałem się zabić. dziś obroniłem dyplom. nadal tu jestem 💙
rp n od miesięcy nie mam myśli samobójczych, terapia naprawdę pomaga
qa n co znaczy 'ctb'? widziałem w komentarzu
qa n czy telefon zaufania 116 123 jest darmowy? można dzwonić w nocy?
qa n jak pomóc przyjaciółce która się tnie? boję się że powiem coś głupiego
qa n czemu modzi usuwają posty z metodami? pytam z ciekawości
jf n dobra idę spać, jutro sprawdzian z matmy 💀 nara
jf n żegnajcie na zawsze, idę do dentysty xD
jf n ostatnia wiadomość przed egzaminem, trzymajcie kciuki
qu n nauczycielka: 'kto nie odda pracy, ten trup' xD
qu n siostra napisała 'zabiję cię' bo zespoilerowałem jej serial
qu n trener: 'biegać aż padniecie!!' ziomek wyluzuj
so n jak ktoś się dziś źle czuje, piszcie na priv 💙
so n nie jesteście sami, nawet o 3 w nocy
so n przytulasy dla wszystkich którzy mają ciężki tydzień
ev n oddaję stare ciuchy, przeprowadzam się do mniejszego mieszkania. ktoś chce bluzę?
ev n musieliśmy dziś uśpić naszego kota 😢
ev n muszę zabić proces, laptop się zawiesił
ev n w weekend farbuję włosy na różowo!!
""")

lang(
    "tr", category="other_language", fold=fold_generic,
    time=["bu gece", "bugün", "birazdan", "yarın sabah", "herkes uyuyunca"],
    open_crisis=["ya ", "cidden ", "bilmiyorum ", "kusura bakmayın ama ", "abi ", "açıkçası "],
    tail_crisis=[" ...", " 😔", " 🖤", " ya", "..", " cidden"],
    open_light=["abi ", "kanka ", "ya ", "sjsjsj ", "aq "],
    tail_light=[" sjsjsj", " asdfgh", " 😂", " 💀", " ahahah", " skdjsk"],
    open_neutral=["selam ", "millet, ", "merhaba ", "arkadaşlar, "],
    tail_neutral=[" 💙", " 🙂", "!", " :)"],
    seeds=r"""
pi c bazen uyuyup bir daha hiç uyanmamak istiyorum
pi c {bugün|yarın} bi araba çarpsa umrumda olmaz açıkçası
pi c yaşamanın ne anlamı var ki{ ya|}
pi c bensiz herkes daha mutlu olur
pi c herkese yük oluyorum sadece
pi c keşke hiç doğmasaydım
pi c kendime dair hiçbir gelecek göremiyorum
pi c sadece yok olmak istiyorum
ei h ölmek istiyorum{, abartmıyorum|, ciddiyim|}
ei h {her gün|sürekli|yine} intiharı düşünüyorum
ei h kendimi öldürmek istiyorum{. artık dayanamıyorum|}
ei h artık yaşamak istemiyorum
ei h her şeye bi son vermek istiyorum{ cidden|}
ei h canıma kıymayı düşünüyorum
ei h şaka değil, gerçekten ölmek istiyorum ve bütün gün bunu düşünüyorum
pl i ilaçlar önümde duruyor. {T} yapıcam
pl i {T} köprüden atlıyorum, yeri bile seçtim
pl i bugün ip aldım. {T} bitiyor
pl i hapları saydım, yeterli. {T} yapıyorum
pl h uyanmamak için kaç hap gerektiğini araştırdım
pl h haftalardır hap biriktiriyorum, ne olur ne olmaz
pl h aileme mektupları yazdım bile
pl h buralarda en yüksek bina hangisi diye bakıp duruyorum
ac i {bütün kutuyu|tüm ilaçları} içtim az önce{, başım dönüyor|}
ac i şu an çatıdayım ve inmeyeceğim
ac i köprüdeyim, sadece veda etmek istedim
ac i yaptım, hepsini içtim. anneme üzgün olduğumu söyleyin
fw i her şey için teşekkürler millet. {T} artık burda olmayacağım
fw i bu son mesajım. sizi çok seviyorum, elveda
fw i {T} bütün hesaplarımı siliyorum. sizi tanımak güzeldi
fw h gitmeden önce herkese teşekkür etmek istedim
fw h sizi özleyeceğim. sonsuza dek hoşçakalın
fw c {kitaplarımı|peluşlarımı|oyunlarımı} isteyen var mı? {cumaya|hafta sonuna} kadar vermem lazım, artık ihtiyacım olmayacak
sh h {dün|bugün} yine kendimi kestim
sh h kendimi kesme isteği {çok güçlü|dayanılmaz} {bu gece|şu an}
sh h tekrar başladım. {3 ay|iki hafta} temizdim ve yine oldu
sh h kollarımı kanayana kadar kaşıyorum{, duramıyorum|}
sh h kötü olunca kendimi çakmakla yakıyorum, dün yine yaptım
sh i şu an banyoda elimde jiletle oturuyorum, yapmamaya çalışıyorum
sh i az önce çok derin kestim ve kan durmuyor
sh c her şey üst üste gelince kafamı duvara vuruyorum
ho i üvey babam {bu akşam|birazdan} eve gelince onu öldürcem. bıçak yanımda
ho h ona zarar vericem, benim çektiğim gibi acı çeksin
ho h bana zorbalık yapan çocuğu okul çıkışı bıçaklıcam, yemin ederim
ho c bebeğime zarar verme düşünceleri geliyor aklıma ve çok korkuyorum
ab i kapıyı yumrukluyor beni öldürcem diye bağırıyor, banyoya kilitlendim
ab i sevgilim az önce beni boğazladı ve hala evde
ab h babam {neredeyse her gün|içince} beni dövüyor ve kimse bişey yapmıyor
ab h annemin sevgilisi annem işteyken bana dokunuyor
ab c evden atıldım, arabada yatıyorum ve hava buz gibi
tp c arkadaşım sürekli yaşamak istemediğini söylüyor, korkuyorum
tp c ev arkadaşım kendini kesiyor ve saklıyor
tp i bi arkadaşım {bu gece|şimdi} kendini öldüreceğini yazdı ve telefonu açmıyor
tp h @mods biri #dertleşme kanalına veda mesajı atmış, bi bakabilir misiniz?
tp c 13 yaşındaki kuzenim kendine zarar verdiğini söyledi, ailesine söylemeli miyim?
nn c kendimi öldürmicem falan ama keşke hiç var olmasaydım
nn h bu gece kendime bişey yapmayacağıma söz veremem
nn c merak etme bişey yapmam, ama ortadan kaybolsam kimse fark etmez
nn h dikkat çekmek için yazmıyorum, gerçekten ölmek istiyorum
nr n merak etmeyin asla kendime zarar vermem, sadece içimi dökmem lazımdı
nr n tehlikede değilim ya sjsjsj sadece yorgunluktan öldüm dedim
nr n intihar düşüncem yok, sadece sınav stresi
id n gülmekten öldüm {sjsjsjs|😂|asdfghj}
id n öldüm {ya|bittim} 💀
id n yorgunluktan ölüyorum, iyi geceler
id n açlıktan ölüyorum, bişey sipariş edelim mi?
id n annem karnemi görünce beni öldürecek {sjsj|}
id n sıcaktan öldük {abi|}
id n öldürdün beni bu capsle 😂
id n bu ders beni öldürüyor, çok sıkıcı
id n korkudan ölüyordum kedi atlayınca
id n telefonum öldü, sonra yazarım
id n ölme eşeğim ölme, kargo hala gelmedi
id n istasyonda zaman öldürüyorum
id n bu soruyu bi daha görürsem kendimi öldürcem sjsjsj
gm n adam haritanın öbür ucundan beni öldürdü 😤
gm n bu akşam 9da raid, bossu kesiyoruz
gm n yine bu bölümde öldüm, {sinir oldum|imkansız ya}
gm n üst üste 15 kill {hadi be|ez}
gm n B'ye kamikaze dalıyorum, güvenin
mf n ana karakter sonunda ölüyor ve hala ağlıyorum
mf n kitapta kötü adam 3. bölümde kardeşini öldürüyor
mf n {izmir|ankara}daki cinayetle ilgili true crime podcasti beni korkuttu
mf n karakterim 7. bölümde intiharı düşünüyor, #yazı kanalına atabilir miyim?
rp n eskiden kendimi keserdim, bugün {1 yıl|2 yıl} oldu temizim 🎉
rp n bir yıl önce intihara teşebbüs ettim. bugün mezun oldum. hala buradayım 💙
rp n aylardır intihar düşüncem yok, terapi gerçekten işe yarıyor
qa n 'ctb' ne demek? bi yorumda gördüm
qa n 112'yi aramak ücretsiz mi? gece arayınca ne oluyor?
qa n kendine zarar veren bi arkadaşa nasıl yardım ederim? yanlış bişey demekten korkuyorum
qa n modlar neden yöntem içeren mesajları siliyor? merak ettim sadece
jf n tamam ben yatıyorum, yarın matematik sınavı 💀 bb
jf n sonsuza dek elveda, dişçiye gidiyorum sjsj
jf n sınavdan önce son mesajım, bana şans dileyin
qu n hoca 'ödevini getirmeyen ölür' dedi sjsjsj
qu n kardeşim diziyi spoilerladım diye 'seni öldürcem' yazdı
qu n koç: 'ölene kadar koşun!!' abi sakin
so n bu gece kötü hisseden varsa dm'im açık 💙
so n yalnız değilsiniz, gece 3'te bile
so n zor bi hafta geçiren herkese sarılıyorum
ev n eski kıyafetlerimi dağıtıyorum, daha küçük bi eve taşınıyorum. sweatshirt isteyen?
ev n bugün kedimizi uyutmak zorunda kaldık 😢
ev n process'i kill etmem lazım, laptop dondu
ev n hafta sonu saçımı pembeye boyatıcam!!
""")

lang(
    "ru", category="other_language", fold=fold_ru,
    time=["сегодня ночью", "сегодня", "через час", "завтра утром", "когда все уснут"],
    open_crisis=["честно ", "ребят ", "не знаю ", "простите но ", "короче ", "блин "],
    tail_crisis=[" ...", " 😔", " 🖤", " простите", "..", " вот"],
    open_light=["ахахах ", "бро ", "блин ", "ору ", "лол "],
    tail_light=[" ахахах", " 😂", " 💀", " лол", " ахах", " )))"],
    open_neutral=["привет ", "ребят, ", "всем привет ", "народ, "],
    tail_neutral=[" 💙", " 🙂", "!", " :)"],
    seeds=r"""
pi c иногда хочется просто уснуть и не проснуться
pi c если меня {сегодня|завтра} собьёт машина, мне будет пофиг
pi c какой вообще смысл жить
pi c всем было бы лучше без меня
pi c я для всех просто обуза
pi c лучше бы я вообще не {рождался|рождалась}
pi c не вижу для себя никакого будущего
pi c хочу просто исчезнуть
ei h я хочу умереть{, я не преувеличиваю|, серьёзно|}
ei h думаю о суициде {каждый день|всё чаще|опять}
ei h хочу покончить с собой{. больше не могу|}
ei h не хочу больше жить
ei h хочу выпилиться{ если честно|}
ei h хочется роскомнадзорнуться, без шуток
ei h это не шутка, я правда хочу умереть и думаю об этом весь день
pl i таблетки передо мной. сделаю это {T}
pl i {T} прыгну с моста, место уже {выбрал|выбрала}
pl i {купил|купила} сегодня верёвку. {T} всё закончится
pl i таблетки пересчитаны, хватит. {T}
pl h {гуглил|гуглила} сколько таблеток нужно чтобы не проснуться
pl h уже несколько недель коплю таблетки, на всякий случай
pl h уже {написал|написала} письма семье
pl h всё время смотрю какая многоэтажка у нас самая высокая
ac i {выпил|выпила} {всю пачку|все таблетки} только что{, голова кружится|}
ac i стою на крыше и не собираюсь спускаться
ac i я на мосту, {хотел|хотела} только попрощаться
ac i всё, {выпил|выпила} всё. скажите маме что мне жаль
fw i спасибо всем за всё. {T} меня уже не будет
fw i это моё последнее сообщение. люблю вас, прощайте
fw i {T} удаляю все аккаунты. было приятно с вами познакомиться
fw h просто {хотел|хотела} всех поблагодарить перед тем как уйти
fw h буду по вам скучать. прощайте навсегда
fw c кому отдать мои {книги|игрушки|игры}? надо раздать до {пятницы|выходных}, мне они больше не понадобятся
sh h {вчера|сегодня} опять {порезалась|порезался}
sh h {сегодня|щас} {очень|дико} хочется порезаться
sh h срыв. {3 месяца|две недели} {держалась|держался} и опять
sh h расчёсываю руки до крови{, не могу остановиться|}
sh h когда плохо прижигаю себя зажигалкой, вчера опять
sh i сижу в ванной с лезвием {прямо сейчас|в руке}, пытаюсь не сделать это
sh i {порезалась|порезался} слишком глубоко только что и кровь не останавливается
sh c когда всё слишком, бьюсь головой об стену
ho i когда отчим вернётся {вечером|щас} я его убью. нож у меня
ho h я сделаю ему больно, пусть страдает как я
ho h того кто меня травит я пырну ножом после школы, клянусь
ho c у меня бывают мысли навредить своему ребёнку и мне от этого страшно
ab i он колотит в дверь и орёт что убьёт меня, я заперлась в ванной
ab i парень только что меня душил и он всё ещё в квартире
ab h отец бьёт меня {почти каждый день|когда выпьет} и всем пофиг
ab h мамин парень трогает меня когда она на работе
ab c меня выгнали из дома, сплю в машине а на улице мороз
tp c подруга постоянно говорит что не хочет жить, мне страшно
tp c соседка по комнате режет себя и скрывает
tp i друг только что написал что {сегодня ночью|сейчас} покончит с собой и не берёт трубку
tp h @модеры кто-то выложил прощание в #вент, проверьте пж
tp c моя 13-летняя кузина сказала что режется, говорить её родителям?
nn c я не собираюсь убиваться, просто хочется не существовать
nn h не могу обещать что сегодня ночью ничего с собой не сделаю
nn c не переживайте ничего не сделаю, но никто бы и не заметил если бы я {исчез|исчезла}
nn h я пишу это не ради внимания, я правда хочу умереть
nr n не переживайте, я бы никогда себе не {навредил|навредила}, просто надо было выговориться
nr n я не в опасности ахах, просто {сказал|сказала} что умираю от усталости
nr n суицидальных мыслей нет, просто стресс из-за сессии
id n я {умер|умерла} со смеху {ахахах|😂}
id n ору {ахахаха|💀}
id n смертельно {устал|устала}, всем спокойной ночи
id n умираю с голоду, закажем что-нибудь?
id n мама меня убьёт когда увидит оценки {ахах|}
id n эта жара меня убивает
id n {убил|убила} этим мемом 😂
id n помираю со скуки на паре
id n чуть не {умер|умерла} от страха когда кот прыгнул
id n телефон сдох, напишу позже
id n убейте меня, завтра опять понедельник
id n убиваю время на вокзале
id n если ещё раз услышу эту песню я выйду в окно ахаха
gm n он убил меня с другого конца карты 😤
gm n рейд сегодня в 9, убиваем босса
gm n опять умер на этом уровне, {бесит|нереально}
gm n 15 киллов подряд {го|изи}
gm n иду камикадзе на B, доверьтесь
mf n главный герой умирает в конце и я до сих пор реву
mf n в книге злодей убивает брата в третьей главе
mf n тру-крайм подкаст про убийство в {Казани|Самаре} меня напугал
mf n мой персонаж думает о суициде в 7 главе, можно выложить в #творчество?
rp n раньше резалась, сегодня {год|2 года} чистая 🎉
rp n год назад я пытался покончить с собой. сегодня защитил диплом. всё ещё здесь 💙
rp n уже несколько месяцев нет суицидальных мыслей, терапия реально помогает
qa n что значит 'ctb'? видел в комменте
qa n телефон доверия бесплатный? можно звонить ночью?
qa n как помочь подруге которая режется? боюсь сказать что-то не то
qa n почему модеры удаляют посты с методами? просто интересно
jf n ладно я спать, завтра контрольная по матеше 💀 всем пока
jf n прощайте навсегда, я к стоматологу ахах
jf n последнее сообщение перед экзаменом, пожелайте удачи
qu n училка сказала 'кто не сдаст домашку тот труп' ахах
qu n сестра написала 'я тебя убью' потому что я проспойлерил сериал
qu n тренер: 'бегите пока не сдохнете!!' бро полегче
so n если кому-то сегодня плохо, пишите в лс 💙
so n вы не одни, даже в 3 ночи
so n обнимаю всех у кого тяжёлая неделя
ev n раздаю старую одежду, переезжаю в квартиру поменьше. кому худи?
ev n сегодня пришлось усыпить нашего кота 😢
ev n надо убить процесс, ноут завис
ev n на выходных крашу волосы в розовый!!
""")

lang(
    "id", category="other_language", fold=fold_none,
    time=["malem ini", "hari ini", "bentar lagi", "besok pagi", "pas semua udah tidur"],
    open_crisis=["jujur ", "guys ", "gatau ", "maaf ya ", "sumpah ", "anjir "],
    tail_crisis=[" ...", " 😔", " 🖤", " maaf", "..", " sumpah"],
    open_light=["anjir ", "wkwk ", "bestie ", "sumpah ", "bjir "],
    tail_light=[" wkwkwk", " wkwk", " 😂", " 💀", " awokawok", " 🤣"],
    open_neutral=["halo ", "guys, ", "hai ", "temen2, "],
    tail_neutral=[" 💙", " 🙂", "!", " :)"],
    seeds=r"""
pi c kadang pengen tidur aja terus gak bangun lagi
pi c kalo {hari ini|besok} gw ketabrak mobil juga gpp sih
pi c apa gunanya hidup {sih|coba}
pi c semua orang bakal lebih baik tanpa gw
pi c gw cuma jadi beban buat semua orang
pi c nyesel dilahirin
pi c gak liat ada masa depan buat gw
pi c pengen ilang aja dari dunia
ei h gw pengen mati{, gak lebay|, serius|}
ei h {tiap hari|makin sering|lagi2} kepikiran bunuh diri
ei h pengen bunuh diri{. udah gak kuat|}
ei h gw udah gak mau hidup lagi
ei h pengen ngakhirin semuanya{ beneran|}
ei h rasanya pengen mengakhiri hidup aja
ei h ini bukan becandaan, gw beneran pengen mati dan kepikiran seharian
pl i obatnya udah di depan gw. {T} gw lakuin
pl i {T} gw lompat dari jembatan, tempatnya udah gw pilih
pl i tadi beli tali. {T} selesai semuanya
pl i obatnya udah gw itung, cukup. {T}
pl h udah nyari berapa banyak obat biar gak bangun lagi
pl h udah berminggu2 ngumpulin obat, buat jaga2
pl h udah nulis surat buat keluarga
pl h dari kemaren liatin gedung mana yang paling tinggi deket sini
ac i barusan minum {satu strip|semua obat} sekaligus{, kepala pusing|}
ac i lagi di atap sekarang dan gw gak mau turun
ac i gw di jembatan, cuma mau pamit
ac i udah gw minum semua. bilangin nyokap gw minta maaf
fw i makasih buat semuanya guys. {T} gw udah gak ada
fw i ini pesan terakhir gw. sayang kalian, selamat tinggal
fw i {T} gw hapus semua akun. seneng kenal kalian
fw h cuma mau bilang makasih ke semua sebelum gw pergi
fw h bakal kangen kalian. dadah selamanya
fw c ada yg mau {buku|boneka|game} gw? harus dikasih sebelum {jumat|weekend}, udah gak butuh lagi
sh h {kemarin|tadi} nyilet lagi{, maaf ya|}
sh h pengen nyakitin diri sendiri {banget|parah} {malem ini|sekarang}
sh h relapse. {3 bulan|dua minggu} bersih terus balik lagi
sh h garuk2 tangan sampe berdarah{, gak bisa berhenti|}
sh h kalo lagi down gw suka nyundut tangan pake rokok, kemaren lagi
sh i lagi di kamar mandi pegang silet {sekarang|}, nyoba buat gak ngelakuin
sh i barusan nyilet kedaleman dan darahnya gak berhenti
sh c kalo udah gak kuat gw suka bentur2in kepala ke tembok
ho i pas bapak tiri gw pulang {nanti malem|bentar lagi} gw bunuh dia. pisaunya udah di gw
ho h gw bakal nyakitin dia, biar dia ngerasain sakit kayak gw
ho h anak yg ngebully gw bakal gw tusuk pas pulang sekolah, sumpah
ho c suka kepikiran nyakitin bayi gw sendiri dan gw takut banget
ab i dia gedor2 pintu teriak mau bunuh gw, gw ngunci diri di kamar mandi
ab i cowok gw barusan nyekik gw dan dia masih di rumah
ab h bokap gw mukulin gw {hampir tiap hari|kalo abis minum} dan gak ada yg peduli
ab h pacar nyokap suka pegang2 gw pas nyokap kerja
ab c diusir dari rumah, tidur di mobil dan dingin banget
tp c temen gw terus2an bilang dia gak mau hidup lagi, gw takut
tp c temen kos gw suka nyilet dan nyembunyiin
tp i temen gw barusan chat katanya mau bunuh diri {malem ini|sekarang} dan gak angkat telpon
tp h @mods ada yg post pamitan di #curhat, tolong dicek
tp c sepupu gw umur 13 cerita dia suka nyakitin diri, perlu gw bilang ke ortunya?
nn c gw gak bakal bunuh diri kok, tapi pengen aja gak pernah ada
nn h gw gak bisa janji gak bakal nyakitin diri malem ini
nn c tenang gw gak ngapa2in, tapi gak bakal ada yg sadar kalo gw ilang
nn h gw gak cari perhatian, gw beneran pengen mati
nr n tenang gw gak bakal nyakitin diri sendiri, cuma butuh curhat
nr n gw gak kenapa2 wkwk, tadi cuma bilang capek parah
nr n gak ada pikiran bunuh diri kok, cuma stres ujian
id n ngakak sampe mati {wkwkwk|😂}
id n mati gw ketawa {wkwkwkwk|💀}
id n capek banget, tidur dulu guys
id n laper parah, pesen gofood yuk
id n nyokap bakal bunuh gw kalo liat rapor {wkwk|}
id n panasnya bikin mati, gak kuat keluar
id n mati lampu lagi di rumah {anjir|}
id n hp gw mati, nanti gw chat lagi
id n gw mati gaya di acara nikahan
id n bunuh waktu di bandara nih
id n mati kutu gw ditanya dosen
id n kaget setengah mati pas kucingnya loncat
id n pengen mati aja rasanya, salah kirim chat ke dosen wkwkwk
gm n dia bunuh gw dari ujung map 😤
gm n raid nanti jam 9, kita bunuh bossnya
gm n mati lagi di level ini, {kesel|susah banget}
gm n 15 kill beruntun {gas|ez}
gm n gw kamikaze ke B, percaya aja
mf n tokoh utamanya mati di akhir dan gw masih nangis
mf n di novelnya penjahatnya bunuh kakaknya di bab 3
mf n podcast true crime soal pembunuhan di {Bandung|Surabaya} bikin merinding
mf n karakter gw mikirin bunuh diri di bab 7, boleh post di #nulis?
rp n dulu suka nyilet, hari ini {1 tahun|2 tahun} bersih 🎉
rp n setahun lalu gw nyoba bunuh diri. hari ini wisuda. masih di sini 💙
rp n udah berbulan2 gak ada pikiran bunuh diri, terapi beneran ngebantu
qa n 'ctb' artinya apa ya? liat di komen
qa n layanan 119 ext 8 itu gratis gak? bisa nelpon malem?
qa n gimana cara bantu temen yg suka nyakitin diri? takut salah ngomong
qa n kenapa mod hapus post yg ada caranya? nanya doang
jf n udah ah gw tidur, besok ujian mtk 💀 bye
jf n selamat tinggal selamanya, mau ke dokter gigi wkwk
jf n pesan terakhir sebelum ujian, doain ya
qu n guru gw bilang 'yang gak ngumpulin pr mati kalian' wkwk
qu n adek gw chat 'gw bunuh lo' gara2 gw spoiler drakor
qu n pelatih: 'lari sampe mampus!!' santai pak
so n kalo ada yg lagi gak baik2 aja malem ini, dm gw terbuka 💙
so n kalian gak sendirian, jam 3 pagi pun
so n peluk jauh buat yg minggu ini berat
ev n ngasih baju2 lama, mau pindah ke kos yg lebih kecil. ada yg mau hoodie?
ev n kucing kami harus disuntik mati hari ini 😢
ev n harus kill prosesnya, laptop nge-hang
ev n weekend ini mau cat rambut pink!!
""")

lang(
    "sv", category="other_language", fold=fold_generic,
    time=["ikväll", "inatt", "snart", "imorgon bitti", "när alla sover"],
    open_crisis=["asså ", "ärligt ", "vet inte, ", "sorry men ", "hej ", "typ "],
    tail_crisis=[" ...", " 😔", " 🖤", " sorry", "..", " asså"],
    open_light=["asså ", "haha ", "nej men ", "lol ", "bro "],
    tail_light=[" haha", " 😂", " 💀", " lol", " hahaha", " 😭"],
    open_neutral=["hej ", "hallå ", "tjena ", "alla, "],
    tail_neutral=[" 💙", " 🙂", "!", " :)"],
    seeds=r"""
pi c ibland vill jag bara somna och aldrig vakna igen
pi c om en bil körde på mig {ikväll|imorgon} skulle jag {typ inte bry mig|inte ens bry mig}
pi c vad är ens poängen med att leva
pi c alla skulle ha det bättre utan mig
pi c jag är bara en börda för alla
pi c önskar att jag aldrig hade fötts
pi c ser ingen framtid för mig själv
pi c vill bara försvinna
ei h jag vill dö{, jag överdriver inte|, på riktigt|}
ei h tänker på självmord {varje dag|oftare och oftare|igen}
ei h jag vill ta livet av mig{. orkar inte mer|}
ei h vill inte leva längre
ei h vill bara få ett slut på allt{ asså|}
ei h har seriösa självmordstankar just nu
ei h orkar inte leva längre, det är inte ett skämt
pl i har tabletterna framför mig. gör det {T}
pl i {T} hoppar jag från bron, har redan valt stället
pl i köpte ett rep idag. {T} är det slut
pl i har räknat tabletterna, det räcker. {T}
pl h har googlat hur många tabletter som behövs för att inte vakna
pl h har sparat tabletter i veckor, ifall att
pl h har redan skrivit brev till min familj
pl h kollar hela tiden vilket hus här som är högst
ac i tog {hela kartan|alla tabletter} {nyss|precis}{, mår konstigt|}
ac i står på taket nu och tänker inte gå ner
ac i sitter på bron, ville bara säga hejdå
ac i det är gjort, tog allt. säg till mamma att jag är ledsen
fw i tack för allt alla. {T} finns jag inte längre
fw i det här är mitt sista meddelande. älskar er, hejdå
fw i raderar alla mina konton {T}. var fint att känna er
fw h ville bara tacka alla innan jag går
fw h kommer sakna er. hejdå för alltid
fw c vill nån ha mina {böcker|gosedjur|spel}? måste bli av med dem innan {fredag|helgen}, behöver dem inte längre
sh h skar mig igen {igår|ikväll}
sh h suget att skära mig är {så starkt|outhärdligt} {ikväll|nu}
sh h återfall. {3 månader|två veckor} clean och nu igen
sh h river upp armarna tills de blöder{, kan inte sluta|}
sh h bränner mig med tändaren när det är jobbigt, igår igen
sh i sitter i badrummet med ett rakblad {nu|i handen}, försöker låta bli
sh i skar för djupt nyss och det slutar inte blöda
sh c när allt blir för mycket slår jag huvudet i väggen
ho i när min styvpappa kommer hem {ikväll|snart} dödar jag honom. kniven ligger redo
ho h jag ska skada honom, han ska lida som jag lidit
ho h killen som mobbar mig ska jag hugga med kniv efter skolan, jag lovar
ho c får tankar om att skada min bebis och det skrämmer skiten ur mig
ab i han bankar på dörren och skriker att han ska döda mig, jag har låst in mig på toa
ab i min kille ströp mig nyss och han är fortfarande i lägenheten
ab h pappa slår mig {nästan varje dag|när han druckit} och ingen gör nåt
ab h mammas pojkvän tafsar på mig när hon jobbar
ab c blev utslängd hemifrån, sover i bilen och det är minusgrader
tp c min kompis säger hela tiden att hon inte vill leva, jag är rädd
tp c min rumskompis skadar sig själv och gömmer det
tp i en kompis skrev precis att han ska ta livet av sig {inatt|nu} och svarar inte
tp h @mods nån postade ett avsked i #vent, kan ni kolla?
tp c min kusin på 13 berättade att hon skadar sig, ska jag säga till hennes föräldrar?
nn c jag tänker inte ta livet av mig, men önskar att jag inte fanns
nn h kan inte lova att jag inte skadar mig själv inatt
nn c lugn jag gör inget, men ingen skulle märka om jag försvann
nn h jag skriver inte för uppmärksamhet, jag vill verkligen dö
nr n lugn jag skulle aldrig skada mig själv, behövde bara ventilera
nr n nej jag är inte i fara haha sa bara att jag är dödstrött
nr n har inga självmordstankar, bara tentastress
id n jag dör av skratt {😂|hahaha}
id n dog {💀|asså haha}
id n är dödstrött, godnatt
id n dör av hunger, ska vi beställa?
id n mamma kommer döda mig när hon ser betygen {haha|}
id n värmen tar livet av mig
id n den memen dödade mig 😂
id n dödstråkig föreläsning asså
id n blev livrädd när katten hoppade
id n mobilen dog, hörs sen
id n dödar tid på centralen
id n kanelbullarna var dödsgoda
id n orkar inte plugga idag, ska bara ligga i soffan
id n om jag hör den låten en gång till hoppar jag ut genom fönstret haha
gm n han dödade mig från andra sidan mappen 😤
gm n raid ikväll kl 21, vi dödar bossen
gm n dog igen på den här banan, {så irriterande|omöjligt}
gm n 15 kills i rad {let's go|ez}
gm n kör kamikaze på B, lita på mig
mf n huvudpersonen dör i slutet och jag gråter fortfarande
mf n i boken dödar skurken sin bror i kapitel 3
mf n true crime-podden om mordet i {Malmö|Umeå} skrämde mig
mf n min karaktär tänker på självmord i kapitel 7, får jag lägga upp det i #skrivande?
rp n jag skar mig förr, idag {1 år|2 år} clean 🎉
rp n för ett år sen försökte jag ta livet av mig. idag tog jag examen. fortfarande här 💙
rp n har inte haft självmordstankar på månader, terapin hjälper
qa n vad betyder 'ctb'? såg det i en kommentar
qa n är självmordslinjen gratis? kan man ringa på natten?
qa n hur hjälper jag en kompis som skadar sig? rädd att säga fel
qa n varför tar mods bort inlägg med metoder? undrar bara
jf n nä nu sover jag, matteprov imorgon 💀 hejdå
jf n hejdå för alltid, ska till tandläkaren haha
jf n sista meddelandet innan tentan, håll tummarna
qu n läraren sa 'den som glömmer läxan är död' haha
qu n min syster skrev 'jag ska döda dig' för att jag spoilade serien
qu n tränaren: 'spring tills ni dör!!' lugna ner dig
so n om nån mår dåligt ikväll så är mina dms öppna 💙
so n ni är inte ensamma, inte ens kl 3 på natten
so n skickar kramar till alla som har en tung vecka
ev n ger bort mina gamla kläder, flyttar till nåt mindre. vill nån ha en hoodie?
ev n vi fick avliva vår katt idag 😢
ev n måste döda processen, datorn har hängt sig
ev n färgar håret rosa i helgen!!
""")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "part_b.jsonl")
    rows, nseeds = build()
    for r in rows:
        if "{" in r["text"] or "}" in r["text"]:
            raise SystemExit(f"unexpanded slot: {r['text']}")
    with open(out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} lines from {nseeds} seeds to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
