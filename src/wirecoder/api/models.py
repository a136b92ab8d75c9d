"""What the API answers, as pydantic models: they make the OpenAPI spec and check responses.

Event, quote and claim rows are the rows `wirecoder events/quotes/claims --json` prints
(built by `wirecoder.store.queries`), so the CLI and the API never disagree about a record.
"""

from __future__ import annotations

from datetime import date as Date
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, Field

from ..records import Analysis

T = TypeVar("T")


class ErrorBody(BaseModel):
    code: str = Field(description="stable error code, W050-W059 (W041 for a bad parameter, W012 for a body that is not Unicode)")
    message: str


class ErrorOut(BaseModel):
    error: ErrorBody


class Page(BaseModel, Generic[T]):
    total: int = Field(description="records passing the filters (with total_exact false, at "
                                   "least this many: large event counts stop at a bound)")
    total_exact: bool = True
    offset: int
    limit: int
    items: list[T]


class EventOut(BaseModel):
    id: str
    document_id: str
    date: str
    date_precision: str
    type: str
    mode: str
    cameo: str
    context: list[str]
    modality: str
    asserted_by: str
    source: list[str]
    source_country: list[str]
    source_sectors: list[str]
    target: list[str]
    target_country: list[str]
    target_sectors: list[str]
    place: str
    place_country: str
    latitude: float | None
    longitude: float | None
    trigger: str
    trigger_start: int
    trigger_end: int
    evidence: str = Field(description="evidence offsets into the document text: 'start-end;...'")
    sentence: str
    confidence: float
    title: str
    url: str
    incident_id: str = Field(description="shared by the mentions of one incident in one report")
    fatalities: int | None = Field(description="deaths the report gives the event (0: it says "
                                               "none died; null: no number)")
    fatalities_evidence: str


class QuoteOut(BaseModel):
    id: str
    document_id: str
    published: str
    kind: str
    speaker: str
    speaker_text: str
    speaker_country: str
    speaker_sectors: list[str]
    speaker_title: str
    anonymous: bool
    cue: str
    addressee: str
    content: str
    content_start: int | None
    content_end: int | None
    evidence: str
    confidence: float
    title: str
    url: str


class ClaimOut(BaseModel):
    id: str
    document_id: str
    published: str
    kind: str
    verdict: str
    explanation: str
    asserted_by: str
    quantity_ids: list[str]
    evidence_start: int | None
    evidence_end: int | None
    evidence: str
    confidence: float
    title: str
    url: str


class DocumentSummary(BaseModel):
    id: str
    title: str
    url: str
    source: str
    published: str
    events: int
    quotes: int
    claims: int


class DocumentDetail(BaseModel):
    analysis: Analysis = Field(description="the document and every record found in it, each "
                                           "with evidence spans into analysis.document.text")
    events: list[EventOut]
    quotes: list[QuoteOut]
    claims: list[ClaimOut]


class ActorEvidence(BaseModel):
    document_id: str | None = Field(description="the document whose span gave the code; null "
                                                "when the actor dictionary gave it")
    start: int | None
    end: int | None
    text: str = Field(description="the span's text, or the dictionary's dated role")


class ActorConflict(BaseModel):
    country: str | None
    sector: str | None
    count: int = Field(description="documents' actors the text gave this other code")
    document_id: str


class ActorOut(BaseModel):
    """One actor of the store's registry: every document's mentions of it joined, one code."""

    id: str
    name: str
    kind: str
    country: str
    sector: str
    sectors: list[str]
    code_from: str = Field(description="dictionary (a dated role), text (learned from a stored "
                                       "span), none")
    role: str | None
    evidence: ActorEvidence | None
    conflicts: list[ActorConflict] = Field(description="other codes its documents gave it")
    aliases: list[str] = Field(description="other names the documents gave it")
    documents: int
    mentions: int
    events: int = Field(description="events in which the actor is a source or a target")


class PlaceOut(BaseModel):
    name: str
    country: str
    country_numeric: str = Field(description="ISO 3166 numeric code (world-atlas feature id)")
    admin1: str
    precision: str
    latitude: float | None
    longitude: float | None
    documents: int
    events: int


class Count(BaseModel):
    key: str
    count: int


class DateCount(BaseModel):
    date: str = Field(description="first day of the bucket (YYYY-MM-DD)")
    type: str
    modality: str
    count: int


class PairCount(BaseModel):
    source: str = Field(description="the source as a network node: the name of its actor in the "
                                    "store's registry ('Donald Trump', every alias joined), else "
                                    "the code of a described party ('MEX CRM')")
    target: str
    source_code: str = Field("", description="the source's country + sector code, '' if none")
    target_code: str = ""
    type: str
    count: int
    names: list[str] = Field(description="a few 'source -> target' names behind the pair")


class NetworkOut(BaseModel):
    actors: int = Field(description="parties with a link of at least min_weight events")
    links: int = Field(description="links (source, target, type) of at least min_weight events")
    shown_actors: int = Field(description="parties in actor_pairs: at most top_actors")
    shown_links: int = Field(description="links in actor_pairs: those between the shown parties")
    top_actors: int = Field(description="the parties with the most events kept")
    min_weight: int = Field(description="the fewest events a link needs")


class PlaceCount(BaseModel):
    name: str
    country: str
    country_numeric: str
    admin1: str
    precision: str
    latitude: float | None
    longitude: float | None
    count: int
    types: list[Count]


class Aggregates(BaseModel):
    total: int = Field(description="events passing the filters")
    interval: Literal["day", "week", "month", "year"]
    first: Date | None
    last: Date | None
    by_date: list[DateCount]
    by_type: list[Count]
    by_modality: list[Count]
    by_country: list[Count]
    actor_pairs: list[PairCount] = Field(description=(
        "the network's links: between the top_actors parties with the most events, each of at "
        "least min_weight events, heaviest first"))
    network: NetworkOut
    places: list[PlaceCount]
    without_place: int = Field(description="events with no resolved place (not on the map)")
    without_date: int = Field(description="events with no date (not on the timeline): the "
                                          "document has no publication date and no time "
                                          "expression dates them")


class AnalyzeIn(BaseModel):
    text: str = Field(min_length=1, description="the article text (plain text)")
    title: str | None = None
    published: Date | None = Field(default=None, description="publication date, YYYY-MM-DD")


class IngestIn(AnalyzeIn):
    id: str | None = Field(default=None, max_length=200,
                           description="a document id (default: a hash of the text)")
    url: str | None = Field(default=None, max_length=2000,
                            description="stored as metadata; never fetched")
    source: str | None = Field(default=None, max_length=200)


class IngestOut(BaseModel):
    document_id: str
    outcome: Literal["stored", "replaced", "skipped"]
    events: int
    quotes: int
    claims: int


class Health(BaseModel):
    status: Literal["ok"]
    documents: int
    events: int
    ingest_enabled: bool
    analyze: Literal["off", "token", "open"] = Field(
        description="POST /api/analyze: off, with the ingest token, or open to anyone")
    dashboard: bool


class EventTypeOut(BaseModel):
    """A PLOVER type as knowledge/plover_types.tsv has it: what the dashboard colours and lists."""

    name: str
    quad_class: int = Field(description="PLOVER's class: 1 verbal cooperation, 2 material "
                                        "cooperation, 3 verbal conflict, 4 material conflict")
    quad_name: str
    cameo_root: str | None
    former_names: list[str]
    color: str = Field(description="the dashboard's colour of the type, #rrggbb")
    example: str
