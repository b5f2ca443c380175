"""`recourse verify BUNDLE.zip`: check an evidence bundle offline and say what it proves.

Exit status 0 when the bundle checks out, 1 when it does not or cannot be read (with
the reasons). Needs no store, no server and no network.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from recourse.contest.bundles import UnreadableBundle, read_bundle
from recourse.protocol.bundle import verify_bundle

__all__ = ["verify_main"]


def verify_main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="recourse verify",
        description="Check a Recourse evidence bundle offline and say what it proves.",
    )
    parser.add_argument("bundle", type=Path, help="the evidence bundle (.zip)")
    args = parser.parse_args(argv)
    path: Path = args.bundle
    try:
        files = read_bundle(path)
    except UnreadableBundle as exc:
        sys.stdout.write(f"The bundle does NOT check out: {path.name} cannot be read: {exc}\n")
        return 1
    report = verify_bundle(files)
    sys.stdout.write(report.text())
    return 0 if report.ok else 1


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(verify_main())
