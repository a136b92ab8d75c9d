"""CLI commands of the store: `ingest`, `events`, `quotes`, `claims`, `export`, `failures`.

Each is a thin skin over the Python API (`wirecoder.store.ingest`, `query`, `export`).
`wirecoder.cli` hooks them in with `add_store_commands(sub, COMMANDS)`, which adds the
subparsers and registers the handlers in the command table. Nothing heavy is imported until a
command runs.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from typing import Any

DB_HELP = ("database: a SQLAlchemy URL (sqlite:///file.db, postgresql://user:pw@host/db) or a "
           "SQLite file path (default: $WIRECODER_DB, else wirecoder.db)")
INPUT_FORMATS = ["text", "html", "jsonl", "feed", "warc"]
EXPORT_CHOICES = ["plover-jsonl", "polecat-tsv", "acled-csv", "gdelt-tsv", "parquet"]
# records.MODALITIES, written out: the CLI's help must not import pydantic (tests/test_records.py
# checks that the two agree)
MODALITIES = ["asserted", "threatened", "planned", "hypothetical", "negated", "historical",
              "reported"]

Handler = Callable[[argparse.Namespace], int]


def _output_flags(parser: argparse.ArgumentParser) -> None:
    """The output flags every listing command shares."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--json", dest="output", action="store_const", const="json",
                       help="one JSON array")
    group.add_argument("--jsonl", dest="output", action="store_const", const="jsonl",
                       help="one JSON object per line")
    group.add_argument("--csv", dest="output", action="store_const", const="csv",
                       help="CSV with a header line")
    group.add_argument("--table", dest="output", action="store_const", const="table",
                       help="an aligned table of the main columns (default)")
    parser.set_defaults(output="table")


def _filters(parser: argparse.ArgumentParser, kind: str) -> None:
    type_help = {"events": "PLOVER event type(s), comma-separated (ASSAULT,COERCE)",
                 "quotes": "quote kind: direct, indirect, mixed",
                 "claims": "claim kind: arithmetic, contradiction, reference"}[kind]
    parser.add_argument("--type", help=type_help)
    parser.add_argument("--actor", help="a substring of a party's name (case-insensitive)")
    parser.add_argument("--country", help="ISO 3166 alpha-3 code(s), comma-separated")
    parser.add_argument("--since", help="from this date on (YYYY-MM-DD)")
    parser.add_argument("--until", help="up to and including this date (YYYY-MM-DD)")
    if kind == "events":
        from ..extract.event_confidence import DEFAULT_MIN_CONFIDENCE

        parser.add_argument("--modality", help=f"one or more of: {', '.join(MODALITIES)}")
        parser.add_argument("--place", help="a substring of the place name")
        parser.add_argument("--min-confidence", type=float,
                            help="only events at least this likely to be right, 0 to 1 (default "
                                 f"{DEFAULT_MIN_CONFIDENCE}, which favours precision; 0 keeps all; "
                                 "the parquet export keeps every event unless it is given)")
    if kind == "claims":
        parser.add_argument("--verdict", help="consistent, contradicted, unverifiable")
    parser.add_argument("--document", help="only this document id")


def _add_ingest(sub: Any) -> None:
    """The `ingest` command and its options."""
    ing = sub.add_parser("ingest", help="analyse files and folders into the store",
                         description="Analyse text, HTML, JSONL, RSS/Atom and WARC files (folders "
                                     "recursively) and save the results in the store. Documents "
                                     "stored already are skipped; a killed run resumes.")
    ing.add_argument("paths", nargs="+", metavar="PATH", help="file or folder")
    ing.add_argument("--db", help=DB_HELP)
    ing.add_argument("--workers", type=int, default=1, help="processes that analyse and store batches (default 1)")
    ing.add_argument("--reprocess", action="store_true",
                     help="re-analyse and replace documents stored already")
    ing.add_argument("--keep-stale", action="store_true",
                     help="leave documents coded by another coder version as they are (counted as stale); "
                          "by default they are recoded")
    ing.add_argument("--changed-text", choices=["replace", "keep"], default="replace",
                     help="a document stored before whose id comes again with another text: "
                          "analyse it again and replace it (default, counted as replaced), or "
                          "keep the stored one and log W044 naming both sources")
    ing.add_argument("--format", dest="input_format", choices=INPUT_FORMATS,
                     help="input format (default: by file extension)")
    ing.add_argument("--published", help="publication date for inputs that carry none")
    ing.add_argument("--manifest", metavar="FILE",
                     help="CSV, TSV or JSONL naming each text or HTML file (column file, path, "
                          "filename or name) with its published date, title, url, source, id")
    ing.add_argument("--published-from-name", metavar="PATTERN", default="auto",
                     help="read the date from text and HTML file names: a pattern such as "
                          "'{date:%%Y-%%m-%%d}_*'; 'auto' (default) takes a lone YYYY-MM-DD in the "
                          "name, 'off' none")
    ing.add_argument("--config", help="pipeline config JSON (see `wirecoder config`)")
    ing.add_argument("--disable", action="append", default=[], metavar="STAGE",
                     help="switch a stage off (repeatable)")
    ing.add_argument("--batch-size", type=int, default=None,
                     help="documents per batch and per commit (default 32; 8 with --workers 2+)")
    ing.add_argument("--engine", choices=["local", "ray"], default="local",
                     help="local: spaCy worker processes (default); ray: one pipeline per Ray "
                          "actor (--workers actors), results written here")
    ing.add_argument("--ray-address", help="a Ray cluster to use (default: $RAY_ADDRESS, else "
                                           "a local cluster with --workers CPUs)")
    ing.add_argument("--relevance-filter", action="store_true",
                     help="skip, before the parse, documents that cannot report a political or "
                          "security event (a cheap lexicon test; off by default)")
    ing.add_argument("--strict", action="store_true",
                     help="stop at the first unreadable input (default: count it and go on)")
    progress = ing.add_mutually_exclusive_group()
    progress.add_argument("--progress", dest="progress", action="store_true", default=None,
                          help="show a progress bar (default when stderr is a terminal)")
    progress.add_argument("--no-progress", dest="progress", action="store_false")
    ing.add_argument("--json", action="store_true", help="print the run summary as JSON")


def _add_actors(sub: Any) -> None:
    act = sub.add_parser("actors", help="list the actor registry: one row per actor across "
                                        "documents, with its code and the evidence for it")
    act.add_argument("--db", help=DB_HELP)
    act.add_argument("--q", "--name", dest="q", help="a substring of any of its names")
    act.add_argument("--country", help="ISO 3166 alpha-3 code(s), comma-separated")
    act.add_argument("--sector", help="sector code(s): GOV, MIL, CRM ... (comma-separated)")
    act.add_argument("--kind", help="person, organization, country, group")
    act.add_argument("--code-from", help="dictionary, text (learned from a stored span), none")
    act.add_argument("--min-documents", type=int, default=1,
                     help="only actors named in at least N documents")
    act.add_argument("--limit", type=int, help="at most N rows")
    act.add_argument("--rebuild", action="store_true",
                     help="build the registry anew from every stored document first (a store "
                          "made before the registry has none)")
    _output_flags(act)


def add_store_commands(sub: Any, commands: dict[str, Handler] | None = None) -> dict[str, Handler]:
    """Add the store's subcommands to `sub` (argparse subparsers); register their handlers in
    `commands` when given. Returns the handlers by command name."""
    _add_ingest(sub)
    for kind, what in (("events", "events"), ("quotes", "quotes"), ("claims", "checked claims")):
        p = sub.add_parser(kind, help=f"list stored {what}")
        p.add_argument("--db", help=DB_HELP)
        _filters(p, kind)
        p.add_argument("--limit", type=int, help="at most N rows")
        _output_flags(p)

    exp = sub.add_parser("export", help="export the store: PLOVER, POLECAT, ACLED, GDELT, Parquet",
                         usage="wirecoder export --format FORMAT OUT [options] "
                               "(or: wirecoder export FORMAT OUT)")
    exp.add_argument("target", nargs="+", metavar="OUT",
                     help="output file (- for stdout); a folder for parquet. The format may also "
                          "come first, without --format")
    exp.add_argument("--format", dest="export_format", choices=EXPORT_CHOICES,
                     help=", ".join(EXPORT_CHOICES))
    exp.add_argument("--db", help=DB_HELP)
    exp.add_argument("--no-header", dest="header", action="store_false",
                     help="leave out the header line of POLECAT and ACLED (GDELT has none)")
    exp.add_argument("--clusters", action="store_true",
                     help="one row per incident (the mentions the coder linked in a report and "
                          "those one `wirecoder dedup` cluster holds); ACLED rows always are")
    _filters(exp, "events")

    _add_actors(sub)
    fail = sub.add_parser("failures", help="list inputs ingest could not store, with the reason")
    fail.add_argument("--db", help=DB_HELP)
    fail.add_argument("--run", help="only this run id")
    _output_flags(fail)

    handlers: dict[str, Handler] = {"ingest": cmd_ingest, "events": cmd_events,
                                    "quotes": cmd_quotes, "claims": cmd_claims,
                                    "export": cmd_export, "failures": cmd_failures,
                                    "actors": cmd_actors}
    if commands is not None:
        commands.update(handlers)
    return handlers


def cmd_ingest(args: argparse.Namespace) -> int:
    from ..ingest import FileDating, Manifest, NamePattern
    from ..pipeline import PipelineConfig
    from .batch import ingest

    dating = FileDating(manifest=Manifest(args.manifest) if args.manifest else None,
                        names=NamePattern(args.published_from_name))
    config = PipelineConfig.from_file(args.config) if args.config else PipelineConfig()
    config.disabled = sorted(set(config.disabled) | set(args.disable))
    progress = args.progress if args.progress is not None else sys.stderr.isatty()
    summary = ingest(args.paths, args.db, workers=max(1, args.workers), reprocess=args.reprocess,
                     keep_stale=args.keep_stale, progress=progress, config=config, fmt=args.input_format,
                     published=args.published,
                     batch_size=max(1, args.batch_size) if args.batch_size else None,
                     strict=args.strict, relevance_filter=args.relevance_filter,
                     engine=args.engine, ray_address=args.ray_address, dating=dating,
                     changed_text=args.changed_text)
    if args.json:
        data = {k: v for k, v in vars(summary).items() if k != "db_url"}
        data["docs_per_second"] = round(summary.docs_per_second, 2)
        print(json.dumps(data, sort_keys=True))
    else:
        print(f"wirecoder: {summary.line()}", file=sys.stderr)
    return 0


def _query(kind: str, args: argparse.Namespace) -> int:
    from .queries import query

    filters = {name: getattr(args, name, None)
               for name in ("type", "actor", "country", "since", "until", "modality", "place",
                            "verdict", "document", "min_confidence", "limit")}
    query(kind, args.db, fmt=args.output, **{k: v for k, v in filters.items() if v is not None})
    return 0


def cmd_events(args: argparse.Namespace) -> int:
    return _query("events", args)


def cmd_quotes(args: argparse.Namespace) -> int:
    return _query("quotes", args)


def cmd_claims(args: argparse.Namespace) -> int:
    return _query("claims", args)


def _export_target(args: argparse.Namespace) -> tuple[str, str]:
    """(format, output) from `--format FORMAT OUT` or `FORMAT OUT`."""
    from .errors import ExportError

    target = list(args.target)
    if args.export_format is None and len(target) == 2:
        return target[0], target[1]
    if args.export_format is not None and len(target) == 1:
        return args.export_format, target[0]
    raise ExportError("give the format and one output: wirecoder export --format FORMAT OUT "
                      f"(FORMAT: {', '.join(EXPORT_CHOICES)})")


def cmd_export(args: argparse.Namespace) -> int:
    from .exports import export, sidecar_path

    fmt, out = _export_target(args)
    filters = {name: getattr(args, name, None)
               for name in ("type", "actor", "country", "since", "until", "modality", "place",
                            "document", "min_confidence")}
    n = export(args.db, fmt, out, header=args.header, clusters=args.clusters,
               **{k: v for k, v in filters.items() if v is not None})
    where = "standard output" if out == "-" else os.fspath(out)
    what = "incidents" if fmt != "parquet" and (args.clusters or fmt == "acled-csv") else "rows"
    print(f"wirecoder: wrote {n} {what} ({fmt}) to {where}", file=sys.stderr)
    side = sidecar_path(out) if fmt == "gdelt-tsv" else None
    if side is not None:
        print(f"wirecoder: wirecoder's own columns in {side}", file=sys.stderr)
    return 0


def cmd_actors(args: argparse.Namespace) -> int:
    """The actor registry, most events first (`registry_queries.registry_actors`)."""
    from .actor_listing import write_actors
    from .actor_registry import rebuild
    from .registry_queries import registry_actors
    from .repository import open_store

    if args.rebuild:
        with open_store(args.db, create=False) as store:
            print(f"wirecoder: registry rebuilt from {rebuild(store)} documents", file=sys.stderr)
    with open_store(args.db, read_only=True) as store:
        total, rows = registry_actors(store, q=args.q, country=args.country, sector=args.sector,
                                      kind=args.kind, code_from=args.code_from,
                                      min_documents=args.min_documents, limit=args.limit)
    write_actors(rows, args.output, sys.stdout)
    print(f"wirecoder: {len(rows)} of {total} actors", file=sys.stderr)
    return 0


def cmd_failures(args: argparse.Namespace) -> int:
    """The failures table: run, code, source, document id and reason of each, oldest first."""
    import csv

    from .repository import open_store

    with open_store(args.db, read_only=True) as store:
        rows = [{"run_id": f.run_id, "code": f.code, "source": f.source,
                 "document_id": f.document_id, "reason": f.reason}
                for f in store.failures(args.run)]
    if args.output == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif args.output == "jsonl":
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
    elif args.output == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=["run_id", "code", "source",
                                                        "document_id", "reason"])
        writer.writeheader()
        writer.writerows(rows)
    else:
        for row in rows:
            print(f"{row['code']}  {row['source'] or '-'}  {row['reason']}")
        print(f"wirecoder: {len(rows)} failures", file=sys.stderr)
    return 0
