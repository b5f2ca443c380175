"""Evidence bundles: a submission, its receipt and the keys, checkable without Recourse.

The format is defined here once: file names, limits, the manifest and every check.
Pure functions, bytes in and bytes out; the caller reads or writes the zip
(`recourse.contest.bundles`), within `MAX_BUNDLE_FILES` and `MAX_BUNDLE_BYTES`. The
bundle's files:

    VERIFY.txt                 how to check it with Python or openssl
    manifest.json              SHA-256 of every other file (a convenience, not signed)
    submission.jws             the officer's signed submission, exactly as sent
    submission.json            its signed content (the exact canonical JSON bytes)
    receipt.jws                the force's signed receipt, exactly as received
    receipt.json               its signed content
    keys/officer.jwk.json      the officer's public key (JWK, with its key id)
    keys/officer.pem           the same key for openssl (SubjectPublicKeyInfo PEM)
    keys/force.jwk.json        the force's public key that IT pinned
    keys/force.pem
    keys/officer-record.jws    the force's signed record that the key is the officer's
    openssl/submission.input   what the officer's signature covers
    openssl/submission.sig     the raw 64-byte signature
    openssl/receipt.input, openssl/receipt.sig
    attachments/NAME           each attached file (as signed by name, size and SHA-256)
    summary.pdf                a human-readable summary, if one was made (not signed)
    log/tree-head.jws, log/inclusion.json   the receipt's place in the force's public
                               log, when the client has checked it (`bundle_log`)
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    PublicFormat,
    load_pem_public_key,
)

from recourse.protocol import bundle_log
from recourse.protocol import contest_wire as cw
from recourse.protocol import receipt_log as rl
from recourse.protocol.canonical import StrictJsonError, canonical_json, is_canonical, loads_strict
from recourse.protocol.jws import (
    ProtocolError,
    b64url_decode,
    fingerprint_words,
    key_id,
    load_public_jwk,
    public_jwk,
    verify_compact,
)
from recourse.protocol.receipt import Receipt, verify_receipt
from recourse.protocol.submission import SUBMISSION_TYP, AttachmentEntry, validate_payload

__all__ = [
    "BUNDLE_FORMAT",
    "KEY_RECORD_FILE",
    "MAX_BUNDLE_BYTES",
    "MAX_BUNDLE_FILES",
    "NOT_PROVEN",
    "BundleError",
    "BundleReport",
    "bundle_files",
    "verify_bundle",
]

BUNDLE_FORMAT = "recourse-evidence-bundle"
BUNDLE_VERSION = 1

SUBMISSION_JWS = "submission.jws"
SUBMISSION_JSON = "submission.json"
RECEIPT_JWS = "receipt.jws"
RECEIPT_JSON = "receipt.json"
OFFICER_JWK = "keys/officer.jwk.json"
OFFICER_PEM = "keys/officer.pem"
FORCE_JWK = "keys/force.jwk.json"
FORCE_PEM = "keys/force.pem"
KEY_RECORD_FILE = "keys/officer-record.jws"
MANIFEST = "manifest.json"
VERIFY = "VERIFY.txt"
SUMMARY = "summary.pdf"
ATTACHMENTS = "attachments/"

#: A bundle with more files, or bigger than this (on disk or unpacked), is refused
#: before it is unpacked, so a hostile zip cannot exhaust memory.
MAX_BUNDLE_FILES = 1000
MAX_BUNDLE_BYTES = 200 * 1024 * 1024

#: What a valid bundle does not prove, stated every time so nobody over-reads it.
NOT_PROVEN: tuple[str, ...] = (
    "That the officer's key belongs to the officer: that rests on the force's record of "
    "the key the officer registered. Compare the key id above with that record.",
    "That the force key in this bundle is the force's real key: compare its fingerprint "
    "with the one the force's IT department published.",
    "That the times are right: the receipt time is what the force's clock said, and the "
    "signing time is what the officer's computer said.",
    "That the force has decided anything: a receipt proves receipt, not that the "
    "challenge or request was accepted, reviewed or answered.",
    "Anything in summary.pdf: the summary is a convenience and is not signed.",
)


class BundleError(ProtocolError):
    """The bundle cannot be built from what was given."""


@dataclass
class BundleReport:
    """What checking a bundle showed, in sentences a person can read."""

    #: True when both signatures verify and nothing in the bundle contradicts them.
    ok: bool = False
    proven: list[str] = field(default_factory=list)
    not_proven: list[str] = field(default_factory=lambda: list(NOT_PROVEN))
    problems: list[str] = field(default_factory=list)
    officer_key_id: str | None = None
    officer_fingerprint: str | None = None
    force_key_id: str | None = None
    force_fingerprint: str | None = None
    submission: dict[str, Any] | None = None
    receipt: Receipt | None = None

    def text(self) -> str:
        """The report as plain text, for showing or printing."""
        lines = ["The bundle checks out." if self.ok else "The bundle does NOT check out."]
        for title, items in (
            ("Problems", self.problems),
            ("Proven", self.proven),
            ("Not proven", self.not_proven),
        ):
            if items:
                lines += ["", f"{title}:"] + [f"- {item}" for item in items]
        return "\n".join(lines) + "\n"


def _pem(public_key: Ed25519PublicKey) -> bytes:
    return public_key.public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)


def _jwk_file(public_key: Ed25519PublicKey) -> bytes:
    return canonical_json({**public_jwk(public_key), "kid": key_id(public_key)})


def _parts(token: str) -> tuple[bytes, bytes, bytes]:
    header, payload, signature = token.split(".")
    return f"{header}.{payload}".encode("ascii"), b64url_decode(payload), b64url_decode(signature)


def _safe_attachment_name(name: str) -> str:
    try:
        AttachmentEntry(name=name, media_type="application/octet-stream", size=0, sha256="0" * 64)
    except ValueError:
        raise BundleError(f"The attachment name {name!r} cannot be used as a file name.") from None
    return name


def bundle_files(
    submission_token: str,
    receipt_token: str,
    officer_public_jwk: Mapping[str, Any],
    server_public_jwk: Mapping[str, Any],
    attachments: Mapping[str, bytes],
    summary_pdf: bytes | None = None,
    key_record: str | None = None,
    log_proof: tuple[str, rl.InclusionAnswer] | None = None,
    language: str = "en",
) -> dict[str, bytes]:
    """The files of an evidence bundle, path -> bytes. Keys are loaded strictly;
    `key_record` is the force's signed record of the officer's key, when there is one;
    in Welsh (`language` ``cy``) GWIRIO.txt says in Welsh what VERIFY.txt says."""
    officer = load_public_jwk(officer_public_jwk)
    force = load_public_jwk(server_public_jwk)
    try:
        submission_input, submission_payload, submission_sig = _parts(submission_token)
        receipt_input, receipt_payload, receipt_sig = _parts(receipt_token)
    except (ValueError, ProtocolError) as exc:
        raise BundleError("The submission or receipt is not a signed token.") from exc
    files: dict[str, bytes] = {
        SUBMISSION_JWS: submission_token.encode("ascii"),
        SUBMISSION_JSON: submission_payload,
        RECEIPT_JWS: receipt_token.encode("ascii"),
        RECEIPT_JSON: receipt_payload,
        OFFICER_JWK: _jwk_file(officer),
        OFFICER_PEM: _pem(officer),
        FORCE_JWK: _jwk_file(force),
        FORCE_PEM: _pem(force),
        "openssl/submission.input": submission_input,
        "openssl/submission.sig": submission_sig,
        "openssl/receipt.input": receipt_input,
        "openssl/receipt.sig": receipt_sig,
    }
    for name, data in attachments.items():
        files[ATTACHMENTS + _safe_attachment_name(name)] = bytes(data)
    if summary_pdf is not None:
        files[SUMMARY] = bytes(summary_pdf)
    if key_record is not None:
        files[KEY_RECORD_FILE] = key_record.encode("ascii")
    if log_proof is not None:
        files.update(bundle_log.log_files(*log_proof))
    files[VERIFY] = _verify_text(officer, force).encode("utf-8")
    if language.replace("-", "_").split("_")[0] == "cy":
        from recourse.protocol.bundle_cy import GWIRIO, verify_text_cy

        files[GWIRIO] = verify_text_cy(officer, force).encode("utf-8")
    files[MANIFEST] = canonical_json(
        {
            "format": BUNDLE_FORMAT,
            "version": BUNDLE_VERSION,
            "files": {
                path: hashlib.sha256(data).hexdigest() for path, data in sorted(files.items())
            },
        }
    )
    return files


def _verify_text(officer: Ed25519PublicKey, force: Ed25519PublicKey) -> str:
    return f"""HOW TO CHECK THIS EVIDENCE BUNDLE
=================================

This bundle holds a challenge or subject-access request that a police officer signed,
and the receipt the force signed for it. Both are JSON Web Signatures (RFC 7515) with
EdDSA over Ed25519 (RFC 8037), in compact form: three base64url parts separated by
dots, HEADER.PAYLOAD.SIGNATURE. The signature covers the ASCII text
HEADER.PAYLOAD - the first two parts and the dot between them. The payload is JSON
in RFC 8785 canonical form.

Officer's key id (RFC 7638 thumbprint): {key_id(officer)}
Officer's key fingerprint:              {fingerprint_words(officer)}
Force's key id:                         {key_id(force)}
Force's key fingerprint:                {fingerprint_words(force)}

Check the force's fingerprint against the one its IT department published, and the
officer's key id against the force's record of the officer's registered key.

1. The receipt covers exactly this submission
---------------------------------------------
    sha256sum submission.jws
must print the "submission_sha256" value in receipt.json.

2. With Python and the `cryptography` package
---------------------------------------------
Run this in the bundle's folder; it stops with an error if anything is wrong.

import base64, hashlib, json
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

def b64(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))

def check(token_file, key_file):
    token = open(token_file, "rb").read().decode("ascii").strip()
    header, payload, signature = token.split(".")
    assert json.loads(b64(header))["alg"] == "EdDSA"
    key = Ed25519PublicKey.from_public_bytes(b64(json.load(open(key_file))["x"]))
    key.verify(b64(signature), (header + "." + payload).encode("ascii"))  # raises if forged
    return token, json.loads(b64(payload))

submission, signed = check("submission.jws", "keys/officer.jwk.json")
_, receipt = check("receipt.jws", "keys/force.jwk.json")
assert receipt["submission_sha256"] == hashlib.sha256(submission.encode("ascii")).hexdigest()
for item in signed["attachments"]:
    data = open("attachments/" + item["name"], "rb").read()
    assert hashlib.sha256(data).hexdigest() == item["sha256"], item["name"]
print("Signed by the officer's key:", json.dumps(signed, indent=2, ensure_ascii=False))
print("Receipt signed by the force's key:", json.dumps(receipt, indent=2))

3. With openssl (version 3 or later)
------------------------------------
    openssl pkeyutl -verify -pubin -inkey keys/officer.pem -rawin \\
        -in openssl/submission.input -sigfile openssl/submission.sig
    openssl pkeyutl -verify -pubin -inkey keys/force.pem -rawin \\
        -in openssl/receipt.input -sigfile openssl/receipt.sig
Each prints "Signature Verified Successfully". The files under openssl/ are cut from
the .jws files for convenience; to make them yourself:
    printf %s "$(cut -d. -f1,2 submission.jws)" > submission.input
    cut -d. -f3 submission.jws | tr -d '\\n' | tr '_-' '/+' | sed 's/$/==/' \\
        | base64 -d > submission.sig
(An Ed25519 signature is 86 base64url characters, so two '=' make it standard base64.)

4. The receipt in the force's public log (when log/ is in the bundle)
---------------------------------------------------------------------
log/tree-head.jws is the force's signed statement of its log of receipts: check it as
the receipt in step 2 (check("log/tree-head.jws", "keys/force.jwk.json")); its payload
gives tree_size, root_hash and timestamp. log/inclusion.json is the audit path of
RFC 9162 section 2.1.3 for the leaf numbered log_index in receipt.json; the leaf is
the exact bytes of receipt.jws. Continuing the Python above:

_, head = check("log/tree-head.jws", "keys/force.jwk.json")
proof = json.load(open("log/inclusion.json"))
h = lambda data: hashlib.sha256(data).digest()
fn, sn = receipt["log_index"], head["tree_size"] - 1
r = h(b"\\x00" + open("receipt.jws", "rb").read().strip())
for p in map(bytes.fromhex, proof["audit_path"]):
    if fn & 1 or fn == sn:
        r = h(b"\\x01" + p + r)
        while fn and not fn & 1:
            fn, sn = fn >> 1, sn >> 1
    else:
        r = h(b"\\x01" + r + p)
    fn, sn = fn >> 1, sn >> 1
assert sn == 0 and r.hex() == head["root_hash"]
print("In the force's log of", head["tree_size"], "receipts at", head["timestamp"])

What this proves, and what it does not
--------------------------------------
It proves that the holder of the officer's key signed exactly the content in
submission.json, and that the holder of the force's key signed a receipt for exactly
those bytes, stating when the force received them, its reference and the due date.
Attachments are covered through the SHA-256 digests the officer signed.

It does not prove that the key belongs to the officer (that rests on the force's key
record), that either clock was right, or that the force has decided anything.
summary.pdf and manifest.json are conveniences and are not signed.
"""


def _text(files: Mapping[str, bytes], path: str, report: BundleReport) -> str | None:
    data = files.get(path)
    if data is None:
        report.problems.append(f"{path} is missing from the bundle.")
        return None
    try:
        return data.decode("ascii").strip()
    except UnicodeDecodeError:
        report.problems.append(f"{path} is not a signed token (it is not plain ASCII).")
        return None


def _key(files: Mapping[str, bytes], path: str, report: BundleReport) -> Ed25519PublicKey | None:
    data = files.get(path)
    if data is None:
        report.problems.append(f"{path} is missing from the bundle.")
        return None
    try:
        jwk = loads_strict(data)
        if not isinstance(jwk, dict):
            raise StrictJsonError("not a JSON object")
        return load_public_jwk(jwk)
    except (StrictJsonError, ProtocolError) as exc:
        report.problems.append(f"{path} is not a usable public key: {exc}")
        return None


def verify_bundle(files: Mapping[str, bytes]) -> BundleReport:
    """Check a bundle's files and say plainly what they prove and what they do not."""
    report = BundleReport()
    submission_token = _text(files, SUBMISSION_JWS, report)
    receipt_token = _text(files, RECEIPT_JWS, report)
    officer = _key(files, OFFICER_JWK, report)
    force = _key(files, FORCE_JWK, report)
    if officer is not None:
        report.officer_key_id, report.officer_fingerprint = (
            key_id(officer),
            fingerprint_words(officer),
        )
    if force is not None:
        report.force_key_id, report.force_fingerprint = key_id(force), fingerprint_words(force)

    payload = None
    if submission_token is not None and officer is not None:
        payload = _check_submission(submission_token, officer, report)
    if payload is not None:
        report.submission = payload
        _check_attachments(files, payload, report)
    if submission_token is not None and receipt_token is not None and force is not None:
        try:
            receipt = verify_receipt(receipt_token, submission_token, force)
        except ProtocolError as exc:
            report.problems.append(f"The receipt does not check out: {exc}")
        else:
            report.receipt = receipt
            report.proven.append(
                f"The force's key {receipt.server_key_id} signed a receipt for exactly "
                f"these bytes (SHA-256 {receipt.submission_sha256}). In it the force says it "
                f"received them at {receipt.received_at:%Y-%m-%d %H:%M:%S} UTC, under "
                f"reference {receipt.reference}, with the reply due by "
                f"{receipt.due_date.isoformat()}."
            )
            bundle_log.check_log_files(files, force, receipt_token, report)
    if report.submission is not None and force is not None:
        _check_key_record(files, force, report)
    _check_derived_files(files, officer, force, report)
    _check_manifest(files, report)
    report.ok = (
        report.submission is not None and report.receipt is not None and not (report.problems)
    )
    return report


def _check_submission(
    token: str, officer: Ed25519PublicKey, report: BundleReport
) -> dict[str, Any] | None:
    try:
        verified = verify_compact(
            token, officer, expected_kid=key_id(officer), expected_typ=SUBMISSION_TYP
        )
        if not is_canonical(verified.payload_bytes):
            raise ProtocolError("its content is not in canonical form.")
        payload = loads_strict(verified.payload_bytes)
        if not isinstance(payload, dict):
            raise ProtocolError("its content is not a submission.")
        checked = validate_payload(payload)
    except (ProtocolError, StrictJsonError) as exc:
        report.problems.append(f"The officer's signed submission does not check out: {exc}")
        return None
    what = (
        "challenge to flag " + checked.target
        if isinstance(checked.target, str)
        else ("subject-access request")
    )
    report.proven.append(
        f"The officer's key {key_id(officer)} signed this {what} for officer "
        f"{checked.officer_id}; the content in submission.json is exactly what was signed "
        f"(the officer's computer gave the time as {checked.created_at})."
    )
    return payload


def _check_attachments(
    files: Mapping[str, bytes], payload: Mapping[str, Any], report: BundleReport
) -> None:
    signed_names = set()
    for entry in payload.get("attachments", []):
        name = entry["name"]
        signed_names.add(name)
        data = files.get(ATTACHMENTS + name)
        if data is None:
            report.not_proven.append(
                f"Attachment {name}: the officer signed its digest, but the file is not in "
                "this bundle, so it cannot be checked here."
            )
        elif len(data) != entry["size"] or hashlib.sha256(data).hexdigest() != entry["sha256"]:
            report.problems.append(
                f"Attachment {name} is not the file the officer signed: its contents differ."
            )
        else:
            report.proven.append(
                f"Attachment {name} is exactly the file the officer signed (SHA-256 "
                f"{entry['sha256']})."
            )
    for path in files:
        if path.startswith(ATTACHMENTS) and path[len(ATTACHMENTS) :] not in signed_names:
            report.problems.append(
                f"{path} is in the bundle but is not one of the files the officer signed."
            )


def _check_derived_files(
    files: Mapping[str, bytes],
    officer: Ed25519PublicKey | None,
    force: Ed25519PublicKey | None,
    report: BundleReport,
) -> None:
    # Copies made for convenience must agree with what was signed, or a reader using
    # openssl or reading the JSON could be shown something else.
    expected: dict[str, bytes] = {}
    for name, token_path, json_path in (
        ("submission", SUBMISSION_JWS, SUBMISSION_JSON),
        ("receipt", RECEIPT_JWS, RECEIPT_JSON),
    ):
        try:
            signing_input, payload, signature = _parts(files[token_path].decode("ascii").strip())
        except (KeyError, ValueError, ProtocolError):
            continue
        expected[json_path] = payload
        expected[f"openssl/{name}.input"] = signing_input
        expected[f"openssl/{name}.sig"] = signature
    for path, data in expected.items():
        if path in files and files[path] != data:
            report.problems.append(f"{path} does not match what was signed.")
    for key, pem_path in ((officer, OFFICER_PEM), (force, FORCE_PEM)):
        if key is None or pem_path not in files:
            continue
        try:
            loaded = load_pem_public_key(files[pem_path])
            same = isinstance(loaded, Ed25519PublicKey) and _pem(loaded) == _pem(key)
        except ValueError:
            same = False
        if not same:
            report.problems.append(f"{pem_path} is not the same key as its .jwk.json file.")


def _check_manifest(files: Mapping[str, bytes], report: BundleReport) -> None:
    if MANIFEST not in files:
        return
    try:
        manifest = loads_strict(files[MANIFEST])
        listed = manifest["files"]
        if manifest.get("format") != BUNDLE_FORMAT or not isinstance(listed, dict):
            raise KeyError("files")
    except (StrictJsonError, KeyError, TypeError):
        report.problems.append("manifest.json is not a Recourse bundle manifest.")
        return
    for path, digest in listed.items():
        if path not in files:
            report.problems.append(f"{path} is listed in manifest.json but missing.")
        elif hashlib.sha256(files[path]).hexdigest() != digest:
            report.problems.append(f"{path} has changed since the bundle was made.")
    for path in files:
        if path != MANIFEST and path not in listed:
            report.problems.append(f"{path} was added after the bundle was made.")


def _check_key_record(
    files: Mapping[str, bytes], force: Ed25519PublicKey, report: BundleReport
) -> None:
    """The force's signed record that the officer's key was registered to the officer."""
    data = files.get(KEY_RECORD_FILE)
    if data is None:
        report.not_proven.append(
            "The force's record of the officer's key is not in this bundle, so who the key "
            "belongs to rests on the force's own records."
        )
        return
    try:
        verified = verify_compact(
            data.decode("ascii").strip(), force, expected_typ=cw.KEY_RECORD_TYP
        )
        if not is_canonical(verified.payload_bytes):
            raise ProtocolError("its content is not in canonical form.")
        record = loads_strict(verified.payload_bytes)
        if not isinstance(record, dict):
            raise ProtocolError("its content is not a key record.")
    except (UnicodeDecodeError, StrictJsonError, ProtocolError) as exc:
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
