"""The plain-words explanation is built from the flag's provenance numbers."""

from __future__ import annotations

from datetime import UTC, date, datetime

from recourse.protocol import wire
from recourse.ui.explain import (
    comparison_words,
    corroboration_sentence,
    explain,
    review_sentence,
    window_words,
)

NOW = datetime(2026, 11, 1, tzinfo=UTC)


def make_flag(rule_id: str = "hybrid-attendance", **provenance: object) -> wire.FlagDetail:
    fields: dict[str, object] = {
        "parameters": [],
        "window_start": date(2026, 8, 8),
        "window_end": date(2026, 10, 30),
        "input_record_ids": ["roster-1", "badge-1", "absence-1"],
        "observed": {
            "working_days": 60,
            "days_counted": 60,
            "days_attended": 43,
            "leave_or_sickness_days_counted_absent": 13,
            "attendance_percent": 71.7,
        },
        "threshold": 80.0,
        "comparison": "<",
        "computation": [
            wire.ComputationStep(description="Working days counted", value=60, unit="days"),
            wire.ComputationStep(description="Is 71.7% below 80%?", value=True),
        ],
        "corroboration": "not_applicable",
    }
    fields.update(provenance)
    return wire.FlagDetail(
        id="flag-1",
        officer_id="off-1",
        rule=wire.RuleRef(id=rule_id, version=1, title="Office attendance below 80%"),
        status="open",
        raised_at=NOW,
        updated_at=NOW,
        action="prevention_notice",
        headline="Office attendance 71.7%",
        provenance=wire.Provenance(**fields),
        review=wire.Review(human_reviewed=False),
    )


def test_attendance_sentence_uses_the_observed_numbers() -> None:
    text = explain(make_flag())
    assert text.startswith(
        "The force's system counted 43 of 60 working days as office attendance (71.7%), "
        "below its 80% threshold over 12 weeks from 2026-08-08 to 2026-10-30."
    )
    assert "13 days of annual leave or sickness as absence" in text
    assert "1. Working days counted: 60 days" in text
    assert "2. Is 71.7% below 80%?: Yes" in text
    assert "It used 3 of your records as input." in text


def test_other_numbers_give_other_words() -> None:
    flag = make_flag(observed={"days_counted": 50, "days_attended": 30, "attendance_percent": 60})
    assert "counted 30 of 50 working days as office attendance (60%)" in explain(flag)


def test_unknown_rule_gets_the_generic_account_of_its_numbers() -> None:
    flag = make_flag(
        rule_id="some-new-rule",
        observed={"unlinked_lookups": 14},
        threshold=10.0,
        comparison=">",
        window_start=date(2026, 10, 1),
        window_end=date(2026, 10, 30),
    )
    text = explain(flag)
    assert "unlinked lookups 14 over 30 days from 2026-10-01 to 2026-10-30" in text
    assert "the result was above 10" in text


def test_uncorroborated_and_unreviewed_are_said_plainly() -> None:
    flag = make_flag(corroboration="uncorroborated", corroboration_detail="Name match only.")
    assert "NOT corroborated" in corroboration_sentence(flag)
    assert corroboration_sentence(flag).endswith("Name match only.")
    assert review_sentence(flag).startswith("NOT reviewed by a person")
    reviewed = flag.model_copy(
        update={
            "review": wire.Review(
                human_reviewed=True,
                reviewed_by="Insp. Cole",
                reviewed_at=NOW,
                note="Checked the badge data.",
            )
        }
    )
    assert review_sentence(reviewed) == (
        "Reviewed by a person (Insp. Cole) on 2026-11-01. Checked the badge data."
    )


def test_words_for_comparisons_and_windows() -> None:
    assert comparison_words("<") == "below"
    assert comparison_words(">=") == "at or above"
    assert window_words(date(2026, 1, 1), date(2026, 1, 14)) == (
        "over 2 weeks from 2026-01-01 to 2026-01-14"
    )
    assert window_words(date(2026, 1, 1), date(2026, 1, 10)).startswith("over 10 days")
