"""The `recourse` command: the desktop client.

    recourse                      the profile in the user's data folder
    recourse --profile DIR        another profile folder
    recourse --demo [--as NAME]   start the reference server with demo data and sign in
    recourse --demo --screenshots DIR   render each screen to PNG files and exit

IT may pin the server address with RECOURSE_SERVER_URL or a JSON policy file named by
RECOURSE_POLICY_FILE (see recourse.ui.settings_registry).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="recourse", description=__doc__.split("\n\n")[0])
    parser.add_argument("--profile", type=Path, help="profile folder (default: user data)")
    parser.add_argument("--demo", action="store_true",
                        help="start the reference server with demo data and sign in")
    parser.add_argument("--as", dest="account", metavar="NAME",
                        help="demo account to sign in as")
    parser.add_argument("--screenshots", type=Path, metavar="DIR",
                        help="with --demo: save each screen as PNG in DIR and exit")
    args = parser.parse_args(argv)
    if args.screenshots and not args.demo:
        parser.error("--screenshots needs --demo")
    if args.account and not args.demo:
        parser.error("--as needs --demo")
    return args


def load_translations(app: object) -> object | None:
    from PySide6.QtCore import QLocale, QTranslator

    translator = QTranslator(app)  # type: ignore[arg-type]
    folder = Path(__file__).resolve().parents[2] / "resources" / "translations"
    if translator.load(QLocale(), "recourse", "_", str(folder)) or translator.load(
            str(folder / "recourse_en_GB.qm")):
        app.installTranslator(translator)  # type: ignore[attr-defined]
        return translator
    return None


def main(argv: list[str] | None = None) -> int:
    raw = sys.argv[1:] if argv is None else argv
    if raw[:1] == ["verify"]:  # `recourse verify BUNDLE.zip`: offline, no Qt, no store
        from recourse.cli.verify import verify_main

        return verify_main(raw[1:])
    args = parse_args(argv)
    logging.basicConfig(level=os.environ.get("RECOURSE_LOG", "WARNING"),
                        format="%(levelname)s %(name)s: %(message)s")
    if args.screenshots and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    app.setApplicationName("Recourse")
    app.setOrganizationName("Recourse")
    load_translations(app)
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
