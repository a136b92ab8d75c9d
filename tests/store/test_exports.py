"""Exports: each format's columns (names, count, order), dtypes pandas (and DuckDB) load, the
mapping of a hand-made analysis with known places and dates, and the document id and evidence
offsets every row keeps."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime

import pandas as pd
import pytest

from wirecoder.errors import UnknownFormat
from wirecoder.records import (
    Actor,
    ActorRef,
    Analysis,
    Document,
    Event,
    Place,
    Sentence,
    Span,
    TimeRef,
    stable_id,
)
from wirecoder.store import ExportError, export, open_store
from wirecoder.store.codes import cameo_codes, goldstein, quad_class
from wirecoder.store.exports import (
    ACLED_COLUMNS,
    ACLED_EXTRA,
    GDELT_COLUMNS,
    GDELT_SIDECAR,
    PLOVER_EXTRA,
    PLOVER_FIELDS,
    POLECAT_COLUMNS,
    POLECAT_EXTRA,
    sidecar_path,
)
from wirecoder.store.schema import ALL_TABLES
from wirecoder.store.span_pack import EVIDENCE_SPANS

TEXT = ("Police arrested five protesters in Fronton, Texas on Monday.\n\n"
        "Gunmen attacked a convoy near Reynosa. The governor warned he might send troops.")


def _span(sub: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(sub, start + 1)
    return Span.of(TEXT, start, start + len(sub))


def handmade() -> Analysis:
    """An analysis with every field an export maps: places with coordinates, a dated event."""
    doc_id = "doc_handmade"
    doc = Document(id=doc_id, source="hand.txt", url="https://news.example.org/handmade",
                   title="Handmade", published=datetime(2025, 1, 31, tzinfo=UTC), text=TEXT,
                   original_text=TEXT, metadata={"sitename": "Example News"})
    sents = [Sentence(id=stable_id("sent", doc_id, i), span=s, paragraph=p) for i, (s, p) in
             enumerate([(_span("Police arrested five protesters in Fronton, Texas on Monday."), 0),
                        (_span("Gunmen attacked a convoy near Reynosa."), 1),
                        (_span("The governor warned he might send troops."), 1)])]
    actor = lambda key, name, kind, country, sectors, sub: Actor(  # noqa: E731
        id=f"actor_{key}", name=name, kind=kind, country=country, sectors=sectors,
        mentions=[_span(sub)], evidence=[_span(sub)], confidence=0.8)
    actors = [actor("police", "Police", "organization", "USA", ["COP"], "Police"),
              actor("protesters", "protesters", "group", "USA", ["CVL"], "protesters"),
              actor("gunmen", "Gunmen", "group", None, ["UAF"], "Gunmen"),
              actor("convoy", "a convoy", "unknown", None, [], "a convoy"),
              actor("governor", "The governor", "person", "MEX", ["GOV"], "The governor")]
    places = [Place(id="place_fronton", span=_span("Fronton"), name="Fronton",
                    precision="locality", country="USA", admin1="Texas", latitude=26.4,
                    longitude=-99.08, evidence=[_span("Fronton")], confidence=0.9),
              Place(id="place_reynosa", span=_span("Reynosa"), name="Reynosa",
                    precision="locality", country="MEX", admin1="Tamaulipas", latitude=26.09,
                    longitude=-98.28, geonames_id=3520339, feature="PPLA2",
                    evidence=[_span("Reynosa")], confidence=0.9)]
    times = [TimeRef(id="time_monday", span=_span("Monday"), value="2025-01-27",
                     granularity="day", evidence=[_span("Monday")])]
    ref = lambda sub, key: ActorRef(span=_span(sub), actor_id=f"actor_{key}")  # noqa: E731
    events = [
        Event(id="event_aaaa000000000001", type="COERCE", mode="arrest", cameo="173",
              trigger=_span("arrested"), sources=[ref("Police", "police")],
              targets=[ref("protesters", "protesters")], place_id="place_fronton",
              time_id="time_monday", sentence_id=sents[0].id,
              evidence=[_span("arrested"), _span("Police"), _span("protesters")], confidence=0.9),
        Event(id="event_aaaa000000000002", type="ASSAULT", mode="firearms", cameo="190",
              trigger=_span("attacked"), sources=[ref("Gunmen", "gunmen")],
              targets=[ref("a convoy", "convoy")], place_id="place_reynosa",
              sentence_id=sents[1].id, evidence=[_span("attacked"), _span("Gunmen")],
              confidence=0.8),
        Event(id="event_aaaa000000000003", type="MOBILIZE", mode="troops",
              trigger=_span("send troops"), sources=[ref("The governor", "governor")],
              modality="hypothetical", sentence_id=sents[2].id,
              evidence=[_span("send troops")], confidence=0.6),
    ]
    return Analysis(coder_version="wirecoder test", stages=["hand@1"], document=doc,
                    sentences=sents, actors=actors, events=events, times=times, places=places)


@pytest.fixture(scope="module")
def db(tmp_path_factory, seed_analysis):
    url = f"sqlite:///{tmp_path_factory.mktemp('exports') / 'x.db'}"
    with open_store(url) as store:
        store.save(handmade())
        store.save(seed_analysis)
    return url


@pytest.fixture(scope="module")
def texts(db):
    with open_store(db) as store:
        return {a.document.id: a.document.text for a in store.analyses()}


@pytest.fixture(scope="module")
def n_events(seed_analysis):
    # what an export keeps by default: the events at or above the default confidence
    from wirecoder.extract.event_confidence import DEFAULT_MIN_CONFIDENCE

    return sum(e.confidence >= DEFAULT_MIN_CONFIDENCE for e in seed_analysis.events + handmade().events)


def _tsv(path) -> pd.DataFrame:
    return pd.read_csv(path, sep="\t", quoting=csv.QUOTE_NONE, keep_default_na=False,
                       na_values=[""])


def test_code_tables():
    assert quad_class("ASSAULT") == 4 and quad_class("AGREE") == 1 and quad_class("?") is None
    assert quad_class("REQUEST") == 3 and quad_class("RETREAT") == 2 and quad_class("SANCTION") == 4
    assert cameo_codes("1384", "THREATEN") == ("1384", "138", "13")
    assert cameo_codes(None, "PROTEST") == ("140", "140", "14")
    assert goldstein("190", "ASSAULT") == -10.0 and goldstein(None, "AID") == 7.0
    assert all(-10 <= goldstein(None, t) <= 10 for t in ("AGREE", "COERCE", "SANCTION"))


def test_plover_jsonl(db, tmp_path, texts, n_events):
    out = tmp_path / "events.jsonl"
    assert export(db, "plover-jsonl", out) == n_events
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) == n_events
    for r in records:
        assert list(r) == PLOVER_FIELDS + PLOVER_EXTRA
        assert isinstance(r["source"], list) and isinstance(r["event"], list)
        assert r["quad_code"] in (1, 2, 3, 4)
        for ev in r["evidence"]:
            assert texts[r["document_id"]][ev["start"]:ev["end"]] == ev["text"]
    arrest = next(r for r in records if r["id"] == "event_aaaa000000000001")
    assert arrest["date"] == "2025-01-27" and arrest["event"] == ["COERCE"]
    assert arrest["source"] == [{"code": "USA", "sector": "COP", "actor_text": "Police",
                                 "identifier_id": "actor_police", "identifier_text": "Police"}]
    assert arrest["event_loc"]["country code"] == "US" and arrest["event_loc"]["cc3"] == "USA"
    assert arrest["event_loc"]["latitude"] == 26.4 and arrest["event_scale"] == -5.0
    assert arrest["text"].startswith("Police arrested") and arrest["text_info"]["sequence"] == 0
    assert arrest["cite_info"]["publication"] == "Example News"
    # PLOVER records load as a table too.
    frame = pd.read_json(out, lines=True)
    assert len(frame) == n_events and frame["quad_code"].dtype.kind == "i"


def test_polecat_tsv(db, tmp_path, texts, n_events):
    out = tmp_path / "polecat.tsv"
    assert export(db, "polecat-tsv", out) == n_events
    frame = _tsv(out)
    assert len(POLECAT_COLUMNS) == 40
    assert list(frame.columns) == POLECAT_COLUMNS + POLECAT_EXTRA
    assert len(frame) == n_events
    assert pd.to_datetime(frame["Event Date"]).notna().all()
    assert frame["Latitude"].dtype == "float64" and frame["Evidence Start"].dtype == "int64"
    row = frame.set_index("Event ID").loc["event_aaaa000000000001"]
    assert (row["Event Type"], row["Event Mode"], row["Actor Name"], row["Actor Country"]) == (
        "COERCE", "arrest", "Police", "USA")
    assert (row["Recipient Name"], row["Primary Recipient Sector"]) == ("protesters", "CVL")
    assert (row["Placename"], row["City"], row["Province"], row["Country"]) == (
        "Fronton", "Fronton", "Texas", "USA")
    assert row["Event Date"] == "2025-01-27" and row["Publication Date"] == "2025-01-31"
    _check_offsets(frame, "Document ID", "Evidence Start", "Evidence End", texts)


def test_acled_csv(db, tmp_path, texts, seed_analysis):
    out = tmp_path / "acled.csv"
    n = export(db, "acled-csv", out)
    eligible = [e for e in seed_analysis.events + handmade().events
                if e.type in ("ASSAULT", "PROTEST", "COERCE", "MOBILIZE")
                and e.modality in ("asserted", "historical", "reported") and e.confidence >= 0.25]
    # one row per incident: the mentions the coder linked share a row
    assert n == len({e.incident_id or e.id for e in eligible}) < len(eligible)
    frame = pd.read_csv(out)
    assert len(ACLED_COLUMNS) == 31
    assert list(frame.columns) == ACLED_COLUMNS + ACLED_EXTRA and len(frame) == n
    assert pd.to_datetime(frame["event_date"]).notna().all()
    assert frame["year"].dtype == "int64" and frame["latitude"].dtype == "float64"
    rows = frame.set_index("document_id").loc["doc_handmade"].set_index("plover_type")
    arrest, attack = rows.loc["COERCE"], rows.loc["ASSAULT"]
    assert (arrest["event_type"], arrest["sub_event_type"]) == ("Strategic developments", "Arrests")
    assert (arrest["inter1"], arrest["inter2"], arrest["interaction"]) == (1, 7, 17)
    assert (arrest["iso"], arrest["country"], arrest["admin1"], arrest["location"]) == (
        840, "United States", "Texas", "Fronton")
    assert (arrest["region"], arrest["source"]) == ("North America", "Example News")
    assert (arrest["time_precision"], arrest["geo_precision"]) == (1, 1)
    assert arrest["event_date"] == "2025-01-27" and arrest["event_id_cnty"].startswith("USA")
    assert arrest["event_id_cnty"][3:].isdigit()
    assert (attack["event_type"], attack["inter1"]) == ("Violence against civilians", 3)
    assert attack["country"] == "Mexico" and attack["time_precision"] == 2
    assert attack["region"] == "Central America"
    assert "MOBILIZE" not in rows.index  # hypothetical: ACLED codes what happened
    _check_offsets(frame, "document_id", "evidence_start", "evidence_end", texts)


def _gdelt(path) -> pd.DataFrame:
    """A GDELT file as GDELT's own files are read: no header, tabs, no quoting."""
    return pd.read_csv(path, sep="\t", header=None, names=GDELT_COLUMNS, quoting=csv.QUOTE_NONE,
                       keep_default_na=False, na_values=[""], dtype={"SOURCEURL": str})


def test_gdelt_tsv(db, tmp_path, texts, n_events):
    out = tmp_path / "gdelt.tsv"
    assert export(db, "gdelt-tsv", out) == n_events
    assert len(GDELT_COLUMNS) == 61 and len(set(GDELT_COLUMNS)) == 61
    lines = out.read_text("utf-8").splitlines()
    assert len(lines) == n_events and all(len(line.split("\t")) == 61 for line in lines)
    assert not lines[0].startswith("GLOBALEVENTID")  # GDELT files have no header line
    frame = _gdelt(out)
    side = pd.read_csv(sidecar_path(out), sep="\t", quoting=csv.QUOTE_NONE, keep_default_na=False,
                       na_values=[""])
    assert list(side.columns) == GDELT_SIDECAR and len(side) == len(frame)
    assert (side["GLOBALEVENTID"] == frame["GLOBALEVENTID"]).all()
    for column in ("GLOBALEVENTID", "Year", "QuadClass", "IsRootEvent", "NumMentions", "DATEADDED"):
        assert frame[column].dtype == "int64", column
    dated = frame["SQLDATE"].dropna()
    assert (dated == dated.astype(int)).all() and dated.between(19000101, 21000101).all()
    assert frame["GLOBALEVENTID"].is_unique
    assert frame["GoldsteinScale"].between(-10, 10).all()
    assert frame["ActionGeo_Lat"].dtype == "float64" and frame["FractionDate"].dtype == "float64"
    assert frame["QuadClass"].isin([1, 2, 3, 4]).all()
    frame = frame.join(side.set_index("GLOBALEVENTID"), on="GLOBALEVENTID")
    row = frame.set_index("WC_EVENT_ID").loc["event_aaaa000000000001"]
    assert (row["SQLDATE"], row["Actor1Code"], row["Actor1Name"], row["Actor2Code"]) == (
        20250127, "USACOP", "POLICE", "USACVL")
    assert row["FractionDate"] == pytest.approx(2025 + (1 * 30 + 27) / 365, abs=1e-4)
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == (173, 173, 17)
    assert (row["QuadClass"], row["GoldsteinScale"], row["IsRootEvent"]) == (4, -5.0, 1)
    assert (row["ActionGeo_Type"], row["ActionGeo_CountryCode"], row["ActionGeo_Lat"]) == (
        3, "US", 26.4)
    assert row["ActionGeo_FullName"] == "Fronton, Texas, United States"
    assert row["SOURCEURL"] == "https://news.example.org/handmade"
    assert (row["WC_DATE"], row["WC_DATE_PRECISION"]) == ("2025-01-27", "day")
    reynosa = frame.set_index("WC_EVENT_ID").loc["event_aaaa000000000002"]
    assert (reynosa["ActionGeo_Type"], reynosa["ActionGeo_FeatureID"]) == (4, "3520339")
    # FIPS 10-4 country codes; ADM1 = FIPS country + the division's code (Texas by its postal
    # code, as GDELT writes it; Tamaulipas by its GeoNames/FIPS code 28)
    assert (row["ActionGeo_CountryCode"], row["ActionGeo_ADM1Code"]) == ("US", "USTX")
    assert (reynosa["ActionGeo_CountryCode"], reynosa["ActionGeo_ADM1Code"]) == ("MX", "MX28")
    # a town without a GeoNames id has no FeatureID: never its name
    assert pd.isna(row["ActionGeo_FeatureID"])
    _check_offsets(frame, "WC_DOCUMENT_ID", "WC_EVIDENCE_START", "WC_EVIDENCE_END", texts)


def test_parquet_every_table(db, tmp_path):
    folder = tmp_path / "parquet"
    total = export(db, "parquet", folder)
    with open_store(db) as store:
        counts = {table.name: store.count(table.name) for table in ALL_TABLES}
        # the span packs (migration 0011) are written unpacked, one row per span, as before
        analyses = list(store.analyses())
    del counts["span_packs"]
    counts["evidence_spans"] = sum(
        len(r.evidence) + len(getattr(r, "mentions", ())) + len(getattr(r, "content", ()))
        for a in analyses for kind in ("actors", "events", "quotes", "quantities", "claims",
                                       "times", "places", "demonyms") for r in getattr(a, kind))
    assert total == sum(counts.values()) and "failures" in counts
    tables = [t for t in ALL_TABLES if t.name != "span_packs"] + [EVIDENCE_SPANS]
    for table in tables:
        frame = pd.read_parquet(folder / f"{table.name}.parquet")
        assert list(frame.columns) == [c.name for c in table.columns]
        assert len(frame) == counts[table.name], table.name
    events = pd.read_parquet(folder / "events.parquet")
    assert events["confidence"].dtype == "float64" and events["trigger_start"].dtype == "int64"
    docs = pd.read_parquet(folder / "documents.parquet")
    assert str(docs["published"].dtype).startswith("datetime64") and docs["published"].dt.tz
    assert json.loads(docs.set_index("id").loc["doc_handmade", "metadata"]) == {
        "sitename": "Example News"}
    spans = pd.read_parquet(folder / "evidence_spans.parquet")
    texts = docs.set_index("id")["text"]
    assert len(spans) > 100 and all(
        texts[d][s:e] == t for d, s, e, t in zip(spans["document_id"], spans["start_char"],
                                                   spans["end_char"], spans["text"], strict=True))


def test_duckdb_reads_the_exports(db, tmp_path):
    duckdb = pytest.importorskip("duckdb")
    folder = tmp_path / "parquet"
    export(db, "parquet", folder)
    export(db, "acled-csv", tmp_path / "acled.csv")
    con = duckdb.connect()
    joined = con.execute(
        f"SELECT d.title, count(*) FROM read_parquet('{folder / 'events.parquet'}') e "
        f"JOIN read_parquet('{folder / 'documents.parquet'}') d ON e.document_id = d.id "
        "GROUP BY d.title ORDER BY d.title").fetchall()
    assert ("Handmade", 3) in joined
    n = con.execute(f"SELECT count(*) FROM read_csv_auto('{tmp_path / 'acled.csv'}')").fetchone()
    assert n[0] == len(pd.read_csv(tmp_path / "acled.csv"))


def test_export_errors(db, tmp_path):
    with pytest.raises(UnknownFormat):
        export(db, "cameo-xml", tmp_path / "x")
    with pytest.raises(ExportError) as err:
        export(db, "gdelt-tsv", tmp_path / "missing" / "x.tsv")
    assert err.value.code == "W043"
    with pytest.raises(ExportError):
        export(db, "parquet", "-")
    (tmp_path / "file").write_text("")
    with pytest.raises(ExportError):
        export(db, "parquet", tmp_path / "file")


def test_export_to_stdout_with_filters(db, capsys):
    assert export(db, "plover-jsonl", "-", type="ASSAULT", place="reyn",
                  document="doc_handmade") == 1
    [line] = capsys.readouterr().out.splitlines()
    assert json.loads(line)["id"] == "event_aaaa000000000002"


def _check_offsets(frame: pd.DataFrame, doc_col: str, start_col: str, end_col: str,
                   texts: dict[str, str]) -> None:
    """Every row names its document and evidence offsets that point into that document."""
    assert frame[doc_col].isin(list(texts)).all()
    for doc_id, start, end in zip(frame[doc_col], frame[start_col], frame[end_col], strict=True):
        assert 0 <= start < end <= len(texts[doc_id])
