"""The scripted demo stories: declarations, outside-registry matches and the standards
actions that followed each story's flag. Plain data, the same for every seed.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from recourse_server.synth.accounts import BENNETT, HUGHES, OKAFOR, SHAH, WALSH
from recourse_server.synth.places import RAISED_AT

# Which flag number (position in the rule catalogue) each standards action follows.
RULE_NUMBER = {
    "roster-manipulation": 1,
    "hybrid-attendance": 2,
    "undeclared-membership": 3,
    "presence-elsewhere-sickness": 4,
    "systems-misuse": 5,
}

WALSH_GARDEN_CENTRE = (53.84712, -1.47795)

#: Declarations per officer: kind, organisation, details, declared on, place.
DECLARATIONS: dict[str, list[tuple[str, str, str, date, tuple[float, float] | None]]] = {
    HUGHES.officer_id: [
        (
            "membership",
            "Kirkgate Amateur Boxing Club",
            "Volunteer coach, unpaid",
            date(2024, 3, 2),
            None,
        )
    ],
    OKAFOR.officer_id: [
        (
            "business_interest",
            "Okafor Lettings Ltd",
            "Director; one rental property",
            date(2023, 6, 19),
            None,
        ),
        ("membership", "National Black Police Association", "Member", date(2019, 1, 8), None),
    ],
    SHAH.officer_id: [
        ("membership", "Northshire Cricket Club", "Playing member", date(2022, 4, 11), None)
    ],
    WALSH.officer_id: [
        (
            "secondary_work",
            "Walsh & Sons Garden Centre",
            "Family business; helps at weekends when off duty, unpaid",
            date(2021, 9, 30),
            WALSH_GARDEN_CENTRE,
        )
    ],
    BENNETT.officer_id: [
        (
            "membership",
            "Northshire Rugby Union Football Club",
            "Member and referee",
            date(2020, 8, 14),
            None,
        )
    ],
}

#: Outside-registry matches: registry, organisation, basis, score, corroborated, note, when.
REGISTRY_MATCHES: dict[str, list[tuple[str, str, str, float, bool, str, datetime]]] = {
    OKAFOR.officer_id: [
        (
            "Companies House register of officers",
            "Okafor Lettings Ltd",
            "name, date of birth, service address",
            0.97,
            True,
            "Matches the officer's own declaration.",
            datetime(2026, 8, 30, 2, 14, tzinfo=RAISED_AT.tzinfo),
        )
    ],
    SHAH.officer_id: [
        (
            "Commercial membership-list data set (DataBridge Insight)",
            "Lodge of St Aidan No. 4821",
            "surname and first initial; year of birth",
            0.58,
            False,
            "Not checked against address or full date of birth; the list is a leaked copy of "
            "uncertain "
            "age; the officer was not asked.",
            datetime(2026, 8, 30, 2, 16, tzinfo=RAISED_AT.tzinfo),
        ),
        (
            "Sport England club affiliation register",
            "Northshire Cricket Club",
            "name and club postcode",
            0.91,
            True,
            "Matches the officer's own declaration.",
            datetime(2026, 8, 30, 2, 16, tzinfo=RAISED_AT.tzinfo),
        ),
    ],
    WALSH.officer_id: [
        (
            "Companies House register of officers",
            "Walsh & Sons Garden Centre",
            "name and address",
            0.88,
            True,
            "Officer listed as a shareholder; declared.",
            datetime(2026, 8, 30, 2, 18, tzinfo=RAISED_AT.tzinfo),
        )
    ],
    BENNETT.officer_id: [
        (
            "RFU club membership register",
            "Northshire Rugby Union Football Club",
            "name and date of birth",
            0.95,
            True,
            "Matches the officer's own declaration.",
            datetime(2026, 8, 30, 2, 20, tzinfo=RAISED_AT.tzinfo),
        )
    ],
}


_DECIDED = RAISED_AT
_BY = "DI Mark Clarke, Professional Standards"

#: Standards actions per officer, for flags the platform raised:
#: (rule id, action, decided at, decided by, note).
STANDARDS: dict[str, list[tuple[str, str, datetime, str, str]]] = {
    HUGHES.officer_id: [
        (
            "roster-manipulation",
            "misconduct_assessment",
            _DECIDED + timedelta(days=3, hours=4),
            _BY,
            "Pattern of self-edits before overtime; assessed for possible dishonesty.",
        ),
        (
            "systems-misuse",
            "management_advice",
            _DECIDED + timedelta(days=9, hours=2),
            "Insp. Paul Rowe, Kirkgate",
            "Reminder to record an incident reference for every check.",
        ),
    ],
    OKAFOR.officer_id: [
        (
            "hybrid-attendance",
            "prevention_notice",
            _DECIDED + timedelta(days=2, hours=3),
            "Supt Helen Marsh, HQ",
            "Attendance below the 80% expectation.",
        )
    ],
    SHAH.officer_id: [
        (
            "undeclared-membership",
            "misconduct_assessment",
            _DECIDED + timedelta(days=1, hours=6),
            _BY,
            "Undeclared membership identified by the analytics platform.",
        )
    ],
    WALSH.officer_id: [
        (
            "presence-elsewhere-sickness",
            "misconduct_assessment",
            _DECIDED + timedelta(days=4, hours=1),
            _BY,
            "Working at secondary employment while certified sick.",
        )
    ],
}

__all__ = ["DECLARATIONS", "REGISTRY_MATCHES", "RULE_NUMBER", "STANDARDS", "WALSH_GARDEN_CENTRE"]
