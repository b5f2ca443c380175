"""What a `changes` answer says about one officer's data, held against the store: which
requests of a sync would only answer "nothing new" and can be left out."""

from __future__ import annotations

import threading
from typing import Protocol

from recourse.api.errors import NotFound, RequestRefused
from recourse.protocol import changes_wire as chw
from recourse.protocol import wire
from recourse.store import Store

__all__ = ["KnownChanges", "held_cursors"]

#: What the server answers for an officer the caller may not see, as their feed does.
NOT_AVAILABLE = "No officer with this id is available to you."


class _AsksChanges(Protocol):
    def changes(
        self, officers: list[chw.OfficerCursors], *, cancel: threading.Event | None = None
    ) -> chw.ChangesSummary: ...


def held_cursors(store: Store) -> dict[wire.Category, str]:
    cursors: dict[wire.Category, str] = {}
    for category in wire.CATEGORIES:
        cursor = store.cursor(category)
        if cursor is not None:
            cursors[category] = cursor
    return cursors


class KnownChanges:
    def __init__(self, store: Store, summary: chw.ChangesSummary | None, officer_id: str,
                 requests: int = 0) -> None:
        """Raises NotFound if the summary says this officer's data is not available."""
        self._store = store
        self._officer = None if summary is None else next(
            (o for o in summary.officers if o.officer_id == officer_id), None)
        if self._officer is not None and not self._officer.available:
            raise NotFound(NOT_AVAILABLE)
        self._catalogues: dict[str, str] = {} if summary is None else {
            name: etag for name, etag in summary.catalogues.items()}
        #: Requests made to learn this (0 when the caller had asked already).
        self.requests = requests

    @classmethod
    def nothing_known(cls, store: Store) -> KnownChanges:
        """Every request is made, as before the server could say what changed."""
        return cls(store, None, "")

    @classmethod
    def ask(cls, api: _AsksChanges, store: Store, officer_id: str,
            cancel: threading.Event | None) -> KnownChanges:
        """One `changes` request for this officer. A server without it (404, or a
        refusal) makes every other request of the sync as before."""
        try:
            summary = api.changes(
                [chw.OfficerCursors(officer_id=officer_id, cursors=held_cursors(store))],
                cancel=cancel)
        except (NotFound, RequestRefused):
            return cls.nothing_known(store)
        return cls(store, summary, officer_id, requests=1)

    def category_unchanged(self, category: wire.Category) -> bool:
        """No change follows the stored cursor (never for a category not synced yet)."""
        return (self._officer is not None and category not in self._officer.changed
                and self._store.cursor(category) is not None)

    def resource_unchanged(self, resource: chw.Resource) -> bool:
        """The resource's ETag is the one the store holds: its GET would answer 304."""
        if self._officer is None:
            return False
        held = self._store.etag(resource)
        return held is not None and self._officer.etags.get(resource) == held

    def catalogue_unchanged(self, name: chw.Catalogue) -> bool:
        held = self._store.etag(name)
        return held is not None and self._catalogues.get(name) == held
