"""Contesting against the REAL server over HTTP on loopback: a challenge with a 2 MiB
attachment accepted with a receipt that verifies, a retry after a "lost" answer getting
the same receipt bytes, and the reviewer deciding it with the command line on the
server's database while the server runs."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime
from pathlib import Path

import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from tests.support.browser import sign_in
from tests.support.server import start_server

from recourse.protocol.jws import key_id, load_public_jwk, public_jwk
from recourse.protocol.receipt import verify_receipt
from recourse.protocol.submission import attachment_entry, build_submission, sign_submission
from recourse_server.cli import main as server_main

USER, PASSWORD = "pc.hughes", "demo-hughes-2026"


def test_a_challenge_over_http_from_key_to_outcome(tmp_path: Path) -> None:
    with start_server(tmp_path / "server", ping_interval=240, only=[USER]) as server:
        auth = {"Authorization": "Bearer " + sign_in(server.url, USER,
                                                     PASSWORD)["access_token"]}
        http = requests.Session()
        pinned = load_public_jwk(http.get(f"{server.url}/v1/server-key",
                                          timeout=10).json()["public_jwk"])
        me = http.get(f"{server.url}/v1/me", headers=auth, timeout=10).json()
        officer = me["officer_id"]
        flags = http.get(f"{server.url}/v1/officers/{officer}/flags", headers=auth,
                         timeout=10).json()["flags"]
        assert flags, "the demo officer has flags to contest"
        private = Ed25519PrivateKey.generate()
        registered = http.post(f"{server.url}/v1/keys", headers=auth, timeout=10, json={
            "public_jwk": public_jwk(private.public_key()), "device_label": "Work laptop"})
        assert registered.status_code == 201, registered.text

        evidence = secrets.token_bytes(2 * 1024 * 1024)
        uploaded = http.put(
            f"{server.url}/v1/attachments/{hashlib.sha256(evidence).hexdigest()}",
            data=evidence, timeout=30,
            headers={**auth, "Content-Type": "application/octet-stream"})
        assert uploaded.status_code == 204, uploaded.text

        payload = build_submission(
            officer_id=officer, key_id=key_id(private.public_key()), kind="challenge",
            target=flags[0]["id"], created_at=datetime.now(UTC), grounds=["context"],
            statement="I was at court that day.",
            attachments=[attachment_entry("court-warning.pdf", "application/pdf", evidence)])
        token = sign_submission(payload, private)
        retry_key = secrets.token_urlsafe(24)
        first = http.post(f"{server.url}/v1/submissions", json={"submission": token},
                          headers={**auth, "Idempotency-Key": retry_key}, timeout=10)
        assert first.status_code == 201, first.text
        again = http.post(f"{server.url}/v1/submissions", json={"submission": token},
                          headers={**auth, "Idempotency-Key": retry_key}, timeout=10)
        assert again.status_code == 200 and again.content == first.content
        receipt = verify_receipt(first.json()["receipt"], token, pinned)
        reference = receipt.reference

        assert server_main(["review", "acknowledge", reference,
                            "--database", server.database_url]) == 0
        assert server_main(["review", "outcome", reference, "--outcome", "upheld",
                            "--reasons", "Court warning confirmed.",
                            "--database", server.database_url]) == 0
        listing = http.get(f"{server.url}/v1/officers/{officer}/submissions", headers=auth,
                           timeout=10).json()["submissions"]
        decided = next(s for s in listing if s["reference"] == reference)
        assert decided["state"] == "outcome" and decided["outcome"] == "upheld"
        flag = http.get(f"{server.url}/v1/officers/{officer}/flags/{flags[0]['id']}",
                        headers=auth, timeout=10).json()
        assert flag["status"] == "withdrawn"
