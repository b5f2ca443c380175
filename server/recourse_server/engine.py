"""The flag engine: runs every rule over one officer's records and builds wire flags.

Each flag is a `FlagDetail` dict whose provenance is copied from the rule's result, so
what the officer sees is exactly what the rule computed. The action that followed comes
from the officer's `standards_actions` records (matched by flag id), and the review from
what the force recorded; most flags were acted on with no human review.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from typing import Any, Protocol

from recourse.domain.rules import RULES, RuleResult
from recourse.domain.rules.presence_sickness import sickness_days
from recourse.domain.rules.uktime import parse_instant, uk_date

#: Actions serious enough that the flag is under review while they run.
_UNDER_REVIEW = frozenset({"misconduct_assessment", "gross_misconduct_investigation", "arrest"})
_DEFAULT_WINDOW_END = date(2026, 9, 13)
_DEFAULT_RAISED_AT = datetime(2026, 9, 14, 5, 30, tzinfo=UTC)


class OfficerAccount(Protocol):
    @property
    def officer_id(self) -> str: ...


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def flag_id(officer_id: str, rule_number: int) -> str:
    """Stable flag id: the rule's position in the catalogue, so ids never shift."""
    return f"flag-{officer_id}-{rule_number}"


def _bounded_pings(pings: Iterable[Mapping[str, Any]], sick: set[date]) -> list[Mapping[str, Any]]:
    """Keep only pings on sickness days, streaming, so a year of pings is never held."""
    kept = []
    utc_dates = {str(d) for d in sick} | {str(date.fromordinal(d.toordinal() - 1)) for d in sick}
    for ping in pings:
        occurred = ping["occurred_at"]
        prefix = occurred[:10] if isinstance(occurred, str) else str(occurred.date())
        if prefix in utc_dates and uk_date(occurred) in sick:
            kept.append(ping)
    return kept


def _provenance(result: RuleResult) -> dict[str, Any]:
    return {
        "parameters": [
            {"name": p.name, "value": p.value, "unit": p.unit, "description": p.description}
            for p in result.parameters
        ],
        "window_start": result.window_start.isoformat(),
        "window_end": result.window_end.isoformat(),
        "input_record_ids": list(result.input_record_ids),
        "observed": dict(result.observed),
        "threshold": result.threshold,
        "comparison": result.comparison,
        "computation": [
            {"description": s.description, "value": s.value, "unit": s.unit} for s in result.steps
        ],
        "observations": [
            {
                "label": o.label,
                "period_start": o.period_start.isoformat(),
                "period_end": o.period_end.isoformat(),
                "value": o.value,
                "record_ids": list(o.record_ids),
            }
            for o in result.observations
        ],
        "confidence": result.confidence,
        "corroboration": result.corroboration,
        "corroboration_detail": result.corroboration_detail,
    }


def evaluate_officer(
    account: OfficerAccount,
    records_by_category: Mapping[str, Iterable[Mapping[str, Any]]],
    *,
    window_end: date = _DEFAULT_WINDOW_END,
    raised_at: datetime = _DEFAULT_RAISED_AT,
    reviews: Mapping[str, Mapping[str, Any]] | None = None,
) -> list[dict[str, Any]]:
    """Wire `FlagDetail` dicts for every rule that fires over the officer's records.

    Categories may be given as one-shot iterators; pings are filtered to days of
    sickness while streaming, so memory stays bounded whatever their number.
    """
    records: dict[str, list[Mapping[str, Any]]] = {
        category: list(items)
        for category, items in records_by_category.items()
        if category != "location_pings"
    }
    sick = set(sickness_days(records, date.min, window_end, certified_only=False))
    records["location_pings"] = _bounded_pings(records_by_category.get("location_pings", ()), sick)

    actions: dict[str, tuple[datetime, str]] = {}
    for action in records.get("standards_actions", ()):
        data = action["data"]
        decided = parse_instant(action["occurred_at"])
        current = actions.get(data["flag_id"])
        if current is None or decided >= current[0]:
            actions[data["flag_id"]] = (decided, data["action"])

    flags = []
    for number, rule in enumerate(RULES, 1):
        result = rule.evaluate(records, window_end=window_end)
        if not result.fires:
            continue
        identifier = flag_id(account.officer_id, number)
        taken = actions.get(identifier)
        taken_action = taken[1] if taken else "none"
        updated = max(raised_at, taken[0]) if taken else raised_at
        review = dict((reviews or {}).get(identifier, {"human_reviewed": False}))
        flags.append(
            {
                "id": identifier,
                "officer_id": account.officer_id,
                "rule": {
                    "id": rule.spec.id,
                    "version": rule.spec.version,
                    "title": rule.spec.title,
                },
                "status": "under_review" if taken_action in _UNDER_REVIEW else "open",
                "raised_at": _iso(raised_at),
                "updated_at": _iso(updated),
                "action": taken_action,
                "headline": result.headline,
                "provenance": _provenance(result),
                "review": {
                    "human_reviewed": bool(review.get("human_reviewed")),
                    "reviewed_by": review.get("reviewed_by"),
                    "reviewed_at": review.get("reviewed_at"),
                    "note": review.get("note"),
                },
                "action_taken_at": _iso(taken[0]) if taken else None,
            }
        )
    return flags
