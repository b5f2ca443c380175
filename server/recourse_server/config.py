"""Server settings, passed from the command line to every worker process."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass

SETTINGS_ENV = "RECOURSE_SERVER_SETTINGS"

CLIENT_ID = "recourse-desktop"
API_AUDIENCE = "recourse-api"
MAX_BODY_BYTES = 1024 * 1024


@dataclass(frozen=True)
class Settings:
    database_url: str
    #: Where the server is reached; the built-in issuer's identifier.
    public_url: str = "http://127.0.0.1:8443"
    #: An external OpenID provider to trust instead of the built-in issuer.
    issuer: str | None = None
    audience: str = API_AUDIENCE
    jwks_url: str | None = None
    access_token_ttl: int = 900
    refresh_token_ttl: int = 30 * 24 * 3600

    @property
    def builtin_issuer(self) -> bool:
        return self.issuer is None

    @property
    def issuer_url(self) -> str:
        return self.issuer or self.public_url

    def to_env(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_env(cls) -> Settings:
        return cls(**json.loads(os.environ[SETTINGS_ENV]))
