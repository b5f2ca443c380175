"""Run `python -m bench NAME [NAME…]`, or every benchmark with no name.

The long campaigns have their own command and options and never run with the others:
`python -m bench crash --kills N`, `python -m bench fuzz --minutes N`.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

_NOT_BENCHMARKS = {"common"}
CAMPAIGNS = {"crash", "fuzz"}


def available() -> list[str]:
    folder = Path(__file__).resolve().parent
    return sorted(m.name for m in pkgutil.iter_modules([str(folder)])
                  if not m.name.startswith("_") and m.name not in _NOT_BENCHMARKS | CAMPAIGNS)


def main(argv: list[str]) -> int:
    if argv and argv[0] in CAMPAIGNS:
        importlib.import_module(f"bench.{argv[0]}").main(argv[1:])
        return 0
    names = argv or available()
    unknown = [n for n in names if n not in available()]
    if unknown:
        print(f"unknown benchmark {', '.join(unknown)}; available: {', '.join(available())}",
              file=sys.stderr)
        return 2
    for name in names:
        module = importlib.import_module(f"bench.{name}")
        module.main()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
