"""The app's translations: every ``recourse_<locale>.qm`` in this package's `translations`
folder, read with `importlib.resources`, so a wheel, a frozen build and a source checkout
all find them. The sources (``.ts``) live in resources/translations.

Qt ships no Welsh catalogue for its own strings (dialog buttons, context menus, the file
dialog), so ``qt_<locale>.qm`` beside ours provides them and is installed with it.

The language is the officer's choice in Settings (``LANGUAGE``; IT may pin it), else the
system's. Switching installs the other catalogues; Qt then sends every widget
`QEvent.LanguageChange`, which the window answers by rebuilding its screens in place
(`recourse.ui.language`)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTranslator

FALLBACK = "en_GB"
#: The languages an officer can choose, each named in itself.
LANGUAGES = {"en_GB": "English", "cy": "Cymraeg"}


def _folder() -> Traversable:
    return resources.files("recourse.ui").joinpath("translations")


def catalogues(prefix: str = "recourse_") -> dict[str, Traversable]:
    """Every shipped catalogue, by locale name (``en_GB``, ``cy``…)."""
    folder = _folder()
    found: dict[str, Traversable] = {}
    if folder.is_dir():
        for entry in folder.iterdir():
            name = entry.name
            if name.startswith(prefix) and name.endswith(".qm") and entry.is_file():
                found[name[len(prefix):-len(".qm")]] = entry
    return found


def choose(available: Sequence[str], ui_languages: Sequence[str]) -> str | None:
    """The catalogue for the first of the user's languages we have (``cy-GB`` takes
    ``cy_GB``, else ``cy``), else the British English one, else none."""
    for language in ui_languages:
        code = language.replace("-", "_")
        for candidate in (code, code.split("_")[0]):
            if candidate in available:
                return candidate
    return FALLBACK if FALLBACK in available else None


@contextlib.contextmanager
def catalogue_file(locale: str, prefix: str = "recourse_") -> Iterator[Path]:
    with resources.as_file(catalogues(prefix)[locale]) as path:
        yield path


def load_catalogue(locale: str, parent: QObject | None = None,
                   prefix: str = "recourse_") -> QTranslator | None:
    translator = QTranslator(parent)
    with catalogue_file(locale, prefix) as path:
        # QTranslator reads the whole file in load(), so a temporary copy may go after.
        return translator if translator.load(str(path)) else None


class _Installed:
    """The translators now installed, and their language."""

    locale: str | None = None
    translators: list[QTranslator] = []  # noqa: RUF012 - replaced whole, never mutated


def system_language() -> str | None:
    return choose(sorted(catalogues()), QLocale().uiLanguages())


def current_language() -> str | None:
    """The language installed now (None before any is)."""
    return _Installed.locale


def set_language(app: QObject, choice: str = "") -> str | None:
    """Install the catalogues of `choice` (``en_GB``, ``cy``; empty or unknown: the
    system's). Nothing happens if it is installed already, so no widget rebuilds for
    nothing. Returns the language now installed."""
    available = sorted(catalogues())
    locale = choice if choice in available else system_language()
    if locale is None or locale == _Installed.locale:
        return _Installed.locale
    translators = []
    for prefix in ("qt_", "recourse_"):
        if locale in catalogues(prefix):
            translator = load_catalogue(locale, app, prefix)
            if translator is not None:
                translators.append(translator)
    for old in _Installed.translators:
        QCoreApplication.removeTranslator(old)
    for translator in translators:
        QCoreApplication.installTranslator(translator)
    _Installed.locale, _Installed.translators = locale, translators
    QLocale.setDefault(QLocale(locale))
    return locale


def load_translations(app: QObject, choice: str = "") -> QTranslator | None:
    """Install the catalogue for `choice`, else the user's languages; None if no
    catalogue loads."""
    set_language(app, choice)
    return _Installed.translators[-1] if _Installed.translators else None
