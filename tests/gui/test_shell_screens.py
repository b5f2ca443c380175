"""Building the workspace: every screen is part of the app, so one that cannot be
imported or built fails loudly instead of standing in as a placeholder."""

from __future__ import annotations

from pathlib import Path

import pytest

from recourse.store import Profile
from recourse.ui import main_window
from recourse.ui.app import AppContext, Session
from recourse.ui.settings_registry import Settings


def _window(qtbot, tmp_path: Path) -> main_window.MainWindow:
    context = AppContext(settings=Settings(policy={}), profile_folder=tmp_path)
    window = main_window.MainWindow(context, Profile(tmp_path / "profile"), Session(context))
    qtbot.addWidget(window)
    return window


def test_a_screen_that_cannot_be_imported_fails_the_build(qtbot, tmp_path, monkeypatch):
    screens = (("overview", "recourse.ui.screens.no_such_screen", "OverviewScreen"),
               *main_window.SCREENS[1:])
    monkeypatch.setattr(main_window, "SCREENS", screens)
    window = _window(qtbot, tmp_path)
    with pytest.raises(ModuleNotFoundError, match="no_such_screen"):
        window.build_screens()
    assert window.screens == {}


def test_a_screen_class_that_is_missing_fails_the_build(qtbot, tmp_path, monkeypatch):
    screens = (("overview", "recourse.ui.screens.overview", "NoSuchScreen"),
               *main_window.SCREENS[1:])
    monkeypatch.setattr(main_window, "SCREENS", screens)
    window = _window(qtbot, tmp_path)
    with pytest.raises(AttributeError, match="NoSuchScreen"):
        window.build_screens()


def test_every_screen_is_built_as_its_own_class(qtbot, tmp_path):
    window = _window(qtbot, tmp_path)
    window.build_screens()
    assert list(window.screens) == [key for key, _module, _cls in main_window.SCREENS] + [
        "caseload", "member"]  # a representative's, hidden for an officer
    for key, _module, class_name in main_window.SCREENS:
        assert type(window.screens[key]).__name__ == class_name
    window.context.workers.wait_idle(10_000)
