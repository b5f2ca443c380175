"""The committed OpenAPI contract is exactly what the app generates. When this fails,
regenerate it: `recourse-server openapi --write resources/openapi.json`."""

from __future__ import annotations

import json
from pathlib import Path

from recourse_server.app import openapi_document

CONTRACT = Path(__file__).resolve().parents[2] / "resources" / "openapi.json"


def test_the_committed_contract_matches_the_app() -> None:
    generated = json.dumps(openapi_document(), indent=2, sort_keys=True,
                           ensure_ascii=False) + "\n"
    committed = CONTRACT.read_text(encoding="utf-8")
    assert committed == generated, (
        "resources/openapi.json is out of date: run "
        "`recourse-server openapi --write resources/openapi.json`"
    )


def test_the_contract_uses_the_shared_wire_models() -> None:
    document = json.loads(CONTRACT.read_text(encoding="utf-8"))
    feed = document["paths"]["/v1/officers/{officer_id}/feed/{category}"]["get"]
    ok = feed["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok == {"$ref": "#/components/schemas/FeedPage"}
    assert "Problem" in document["components"]["schemas"]
    assert document["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
