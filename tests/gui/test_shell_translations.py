"""The translation catalogue holds every user-visible string of desktop/recourse/ui.

Regenerate after changing strings:
    .venv/bin/pyside6-lupdate $(find desktop/recourse/ui -name '*.py' | sort) \
        -ts resources/translations/recourse_en_GB.ts
    .venv/bin/pyside6-lrelease resources/translations/recourse_en_GB.ts \
        -qm desktop/recourse/ui/translations/recourse_en_GB.qm

The compiled catalogues are package data (recourse/ui/translations), found with
importlib.resources by a wheel, a frozen build and a checkout alike.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "resources" / "translations" / "recourse_en_GB.ts"


def _pairs(path: Path) -> set[tuple[str, str]]:
    tree = ET.parse(path)  # noqa: S314 - our own generated file
    pairs = set()
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            pairs.add((name, message.findtext("source") or ""))
    return pairs


def test_catalogue_has_every_source_string(tmp_path):
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists():
        found = shutil.which("pyside6-lupdate")
        if found is None:
            pytest.skip("pyside6-lupdate not installed")
        lupdate = Path(found)
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "desktop" / "recourse" / "ui").rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)],
                   check=True, capture_output=True, timeout=120)
    assert len(_pairs(fresh)) > 100  # lupdate really read the sources
    missing = _pairs(fresh) - _pairs(CATALOGUE)
    assert not missing, (f"{len(missing)} strings missing from {CATALOGUE.name}, e.g. "
                         f"{sorted(missing)[:5]}; rerun pyside6-lupdate (see module docstring)")


def test_shell_strings_are_in_the_catalogue():
    pairs = _pairs(CATALOGUE)
    assert ("UnlockScreen", "Recourse is locked") in pairs
    assert ("SignInScreen", "Finish signing in in your browser…") in pairs
    assert (ROOT / "desktop" / "recourse" / "ui" / "translations" / "recourse_en_GB.qm").exists()


def test_every_shipped_catalogue_is_found_as_package_data_and_loads(qapp):
    from recourse.ui.i18n import catalogues, load_catalogue

    found = catalogues()
    assert "en_GB" in found
    for locale in found:
        assert load_catalogue(locale) is not None, locale


def test_the_users_language_chooses_the_catalogue():
    from recourse.ui.i18n import choose

    assert choose(["cy", "en_GB"], ["cy-GB", "en-GB"]) == "cy"
    assert choose(["cy", "en_GB"], ["fr-FR"]) == "en_GB"
    assert choose(["cy_GB", "cy", "en_GB"], ["cy-GB"]) == "cy_GB"
    assert choose([], ["en-GB"]) is None


def test_texts_of_module_translate_helpers_are_in_the_catalogue():
    """lupdate cannot see `_tr("…")` (a module's own helper naming no context): each such
    text must also be listed with QT_TRANSLATE_NOOP, or it is never translated."""
    import ast

    sources = {text for _context, text in _pairs(CATALOGUE)}
    missing = []
    for path in sorted((ROOT / "desktop" / "recourse" / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("_tr", "tr") and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                    and node.args[0].value not in sources):
                missing.append(f"{path.name}: {node.args[0].value!r}")
    assert not missing, missing
