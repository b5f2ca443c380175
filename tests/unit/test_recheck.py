"""Checking the force's arithmetic: the same rule code, as configured and corrected.

Inputs are small hand-built records whose right answers are worked out here by hand;
the "force's flag" is what the real rule produced from them, as the server does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest

from recourse.domain import rules
from recourse.domain.recheck import DutyRoster, check_flag, count_off_duty, parse_utc
from recourse.protocol import wire

NOW = datetime(2026, 11, 1, tzinfo=UTC)
WINDOW_END = date(2026, 10, 30)  # a Friday


@dataclass(frozen=True)
class Rec:
    """The shape of a stored record (`recourse.store.StoredRecord`)."""

    id: str
    category: str
    occurred_at: datetime
    updated_at: datetime
    summary: str | None
    data: dict[str, Any]


class Records:
    """The officer's own records, streamed by category like `Store.iter_category`."""

    def __init__(self) -> None:
        self.by_category: dict[str, list[Rec]] = {}

    def add(self, rec_id: str, category: str, at: datetime, **data: Any) -> None:
        self.by_category.setdefault(category, []).append(Rec(rec_id, category, at, NOW, None, data))

    def iter_category(self, category: str, since: date | None = None, until: date | None = None):
        for record in sorted(self.by_category.get(category, []), key=lambda r: r.occurred_at):
            day = record.occurred_at.date()
            if (since is None or day >= since) and (until is None or day <= until):
                yield record


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=UTC)


def force_flag(rule_id: str, records: Records, window_end: date = WINDOW_END) -> wire.FlagDetail:
    """The flag as the force's engine would publish it: the real rule over the records."""
    rule = rules.rule_by_id(rule_id)
    inputs = {
        category: [
            {"id": r.id, "category": r.category, "occurred_at": r.occurred_at, "data": r.data}
            for r in records.iter_category(category)
        ]
        for category in rule.spec.input_categories
    }
    result = rule.evaluate(inputs, window_end=window_end)
    assert result.fires
    return wire.FlagDetail(
        id=f"flag-test-{rule_id}",
        officer_id="off-test",
        rule=wire.RuleRef(id=rule.spec.id, version=rule.spec.version, title=rule.spec.title),
        status="open",
        raised_at=NOW,
        updated_at=NOW,
        action="prevention_notice",
        headline=result.headline,
        provenance=wire.Provenance(
            parameters=[
                wire.RuleParameter(
                    name=p.name, value=p.value, unit=p.unit, description=p.description
                )
                for p in result.parameters
            ],
            window_start=result.window_start,
            window_end=result.window_end,
            input_record_ids=list(result.input_record_ids),
            observed=dict(result.observed),
            threshold=result.threshold,
            comparison=result.comparison,
            computation=[
                wire.ComputationStep(description=s.description, value=s.value, unit=s.unit)
                for s in result.steps
            ],
            corroboration=result.corroboration,
            corroboration_detail=result.corroboration_detail,
        ),
        review=wire.Review(human_reviewed=False),
    )


def attendance_records() -> tuple[Records, set[date], set[date], set[date]]:
    """60 office working days: 5 of annual leave, 3 of sickness, 5 plain absences."""
    records = Records()
    start = WINDOW_END - timedelta(days=7 * 12 - 1)
    weekdays = [
        start + timedelta(days=k)
        for k in range((WINDOW_END - start).days + 1)
        if (start + timedelta(days=k)).weekday() < 5
    ]
    assert len(weekdays) == 60
    leave, sick, absent = set(weekdays[10:15]), set(weekdays[30:33]), set(weekdays[40:45])
    for n, day in enumerate(weekdays):
        on_leave = day in leave
        records.add(
            f"roster-{n}",
            "roster_entries",
            at(day, 0 if on_leave else 8),
            duty_date=day.isoformat(),
            kind="annual_leave" if on_leave else "day",
            start=None if on_leave else at(day, 8).isoformat(),
            end=None if on_leave else at(day, 17).isoformat(),
            unit="HQ",
            work_location="office",
        )
        if not (on_leave or day in sick or day in absent):
            records.add(
                f"badge-{n}",
                "building_access",
                at(day, 8, 5),
                site="HQ",
                door="Main",
                direction="in",
            )
    records.add(
        "absence-leave",
        "absences",
        at(min(leave), 0),
        kind="annual_leave",
        start_date=min(leave).isoformat(),
        end_date=max(leave).isoformat(),
        certified=False,
        reason="Holiday",
    )
    records.add(
        "absence-sick",
        "absences",
        at(min(sick), 0),
        kind="sickness",
        start_date=min(sick).isoformat(),
        end_date=max(sick).isoformat(),
        certified=True,
        reason="Flu",
    )
    return records, leave, sick, absent


def test_attendance_reproduces_the_force_and_excludes_leave_and_sickness() -> None:
    records, leave, sick, _absent = attendance_records()
    flag = force_flag("hybrid-attendance", records)
    recheck = check_flag(flag, records.iter_category)

    # By hand: 47 badge-in days of 60 counted as the force did; of 52 once leave and
    # sickness are left out.
    assert recheck.reproduces
    assert recheck.force_figure == pytest.approx(78.3)
    assert recheck.figure(recheck.as_configured) == pytest.approx(100 * 47 / 60, abs=0.05)
    assert recheck.correction == "exclude_leave_and_sickness"
    assert recheck.figure(recheck.corrected) == pytest.approx(100 * 47 / 52, abs=0.05)
    assert not recheck.corrected.fires
    assert recheck.days("annual_leave") == len(leave) == 5
    assert recheck.days("sickness") == len(sick) == 3
    differing_days = {d.day for d in recheck.differences if d.day is not None}
    assert differing_days == leave | sick
    ids = recheck.difference_ids()
    assert "absence-leave" in ids and "absence-sick" in ids
    assert len(ids) == len(set(ids)) == 8 + 2


def test_a_force_figure_that_the_records_do_not_give_is_reported() -> None:
    records, *_ = attendance_records()
    flag = force_flag("hybrid-attendance", records)
    observed = dict(flag.provenance.observed) | {"attendance_percent": 72.0, "days_attended": 43}
    tampered = flag.model_copy(
        update={"provenance": flag.provenance.model_copy(update={"observed": observed})}
    )
    recheck = check_flag(tampered, records.iter_category)
    assert not recheck.reproduces
    assert recheck.force_figure == 72.0


def test_presence_during_sickness_without_off_duty_pings() -> None:
    records = Records()
    sick_days = [date(2026, 10, 12), date(2026, 10, 13)]
    records.add(
        "absence-sick",
        "absences",
        at(sick_days[0], 0),
        kind="sickness",
        start_date=sick_days[0].isoformat(),
        end_date=sick_days[1].isoformat(),
        certified=True,
        reason="Back injury",
    )
    records.add(
        "decl-1",
        "declarations",
        at(date(2026, 1, 5), 9),
        kind="secondary_work",
        organisation="Riverside Gym",
        details="Fitness instructor",
        declared_on="2026-01-05",
        lat=51.5000,
        lon=-0.1000,
    )
    for n, day in enumerate(sick_days):
        records.add(
            f"roster-{n}",
            "roster_entries",
            at(day, 7),
            duty_date=day.isoformat(),
            kind="early",
            start=at(day, 7).isoformat(),
            end=at(day, 15).isoformat(),
            unit="Response",
            work_location="field",
        )
    # Day 1: two pings at the gym during the rostered shift. Day 2: three at night.
    on_duty = [("ping-a", at(sick_days[0], 9)), ("ping-b", at(sick_days[0], 10))]
    off_duty = [
        ("ping-c", at(sick_days[1], 20)),
        ("ping-d", at(sick_days[1], 21)),
        ("ping-e", at(sick_days[1], 22)),
    ]
    for ping_id, moment in on_duty + off_duty:
        records.add(
            ping_id,
            "location_pings",
            moment,
            lat=51.5001,
            lon=-0.1001,
            accuracy_m=10,
            device_id="dev-1",
        )
    flag = force_flag("presence-elsewhere-sickness", records, window_end=date(2026, 10, 31))
    recheck = check_flag(flag, records.iter_category)
    assert recheck.reproduces
    assert recheck.force_figure == 2
    assert recheck.correction == "exclude_off_duty_pings"
    assert recheck.figure(recheck.corrected) == 1
    assert not recheck.corrected.fires
    assert recheck.difference_ids() == [ping_id for ping_id, _ in off_duty]


def test_membership_without_unconfirmed_matches() -> None:
    records = Records()
    records.add(
        "match-1",
        "registry_matches",
        at(date(2026, 9, 1), 12),
        registry="Companies House",
        organisation="Northern Shooting Club",
        match_basis="name",
        match_score=0.62,
        corroborated=False,
        corroboration_note="Name only",
    )
    flag = force_flag("undeclared-membership", records, window_end=date(2026, 10, 31))
    recheck = check_flag(flag, records.iter_category)
    assert recheck.reproduces
    assert recheck.correction == "exclude_uncorroborated"
    assert not recheck.corrected.fires
    assert recheck.difference_ids() == ["match-1"]


def test_unknown_rule_version_is_an_error_an_officer_can_read() -> None:
    records, *_ = attendance_records()
    flag = force_flag("hybrid-attendance", records)
    newer = flag.model_copy(update={"rule": replace_rule(flag.rule, version=99)})
    with pytest.raises(rules.RuleInputError, match="cannot check"):
        check_flag(newer, records.iter_category)


def replace_rule(rule: wire.RuleRef, **changes: Any) -> wire.RuleRef:
    return rule.model_copy(update=changes)


def test_duty_roster_classifies_moments() -> None:
    roster = DutyRoster.from_entries(
        [
            {
                "duty_date": "2026-10-12",
                "kind": "early",
                "start": "2026-10-12T07:00:00Z",
                "end": "2026-10-12T15:00:00Z",
            },
            {"duty_date": "2026-10-13", "kind": "night", "start": "22:00", "end": "06:00"},
            {"duty_date": "2026-10-14", "kind": "rest_day", "start": None, "end": None},
        ]
    )
    assert len(roster) == 2
    assert roster.on_duty(datetime(2026, 10, 12, 7, 0, tzinfo=UTC))
    assert not roster.on_duty(datetime(2026, 10, 12, 15, 0, tzinfo=UTC))  # end is exclusive
    assert roster.on_duty(datetime(2026, 10, 14, 5, 59, tzinfo=UTC))  # night shift runs over
    assert not roster.on_duty(datetime(2026, 10, 14, 12, 0, tzinfo=UTC))
    counted = count_off_duty(
        roster, [datetime(2026, 10, 12, 8, tzinfo=UTC), datetime(2026, 10, 12, 20, tzinfo=UTC)]
    )
    assert (counted.off_duty, counted.total, counted.percent) == (1, 2, 50.0)
    assert count_off_duty(roster, []).percent == 0.0


def test_parse_utc_reads_wire_times() -> None:
    assert parse_utc("2026-10-12T07:00:00Z") == datetime(2026, 10, 12, 7, tzinfo=UTC)
    assert parse_utc("07:30", date(2026, 10, 12)) == datetime(2026, 10, 12, 7, 30, tzinfo=UTC)
    assert parse_utc(None) is None
    assert parse_utc("not a time") is None
