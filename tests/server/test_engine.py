"""The flag engine over the synthetic data: wire flags, actions, reviews, bounded pings."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date

import pytest

from recourse.domain.rules import hybrid_attendance
from recourse.protocol import wire
from recourse_server.engine import evaluate_officer, flag_id
from recourse_server.synth import DEMO_ACCOUNTS, build_dataset
from recourse_server.synth.dataset import REVIEWS

OFFICERS = [a for a in DEMO_ACCOUNTS if a.role == "officer"]


@pytest.fixture(scope="module")
def data():
    return build_dataset()


def _one_shot(data, officer_id):
    """Every category as a one-shot generator, pings unfiltered, as a server might pass."""
    return {c: data.records_of(officer_id, c) for c in wire.CATEGORIES}


@pytest.mark.parametrize("account", OFFICERS, ids=lambda a: a.username)
def test_unfiltered_one_shot_pings_give_the_same_flags_as_the_dataset(data, account) -> None:
    # Two ways in: every ping as a one-shot stream (the engine keeps those on sickness
    # days) and the dataset's own prefiltered lists. The figures are pinned by hand below
    # and in test_readme_figures.py; this checks the streaming filter loses nothing.
    flags = evaluate_officer(account, _one_shot(data, account.officer_id), reviews=REVIEWS)
    assert flags == data.flags(account.officer_id)
    for flag in flags:
        detail = wire.FlagDetail.model_validate(flag)
        assert detail.id.startswith(f"flag-{account.officer_id}-")
        assert detail.provenance.computation and detail.provenance.parameters
        assert detail.headline


@dataclass(frozen=True)
class _Officer:
    officer_id: str


def _record(record_id: str, category: str, occurred_at: str, **data: object) -> dict:
    return {"id": record_id, "category": category, "occurred_at": occurred_at,
            "updated_at": occurred_at, "summary": record_id, "data": data}


def _office_week() -> dict[str, list[dict]]:
    """Five office days, Mon 7 to Fri 11 September 2026 (the week before the default
    window end, Sun 13 September): badge-ins on Mon, Tue and Wed, annual leave on Thu,
    nothing on Fri."""
    days = ["2026-09-07", "2026-09-08", "2026-09-09", "2026-09-10", "2026-09-11"]
    return {
        "roster_entries": [
            _record(f"roster-{day}", "roster_entries", f"{day}T07:00:00Z", duty_date=day,
                    kind="day", work_location="office") for day in days],
        "building_access": [
            _record(f"badge-{day}", "building_access", f"{day}T07:55:00Z", direction="in")
            for day in days[:3]],
        "absences": [
            _record("leave-1", "absences", "2026-09-01T09:00:00Z", kind="annual_leave",
                    start_date="2026-09-10", end_date="2026-09-10")],
    }


def test_a_hand_counted_week_of_office_attendance() -> None:
    # By hand: 3 of the 5 working days have a badge-in: 3 / 5 = 60.0% < 80%, so the rule
    # fires; the leave day counts as absent (1 day). The 12-week window ending Sun 13 Sep
    # 2026 starts 83 days earlier, Mon 22 June. Hybrid attendance is rule 2.
    [flag] = evaluate_officer(_Officer("off-t"), _office_week())
    assert flag["id"] == "flag-off-t-2" and flag["rule"]["id"] == "hybrid-attendance"
    observed = flag["provenance"]["observed"]
    assert (observed["working_days"], observed["days_counted"], observed["days_attended"],
            observed["leave_or_sickness_days_counted_absent"],
            observed["attendance_percent"]) == (5, 5, 3, 1, 60.0)
    assert (flag["provenance"]["window_start"], flag["provenance"]["window_end"]) == (
        "2026-06-22", "2026-09-13")
    assert flag["headline"] == ("Office attendance 60% of working days (3 of 5) between "
                                "22 Jun 2026 and 13 Sep 2026, below the 80% threshold.")
    # No standards action: open, nothing taken, raised and updated at the default time.
    assert (flag["status"], flag["action"], flag["action_taken_at"]) == ("open", "none", None)
    assert flag["raised_at"] == flag["updated_at"] == "2026-09-14T05:30:00Z"
    assert flag["review"] == {"human_reviewed": False, "reviewed_by": None,
                              "reviewed_at": None, "note": None}


def test_a_hand_counted_week_without_the_leave_day() -> None:
    # By hand: leaving out the leave day, 3 of 4 days = 75.0%, still below 80%.
    fair = hybrid_attendance.evaluate(_office_week(), window_end=date(2026, 9, 13),
                                      exclude_absence_kinds=frozenset({"annual_leave"}))
    assert (fair.attendance_percent, fair.observed["days_counted"],
            fair.observed["days_excluded"], fair.fires) == (75.0, 4, 1, True)


def test_a_hand_counted_week_with_a_later_misconduct_assessment() -> None:
    # A misconduct assessment on the flag puts it under review, dated when it was decided.
    records = _office_week()
    records["standards_actions"] = [
        _record("standards-1", "standards_actions", "2026-09-16T10:00:00Z",
                flag_id="flag-off-t-2", action="misconduct_assessment")]
    [flag] = evaluate_officer(_Officer("off-t"), records)
    assert (flag["status"], flag["action"]) == ("under_review", "misconduct_assessment")
    assert flag["updated_at"] == flag["action_taken_at"] == "2026-09-16T10:00:00Z"
    assert flag["raised_at"] == "2026-09-14T05:30:00Z"


def test_flag_ids_are_numbered_by_rule_position() -> None:
    assert flag_id("off-1042", 1) == "flag-off-1042-1"
    ids = {f["rule"]["id"]: f["id"] for f in build_dataset().flags("off-1042")}
    assert ids == {"roster-manipulation": "flag-off-1042-1", "systems-misuse": "flag-off-1042-5"}


def test_action_and_review_come_from_the_records(data) -> None:
    account = next(a for a in OFFICERS if a.username == "ds.shah")
    records = {
        c: list(data.records_of(account.officer_id, c))
        for c in wire.CATEGORIES
        if c != "location_pings"
    }
    with_action = evaluate_officer(account, records)
    assert with_action[0]["action"] == "misconduct_assessment"
    assert with_action[0]["status"] == "under_review"
    assert with_action[0]["review"]["human_reviewed"] is False
    records["standards_actions"] = []
    without = evaluate_officer(account, records)
    assert without[0]["action"] == "none" and without[0]["action_taken_at"] is None
    assert without[0]["status"] == "open"
    reviewed = evaluate_officer(
        account,
        records,
        reviews={
            without[0]["id"]: {
                "human_reviewed": True,
                "reviewed_by": "DI Clarke",
                "reviewed_at": "2026-09-20T10:00:00Z",
                "note": "Checked",
            }
        },
    )
    wire.FlagDetail.model_validate(reviewed[0])
    assert reviewed[0]["review"]["human_reviewed"] is True


def test_later_decision_wins(data) -> None:
    account = next(a for a in OFFICERS if a.username == "ci.okafor")
    records = {
        c: list(data.records_of(account.officer_id, c))
        for c in wire.CATEGORIES
        if c != "location_pings"
    }
    later = copy.deepcopy(records["standards_actions"][0])
    later["id"] = "standards-2107-99"
    later["occurred_at"] = "2026-10-20T09:00:00Z"
    later["data"]["action"] = "none"
    records["standards_actions"].append(later)
    flag = evaluate_officer(account, records)[0]
    assert flag["action"] == "none" and flag["updated_at"] == "2026-10-20T09:00:00Z"


def test_no_records_no_flags() -> None:
    assert evaluate_officer(OFFICERS[0], {}) == []
