"""/api/aggregates kept up to date by what each commit added, not counted again from scratch.

For each of a few filter sets the reader keeps the `Tally` of the events passing them and the
stamp (`stored_at`) of every document it counted. After a commit it reads the documents'
stamps (one scan of the index `ix_documents_id_stored_at`, migration 0008), counts only the
events of documents it has not counted, and adds their tally. A document recoded or deleted
since (a stamp changed or gone) cannot be taken away (its old rows are gone), so the filter's
tally is counted again from scratch then: ingest adds documents, and that is the common case.
The filters are checked first (W041), as for every other read.

Every filter is a condition on an event's own rows (its document's actors, places, times), so
a document's events pass or fail whatever else the store holds: the sum of the documents'
tallies is the tally of the whole store, identical to one counted in one go.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from ..store.repository import T_DOCS, T_EVENTS, Store
from ..store.sql import chunks
from .aggregates import DEFAULT_CUT, NetworkCut, Tally, load_events, tally

_KEEP = 8  # filter sets kept (the dashboard's unfiltered view and a few of the user's)
_CHUNK = 500  # documents whose events are read and counted at a time


@dataclass
class _State:
    stamps: dict[str, Any] = field(default_factory=dict)  # document id -> stored_at counted
    tally: Tally = field(default_factory=Tally)


class AggregateCache:
    """Per filter set: the tally of its events and the documents it counted (see the module)."""

    def __init__(self, store: Store, keep: int = _KEEP):
        self.store = store
        self.keep = keep
        self._lock = threading.Lock()
        self._states: OrderedDict[tuple, _State] = OrderedDict()
        self.read_documents = 0  # documents whose events were read and counted (for tests)

    def aggregates(self, interval: str, cut: NetworkCut = DEFAULT_CUT,
                   **filters: Any) -> dict[str, Any]:
        """The counts of the events passing `filters` (`Tally.render`, the network cut by
        `cut`), brought up to date with the store."""
        conds = self.store.event_conditions(**filters)  # W041 before anything is read
        key = tuple(sorted((k, str(v)) for k, v in filters.items()))
        with self._lock:
            stamps = self._stamps()
            state = self._states.pop(key, None)
            if state is None or any(stamps.get(d) != s for d, s in state.stamps.items()):
                state = _State()  # first use, or a document recoded or deleted since
            new = [d for d, s in stamps.items() if d not in state.stamps]
            for part in chunks(new, _CHUNK):
                state.tally.merge(self._count(conds, part))
                state.stamps.update((d, stamps[d]) for d in part)
            self._states[key] = state
            while len(self._states) > self.keep:
                self._states.popitem(last=False)
            return state.tally.render(interval, cut)  # under the lock: the next commit adds to it

    def _stamps(self) -> dict[str, Any]:
        with self.store.engine.connect() as conn:
            return dict(conn.execute(select(T_DOCS.c.id, T_DOCS.c.stored_at)).all())

    def _count(self, conds: list, doc_ids: Sequence[str]) -> Tally:
        """The tally of the events of `doc_ids` passing `conds`."""
        self.read_documents += len(doc_ids)
        with self.store.engine.connect() as conn:
            ids = list(conn.execute(select(T_EVENTS.c.id).where(
                T_EVENTS.c.document_id.in_(doc_ids), *conds)).scalars())
        return tally(load_events(self.store, ids))
