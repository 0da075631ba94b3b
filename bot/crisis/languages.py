# ruff: noqa: RUF001
"""Frame slots in other languages: de, pt, fr, es, it, nl, pl, tr, ru, id, sv.

Each language contributes synonyms to the same slots as ``frames`` (``wish``, ``passive``,
``intent``, ``end``, ``time``, ``means``, ``sh``, ``farewell``, ``abuse``), so ``frames.compose``
decides for every language alike ("tonight" x "the pills" x "I will end it" is imminent in
Portuguese too). Latin-script patterns run on the *detail* form (accents folded: "dö" -> "do");
Russian runs on the lowercased raw text, which the ASCII fold cannot spell.
"""

from __future__ import annotations

import re


def _alt(*parts: str) -> str:
    return "(?:" + "|".join(parts) + ")"


_LATIN: dict[str, str] = {
    "wish": _alt(
        # de
        r"ich (?:will|mochte|moechte|mocht|wunschte|wuensche|wunsche) (?:\w+ ){0,4}"
        r"(?:sterben|tot sein|nicht mehr leben|nicht mehr da sein|nicht mehr aufwachen)",
        r"(?:ware|waere|war) (?:ich )?(?:doch )?(?:lieber )?tot|will mich (?:\w+ ){0,2}umbringen|"
        r"mir das leben nehmen|(?:an )?selbstmord denken|suizidgedanken|selbstmordgedanken",
        # pt
        r"(?:eu )?(?:quero|queria|preciso) (?:\w+ ){0,3}(?:morrer|me matar|sumir para sempre|"
        r"acabar com (?:tudo|a minha vida|minha vida)|tirar (?:a )?minha (?:propria )?vida)",
        r"penso em (?:me matar|suicidio|morrer)|pensando em (?:me matar|suicidio)",
        # es
        r"(?:quiero|quisiera|necesito) (?:\w+ ){0,3}(?:morir(?:me)?|matarme|suicidarme|"
        r"desaparecer para siempre|acabar con (?:todo|mi vida)|quitarme la vida)",
        r"pienso en (?:matarme|suicidarme|el suicidio|morir)|ganas de (?:morir|matarme)",
        # fr
        r"je (?:veux|voudrais|vais) (?:\w+ ){0,3}(?:mourir|me tuer|me suicider|en finir|"
        r"disparaitre pour toujours)|envie de (?:mourir|me tuer|en finir|me suicider)",
        # it
        r"(?:voglio|vorrei) (?:\w+ ){0,3}(?:morire|uccidermi|ammazzarmi|farla finita|"
        r"togliermi la vita|sparire per sempre)|penso (?:al suicidio|di uccidermi)",
        # nl
        r"ik wil (?:\w+ ){0,3}(?:dood|sterven|er niet meer zijn|niet meer leven|een einde aan "
        r"(?:mijn leven|alles) maken|mezelf (?:van kant maken|doden|ombrengen))",
        # pl
        r"(?:chce|chcialbym|chcialabym) (?:\w+ ){0,3}(?:umrzec|sie zabic|zniknac na zawsze|"
        r"skonczyc ze soba)|mysle o samobojstwie|mysli samobojcze",
        # tr
        r"olmek (?:istiyorum|isterdim)|kendimi (?:oldurmek istiyorum|oldurecegim|oldurmeyi)|"
        r"intihar (?:etmek istiyorum|edecegim|etmeyi dusunuyorum)|olsem (?:keske|daha iyi)",
        # id
        r"(?:aku|saya|gue|gw) (?:\w+ ){0,2}(?:ingin|mau|pengen|pingin|kepengen) (?:\w+ ){0,2}"
        r"(?:mati|bunuh diri|mengakhiri hidup)|(?:ingin|mau|pengen) bunuh diri",
        # sv
        r"jag (?:vill|onskar) (?:\w+ ){0,3}(?:do|doe|inte leva|inte finnas|ta livet av mig|"
        r"inte vakna)|ta livet av mig|sjalvmordstankar",
    ),
    "passive": _alt(
        r"(?:besser|mieux|melhor|mejor|meglio|beter|lepiej|daha iyi|lebih baik|battre) "
        r"(?:\w+ ){0,2}(?:ohne mich|sans moi|sem mim|sin mi|senza di me|senza me|zonder mij|"
        r"beze mnie|bensiz|tanpa aku|tanpaku|tanpa saya|utan mig)",
        r"(?:ich bin|je suis|eu sou|sou|soy|sono|ik ben|jestem|aku|jag ar) (?:nur )?"
        r"(?:eine? |un |uma |una |een |en )?(?:last|fardeau|peso|carga|ciezarem|beban|borda)",
        r"bensiz (?:\w+ )?daha (?:iyi|mutlu)|ohne mich (?:\w+ )?besser|sans moi (?:\w+ )?mieux",
        r"ich kann nicht mehr|keinen sinn mehr|alles ist sinnlos|niemand (?:wurde|wuerde) mich "
        r"vermissen|will nicht mehr aufwachen",
        r"je n'?en peux plus|plus envie de vivre|personne ne (?:me regretterait|remarquerait)|"
        r"aucune raison de vivre",
        r"nao aguento mais|ninguem (?:sentiria|vai sentir) (?:a )?minha falta|"
        r"nao quero (?:mais )?acordar|sem motivo para viver|cansad[oa] de viver",
        r"no aguanto mas|nadie me (?:extranaria|echaria de menos)|no quiero despertar|"
        r"cansad[oa] de vivir|sin razon para vivir",
        r"non ce la faccio piu|nessuno sentirebbe la mia mancanza|non voglio svegliarmi|"
        r"stanc[oa] di vivere",
        r"ik kan niet meer|niemand zou me missen|moe van het leven",
        r"nie (?:chce|moge) juz (?:zyc|tak dalej)|nikt by za mna nie tesknil|nie ma sensu zyc",
        r"yasamak istemiyorum|yasamanin anlami yok|kimse beni ozlemez|yoruldum yasamaktan",
        r"(?:tidak|gak|ga|nggak|enggak) (?:\w+ )?(?:mau|ingin|kuat) (?:hidup|lagi)|"
        r"capek hidup|lelah hidup",
        r"jag orkar inte (?:mer|leva)|ingen skulle sakna mig|ingen mening (?:med|att) (?:att )?"
        r"leva",
    ),
    "intent": _alt(
        r"ich werde mich (?:\w+ ){0,2}umbringen|ich bringe mich (?:\w+ ){0,3}um",
        r"vou me matar|vou acabar com (?:tudo|a minha vida)|me voy a matar|voy a (?:matarme|"
        r"suicidarme|acabar con todo)",
        r"je vais (?:me tuer|me suicider|en finir)|mi (?:ammazzo|uccido)|la faccio finita",
        r"ik ga (?:mezelf|er een einde aan)|zabije sie|kendimi oldurecegim|intihar edecegim",
        r"(?:aku|saya|gue) (?:akan|mau) bunuh diri|jag ska ta livet av mig",
        # taking all the pills, said in the present or future
        r"(?:nehme|schlucke|nehmen) (?:ich )?(?:\w+ )?alle (?:\w+ )?(?:tabletten|pillen)|"
        r"(?:tomar|tomo|tomei|vou tomar|voy a tomar) (?:\w+ )?tod[oa]s (?:as |os |las |los )?"
        r"(?:comprimidos|remedios|pastillas|pilulas)|(?:prendre|prends|vais prendre) tous (?:les|"
        r"mes) (?:cachets|medicaments|comprimes)|(?:prendere|prendo) tutte le (?:pillole|"
        r"pasticche)|(?:wezme|biore|polkne) wszystkie tabletki|(?:minum|menelan) semua obat|"
        r"(?:ta|tar|tog) alla (?:tabletter|piller)|butun haplari (?:icecegim|ictim|alacagim)",
    ),
    "time": _alt(
        r"heute nacht|heute abend|heute|jetzt|morgen",
        r"esta noche|hoy|ahora|manana|hoje a noite|hoje|agora|amanha|esta noite",
        r"ce soir|cette nuit|aujourd'?hui|maintenant|demain",
        r"stanotte|stasera|oggi|adesso|domani|vannacht|vanavond|vandaag|morgen",
        r"dzis w nocy|dzisiaj|dzis|teraz|jutro|bu gece|bu aksam|bugun|simdi|yarin",
        r"malam ini|sekarang|besok|hari ini|i natt|i kvall|idag|imorgon",
    ),
    "means": _alt(
        r"tabletten|pillen|medikamente|strick|messer|brucke|klinge|rasierklinge",
        r"comprimidos|remedios|pastillas|pilulas|corda|soga|cuchillo|faca|ponte|puente|"
        r"cuchilla",
        r"cachets|medicaments|comprimes|couteau|pillole|farmaci|coltello|lametta",
        r"tabletki|sznur|haplar|ilaclar|bicak|kopru|jilet",
        r"obat|pisau|jembatan|silet|tabletter|piller|kniv|rakblad",
    ),
    "sh": _alt(
        r"ich ritze mich|mich (?:wieder )?ritzen|ich verletze mich|me corto|cortarme|me corte|"
        r"me cortei|me machuco|me lastimo|je me scarifie|je me coupe|je me fais du mal|"
        r"mi taglio|mi faccio del male|ik snij mezelf|ik doe mezelf pijn|tne sie|ciac sie|"
        r"okaleczam sie|kendimi kesiyorum|kendime zarar|aku (?:menyakiti|melukai) diri|"
        r"nyilet|jag skar mig|skada mig sjalv",
    ),
    "farewell": _alt(
        r"lebt wohl|adeus a todos|adios a todos|adieu a tous|addio a tutti|vaarwel allemaal|"
        r"zegnajcie|elveda herkese|selamat tinggal semua|farval alla",
        r"danke fur alles|obrigad[oa] por tudo|gracias por todo|merci pour tout|grazie di tutto|"
        r"bedankt voor alles|dziekuje za wszystko|her sey icin tesekkurler|terima kasih untuk "
        r"semuanya|tack for allt",
    ),
}
_RU: dict[str, str] = {
    "wish": r"хочу (?:\w+ ){0,2}(?:умереть|умерет|сдохнуть|покончить с собой|убить себя|исчезнуть)|"
    r"покончу с собой|убью себя|мысли о самоубийстве|суицид",
    "passive": r"лучше без меня|не хочу (?:больше )?жить|я обуза|никто не заметит|"
    r"нет смысла жить|устал[а]? жить",
    "intent": r"покончу с собой|убью себя|сделаю это",
    "time": r"сегодня|сейчас|завтра|ночью|этой ночью",
    "means": r"таблетк\w*|верёвк\w*|веревк\w*|нож\w*|мост\w*|лезви\w*",
    "sh": r"режу себя|порезы|резать себя|причиняю себе боль",
    "farewell": r"прощайте все|спасибо за всё|спасибо за все",
}


def _compile(patterns: dict[str, str], latin: bool) -> dict[str, re.Pattern[str]]:
    edge_l, edge_r = (r"(?<![a-z])", r"(?![a-z])") if latin else (r"(?<!\w)", r"(?!\w)")
    return {k: re.compile(f"{edge_l}(?:{p}){edge_r}") for k, p in patterns.items()}


LATIN = _compile(_LATIN, latin=True)
RUSSIAN = _compile(_RU, latin=False)
_CYRILLIC = re.compile("[\u0400-\u04ff]")
# A negator just before a wish or an intent ("no quiero morir", "ich will nicht sterben" is
# handled by the pattern itself).
_NEGATOR = re.compile(
    r"(?<![a-z])(?:no|nao|non|ne|nie|niet|nicht|niemals|nunca|jamais|mai|tidak|gak|ga|nggak|"
    r"inte|aldrig|asla|never|not|don'?t)(?: \w+)?\s*$"
)
_NEGATABLE = frozenset({"wish", "intent", "sh"})
_NEG_WORDS = frozenset(
    [
        "no",
        "nao",
        "non",
        "ne",
        "nie",
        "niet",
        "nicht",
        "niemals",
        "nunca",
        "jamais",
        "mai",
        "tidak",
        "gak",
        "ga",
        "nggak",
        "inte",
        "aldrig",
        "asla",
        "never",
        "not",
    ]
)
# Targets that carry their own negation ("nicht mehr leben", "inte leva").
_INHERENT = re.compile(r"(?:nicht mehr|inte|niet meer|er niet meer) \w+(?: \w+)?$")
# Stems for the engine's gate, so these messages reach the slots at all.
GATE_STEMS: tuple[str, ...] = (
    "sterben",
    "umbringen",
    "tot sein",
    "ohne mich",
    "nicht mehr",
    "morrer",
    "me matar",
    "sem mim",
    "aguento",
    "morir",
    "matarme",
    "sin mi",
    "aguanto",
    "mourir",
    "en finir",
    "sans moi",
    "en peux plus",
    "morire",
    "uccid",
    "ammazz",
    "senza di me",
    "ce la faccio",
    "farla finita",
    "dood",
    "zonder mij",
    "niet meer",
    "umrzec",
    "zabic",
    "zabije",
    "beze mnie",
    "zyc",
    "olmek",
    "oldur",
    "intihar",
    "bensiz",
    "yasamak",
    "mati",
    "bunuh diri",
    "tanpa aku",
    "tanpaku",
    "hidup",
    "vill do",
    "livet av mig",
    "utan mig",
    "sjalvmord",
    "orkar inte",
    "ritz",
    "corto",
    "cortei",
    "scarifie",
    "taglio",
    "snij mezelf",
    "tne sie",
    "kesiyorum",
    "skar mig",
    "lebt wohl",
    "adeus",
    "adios",
    "adieu",
    "addio",
    "vaarwel",
    "zegnajcie",
    "elveda",
    "selamat tinggal",
    "farval",
    # anchors of the remaining slot patterns
    "fur alles",
    "por tudo",
    "por todo",
    "pour tout",
    "di tutto",
    "voor alles",
    "za wszystko",
    "tack for allt",
    "icin tesekkur",
    "untuk semuanya",
    "ware ich",
    "waere ich",
    "lieber tot",
    "mir das leben",
    "selbstmord",
    "suizid",
    "suicidio",
    "suicidar",
    "suicider",
    "acabar com",
    "acabar con",
    "quitarme la vida",
    "tirar a minha",
    "tirar minha",
    "disparaitre",
    "togliermi",
    "sparire",
    "sterven",
    "mezelf",
    "samobojst",
    "bunuh",
    "mengakhiri",
    "vakna",
    "finnas",
    "sinnlos",
    "sinn mehr",
    "vermissen",
    "aufwachen",
    "envie de",
    "regretterait",
    "remarquerait",
    "raison de vivre",
    "minha falta",
    "acordar",
    "motivo para viver",
    "de viver",
    "de vivir",
    "extranaria",
    "echaria de menos",
    "despertar",
    "razon para vivir",
    "mia mancanza",
    "svegliarmi",
    "di vivere",
    "kan niet meer",
    "zou me missen",
    "het leven",
    "nikt by",
    "sensu zyc",
    "anlami yok",
    "ozlemez",
    "yasamaktan",
    "capek hidup",
    "lelah hidup",
    "sakna mig",
    "mening",
    "eine last",
    "nur eine last",
    "fardeau",
    "peso",
    "carga",
    "ciezarem",
    "beban",
    "borda",
    "nehme",
    "schlucke",
    "nehmen",
    "tomar",
    "tomo",
    "tomei",
    "prendre",
    "prends",
    "prendere",
    "prendo",
    "wezme",
    "biore",
    "polkne",
    "minum",
    "menelan",
    "alla tabletter",
    "alla piller",
    "haplari",
    "verletze",
    "me machuco",
    "me lastimo",
    "du mal",
    "del male",
    "doe mezelf",
    "ciac sie",
    "okaleczam",
    "kendime zarar",
    "menyakiti",
    "melukai",
    "nyilet",
    "skada mig",
    "kann nicht mehr",
    "ce la faccio",
    "mi ammazzo",
    "mi uccido",
    "la faccio finita",
    "ik ga",
    "vou me",
    "me voy a",
    "voy a",
    "je vais",
    "ich werde",
    "ich bringe",
    "jag ska",
)


def slots(detail_text: str, raw: str) -> frozenset[str]:
    """Frame slot names found by the other-language synonym sets (no text kept)."""
    found: set[str] = set()
    for name, regex in LATIN.items():
        m = regex.search(detail_text)
        if m is None:
            continue
        if name in _NEGATABLE:
            if _NEGATOR.search(detail_text[max(0, m.start() - 20) : m.start()]):
                continue
            inner = m.group().split()
            if _NEG_WORDS.intersection(inner[1:]) and not _INHERENT.search(m.group()):
                continue
        found.add(name)
    if _CYRILLIC.search(raw):
        lowered = raw.lower()
        for name, regex in RUSSIAN.items():
            m = regex.search(lowered)
            if m is None:
                continue
            before = lowered[max(0, m.start() - 8) : m.start()]
            if name in _NEGATABLE and re.search(r"(?<!\w)не\s*$", before):
                continue
            found.add(name)
    if "wish" in found and "intent" in found:
        found.add("end")  # "vou me matar": the intent names the ending itself
    elif "intent" in found:
        found.add("end")
    return frozenset(found)
