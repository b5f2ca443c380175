"""The encrypted store: create, unlock, passphrases, KDF upgrade, migrations, search."""

from __future__ import annotations

import json
import os
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from test_store_helpers import PASS, fast_profile, feed_page, memoized_kdf, record

from recourse.protocol import wire
from recourse.store import (
    MINIMUM_KDF,
    KdfParams,
    NoProfile,
    OtherPassphraseOpens,
    Profile,
    ProfileExists,
    RecordQuery,
    StoreDamaged,
    TooSoon,
    WrongPassphrase,
    schema,
)
from recourse.store import header as header_module
from recourse.store.header import Header, derive, read_header, write_atomically


@pytest.fixture
def kdf(monkeypatch: pytest.MonkeyPatch):
    with memoized_kdf(monkeypatch):
        yield


def test_create_unlock_and_read_back(tmp_path: Path, kdf: None) -> None:
    profile = fast_profile(tmp_path / "p")
    assert not profile.exists()
    with profile.create(PASS) as store:
        store.apply_feed_page(feed_page([record(i) for i in range(30)], "cursor-1"))
        store.put_secret("refresh_token", b"\x00secret\xff")
        store.put_setting("server_url", "https://force.example")
        store.save_draft("d1", "challenge", {"grounds": ["accuracy"], "text": "I was on leave"})
    assert profile.exists()
    with profile.unlock(PASS) as store:
        assert store.count("absences") == 30
        assert store.cursor("absences") == "cursor-1"
        assert store.cursor("logins") is None
        assert store.record("abse-0000003") == store.page("absences", RecordQuery(), 3, 1)[0]
        assert store.get_secret("refresh_token") == b"\x00secret\xff"
        assert store.get_setting("server_url", None) == "https://force.example"
        assert store.get_setting("auto_lock_minutes", 15) == 15
        [draft] = store.drafts()
        assert (draft.id, draft.kind, draft.body["text"]) == ("d1", "challenge", "I was on leave")
        store.delete_draft("d1")
        store.delete_secret("refresh_token")
        assert store.drafts() == [] and store.get_secret("refresh_token") is None
        assert store.category_counts() == {"absences": 30}


def test_create_refuses_an_existing_profile(tmp_path: Path, kdf: None) -> None:
    profile = fast_profile(tmp_path / "p")
    profile.create(PASS).close()
    before = profile.database_path.read_bytes()
    with pytest.raises(ProfileExists):
        profile.create("another passphrase")
    assert profile.database_path.read_bytes() == before
    # Even a lone database without its header is never silently replaced.
    profile.header_path.unlink()
    with pytest.raises(ProfileExists):
        profile.create("another passphrase")
    with pytest.raises(StoreDamaged):
        profile.unlock(PASS)


def test_unlock_without_a_profile(tmp_path: Path) -> None:
    with pytest.raises(NoProfile):
        fast_profile(tmp_path / "none").unlock(PASS)


def test_wrong_passphrase_delays_grow_persist_and_never_touch_the_store(
    tmp_path: Path, kdf: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = fast_profile(tmp_path / "p")
    with profile.create(PASS) as store:
        store.apply_feed_page(feed_page([record(i) for i in range(10)], "c"))
    files = {p.name: p.read_bytes() for p in profile.folder.iterdir() if p.name != "header.json"}
    clock = [time.time()]
    monkeypatch.setattr(time, "time", lambda: clock[0])
    delays = []
    for _ in range(5):
        with pytest.raises(WrongPassphrase) as caught:
            profile.unlock("wrong passphrase")
        assert "passphrase is not right" in caught.value.message
        delays.append(caught.value.retry_after)
        # A new Profile object (an app restart) sees the same delay.
        assert fast_profile(profile.folder).retry_delay() == pytest.approx(caught.value.retry_after)
        if caught.value.retry_after:
            with pytest.raises(TooSoon):
                profile.unlock(PASS)
        clock[0] += caught.value.retry_after
    assert delays == [0, 1, 2, 4, 8]
    assert {
        p.name: p.read_bytes() for p in profile.folder.iterdir() if p.name != "header.json"
    } == files
    with profile.unlock(PASS) as store:
        assert store.count("absences") == 10
    assert profile.retry_delay() == 0 and read_header(profile.header_path).failed_attempts == 0


def test_change_passphrase_keeps_data_and_refuses_the_old_one(tmp_path: Path, kdf: None) -> None:
    profile = fast_profile(tmp_path / "p")
    with profile.create(PASS) as store:
        store.apply_feed_page(feed_page([record(i) for i in range(50)], "c"))
        with pytest.raises(WrongPassphrase):
            store.change_passphrase("not it", "new passphrase")
        store.change_passphrase(PASS, "new passphrase")
        assert store.count("absences") == 50  # still usable after the rekey
        store.put_setting("after", True)
    with pytest.raises(WrongPassphrase):
        profile.unlock(PASS)
    with profile.unlock("new passphrase") as store:
        assert store.count("absences") == 50 and store.get_setting("after", False) is True
    assert sorted(p.name for p in profile.folder.iterdir()) == ["header.json", "recourse.db"]


def test_weaker_kdf_parameters_are_upgraded_at_unlock(tmp_path: Path) -> None:
    old = fast_profile(tmp_path / "p")
    with old.create(PASS) as store:
        store.apply_feed_page(feed_page([record(i) for i in range(5)], "c"))
    stronger = KdfParams(memory_kib=MINIMUM_KDF.memory_kib, iterations=4, lanes=1)
    before = read_header(old.header_path)
    Profile(old.folder, kdf=stronger).unlock(PASS).close()
    after = read_header(old.header_path)
    assert after.kdf == stronger and after.salt != before.salt
    with Profile(old.folder, kdf=stronger).unlock(PASS) as store:
        assert store.count("absences") == 5
    assert not (old.folder / "header.json.prev").exists()


def test_crash_between_rekey_and_header_rename_recovers(tmp_path: Path, kdf: None) -> None:
    """Simulate a kill after PRAGMA rekey committed but before the new header was moved
    into place: header.json still has the old salt, header.json.new the new one."""
    profile = fast_profile(tmp_path / "p")
    store = profile.create(PASS)
    store.apply_feed_page(feed_page([record(i) for i in range(5)], "c"))

    def crash() -> None:
        raise KeyboardInterrupt  # stands in for the kill, right after the commit

    new_header = Header.new(MINIMUM_KDF)
    keys = derive("new passphrase", new_header.salt, new_header.kdf)
    write_atomically(profile.folder / "header.json.new", new_header.signed(keys).to_json())
    with pytest.raises(KeyboardInterrupt):
        store.rekey(keys, crash)
    store.close()
    # The old passphrase no longer opens the database; the new one does, via .new. The
    # old one is told so: never "damaged", never "remove your data".
    with pytest.raises(OtherPassphraseOpens) as told:
        profile.unlock(PASS)
    assert "Try your new passphrase" in told.value.message
    assert "damaged" not in told.value.message and "do not remove" in told.value.message
    assert profile.retry_delay() == 0  # not counted as a wrong passphrase
    with profile.unlock("new passphrase") as reopened:
        assert reopened.count("absences") == 5
    assert sorted(p.name for p in profile.folder.iterdir()) == ["header.json", "recourse.db"]


def test_crash_before_the_rekey_committed_tells_the_new_passphrase_to_try_the_old(
        tmp_path: Path, kdf: None) -> None:
    """A kill after header.json.new was written but before PRAGMA rekey committed: the
    database still has the old key. The new passphrase matches .new only."""
    profile = fast_profile(tmp_path / "p")
    with profile.create(PASS) as store:
        store.apply_feed_page(feed_page([record(i) for i in range(3)], "c"))
    new_header = Header.new(MINIMUM_KDF)
    keys = derive("new passphrase", new_header.salt, new_header.kdf)
    write_atomically(profile.folder / "header.json.new", new_header.signed(keys).to_json())
    with pytest.raises(OtherPassphraseOpens) as told:
        profile.unlock("new passphrase")
    assert "the one you had before" in told.value.message
    with profile.unlock(PASS) as reopened:
        assert reopened.count("absences") == 3


@pytest.mark.parametrize("damage", ["empty", "new-empty-database"])
def test_an_empty_database_beside_its_header_is_damaged_and_left_alone(
        tmp_path: Path, kdf: None, damage: str) -> None:
    profile = fast_profile(tmp_path / "p")
    with profile.create(PASS) as store:
        store.apply_feed_page(feed_page([record(i) for i in range(3)], "c"))
    for side in ("-wal", "-shm"):
        (profile.folder / f"recourse.db{side}").unlink(missing_ok=True)
    if damage == "empty":
        profile.database_path.write_bytes(b"")
    else:
        # A database with the right key but no schema (version 0), as SQLite makes one.
        header = read_header(profile.header_path)
        keys = derive(PASS, header.salt, header.kdf)
        from sqlcipher3 import dbapi2

        profile.database_path.unlink()
        conn = dbapi2.connect(str(profile.database_path))
        conn.execute(f'PRAGMA key = "{keys.sqlcipher_key_literal()}"')
        conn.execute("CREATE TABLE unrelated (x)")
        conn.commit()
        conn.close()
    before = profile.database_path.read_bytes()
    header_before = profile.header_path.read_bytes()
    with pytest.raises(StoreDamaged):
        profile.unlock(PASS)
    with pytest.raises(StoreDamaged):
        profile.unlock(PASS)  # and again: nothing was rebuilt the first time
    assert profile.database_path.read_bytes() == before
    assert profile.header_path.read_bytes() == header_before


def test_a_damaged_header_is_not_a_wrong_passphrase(tmp_path: Path, kdf: None) -> None:
    profile = fast_profile(tmp_path / "p")
    profile.create(PASS).close()
    doc = json.loads(profile.header_path.read_text())
    salt = doc["authenticated"]["salt"]
    # Change the first character, whatever it was (a random salt may start with "A").
    doc["authenticated"]["salt"] = ("B" if salt[0] == "A" else "A") + salt[1:]
    profile.header_path.write_text(json.dumps(doc))
    with pytest.raises(StoreDamaged) as caught:
        profile.unlock(PASS)
    assert caught.value.message.startswith("This store is damaged")


def test_full_text_search_escapes_input_and_follows_updates_and_deletes(
    tmp_path: Path, kdf: None
) -> None:
    with fast_profile(tmp_path / "p").create(PASS) as store:
        recs = [
            record(i, summary=f"Sickness absence number {i}", reason="migraine") for i in range(10)
        ]
        recs.append(record(10, summary="Annual leave in Málaga", reason="holiday"))
        store.apply_feed_page(feed_page(recs, "c1"))
        assert store.count("absences", RecordQuery(search="migr")) == 10
        assert store.count("absences", RecordQuery(search="malaga")) == 1  # diacritics folded
        assert store.count("absences", RecordQuery(search="sickness number 3")) == 1
        for hostile in ['"', "NEAR(", "summary:x OR", "*", "a AND OR NOT", "')--"]:
            store.count("absences", RecordQuery(search=hostile))  # no syntax error escapes
            store.page("absences", RecordQuery(search=hostile), 0, 10)
        assert store.count("absences", RecordQuery(search="   ")) == 11
        changed = record(3, summary="Training day", reason="course")
        store.apply_feed_page(feed_page([changed], "c2", deletes=("abse-0000004",)))
        assert store.count("absences", RecordQuery(search="migraine")) == 8
        [hit] = store.page("absences", RecordQuery(search="course"), 0, 10)
        assert hit.id == "abse-0000003" and hit.summary == "Training day"
        assert store.record("abse-0000004") is None
        assert store.cursor("absences") == "c2"


def test_date_filters_order_and_iteration(tmp_path: Path, kdf: None) -> None:
    with fast_profile(tmp_path / "p").create(PASS) as store:
        store.apply_feed_page(feed_page([record(i) for i in range(100)], "c"))  # hourly
        start = datetime(2026, 1, 2, tzinfo=UTC)
        q = RecordQuery(since=start, until=start + timedelta(hours=10))
        assert store.count("absences", q) == 10
        rows = store.page("absences", q, 0, 100)
        assert [r.occurred_at for r in rows] == [start + timedelta(hours=h) for h in range(10)]
        desc = store.page("absences", RecordQuery(descending=True), 0, 3)
        assert [r.id for r in desc] == ["abse-0000099", "abse-0000098", "abse-0000097"]
        day = list(store.iter_category("absences", since=date(2026, 1, 2), until=date(2026, 1, 2)))
        assert len(day) == 24 and day[0].occurred_at == start
        assert len(list(store.iter_category("absences"))) == 100
        ids = ["abse-0000050", "nope", "abse-0000001"]
        assert [r.id for r in store.records_by_ids(ids)] == ["abse-0000050", "abse-0000001"]


def _flag(i: int) -> wire.FlagDetail:
    when = datetime(2026, 2, 1, tzinfo=UTC) + timedelta(days=i)
    return wire.FlagDetail(
        id=f"flag-{i}",
        officer_id="officer-1",
        rule=wire.RuleRef(id="attendance", version=1, title="Office attendance"),
        status="open",
        raised_at=when,
        updated_at=when,
        action="management_advice",
        headline="Office attendance below 80%",
        provenance=wire.Provenance(
            parameters=[],
            window_start=date(2026, 1, 1),
            window_end=date(2026, 1, 31),
            input_record_ids=["abse-0000001"],
            observed={"attendance": 0.7},
            threshold=0.8,
            comparison="<",
            computation=[],
            corroboration="not_applicable",
        ),
        review=wire.Review(human_reviewed=False),
    )


def test_flags_catalogues_access_log_me_etags_and_sync_status(tmp_path: Path, kdf: None) -> None:
    with fast_profile(tmp_path / "p").create(PASS) as store:
        store.replace_flags([_flag(1), _flag(2)], etag='"f1"')
        assert [f.id for f in store.flags()] == ["flag-2", "flag-1"]
        assert store.flag("flag-1") == _flag(1) and store.etag("flags") == '"f1"'
        store.replace_flags([_flag(3)], etag='"f2"')
        assert [f.id for f in store.flags()] == ["flag-3"]
        rule = wire.Rule(
            id="attendance",
            version=1,
            title="t",
            description="d",
            parameters=[],
            input_categories=["building_access"],
        )
        source = wire.Source(
            category="flags",
            system="s",
            owner="o",
            lawful_basis="l",
            retention="r",
            description="d",
        )
        store.replace_catalogues(wire.RuleCatalogue(rules=[rule]), None, rules_etag='"r"')
        store.replace_catalogues(None, wire.SourceCatalogue(sources=[source]), sources_etag='"s"')
        assert store.rules() == [rule] and store.sources() == [source]
        assert (store.etag("rules"), store.etag("sources")) == ('"r"', '"s"')
        entry = wire.AccessLogEntry(
            id="a1",
            viewed_at=datetime(2026, 2, 3, tzinfo=UTC),
            viewer="PSD analyst",
            viewer_role="analyst",
            reason="flag",
            what="roster",
        )
        store.replace_access_log(wire.AccessLog(entries=[entry]), etag=None)
        assert store.access_log() == [entry] and store.etag("access_log") is None
        me = wire.Me(officer_id="officer-1", username="pc.one", name="PC One", role="officer")
        assert store.me() is None
        store.put_me(me)
        assert store.me() == me
        assert store.last_sync() is None
        finished = datetime(2026, 3, 1, 12, tzinfo=UTC)
        store.record_sync(finished, "ok", None)
        status = store.last_sync()
        assert status is not None and (status.finished_at, status.state) == (finished, "ok")


# -- migrations -----------------------------------------------------------------------


def _build_version(folder: Path, version: int) -> Profile:
    """A profile whose schema stops at `version`, holding data for every table it has."""
    profile = fast_profile(folder)
    folder.mkdir(parents=True)
    head = Header.new(MINIMUM_KDF)
    keys = header_module.derive(PASS, head.salt, head.kdf)
    conn = profile._connect(keys, new=True)
    schema.migrate(conn, target=version)
    if version >= 1:
        conn.execute("INSERT INTO categories (code, name) VALUES (1, 'absences')")
        conn.execute(
            "INSERT INTO records (id, cat, occurred_at, updated_at, summary, data) "
            "VALUES ('abse-1', 1, 1767225600000000, 1767225600000000, 'Sick: migraine', "
            '\'{"reason": "migraine attack"}\')'
        )
        conn.execute("INSERT INTO cursors VALUES ('absences', 'cur-7', 0)")
        conn.execute("INSERT INTO secrets VALUES ('token', x'0102')")
        conn.execute("INSERT INTO settings VALUES ('server_url', '\"https://x\"')")
    if version >= 2:
        conn.execute("INSERT INTO flags VALUES ('flag-1', 0, ?)", (_flag(1).model_dump_json(),))
    if version >= 4:
        conn.execute("INSERT INTO drafts VALUES ('d1', 'challenge', '{\"a\": 1}', 0, 0)")
    conn.close()
    write_atomically(profile.header_path, head.signed(keys).to_json())
    return profile


# From 1: a store is migrated before its key header is written, so a header never sits
# beside a version-0 database (that is an emptied store: StoreDamaged, tested above).
@pytest.mark.parametrize("version", range(1, schema.LATEST + 1))
def test_migrates_from_every_earlier_version(tmp_path: Path, kdf: None, version: int) -> None:
    profile = _build_version(tmp_path / f"v{version}", version)
    with profile.unlock(PASS) as store:
        with store.reading() as db:
            assert schema.version(db) == schema.LATEST
        if version >= 1:
            assert store.record("abse-1") is not None
            assert store.cursor("absences") == "cur-7"
            assert store.get_secret("token") == b"\x01\x02"
            assert store.get_setting("server_url", None) == "https://x"
            # Full-text search covers rows written before the index existed.
            assert store.count("absences", RecordQuery(search="migraine")) == 1
        if version >= 2:
            assert store.flag("flag-1") == _flag(1)
        if version >= 4:
            assert [d.id for d in store.drafts()] == ["d1"]
        # And the migrated store takes new data.
        store.apply_feed_page(feed_page([record(1)], "c"))
        store.save_draft("d2", "sar", {})


def test_a_newer_schema_is_refused_not_downgraded(tmp_path: Path, kdf: None) -> None:
    profile = fast_profile(tmp_path / "p")
    with profile.create(PASS) as store:
        with store.reading() as db:
            db.execute(f"PRAGMA user_version = {schema.LATEST + 1}")
    with pytest.raises(Exception, match="newer version of Recourse"):
        profile.unlock(PASS)


# -- privacy ----------------------------------------------------------------------------


def test_no_plaintext_in_any_file_and_remove_deletes_the_folder(tmp_path: Path, kdf: None) -> None:
    canary = "CANARY-Zq8xW3-officer-text"
    profile = fast_profile(tmp_path / "p")
    with profile.create(PASS) as store:
        recs = [record(i, summary=f"{canary} summary {i}", reason=canary) for i in range(200)]
        store.apply_feed_page(feed_page(recs, "c"))
        store.put_secret("token", canary.encode())
        store.save_draft("d", "challenge", {"text": canary})
        # While open, the WAL holds the latest pages: it must be encrypted too.
        for path in profile.folder.iterdir():
            assert canary.encode() not in path.read_bytes(), path.name
    for path in profile.folder.iterdir():
        data = path.read_bytes()
        assert canary.encode() not in data and b"SQLite format 3" not in data, path.name
    profile.remove()
    assert not profile.folder.exists() and not profile.exists()
    profile.remove()  # removing twice is not an error


def test_unlocked_store_is_usable_from_another_thread(tmp_path: Path, kdf: None) -> None:
    import threading

    with fast_profile(tmp_path / "p").create(PASS) as store:
        errors: list[BaseException] = []

        def write() -> None:
            try:
                for n in range(20):
                    store.apply_feed_page(feed_page([record(n)], f"c{n}"))
            except BaseException as exc:
                errors.append(exc)

        worker = threading.Thread(target=write)
        worker.start()
        while worker.is_alive():
            store.count("absences")
        worker.join()
        assert not errors and store.count("absences") == 20


def test_store_files_are_private_to_the_user(tmp_path: Path, kdf: None) -> None:
    if os.name == "nt":
        pytest.skip("POSIX permissions")
    profile = fast_profile(tmp_path / "p")
    store = profile.create(PASS)
    store.apply_feed_page(feed_page([record(i) for i in range(3)], "c"))
    database_files = sorted(profile.folder.glob("recourse.db*"))
    assert len(database_files) == 3  # the database, its WAL and its shared memory
    for path in database_files:
        assert path.stat().st_mode & 0o077 == 0, (path.name, oct(path.stat().st_mode))
    store.close()
    assert profile.folder.stat().st_mode & 0o077 == 0
    assert profile.header_path.stat().st_mode & 0o077 == 0
    # A database an older version left readable by others is tightened at unlock.
    os.chmod(profile.database_path, 0o644)
    profile.unlock(PASS).close()
    assert profile.database_path.stat().st_mode & 0o077 == 0
