"""Helpers for the sync tests (no tests here): sign in through the real OIDC flow,
count requests, and compare the store with the server's database."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

import requests
import rfc8785
from tests.support.browser import log_in_through_form

from recourse.api import ServerConnection
from recourse.protocol import wire
from recourse.store import Store


def sign_in(url: str, store: Store, username: str, password: str) -> ServerConnection:
    """A ServerConnection signed in by the real authorization-code flow, playing the
    browser with the reference server's login form; tokens end up in `store`."""

    def browser(authorize_url: str) -> bool:
        redirect = log_in_through_form(authorize_url, username, password)
        requests.get(redirect, timeout=10)
        return True

    connection = ServerConnection(url, store, browser=browser)
    connection.sign_in()
    return connection


@dataclass
class RequestLog:
    seen: list[tuple[str, str, int, int]] = field(default_factory=list)

    def attach(self, client: Any) -> None:
        """Record every response on the API client's own session (method, path, status,
        declared length)."""

        def hook(response: requests.Response, *args: Any, **kwargs: Any) -> None:
            path = requests.utils.urlparse(response.request.url).path
            size = int(response.headers.get("Content-Length") or -1)
            self.seen.append((response.request.method or "", path, response.status_code, size))

        client._session.hooks["response"].append(hook)

    def clear(self) -> None:
        self.seen.clear()


def stored_digests(store: Store) -> dict[str, str]:
    """SHA-256 of each stored record's RFC 8785 JSON, as `admin.record_digests` computes
    it on the server side, so the two compare equal only if every field survived."""
    out: dict[str, str] = {}
    for category in wire.CATEGORIES:
        for r in store.iter_category(category):
            record = wire.Record(
                id=r.id,
                category=r.category,
                occurred_at=r.occurred_at,  # type: ignore[arg-type]
                updated_at=r.updated_at,
                summary=r.summary,
                data=r.data,
            ).model_dump(mode="json", exclude_none=True)
            out[r.id] = hashlib.sha256(rfc8785.dumps(record)).hexdigest()
    return out
