"""Fixtures shared by the core tests (api, store): add fixtures, never change others'."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

OIDC_PROVIDER_DIR = Path(__file__).resolve().parents[1] / "oidc_provider"


@dataclass
class NodeProvider:
    """panva/oidc-provider running under node on 127.0.0.1 (tests/oidc_provider)."""

    issuer: str
    process: subprocess.Popen[str]
    #: The one account its dev login form accepts (provider.js).
    account: str = "officer-4711"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        if self.process.stdout is not None:
            self.process.stdout.close()


def start_oidc_provider(access_token_ttl: int = 600, timeout: float = 30.0) -> NodeProvider:
    if not (OIDC_PROVIDER_DIR / "node_modules" / "oidc-provider").is_dir():
        pytest.skip(
            "oidc-provider is not installed: run `cd tests/oidc_provider && npm install` "
            "(.ci/setup does)"
        )
    env = {**os.environ, "ACCESS_TOKEN_TTL": str(access_token_ttl)}
    process = subprocess.Popen(
        ["node", "provider.js", "0"],
        cwd=OIDC_PROVIDER_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    ready: list[str] = []
    got_line = threading.Event()

    def read_first_line() -> None:
        assert process.stdout is not None
        line = process.stdout.readline()
        if line:
            ready.append(line)
        got_line.set()

    threading.Thread(target=read_first_line, daemon=True).start()
    if not got_line.wait(timeout) or not ready:
        process.kill()
        process.wait()
        raise RuntimeError("oidc-provider did not start (is node installed?)")
    return NodeProvider(json.loads(ready[0])["issuer"], process)


@pytest.fixture(scope="module")
def oidc_provider() -> Iterator[NodeProvider]:
    """A certified OpenID provider nobody on this project wrote, for this module."""
    provider = start_oidc_provider()
    yield provider
    provider.stop()


@pytest.fixture
def start_node_provider() -> Iterator[Callable[..., NodeProvider]]:
    """Start oidc-provider with options (e.g. access_token_ttl=2); stopped after the test."""
    started: list[NodeProvider] = []

    def start(**options: int) -> NodeProvider:
        provider = start_oidc_provider(**options)
        started.append(provider)
        return provider

    yield start
    for provider in started:
        provider.stop()


# -- pc.hughes on the reference server, signed in on a fresh encrypted profile --------------
HUGHES = ("pc.hughes", "demo-hughes-2026", "off-1042")


@pytest.fixture(scope="module")
def hughes_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The reference server on loopback with pc.hughes's data only."""
    from tests.support.server import start_server

    with start_server(tmp_path_factory.mktemp("server"), only=[HUGHES[0]]) as running:
        yield running


@pytest.fixture
def hughes_client(tmp_path: Path, hughes_server: Any) -> Iterator[Any]:
    """``(store, api)``: pc.hughes signed in through the real login form."""
    from tests.support.browser import signed_in_client

    with signed_in_client(tmp_path / "profile", hughes_server.url, HUGHES[0], HUGHES[1],
                          "correct horse battery staple") as client:
        yield client
