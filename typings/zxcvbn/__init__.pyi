# zxcvbn ships no types; only what Recourse calls.
from collections.abc import Sequence
from typing import Any

def zxcvbn(password: str, user_inputs: Sequence[str] | None = ...) -> dict[str, Any]: ...
