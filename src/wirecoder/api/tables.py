"""The dashboard's tables: events, quotes and claims in any order a page at a time, the events'
CSV, the documents list.

    GET /api/events/table?sort=date&order=desc&limit=100            the first page
    GET /api/events/table?sort=date&order=desc&limit=100&after=ID   the page after event ID
    GET /api/quotes/table?sort=speaker&actor=Hegseth&after=ID        quotes across documents
    GET /api/claims/table?verdict=contradicted&sort=published        claims across documents
    GET /api/events.csv?type=ASSAULT                                 every filtered event, as CSV
    GET /api/documents?sort=events&order=desc&min_confidence=0.7     documents and their counts

Pages go by keyset (`store.event_order`): the page after (or before) an event, so the
thousandth page costs what the first does. The CSV has the columns of `wirecoder events --csv`
and streams from the store in batches. Every event count and list applies `min_confidence`,
whose default is DEFAULT_MIN_CONFIDENCE (favouring precision), as everywhere else.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any, Generic, Literal, TypeVar

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel, Field

from ..extract.event_confidence import DEFAULT_MIN_CONFIDENCE
from ..store import hit_plan
from ..store.event_order import CLAIM_SORTS, ORDERS, QUOTE_SORTS, SORTS, event_page, iter_event_hits
from ..store.queries import cell
from .data import DOCUMENT_SORTS, StoreReader
from .models import ClaimOut, DocumentSummary, ErrorOut, EventOut, Page, QuoteOut

MAX_PAGE = 500
CSV_BATCH = 1000
CSV_COLUMNS = list(EventOut.model_fields)  # the keys of store.queries.event_row, in order

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "a filter, sort or cursor the store cannot take "
                                            "(W041)"},
    422: {"model": ErrorOut, "description": "a parameter that fails validation (W041)"},
}

Text = Annotated[str | None, Query(max_length=200)]
Sort = Literal[tuple(SORTS)]  # type: ignore[valid-type]
Order = Literal[tuple(ORDERS)]  # type: ignore[valid-type]
QuoteSort = Literal[tuple(QUOTE_SORTS)]  # type: ignore[valid-type]
ClaimSort = Literal[tuple(CLAIM_SORTS)]  # type: ignore[valid-type]
Cursor = Annotated[str | None, Query(max_length=300, description="a record id: the page that "
                                                                 "follows (after) or precedes (before) it")]
Size = Annotated[int, Query(ge=1, le=MAX_PAGE)]
Last = Annotated[bool, Query(description="the last page")]
R = TypeVar("R")


def event_filters(
        type: Annotated[str | None, Query(max_length=200, description="PLOVER type(s), "
                                                                      "comma-separated")] = None,
        actor: Annotated[str | None, Query(max_length=200,
                                           description="a substring of a party's name")] = None,
        country: Annotated[str | None, Query(max_length=200, description="ISO3 code(s) of a "
                                                                         "party or the place")] = None,
        since: Annotated[date | None, Query(description="from this date on (YYYY-MM-DD)")] = None,
        until: Annotated[date | None, Query(description="up to and including this date")] = None,
        modality: Text = None,
        place: Annotated[str | None, Query(max_length=200,
                                           description="a substring of the place name")] = None,
        document: Text = None,
        min_confidence: Annotated[float, Query(ge=0, le=1, description=(
            "only events at least this likely to be right; the default favours precision, "
            "0 keeps all"))] = DEFAULT_MIN_CONFIDENCE) -> dict[str, Any]:
    """The event filters of /api/events, as keyword arguments for the store."""
    given = {"type": type, "actor": actor, "country": country, "since": since, "until": until,
             "modality": modality, "place": place, "document": document,
             "min_confidence": min_confidence}
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in given.items()
            if v not in (None, "")}


Filters = Annotated[dict[str, Any], Depends(event_filters)]


def get_reader(request: Request) -> StoreReader:
    return request.app.state.reader


Reader = Annotated[StoreReader, Depends(get_reader)]


class EventTable(BaseModel):
    total: int = Field(description="events passing the filters")
    exact: bool = Field(True, description=(
        "false: total and start are lower bounds (counts stop past 1,000 records and the page)"))
    start: int = Field(description="events before the first one on this page (its offset)")
    limit: int
    sort: str
    order: str
    min_confidence: float = Field(description="the confidence threshold applied")
    previous: str | None = Field(description="for the page before: pass as `before`")
    next: str | None = Field(description="for the page after: pass as `after`")
    items: list[EventOut]


class RecordTable(BaseModel, Generic[R]):
    total: int = Field(description="records passing the filters")
    exact: bool = Field(True, description=(
        "false: total and start are lower bounds (counts stop past 1,000 records and the page)"))
    start: int = Field(description="records before the first one on this page (its offset)")
    limit: int
    sort: str
    order: str
    previous: str | None = Field(description="for the page before: pass as `before`")
    next: str | None = Field(description="for the page after: pass as `after`")
    items: list[R]


def quote_filters(
        type: Annotated[str | None, Query(max_length=200, description="direct, indirect, mixed")] = None,
        actor: Annotated[str | None, Query(max_length=200, description="a substring of the speaker")] = None,
        country: Annotated[str | None, Query(max_length=200, description="ISO3 of the speaker")] = None,
        since: Annotated[date | None, Query(description="published from this date on")] = None,
        until: Annotated[date | None, Query(description="published up to this date")] = None,
        document: Text = None) -> dict[str, Any]:
    """The quote filters of /api/quotes (dates are the publication's)."""
    given = {"type": type, "actor": actor, "country": country, "since": since, "until": until,
             "document": document}
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in given.items()
            if v not in (None, "")}


def claim_filters(
        quoted: Annotated[dict[str, Any], Depends(quote_filters)],
        verdict: Annotated[str | None, Query(max_length=200, description=(
            "consistent, contradicted, unverifiable"))] = None) -> dict[str, Any]:
    """The claim filters of /api/claims: `type` is the claim kind (arithmetic, contradiction,
    reference), `actor` and `country` whoever asserted it."""
    return {**quoted, **({"verdict": verdict} if verdict else {})}


router = APIRouter()


def _json(reader: StoreReader, model: Any, key: tuple, produce: Any) -> Response:
    """The answer checked against `model`, kept while the store is unchanged."""
    body = reader.memo(key, lambda: model.model_validate(produce()).model_dump_json().encode())
    return Response(body, media_type="application/json")


@router.get("/api/events/table", response_model=EventTable, responses=ERRORS, tags=["records"])
def event_table(reader: Reader, filters: Filters, sort: Sort = "published", order: Order = "asc",
                limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
                after: Annotated[str | None, Query(max_length=300, description=(
                    "an event id: the page that follows it"))] = None,
                before: Annotated[str | None, Query(max_length=300, description=(
                    "an event id: the page that precedes it"))] = None,
                last: Annotated[bool, Query(description="the last page")] = False):
    """Events passing the filters in the order `sort` (then document, position in it, id),
    one page at a time: the first page, or the one after `after` / before `before`."""
    def produce() -> dict[str, Any]:
        page = event_page(reader.store, sort=sort, order=order, limit=limit, after=after,
                          before=before, last=last, count_cap=hit_plan.COUNT_CAP, **filters)
        return {"total": page.total, "start": page.start, "exact": page.exact, "limit": limit,
                "sort": sort,
                "order": order, "min_confidence": filters["min_confidence"],
                "previous": page.hits[0][1] if page.has_previous and page.hits else None,
                "next": page.hits[-1][1] if page.has_next and page.hits else None,
                "items": reader.rows("events", page.hits)}

    key = ("event-table", sort, order, limit, after, before, last, *sorted(filters.items()))
    return _json(reader, EventTable, key, produce)


def _record_table(reader: StoreReader, kind: str, model: Any, filters: dict[str, Any], sort: str,
                  order: str, limit: int, after: str | None, before: str | None,
                  last: bool) -> Response:
    def produce() -> dict[str, Any]:
        page = event_page(reader.store, kind=kind, sort=sort, order=order, limit=limit,
                          after=after, before=before, last=last, count_cap=hit_plan.COUNT_CAP,
                          **filters)
        return {"total": page.total, "start": page.start, "exact": page.exact, "limit": limit,
                "sort": sort,
                "order": order,
                "previous": page.hits[0][1] if page.has_previous and page.hits else None,
                "next": page.hits[-1][1] if page.has_next and page.hits else None,
                "items": reader.rows(kind, page.hits)}

    key = (f"{kind}-table", sort, order, limit, after, before, last, *sorted(filters.items()))
    return _json(reader, model, key, produce)


@router.get("/api/quotes/table", response_model=RecordTable[QuoteOut], responses=ERRORS,
            tags=["records"])
def quote_table(reader: Reader, filters: Annotated[dict[str, Any], Depends(quote_filters)],
                sort: QuoteSort = "published", order: Order = "asc", limit: Size = 100,
                after: Cursor = None, before: Cursor = None, last: Last = False):
    """Quotes across documents in the order `sort` (publication, speaker, kind, confidence;
    then document and place in it), one page at a time by keyset, as /api/events/table."""
    return _record_table(reader, "quotes", RecordTable[QuoteOut], filters, sort, order, limit,
                         after, before, last)


@router.get("/api/claims/table", response_model=RecordTable[ClaimOut], responses=ERRORS,
            tags=["records"])
def claim_table(reader: Reader, filters: Annotated[dict[str, Any], Depends(claim_filters)],
                sort: ClaimSort = "published", order: Order = "asc", limit: Size = 100,
                after: Cursor = None, before: Cursor = None, last: Last = False):
    """Checked claims across documents in the order `sort` (publication, kind, verdict,
    confidence), one page at a time by keyset, as /api/events/table."""
    return _record_table(reader, "claims", RecordTable[ClaimOut], filters, sort, order, limit,
                         after, before, last)


def csv_lines(reader: StoreReader, batches: Iterator[list[tuple[str, str]]],
              first: list[tuple[str, str]] | None) -> Iterator[bytes]:
    """The header, then one line per event, encoded; `first` is the batch read already."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    batch = first
    while batch:
        for row in reader.rows("events", batch):
            writer.writerow([cell(row[c]) for c in CSV_COLUMNS])
        yield out.getvalue().encode("utf-8")
        out.seek(0)
        out.truncate()
        batch = next(batches, None)
    if out.tell():
        yield out.getvalue().encode("utf-8")


@router.get("/api/events.csv", response_class=StreamingResponse, tags=["records"],
            responses={**ERRORS, 200: {"content": {"text/csv": {"schema": {"type": "string"}}},
                                       "description": "the filtered events as CSV, with the "
                                                      "columns of `wirecoder events --csv`"}})
def events_csv(reader: Reader, filters: Filters, sort: Sort = "published", order: Order = "asc"):
    """Every event passing the filters as CSV (a header line, then one line per event), in
    the order `sort` `order`; the default order is the command line's (publication)."""
    batches = iter_event_hits(reader.store, sort=sort, order=order, batch=CSV_BATCH, **filters)
    first = next(batches, None)  # a bad filter is a coded 400 here, before the body starts
    return StreamingResponse(csv_lines(reader, batches, first), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition":
                                      'attachment; filename="wirecoder-events.csv"'})


@router.get("/api/documents", response_model=Page[DocumentSummary], responses=ERRORS,
            tags=["documents"])
def documents(reader: Reader,
              offset: Annotated[int, Query(ge=0, le=10_000_000, description="records to skip")] = 0,
              limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
              q: Annotated[str | None, Query(max_length=200,
                                             description="a substring of the title")] = None,
              search: Annotated[str | None, Query(max_length=500, description=(
                  "full text over title and text: every word, \"quoted phrase\" and prefix* "
                  "must occur"))] = None,
              sort: Literal[tuple(DOCUMENT_SORTS)] = "published",  # type: ignore[valid-type]
              order: Order = "asc",
              min_confidence: Annotated[float, Query(ge=0, le=1, description=(
                  "count only events at least this likely to be right"))] = DEFAULT_MIN_CONFIDENCE):
    """Documents with their counts of events (at `min_confidence`), quotes and claims, ordered
    by `sort` (empty values last), then id."""
    def produce() -> dict[str, Any]:
        total, items = reader.documents(offset, limit, q, min_confidence=min_confidence,
                                        sort=sort, order=order, search=search)
        return {"total": total, "offset": offset, "limit": limit, "items": items}

    key = ("documents", offset, limit, q, search, sort, order, min_confidence)
    return _json(reader, Page[DocumentSummary], key, produce)
