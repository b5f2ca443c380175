"""The API client against hostile and broken servers on loopback.

Each server here is a raw socket (plain or TLS) in a thread that answers with whatever
the test scripts: malformed, truncated, oversized, slow, reset. The client must turn
each into its typed error, never hang, never read an unbounded body into memory.
"""

from __future__ import annotations

import base64
import datetime as dt
import gzip
import hashlib
import ipaddress
import json
import logging
import socket
import ssl
import struct
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from recourse.api import (
    ApiClient,
    CertificateNotTrusted,
    InsecureAddress,
    NotFound,
    RequestRefused,
    ResponseInvalid,
    ServerError,
    ServerUnreachable,
    SignedOut,
)
from recourse.domain.errors import RecourseError

ME = {"officer_id": "off-1", "username": "jbloggs", "name": "J Bloggs", "role": "officer"}


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]


Script = Callable[[socket.socket, Request], None]


@dataclass
class RawServer:
    """A loopback server that hands each request's socket to `script`."""

    script: Script
    tls: ssl.SSLContext | None = None
    requests: list[Request] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._sock = socket.create_server(("127.0.0.1", 0))
        self.port = self._sock.getsockname()[1]
        #: Set by close(); a script that stalls waits on it, so closing ends the stall.
        self.stopped = threading.Event()
        self._handlers: list[threading.Thread] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    def _serve(self) -> None:
        self._sock.settimeout(0.05)
        while not self.stopped.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            handler = threading.Thread(target=self._handle, args=(conn,), daemon=True)
            self._handlers.append(handler)
            handler.start()

    def _handle(self, conn: socket.socket) -> None:
        try:
            if self.tls:
                conn = self.tls.wrap_socket(conn, server_side=True)
            conn.settimeout(10)
            head = b""
            while b"\r\n\r\n" not in head and len(head) < 65536:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                head += chunk
            lines = head.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
            method, path, _ = lines[0].split(" ", 2)
            headers = {}
            for line in lines[1:]:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            request = Request(method, path, headers)
            self.requests.append(request)
            self.script(conn, request)
        except (OSError, ssl.SSLError):
            pass
        finally:
            try:
                conn.close()
            except OSError:
                pass

    def close(self) -> None:
        self.stopped.set()
        self._sock.close()
        self._thread.join(2)
        for handler in self._handlers:
            handler.join(5)


def respond(
    conn: socket.socket,
    status: int = 200,
    body: bytes | dict | list = b"",
    *,
    content_type: str = "application/json",
    headers: dict[str, str] | None = None,
    content_length: int | None = None,
) -> None:
    if not isinstance(body, bytes):
        body = json.dumps(body).encode()
    all_headers = {
        "Content-Type": content_type,
        "Content-Length": str(len(body) if content_length is None else content_length),
        "Connection": "close",
        **(headers or {}),
    }
    head = f"HTTP/1.1 {status} X\r\n" + "".join(f"{k}: {v}\r\n" for k, v in all_headers.items())
    conn.sendall(head.encode() + b"\r\n" + body)


def reset(conn: socket.socket) -> None:
    """Close with a TCP RST rather than a FIN."""
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()


@pytest.fixture
def serve() -> Iterator[Callable[..., RawServer]]:
    servers: list[RawServer] = []

    def start(script: Script, tls: ssl.SSLContext | None = None) -> RawServer:
        server = RawServer(script, tls)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()


def client_for(server: RawServer, **kwargs: object) -> ApiClient:
    options: dict = {"timeout": (2, 2), "retries": 2, "backoff": 0.01, **kwargs}
    return ApiClient(server.url, None, **options)


# --- malformed answers ---


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(b'{"officer_id": "off-1", "username": ', id="malformed-json"),
        pytest.param(b"\xff\xfe not even text", id="binary"),
        pytest.param({**ME, "officer_id": 123}, id="wrong-type"),
        pytest.param({**ME, "role": "superintendent"}, id="unknown-enum"),
        pytest.param({**ME, "name": "x" * 100_000}, id="huge-field"),
        pytest.param({**ME, "surprise": True}, id="unknown-field"),
        pytest.param([ME], id="wrong-shape"),
        pytest.param({**ME, "officer_id": "../../etc"}, id="bad-identifier"),
    ],
)
def test_invalid_bodies_are_refused(serve, body) -> None:
    server = serve(lambda conn, req: respond(conn, 200, body))
    with pytest.raises(ResponseInvalid) as caught:
        client_for(server).me()
    assert "nothing on this PC was changed" in caught.value.message
    assert caught.value.next_step


def test_truncated_body_is_refused(serve) -> None:
    body = json.dumps(ME).encode()
    server = serve(lambda conn, req: respond(conn, 200, body[:20], content_length=len(body)))
    with pytest.raises(ResponseInvalid, match="cut short"):
        client_for(server, retries=0).me()


def test_wrong_content_type_is_refused(serve) -> None:
    server = serve(lambda conn, req: respond(conn, 200, ME, content_type="text/html"))
    with pytest.raises(ResponseInvalid, match="not JSON"):
        client_for(server).me()


def test_a_page_of_another_category_is_refused(serve) -> None:
    page = {"category": "absences", "changes": [], "next_cursor": "c1", "has_more": False}
    server = serve(lambda conn, req: respond(conn, 200, page))
    with pytest.raises(ResponseInvalid):
        client_for(server).feed("off-1", "overtime", None)


def test_redirects_are_not_followed(serve) -> None:
    server = serve(
        lambda conn, req: respond(conn, 302, headers={"Location": "http://example.com/v1/me"})
    )
    with pytest.raises(ResponseInvalid):
        client_for(server).me()
    assert len(server.requests) == 1


# --- size limits ---


def _stream_forever(conn: socket.socket, req: Request) -> None:
    conn.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n"
    )
    chunk = b'{"officer_id": "' + b"x" * 65536
    frame = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
    for _ in range(200 * 16):  # 200 MiB, unless the client hangs up first (it must)
        conn.sendall(frame)


def test_an_endless_body_is_cut_off_without_exhausting_memory(serve) -> None:
    server = serve(_stream_forever)
    client = client_for(server, max_response_bytes=1024 * 1024)
    tracemalloc.start()
    try:
        started = time.monotonic()
        with pytest.raises(ResponseInvalid, match="larger than"):
            client.me()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * 1024 * 1024, f"peak {peak} bytes while refusing a 200 MiB body"
    assert time.monotonic() - started < 10


def test_a_declared_oversized_body_is_refused_before_reading(serve) -> None:
    def script(conn: socket.socket, req: Request) -> None:
        conn.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            b"Content-Length: 999999999999\r\n\r\n{"
        )
        server.stopped.wait(5)

    server = serve(script)
    started = time.monotonic()
    with pytest.raises(ResponseInvalid, match="larger than"):
        client_for(server, max_response_bytes=1024).me()
    assert time.monotonic() - started < 2


def test_a_gzip_bomb_is_cut_off_without_exhausting_memory(serve) -> None:
    bomb = gzip.compress(b'{"name": "' + b" " * (100 * 1024 * 1024), compresslevel=9)
    assert len(bomb) < 200_000
    server = serve(
        lambda conn, req: respond(conn, 200, bomb, headers={"Content-Encoding": "gzip"})
    )
    tracemalloc.start()
    try:
        with pytest.raises(ResponseInvalid, match="larger than"):
            client_for(server, max_response_bytes=1024 * 1024).me()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 * 1024 * 1024, f"peak {peak} bytes while refusing a gzip bomb"


def test_gzip_is_accepted(serve) -> None:
    body = gzip.compress(json.dumps(ME).encode())
    server = serve(
        lambda conn, req: respond(conn, 200, body, headers={"Content-Encoding": "gzip"})
    )
    assert client_for(server).me().username == "jbloggs"
    assert "gzip" in server.requests[0].headers["accept-encoding"]


# --- slow, failing, vanishing servers ---


def test_a_slow_server_times_out_after_retries(serve) -> None:
    server = serve(lambda conn, req: server.stopped.wait(3))
    started = time.monotonic()
    with pytest.raises(ServerUnreachable):
        client_for(server, timeout=(1, 0.3), retries=2).me()
    assert len(server.requests) == 3
    assert time.monotonic() - started < 3


def test_a_trickling_server_hits_the_overall_deadline(serve) -> None:
    def script(conn: socket.socket, req: Request) -> None:
        conn.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n"
        )
        for _ in range(100):
            conn.sendall(b"1\r\n \r\n")
            time.sleep(0.1)

    server = serve(script)
    started = time.monotonic()
    with pytest.raises(ServerUnreachable, match="too slowly"):
        client_for(server, retries=0, max_duration=0.5).me()
    assert time.monotonic() - started < 2


@pytest.mark.parametrize("where", ["status line", "headers", "body"])
def test_a_byte_at_a_time_is_cut_off_at_the_deadline_wherever_it_drips(serve, where) -> None:
    """Each byte comes well within the read timeout, so only a wall-clock deadline on
    the whole exchange, headers included, can end it."""
    body = json.dumps(ME).encode()
    head = (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n")
    drip = {"status line": head, "headers": head[17:], "body": body}[where]
    before = {"status line": b"", "headers": head[:17], "body": head}[where]

    def script(conn: socket.socket, req: Request) -> None:
        conn.sendall(before)
        for byte in drip:
            if server.stopped.wait(0.2):
                return
            conn.sendall(bytes([byte]))

    server = serve(script)
    started = time.monotonic()
    with pytest.raises(ServerUnreachable, match="too slowly"):
        client_for(server, retries=0, timeout=(2, 2), max_duration=1.0).me()
    assert time.monotonic() - started < 2.5


def test_server_error_carries_the_problem_detail(serve) -> None:
    problem = {"title": "Internal error", "status": 500, "detail": "The database is down."}
    server = serve(
        lambda conn, req: respond(
            conn, 500, problem, content_type="application/problem+json"
        )
    )
    with pytest.raises(ServerError) as caught:
        client_for(server).me()
    assert caught.value.status == 500
    assert caught.value.detail == "The database is down."
    assert "The database is down." in caught.value.message
    assert len(server.requests) == 1, "a 500 is not retried"


def test_a_server_error_with_garbage_body_still_gives_server_error(serve) -> None:
    server = serve(lambda conn, req: respond(conn, 500, b"<html>oops", content_type="text/html"))
    with pytest.raises(ServerError) as caught:
        client_for(server).me()
    assert caught.value.detail is None


def test_503_is_retried_until_it_succeeds(serve) -> None:
    def script(conn: socket.socket, req: Request) -> None:
        if len(server.requests) < 3:
            respond(conn, 503, b"")
        else:
            respond(conn, 200, ME)

    server = serve(script)
    assert client_for(server, retries=3).me().officer_id == "off-1"
    assert len(server.requests) == 3


def test_503_gives_up_after_the_retries(serve) -> None:
    server = serve(lambda conn, req: respond(conn, 503, b""))
    with pytest.raises(ServerError):
        client_for(server, retries=2).me()
    assert len(server.requests) == 3


def test_429_is_retried_only_with_retry_after(serve) -> None:
    def script(conn: socket.socket, req: Request) -> None:
        if len(server.requests) == 1:
            respond(conn, 429, headers={"Retry-After": "0"})
        else:
            respond(conn, 200, ME)

    server = serve(script)
    assert client_for(server).me().officer_id == "off-1"
    assert len(server.requests) == 2

    bare = serve(lambda conn, req: respond(conn, 429))
    with pytest.raises(RequestRefused) as caught:
        client_for(bare).me()
    assert caught.value.status == 429
    assert len(bare.requests) == 1


def test_a_long_retry_after_is_not_waited_for(serve) -> None:
    server = serve(lambda conn, req: respond(conn, 503, headers={"Retry-After": "86400"}))
    started = time.monotonic()
    with pytest.raises(ServerError):
        client_for(server).me()
    assert time.monotonic() - started < 2
    assert len(server.requests) == 1


def test_posts_are_never_retried(serve) -> None:
    server = serve(lambda conn, req: respond(conn, 503))
    with pytest.raises(ServerError):
        client_for(server).request_json(
            "POST", "/v1/challenges", json={"a": 1}, idempotency_key="k-1", model=None
        )
    assert len(server.requests) == 1
    assert server.requests[0].headers["idempotency-key"] == "k-1"


def test_connection_reset_is_unreachable(serve) -> None:
    server = serve(lambda conn, req: reset(conn))
    with pytest.raises(ServerUnreachable):
        client_for(server, retries=1).me()
    assert len(server.requests) == 2


def test_reset_in_the_middle_of_a_body_is_unreachable(serve) -> None:
    def script(conn: socket.socket, req: Request) -> None:
        conn.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n5\r\n{\"off\r\n"
        )
        time.sleep(0.05)
        reset(conn)

    server = serve(script)
    with pytest.raises(ServerUnreachable, match="lost"):
        client_for(server, retries=0).me()


def test_connection_refused_is_unreachable() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = ApiClient(f"http://127.0.0.1:{port}", None, retries=1, backoff=0.01)
    with pytest.raises(ServerUnreachable) as caught:
        client.me()
    assert caught.value.next_step


def test_unknown_host_is_unreachable() -> None:
    client = ApiClient("https://recourse.invalid", None, retries=0)
    with pytest.raises(ServerUnreachable):
        client.me()


# --- status codes ---


def test_not_found_and_refused(serve) -> None:
    missing = serve(lambda conn, req: respond(conn, 404, {"title": "Not found", "status": 404}))
    with pytest.raises(NotFound):
        client_for(missing).flag("off-1", "flag-9")
    problem = {"title": "Forbidden", "status": 403, "detail": "No mandate for this officer."}
    refused = serve(
        lambda conn, req: respond(conn, 403, problem, content_type="application/problem+json")
    )
    with pytest.raises(RequestRefused) as caught:
        client_for(refused).flags("off-2")
    assert caught.value.status == 403
    assert "No mandate for this officer." in caught.value.message


class CountingTokens:
    def __init__(self) -> None:
        self.current = "token-1"
        self.rejected: list[str] = []

    def access_token(self) -> str:
        return self.current

    def access_token_rejected(self, rejected: str) -> str:
        self.rejected.append(rejected)
        self.current = f"token-{len(self.rejected) + 1}"
        return self.current


def test_401_renews_the_token_once_then_signs_out(serve) -> None:
    server = serve(lambda conn, req: respond(conn, 401, {"title": "Unauthorised", "status": 401}))
    tokens = CountingTokens()
    client = ApiClient(server.url, tokens, retries=0)
    with pytest.raises(SignedOut):
        client.me()
    assert tokens.rejected == ["token-1"]
    assert [r.headers["authorization"] for r in server.requests] == [
        "Bearer token-1",
        "Bearer token-2",
    ]


def test_401_then_success_after_renewal(serve) -> None:
    def script(conn: socket.socket, req: Request) -> None:
        if req.headers.get("authorization") == "Bearer token-2":
            respond(conn, 200, ME)
        else:
            respond(conn, 401)

    server = serve(script)
    assert ApiClient(server.url, CountingTokens()).me().officer_id == "off-1"


def test_etag_and_not_modified(serve) -> None:
    catalogue = {"rules": []}

    def script(conn: socket.socket, req: Request) -> None:
        if req.headers.get("if-none-match") == '"v1"':
            respond(conn, 304, headers={"ETag": '"v1"'}, content_type="application/json")
        else:
            respond(conn, 200, catalogue, headers={"ETag": '"v1"'})

    server = serve(script)
    client = client_for(server)
    rules, etag = client.rules()
    assert rules is not None and rules.rules == [] and etag == '"v1"'
    assert client.rules(etag) == (None, '"v1"')


def test_logs_hold_no_token_or_record_content(serve, caplog) -> None:
    secret_summary = "Sick leave: hospital appointment"
    record = {
        "id": "r1",
        "category": "absences",
        "occurred_at": "2026-01-01T00:00:00Z",
        "updated_at": "2026-01-01T00:00:00Z",
        "summary": secret_summary,
        "data": {},
    }
    page = {
        "category": "absences",
        "changes": [{"op": "upsert", "record": record}, {"op": "upsert", "record": 5}],
        "next_cursor": "c",
        "has_more": False,
    }
    server = serve(lambda conn, req: respond(conn, 200, page))
    tokens = CountingTokens()
    caplog.set_level(logging.DEBUG)
    with pytest.raises(ResponseInvalid):
        ApiClient(server.url, tokens).feed("off-1", "absences", None)
    assert caplog.records, "the client logs what it did"
    text = caplog.text
    assert "token-1" not in text
    assert secret_summary not in text


def test_errors_are_recourse_errors_with_next_steps() -> None:
    for error in (
        ServerUnreachable(),
        CertificateNotTrusted(),
        SignedOut(),
        ServerError(502),
        ResponseInvalid("x"),
        NotFound(),
        RequestRefused(400),
    ):
        assert isinstance(error, RecourseError)
        assert error.message and error.next_step


# --- addresses and TLS ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["http://example.com", "http://10.0.0.5:8443", "ftp://127.0.0.1", "file:///etc"]
)
def test_plain_http_to_another_machine_is_refused(url: str) -> None:
    with pytest.raises(InsecureAddress):
        ApiClient(url, None)


@pytest.mark.parametrize("url", ["http://127.0.0.1:1", "http://127.8.9.10:1", "http://[::1]:1",
                                 "http://localhost:1"])
def test_plain_http_to_loopback_is_allowed(url: str) -> None:
    ApiClient(url, None)


@dataclass
class Certificate:
    cert_pem: bytes
    key_pem: bytes
    spki_sha256_hex: str

    def server_context(self, tmp_path: Path) -> ssl.SSLContext:
        cert_file = tmp_path / "server.pem"
        key_file = tmp_path / "server.key"
        cert_file.write_bytes(self.cert_pem)
        key_file.write_bytes(self.key_pem)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert_file, key_file)
        return context


def make_certificate(common_name: str = "127.0.0.1", *, loopback: bool = True) -> Certificate:

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]
                if loopback
                else [x509.DNSName(common_name)]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    spki = key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return Certificate(
        cert.public_bytes(serialization.Encoding.PEM),
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
        hashlib.sha256(spki).hexdigest(),
    )


@pytest.fixture
def tls_server(serve, tmp_path) -> tuple[RawServer, Certificate, Path]:
    certificate = make_certificate()
    server = serve(lambda conn, req: respond(conn, 200, ME), certificate.server_context(tmp_path))
    bundle = tmp_path / "it-bundle.pem"
    bundle.write_bytes(certificate.cert_pem)
    return server, certificate, bundle


def test_a_self_signed_certificate_is_not_trusted(tls_server) -> None:
    server, _, _ = tls_server
    with pytest.raises(CertificateNotTrusted) as caught:
        ApiClient(server.url, None, retries=2).me()
    assert "do not continue on this network" in caught.value.next_step.lower()
    assert len(server.requests) == 0, "nothing is sent before the server is trusted"


def test_the_environment_cannot_loosen_verification(tls_server, monkeypatch) -> None:
    server, _, bundle = tls_server
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(bundle))
    monkeypatch.setenv("CURL_CA_BUNDLE", str(bundle))
    with pytest.raises(CertificateNotTrusted):
        ApiClient(server.url, None).me()


def test_the_it_ca_bundle_is_trusted(tls_server) -> None:
    server, _, bundle = tls_server
    assert ApiClient(server.url, None, ca_bundle=str(bundle)).me().officer_id == "off-1"


def test_the_right_pin_passes(tls_server) -> None:
    server, certificate, bundle = tls_server
    for pin in (
        certificate.spki_sha256_hex,
        base64.b64encode(bytes.fromhex(certificate.spki_sha256_hex)).decode(),
    ):
        client = ApiClient(server.url, None, ca_bundle=str(bundle), pinned_spki_sha256=pin)
        assert client.me().officer_id == "off-1"


def test_a_wrong_pin_is_refused_before_anything_is_sent(tls_server) -> None:
    server, _, bundle = tls_server
    other = make_certificate()
    client = ApiClient(
        server.url, None, ca_bundle=str(bundle), pinned_spki_sha256=other.spki_sha256_hex
    )
    with pytest.raises(CertificateNotTrusted):
        client.me()
    assert len(server.requests) == 0


def test_a_malformed_pin_is_a_configuration_error() -> None:
    with pytest.raises(ValueError):
        ApiClient("https://127.0.0.1:1", None, pinned_spki_sha256="not-a-pin")


def test_a_certificate_for_another_name_is_not_trusted(serve, tmp_path) -> None:
    certificate = make_certificate("elsewhere.example", loopback=False)
    server = serve(lambda conn, req: respond(conn, 200, ME), certificate.server_context(tmp_path))
    bundle = tmp_path / "bundle.pem"
    bundle.write_bytes(certificate.cert_pem)
    with pytest.raises(CertificateNotTrusted):
        ApiClient(server.url, None, ca_bundle=str(bundle), retries=0).me()
