"""The schemathesis settings the contract fuzz (tests/server/test_contract_fuzz.py) and the
long campaign (`python -m bench fuzz`) share."""

from __future__ import annotations

#: What counts as refusing invalid data: schemathesis's own list, and 413, which is how
#: the server refuses a body over its size limit before reading it (RFC 9110 §15.5.14).
NEGATIVE_DATA_REJECTION = ["400", "401", "403", "404", "405", "406", "409", "413", "415",
                           "422", "428", "429", "5xx"]


def schemathesis_config(officer_id: str, flag_id: str | None = None) -> str:
    """schemathesis.toml: real identifiers half the time, so the fuzz reaches past 404s."""
    lines = ["[parameters]", f'"path.officer_id" = "{officer_id}"']
    if flag_id is not None:
        lines.append(f'"path.flag_id" = "{flag_id}"')
    statuses = ", ".join(f'"{s}"' for s in NEGATIVE_DATA_REJECTION)
    lines += ["", "[checks.negative_data_rejection]", f"expected-statuses = [{statuses}]"]
    return "\n".join(lines) + "\n"
