"""The Group Policy templates are well-formed, self-consistent, and offer exactly one policy
for every setting the settings registry lets IT pin, under HKLM\\Software\\Policies\\Recourse
with the value name the app reads."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from recourse.ui.settings_registry import REGISTRY
from recourse.ui.windows_settings import POLICY_KEY, value_name

ADMX_DIR = Path(__file__).resolve().parents[2] / "packaging" / "admx"
NS = {"p": "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"}
LOCALES = ("en-US", "en-GB")
# The ADMX element each setting type is edited with.
# A text setting with a fixed set of values (the language) is a drop-down list: an enum.
ELEMENT_FOR = {str: ("text", "enum"), int: ("decimal",), bool: ("boolean",)}


def admx() -> ET.Element:
    # Our own templates, not untrusted input; parsing raises on malformed XML.
    return ET.parse(ADMX_DIR / "Recourse.admx").getroot()  # noqa: S314


def adml(locale: str) -> ET.Element:
    return ET.parse(ADMX_DIR / locale / "Recourse.adml").getroot()  # noqa: S314


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def test_every_locale_has_a_template_and_nothing_else():
    assert sorted(p.parent.name for p in ADMX_DIR.glob("*/Recourse.adml")) == sorted(LOCALES)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_string_and_presentation_the_admx_names_exists(locale):
    text = (ADMX_DIR / "Recourse.admx").read_text(encoding="utf-8")
    strings = set(re.findall(r"\$\(string\.([^)]+)\)", text))
    presentations = set(re.findall(r"\$\(presentation\.([^)]+)\)", text))
    resources = adml(locale)
    have_strings = {s.get("id") for s in resources.iterfind(".//p:stringTable/p:string", NS)}
    have_presentations = {
        p.get("id") for p in resources.iterfind(".//p:presentationTable/p:presentation", NS)}
    assert strings and presentations
    assert strings - have_strings == set()
    assert presentations - have_presentations == set()
    for string in resources.iterfind(".//p:stringTable/p:string", NS):
        assert (string.text or "").strip(), string.get("id")


@pytest.mark.parametrize("locale", LOCALES)
def test_every_presentation_control_refers_to_an_element_of_its_policy(locale):
    controls = {p.get("id"): [c.get("refId") for c in p] for p in
                adml(locale).iterfind(".//p:presentationTable/p:presentation", NS)}
    for policy in admx().iterfind(".//p:policies/p:policy", NS):
        name = re.fullmatch(r"\$\(presentation\.([^)]+)\)", policy.get("presentation", ""))
        assert name, policy.get("name")
        ids = {e.get("id") for e in policy.findall("p:elements/*", NS)}
        refs = controls[name[1]]
        assert refs and set(refs) <= ids, (policy.get("name"), refs, ids)


def test_locales_hold_the_same_strings():
    ids = [{s.get("id") for s in adml(loc).iterfind(".//p:string", NS)} for loc in LOCALES]
    assert all(i == ids[0] for i in ids)


def test_one_machine_policy_for_every_setting_it_may_pin():
    pinnable = {value_name(key): s for key, s in REGISTRY.items() if s.policy}
    seen = {}
    for policy in admx().iterfind(".//p:policies/p:policy", NS):
        assert policy.get("class") == "Machine", policy.get("name")
        assert policy.get("key") == POLICY_KEY  # never Software\Policies\Microsoft
        elements = policy.findall("p:elements/*", NS)
        assert len(elements) == 1, policy.get("name")
        element = elements[0]
        assert element.get("key") in (None, POLICY_KEY)
        name = element.get("valueName")
        assert name in pinnable, f"policy {policy.get('name')} sets no pinnable setting"
        assert local(element.tag) in ELEMENT_FOR[pinnable[name].type], name
        assert name not in seen, f"two policies set {name}"
        seen[name] = policy
    assert set(seen) == set(pinnable), "a pinnable setting has no policy"
