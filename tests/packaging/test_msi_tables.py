"""The MSI's tables, as packaging/make_msi.py finishes what wixl writes, checked by
packaging/check_msi.py; each check is shown to catch the mistake it exists for. A small
stand-in for the frozen app keeps this to seconds (the real MSI gets the same checks in
packaging/build-msi, and is installed under Wine by packaging/install-test)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
sys.path.insert(0, str(PACKAGING))

import check_msi  # noqa: E402
import make_msi  # noqa: E402
from msi_version import msi_version  # noqa: E402

VERSION = "0.1.0"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("msi")
    frozen = root / "frozen" / "Recourse"
    (frozen / "_internal" / "recourse").mkdir(parents=True)
    (frozen / "Recourse.exe").write_bytes(b"MZ stand-in")
    (frozen / "_internal" / "python311.dll").write_bytes(b"MZ stand-in")
    (frozen / "_internal" / "recourse" / "__init__.py").write_text("")
    icon = root / "recourse.ico"
    icon.write_bytes(b"\0\0\1\0")
    out = root / "Recourse.msi"
    make_msi.build(VERSION, frozen, icon, root / "work", out)
    return out


def patched(built, tmp_path, *queries):
    copy = tmp_path / "patched.msi"
    shutil.copy(built, copy)
    for query in queries:
        subprocess.run(["msibuild", str(copy), "-q", query], check=True)
    return copy


def failures(path, version=VERSION):
    return check_msi.run(path, version, out=lambda line: None)


def test_the_built_tables_pass_every_check(built):
    lines = []
    assert check_msi.run(built, VERSION, out=lines.append) == [], "\n".join(lines)


@pytest.mark.parametrize(("query", "caught_by"), [
    # wixl's `After=`: RemoveExistingProducts after InstallFinalize leaves two products.
    ("UPDATE `InstallExecuteSequence` SET `Sequence` = 6700 "
     "WHERE `Action` = 'RemoveExistingProducts'", "RemoveExistingProducts"),
    # wixl ignores Property/@Secure.
    ("DELETE FROM `Property` WHERE `Property` = 'SecureCustomProperties'", "secure properties"),
    # wixl ignores AllowSameVersionUpgrades: two builds of one version side by side.
    (["DELETE FROM `Upgrade` WHERE `ActionProperty` = 'WIX_UPGRADE_DETECTED'",
      "INSERT INTO `Upgrade` (`UpgradeCode`, `VersionMin`, `VersionMax`, `Attributes`, "  # noqa: S608
      f"`ActionProperty`) VALUES ('{make_msi.UPGRADE_CODE}', '0.0.0', '{VERSION}', 257, "
      "'WIX_UPGRADE_DETECTED')"], "upgrade and downgrade rows"),
    # A sequenced action whose definition was dropped (wixl drops CustomAction/@Directory).
    ("DELETE FROM `CustomAction` WHERE `Action` = 'PreventDowngrade'", "custom actions"),
    ("INSERT INTO `Registry` (`Registry`, `Root`, `Key`, `Name`, `Value`, `Component_`) "
     "VALUES ('gp', 2, 'Software\\Policies\\Recourse', 'ServerUrl', '[SERVER_URL]', "
     "'MachineSettings')", "registry"),
    ("UPDATE `Component` SET `Condition` = '' WHERE `Component` = 'DesktopShortcut'",
     "shortcuts"),
    # Inverted: seen to make the shortcut despite NO_DESKTOP_SHORTCUT=1 under Wine.
    ("UPDATE `Component` SET `Condition` = 'NO_DESKTOP_SHORTCUT = \"1\"' "
     "WHERE `Component` = 'DesktopShortcut'", "shortcuts"),
    ("UPDATE `Component` SET `Attributes` = 0 WHERE `Component` = 'MachineSettings'",
     "per-machine x64"),
    ("UPDATE `InstallUISequence` SET `Condition` = 'SAVED_SERVER_URL' "
     "WHERE `Action` = 'RestoreServerUrl'", "properties kept across upgrades"),
    ("INSERT INTO `CustomAction` (`Action`, `Type`, `Source`, `Target`) "
     "VALUES ('Launch', 226, 'INSTALLDIR', '[INSTALLDIR]Recourse.exe')", "custom actions"),
    ("INSERT INTO `Directory` (`Directory`, `Directory_Parent`, `DefaultDir`) "
     "VALUES ('LocalAppDataFolder', 'TARGETDIR', '.')", "user data"),
])
def test_each_check_catches_its_mistake(built, tmp_path, query, caught_by):
    queries = query if isinstance(query, list) else [query]
    assert caught_by in failures(patched(built, tmp_path, *queries))


def test_a_version_windows_installer_cannot_compare_is_refused():
    assert msi_version("0.1.0") == "0.1.0"
    for bad in ("0.2.0rc1", "256.0.0", "1.2", "1.0.65536"):
        with pytest.raises(ValueError):
            msi_version(bad)


def test_the_wrong_version_fails(built):
    assert failures(built, "0.2.0") == ["version", "upgrade and downgrade rows"]


def test_signature_verifies_and_a_changed_byte_is_detected(built, tmp_path):
    key, cert = tmp_path / "k.pem", tmp_path / "c.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=Recourse test", "-addext", "extendedKeyUsage=codeSigning",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    signed = tmp_path / "signed.msi"
    subprocess.run(["osslsigncode", "sign", "-certs", str(cert), "-key", str(key), "-h",
                    "sha256", "-add-msi-dse", "-in", str(built), "-out", str(signed)],
                   check=True, capture_output=True)

    def verify(path):
        return subprocess.run(["osslsigncode", "verify", "-CAfile", str(cert), "-in", str(path)],
                              capture_output=True, text=True, check=False)

    good = verify(signed)
    assert good.returncode == 0 and "Signature verification: ok" in good.stdout
    data = bytearray(signed.read_bytes())
    # A byte inside the cabinet of files (the MSI's largest stream), not in free space.
    cab = data.find(b"MSCF")
    assert cab > 0
    data[cab + 200] ^= 0x01
    tampered = tmp_path / "tampered.msi"
    tampered.write_bytes(bytes(data))
    bad = verify(tampered)
    assert bad.returncode != 0 and "Signature verification: ok" not in bad.stdout
