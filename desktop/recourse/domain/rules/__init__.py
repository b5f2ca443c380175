"""The force's flag rules as pure, versioned functions.

The reference server runs them to raise flags; the client runs the same functions over
the officer's own cached records to check the force's arithmetic. Each rule module
exposes `SPEC` (id, version, title, plain-words description, parameters, input
categories) and `evaluate(records, *, window_end, parameters=None)`.
"""

from __future__ import annotations

from dataclasses import dataclass

from recourse.domain.rules import (
    hybrid_attendance,
    presence_sickness,
    roster_manipulation,
    systems_misuse,
    undeclared_membership,
)
from recourse.domain.rules.hybrid_attendance import (
    AttendanceDay,
    HybridAttendanceResult,
    differing_days,
)
from recourse.domain.rules.model import (
    Evaluate,
    Observation,
    Parameter,
    RecordsByCategory,
    RuleInputError,
    RuleResult,
    RuleSpec,
    Step,
)


@dataclass(frozen=True)
class Rule:
    spec: RuleSpec
    evaluate: Evaluate


#: Every rule, in catalogue order (which also numbers flags: `flag-<officer>-<n>`).
RULES: tuple[Rule, ...] = (
    Rule(roster_manipulation.SPEC, roster_manipulation.evaluate),
    Rule(hybrid_attendance.SPEC, hybrid_attendance.evaluate),
    Rule(undeclared_membership.SPEC, undeclared_membership.evaluate),
    Rule(presence_sickness.SPEC, presence_sickness.evaluate),
    Rule(systems_misuse.SPEC, systems_misuse.evaluate),
)


def rule_by_id(rule_id: str, version: int | None = None) -> Rule:
    for rule in RULES:
        if rule.spec.id == rule_id and (version is None or rule.spec.version == version):
            return rule
    raise RuleInputError(
        f"This copy of Recourse does not know the rule {rule_id!r}"
        + (f" version {version}" if version is not None else "")
        + ", so it cannot check that flag's arithmetic."
    )


__all__ = [
    "RULES",
    "AttendanceDay",
    "Evaluate",
    "HybridAttendanceResult",
    "Observation",
    "Parameter",
    "RecordsByCategory",
    "Rule",
    "RuleInputError",
    "RuleResult",
    "RuleSpec",
    "Step",
    "differing_days",
    "rule_by_id",
]
