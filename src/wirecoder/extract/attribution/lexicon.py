"""Cue words of attribution: who said, thought, showed or wanted what.

PolNeAR-style attribution covers speech ("said", "told"), thought and attitude ("believes",
"hopes"), evidence ("polls show") and stance taken toward something ("endorsed", "criticized").
Each set says how the content is found from the cue (a clause, an infinitive, an object, a
prepositional object). Lemmas are spaCy lemmas.
"""

from __future__ import annotations

from ...lang.en import words

# Verbs that introduce direct quotes and reported clauses: "he said", "she told reporters that".
SPEECH = words("speech_verbs", quotes="yes")

# Verbs of thought, knowledge and feeling that take a clause: "she believes that".
COGNITION = words("thought_verbs")

# Non-human evidence that "shows" a clause: "polls show", "the data suggest".
EVIDENCE = frozenset({"show", "suggest", "indicate", "find", "reveal", "demonstrate", "prove",
                      "confirm", "predict", "project", "estimate", "conclude"})

# Polls and studies whose findings a clause reports: "In the poll, Clinton led by 5 points".
EVIDENCE_NOUNS = frozenset({"poll", "survey", "study", "analysis", "census", "tally", "count",
                            "projection", "forecast", "estimate", "audit", "review", "report",
                            "paper", "research", "investigation", "inquiry", "probe", "data",
                            "finding", "result", "figure", "number", "record", "document"})

# Raising verbs: the attribution has no stated source ("the returns seemed a reminder").
RAISING = frozenset({"seem", "appear"})
# Passives that report without a source: "he is expected to win", "she is said to have".
SOURCELESS_PASSIVE = frozenset({"expect", "say", "believe", "think", "report", "rumor",
                                "rumour", "consider", "see", "project", "predict", "know"})

# Verbs whose infinitive states the content: "vowed to wage war", "declined to comment".
INFINITIVE = frozenset({
    "vow", "promise", "pledge", "threaten", "decline", "refuse", "plan", "want", "hope",
    "intend", "decide", "agree", "offer", "seek", "urge", "ask", "order", "encourage", "expect",
    "wish", "aim", "push", "press", "prefer", "vote", "demand", "propose", "swear", "resolve",
    "call", "tell", "warn", "advise", "instruct", "invite", "challenge", "dare", "beg", "plead",
    "claim", "forbid", "commit",
})

# Verbs whose object is the content: "endorsed Clinton", "criticized the plan".
STANCE = frozenset({
    "endorse", "support", "oppose", "criticize", "criticise", "praise", "defend", "accuse",
    "blame", "attack", "reject", "dismiss", "denounce", "condemn", "back", "slam", "blast",
    "question", "cite", "describe", "discuss", "mention", "propose", "tout", "welcome", "applaud",
    "challenge", "dispute", "echo", "embrace", "champion", "decry", "mock", "ridicule", "hail",
    "highlight", "list", "portray", "deny", "announce", "favor", "favour", "promote", "thank",
    "lambaste", "chide", "scold", "rebuke", "fault", "knock", "bash", "lament", "predict",
    "acknowledge", "admit", "confirm", "reveal", "express", "voice", "raise", "recommend",
    "demand", "request", "suggest", "promise", "pledge", "vow", "rule", "urge", "disavow",
    "repudiate", "reaffirm", "reiterate", "stress", "emphasize", "emphasise", "outline",
    "insult", "disparage", "belittle", "label", "dub", "brand", "characterize", "call", "term",
    "compare", "liken", "contradict", "refute", "debunk", "retract", "concede", "want", "like",
    "dislike", "hate", "love", "admire", "respect", "trust", "distrust", "fear", "doubt",
    "prefer", "recall", "show", "find", "seek", "offer", "float", "pitch", "tweet", "report",
    "ask", "answer", "quote", "explain", "detail", "claim", "allege", "argue",
})

# Stance verbs that judge whoever or whatever is their object, so that even a pronoun object is
# the content: "endorsed him", "opposed it", "a plan which Clinton supports".
EVALUATIVE = frozenset({
    "endorse", "support", "oppose", "criticize", "criticise", "praise", "defend", "blame",
    "attack", "reject", "denounce", "condemn", "back", "slam", "blast", "applaud", "welcome",
    "mock", "ridicule", "hail", "lambaste", "chide", "scold", "rebuke", "fault", "bash",
    "insult", "disparage", "belittle", "accuse", "champion", "embrace", "repudiate", "disavow",
    "admire", "distrust", "decry", "denigrate", "deride", "vilify", "castigate", "berate",
    "excoriate", "assail", "disown", "favor", "favour",
})

# Verbs that cast their object as something: "painted Trump as a Romney caricature".
CASTING = frozenset({"paint", "cast", "depict", "frame", "regard", "peg", "style", "bill",
                     "deride", "savage", "knock", "pitch", "sell", "portray", "characterize",
                     "characterise", "brand", "label", "hail", "tout", "dismiss", "mock",
                     "ridicule", "denounce", "view", "see"})

# Verbs of feeling whose object feels it: "the plan worries environmentalists".
PSYCH_VERBS = frozenset({"worry", "concern", "anger", "frustrate", "alarm", "trouble",
                         "bother", "please", "impress", "upset", "outrage", "infuriate",
                         "disappoint", "delight", "irritate", "annoy", "irk", "rankle",
                         "unsettle", "offend", "dismay", "disturb", "enrage",
                         "incense", "exasperate", "reassure", "satisfy", "appall", "appal"})

# Verb + preposition pairs whose object is the content: "called for", "talked about".
PREPOSITIONAL = {
    "talk": {"about", "of", "up"}, "speak": {"about", "of", "on", "out", "against"},
    "ask": {"about"}, "call": {"for", "on"}, "refer": {"to"}, "point": {"to", "out"},
    "warn": {"of", "about", "against"}, "complain": {"about", "of"}, "comment": {"on", "about"},
    "insist": {"on"}, "push": {"for"}, "argue": {"for", "against", "about"},
    "advocate": {"for"}, "boast": {"about", "of"}, "brag": {"about"}, "joke": {"about"},
    "worry": {"about"}, "care": {"about"}, "think": {"about", "of"}, "rail": {"against"},
    "lash": {"out"}, "weigh": {"in"}, "hint": {"at"}, "allude": {"to"}, "testify": {"about"},
    "write": {"about", "of"}, "tweet": {"about"}, "press": {"for"}, "agree": {"with", "on"},
    "disagree": {"with", "on"}, "object": {"to"}, "vote": {"for", "against"},
    "campaign": {"for", "against", "on"}, "fight": {"for", "against"}, "side": {"with"},
    "apologize": {"for"}, "blame": {"for", "on"}, "criticize": {"for"}, "praise": {"for"},
    "attack": {"for", "over"}, "accuse": {"of"}, "know": {"about", "of"}, "hear": {"about", "of"},
    "learn": {"about", "of"}, "dream": {"of", "about"}, "plead": {"for"}, "appeal": {"for", "to"},
    "reflect": {"on"}, "elaborate": {"on"}, "focus": {"on"}, "express": {"about"},
    "lament": {"about"}, "vow": {"to"}, "pledge": {"to"}, "respond": {"to"}, "react": {"to"},
    "concern": {"about", "over"}, "harp": {"on"}, "dwell": {"on"}, "seize": {"on"},
    "touch": {"on"}, "opine": {"on"}, "insinuate": {"about"}, "reply": {"to"}, "sound": {"off"},
}

# Answering a request is a (non-)statement even where "respond to" in general is not one:
# "the campaign did not respond to requests for comment".
ANSWERING = frozenset({"respond", "reply", "return", "answer"})
QUERIES = frozenset({"request", "message", "call", "email", "e-mail", "inquiry", "enquiry",
                     "query", "question", "questionnaire", "letter", "voicemail"})

# Adjectives of attitude, with the prepositions that introduce what the attitude is about:
# "critical of Trump", "worried about the deficit", "confident that", "eager to".
_ABOUT = frozenset({"about", "of", "over", "on"})
ATTITUDE_ADJECTIVES: dict[str, frozenset[str]] = {
    **dict.fromkeys(["critical", "supportive", "skeptical", "sceptical", "wary", "fond",
                     "proud", "dismissive", "contemptuous", "tolerant", "respectful",
                     "protective"], frozenset({"of"})),
    **dict.fromkeys(["worried", "concerned", "nervous", "anxious", "optimistic",
                     "pessimistic", "hopeful", "confident", "excited", "enthusiastic",
                     "passionate", "angry", "upset", "furious", "frustrated", "coy", "vocal",
                     "adamant", "candid", "open", "clear", "unclear", "unsure", "uncertain",
                     "sure", "certain", "silent", "quiet", "defensive", "bullish", "bearish",
                     "serious", "sanguine", "ambivalent", "cautious", "emphatic", "outspoken",
                     "happy", "unhappy", "pleased", "disappointed", "displeased", "annoyed",
                     "incensed", "outraged", "alarmed", "aware", "unaware", "afraid",
                     "fearful", "suspicious", "doubtful", "convinced", "eager", "willing",
                     "unwilling", "reluctant", "determined", "intent", "keen",
                     "loath", "hesitant", "insistent", "opposed"],
                    _ABOUT | {"with", "at", "by", "in", "to", "toward", "towards"}),
}

# Nouns for whoever holds a stance toward their object: "a staunch opponent of the death
# penalty", "early supporters of the bill".
HOLDER_NOUNS = frozenset({
    "supporter", "opponent", "critic", "advocate", "proponent", "champion", "backer", "fan",
    "admirer", "defender", "detractor", "skeptic", "sceptic", "cheerleader", "booster",
})
# Reactions a subject draws from a named source: "the plan drew criticism from Republicans".
REACTION_NOUNS = frozenset({
    "criticism", "praise", "support", "condemnation", "rebuke", "applause", "scorn",
    "ridicule", "fire", "flak", "endorsement", "endorsements", "attack", "attacks", "plaudits",
    "accolades", "censure", "derision",
})
RECEIVING_VERBS = frozenset({"draw", "receive", "win", "earn", "attract", "face", "get",
                             "garner", "gain", "collect", "prompt", "spark", "provoke",
                             "elicit", "trigger", "invite", "enjoy"})

# Nouns that name an attribution: "Trump's claim that", "support for", "concerns about".
NOUNS = frozenset({
    "claim", "statement", "assertion", "argument", "suggestion", "belief", "view", "fear",
    "hope", "concern", "warning", "promise", "pledge", "vow", "criticism", "attack", "support",
    "opposition", "endorsement", "call", "demand", "proposal", "plan", "decision",
    "announcement", "accusation", "charge", "allegation", "question", "comment", "remark",
    "prediction", "insistence", "refusal", "desire", "intention", "idea", "complaint", "threat",
    "doubt", "worry", "confidence", "praise", "skepticism", "scepticism", "opinion", "position",
    "stance", "contention", "admission", "denial", "insinuation", "suspicion", "assessment",
    "conclusion", "finding", "estimate", "assurance", "recommendation", "request", "appeal",
    "message", "rhetoric", "attitude", "sense", "feeling", "thought", "notion", "speculation",
    "explanation", "defense", "defence", "rejection", "refutation", "acknowledgment",
    "acknowledgement", "dismissal", "disdain", "contempt", "enthusiasm", "interest", "reaction",
    "response", "answer", "insult", "jab", "dig", "swipe", "rebuke", "condemnation", "denunciation",
    "objection", "reservation", "misgiving", "vision", "agenda", "tweet", "testimony", "mention",
})
# Nouns that report hearsay even with no source named: "allegations of fraud", "reports of the
# explosion". (Not "criticism" or "complaints": their source is mostly named nearby.)
HEARSAY_NOUNS = frozenset({"allegation", "accusation", "claim", "report", "rumor", "rumour",
                           "speculation", "suspicion"})
# Verbs of blame and praise whose passive reports a judgement with no judge named: "was accused
# of using $50 million", "have been blamed for introducing cholera". (Not "charge": mostly the
# legal charge, "has not been charged with any crime".)
JUDGING = frozenset({"accuse", "blame", "criticize", "criticise", "fault", "suspect",
                     "credit", "praise", "condemn", "denounce", "implicate", "cite"})
NOUN_PREPS = frozenset({"of", "for", "about", "on", "to", "against", "over", "toward", "towards",
                        "that", "with", "in"})
# Light verbs whose subject owns a cue noun: "Clinton expressed concern about".
LIGHT_VERBS = frozenset({"express", "voice", "make", "issue", "raise", "offer", "have", "share",
                         "give", "level", "deliver", "release", "repeat", "reiterate", "air",
                         "lodge", "file", "post", "send", "renew", "double", "stake", "take"})

# Cue lemmas that may introduce a direct quote when no better cue is in sight.
DIRECT_CUES = SPEECH | frozenset({
    "continue", "begin", "start", "go", "put", "read", "offer", "recall", "add", "conclude",
    "tell", "write", "shoot", "fire", "chime", "pipe", "cry", "groan", "laugh", "smile",
    "shrug", "nod", "sneer", "scoff", "declare", "reason", "think", "wonder", "believe", "feel",
    "want", "hope", "pray", "insist", "chuckle", "sing", "boom", "bellow", "roar", "thunder",
    "scrawl", "type", "tweet", "retweet", "post", "publish", "print", "headline", "quote",
    "summarize", "sum", "explain", "describe", "characterize", "joke", "tease",
})

# Heads of a speaker phrase that, unnamed, make an anonymous source: "a senior official".
ANONYMOUS_HEADS = frozenset({
    "official", "source", "aide", "adviser", "advisor", "person", "people", "insider",
    "diplomat", "officer", "staffer", "operative", "strategist", "associate", "confidant",
    "member", "someone", "individual", "employee", "lawmaker", "agent", "investigator",
    "spokesman", "spokeswoman", "spokesperson", "representative", "friend", "ally", "donor",
    "consultant", "executive", "attorney", "lawyer", "administrator", "analyst",
})
# Nouns of people, bodies and evidence that hold or show a view of their own ("a group backing
# Bush", "voters supporting Trump", "polls showing her ahead").
AGENT_NOUNS = ANONYMOUS_HEADS | frozenset({
    "group", "committee", "pac", "organization", "organisation", "coalition", "campaign",
    "party", "union", "association", "voter", "resident", "citizen", "american", "supporter",
    "opponent", "critic", "activist", "protester", "leader", "politician", "candidate",
    "senator", "governor", "republican", "democrat", "conservative", "liberal", "progressive",
    "expert", "economist", "scientist", "researcher", "poll", "survey", "study", "research",
    "report", "analysis", "data", "government", "administration", "agency", "court", "judge",
    "company", "firm", "business", "newspaper", "network", "outlet", "country", "nation",
})
# Words that name the speaker's position by office: kept after the canonical name.
EXPLETIVES = words("pronouns", placeholder="yes")

# Cue lemmas by content pattern, beyond the lists above: added where PolNeAR *train* shows the
# pattern is an attribution most of the time, excluded where it mostly is not.
# Selection rule: a (lemma, pattern) seen at least 3 times whose smoothed precision
# (hits + 1) / (n + 2) is >= 0.625 when every verb is allowed to be a cue.
# Second pass (session 3), by exchange rate on PolNeAR train at a precision target P = 0.851:
# an entry's cost is P * n - hits (the precision it spends), its gain the gold attributions no
# other prediction reaches. Entries earning more than about 1.8 gold per unit of cost were let in
# (vote for, embrace, answer, tweet, focus on, see that, comment, view, ...); entries earning
# less than about 1.6 were taken out (confront, drop, file, resist, trail by, raise from, and the
# nouns support, interest and appeal) so that the two together keep the precision.


def _table(spec: str) -> dict[str, frozenset[str]]:
    table: dict[str, frozenset[str]] = {}
    pattern = ""
    for line in spec.strip().splitlines():
        head, sep, rest = line.partition(": ")
        if sep and not line.startswith(" "):
            pattern, line = head.strip(), rest
        table[pattern] = table.get(pattern, frozenset()) | frozenset(line.split())
    return table


LEARNED: dict[str, frozenset[str]] = _table("""
ccomp: accept allow clarify convince discuss endorse hop imply oppose question raise rule
    want
dobj: activate adopt allow approve authorize beg block bolster cheer congratulate
    consider contrast declare decline deem expect ignore invoke issue learn note
    order post publish rebut recite recognize recount reference release remind renew
    repeat say see shape share signal sound stoke talk understand view vote
noun: ban critique embrace focus policy strategy vote work
prep:about: open say tell
prep:against: defend push
prep:as: cast characterize cite describe know portray quote see view
prep:at: balk
prep:behind: throw
prep:by: attack begin conclude mention stand
prep:for: ask blast congratulate hit hop support thank vouch
prep:from: ban hear
prep:in: believe
prep:on: double push
prep:to: attribute call challenge liken
prep:with: charge find show
xcomp: allow consider hop know lead like look permit persuade pressure require show
""")
# ("deny" + object was excluded by that rule but is kept: once the other frames are in place,
# its objects are gold attributions 16 times out of 20 on PolNeAR train.)
EXCLUDED: dict[str, frozenset[str]] = _table("""
ccomp: decide figure imagine prove remember
dobj: ask challenge contradict find like portray quote raise suggest
noun: announcement appeal charge interest position remark rhetoric support
parataxis: know
prep:about: care write
prep:against: speak
prep:for: argue press
prep:on: blame call campaign disagree reflect seize speak
prep:to: appeal react respond
xcomp: hope invite pledge press
""")
