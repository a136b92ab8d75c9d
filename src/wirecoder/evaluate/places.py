"""Toponym scorer for GeoVirus and TR-News: `wirecoder eval places --data FILE.xml [--format gritta]`.

Both corpora (from Gritta et al.'s geoparsing evaluations) are XML: <article> elements with the
article <text> and its gold toponyms.
  - GeoVirus: <locations><location> with <name>, <start>, <end>, <lat>, <lon>, <page> (a
    Wikipedia URL), optional <altName> and an empty <continent/> marker. Its offsets are one
    past the text's (1-based start, end exclusive + 1); coordinates are Wikipedia's.
  - TR-News: <toponyms><toponym> with <phrase>, <start>, <end> and, unless the place is not in
    GeoNames (streets, buildings), a <gaztag geonameid=...> with <name>, <fcode>, <lat>, <lon>,
    <country> and <admin1>. A few offsets are off by one or two characters.
Gold offsets are therefore re-anchored: the nearest occurrence of the gold phrase within three
characters of the given start, else the nearest occurrence in the article, else the given range.

Each article text goes through the pipeline as is; predicted places are mapped back to original
offsets with `document.original_span`. A gold toponym is *recognised* when a predicted place
overlaps it (the prediction with the largest overlap is its match); a predicted place is
*correct* when it overlaps some gold toponym.

Metrics (toponyms without gold coordinates count for recall only):
  n                 gold toponyms with coordinates: the denominator of the geographic metrics.
  recall            gold toponyms recognised / all gold toponyms (with or without coordinates).
  precision         the share of the places wirecoder asserts that match a gold toponym: predicted
                    places overlapping a gold toponym by at least one character / predicted places.
                    Exact only where gold marks every toponym of the text; neither corpus does
                    (see `gold_name_coverage` and the README), so it is a lower bound.
  precision_no_demonyms  the same over predictions that are not demonyms ("Mexican"): GeoVirus
                    annotates no demonym, TR-News annotates them. The pipeline reports demonyms
                    apart from places (`Analysis.demonyms`); the scorer reads both, since
                    TR-News marks them as toponyms (`predictions`).
  gold_name_coverage  of the whole-word occurrences, in the article texts, of the names gold marks
                    somewhere in that article, the share gold marks: how completely the corpus
                    annotates the names it annotates at all (the rest are mostly names inside
                    organisation names: "Buffalo Public Schools", "Auckland Zoo").
  acc_161km         gold toponyms whose matched prediction lies within 161 km (100 miles) of the
                    gold point / n. Unrecognised toponyms and predictions without coordinates
                    count as errors, so this folds recognition and resolution together.
  exact             matched with the same GeoNames id (TR-News, when the prediction has one), or
                    within 10 km of the gold point; / n.
  mean_km, median_km  error distance over the toponyms that were matched to a prediction with
                    coordinates (`n_resolved` of them): resolution quality alone.
  country_accuracy  matched predictions in the gold country / gold toponyms with a known country.
                    TR-News names it; for GeoVirus it is the country whose outline holds the gold
                    point (coarse outlines from countryinfo), not derived for continents.
  admin1_accuracy   matched predictions with the gold first-level subdivision / gold toponyms
                    with a known one. TR-News names it (for places below admin1 and admin1s
                    themselves); for GeoVirus it is derived only where the gold point lies within
                    15 km of a gazetteer town of the same name (the town's admin1).
  gazetteer_ceiling_161km  gold toponyms for which the gazetteer holds some entry under the gold
                    name (any of its names) within 161 km of the gold point / n: the best
                    acc_161km any disambiguation could reach with this gazetteer and its one
                    point per place. The gap to acc_161km is the resolver's; the rest is the
                    gazetteer's (names it lacks, or its point for a country or state lying far
                    from the corpus' convention: GeoNames' for TR-News, Wikipedia's for GeoVirus).
  ceiling_gap_area_points, ceiling_gap_absent_names  the gold toponyms beyond that ceiling / n, by
                    why: the gazetteer holds the name as a country, first-level subdivision or
                    region, but its point lies over 161 km from the corpus' (a representative-point
                    convention: "Canada" at GeoNames' 60.1 N 113.6 W in TR-News, 1,000 km from the
                    gazetteer's), or it holds no entry of the name at all (a village, a
                    landmark). The rest of the gap are names the gazetteer holds only elsewhere
                    (a namesake town).
Unrecognised gold toponyms count as errors in every accuracy. `crashes` counts articles whose
analysis raised (scored as having no predictions).
"""

from __future__ import annotations

import re
import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import DataMissing
from . import scorer


@dataclass
class GoldToponym:
    start: int
    end: int
    name: str
    lat: float | None
    lon: float | None
    geonames_id: int | None = None
    fcode: str | None = None
    country_name: str | None = None
    admin1_name: str | None = None
    continent: bool = False
    country: str | None = None  # ISO alpha-3, filled in by `_derive`
    admin1: str | None = None  # a name, filled in by `_derive`


@dataclass
class GoldArticle:
    text: str
    toponyms: list[GoldToponym]


def _float(x: str | None) -> float | None:
    try:
        return float(x) if x not in (None, "") else None
    except ValueError:
        return None


def _anchor(text: str, name: str, start: int, end: int) -> tuple[int, int]:
    for d in (0, -1, 1, -2, 2, -3, 3):
        s = start + d
        if s >= 0 and text[s:s + len(name)] == name:
            return s, s + len(name)
    hits = []
    i = text.find(name)
    while i != -1:
        hits.append(i)
        i = text.find(name, i + 1)
    if hits:
        s = min(hits, key=lambda h: abs(h - start))
        return s, s + len(name)
    return start, end


def load_gritta(path: str | Path, limit: int | None = None) -> list[GoldArticle]:
    """GeoVirus or TR-News articles with re-anchored gold toponyms."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise DataMissing(f"cannot read the gold file {path}: {exc}") from None
    articles: list[GoldArticle] = []
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        golds: list[GoldToponym] = []
        for loc in art.iter("location"):
            name = loc.findtext("name") or ""
            s, e = _anchor(text, name, int(loc.findtext("start") or 0),
                           int(loc.findtext("end") or 0))
            golds.append(GoldToponym(s, e, name, _float(loc.findtext("lat")),
                                     _float(loc.findtext("lon")),
                                     continent=loc.find("continent") is not None))
        for top in art.iter("toponym"):
            name = top.findtext("phrase") or ""
            s, e = _anchor(text, name, int(top.findtext("start") or 0),
                           int(top.findtext("end") or 0))
            gaz = top.find("gaztag")
            if gaz is None:
                golds.append(GoldToponym(s, e, name, None, None))
                continue
            gid = gaz.get("geonameid")
            golds.append(GoldToponym(
                s, e, name, _float(gaz.findtext("lat")), _float(gaz.findtext("lon")),
                geonames_id=int(gid) if gid and gid.isdigit() else None,
                fcode=gaz.findtext("fcode"), country_name=gaz.findtext("country"),
                admin1_name=gaz.findtext("admin1"), continent=gaz.findtext("fcode") == "CONT"))
        articles.append(GoldArticle(text, golds))
        if limit is not None and len(articles) >= limit:
            break
    return articles


def _derive(golds: list[GoldToponym], gaz) -> None:
    """Gold country (ISO3) and admin1 where the data give or imply them (see the docstring)."""
    from ..gazetteer import key

    for g in golds:
        if g.lat is None or g.continent:
            continue
        if g.country_name:
            cc = next((c.entry.cc for c in gaz.lookup(key(g.country_name))
                       if c.entry.precision == "country"), None)
            g.country = gaz.iso3(cc)
        elif g.fcode is None:
            g.country = gaz.iso3(gaz.country_at(g.lat, g.lon))
        if g.admin1_name:
            if g.fcode not in ("PCLI", "PCLD", "PCLS", "PCLF", "PCLIX", "PCL", "CONT"):
                g.admin1 = g.admin1_name
        elif g.fcode is None:
            town = gaz.nearest(g.lat, g.lon, max_km=15)
            if town is not None and town.admin1 and (
                    key(town.name) == key(g.name)
                    or any(c.entry.id == town.id for c in gaz.lookup(key(g.name)))):
                g.admin1 = town.admin1


def _same_admin1(pred: str | None, gold: str, cc3: str | None, gaz) -> bool:
    from ..gazetteer import key

    if not pred:
        return False
    if key(pred) == key(gold):
        return True
    ids_pred = {c.entry.id for c in gaz.lookup(key(pred)) if c.entry.precision == "admin1"}
    ids_gold = {c.entry.id for c in gaz.lookup(key(gold)) if c.entry.precision == "admin1"}
    return bool(ids_pred & ids_gold)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _reachable(g: GoldToponym, gaz) -> bool:
    """Some gazetteer entry of the gold toponym's name lies within 161 km of its gold point."""
    from ..gazetteer import haversine_km
    from ..gazetteer.names import key

    return any(c.entry.lat is not None and c.entry.lon is not None and
               haversine_km(g.lat, g.lon, c.entry.lat, c.entry.lon) <= 161
               for c in gaz.lookup(key(g.name)))


AREA_PRECISIONS = frozenset({"country", "admin1", "region"})


def _unreachable_kind(g: GoldToponym, gaz) -> str:
    """Why a gold toponym is beyond the gazetteer's ceiling: "area_point" (the name is a country,
    first-level subdivision or region whose point lies elsewhere), "absent" (no entry of the
    name) or "namesake" (only entries of other places of the name)."""
    from ..gazetteer.names import key

    cands = gaz.lookup(key(g.name))
    if not cands:
        return "absent"
    if any(c.entry.precision in AREA_PRECISIONS for c in cands):
        return "area_point"
    return "namesake"


def predictions(analysis) -> list[tuple[tuple[int, int], Any]]:
    """The places and demonyms of an analysis at original offsets: what the scorer matches."""
    doc = analysis.document
    return [(doc.original_span(p.span), p) for p in [*analysis.places, *analysis.demonyms]]


TALLY_KEYS = ("pred", "pred_hit", "pred_demonym", "pred_demonym_hit", "gold", "gold_hit", "n",
              "acc161", "exact", "country_n", "country_ok", "admin1_n", "admin1_ok", "reachable",
              "gap_area_point", "gap_absent",
              "name_occurrences", "name_occurrences_marked")


def new_tally() -> dict[str, Any]:
    return {**{k: 0 for k in TALLY_KEYS}, "distances": []}


def _name_coverage(gold: GoldArticle) -> tuple[int, int]:
    """(occurrences of gold names as whole words in the text, those gold marks)."""
    spans = [(g.start, g.end) for g in gold.toponyms]
    seen = marked = 0
    for name in {g.name for g in gold.toponyms if g.name}:
        for hit in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", gold.text):
            seen += 1
            marked += any(_overlap(hit.span(), s) for s in spans)
    return seen, marked


def score_article(gold: GoldArticle, preds: list[tuple[tuple[int, int], Any]], gaz,
                  tally: dict[str, Any]) -> None:
    from ..gazetteer import haversine_km

    tally["pred"] += len(preds)
    for rng, place in preds:
        hit = any(_overlap(rng, (g.start, g.end)) for g in gold.toponyms)
        demonym = getattr(place, "feature", None) == "demonym"
        tally["pred_hit"] += hit
        tally["pred_demonym"] += demonym
        tally["pred_demonym_hit"] += hit and demonym
    seen, marked = _name_coverage(gold)
    tally["name_occurrences"] += seen
    tally["name_occurrences_marked"] += marked
    for g in gold.toponyms:
        tally["gold"] += 1
        best = max(preds, key=lambda p: _overlap(p[0], (g.start, g.end)), default=None)
        match = best[1] if best is not None and _overlap(best[0], (g.start, g.end)) else None
        tally["gold_hit"] += match is not None
        if g.lat is None or g.lon is None:
            continue
        tally["n"] += 1
        dist = None
        if match is not None and match.latitude is not None and match.longitude is not None:
            dist = haversine_km(g.lat, g.lon, match.latitude, match.longitude)
            tally["distances"].append(dist)
        tally["acc161"] += dist is not None and dist <= 161
        reachable = _reachable(g, gaz)
        tally["reachable"] += reachable
        if not reachable:
            kind = _unreachable_kind(g, gaz)
            tally["gap_area_point"] += kind == "area_point"
            tally["gap_absent"] += kind == "absent"
        same_id = g.geonames_id is not None and match is not None and \
            match.geonames_id == g.geonames_id
        tally["exact"] += bool(same_id or (dist is not None and dist <= 10))
        if g.country:
            tally["country_n"] += 1
            tally["country_ok"] += match is not None and match.country == g.country
        if g.admin1:
            tally["admin1_n"] += 1
            tally["admin1_ok"] += match is not None and _same_admin1(match.admin1, g.admin1,
                                                                     g.country, gaz)


def summarize(t: dict[str, Any]) -> dict[str, Any]:
    def ratio(a: float, b: float) -> float:
        return round(a / b, 4) if b else 0.0

    d = t["distances"]
    precision, recall = ratio(t["pred_hit"], t["pred"]), ratio(t["gold_hit"], t["gold"])
    return {
        "exact": ratio(t["exact"], t["n"]),
        "acc_161km": ratio(t["acc161"], t["n"]),
        "gazetteer_ceiling_161km": ratio(t["reachable"], t["n"]),
        "ceiling_gap_area_points": ratio(t["gap_area_point"], t["n"]),
        "ceiling_gap_absent_names": ratio(t["gap_absent"], t["n"]),
        "country_accuracy": ratio(t["country_ok"], t["country_n"]),
        "admin1_accuracy": ratio(t["admin1_ok"], t["admin1_n"]),
        "mean_km": round(statistics.fmean(d), 1) if d else 0.0,
        "median_km": round(statistics.median(d), 1) if d else 0.0,
        "recall": recall,
        "precision": precision,
        "precision_no_demonyms": ratio(t["pred_hit"] - t["pred_demonym_hit"],
                                       t["pred"] - t["pred_demonym"]),
        "gold_name_coverage": ratio(t["name_occurrences_marked"], t["name_occurrences"]),
        "f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
        "n": t["n"],
        "n_resolved": len(d),
        "n_gold": t["gold"],
        "n_pred": t["pred"],
        "n_pred_demonyms": t["pred_demonym"],
        "country_n": t["country_n"],
        "admin1_n": t["admin1_n"],
    }


@scorer("places", "gritta", default=True)
def score_gritta(path: Path, pipeline: Any, limit: int | None = None,
                 **options: Any) -> dict[str, Any]:
    """Toponym recognition and resolution of `pipeline` on GeoVirus.xml or TR-News.xml."""
    from ..gazetteer import load_gazetteer

    if Path(path).is_dir():
        raise DataMissing(f"give the XML file itself (GeoVirus.xml or TR-News.xml), not {path}")
    articles = load_gritta(path, limit=limit)
    gaz = load_gazetteer()
    tally = new_tally()
    crashes = mismatches = 0
    analyses = iter(pipeline.pipe([a.text for a in articles]))
    for article in articles:
        _derive(article.toponyms, gaz)
        try:
            analysis = next(analyses)
            doc = analysis.document
            mismatches += doc.original_text != article.text
            preds = predictions(analysis)
        except StopIteration:
            preds = []
            crashes += 1
        except Exception:  # an evaluation reports crashes, it does not stop at them
            crashes += 1
            preds = []
            analyses = iter(pipeline.pipe([a.text for a in articles[articles.index(article) + 1:]]))
        score_article(article, preds, gaz, tally)
    return {**summarize(tally), "crashes": crashes, "text_mismatches": mismatches,
            "articles": len(articles)}
