"""`Dataset`: the force's data about every demo officer, built from one seed."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from typing import Any

from recourse.domain.rules import RULES
from recourse.protocol.wire import CATEGORIES
from recourse_server.synth.accounts import DEMO_ACCOUNTS, Account
from recourse_server.synth.catalogue import SOURCES, access_log
from recourse_server.synth.officer import OfficerYear
from recourse_server.synth.pings import pings
from recourse_server.synth.records import BUILDERS

#: Flags a Professional Standards reviewer looked at before action was taken; every
#: other flag was acted on without a human review.
REVIEWS: dict[str, dict[str, Any]] = {
    "flag-off-1042-1": {
        "human_reviewed": True,
        "reviewed_by": "DI Mark Clarke, Professional Standards",
        "reviewed_at": "2026-09-16T13:40:00Z",
        "note": "Pattern confirmed from the audit log; the sergeant was not asked about the "
        "phone calls.",
    },
}


def rule_to_wire(rule_spec: Any) -> dict[str, Any]:
    return {
        "id": rule_spec.id,
        "version": rule_spec.version,
        "title": rule_spec.title,
        "description": rule_spec.description,
        "parameters": [
            {"name": p.name, "value": p.value, "unit": p.unit, "description": p.description}
            for p in rule_spec.parameters
        ],
        "input_categories": list(rule_spec.input_categories),
        "rule_based": rule_spec.rule_based,
    }


class Dataset:
    """Deterministic synthetic data of the demo force. Safe to share between threads."""

    def __init__(self, seed: int = 2026, ping_interval_minutes: int = 15) -> None:
        if ping_interval_minutes < 1 or 1440 % ping_interval_minutes:
            raise ValueError(
                "ping_interval_minutes must divide a day (1, 2, 3, 5, 10, 15, 30, 60…)"
            )
        self.seed = seed
        self.ping_interval_minutes = ping_interval_minutes
        self.accounts: tuple[Account, ...] = DEMO_ACCOUNTS
        self._years: dict[str, OfficerYear] = {}
        self._flags: dict[str, list[dict[str, Any]]] = {}
        self._lock = threading.Lock()

    # ------------------------------------------------------------- accounts
    def account(self, officer_id: str) -> Account:
        for account in self.accounts:
            if account.officer_id == officer_id:
                return account
        raise KeyError(f"no officer {officer_id!r} in the demo data")

    def _year(self, officer_id: str) -> OfficerYear | None:
        account = self.account(officer_id)
        if account.role != "officer":
            return None
        with self._lock:
            year = self._years.get(officer_id)
            if year is None:
                year = self._years[officer_id] = OfficerYear(account, self.seed)
            return year

    # ------------------------------------------------------------ catalogues
    def rules(self) -> list[dict[str, Any]]:
        return [rule_to_wire(rule.spec) for rule in RULES]

    def sources(self) -> list[dict[str, Any]]:
        return [dict(source) for source in SOURCES]

    # --------------------------------------------------------------- records
    def records(self, officer_id: str) -> Iterator[dict[str, Any]]:
        """Every record of the officer, by category in wire order, lazily (pings included)."""
        year = self._year(officer_id)
        if year is None:
            return iter(())
        return self._records(year)

    def _records(self, year: OfficerYear) -> Iterator[dict[str, Any]]:
        for category in CATEGORIES:
            yield from self._category(year, category)

    def _category(self, year: OfficerYear, category: str) -> Iterator[dict[str, Any]]:
        if category == "location_pings":
            return pings(year, self.ping_interval_minutes)
        return BUILDERS[category](year)

    def records_of(self, officer_id: str, category: str) -> Iterator[dict[str, Any]]:
        """The officer's records of one category, in time order."""
        if category not in CATEGORIES:
            raise KeyError(f"unknown category {category!r}")
        year = self._year(officer_id)
        return iter(()) if year is None else self._category(year, category)

    def pings_on(self, officer_id: str, days: Iterable[date]) -> Iterator[dict[str, Any]]:
        """The officer's pings on the given UTC dates only (same ids and values)."""
        year = self._year(officer_id)
        return iter(()) if year is None else pings(year, self.ping_interval_minutes, days)

    # ------------------------------------------------------- flags and views
    def flags(self, officer_id: str) -> list[dict[str, Any]]:
        """The officer's flags as wire `FlagDetail` dicts, computed by the flag engine."""
        from recourse_server.engine import evaluate_officer

        year = self._year(officer_id)
        if year is None:
            return []
        with self._lock:
            cached = self._flags.get(officer_id)
        if cached is not None:
            return cached
        records: dict[str, Iterable[dict[str, Any]]] = {
            category: list(builder(year)) for category, builder in BUILDERS.items()
        }
        sick_days = {
            absence.start + timedelta(days=offset)
            for absence in year.absences
            if absence.kind == "sickness"
            for offset in range(-1, (absence.end - absence.start).days + 2)
        }
        records["location_pings"] = self.pings_on(officer_id, sick_days)
        flags = evaluate_officer(year.account, records, reviews=REVIEWS)
        with self._lock:
            self._flags[officer_id] = flags
        return flags

    def access_log(self, officer_id: str) -> list[dict[str, Any]]:
        year = self._year(officer_id)
        if year is None:
            return []
        return access_log(year, [flag["id"] for flag in self.flags(officer_id)])


def build_dataset(seed: int = 2026, ping_interval_minutes: int = 15) -> Dataset:
    """The demo force's data, fully determined by `seed` (nothing depends on today)."""
    return Dataset(seed, ping_interval_minutes)
