"""A TLS front for the reference server on loopback, as a force would deploy it.

The reference server speaks plain http on loopback; a force puts TLS in front of it.
`TlsFront` terminates TLS with a certificate the test chooses and relays the bytes to
the real server, so the client's trust settings (IT's CA bundle, a public-key pin) are
exercised against a real handshake. `use(certificate)` swaps the certificate for new
connections, as when a machine in the middle or a misissued certificate appears.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import select
import socket
import ssl
import threading
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


@dataclass
class Certificate:
    """A self-signed loopback certificate, usable as its own CA bundle."""

    cert_file: Path
    key_file: Path
    spki_sha256_hex: str

    def server_context(self) -> ssl.SSLContext:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.cert_file, self.key_file)
        return context


def make_certificate(folder: Path, name: str) -> Certificate:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName(
            [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    folder.mkdir(parents=True, exist_ok=True)
    cert_file, key_file = folder / f"{name}.pem", folder / f"{name}.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    spki = key.public_key().public_bytes(serialization.Encoding.DER,
                                         serialization.PublicFormat.SubjectPublicKeyInfo)
    return Certificate(cert_file, key_file, hashlib.sha256(spki).hexdigest())


class TlsFront:
    """Listens on 127.0.0.1 with TLS and relays every connection to `upstream_port`."""

    def __init__(self, upstream_port: int, certificate: Certificate) -> None:
        self.upstream_port = upstream_port
        self._context = certificate.server_context()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self.port = self._listener.getsockname()[1]
        self._stop = threading.Event()
        self._live: set[socket.socket] = set()
        self._thread = threading.Thread(target=self._serve, daemon=True, name="tls-front")
        self._thread.start()

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def use(self, certificate: Certificate) -> None:
        """Present `certificate` from now on; open connections are dropped, so the
        client's next request needs a new handshake."""
        self._context = certificate.server_context()
        for conn in list(self._live):
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self._listener.close()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._relay, args=(conn, self._context),
                             daemon=True).start()

    def _relay(self, conn: socket.socket, context: ssl.SSLContext) -> None:
        try:
            conn.settimeout(10)
            tls = context.wrap_socket(conn, server_side=True)
        except (OSError, ssl.SSLError):
            conn.close()  # the client refused our certificate: what the test wants to see
            return
        upstream = socket.create_connection(("127.0.0.1", self.upstream_port))
        self._live.add(tls)
        try:
            tls.setblocking(False)
            upstream.setblocking(False)
            while not self._stop.is_set():
                readable, _, _ = select.select([tls, upstream], [], [], 0.2)
                if tls in readable or tls.pending():
                    if not _pump(tls, upstream):
                        return
                if upstream in readable and not _pump(upstream, tls):
                    return
        finally:
            self._live.discard(tls)
            upstream.close()
            tls.close()


def _pump(source: socket.socket, sink: socket.socket) -> bool:
    """Move what `source` has to `sink`; False once `source` closed."""
    while True:
        try:
            data = source.recv(65536)
        except (ssl.SSLWantReadError, BlockingIOError):
            return True
        except (OSError, ssl.SSLError):
            return False
        if not data:
            return False
        view = memoryview(data)
        while view:
            try:
                sent = sink.send(view)
            except (ssl.SSLWantWriteError, BlockingIOError):
                select.select([], [sink], [], 1)
                continue
            except OSError:
                return False
            view = view[sent:]
