"""Fixtures for the server's API tests: a small hand-built dataset seeded through the
real seeding path, on SQLite always and on PostgreSQL when RECOURSE_TEST_POSTGRES holds
a DSN (each test module gets its own schema, dropped afterwards)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from tests.server.helpers import ACCOUNTS, ISSUER, SmallDataset, sign_in_tokens

from recourse_server.app import create_app
from recourse_server.config import Settings
from recourse_server.seeding import seed


def _backends() -> list[Any]:
    params: list[Any] = ["sqlite"]
    dsn = os.environ.get("RECOURSE_TEST_POSTGRES", "").strip()
    params.append(pytest.param("postgres", marks=[
        pytest.mark.postgres,
        pytest.mark.skipif(not dsn, reason="RECOURSE_TEST_POSTGRES is not set"),
    ]))
    return params


@pytest.fixture(scope="module", params=_backends())
def database_url(request: pytest.FixtureRequest,
                 tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if request.param == "sqlite":
        folder = tmp_path_factory.mktemp("db")
        yield f"sqlite:///{folder / 'server.sqlite3'}"
        return
    dsn = os.environ["RECOURSE_TEST_POSTGRES"].strip()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(dsn)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in dsn else "?"
    try:
        yield f"{dsn}{separator}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(scope="module")
def seeded(database_url: str) -> str:
    seed(database_url, dataset=SmallDataset())
    return database_url


@pytest.fixture(scope="module")
def client(seeded: str) -> Iterator[TestClient]:
    app = create_app(Settings(database_url=seeded, public_url=ISSUER))
    with TestClient(app) as test_client:
        # A plain `def` endpoint runs on the client's worker thread, which lives as long
        # as the client: start it here so it is this fixture's, not the first test's.
        test_client.get("/v1/server-key")
        yield test_client
    app.state.engine.dispose()


@pytest.fixture(scope="module")
def headers(client: TestClient) -> dict[str, dict[str, str]]:
    """Authorization headers for every test account, by username."""
    return {
        account.username: {
            "Authorization": "Bearer " + sign_in_tokens(client, account.username)["access_token"]
        }
        for account in ACCOUNTS
    }
