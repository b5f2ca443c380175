"""Static checks of a built MSI's tables, read with msitools' ``msiinfo``.

wixl gets several things wrong without a word (packaging/README.md); these checks are what
catches it. Each check prints ``ok`` or ``FAIL`` with the reason; exit 1 if any fails.

    python packaging/check_msi.py dist/Recourse-0.1.0-x64.msi --version 0.1.0
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from make_msi import (
    DESKTOP_CONDITION,
    DOWNGRADE_PROPERTY,
    PROPERTIES,
    UPGRADE_CODE,
    UPGRADE_PROPERTY,
)
from msi_version import msi_version

Row = dict[str, str]
HKLM = "2"
# Windows Installer's standard actions that may appear in a sequence without a CustomAction.
STANDARD_ACTIONS = {
    "AppSearch", "CostFinalize", "CostInitialize", "CreateFolders", "CreateShortcuts",
    "DuplicateFiles", "ExecuteAction", "FileCost", "FindRelatedProducts", "InstallFiles",
    "InstallFinalize", "InstallInitialize", "InstallValidate", "LaunchConditions",
    "MigrateFeatureStates", "MoveFiles", "ProcessComponents", "PublishFeatures",
    "PublishProduct", "RegisterProduct", "RegisterUser", "RemoveExistingProducts",
    "RemoveFiles", "RemoveFolders", "RemoveRegistryValues", "RemoveShortcuts",
    "UnpublishFeatures", "ValidateProductID", "WriteRegistryValues", "InstallServices",
    "StartServices", "StopServices", "DeleteServices", "RemoveDuplicateFiles",
    "InstallAdminPackage",
}
#: Custom action types this MSI may use: 19 (error message), 51 (set a property). Nothing
#: that runs a program, so the install never starts Recourse or any other code.
ALLOWED_ACTION_TYPES = {19, 51}
# Folders that hold users' data, which the MSI must never touch.
USER_DATA_FOLDERS = {"LocalAppDataFolder", "AppDataFolder", "PersonalFolder"}
#: Files that are for the Wine test prefix only, or belong to PySide6-Addons.
FORBIDDEN_FILES = {"bcryptprimitives.dll", "icuuc.dll", "qt6charts.dll", "qtcharts.pyd"}


class Msi:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._tables: dict[str, list[Row]] = {}
        listed = subprocess.run(["msiinfo", "tables", str(path)], capture_output=True,
                                text=True, check=True).stdout
        self.names = {line.strip() for line in listed.splitlines() if line.strip()}

    def table(self, name: str) -> list[Row]:
        if name not in self._tables:
            if name not in self.names:
                self._tables[name] = []
            else:
                # Tables with binary columns (Icon) are exported as files into the current
                # folder: a throw-away one.
                with tempfile.TemporaryDirectory() as scratch:
                    text = subprocess.run(["msiinfo", "export", str(self.path.resolve()), name],
                                          capture_output=True, text=True, check=True,
                                          cwd=scratch).stdout
                # msiinfo writes CRLF lines: a value read with the CR would carry it.
                lines = [line.rstrip("\r") for line in text.split("\n")]
                columns = lines[0].split("\t")
                self._tables[name] = [dict(zip(columns, line.split("\t"), strict=False))
                                      for line in lines[3:] if line]
        return self._tables[name]

    def properties(self) -> dict[str, str]:
        return {row["Property"]: row["Value"] for row in self.table("Property")}

    def sequence(self, table: str) -> dict[str, int]:
        return {row["Action"]: int(row["Sequence"]) for row in self.table(table)
                if row.get("Sequence", "").lstrip("-").isdigit()}

    def suminfo(self) -> dict[str, str]:
        text = subprocess.run(["msiinfo", "suminfo", str(self.path)], capture_output=True,
                              text=True, check=True).stdout
        return dict(line.split(": ", 1) for line in text.splitlines() if ": " in line)


class Failed(Exception):
    pass


def expect(condition: bool, why: str) -> None:
    if not condition:
        raise Failed(why)


def check_per_machine_x64(msi: Msi, version: str) -> str:
    props = msi.properties()
    expect(props.get("ALLUSERS") == "1", f"ALLUSERS is {props.get('ALLUSERS')!r}, not 1")
    expect("MSIINSTALLPERUSER" not in props, "MSIINSTALLPERUSER is set")
    template = msi.suminfo().get("Template", "")
    expect(template.startswith("x64;"), f"package platform is {template!r}, not x64")
    not64 = [row["Component"] for row in msi.table("Component")
             if not int(row["Attributes"] or 0) & 256]
    expect(not not64, f"components not 64-bit: {not64[:3]}")
    dirs = {row["Directory"]: row for row in msi.table("Directory")}
    expect(dirs.get("INSTALLDIR", {}).get("Directory_Parent") == "ProgramFiles64Folder",
           "INSTALLDIR is not in ProgramFiles64Folder")
    expect(dirs["INSTALLDIR"]["DefaultDir"] == "Recourse", "INSTALLDIR is not named Recourse")
    return f"ALLUSERS=1, {template}, {len(msi.table('Component'))} 64-bit components"


def check_version(msi: Msi, version: str) -> str:
    found = msi.properties().get("ProductVersion", "")
    expect(found == version, f"ProductVersion is {found!r}, expected {version!r}")
    msi_version(found)  # raises if Windows Installer could not compare it
    return found


def check_secure_properties(msi: Msi, version: str) -> str:
    secure = msi.properties().get("SecureCustomProperties", "").split(";")
    wanted = [name for name, _ in PROPERTIES] + [UPGRADE_PROPERTY, DOWNGRADE_PROPERTY]
    missing = [name for name in wanted if name not in secure]
    expect(not missing, f"not in SecureCustomProperties: {missing}")
    return ";".join(secure)


def check_upgrades(msi: Msi, version: str) -> str:
    rows = {row["ActionProperty"]: row for row in msi.table("Upgrade")}
    up, down = rows.get(UPGRADE_PROPERTY), rows.get(DOWNGRADE_PROPERTY)
    expect(up is not None and down is not None, "upgrade or downgrade row missing")
    assert up is not None and down is not None
    for row in (up, down):
        expect(row["UpgradeCode"] == UPGRADE_CODE, f"UpgradeCode {row['UpgradeCode']}")
    expect(msi.properties().get("UpgradeCode") == UPGRADE_CODE, "UpgradeCode property differs")
    up_attributes, down_attributes = int(up["Attributes"]), int(down["Attributes"])
    expect(up["VersionMax"] == version and up_attributes & 512,
           "a same-version rebuild would not replace the installed one (VersionMax "
           "not this version, inclusive)")
    expect(not up_attributes & 2, "the upgrade row only detects")
    expect(down["VersionMin"] == version and down_attributes & 2
           and not down_attributes & 256,
           "the downgrade row does not detect only strictly newer versions")
    actions = {row["Action"]: row for row in msi.table("CustomAction")}
    for table in ("InstallExecuteSequence", "InstallUISequence"):
        seq = msi.sequence(table)
        rows_by_action = {row["Action"]: row for row in msi.table(table)}
        expect("FindRelatedProducts" in seq, f"no FindRelatedProducts in {table}")
        blockers = [a for a, row in rows_by_action.items() if row["Condition"] == DOWNGRADE_PROPERTY
                    and actions.get(a, {}).get("Type") == "19"]
        expect(bool(blockers), f"no error action on {DOWNGRADE_PROPERTY} in {table}")
        expect(seq["FindRelatedProducts"] < seq[blockers[0]] < seq["CostInitialize"],
               f"the downgrade check is not right after FindRelatedProducts in {table}")
        expect(actions[blockers[0]]["Target"].strip() != "", "the downgrade message is empty")
    return f"upgrades <= {version} (same version included), refuses newer"


def check_remove_existing_products(msi: Msi, version: str) -> str:
    seq = msi.sequence("InstallExecuteSequence")
    expect("RemoveExistingProducts" in seq, "no RemoveExistingProducts")
    rep = seq["RemoveExistingProducts"]
    expect(seq["InstallValidate"] < rep < seq["InstallInitialize"],
           f"RemoveExistingProducts at {rep}, not between InstallValidate "
           f"({seq['InstallValidate']}) and InstallInitialize ({seq['InstallInitialize']})")
    return f"at {rep}, after InstallValidate, before InstallInitialize"


def check_custom_actions(msi: Msi, version: str) -> str:
    actions = {row["Action"]: row for row in msi.table("CustomAction")}
    for table in ("InstallExecuteSequence", "InstallUISequence", "AdminExecuteSequence",
                  "AdminUISequence", "AdvtExecuteSequence"):
        for action in msi.sequence(table):
            expect(action in STANDARD_ACTIONS or action in actions,
                   f"{table} sequences {action}, which is not defined")
    bad = {a: r["Type"] for a, r in actions.items()
           if int(r["Type"]) & 0x3F not in ALLOWED_ACTION_TYPES}
    expect(not bad, f"custom actions that run code or are unexpected: {bad}")
    return f"{len(actions)} defined, types {sorted({int(r['Type']) for r in actions.values()})}"


def check_properties_are_kept(msi: Msi, version: str) -> str:
    """An upgrade without properties keeps the earlier install's, read back by AppSearch."""
    locators = {row["Signature_"]: row for row in msi.table("RegLocator")}
    searches = {row["Property"]: row["Signature_"] for row in msi.table("AppSearch")}
    actions = {row["Action"]: row for row in msi.table("CustomAction")}
    for table in ("InstallExecuteSequence", "InstallUISequence"):
        seq = msi.sequence(table)
        for name, value_name in PROPERTIES:
            saved = f"SAVED_{name}"
            locator = locators.get(searches.get(saved, ""))
            expect(locator is not None and locator["Root"] == HKLM
                   and locator["Key"] == "Software\\Recourse" and locator["Name"] == value_name
                   and int(locator["Type"]) & 16,
                   f"{saved} is not read from HKLM\\Software\\Recourse\\{value_name} (64-bit)")
            restore = [a for a, r in actions.items() if r["Type"] == "51"
                       and r["Source"] == name and r["Target"] == f"[{saved}]"]
            expect(len(restore) == 1, f"no action sets {name} from {saved}")
            expect(seq.get("AppSearch", 10**6) < seq.get(restore[0], -1) < seq["CostInitialize"],
                   f"{restore[0]} is not between AppSearch and CostInitialize in {table}")
            condition = next(r["Condition"] for r in msi.table(table) if r["Action"] == restore[0])
            expect(condition == f"NOT {name} AND {saved}",
                   f"{restore[0]} would override a value given on the command line")
    return ", ".join(name for name, _ in PROPERTIES)


def check_registry(msi: Msi, version: str) -> str:
    rows = msi.table("Registry")
    policies = [r["Key"] for r in rows if r["Key"].lower().startswith("software\\policies")]
    expect(not policies, f"writes under Software\\Policies (Group Policy's): {policies}")
    not_hklm = [r["Registry"] for r in rows if r["Root"] != HKLM]
    expect(not not_hklm, f"registry rows outside HKLM: {not_hklm}")
    values = {r["Name"]: r for r in rows if r["Key"] == "Software\\Recourse"}
    for name, value_name in PROPERTIES:
        expect(values.get(value_name, {}).get("Value") == f"[{name}]",
               f"HKLM\\Software\\Recourse\\{value_name} is not written from {name}")
    expect(values.get("Version", {}).get("Value") == "[ProductVersion]",
           "no Version marker for SCCM/Intune detection")
    expect(values.get("-", {}).get("Value", "") == "",
           "HKLM\\Software\\Recourse is not removed on uninstall")
    return f"{len(values)} rows under HKLM\\Software\\Recourse, none under Software\\Policies"


def check_shortcuts(msi: Msi, version: str) -> str:
    rows = {r["Directory_"]: r for r in msi.table("Shortcut")}
    start = rows.get("ProgramMenuFolder")
    expect(start is not None, "no Start-menu shortcut")
    assert start is not None
    expect(start["Target"] == "[INSTALLDIR]Recourse.exe", f"Start menu targets {start['Target']}")
    components = {r["Component"]: r for r in msi.table("Component")}
    desktop = rows.get("DesktopFolder")
    if desktop is not None:
        condition = components[desktop["Component_"]]["Condition"]
        expect(condition == DESKTOP_CONDITION,
               f"the desktop shortcut's condition is {condition!r}, not {DESKTOP_CONDITION!r}")
    props = msi.properties()
    icons = {r["Name"] for r in msi.table("Icon")}
    expect(props.get("ARPPRODUCTICON") in icons, "no icon for Add/Remove Programs")
    return "Start menu, desktop unless NO_DESKTOP_SHORTCUT=1, Add/Remove Programs icon"


def check_user_data_untouched(msi: Msi, version: str) -> str:
    dirs = {r["Directory"] for r in msi.table("Directory")}
    touched = sorted(dirs & USER_DATA_FOLDERS)
    expect(not touched, f"the MSI refers to users' folders: {touched}")
    removals = [r for r in msi.table("RemoveFile")]
    expect(not removals, f"RemoveFile rows: {removals[:3]}")
    expect(not msi.table("RemoveRegistry"), "RemoveRegistry rows")
    return "no user folders, no RemoveFile rows"


def check_files(msi: Msi, version: str) -> str:
    names = {r["FileName"].split("|")[-1].lower() for r in msi.table("File")}
    expect("recourse.exe" in names, "no Recourse.exe")
    bad = sorted(names & FORBIDDEN_FILES)
    expect(not bad, f"files that must not ship: {bad}")
    return f"{len(names)} distinct file names, Recourse.exe among them"


CHECKS: list[tuple[str, Callable[[Msi, str], str]]] = [
    ("per-machine x64", check_per_machine_x64),
    ("version", check_version),
    ("secure properties", check_secure_properties),
    ("upgrade and downgrade rows", check_upgrades),
    ("RemoveExistingProducts", check_remove_existing_products),
    ("custom actions", check_custom_actions),
    ("properties kept across upgrades", check_properties_are_kept),
    ("registry", check_registry),
    ("shortcuts", check_shortcuts),
    ("user data", check_user_data_untouched),
    ("files", check_files),
]


def run(path: Path, version: str, out: Callable[[str], None] = print) -> list[str]:
    """The names of the checks that failed."""
    msi = Msi(path)
    failed = []
    for name, check in CHECKS:
        try:
            out(f"ok    {name}: {check(msi, version)}")
        except (Failed, KeyError, ValueError) as exc:
            failed.append(name)
            out(f"FAIL  {name}: {exc}")
    return failed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("msi", type=Path)
    parser.add_argument("--version", required=True)
    args = parser.parse_args()
    failed = run(args.msi, msi_version(args.version))
    if failed:
        sys.exit(f"{len(failed)} MSI check(s) failed: {', '.join(failed)}")


if __name__ == "__main__":
    main()
