"""The content of a cue verb: what a verb of saying, thinking or judging reports, read off the
parse. A reported clause ("said that ..."), an infinitive ("vowed to ..."), a prepositional
object ("complained about ..."), a short answer ("said yes") or the verb's object ("criticized
the law as 'a disaster'"), tried in that order; each cue is allowed its pattern by the lexicon.
"""

from __future__ import annotations

from .lexicon import (
    ANSWERING,
    CASTING,
    COGNITION,
    EVALUATIVE,
    EVIDENCE,
    EVIDENCE_NOUNS,
    EXCLUDED,
    INFINITIVE,
    LEARNED,
    PREPOSITIONAL,
    QUERIES,
    RAISING,
    SPEECH,
    STANCE,
)
from .speaker_syntax import RELATIVE, relative_antecedent
from .tree import Token, children_of, subject_of

Content = tuple[list[Token], str, str]  # (content head tokens, category, pattern)

# Verbs that call for something to happen: "called for X to do Y", "pushed for ...".
_CALLING_FOR = {"call", "push", "press", "argue", "advocate", "plead", "appeal", "clamor",
                "lobby", "campaign"}
# Verbs by which a study, film or book records something: "the research documented faster
# increases in temperatures".
_RECORDING = {"document", "chronicle", "detail", "record", "catalog", "catalogue", "describe",
              "examine", "explore", "trace", "highlight", "identify", "cite", "predict"}
# Prepositions whose phrase after a stance verb's object says something of it.
_PREDICATING = {"as", "for", "over", "of", "to", "with", "against", "about", "into", "from"}
# Words that open a reported clause rather than an adverbial one.
_REPORTING_MARKS = {"that", "whether", "if", "how", "why", "what", "who"}


def allowed(lemma: str, pattern: str, listed: bool) -> bool:
    """Whether `lemma` is a cue with its content in `pattern` (ccomp, xcomp, dobj, prep:about,
    noun): listed in the hand-written lexicon or learned, and not excluded."""
    if lemma in EXCLUDED.get(pattern, ()):
        return False
    return listed or lemma in LEARNED.get(pattern, ())


def content_of_verb(cue: Token, lemma: str) -> Content | None:
    """(content head tokens, category, pattern) for a cue verb, or None."""
    return (_clause_content(cue, lemma) or _prep_content(cue, lemma)
            or _answer_content(cue, lemma) or _object_content(cue, lemma))


def _clause_content(cue: Token, lemma: str) -> Content | None:
    """A reported clause or infinitive: "said (that) ...", "called for X to ...", "vowed to"."""
    clause = children_of(cue, "ccomp")
    if clause and allowed(lemma, "ccomp", lemma in SPEECH or lemma in COGNITION or lemma in EVIDENCE):
        category = "speech" if lemma in SPEECH else ("thought" if lemma in COGNITION else "evidence")
        return clause, category, "ccomp"
    if not clause and lemma in SPEECH and not children_of(cue, "dobj", "xcomp"):
        # "said after the convention he would not accept", "have not said when they would": a
        # reported clause the parser took for an adverbial one; a clause with a subject of its
        # own, right after the cue, that no conjunction of time or cause introduces
        late = [c for c in children_of(cue, "advcl") if c.i > cue.i and subject_of(c) is not None
                and not any(m.dep_ in ("mark", "advmod") and m.i < c.i
                            and m.lower_ not in _REPORTING_MARKS for m in c.children)]
        if late and allowed(lemma, "advcl", True):
            return late[:1], "speech", "advcl"
    if lemma in _CALLING_FOR:
        # "called for the United States to step up its efforts": the parser hangs the "for"
        # clause on the verb as an adverbial clause
        clause_for = [c for c in children_of(cue, "advcl") if c.i > cue.i and any(
            m.dep_ == "mark" and m.lower_ == "for" for m in c.children)]
        if clause_for:
            return clause_for[:1], "speech", "prep:for"
    xcomp = children_of(cue, "xcomp")
    if xcomp and any(t.lower_ == "to" for t in xcomp[0].children) \
            and allowed(lemma, "xcomp", lemma in INFINITIVE):
        return xcomp, "speech" if lemma in SPEECH else "thought", "xcomp"
    if xcomp and lemma in RAISING:
        return xcomp, "raising", "raising"
    return None


def _prep_content(cue: Token, lemma: str) -> Content | None:
    """A prepositional object: "complained about ...", "did not respond to requests"."""
    for p in cue.children:
        if p.dep_ not in ("prep", "prt"):
            continue
        pattern = "prep:" + p.lower_
        objs = children_of(p, "pobj")
        if lemma in ANSWERING and p.lower_ == "to" and objs and objs[0].lemma_.lower() in QUERIES:
            return objs, "speech", "prep:to-query"  # "did not respond to requests for comment"
        if not allowed(lemma, pattern, p.lower_ in PREPOSITIONAL.get(lemma, ())):
            continue
        objs = children_of(p, "pobj", "pcomp")
        if objs:
            return objs, "stance", pattern
        for q in p.children:
            if q.dep_ == "prep":
                objs = children_of(q, "pobj", "pcomp")
                if objs:
                    return objs, "stance", pattern
    return None


def _answer_content(cue: Token, lemma: str) -> Content | None:
    answer = _short_answer(cue) if lemma in SPEECH else []
    if answer:
        return answer + [p for p in children_of(cue, "prep") if p.i > answer[0].i
                         and p.lower_ in ("of", "for", "about")], "speech", "answer"
    return None


def _object_content(cue: Token, lemma: str) -> Content | None:
    """The verb's object, with what is said of it: "found 90 percent support", "painted Trump
    as ...", "what Wahl said", "criticized the law as 'a disaster'"."""
    dobj = children_of(cue, "dobj")
    subj = subject_of(cue)
    if dobj and (lemma in EVIDENCE or lemma in _RECORDING) and dobj[0].pos_ != "PRON" \
            and subj is not None and subj.lemma_.lower() in EVIDENCE_NOUNS | {"film", "book"}:
        # "a recent CNN survey found 90 percent support": a poll or study finds, shows or
        # suggests its object even where a person "finding" something is no attribution
        return dobj, "evidence", "dobj:evidence"
    if dobj and lemma in CASTING and any(
            p.lower_ == "as" and p.i > dobj[0].i for p in children_of(cue, "prep")):
        # "painted Trump as a Romney caricature", "derided the deal as toothless": verbs that
        # cast something as something characterize it
        return dobj + [p for p in children_of(cue, "prep") if p.i > dobj[0].i
                       and p.lower_ in _PREDICATING], "stance", "dobj:as"
    if dobj and dobj[0].lower_ == "what" and dobj[0].i < cue.i and lemma in SPEECH \
            and allowed(lemma, "dobj:what", True):
        # "that was what Wahl said", "what some call a refuge": the free relative stands for
        # the statement (not for a thought: "what you think" is mostly a question on PolNeAR)
        return dobj + children_of(cue, "oprd", "xcomp"), "speech", "dobj:what"
    if dobj and allowed(lemma, "dobj", lemma in STANCE):
        # what is said of the object belongs to the content: "criticized the law as 'a
        # disaster'", "blasted him for not paying taxes", "compared him to Obama"
        extra = children_of(cue, "oprd", "ccomp", "xcomp") + [
            p for p in children_of(cue, "prep") if p.i > dobj[0].i and p.lower_ in _PREDICATING]
        if dobj[0].pos_ != "PRON":
            return dobj + extra, "stance", "dobj"
        # an evaluative verb judges even a pronoun; any stance verb takes a relative pronoun,
        # which stands for the noun it describes ("the plan, which Clinton has touted")
        if (lemma in EVALUATIVE and dobj[0].lower_ not in ("there", "what")
                or dobj[0].lower_ in RELATIVE and relative_antecedent(dobj[0]) is not None) \
                and allowed(lemma, "dobj:pron", True):
            return dobj + extra, "stance", "dobj:pron"
        if children_of(cue, "oprd", "xcomp"):
            return dobj + children_of(cue, "oprd", "xcomp"), "stance", "dobj"
    return None


def _short_answer(cue: Token) -> list[Token]:
    """What stands in for a reported clause: "said yes", "said no", "said so", "said as
    much", "said the same of Sanders"."""
    for c in cue.children:
        if c.i <= cue.i:
            continue
        low = c.lower_
        if low in ("yes", "no") and c.dep_ in ("intj", "dobj", "advmod", "ccomp") \
                or low == "so" and c.dep_ == "advmod" and c.i == cue.i + 1 \
                or low == "same" and c.dep_ == "dobj" \
                or low == "much" and c.dep_ in ("dobj", "advmod") and c.doc[c.i - 1].lower_ == "as":
            return [c]
    return []


