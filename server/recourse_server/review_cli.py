"""`recourse-server review ...`: the reviewer's workflow from the command line.

The same service functions as the API's review endpoints, on the server's database.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from recourse.domain.contest import ART15_ITEMS
from recourse.protocol import contest_wire as cw

from . import db, schema
from .contest import review
from .contest.errors import ContestError

CLI_REVIEWER = "Professional Standards (command line)"


def _print_status(status: cw.SubmissionStatus) -> None:
    due = status.extended_due_date or status.due_date
    extra = f" outcome={status.outcome}" if status.outcome else ""
    if status.about_reference:
        extra = f"  about {status.about_reference}{extra}"
    print(f"{status.reference}  {status.kind:9}  {status.state:23}  received "
          f"{status.received_at:%Y-%m-%d}  due {due.isoformat()}"
          f"{' (extended)' if status.extended_due_date else ''}"
          f"{'  flag ' + status.target_flag_id if status.target_flag_id else ''}{extra}")


def cmd_review(args: argparse.Namespace) -> int:
    engine = db.make_engine(args.database or db.default_database_url())
    schema.create_schema(engine)
    now = review.clock_now()
    reviewer = args.reviewer
    try:
        if args.review_command == "list":
            listing = review.list_submissions(engine)
            if not listing.submissions:
                print("No submissions.")
            for status in listing.submissions:
                _print_status(status)
            return 0
        ref = args.reference
        result: Any
        if args.review_command == "acknowledge":
            result = review.acknowledge(engine, ref, now, reviewer)
        elif args.review_command == "clarify":
            result = review.clarify(engine, ref, args.note, now, reviewer)
        elif args.review_command == "extend":
            result = review.extend(engine, ref, args.reasons, now, reviewer)
        elif args.review_command in ("outcome", "decide"):
            result = review.record_outcome(engine, ref, args.outcome, args.reasons,
                                             args.flag_status, now, reviewer)
        else:
            result = review.fulfil(engine, ref, now, reviewer,
                                   leave_out=frozenset(args.leave_out or ()))
        _print_status(result)
        return 0
    except ContestError as error:
        print(f"recourse-server review: {error.detail}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()


def add_review_parser(sub: Any) -> None:
    """Add `review` and its subcommands to the `recourse-server` parser."""
    review_p = sub.add_parser("review", help="the reviewer's workflow: list, acknowledge, "
                            "clarify, extend, outcome (or decide), fulfil; for challenges, "
                            "SARs and complaints")
    review_sub = review_p.add_subparsers(dest="review_command", required=True)

    def common(p: argparse.ArgumentParser, reference: bool = True) -> None:
        p.add_argument("--database", help="the server's database URL (default: SQLite in "
                       "the application-data folder)")
        p.add_argument("--reviewer", default=CLI_REVIEWER,
                       help="who is acting, as recorded in the submission's history")
        if reference:
            p.add_argument("reference", help="the force's reference, e.g. RC-2026-000123")

    common(review_sub.add_parser("list", help="every submission and where it stands"),
           reference=False)
    common(review_sub.add_parser("acknowledge", help="acknowledge a submission"))
    clarify = review_sub.add_parser("clarify", help="ask the officer to clarify (pauses "
                                    "the clock)")
    common(clarify)
    clarify.add_argument("--note", required=True, help="what the officer needs to clarify")
    extend = review_sub.add_parser("extend", help="extend by two months, once, with reasons")
    common(extend)
    extend.add_argument("--reasons", required=True)
    outcome = review_sub.add_parser("outcome", aliases=["decide"],
                                    help="decide a challenge, or answer an acknowledged "
                                    "complaint, with reasons (also: decide)")
    common(outcome)
    outcome.add_argument("--outcome", required=True, choices=cw.OUTCOMES)
    outcome.add_argument("--reasons", required=True)
    outcome.add_argument("--flag-status", choices=cw.OUTCOME_FLAG_STATUSES,
                         help="what the flag becomes (default: withdrawn if upheld, "
                         "amended if partly upheld, open if not upheld)")
    fulfil = review_sub.add_parser("fulfil", help="answer a SAR with a signed package")
    common(fulfil)
    fulfil.add_argument("--leave-out", action="append", metavar="ITEM",
                        choices=sorted(ART15_ITEMS),
                        help="answer without this Art. 15 item, as a force that answers "
                        "incompletely does (repeat for more)")
    review_p.set_defaults(func=cmd_review)
