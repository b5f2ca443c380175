"""Helpers for the sync tests (no tests here): sign in through the real OIDC flow,
count requests, and compare the store with the server's database."""

from __future__ import annotations

import contextlib
import hashlib
import socket
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import requests
import rfc8785
from tests.support.browser import log_in_through_form

from recourse.api import ServerConnection
from recourse.protocol import wire
from recourse.store import Store


def sign_in(url: str, store: Store, username: str, password: str) -> ServerConnection:
    """A ServerConnection signed in by the real authorization-code flow, playing the
    browser with the reference server's login form; tokens end up in `store`."""

    def browser(authorize_url: str) -> bool:
        redirect = log_in_through_form(authorize_url, username, password)
        requests.get(redirect, timeout=10)
        return True

    connection = ServerConnection(url, store, browser=browser)
    connection.sign_in()
    return connection


@dataclass
class RequestLog:
    seen: list[tuple[str, str, int, int]] = field(default_factory=list)

    def attach(self, client: Any) -> None:
        """Record every response on the API client's own session (method, path, status,
        declared length)."""

        def hook(response: requests.Response, *args: Any, **kwargs: Any) -> None:
            path = requests.utils.urlparse(response.request.url).path
            size = int(response.headers.get("Content-Length") or -1)
            self.seen.append((response.request.method or "", path, response.status_code, size))

        client._session.hooks["response"].append(hook)

    def clear(self) -> None:
        self.seen.clear()


def stored_digests(store: Store) -> dict[str, str]:
    """SHA-256 of each stored record's RFC 8785 JSON, as `admin.record_digests` computes
    it on the server side, so the two compare equal only if every field survived."""
    out: dict[str, str] = {}
    for category in wire.CATEGORIES:
        for r in store.iter_category(category):
            record = wire.Record(
                id=r.id,
                category=r.category,
                occurred_at=r.occurred_at,  # type: ignore[arg-type]
                updated_at=r.updated_at,
                summary=r.summary,
                data=r.data,
            ).model_dump(mode="json", exclude_none=True)
            out[r.id] = hashlib.sha256(rfc8785.dumps(record)).hexdigest()
    return out


class ThrottlingProxy:
    """A TCP proxy on 127.0.0.1 in front of the real server that, while `throttled` is
    set, passes the server's answers on slowly (`rate` bytes a second, in small pieces):
    a slow link, so a page is still arriving when the test cancels.

    `client_gone` is set when the client closes a connection while the server's answer
    is still being passed on: proof that an in-flight request was interrupted."""

    def __init__(self, upstream: str, rate: int = 4096, piece: int = 256) -> None:
        parts = requests.utils.urlparse(upstream)
        self._upstream = (parts.hostname or "127.0.0.1", parts.port or 80)
        self.scheme = parts.scheme  # bytes pass through as they are, TLS included
        self._rate, self._piece = rate, piece
        self.throttled = threading.Event()
        self.client_gone = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"{self.scheme}://127.0.0.1:{self._listener.getsockname()[1]}"
        self._sockets: list[socket.socket] = []
        self._closed = False
        # Closing a socket does not wake a thread blocked in its accept() on Linux, so
        # the accept loop polls and close() can join it.
        self._listener.settimeout(0.05)
        self._threads = [threading.Thread(target=self._accept, daemon=True, name="test-proxy")]
        self._threads[0].start()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            client.settimeout(None)
            server = socket.create_connection(self._upstream)
            self._sockets += [client, server]
            for source, sink, answers in ((client, server, False), (server, client, True)):
                pump = threading.Thread(target=self._pump, args=(source, sink, answers),
                                        daemon=True, name="test-proxy-pump")
                self._threads.append(pump)
                pump.start()

    def _pump(self, source: socket.socket, sink: socket.socket, answers: bool) -> None:
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                while data:
                    if answers and self.throttled.is_set():
                        piece, data = data[: self._piece], data[self._piece :]
                        time.sleep(len(piece) / self._rate)
                    else:
                        piece, data = data, b""
                    try:
                        sink.sendall(piece)
                    except OSError:
                        if answers:
                            self.client_gone.set()
                        raise
        except OSError:
            pass
        finally:
            for s in (source, sink):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        self._closed = True
        self._threads[0].join(5)
        self._listener.close()
        for s in self._sockets:
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)  # wakes a pump blocked in recv()
            with contextlib.suppress(OSError):
                s.close()
        for thread in self._threads:
            thread.join(5)
