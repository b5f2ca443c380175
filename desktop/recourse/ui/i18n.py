"""The app's translations: every ``recourse_<locale>.qm`` in this package's `translations`
folder, read with `importlib.resources`, so a wheel, a frozen build and a source checkout
all find them. The sources (``.ts``) live in resources/translations."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, QTranslator

FALLBACK = "en_GB"


def catalogues() -> dict[str, Traversable]:
    """Every shipped catalogue, by locale name (``en_GB``, ``cy``…)."""
    folder = resources.files("recourse.ui").joinpath("translations")
    found: dict[str, Traversable] = {}
    if folder.is_dir():
        for entry in folder.iterdir():
            name = entry.name
            if name.startswith("recourse_") and name.endswith(".qm") and entry.is_file():
                found[name[len("recourse_"):-len(".qm")]] = entry
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
def catalogue_file(locale: str) -> Iterator[Path]:
    with resources.as_file(catalogues()[locale]) as path:
        yield path


def load_catalogue(locale: str, parent: QObject | None = None) -> QTranslator | None:
    translator = QTranslator(parent)
    with catalogue_file(locale) as path:
        # QTranslator reads the whole file in load(), so a temporary copy may go after.
        return translator if translator.load(str(path)) else None


def load_translations(app: QObject) -> QTranslator | None:
    """Install the catalogue for the user's languages; None if no catalogue loads."""
    from PySide6.QtCore import QCoreApplication

    locale = choose(sorted(catalogues()), QLocale().uiLanguages())
    if locale is None:
        return None
    translator = load_catalogue(locale, app)
    if translator is not None:
        QCoreApplication.installTranslator(translator)
    return translator
