"""First-run validation that happens before any key derivation: refuse weak input."""

from __future__ import annotations

from recourse.ui.unlock import FirstRunScreen, estimate_bits, strength_problem


def test_strength_estimate_orders_passphrases():
    assert estimate_bits("") == 0
    assert estimate_bits("aaaaaaaaaaaaaaaa") < estimate_bits("tulip ferry 9 oboe lantern")
    assert strength_problem("short") is not None
    assert strength_problem("password1234") is not None  # common word, refused
    assert strength_problem("aaaaaaaaaaaaaaaa") is not None
    assert strength_problem("tulip ferry 9 oboe lantern") is None


def test_weak_or_mismatched_passphrase_is_refused_without_touching_the_profile(qtbot, context):
    # profile=None: any attempt to create a profile would raise, failing the test.
    screen = FirstRunScreen(context, None)
    qtbot.addWidget(screen)
    screen.passphrase.setText("abc")
    assert "Weak" in screen.strength.text()
    screen.submit()
    assert "at least" in screen.error.text()
    screen.passphrase.setText("tulip ferry 9 oboe lantern")
    screen.confirm.setText("tulip ferry 9 oboe lanterns")
    screen.submit()
    assert "different" in screen.error.text()
    screen.confirm.setText("tulip ferry 9 oboe lantern")
    screen.server.setText("recourse.example")
    screen.submit()
    assert "https://" in screen.error.text()
    assert screen.create_button.isEnabled()
