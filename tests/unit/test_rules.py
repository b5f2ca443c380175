"""The flag rules over small hand-built records: thresholds, edges and the recount."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from recourse.domain.rules import (
    RULES,
    HybridAttendanceResult,
    RuleInputError,
    differing_days,
    rule_by_id,
)
from recourse.domain.rules import hybrid_attendance as attendance
from recourse.domain.rules import presence_sickness as presence
from recourse.domain.rules import roster_manipulation as roster
from recourse.domain.rules import systems_misuse as lookups
from recourse.domain.rules import undeclared_membership as membership
from recourse.domain.rules.uktime import bst_bounds, uk_date, uk_to_utc

END = date(2026, 9, 13)  # a Sunday
MONDAY = date(2026, 9, 7)


def z(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def rec(record_id: str, category: str, at: datetime, **data: Any) -> dict[str, Any]:
    return {
        "id": record_id,
        "category": category,
        "occurred_at": z(at),
        "updated_at": z(at),
        "data": data,
    }


def utc(day: date, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


def roster_entry(day: date, kind: str = "day", location: str = "office") -> dict[str, Any]:
    on = kind not in ("rest_day", "annual_leave", "sickness")
    return rec(
        f"roster-{day:%Y%m%d}",
        "roster_entries",
        utc(day, 7),
        duty_date=day.isoformat(),
        kind=kind,
        start=z(utc(day, 7)) if on else None,
        end=z(utc(day, 15)) if on else None,
        unit="HQ",
        work_location=location,
    )


def badge(day: date, hour: int = 7) -> dict[str, Any]:
    return rec(
        f"badge-{day:%Y%m%d}-{hour}",
        "building_access",
        utc(day, hour),
        site="HQ",
        door="Main entrance",
        direction="in",
    )


def absence(kind: str, start: date, end: date, certified: bool = True) -> dict[str, Any]:
    return rec(
        f"absence-{kind}-{start:%m%d}",
        "absences",
        utc(start),
        kind=kind,
        start_date=start.isoformat(),
        end_date=end.isoformat(),
        certified=certified,
        reason="test",
    )


def week(kinds: list[str], badged: list[bool]) -> dict[str, list[dict[str, Any]]]:
    days = [MONDAY + timedelta(days=i) for i in range(len(kinds))]
    return {
        "roster_entries": [roster_entry(d, k) for d, k in zip(days, kinds, strict=True)],
        "building_access": [badge(d) for d, b in zip(days, badged, strict=True) if b],
        "absences": [
            absence(k, d, d)
            for d, k in zip(days, kinds, strict=True)
            if k in ("annual_leave", "sickness")
        ],
    }


# ------------------------------------------------------------------ catalogue


def test_catalogue_has_the_five_rules_with_parameters_and_inputs() -> None:
    ids = [rule.spec.id for rule in RULES]
    assert ids == [
        "roster-manipulation",
        "hybrid-attendance",
        "undeclared-membership",
        "presence-elsewhere-sickness",
        "systems-misuse",
    ]
    for rule in RULES:
        assert rule.spec.version >= 1 and rule.spec.description and rule.spec.parameters
        assert rule.spec.input_categories
    assert rule_by_id("hybrid-attendance", 1).spec is attendance.SPEC
    with pytest.raises(RuleInputError, match="does not know the rule"):
        rule_by_id("hybrid-attendance", 9)


def test_unknown_parameter_is_refused_in_words() -> None:
    with pytest.raises(RuleInputError, match="no setting called bogus"):
        attendance.evaluate({}, window_end=END, parameters={"bogus": 1})
    with pytest.raises(RuleInputError, match="must be a number"):
        attendance.evaluate({}, window_end=END, parameters={"threshold_percent": "high"})


# --------------------------------------------------------------- UK time


def test_bst_bounds_and_local_dates() -> None:
    start, end = bst_bounds(2026)
    assert start == datetime(2026, 3, 29, 1, tzinfo=UTC)
    assert end == datetime(2026, 10, 25, 1, tzinfo=UTC)
    assert uk_date("2026-07-01T23:30:00Z") == date(2026, 7, 2)  # 00:30 BST
    assert uk_date("2026-01-01T23:30:00+00:00") == date(2026, 1, 1)  # GMT
    assert uk_to_utc(datetime(2026, 7, 1, 8)) == datetime(2026, 7, 1, 7, tzinfo=UTC)
    assert uk_to_utc(datetime(2026, 1, 5, 8)) == datetime(2026, 1, 5, 8, tzinfo=UTC)
    with pytest.raises(ValueError, match="no UTC offset"):
        uk_date("2026-07-01T10:00:00")


# ------------------------------------------------------------ attendance


def test_exactly_80_percent_does_not_fire() -> None:
    result = attendance.evaluate(week(["day"] * 5, [True, True, True, True, False]), window_end=END)
    assert result.attendance_percent == 80.0
    assert result.fires is False
    assert result.comparison == "<" and result.threshold == 80


def test_below_80_fires_with_steps_and_weekly_observation() -> None:
    result = attendance.evaluate(
        week(["day"] * 5, [True, True, True, False, False]), window_end=END
    )
    assert result.fires and result.attendance_percent == 60.0
    assert result.observed["days_counted"] == 5 and result.observed["days_attended"] == 3
    assert [o.label for o in result.observations] == ["2026-W37"]
    assert result.observations[0].value == 60.0
    assert any("3 ÷ 5" in step.description for step in result.steps)
    assert "below the 80% threshold" in result.headline


def test_no_working_days_gives_no_percentage_and_no_flag() -> None:
    records = week(["rest_day"] * 3, [True, False, False])
    records["roster_entries"].append(roster_entry(MONDAY + timedelta(days=4), "early", "field"))
    result = attendance.evaluate(records, window_end=END)
    assert result.attendance_percent is None and not result.fires
    assert result.observed["working_days"] == 0
    assert attendance.evaluate({}, window_end=END).fires is False


def test_leave_and_sickness_counted_absent_in_v1_and_excluded_on_recount() -> None:
    records = week(
        ["day", "day", "day", "annual_leave", "sickness"], [True, True, True, False, False]
    )
    force = attendance.evaluate(records, window_end=END)
    recount = attendance.evaluate(
        records, window_end=END, exclude_absence_kinds=frozenset({"annual_leave", "sickness"})
    )
    assert force.attendance_percent == 60.0 and force.fires
    assert recount.attendance_percent == 100.0 and not recount.fires
    assert force.observed["leave_or_sickness_days_counted_absent"] == 2
    changed = differing_days(force, recount)
    assert [(before.day.weekday(), before.absence_kind) for before, _ in changed] == [
        (3, "annual_leave"),
        (4, "sickness"),
    ]
    assert all(before.counted and not after.counted for before, after in changed)
    assert "counted as a working day without attendance" in changed[0][0].explanation
    assert "left out of the count" in changed[0][1].explanation


def test_absence_record_alone_marks_the_day() -> None:
    records = week(["day"] * 5, [True, True, True, True, False])
    records["absences"] = [
        absence("sickness", MONDAY + timedelta(days=4), MONDAY + timedelta(days=4))
    ]
    recount = attendance.evaluate(
        records, window_end=END, exclude_absence_kinds=frozenset({"sickness"})
    )
    assert recount.attendance_percent == 100.0
    assert recount.days[-1].absence_record_id == "absence-sickness-0911"


def test_badge_in_by_uk_date_not_utc_date() -> None:
    day = MONDAY
    records = {
        "roster_entries": [roster_entry(day)],
        # 23:30 UTC the evening before is 00:30 BST on the day itself.
        "building_access": [
            rec(
                "b1",
                "building_access",
                utc(day - timedelta(days=1), 23, 30),
                site="HQ",
                door="x",
                direction="in",
            )
        ],
    }
    assert attendance.evaluate(records, window_end=END).attendance_percent == 100.0


def test_out_events_and_outside_window_do_not_count() -> None:
    records = {
        "roster_entries": [roster_entry(MONDAY), roster_entry(date(2026, 1, 5))],
        "building_access": [
            rec("b1", "building_access", utc(MONDAY, 8), site="HQ", door="x", direction="out"),
            badge(date(2026, 1, 5)),
        ],
    }
    result = attendance.evaluate(records, window_end=END)
    assert result.observed["working_days"] == 1 and result.attendance_percent == 0.0


def test_unknown_absence_kind_is_refused() -> None:
    with pytest.raises(RuleInputError, match="not a kind of absence"):
        attendance.evaluate({}, window_end=END, exclude_absence_kinds=frozenset({"holiday"}))


def test_threshold_override_changes_the_outcome() -> None:
    records = week(["day"] * 5, [True, True, True, False, False])
    assert not attendance.evaluate(
        records, window_end=END, parameters={"threshold_percent": 50}
    ).fires
    assert isinstance(attendance.evaluate(records, window_end=END), HybridAttendanceResult)


# ------------------------------------------------------- roster manipulation


def _edit(n: int, entry: str, at: datetime, by_self: bool = True) -> dict[str, Any]:
    return rec(
        f"ra-{n}",
        "roster_audit",
        at,
        roster_entry_id=entry,
        field="kind",
        old_value="rest_day",
        new_value="early",
        edited_by="x",
        edited_by_self=by_self,
        reason="r",
    )


def _claim(n: int, entry: str, day: date, start: datetime) -> dict[str, Any]:
    return rec(
        f"ot-{n}",
        "overtime",
        start,
        duty_date=day.isoformat(),
        hours=10,
        claimed_reason="Rest day worked",
        approved_by="PS Barker",
        roster_entry_id=entry,
    )


def _pairs(count: int, gap_hours: float = 24) -> dict[str, list[dict[str, Any]]]:
    edits, claims = [], []
    for n in range(count):
        day = date(2026, 8, 1) + timedelta(days=7 * n)
        start = utc(day, 6)
        edits.append(_edit(n, f"roster-{n}", start - timedelta(hours=gap_hours)))
        claims.append(_claim(n, f"roster-{n}", day, start))
    return {"roster_audit": edits, "overtime": claims}


def test_three_pairs_fire_two_do_not() -> None:
    fired = roster.evaluate(_pairs(3), window_end=END)
    assert fired.fires and fired.observed["pairs"] == 3
    assert fired.observed["paired_overtime_hours"] == 30
    assert set(fired.evidence_record_ids) == {"ra-0", "ot-0", "ra-1", "ot-1", "ra-2", "ot-2"}
    assert "PS Barker" in (fired.corroboration_detail or "")
    assert not roster.evaluate(_pairs(2), window_end=END).fires


def test_edit_too_early_after_or_by_supervisor_is_not_a_pair() -> None:
    assert roster.evaluate(_pairs(3, gap_hours=73), window_end=END).observed["pairs"] == 0
    assert roster.evaluate(_pairs(3, gap_hours=-1), window_end=END).observed["pairs"] == 0
    records = _pairs(3)
    records["roster_audit"] = [
        _edit(n, f"roster-{n}", utc(date(2026, 8, 1) + timedelta(days=7 * n), 1), by_self=False)
        for n in range(3)
    ]
    result = roster.evaluate(records, window_end=END)
    assert result.observed == {
        "self_edits": 0,
        "overtime_claims": 3,
        "pairs": 0,
        "paired_overtime_hours": 0,
    }
    assert roster.evaluate({}, window_end=END).fires is False


# ------------------------------------------------------------- membership


def _declaration(org: str) -> dict[str, Any]:
    return rec(
        "dec-1",
        "declarations",
        utc(date(2022, 1, 1)),
        kind="membership",
        organisation=org,
        details="",
        declared_on="2022-01-01",
        lat=None,
        lon=None,
    )


def _match(n: int, org: str, score: float, corroborated: bool) -> dict[str, Any]:
    return rec(
        f"reg-{n}",
        "registry_matches",
        utc(date(2026, 8, 30), 2),
        registry="R",
        organisation=org,
        match_basis="surname",
        match_score=score,
        corroborated=corroborated,
        corroboration_note="Not checked.",
    )


def test_declared_match_does_not_fire_and_names_are_normalised() -> None:
    records = {
        "declarations": [_declaration("Walsh & Sons Garden Centre")],
        "registry_matches": [_match(1, "WALSH AND SONS GARDEN CENTRE", 0.9, True)],
    }
    result = membership.evaluate(records, window_end=END)
    assert not result.fires and result.corroboration == "not_applicable"


def test_uncorroborated_match_fires_in_v1_and_says_so() -> None:
    records = {
        "declarations": [_declaration("Cricket Club")],
        "registry_matches": [
            _match(1, "Lodge No. 1", 0.58, False),
            _match(2, "Cricket Club", 0.9, True),
        ],
    }
    result = membership.evaluate(records, window_end=END)
    assert result.fires and result.corroboration == "uncorroborated"
    assert result.evidence_record_ids == ("reg-1",) and result.confidence == 0.58
    assert "not confirmed" in result.headline
    strict = membership.evaluate(
        records, window_end=END, parameters={"require_corroboration": True}
    )
    assert not strict.fires
    low = membership.evaluate(records, window_end=END, parameters={"min_match_score": 0.6})
    assert not low.fires


def test_corroborated_undeclared_match_is_marked_corroborated() -> None:
    result = membership.evaluate(
        {"registry_matches": [_match(1, "Lodge", 0.95, True)]}, window_end=END
    )
    assert result.fires and result.corroboration == "corroborated"


# --------------------------------------------------------------- presence

JOB = (53.84712, -1.47795)
SICK_START, SICK_END = date(2026, 7, 6), date(2026, 7, 24)


def _presence_records(
    ping_times: list[datetime], *, certified: bool = True, far: bool = False
) -> dict[str, list[dict[str, Any]]]:
    lat = JOB[0] + (0.05 if far else 0.0005)  # 0.0005 degrees is about 56 m
    return {
        "absences": [absence("sickness", SICK_START, SICK_END, certified)],
        "declarations": [
            rec(
                "dec-1",
                "declarations",
                utc(date(2021, 9, 30)),
                kind="secondary_work",
                organisation="Garden Centre",
                details="",
                declared_on="2021-09-30",
                lat=JOB[0],
                lon=JOB[1],
            )
        ],
        # Rostered on 7 July 06:00-16:00 UTC (the shift replaced by sickness).
        "roster_entries": [
            rec(
                "roster-0707",
                "roster_entries",
                utc(date(2026, 7, 7)),
                duty_date="2026-07-07",
                kind="sickness",
                start=None,
                end=None,
                unit="A",
                work_location="field",
                planned_start="2026-07-07T06:00:00Z",
                planned_end="2026-07-07T16:00:00Z",
            )
        ],
        "location_pings": [
            rec(
                f"ping-{i}", "location_pings", at, lat=lat, lon=JOB[1], accuracy_m=10, device_id="d"
            )
            for i, at in enumerate(ping_times)
        ],
    }


def test_presence_on_two_sick_days_fires_and_counts_off_duty_pings() -> None:
    times = [
        utc(date(2026, 7, 7), 10),
        utc(date(2026, 7, 7), 10, 15),  # rostered time
        utc(date(2026, 7, 11), 9),
        utc(date(2026, 7, 11), 9, 15),  # rest day
        utc(date(2026, 8, 1), 9),
    ]  # not sick
    result = presence.evaluate(_presence_records(times), window_end=END)
    assert result.fires
    assert result.observed["pings_near_secondary_work"] == 4
    assert result.observed["pings_outside_rostered_duty"] == 2
    assert result.observed["days_present"] == 2
    assert result.evidence_record_ids == ("ping-0", "ping-1", "ping-2", "ping-3")
    assert "2 of the 4 pings" in (result.corroboration_detail or "")
    assert result.corroboration == "uncorroborated"


def test_presence_needs_nearness_certification_and_two_days() -> None:
    times = [utc(date(2026, 7, 7), 10), utc(date(2026, 7, 11), 9)]
    assert not presence.evaluate(_presence_records(times, far=True), window_end=END).fires
    assert not presence.evaluate(_presence_records(times, certified=False), window_end=END).fires
    assert presence.evaluate(
        _presence_records(times, certified=False),
        window_end=END,
        parameters={"certified_only": False},
    ).fires
    assert not presence.evaluate(_presence_records(times[:1]), window_end=END).fires
    assert presence.distance_m(JOB[0], JOB[1], JOB[0] + 0.001, JOB[1]) == pytest.approx(111, abs=1)


# ----------------------------------------------------------- systems misuse


def _lookups(unlinked: int, linked: int = 5, day: date = date(2026, 9, 1)) -> dict[str, Any]:
    items = [
        rec(
            f"lk-{i}",
            "system_lookups",
            utc(day, 10, i),
            system="PNC",
            subject_ref="VRM-1",
            case_ref=None,
            purpose="Stop check",
        )
        for i in range(unlinked)
    ]
    items += [
        rec(
            f"lk-c{i}",
            "system_lookups",
            utc(day, 11, i),
            system="PNC",
            subject_ref="VRM-2",
            case_ref="INC-1",
            purpose="Incident",
        )
        for i in range(linked)
    ]
    return {"system_lookups": items}


def test_more_than_ten_unlinked_fires_ten_does_not() -> None:
    assert lookups.evaluate(_lookups(11), window_end=END).fires
    at_limit = lookups.evaluate(_lookups(10), window_end=END)
    assert not at_limit.fires and at_limit.observed["lookups"] == 15
    old = lookups.evaluate(_lookups(20, day=date(2026, 7, 1)), window_end=END)
    assert old.observed["lookups"] == 0 and not old.fires
