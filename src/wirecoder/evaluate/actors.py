"""Actor coding on NGEC's actor-resolution cases: `wirecoder eval actors --data PATH
[--part tune|validation|all]`.

Data. JSONL, one case a line: `{"test", "call", "input", "context", "date", "expect"}` (NGEC's
`tests/test_actor_resolution.py` as data). Calls and what they expect:
  - `agent_to_code` (a mention -> country and sector codes): `country`, `code_1` (primary sector),
    `code_1__In` (any of these), `country__NotEq`, `code__Is: null` (not a known actor);
  - `short_text_to_agent` (a description -> sector): `code_1`, sometimes `country`;
  - `search_nat` (a phrase -> the country it names): `cc`;
  - `trf_agent_match` (nonsense -> no code): `code__Is: null`;
  - `query_wiki` expects only a Wikipedia title: not scored (wirecoder keeps no Wikipedia).

Mapping. Each input goes through `clean, parse, actors` as its own document, published on the
case's date; an undated case or one dated "today" is coded at `today` (default 2023-03-31, the
date NGEC published the cases, which their "today" expectations follow). The predicted actor is
the one whose mentions cover most of the input; its `country` and first sector are the codes.
No actor, or one without codes, is ("", ""): NGEC's `null`, `UNK` (unknown sector) and `JNK`
(junk) expect the same. An international organisation is coded so in both: NGEC's pseudo-countries
(`IGO`, `UNO` for the UN's bodies, `EUR` for the EU's) read as `IGO`, and so does an actor of ours
with no country whose first sector is IGO (its next sector is then its sector, as in POLECAT). NGEC's `context` is text around the mention: when the actor has no
country, the country a context word names is taken (as NGEC does).

Metrics: `country_accuracy` over the cases with a country expectation, `sector_accuracy` over
those with a primary-sector expectation (`sector_any_accuracy`: the expected sector is any of
the actor's sectors), `n` cases scored, `crashes`. `part`: cases are split in two halves by a
hash of their test name and input; `tune` is the half whose errors may be read and fixed,
`validation` the half nobody reads (no `errors` listed for it).
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date, datetime
from functools import partial
from operator import eq, ne
from pathlib import Path
from typing import Any

from ..errors import DataMissing, UnknownFormat
from . import scorer

PARTS = ("tune", "validation", "all")
TODAY = "2023-03-31"
_NO_CODE = {None, "", "UNK", "JNK"}
_SKIP_SECTOR = {"????"}
_IO_COUNTRIES = {"IGO", "UNO", "EUR", "NATO", "NAT", "AFR", "ASA", "WST"}


def part_of(case: dict[str, Any]) -> str:
    key = f"{case.get('test')}|{case.get('input')}".encode()
    return "tune" if hashlib.sha256(key).digest()[0] % 2 == 0 else "validation"


def expectations(case: dict[str, Any]) -> tuple[Any, Any]:
    """(country test, sector test) of a case: a predicate on the predicted code, or None."""
    exp = case.get("expect") or {}
    country = sector = None
    if "code__Is" in exp and exp["code__Is"] is None:
        return partial(eq, ""), partial(eq, "")
    if "cc" in exp or "country" in exp:
        country = partial(eq, _norm(exp.get("cc", exp.get("country"))))
    elif "country__NotEq" in exp:
        country = partial(ne, exp["country__NotEq"])
    if "code_1" in exp and exp["code_1"] not in _SKIP_SECTOR:
        sector = partial(eq, _norm(exp["code_1"]))
    elif "code_1__In" in exp:
        sector = tuple(exp["code_1__In"]).__contains__
    return country, sector


def _norm(code: Any) -> str:
    return "" if code in _NO_CODE else "IGO" if code in _IO_COUNTRIES else str(code)


def case_date(raw: Any, today: str) -> str:
    if not raw or str(raw).strip().lower() == "today":
        return today
    text = str(raw).strip()
    for fmt in ("%Y-%m-%d", "%d %B %Y", "%B %d, %Y"):
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return today


def predicted(analysis, text: str, context: str | None) -> tuple[str, list[str]]:
    """(country, sectors) of the actor covering most of `text`."""
    best, cover = None, 0
    for actor in analysis.actors:
        covered = sum(m.end - m.start for m in actor.mentions)
        if covered > cover:
            best, cover = actor, covered
    country = (best.country or "") if best else ""
    sectors = list(best.sectors) if best else []
    if not country and sectors[:1] == ["IGO"]:
        country, sectors = "IGO", sectors[1:]
    if best is not None and not country and context:
        from ..extract.actor_codes import country_of
        for word in re.findall(r"[A-Za-z][\w'’.-]*", context):
            if country_of(word):
                country = country_of(word) or ""
                break
    return country, sectors


def _pipeline(pipeline):
    from ..pipeline import Pipeline, PipelineConfig

    options = {"actors": pipeline.config.options["actors"]} if pipeline is not None and \
        "actors" in getattr(pipeline.config, "options", {}) else {}
    return Pipeline(PipelineConfig(stages=["clean", "parse", "actors"], options=options))


@scorer("actors", "ngec", default=True)
def score_actors(path: Path, pipeline=None, *, limit: int | None = None, part: str = "all",
                 today: str = TODAY, progress: bool = False, **_: Any) -> dict[str, Any]:
    if part not in PARTS:
        raise UnknownFormat(f"unknown part {part!r}; choose one of {', '.join(PARTS)}")
    date.fromisoformat(today)
    if path.is_dir():
        path = path / "events" / "ngec_actor_resolution_cases.jsonl"
    if not path.is_file():
        raise DataMissing(f"no NGEC actor cases at {path}")
    cases = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    cases = [c for c in cases if c.get("input") and (part == "all" or part_of(c) == part)]
    cases = cases[:limit] if limit else cases
    nlp = _pipeline(pipeline)
    counts = {"country": [0, 0], "sector": [0, 0], "sector_any": [0, 0]}
    errors, crashes, scored = [], 0, 0
    for case in cases:
        country_ok, sector_ok = expectations(case)
        if country_ok is None and sector_ok is None:
            continue
        scored += 1
        try:
            analysis = nlp.analyze(case["input"], published=case_date(case.get("date"), today))
            country, sectors = predicted(analysis, case["input"], case.get("context"))
        except Exception:  # noqa: BLE001 - a crash is scored as no code, and counted
            crashes += 1
            country, sectors = "", []
        first = sectors[0] if sectors else ""
        right = []
        if country_ok is not None:
            right.append(country_ok(country))
            _count(counts["country"], right[-1])
        if sector_ok is not None:
            right.append(sector_ok(first))
            _count(counts["sector"], right[-1])
            _count(counts["sector_any"], any(sector_ok(s) for s in sectors or [""]))
        if not all(right) and part_of(case) == "tune":
            errors.append(f"{case['test']}: {case['input']!r} -> {country or '-'}/"
                          f"{'/'.join(sectors) or '-'} want {json.dumps(case['expect'])}")
    metrics: dict[str, Any] = {f"{k}_accuracy": round(v[0] / v[1], 4) if v[1] else 0.0
                               for k, v in counts.items()}
    metrics.update({"n": scored, "country_cases": counts["country"][1],
                    "sector_cases": counts["sector"][1], "crashes": crashes, "part": part,
                    "today": today})
    if part != "validation":
        metrics["errors"] = errors
    return metrics


def _count(pair: list[int], ok: bool) -> None:
    pair[0] += int(ok)
    pair[1] += 1
