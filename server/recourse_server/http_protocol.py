"""uvicorn's HTTP protocol, answering a request it cannot parse with a problem document.

uvicorn refuses a malformed request (a Content-Length that is not a number, a broken
request line) before the application sees it, with a bare `text/plain` 400. Every other
refusal of this server is RFC 9457 problem JSON, so a program can act on all of them the
same way; this protocol makes that one the same. `serve` passes it to uvicorn by name.
"""

from __future__ import annotations

import json

from uvicorn.protocols.http.auto import AutoHTTPProtocol

MALFORMED = json.dumps({
    "type": "about:blank", "title": "Bad Request", "status": 400,
    "detail": "The request is not valid HTTP (for example a Content-Length header that is "
              "not a number), so the server could not read it.",
}).encode()


class ProblemHTTPProtocol(AutoHTTPProtocol):  # type: ignore[misc, valid-type]
    def send_400_response(self, msg: str) -> None:
        head = (b"HTTP/1.1 400 Bad Request\r\n"
                b"content-type: application/problem+json\r\n"
                b"content-length: " + str(len(MALFORMED)).encode() + b"\r\n"
                b"connection: close\r\n\r\n")
        self.transport.write(head + MALFORMED)
        self.transport.close()
