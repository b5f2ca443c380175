"""Builds the unsigned MSI from the frozen app: wixl for what it does right, then SQL
(msibuild) for what it gets wrong without a word (see packaging/README.md):

* the upgrade rows: a same-version rebuild replaces the installed one (wixl ignores
  AllowSameVersionUpgrades) and a newer installed version refuses the downgrade with a message;
* explicit sequence numbers for FindRelatedProducts, the downgrade error, the actions that
  keep an earlier install's properties, and RemoveExistingProducts straight after
  InstallValidate (wixl's After=/Before= mean only "somewhere after/before");
* SecureCustomProperties (wixl ignores Property/@Secure), so the properties given on the
  command line reach the elevated install;
* the desktop shortcut's condition (wixl has no component conditions) and the removal of
  HKLM\\Software\\Recourse on uninstall.

packaging/check_msi.py then checks the finished tables.

    python packaging/make_msi.py --version 0.1.0 --frozen build/msi/frozen/Recourse \\
        --icon build/msi/recourse.ico --work build/msi/msi --out build/msi/unsigned.msi
"""

# ruff: noqa: S608 - the SQL is built from this file's constants and a checked version number

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
from pathlib import Path

from msi_version import msi_version

HERE = Path(__file__).resolve().parent
UPGRADE_CODE = "{6F1A7E0C-3B7D-4C55-9D21-6A8E2B4C1F30}"
#: The MSI's public properties: (property, registry value under HKLM\Software\Recourse).
PROPERTIES = [
    ("SERVER_URL", "ServerUrl"),
    ("AUTO_LOCK_MINUTES", "AutoLockMinutes"),
    ("CA_BUNDLE", "CaBundle"),
    ("SERVER_PUBLIC_KEY_PIN", "ServerPublicKeyPin"),
    ("SERVER_KEY_FINGERPRINT", "ServerKeyFingerprint"),
    ("NO_DESKTOP_SHORTCUT", "NoDesktopShortcut"),
]
#: The desktop shortcut's component condition: made unless NO_DESKTOP_SHORTCUT=1.
DESKTOP_CONDITION = 'NO_DESKTOP_SHORTCUT <> "1"'
UPGRADE_PROPERTY = "WIX_UPGRADE_DETECTED"
DOWNGRADE_PROPERTY = "WIX_DOWNGRADE_DETECTED"
DOWNGRADE_MESSAGE = ("A newer version of Recourse is already installed. To go back to this "
                     "version, uninstall the newer one first: the data of every officer is kept.")
# msidbUpgradeAttributes: MigrateFeatures 1, OnlyDetect 2, VersionMinInclusive 256,
# VersionMaxInclusive 512.
UPGRADE_ATTRIBUTES = 1 | 256 | 512
DOWNGRADE_ATTRIBUTES = 2
# Sequence numbers around wixl's standard ones (AppSearch 50, InstallValidate 1400,
# InstallInitialize 1500).
FIND_RELATED = 25
PREVENT_DOWNGRADE = 30
RESTORE_FIRST = 51
REMOVE_EXISTING = 1401


def sql_text(value: str) -> str:
    if "'" in value:  # msibuild's SQL has no escape for a quote
        raise ValueError(f"no quotes in MSI text: {value!r}")
    return f"'{value}'"


def table_sql(version: str) -> list[str]:
    """The SQL that finishes wixl's tables."""
    queries = [
        "DELETE FROM `Upgrade`",
        "INSERT INTO `Upgrade` (`UpgradeCode`, `VersionMin`, `VersionMax`, `Attributes`, "
        f"`ActionProperty`) VALUES ('{UPGRADE_CODE}', '0.0.0', '{version}', "
        f"{UPGRADE_ATTRIBUTES}, '{UPGRADE_PROPERTY}')",
        "INSERT INTO `Upgrade` (`UpgradeCode`, `VersionMin`, `Attributes`, `ActionProperty`) "
        f"VALUES ('{UPGRADE_CODE}', '{version}', {DOWNGRADE_ATTRIBUTES}, "
        f"'{DOWNGRADE_PROPERTY}')",
        "INSERT INTO `CustomAction` (`Action`, `Type`, `Target`) VALUES "
        f"('PreventDowngrade', 19, {sql_text(DOWNGRADE_MESSAGE)})",
    ]
    secure = [name for name, _ in PROPERTIES] + [UPGRADE_PROPERTY, DOWNGRADE_PROPERTY]
    queries.append("INSERT INTO `Property` (`Property`, `Value`) VALUES "
                   f"('SecureCustomProperties', '{';'.join(secure)}')")
    for table in ("InstallExecuteSequence", "InstallUISequence"):
        queries += [
            f"INSERT INTO `{table}` (`Action`, `Sequence`) VALUES "
            f"('FindRelatedProducts', {FIND_RELATED})",
            f"INSERT INTO `{table}` (`Action`, `Condition`, `Sequence`) VALUES "
            f"('PreventDowngrade', '{DOWNGRADE_PROPERTY}', {PREVENT_DOWNGRADE})",
        ]
    for offset, (name, _) in enumerate(PROPERTIES):
        action = "Restore" + name.title().replace("_", "")
        queries.append("INSERT INTO `CustomAction` (`Action`, `Type`, `Source`, `Target`) "
                       f"VALUES ('{action}', 51, '{name}', '[SAVED_{name}]')")
        for table in ("InstallExecuteSequence", "InstallUISequence"):
            queries.append(
                f"INSERT INTO `{table}` (`Action`, `Condition`, `Sequence`) VALUES "
                f"('{action}', 'NOT {name} AND SAVED_{name}', {RESTORE_FIRST + offset})")
    queries += [
        "INSERT INTO `InstallExecuteSequence` (`Action`, `Sequence`) VALUES "
        f"('RemoveExistingProducts', {REMOVE_EXISTING})",
        f"UPDATE `Component` SET `Condition` = '{DESKTOP_CONDITION}' "
        "WHERE `Component` = 'DesktopShortcut'",
        # Name "-" with no value: the key goes, with anything left in it, on uninstall.
        "INSERT INTO `Registry` (`Registry`, `Root`, `Key`, `Name`, `Component_`) VALUES "
        "('RemoveMachineSettingsKey', 2, 'Software\\Recourse', '-', 'MachineSettings')",
    ]
    return queries


def file_list(staged: Path) -> str:
    """The WiX fragment for every file of the frozen app (wixl-heat), 64-bit components."""
    names = sorted(str(p.relative_to(staged.parent)) for p in staged.rglob("*") if p.is_file())
    fragment = subprocess.run(
        ["wixl-heat", "--var", "var.SourceDir", "--directory-ref", "INSTALLDIR",
         "--component-group", "AppFiles", "-p", f"{staged.name}/", "--win64"],
        input="\n".join(names) + "\n", capture_output=True, text=True, check=True).stdout
    return fragment.replace('Win64="$(var.Win64)"', 'Win64="yes"')


def build(version: str, frozen: Path, icon: Path, work: Path, out: Path) -> None:
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    staged = work / "Recourse"
    shutil.copytree(frozen, staged)  # wixl refuses absolute Source paths
    shutil.copy(icon, work / "recourse.ico")
    shutil.copy(HERE / "Recourse.wxs", work / "Recourse.wxs")
    (work / "files.wxs").write_text(file_list(staged), encoding="utf-8")
    unsigned = work / "Recourse.msi"
    subprocess.run(["wixl", "-a", "x64", "-D", f"Version={version}", "-D", "SourceDir=Recourse",
                    "-o", unsigned.name, "Recourse.wxs", "files.wxs"], cwd=work, check=True)
    for query in table_sql(version):
        subprocess.run(["msibuild", str(unsigned), "-q", query], check=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(unsigned, out)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--version", required=True)
    parser.add_argument("--frozen", type=Path, required=True)
    parser.add_argument("--icon", type=Path, required=True)
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    version = msi_version(args.version)
    if not re.fullmatch(r"[0-9.]+", version):  # it goes into SQL text
        raise SystemExit(f"bad version {version!r}")
    build(version, args.frozen, args.icon, args.work, args.out)


if __name__ == "__main__":
    main()
