"""CLI commands of deduplication: `wirecoder dedup` (link and cluster a store's documents) and
`wirecoder clusters` (list the clusters). `wirecoder.cli` hooks them in with
`add_dedup_commands(sub, COMMANDS)`; nothing heavy is imported until a command runs."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..store.cli_commands import DB_HELP, Handler


def add_dedup_commands(sub: Any, commands: dict[str, Handler] | None = None) -> dict[str, Handler]:
    d = sub.add_parser("dedup", help="link near-duplicate documents and cluster their events",
                       description="Add the store's new documents to the near-duplicate index "
                                   "and their events to the event clusters (incremental).")
    d.add_argument("--db", help=DB_HELP)
    d.add_argument("--threshold", type=float, default=0.4,
                   help="near-duplicate: estimated Jaccard of 3-word shingles (default 0.4)")
    d.add_argument("--max-km", type=float, default=100.0,
                   help="events further apart never merge (default 100)")
    d.add_argument("--window-days", type=int, default=2,
                   help="events dated further apart never merge (default 2)")
    d.add_argument("--story-days", type=float, default=14.0,
                   help="a report joins a story only within N days of its latest report "
                        "(default 14: follow-ups come days later)")
    d.add_argument("--no-stories", dest="stories", action="store_false",
                   help="one level only: compare events across all documents, not within stories")
    d.add_argument("--json", action="store_true", help="print the summary as JSON")
    c = sub.add_parser("clusters", help="list stored event clusters, most sources first")
    c.add_argument("--db", help=DB_HELP)
    c.add_argument("--min-sources", type=int, default=2,
                   help="only clusters reported by at least N documents (default 2)")
    c.add_argument("--limit", type=int, help="at most N clusters")
    c.add_argument("--json", action="store_true", help="one JSON array with members and links")
    handlers: dict[str, Handler] = {"dedup": cmd_dedup, "clusters": cmd_clusters}
    if commands is not None:
        commands.update(handlers)
    return handlers


def cmd_dedup(args: argparse.Namespace) -> int:
    from .cluster import ClusterOptions
    from .runner import run_dedup
    from .stories import StoryOptions

    options = ClusterOptions(publication_window_days=args.window_days, max_km=args.max_km,
                             stories=args.stories, story=StoryOptions(window_days=args.story_days))
    summary = run_dedup(args.db, threshold=args.threshold, options=options)
    if args.json:
        print(json.dumps({**vars(summary), "seconds": round(summary.seconds, 3)}, sort_keys=True))
    else:
        print(f"wirecoder: {summary.line()}", file=sys.stderr)
    return 0


def cmd_clusters(args: argparse.Namespace) -> int:
    from .runner import stored_clusters

    clusters = stored_clusters(args.db, min_sources=max(1, args.min_sources), limit=args.limit)
    if args.json:
        print(json.dumps(clusters, default=str, indent=1))
        return 0
    if not clusters:
        print("(no clusters)")
    for c in clusters:
        where = c["place_name"] or "-"
        print(f"{c['id']}  {c['type']:<10} {c['reality']:<9} sources={c['source_count']:<3} "
              f"independent={c['independent_sources']:<3} "
              f"date={c['date'] or '-'}  place={where}")
    return 0
