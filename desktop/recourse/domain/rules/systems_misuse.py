"""`systems-misuse`: look-ups in police systems with no linked case."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import date

from recourse.domain.rules._common import (
    data_of,
    fmt_date,
    iso_week_label,
    record_id,
    records_of,
    week_bounds,
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
from recourse.domain.rules.uktime import uk_date

SPEC = RuleSpec(
    id="systems-misuse",
    version=1,
    title="Look-ups with no linked case",
    description=(
        "Counts the officer's searches of police systems (PNC, PND, Niche) that have no "
        "incident or case reference attached. The rule is raised when there are more than "
        "a set number in the window. It does not read the purpose the officer recorded."
    ),
    parameters=(
        Parameter(
            "window_days", 30, "days", "How many days, up to the day of the check, are examined."
        ),
        Parameter(
            "max_unlinked",
            10,
            "look-ups",
            "The rule is raised above this many look-ups with no linked case.",
        ),
    ),
    input_categories=("system_lookups",),
)


def evaluate(
    records: RecordsByCategory,
    *,
    window_end: date,
    parameters: Mapping[str, Scalar] | None = None,
) -> RuleResult:
    params = SPEC.with_overrides(parameters)
    window_start, _ = window_for(window_end, int(number(params, "window_days")))
    limit = number(params, "max_unlinked")

    all_ids: list[str] = []
    unlinked: list[tuple[date, str, str]] = []
    for record in records_of(records, "system_lookups"):
        day = uk_date(record["occurred_at"])
        if not window_start <= day <= window_end:
            continue
        all_ids.append(record_id(record))
        data = data_of(record)
        if not data.get("case_ref"):
            unlinked.append((day, record_id(record), str(data.get("purpose") or "")))

    fires = len(unlinked) > limit
    with_purpose = sum(1 for _, _, purpose in unlinked if purpose.strip())
    weekly: dict[str, list[tuple[date, str, str]]] = defaultdict(list)
    for item in unlinked:
        weekly[iso_week_label(item[0])].append(item)
    observations = []
    for label, items in sorted(weekly.items()):
        start, end = week_bounds(items[0][0], window_start, window_end)
        observations.append(
            Observation(
                label=label,
                period_start=start,
                period_end=end,
                value=float(len(items)),
                record_ids=tuple(i[1] for i in items),
            )
        )
    steps = (
        Step("Look-ups in the window", len(all_ids), "look-ups"),
        Step("Look-ups with no incident or case reference", len(unlinked), "look-ups"),
        Step(
            "Of those, look-ups with a purpose recorded (not read by the rule)",
            with_purpose,
            "look-ups",
        ),
        Step(f"Are there more than {limit:g}?", fires),
    )
    headline = (
        f"{len(unlinked)} of {len(all_ids)} system look-ups between {fmt_date(window_start)} and "
        f"{fmt_date(window_end)} had no linked case; the rule is raised above {limit:g}."
    )
    return RuleResult(
        rule=SPEC,
        fires=fires,
        headline=headline,
        parameters=params,
        window_start=window_start,
        window_end=window_end,
        input_record_ids=tuple(all_ids),
        observed={
            "lookups": len(all_ids),
            "unlinked_lookups": len(unlinked),
            "unlinked_with_purpose_recorded": with_purpose,
        },
        threshold=limit,
        comparison=">",
        steps=steps,
        observations=tuple(observations),
        confidence=None,
        corroboration="uncorroborated",
        corroboration_detail=(
            f"{with_purpose} of the {len(unlinked)} look-ups had a purpose recorded by the "
            "officer; nobody read them or asked the officer before the rule was raised."
        ),
        evidence_record_ids=tuple(i[1] for i in unlinked),
    )
