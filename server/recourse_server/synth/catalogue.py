"""The source catalogue and the access log: who holds each kind of data, and who looked."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from recourse_server.synth.officer import OfficerYear
from recourse_server.synth.places import NAMED_PLACES, RAISED_AT, iso

_EMPLOYMENT = (
    "UK GDPR Art. 6(1)(b) (employment contract) and Art. 6(1)(c) (legal obligation under the "
    "Police Regulations 2003)"
)
_SPECIAL = "Art. 9(2)(b) and DPA 2018 Sch. 1 Part 1 para. 1 (employment, social security)"
_PUBLIC_TASK = "UK GDPR Art. 6(1)(e) (public task: the force's duty to maintain standards)"

SOURCES: list[dict[str, Any]] = [
    {
        "category": "roster_entries",
        "system": "Duty Sheet rostering system",
        "owner": "Resource Management Unit",
        "lawful_basis": _EMPLOYMENT,
        "retention": "6 years after leaving the service",
        "description": "Rostered shifts, rest days, leave and sickness as shown on the duty "
        "roster.",
    },
    {
        "category": "roster_audit",
        "system": "Duty Sheet rostering system (audit log)",
        "owner": "Resource Management Unit",
        "lawful_basis": _EMPLOYMENT + "; " + _PUBLIC_TASK,
        "retention": "2 years",
        "description": "Every change to a roster entry: who made it, when, and the reason given.",
    },
    {
        "category": "absences",
        "system": "HR self-service (Oracle HR)",
        "owner": "People Services",
        "lawful_basis": _EMPLOYMENT + "; health data under " + _SPECIAL,
        "retention": "6 years after leaving the service",
        "description": "Annual leave, sickness episodes (with whether a fit note was provided) "
        "and special leave.",
    },
    {
        "category": "overtime",
        "system": "Payroll and expenses (Oracle Payroll)",
        "owner": "Finance",
        "lawful_basis": _EMPLOYMENT + "; HMRC record keeping",
        "retention": "7 years (tax records)",
        "description": "Overtime claims, the reason given and the supervisor who approved them.",
    },
    {
        "category": "building_access",
        "system": "Access control (Gallagher Command Centre)",
        "owner": "Estates and Facilities",
        "lawful_basis": _PUBLIC_TASK + " (security of police premises)",
        "retention": "13 months",
        "description": "Each time the officer's pass opened a door of a force building.",
    },
    {
        "category": "logins",
        "system": "Active Directory and application sign-in logs",
        "owner": "Digital Services",
        "lawful_basis": _PUBLIC_TASK + " (information security)",
        "retention": "12 months",
        "description": "Sign-ins to force systems, from which workstation and whether remotely.",
    },
    {
        "category": "declarations",
        "system": "Business interests and memberships register",
        "owner": "Professional Standards Department",
        "lawful_basis": _EMPLOYMENT + " (Police Regulations 2003 reg. 7 and Sch. 1); " + _SPECIAL,
        "retention": "Duration of service plus 6 years",
        "description": "The officer's own declarations of business interests, secondary work "
        "and memberships.",
    },
    {
        "category": "registry_matches",
        "system": "Workforce analytics platform (third-party data)",
        "owner": "Professional Standards Department (Counter Corruption Unit)",
        "lawful_basis": _PUBLIC_TASK + "; the force has not published a DPIA for this source",
        "retention": "Until the flag is closed, then 12 months",
        "description": "Matches of the officer against Companies House, club registers and "
        "purchased data sets, with how well they matched and whether anyone confirmed them.",
    },
    {
        "category": "system_lookups",
        "system": "PNC, PND and Niche RMS audit trails",
        "owner": "Information Management",
        "lawful_basis": _PUBLIC_TASK + "; Home Office PNC Code of Practice audit requirements",
        "retention": "2 years",
        "description": "Searches the officer made of police systems, with any linked case.",
    },
    {
        "category": "standards_actions",
        "system": "Centurion case management",
        "owner": "Professional Standards Department",
        "lawful_basis": _PUBLIC_TASK + "; Police (Conduct) Regulations 2020",
        "retention": "Per the Police (Conduct) Regulations: at least 6 years",
        "description": "Decisions taken by Professional Standards after a flag, and by whom.",
    },
    {
        "category": "location_pings",
        "system": "Mobile device management (Intune) location service",
        "owner": "Digital Services",
        "lawful_basis": _PUBLIC_TASK + " (device security); use for conduct "
        "purposes relies on the same basis and is disputed by the Police Federation",
        "retention": "90 days (extended to 13 months for the analytics pilot)",
        "description": "Position of the officer's work phone, recorded every few minutes, day "
        "and night, on and off duty.",
        "places": [{"name": name, "lat": lat, "lon": lon} for name, lat, lon in NAMED_PLACES],
    },
    {
        "category": "access_log",
        "system": "Workforce analytics platform (audit)",
        "owner": "Information Management",
        "lawful_basis": "UK GDPR Art. 5(2) accountability; Art. 30 records of processing",
        "retention": "6 years",
        "description": "Who in the force viewed the officer's data on the platform, when, and "
        "the reason they gave.",
    },
    {
        "category": "flags",
        "system": "Workforce analytics platform (rules engine)",
        "owner": "Professional Standards Department (Counter Corruption Unit)",
        "lawful_basis": _PUBLIC_TASK + "; automated decisions subject to UK GDPR Arts. 22A–22D",
        "retention": "Until closed, then 6 years",
        "description": "Flags the platform's rules raised about the officer, with their inputs "
        "and arithmetic.",
    },
]

# (viewer, role, reason, what, days after the run, hour)
_VIEWS: list[tuple[str, str, str, str, float, int]] = [
    ("A. Patel", "Workforce analytics analyst", "analytics review", "All records", -10, 11),
    (
        "Counter Corruption Unit (automated export)",
        "System",
        "Monthly data quality check",
        "Location history",
        -3,
        2,
    ),
    ("A. Patel", "Workforce analytics analyst", "analytics review", "Flags", 0, 9),
    ("DI Mark Clarke", "Professional Standards reviewer", "Assessment of flag", "Flags", 1, 10),
    ("R. Moore", "HR business partner", "routine check", "Absences", 5, 14),
]


def access_log(year: OfficerYear, flag_ids: list[str]) -> list[dict[str, Any]]:
    rng = year.rng_for("access-log")
    views = list(_VIEWS)
    for flag_id in flag_ids:
        views.append(
            (
                "DI Mark Clarke",
                "Professional Standards reviewer",
                f"Preparing assessment of {flag_id}",
                f"Flag {flag_id}",
                2 + rng.random() * 5,
                15,
            )
        )
        views.append(
            (
                year.supervisor,
                "Line manager",
                "Told to discuss the flag with the officer",
                f"Flag {flag_id}",
                8 + rng.random() * 10,
                11,
            )
        )
    for _ in range(rng.randint(8, 16)):
        views.append(
            (
                rng.choice(["A. Patel", "J. Moss", "S. Ellery"]),
                "Workforce analytics analyst",
                rng.choice(
                    ["analytics review", "Model tuning", "Dashboard refresh", "analytics review"]
                ),
                rng.choice(
                    ["Location history", "Roster audit log", "Building access", "All records"]
                ),
                -60 + rng.random() * 100,
                rng.randint(8, 18),
            )
        )
    entries = []
    for viewer, role, reason, what, days, hour in views:
        at: datetime = (RAISED_AT.replace(hour=hour, minute=0) + timedelta(days=days)).replace(
            second=0, microsecond=0
        )
        entries.append(
            {
                "viewed_at": iso(at),
                "viewer": viewer,
                "viewer_role": role,
                "reason": reason,
                "what": what,
            }
        )
    entries.sort(key=lambda e: (e["viewed_at"], e["viewer"]))
    return [{"id": f"access-{year.num}-{n:03d}", **entry} for n, entry in enumerate(entries, 1)]
