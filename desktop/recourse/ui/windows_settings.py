r"""IT's settings from the Windows registry: Group Policy and the installer's defaults.

Read in this order, the first that holds a value winning:

1. ``HKLM\Software\Policies\Recourse`` — Group Policy for the machine: pinned;
2. ``HKCU\Software\Policies\Recourse`` — Group Policy for the user: pinned;
3. ``HKLM\Software\Recourse`` — written by the MSI from its properties: a default the
   officer may change (only an administrator can write there).

Value names are the setting keys in CamelCase (``server_url`` → ``ServerUrl``). REG_SZ,
REG_EXPAND_SZ (``%VAR%`` expanded from the environment) and REG_DWORD are read; a value of
another type, or one that is not a number where a number is wanted, is ignored with a
warning naming it, so a typo in a policy never stops Recourse starting.

The registry is injected (`Registry`), so the precedence is tested on any system; `WinRegistry`
is the real one, through ``winreg``.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

log = logging.getLogger(__name__)

HKLM = "HKLM"
HKCU = "HKCU"
POLICY_KEY = r"Software\Policies\Recourse"
DEFAULTS_KEY = r"Software\Recourse"

# winreg's constants, restated so the reader is testable where winreg does not exist.
REG_SZ = 1
REG_EXPAND_SZ = 2
REG_DWORD = 4


@dataclass(frozen=True)
class Source:
    hive: str
    key: str
    pinned: bool

    def __str__(self) -> str:
        kind = "Group Policy, pinned" if self.pinned else "installer default"
        return f"{self.hive}\\{self.key} ({kind})"


SOURCES = (
    Source(HKLM, POLICY_KEY, pinned=True),
    Source(HKCU, POLICY_KEY, pinned=True),
    Source(HKLM, DEFAULTS_KEY, pinned=False),
)


class Registry(Protocol):
    def values(self, hive: str, key: str) -> Mapping[str, tuple[object, int]]:
        """Every value under the key, by name, as (data, registry type); empty when the
        key does not exist."""
        ...


class WinRegistry:
    """The Windows registry's 64-bit view (the MSI and Group Policy write there)."""

    def values(self, hive: str, key: str) -> dict[str, tuple[object, int]]:
        if sys.platform != "win32":
            return {}
        import winreg

        root = {HKLM: winreg.HKEY_LOCAL_MACHINE, HKCU: winreg.HKEY_CURRENT_USER}[hive]
        found: dict[str, tuple[object, int]] = {}
        try:
            handle = winreg.OpenKey(root, key, 0, winreg.KEY_READ | winreg.KEY_WOW64_64KEY)
        except OSError:
            return found
        with handle:
            index = 0
            while True:
                try:
                    name, data, kind = winreg.EnumValue(handle, index)
                except OSError:  # no more values
                    return found
                found[name] = (data, kind)
                index += 1


def value_name(key: str) -> str:
    """The registry value name of a setting key: ``server_key_fingerprint`` →
    ``ServerKeyFingerprint``."""
    return "".join(part.capitalize() for part in key.split("_"))


def expand(text: str, environ: Mapping[str, str]) -> str:
    """``%VAR%`` replaced from the environment, as Windows expands REG_EXPAND_SZ; an unknown
    variable is left as written."""
    upper = {name.upper(): value for name, value in environ.items()}
    return re.sub(r"%([^%]+)%", lambda m: upper.get(m[1].upper(), m[0]), text)


def convert(data: object, kind: int, wanted: type, environ: Mapping[str, str]) -> Any:
    """The registry value as the setting's type; ValueError says why it cannot be."""
    if kind == REG_DWORD and isinstance(data, int):
        if wanted is int:
            return data
        if wanted is bool:
            return data != 0
        return str(data)
    if kind in (REG_SZ, REG_EXPAND_SZ) and isinstance(data, str):
        text = expand(data, environ) if kind == REG_EXPAND_SZ else data
        text = text.strip()
        if wanted is int and text:
            try:
                return int(text)
            except ValueError:
                raise ValueError(f"{text!r} is not a whole number") from None
        if wanted is bool:
            return text.lower() in {"1", "true", "yes", "on"}
        return text
    raise ValueError(f"registry type {kind} is not REG_SZ, REG_EXPAND_SZ or REG_DWORD")


@dataclass
class RegistrySettings:
    pinned: dict[str, Any] = field(default_factory=dict)
    defaults: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)


def read_registry(
    types: Mapping[str, type], registry: Registry, environ: Mapping[str, str]
) -> RegistrySettings:
    """The values IT set for the given settings (key → type), with where each came from."""
    result = RegistrySettings()
    for source in SOURCES:
        try:
            present = registry.values(source.hive, source.key)
        except OSError as exc:  # an unreadable key is as good as none
            log.warning("cannot read %s: %s", source, type(exc).__name__)
            continue
        for key, wanted in types.items():
            if key in result.sources or value_name(key) not in present:
                continue
            data, kind = present[value_name(key)]
            try:
                value = convert(data, kind, wanted, environ)
            except ValueError as exc:
                log.warning("ignoring %s\\%s\\%s: %s",
                            source.hive, source.key, value_name(key), exc)
                continue
            if value == "":  # the MSI writes an empty value for a property not given
                continue
            if source.pinned:
                result.pinned[key] = value
            else:
                result.defaults[key] = value
            result.sources[key] = str(source)
    return result
