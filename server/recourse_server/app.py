"""The FastAPI application: API, built-in issuer, problem details, body size limit."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from sqlalchemy.exc import OperationalError, ProgrammingError

from . import api, changes, db, issuer, problems, schema
from .auth import TokenVerifier, ensure_signing_key
from .config import Settings
from .contest import receipt_log
from .contest import router as contest

API_TITLE = "Recourse reference API"
API_VERSION = "1.0.0"
API_DESCRIPTION = (
    "The force's side of Recourse: an officer's records as a resumable change feed, the "
    "flags raised against them with full provenance, the rule and source catalogues, and "
    "the log of who viewed their data. Every error is an RFC 9457 problem document."
)


def create_app(settings: Settings, *, prepare_database: bool = True) -> FastAPI:
    app = FastAPI(title=API_TITLE, version=API_VERSION, description=API_DESCRIPTION,
                  docs_url=None, redoc_url=None)
    engine = db.make_engine(settings.database_url, pool_size=16, max_overflow=48,
                            pool_timeout=60)
    if prepare_database:
        try:
            schema.create_schema(engine)
        except (OperationalError, ProgrammingError):
            pass  # another worker created the tables at the same moment
        if settings.builtin_issuer:
            ensure_signing_key(engine)
        # Receipts issued before the log existed join it now, in the order issued.
        receipt_log.backfill(engine)
    app.state.settings = settings
    app.state.engine = engine
    app.state.verifier = TokenVerifier(settings, engine)
    problems.install(app)
    app.add_middleware(contest.BodySizeLimitByPath)  # 1 MiB, attachments 10 MiB
    app.include_router(api.router)
    app.include_router(contest.router)
    app.include_router(changes.router)
    if settings.builtin_issuer:
        app.include_router(issuer.router)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=API_TITLE, version=API_VERSION,
                                 description=API_DESCRIPTION, routes=app.routes)
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            problem = problems.problem_openapi_schema()
            components.update(problem.pop("$defs", {}))
            components["Problem"] = problem
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


def app_from_environment() -> FastAPI:
    """Factory for uvicorn worker processes, which read the settings from the environment."""
    return create_app(Settings.from_env())


def openapi_document() -> dict[str, Any]:
    """The OpenAPI contract, the same whatever database or address the server uses."""
    app = create_app(Settings(database_url="sqlite://"), prepare_database=False)
    return app.openapi()
