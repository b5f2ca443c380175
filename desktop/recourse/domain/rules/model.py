"""The plain data a rule is made of and the result it returns.

A result carries everything the wire `Provenance` needs (the exact input record ids,
observed values, each step of the arithmetic, the threshold and comparison, values to
chart, corroboration), so the server can publish it and the client can recompute it
from the officer's own records and show where the two differ.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal, Protocol

Scalar = float | int | str | bool
ObservedValue = float | int | str | bool | None
Corroboration = Literal["corroborated", "uncorroborated", "not_applicable"]
#: A record as served on the wire: ``id``, ``category``, ``occurred_at``, ``data``...
RecordDict = Mapping[str, Any]
RecordsByCategory = Mapping[str, Iterable[RecordDict]]


class RuleInputError(ValueError):
    """A record or option a rule cannot use, explained in words an officer understands."""


@dataclass(frozen=True)
class Parameter:
    name: str
    value: Scalar
    unit: str | None
    description: str


@dataclass(frozen=True)
class Step:
    """One step of the arithmetic, in order."""

    description: str
    value: Scalar | None = None
    unit: str | None = None


@dataclass(frozen=True)
class Observation:
    """One value over part of the window (a week, a day), for charting."""

    label: str
    period_start: date
    period_end: date
    value: float
    record_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class RuleSpec:
    id: str
    version: int
    title: str
    description: str
    parameters: tuple[Parameter, ...]
    input_categories: tuple[str, ...]
    rule_based: bool = True

    def value(self, name: str) -> Scalar:
        for parameter in self.parameters:
            if parameter.name == name:
                return parameter.value
        raise KeyError(name)

    def with_overrides(self, overrides: Mapping[str, Scalar] | None) -> tuple[Parameter, ...]:
        """The parameters with `overrides` applied; an unknown name is an error."""
        if not overrides:
            return self.parameters
        known = {parameter.name for parameter in self.parameters}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise RuleInputError(
                f"The rule {self.title!r} has no setting called {', '.join(unknown)}."
            )
        return tuple(
            replace(parameter, value=overrides[parameter.name])
            if parameter.name in overrides
            else parameter
            for parameter in self.parameters
        )


def parameter_value(parameters: tuple[Parameter, ...], name: str) -> Scalar:
    for parameter in parameters:
        if parameter.name == name:
            return parameter.value
    raise KeyError(name)


def number(parameters: tuple[Parameter, ...], name: str) -> float:
    value = parameter_value(parameters, name)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RuleInputError(f"The setting {name!r} must be a number, not {value!r}.")
    return float(value)


def flag(parameters: tuple[Parameter, ...], name: str) -> bool:
    value = parameter_value(parameters, name)
    if not isinstance(value, bool):
        raise RuleInputError(f"The setting {name!r} must be true or false, not {value!r}.")
    return value


@dataclass(frozen=True)
class RuleResult:
    """What one rule found over one window of one officer's records."""

    rule: RuleSpec
    fires: bool
    headline: str
    parameters: tuple[Parameter, ...]
    window_start: date
    window_end: date
    input_record_ids: tuple[str, ...]
    observed: Mapping[str, ObservedValue]
    threshold: float | None
    comparison: str | None
    steps: tuple[Step, ...]
    observations: tuple[Observation, ...]
    confidence: float | None
    corroboration: Corroboration
    corroboration_detail: str | None
    #: Records the finding rests on most directly (a subset of `input_record_ids`).
    evidence_record_ids: tuple[str, ...] = field(default=())


class Evaluate(Protocol):
    def __call__(
        self,
        records: RecordsByCategory,
        *,
        window_end: date,
        parameters: Mapping[str, Scalar] | None = None,
    ) -> RuleResult: ...
