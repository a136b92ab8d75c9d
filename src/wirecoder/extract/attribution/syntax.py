"""Dependency-tree helpers: cue frames (cue, content, source) and speaker noun phrases."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .lexicon import (
    AGENT_NOUNS,
    ATTITUDE_ADJECTIVES,
    COGNITION,
    EVIDENCE,
    EVIDENCE_NOUNS,
    EXPLETIVES,
    HEARSAY_NOUNS,
    HOLDER_NOUNS,
    JUDGING,
    LIGHT_VERBS,
    NOUN_PREPS,
    NOUNS,
    PSYCH_VERBS,
    RAISING,
    REACTION_NOUNS,
    RECEIVING_VERBS,
    SOURCELESS_PASSIVE,
    SPEECH,
    STANCE,
)
from .speaker_syntax import (
    PERSONAL,
    RELATIVE,
    agentive,
    good_speaker,
    instead_of_non_speaker,
    non_speaker,
    relative_antecedent,
    speaker_of,
)
from .tree import (
    EDGE_PUNCT,
    Range,
    Token,
    agent_of,
    children_of,
    is_passive,
    merge_ranges,
    runs_to_ranges,
    subject_of,
    subtree_range,
    token_end,
    trimmed_range,
)
from .verb_content import allowed, content_of_verb

# Verbs of perceiving whose subject may be an event or a time ("2016 saw the rise of ...").
_PERCEIVING = {"see", "witness", "find", "hear", "notice"}
# Verbs of making and putting out: their passive names a product, not a view ("was released").
_MAKING = frozenset({"write", "post", "tweet", "publish", "offer", "issue", "release", "file",
                     "text", "email", "blog", "print", "project", "estimate", "list"})


@dataclass
class Frame:
    """One attribution read off the parse: its cue, content ranges and source token."""

    cue: Token
    cue_range: Range
    content: list[Range]
    speaker: Token | None
    category: str  # speech | thought | evidence | stance | according | noun | raising
    sourceless: bool = False  # an attribution with no stated source ("is expected to")
    pattern: str = ""  # how the content hangs on the cue: ccomp, xcomp, dobj, prep:for, ...

    @property
    def start(self) -> int:
        return min(a for a, _ in self.content)

    @property
    def end(self) -> int:
        return max(b for _, b in self.content)


def frames(doc, inside_run) -> list[Frame]:
    """Every attribution frame of the parse whose cue lies outside quoted text."""
    found: list[Frame] = []
    for tok in doc:
        if inside_run(tok.i):
            continue
        low, lemma = tok.lower_, tok.lemma_.lower()
        frame = None
        if low == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            frame = _according(tok)
        elif low == "in" and tok.dep_ == "prep":
            frame = _in_evidence(tok, inside_run)
        elif tok.text == ":":
            frame = _line_label(tok, inside_run)
        elif tok.pos_ == "ADJ" and lemma in ATTITUDE_ADJECTIVES and tok.dep_ == "acomp":
            frame = _attitude(tok, lemma, inside_run)
        elif tok.pos_ == "VERB":
            frame = _verb_frame(tok, lemma, inside_run)
        elif tok.pos_ == "NOUN" and lemma in HOLDER_NOUNS:
            frame = _holder_noun(tok, inside_run)
        elif tok.pos_ == "NOUN" and lemma in REACTION_NOUNS and tok.dep_ == "dobj" \
                and tok.head.lemma_.lower() in RECEIVING_VERBS:
            frame = _reaction(tok, inside_run)
        elif tok.pos_ == "NOUN" and allowed(lemma, "noun", lemma in NOUNS):
            frame = _noun_frame(tok, lemma)
        elif low in ("reportedly", "allegedly", "purportedly") and tok.head.pos_ in ("VERB", "AUX") \
                and content_of_verb(tok.head, tok.head.lemma_.lower()) is None:
            frame = _hearsay(tok)  # not "reportedly told aides that": that one has a source
        if frame is not None and frame.content:
            found.append(frame)
    return found


def _verb_frame(tok: Token, lemma: str, inside: Callable[[int], bool]) -> Frame | None:
    passive = is_passive(tok)
    if passive and lemma in SOURCELESS_PASSIVE and allowed(lemma, "passive", True):
        subj = next(iter(children_of(tok, "nsubjpass")), None)
        comp = children_of(tok, "xcomp", "ccomp")
        if subj is not None and comp:
            ranges = [r for r in (subtree_range(subj), subtree_range(comp[0])) if r]
            return Frame(tok, (tok.idx, token_end(tok)), ranges, agent_of(tok), "raising",
                         sourceless=agent_of(tok) is None, pattern="passive")
    if lemma in RAISING:
        subj = subject_of(tok)
        comp = children_of(tok, "xcomp", "acomp", "attr", "oprd")
        if not comp:
            comp = [p for p in children_of(tok, "prep") if p.lower_ in ("like", "as")]
        if comp:
            ranges = [r for r in ((subtree_range(subj) if subj is not None and subj.lower_ not in
                                   EXPLETIVES else None), subtree_range(comp[0])) if r]
            # "Mr. Cruz seemed to mock ...": a person's seeming is his own stance; "the returns
            # seemed a reminder" has no source
            person = subj if subj is not None and (
                subj.ent_type_ in ("PERSON", "ORG", "NORP") or subj.lower_ in PERSONAL) else None
            return Frame(tok, (tok.idx, token_end(tok)), ranges, person, "raising",
                         sourceless=person is None, pattern="raising")
        return None
    if lemma in PSYCH_VERBS and not passive:
        felt = _experienced(tok, inside)
        if felt is not None:
            return felt
    got = content_of_verb(tok, lemma)
    if got is None and (passive or tok.dep_ == "acl" and tok.tag_ == "VBN"):
        by_agent = _passive_by_agent(tok, lemma, inside)
        if by_agent is not None:
            return by_agent
    if got is None:
        return _parenthetical(tok, lemma, inside)
    heads, category, pattern = got
    speaker = speaker_of(tok, inside)
    cut = {tok.i}
    if speaker is not None:
        # a speaker the cue hangs on ("a group backing Bush") leaves the cue's words to it
        own = {t.i for t in tok.subtree} if tok.i in {t.i for t in speaker.subtree} else set()
        cut.update(t.i for t in speaker.subtree if t.i not in own)
    ranges = []
    for h in heads:
        r = subtree_range(h, cut)
        if r:
            ranges.append(r)
    ranges = merge_ranges(ranges)
    cue_end = token_end(tok)
    for c in tok.children:  # "pointed out", "called for", "referring to"
        if c.dep_ in ("prt",) and c.i == tok.i + 1:
            cue_end = token_end(c)
    if non_speaker(speaker):  # "the fight showed", "footage shows": see instead_of_non_speaker
        stands, source = instead_of_non_speaker(speaker, heads)
        return Frame(tok, (tok.idx, cue_end), ranges, source, category, pattern=pattern) \
            if stands else None
    if not good_speaker(speaker):
        speaker = None
    if lemma in _PERCEIVING and _event_subject(tok):
        return None  # "the fight which saw Border Patrol return fire": an event, not a viewer
    if speaker is None and category == "stance" and passive and lemma in JUDGING \
            and allowed(lemma, "passive:sourceless", True):
        # "Mr. Quiros was accused of using $50 million": the judged and what they are judged
        # for, by a judge the text does not name
        subj = next(iter(children_of(tok, "nsubjpass")), None)
        if subj is not None and subj.pos_ != "PRON" and not inside(subj.i):
            judged = subtree_range(subj)
            if judged:
                return Frame(tok, (tok.idx, cue_end), merge_ranges([judged] + ranges), None, "stance",
                             sourceless=True, pattern="passive:sourceless")
    if speaker is None and category == "stance":
        return None
    return Frame(tok, (tok.idx, cue_end), ranges, speaker, category,
                 sourceless=passive and speaker is None, pattern=pattern)


def _event_subject(verb: Token) -> bool:
    """Whether the verb's subject is a relative pronoun standing for a thing that holds no view
    (an event, a time): "the fight which saw ..."."""
    subj = subject_of(verb)
    seer = relative_antecedent(subj) if subj is not None and subj.lower_ in ("which", "that") \
        else None
    return seer is not None and seer.pos_ == "NOUN" and not agentive(seer) \
        and seer.lemma_.lower() not in EVIDENCE_NOUNS


def _experienced(verb: Token, inside: Callable[[int], bool]) -> Frame | None:
    """'The plan worries environmentalists', 'his remarks angered the BBC': a verb of feeling
    whose object feels it; the object holds the view, the subject is what it is about."""
    obj = next(iter(children_of(verb, "dobj")), None)
    subj = subject_of(verb)
    if obj is None or subj is None or inside(obj.i) or inside(subj.i) or not agentive(obj) \
            or subj.pos_ == "PRON" and relative_antecedent(subj) is None:
        return None
    r = subtree_range(relative_antecedent(subj) or subj)
    if r is None:
        return None
    return Frame(verb, (verb.idx, token_end(verb)), [r], obj, "thought", pattern="psych")


def _passive_by_agent(tok: Token, lemma: str, inside: Callable[[int], bool]) -> Frame | None:
    """'The plan was endorsed by the union', 'a view echoed by every expert': a stance or speech
    verb in the passive whose agent is named; the content is the passive subject (or the noun a
    past participle describes), the source the agent."""
    agent = agent_of(tok)
    # only the hand-written lexicon: learned object cues ("released", "filed", "published by")
    # name the maker of a thing far more often than the holder of a view
    if agent is None or inside(agent.i) or lemma not in STANCE and lemma not in SPEECH \
            or lemma in _MAKING or not allowed(lemma, "dobj", True) \
            or not allowed(lemma, "passive:by", True):
        return None
    if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
        head, cut = tok.head, {t.i for t in tok.subtree}
    else:
        head = next(iter(children_of(tok, "nsubjpass")), None)
        cut = {tok.i} | {t.i for t in agent.subtree}
    if head is None or head.pos_ == "PRON" or inside(head.i):
        return None
    if not good_speaker(agent):
        return None
    tokens = [t for t in head.subtree if t.i not in cut]
    trimmed = trimmed_range(tokens)
    if trimmed is None:
        return None
    content = [trimmed]
    by = next(c for c in tok.children if c.dep_ == "agent")
    return Frame(tok, (tok.idx, token_end(by)), content, agent, "stance", pattern="passive:by")


def _parenthetical(tok: Token, lemma: str, inside: Callable[[int], bool]) -> Frame | None:
    """'After small increases, the budget office said, they will go up': a cue clause set into
    the reported clause (parsed as parataxis) reports the rest of the sentence."""
    if lemma not in SPEECH and lemma not in COGNITION or not allowed(lemma, "parataxis", True):
        return None
    clause, pattern = None, "parataxis"
    if tok.dep_ == "parataxis" and tok.head.pos_ in ("VERB", "AUX"):
        clause, cut = tok.head, {t.i for t in tok.subtree}
    elif _as_clause(tok) is not None:
        # "Turnout, as the clerk noted, was low": the clause "as" sets into another reports
        # that other clause
        clause, cut, pattern = _as_clause(tok), {t.i for t in tok.subtree}, "as-clause"
    else:
        para = [c for c in tok.children if c.dep_ == "parataxis" and subject_of(c) is not None]
        if para:
            clause, cut = para[0], set()
    if clause is None or inside(clause.i):
        return None
    speaker = speaker_of(tok, inside)
    if not good_speaker(speaker):
        return None
    tokens = [t for t in clause.subtree if t.i not in cut and not inside(t.i)]
    ranges = runs_to_ranges(tokens)
    if not ranges:
        return None
    category = "speech" if lemma in SPEECH else "thought"
    return Frame(tok, (tok.idx, token_end(tok)), ranges, speaker, category, pattern=pattern)


def _as_clause(tok: Token) -> Token | None:
    """The verb of the clause an "as X said" clause headed by `tok` is set into, if it is one:
    an adverbial clause with a subject and no object of its own, on that verb or (as the
    parser often has it) on that verb's subject."""
    if tok.dep_ != "advcl" or subject_of(tok) is None or children_of(tok, "dobj", "ccomp", "xcomp",
                                                                  "attr"):
        return None
    if not any(c.lower_ == "as" and c.dep_ in ("mark", "advmod", "prep") and c.i < tok.i
               for c in tok.children):
        return None
    head = tok.head
    if head.dep_ in ("nsubj", "nsubjpass"):
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") else None


def _hearsay(tok: Token) -> Frame | None:
    """'Trump reportedly told aides ...': a report with no stated source; the content is the
    clause the adverb modifies."""
    tokens = [t for t in tok.head.subtree if t.i != tok.i]
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    if len(tokens) < 3:
        return None
    return Frame(tok, (tok.idx, token_end(tok)), [(tokens[0].idx, token_end(tokens[-1]))], None,
                 "raising", sourceless=True, pattern="hearsay")


def _noun_frame(tok: Token, lemma: str) -> Frame | None:
    heads = children_of(tok, "acl", "ccomp", "relcl")
    heads = [h for h in heads if h.dep_ != "relcl" or any(
        c.lower_ == "that" and c.dep_ in ("mark",) for c in h.children)]
    heads = [h for h in heads if h.dep_ == "ccomp" or any(c.lower_ in ("to", "that") for c in h.children)]
    if not heads:
        for p in children_of(tok, "prep"):
            if p.lower_ in NOUN_PREPS:
                objs = children_of(p, "pobj", "pcomp")
                if objs:
                    heads = objs
                    break
    if not heads:
        return None
    speaker = next(iter(children_of(tok, "poss")), None)
    if speaker is None:
        for p in children_of(tok, "prep"):
            if p.lower_ in ("by", "from"):
                speaker = next(iter(children_of(p, "pobj")), None)
    if speaker is None and tok.dep_ == "dobj" and tok.head.lemma_.lower() in LIGHT_VERBS:
        speaker = speaker_of(tok.head)
    ranges = merge_ranges([r for r in (subtree_range(h) for h in heads) if r])
    if speaker is None and lemma in HEARSAY_NOUNS and allowed(lemma, "noun:sourceless", True):
        # "allegations of fraud": hearsay whose source the text does not name
        return Frame(tok, (tok.idx, token_end(tok)), ranges, None, "noun", sourceless=True,
                     pattern="noun:sourceless")
    if not good_speaker(speaker) or speaker.lower_ in ("its",):
        return None
    return Frame(tok, (tok.idx, token_end(tok)), ranges, speaker, "noun", pattern="noun")


def _in_evidence(tok: Token, inside: Callable[[int], bool]) -> Frame | None:
    """'In the poll, Clinton led Trump by 5 points': a poll or study named in a prepositional
    phrase is the source of the clause it modifies (unless that clause has a cue of its own:
    'in the survey, 45 percent said ...')."""
    obj = next(iter(children_of(tok, "pobj")), None)
    head = tok.head
    if obj is None or obj.lemma_.lower() not in EVIDENCE_NOUNS or inside(obj.i) \
            or head.pos_ not in ("VERB", "AUX") or subject_of(head) is None or tok.i > head.i:
        return None  # only a fronted phrase frames the clause; "leads in the polls" does not
    lemma = head.lemma_.lower()
    if lemma in SPEECH or lemma in COGNITION or lemma in EVIDENCE or lemma in RAISING:
        return None
    skip = {t.i for t in tok.subtree}
    tokens = [t for t in head.subtree if t.i not in skip and not inside(t.i)]
    ranges = runs_to_ranges(tokens)
    if not ranges:
        return None
    return Frame(tok, (tok.idx, token_end(tok)), ranges, obj, "evidence", pattern="prep:in")


def _attitude(adj: Token, lemma: str, inside: Callable[[int], bool]) -> Frame | None:
    """'Graham has been critical of Trump', 'aides were coy about whether ...', 'she is
    confident that ...': an adjective of attitude predicated of its holder; the content is
    what it takes (a prepositional object, a clause, an infinitive)."""
    verb = adj.head
    subj = subject_of(verb)
    if subj is None or inside(subj.i) or not good_speaker(subj):
        return None
    holder = relative_antecedent(subj) or subj
    if not (agentive(holder) or holder.lower_ in PERSONAL - {"who"}):
        return None  # "it is unclear whether", "the figure is certain to rise": no holder
    heads = children_of(adj, "ccomp", "xcomp") + children_of(verb, "ccomp")
    heads = [h for h in heads if h.i > adj.i]
    if not heads:
        for p in children_of(adj, "prep"):
            if p.lower_ in ATTITUDE_ADJECTIVES[lemma]:
                heads = children_of(p, "pobj", "pcomp")
                break
    if not heads:
        return None
    cut = {adj.i} | {t.i for t in subj.subtree}
    ranges = merge_ranges([r for r in (subtree_range(h, cut) for h in heads) if r])
    if not ranges:
        return None
    return Frame(adj, (adj.idx, token_end(adj)), ranges, subj, "thought", pattern="adj")


def _holder_noun(noun: Token, inside: Callable[[int], bool]) -> Frame | None:
    """'Kaine is a staunch opponent of the death penalty', 'early supporters of the bill': a
    noun naming who holds a stance toward its object; the holder is the subject of the copula
    or the noun phrase itself."""
    objs = [o for p in children_of(noun, "prep") if p.lower_ in ("of", "for")
            for o in children_of(p, "pobj", "pcomp")]
    if not objs or inside(objs[0].i):
        return None
    # only "X is/has been a supporter of Y": "supporters of the bill" names a group, and the
    # group is seldom reported as holding the view
    holder = subject_of(noun.head) if noun.dep_ == "attr" and noun.head.lemma_ == "be" else None
    if holder is None or inside(holder.i) or not good_speaker(holder):
        return None
    r = subtree_range(objs[0])
    if r is None:
        return None
    return Frame(noun, (noun.idx, token_end(noun)), [r], holder, "stance", pattern="holder")


def _reaction(noun: Token, inside: Callable[[int], bool]) -> Frame | None:
    """'The proposal drew criticism from Republicans', 'she won praise from both sides': the
    subject of the receiving verb is what the named source reacts to."""
    source = next((o for p in children_of(noun, "prep") if p.lower_ == "from"
                   for o in children_of(p, "pobj")), None)
    if source is None:
        source = next((o for p in children_of(noun.head, "prep") if p.lower_ == "from"
                       for o in children_of(p, "pobj")), None)
    subj = subject_of(noun.head)
    if source is None or subj is None or inside(source.i) or inside(subj.i) \
            or not good_speaker(source) or subj.lower_ in EXPLETIVES - RELATIVE:
        return None
    r = subtree_range(relative_antecedent(subj) or subj)
    if r is None:
        return None
    return Frame(noun, (noun.idx, token_end(noun)), [r], source, "stance", pattern="reaction")


def _line_label(colon: Token, inside: Callable[[int], bool]) -> Frame | None:
    """'Poll: Clinton and Trump in dead heat', 'TAPPER: Is that fair?': a line that opens with a
    short name of a person, body or poll and a colon attributes the rest of the line to it."""
    doc = colon.doc
    text = doc.text
    line_start = text.rfind("\n", 0, colon.idx) + 1
    label = [t for t in doc[max(0, colon.i - 7):colon.i] if t.idx >= line_start]
    if not label or text[line_start:label[0].idx].strip() or len(label) > 5:
        return None  # the label must open its line
    if any(t.pos_ in ("VERB", "AUX") or inside(t.i) or t.is_punct for t in label):
        return None  # "He added:", "Trump said:" are cue clauses the finder handles
    head = next((t for t in reversed(label) if t.pos_ in ("PROPN", "NOUN")), None)
    if head is None or not (head.ent_type_ in ("PERSON", "ORG", "NORP")
                            or head.lemma_.lower() in AGENT_NOUNS | EVIDENCE_NOUNS):
        return None
    line_end = text.find("\n", colon.idx)
    line_end = len(text) if line_end < 0 else line_end
    rest = text[token_end(colon):line_end]
    if any(ch in rest for ch in '"“”') or inside(min(colon.i + 1, len(doc) - 1)):
        return None  # quoted text after a label is the finder's
    if "@" in rest or "http" in rest or "www." in rest:
        return None  # "Twitter: @handle", "Email: ...": contact lines
    a = token_end(colon) + len(rest) - len(rest.lstrip())
    b = line_end - (len(rest) - len(rest.rstrip()))
    if b - a < 8:
        return None
    return Frame(colon, (colon.idx, token_end(colon)), [(a, b)], head, "speech", pattern="label")


def _according(tok: Token) -> Frame | None:
    to = tok.doc[tok.i + 1]
    obj = next(iter(children_of(to, "pobj")), None)
    if obj is None:
        return None
    sent = tok.sent
    phrase_end = obj.right_edge.i + 1
    before = [t for t in sent if t.i < tok.i and not t.is_space]
    after = [t for t in sent if t.i >= phrase_end and not t.is_space]
    words_before = [t for t in before if t.is_alpha]
    if len(words_before) >= 3:
        part = before
    else:
        part = after
    while part and (part[0].is_punct and part[0].text in EDGE_PUNCT):
        part = part[1:]
    while part and (part[-1].is_punct and part[-1].text in EDGE_PUNCT | {"."}):
        part = part[:-1]
    if not part:
        return None
    content = [(part[0].idx, token_end(part[-1]))]
    return Frame(tok, (tok.idx, token_end(to)), content, obj if good_speaker(obj) else None,
                 "according", pattern="according")


