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


def test_guessable_passphrases_that_look_complex_are_refused_in_plain_words():
    # Each has upper and lower case, digits and symbols, and is among the first things
    # an attacker's dictionary tries.
    for weak in ("P@ssw0rd2024", "Summer2024!!", "Qwerty12345!", "Police2024!!",
                 "Recourse123!", "aaaaaaaaaaaaaaaa", "1qaz2wsx3edc"):
        problem = strength_problem(weak)
        assert problem is not None, weak
        assert problem.startswith("Too easy to guess"), problem
    said = strength_problem("P@ssw0rd2024")
    assert said is not None and "commonly used password" in said  # zxcvbn's advice
    for strong in ("tulip ferry 9 oboe lantern", "correct horse battery staple 42",
                   "gravel quince mitten 7 harbour"):
        assert strength_problem(strong) is None, strong


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
