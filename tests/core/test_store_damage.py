"""A damaged store is refused, never read as wrong data, and nothing reaches stderr."""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from test_store_helpers import PASS, fast_profile, feed_page, memoized_kdf, record

from recourse.store import Profile, RecordQuery, Store, StoreDamaged

PAGE = 4096


def _everything(store: Store) -> list[object]:
    out: list[object] = [store.count("absences"), store.cursor("absences")]
    for offset in range(0, store.count("absences"), 500):
        out.extend(store.page("absences", RecordQuery(), offset, 500))
    out.append(store.count("absences", RecordQuery(search="reason")))
    out.extend(store.drafts())
    out.append(store.get_secret("token"))
    return out


@pytest.fixture
def pristine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    with memoized_kdf(monkeypatch):
        profile = fast_profile(tmp_path / "pristine")
        with profile.create(PASS) as store:
            for batch in range(4):
                recs = [record(batch * 1000 + i, reason="reason " + "x" * 200) for i in range(1000)]
                store.apply_feed_page(feed_page(recs, f"c{batch}"))
            store.put_secret("token", b"t" * 100)
            store.save_draft("d", "challenge", {"text": "draft"})
        with profile.unlock(PASS) as store:
            expected = _everything(store)
        yield profile, expected


def test_flipped_bytes_anywhere_give_store_damaged_never_wrong_data(
    pristine: tuple[Profile, list[object]], tmp_path: Path
) -> None:
    profile, expected = pristine
    original = profile.database_path.read_bytes()
    pages = len(original) // PAGE
    assert pages > 100
    rng = random.Random(7)
    # Page 1 (salt, header, schema), the reserved HMAC bytes at the end of a page,
    # and random bytes on deep pages.
    offsets = [0, 5, 16, 100, PAGE - 1, PAGE - 40, PAGE + 10, 2 * PAGE + 2000]
    offsets += [rng.randrange(PAGE * 3, len(original)) for _ in range(24)]
    for offset in offsets:
        folder = tmp_path / f"flip-{offset}"
        shutil.copytree(profile.folder, folder)
        damaged = bytearray(original)
        damaged[offset] ^= 0x01 << rng.randrange(8)
        (folder / "recourse.db").write_bytes(bytes(damaged))
        # Without the unlock-time check, reading everything hits the bad page.
        try:
            with fast_profile(folder).unlock(PASS, verify=False) as store:
                got = _everything(store)
        except StoreDamaged as exc:
            assert exc.message.startswith("This store is damaged")
        else:
            # A page nobody reads (free-list) may hide the flip; what was read is exact.
            assert got == expected, f"wrong data after flipping byte {offset}"
        # With it, every flip is caught at unlock.
        with pytest.raises(StoreDamaged):
            fast_profile(folder).unlock(PASS, verify=True)
        shutil.rmtree(folder)


#: SQLCipher 4's page size (the store keeps the default).
PAGE_SIZE = 4096

SCRIPT = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from recourse.store import MINIMUM_KDF, Profile, RecordQuery, StoreDamaged, WrongPassphrase
    folder = Path(sys.argv[1])
    profile = Profile(folder, kdf=MINIMUM_KDF)
    try:
        profile.unlock("not the passphrase")
    except WrongPassphrase:
        print("wrong-passphrase")
    try:
        with profile.unlock(sys.argv[2], verify=False) as store:
            for offset in range(0, 5000, 100):
                store.page("absences", RecordQuery(), offset, 100)
    except StoreDamaged:
        print("damaged")
    """
)


def test_sqlcipher_prints_nothing_on_stderr(
    pristine: tuple[Profile, list[object]], tmp_path: Path
) -> None:
    profile, _ = pristine
    folder = tmp_path / "copy"
    shutil.copytree(profile.folder, folder)
    data = bytearray((folder / "recourse.db").read_bytes())
    # A byte in every page but the first: whichever page a read reaches first, its HMAC
    # check fails (one page in the middle may belong to a table the script never reads).
    for offset in range(PAGE_SIZE + 100, len(data), PAGE_SIZE):
        data[offset] ^= 0xFF
    (folder / "recourse.db").write_bytes(bytes(data))
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(folder), PASS],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["wrong-passphrase", "damaged"]
    assert done.stderr == ""
