# ruff: noqa
# mypy: ignore-errors
# fmt: off
# Copied verbatim from the corpus helper; regenerates the JSONL beside it.
"""Deterministic generator for part_a.jsonl (English risky families + harmless look-alikes).

Run: python3 make_part_a.py   -> writes part_a.jsonl next to this script.
Seeds are hand-written (one per line in SEEDS below); lines are composed as
seed x slot fillers x chat-texture transforms (lowercase, dropped apostrophes,
typos, slang, emoji, @mentions, benign filler lines around the seed).
The label of every line is the label of its seed.
"""
# Format: "## <family> <label>" header, then one seed per line.
# A leading "~" marks an algospeak / euphemism seed (category "obfuscated").
# Slots: {T} near time, {D} later day, {H} empty-house time, {P} pills noun phrase,
# {L} high place, {Ff}/{Fm}/{Fn} third person (she/he/they), {X} target (he),
# {W} weapon, {G} game, {M} media item, {N} clean duration, {A} abuser (he).

SEEDS = r"""
## passive_ideation concern
kinda wish i could just fall asleep and not wake up
if i didnt wake up tomorrow honestly that would be fine
i wouldnt be upset if my plane went down tbh
sometimes i hope i get really sick so it just ends on its own
everyone would be better off without me around
i'm just a burden to my family at this point
i feel like i'm only taking up space
nothing is ever going to get better for me
i don't see myself being around in five years
why do i even bother existing
i'm so tired of being alive, not in a dramatic way, just tired
i want to disappear and have nobody come looking for me
wish i could just vanish off the face of the earth
my mom says i was a mistake and some days i agree i shouldn't have been born
what is the point of any of this
life feels like a waiting room and i'm sick of waiting
when i cross the street i don't really look anymore. if it happens it happens
i keep thinking it'd be easier for everyone if i just wasn't here
my family would save so much money without me
i don't want to die exactly, i just don't want to be here
i don't think i'm meant to make it to 30
nobody would notice if i stopped showing up
i'm a waste of oxygen honestly
the idea of never waking up sounds kinda peaceful
i'm never going to be happy, i've accepted that
there's no version of the future where i'm okay
honestly i'm just waiting for it all to be over
i keep praying that god takes me in my sleep
if a meteor hit my house rn i'd say thank you
i'm stuck and there is no exit
i've been a disappointment my whole life, i don't know why i keep going
everyone in my life would breathe easier if i was gone
i'm so tired. like permanently tired. i want to sleep for a year, or forever
i'm just counting down the days and i don't even know to what
i don't belong anywhere, not even in my own family
hope the bus skids into me on the way to work ngl
sometimes on the platform i stand a little too close to the edge and wonder
i just want everything to stop. the thoughts, the noise, me
i wish i could press pause on life and never press play again
living feels like a chore i never signed up for
the world wouldn't lose anything if i wasn't in it
i'm tired of fighting my own brain every single day
if i disappeared my group chat would just keep going like nothing happened
honestly i'm not scared of dying anymore which is kinda scary
there's nothing worth staying for anymore
wish i could go to sleep for a really really long time
everyone keeps saying it gets better and it never does
i cause problems for everyone i love
i've stopped making plans because i don't see a future for me
i feel dead inside and my body just hasn't caught up yet
i'm just existing, not living, and i'm tired of it
my life is a dead end and i can't see a way out
there's no reason for me to keep trying
i think the world made a mistake keeping me around
sometimes i get jealous of people who died young
i hope i don't wake up tomorrow
it would be such a relief to just not exist
i'm a burden and i know it, everyone's just too polite to say it
~ the s word keeps floating around my head lately, not gonna act on it
~ ngl if i got unalived by accident i wouldn't be mad
~ not gonna kms or anything, i just wish i could stop existing for a bit
i feel like i'm a ghost in my own house
every morning i wake up disappointed that i woke up
i'm so tired of trying and failing, what's the point
i'd be doing everyone a favor by disappearing
nothing i do matters and it never will
i'm the problem in every room i walk into

## explicit_ideation high
i want to die. i mean it
thinking about killing myself every single day now
i've decided i don't want to be alive anymore
i'm going to kill myself eventually, i just know it
suicide keeps feeling like the only answer
i want to end my life and i don't know how to stop wanting it
the urge to end it is so strong today
i think i'm going to kill myself someday. maybe soon
i don't want to live anymore. this isn't a joke or a phase
every night i lie awake thinking about how i'd end it
i want to be dead. simple as that
i wish i had the guts to kill myself
suicidal again. it's bad this time
i'm so suicidal rn and i can't calm down
i can't stop thinking about ending my life
part of me is ready to die and that part is getting bigger
suicide is on the table for me now, seriously
i want to stop living. not sleep. stop
i hate being alive so much that i want to end it
i don't want to see my next birthday
honestly i'm ready to kill myself
i want to die so badly it physically hurts
nothing is going to change so i might as well end it
i've had suicidal thoughts all week and they're getting specific
i'm going to end it. i don't know when yet
~ i wanna unalive myself fr
~ ngl i want to kms and im not joking this time
~ been thinking about the sewer slide a lot lately
~ seriously thinking about catching the bus
~ i want to delete myself. not my account. me
~ honestly ready for game end irl
~ the ctb thoughts are back and they're loud
~ kms thoughts all day today, it's not a meme for me
~ i want to self delete so bad
~ thinking about unaliving myself more and more
~ i'm so close to doing the sewer slide for real
i keep looking at my window and thinking about jumping
i want to die and i've been wanting it for weeks
the only thing stopping me from killing myself is my dog
i'm done. i want to die. i want out
i used to think about death, now i think about doing it
i keep thinking i should just kill myself and get it over with
i want to go to sleep forever. like actually die
i would kill myself if i wasn't such a coward
death feels like the only way to make this stop
i'm so tired of fighting the urge to kill myself
if i had a way to do it i would
i want to be with my grandpa again. he's dead and i want to be dead too
i want to end things and i'm done pretending i don't
having really bad thoughts about ending my life and idk what to do
every day i get closer to actually doing it
i want to die. please don't tell me it gets better
suicide sounds peaceful rn and that scares me
i don't want help, i want to die
the voice telling me to kill myself is winning
i'm suicidal and i have been for a while, i just never said it
my brain keeps telling me to end it and i'm starting to agree
i really want to die today
i want to kill myself so bad it's all i think about
i think about how i'd do it when i'm in the shower, every day
i wish i was dead and i want to make it happen

## plan_time_means high
i've been saving up {P} for a while now
i have a stash of {P} hidden in my closet, just in case
wrote letters to my family. they're in my desk drawer for after
i wrote my note already. just haven't decided when
been googling how many of {P} it would take
i keep looking up the height of {L}
i know exactly how i'd do it, i've thought it through
i have a plan. i just don't have a date
bought a rope and hid it under my bed
i've been researching painless ways to die
reading up on which meds are the most dangerous in overdose
i've picked the spot. it's quiet and nobody goes there
i've been checking the train times near my house and not for travel
figured out the code to my dad's gun safe. just so i know i can
i've been practicing what i'll write in my note
i keep a count of my meds. the number keeps growing
i've been sitting at {L} at night just to see what it feels like
i stopped taking my meds so i could save them up
asked my doctor for more sleeping pills. she doesn't know why i actually want them
searched how long it takes to die from it and then closed the tab
i already figured out who would find me
i gave myself a deadline. if nothing changes by summer i'm done
~ got everything i need for ctb, just waiting
~ been researching the best way to unalive, pls don't judge
i've been reading forums about methods
wrote my will at 19. not for normal reasons
i tested the rope to see if it would hold
i've got enough saved up now. i counted twice
i've been scoping out {L} on my walks home
i checked if my life insurance pays out for suicide
deleted my search history after looking up ways to die
i know where my mom keeps her prescriptions and i've been taking a few at a time
i have a plan and a backup plan, i just need the courage
i've been collecting {P} from every refill
i know which bridge and i know the time it's empty
i keep the bottle of {P} in my nightstand now, not in the bathroom
i've been getting rid of evidence of the plan so nobody stops me
looked up how long it would take for someone to find me

## plan_time_means imminent
i'm doing it {T}. i have {P} ready
{T} is the night. i've made up my mind
i'm going to {L} {T} and i'm not coming back down
once everyone's asleep {T} i'm taking all {P}
{H} i'm going to do it
it's happening {D}. i've got everything ready
set a date. {D}. it feels calm now that it's decided
i have {P} in my hand and i'm counting them right now
my dad's gun is in the car and i know where the key is. {T}
the rope is up in the garage. i'm just sitting here
i'm parked near {L}. i've decided
wrote the note, set an alarm for 4am, it'll be done before anyone wakes up
this is the last night. the pills are lined up next to my bed
i'm going to walk into the lake {T}
i bought everything i need today. {T} it ends
my roommate leaves {D} and that's when i'm doing it
~ ctb {T}. everything's ready
~ unaliving myself {T}, sorry everyone
~ kms {T} for real this time, i have the stuff
~ game end {T}. i'm ready
~ catching the bus {T}, got my ticket sorted
i'm going to crash my car {T}, i already know which wall
i've got the blade and the bath is running
i'm taking everything in my medicine cabinet after this message
i'm on my way to {L} now
in an hour i'm going to end this
i've made my decision, i'm ending it {D}
everything is in place for {T}. don't try to stop me
i've locked the door and i have {P}. i'm done
i'm going to jump {T}. i already know where
filled my prescription one last time. doing it {T}
my family's away {D} so that's when
as soon as my shift ends {T} i'm going to do it
just bought {P} at the pharmacy, taking them all {T}
i'm killing myself {T}
i'm going to end my life {D}, it's decided

## act_in_progress imminent
i just took {P}. all of them
took a bunch of {P} like 20 minutes ago, starting to feel weird
i swallowed everything in the bottle. i'm not calling anyone
standing on {L} right now. it's really windy up here
i'm on the ledge. i just wanted someone to know
sitting on the edge of {L} with my legs hanging over
cut too deep and it won't stop bleeding
there's blood everywhere and i feel dizzy
i did it. i took them. i'm sorry
i'm at the bridge. cars keep driving past and nobody stops
the car's running in the closed garage
i drank a whole bottle of vodka and took my sleeping pills
it's done, i took everything. just wanted to say bye
i'm in the bathtub and i already started
i'm on the train tracks. i can hear it coming
i'm holding the gun right now
already took half the bottle, taking the rest after this
typing this from the roof of my apartment. i'm not scared anymore
i'm standing on the chair with the rope ready
took my whole prescription an hour ago and my heart is racing
i climbed over the balcony railing, i'm on the outside now
i overdosed. please don't call anyone
i just swallowed a bunch of pills and i think i regret it? what do i do
my vision is going blurry from the pills
made it to {L}. it's quiet up here
~ already took the stuff for ctb. bye
~ started the sewer slide, the pills are kicking in
walking into the water right now
i'm standing on the overpass looking down at the traffic
i did something stupid, took a lot of my meds, i can't feel my hands
i already did it. it's only a matter of time now
the bleeding won't stop this time
i'm standing in the middle of the road, waiting
locked myself in the bathroom with the razor and i've started
i took the pills and now i'm scared, i don't think i want to die anymore
my throat feels weird and i'm shaking from what i took
i can't stop throwing up after what i took, i'm so sorry

## farewell imminent
thanks for everything you all did for me. this is goodbye, i won't be around after {T}
i love you all. tell my cat i'm sorry. i'm going {T}
this is my last message. take care of each other
logging off for good {T}. it's been real
goodbye. i'm sorry for everything. by morning it'll be over
wanted to say bye before i go {T}. you guys were the best part
wiping my discord and socials {T}, after that i'm gone for good
i won't be online tomorrow. or ever. thank you for being my friends
if anyone finds this after {T}, it wasn't anyone's fault
last message from me. i've made peace with it
by the time you read this i'll be gone
i've said my goodbyes to everyone except you guys. so, goodbye
this server was my home. goodbye. i'm ending it {T}
when you see my sister tell her i loved her. i won't get the chance after {T}
signing off permanently {T}. don't come looking
sorry everyone. this is the last time you'll hear from me
~ ctb {T}. love yall, bye
~ game end for me {T}. thanks for all the good times
i gave my dog to my neighbour today. {T} i'm done
thank you for trying. it's not your fault. goodbye
my affairs are in order. goodbye everyone, i'm going {T}
you won't see me online again after {T}. i love you all
goodbye world. i'm finally going to rest
i'm sorry mom. i'm sorry everyone. i can't do it anymore. goodbye
so this is it. bye guys, for real this time
this is where i stop. thank you for the last few years
final goodbye. i hope you all have happy lives
it was nice knowing you all. really. see you never
when you don't hear from me {D}, you'll know why
i scheduled a message to my mom for {D}. by then i won't be here

## farewell high
gave away my guitar and my games this week. won't need them
i've been writing letters to everyone i care about
i just want to thank everyone here. you've meant a lot to me. that's all
making sure my cat goes to someone good. just in case
tying up loose ends. paying back what i owe everyone
i finally made a will. it felt right
you guys have been the best, i mean it. i won't forget you
sorry for everything i've ever done to any of you. truly
i need someone to take my plants. i won't be able to look after them much longer
cancelled all my subscriptions and told my boss i quit. feels final
i wanted to say goodbye properly this time
i think this is the last time i'll post here
i made a playlist for my funeral and wrote down who gets my stuff
if i'm not around anymore please remember me as a good person
gave my sister all my passwords in case something happens to me
i'm not going to be a problem for anyone much longer
i've said everything i needed to say to the people who matter. i'm at peace now
~ bye yall. the bus is coming for me soon
i want you guys to have my art. all of it
thank you for putting up with me for so long. i won't be a burden anymore
take care of yourselves. i mean it. i won't be able to anymore
please don't forget me ok. i won't be around to remind you
cleaned my room, returned everything i borrowed, paid my phone bill. everything's in order
giving my sketchbooks away, i'm not going to need them where i'm headed
i keep writing goodbye messages and deleting them
clearing out my room so nobody has to do it later
told my best friend which hoodie i want to be buried in. she thought i was joking

## farewell concern
selling all my stuff, i don't really care about any of it anymore
anyone want my old games? i don't play anything these days, nothing's fun
i don't know how much longer i'll be around here honestly
might disappear from discord for a while. or forever, we'll see
does anyone want my plants, i can't keep anything alive, including myself
thinking about leaving everything behind and just disappearing
i've been quietly unfollowing everyone. easier that way
feel like i should start saying my goodbyes but i don't even know why
if something ever happens to me my passwords are in the blue notebook
wanna give away my switch, it feels pointless to keep stuff
i've started giving my clothes to my little sister, she might as well have them now
i don't see the point in keeping my room nice anymore, i'm giving everything away

## self_harm high
i cut again last night
relapsed after 8 months. i feel disgusting
my arms are a mess and i keep wearing hoodies so nobody sees
i burned myself with a lighter again
the urge to cut is so strong today i can barely think
i keep picking at the cuts so they don't heal
hid the blades in my pencil case so my mom won't find them
started hurting myself again, please don't tell anyone
punched the wall until my knuckles split open, on purpose
i dig my nails into my wrists till they bleed, did it at lunch today
i wear long sleeves in summer now. you can guess why
broke a pencil sharpener to get the blade out
i made the cuts deeper this time
i've been starving myself as a punishment
i cut where nobody will ever see
i need to cut. i need to feel something
three months clean and i just threw it all away
~ sh'd again, sorry
~ relapsed on s/h after a really long time
~ the sh urges won't leave me alone today
bruised my own legs punching them again today
i bought new blades today
my cuts got infected and i can't tell anyone
i want to hurt myself so bad right now
i've been burning my skin with hot water on purpose
every time i mess up i hurt myself. it's a rule now
cleaned up the blood before my parents got home
i don't want to stop self harming, it's the only thing that helps
my teacher saw the marks and i lied and said it was my cat
relapsed twice this week
i keep a razor in my makeup bag for emergencies
it's been bad. i've been cutting every night
new scars on top of the old ones. great
the urge to relapse is so loud tonight
i carved words into my leg
i want to feel pain so i don't have to feel everything else
i self harmed again and i hate myself for it
i hurt myself after the fight with my parents
the scabs keep reopening because i keep doing it
i've been hitting myself with my belt when nobody's home
~ need to sh so bad rn

## self_harm imminent
i have the blade in my hand right now and i'm shaking
can someone talk to me, i'm about to cut and i don't want to
i think i need stitches, it won't stop bleeding and i'm home alone
locked in the bathroom with a razor rn
i'm about to relapse, the blade is right here
i just cut and there's so much blood, what do i do
i'm burning myself right now and i can't stop
holding the lighter to my arm, talk me out of it
sitting on the bathroom floor with the blades out. help
i cut a few minutes ago and it's soaking through the towel
~ sh rn, blade's out
i'm going to cut as soon as this call ends, everything's ready

## self_harm concern
i keep biting my hand when i get overwhelmed
when i panic i pull my hair out, like a lot of it
i pinch myself really hard to stay grounded, is that bad?
the thought of hurting myself crossed my mind today, didn't do anything
i snap my hair tie on my wrist when i'm stressed until it's red
i scratch my skin raw when i'm anxious without noticing
sometimes i slam my fists on the desk until they hurt
i've been thinking about sh again after a long time, not gonna do it
i keep digging my nails into my palms during class
when it gets too loud in my head i smack my forehead over and over
ice cold showers as punishment, is that self harm or am i overthinking
i miss self harming sometimes, which is weird to admit

## harm_to_others imminent
i'm going to stab {X} {T}. the knife's already in my bag
{X} gets home at 6. i'll be waiting with {W}
taking {W} to school tomorrow. they'll all see
i'm outside {X}'s house right now with {W}
i'm going to shoot up my workplace {D}
i've got {W} in my car and i'm driving to {X}'s place now
when {X} walks in {T}, it's over for him
i'm going to burn their house down {T} while they sleep
i'm going to kill {X} {T} and i don't care what happens after
got my dad's gun. {X} is going to pay {D}
i'm waiting for {X} in the parking lot with {W}
{X} will be dead by morning, i've made sure of it
i already put something in her drink. she has no idea
i'm gonna run him over when he leaves work {T}
i'm going to hurt the baby if she doesn't stop crying, i swear i'm about to
everyone who laughed at me will be sorry {D}. i have a list and {W}
~ gonna unalive {X} {T}, not even joking

## harm_to_others high
i'm going to make {X} suffer for what he did
i swear one day i'll kill {X}
i've been thinking about how i'd hurt {X} and i think i could actually do it
i know where {X} lives and i know his schedule
if {X} touches my sister again i'll put him in the ground
i keep fantasizing about poisoning {X} and it feels more real every day
i want to hurt {X} so bad, and i'm not joking like everyone thinks
i made a list of people at school who deserve what's coming
i've been looking up how to get a gun without a background check
i could end {X} and nobody would ever know
{X} is going to regret ever crossing me. i mean physically
i want to beat {X} until he stops moving
i'm going to find the guy who did this and make him pay in blood
i've started following {X} home to see where he goes
if {X} says one more word i'm going to break his neck, i'm serious
i want to set {X}'s car on fire and i know how
i hurt my little brother on purpose today and i liked it
i shook the baby when he wouldn't stop crying
i keep thinking about bringing {W} to school and i'm not sure i won't
~ ngl i want to unalive {X}, he deserves it
i'm going to hurt {X} the way he hurt me

## harm_to_others concern
i get these horrible thoughts about pushing people onto the tracks and i hate it
i keep imagining hurting my cat and it makes me sick, i'd never do it
intrusive thoughts about stabbing my family when i'm cutting vegetables, i'm terrified
what if i snap one day and hurt someone, i'm scared of myself
my ocd keeps showing me images of hurting my newborn
i'm so angry all the time i'm scared i'll hit someone
when i drive i get urges to swerve into other cars and it scares me
sometimes i get so mad at my kids i have to leave the room before i do something
i keep picturing strangling my partner when we fight and it freaks me out
i have rage episodes and i broke my roommate's door yesterday
these thoughts about hurting kids won't go away, i'd never act on them but i need help
i'm scared to hold my niece because of the thoughts i get
i want to scream at everyone, i feel like a bomb about to go off
i get urges to shove people when i'm in crowds and i don't understand why
i had a violent thought about my mom today and now i can't look at her

## abuse_danger imminent
he's trying to break down my door right now
my dad is drunk and has the knife out, i'm hiding under the bed
he locked me in the basement and i don't know when he's coming back
she's screaming that she'll kill me, i'm locked in the bathroom
someone's been following me for three blocks and it's getting dark
i think someone put something in my drink, i feel really weird and i can't find my friends
he took my phone and won't let me leave, using my tablet to type this
my stepdad just hit my mom and now he's coming upstairs
the guy from the game is outside my school right now, he said to come to his car
he keeps grabbing me by the throat every time i try to leave the room
he's got the gun out and says nobody's leaving
i'm hiding in my car, my husband is out looking for me and he's furious
{A} is at my door again and my mom's not home
he said if i tell anyone tonight he'll kill me and my sister
i'm bleeding from where he hit me and he's still in the house
someone's trying my door handle and i'm home alone
the man from discord says he's picking me up in an hour and i'm 13
my dad's waiting for me to get home with the belt, he texted me
i can't breathe right, he kicked me in the ribs, i'm hiding in the bathroom
i think he drugged me, i'm at his place and everything is spinning

## abuse_danger high
my dad hits me when he's drunk, which is most nights
my boyfriend says if i tell anyone about the bruises he'll hurt my dog
told the school nurse i fell down the stairs again. i didn't
my uncle makes me keep secrets and i don't like what he does
an adult from a server keeps asking me for pictures and says it's our secret, i'm 14
i'm not allowed to leave the house or have my own money
he reads all my messages and hits me if i talk to guys
my mom locks me in my room for days without food
last week during a fight she got her hands around my neck till i almost passed out
i think my coworker drugged me at the party, i woke up somewhere else
someone's been waiting outside my apartment every night this week
my ex keeps showing up wherever i am, he knows my whole schedule
my step-brother comes into my room at night and i can't tell anyone
i have bruises i keep covering with makeup and excuses
he said if i ever leave he'll find me and kill me
{A} threw me against the wall yesterday and said i deserved it
a guy i met online sent me a bus ticket and wants me to visit without telling my parents
{A} says he'll hurt my little brother if i tell
my coach keeps touching me and says it's part of training
i'm 15 and my boyfriend is 26, he says i can't tell my parents about him
i'm scared of my husband. he controls everything and hits me when i mess up
they took my passport and make me work without pay
every time i go home {A} finds a reason to hurt me
my girlfriend keeps putting something in my drinks to make me sleepy
he told the doctor i walked into a door and i went along with it
he deleted all my friends from my phone and says i only need him
i live with my aunt and she hits us with whatever she's holding
my older cousin touched me at the family reunion and everyone says i'm lying
someone keeps sending me pictures of my own house and i don't know who
{A} said next time i talk back he'll break my arm. he's done it before

## abuse_danger concern
my parents threw me out, i'm staying at a 24h mcdonalds till i figure it out
my parents scream at each other every night and throw stuff, i just hide in my room
there's no heat in our apartment and my mom's been gone for two days
my house isn't really safe but i don't have anywhere else to go
my roommate's boyfriend is scary and he's always here, i don't feel safe
my mom drinks a lot and forgets to feed my little sisters so i do it
i'm couch surfing and the guy whose couch it is keeps making comments about my body
{A}'s temper is getting worse and i'm scared of what he'll do one day
our landlord keeps letting himself in without asking and i don't feel safe here
living in my car for the third week now, it's fine i guess
my brother gets violent when he's angry and my parents just ignore it
a guy at work keeps staring at me and said he knows where i park
i'm scared to go home after school, the yelling never stops
my parents took my door off and go through my phone every night
someone i met online keeps asking where i live and what school i go to
my mom's new boyfriend gives me a bad feeling, he's always watching me
i'm staying with my ex because i can't afford anywhere else and he's been getting angry
there are drugs and fights at my house most weekends and i'm only 16

## third_party concern
{Ff} keeps saying she wants to disappear and i don't know what to say
{Fm} told me he's been hurting himself again
{Ff} posted a really dark poem on her story, should i be worried?
{Ff} said everyone would be better off without her, how do i respond
how do i support {Fn} who attempted last year and seems off lately
{Fm} keeps making jokes about dying and i'm starting to think they're not jokes
{Ff} has been skipping meals and wearing long sleeves all the time
{Ff} told me not to tell anyone that she thinks about suicide
i'm worried about {Fm}, he hasn't left his room in a week
{Ff} said she's a burden to everyone and i didn't know what to say
{Fn} said "i'm tired of living" in the group chat and everyone ignored it
my mom keeps saying she wishes she was dead when she's drinking
{Fn} self harms and made me promise not to tell, what do i do
~ someone in my server said they want to unalive, is that serious?
{Fm} texted me "what's the point of anything" and then went quiet
{Ff} has cuts on her arms and says it was the cat
my dad hasn't been the same since he lost his job, he keeps saying he's useless
{Ff} said if her parents split up she'd kill herself
{Fm}'s been talking about how peaceful death would be
~ {Fn} keeps making ctb jokes and i don't think they're jokes
i found {Ff}'s journal and it's full of stuff about wanting to die
{Fn} asked me if i'd come to their funeral. weird question right?
{Ff}'s dad hits her and she won't report it
{Ff} is in a really controlling relationship and i'm worried about her
{Fm} said he has thoughts of hurting his baby and he's scared, how do i help
{Ff} told me her stepdad comes into her room at night
my little brother said he wishes he was never born, he's 9
{Ff} relapsed and she's hiding it from everyone but me
{Ff} admitted she's been thinking about suicide, how do i talk to her without making it worse
{Fm} keeps saying he won't be around much longer and then laughs it off
my girlfriend said she wants to die during our fight last night
my coworker keeps talking about how nobody would miss her
a kid in my class told me their parents hit them and made me swear not to tell
{Ff} sent me a long message about how tired she is of everything
~ {Fm} keeps saying kms about everything and it's starting to feel real

## third_party high
@mods {Fn} just posted what looks like a suicide note in #vent
{Ff} gave me all her stuff today and told me to remember her
{Fm} told me he has a plan and picked a date but wouldn't say when
{Ff} has been stockpiling her meds, i saw the bag
{Fn} just messaged me "thank you for everything" and now won't reply
{Fn} said goodbye to everyone in the gc and left the server
{Ff} is cutting every day now and it's getting deeper
{Fm} said he's going to kill his dad and i think he means it
{Fm}'s search history is all about ways to die
{Ff} wrote letters to all of us and told us not to open them yet
{Fm} has been looking at his dad's guns a lot and talking about not being around

## third_party imminent
{Ff} just texted me that she took a bunch of pills, what do i do
{Ff} is on {L} and won't come down, i'm on the phone with her
{Fm} said he's doing it {T} and then turned his phone off
someone in vc just said they cut too deep and went silent
{Fn} is live streaming from a bridge right now
{Ff} just posted a goodbye that says tonight and i can't reach her
{Ff}'s boyfriend is hitting her right now, i can hear it through the call
{Ff} sent me a picture of pills in her hand and said bye
{Fm} just said he has a gun and he's going to use it {T}
my sister locked herself in the bathroom and isn't answering, she said she wanted to die earlier
{Fm} is drunk and says he's going to drive off the bridge, he just left
someone in my dms says they're standing on a roof right now, how do i help
{Fm} passed out after taking something and won't wake up
@mods urgent, a member just said they're killing themselves in an hour

## negation_not_negating concern
won't act on it, relax. but i'd be lying if i said i wanted to be here
i'm not suicidal or anything, i just don't care if i wake up
it's not like i'd do it, i just think about how nobody would care
don't worry i'm not going to hurt myself. probably. i just feel empty
no i'm fine, i just wish i could fall asleep and never wake up
not saying i want to die, just that i wouldn't fight it
i'm not not thinking about disappearing
i don't want to kill myself, i just want to stop existing for a while
it's not that i want to die, i just don't want to do life anymore
i'm not planning anything, i just don't see a future
never said i'd do it. i said i'm tired of being here. big difference right?
i'm okay, i'm okay. just sometimes i hope the car swerves
nobody can say i didn't try. i'm just done trying

## negation_not_negating high
i honestly don't know if i'll be safe tonight
not tonight at least. i'm still thinking about it though
i'm not NOT going to kill myself, if that makes sense
i never said i wasn't going to do it
i wouldn't say i don't want to die
i can't promise you i'll still be here next week
i'm not saying i'll do it today but the plan is there
it's not a joke anymore when i say i want to die
don't tell me i'm fine. i'm not fine, i want to be dead
no, i'm not okay, and no, i'm not going to stop thinking about ending it
i don't not want to cut, i just haven't yet today
not gonna lie and say i don't have pills saved
safe? not really. i keep thinking about it
it's not that i won't, it's that i haven't decided when
~ i'm not joking when i say kms anymore

## negation_not_negating imminent
not going to wait until the weekend anymore. it's tonight
i'm not going to be here tomorrow, and i'm not joking
no, i'm not okay. i've got {P} in front of me
don't call anyone. i'm not changing my mind about {T}
i'm not scared anymore. doing it {T}
i'm not kidding this time, the pills are in my hand

## negation_real none
don't worry i'm not suicidal, just stressed about exams
i'm not in any danger, just venting about my boss
i don't want to die lol i want a nap and a burrito
i'm safe, i promise, i just needed to rant for a sec
not gonna kill myself over a grade, relax
i'm not going anywhere, just turning my phone off for the weekend
no thoughts of self harm anymore, just sad today which is normal
i'm sad but i'm safe. there's a difference and i'm on the safe side
to be clear i'm not giving away my stuff for any dark reason, i'm moving
lol no, "i'm dead" meant i was laughing
i don't have any plans to hurt anyone, i was quoting a movie
i'm not thinking about suicide at all, i'm just grieving my grandma
not a goodbye post, i'm just taking a break from social media
i'm fine, it was a figure of speech
just to clarify i'm not in crisis, i'm writing a character for a story
my therapist asked if i had thoughts of hurting myself and i honestly said no, felt good
nope, no urges lately, just tired
i'd never actually hurt him, i'm just annoyed lol
no i didn't mean it like that, i was being sarcastic about the homework
i'm okay, not suicidal, just having a bad hair day lmao
for the record i'm not leaving forever, just going camping with no signal
nah i'm not depressed i'm just hungry
i'm not hurting myself, the bandage is from cooking
relax i'm not going to jump, i'm on the balcony watering plants
nobody's hurting me, the bruise is from soccer

## idiom none
calculus is going to put me in an early grave
i'm literally dying of laughter rn
my boss is gonna murder me if i'm late again
i could kill for a pizza right now
i'm dead tired, going to bed
that outfit is killer
we killed it at the show tonight!!
bro i'm deceased 💀
kill me now, this meeting is three hours long
i wanted to die of embarrassment, i waved at someone who was waving behind me
this heat is killing me
my plants died again, i'm a plant serial killer
i'm so done with this group project lmao
i'd rather die than go to that party
that test absolutely destroyed me
my wifi keeps dying every 5 minutes
i'm going to strangle my brother, he used all the hot water
~ i'm gonna kms if i have to hear this song one more time
my laptop's on its last legs
dead inside after that exam lol
killing time before my flight
i nearly died when she said that
my legs are dead after leg day
that joke was so bad i want to crawl into a hole
i'm drowning in emails today
i'm going to lose my mind if this code doesn't compile
ready to yeet myself into the sun over this essay lol
i'm dying to know what happens next
i'm done for, forgot my charger
over my dead body is he getting the last slice
my calves are screaming after that hike
i'm gonna murder this burger
my phone is at 3% and about to die on me
cut it out you two 😂
cut my hair today!!! bangs era
that dress is to die for
i'm so hungry i could die
this cold is kicking my butt
my cat looked at me like she wanted me dead lol
we're going to crush them in finals
i bombed the interview lol
my grandma's cooking could raise the dead
dead serious, best tacos in town
i'm going to kill this presentation tomorrow
kill the lights when you leave pls
ugh shoot me, i have a 7am lecture
the season finale ripped my heart out
bleeding money on this car repair
i'm hanging by a thread with this semester lol
just hang in there, almost friday
thinking about dying my hair silver, thoughts?
i'll die on this hill: pineapple belongs on pizza
this essay is slowly killing me inside lmao
my soul left my body when the teacher called my name
i'm literally going to explode if i eat one more bite
i'm a dead man walking, forgot our anniversary
killed two birds with one stone today, gym and groceries
the comedian absolutely murdered tonight
my battery's dead and so am i lol long day
tripped on stage in front of the whole school, i want to disappear lmao
my mom will literally end me if i dent the car
i'm so tired i could sleep for a hundred years lol
~ ok i'm going to go delete myself from this group chat after that typo
~ gotta catch the bus at 7 tomorrow, pray for me
~ missed the bus again smh, walking in the rain
this traffic is going to kill me
i'm gonna die if i don't get coffee in the next ten minutes
the suspense in this group chat is unbearable, just say it
my heart stopped when i saw the price
we slaughtered the pizza in like five minutes
this spreadsheet is torture

## gaming none
just got killed by a camper for the third time
we need to kill the boss before the timer runs out
i died to the first boss like 40 times lmao
let's go kill some zombies tonight in {G}
the suicide squad mission in {G} is so annoying
my character bled out because i had no bandages lol
i keep dying to fall damage in {G}
the grenade suicide strat in {G} actually works
who wants to squad up in {G} tonight at 9
headshot from across the map, he didn't even see me
i'm going to destroy you in smash tonight
he took the whole team out with one ult
i need a healer, i keep dying in every raid
ranked is killing me, lost 6 in a row
my sim drowned in the pool because i deleted the ladder 💀
permadeath run, my whole party is dead now
27 kills in {G}, new record
jump off the tower to skip the cutscene
we wiped on the final boss at 1%
i'm about to rage quit {G} for good
deleting {G} for real this time, this game is toxic
~ the game end screen bugged again and i lost my xp
gg ez kill
i sacrificed my last life to save the team lol
anyone have tips for not dying so much in {G}?
stabbed him in the back in {G} and took his loot
the final boss literally one-shot me
i'm dead weight on this team tonight sorry guys
my minecraft dog died in lava and i'm in mourning
respawn in 10 sec, cover me
which gun is best for close range in {G}
~ just unalived the entire enemy team lol
bro sniped me from spawn
i threw myself off the cliff to reset the run
we got massacred in the last round
the horde killed me right before extraction
hanging out in vc tonight if anyone wants to play {G}
my dnd character just died and i'm genuinely sad
killed the ender dragon finally!!!
~ catching the bus in gta is so broken lmao
i'm quitting {G} forever. see you next week when i reinstall
he poisoned my whole team in {G} with one potion
ff at 15 please, we're dead
we're all gonna die in this raid lmao
my rogue just got executed by the king in our campaign
the zombie bit me and now i have to amputate in game, wild

## media_fiction none
the episode where his mom dies destroyed me
just finished a book where the narrator plans her own death, heavy but beautiful
in {M} the hero has to kill his mentor and i'm not ok
true crime docs about poisoners are so creepy
that movie had a rooftop scene that made me so anxious
the villain's monologue about wanting to die was so well written
watched a documentary about suicide barriers on bridges, really interesting
news said a guy was stabbed downtown last night, stay safe everyone
my fic has a character who self harms, any tips to write it respectfully?
the ending of {M} where she jumps off the cliff... why
in the manga he sacrifices his life for the village and i'm sobbing
read an article about rising overdoses in my city, so sad
the podcast episode about the cult was wild
the killer in that slasher movie was so obvious
crying over a fictional dog's death again
in the story the girl leaves a note and runs away to join the circus
that show's portrayal of depression felt so real
my english class is reading romeo and juliet, the ending is so dramatic
the main character's funeral episode aired tonight, i'm wrecked
writing a horror story where the house kills everyone who enters
the new season has a domestic violence storyline and it's handled really well
just watched hamlet, to be or not to be man
the actor said he almost died doing that stunt
the documentary about the war made me cry
in the comic the hero gets kidnapped and locked in a basement
why do all my favourite characters die in season 3
the twist is that the narrator was dead the whole time
local news: the bridge is getting safety nets after a campaign by families
my screenplay opens with the protagonist standing on a ledge
the villain poisons the king's wine in chapter 12
the final arc of {M} is just everyone dying one by one
this game's story about grief hit me hard
that true crime podcast about a stalker made me check my locks
the vampire in my book wants to die but can't, so tragic
in the film the dad gets shot and i wasn't ready
the ending where he says goodbye to everyone before the final battle 😭
the character in {M} gives all her stuff away before leaving on her quest
the movie about a kid who's being abused and finally tells a teacher was so good
the school threat on the news turned out to be a hoax, thank god
in {M} the sister writes a goodbye letter and then the time skip happens

## song_description none
this song is about wanting to die but it's so catchy
the lyric "i don't wanna be alive" goes so hard in the chorus
that new track about self harm is actually really hopeful
my favourite song is about a guy saying goodbye before he leaves for war
anyone else obsessed with sad songs about dying young
this whole album is about the singer's suicide attempt and recovery
the music video has her standing on a rooftop, the visuals are insane
killing me softly is stuck in my head all day
that song "goodbye" makes me cry every time
lyrics like "i'm drowning in my thoughts" hit different
this band only writes songs about death and i love them
the rapper's verse about shooting his enemies is so aggressive lol
song recs for crying in the car? nothing too sad pls
the chorus is literally "cut me open" and it's a love song lmao
playing hurt on guitar tonight, the johnny cash version
the bass drop is so hard it killed me
emo playlist for the road trip, all songs about wanting to disappear
her new song about her abusive ex is so empowering
the outro where he says "this is my last goodbye" gives me chills
the song about the kid whose dad hits him always makes me tear up

## recovery_past none
{N} clean from self harm today 🎉
i tried to end my life when i was 17. i'm 25 now and so glad i'm here
used to think about dying every day. now it's maybe once a month and it passes
i remember sitting on that bridge years ago. today i walked across it with my kids
i survived an overdose in 2019 and i'm doing my masters now
used to hide blades in my pencil case. haven't owned one in years
it's been a year since my last attempt and i'm actually kind of happy
i was in a really abusive relationship. got out three years ago and i'm safe now
i used to write goodbye letters when i was at my worst. burned them all last year
my therapist got me through the worst of my suicidal phase
looking back i was so close to giving up in high school. glad i didn't
{N} since i last hurt myself, proud of me
used to believe my family would be better off without me. they told me how wrong i was
i used to relapse every few weeks, now it's been {N}
used to keep pills saved "just in case". handed them to my pharmacist to dispose of, felt huge
survived my dad's house. i'm 30 now and living my best life
5 years ago today i was in the hospital after my attempt. look at me now
i used to feel like a burden all the time, it's so much quieter in my head now
i was suicidal all through college. grad school has been way better
was homeless at 17, now i have my own tiny flat 🥹
i thought i'd never make it to 20. turned 30 last week
the urges used to be unbearable. now they're rare and i know what to do
two years ago i planned my own funeral. today i planned my wedding
i was groomed online as a kid and it took years to understand. therapy helped
i was on the roof of my school once, years ago. a teacher talked me down. visited her today to say thanks
{N} without cutting and i finally wore a t-shirt outside
my last relapse was forever ago and i'm not scared of it anymore
i used to be the person posting goodbye messages at 3am. doing so much better now
it's my 5 year alive-iversary today lol
past me would not believe i'm excited for the future
getting my scars covered with a sunflower tattoo next week 🌻
i used to hear voices telling me to hurt myself. meds fixed that, they're mostly gone
my ex used to hit me. took a while but i'm healing now
{N} sober and {N} without sh, double milestone
i'm grateful to the stranger who sat with me on that bench the night i almost gave up

## question_or_advice none
~ what does "unalive" mean? i see it on tiktok a lot
how do i help a friend who might be suicidal? asking in general
what's the crisis line number in the uk?
is it normal to have intrusive thoughts? my therapist said they're common
~ why do people say "sewer slide" instead of the real word?
what are the warning signs that someone might be thinking about suicide?
how do you write a safety plan? my counselor wants me to make one
what's the difference between self harm and a suicide attempt?
is there a way to report a post about self harm on discord?
what should i do if someone tells me they're being abused?
does anyone know good resources for domestic violence survivors?
is it true that asking someone about suicide doesn't put the idea in their head?
do crisis lines mind if you just want to talk?
~ what does kms mean, my little brother keeps saying it
for psych class: what helps people recover after a suicide attempt?
what's the best way to dispose of old medications safely?
can you take ibuprofen with antibiotics?
is it safe to take cold medicine with my usual meds?
what do you say to someone grieving a suicide loss?
how do i set up a code word with my friend in case she's ever in danger at home?
in general, should you tell an adult if a friend is self harming?
~ someone used "ctb" in a reply and i'm lost, is it a gaming thing?
any tips for staying safe when walking home alone at night?
what are the signs of grooming that parents should look for?
tips for a first therapy appointment?
how do i support my partner through depression without burning out?
why do people self harm? trying to understand it for a psych essay
what's a good grounding technique for panic attacks?
is it normal to feel numb after a breakup?
how do i check on a friend who's gone quiet without being pushy?
are there crisis lines that work over text in canada?
is it okay to post about losing my uncle to suicide in vent or is that against the rules?
how do i tell my parents i want to see a therapist?
what does it mean when someone says they're "not okay but safe"?
how do i become a crisis line volunteer?
what's the policy here on talking about self harm? don't want to break rules
how do mods decide when to escalate a vent post?
how do you know if a relationship is abusive? asking for a class discussion
what should go in a self-care kit?
~ what does "game end" mean in those sad edits?

## joking_farewell none
goodbye cruel world, i'm going to my in-laws for the weekend
this is my final message before i enter the math exam abyss
farewell friends, i'm going offline to finish my thesis. pray for me
i won't be online tomorrow, the internet guy is coming to install fiber
giving away my old controllers, upgrading to new ones
bye forever (until tuesday)
if i don't come back from ikea, tell my story
logging off for good... until i get bored in 20 min lol
this is goodbye. my mom took my phone for the week
my last words: should've studied
thank you all for everything, leaving this server because i made a new one for our book club, link below
deleting my twitter for my mental health, see you on discord
tell my plants i loved them, i'm on vacation for 2 weeks
it was nice knowing you, i'm about to try the ghost pepper challenge
see you never, monday meetings. i quit that job!
if i'm not back in an hour the cat has eaten me
anyone want my old textbooks? graduated finally!!
clearing out my closet, free hoodies to a good home
wrote my will: my switch goes to whoever carries me in ranked lol
goodbye everyone, moving to japan for a year and the time zone will be rough
saying goodbye to my old car today, 200k miles 😭
signing off forever... from this laptop, the new one just arrived
last message before my flight, see y'all in 14 hours
i'm done. going to bed. goodnight everyone
gonna disappear for a bit, exam season
this is my last night in this apartment, moving tomorrow!
thanks for everything guys, i'm stepping down as mod but i'll still be around
bye bye brain cells, starting my chemistry homework
pour one out for me, i'm going to my sister's wedding rehearsal
giving away my plants before i move across the country, dm me
this is the end of my streak, 400 days on duolingo gone. goodbye spanish
you won't hear from me tomorrow, phone-free day at my cousin's farm

## quote none
my dad just yelled "if you scratch my car you're dead" and walked off lol
teacher said "this test will kill you if you don't study", very motivating
my friend texted "i'm literally gonna die" because her crush liked her post
my grandma always says "i'll sleep when i'm dead"
my little brother screamed "i'll kill you" over mario kart
"what doesn't kill you makes you stronger" is such a cringe quote
the sign at the gym says "pain is weakness leaving the body" 💀
my coworker said "shoot me now" when the printer jammed
my mom said "you're going to be the death of me" when i dyed my hair
quote of the day: "the only way out is through"
my bf said "kill me" when he saw the wedding guest list lmao
the nurse said "you almost gave me a heart attack"
~ my sister said "i'm gonna unalive you" when i ate her fries lol
"live fast die young" is not a good life motto, kevin
"i'd rather die" - my cat when i try to put her in the carrier probably
my boss literally called this project "a suicide mission" lol
reading camus for philosophy class, the "one truly serious problem" line is so intense
my dad: "over my dead body are you getting a tattoo." me: gets tattoo
"i'm dead" - me every time i see this meme
my coach yelled "leave it all on the field, die out there" lol
my friend said "bury me in this dress" and i felt that
the writing tiktok said "kill your darlings" and i'm not ok
my roommate said "i'll murder whoever ate my yogurt" and i'm scared lol
the old man at the bus stop said "kids these days will be the death of society"
"see you on the other side" - my friend before her driving test

## support_offer none
if you're struggling tonight my dms are open, no judgment
you're not a burden, you're allowed to take up space here
please stay. we'd miss you so much
reminder that the crisis text line is there any time you need it
proud of everyone who got through this week, even if it was hard
i'm here if you need to talk, take your time
if someone tells you they want to die, take it seriously and stay with them
you matter more than you know. sending love 💙
anyone need a buddy to sit in vc while you do homework?
remember to eat and drink water today, you deserve care
if you ever feel like hurting yourself, try reaching out here first, we're around
it's okay to ask for help, it's not weakness
checking in on everyone, how are we holding up
you survived 100% of your worst days so far
if you're in danger right now please call emergency services
hey, noticed you've been quiet, just wanted to say hi and that i'm around
i'm not a professional but i'm a good listener, dm anytime
hugs to anyone who's feeling like a burden today, you aren't one
mod note: the vent channel is open 24/7, please use content warnings
if your friend is self harming, be gentle and don't force them to stop overnight
you don't have to earn rest
if you're thinking about suicide please talk to someone, even a stranger here
i know it feels endless right now but you've got people here
stay with us. tomorrow might surprise you
sending strength to everyone spending the holidays in an unsafe home, resources are pinned
if anyone needs a safe place to vent about family stuff, we're here
you're doing better than you think
i believe you and i'm really glad you told someone
whatever you're going through, you don't have to go through it alone tonight
drink some water, take your meds, text a friend. small steps count
the pinned message has hotline numbers for a bunch of countries
it's not dramatic to ask for help when you feel unsafe
no one here thinks you're a burden, promise
please don't give up, we're rooting for you
i'll sit in vc with anyone who can't sleep tonight

## everyday none
standing on the roof fixing the gutters, wish me luck lol
bought a rope for the climbing gym, finally starting bouldering
took two ibuprofen for this headache, hope it kicks in soon
picked up my prescription refill today, the pharmacy line was insane
counting my pills for the weekly organizer, very adult of me
cut my finger chopping onions, bled all over the cutting board lol
i'm at the bridge waiting for my friends, we're going kayaking
on top of the parking garage watching the fireworks 🎆
writing a letter to my future self for a class assignment
my grandma's giving away her furniture since she's moving into a smaller place
getting my affairs in order before the move: bills, lease, cat vet records
made a will after the baby was born, feels very grown up
when nobody's home tonight i'm blasting music and eating cake
tonight's the night... i'm finally asking her out
i have allergy pills in my bag if anyone needs one
bought a new knife set, these things are sharp
going to the shooting range with my dad this weekend
standing on the edge of the high dive, first time, i'm shaking 😬
blood test today, the needle made me dizzy
donated blood for the first time!
jumped out of a plane today!!! skydiving was insane
set a date: june 12th!!! we're getting married
got my flu shot, my arm is dead
finally ending my lease, moving out on the 30th
sold my car today, sad to see it go
walking home alone, anyone want to call while i walk?
cutting ties with a toxic group chat, feeling lighter already
saying goodbye to my old job today, excited for the new one
at the hospital for my sister's baby!! he's here
my doctor upped my meds and i'm feeling hopeful
i'm done with everything on my to-do list and it's 2pm. who am i
last day of school tomorrow, graduation!
the pills i take for adhd kill my appetite, anyone else?
hanging pictures in my new room, it finally feels like home
pulled an all-nighter, going to crash now
sharpened all my kitchen knives today, very satisfying
waiting on the platform, my train's delayed again
gave my old bike to my little cousin, she loves it
my dog bit me by accident while playing, it's just a scratch
my cat knocked my glass off the table and now there's glass everywhere
rooftop bar tonight with coworkers
going to bed early, tomorrow's a big day
everything's packed, leaving tonight for the road trip!
last cigarette ever, quitting tomorrow
deleted my old instagram, made a new private one
my grandpa passed last week, the funeral was really beautiful
burned myself on the oven again, why am i like this
scraped my knee skateboarding and it's bleeding a bit lol
the storm knocked our power out, candles and board games it is
at the top of the lighthouse, the view is unreal
stocking up on cold meds before flu season
took my meds, ate dinner, going for a walk. good day
my parents are out of town this weekend so i'm hosting game night
my roommate's out so i'm deep cleaning the whole bathroom {T}
our cat had surgery today, she's groggy but okay
i'm on the balcony with a coffee watching the sunrise
going to the cliffs {D} for sunset photos
i have the whole house to myself {D}, movie marathon time
wrote thank you notes to all my teachers before graduation
my hamster died this morning, i'm gonna miss the little guy
"""


# ----------------------------------------------------------------------------
# Generator
# ----------------------------------------------------------------------------
import json
import os
import random
import re
from collections import Counter, OrderedDict

SEED = 20240607
TARGET_TOTAL = 4000
LABEL_SHARE = OrderedDict([("none", 0.50), ("concern", 0.15), ("high", 0.25), ("imminent", 0.10)])
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "part_a.jsonl")

CATEGORY = {
    "passive_ideation": "passive_ideation",
    "explicit_ideation": "explicit_ideation",
    "plan_time_means": "plan_or_means",
    "act_in_progress": "plan_or_means",
    "farewell": "farewell",
    "self_harm": "self_harm",
    "harm_to_others": "harm_to_others",
    "abuse_danger": "abuse_danger",
    "third_party": "third_party",
    "negation_not_negating": "negation",
    "negation_real": "negation",
    "idiom": "idiom_false_positive",
    "gaming": "gaming_banter",
    "media_fiction": "media_fiction",
    "song_description": "media_fiction",
    "recovery_past": "recovery_past",
    "question_or_advice": "question_about_topic",
    "joking_farewell": "farewell_lookalike",
    "quote": "quote",
    "support_offer": "benign_support_talk",
    "everyday": "other",
}
LABELS = ("none", "concern", "high", "imminent")

SLOTS = {
    "T": ["tonight", "at 3am", "tonight after everyone's asleep", "in an hour", "at midnight",
          "tonight after my shift", "before sunrise", "this evening", "later tonight",
          "in a couple of hours", "at 2am"],
    "D": ["tomorrow", "on friday", "this weekend", "on saturday", "next week", "on my birthday",
          "sunday night", "after finals", "on the 15th", "monday morning", "tomorrow night"],
    "H": ["when nobody's home", "when my parents leave for the weekend", "once my roommate is at work",
          "when mom goes on her trip", "as soon as the house is empty", "when everyone's asleep tonight"],
    "P": ["my pills", "my meds", "the pills", "my sleeping pills", "my antidepressants",
          "my mom's pills", "the painkillers", "my prescription", "the tablets"],
    "L": ["the roof", "the bridge", "the parking garage", "the overpass", "the top of my building",
          "the cliffs", "the balcony", "the old water tower", "the roof of the school"],
    "Ff": ["my friend", "my best friend", "my roommate", "my sister", "my girlfriend", "a girl in my class",
           "my cousin", "my coworker", "a girl from our server", "my online friend", "my teammate"],
    "Fm": ["my friend", "my best friend", "my roommate", "my brother", "my boyfriend", "a guy in my class",
           "my cousin", "my coworker", "a guy from our server", "my online friend", "my teammate"],
    "Fn": ["my friend", "my best friend", "my roommate", "someone in our server", "my online friend",
           "a kid in my class", "my cousin", "one of my mutuals", "my teammate"],
    "X": ["my stepdad", "my boss", "my ex", "that guy from school", "my brother", "my neighbour",
          "my manager", "the guy who hurt my sister", "my dad", "my roommate's boyfriend"],
    "W": ["a knife", "my dad's gun", "a bat", "the kitchen knife", "a gun", "a hammer"],
    "G": ["valorant", "fortnite", "minecraft", "elden ring", "league", "apex", "cod", "overwatch",
          "dark souls", "rainbow six", "terraria", "the new zelda", "tarkov", "dbd"],
    "M": ["the show", "that anime", "the book", "the movie", "this series", "the manga", "the game",
          "the finale", "the last season"],
    "N": ["30 days", "six months", "a year", "two years", "100 days", "three years", "90 days",
          "one whole year", "200 days"],
    "A": ["my dad", "my stepdad", "my mom's boyfriend", "my uncle", "my older brother", "my husband"],
}

PRE_FILLERS = [
    "hey", "hi guys", "ok so", "sorry for the random message", "long day", "so um",
    "not sure if this is the right channel", "just got home from work", "been a weird week",
    "hope everyone's doing ok", "it's late and i can't sleep", "ok", "ugh", "hey everyone",
    "i had pizza for dinner", "school was whatever today", "my cat is asleep on my legs rn",
    "finally finished my shift", "anyway", "so", "quick update", "been lurking for a while",
    "it's raining again here", "just finished my homework",
]
POST_FILLERS = [
    "anyway how was everyone's day", "sorry for the wall of text", "idk", "whatever",
    "how are you all", "brb gonna make tea", "ignore me", "anyway", "what are you guys up to",
    "did anyone watch the game last night", "my cat says hi", "ok that's all", "sorry if this is the wrong channel",
    "thanks for reading", "anyway what's everyone doing this weekend", "gonna go feed my dog",
    "sorry for rambling", "my tea got cold lol", "gtg, mom's calling", "anyway", "ok bye",
]

EMOJI_RISK = ["😔", "😞", "💔", "😭", "🥲", "😶", "🫠", "😣", "🖤", "😢", "🙃", "..."]
EMOJI_NONE = ["😂", "💀", "🤣", "😭", "🙃", "🥲", "💙", "❤️", "😅", "🎉", "✨", "😤", "🥹", "🫡", "😩"]
LAUGH = ["lol", "lmao", "haha", "lmaooo", "😂"]
LAUGH_FAMILIES = {"idiom", "gaming", "quote", "joking_farewell", "everyday"}
OPENERS = ["ngl ", "tbh ", "honestly ", "lowkey ", "idk ", "guys ", "so ", "ok so ", "fr ", "yeah ", "man ", "ugh "]

ABBREV = [
    (r"\byou\b", ["u"]), (r"\byour\b", ["ur"]), (r"\bbecause\b", ["bc", "cuz"]),
    (r"\bright now\b", ["rn"]), (r"\babout\b", ["abt"]), (r"\bthough\b", ["tho"]),
    (r"\bgoing to\b", ["gonna"]), (r"\bwant to\b", ["wanna"]), (r"\bi don't know\b", ["idk"]),
    (r"\bpeople\b", ["ppl"]), (r"\bplease\b", ["pls", "plz"]), (r"\btonight\b", ["tn", "2nite", "tonite"]),
    (r"\bwith\b", ["w"]), (r"\breally\b", ["rly"]), (r"\bokay\b", ["ok", "k"]),
    (r"\bsomething\b", ["smth"]), (r"\beveryone\b", ["every1", "everybody"]),
    (r"\bbrother\b", ["bro"]), (r"\bbefore\b", ["b4"]), (r"\bthanks\b", ["thx", "ty"]),
]
STRETCH = ["so", "please", "bad", "done", "tired", "really", "hate", "sorry", "help", "no", "god"]
KEYB = {c: n for c, n in zip("qwertyuiopasdfghjklzxcvbnm",
        ["w", "qe", "wr", "et", "ry", "tu", "yi", "uo", "ip", "o", "s", "ad", "sf", "dg", "fh",
         "gj", "hk", "jl", "k", "x", "zc", "xv", "cb", "vn", "bm", "n"])}


def parse_seeds(text):
    seeds = []
    fam = lab = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("## "):
            fam, lab = line[3:].split()
            assert fam in CATEGORY, fam
            assert lab in LABELS, lab
            continue
        algo = line.startswith("~")
        if algo:
            line = line[1:].strip()
        seeds.append({"text": line, "label": lab, "family": fam,
                      "category": "obfuscated" if algo else CATEGORY[fam]})
    return seeds


def fill(text, rng):
    return re.sub(r"\{(\w+)\}", lambda m: rng.choice(SLOTS[m.group(1)]), text)


def typo(word, rng):
    if len(word) < 4 or not word.isalpha():
        return word
    i = rng.randrange(1, len(word) - 1)
    op = rng.random()
    if op < 0.3:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if op < 0.55:
        return word[:i] + word[i + 1:]
    if op < 0.75:
        return word[:i] + word[i] + word[i:]
    c = word[i]
    if c in KEYB:
        return word[:i] + rng.choice(KEYB[c]) + word[i + 1:]
    return word


def add_typos(s, rng, n):
    toks = s.split(" ")
    idx = [k for k, t in enumerate(toks) if len(t) >= 4 and t.isalpha() and not t.startswith("<@")]
    rng.shuffle(idx)
    for k in idx[:n]:
        toks[k] = typo(toks[k], rng)
    return " ".join(toks)


def mention(rng):
    return "<@%d>" % rng.randrange(10 ** 17, 10 ** 18)


def texture(base, seed, rng, plain=False):
    s = base
    risky = seed["label"] != "none"
    fam = seed["family"]
    if plain:
        return s
    # abbreviations / slang
    if rng.random() < 0.45:
        for pat, reps in ABBREV:
            if re.search(pat, s) and rng.random() < 0.35:
                s = re.sub(pat, rng.choice(reps), s, count=1)
    # apostrophes
    r = rng.random()
    if r < 0.40:
        s = s.replace("'", "").replace("\u2019", "")
    elif r < 0.48:
        s = s.replace("'", "\u2019")
    # stretched letters
    if rng.random() < 0.10:
        for w in STRETCH:
            m = re.search(r"\b%s\b" % w, s)
            if m:
                s = s[:m.end()] + s[m.end() - 1] * rng.randint(1, 3) + s[m.end():]
                break
    # typos
    r = rng.random()
    if r < 0.22:
        s = add_typos(s, rng, 1)
    elif r < 0.28:
        s = add_typos(s, rng, 2)
    # punctuation
    r = rng.random()
    if r < 0.15:
        s = s.replace(". ", " ")
    elif r < 0.22:
        s = s.replace(". ", "... ")
    elif r < 0.27:
        s = s.replace(", ", " ")
    if rng.random() < 0.3:
        s = s.rstrip(".")
    elif rng.random() < 0.08 and not s.endswith(("?", "!")):
        s = s + rng.choice(["!!", "...", ".", "?"]) if not risky else s + rng.choice(["...", "."])
    # opener
    if rng.random() < 0.10 and not s.startswith(("@", "{")):
        s = rng.choice(OPENERS) + s
    # laughter on harmless chatty families only
    if not risky and fam in LAUGH_FAMILIES and rng.random() < 0.15 and not re.search(r"lol|lmao|😂|💀", s):
        s = s + " " + rng.choice(LAUGH)
    # emoji
    if rng.random() < 0.22:
        pool = EMOJI_RISK if risky else EMOJI_NONE
        e = rng.choice(pool)
        s = s + (" " if rng.random() < 0.8 else "") + e * (1 if rng.random() < 0.7 else 2)
    # casing
    r = rng.random()
    if r < 0.12:
        s = s[:1].upper() + s[1:]
        s = re.sub(r"\bi\b", "I", s)
    elif r < 0.15:
        s = re.sub(r"(^|[.!?] )([a-z])", lambda m: m.group(1) + m.group(2).upper(), s)
    # wrapping between benign chat lines (label unchanged)
    r = rng.random()
    sep = lambda: rng.choice([" ", ". ", "\n", " ... ", ", "])
    if r < 0.10:
        s = rng.choice(PRE_FILLERS) + sep() + s
    elif r < 0.18:
        s = s + sep() + rng.choice(POST_FILLERS)
    elif r < 0.26:
        s = rng.choice(PRE_FILLERS) + sep() + s + sep() + rng.choice(POST_FILLERS)
    elif r < 0.29:
        a, b = rng.sample(PRE_FILLERS, 2)
        s = a + sep() + b + sep() + s + sep() + rng.choice(POST_FILLERS)
    # mention
    pm = 0.25 if fam in ("support_offer", "third_party") else 0.08
    if rng.random() < pm:
        s = (mention(rng) + " " + s) if rng.random() < 0.8 else (s + " " + mention(rng))
    s = re.sub(r"[ \t]+", " ", s).strip()
    s = s.replace(" ,", ",")
    return s


def variants(seed, rng, k):
    out = OrderedDict()
    base0 = fill(seed["text"], rng)
    out[base0] = True
    tries = 0
    while len(out) < k and tries < k * 6:
        tries += 1
        base = fill(seed["text"], rng)
        out[texture(base, seed, rng)] = True
    return list(out.keys())


def main():
    rng = random.Random(SEED)
    seeds = parse_seeds(SEEDS)
    texts = [s["text"] for s in seeds]
    assert len(texts) == len(set(texts)), "duplicate seeds"
    targets = OrderedDict((lab, int(round(TARGET_TOTAL * sh))) for lab, sh in LABEL_SHARE.items())
    by_label = OrderedDict((lab, [s for s in seeds if s["label"] == lab]) for lab in LABELS)
    used = OrderedDict()  # text -> record
    for lab, group in by_label.items():
        need = targets[lab]
        per = -(-need // len(group))
        pools = [variants(s, rng, per * 3 + 4) for s in group]
        order = list(range(len(group)))
        rng.shuffle(order)
        ptr = [0] * len(group)
        got = 0
        stalled = False
        while got < need and not stalled:
            stalled = True
            for gi in order:
                if got >= need:
                    break
                pool = pools[gi]
                while ptr[gi] < len(pool) and pool[ptr[gi]] in used:
                    ptr[gi] += 1
                if ptr[gi] >= len(pool):
                    continue
                t = pool[ptr[gi]]
                ptr[gi] += 1
                s = group[gi]
                used[t] = {"text": t, "label": s["label"], "category": s["category"], "family": s["family"]}
                got += 1
                stalled = False
    rows = list(used.values())
    rng.shuffle(rows)
    with open(OUT, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print("seeds:", len(seeds), "lines:", len(rows))
    print(Counter(r["label"] for r in rows))


if __name__ == "__main__":
    main()
