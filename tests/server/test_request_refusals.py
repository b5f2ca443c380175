"""Refusals that say the true reason: a body too large is 413 however it is sent, with the
limit that applies; a body of the wrong type is 415; a challenge disputes only the officer's
own records; and the reviewers' list of every submission is in each shown officer's access
log. Runs on SQLite and PostgreSQL (fixtures in conftest.py)."""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi.testclient import TestClient

from recourse.protocol.jws import key_id, public_jwk
from recourse.protocol.submission import build_submission, sign_submission

MIB = 1024 * 1024
PROBLEM = "application/problem+json"


def _problem(response: Any, status: int, words: str) -> None:
    assert response.status_code == status, response.text[:300]
    assert response.headers["content-type"] == PROBLEM
    assert words in response.json()["detail"], response.json()


def _chunks(total: int, size: int = 64 * 1024) -> Iterator[bytes]:
    """A body sent chunked: no Content-Length for the server to check up front."""
    sent = 0
    while sent < total:
        yield b" " * min(size, total - sent)
        sent += size


def test_a_chunked_body_over_the_limit_is_413(client: TestClient, headers: Any) -> None:
    auth = headers["pc.one"]
    chunked = client.post("/v1/keys", content=_chunks(MIB + 1),
                          headers={**auth, "Content-Type": "application/json"})
    assert "content-length" not in chunked.request.headers
    _problem(chunked, 413, "at most 1 MiB")
    declared = client.post("/v1/keys", content=b" " * (MIB + 1),
                           headers={**auth, "Content-Type": "application/json"})
    _problem(declared, 413, "at most 1 MiB")
    # An attachment may be ten times larger, and the refusal says so.
    url = "/v1/attachments/" + "0" * 64
    upload = {**auth, "Content-Type": "application/octet-stream"}
    for body in (_chunks(10 * MIB + 1), b"\0" * (10 * MIB + 1)):
        _problem(client.put(url, content=body, headers=upload), 413,
                 "Attachments may be at most 10 MiB")
    # Under the limit the same chunked path reaches the handler as before.
    small = client.post("/v1/keys", content=_chunks(100),
                        headers={**auth, "Content-Type": "application/json"})
    assert small.status_code in (400, 422), small.text


def test_a_body_of_the_wrong_type_is_415(client: TestClient, headers: Any) -> None:
    key = public_jwk(Ed25519PrivateKey.generate().public_key())
    body = {"public_jwk": key, "device_label": "Laptop"}
    routes = [("/v1/keys", "pc.one", body),
              ("/v1/submissions", "pc.one", {"submission": "a.b.c"}),
              ("/v1/review/submissions/RC-2026-000001/clarify", "psd.review", {"note": "x"}),
              ("/v1/review/submissions/RC-2026-000001/extend", "psd.review", {"reasons": "x"}),
              ("/v1/review/submissions/RC-2026-000001/outcome", "psd.review",
               {"outcome": "upheld", "reasons": "x"})]
    for url, who, payload in routes:
        for media in ("text/plain", "application/x-www-form-urlencoded",
                      "application/octet-stream", "multipart/form-data; boundary=x"):
            response = client.post(url, content=json.dumps(payload), headers={
                **headers[who], "Content-Type": media, "Idempotency-Key": "k" * 20})
            _problem(response, 415, "application/json")
    # JSON, and JSON with parameters, is read as before.
    fine = client.post("/v1/keys", json=body, headers=headers["pc.one"])
    assert fine.status_code == 201, fine.text
    charset = client.post("/v1/keys", content=json.dumps(body), headers={
        **headers["pc.one"], "Content-Type": "application/json; charset=utf-8"})
    assert charset.status_code == 200, charset.text


def _challenge(client: TestClient, auth: dict[str, str], officer: str, flag: str,
               disputed: list[str]) -> Any:
    private = Ed25519PrivateKey.generate()
    registered = client.post("/v1/keys", headers=auth, json={
        "public_jwk": public_jwk(private.public_key()), "device_label": "Laptop"})
    assert registered.status_code == 201, registered.text
    payload = build_submission(
        officer_id=officer, key_id=key_id(private.public_key()), kind="challenge",
        target=flag, created_at=datetime.now(UTC), grounds=["rectification"],
        statement="Those records are wrong.", disputed_record_ids=disputed)
    return client.post("/v1/submissions", json={"submission": sign_submission(payload, private)},
                       headers={**auth, "Idempotency-Key": secrets.token_urlsafe(18)})


def test_a_challenge_disputes_only_the_officers_own_records(client: TestClient,
                                                            headers: Any) -> None:
    auth = headers["pc.one"]
    theirs = _challenge(client, auth, "off-1", "flag-off-1-1", ["roster-off-2-0"])
    nowhere = _challenge(client, auth, "off-1", "flag-off-1-1", ["roster-off-9-0"])
    _problem(theirs, 422, "not among your records: 'roster-off-2-0'")
    _problem(nowhere, 422, "not among your records: 'roster-off-9-0'")
    # the words are the same whether the record is another officer's or no one's
    assert (theirs.json()["detail"].replace("off-2", "X")
            == nowhere.json()["detail"].replace("off-9", "X"))
    many = _challenge(client, auth, "off-1", "flag-off-1-1",
                      ["roster-off-1-0"] + [f"locati-off-2-{i}" for i in range(7)])
    _problem(many, 422, "and 2 more")
    own = _challenge(client, auth, "off-1", "flag-off-1-1",
                     ["roster-off-1-0", "buildi-off-1-0", "locati-off-1-3"])
    assert own.status_code == 201, own.text


def test_the_reviewers_list_is_in_each_shown_officers_access_log(client: TestClient,
                                                                 headers: Any) -> None:
    for who, officer in (("pc.one", "off-1"), ("pc.two", "off-2")):
        sent = _challenge(client, headers[who], officer, f"flag-{officer}-1", [])
        assert sent.status_code == 201, sent.text

    def reviewer_entries(who: str, officer: str) -> list[dict[str, Any]]:
        log = client.get(f"/v1/officers/{officer}/access-log", headers=headers[who])
        assert log.status_code == 200, log.text
        return [e for e in log.json()["entries"] if e["viewer"] == "PSD Reviewer (psd.review)"]

    before = {o: len(reviewer_entries(w, o)) for w, o in (("pc.one", "off-1"),
                                                          ("pc.two", "off-2"))}
    listed = client.get("/v1/review/submissions", headers=headers["psd.review"])
    assert listed.status_code == 200 and len(listed.json()["submissions"]) >= 2
    for who, officer in (("pc.one", "off-1"), ("pc.two", "off-2")):
        entries = reviewer_entries(who, officer)
        assert len(entries) == before[officer] + 1, entries
        assert entries[-1]["viewer_role"] == "Professional Standards reviewer"
        assert "every submission" in entries[-1]["what"]
    # an officer with no submission was not shown, so nothing is written for them
    assert reviewer_entries("pc.three", "off-3") == []
