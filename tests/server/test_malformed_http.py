"""The REAL server over raw sockets: a request uvicorn cannot parse is refused with problem
JSON like every other refusal, and a chunked body over the limit is a 413."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.support.server import RunningServer, start_server


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    with start_server(tmp_path_factory.mktemp("server"), ping_interval=240,
                      only=["pc.hughes"]) as running:
        yield running


def _exchange(server: RunningServer, raw: bytes) -> tuple[int, dict[str, str], bytes]:
    host, port = server.url.removeprefix("http://").rsplit(":", 1)
    with socket.create_connection((host, int(port)), timeout=20) as sock:
        try:
            sock.sendall(raw)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server may answer and close before it has read everything
        answer = b""
        while True:
            try:
                chunk = sock.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {name.strip().lower(): value.strip()
               for name, _, value in (line.partition(":") for line in lines[1:])}
    return int(lines[0].split()[1]), headers, body


@pytest.mark.parametrize("length", [b"abc", b"-5", b"1e3", b"0x10", b"12, 13"])
def test_a_malformed_content_length_gets_problem_json(server: RunningServer,
                                                      length: bytes) -> None:
    status, headers, body = _exchange(server, (
        b"POST /v1/keys HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        b"Content-Length: " + length + b"\r\n\r\n{}"))
    assert status == 400
    assert headers["content-type"] == "application/problem+json"
    problem = json.loads(body[:int(headers["content-length"])])
    assert problem["status"] == 400 and "Content-Length" in problem["detail"]


def test_a_broken_request_line_gets_problem_json(server: RunningServer) -> None:
    status, headers, _body = _exchange(server, b"GET /v1/me HTTP/1.1 extra\r\n\r\n")
    assert status == 400 and headers["content-type"] == "application/problem+json"


def test_a_chunked_body_over_the_limit_is_413_over_http(server: RunningServer) -> None:
    chunk = b" " * 65536
    body = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(17)) + b"0\r\n\r\n"
    status, headers, answer = _exchange(server, (
        b"POST /v1/keys HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + body))
    assert status == 413, answer[:300]
    assert headers["content-type"] == "application/problem+json"
    assert "1 MiB" in json.loads(answer[:int(headers["content-length"])])["detail"]


def test_the_server_log_has_no_traceback(server: RunningServer) -> None:
    log = Path(server.log_path).read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in log, log[-2000:]
