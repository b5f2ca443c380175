"""The `recourse` command: the desktop client.

    recourse                      the profile in the user's data folder
    recourse --profile DIR        another profile folder
    recourse --demo [--as NAME]   start the reference server with demo data and sign in
    recourse --demo --screenshots DIR   render each screen to PNG files and exit
    recourse --version            print the version and exit
    recourse --self-test          check this install (no display or network needed); exit 0 if sound
    recourse verify BUNDLE.zip    check an evidence bundle offline
    recourse log audit --server URL   check the force's log of receipts with this profile

IT sets settings by Group Policy or the MSI's properties on Windows, or with
RECOURSE_SERVER_URL or a JSON policy file named by RECOURSE_POLICY_FILE (see
recourse.ui.settings_registry).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import TextIO


def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed_version

    try:
        return installed_version("recourse")
    except PackageNotFoundError:  # a source tree on sys.path, never installed
        return "unknown"


def console_output() -> TextIO:
    """Where --version and --self-test print. Recourse.exe is a windowed program, which
    Windows starts with no console: output redirected to a file or pipe arrives as usual,
    and otherwise the text goes to the console of the command prompt that started it."""
    if sys.stdout is not None:
        return sys.stdout
    if sys.platform == "win32":
        import ctypes

        if ctypes.windll.kernel32.AttachConsole(-1):  # ATTACH_PARENT_PROCESS
            return open("CONOUT$", "w", encoding="utf-8")  # open until the process exits
    return open(os.devnull, "w", encoding="utf-8")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="recourse", description=__doc__.split("\n\n")[0])
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument("--self-test", action="store_true",
                        help="check this install without a display or network; exit 0 if sound")
    parser.add_argument("--profile", type=Path, help="profile folder (default: user data)")
    parser.add_argument("--demo", action="store_true",
                        help="start the reference server with demo data and sign in")
    parser.add_argument("--as", dest="account", metavar="NAME",
                        help="demo account to sign in as")
    parser.add_argument("--language", choices=("en_GB", "cy"),
                        help="language to start in (default: as IT set it, else the system's)")
    parser.add_argument("--screenshots", type=Path, metavar="DIR",
                        help="with --demo: save each screen as PNG in DIR and exit")
    args = parser.parse_args(argv)
    if args.screenshots and not args.demo:
        parser.error("--screenshots needs --demo")
    if args.account and not args.demo:
        parser.error("--as needs --demo")
    return args


def main(argv: list[str] | None = None) -> int:
    raw = sys.argv[1:] if argv is None else argv
    if raw[:1] == ["verify"]:  # `recourse verify BUNDLE.zip`: offline, no Qt, no store
        from recourse.cli.verify import verify_main

        return verify_main(raw[1:])
    if raw[:1] == ["log"]:  # `recourse log audit --server URL`: the force's log of receipts
        from recourse.cli.log_audit import log_main

        return log_main(raw[1:])
    args = parse_args(argv)
    if args.version:
        print(f"Recourse {version()}", file=console_output(), flush=True)
        return 0
    if args.self_test:
        from recourse.ui.selftest import run

        return run(console_output(), version())
    logging.basicConfig(level=os.environ.get("RECOURSE_LOG", "WARNING"),
                        format="%(levelname)s %(name)s: %(message)s")
    if args.screenshots and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    app.setApplicationName("Recourse")
    app.setOrganizationName("Recourse")
    from recourse.ui.i18n import load_translations
    from recourse.ui.settings_registry import LANGUAGE, Settings

    # IT's pin wins; the officer's own choice is read once the store is unlocked.
    settings = Settings()
    load_translations(app, settings.it_value(LANGUAGE) if settings.pinned(LANGUAGE)
                      else args.language or settings.get(None, LANGUAGE))
    from recourse.ui.messages import install_excepthook

    install_excepthook(show=not args.screenshots)
    if args.demo:
        from recourse.ui.demo import run_demo

        return run_demo(app, account=args.account, screenshots=args.screenshots)
    return run_normal(app, args.profile)


def run_normal(app: object, folder: Path | None) -> int:
    from recourse.store import Profile
    from recourse.ui.app import AppContext, Session
    from recourse.ui.main_window import MainWindow

    profile = Profile(folder or Profile.default_folder())
    context = AppContext(profile_folder=profile_folder(profile, folder))
    window = MainWindow(context, profile, Session(context))
    window.start()
    window.show()
    return int(app.exec())  # type: ignore[attr-defined]


def profile_folder(profile: object, folder: Path | None) -> Path | None:
    return folder or getattr(profile, "folder", None)


if __name__ == "__main__":
    sys.exit(main())
