"""After sign-in, the force's receipt key is trusted only by IT's setting or by the
officer: sign-in never pins it silently on first use (the officer decides, with its
fingerprint on screen, the first time they contest something)."""

from __future__ import annotations

import requests
from tests.gui.conftest import close_window, first_run_through_ui, form_opener


def _window(qtbot, profile, server, policy):
    from recourse.ui.app import AppContext, Session
    from recourse.ui.main_window import MainWindow
    from recourse.ui.settings_registry import Settings

    context = AppContext(settings=Settings(policy=policy), server_url=server.url,
                         profile_folder=profile.folder)
    window = MainWindow(context, profile, Session(context, opener=form_opener(server,
                                                                              "pc.hughes")))
    qtbot.addWidget(window)
    window.show()
    return window


def _pin_after_sign_in(qtbot, window, server):
    from recourse.store.contest import ContestStore

    first_run_through_ui(qtbot, window, server.url)
    assert window.context.workers.wait_idle(30_000)  # the key set-up after sign-in
    qtbot.wait(50)  # its result is delivered on the GUI thread
    return ContestStore(window.context.store).server_pin()


def test_sign_in_does_not_trust_the_force_key_on_its_own(qtbot, profile, server):
    window = _window(qtbot, profile, server, {})
    assert _pin_after_sign_in(qtbot, window, server) is None
    assert window.contest_key is None
    close_window(window)


def test_sign_in_pins_the_key_it_configured_and_registers_this_pc(qtbot, profile, server):
    fingerprint = requests.get(server.url + "/v1/server-key", timeout=10).json()["fingerprint"]
    window = _window(qtbot, profile, server, {"server_key_fingerprint": fingerprint})
    pin = _pin_after_sign_in(qtbot, window, server)
    assert pin is not None and pin.source == "configured"
    assert window.contest_key is not None  # this PC's signing key, registered
    close_window(window)
