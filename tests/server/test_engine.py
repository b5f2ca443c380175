"""The flag engine over the synthetic data: wire flags, actions, reviews, bounded pings."""

from __future__ import annotations

import copy

import pytest

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
def test_engine_over_all_records_matches_the_dataset_flags(data, account) -> None:
    flags = evaluate_officer(account, _one_shot(data, account.officer_id), reviews=REVIEWS)
    assert flags == data.flags(account.officer_id)
    for flag in flags:
        detail = wire.FlagDetail.model_validate(flag)
        assert detail.id.startswith(f"flag-{account.officer_id}-")
        assert detail.provenance.computation and detail.provenance.parameters
        assert detail.headline


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
