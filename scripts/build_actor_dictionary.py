"""Build src/wirecoder/knowledge/actors_dictionary.tsv: named actors with dated roles.

Two sources, recorded per row in the `source` column and in the file's header:
- PETRARCH2's Phoenix actor dictionaries (MIT licence, openeventdata/petrarch2): people with dated
  CAMEO codes (CountryInfo, current to 2014-01-30), international organisations and non-state
  armed groups. Read from a git snapshot of the repository; only facts are taken (names, aliases,
  codes, dates), turned into rows of our own shape.
- annotation/actors/written.tsv: facts written for wirecoder (offices held since 2014, present
  officeholders, armed and criminal groups), source "wirecoder".

    python scripts/build_actor_dictionary.py --petrarch /path/to/petrarch2/.git [--commit SHA]

Kept from PETRARCH: people with a role that reaches 2000 or later, organisations with a code.
An open-ended PETRARCH role (">080508") ends at the dictionaries' date, 2014-01-30: later offices
come from the written table. An alias made only of title, country and function words ("AMERICAN
VICE PRESIDENT") is dropped, since the descriptor tables code those.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from wirecoder.knowledge import load_tsv, parse_tsv  # noqa: E402

OUT = REPO / "src" / "wirecoder" / "knowledge" / "actors_dictionary.tsv"
WRITTEN = REPO / "annotation" / "actors" / "written.tsv"
FILES = {"petrarch2/data/dictionaries/Phoenix.Countries.actors.txt": "person",
         "petrarch2/data/dictionaries/Phoenix.International.actors.txt": "organization",
         "petrarch2/data/dictionaries/Phoenix.MilNonState.actors.txt": "organization"}
SOURCE_DATE = "2014-01-30"  # CountryInfo.140130, the newest facts in the PETRARCH dictionaries
SINCE = "2000-01-01"
COLUMNS = ("name", "aliases", "kind", "country", "sector", "role", "start", "end", "source")
# CAMEO role codes -> our sectors; others (ethnic, religious sub-codes) are not sectors here
SECTORS = {"GOV": "GOV", "MIL": "MIL", "COP": "COP", "JUD": "JUD", "LEG": "LEG", "SPY": "SPY",
           "ELI": "ELI", "OPP": "OPP", "PTY": "PTY", "REB": "REB", "INS": "REB", "SEP": "REB",
           "UAF": "UAF", "CRM": "CRM", "BUS": "BUS", "MED": "JRN", "EDU": "EDU", "HLH": "MED",
           "LAB": "LAB", "AGR": "AGR", "REF": "REF", "CVL": "CVL", "NGO": "NGO", "IGO": "IGO",
           "HRI": "NGO", "REL": "REL", "ENV": "NGO", "DEV": "NGO"}
NON_STATE = {"IGO": "IGO", "NGO": "NGO", "IMG": "REB", "MNC": "BUS"}
_CODE = re.compile(r"\[([A-Z]{3,})\s*([<>]?\d{6,8}(?:-\d{6,8})?)?\s*\]")


def _date(digits: str) -> str:
    if len(digits) == 8:
        return f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"
    year = int(digits[:2])
    century = 2000 if year <= 30 else 1900
    return f"{century + year}-{digits[2:4]}-{digits[4:6]}"


def dates_of(spec: str | None) -> tuple[str, str]:
    """'990809-000507' -> (1999-08-09, 2000-05-07); '>080508' -> (2008-05-08, SOURCE_DATE)."""
    if not spec:
        return "", ""
    if spec.startswith(">") or "-" not in spec and not spec.startswith("<"):
        return _date(spec.lstrip(">")), SOURCE_DATE
    if spec.startswith("<"):
        return "", _date(spec[1:])
    start, _, end = spec.partition("-")
    return _date(start), _date(end)


def country_sector(code: str, iso3: set[str]) -> tuple[str, str] | None:
    head, rest = code[:3], [code[i:i + 3] for i in range(3, len(code), 3)]
    if head in NON_STATE:
        country = next((c for c in rest if c in iso3), "")
        sector = next((SECTORS[c] for c in rest if c in SECTORS and c not in ("NGO", "IGO")), "")
        return country, NON_STATE[head] if not sector or head == "IGO" else sector
    if head not in iso3:
        return None
    return head, next((SECTORS[c] for c in rest if c in SECTORS), "")


def clean_name(raw: str) -> str:
    name = raw.strip().strip("+").replace("_", " ")
    name = re.sub(r"\([^)]*\)", "", name)
    words = re.sub(r"\s+", " ", name).strip().split(" ")
    return " ".join(w[:1].upper() + w[1:].lower() for w in words)


def entries(text: str):
    """(name, aliases, [(code, date spec)]) per entry of a TABARI actor file."""
    entry = None
    for line in text.splitlines():
        body = line.split("#", 1)[0].rstrip()
        if not body.strip():
            continue
        if body[0] in " \t" or body.startswith("["):
            if entry is not None:
                entry[2].extend(_CODE.findall(body))
            continue
        if body.startswith("+"):
            if entry is not None:
                entry[1].append(clean_name(_CODE.sub("", body)))
            continue
        if entry is not None:
            yield entry
        entry = (clean_name(_CODE.sub("", body)), [], _CODE.findall(body))
    if entry is not None:
        yield entry


def key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9' ]+", " ", text.replace("’", "'")).split())


def generic_words() -> set[str]:
    words = {"the", "of", "and", "a", "mr", "mrs", "ms", "dr", "vice", "deputy", "former", "acting",
             "first", "new", "de", "for", "in", "to", "interim", "foreign", "defense", "defence",
             "chief", "head", "state", "prime", "general", "national", "republic", "federal"}
    for row in load_tsv("countries.tsv"):
        words.update(key(row["name"]).split())
    for row in load_tsv("sectors.tsv"):
        words.update(key(row["term"]).split())
    return words


def petrarch_rows(gitdir: str, commit: str) -> list[dict[str, str]]:
    import pycountry

    iso3 = {c.alpha_3 for c in pycountry.countries} | {"XKX", "PSE"}
    generic = generic_words()
    rows = []
    for path, kind in FILES.items():
        text = subprocess.run(["git", "--git-dir", gitdir, "show", f"{commit}:{path}"], check=True,
                              capture_output=True, text=True).stdout
        for name, aliases, codes in entries(text):
            names = [n for n in dict.fromkeys([name, *aliases])
                     if n and not set(key(n).split()) <= generic and len(key(n)) > 2]
            if not names or not codes:
                continue
            dated = [c for c in codes if c[1]]
            is_person = kind == "person" or bool(dated)
            if is_person and not any(dates_of(s)[1] >= SINCE or not dates_of(s)[1] for _, s in dated):
                continue
            if kind == "person" and not dated:
                continue  # a country's own names: countries.tsv codes those
            for code, spec in codes:
                coded = country_sector(code, iso3)
                if coded is None or not coded[1]:
                    continue  # a country's own names and cities: countries.tsv and the gazetteer
                start, end = dates_of(spec)
                if end and end < SINCE:
                    continue
                rows.append({"name": names[0], "aliases": "|".join(names[1:]),
                             "kind": "person" if is_person else "organization",
                             "country": coded[0], "sector": coded[1], "role": f"CAMEO {code}",
                             "start": start, "end": end, "source": "petrarch2"})
    return rows


def written_rows() -> list[dict[str, str]]:
    rows = []
    for row in parse_tsv(WRITTEN.read_text("utf-8")):
        rows.append({c: row.get(c, "") for c in COLUMNS} | {"source": row.get("source") or "wirecoder"})
    return rows


def _full_names(row: dict[str, str]) -> str:
    """The first name or alias of a PETRARCH row that `same_person` knows, else ''."""
    for name in [row["name"], *row["aliases"].split("|")]:
        k = key(name)
        if len(k.split()) > 1 and k in _full_names.known:
            return k
    return ""


_full_names.known = set()


def same_person(written: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    """{full name or alias: {country: written name}}: a PETRARCH person whose name or alias of two
    words or more is a written person's name or alias, in the same country, is that person and
    takes the written name ('Nuri Al Maliki' is 'Nouri al-Maliki'), so that one actor has one set of
    names and PETRARCH's history of them ends where the written roles begin. A surname alone links
    no one."""
    same: dict[str, dict[str, str]] = {}
    names: dict[str, list[str]] = {}
    for row in written:
        if row["kind"] != "person" or not row["country"]:
            continue
        names.setdefault(row["name"], []).extend(a for a in row["aliases"].split("|") if a)
        for name in [row["name"], *names[row["name"]]]:
            k = key(name)
            if len(k.split()) > 1:
                same.setdefault(k, {}).setdefault(row["country"], row["name"])
    _full_names.known = set(same)
    return same


def _once(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Rows without repeats; a name's aliases are written once, on its first row."""
    seen, aliases, out = set(), {}, []
    for row in rows:
        k = key(row["name"])
        names = aliases.setdefault(k, {})
        names.update(dict.fromkeys(a for a in row["aliases"].split("|") if a and key(a) != k))
        ident = (k, row["country"], row["sector"], row["start"], row["end"])
        if ident not in seen:
            seen.add(ident)
            out.append(dict(row))
    first: set[str] = set()
    for row in out:
        k = key(row["name"])
        row["aliases"] = "" if k in first else "|".join(aliases[k])
        first.add(k)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--petrarch", required=True, help="git dir of an openeventdata/petrarch2 snapshot")
    parser.add_argument("--commit", default="HEAD")
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args(argv)
    commit = subprocess.run(["git", "--git-dir", args.petrarch, "rev-parse", args.commit], check=True,
                            capture_output=True, text=True).stdout.strip()
    written = written_rows()
    # a person the written table covers keeps PETRARCH's history only before the written roles
    written_first: dict[str, str] = {}
    for row in written:
        k = key(row["name"])
        written_first[k] = min(written_first.get(k, "9999"), row["start"] or "0000")
    same = same_person(written)
    rows, kept = [], {}
    for row in petrarch_rows(args.petrarch, commit):
        written_name = row["kind"] == "person" and same.get(_full_names(row), {}).get(row["country"])
        if written_name and key(written_name) != key(row["name"]):
            row["aliases"] = "|".join(a for a in [row["name"], *row["aliases"].split("|")] if a)
            row["name"] = written_name
        first = written_first.get(key(row["name"]))
        if first and (row["end"] or "9999") > first:
            if (row["start"] or "0000") >= first or not row["start"]:
                # a person's role goes, the names stay: they name the written person
                if row["kind"] == "person":
                    kept.setdefault(key(row["name"]), []).extend([row["name"], *row["aliases"].split("|")])
                continue
            row["end"] = first
        rows.append(row)
    for row in written:
        more = [a for a in kept.pop(key(row["name"]), []) if a]
        if more:
            row["aliases"] = "|".join(a for a in [*row["aliases"].split("|"), *more] if a)
    rows = _once(rows + written)
    header = [
        "# Named actors with dated roles: one row per name and role. Built by",
        "# scripts/build_actor_dictionary.py; edit annotation/actors/written.tsv, not this file.",
        "# A role holds from `start` (inclusive) to `end` (exclusive); empty dates are open.",
        "# kind person|organization; sector: PLOVER/CAMEO sector code; country: ISO 3166 alpha-3.",
        f"# source petrarch2: openeventdata/petrarch2 @ {commit} (MIT licence, Copyright (c) 2014",
        "#   Open Event Data Alliance): Phoenix.Countries/International/MilNonState.actors.txt, facts only;",
        f"#   open-ended roles there end at {SOURCE_DATE}, the date of its CountryInfo.",
        "# source wirecoder: facts written for wirecoder (annotation/actors/written.tsv).",
        "# A name's aliases (|-separated) are on its first row; they name every row of that name.",
        "\t".join(COLUMNS),
    ]
    lines = ["\t".join(r[c].replace("\t", " ") for c in COLUMNS) for r in rows]
    Path(args.out).write_text("\n".join(header + lines) + "\n", "utf-8")
    print(f"{len(rows)} rows ({len(written)} written) -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
