"""The dashboard's tables: events in any order a page at a time, their CSV, the documents list.

    GET /api/events/table?sort=date&order=desc&limit=100            the first page
    GET /api/events/table?sort=date&order=desc&limit=100&after=ID   the page after event ID
    GET /api/events.csv?type=ASSAULT                                 every filtered event, as CSV
    GET /api/documents?sort=events&order=desc&min_confidence=0.7     documents and their counts

Event pages go by keyset (`store.event_order`): the page after (or before) an event, so the
thousandth page costs what the first does. The CSV has the columns of `wirecoder events --csv`
and streams from the store in batches. Every event count and list applies `min_confidence`,
whose default is DEFAULT_MIN_CONFIDENCE (favouring precision), as everywhere else.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel, Field

from ..extract.event_confidence import DEFAULT_MIN_CONFIDENCE
from ..store.event_order import ORDERS, SORTS, event_page, iter_event_hits
from ..store.queries import cell
from .data import DOCUMENT_SORTS, StoreReader
from .models import DocumentSummary, ErrorOut, EventOut, Page

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
    start: int = Field(description="events before the first one on this page (its offset)")
    limit: int
    sort: str
    order: str
    min_confidence: float = Field(description="the confidence threshold applied")
    previous: str | None = Field(description="for the page before: pass as `before`")
    next: str | None = Field(description="for the page after: pass as `after`")
    items: list[EventOut]


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
                          before=before, last=last, **filters)
        return {"total": page.total, "start": page.start, "limit": limit, "sort": sort,
                "order": order, "min_confidence": filters["min_confidence"],
                "previous": page.hits[0][1] if page.has_previous and page.hits else None,
                "next": page.hits[-1][1] if page.has_next and page.hits else None,
                "items": reader.rows("events", page.hits)}

    key = ("event-table", sort, order, limit, after, before, last, *sorted(filters.items()))
    return _json(reader, EventTable, key, produce)


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
              sort: Literal[tuple(DOCUMENT_SORTS)] = "published",  # type: ignore[valid-type]
              order: Order = "asc",
              min_confidence: Annotated[float, Query(ge=0, le=1, description=(
                  "count only events at least this likely to be right"))] = DEFAULT_MIN_CONFIDENCE):
    """Documents with their counts of events (at `min_confidence`), quotes and claims, ordered
    by `sort` (empty values last), then id."""
    def produce() -> dict[str, Any]:
        total, items = reader.documents(offset, limit, q, min_confidence=min_confidence,
                                        sort=sort, order=order)
        return {"total": total, "offset": offset, "limit": limit, "items": items}

    key = ("documents", offset, limit, q, sort, order, min_confidence)
    return _json(reader, Page[DocumentSummary], key, produce)
