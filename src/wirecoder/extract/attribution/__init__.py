"""Attribution: who said (thought, showed, wanted) what, to whom — the `quotes` stage (version 2).

Modules: `marks` finds quoted stretches, `lexicon` holds the cue words, `syntax` reads cue frames
off the dependency parse, `speakers` resolves speakers and addressees through the actors stage,
`finder` assembles Quote records and `stage` registers the stage.
"""

from __future__ import annotations

from .finder import find_quotes
from .marks import QuoteRun, paragraph_bounds, quote_runs

__all__ = ["QuoteRun", "find_quotes", "paragraph_bounds", "quote_runs"]
