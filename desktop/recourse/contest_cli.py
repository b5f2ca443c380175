"""`recourse verify BUNDLE.zip`: check an evidence bundle offline and say what it proves.

Exit status 0 when the bundle checks out, 1 when it does not or cannot be read (with
the reasons). Needs no store, no server and no network.
"""

from __future__ import annotations

import argparse
import sys
import zipfile
from pathlib import Path

from recourse.protocol import bundle as bundle_format
from recourse.protocol import contest_wire as cw
from recourse.protocol.canonical import StrictJsonError, is_canonical, loads_strict
from recourse.protocol.jws import ProtocolError, load_public_jwk, verify_compact

__all__ = ["KEY_RECORD_FILE", "read_bundle", "verify_main", "verify_path"]

KEY_RECORD_FILE = "keys/officer-record.jws"
#: Limits on what is unpacked, so a hostile zip cannot exhaust memory.
MAX_FILES = 1000
MAX_TOTAL_BYTES = 200 * 1024 * 1024


class UnreadableBundle(ValueError):
    pass


def read_bundle(path: Path) -> dict[str, bytes]:
    """The bundle's files, path -> bytes, read with limits."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = [i for i in archive.infolist() if not i.is_dir()]
            if len(infos) > MAX_FILES:
                raise UnreadableBundle(f"it holds more than {MAX_FILES} files.")
            if sum(i.file_size for i in infos) > MAX_TOTAL_BYTES:
                raise UnreadableBundle("it would unpack to more than 200 MB.")
            files: dict[str, bytes] = {}
            for info in infos:
                if info.filename in files:
                    raise UnreadableBundle(f"{info.filename} appears twice.")
                files[info.filename] = archive.read(info)
            return files
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise UnreadableBundle(f"it is not a readable zip file ({exc}).") from None


def _check_key_record(files: dict[str, bytes], report: bundle_format.BundleReport) -> None:
    """The force's signed record that the officer's key was registered to the officer."""
    data = files.get(KEY_RECORD_FILE)
    if data is None:
        report.not_proven.append(
            "The force's record of the officer's key is not in this bundle, so who the key "
            "belongs to rests on the force's own records."
        )
        return
    try:
        force = load_public_jwk(loads_strict(files[bundle_format.FORCE_JWK]))
        verified = verify_compact(
            data.decode("ascii").strip(), force, expected_typ=cw.KEY_RECORD_TYP
        )
        if not is_canonical(verified.payload_bytes):
            raise ProtocolError("its content is not in canonical form.")
        record = loads_strict(verified.payload_bytes)
        if not isinstance(record, dict):
            raise ProtocolError("its content is not a key record.")
    except (KeyError, UnicodeDecodeError, StrictJsonError, ProtocolError) as exc:
        report.problems.append(f"The force's record of the officer's key does not check out: {exc}")
        return
    if record.get("key_id") != report.officer_key_id:
        report.problems.append(
            "The force's key record is for a different key from the one that signed."
        )
        return
    submission = report.submission or {}
    if record.get("officer_id") != submission.get("officer_id"):
        report.problems.append(
            "The force's key record names a different officer from the submission."
        )
        return
    revoked = record.get("revoked_at")
    report.proven.append(
        f"The force's key signed a record that key {record.get('key_id')} was registered to "
        f"officer {record.get('officer_id')} (device \"{record.get('device_label')}\") at "
        f"{record.get('registered_at')}"
        + (f", revoked at {revoked}." if revoked else ", not revoked when the record was made.")
    )
    # With the record, the first caveat (who the key belongs to) is answered by the force.
    report.not_proven = [
        item for item in report.not_proven if not item.startswith("That the officer's key")
    ]


def verify_files(files: dict[str, bytes]) -> bundle_format.BundleReport:
    report = bundle_format.verify_bundle(files)
    if report.submission is not None and report.force_key_id is not None:
        _check_key_record(files, report)
    report.ok = report.ok and not report.problems
    return report


def verify_path(path: Path) -> tuple[int, str]:
    """(exit status, text to print) for the bundle at `path`."""
    try:
        files = read_bundle(path)
    except UnreadableBundle as exc:
        return 1, f"The bundle does NOT check out: {path.name} cannot be read: {exc}\n"
    report = verify_files(files)
    return (0 if report.ok else 1), report.text()


def verify_main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="recourse verify",
        description="Check a Recourse evidence bundle offline and say what it proves.",
    )
    parser.add_argument("bundle", type=Path, help="the evidence bundle (.zip)")
    args = parser.parse_args(argv)
    status, text = verify_path(args.bundle)
    sys.stdout.write(text)
    return status


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(verify_main())
