"""``recourse --self-test``: does this install hold together? For IT after a deployment.

Without a display or a network it checks the parts a frozen build can lose: SQLCipher (an
encrypted round trip in a throw-away profile), Ed25519 signing, the Qt platform plugin for
this system, the translations and the PDF letters' font; then it prints the settings IT set
and where each came from. Exit status 0 when every check holds, 1 otherwise.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import TextIO

from recourse.ui.settings_registry import REGISTRY, Settings

#: The platform plugin each system needs to show a window.
PLATFORM_PLUGIN = {"win32": "qwindows", "darwin": "qcocoa"}.get(sys.platform, "qxcb")
_MARKER = "recourse-self-test-plaintext"


def check_sqlcipher() -> str:
    from recourse.store import Profile
    from recourse.store.header import MINIMUM_KDF

    with tempfile.TemporaryDirectory(prefix="recourse-self-test-") as folder:
        profile = Profile(Path(folder) / "profile", kdf=MINIMUM_KDF)
        store = profile.create("self-test passphrase")
        store.put_setting("self_test", _MARKER)
        store.close()
        store = profile.unlock("self-test passphrase")
        try:
            value = store.get_setting("self_test", "")
        finally:
            store.close()
        if value != _MARKER:
            raise RuntimeError("the value written did not read back")
        if _MARKER.encode() in profile.database_path.read_bytes():
            raise RuntimeError("the database file holds the value in plain text")
    from sqlcipher3 import dbapi2

    connection = dbapi2.connect(":memory:")
    try:
        version = connection.execute("PRAGMA cipher_version").fetchone()[0]
    finally:
        connection.close()
    return f"encrypted round trip (SQLCipher {version})"


def check_ed25519() -> str:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from recourse.protocol.jws import SignatureInvalid, key_id, sign_compact, verify_compact

    key = Ed25519PrivateKey.generate()
    token = sign_compact(b'{"self_test":true}', key, key_id(key.public_key()))
    verify_compact(token, key.public_key())
    tampered = token[:-2] + ("A" if token[-2] != "A" else "B") + token[-1]
    try:
        verify_compact(tampered, key.public_key())
    except SignatureInvalid:
        return "signed and verified; a changed signature is refused"
    raise RuntimeError("a changed signature verified")


def check_platform_plugin() -> str:
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QPluginLoader

    folders = [*QCoreApplication.libraryPaths(),
               QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)]
    for folder in dict.fromkeys(folders):
        for path in sorted((Path(folder) / "platforms").glob(f"*{PLATFORM_PLUGIN}.*")):
            loader = QPluginLoader(str(path))
            # Loading reads the plugin's metadata and links it; no display is opened.
            if loader.load():
                loader.unload()
                return f"{PLATFORM_PLUGIN} ({path})"
            raise RuntimeError(f"{path} does not load: {loader.errorString()}")
    raise RuntimeError(f"no {PLATFORM_PLUGIN} plugin in {', '.join(dict.fromkeys(folders))}")


def check_translations() -> str:
    from recourse.ui.i18n import catalogues, load_catalogue

    found = sorted(catalogues())
    if not found:
        raise RuntimeError("no translation catalogue (recourse_*.qm) is installed")
    broken = [locale for locale in found if load_catalogue(locale) is None]
    if broken:
        raise RuntimeError(f"cannot load {', '.join(broken)}")
    return ", ".join(found)


def check_pdf_font() -> str:
    from recourse.documents.pdf import BOLD_FONT, REGULAR_FONT, text_pdf

    folder = resources.files("recourse.documents").joinpath("fonts")
    missing = [name for name in (REGULAR_FONT, BOLD_FONT) if not folder.joinpath(name).is_file()]
    if missing:
        raise RuntimeError(f"missing {', '.join(missing)}")
    # A name outside Latin-1 must be drawn with the shipped font, not transliterated.
    pdf = text_pdf("Łukasz Wiśniewski", "Recourse self-test")
    if b"DejaVu" not in pdf:
        raise RuntimeError("letters do not embed the shipped font")
    return f"{REGULAR_FONT}, {BOLD_FONT}"


CHECKS: list[tuple[str, Callable[[], str]]] = [
    ("SQLCipher", check_sqlcipher),
    ("Ed25519", check_ed25519),
    ("Qt platform plugin", check_platform_plugin),
    ("translations", check_translations),
    ("PDF font", check_pdf_font),
]


def it_settings(settings: Settings) -> list[str]:
    """One line per setting IT may set: its effective value and where it came from."""
    lines = []
    for key, setting in REGISTRY.items():
        if not setting.policy:
            continue
        value = settings.policy.get(key, settings.default(setting))
        pinned = " [pinned]" if settings.pinned(setting) else ""
        lines.append(f"  {key} = {value!r}{pinned}  <- {settings.source(setting)}")
    return lines


def run(out: TextIO, version: str, settings: Settings | None = None) -> int:
    print(f"Recourse {version} self-test", file=out)
    failed = 0
    for name, check in CHECKS:
        try:
            detail = check()
        except Exception as exc:  # every failure is reported, and the others still run
            failed += 1
            print(f"FAIL  {name}: {type(exc).__name__}: {exc}", file=out)
        else:
            print(f"ok    {name}: {detail}", file=out)
    print("IT settings (effective value <- where it came from):", file=out)
    for line in it_settings(settings if settings is not None else Settings()):
        print(line, file=out)
    print("all checks passed" if not failed else f"{failed} check(s) FAILED", file=out)
    out.flush()
    return 0 if not failed else 1
