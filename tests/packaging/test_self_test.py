"""`recourse --version` and `recourse --self-test`, as IT runs them after a deployment (the
frozen Recourse.exe runs the same under Wine in packaging/install-test)."""

from __future__ import annotations

import io
import os
import subprocess
import sys

from recourse.ui import selftest
from recourse.ui.settings_registry import Settings
from recourse.ui.windows_settings import DEFAULTS_KEY, HKLM, POLICY_KEY, REG_DWORD, REG_SZ


def run_recourse(*args, env=None):
    environ = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run([sys.executable, "-m", "recourse", *args], capture_output=True,
                          text=True, timeout=120, env=environ, check=False)


def test_version_prints_the_installed_version():
    from importlib.metadata import version

    done = run_recourse("--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"Recourse {version('recourse')}"


def test_self_test_passes_and_says_where_it_settings_came_from():
    done = run_recourse("--self-test", env={"RECOURSE_SERVER_URL": "https://it.example"})
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    for check in ("SQLCipher", "Ed25519", "Qt platform plugin", "translations", "PDF font"):
        assert any(line.startswith(f"ok    {check}:") for line in lines), check
    assert "  server_url = 'https://it.example' [pinned]  <- RECOURSE_SERVER_URL" in lines
    assert "  auto_lock_minutes = 10  <- built-in default" in lines
    assert lines[-1] == "all checks passed"


class Registry:
    def __init__(self, keys):
        self.keys = keys

    def values(self, hive, key):
        return self.keys.get((hive, key), {})


def test_self_test_reports_registry_sources():
    settings = Settings(registry=Registry({
        (HKLM, POLICY_KEY): {"AutoLockMinutes": (5, REG_DWORD)},
        (HKLM, DEFAULTS_KEY): {"ServerUrl": ("https://msi.example", REG_SZ)},
    }), environ={})
    lines = selftest.it_settings(settings)
    assert ("  auto_lock_minutes = 5 [pinned]  <- "
            r"HKLM\Software\Policies\Recourse (Group Policy, pinned)") in lines
    assert ("  server_url = 'https://msi.example'  <- "
            r"HKLM\Software\Recourse (installer default)") in lines


def test_a_failing_check_fails_the_self_test_and_the_others_still_run(monkeypatch):
    def lost_font():
        raise RuntimeError("missing DejaVuSans.ttf")

    monkeypatch.setattr(selftest, "CHECKS", [("PDF font", lost_font),
                                             ("Ed25519", selftest.check_ed25519)])
    out = io.StringIO()
    assert selftest.run(out, "0.0.0", Settings(policy={})) == 1
    text = out.getvalue()
    assert "FAIL  PDF font: RuntimeError: missing DejaVuSans.ttf" in text
    assert "ok    Ed25519:" in text
    assert text.splitlines()[-1] == "1 check(s) FAILED"
