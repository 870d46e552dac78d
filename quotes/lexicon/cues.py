"""The reporting vocabulary: verbs and phrases that introduce what someone said.

Kept apart from the attribution logic so the lists can grow from data without
touching the sieve. Lemmas, lower case, as spaCy's English lemmatizer gives them.
"""
from __future__ import annotations

#: Verbs of saying, writing, posting and their near relatives (lemmas).
SPEECH_VERBS = frozenset("""
say tell add state declare voice articulate proclaim emphasize emphasise stress write tweet retweet post
report explain note argue insist claim continue conclude ask answer reply respond remark comment observe
announce acknowledge admit agree allege assert affirm describe warn urge suggest recall recount reveal
disclose confirm deny mention predict promise vow pledge boast brag complain lament joke quip shout scream
yell cry exclaim whisper mutter murmur sigh laugh snap retort counter concede confess contend maintain
reiterate repeat echo chime interject interrupt testify thank praise criticize criticise slam blast accuse
charge decry denounce condemn hail welcome caution advise demand recommend propose summarize summarise
elaborate clarify specify indicate estimate speculate wonder muse reflect opine pronounce assure reassure
inform notify brief preach lecture rant blog email text message pen publish headline caption label dub term
brand nickname call quote cite mock tease taunt deride ridicule scoff sneer chide scold rebuke fume rage
thunder bellow roar growl grumble gripe moan groan plead beg implore appeal challenge question inquire enquire
press object protest disagree reject dismiss refute rebut recognize recognise applaud cheer celebrate
congratulate compliment commend laud extol gush rave enthuse marvel exult crow gloat read begin start finish
open close put offer share signal hint concur vent fret worry posit theorize theorise surmise calculate
forecast project guess figure reckon think believe feel hope fear expect characterize characterise portray
frame depict refer christen identify bemoan bark snarl sputter gasp hiss intone chant sing recite pray
scribble lash rail blame fault hit chastise berate lambaste excoriate mourn regret apologize apologise grouse
carp bristle needle rip knock pan tout trumpet plug pitch sell reason stipulate correct advocate beam smile
grin ponder imagine remember react jeer imply utter confide crack boom
""".split())

#: Verbs of finding and knowing: the subject holds the clause they take ("a judge determined that …").
FRAME_VERBS = frozenset("find determine conclude assume decide rule show know realize realise understand suspect "
                        "discover learn judge deem".split())

#: Verb + particle pairs that report speech: "went on", "pointed out", "fired back".
PHRASAL_CUES = frozenset([("go", "on"), ("point", "out"), ("fire", "back"), ("shoot", "back"), ("hit", "back"),
                          ("chime", "in"), ("weigh", "in"), ("speak", "out"), ("spell", "out"), ("lay", "out"),
                          ("cry", "out"), ("call", "out"), ("push", "back"), ("sound", "off"), ("write", "back"),
                          ("cut", "in"), ("break", "in"), ("snap", "back"), ("hit", "out")])

#: Cue verbs that need a speech complement to count (they are ordinary verbs otherwise).
WEAK_VERBS = frozenset("read begin start finish open close put offer share think believe feel hope fear expect "
                       "refer identify call press challenge question figure guess project remember crack boom".split())

#: Nouns that name a stated message: "his statement", "in a tweet", "the report".
SPEECH_NOUNS = frozenset("""
statement remark remarks comment comments words tweet post message note letter email memo speech address
slogan motto chant caption headline quote transcript
interview release report announcement testimony declaration response reply answer claim op-ed column essay
editorial blog video
""".split())

#: Nouns whose possessor is the one who said what they hold: "Obama's 'if you like your plan' promise".
STATEMENT_NOUNS = SPEECH_NOUNS | frozenset("""
promise pledge vow proposal warning suggestion description call plea demand charge accusation assertion
insistence admission boast threat dictum mantra phrase term rejection dismissal assessment prediction
characterization characterisation question conclusion contention argument allegation complaint explanation
observation finding
""".split())

#: Nouns whose clause is a view someone holds, not a clause of its own: "the view that …".
IDEA_NOUNS = frozenset("view notion idea belief theory".split())

#: Phrases whose object is the source: "according to X", "in the words of X".
SOURCE_PREPOSITIONS = (("according", "to"), ("in", "the", "words", "of"), ("as", "quoted", "by"), ("per",))



def _inflections(lemma: str) -> set[str]:
    """Regular English forms of a verb: enough to spot one the tagger called a noun."""
    forms = {lemma, lemma + "s", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(lemma + "es")
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if lemma.endswith("e"):
        forms.add(lemma[:-1] + "ing")
    return forms


IRREGULAR = {"said", "says", "told", "tells", "wrote", "writes", "spoke", "speaks", "read", "reads", "put", "puts",
             "went", "goes", "began", "begins", "thought", "felt", "sang", "shot", "hit", "cried"}
#: Surface forms of the strong speech verbs, for cues the tagger mislabels ("the ad states").
SPEECH_FORMS = frozenset(set().union(*(_inflections(v) for v in SPEECH_VERBS - WEAK_VERBS)) | IRREGULAR)
