"""With an external OpenID provider, a token signs in only as the account an administrator
linked to its issuer and subject with `recourse-server admin link`.

A provider may let people choose their `preferred_username` (OpenID Connect says it is
neither stable nor unique), so a token naming `psd.review` must not become the reviewer;
nor does a subject that happens to equal an officer id pick that officer.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from fastapi.testclient import TestClient
from joserfc import jwt
from joserfc.jwk import ECKey
from tests.server.helpers import ISSUER

from recourse_server import cli
from recourse_server.app import create_app
from recourse_server.config import Settings

EXTERNAL = "https://login.force.example/realms/staff"
KEY = ECKey.generate_key("P-256", parameters={"kid": "idp-1", "alg": "ES256", "use": "sig"})


@pytest.fixture(scope="module")
def jwks_url() -> Iterator[str]:
    """The provider's JWKS, served over HTTP on loopback as a real provider would."""
    document = json.dumps({"keys": [KEY.as_dict(private=False)]}).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(document)))
            self.end_headers()
            self.wfile.write(document)

        def log_message(self, *_args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/jwks"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def external(seeded: str, jwks_url: str) -> Iterator[TestClient]:
    app = create_app(Settings(database_url=seeded, public_url=ISSUER, issuer=EXTERNAL,
                              jwks_url=jwks_url))
    with TestClient(app) as test_client:
        # Checking an external token waits on a worker thread: start the client's pool
        # here, with the client, so it is the fixture's and not the first test's.
        test_client.get("/v1/me", headers={"Authorization": "Bearer not-a-token"})
        yield test_client
    app.state.engine.dispose()


def _token(sub: str, issuer: str = EXTERNAL, **claims: Any) -> dict[str, str]:
    now = int(time.time())
    body = {"iss": issuer, "sub": sub, "aud": "recourse-api", "iat": now, "exp": now + 300,
            **claims}
    raw = jwt.encode({"alg": "ES256", "kid": KEY.kid}, body, KEY, algorithms=["ES256"])
    return {"Authorization": f"Bearer {raw}"}


def _admin(seeded: str, *args: str) -> int:
    return cli.main(["admin", "--database", seeded, *args])


def test_a_chosen_username_does_not_take_over_an_account(external: TestClient) -> None:
    for claims in ({"preferred_username": "psd.review"}, {"preferred_username": "pc.one"},
                   {"email": "psd.review", "name": "PSD Reviewer"}):
        response = external.get("/v1/me", headers=_token("attacker-4711", **claims))
        assert response.status_code == 403, (claims, response.text)
        assert response.headers["content-type"] == "application/problem+json"
        assert "no account" in response.json()["detail"]
    # nor do the reviewer's lists open to such a token
    listed = external.get("/v1/review/submissions",
                          headers=_token("attacker-4711", preferred_username="psd.review"))
    assert listed.status_code == 403


def test_a_subject_equal_to_an_officer_id_is_not_a_link(external: TestClient) -> None:
    response = external.get("/v1/me", headers=_token("off-2"))
    assert response.status_code == 403, response.text


def test_an_administrator_links_unlinks_and_lists(external: TestClient, seeded: str,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    subject = "f3a1c2d4-0000-4000-8000-000000000001"
    # the administrator may write the issuer with a trailing slash; it is the same issuer
    assert _admin(seeded, "link", "psd-1", "--issuer", EXTERNAL + "/",
                  "--subject", subject) == 0
    assert "PSD Reviewer (psd.review, psd-1, reviewer)" in capsys.readouterr().out
    me = external.get("/v1/me", headers=_token(subject, preferred_username="anything"))
    assert me.status_code == 200, me.text
    assert me.json()["officer_id"] == "psd-1" and me.json()["role"] == "reviewer"

    # linking is idempotent for the same account, refused for another
    assert _admin(seeded, "link", "psd-1", "--issuer", EXTERNAL, "--subject", subject) == 0
    assert _admin(seeded, "link", "off-1", "--issuer", EXTERNAL, "--subject", subject) == 2
    assert "already linked to 'psd-1'" in capsys.readouterr().err
    assert _admin(seeded, "link", "nobody", "--issuer", EXTERNAL, "--subject", "s-9") == 2
    assert "no account with officer id 'nobody'" in capsys.readouterr().err

    # the link is for that issuer only: the same subject elsewhere is a stranger
    assert _admin(seeded, "link", "off-1", "--issuer", "https://other.example",
                  "--subject", "shared-sub") == 0
    capsys.readouterr()
    assert external.get("/v1/me", headers=_token("shared-sub")).status_code == 403

    assert _admin(seeded, "links") == 0
    links = json.loads(capsys.readouterr().out)
    assert {(link["issuer"], link["subject"], link["officer_id"]) for link in links} >= {
        (EXTERNAL, subject, "psd-1"), ("https://other.example", "shared-sub", "off-1")}

    assert _admin(seeded, "unlink", "--issuer", EXTERNAL, "--subject", subject) == 0
    assert _admin(seeded, "unlink", "--issuer", EXTERNAL, "--subject", subject) == 2
    # a token the server already checked stops working at once
    assert external.get("/v1/me", headers=_token(subject)).status_code == 403

