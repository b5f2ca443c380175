"""Evidence bundles: built, verified by us, and verified independently of Recourse."""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from recourse.protocol.bundle import NOT_PROVEN, BundleError, bundle_files, verify_bundle
from recourse.protocol.jws import InvalidKey, key_id, public_jwk
from recourse.protocol.receipt import issue_receipt
from recourse.protocol.submission import (
    attachment_entry,
    build_submission,
    sign_submission,
    verify_submission,
)

OFFICER = Ed25519PrivateKey.from_private_bytes(bytes(range(1, 33)))
SERVER = Ed25519PrivateKey.from_private_bytes(bytes(range(100, 132)))
NOW = datetime(2026, 3, 2, 10, 0, 7, tzinfo=UTC)
LEAVE_FORM = b"%PDF-1.7 annual leave approved 2026-01-12 to 2026-01-16"
PHOTO = bytes(range(256)) * 4


def _tokens() -> tuple[str, str]:
    payload = build_submission(
        officer_id="officer-0042",
        key_id=key_id(OFFICER.public_key()),
        kind="challenge",
        target="flag-0007",
        grounds=["rectification", "context"],
        statement="Those were leave days — the rule counted them as absence.",
        disputed_record_ids=["absence-12"],
        attachments=[
            attachment_entry("leave-form.pdf", "application/pdf", LEAVE_FORM),
            attachment_entry("rota photo.png", "image/png", PHOTO),
        ],
        created_at=NOW - timedelta(minutes=2),
    )
    token = sign_submission(payload, OFFICER)
    verified = verify_submission(token, OFFICER.public_key(), now=NOW, seen_nonces=lambda _: False)
    receipt = issue_receipt(
        token,
        verified,
        private_key=SERVER,
        received_at=NOW,
        reference="PSD-2026-000123",
        due_date=date(2026, 4, 2),
    )
    return token, receipt


def _bundle(**overrides: object) -> dict[str, bytes]:
    token, receipt = _tokens()
    args: dict[str, object] = {
        "submission_token": token,
        "receipt_token": receipt,
        "officer_public_jwk": public_jwk(OFFICER.public_key()),
        "server_public_jwk": public_jwk(SERVER.public_key()),
        "attachments": {"leave-form.pdf": LEAVE_FORM, "rota photo.png": PHOTO},
        "summary_pdf": b"%PDF-1.7 summary",
    }
    args.update(overrides)
    return bundle_files(**args)  # type: ignore[arg-type]


def test_bundle_contents() -> None:
    token, receipt = _tokens()
    files = _bundle(submission_token=token, receipt_token=receipt)
    assert set(files) == {
        "VERIFY.txt",
        "manifest.json",
        "submission.jws",
        "submission.json",
        "receipt.jws",
        "receipt.json",
        "keys/officer.jwk.json",
        "keys/officer.pem",
        "keys/force.jwk.json",
        "keys/force.pem",
        "openssl/submission.input",
        "openssl/submission.sig",
        "openssl/receipt.input",
        "openssl/receipt.sig",
        "attachments/leave-form.pdf",
        "attachments/rota photo.png",
        "summary.pdf",
    }
    assert files["receipt.jws"] == receipt.encode()
    # Exactly the token bytes, no trailing newline: sha256sum gives the receipt's hash.
    assert (
        json.loads(files["receipt.json"])["submission_sha256"]
        == hashlib.sha256(files["submission.jws"]).hexdigest()
    )
    verify_text = files["VERIFY.txt"].decode()
    assert key_id(OFFICER.public_key()) in verify_text
    assert "HEADER.PAYLOAD" in verify_text and "openssl pkeyutl" in verify_text


def test_verify_bundle_reports_what_is_and_is_not_proven() -> None:
    report = verify_bundle(_bundle())
    assert report.ok, report.problems
    assert report.problems == []
    assert report.officer_key_id == key_id(OFFICER.public_key())
    assert report.force_key_id == key_id(SERVER.public_key())
    assert report.receipt is not None and report.receipt.reference == "PSD-2026-000123"
    assert report.submission is not None and report.submission["target"] == "flag-0007"
    text = report.text()
    assert text.startswith("The bundle checks out.")
    assert "signed this challenge to flag flag-0007 for officer officer-0042" in text
    assert "received them at 2026-03-02 10:00:07 UTC" in text
    assert "reference PSD-2026-000123" in text and "due by 2026-04-02" in text
    assert "Attachment leave-form.pdf is exactly the file the officer signed" in text
    assert "Attachment rota photo.png is exactly the file" in text
    for caveat in NOT_PROVEN:
        assert caveat in report.not_proven
    assert "belongs to the officer" in text and "force's clock" in text
    assert "decided anything" in text


def _independent_check(files: dict[str, bytes]) -> dict[str, object]:
    """What a court's expert would write: stdlib plus `cryptography`, nothing of ours."""

    def b64(text: str) -> bytes:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))

    def check(token_path: str, key_path: str) -> dict[str, object]:
        header, payload, signature = files[token_path].decode("ascii").split(".")
        assert json.loads(b64(header))["alg"] == "EdDSA"
        x = json.loads(files[key_path])["x"]
        key = Ed25519PublicKey.from_public_bytes(b64(x))
        key.verify(b64(signature), f"{header}.{payload}".encode("ascii"))
        parsed: dict[str, object] = json.loads(b64(payload))
        return parsed

    submission = check("submission.jws", "keys/officer.jwk.json")
    receipt = check("receipt.jws", "keys/force.jwk.json")
    assert receipt["submission_sha256"] == hashlib.sha256(files["submission.jws"]).hexdigest()
    for item in submission["attachments"]:  # type: ignore[attr-defined]
        data = files["attachments/" + item["name"]]
        assert hashlib.sha256(data).hexdigest() == item["sha256"]
    return {"submission": submission, "receipt": receipt}


def test_independent_check_with_cryptography_only() -> None:
    result = _independent_check(_bundle())
    assert result["receipt"]["reference"] == "PSD-2026-000123"  # type: ignore[index]


def test_independent_check_catches_a_flipped_receipt_byte() -> None:
    files = _bundle()
    header, payload, signature = files["receipt.jws"].decode().split(".")
    raw = bytearray(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    raw[10] ^= 0x01
    forged = base64.urlsafe_b64encode(bytes(raw)).rstrip(b"=").decode()
    files["receipt.jws"] = f"{header}.{forged}.{signature}".encode()
    with pytest.raises(InvalidSignature):
        _independent_check(files)
    report = verify_bundle(files)
    assert not report.ok
    assert any("receipt does not check out" in p for p in report.problems)


def _write(files: dict[str, bytes], folder: Path) -> None:
    for path, data in files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def test_python_instructions_in_verify_txt_work(tmp_path: Path) -> None:
    files = _bundle()
    _write(files, tmp_path)
    text = files["VERIFY.txt"].decode()
    script = text[text.index("import base64") : text.index("\n\n3. With openssl")]

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", script],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
        )

    result = run()
    assert result.returncode == 0, result.stderr
    assert "PSD-2026-000123" in result.stdout
    # ...and the same script refuses a tampered attachment.
    (tmp_path / "attachments" / "leave-form.pdf").write_bytes(LEAVE_FORM + b" ")
    result = run()
    assert result.returncode != 0
    assert "AssertionError: leave-form.pdf" in result.stderr


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl not installed")
def test_openssl_instructions_in_verify_txt_work(tmp_path: Path) -> None:
    files = _bundle()
    _write(files, tmp_path)
    for who, name in (("officer", "submission"), ("force", "receipt")):
        result = subprocess.run(
            [
                "openssl",
                "pkeyutl",
                "-verify",
                "-pubin",
                "-inkey",
                f"keys/{who}.pem",
                "-rawin",
                "-in",
                f"openssl/{name}.input",
                "-sigfile",
                f"openssl/{name}.sig",
            ],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert "Signature Verified Successfully" in result.stdout
    # The shell recipe for remaking the openssl files from the token.
    recipe = (
        'printf %s "$(cut -d. -f1,2 submission.jws)" > mine.input && '
        "cut -d. -f3 submission.jws | tr -d '\\n' | tr '_-' '/+' | sed 's/$/==/' "
        "| base64 -d > mine.sig"
    )
    assert "cut -d. -f3 submission.jws | tr -d '\\n' | tr '_-' '/+' | sed 's/$/==/'" in (
        files["VERIFY.txt"].decode()
    )
    subprocess.run(["sh", "-c", recipe], cwd=tmp_path, check=True)
    assert (tmp_path / "mine.input").read_bytes() == files["openssl/submission.input"]
    assert (tmp_path / "mine.sig").read_bytes() == files["openssl/submission.sig"]
    # A flipped signature byte makes openssl refuse too.
    sig = bytearray(files["openssl/receipt.sig"])
    sig[0] ^= 1
    (tmp_path / "openssl" / "receipt.sig").write_bytes(bytes(sig))
    result = subprocess.run(
        [
            "openssl",
            "pkeyutl",
            "-verify",
            "-pubin",
            "-inkey",
            "keys/force.pem",
            "-rawin",
            "-in",
            "openssl/receipt.input",
            "-sigfile",
            "openssl/receipt.sig",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0


def test_changed_attachment_is_a_problem() -> None:
    files = _bundle(attachments={"leave-form.pdf": LEAVE_FORM + b"!", "rota photo.png": PHOTO})
    report = verify_bundle(files)
    assert not report.ok
    assert "Attachment leave-form.pdf is not the file the officer signed" in report.text()


def test_missing_attachment_is_not_proven_but_not_a_forgery() -> None:
    report = verify_bundle(_bundle(attachments={"leave-form.pdf": LEAVE_FORM}))
    assert report.ok
    assert any(
        "rota photo.png" in line and "not in this bundle" in line for line in report.not_proven
    )


def test_unsigned_extra_attachment_is_a_problem() -> None:
    files = _bundle(
        attachments={"leave-form.pdf": LEAVE_FORM, "rota photo.png": PHOTO, "extra.txt": b"x"}
    )
    report = verify_bundle(files)
    assert not report.ok
    assert any(
        "attachments/extra.txt" in p and "not one of the files" in p for p in report.problems
    )


def test_swapped_force_key_is_refused() -> None:
    impostor = Ed25519PrivateKey.generate()
    report = verify_bundle(_bundle(server_public_jwk=public_jwk(impostor.public_key())))
    assert not report.ok
    assert report.receipt is None
    assert any("receipt does not check out" in p for p in report.problems)


def test_edited_copies_are_caught() -> None:
    files = _bundle()
    edited = dict(files)
    edited["submission.json"] = files["submission.json"].replace(b"leave", b"LEAVE")
    report = verify_bundle(edited)
    assert not report.ok
    assert "submission.json does not match what was signed." in report.problems
    edited = dict(files)
    edited["keys/force.pem"] = files["keys/officer.pem"]
    assert "keys/force.pem is not the same key as its .jwk.json file." in (
        verify_bundle(edited).problems
    )
    edited = dict(files)
    edited["summary.pdf"] = b"%PDF a different summary"
    assert "summary.pdf has changed since the bundle was made." in verify_bundle(edited).problems


def test_missing_and_garbled_files() -> None:
    files = _bundle()
    del files["receipt.jws"]
    report = verify_bundle(files)
    assert not report.ok and "receipt.jws is missing from the bundle." in report.problems
    files = _bundle()
    files["keys/officer.jwk.json"] = b'{"kty":"OKP","crv":"Ed25519","x":"AAAA","d":"secret"}'
    report = verify_bundle(files)
    assert not report.ok
    assert any("keys/officer.jwk.json is not a usable public key" in p for p in report.problems)
    files = _bundle()
    files["submission.jws"] = "naïve".encode()
    assert not verify_bundle(files).ok
    assert verify_bundle({}).ok is False


def test_token_saved_with_a_newline_still_verifies_but_is_flagged() -> None:
    files = _bundle()
    files["submission.jws"] += b"\n"
    report = verify_bundle(files)
    assert report.receipt is not None and report.submission is not None
    assert report.problems == ["submission.jws has changed since the bundle was made."]


def test_bundle_refuses_bad_inputs() -> None:
    with pytest.raises(InvalidKey, match="private key"):
        _bundle(officer_public_jwk={**public_jwk(OFFICER.public_key()), "d": "x"})
    with pytest.raises(BundleError, match="file name"):
        _bundle(attachments={"../../evil": b""})
    with pytest.raises(BundleError, match="signed token"):
        _bundle(receipt_token="not-a-token")


def test_a_welsh_bundle_says_how_to_check_it_in_welsh_and_still_verifies() -> None:
    from recourse.protocol.jws import fingerprint_words

    files = _bundle(language="cy")
    assert set(files) - set(_bundle()) == {"GWIRIO.txt"}
    text = files["GWIRIO.txt"].decode("utf-8")
    assert text.startswith("SUT I WIRIO'R BWNDEL TYSTIOLAETH HWN")
    assert fingerprint_words(SERVER.public_key()) in text
    assert "openssl pkeyutl -verify" in text
    assert "GWIRIO.txt" in json.loads(files["manifest.json"])["files"]
    assert verify_bundle(files).ok


def test_the_summary_pdf_in_welsh(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.core.test_contest_key_record_letters import pdf_strings

    from recourse.documents import pdf

    monkeypatch.setattr(pdf, "REGULAR_FONT", "missing-DejaVuSans.ttf")
    token, _receipt = _tokens()
    payload = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))
    shown = pdf_strings(pdf.summary_pdf(payload, None, "k1", "k2", "AAAA BBBB", language="cy"))
    assert "Her i fflag: crynodeb o'r dystiolaeth" in shown
    assert "Mae'r data'n anghywir" in shown and "Datganiad y swyddog" in shown
    assert "Grounds" not in shown
