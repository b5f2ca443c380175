"""Crash campaign: `python -m bench crash --kills N` (not part of `python -m bench`).

SIGKILLs the client at random moments of a full first sync of the heavy profile (one ping
a minute), and during a passphrase change, a submission and a lock. After every kill the
store is reopened with a full page-HMAC check and `PRAGMA integrity_check`; a sync is
resumed from where it was, and each completed sync is compared with the server record by
record (SHA-256 of RFC 8785 JSON); a killed submission is resumed from the outbox and the
server must hold each submission exactly once; after a killed passphrase change the old
or the new passphrase must open the store.

Each kill runs in a forked child (everything is imported already, so it starts at once).
Figures (../shared/BENCH.md): crash.kills, crash.failures; the detail says where the
kills landed. Options: --kills N (default 1000), --ping-interval MINUTES (default 1: the
heavy profile), --seed.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import shutil
import signal
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.common import emit, progress

PASSES = ("crash passphrase one", "crash passphrase two")
#: How the kills are shared out: most during the sync, the rest in the other moments.
WEIGHTS = {"sync": 70, "passphrase": 10, "submission": 10, "lock": 10}


def stored_digests(store: Any) -> dict[str, str]:
    """SHA-256 of each stored record's RFC 8785 JSON, as `admin.record_digests` computes
    it on the server's side (the same as tests/core/test_sync_helpers.py)."""
    import hashlib

    import rfc8785

    from recourse.protocol import wire

    out: dict[str, str] = {}
    for category in wire.CATEGORIES:
        for r in store.iter_category(category):
            record = wire.Record(id=r.id, category=r.category, occurred_at=r.occurred_at,
                                 updated_at=r.updated_at, summary=r.summary, data=r.data,
                                 ).model_dump(mode="json", exclude_none=True)
            out[r.id] = hashlib.sha256(rfc8785.dumps(record)).hexdigest()
    return out


def _profile(folder: Path) -> Any:
    from recourse.store import MINIMUM_KDF, Profile

    return Profile(folder, kdf=MINIMUM_KDF)


def _child(action: str, folder: str, url: str, passphrase: str, extra: str,
           started: Any) -> None:
    from recourse.api import ServerConnection
    from recourse.contest import ContestService, Draft
    from recourse.sync import SyncEngine

    profile = _profile(Path(folder))
    store = profile.unlock(passphrase, verify=False)
    started.send_bytes(b"s")
    if action == "sync":
        ok = SyncEngine(ServerConnection(url, store), store).run().state == "ok"
    elif action == "passphrase":
        profile.change_passphrase(store, passphrase, extra)
        ok = True
    elif action == "submission":
        contest = ContestService(store, ServerConnection(url, store))
        draft = Draft(kind="sar", statement=f"Crash campaign request {time.time_ns()}.")
        contest.save_draft(draft)
        ok = contest.submit(contest.prepare(draft)).state == "received"
    else:  # lock: the work of a session, then the store closed as the app locks it
        contest = ContestService(store, ServerConnection(url, store))
        contest.save_draft(Draft(kind="sar", statement="A draft written before the lock."))
        ok = True
    store.close()
    os._exit(0 if ok else 3)


class Campaign:
    def __init__(self, server: Any, officer: Any, root: Path, rng: random.Random) -> None:
        self.server, self.officer, self.root, self.rng = server, officer, root, rng
        self.context = multiprocessing.get_context("fork")
        self.failures: list[str] = []
        self.landed: Counter[str] = Counter()
        self.kills = 0
        self.rounds = 0
        self.completed_syncs = 0
        self.passphrase = PASSES[0]
        self.references: set[str] = set()
        self.durations: dict[str, float] = {}

    # -- set-up ---------------------------------------------------------------------

    def prepare(self) -> None:
        import requests
        from tests.support.browser import log_in_through_form

        from recourse.api import ServerConnection
        from recourse.contest import ContestService

        def browser(url: str) -> bool:
            requests.get(log_in_through_form(url, self.officer.username,
                                             self.officer.password), timeout=30)
            return True

        self.template = self.root / "template"
        with _profile(self.template).create(self.passphrase) as store:
            api = ServerConnection(self.server.url, store, browser=browser)
            api.sign_in()
            ContestService(store, api).ensure_signing_key(device_label="Crash campaign")
            api.close()
        self.folder = self._fresh_round()
        # Uninterrupted runs, to spread the kills over each operation's length.
        for action in ("sync", "lock", "submission"):
            self.durations[action] = self._timed(action)
        self._finish_round()
        self.durations["passphrase"] = self._timed("passphrase")
        progress("crash: uninterrupted " + ", ".join(
            f"{k} {v:.2f} s" for k, v in self.durations.items()))
        self.folder = self._fresh_round()

    def _fresh_round(self) -> Path:
        self.rounds += 1
        folder = self.root / f"round-{self.rounds}"
        shutil.copytree(self.template, folder)
        self.passphrase = PASSES[0]
        return folder

    def _extra(self, action: str) -> str:
        if action == "passphrase":
            return PASSES[1] if self.passphrase == PASSES[0] else PASSES[0]
        return ""

    def _start(self, action: str) -> Any:
        receive, send = self.context.Pipe(duplex=False)
        child = self.context.Process(target=_child, args=(
            action, str(self.folder), self.server.url, self.passphrase, self._extra(action),
            send))
        child.start()
        send.close()
        if not receive.poll(60):
            raise RuntimeError("the child did not start")
        receive.recv_bytes()
        receive.close()
        return child

    def _timed(self, action: str) -> float:
        began = time.monotonic()
        child = self._start(action)
        child.join(3600)
        if child.exitcode != 0:
            raise RuntimeError(f"an uninterrupted {action} failed ({child.exitcode})")
        self._after(action, killed=False)
        return time.monotonic() - began

    # -- checks ---------------------------------------------------------------------

    def _open(self) -> Any:
        """The store, opened by the passphrase that opens it (after a killed change,
        either may), with every page's HMAC checked."""
        from recourse.store import StoreError

        errors = []
        for passphrase in (self.passphrase, *[p for p in PASSES if p != self.passphrase]):
            try:
                store = _profile(self.folder).unlock(passphrase, verify=True)
            except StoreError as error:
                errors.append(f"{type(error).__name__}: {error}")
                continue
            self.passphrase = passphrase
            return store
        raise AssertionError("neither passphrase opens the store: " + "; ".join(errors))

    def _sound(self) -> Any:
        store = self._open()
        with store.reading() as db:
            result = [r[0] for r in db.execute("PRAGMA integrity_check")]
        if result != ["ok"]:
            store.close()
            raise AssertionError(f"integrity_check: {result[:3]}")
        return store

    def _after(self, action: str, *, killed: bool) -> None:
        """Check the store after `action`, killed or not."""
        from recourse.api import ServerConnection
        from recourse.contest import ContestService

        store = self._sound()
        try:
            if action == "submission":
                api = ServerConnection(self.server.url, store)
                contest = ContestService(store, api)
                contest.resume_outbox()
                mine = {s.reference for s in contest.submissions() if s.reference}
                pending = [s for s in contest.submissions() if s.state != "received"]
                if pending:
                    raise AssertionError(f"{len(pending)} submission(s) left unsent")
                self.references |= mine
                on_server = self._server_references(api)
                if sorted(on_server) != sorted(set(on_server)) or set(on_server) != \
                        self.references:
                    raise AssertionError(
                        f"server holds {len(on_server)} submissions "
                        f"({len(set(on_server))} distinct), the client made "
                        f"{len(self.references)}")
                api.close()
        finally:
            store.close()

    def _server_references(self, api: Any) -> list[str]:
        from recourse.protocol import contest_wire as cw

        listed = api.request_json("GET", f"/v1/officers/{self.officer.officer_id}/submissions",
                                  model=cw.SubmissionList)
        return [s.reference for s in listed.submissions]

    def _finish_round(self) -> None:
        """Resume the sync to its end and compare every record with the server's."""
        from recourse.api import ServerConnection
        from recourse.sync import SyncEngine
        from recourse_server import admin

        store = self._sound()
        try:
            result = SyncEngine(ServerConnection(self.server.url, store), store).run()
            if result.state != "ok":
                raise AssertionError(f"the resumed sync ended {result.state}")
            if stored_digests(store) != admin.record_digests(self.server.database_url,
                                                             self.officer.officer_id):
                raise AssertionError("the store's records differ from the server's")
        finally:
            store.close()
        self.completed_syncs += 1

    def _stored_fraction(self) -> float:
        store = self._open()
        try:
            return sum(store.category_counts().values()) / max(1, self.total)
        finally:
            store.close()

    # -- the campaign ---------------------------------------------------------------

    def kill_once(self, action: str) -> None:
        child = self._start(action)
        moment = self.rng.uniform(0, self.durations[action])
        time.sleep(moment)
        alive = child.is_alive()
        if alive:
            os.kill(child.pid, signal.SIGKILL)
        child.join(60)
        if child.exitcode == -signal.SIGKILL:
            self.kills += 1
            where = f"{action} at {10 * int(10 * moment / self.durations[action])}%"
            try:
                if action == "sync":
                    where = f"sync, store {25 * int(4 * self._stored_fraction())}% full"
                self._after(action, killed=True)
            except AssertionError as error:
                self.failures.append(f"after a kill in {where}: {error}")
            self.landed[where] += 1
            return
        if child.exitcode != 0:
            self.failures.append(f"{action} child exited with {child.exitcode}")
        self.landed[f"{action} finished before the kill"] += 1
        try:
            self._after(action, killed=False)
        except AssertionError as error:
            self.failures.append(f"after an uninterrupted {action}: {error}")
        if action == "sync":  # the round's first sync is complete: start another
            try:
                self._finish_round()
            except AssertionError as error:
                self.failures.append(f"round {self.rounds}: {error}")
            shutil.rmtree(self.folder)
            self.folder = self._fresh_round()

    def run(self, kills: int, report: Callable[[str], None]) -> None:
        from recourse_server import admin

        self.total = len(admin.current_records(self.server.database_url,
                                               self.officer.officer_id))
        actions = list(WEIGHTS)
        weights = [WEIGHTS[a] for a in actions]
        while self.kills < kills:
            action = self.rng.choices(actions, weights)[0]
            self.kill_once(action)
            if self.kills % 10 == 0 and self.kills:
                report(f"crash: {self.kills}/{kills} kills, {len(self.failures)} failures")
        try:
            self._finish_round()
        except AssertionError as error:
            self.failures.append(f"final round: {error}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench crash")
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--ping-interval", type=int, default=1, metavar="MINUTES",
                        help="1 is the heavy profile (one ping a minute)")
    parser.add_argument("--seed", type=int, default=20260312)
    args = parser.parse_args(argv or [])
    from tests.support.server import start_server

    from recourse_server.synth.accounts import HEAVY

    began = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="recourse-crash-") as tmp:
        root = Path(tmp)
        progress(f"crash: seeding the heavy profile (a ping every {args.ping_interval} min)…")
        # Long-lived access tokens: a refresh killed half-way would end the sign-in (a
        # reused refresh token revokes its family), which is not what this campaign tests.
        with start_server(root / "server", only=[HEAVY.username],
                          ping_interval=args.ping_interval, timeout=1800,
                          extra_args=["--access-token-ttl", "604800"]) as server:
            campaign = Campaign(server, HEAVY, root, random.Random(args.seed))
            campaign.prepare()
            campaign.run(args.kills, progress)
    minutes = (time.monotonic() - began) / 60
    landed = ", ".join(f"{where}: {n}" for where, n in sorted(campaign.landed.items()))
    detail = (f"{campaign.kills} SIGKILLs in {minutes:.1f} min, {campaign.total} records "
              f"(a ping every {args.ping_interval} min), {campaign.completed_syncs} syncs "
              f"completed and compared by content digest, {len(campaign.references)} "
              f"submissions each held once; landed: {landed}")
    emit("crash.kills", campaign.kills, "kills", target=args.kills, better="higher",
         detail=detail)
    emit("crash.failures", len(campaign.failures), "failures", target=0, better="lower",
         detail="; ".join(campaign.failures[:20]) or "none")
