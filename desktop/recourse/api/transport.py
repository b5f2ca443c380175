"""TLS for every HTTP connection Recourse makes: the API client and sign-in alike.

`secure_session` mounts an adapter on a `requests.Session` so that:

* certificates are ALWAYS verified, against the operating system's trust store (through
  `truststore`, so Windows' store and Group Policy deployed roots apply) or against the
  CA bundle force IT configured, and nothing else: `verify=False` and the
  REQUESTS_CA_BUNDLE environment variable are ignored;
* optionally the server's public key is pinned: the SHA-256 of the leaf certificate's
  SubjectPublicKeyInfo is compared on every new connection, before a request is sent;
* plain http:// is refused except to this PC (loopback);
* a request made inside an `AbortScope` can be abandoned from another thread: the scope
  shuts down the socket of every connection the request used, so a thread blocked
  connecting, waiting for the answer or reading a large body wakes at once.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import ipaddress
import socket
import ssl
import threading
from typing import Any
from urllib.parse import urlsplit

import requests
import truststore
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from recourse.api.errors import InsecureAddress


class PinMismatch(ssl.SSLError):
    """The server presented a key other than the pinned one.

    An `ssl.SSLError` so that urllib3 and requests report it as a TLS failure.
    """


def spki_sha256(der_certificate: bytes) -> bytes:
    """SHA-256 of the certificate's SubjectPublicKeyInfo (as in HPKP's pin-sha256)."""
    public_key = x509.load_der_x509_certificate(der_certificate).public_key()
    spki = public_key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return hashlib.sha256(spki).digest()


def parse_pin(pin: str) -> bytes:
    """Accept a pin as base64 (pin-sha256 style) or hex, with or without colons."""
    text = pin.strip().removeprefix("sha256/").removeprefix("pin-sha256:").strip('"')
    hex_text = text.replace(":", "")
    if len(hex_text) == 64:
        try:
            return bytes.fromhex(hex_text)
        except ValueError:
            pass
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        raise ValueError("a public-key pin is the SHA-256 of the key, in hex or base64")
    return raw


def is_loopback_host(host: str | None) -> bool:
    if not host:
        return False
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_address(url: str) -> None:
    """Refuse anything but https://, or http:// to this PC."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "https" and parts.hostname:
        return
    if scheme == "http" and is_loopback_host(parts.hostname):
        return
    raise InsecureAddress(f"{parts.scheme}://{parts.hostname or ''}" if parts.hostname else url)


_scopes = threading.local()


class AbortScope:
    """Collects the connections the current thread's requests use, so another thread
    can `abort()` them. Enter it on the thread that makes the request."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._connections: list[HTTPConnection] = []
        self.aborted = False

    def __enter__(self) -> AbortScope:
        self._outer = getattr(_scopes, "current", None)
        _scopes.current = self
        return self

    def __exit__(self, *exc: object) -> None:
        _scopes.current = self._outer
        with self._lock:
            self._connections.clear()

    def attach(self, connection: HTTPConnection) -> None:
        with self._lock:
            self._connections.append(connection)
            if self.aborted:
                _shut_down(connection)

    def abort(self) -> None:
        """Shut down every connection in use (safe from any thread, more than once)."""
        with self._lock:
            self.aborted = True
            for connection in self._connections:
                _shut_down(connection)


def _shut_down(connection: HTTPConnection) -> None:
    sock = connection.sock
    if sock is None:
        return
    try:
        # socket.socket's own shutdown, also for an SSLSocket: it wakes a thread blocked
        # in recv without touching the TLS object that thread is using (SSLSocket's
        # shutdown would drop it under the reader's feet). The pool discards the dead
        # connection when it is next checked out.
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
    except OSError:
        pass  # already closed


class _AbortableConnection(HTTPConnection):
    """Registers itself with the requesting thread's AbortScope, if any."""

    def connect(self) -> None:
        super().connect()
        scope: AbortScope | None = getattr(_scopes, "current", None)
        if scope is not None and scope.aborted:
            _shut_down(self)

    def request(self, *args: Any, **kwargs: Any) -> None:
        scope: AbortScope | None = getattr(_scopes, "current", None)
        if scope is not None:
            scope.attach(self)
        super().request(*args, **kwargs)


class _AbortableHTTPSConnection(_AbortableConnection, HTTPSConnection):
    pass


class _AbortableHTTPConnectionPool(HTTPConnectionPool):
    ConnectionCls = _AbortableConnection


class _AbortableHTTPSConnectionPool(HTTPSConnectionPool):
    ConnectionCls = _AbortableHTTPSConnection


def _pinned_pool_class(pin: bytes) -> type[HTTPSConnectionPool]:
    class PinnedHTTPSConnection(_AbortableHTTPSConnection):
        def connect(self) -> None:
            super().connect()
            sock: Any = self.sock
            der = sock.getpeercert(binary_form=True) if sock is not None else None
            if not der or not _same(spki_sha256(der), pin):
                self.close()
                raise PinMismatch("the server's public key does not match the pinned key")

    class PinnedHTTPSConnectionPool(_AbortableHTTPSConnectionPool):
        ConnectionCls = PinnedHTTPSConnection

    return PinnedHTTPSConnectionPool


def _same(a: bytes, b: bytes) -> bool:
    return hmac.compare_digest(a, b)


def make_ssl_context(ca_bundle: str | None) -> ssl.SSLContext:
    if ca_bundle:
        # Only what IT configured: no system roots, no certifi.
        context = ssl.create_default_context(cafile=ca_bundle)
    else:
        context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.check_hostname = True
    context.verify_mode = ssl.CERT_REQUIRED
    return context


class VerifiedTLSAdapter(HTTPAdapter):
    """An HTTPAdapter whose TLS settings cannot be loosened per request."""

    def __init__(self, context: ssl.SSLContext, pin: bytes | None) -> None:
        self._context = context
        self._pool_classes: dict[str, type[HTTPConnectionPool]] = {
            "http": _AbortableHTTPConnectionPool,
            "https": _pinned_pool_class(pin) if pin else _AbortableHTTPSConnectionPool,
        }
        super().__init__(max_retries=0)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["ssl_context"] = self._context
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = self._pool_classes

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        proxy_kwargs.setdefault("ssl_context", self._context)
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        manager.pool_classes_by_scheme = self._pool_classes
        return manager

    def build_connection_pool_key_attributes(
        self, request: Any, verify: Any, cert: Any = None
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        # Whatever the caller or the environment asked for, verify with our context.
        return super().build_connection_pool_key_attributes(request, True, None)

    def send(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        check_address(request.url)
        return super().send(request, *args, **kwargs)

    def cert_verify(self, conn: Any, url: str, verify: Any, cert: Any) -> None:
        # requests would add certifi's bundle (or REQUESTS_CA_BUNDLE) to our context.
        conn.cert_reqs = "CERT_REQUIRED"
        conn.ca_certs = None
        conn.ca_cert_dir = None


def secure_session(
    session: requests.Session | None = None,
    *,
    ca_bundle: str | None = None,
    pinned_spki_sha256: str | None = None,
) -> requests.Session:
    """Mount the verified-TLS adapter on `session` (a new one if None) and return it."""
    session = session if session is not None else requests.Session()
    pin = parse_pin(pinned_spki_sha256) if pinned_spki_sha256 else None
    adapter = VerifiedTLSAdapter(make_ssl_context(ca_bundle), pin)
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    return session
