"""IT's settings from the Windows registry, in the order Group Policy expects, read through an
injected registry (the real one is exercised under Wine by packaging/install-test)."""

from __future__ import annotations

import json
import logging

from recourse.ui.settings_registry import (
    AUTO_LOCK_MINUTES,
    BUILT_IN,
    CA_BUNDLE,
    LAST_SCREEN,
    SERVER_KEY_FINGERPRINT,
    SERVER_URL,
    Settings,
)
from recourse.ui.windows_settings import (
    DEFAULTS_KEY,
    HKCU,
    HKLM,
    POLICY_KEY,
    REG_DWORD,
    REG_EXPAND_SZ,
    REG_SZ,
    WinRegistry,
    value_name,
)

REG_BINARY = 3


class FakeRegistry:
    """Values by (hive, key), as winreg's EnumValue gives them: name -> (data, type)."""

    def __init__(self, keys):
        self.keys = keys

    def values(self, hive, key):
        return dict(self.keys.get((hive, key), {}))


class DictStore:
    def __init__(self, values=None):
        self.values = dict(values or {})

    def get_setting(self, key, default):
        return self.values.get(key, default)

    def put_setting(self, key, value):
        self.values[key] = value


def settings(keys, environ=None):
    return Settings(registry=FakeRegistry(keys), environ=environ or {})


def test_value_names_are_the_ones_the_msi_and_admx_write():
    assert value_name("server_url") == "ServerUrl"
    assert value_name("server_key_fingerprint") == "ServerKeyFingerprint"


def test_machine_policy_wins_over_user_policy_over_installer_default_over_officer():
    s = settings({
        (HKLM, POLICY_KEY): {"ServerUrl": ("https://gp-machine.example", REG_SZ)},
        (HKCU, POLICY_KEY): {"ServerUrl": ("https://gp-user.example", REG_SZ),
                             "AutoLockMinutes": (3, REG_DWORD)},
        (HKLM, DEFAULTS_KEY): {"ServerUrl": ("https://msi.example", REG_SZ),
                               "AutoLockMinutes": (20, REG_DWORD),
                               "ServerKeyFingerprint": ("ABCD " * 16, REG_SZ)},
    })
    officer = DictStore({"server_url": "https://mine.example", "auto_lock_minutes": 7})
    assert s.get(officer, SERVER_URL) == "https://gp-machine.example"
    assert s.get(officer, AUTO_LOCK_MINUTES) == 3
    assert s.pinned(SERVER_URL) and s.pinned(AUTO_LOCK_MINUTES)
    assert s.source(SERVER_URL) == r"HKLM\Software\Policies\Recourse (Group Policy, pinned)"
    assert s.source(AUTO_LOCK_MINUTES) == r"HKCU\Software\Policies\Recourse (Group Policy, pinned)"
    # The installer's value is IT's, not pinned: the receipt key trusts it.
    assert not s.pinned(SERVER_KEY_FINGERPRINT)
    assert s.it_value(SERVER_KEY_FINGERPRINT) == ("ABCD " * 16).strip()
    assert s.source(SERVER_KEY_FINGERPRINT) == r"HKLM\Software\Recourse (installer default)"
    assert s.source(CA_BUNDLE) == BUILT_IN and s.it_value(CA_BUNDLE) is None


def test_installer_default_is_the_officers_until_they_change_it():
    s = settings({(HKLM, DEFAULTS_KEY): {"ServerUrl": ("https://msi.example", REG_SZ),
                                         "AutoLockMinutes": ("15", REG_SZ)}})
    officer = DictStore()
    assert s.get(officer, SERVER_URL) == "https://msi.example"
    assert s.get(officer, AUTO_LOCK_MINUTES) == 15
    assert s.get(None, AUTO_LOCK_MINUTES) == 15
    s.put(officer, SERVER_URL, "https://mine.example")  # not pinned: allowed
    assert s.get(officer, SERVER_URL) == "https://mine.example"


def test_group_policy_wins_over_the_environment_and_the_policy_file(tmp_path):
    path = tmp_path / "policy.json"
    path.write_text(json.dumps({"server_url": "https://file.example", "ca_bundle": "C:\\r.pem"}))
    environ = {"RECOURSE_POLICY_FILE": str(path), "RECOURSE_SERVER_URL": "https://env.example"}
    s = settings({(HKLM, POLICY_KEY): {"ServerUrl": ("https://gp.example", REG_SZ)},
                  (HKLM, DEFAULTS_KEY): {"CaBundle": ("C:\\msi.pem", REG_SZ)}}, environ)
    assert s.policy == {"server_url": "https://gp.example", "ca_bundle": "C:\\r.pem"}
    assert s.source(CA_BUNDLE) == f"RECOURSE_POLICY_FILE={path}"
    # The file pinned the CA bundle, so the installer's default for it is not used.
    assert s.it_value(CA_BUNDLE) == "C:\\r.pem"
    env_only = settings({}, {"RECOURSE_SERVER_URL": "https://env.example"})
    assert env_only.policy == {"server_url": "https://env.example"}
    assert env_only.source(SERVER_URL) == "RECOURSE_SERVER_URL"


def test_registry_types_sz_expand_sz_and_dword():
    environ = {"ProgramData": "C:\\ProgramData"}
    s = settings({(HKLM, POLICY_KEY): {
        "CaBundle": ("%PROGRAMDATA%\\Force\\roots.pem", REG_EXPAND_SZ),
        "AutoLockMinutes": (0, REG_DWORD),
        "ServerUrl": ("  https://gp.example  ", REG_SZ),
        "ServerPublicKeyPin": ("%NOT_SET%\\x", REG_EXPAND_SZ),
    }}, environ)
    assert s.policy["ca_bundle"] == "C:\\ProgramData\\Force\\roots.pem"
    assert s.policy["auto_lock_minutes"] == 0  # 0 = never lock: a value, not "unset"
    assert s.policy["server_url"] == "https://gp.example"
    assert s.policy["server_public_key_pin"] == "%NOT_SET%\\x"


def test_bad_values_are_ignored_with_a_warning_naming_them(caplog):
    caplog.set_level(logging.WARNING)
    s = settings({
        (HKLM, POLICY_KEY): {"AutoLockMinutes": ("ten", REG_SZ),
                             "ServerUrl": (b"\x00", REG_BINARY)},
        (HKLM, DEFAULTS_KEY): {"AutoLockMinutes": (12, REG_DWORD),
                               "ServerUrl": ("", REG_SZ)},  # a property the MSI was not given
    })
    assert s.policy == {}
    assert s.defaults == {"auto_lock_minutes": 12}
    assert s.source(SERVER_URL) == BUILT_IN
    assert "AutoLockMinutes" in caplog.text and "'ten' is not a whole number" in caplog.text
    assert "ServerUrl" in caplog.text


def test_settings_it_may_not_pin_are_never_read_from_the_registry():
    s = settings({(HKLM, POLICY_KEY): {"LastScreen": ("flags", REG_SZ)}})
    assert not s.pinned(LAST_SCREEN) and s.policy == {}


def test_an_unreadable_key_counts_as_none(caplog):
    class Denied(FakeRegistry):
        def values(self, hive, key):
            if hive == HKLM and key == POLICY_KEY:
                raise PermissionError("access denied")
            return super().values(hive, key)

    s = Settings(registry=Denied({(HKCU, POLICY_KEY): {"ServerUrl": ("https://u.example",
                                                                     REG_SZ)}}), environ={})
    assert s.policy == {"server_url": "https://u.example"}
    assert "cannot read" in caplog.text


def test_the_real_registry_reads_nothing_off_windows():
    assert WinRegistry().values(HKLM, POLICY_KEY) == {}
