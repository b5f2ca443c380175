"""The server's TLS as IT configures it, on the real stack: the reference server behind
a TLS front on loopback, trusted only through IT's CA bundle (never the system store),
optionally pinned to one public key.

* IT's CA bundle: sign-in and sync work over TLS; when the front then presents a
  certificate the bundle does not vouch for, the sync is refused with the "not trusted"
  message and its next step, and the data already saved stays on screen;
* IT's public-key pin: a second certificate from the same trusted CA bundle is still
  refused once it carries another key;
* a malformed pin from IT: Recourse refuses to connect at all (no silent fallback to
  weaker trust) and says whose setting it is; the encrypted data still opens.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import Qt
from tests.gui.conftest import (
    PASSPHRASE,
    close_window,
    first_run_through_ui,
    form_opener,
    sync_now,
)
from tests.support.tls_proxy import TlsFront, make_certificate


def _window(qtbot, profile, server, front, policy):
    from recourse.ui.app import AppContext, Session
    from recourse.ui.main_window import MainWindow
    from recourse.ui.settings_registry import Settings

    context = AppContext(settings=Settings(policy=policy), server_url=front.url,
                         profile_folder=profile.folder)
    # The API goes through the TLS front; sign-in goes to the reference issuer, whose
    # address is its own (a force's identity provider is often a separate service).
    session = Session(context, opener=form_opener(server, "pc.hughes"), issuer=server.url)
    window = MainWindow(context, profile, session)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def front(server, tmp_path):
    certificate = make_certificate(tmp_path / "certs", "force-server")
    handle = TlsFront(urlsplit(server.url).port, certificate)
    handle.certificate = certificate
    yield handle
    handle.close()


def _rows(window) -> int:
    return window.screens["my-data"].model.rowCount()


def test_it_ca_bundle_is_trusted_and_a_foreign_certificate_refused(
        qtbot, profile, server, front, tmp_path):
    window = _window(qtbot, profile, server, front,
                     {"ca_bundle": str(front.certificate.cert_file)})
    first_run_through_ui(qtbot, window, front.url)
    window.show_screen("my-data")
    shown = _rows(window)
    assert shown > 0

    front.use(make_certificate(tmp_path / "certs", "machine-in-the-middle"))
    assert sync_now(qtbot, window) is False
    info = window.banner.info
    assert info.kind == "CertificateNotTrusted" and window.banner.isVisible()
    assert "IT" in info.next_step
    assert _rows(window) == shown  # the saved data is still there
    close_window(window)


def test_it_pin_refuses_another_key_even_from_a_trusted_authority(
        qtbot, profile, server, front, tmp_path):
    other = make_certificate(tmp_path / "certs", "second-server")
    bundle = tmp_path / "it-bundle.pem"
    bundle.write_bytes(front.certificate.cert_file.read_bytes() + other.cert_file.read_bytes())
    window = _window(qtbot, profile, server, front, {
        "ca_bundle": str(bundle),
        "server_public_key_pin": front.certificate.spki_sha256_hex,
    })
    first_run_through_ui(qtbot, window, front.url)  # the pinned key passes
    window.show_screen("my-data")
    assert _rows(window) > 0

    front.use(other)  # trusted by the bundle, but not the pinned key
    assert sync_now(qtbot, window) is False
    assert window.banner.info.kind == "CertificateNotTrusted"
    close_window(window)


def test_a_malformed_it_pin_refuses_to_connect_and_says_so(qtbot, profile, server, front):
    window = _window(qtbot, profile, server, front, {
        "ca_bundle": str(front.certificate.cert_file),
        "server_public_key_pin": "not a key hash",
    })
    window.start()
    window.first_run.passphrase.setText(PASSPHRASE)
    window.first_run.confirm.setText(PASSPHRASE)
    window.first_run.server.setText(front.url)
    qtbot.mouseClick(window.first_run.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=30_000)
    info = window.banner.info
    assert info.kind == "CertificateNotTrusted"
    assert "IT department" in info.message
    assert window.context.api is None  # no connection with weaker trust
    assert window.context.store is not None  # the encrypted data still opens
    assert not window.banner.action_button.isVisible()
    close_window(window)
