"""`recourse-server`: seed the demo data, serve the API, print the OpenAPI contract.

A program that starts the server (the desktop client's demo) reads it through
machine-readable output only: `accounts --json` lists the demo accounts, `serve
--ready-file PATH` writes the bound address as JSON once it listens, and `serve
--stop-on-stdin-eof` makes the server exit when its parent closes the pipe (or dies).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path

from . import db, schema
from .config import API_AUDIENCE, SETTINGS_ENV, Settings

DEFAULT_PORT = 8443


def _only(values: Sequence[str] | None) -> list[str]:
    return [name for value in values or () for name in value.split(",") if name.strip()]


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def cmd_seed(args: argparse.Namespace) -> int:
    from .seeding import seed

    url = args.database or db.default_database_url()
    try:
        counts = seed(url, seed=args.seed, ping_interval=args.ping_interval,
                      only=_only(args.only), progress=_say)
    except ValueError as error:
        _say(f"recourse-server: {error}")
        return 2
    print(json.dumps(counts))
    return 0


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def _url_host(host: str) -> str:
    if host in ("0.0.0.0", ""):  # noqa: S104 - only for the printed address
        return "127.0.0.1"
    if host == "::":
        return "[::1]"
    return f"[{host}]" if ":" in host else host


def print_accounts(database_url: str) -> None:
    """The sign-in table: who each demo account is and what their data shows."""
    from sqlalchemy import func, select

    from .synth import DEMO_ACCOUNTS

    engine = db.make_engine(database_url)
    with engine.connect() as conn:
        present = set(conn.execute(select(db.accounts.c.username)).scalars())
        flag_bodies = conn.execute(select(db.flags.c.officer_id, db.flags.c.body)).all()
        counts: dict[str, int] = dict(conn.execute(
            select(db.changes.c.officer_id, func.count()).group_by(db.changes.c.officer_id)
        ).all())
    engine.dispose()
    flags_by_officer: dict[str, list[str]] = {}
    for officer_id, body in flag_bodies:
        flag = json.loads(body)
        title = flag.get("rule", {}).get("title", "flag")
        corroboration = flag.get("provenance", {}).get("corroboration")
        if corroboration == "uncorroborated":
            title += " (uncorroborated)"
        flags_by_officer.setdefault(officer_id, []).append(title)
    rows = [("username", "password", "role", "what they show")]
    for account in DEMO_ACCOUNTS:
        if account.username not in present:
            continue
        if account.role == "representative":
            shows = "Federation representative for " + ", ".join(account.represents)
        elif account.role == "reviewer":
            shows = "Professional Standards: may read any officer (logged)"
        else:
            raised = flags_by_officer.get(account.officer_id, [])
            shows = f"{account.officer_id}, {counts.get(account.officer_id, 0)} records; " + (
                "flags: " + "; ".join(raised) if raised else "no flags")
        rows.append((account.username, account.password, account.role, shows))
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    print("Demo accounts:")
    for row in rows:
        print("  " + "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:3]))
              + "  " + row[3])


def cmd_accounts(args: argparse.Namespace) -> int:
    """The demo accounts: a table for people, or a JSON list for programs."""
    from .synth import DEMO_ACCOUNTS

    if args.json:
        print(json.dumps([asdict(account) for account in DEMO_ACCOUNTS], indent=2))
        return 0
    rows = [("username", "password", "role", "who")] + [
        (a.username, a.password, a.role, f"{a.name}, {a.rank}, {a.unit}")
        for a in DEMO_ACCOUNTS]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:3])) + "  " + row[3])
    return 0


def write_ready_file(path: Path, content: dict[str, object]) -> None:
    """Write `content` as JSON to `path` atomically: a reader sees all of it or nothing."""
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(content), encoding="utf-8")
    os.replace(partial, path)


def stop_on_stdin_eof(stop: Callable[[], None]) -> threading.Thread:
    """Call `stop` once standard input reaches end of file: the parent closed the pipe or
    exited (even killed), so a server it started never outlives it."""

    def watch() -> None:
        try:
            while sys.stdin.buffer.read(65536):
                pass  # anything written is ignored; only the end matters
        except (OSError, ValueError):
            pass  # stdin closed under us: the same as its end
        stop()

    watcher = threading.Thread(target=watch, daemon=True, name="stdin-eof-watch")
    watcher.start()
    return watcher


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    url = db.normalise_url(args.database or db.default_database_url())
    engine = db.make_engine(url)
    schema.create_schema(engine)
    from .seeding import is_empty

    if args.demo and is_empty(engine):
        from .seeding import seed

        _say("seeding the demo data (first start)…")
        seed(url, seed=args.seed, ping_interval=args.ping_interval, only=_only(args.only),
             progress=_say)
    try:
        sock = _bind(args.host, args.port)
    except OSError as error:
        _say(f"recourse-server: cannot listen on {args.host}:{args.port}: {error.strerror}")
        return 2
    port = sock.getsockname()[1]
    public_url = f"http://{_url_host(args.host)}:{port}"
    settings = Settings(
        database_url=url, public_url=public_url, issuer=args.issuer,
        audience=args.audience, jwks_url=args.jwks_url,
        access_token_ttl=args.access_token_ttl,
    )
    if settings.builtin_issuer:
        from .auth import ensure_signing_key

        ensure_signing_key(engine)
    engine.dispose()
    os.environ[SETTINGS_ENV] = settings.to_env()
    print(f"Recourse reference server listening on {public_url}", flush=True)
    print(f"  OpenID issuer: {settings.issuer_url}", flush=True)
    if args.demo or not settings.builtin_issuer:
        try:
            print_accounts(url)
        except ImportError:
            pass
    print("Press Ctrl+C to stop.", flush=True)
    sys.stdout.flush()
    config = uvicorn.Config(
        "recourse_server.app:app_from_environment", factory=True, workers=args.workers,
        log_level=args.log_level, access_log=False, proxy_headers=False,
        server_header=False, timeout_graceful_shutdown=5, backlog=2048,
        http="recourse_server.http_protocol:ProblemHTTPProtocol",
    )
    run: Callable[[], None]
    stop: Callable[[], None]
    if args.workers > 1:
        from uvicorn.supervisors import Multiprocess

        supervisor = Multiprocess(config, sockets=[sock])
        run, stop = supervisor.run, supervisor.should_exit.set
    else:
        server = uvicorn.Server(config)

        def run() -> None:
            server.run(sockets=[sock])

        def stop() -> None:
            server.should_exit = True  # the same graceful shutdown as Ctrl+C

    if args.stop_on_stdin_eof:
        stop_on_stdin_eof(stop)
    if args.ready_file:
        # The socket listens already: connections wait in its backlog until uvicorn runs.
        write_ready_file(Path(args.ready_file), {
            "url": public_url, "issuer": settings.issuer_url, "pid": os.getpid()})
    run()
    return 0


def cmd_openapi(args: argparse.Namespace) -> int:
    from .app import openapi_document

    text = json.dumps(openapi_document(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    if args.write:
        Path(args.write).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def cmd_admin(args: argparse.Namespace) -> int:
    from . import admin

    url = args.database or db.default_database_url()
    if args.admin_command == "put-record":
        record = json.loads(Path(args.file).read_text(encoding="utf-8")) if args.file else \
            json.loads(sys.stdin.read())
        print(admin.upsert_record(url, args.officer, record))
    elif args.admin_command == "delete-record":
        print(admin.delete_record(url, args.officer, args.record_id))
    elif args.admin_command == "link":
        try:
            who = admin.link_identity(url, args.officer, args.issuer, args.subject)
        except admin.AdminError as error:
            _say(f"recourse-server: {error}")
            return 2
        print(f"Subject {args.subject!r} of {args.issuer} now signs in as {who}.")
    elif args.admin_command == "unlink":
        if not admin.unlink_identity(url, args.issuer, args.subject):
            _say(f"recourse-server: subject {args.subject!r} of {args.issuer} was not linked.")
            return 2
        print(f"Subject {args.subject!r} of {args.issuer} can no longer sign in.")
    elif args.admin_command == "links":
        print(json.dumps(admin.list_identities(url), indent=2))
    return 0


def cmd_log_audit(args: argparse.Namespace) -> int:
    from .contest import receipt_log

    engine = db.make_engine(args.database or db.default_database_url())
    try:
        problems = receipt_log.audit(engine, _say)
    finally:
        engine.dispose()
    if problems:
        for problem in problems:
            _say(f"recourse-server: {problem}")
        _say(f"recourse-server: the log of receipts FAILED its audit ({len(problems)} "
             "problem(s)).")
        return 1
    print("The log of receipts is sound: every stored hash and every signed tree head "
          "matches the leaves.")
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="recourse-server", description=__doc__)
    sub = top.add_subparsers(dest="command", required=True)

    def data_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--database", help="SQLAlchemy URL: sqlite:///path or "
                       "postgresql+psycopg://user:pass@host/db (default: SQLite in the "
                       "application-data folder)")
        p.add_argument("--seed", type=int, default=2026, help="seed of the synthetic data")
        p.add_argument("--ping-interval", type=int, default=15, metavar="MINUTES",
                       help="minutes between location pings in the synthetic data")
        p.add_argument("--only", action="append", metavar="USERNAME",
                       help="seed records only for these accounts (repeat or comma-separate)")

    seed_p = sub.add_parser("seed", help="replace the database's contents with demo data")
    data_options(seed_p)
    seed_p.set_defaults(func=cmd_seed)

    serve_p = sub.add_parser("serve", help="serve the API and the built-in issuer")
    data_options(serve_p)
    serve_p.add_argument("--demo", action="store_true",
                         help="seed the demo data first if the database is empty")
    serve_p.add_argument("--host", default="127.0.0.1")
    serve_p.add_argument("--port", type=int, default=DEFAULT_PORT,
                         help="port to listen on; 0 picks a free one (printed)")
    serve_p.add_argument("--workers", type=int, default=1)
    serve_p.add_argument("--issuer", help="trust this external OpenID provider instead of "
                         "the built-in issuer")
    serve_p.add_argument("--audience", default=API_AUDIENCE,
                         help="audience access tokens must carry")
    serve_p.add_argument("--jwks-url", help="the external provider's JWKS (default: from "
                         "its discovery document)")
    serve_p.add_argument("--access-token-ttl", type=int, default=900, metavar="SECONDS")
    serve_p.add_argument("--log-level", default="warning")
    serve_p.add_argument("--ready-file", metavar="PATH",
                         help='once listening, write {"url", "issuer", "pid"} as JSON to '
                         "PATH (atomically), for a program that started the server")
    serve_p.add_argument("--stop-on-stdin-eof", action="store_true",
                         help="stop when standard input closes, e.g. when the program that "
                         "started the server exits")
    serve_p.set_defaults(func=cmd_serve)

    accounts_p = sub.add_parser("accounts", help="list the demo accounts")
    accounts_p.add_argument("--json", action="store_true",
                            help="as a JSON list of objects (username, password, "
                            "officer_id, name, role, force_number, rank, unit, represents)")
    accounts_p.set_defaults(func=cmd_accounts)

    openapi_p = sub.add_parser("openapi", help="print the OpenAPI contract")
    openapi_p.add_argument("--write", metavar="PATH", help="write it to PATH instead")
    openapi_p.set_defaults(func=cmd_openapi)

    admin_p = sub.add_parser("admin", help="change data on a server's database (for tests "
                             "and administrators)")
    admin_p.add_argument("--database")
    admin_sub = admin_p.add_subparsers(dest="admin_command", required=True)
    put = admin_sub.add_parser("put-record", help="add or change a record (JSON on stdin)")
    put.add_argument("officer")
    put.add_argument("--file")
    rm = admin_sub.add_parser("delete-record", help="delete a record (leaves a tombstone)")
    rm.add_argument("officer")
    rm.add_argument("record_id")
    ln = admin_sub.add_parser(
        "link", help="let an external identity provider's account sign in as an account",
        description="With --issuer, the server maps a token to an account by its issuer and "
        "subject only, never by a username or e-mail claim. This links one such subject to "
        "one account; nothing else does.")
    ln.add_argument("officer", help="the account's officer id")
    ln.add_argument("--issuer", required=True, help="the provider's issuer (the token's iss)")
    ln.add_argument("--subject", required=True, help="the person's subject (the token's sub)")
    ul = admin_sub.add_parser("unlink", help="stop an external subject signing in")
    ul.add_argument("--issuer", required=True)
    ul.add_argument("--subject", required=True)
    admin_sub.add_parser("links", help="list the linked external subjects (JSON)")
    admin_p.set_defaults(func=cmd_admin)

    log_p = sub.add_parser("log", help="the public log of receipts")
    log_p.add_argument("--database")
    log_sub = log_p.add_subparsers(dest="log_command", required=True)
    log_sub.add_parser("audit", help="rebuild the tree from its leaves and check every "
                       "signed tree head (exit 1 on any mismatch)")
    log_p.set_defaults(func=cmd_log_audit)

    from .review_cli import add_review_parser

    add_review_parser(sub)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
