"""The offline parts of contesting: `recourse verify`, letters, deadlines, completeness.

Bundles here are made with the real protocol functions and keys generated in the test
(no server needed), written by the client's own atomic zip writer, and checked by the
real `verify_main`.
"""

from __future__ import annotations

import zipfile
import zlib
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from recourse.cli.verify import verify_main
from recourse.contest import SubmissionRecord, check_completeness, write_zip_atomically
from recourse.documents import pdf as letters
from recourse.domain.contest import ART15_ITEMS
from recourse.domain.letters import sar_letter_text
from recourse.protocol import bundle as bundle_format
from recourse.protocol import contest_wire as cw
from recourse.protocol.canonical import canonical_json
from recourse.protocol.jws import key_id, public_jwk, sign_compact
from recourse.protocol.receipt import issue_receipt
from recourse.protocol.submission import (
    attachment_entry,
    build_submission,
    sar_target,
    sign_submission,
)

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def make_bundle(tmp_path: Path, *, record_officer: str = "off-1042") -> Path:
    officer, force = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    note = b"duty sheet"
    payload = build_submission(
        officer_id="off-1042", key_id=key_id(officer.public_key()), kind="challenge",
        target="flag-1", created_at=NOW, grounds=["context"], statement="I was on leave.",
        attachments=[attachment_entry("sheet.txt", "text/plain", note)],
    )
    token = sign_submission(payload, officer)
    receipt = issue_receipt(token, payload, private_key=force, received_at=NOW,
                            reference="RC-2026-000001", due_date=date(2026, 4, 2))
    files = bundle_format.bundle_files(token, receipt, public_jwk(officer.public_key()),
                                       public_jwk(force.public_key()), {"sheet.txt": note})
    record = sign_compact(canonical_json(cw.key_record_content(
        key_id=key_id(officer.public_key()), officer_id=record_officer,
        public_jwk=public_jwk(officer.public_key()), device_label="PC",
        registered_at=NOW, revoked_at=None)), force, key_id(force.public_key()),
        cw.KEY_RECORD_TYP)
    files[bundle_format.KEY_RECORD_FILE] = record.encode()
    del files[bundle_format.MANIFEST]  # optional; its own checks are the bundle module's
    return write_zip_atomically(tmp_path / "bundle.zip", files)


def rewrite(path: Path, name: str, data: bytes | None) -> None:
    with zipfile.ZipFile(path) as archive:
        files = {i.filename: archive.read(i) for i in archive.infolist()}
    if data is None:
        files.pop(name)
    else:
        files[name] = data
    write_zip_atomically(path, files)


def test_a_sound_bundle_says_what_is_proven(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                            ) -> None:
    assert verify_main([str(make_bundle(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert out.startswith("The bundle checks out.")
    assert "registered to officer off-1042" in out
    assert "RC-2026-000001" in out and "2026-04-02" in out
    assert "Not proven:" in out and "clock" in out


def test_an_altered_attachment_fails_with_the_reason(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = make_bundle(tmp_path)
    rewrite(path, "attachments/sheet.txt", b"duty sheeT")
    assert verify_main([str(path)]) == 1
    assert "Attachment sheet.txt is not the file the officer signed" in capsys.readouterr().out


def test_a_missing_receipt_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = make_bundle(tmp_path)
    rewrite(path, "receipt.jws", None)
    assert verify_main([str(path)]) == 1
    assert "receipt.jws is missing" in capsys.readouterr().out


def test_a_key_record_for_another_officer_fails(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert verify_main([str(make_bundle(tmp_path, record_officer="off-9999"))]) == 1
    assert "names a different officer" in capsys.readouterr().out


def test_a_file_that_is_not_a_zip_is_reported(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bundle.zip"
    path.write_bytes(b"not a zip")
    assert verify_main([str(path)]) == 1
    assert "not a readable zip" in capsys.readouterr().out


def test_a_bundle_over_the_size_limit_is_refused_before_it_is_unpacked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_bundle(tmp_path)
    monkeypatch.setattr(bundle_format, "MAX_BUNDLE_BYTES", path.stat().st_size - 1)
    assert verify_main([str(path)]) == 1
    assert "is bigger than" in capsys.readouterr().out


def test_a_small_zip_that_unpacks_past_the_limit_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bomb.zip"
    write_zip_atomically(path, {"submission.jws": b"0" * 1_000_000})
    assert path.stat().st_size < 10_000  # a million zeros deflate to almost nothing
    monkeypatch.setattr(bundle_format, "MAX_BUNDLE_BYTES", 100_000)
    assert verify_main([str(path)]) == 1
    assert "would unpack to more than" in capsys.readouterr().out


def test_a_bundle_with_too_many_files_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_bundle(tmp_path)
    monkeypatch.setattr(bundle_format, "MAX_BUNDLE_FILES", 3)
    assert verify_main([str(path)]) == 1
    assert "holds more than 3 files" in capsys.readouterr().out


def test_the_zip_is_replaced_atomically(tmp_path: Path) -> None:
    target = tmp_path / "out.zip"
    write_zip_atomically(target, {"a.txt": b"one"})
    write_zip_atomically(target, {"a.txt": b"two"})
    assert zipfile.ZipFile(target).read("a.txt") == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["out.zip"]


# --- letters ---------------------------------------------------------------------------------


def test_the_sar_letter_names_what_is_asked(tmp_path: Path) -> None:
    target = sar_target(items=["copy", "purposes", "automated_logic"],
                        categories=["absences"], date_from=date(2025, 1, 1),
                        date_to=date(2025, 12, 31))
    text = sar_letter_text(target, "Zoë Łukasiewicz", "NP4417", date(2026, 3, 2),
                                   force_name="Northshire Police")
    assert "2 March 2026" in text and "Northshire Police" in text
    assert "UK GDPR Art. 15(1)(h)" in text and "absences" in text
    assert "from 2025-01-01 to 2025-12-31" in text
    pdf = letters.sar_letter_pdf(target, "Zoë Łukasiewicz", "NP4417", date(2026, 3, 2))
    assert pdf.startswith(b"%PDF") and len(pdf) > 1000


def test_without_dejavu_the_letter_is_transliterated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(letters, "REGULAR_FONT", "missing-DejaVuSans.ttf")
    assert letters.to_latin1("Zoë Łukasiewicz – Dvořák") == "Zoë Lukasiewicz - Dvorák"
    pdf = letters.sar_letter_pdf(sar_target(), "Zoë Łukasiewicz", "NP4417", date(2026, 3, 2))
    assert pdf.startswith(b"%PDF") and b"/Helvetica" in pdf
    assert b"Lukasiewicz" in page_text(pdf)


def page_text(pdf: bytes) -> bytes:
    """The inflated content streams of a PDF (fpdf2 writes them with FlateDecode)."""
    return b"".join(
        zlib.decompress(chunk.split(b"stream\n", 1)[1].rsplit(b"\nendstream", 1)[0])
        for chunk in pdf.split(b"endobj") if b"/FlateDecode" in chunk and b"stream\n" in chunk
    )


# --- deadlines and completeness ----------------------------------------------------------


def record_with(status: cw.SubmissionStatus) -> SubmissionRecord:
    return SubmissionRecord(id="x", kind="sar", state="received", token="a.b.c",
                            idempotency_key="k" * 16, created_at=NOW, draft_id=None,
                            last_error=None, status=status)


def test_a_lawfully_extended_request_is_not_overdue() -> None:
    status = cw.SubmissionStatus(
        reference="RC-1", kind="sar", state="extended", received_at=NOW,
        due_date=date(2026, 4, 2), extended_due_date=date(2026, 6, 2),
        extension_reasons="Numerous requests.")
    record = record_with(status)
    assert record.deadline_state(date(2026, 5, 1)) == "extended"
    assert record.days_left(date(2026, 5, 1)) == 32
    assert record.deadline_state(date(2026, 6, 3)) == "overdue"
    plain = record_with(status.model_copy(update={"extended_due_date": None,
                                                  "state": "submitted"}))
    assert plain.deadline_state(date(2026, 5, 1)) == "overdue"
    assert plain.deadline_state(date(2026, 3, 30)) == "due_soon"


def package(**sections: cw.Art15Section) -> cw.SarPackage:
    return cw.SarPackage(
        reference="RC-1", officer_id="off-1042", generated_at=NOW,
        request={"items": ["purposes", "retention", "source"]}, records_by_category={},
        records=[], records_complete=True, flags=[], access_log=[],
        art15=cw.Art15Answer(**sections))


def section(answer: str) -> cw.Art15Section:
    return cw.Art15Section(label="x", law="y", answer=answer)


def test_completeness_checks_what_was_asked() -> None:
    full = package(purposes=section("Workforce planning"), retention=section("6 years"),
                   source=section("Duty system"))
    assert check_completeness(full) == []
    thin = package(purposes=section("Workforce planning"), retention=section("  "))
    assert [i.code for i in check_completeness(thin)] == ["retention", "source"]
    assert check_completeness(thin, asked=list(ART15_ITEMS))[0].code == "categories"
