"""`recourse log audit --server URL [--profile DIR]`: hold the force to its public log of
receipts from the command line, with the officer's own profile (its pinned receipt key,
the tree heads it kept and the receipts it holds).

Exit status 0 when the log only grew and holds every receipt, 1 when it was altered (the
evidence is kept in the profile, as after a sync), 2 when it could not be checked.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path

from recourse.api import ServerConnection
from recourse.api.errors import ApiError
from recourse.store import Profile, StoreError
from recourse.sync.receipt_log import audit_log

__all__ = ["log_main"]


def log_main(argv: list[str] | None = None, *,
             passphrase: Callable[[], str] = lambda: getpass.getpass("Passphrase: ")) -> int:
    parser = argparse.ArgumentParser(prog="recourse log", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    audit = sub.add_parser("audit", help="check the force's log of receipts")
    audit.add_argument("--server", required=True, help="the force's Recourse API address")
    audit.add_argument("--profile", type=Path, help="profile folder (default: user data)")
    args = parser.parse_args(argv)
    out = sys.stdout
    try:
        store = Profile(args.profile or Profile.default_folder()).unlock(passphrase())
    except StoreError as exc:
        out.write(f"The log could not be checked: {exc}\n")
        return 2
    try:
        api = ServerConnection(args.server, store)
        try:
            if not api.signed_in():
                api.sign_in()
            check, said = audit_log(api, store)
        finally:
            api.close()
    except ApiError as exc:
        out.write(f"The log could not be checked: {exc}\n")
        return 2
    finally:
        store.close()
    if check.state == "not_pinned":
        out.write("The log could not be checked: this profile has not pinned the force's "
                  "receipt key yet. Contest something or pin the key first.\n")
        return 2
    if check.state == "unavailable":
        out.write("The log could not be checked: the force's log did not answer.\n")
        return 2
    if check.problems:
        out.write("The force's log of receipts HAS BEEN ALTERED:\n")
        out.writelines(f"- {p.detail}\n" for p in check.problems)
        out.write("Recourse has kept the evidence in your profile.\n")
        return 1
    out.write(f"The force's log of {check.tree_size} receipts only grew and holds every one "
              f"of your {check.included} receipt(s) that name their place in it.\n")
    out.writelines(f"- {line}\n" for line in said)
    return 0
