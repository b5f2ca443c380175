"""Every per-profile setting, declared once.

Values live in the encrypted store (`Store.get_setting/put_setting`), never in
QSettings. IT may pin settings marked ``policy=True`` for a whole force:

* ``RECOURSE_POLICY_FILE`` — path to a JSON object, e.g. ``{"server_url": "https://…"}``;
* ``RECOURSE_SERVER_URL`` — shorthand for the server address alone (wins over the file).

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

log = logging.getLogger(__name__)

POLICY_FILE_ENV = "RECOURSE_POLICY_FILE"
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

REGISTRY: dict[str, Setting] = {
    s.key: s for s in (SERVER_URL, AUTO_LOCK_MINUTES, LAST_SCREEN, CA_BUNDLE,
                       SERVER_PUBLIC_KEY_PIN, SERVER_KEY_FINGERPRINT,
                       SIGN_IN_ENDPOINT_ORIGINS)
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


class Settings:
    """Reads and writes registry settings against a store, honouring IT policy."""

    def __init__(self, policy: Mapping[str, Any] | None = None) -> None:
        self.policy: dict[str, Any] = dict(load_policy() if policy is None else policy)

    def pinned(self, setting: Setting) -> bool:
        return setting.key in self.policy

    def get(self, store: SettingsStore | None, setting: Setting) -> Any:
        if setting.key in self.policy:
            return self.policy[setting.key]
        if store is None:
            return setting.default
        return setting.coerce(store.get_setting(setting.key, setting.default))

    def put(self, store: SettingsStore, setting: Setting, value: object) -> None:
        if setting.key in self.policy:
            raise PermissionError(f"{setting.key} is set by your IT department")
        store.put_setting(setting.key, setting.coerce(value))
