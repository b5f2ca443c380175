"""Settings are declared once; IT policy pins them from a JSON file or the environment."""

from __future__ import annotations

import json

import pytest

from recourse.ui.settings_registry import (
    AUTO_LOCK_MINUTES,
    REGISTRY,
    SERVER_URL,
    Settings,
    load_policy,
)


class DictStore:
    """The two settings methods of the store, on a dict (the real store: see test_settings)."""

    def __init__(self):
        self.values = {}

    def get_setting(self, key, default):
        return self.values.get(key, default)

    def put_setting(self, key, value):
        self.values[key] = value


def test_every_setting_is_declared_with_a_description():
    assert AUTO_LOCK_MINUTES.default == 10
    for key, setting in REGISTRY.items():
        assert setting.key == key and setting.description


def test_policy_file_and_environment(tmp_path):
    path = tmp_path / "policy.json"
    path.write_text(json.dumps({"server_url": "https://a.example", "auto_lock_minutes": "5",
                                "last_screen": "flags", "unknown": 1}))
    policy = load_policy({"RECOURSE_POLICY_FILE": str(path)})
    assert policy == {"server_url": "https://a.example", "auto_lock_minutes": 5}
    policy = load_policy({"RECOURSE_POLICY_FILE": str(path),
                          "RECOURSE_SERVER_URL": "https://b.example"})
    assert policy["server_url"] == "https://b.example"
    assert load_policy({"RECOURSE_POLICY_FILE": str(tmp_path / "missing.json")}) == {}


def test_pinned_setting_overrides_store_and_cannot_be_changed():
    store = DictStore()
    settings = Settings(policy={"server_url": "https://it.example"})
    store.put_setting("server_url", "https://mine.example")
    assert settings.get(store, SERVER_URL) == "https://it.example"
    with pytest.raises(PermissionError):
        settings.put(store, SERVER_URL, "https://other.example")
    settings.put(store, AUTO_LOCK_MINUTES, "7")
    assert settings.get(store, AUTO_LOCK_MINUTES) == 7
    store.put_setting("auto_lock_minutes", "garbage")
    assert settings.get(store, AUTO_LOCK_MINUTES) == 10
