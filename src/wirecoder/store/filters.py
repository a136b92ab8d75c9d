"""Filter values for the store's queries, read and checked before any SQL runs.

A value no record can hold (`--type BOGUS`, `--country MEXICO`, `--limit -1`) is W041 naming it
and what to give instead, not an empty answer (or, for a negative limit, every row): the CLI,
the exports and the API all query through `Store.*_hits`, which read their filters here.
Event types and countries outside the known lists are still accepted when the store holds them
(a plugin's event type, a country code outside ISO 3166 such as XKX).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from datetime import date, datetime
from functools import cache
from typing import Any, get_args

from ..knowledge.plover import plover_types
from ..records import Claim, Quote
from .errors import BadFilter

EVENT_TYPES = frozenset(plover_types())  # the PLOVER types: knowledge/plover_types.tsv
QUOTE_KINDS = get_args(Quote.model_fields["kind"].annotation)
CLAIM_KINDS = get_args(Claim.model_fields["kind"].annotation)
VERDICTS = get_args(Claim.model_fields["verdict"].annotation)


@cache
def iso3_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries)


def values(value: str | Iterable[str] | None, upper: bool = False) -> list[str]:
    """A filter value: one string, a comma-separated string or a list of strings."""
    if value is None:
        return []
    items = value.split(",") if isinstance(value, str) else list(value)
    out = [str(v).strip() for v in items if str(v).strip()]
    return [v.upper() for v in out] if upper else out


def known(what: str, given: list[str], allowed: Collection[str], hint: str,
          stored: Callable[[], Collection[str]] | None = None) -> list[str]:
    """`given`, if every value is `allowed` (or, with `stored`, held in the store)."""
    unknown = [v for v in given if v not in allowed]
    if unknown and stored is not None:
        held = set(stored())
        unknown = [v for v in unknown if v not in held]
    if unknown:
        raise BadFilter(f"unknown {what} {', '.join(unknown)}; {hint}")
    return given


def event_types(value: Any, stored: Callable[[], Collection[str]]) -> list[str]:
    return known("event type", values(value, upper=True), EVENT_TYPES,
                 f"choose from the PLOVER types {', '.join(sorted(EVENT_TYPES))}", stored)


def countries(value: Any, stored: Callable[[], Collection[str]] | None = None) -> list[str]:
    return known("country code", values(value, upper=True), iso3_codes(),
                 "use ISO 3166 alpha-3 codes such as MEX, USA, CHN", stored)


def choices(what: str, value: Any, allowed: Collection[str]) -> list[str]:
    """Lower-cased values of a fixed set (quote and claim kinds, verdicts, modalities)."""
    return known(what, [v.lower() for v in values(value)], allowed,
                 f"choose from {', '.join(allowed)}")


def limit(value: Any) -> int | None:
    """A row limit: a whole number, 1 or more (a negative one returned every row)."""
    if value is None:
        return None
    if isinstance(value, bool) or not re.fullmatch(r"[+-]?\d+", str(value).strip()):
        raise BadFilter(f"limit must be a whole number of rows, not {value!r}")
    number = int(str(value).strip())
    if number < 1:
        raise BadFilter(f"limit must be 1 or more, not {number}")
    return number


def confidence(value: Any) -> float:
    """A confidence threshold from the command line, a query string or Python: 0 to 1."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise BadFilter(f"min_confidence must be a number from 0 to 1, not {value!r}") from None
    if not 0.0 <= number <= 1.0:
        raise BadFilter(f"min_confidence must be from 0 to 1, not {number}")
    return number


def as_date(value: str | date | datetime | None) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    from ..ingest.base import parse_published

    parsed = parse_published(value)
    return parsed.date() if parsed else None


def not_for(kind: str, **filters: Any) -> None:
    given = [name for name, value in filters.items() if value]
    if given:
        raise BadFilter(f"the filter {', '.join(given)} does not apply to {kind}")
