"""Welsh (Cymraeg): every text the officer reads has a finished translation that keeps
its placeholders, Qt's own strings are there too, and switching language while Recourse
runs keeps the officer on the same screen, at the same place.

To list what Welsh lacks after new texts arrive: resources/translations/refresh.py.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWizard
from tests.gui.conftest import build_window, close_window, first_run_through_ui

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
WELSH = TRANSLATIONS / "recourse_cy.ts"
QT_WELSH = TRANSLATIONS / "qt_cy.ts"
COMPILED = ROOT / "desktop" / "recourse" / "ui" / "translations"
#: Qt's own strings an officer meets: dialog and wizard buttons, text context menus,
#: message boxes, the file dialog.
QT_CONTEXTS = {"QPlatformTheme", "QDialogButtonBox", "QWidgetTextControl", "QLineEdit",
               "QMessageBox", "QFileDialog", "QWizard", "QAbstractSpinBox"}


def messages(path: Path) -> Iterator[tuple[str, str, ET.Element]]:
    tree = ET.parse(path)  # noqa: S314 - our own catalogue
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message.findtext("source") or "", message


def tool(name: str) -> Path:
    local = Path(sys.executable).parent / name
    if local.exists():
        return local
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} not installed")
    return Path(found)


def unfinished(message: ET.Element) -> bool:
    translation = message.find("translation")
    return (translation is None or translation.get("type") in ("unfinished", "obsolete")
            or not (translation.text or "").strip())


def test_every_source_text_has_a_finished_welsh_translation(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "desktop" / "recourse" / "ui").rglob("*.py"))
    subprocess.run([str(tool("pyside6-lupdate")), *sources, "-ts", str(fresh)],
                   check=True, capture_output=True, timeout=120)
    wanted = {(c, s) for c, s, _m in messages(fresh)}
    assert len(wanted) > 800
    welsh = {(c, s): m for c, s, m in messages(WELSH)}
    missing = sorted(wanted - set(welsh))
    assert not missing, (f"{len(missing)} texts not in recourse_cy.ts, e.g. {missing[:5]}: "
                         "run resources/translations/refresh.py and translate them")
    left = sorted(key for key in wanted if unfinished(welsh[key]))
    assert not left, f"{len(left)} Welsh translations unfinished, e.g. {left[:5]}"


PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%[0-9nLpvm]|</?[a-zA-Z][^>]*>|\\n|\n")


def accelerators(text: str) -> int:
    return len(re.findall(r"&(?!&|[a-z]+;)\S", text.replace("&&", "")))


@pytest.mark.parametrize("path", [WELSH, QT_WELSH], ids=lambda p: p.name)
def test_every_placeholder_tag_and_accelerator_is_kept(path):
    wrong = []
    for context, source, message in messages(path):
        text = message.findtext("translation") or ""
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            wrong.append((context, source, text))
        elif accelerators(source) != accelerators(text):
            wrong.append((context, source, text))
    assert not wrong, wrong[:5]


def test_qt_strings_have_welsh_and_every_catalogue_is_compiled(tmp_path):
    contexts = {c for c, _s, _m in messages(QT_WELSH)}
    assert QT_CONTEXTS <= contexts
    assert not [s for _c, s, m in messages(QT_WELSH) if unfinished(m)]
    for name in ("recourse_cy", "qt_cy", "recourse_en_GB"):
        out = tmp_path / f"{name}.qm"
        subprocess.run([str(tool("pyside6-lrelease")), str(TRANSLATIONS / f"{name}.ts"),
                        "-qm", str(out)], check=True, capture_output=True, timeout=60)
        assert out.read_bytes() == (COMPILED / f"{name}.qm").read_bytes(), (
            f"{name}.qm is older than {name}.ts: run resources/translations/refresh.py")


@pytest.fixture
def welsh(qapp) -> Iterator[None]:
    from recourse.ui.i18n import set_language

    set_language(qapp, "cy")
    yield
    set_language(qapp, "en_GB")


def test_qt_buttons_speak_welsh(welsh):
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                           | QDialogButtonBox.StandardButton.Cancel)
    texts = {button.text() for button in box.buttons()}
    assert texts == {"Iawn", "Canslo"}
    wizard = QWizard()
    assert wizard.buttonText(QWizard.WizardButton.CancelButton) == "Canslo"
    assert "Nesaf" in wizard.buttonText(QWizard.WizardButton.NextButton)


def test_the_system_language_is_followed_and_a_choice_wins(qapp, monkeypatch):
    from PySide6.QtCore import QLocale

    from recourse.ui import i18n

    monkeypatch.setattr(QLocale, "uiLanguages", lambda self: ["cy-GB", "en-GB"])
    try:
        assert i18n.set_language(qapp, "") == "cy"
        assert QApplication.translate("WorkspacePage", "Settings") == "Gosodiadau"
        assert i18n.set_language(qapp, "en_GB") == "en_GB"
        assert QApplication.translate("WorkspacePage", "Settings") == "Settings"
    finally:
        i18n.set_language(qapp, "en_GB")


@pytest.fixture
def window(qtbot: Any, profile: Any, server: Any) -> Iterator[Any]:
    from recourse.ui.i18n import set_language

    window = build_window(qtbot, profile, server)
    window.resize(1280, 800)
    first_run_through_ui(qtbot, window, server.url)
    yield window
    set_language(QApplication.instance(), "en_GB")
    close_window(window)


def test_switching_to_welsh_live_keeps_the_screen_and_the_place(qtbot, window):
    from recourse.ui.settings_registry import LANGUAGE

    my_data = window.screens["my-data"]
    window.show_screen("my-data")
    my_data.category_box.setCurrentIndex(my_data.category_box.findData("absences"))
    qtbot.waitUntil(lambda: my_data.model.rowCount() > 2, timeout=10_000)
    my_data.view.selectRow(2)
    chosen = my_data.model.record_at(2).id
    window.show_screen("settings")
    settings = window.screens["settings"]
    language = settings.language
    language.setFocus()
    language.setCurrentIndex(language.findData("cy"))

    qtbot.waitUntil(lambda: window.screens.get("settings") is not settings, timeout=10_000)
    assert window.context.setting(LANGUAGE) == "cy"
    assert window.current_screen_key() == "settings"
    assert window.screen_stack.currentWidget() is window.screens["settings"]
    assert [window.nav.item(r).text() for r in range(window.nav.count())
            if not window.nav.item(r).isHidden()] == [
        "Trosolwg", "Fflagiau", "Fy nata", "Log mynediad", "Ceisiadau", "Gosodiadau"]
    assert window.status.lock_button.text() == "Cloi"
    assert window.screens["settings"].language.currentData() == "cy"
    assert QApplication.focusWidget() is window.screens["settings"].language
    rebuilt = window.screens["my-data"]
    assert rebuilt is not my_data
    assert rebuilt.current_category() == "absences"
    row = rebuilt.view.currentIndex().row()
    assert rebuilt.model.record_at(row).id == chosen

    # Back to English the same way; the lock screen follows too.
    window.screens["settings"].language.setCurrentIndex(
        window.screens["settings"].language.findData("en_GB"))
    qtbot.waitUntil(lambda: window.nav.item(0).text() == "Overview", timeout=10_000)
    assert window.current_screen_key() == "settings"
    assert window.unlock_screen.title.text() == "Recourse is locked"


def test_the_wizards_name_the_rights_in_welsh(qtbot, welsh):
    from types import SimpleNamespace

    from recourse.ui.dialogs.challenge.wizard import GroundsPage
    from recourse.ui.dialogs.sar.wizard import ItemsPage

    stub: Any = SimpleNamespace(changed=lambda: None, member_name=None)  # the officer's own
    grounds = GroundsPage(stub)
    qtbot.addWidget(grounds)
    assert grounds.boxes["rectification"].text() == "&1 Mae'r data'n anghywir"
    assert "GDPR y DU Erth. 16" in grounds.boxes["rectification"].accessibleDescription()
    items = ItemsPage(stub)
    qtbot.addWidget(items)
    assert items.items["complaint"].text() == (
        "Fy hawl i gwyno i'r Comisiynydd Gwybodaeth (GDPR y DU Erth. 15(1)(f))")
    assert items.formats["paper"].text() == "Ar bapur"
