"""`undeclared-membership`: an outside-registry match with no matching declaration."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from recourse.domain.rules._common import (
    data_of,
    fmt_date,
    parse_date,
    record_id,
    records_of,
    window_for,
)
from recourse.domain.rules.model import (
    Corroboration,
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
from recourse.domain.rules.uktime import uk_date

SPEC = RuleSpec(
    id="undeclared-membership",
    version=1,
    title="Registry match not declared",
    description=(
        "Compares matches found in outside registries and data sets (companies, charities, "
        "membership lists) with the officer's declarations of business interests, secondary "
        "work and memberships. The rule is raised for each match scoring at least the "
        "minimum that has no declaration for the same organisation. In this version a match "
        "raises the rule whether or not anyone has confirmed that it is the same person."
    ),
    parameters=(
        Parameter(
            "window_days",
            365,
            "days",
            "How many days of registry matches, up to the day of the check, are examined.",
        ),
        Parameter("min_match_score", 0.5, None, "Matches scoring below this (0 to 1) are ignored."),
        Parameter(
            "require_corroboration",
            False,
            None,
            "When true, only matches confirmed to be the officer can raise the rule.",
        ),
    ),
    input_categories=("declarations", "registry_matches"),
)


def normalise_organisation(name: str) -> str:
    return " ".join(name.casefold().replace("&", "and").replace(".", " ").split())


def evaluate(
    records: RecordsByCategory,
    *,
    window_end: date,
    parameters: Mapping[str, Scalar] | None = None,
) -> RuleResult:
    params = SPEC.with_overrides(parameters)
    window_start, _ = window_for(window_end, int(number(params, "window_days")))
    min_score = number(params, "min_match_score")
    require_corroboration = flag(params, "require_corroboration")

    declared: dict[str, str] = {}
    declaration_ids: list[str] = []
    for record in records_of(records, "declarations"):
        data = data_of(record)
        if parse_date(data.get("declared_on"), "The date of a declaration") > window_end:
            continue
        declaration_ids.append(record_id(record))
        declared.setdefault(
            normalise_organisation(str(data.get("organisation", ""))), record_id(record)
        )

    match_ids: list[str] = []
    undeclared: list[tuple[str, str, float, bool, str]] = []
    observations: list[Observation] = []
    considered = 0
    for record in records_of(records, "registry_matches"):
        data = data_of(record)
        day = uk_date(record["occurred_at"])
        if not window_start <= day <= window_end:
            continue
        match_ids.append(record_id(record))
        score = float(data.get("match_score", 0))
        corroborated = data.get("corroborated") is True
        organisation = str(data.get("organisation", ""))
        observations.append(
            Observation(
                label=organisation[:200],
                period_start=day,
                period_end=day,
                value=score,
                record_ids=(record_id(record),),
            )
        )
        if score < min_score or (require_corroboration and not corroborated):
            continue
        considered += 1
        if normalise_organisation(organisation) not in declared:
            undeclared.append(
                (
                    record_id(record),
                    organisation,
                    score,
                    corroborated,
                    str(data.get("corroboration_note") or ""),
                )
            )

    fires = len(undeclared) >= 1
    uncorroborated = [u for u in undeclared if not u[3]]
    corroboration: Corroboration
    if not undeclared:
        corroboration = "not_applicable"
        detail = None
    elif uncorroborated:
        corroboration = "uncorroborated"
        detail = " ".join(
            f"{name}: not confirmed to be the officer (match score {score:g}). {note}".strip()
            for _, name, score, _, note in uncorroborated
        )
    else:
        corroboration = "corroborated"
        detail = " ".join(f"{name}: {note}".strip() for _, name, _, _, note in undeclared)

    steps = (
        Step("Declarations made up to the day of the check", len(declaration_ids), "declarations"),
        Step("Registry matches in the window", len(match_ids), "matches"),
        Step(
            f"Matches scoring at least {min_score:g}"
            + (" and confirmed to be the officer" if require_corroboration else ""),
            considered,
            "matches",
        ),
        Step(
            "Of those, matches with no declaration for the same organisation",
            len(undeclared),
            "matches",
        ),
        Step(
            "Of those, matches nobody confirmed to be the officer", len(uncorroborated), "matches"
        ),
        Step("Is there at least one undeclared match?", fires),
    )
    if undeclared:
        names = "; ".join(f"{name} (score {score:g})" for _, name, score, _, _ in undeclared)
        headline = f"Outside-registry match with no declaration: {names}" + (
            " — not confirmed to be the officer." if uncorroborated else " — confirmed."
        )
    else:
        headline = (
            f"Every registry match between {fmt_date(window_start)} and {fmt_date(window_end)} "
            "has a matching declaration."
        )
    return RuleResult(
        rule=SPEC,
        fires=fires,
        headline=headline,
        parameters=params,
        window_start=window_start,
        window_end=window_end,
        input_record_ids=tuple(declaration_ids + match_ids),
        observed={
            "declarations": len(declaration_ids),
            "registry_matches": len(match_ids),
            "matches_considered": considered,
            "undeclared_matches": len(undeclared),
            "uncorroborated_undeclared_matches": len(uncorroborated),
            "highest_undeclared_match_score": max((u[2] for u in undeclared), default=None),
        },
        threshold=1.0,
        comparison=">=",
        steps=steps,
        observations=tuple(observations),
        confidence=max((u[2] for u in undeclared), default=None),
        corroboration=corroboration,
        corroboration_detail=detail,
        evidence_record_ids=tuple(u[0] for u in undeclared),
    )
