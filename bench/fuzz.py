"""Fuzz campaign: `python -m bench fuzz --minutes N` (not part of `python -m bench`).

Half the time: schemathesis on the committed contract (resources/openapi.json) against the
real server with a valid token, every check (`positive_data_acceptance` aside: a
schema-valid random feed cursor is rightly refused, the cursor being opaque), fuzzing
phases repeated until the time is spent. The other half: hypothesis against the client's
parsers of untrusted input, each fed arbitrary bytes, arbitrary and hostile JSON (deep
nesting, huge numbers, duplicate keys) and, where a signature guards the parser, content
properly signed with the trusted key so the fuzz reaches past the signature:
`canonical.loads_strict`, `jws.unverified_header` and `verify_compact`,
`receipt.verify_receipt`, a SAR response package as the client checks it, and
`bundle.verify_bundle`. A failure is any exception that is not the parser's typed error.

Figures (../shared/BENCH.md): fuzz.contract_cases, fuzz.contract_failures,
fuzz.parser_cases, fuzz.parser_failures.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.common import REPO, emit, progress

CONTRACT = REPO / "resources" / "openapi.json"
USER, PASSWORD = "pc.hughes", "demo-hughes-2026"


# ------------------------------------------------------------------------- contract

def contract(seconds: int, folder: Path) -> tuple[int, list[str]]:
    import requests
    from tests.support.browser import sign_in
    from tests.support.contract import schemathesis_config
    from tests.support.server import start_server

    with start_server(folder / "server", ping_interval=240, only=[USER]) as server:
        bearer = "Bearer " + sign_in(server.url, USER, PASSWORD)["access_token"]
        me = requests.get(f"{server.url}/v1/me", headers={"Authorization": bearer},
                          timeout=10).json()
        config = folder / "schemathesis.toml"
        config.write_text(schemathesis_config(me["officer_id"]), encoding="utf-8")
        command = [
            sys.executable, "-m", "schemathesis.cli", "--config-file", str(config), "run",
            str(CONTRACT), "--url", server.url, "-H", f"Authorization: {bearer}",
            "--checks", "all", "--exclude-checks", "positive_data_acceptance",
            "--max-time", str(seconds), "--continue-on-failure", "--no-color",
            "--request-timeout", "20", "--workers", "1",
        ]
        done = subprocess.run(command, capture_output=True, text=True, cwd=folder,
                              timeout=seconds + 600)
    output = done.stdout.replace(bearer, "Bearer [token]")
    found = re.search(r"Test cases:\s*(\d+)\s+generated", output)
    cases = int(found.group(1)) if found else 0
    failures = [line.strip() for line in output.splitlines()
                if re.match(r"\s*(_+ |FAILED|- )", line) and "passed" not in line][:40]
    if done.returncode != 0 and not failures:
        failures = [output[-3000:]]
    if done.returncode == 0:
        failures = []
    (folder.parent / "schemathesis-report.txt").write_text(output, encoding="utf-8")
    return cases, failures


# -------------------------------------------------------------------------- parsers

def parser_targets() -> dict[str, tuple[Callable[..., Any], tuple[type[BaseException], ...],
                                        Any]]:
    """name -> (function of one fuzzed value, the typed errors it may raise, strategy)."""
    from datetime import UTC, date, datetime

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from hypothesis import strategies as st
    from pydantic import ValidationError

    from recourse.protocol import bundle, canonical, jws, receipt
    from recourse.protocol import contest_wire as cw
    from recourse.protocol.canonical import canonical_json
    from recourse.protocol.submission import build_submission, sign_submission

    officer, force = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    force_kid = jws.key_id(force.public_key())
    now = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
    payload = build_submission(officer_id="off-1", key_id=jws.key_id(officer.public_key()),
                               kind="challenge", target="flag-1", created_at=now,
                               grounds=["context"], statement="Fuzz.")
    submission = sign_submission(payload, officer)
    good_receipt = receipt.issue_receipt(submission, payload, private_key=force,
                                         received_at=now, reference="RC-2026-000001",
                                         due_date=date(2026, 4, 2))
    good_files = bundle.bundle_files(submission, good_receipt,
                                     jws.public_jwk(officer.public_key()),
                                     jws.public_jwk(force.public_key()), {})
    typed = (jws.ProtocolError, canonical.StrictJsonError, canonical.CanonicalJsonError)

    leaf = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
            | st.text(max_size=40) | st.integers(min_value=10 ** 300, max_value=10 ** 4000))
    values = st.recursive(leaf, lambda inner: st.lists(inner, max_size=6)
                          | st.dictionaries(st.text(max_size=12), inner, max_size=6),
                          max_leaves=40)

    def hostile_text(draw_json: Any) -> bytes:
        return json.dumps(draw_json, allow_nan=True).encode()

    deep = st.integers(min_value=1, max_value=200_000).map(
        lambda n: b"[" * n + b"]" * n)
    deep_objects = st.integers(min_value=1, max_value=100_000).map(
        lambda n: b'{"a":' * n + b"1" + b"}" * n)
    long_numbers = st.integers(min_value=1, max_value=1_000_000).map(
        lambda n: b'{"n":' + b"9" * n + b"}")
    duplicates = st.text(max_size=8).map(lambda k: json.dumps(k).join(
        [b'{'.decode(), ':1,', ':2}']).encode())
    documents = (st.binary(max_size=2000) | values.map(hostile_text) | deep | deep_objects
                 | long_numbers | duplicates)

    def signed(content: bytes, typ: str) -> str:
        return jws.sign_compact(content, force, force_kid, typ)

    def loads(data: bytes) -> None:
        canonical.loads_strict(data)

    def header(data: bytes) -> None:
        token = jws.b64url_encode(data) + "." + jws.b64url_encode(b"{}") + ".AA"
        jws.unverified_header(token)

    def verify(data: bytes) -> None:
        jws.verify_compact(signed(data, "fuzz"), force.public_key())

    def a_receipt(data: bytes) -> None:
        receipt.verify_receipt(signed(data, receipt.RECEIPT_TYP), submission,
                               force.public_key())

    def sar_package(data: bytes) -> None:
        # As the client checks a package it receives (contest/sar.py).
        verified = jws.verify_compact(signed(data, cw.SAR_PACKAGE_TYP), force.public_key(),
                                      expected_kid=force_kid, expected_typ=cw.SAR_PACKAGE_TYP)
        if canonical.is_canonical(verified.payload_bytes):
            cw.SarPackage.model_validate_json(verified.payload_bytes)

    names = sorted(good_files)

    def a_bundle(change: tuple[int, bytes]) -> None:
        index, data = change
        files = dict(good_files)
        name = names[index % len(names)]
        files[name] = data
        bundle.verify_bundle(files)

    def raw_token(data: str) -> None:
        jws.unverified_header(data)

    receipt_like = values.map(lambda v: canonical_json(v) if _jsonable(v) else b"{}")
    return {
        "canonical.loads_strict": (loads, typed, documents),
        "jws.unverified_header (header JSON)": (header, typed, documents),
        "jws.unverified_header (token text)": (raw_token, typed, st.text(max_size=400)),
        "jws.verify_compact (signed content)": (verify, typed, documents),
        "receipt.verify_receipt (signed content)": (a_receipt, typed,
                                                    documents | receipt_like),
        "SAR response package (signed content)": (sar_package, (*typed, ValidationError),
                                                  documents),
        "bundle.verify_bundle (one file changed)": (
            a_bundle, typed, st.tuples(st.integers(0, 50), documents)),
    }


def _jsonable(value: Any) -> bool:
    """Whether RFC 8785 can write `value` (no NaN, no integer beyond 2**53 - 1), so the
    strategy that signs canonical JSON never fails while making its example."""
    from recourse.protocol.canonical import CanonicalJsonError, canonical_json

    try:
        canonical_json(value)
    except (CanonicalJsonError, ValueError, TypeError, RecursionError):
        return False
    return True


def _fuzzer(function: Any, typed: Any, strategy: Any, count: list[int], given: Any,
            settings: Any, health: Any) -> Any:
    @settings(max_examples=300, deadline=None, database=None,
              suppress_health_check=list(health))
    @given(strategy)
    def run(value: Any) -> None:
        count[0] += 1
        try:
            function(value)
        except typed:
            pass

    return run


def parsers(seconds: float) -> tuple[int, list[str]]:
    from hypothesis import HealthCheck, given, settings

    targets = parser_targets()
    cases = 0
    failures: dict[str, str] = {}
    deadline = time.monotonic() + seconds
    rounds = 0
    while time.monotonic() < deadline:
        rounds += 1
        for name, (function, typed, strategy) in targets.items():
            if time.monotonic() >= deadline:
                break
            count = [0]
            run = _fuzzer(function, typed, strategy, count, given, settings, HealthCheck)
            try:
                run()
            except Exception as error:  # what the fuzz is looking for
                found = list(error.exceptions) if isinstance(error, ExceptionGroup) \
                    else [error]
                for one in found:
                    example = " ".join(getattr(one, "__notes__", []))[:160]
                    message = f"{type(one).__name__}: {str(one)[:160]}"
                    failures.setdefault(f"{name}: {message}", f"{message} [{example}]")
            cases += count[0]
        progress(f"fuzz: parsers round {rounds}, {cases} cases, {len(failures)} failures")
    return cases, [f"{key.split(': ')[0]}: {value}" for key, value in sorted(failures.items())]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench fuzz")
    parser.add_argument("--minutes", type=float, default=30)
    args = parser.parse_args(argv or [])
    budget = max(60, int(args.minutes * 60))
    with tempfile.TemporaryDirectory(prefix="recourse-fuzz-") as tmp:
        progress(f"fuzz: schemathesis on the contract for {budget // 2} s…")
        contract_cases, contract_failures = contract(budget // 2, Path(tmp) / "contract")
    progress(f"fuzz: the client's parsers for {budget - budget // 2} s…")
    parser_cases, parser_failures = parsers(budget - budget // 2)
    emit("fuzz.contract_cases", contract_cases, "cases", target=None, better="higher",
         detail=f"schemathesis, every check but positive_data_acceptance, "
                f"{budget // 2} s against the real server")
    emit("fuzz.contract_failures", len(contract_failures), "failures", target=0,
         better="lower", detail="; ".join(contract_failures[:10]) or "none")
    emit("fuzz.parser_cases", parser_cases, "cases", target=None, better="higher",
         detail=f"hypothesis, {budget - budget // 2} s over 7 parsers of untrusted input")
    emit("fuzz.parser_failures", len(parser_failures), "failures", target=0, better="lower",
         detail="; ".join(parser_failures[:20]) or "none")
