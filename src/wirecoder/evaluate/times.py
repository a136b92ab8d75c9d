"""Time-expression scorer on TimeML: `wirecoder eval times --data PATH [--format timeml]`.

Gold. Every `*.tml` file under PATH (searched recursively; a file whose DOCID and text repeat an
earlier one is skipped and counted in `duplicates_skipped`). The document creation time is the
TIMEX3 with functionInDocument="CREATION_TIME"; the gold expressions are the TIMEX3 elements
inside TEXT. The pipeline reads the plain text of TEXT (markup removed, entities decoded) with the
DCT as its publication date, and its `times` records are mapped back to offsets of that text with
`Document.original_span`.

Metrics, after the TempEval-3 definitions (UzZaman et al., 2013):
  - strict: a prediction matches a gold expression with the same character range;
  - relaxed: a prediction matches a gold expression it overlaps. Predictions and gold expressions
    are paired one to one (exact matches first, then the largest overlap), so one long prediction
    covering two gold expressions counts once;
  - precision = matched / predicted, recall = matched / gold, F1 their harmonic mean;
  - type_accuracy = relaxed pairs with the same TimeML type / relaxed pairs;
  - value_precision / value_recall / value_f1 = relaxed pairs with the same TIMEX3 value over
    predicted / gold (TempEval-3's attribute F1); value_accuracy = the same over relaxed pairs.
    Values are compared after upper-casing and zero-padding ISO week numbers (1998-W8 = 1998-W08).
`false_calendar_words` counts predictions holding a pronoun ("We" as Wednesday) or a calendar
word that is not used as one: a lower-case "may", "march", "sun", "sat", "wed", or such a word,
capitalised, in a prediction without digits that overlaps no gold expression.

Documents whose analysis raises are counted in `crashes` and scored with no predictions.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import DataMissing
from ..lang.en import words
from . import prf, scorer

PRONOUNS = words("pronouns", kind="personal")
# month names and weekday abbreviations that are also common words
CALENDAR_TRAPS = words("months", ambiguous="yes") | words("weekdays", ambiguous="yes")


@dataclass(frozen=True)
class Expression:
    start: int
    end: int
    text: str
    type: str
    value: str | None


@dataclass(frozen=True)
class TimeMLDoc:
    doc_id: str
    path: Path
    text: str
    dct: str | None
    gold: tuple[Expression, ...]


# ---------------------------------------------------------------- reading TimeML


def read_timeml(path: Path) -> TimeMLDoc:
    """One .tml file: its TEXT as plain text, the TIMEX3s in it, and the DCT value."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise DataMissing(f"cannot parse the TimeML file {path}: {exc}") from None
    dct = None
    for el in root.iter("TIMEX3"):
        if el.get("functionInDocument") == "CREATION_TIME":
            dct = el.get("value")
            break
    text_el = root.find(".//TEXT")
    if text_el is None:
        raise DataMissing(f"no TEXT element in {path}")
    parts: list[str] = []
    gold: list[Expression] = []
    length = 0

    def walk(el: ET.Element) -> None:
        nonlocal length
        start = length
        if el.text:
            parts.append(el.text)
            length += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)
        if el.tag == "TIMEX3" and el is not text_el:
            gold.append(Expression(start, length, "", el.get("type", "DATE"), el.get("value")))

    walk(text_el)
    text = "".join(parts)
    gold = [Expression(e.start, e.end, text[e.start:e.end], e.type, e.value)
            for e in sorted(gold, key=lambda e: (e.start, e.end))]
    doc_id = (root.findtext("DOCID") or path.stem).strip()
    return TimeMLDoc(doc_id=doc_id, path=path, text=text, dct=dct, gold=tuple(gold))


def load_timeml(path: Path, limit: int | None = None) -> tuple[list[TimeMLDoc], int]:
    """The documents under `path` (a .tml file or a folder searched recursively), and how many
    duplicate files were skipped."""
    files = [path] if path.is_file() else sorted(path.rglob("*.tml"))
    if not files:
        raise DataMissing(f"no .tml files found under {path}")
    docs: list[TimeMLDoc] = []
    seen: set[tuple[str, str]] = set()
    duplicates = 0
    for f in files:
        doc = read_timeml(f)
        key = (doc.doc_id, doc.text)
        if key in seen:
            duplicates += 1
            continue
        seen.add(key)
        docs.append(doc)
        if limit is not None and len(docs) >= limit:
            break
    return docs, duplicates


def published_of(dct: str | None) -> str | None:
    """The DCT as a publication datetime the pipeline accepts (odd forms keep their date)."""
    if not dct:
        return None
    m = re.match(r"(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(?::\d{2})?)?", dct)
    if m is None:
        return None
    return m.group(1) + (m.group(2) or "")


# ---------------------------------------------------------------- matching


def normalize_value(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip().upper()
    return re.sub(r"-W(\d)(?!\d)", r"-W0\1", value)


def pair(gold: list[Expression], pred: list[Expression]) -> list[tuple[int, int]]:
    """One-to-one (gold index, prediction index) pairs: exact ranges first, then by overlap."""
    scored = []
    for i, gx in enumerate(gold):
        for j, px in enumerate(pred):
            overlap = min(gx.end, px.end) - max(gx.start, px.start)
            if overlap > 0:
                exact = gx.start == px.start and gx.end == px.end
                scored.append((not exact, -overlap, i, j))
    scored.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, _, i, j in scored:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((i, j))
    return pairs


def false_calendar_word(px: Expression, gold: list[Expression]) -> bool:
    words = re.findall(r"[A-Za-z]+", px.text)
    overlaps_gold = any(min(g.end, px.end) > max(g.start, px.start) for g in gold)
    has_digit = any(ch.isdigit() for ch in px.text)
    for w in words:
        low = w.lower()
        if low in PRONOUNS:
            return True
        if low in CALENDAR_TRAPS and (w[0].islower() or (not overlaps_gold and not has_digit)):
            return True
    return False


def score_document(gold: list[Expression], pred: list[Expression]) -> Counter[str]:
    counts: Counter[str] = Counter(gold=len(gold), predicted=len(pred))
    pairs = pair(gold, pred)
    counts["relaxed"] = len(pairs)
    for i, j in pairs:
        gx, px = gold[i], pred[j]
        counts["strict"] += gx.start == px.start and gx.end == px.end
        counts["type_correct"] += gx.type == px.type
        counts["value_correct"] += normalize_value(gx.value) == normalize_value(px.value)
    counts["false_calendar_words"] = sum(false_calendar_word(px, gold) for px in pred)
    return counts


def predicted_expressions(analysis: Any) -> list[Expression]:
    doc = analysis.document
    out = []
    for t in analysis.times:
        if t.from_publication_date:
            continue  # the document's own date, not an expression in its text
        start, end = doc.original_span(t.span)
        out.append(Expression(start, end, doc.original_text[start:end], t.type, t.value))
    return out


def summarize(counts: Counter[str]) -> dict[str, Any]:
    n_gold, n_pred = counts["gold"], counts["predicted"]
    metrics: dict[str, Any] = {}
    p, r, f = prf(counts["relaxed"], n_pred, counts["relaxed"], n_gold)
    metrics.update(relaxed_precision=p, relaxed_recall=r, relaxed_f1=f)
    p, r, f = prf(counts["strict"], n_pred, counts["strict"], n_gold)
    metrics.update(strict_precision=p, strict_recall=r, strict_f1=f)
    matched = counts["relaxed"]
    metrics["type_accuracy"] = round(counts["type_correct"] / matched, 4) if matched else 0.0
    p, r, f = prf(counts["type_correct"], n_pred, counts["type_correct"], n_gold)
    metrics["type_f1"] = f
    p, r, f = prf(counts["value_correct"], n_pred, counts["value_correct"], n_gold)
    metrics.update(value_precision=p, value_recall=r, value_f1=f)
    metrics["value_accuracy"] = round(counts["value_correct"] / matched, 4) if matched else 0.0
    metrics["false_calendar_words"] = counts["false_calendar_words"]
    metrics["gold"], metrics["predicted"] = n_gold, n_pred
    return metrics


# ---------------------------------------------------------------- the scorer


@scorer("times", "timeml", default=True)
def score_timeml(path: Path, pipeline: Any, limit: int | None = None,
                 **options: Any) -> dict[str, Any]:
    """Time-expression metrics of `pipeline` on TimeML files under `path`."""
    docs, duplicates = load_timeml(Path(path), limit=limit)
    counts: Counter[str] = Counter()
    crashes = mismatches = 0
    for doc in docs:
        try:
            analysis = pipeline.analyze(doc.text, published=published_of(doc.dct))
            pred = predicted_expressions(analysis)
            mismatches += analysis.document.original_text != doc.text
        except Exception:  # an evaluation reports crashes, it does not stop at them
            crashes += 1
            pred = []
        counts.update(score_document(list(doc.gold), pred))
    return {**summarize(counts), "crashes": crashes, "text_mismatches": mismatches,
            "duplicates_skipped": duplicates, "n": len(docs)}
