"""Schemathesis against the COMMITTED contract (resources/openapi.json) on the real
server with a valid bearer token: no 5xx, every response matching its declared schema,
status code and content type, authentication enforced.

`positive_data_acceptance` is left out: the feed cursor is opaque and only cursors the
server issued are valid, so a schema-valid random cursor is rightly refused with 400.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import requests
from tests.support.browser import sign_in
from tests.support.contract import schemathesis_config
from tests.support.server import start_server

CONTRACT = Path(__file__).resolve().parents[2] / "resources" / "openapi.json"
USER, PASSWORD = "pc.hughes", "demo-hughes-2026"


def test_the_server_honours_its_contract_under_fuzzing(tmp_path: Path) -> None:
    with start_server(tmp_path / "server", ping_interval=240, only=[USER]) as server:
        tokens = sign_in(server.url, USER, PASSWORD)
        bearer = f"Bearer {tokens['access_token']}"
        me = requests.get(f"{server.url}/v1/me", headers={"Authorization": bearer},
                          timeout=10).json()
        flags = requests.get(f"{server.url}/v1/officers/{me['officer_id']}/flags",
                             headers={"Authorization": bearer}, timeout=10).json()["flags"]
        # Real identifiers half the time, so the fuzzer reaches past the 404s.
        config = tmp_path / "schemathesis.toml"
        flag_id = flags[0]["id"] if flags else "flag-none"
        config.write_text(schemathesis_config(me["officer_id"], flag_id), encoding="utf-8")
        command = [
            sys.executable, "-m", "schemathesis.cli", "--config-file", str(config), "run",
            str(CONTRACT), "--url", server.url, "-H", f"Authorization: {bearer}",
            "--checks", "all", "--exclude-checks", "positive_data_acceptance",
            "--max-examples", "40", "--seed", "2026", "--no-color",
            "--request-timeout", "20", "--workers", "1",
        ]
        result = subprocess.run(command, capture_output=True, text=True, timeout=300,
                                cwd=tmp_path)
    report = result.stdout[-8000:] + result.stderr[-2000:]
    assert result.returncode == 0, report.replace(tokens["access_token"], "[token]")
