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
    c = sub.add_parser("clusters", help="list stored event clusters, most sources first",
                       description="Stored event clusters in a chosen order, a page at a time, as "
                                   "/api/clusters/table gives them (dedup/listing.py).")
    c.add_argument("--db", help=DB_HELP)
    c.add_argument("--min-sources", type=int, default=2,
                   help="only clusters reported by at least N documents (default 2)")
    c.add_argument("--min-independent", type=int,
                   help="only clusters reported by at least N independent sources (outlets; "
                        "a near copy counts with its original)")
    c.add_argument("--type", help="PLOVER type(s) of the best coding, comma-separated")
    c.add_argument("--since", help="reported on or after this date (its last report)")
    c.add_argument("--until", help="reported on or before this date (its first report)")
    c.add_argument("--place", help="a substring of the place name")
    c.add_argument("--min-confidence", type=float,
                   help="only clusters whose best coding is at least this likely to be right "
                        "(default: the events' default, which favours precision; 0 keeps all)")
    c.add_argument("--sort", default="sources",
                   help="sources, independent, reports, mentions, first_report, last_report, date "
                        "or type (default sources)")
    c.add_argument("--order", default="desc", help="asc or desc (default desc)")
    c.add_argument("--after", help="the page after this cluster id (keyset, as the API)")
    c.add_argument("--before", help="the page before this cluster id")
    c.add_argument("--limit", type=int, help="at most N clusters")
    c.add_argument("--json", action="store_true", help="one JSON array: the rows of /api/clusters/table, with "
                                                    "members and what matched")
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
    from ..extract.event_confidence import DEFAULT_MIN_CONFIDENCE
    from ..store import open_store
    from ..store.filters import limit as check_limit
    from .listing import cluster_page, iter_clusters

    filters = {"type": args.type, "min_sources": max(1, args.min_sources),
               "min_independent": args.min_independent, "since": args.since,
               "until": args.until, "place": args.place,
               "min_confidence": DEFAULT_MIN_CONFIDENCE if args.min_confidence is None
               else args.min_confidence}
    limit = check_limit(args.limit)
    with open_store(args.db, read_only=True) as store:
        options = {"sort": args.sort, "order": args.order, "members": args.json, **filters}
        if args.after or args.before:
            clusters = cluster_page(store, limit=limit or 100, after=args.after,
                                    before=args.before, **options).rows
        else:
            clusters = list(iter_clusters(store, limit=limit, **options))
    if args.json:  # times as the API writes them (ISO 8601)
        print(json.dumps(clusters, indent=1,
                         default=lambda v: v.isoformat() if hasattr(v, "isoformat") else str(v)))
        return 0
    if not clusters:
        print("(no clusters)")
    for c in clusters:
        where = c["place_name"] or "-"
        print(f"{c['id']}  {c['type']:<10} {c['reality']:<9} sources={c['source_count']:<3} "
              f"independent={c['independent_sources']:<3} reports={c['reports']:<3} "
              f"date={c['date'] or '-'}  place={where}  best={c['best_event_id']} "
              f"({c['confidence']:.2f})")
    return 0
