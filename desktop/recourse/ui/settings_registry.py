"""Every per-profile setting, declared once.

Values live in the encrypted store (`Store.get_setting/put_setting`), never in
QSettings. IT may set settings marked ``policy=True`` for a whole force; the first of these
that holds a value wins:

* on Windows, Group Policy: ``HKLM`` then ``HKCU\\Software\\Policies\\Recourse`` (pinned);
* ``RECOURSE_SERVER_URL`` — the server address alone (pinned);
* ``RECOURSE_POLICY_FILE`` — path to a JSON object, e.g. ``{"server_url": "https://…"}``
  (pinned);
* on Windows, ``HKLM\\Software\\Recourse``, written by the MSI: a default the officer may
  change (`recourse.ui.windows_settings`);
* then the officer's own value, then the built-in default.

The server's TLS trust (``ca_bundle``, ``server_public_key_pin``) is IT's to set: the
officer has no control for it.

A pinned value overrides the store and the officer cannot change it in Settings.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from recourse.ui.windows_settings import Registry, WinRegistry, read_registry

log = logging.getLogger(__name__)

POLICY_FILE_ENV = "RECOURSE_POLICY_FILE"
BUILT_IN = "built-in default"
SERVER_URL_ENV = "RECOURSE_SERVER_URL"


class SettingsStore(Protocol):
    def get_setting(self, key: str, default: Any) -> Any: ...
    def put_setting(self, key: str, value: object) -> None: ...


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    description: str
    policy: bool  # whether IT policy may set it

    def coerce(self, value: object) -> Any:
        """The value as this setting's type, or the default if it cannot be one."""
        if isinstance(value, self.type) and not (self.type is int and isinstance(value, bool)):
            return value
        try:
            if self.type is bool:
                return str(value).strip().lower() in {"1", "true", "yes", "on"}
            return self.type(value)
        except (TypeError, ValueError):
            return self.default


SERVER_URL = Setting("server_url", str, "", "Address of your force's Recourse server.", True)
AUTO_LOCK_MINUTES = Setting(
    "auto_lock_minutes", int, 10, "Lock Recourse after this many idle minutes (0 = never).", True
)
LAST_SCREEN = Setting("last_screen", str, "overview", "The screen shown after unlocking.", False)
# Forces whose server certificate does not chain to a public CA ship their own root;
# without this setting such a force would need its root in every PC's system store.
CA_BUNDLE = Setting(
    "ca_bundle", str, "",
    "PEM file of the certificate authorities to trust for the server, instead of the "
    "operating system's trust store.", True,
)
SERVER_PUBLIC_KEY_PIN = Setting(
    "server_public_key_pin", str, "",
    "SHA-256 of the server certificate's public key (base64 or hex); any other key is "
    "refused even if its certificate is trusted.", True,
)
# The trust root for the force's receipts: without it the key is trusted on first use,
# after the officer has seen its fingerprint.
SERVER_KEY_FINGERPRINT = Setting(
    "server_key_fingerprint", str, "",
    "Fingerprint (16 groups of 4 hex digits, any spacing) or key id of the force's "
    "receipt-signing key; receipts signed with any other key are refused.", True,
)

# A sign-in service whose discovery document names token, key or revocation endpoints on
# another host is refused unless IT names that host here: otherwise whoever controls the
# document could have the sign-in code and refresh tokens sent anywhere.
SIGN_IN_ENDPOINT_ORIGINS = Setting(
    "sign_in_endpoint_origins", str, "",
    "Other addresses (https://host[:port], separated by spaces or commas) that the sign-in "
    "service's configuration may send its token, key and revocation requests to.", True,
)

# The Welsh Language Standards let a force make Welsh the default on its PCs.
LANGUAGE = Setting(
    "language", str, "",
    "The language of Recourse: en_GB (English) or cy (Cymraeg); empty follows the "
    "system's language.", True,
)

REGISTRY: dict[str, Setting] = {
    s.key: s for s in (SERVER_URL, AUTO_LOCK_MINUTES, LAST_SCREEN, CA_BUNDLE,
                       SERVER_PUBLIC_KEY_PIN, SERVER_KEY_FINGERPRINT,
                       SIGN_IN_ENDPOINT_ORIGINS, LANGUAGE)
}


def load_policy(environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The settings IT pinned, keyed by setting key; unknown or non-policy keys dropped."""
    env = os.environ if environ is None else environ
    pinned: dict[str, Any] = {}
    path = env.get(POLICY_FILE_ENV)
    if path:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            log.warning("policy file unreadable: %s", type(exc).__name__)
            data = {}
        if isinstance(data, dict):
            for key, value in data.items():
                setting = REGISTRY.get(key)
                if setting is not None and setting.policy:
                    pinned[key] = setting.coerce(value)
    if env.get(SERVER_URL_ENV):
        pinned[SERVER_URL.key] = env[SERVER_URL_ENV]
    return pinned


def policy_sources(environ: Mapping[str, str]) -> dict[str, str]:
    """Where each setting `load_policy` pinned came from."""
    sources = {key: f"{POLICY_FILE_ENV}={environ[POLICY_FILE_ENV]}"
               for key in load_policy({POLICY_FILE_ENV: environ.get(POLICY_FILE_ENV, "")})}
    if environ.get(SERVER_URL_ENV):
        sources[SERVER_URL.key] = SERVER_URL_ENV
    return sources


class Settings:
    """Reads and writes registry settings against a store, honouring IT policy.

    ``policy`` and ``defaults`` given (as tests do) replace what the environment and the
    Windows registry say; left out, they are read from there.
    """

    def __init__(
        self,
        policy: Mapping[str, Any] | None = None,
        defaults: Mapping[str, Any] | None = None,
        *,
        registry: Registry | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        self.sources: dict[str, str] = {}
        if policy is not None:
            self.policy: dict[str, Any] = dict(policy)
            self.defaults: dict[str, Any] = dict(defaults or {})
            self.sources = dict.fromkeys(self.policy, "given")
            self.sources.update(dict.fromkeys(self.defaults, "given"))
            return
        env = os.environ if environ is None else environ
        types = {key: s.type for key, s in REGISTRY.items() if s.policy}
        windows = read_registry(types, registry or WinRegistry(), env)
        self.policy = dict(windows.pinned)
        self.sources = {key: windows.sources[key] for key in windows.pinned}
        from_env = load_policy(env)
        sources = policy_sources(env)
        for key, value in from_env.items():
            if key not in self.policy:
                self.policy[key] = value
                self.sources[key] = sources.get(key, "environment")
        self.defaults = {key: value for key, value in windows.defaults.items()
                         if key not in self.policy}
        for key in self.defaults:
            self.sources[key] = windows.sources[key]
        if defaults:
            self.defaults.update(defaults)

    def pinned(self, setting: Setting) -> bool:
        return setting.key in self.policy

    def default(self, setting: Setting) -> Any:
        """The value before the officer changes it: IT's default, else the built-in one."""
        return self.defaults.get(setting.key, setting.default)

    def it_value(self, setting: Setting) -> Any:
        """What IT set, pinned or as the installer's default (`None` if nothing): the
        server's trust settings take only this, never the officer's."""
        return self.policy.get(setting.key, self.defaults.get(setting.key))

    def source(self, setting: Setting) -> str:
        return self.sources.get(setting.key, BUILT_IN)

    def get(self, store: SettingsStore | None, setting: Setting) -> Any:
        if setting.key in self.policy:
            return self.policy[setting.key]
        if store is None:
            return self.default(setting)
        return setting.coerce(store.get_setting(setting.key, self.default(setting)))

    def put(self, store: SettingsStore, setting: Setting, value: object) -> None:
        if setting.key in self.policy:
            raise PermissionError(f"{setting.key} is set by your IT department")
        store.put_setting(setting.key, setting.coerce(value))
