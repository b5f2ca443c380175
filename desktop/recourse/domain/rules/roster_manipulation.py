"""`roster-manipulation`: self-edits to one's own roster shortly before overtime claims."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta

from recourse.domain.rules._common import (
    data_of,
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
    number,
)
from recourse.domain.rules.uktime import parse_instant, uk_date

SPEC = RuleSpec(
    id="roster-manipulation",
    version=1,
    title="Roster edited before overtime claimed",
    description=(
        "Looks for changes an officer made to their own roster entry that were followed, "
        "within a short time, by an overtime claim for the day that was changed. The rule "
        "is raised when there are at least a set number of such pairs in the window. It "
        "does not check whether a supervisor asked for or agreed the change."
    ),
    parameters=(
        Parameter(
            "window_days", 90, "days", "How many days, up to the day of the check, are examined."
        ),
        Parameter(
            "max_gap_hours",
            72,
            "hours",
            "An edit and a claim form a pair when the overtime starts no more than this long "
            "after the edit.",
        ),
        Parameter("min_pairs", 3, "pairs", "The rule is raised at this many pairs or more."),
    ),
    input_categories=("roster_entries", "roster_audit", "overtime"),
)


def evaluate(
    records: RecordsByCategory,
    *,
    window_end: date,
    parameters: Mapping[str, Scalar] | None = None,
) -> RuleResult:
    params = SPEC.with_overrides(parameters)
    window_start, _ = window_for(window_end, int(number(params, "window_days")))
    max_gap = timedelta(hours=number(params, "max_gap_hours"))
    min_pairs = int(number(params, "min_pairs"))

    edits: dict[str, list[tuple[datetime, str]]] = {}
    self_edit_ids: list[str] = []
    for record in records_of(records, "roster_audit"):
        data = data_of(record)
        if data.get("edited_by_self") is not True:
            continue
        at = parse_instant(record["occurred_at"])
        if not window_start <= uk_date(at) <= window_end:
            continue
        self_edit_ids.append(record_id(record))
        edits.setdefault(str(data.get("roster_entry_id")), []).append((at, record_id(record)))

    claim_ids: list[str] = []
    pairs: list[tuple[str, str, date, float, float]] = []
    for record in records_of(records, "overtime"):
        data = data_of(record)
        duty_date = parse_date(data.get("duty_date"), "The duty date of an overtime claim")
        if not window_start <= duty_date <= window_end:
            continue
        claim_ids.append(record_id(record))
        start = parse_instant(record["occurred_at"])
        candidates = [
            (at, edit_id)
            for at, edit_id in edits.get(str(data.get("roster_entry_id")), ())
            if timedelta(0) <= start - at <= max_gap
        ]
        if candidates:
            at, edit_id = max(candidates)
            gap_hours = round((start - at).total_seconds() / 3600, 1)
            pairs.append(
                (edit_id, record_id(record), duty_date, float(data.get("hours", 0)), gap_hours)
            )

    hours = round(sum(p[3] for p in pairs), 2)
    fires = len(pairs) >= min_pairs
    gap_limit = max_gap.total_seconds() / 3600
    steps = (
        Step(
            "Edits the officer made to their own roster in the window", len(self_edit_ids), "edits"
        ),
        Step("Overtime claims for duty days in the window", len(claim_ids), "claims"),
        Step(
            f"Claims for a day the officer had edited, starting within {gap_limit:g} hours "
            "of the edit",
            len(pairs),
            "pairs",
        ),
        Step("Overtime hours in those claims", hours, "hours"),
        Step(f"Are there {min_pairs} pairs or more?", fires),
    )
    observations = tuple(
        Observation(
            label=f"edited {gap:g} h before overtime",
            period_start=day,
            period_end=day,
            value=claimed,
            record_ids=(edit_id, claim_id),
        )
        for edit_id, claim_id, day, claimed, gap in sorted(pairs, key=lambda p: p[2])
    )
    headline = (
        f"{len(pairs)} overtime claim{'s' if len(pairs) != 1 else ''} ({hours:g} hours) followed "
        f"the officer's own edit to that day's roster between {fmt_date(window_start)} and "
        f"{fmt_date(window_end)}; the rule is raised at {min_pairs}."
    )
    approvers = sorted(
        {
            str(data_of(r).get("approved_by"))
            for r in records_of(records, "overtime")
            if record_id(r) in {p[1] for p in pairs} and data_of(r).get("approved_by")
        }
    )
    detail = "Whether a supervisor asked for or agreed the roster changes was not checked."
    if approvers:
        detail += f" The paired claims were approved by {', '.join(approvers)}."
    return RuleResult(
        rule=SPEC,
        fires=fires,
        headline=headline,
        parameters=params,
        window_start=window_start,
        window_end=window_end,
        input_record_ids=tuple(self_edit_ids + claim_ids),
        observed={
            "self_edits": len(self_edit_ids),
            "overtime_claims": len(claim_ids),
            "pairs": len(pairs),
            "paired_overtime_hours": hours,
        },
        threshold=float(min_pairs),
        comparison=">=",
        steps=steps,
        observations=observations,
        confidence=None,
        corroboration="uncorroborated",
        corroboration_detail=detail,
        evidence_record_ids=tuple(i for p in pairs for i in p[:2]),
    )
