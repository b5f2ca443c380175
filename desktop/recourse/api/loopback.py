"""The one-shot HTTP listener on 127.0.0.1 that receives the browser's authorization
response (RFC 8252 loopback redirect): never reachable from another machine, and the
query string, which holds the code, is never logged."""

from __future__ import annotations

import hmac
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from recourse.api.errors import SignInCancelled

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Recourse</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 4rem auto">
<h1 style="font-size: 1.4rem">{heading}</h1>
<p>You can close this tab and return to Recourse.</p>
</body></html>
"""


class LoopbackListener:
    """A one-shot HTTP listener on 127.0.0.1 for the authorization response."""

    def __init__(self, path: str = "/callback", *, expected_state: str | None = None) -> None:
        self.path = path
        self._expected_state = expected_state
        self._received = threading.Event()
        self._params: dict[str, str] | None = None
        listener = self

        class Handler(BaseHTTPRequestHandler):
            timeout = 10  # a stalled browser connection must not hold a thread

            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                if parts.path != listener.path or listener._received.is_set():
                    self._answer(404, "Nothing to see here.")
                    return
                raw = parse_qs(parts.query, keep_blank_values=True, max_num_fields=20)
                params = {k: v[0] for k, v in raw.items() if len(v) == 1}
                succeeded = "code" in params and "error" not in params and (
                    listener._expected_state is None
                    or hmac.compare_digest(
                        params.get("state", ""), listener._expected_state
                    )
                )
                heading = (
                    "You are signed in to Recourse."
                    if succeeded
                    else "Sign-in to Recourse was not completed."
                )
                self._answer(200, heading)
                listener._params = params
                listener._received.set()

            def _answer(self, status: int, heading: str) -> None:
                body = _PAGE.format(heading=heading).encode()
                self.send_response(status)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.send_header("Content-Security-Policy", "default-src 'none'")
                self.send_header("Referrer-Policy", "no-referrer")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                # The default logs the query string, which holds the code.
                return

        # 127.0.0.1 only: never reachable from another machine.
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port: int = self._server.server_address[1]
        self.redirect_uri = f"http://127.0.0.1:{self.port}{path}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.1},
            name="signin-listener", daemon=True,
        )
        self._thread.start()

    def wait(
        self, deadline: float, cancelled: Callable[[], bool]
    ) -> dict[str, str]:
        """The redirect's query parameters; SignInCancelled on cancel or timeout."""
        while not self._received.wait(0.05):
            if cancelled():
                raise SignInCancelled()
            if time.monotonic() > deadline:
                raise SignInCancelled(timed_out=True)
        assert self._params is not None
        return self._params

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)
