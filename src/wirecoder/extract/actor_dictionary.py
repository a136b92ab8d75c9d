"""Named actors with dated roles: who a name is on a given day.

The shipped table is knowledge/actors_dictionary.tsv (built by scripts/build_actor_dictionary.py
from PETRARCH2's Phoenix dictionaries and facts written for wirecoder). A user adds or overrides
rows with a CSV of the same columns (`name, aliases, kind, country, sector, role, start, end`,
`source` optional): `WIRECODER_KNOWLEDGE` names the CSV itself or a folder holding
`actors_dictionary.csv`. A user's row wins over a shipped row of the same name on the days it
covers. A bad row is a one-line W024 naming the file and line; the rest of the file loads.

`lookup("Trump", "2022-06-01")` -> USA PTY; on "2019-06-01" and "2025-02-01" -> USA GOV.
"""

from __future__ import annotations

import csv
import logging
import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from ..errors import BadKnowledgeRow
from ..knowledge import load_tsv

COLUMNS = ("name", "aliases", "kind", "country", "sector", "role", "start", "end", "source")
# A user's row beats a row written for wirecoder, which beats one taken from PETRARCH.
_RANK = {"user": 3, "wirecoder": 2, "petrarch2": 1}
_CODE = re.compile(r"^[A-Z]{3}$")
log = logging.getLogger("wirecoder")


def name_key(name: str) -> str:
    """'Recep Tayyip Erdoğan' and 'recep tayyip erdogan' are one key; hyphens, dots, case and
    accents do not count."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9' ]+", " ", text.replace("’", "'")).split())


_LOOSE = [(re.compile(a), b) for a, b in (
    (r"kh", "h"), (r"ph", "f"), (r"ou", "u"), (r"w", "v"), (r"[yj]", "i"), (r"'", ""), (r"(.)\1+", r"\1"))]


def loose_key(name: str) -> str:
    """A key that spellings of one name transliterated differently share: 'Zelenskyy',
    'Zelenskiy' and 'Zelensky'; 'Borissov' and 'Borisov'. Tried only when the exact key fails."""
    key = name_key(name)
    for pattern, repl in _LOOSE:
        key = pattern.sub(repl, key)
    return key


@dataclass(frozen=True)
class Role:
    name: str
    kind: str
    country: str
    sectors: tuple[str, ...]
    role: str
    start: str
    end: str
    source: str

    def covers(self, day: str) -> bool:
        return (not self.start or self.start <= day) and (not self.end or day < self.end)

    @property
    def dated(self) -> bool:
        return bool(self.start or self.end)


class ActorDictionary:
    def __init__(self, rows: list[dict[str, str]]):
        self.by_key: dict[str, list[Role]] = {}
        names: dict[str, set[str]] = {}
        for row in rows:
            role = Role(row["name"], row.get("kind") or "person", row.get("country") or "",
                        tuple(s for s in (row.get("sector") or "").split("/") if s),
                        row.get("role") or "", row.get("start") or "", row.get("end") or "",
                        row.get("source") or "user")
            own = name_key(role.name)
            aliases = names.setdefault(own, {own})
            aliases.update(name_key(a) for a in (row.get("aliases") or "").split("|") if a.strip())
            self.by_key.setdefault(own, []).append(role)
        # every alias of a name reaches all of that name's rows
        self.alias_of: dict[str, set[str]] = {}
        self.loose_of: dict[str, set[str]] = {}
        for own, aliases in names.items():
            for alias in aliases:
                self.alias_of.setdefault(alias, set()).add(own)
                self.loose_of.setdefault(loose_key(alias), set()).add(own)

    def lookup(self, name: str, day: str | date | None = None) -> Role | None:
        """The role `name` held on `day` (the latest known when no day is given); None for a name
        not in the dictionary or one that names several actors who differ in country or sector."""
        key = name_key(name)
        owners = self.alias_of.get(key) or self.loose_of.get(loose_key(name), set())
        if key in owners:
            owners = {key}  # a full name beats another actor's alias
        day = day.isoformat()[:10] if isinstance(day, date) else (day or "")[:10]
        found = [r for r in (self._role_on(self.by_key[o], day) for o in sorted(owners)) if r]
        if not found or len({(r.country, r.sectors[:1]) for r in found}) > 1:
            return None
        return found[0]

    def canonical(self, name: str) -> str | None:
        """The one dictionary name `name` is a name or alias of ("CJNG" -> "jalisco new
        generation cartel", as a key), None for an unknown name or one several actors share."""
        key = name_key(name)
        owners = self.alias_of.get(key) or self.loose_of.get(loose_key(name), set())
        if key in owners:
            return key
        return next(iter(owners)) if len(owners) == 1 else None

    def kinds(self, name: str) -> set[str]:
        """The kinds (person, organization) of every actor `name` may stand for, whatever the day:
        "Clinton" is a person even where the dictionary cannot tell which Clinton."""
        owners = self.alias_of.get(name_key(name)) or self.loose_of.get(loose_key(name), set())
        return {r.kind for o in owners for r in self.by_key[o]}

    def sectors(self, name: str) -> set[str]:
        """The sectors of every actor `name` may stand for, whatever the day: "Hamas" is REB."""
        owners = self.alias_of.get(name_key(name)) or self.loose_of.get(loose_key(name), set())
        return {s for o in owners for r in self.by_key[o] for s in r.sectors}

    @staticmethod
    def _role_on(roles: list[Role], day: str) -> Role | None:
        if not day:
            return max(roles, key=lambda r: (_RANK.get(r.source, 3), r.end == "", r.start))
        within = [r for r in roles if r.covers(day)]
        if within:
            return max(within, key=lambda r: (r.dated, _RANK.get(r.source, 3), r.start))
        # a person outside every office listed: of that country, an elite (former or future
        # officeholder); an organisation outside its dates is not coded
        people = [r for r in roles if r.kind == "person" and r.country]
        if not people:
            return None
        near = min(people, key=lambda r: abs(_days(r.end or r.start, day)))
        return Role(near.name, "person", near.country, ("ELI",), "outside the offices listed",
                    "", "", near.source)


def _days(a: str, b: str) -> int:
    try:
        return (date.fromisoformat(a) - date.fromisoformat(b)).days
    except ValueError:
        return 0


def check_row(row: dict[str, str]) -> str | None:
    """Why a user's row cannot be used, or None."""
    if not (row.get("name") or "").strip():
        return "no name"
    if row.get("kind") and row["kind"] not in ("person", "organization"):
        return f"kind {row['kind']!r} is not person or organization"
    if row.get("country") and not _CODE.match(row["country"]):
        return f"country {row['country']!r} is not an ISO 3166 alpha-3 code"
    sectors = [s for s in (row.get("sector") or "").split("/") if s]
    if not sectors and not row.get("country"):
        return "neither a country nor a sector"
    if any(not _CODE.match(s) for s in sectors):
        return f"sector {row['sector']!r} is not a three-letter code (GOV, MIL, GOV/MIL ...)"
    for col in ("start", "end"):
        if row.get(col):
            try:
                date.fromisoformat(row[col])
            except ValueError:
                return f"{col} {row[col]!r} is not a date (YYYY-MM-DD)"
    if row.get("start") and row.get("end") and row["end"] <= row["start"]:
        return f"end {row['end']} is not after start {row['start']}"
    return None


def user_rows(path: Path) -> list[dict[str, str]]:
    """The usable rows of a user's CSV; each bad row logged as one W024 line and skipped."""
    rows = []
    try:
        text = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        log.warning("%s", BadKnowledgeRow(f"{path}: cannot be read: {exc}"))
        return rows
    reader = csv.DictReader(text.splitlines())
    if "name" not in (reader.fieldnames or []):
        log.warning("%s", BadKnowledgeRow(f"{path}:1: no 'name' column (columns: {', '.join(COLUMNS)})"))
        return rows
    for row in reader:
        row = {k.strip(): (v or "").strip() for k, v in row.items() if k}
        problem = check_row(row)
        if problem:
            log.warning("%s", BadKnowledgeRow(f"{path}:{reader.line_num}: {problem}; row skipped"))
            continue
        rows.append(row | {"source": row.get("source") or "user"})
    return rows


def user_file() -> Path | None:
    place = os.environ.get("WIRECODER_KNOWLEDGE")
    if not place:
        return None
    path = Path(place)
    if path.is_dir():
        path = path / "actors_dictionary.csv"
    return path if path.suffix.lower() == ".csv" and path.exists() else None


@cache
def _dictionary(user: Path | None, stamp: float) -> ActorDictionary:
    rows = [dict(r) for r in load_tsv("actors_dictionary.tsv")]
    return ActorDictionary(rows + (user_rows(user) if user else []))


def dictionary() -> ActorDictionary:
    """The shipped dictionary plus the user's CSV (read again when it changes)."""
    user = user_file()
    return _dictionary(user, user.stat().st_mtime if user else 0.0)


def lookup(name: str, day: str | date | None = None) -> Role | None:
    return dictionary().lookup(name, day)
