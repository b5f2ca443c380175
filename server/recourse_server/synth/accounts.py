"""Demo accounts of the reference server, each showing one part of the problem."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Role = Literal["officer", "representative", "reviewer"]


@dataclass(frozen=True)
class Account:
    username: str
    password: str
    officer_id: str
    name: str
    role: Role
    force_number: str
    rank: str
    unit: str
    represents: tuple[str, ...] = ()


HUGHES = Account(
    "pc.hughes",
    "demo-hughes-2026",
    "off-1042",
    "Rhys Hughes",
    "officer",
    "NP4417",
    "Police Constable",
    "Response Team C, Kirkgate",
)  # roster edits before overtime claims; PNC look-ups without a case
OKAFOR = Account(
    "ci.okafor",
    "demo-okafor-2026",
    "off-2107",
    "Grace Okafor",
    "officer",
    "NP1180",
    "Chief Inspector",
    "Force Contact Management, HQ",
)  # below 80% attendance only because leave and sickness counted as absence
SHAH = Account(
    "ds.shah",
    "demo-shah-2026",
    "off-1517",
    "Priya Shah",
    "officer",
    "NP2931",
    "Detective Sergeant",
    "CID, Kirkgate",
)  # uncorroborated membership-list match, acted on
WALSH = Account(
    "pc.walsh",
    "demo-walsh-2026",
    "off-1290",
    "Daniel Walsh",
    "officer",
    "NP3862",
    "Police Constable",
    "Response Team A, Eastgate",
)  # off-duty pings at his declared second job during sickness
BENNETT = Account(
    "ps.bennett",
    "demo-bennett-2026",
    "off-1733",
    "Tom Bennett",
    "officer",
    "NP2276",
    "Police Sergeant",
    "Force Control Room, HQ",
)  # no flags
DAVIES = Account(
    "rep.davies",
    "demo-davies-2026",
    "off-0311",
    "Sian Davies",
    "representative",
    "NP0931",
    "Police Constable",
    "Police Federation, Northshire Branch",
    represents=(HUGHES.officer_id, SHAH.officer_id, WALSH.officer_id),
)
CLARKE = Account(
    "psd.clarke",
    "demo-clarke-2026",
    "off-0907",
    "Mark Clarke",
    "reviewer",
    "NP1507",
    "Detective Inspector",
    "Professional Standards Department",
)
HEAVY = Account(
    "heavy",
    "demo-heavy-2026",
    "off-9001",
    "Alex Heavy",
    "officer",
    "NP9001",
    "Police Constable",
    "Response Team B, Kirkgate",
)  # one ping a minute in benchmarks

DEMO_ACCOUNTS: tuple[Account, ...] = (HUGHES, OKAFOR, SHAH, WALSH, BENNETT, DAVIES, CLARKE, HEAVY)


def account_by_officer_id(officer_id: str) -> Account:
    for account in DEMO_ACCOUNTS:
        if account.officer_id == officer_id:
            return account
    raise KeyError(f"no demo officer {officer_id!r}")
