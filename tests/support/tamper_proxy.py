"""An HTTP proxy on 127.0.0.1 in front of the real server that rewrites its answers.

`tamper(method, path, status, body)` (the path with its query) returns the body to
pass on instead (or None to pass it as it is): what a compromised server or a tampering
middlebox could send. The rest of the exchange (status, content type, ETag) is the real
server's. Plain HTTP only, on loopback, which the client allows there.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import requests

Tamper = Callable[[str, str, int, bytes], bytes | None]

_FORWARDED_REQUEST = ("Authorization", "If-None-Match", "Content-Type", "Idempotency-Key",
                      "Accept")
_FORWARDED_ANSWER = ("Content-Type", "ETag", "Cache-Control", "Retry-After")


class TamperingProxy:
    def __init__(self, upstream: str, tamper: Tamper,
                 request_path: Callable[[str], str] | None = None) -> None:
        """`request_path` may rewrite the path and query sent upstream (for example to
        drop a cursor the real server would refuse); `tamper` sees the client's own."""
        self.upstream = upstream.rstrip("/")
        self.tamper = tamper
        self.request_path = request_path or (lambda path: path)
        #: (method, path with query) of every request passed on, in order.
        self.requests: list[tuple[str, str]] = []
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            timeout = 2  # an idle keep-alive connection ends, so close() can join

            def log_message(self, format: str, *args: Any) -> None:
                pass  # quiet: the tests say what they check

            def _forward(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                headers = {k: v for k in _FORWARDED_REQUEST if (v := self.headers.get(k))}
                proxy.requests.append((self.command, self.path))
                upstream_path = proxy.request_path(self.path)
                answer = requests.request(self.command, proxy.upstream + upstream_path,
                                          data=body, headers=headers, timeout=30,
                                          allow_redirects=False)
                content = answer.content
                changed = proxy.tamper(self.command, self.path, answer.status_code, content)
                if changed is not None:
                    content = changed
                self.send_response(answer.status_code)
                for name in _FORWARDED_ANSWER:
                    if name in answer.headers:
                        self.send_header(name, answer.headers[name])
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)

            do_GET = do_POST = do_PUT = _forward

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._server.block_on_close = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.05},
                                        name="test-tamper-proxy", daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)

    def __enter__(self) -> TamperingProxy:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
