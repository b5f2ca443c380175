"""Kill the sync with SIGKILL at random moments, over and over: the store always opens,
passes SQLCipher's and SQLite's integrity checks, and the run that finally completes
leaves exactly the server's records.

The sync runs in a forked child (fast to start: everything is already imported) against
the real reference server; kills are timed from the moment the child starts syncing,
spread over the length of an uninterrupted sync so they land in every phase.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import shutil
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_store_helpers import PASS, fast_profile, memoized_kdf
from test_sync_helpers import sign_in, stored_digests
from tests.support.server import RunningServer, start_server

from recourse.api import ServerConnection
from recourse.sync import SyncEngine
from recourse_server import admin
from recourse_server.synth.accounts import HUGHES

KILLS = 50
PAGE_SIZE = 50
SEED = 20260301

if os.name != "posix":  # pragma: no cover
    pytest.skip("SIGKILL and fork are POSIX", allow_module_level=True)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    with start_server(
        tmp_path_factory.mktemp("server"), only=[HUGHES.username], ping_interval=1440
    ) as running:
        yield running


def _child(folder: str, url: str, started: object) -> None:
    store = fast_profile(Path(folder)).unlock(PASS, verify=False)
    api = ServerConnection(url, store)
    started.send_bytes(b"s")  # type: ignore[attr-defined]
    result = SyncEngine(api, store, page_size=PAGE_SIZE).run()
    store.close()
    os._exit(0 if result.state == "ok" else 3)


def _check_sound(folder: Path) -> int:
    """Opens (full page-HMAC check), passes integrity_check; returns the record count."""
    with fast_profile(folder).unlock(PASS, verify=True) as store:
        with store.reading() as db:
            assert [r[0] for r in db.execute("PRAGMA integrity_check")] == ["ok"]
        return sum(store.category_counts().values())


def _mutate(server: RunningServer, rng: random.Random, round_no: int) -> None:
    """The force changes things between rounds, so later rounds sync different data."""
    records = admin.current_records(server.database_url, HUGHES.officer_id)
    ids = sorted(records)
    victims = rng.sample(ids, 6)
    for victim in victims[:3]:
        admin.delete_record(server.database_url, HUGHES.officer_id, victim)
    for changed in victims[3:]:
        if changed in admin.current_records(server.database_url, HUGHES.officer_id):
            admin.upsert_record(
                server.database_url,
                HUGHES.officer_id,
                dict(records[changed], summary=f"Changed in round {round_no}"),
            )


@pytest.mark.timeout(400)
def test_sigkill_at_random_moments_never_damages_the_store(
    server: RunningServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Argon2id runs once per salt; forked children inherit the memo.
    with memoized_kdf(monkeypatch):
        _campaign(server, tmp_path)


def _campaign(server: RunningServer, tmp_path: Path) -> None:
    rng = random.Random(SEED)
    template = tmp_path / "template"
    with fast_profile(template).create(PASS) as store:
        api = sign_in(server.url, store, HUGHES.username, HUGHES.password)
        api.close()
    # How long an uninterrupted sync takes, to spread the kills over it.
    reference = tmp_path / "reference"
    shutil.copytree(template, reference)
    with fast_profile(reference).unlock(PASS) as store:
        began = time.monotonic()
        assert (
            SyncEngine(ServerConnection(server.url, store), store, page_size=PAGE_SIZE).run().state
            == "ok"
        )
        full = time.monotonic() - began
    context = multiprocessing.get_context("fork")
    kills = rounds = completed = 0
    folder = tmp_path / "round-0"
    shutil.copytree(template, folder)
    deadline = time.monotonic() + 300
    while kills < KILLS or completed == 0:
        assert time.monotonic() < deadline, f"only {kills} kills, {completed} completions"
        receive, send = context.Pipe(duplex=False)
        child = context.Process(target=_child, args=(str(folder), server.url, send))
        child.start()
        send.close()
        assert receive.poll(30), "the sync child did not start"
        receive.recv_bytes()
        time.sleep(rng.uniform(0, full))
        if child.is_alive():
            os.kill(child.pid, signal.SIGKILL)
        child.join(30)
        receive.close()
        if child.exitcode == -signal.SIGKILL:
            kills += 1
            _check_sound(folder)
            continue
        assert child.exitcode == 0, f"sync child failed with {child.exitcode}"
        completed += 1
        with fast_profile(folder).unlock(PASS) as store:
            assert stored_digests(store) == admin.record_digests(
                server.database_url, HUGHES.officer_id
            )
        if kills < KILLS:  # next round: a fresh store and changed server data
            rounds += 1
            _mutate(server, rng, rounds)
            shutil.rmtree(folder)
            folder = tmp_path / f"round-{rounds}"
            shutil.copytree(template, folder)
    # The last store must match the server as it is now, after a clean run.
    with fast_profile(folder).unlock(PASS) as store:
        assert SyncEngine(ServerConnection(server.url, store), store).run().state == "ok"
        assert stored_digests(store) == admin.record_digests(server.database_url, HUGHES.officer_id)
    print(
        f"{kills} kills over {rounds + 1} rounds, {completed} completed syncs, "
        f"full sync {full:.2f} s"
    )
    assert kills >= KILLS
