"""The MSI ProductVersion for a project version, or exit 1 saying why it cannot be one.

Windows Installer compares major.minor.build (each part bounded: 255.255.65535); wixl
accepts anything, so a version like ``0.2.0rc1`` or ``256.0.0`` would build an MSI that
upgrades wrongly.
"""

from __future__ import annotations

import re
import sys


def msi_version(version: str) -> str:
    match = re.fullmatch(r"(\d+)\.(\d+)\.(\d+)", version)
    if not match:
        raise ValueError(f"{version!r} is not major.minor.patch (digits only, no suffix)")
    major, minor, build = (int(part) for part in match.groups())
    if major > 255 or minor > 255 or build > 65535:
        raise ValueError(f"{version!r}: major and minor must be at most 255, patch 65535")
    return f"{major}.{minor}.{build}"


if __name__ == "__main__":
    try:
        print(msi_version(sys.argv[1]))
    except ValueError as exc:
        sys.exit(f"build-msi: {exc}")
