"""The synthetic force data: determinism, the demo stories, wire validity and volumes."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
import tracemalloc
from datetime import date, datetime
from itertools import islice
from pathlib import Path

import pytest

from recourse.domain.rules import hybrid_attendance, rule_by_id
from recourse.protocol import wire
from recourse_server.synth import DEMO_ACCOUNTS, WINDOW_END, Account, build_dataset

LEAVE_AND_SICKNESS = frozenset({"annual_leave", "sickness"})
BY_USERNAME = {account.username: account for account in DEMO_ACCOUNTS}
OFFICERS = [a for a in DEMO_ACCOUNTS if a.role == "officer"]


@pytest.fixture(scope="module")
def data():
    return build_dataset()


def digest(dataset, officers) -> str:
    h = hashlib.sha256()
    for account in officers:
        for record in dataset.records(account.officer_id):
            h.update(json.dumps(record, sort_keys=True).encode())
        h.update(json.dumps(dataset.access_log(account.officer_id), sort_keys=True).encode())
    return h.hexdigest()


def test_same_seed_same_data_different_seed_different_data() -> None:
    some = [BY_USERNAME["pc.hughes"], BY_USERNAME["pc.walsh"]]
    first = digest(build_dataset(seed=2026, ping_interval_minutes=60), some)
    assert first == digest(build_dataset(seed=2026, ping_interval_minutes=60), some)
    assert first != digest(build_dataset(seed=7, ping_interval_minutes=60), some)
    # Another process with another string-hash seed builds the same data (nothing may
    # depend on hash(), which differs between processes).
    code = (
        "from recourse_server.synth import build_dataset\n"
        "from tests.server.test_synth import BY_USERNAME, digest\n"
        "print(digest(build_dataset(seed=2026, ping_interval_minutes=60),"
        " [BY_USERNAME['pc.hughes'], BY_USERNAME['pc.walsh']]))\n")
    other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True, timeout=300,
                           env={**os.environ, "PYTHONHASHSEED": "12345"},
                           cwd=Path(__file__).resolve().parents[2])
    assert other.stdout.strip() == first


def test_accounts_cover_every_story() -> None:
    roles = [a.role for a in DEMO_ACCOUNTS]
    assert roles.count("representative") == 1 and roles.count("reviewer") == 1
    assert len({a.username for a in DEMO_ACCOUNTS}) == len(DEMO_ACCOUNTS)
    assert len({a.officer_id for a in DEMO_ACCOUNTS}) == len(DEMO_ACCOUNTS)
    rep = BY_USERNAME["rep.davies"]
    assert 2 <= len(rep.represents) <= 3
    assert all(BY_USERNAME[u].officer_id for u in ("heavy", "psd.clarke"))
    for account in DEMO_ACCOUNTS:
        assert isinstance(account, Account)
        assert len(account.password) >= 12 and account.username.split(".")[-1] in account.password
        wire.Me.model_validate(
            {
                "officer_id": account.officer_id,
                "username": account.username,
                "name": account.name,
                "role": account.role,
                "force_number": account.force_number,
                "rank": account.rank,
                "unit": account.unit,
            }
        )
    with pytest.raises(AttributeError):
        rep.role = "officer"  # type: ignore[misc]


def test_every_output_validates_against_the_wire_models(data) -> None:
    wire.RuleCatalogue.model_validate({"rules": data.rules()})
    catalogue = wire.SourceCatalogue.model_validate({"sources": data.sources()})
    assert {s.category for s in catalogue.sources} == {*wire.CATEGORIES, "access_log", "flags"}
    for account in DEMO_ACCOUNTS:
        seen: set[str] = set()
        for record in data.records(account.officer_id):
            model = wire.Record.model_validate(record)
            assert model.id not in seen
            seen.add(model.id)
            assert model.occurred_at.utcoffset() is not None
            if model.category != "location_pings":
                assert model.summary
        wire.AccessLog.model_validate({"entries": data.access_log(account.officer_id)})
        for flag in data.flags(account.officer_id):
            wire.FlagDetail.model_validate(flag)


def test_records_are_grouped_in_wire_order_and_pings_in_time_order(data) -> None:
    categories: list[str] = []
    last_ping = ""
    for record in data.records("off-1042"):
        if not categories or categories[-1] != record["category"]:
            assert record["category"] not in categories
            categories.append(record["category"])
        if record["category"] == "location_pings":
            assert record["occurred_at"] > last_ping
            last_ping = record["occurred_at"]
    order = [c for c in wire.CATEGORIES if c in categories]
    assert categories == order


def test_volumes_are_realistic(data) -> None:
    counts: dict[str, int] = {}
    for record in data.records("off-1042"):
        counts[record["category"]] = counts.get(record["category"], 0) + 1
    assert counts["roster_entries"] == 365
    assert 1500 <= counts["roster_entries"] + counts["roster_audit"] <= 2500
    assert 400 <= counts["building_access"] + counts["logins"] <= 1200
    assert 10 <= counts["overtime"] + counts["absences"] <= 80
    assert counts["location_pings"] == 365 * 24 * 4  # one every 15 minutes, day and night
    assert 10 <= len(data.access_log("off-1042")) <= 60


def test_data_window_is_the_fixed_year(data) -> None:
    pings = list(data.records_of("off-1733", "location_pings"))
    assert pings[0]["occurred_at"] == "2025-11-01T00:00:00Z"
    assert pings[-1]["occurred_at"] == "2026-10-31T23:45:00Z"
    entries = [r["data"]["duty_date"] for r in data.records_of("off-1733", "roster_entries")]
    assert entries[0] == "2025-11-01" and entries[-1] == "2026-10-31"


def test_non_officers_have_no_records_and_unknown_officers_are_refused(data) -> None:
    for username in ("rep.davies", "psd.clarke"):
        officer_id = BY_USERNAME[username].officer_id
        assert list(data.records(officer_id)) == []
        assert data.flags(officer_id) == [] and data.access_log(officer_id) == []
    with pytest.raises(KeyError):
        data.records("off-0000")
    with pytest.raises(KeyError):
        list(data.records_of("off-1042", "gossip"))
    with pytest.raises(ValueError, match="divide a day"):
        build_dataset(ping_interval_minutes=7)


def test_access_log_includes_vague_reasons(data) -> None:
    reasons = {e["reason"] for e in data.access_log("off-2107")}
    assert "analytics review" in reasons
    assert any("flag-off-2107-2" in e["what"] for e in data.access_log("off-2107"))


# ------------------------------------------------------------------ stories


def _flags_by_rule(data, officer_id):
    return {flag["rule"]["id"]: flag for flag in data.flags(officer_id)}


def _inputs(data, officer_id, categories):
    return {c: list(data.records_of(officer_id, c)) for c in categories}


def test_roster_manipulation_story(data) -> None:
    flag = _flags_by_rule(data, BY_USERNAME["pc.hughes"].officer_id)["roster-manipulation"]
    assert flag["id"] == "flag-off-1042-1" and flag["action"] == "misconduct_assessment"
    assert flag["provenance"]["observed"]["pairs"] >= 3
    audit = {r["id"]: r for r in data.records_of("off-1042", "roster_audit")}
    paired_edits = [audit[i] for i in flag["provenance"]["input_record_ids"] if i in audit]
    assert paired_edits and all(e["data"]["edited_by_self"] for e in paired_edits)
    # Most roster edits are by others (planners, supervisors).
    assert sum(r["data"]["edited_by_self"] for r in audit.values()) < len(audit) / 20


def test_senior_leader_attendance_story(data) -> None:
    okafor = BY_USERNAME["ci.okafor"]
    assert okafor.rank in ("Chief Inspector", "Superintendent")
    flag = _flags_by_rule(data, okafor.officer_id)["hybrid-attendance"]
    force_percent = flag["provenance"]["observed"]["attendance_percent"]
    assert force_percent < 80
    # The figures the README states: 41 badge-in days of 59 working days, 41/59 = 69.5%.
    assert force_percent == 69.5
    inputs = _inputs(data, okafor.officer_id, hybrid_attendance.SPEC.input_categories)
    window_end = date.fromisoformat(flag["provenance"]["window_end"])
    again = hybrid_attendance.evaluate(inputs, window_end=window_end)
    # The client can reproduce the force's figure from the records alone.
    assert (again.attendance_percent, again.observed["days_attended"],
            again.observed["days_counted"]) == (69.5, 41, 59)
    fair = hybrid_attendance.evaluate(
        inputs, window_end=window_end, exclude_absence_kinds=LEAVE_AND_SICKNESS
    )
    assert fair.attendance_percent is not None and 80 <= fair.attendance_percent <= 86
    # Without the 9 days of leave and sickness: 41 of 50 = 82.0%.
    assert (fair.attendance_percent, fair.observed["days_attended"],
            fair.observed["days_counted"], fair.observed["days_excluded"]) == (82.0, 41, 50, 9)
    differing = hybrid_attendance.differing_days(again, fair)
    assert len(differing) == 9
    kinds = {before.absence_kind for before, _ in differing}
    assert kinds == {"annual_leave", "sickness"}


def test_uncorroborated_membership_story(data) -> None:
    flag = _flags_by_rule(data, BY_USERNAME["ds.shah"].officer_id)["undeclared-membership"]
    assert flag["provenance"]["corroboration"] == "uncorroborated"
    assert flag["provenance"]["corroboration_detail"]
    assert flag["action"] != "none" and flag["review"]["human_reviewed"] is False


def test_presence_story_uses_off_duty_pings(data) -> None:
    walsh = BY_USERNAME["pc.walsh"].officer_id
    flag = _flags_by_rule(data, walsh)["presence-elsewhere-sickness"]
    ping_ids = [i for i in flag["provenance"]["input_record_ids"] if i.startswith("ping-")]
    assert ping_ids
    duty = []
    for entry in data.records_of(walsh, "roster_entries"):
        start = entry["data"]["start"] or entry["data"].get("planned_start")
        end = entry["data"]["end"] or entry["data"].get("planned_end")
        if start:
            duty.append((datetime.fromisoformat(start), datetime.fromisoformat(end)))
    wanted = set(ping_ids)
    pings = [p for p in data.records_of(walsh, "location_pings") if p["id"] in wanted]
    assert len(pings) == len(ping_ids)
    off_duty = [
        p
        for p in pings
        if not any(s <= datetime.fromisoformat(p["occurred_at"]) < e for s, e in duty)
    ]
    assert off_duty
    assert flag["provenance"]["observed"]["pings_outside_rostered_duty"] == len(off_duty)
    # Off duty includes rest days at home-time hours, not only shifts lost to sickness.
    rest_days = {
        e["data"]["duty_date"]
        for e in data.records_of(walsh, "roster_entries")
        if e["data"]["kind"] == "rest_day"
    }
    assert any(p["occurred_at"][:10] in rest_days for p in off_duty)


def test_pings_are_collected_at_home_on_rest_days(data) -> None:
    walsh = BY_USERNAME["pc.walsh"].officer_id
    rest_day = next(
        e["data"]["duty_date"]
        for e in data.records_of(walsh, "roster_entries")
        if e["data"]["kind"] == "rest_day"
    )
    night = [
        p
        for p in data.pings_on(walsh, [date.fromisoformat(rest_day)])
        if p["occurred_at"][11:13] in ("02", "03")
    ]
    assert night  # 24/7 collection: the device is tracked at home at night on a rest day


def test_systems_misuse_story(data) -> None:
    flag = _flags_by_rule(data, "off-1042")["systems-misuse"]
    assert flag["provenance"]["observed"]["unlinked_lookups"] > 10


def test_officer_without_flags(data) -> None:
    assert data.flags(BY_USERNAME["ps.bennett"].officer_id) == []


def test_representative_acts_for_flagged_officers(data) -> None:
    for officer_id in BY_USERNAME["rep.davies"].represents:
        assert data.flags(officer_id)


def test_standards_actions_match_the_flags(data) -> None:
    for account in OFFICERS:
        flags = {f["id"]: f for f in data.flags(account.officer_id)}
        for action in data.records_of(account.officer_id, "standards_actions"):
            flag = flags[action["data"]["flag_id"]]
            assert flag["action"] == action["data"]["action"]
            assert flag["action_taken_at"] == action["occurred_at"]
        assert all(f["raised_at"] <= f["updated_at"] for f in flags.values())
    reviewed = [
        f for a in OFFICERS for f in data.flags(a.officer_id) if f["review"]["human_reviewed"]
    ]
    acted = [f for a in OFFICERS for f in data.flags(a.officer_id) if f["action"] != "none"]
    assert len(reviewed) < len(acted) / 2  # most acted on without a human review


def test_stories_hold_for_another_seed() -> None:
    other = build_dataset(seed=99, ping_interval_minutes=60)
    assert {f["rule"]["id"] for f in other.flags("off-1042")} >= {"roster-manipulation"}
    assert _flags_by_rule(other, "off-2107")["hybrid-attendance"]
    assert _flags_by_rule(other, "off-1517")["undeclared-membership"]
    assert _flags_by_rule(other, "off-1290")["presence-elsewhere-sickness"]
    assert other.flags("off-1733") == []
    rule = rule_by_id("hybrid-attendance").spec
    inputs = _inputs(other, "off-2107", rule.input_categories)
    fair = hybrid_attendance.evaluate(
        inputs, window_end=WINDOW_END, exclude_absence_kinds=LEAVE_AND_SICKNESS
    )
    assert fair.attendance_percent is not None and fair.attendance_percent >= 80


# ------------------------------------------------------------------ volumes


def test_one_minute_pings_for_heavy_in_seconds() -> None:
    data = build_dataset(ping_interval_minutes=1)
    started = time.perf_counter()
    counts = {"pings": 0, "others": 0}
    for record in data.records(BY_USERNAME["heavy"].officer_id):
        counts["pings" if record["category"] == "location_pings" else "others"] += 1
    elapsed = time.perf_counter() - started
    assert counts["pings"] == 525_600 and counts["others"] > 1500
    assert elapsed < 15, f"{elapsed:.1f} s for a year of one-minute pings"  # ~1 s here


def test_one_minute_pings_are_generated_in_bounded_memory() -> None:
    data = build_dataset(ping_interval_minutes=1)
    # tracemalloc slows Python several-fold, so follow the first 150,000 pings: a
    # generator that built its list up front, or kept what it yielded, would already
    # hold 100 MB or more by then.
    tracemalloc.start()
    try:
        pings = 0
        for record in data.records(BY_USERNAME["heavy"].officer_id):
            if record["category"] == "location_pings":
                pings += 1
                if pings == 150_000:
                    break
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert pings == 150_000
    assert peak < 20 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB: pings are being held"


def test_pings_on_days_are_the_same_pings(data) -> None:
    days = [date(2026, 3, 29), date(2026, 7, 7)]
    subset = list(data.pings_on("off-1290", days))
    full = [
        p
        for p in data.records_of("off-1290", "location_pings")
        if p["occurred_at"][:10] in {str(d) for d in days}
    ]
    assert subset == full and len(subset) == 2 * 96
    # By hand: a ping every 15 minutes from 00:00Z, its id the minute since the data's
    # start (1 Nov 2025). 29 Mar 2026 is day 30 + 31 + 31 + 28 + 28 = 148: minute
    # 148 × 1440 = 213,120; 7 Jul 2026 is day 148 + 3 + 30 + 31 + 30 + 6 = 248: 357,120.
    assert [(p["id"], p["occurred_at"]) for p in (subset[0], subset[95], subset[96])] == [
        ("ping-1290-213120", "2026-03-29T00:00:00Z"),
        ("ping-1290-214545", "2026-03-29T23:45:00Z"),
        ("ping-1290-357120", "2026-07-07T00:00:00Z"),
    ]
    assert (
        list(islice(data.records_of("off-1290", "location_pings"), 2))[1]["id"]
        == "ping-1290-000015"
    )
