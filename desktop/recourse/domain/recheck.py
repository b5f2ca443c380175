"""Pure glue for checking the force's arithmetic from the officer's own records.

No Qt and no I/O: the UI streams records out of the store and hands their `data`
dicts here. The rules themselves live in `recourse.domain.rules`; this module only
decides which corrections an officer is entitled to ask for and compares the two
results, so the same rule code the force runs is what reproduces its figure.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from recourse.domain.rules.model import RuleResult


def parse_utc(value: Any, on_day: date | None = None) -> datetime | None:
    """A UTC datetime from an ISO datetime string, or a time of day on `on_day`."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    text = str(value)
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        if on_day is None:
            return None
        try:
            clock = time.fromisoformat(text.replace("Z", ""))
        except ValueError:
            return None
        return datetime.combine(on_day, clock.replace(tzinfo=None), tzinfo=UTC)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def parse_day(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@dataclass(frozen=True)
class DutyRoster:
    """The officer's rostered duty periods, for asking "was this moment on duty?".

    A period is any roster entry with a start and an end (rest days and leave have
    neither), as the force's own presence rule reads the roster.

    Built once from the roster entries (a few thousand at most) and answered by
    binary search, so classifying each visible ping of a 525,600-row table is cheap.
    """

    starts: tuple[datetime, ...]
    ends: tuple[datetime, ...]

    @classmethod
    def from_entries(cls, entries: Iterable[Mapping[str, Any]]) -> DutyRoster:
        periods: list[tuple[datetime, datetime]] = []
        for data in entries:
            day = parse_day(data.get("duty_date"))
            start = parse_utc(data.get("start"), day)
            end = parse_utc(data.get("end"), day)
            if start is None or end is None:
                continue
            if end <= start:  # a night shift given as times of day ends the next day
                end += timedelta(days=1)
            periods.append((start, end))
        periods.sort()
        merged: list[tuple[datetime, datetime]] = []
        for start, end in periods:
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return cls(tuple(s for s, _ in merged), tuple(e for _, e in merged))

    def on_duty(self, moment: datetime) -> bool:
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        index = bisect.bisect_right(self.starts, moment) - 1
        return index >= 0 and moment < self.ends[index]

    def __len__(self) -> int:
        return len(self.starts)


@dataclass(frozen=True)
class OffDutyCount:
    off_duty: int
    total: int

    @property
    def percent(self) -> float:
        return 100.0 * self.off_duty / self.total if self.total else 0.0


def count_off_duty(roster: DutyRoster, moments: Iterable[datetime]) -> OffDutyCount:
    off = total = 0
    for moment in moments:
        total += 1
        if not roster.on_duty(moment):
            off += 1
    return OffDutyCount(off, total)


# -- checking a flag's arithmetic -------------------------------------------------------

#: The observed value that decides each rule (compared with its threshold).
KEY_FIGURES: dict[str, str] = {
    "hybrid-attendance": "attendance_percent",
    "presence-elsewhere-sickness": "days_present",
    "undeclared-membership": "undeclared_matches",
    "roster-manipulation": "pairs",
    "systems-misuse": "unlinked_lookups",
}

#: Categories small enough to load whole; the others are read over the window only.
_SMALL_CATEGORIES = frozenset(
    {
        "roster_entries",
        "roster_audit",
        "absences",
        "overtime",
        "declarations",
        "registry_matches",
        "standards_actions",
    }
)
#: Days read either side of the window so shifts and absences that straddle it count.
_SLACK_DAYS = 2

LEAVE_AND_SICKNESS = frozenset({"annual_leave", "sickness"})


@dataclass(frozen=True)
class Difference:
    """One record where the officer's recount differs from the force's, and why."""

    record_id: str
    reason: str  # a short code: "annual_leave", "sickness", "off_duty", "uncorroborated"
    day: date | None = None


@dataclass(frozen=True)
class Recheck:
    """The force's figures recomputed twice from the officer's own records."""

    rule_id: str
    key_figure: str | None
    force_observed: Mapping[str, Any]
    force_fires: bool
    as_configured: Any  # recourse.domain.rules.RuleResult
    #: What the officer is entitled to correct for this rule, or None if nothing.
    correction: str | None
    corrected: Any  # RuleResult | None
    differences: tuple[Difference, ...]

    @property
    def reproduces(self) -> bool:
        """Whether the recount as the force configured it gives the force's figures."""
        mine = self.as_configured.observed
        shared = [key for key in self.force_observed if key in mine]
        return (
            bool(shared)
            and all(_same(self.force_observed[key], mine[key]) for key in shared)
            and self.as_configured.fires == self.force_fires
        )

    def figure(self, result: Any) -> Any:
        if result is None or self.key_figure is None:
            return None
        return result.observed.get(self.key_figure)

    @property
    def force_figure(self) -> Any:
        return None if self.key_figure is None else self.force_observed.get(self.key_figure)

    def difference_ids(self) -> list[str]:
        seen: dict[str, None] = {}
        for difference in self.differences:
            seen.setdefault(difference.record_id, None)
        return list(seen)

    def days(self, reason: str) -> int:
        """How many days differ for `reason` (attendance: annual_leave, sickness)."""
        return sum(1 for d in self.differences if d.reason == reason and d.day is not None)

    def records(self, reason: str) -> int:
        return sum(1 for d in self.differences if d.reason == reason)


def _same(left: Any, right: Any) -> bool:
    if isinstance(left, int | float) and isinstance(right, int | float):
        return abs(float(left) - float(right)) < 0.05
    return bool(left == right)


def record_dict(record: Any) -> dict[str, Any]:
    """A stored record as the rules read it (the wire `Record` shape)."""
    return {
        "id": record.id,
        "category": record.category,
        "occurred_at": record.occurred_at,
        "updated_at": record.updated_at,
        "summary": record.summary,
        "data": record.data,
    }


def load_inputs(
    iter_category: Any, categories: Iterable[str], window_start: date, window_end: date
) -> dict[str, list[dict[str, Any]]]:
    """The officer's records the rule reads, from `iter_category(category, since, until)`."""
    since = window_start - timedelta(days=_SLACK_DAYS)
    until = window_end + timedelta(days=_SLACK_DAYS)
    inputs: dict[str, list[dict[str, Any]]] = {}
    for category in categories:
        if category in _SMALL_CATEGORIES:
            records = iter_category(category)
        else:
            records = iter_category(category, since, until)
        inputs[category] = [record_dict(record) for record in records]
    return inputs


def check_flag(flag: Any, iter_category: Any) -> Recheck:
    """Recompute `flag` with the same rule code the force ran, as configured and corrected.

    `iter_category(category, since=None, until=None)` streams the officer's stored
    records (the store's method). Raises `RuleInputError` (an officer-readable message)
    when the rule is unknown to this copy or a record cannot be read.
    """
    from recourse.domain.rules import rule_by_id

    rule = rule_by_id(flag.rule.id, flag.rule.version)
    provenance = flag.provenance
    overrides = {parameter.name: parameter.value for parameter in provenance.parameters}
    known = {parameter.name for parameter in rule.spec.parameters}
    overrides = {name: value for name, value in overrides.items() if name in known}
    inputs = load_inputs(
        iter_category, rule.spec.input_categories, provenance.window_start, provenance.window_end
    )
    window_end = provenance.window_end
    as_configured = rule.evaluate(inputs, window_end=window_end, parameters=overrides)
    correction: str | None = None
    corrected: RuleResult | None = None
    differences: tuple[Difference, ...] = ()
    rule_id = rule.spec.id
    if rule_id == "hybrid-attendance":
        from recourse.domain.rules import hybrid_attendance

        correction = "exclude_leave_and_sickness"
        corrected = hybrid_attendance.evaluate(
            inputs,
            window_end=window_end,
            parameters=overrides,
            exclude_absence_kinds=LEAVE_AND_SICKNESS,
        )
        found: list[Difference] = []
        absences: dict[str, str] = {}
        for before, _after in hybrid_attendance.differing_days(as_configured, corrected):
            reason = before.absence_kind or "absence"
            found.append(Difference(before.roster_entry_id, reason, before.day))
            if before.absence_record_id:
                absences.setdefault(before.absence_record_id, reason)
        # Each absence record once, after the days it covers.
        found.extend(Difference(record_id, reason) for record_id, reason in absences.items())
        differences = tuple(found)
    elif rule_id == "presence-elsewhere-sickness":
        correction = "exclude_off_duty_pings"
        roster = DutyRoster.from_entries(r["data"] for r in inputs.get("roster_entries", ()))
        on_duty_only = dict(inputs)
        on_duty_only["location_pings"] = [
            ping
            for ping in inputs.get("location_pings", ())
            if roster.on_duty(parse_utc(ping["occurred_at"]) or datetime.min.replace(tzinfo=UTC))
        ]
        corrected = rule.evaluate(on_duty_only, window_end=window_end, parameters=overrides)
        kept = set(corrected.evidence_record_ids)
        differences = tuple(
            Difference(ping_id, "off_duty")
            for ping_id in as_configured.evidence_record_ids
            if ping_id not in kept
        )
    elif rule_id == "undeclared-membership" and "require_corroboration" in known:
        correction = "exclude_uncorroborated"
        corrected = rule.evaluate(
            inputs, window_end=window_end, parameters={**overrides, "require_corroboration": True}
        )
        kept = set(corrected.evidence_record_ids)
        differences = tuple(
            Difference(match_id, "uncorroborated")
            for match_id in as_configured.evidence_record_ids
            if match_id not in kept
        )
    return Recheck(
        rule_id=rule_id,
        key_figure=KEY_FIGURES.get(rule_id),
        force_observed=dict(provenance.observed),
        force_fires=True,
        as_configured=as_configured,
        correction=correction,
        corrected=corrected,
        differences=differences,
    )
