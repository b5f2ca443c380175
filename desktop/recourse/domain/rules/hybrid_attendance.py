"""`hybrid-attendance`: office attendance below a share of working days.

Version 1 is the rule as the force ran it: every rostered working day of an office or
hybrid post without a badge-in counts as absent, annual leave and sickness included.
`exclude_absence_kinds` lets the officer (or a reviewer) recompute it with those days
left out of the count, and `AttendanceDay` says, day by day, why each was counted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from recourse.domain.rules._common import (
    data_of,
    days_between,
    fmt_date,
    iso_week_label,
    parse_date,
    percent,
    record_id,
    records_of,
    week_bounds,
    window_for,
)
from recourse.domain.rules.model import (
    Observation,
    Parameter,
    RecordsByCategory,
    RuleInputError,
    RuleResult,
    RuleSpec,
    Scalar,
    Step,
    number,
)
from recourse.domain.rules.uktime import uk_date

ABSENCE_KINDS = frozenset({"annual_leave", "sickness", "special_leave"})
HYBRID_LOCATIONS = frozenset({"office", "remote"})

SPEC = RuleSpec(
    id="hybrid-attendance",
    version=1,
    title="Office attendance below 80%",
    description=(
        "Counts the working days rostered for an office or hybrid post over the last 12 "
        "weeks and the days on which the officer's pass opened a force building. The rule "
        "is raised when the share of working days with a badge-in is below 80%. In this "
        "version every working day without a badge-in counts as absent, including days of "
        "annual leave and sickness."
    ),
    parameters=(
        Parameter(
            "window_weeks", 12, "weeks", "How many weeks, up to the day of the check, are examined."
        ),
        Parameter(
            "threshold_percent",
            80,
            "%",
            "The rule is raised when attendance is below this share of working days.",
        ),
    ),
    input_categories=("roster_entries", "absences", "building_access"),
)


@dataclass(frozen=True)
class AttendanceDay:
    """How one working day was classified."""

    day: date
    roster_entry_id: str
    roster_kind: str
    work_location: str
    #: `annual_leave`, `sickness`, `special_leave`, or None for an ordinary working day.
    absence_kind: str | None
    absence_record_id: str | None
    badge_in_record_ids: tuple[str, ...]
    attended: bool
    counted: bool

    @property
    def explanation(self) -> str:
        when = fmt_date(self.day)
        if not self.counted:
            return f"{when}: {self.absence_kind or 'absence'}, left out of the count."
        if self.attended:
            return f"{when}: badge-in recorded, counted as attended."
        if self.absence_kind:
            kind = self.absence_kind.replace("_", " ")
            return f"{when}: {kind}, counted as a working day without attendance."
        return f"{when}: no badge-in ({self.work_location}), counted as absent."


@dataclass(frozen=True)
class HybridAttendanceResult(RuleResult):
    days: tuple[AttendanceDay, ...] = ()
    attendance_percent: float | None = None


def evaluate(
    records: RecordsByCategory,
    *,
    window_end: date,
    parameters: Mapping[str, Scalar] | None = None,
    exclude_absence_kinds: frozenset[str] = frozenset(),
) -> HybridAttendanceResult:
    unknown = sorted(exclude_absence_kinds - ABSENCE_KINDS)
    if unknown:
        raise RuleInputError(
            f"{', '.join(unknown)} is not a kind of absence; use annual_leave, sickness "
            "or special_leave."
        )
    params = SPEC.with_overrides(parameters)
    weeks = int(number(params, "window_weeks"))
    threshold = number(params, "threshold_percent")
    window_start, _ = window_for(window_end, 7 * weeks)

    working: dict[date, tuple[str, str, str]] = {}
    for record in records_of(records, "roster_entries"):
        data = data_of(record)
        day = parse_date(data.get("duty_date"), "The duty date of a roster entry")
        if not window_start <= day <= window_end:
            continue
        kind = str(data.get("kind"))
        location = str(data.get("work_location"))
        if kind == "rest_day" or location not in HYBRID_LOCATIONS:
            continue
        working[day] = (record_id(record), kind, location)

    absence_by_day: dict[date, tuple[str, str]] = {}
    for record in records_of(records, "absences"):
        data = data_of(record)
        start = parse_date(data.get("start_date"), "The start of an absence")
        end = parse_date(data.get("end_date"), "The end of an absence")
        for day in days_between(max(start, window_start), min(end, window_end)):
            absence_by_day.setdefault(day, (str(data.get("kind")), record_id(record)))

    badges: dict[date, list[str]] = defaultdict(list)
    for record in records_of(records, "building_access"):
        if data_of(record).get("direction") != "in":
            continue
        day = uk_date(record["occurred_at"])
        if day in working:
            badges[day].append(record_id(record))

    days: list[AttendanceDay] = []
    for day in sorted(working):
        entry_id, kind, location = working[day]
        absence_kind, absence_id = absence_by_day.get(day, (None, None))
        if kind in ABSENCE_KINDS:
            absence_kind = kind
        days.append(
            AttendanceDay(
                day=day,
                roster_entry_id=entry_id,
                roster_kind=kind,
                work_location=location,
                absence_kind=absence_kind,
                absence_record_id=absence_id,
                badge_in_record_ids=tuple(badges.get(day, ())),
                attended=bool(badges.get(day)),
                counted=absence_kind not in exclude_absence_kinds,
            )
        )

    counted = [d for d in days if d.counted]
    attended = [d for d in counted if d.attended]
    excluded = len(days) - len(counted)
    pct = percent(len(attended), len(counted)) if counted else None
    fires = pct is not None and pct < threshold

    leave_sick_absent = sum(1 for d in counted if d.absence_kind and not d.attended)
    steps = [
        Step("Working days rostered for an office or hybrid post in the window", len(days), "days"),
        Step(
            (
                "Days left out as "
                + " or ".join(sorted(k.replace("_", " ") for k in exclude_absence_kinds))
                if exclude_absence_kinds
                else "Days left out (none: leave and sickness count as working days)"
            ),
            excluded,
            "days",
        ),
        Step("Working days counted", len(counted), "days"),
        Step("Counted days with a badge-in at a force building", len(attended), "days"),
        Step("Counted days of leave or sickness treated as absent", leave_sick_absent, "days"),
    ]
    if pct is None:
        steps.append(Step("No working days to count, so no percentage and no flag", None))
        headline = (
            f"No working days of an office or hybrid post between {fmt_date(window_start)} "
            f"and {fmt_date(window_end)}; the rule does not apply."
        )
    else:
        steps.append(Step(f"Attendance = {len(attended)} ÷ {len(counted)} × 100", pct, "%"))
        steps.append(Step(f"Is {pct}% below {threshold:g}%?", fires))
        headline = (
            f"Office attendance {pct:g}% of working days ({len(attended)} of {len(counted)}) "
            f"between {fmt_date(window_start)} and {fmt_date(window_end)}, "
            + (f"below the {threshold:g}% threshold." if fires else f"not below {threshold:g}%.")
        )

    weekly: dict[str, list[AttendanceDay]] = defaultdict(list)
    for d in counted:
        weekly[iso_week_label(d.day)].append(d)
    observations = []
    for label, week_days in sorted(weekly.items()):
        start, end = week_bounds(week_days[0].day, window_start, window_end)
        present = [d for d in week_days if d.attended]
        observations.append(
            Observation(
                label=label,
                period_start=start,
                period_end=end,
                value=percent(len(present), len(week_days)),
                record_ids=tuple(i for d in week_days for i in d.badge_in_record_ids),
            )
        )

    input_ids: list[str] = []
    for d in days:
        input_ids.append(d.roster_entry_id)
        input_ids.extend(d.badge_in_record_ids)
    input_ids.extend(sorted({d.absence_record_id for d in days if d.absence_record_id}))

    return HybridAttendanceResult(
        rule=SPEC,
        fires=fires,
        headline=headline,
        parameters=params,
        window_start=window_start,
        window_end=window_end,
        input_record_ids=tuple(input_ids),
        observed={
            "working_days": len(days),
            "days_excluded": excluded,
            "days_counted": len(counted),
            "days_attended": len(attended),
            "leave_or_sickness_days_counted_absent": leave_sick_absent,
            "attendance_percent": pct,
            "excluded_absence_kinds": ",".join(sorted(exclude_absence_kinds)) or None,
        },
        threshold=threshold,
        comparison="<",
        steps=tuple(steps),
        observations=tuple(observations),
        confidence=None,
        corroboration="not_applicable",
        corroboration_detail=None,
        evidence_record_ids=tuple(d.roster_entry_id for d in counted if not d.attended),
        days=tuple(days),
        attendance_percent=pct,
    )


def differing_days(
    before: RuleResult, after: RuleResult
) -> list[tuple[AttendanceDay, AttendanceDay]]:
    """Days classified differently by two evaluations (e.g. the force's and a recount)."""
    if not isinstance(before, HybridAttendanceResult) or not isinstance(
        after, HybridAttendanceResult
    ):
        raise RuleInputError("Only two office-attendance results can be compared day by day.")
    after_by_day = {d.day: d for d in after.days}
    return [
        (d, after_by_day[d.day])
        for d in before.days
        if d.day in after_by_day
        and (d.counted, d.attended) != (after_by_day[d.day].counted, after_by_day[d.day].attended)
    ]
