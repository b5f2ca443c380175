"""`presence-elsewhere-sickness`: device at a declared second job during sickness.

The pings are taken around the clock, so the result says how many of them fell outside
the times the officer was rostered to work, which is the collection the staff
association objects to.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping
from datetime import date, datetime, timedelta

from recourse.domain.rules._common import (
    data_of,
    days_between,
    fmt_date,
    parse_date,
    record_id,
    records_of,
    window_for,
)
from recourse.domain.rules.model import (
    Observation,
    Parameter,
    RecordsByCategory,
    RuleResult,
    RuleSpec,
    Scalar,
    Step,
    flag,
    number,
)
from recourse.domain.rules.uktime import parse_instant, uk_date

EARTH_RADIUS_M = 6_371_000.0
SECOND_JOB_KINDS = frozenset({"secondary_work", "business_interest"})

SPEC = RuleSpec(
    id="presence-elsewhere-sickness",
    version=1,
    title="Device at second job during sickness",
    description=(
        "Compares the location of the officer's work device, recorded around the clock, "
        "with the places of declared secondary work on days of certified sickness. The rule "
        "is raised when the device was within the radius of such a place on at least a set "
        "number of days. Pings are used whether or not the officer was rostered to work at "
        "the time."
    ),
    parameters=(
        Parameter(
            "window_days", 90, "days", "How many days, up to the day of the check, are examined."
        ),
        Parameter(
            "radius_m",
            200,
            "m",
            "A ping this close to a place of secondary work counts as presence there.",
        ),
        Parameter(
            "min_days",
            2,
            "days",
            "The rule is raised when presence is found on this many days or more.",
        ),
        Parameter(
            "certified_only",
            True,
            None,
            "When true, only sickness covered by a fit note is examined.",
        ),
    ),
    input_categories=("absences", "declarations", "roster_entries", "location_pings"),
)


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine) in metres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def sickness_days(
    records: RecordsByCategory, window_start: date, window_end: date, certified_only: bool
) -> dict[date, str]:
    """Days of sickness in the window, each with the id of the absence covering it."""
    days: dict[date, str] = {}
    for record in records_of(records, "absences"):
        data = data_of(record)
        if data.get("kind") != "sickness" or (certified_only and data.get("certified") is not True):
            continue
        start = parse_date(data.get("start_date"), "The start of an absence")
        end = parse_date(data.get("end_date"), "The end of an absence")
        for day in days_between(max(start, window_start), min(end, window_end)):
            days.setdefault(day, record_id(record))
    return days


def evaluate(
    records: RecordsByCategory,
    *,
    window_end: date,
    parameters: Mapping[str, Scalar] | None = None,
) -> RuleResult:
    params = SPEC.with_overrides(parameters)
    window_start, _ = window_for(window_end, int(number(params, "window_days")))
    radius = number(params, "radius_m")
    min_days = int(number(params, "min_days"))
    sick = sickness_days(records, window_start, window_end, flag(params, "certified_only"))

    places: list[tuple[str, str, float, float]] = []
    for record in records_of(records, "declarations"):
        data = data_of(record)
        if (
            data.get("kind") in SECOND_JOB_KINDS
            and data.get("lat") is not None
            and data.get("lon") is not None
        ):
            places.append(
                (
                    record_id(record),
                    str(data.get("organisation")),
                    float(data["lat"]),
                    float(data["lon"]),
                )
            )

    duty: list[tuple[datetime, datetime]] = []
    for record in records_of(records, "roster_entries"):
        data = data_of(record)
        start = data.get("start") or data.get("planned_start")
        end = data.get("end") or data.get("planned_end")
        if start and end:
            duty.append((parse_instant(start), parse_instant(end)))
    duty.sort()

    # A cheap UTC-date prefilter before parsing: a UK day spans at most two UTC dates.
    utc_dates = {str(d + timedelta(days=k)) for d in sick for k in (-1, 0)}
    examined = 0
    near: list[tuple[str, date, bool, str]] = []
    for record in records_of(records, "location_pings"):
        occurred = record["occurred_at"]
        prefix = occurred[:10] if isinstance(occurred, str) else str(occurred.date())
        if prefix not in utc_dates:
            continue
        at = parse_instant(occurred)
        day = uk_date(at)
        if day not in sick:
            continue
        examined += 1
        data = data_of(record)
        lat, lon = float(data["lat"]), float(data["lon"])
        for place_id, _, plat, plon in places:
            if distance_m(lat, lon, plat, plon) <= radius:
                on_duty = any(start <= at < end for start, end in duty)
                near.append((record_id(record), day, on_duty, place_id))
                break

    days_present = Counter(day for _, day, _, _ in near)
    off_duty = sum(1 for _, _, on_duty, _ in near if not on_duty)
    fires = len(days_present) >= min_days
    by_day: dict[date, list[str]] = defaultdict(list)
    for ping_id, day, _, _ in near:
        by_day[day].append(ping_id)
    observations = tuple(
        Observation(
            label=f"pings within {radius:g} m",
            period_start=day,
            period_end=day,
            value=float(len(ids)),
            record_ids=tuple(ids),
        )
        for day, ids in sorted(by_day.items())
    )
    names = sorted({name for place_id, name, _, _ in places if place_id in {n[3] for n in near}})
    steps = (
        Step("Days of certified sickness in the window", len(sick), "days"),
        Step("Declared places of secondary work with a location", len(places), "places"),
        Step("Device pings recorded on those days (day and night)", examined, "pings"),
        Step(f"Pings within {radius:g} m of a place of secondary work", len(near), "pings"),
        Step("Of those, pings outside the officer's rostered duty time", off_duty, "pings"),
        Step("Days with such pings", len(days_present), "days"),
        Step(f"Are there {min_days} days or more?", fires),
    )
    headline = (
        f"Work device within {radius:g} m of declared secondary work "
        f"({', '.join(names) or 'none'}) on {len(days_present)} day"
        f"{'s' if len(days_present) != 1 else ''} of certified sickness between "
        f"{fmt_date(window_start)} and {fmt_date(window_end)}; {off_duty} of the {len(near)} "
        "pings were outside rostered duty time."
    )
    input_ids = sorted(set(sick.values())) + [p[0] for p in places] + [n[0] for n in near]
    return RuleResult(
        rule=SPEC,
        fires=fires,
        headline=headline,
        parameters=params,
        window_start=window_start,
        window_end=window_end,
        input_record_ids=tuple(input_ids),
        observed={
            "sickness_days": len(sick),
            "pings_examined": examined,
            "pings_near_secondary_work": len(near),
            "pings_outside_rostered_duty": off_duty,
            "pings_in_rostered_duty": len(near) - off_duty,
            "days_present": len(days_present),
        },
        threshold=float(min_days),
        comparison=">=",
        steps=steps,
        observations=observations,
        confidence=None,
        corroboration="uncorroborated",
        corroboration_detail=(
            "Device location only. Nobody asked the officer, read the fit note's advice or "
            f"confirmed who carried the device; {off_duty} of the {len(near)} pings used were "
            "recorded outside rostered duty time."
        ),
        evidence_record_ids=tuple(n[0] for n in near),
    )
