"""The dashboard's Clusters tab: the event clusters `wirecoder dedup` stored, a page at a time.

    GET /api/clusters/table?sort=sources&order=desc&min_sources=2&limit=100
    GET /api/clusters/table?sort=last_report&type=ASSAULT&after=CLUSTER_ID
    GET /api/clusters/table?sort=independent&min_independent=3
    GET /api/clusters/table?sort=reports

The rows and their order are those of `wirecoder clusters` (`dedup.listing`), paged by keyset
as /api/events/table is. `min_confidence` (its best coding's) defaults to the events' default
and `min_sources` to 2, as on the command line. The store's change counter does not move when
`wirecoder dedup` runs, so pages are read afresh, not remembered.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from ..dedup.listing import CLUSTER_SORTS, cluster_page
from ..extract.event_confidence import DEFAULT_MIN_CONFIDENCE
from .tables import ERRORS, Cursor, Last, Order, Reader, Size, Text

ClusterSort = Literal[tuple(CLUSTER_SORTS)]  # type: ignore[valid-type]


class ClusterOut(BaseModel):
    id: str
    type: str = Field(description="the PLOVER type of its best coding")
    reality: str = Field(description="actual, potential or negated")
    source_count: int = Field(description="documents reporting it")
    independent_sources: int = Field(description="outlets, a near copy counting with its original")
    reports: int = Field(0, description=(
        "documents counted under it as the event they report (dedup/story_records.py): those "
        "that coded it, and its story's reports the evidence links to it"))
    mentions: int
    first_report: datetime | None
    last_report: datetime | None
    date: str | None = Field(description="its most precise date")
    date_granularity: str | None
    place_name: str | None
    place_precision: str | None
    latitude: float | None
    longitude: float | None
    story_id: str | None
    document_ids: list[str]
    report_documents: list[dict[str, Any]] = Field(default_factory=list, description=(
        "the documents counted under it, each with how (story-event, story, event) and why"))
    best_event_id: str | None = Field(description="the mention of highest confidence")
    best_document_id: str | None
    best_title: str | None
    trigger: str | None
    cameo: str | None
    source_names: list[str]
    target_names: list[str]
    confidence: float | None = Field(description="its best coding's confidence")


class ClusterTable(BaseModel):
    total: int = Field(description="clusters passing the filters")
    start: int = Field(description="clusters before the first one on this page (its offset)")
    limit: int
    sort: str
    order: str
    min_confidence: float
    previous: str | None = Field(description="for the page before: pass as `before`")
    next: str | None = Field(description="for the page after: pass as `after`")
    items: list[ClusterOut]


router = APIRouter()


@router.get("/api/clusters/table", response_model=ClusterTable, responses=ERRORS,
            tags=["records"])
def cluster_table(
        reader: Reader, sort: ClusterSort = "sources", order: Order = "desc", limit: Size = 100,
        after: Cursor = None, before: Cursor = None, last: Last = False,
        type: Annotated[str | None, Query(max_length=200, description=(
            "PLOVER type(s) of the best coding, comma-separated"))] = None,
        min_sources: Annotated[int, Query(ge=1, le=1_000_000, description=(
            "only clusters reported by at least this many documents"))] = 2,
        min_independent: Annotated[int | None, Query(ge=1, le=1_000_000, description=(
            "only clusters reported by at least this many independent sources (outlets)"))
        ] = None,
        since: Annotated[date | None, Query(description="last reported on or after")] = None,
        until: Annotated[date | None, Query(description="first reported on or before")] = None,
        place: Text = None,
        min_confidence: Annotated[float, Query(ge=0, le=1, description=(
            "only clusters whose best coding is at least this likely to be right"))
        ] = DEFAULT_MIN_CONFIDENCE) -> dict[str, Any]:
    """Event clusters (one real event each, with the documents that report it) in the order
    `sort` (then id), one page at a time by keyset, as `wirecoder clusters` lists them."""
    page = cluster_page(reader.store, sort=sort, order=order, limit=limit, after=after,
                        before=before, last=last, type=type, min_sources=min_sources,
                        min_independent=min_independent,
                        since=since, until=until, place=place, min_confidence=min_confidence)
    return {"total": page.total, "start": page.start, "limit": limit, "sort": sort,
            "order": order, "min_confidence": min_confidence,
            "previous": page.rows[0]["id"] if page.has_previous and page.rows else None,
            "next": page.rows[-1]["id"] if page.has_next and page.rows else None,
            "items": page.rows}
