"""Typed records: everything wirecoder outputs, each pointing at the characters it came from.

Records are immutable pydantic models. Every record that describes a finding carries a
deterministic `id` (a content hash of the document id, its kind and its spans), `evidence`
(character spans into the cleaned text of its document) and a `confidence` in [0, 1].
`Analysis` bundles one document with everything found in it and is the unit of JSON output.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from datetime import datetime
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

# Bump the minor version for added optional fields, the major version for anything else.
SCHEMA_VERSION = "1.0"


# The id prefix of a described actor (Actor.described).
DESCRIBED = "described"


def stable_id(prefix: str, *parts: object) -> str:
    """A short deterministic id: the same parts give the same id in every run and process."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}_{digest[:16]}"


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(Record):
    """Half-open character range [start, end) into a document's cleaned text, with that text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} precedes start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError("span text length does not match its offsets")
        return self

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start=start, end=end, text=text[start:end])

    def key(self) -> str:
        return f"{self.start}:{self.end}"


DropReason = Literal["duplicate_title", "duplicate_caption", "duplicate_paragraph", "boilerplate"]


class DroppedSpan(Record):
    """Text removed by cleaning, in offsets of the *original* text, with why it went."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    reason: DropReason
    # Where the kept copy stands in the original text, for duplicates.
    duplicate_of: tuple[int, int] | None = None


class OffsetSegment(Record):
    """A run of characters copied one-to-one: cleaned[clean_start + i] came from original[orig_start + i]."""

    clean_start: int
    orig_start: int
    length: int


class Document(Record):
    id: str
    source: str | None = None
    url: str | None = None
    title: str | None = None
    published: datetime | None = None
    language: str = "en"
    text: str  # cleaned text: every evidence span indexes into this
    original_text: str
    dropped: list[DroppedSpan] = Field(default_factory=list)
    offset_map: list[OffsetSegment] = Field(default_factory=list)
    metadata: dict[str, str] = Field(default_factory=dict)

    def to_original(self, offset: int) -> int:
        """Map an offset in the cleaned text back to the original text."""
        if not self.offset_map:
            return offset
        i = max(bisect_right(self.offset_map, offset, key=lambda seg: seg.clean_start) - 1, 0)
        seg = self.offset_map[i]
        return seg.orig_start + min(max(offset - seg.clean_start, 0), seg.length)

    def original_span(self, span: Span) -> tuple[int, int]:
        """The original-text range that a cleaned-text span came from."""
        if span.end == span.start:
            start = self.to_original(span.start)
            return start, start
        return self.to_original(span.start), self.to_original(span.end - 1) + 1


class Sentence(Record):
    id: str
    span: Span
    paragraph: int


Sector = str  # GOV, MIL, COP, CRM, REB, CVL, MED, BUS, IGO, ... (see knowledge/sectors)


class Actor(Record):
    """Someone (a person, an organisation, a state, a group) mentioned in the document."""

    id: str
    name: str  # the canonical name within the document, e.g. "Pete Hegseth"
    kind: Literal["person", "organization", "country", "group", "unknown"] = "unknown"
    country: str | None = None  # ISO 3166 alpha-3
    sectors: list[Sector] = Field(default_factory=list)
    title: str | None = None  # role as given in the text: "Defense Secretary"
    mentions: list[Span] = Field(default_factory=list)
    evidence: list[Span] = Field(default_factory=list)  # spans the codes were read from
    confidence: float = Field(default=0.5, ge=0, le=1)

    @property
    def described(self) -> bool:
        """Found only through a common noun of the agents table or a nationality ("vandals",
        "four Saudi men"): coded, but no party to an event or a quote, no registry actor, no
        story term (its id starts with DESCRIBED)."""
        return self.id.startswith(DESCRIBED + "_")


class ActorRef(Record):
    """An actor as it fills one role of one event or quote: the exact mention plus the resolved actor."""

    span: Span
    actor_id: str | None = None


Modality = Literal[
    "asserted", "threatened", "planned", "hypothetical", "negated", "historical", "reported"
]
MODALITIES: tuple[str, ...] = get_args(Modality)  # the store's filters, the CLI and the API check against it


class Event(Record):
    id: str
    type: str  # PLOVER event type, e.g. ASSAULT
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    cameo: str | None = None
    trigger: Span
    sources: list[ActorRef] = Field(default_factory=list)
    targets: list[ActorRef] = Field(default_factory=list)
    place_id: str | None = None
    time_id: str | None = None
    modality: Modality = "asserted"
    asserted_by: str = "narrator"  # "narrator" or the actor id of the quoted speaker
    quote_id: str | None = None
    sentence_id: str | None = None
    evidence: list[Span] = Field(default_factory=list)
    # the chance the event is real and of its type (calibrated on our real-news annotation)
    confidence: float = Field(default=0.5, ge=0, le=1)
    # how central the event is to its sentence, from what the coder found (a source, a target, a
    # carrying verb, the main clause): which event a sentence is about, not whether it is right
    prominence: float = Field(default=0.5, ge=0, le=1)
    # the mentions of one incident in one report share an id (the coder's incident links: a
    # response, "the gunfight", the same day); None for an event linked to no other
    incident_id: str | None = None
    # people the report says died in it (0: it says none did); None when it gives no number.
    # fatalities_evidence holds the words that speak of deaths, set even without a number.
    fatalities: int | None = Field(default=None, ge=0)
    fatalities_evidence: Span | None = None


class Quote(Record):
    id: str
    kind: Literal["direct", "indirect", "mixed"]
    content: list[Span]  # a quote may be split around its cue
    speaker: ActorRef | None = None
    speaker_name: str | None = None  # resolved through pronouns and titles
    anonymous: bool = False
    cue: Span | None = None
    addressee: ActorRef | None = None
    time_id: str | None = None
    evidence: list[Span] = Field(default_factory=list)
    confidence: float = Field(default=0.5, ge=0, le=1)


ChangeDirection = Literal["=", "up", "down"]


class Quantity(Record):
    id: str
    span: Span
    value: float | None = None
    value_high: float | None = None  # ranges: value .. value_high
    unit: str | None = None  # as written
    normalized_unit: str | None = None
    approximate: bool = False
    change: ChangeDirection = "="
    concept: Span | None = None
    time_id: str | None = None
    place_id: str | None = None
    evidence: list[Span] = Field(default_factory=list)
    confidence: float = Field(default=0.5, ge=0, le=1)


class Claim(Record):
    id: str
    kind: Literal["arithmetic", "contradiction", "reference"]
    verdict: Literal["consistent", "contradicted", "unverifiable"]
    explanation: str
    quantity_ids: list[str] = Field(default_factory=list)
    asserted_by: str = "narrator"
    evidence: list[Span] = Field(default_factory=list)
    confidence: float = Field(default=0.5, ge=0, le=1)


class TimeRef(Record):
    id: str
    span: Span
    type: Literal["DATE", "TIME", "DURATION", "SET"] = "DATE"
    value: str | None = None  # TIMEX3 value: 2025-01-27, 2025-W05, 2023, P1W, XXXX-XX-XX
    granularity: str | None = None  # day, week, month, quarter, year, decade, ...
    interval_start: str | None = None
    interval_end: str | None = None
    from_publication_date: bool = False  # True when no explicit expression dated the finding
    evidence: list[Span] = Field(default_factory=list)
    confidence: float = Field(default=0.5, ge=0, le=1)


Precision = Literal["point", "locality", "admin2", "admin1", "country", "region", "unknown"]


class Place(Record):
    id: str
    span: Span
    name: str
    precision: Precision = "unknown"
    country: str | None = None  # ISO 3166 alpha-3
    admin1: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonames_id: int | None = None
    feature: str | None = None
    evidence: list[Span] = Field(default_factory=list)
    confidence: float = Field(default=0.5, ge=0, le=1)


class Analysis(Record):
    """One document and everything found in it: the unit of `--json` output."""

    schema_version: str = SCHEMA_VERSION
    coder_version: str
    stages: list[str]
    document: Document
    sentences: list[Sentence] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    times: list[TimeRef] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    # "Mexican cartels": the country a demonym implies, typed (feature "demonym"), kept apart from
    # the place mentions because a demonym names no place (#25)
    demonyms: list[Place] = Field(default_factory=list)

    def to_json(self, indent: int | None = None) -> str:
        return self.model_dump_json(indent=indent)

    @classmethod
    def from_json(cls, data: str | bytes) -> Analysis:
        return cls.model_validate_json(data)


def analysis_json_schema() -> dict:
    """The JSON Schema that every `--json` output validates against."""
    schema = Analysis.model_json_schema()
    schema["$id"] = f"https://wirecoder.invalid/schema/analysis-{SCHEMA_VERSION}.json"
    return schema
