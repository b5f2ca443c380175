"""Shared by every test directory; keep it minimal. Directories add their own fixtures."""

from __future__ import annotations

import sys
from pathlib import Path

# So any test can `from tests.support.server import start_server`.
_REPO = str(Path(__file__).resolve().parent.parent)
if _REPO not in sys.path:
    sys.path.insert(0, _REPO)
