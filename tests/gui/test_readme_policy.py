"""The README's table for force IT names every setting IT can pin, and only those."""

from __future__ import annotations

import re
from pathlib import Path

from recourse.ui.settings_registry import REGISTRY

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_lists_every_policy_setting():
    text = README.read_text(encoding="utf-8")
    section = text.split("## For force IT: settings by policy", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.MULTILINE))
    policy_keys = {key for key, setting in REGISTRY.items() if setting.policy}
    assert documented == policy_keys
