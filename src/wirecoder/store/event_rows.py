"""The event rows of a list of hits (`queries.event_row`), read lean (#26).

    for row in event_rows(store, store.event_hits(limit=100, country="USA")): ...

`wirecoder events` and the API's event pages built each row from its document's whole analysis
(`Store.analyses`: the text, the offset map, every quote, quantity, claim and span, each row
validated into a record), so a page of 100 events spread over a dozen documents rebuilt a dozen
documents. Here the hits' documents are read as the exports read them
(`export_read.lean_analyses`, with only the hit events and what they name), a bounded number
of hits at a time, so memory stays constant however many rows stream. The rows are the same
(tests/store/test_event_rows.py compares them with the whole-analysis rows on both backends).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from .export_read import lean_analyses
from .queries import event_row

HITS_PER_READ = 500  # hits whose documents are read together (their events only)


def event_rows(store: Any, hits: Iterable[tuple[str, str]],
               per_read: int = HITS_PER_READ) -> Iterator[dict[str, Any]]:
    """The row of each (document id, event id) hit, in the hits' order; an event or document
    no longer stored is passed over."""
    hits = iter(hits)
    while part := list(islice(hits, per_read)):
        doc_ids = list(dict.fromkeys(d for d, _ in part))
        wanted = {e for _, e in part}
        found = {}
        for ctx, _ in lean_analyses(store, doc_ids, wanted):
            for event in ctx.analysis.events:
                found[(ctx.document.id, event.id)] = (ctx, event)
        for hit in part:
            if (pair := found.get(hit)) is not None:
                yield event_row(*pair)
