"""Refresh the catalogues from the sources, compile them, and list what Welsh lacks.

    .venv/bin/python resources/translations/refresh.py

1. pyside6-lupdate reads desktop/recourse/ui and updates recourse_en_GB.ts and
   recourse_cy.ts (new texts arrive in cy as unfinished; texts gone are dropped);
2. pyside6-lrelease compiles them, and qt_cy.ts, into desktop/recourse/ui/translations;
3. every cy entry without a finished translation is printed (context, then source):
   translate them in recourse_cy.ts (Qt Linguist, or by hand: fill <translation> and
   remove type="unfinished"), then run this again. Exit status 1 while any remain.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = ROOT / "resources" / "translations"
OUT = ROOT / "desktop" / "recourse" / "ui" / "translations"


def tool(name: str) -> str:
    local = Path(sys.executable).parent / name
    found = str(local) if local.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install the dev extras (pip install -e '.[dev]')")
    return found


def untranslated(ts: Path) -> list[tuple[str, str]]:
    tree = ET.parse(ts)  # noqa: S314 - our own catalogue
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if (translation is None or translation.get("type") in ("unfinished", "obsolete")
                    or not (translation.text or "").strip()):
                missing.append((name, message.findtext("source") or ""))
    return missing


def main() -> int:
    sources = sorted(str(p) for p in (ROOT / "desktop" / "recourse" / "ui").rglob("*.py"))
    for locale in ("en_GB", "cy"):
        subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", "-target-language", locale,
                        *sources, "-ts", str(HERE / f"recourse_{locale}.ts")], check=True)
    for ts in ("recourse_en_GB", "recourse_cy", "qt_cy"):
        subprocess.run([tool("pyside6-lrelease"), str(HERE / f"{ts}.ts"),
                        "-qm", str(OUT / f"{ts}.qm")], check=True)
    missing = untranslated(HERE / "recourse_cy.ts")
    for context, source in missing:
        print(f"{context}\t{source!r}")
    print(f"{len(missing)} Welsh entries untranslated", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
