"""Who speaks: the speaker noun phrase of a cue (its subject, a quote's inverted subject "said
Smith", a passive's agent, an adjacent name, a relative clause's antecedent), and whether a phrase
can be a speaker at all."""

from __future__ import annotations

from collections.abc import Callable

from ...lang.en import words
from .lexicon import (
    AGENT_NOUNS,
    EXPLETIVES,
)
from .tree import Token, agent_of, children_of, is_passive, subject_of

_BAD_SPEAKER_ENTS = {"DATE", "TIME", "CARDINAL", "MONEY", "QUANTITY", "ORDINAL", "PERCENT"}


RELATIVE = words("pronouns", kind="relative")


PERSONAL = words("pronouns", kind="personal", case=("subject", "both"), refers=("person", "group", "any")) | {"who"}

# Nouns that never say anything: media that depict, events that happen (lang/en/non_speakers.tsv).
NON_SPEAKERS = words("non_speakers")
MEDIA = words("non_speakers", kind="media")
# How a picture or recording names who made it: "released by", "a video by", "from", "credited to".
_MAKER_PREPS = {"by", "from"}
_MAKING_VERBS = {"release", "make", "post", "publish", "issue", "distribute", "share", "provide",
                 "take", "shoot", "film", "record", "produce", "credit", "obtain", "broadcast"}


def speaker_of(cue: Token, inside: Callable[[int], bool] | None = None) -> Token | None:
    """The source of a cue verb: its subject, the agent of a passive, the subject of the verb
    a participle hangs on ("..., saying"), the noun a relative clause describes ("who said").
    `inside(i)` tells tokens in quoted text, which cannot be the source."""
    inside = inside or (lambda i: False)
    verb = cue
    for _ in range(4):
        subj = subject_of(verb)
        if subj is None and verb.lemma_.lower() == "quote":
            subj = next(iter(children_of(verb, "nsubjpass")), None)  # "was quoted as saying"
        if subj is None and is_passive(verb):
            subj = agent_of(verb)
        if subj is not None and inside(subj.i):
            return _adjacent_subject(verb, inside)
        if subj is not None:
            if subj.lower_ in RELATIVE and verb.dep_ == "relcl":
                return subj  # "who said": the mention is the relative pronoun
            if subj.lower_ in RELATIVE:
                return None
            return subj
        inverted = _inverted_subject(verb, inside)
        if inverted is not None:
            return inverted
        if is_passive(verb):
            return None
        if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return None
        if verb.dep_ == "acomp" and verb.head is not verb:
            # "was able to tout", "were quick to condemn": the one the adjective describes
            subj = subject_of(verb.head)
            return subj if subj is not None and (subj.lower_ not in EXPLETIVES or relative_antecedent(
                subj) is not None) and not inside(subj.i) else None
        if verb.dep_ in ("advcl", "xcomp", "conj", "acl", "pcomp", "dep", "prep") \
                and verb.head is not verb:
            head = verb.head
            if verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and head.pos_ == "PROPN" \
                    and verb.doc[verb.i - 1].text == ",":
                return head  # "Mitt Romney, the nominee, tweeted:" parsed as a reduced relative
            if verb.dep_ == "xcomp":
                controller = next(iter(children_of(head, "dobj", "nsubjpass")), None)
                if controller is not None and controller.pos_ in ("PROPN", "NOUN", "PRON") \
                        and not inside(controller.i):
                    return controller  # "prompted X to say", "X was prompted to say"
            if head.pos_ in ("NOUN", "PROPN") and verb.dep_ == "acl":
                # "a statement saying ...": the statement's owner or the verb that issued it
                poss = next(iter(children_of(head, "poss")), None)
                if poss is not None:
                    return poss
                if head.dep_ in ("dobj", "pobj") and head.head.pos_ == "VERB":
                    verb = head.head if head.dep_ == "dobj" else head.head.head
                    continue
                # "a group backing Bush", "polls showing her ahead": the noun itself
                return head if verb.tag_ == "VBG" and agentive(head) and not inside(head.i) \
                    else None
            if verb.dep_ == "prep":
                head = head if head.pos_ in ("VERB", "AUX") else head.head
            verb = head
            continue
        break
    return _left_subject(cue, inside)


_NP_DEPS = {"appos", "conj", "compound", "flat", "amod", "poss", "pobj", "prep", "nummod",
            "npadvmod", "punct", "cc", "det", "case"}


def _left_subject(verb: Token, inside: Callable[[int], bool]) -> Token | None:
    """'Jay DiPietro, the club's president and general manager, suggested': a verb the parser
    left without a subject, right after a comma-closed noun phrase."""
    doc = verb.doc
    j = verb.i - 1
    while j >= 0 and (doc[j].pos_ == "ADV" or doc[j].text in ("''", '"', "”", "’")):
        j -= 1
    if j < 1 or doc[j].text != "," or doc[j].sent.start != verb.sent.start:
        return None
    tok = doc[j - 1]
    for _ in range(10):
        if tok.pos_ not in ("PROPN", "NOUN", "PRON", "NUM", "ADJ", "PUNCT", "ADP", "DET", "PART"):
            return None
        if tok.ent_type_ in ("PERSON", "ORG", "NORP") and tok.pos_ == "PROPN" and not inside(tok.i):
            break
        if tok.dep_ in _NP_DEPS and tok.head.i < verb.i and tok.head is not tok:
            tok = tok.head
            continue
        break
    return tok if tok.pos_ in ("PROPN", "NOUN", "PRON") and not inside(tok.i) else None


_AFTER_QUOTE = {",", "''", '"', "”", "’", "'", "—", "-", "–", ",''", ',"', ",”", ",’"}


_INVERTING = words("speech_verbs", inverts="yes")


def _inverted_subject(verb: Token, inside: Callable[[int], bool]) -> Token | None:
    """'"...," said Geoff Garin': the name after a cue verb that follows a quote, however the
    parser attached it."""
    if verb.lemma_.lower() not in _INVERTING or verb.i == 0:
        return None
    if verb.doc[verb.i - 1].text not in _AFTER_QUOTE and not inside(verb.i - 1):
        return None
    doc = verb.doc
    for j in range(verb.i + 1, min(len(doc), verb.i + 8)):
        tok = doc[j]
        if inside(j) or tok.is_punct:
            return None
        if tok.pos_ in ("DET", "ADJ", "NUM") or tok.dep_ in ("compound", "amod", "poss", "case"):
            continue
        if tok.pos_ in ("PROPN", "NOUN"):
            while j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN" and doc[j].pos_ == "PROPN":
                j += 1  # on to the last word of the name
            return doc[j]
        return None
    return None


def agentive(noun: Token) -> bool:
    """A noun that can hold or show a view itself: a named person or body, a group of people,
    a poll or study ("a group backing Bush", "polls showing her ahead") -- not a message, whose
    author is the source ("tweets criticizing Machado")."""
    lemma = noun.lemma_.lower()
    return noun.ent_type_ in ("PERSON", "ORG", "NORP") or lemma in AGENT_NOUNS or (
        noun.pos_ == "NOUN" and lemma.endswith(_PERSON_SUFFIXES) and len(lemma) > 5)


# Endings of nouns for people who act or hold views: "pastors backing Cruz", "donors
# supporting Bush", "activists opposing the pipeline".
_PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent")


def _adjacent_subject(verb: Token, inside: Callable[[int], bool]) -> Token | None:
    """'"... Ohio,'' Mr. Trump said': the parser took a word of the quote for the subject; the
    speaker is the name between the quote and the verb (or just after the verb)."""
    doc = verb.doc
    j = verb.i - 1
    while j >= 0 and not inside(j) and verb.i - j <= 6:
        tok = doc[j]
        if tok.pos_ in ("PROPN", "NOUN", "PRON") and tok.dep_ not in ("compound", "poss"):
            return tok
        if tok.pos_ == "VERB":
            break
        j -= 1
    return _inverted_subject(verb, inside)


def relative_antecedent(tok: Token) -> Token | None:
    """'the union, which endorsed Clinton': 'which' -> 'union'."""
    if tok.lower_ in RELATIVE and tok.head.dep_ == "relcl":
        return tok.head.head
    return None


def non_speaker(tok: Token | None) -> bool:
    """A subject that says nothing: a picture or footage (it shows what it depicts), a fight or
    a raid (it shows what the narrator draws from it); through "which" too. A named person or
    organisation is never one ("Video", a company)."""
    if tok is None:
        return False
    tok = relative_antecedent(tok) or tok
    return tok.lemma_.lower() in NON_SPEAKERS and tok.ent_type_ not in ("PERSON", "ORG", "NORP") \
        and tok.pos_ in ("NOUN", "PROPN")


def instead_of_non_speaker(subject: Token, content: list[Token]) -> tuple[bool, Token | None]:
    """(whether the attribution stands, its source) for a cue whose subject says nothing. An
    event ("the fight showed that ...") is no attribution: the narrator infers. A picture or a
    recording speaks for whoever made it when the text names them ("released by the Ministry of
    Defense", "a web video by the RNC", "footage of Clinton asking"); unnamed, a clause it shows
    is evidence as a poll's is ("video shows that he had his hands up": the video is the source,
    as PolNeAR marks it), and a scene it depicts ("footage shows a group crossing the river",
    "a picture shows two suspects being presented") is kept without a speaker."""
    noun = relative_antecedent(subject) or subject
    if noun.lemma_.lower() not in MEDIA:
        return False, None
    maker = _maker_of(noun)
    if maker is not None:
        return True, maker
    stated = [h for h in content if h.dep_ == "ccomp" and h.tag_ in ("VBD", "VBZ", "VBP", "MD")
              and not any(c.tag_ in ("WRB", "WP") for c in h.children)]
    return True, subject if stated and len(stated) == len(content) else None


def _maker_of(noun: Token) -> Token | None:
    """Who made or released a picture or recording, when the phrase names them: the agent of
    a verb of making ("released by the army", "credited to Reuters"), else a possessor or a
    "by"/"from"/"of" object that can act ("the agency's video", "a video by the RNC", "footage
    of Clinton asking"; not "a video from the scene")."""
    made, named = [], []
    for c in noun.children:
        if c.dep_ == "poss":
            named.append(c)
        elif c.dep_ == "prep" and c.lower_ in (*_MAKER_PREPS, "of"):
            named += [g for g in c.children if g.dep_ == "pobj" and (
                c.lower_ != "of" or g.ent_type_ in ("PERSON", "ORG"))]
        elif c.dep_ == "acl" and c.lemma_.lower() in _MAKING_VERBS:
            for g in c.children:
                if g.dep_ == "agent" or g.dep_ == "prep" and g.lower_ in ("by", "to"):
                    made += [o for o in g.children if o.dep_ == "pobj"]
    return next((m for m in made if good_speaker(m)), None) or next(
        (m for m in named if agentive(m) or m.ent_type_ == "GPE"), None)


def good_speaker(tok: Token | None) -> bool:
    if tok is None or non_speaker(tok):
        return False
    ante = relative_antecedent(tok)
    if ante is not None:
        return good_speaker(ante)
    if tok.dep_ == "nsubj" and _share_of_people(tok):
        return True  # a poll's "43 percent said", "about three-quarters support"
    if tok.ent_type_ in _BAD_SPEAKER_ENTS and not _of_object(tok):
        return False
    if tok.like_num or tok.pos_ in ("NUM", "PUNCT", "SPACE", "ADV", "SCONJ", "CCONJ", "ADP"):
        return False
    return tok.lower_ not in EXPLETIVES or tok.lower_ == "it" and tok.dep_ != "expl"


_SHARES = {"percent", "%", "half", "third", "thirds", "quarter", "quarters", "fifth", "fifths"}


def _share_of_people(tok: Token) -> bool:
    """'43 percent', 'two-thirds', 'half': a share of those polled, as the subject of a cue."""
    low = tok.lower_
    return (low in _SHARES or low.rsplit("-", 1)[-1] in _SHARES) \
        and tok.ent_type_ in ("PERCENT", "CARDINAL", "")


def _of_object(tok: Token) -> Token | None:
    """'percent of voters', 'some of the delegates' -> the object of 'of'."""
    for c in tok.children:
        if c.dep_ == "prep" and (c.lower_ == "of" or c.lower_ == "in" and tok.like_num):
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def speaker_phrase(tok: Token) -> tuple[int, int]:
    """Token index range [a, b) of the speaker's core noun phrase: determiners, titles and
    name parts, not appositives or relative clauses ("Geoff Garin", "a senior official")."""
    doc = tok.doc
    if tok.ent_type_ and tok.ent_iob_ != "O":
        # the whole entity the head sits in
        a = tok.i
        while a > 0 and doc[a].ent_iob_ == "I":
            a -= 1
        b = tok.i + 1
        while b < len(doc) and doc[b].ent_iob_ == "I":
            b += 1
    else:
        a, b = tok.i, tok.i + 1
    for c in tok.children:
        if c.i < a and c.dep_ in ("det", "amod", "compound", "poss", "nummod", "nmod", "quantmod",
                                  "advmod", "npadvmod") and "\n" not in doc[c.left_edge.i:a].text:
            a = min(a, c.left_edge.i)
        if c.i >= b and c.dep_ in ("compound", "flat", "nmod") and c.i == b:
            b = c.right_edge.i + 1
    of = _of_object(tok)
    if of is not None and of.i - tok.i <= 3:
        b = max(b, of.i + 1)
    while a < tok.i and doc[a].is_punct:
        a += 1
    if b - a > 12:
        a = max(a, tok.i - 6)
        b = min(b, tok.i + 6)
    return a, b
