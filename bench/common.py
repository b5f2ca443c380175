"""What every benchmark shares: the output format of ../shared/BENCH.md, medians, peak
memory of a process, and the reference server started on loopback."""

from __future__ import annotations

import json
import os
import statistics
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def median(values: list[float]) -> float:
    return float(statistics.median(values))


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def _within(value: float, bound: float | None, better: str) -> bool:
    if bound is None:
        return True
    return value <= bound if better == "lower" else value >= bound


def emit(bench: str, value: float, unit: str, *, target: float | None, better: str,
         detail: str, baseline: float | None = None,
         ratio_target: float | None = None) -> dict[str, Any]:
    """Print one figure as a JSON line on stdout."""
    figure: dict[str, Any] = {"bench": bench, "value": round(value, 3), "unit": unit,
                              "target": target, "better": better}
    meets = _within(value, target, better)
    if baseline is not None:
        ratio = value / baseline if baseline else float("inf")
        figure.update(baseline=round(baseline, 3), ratio=round(ratio, 3),
                      ratio_target=ratio_target)
        meets = meets and _within(ratio, ratio_target, better)
    figure["meets"] = meets
    figure["detail"] = detail
    print(json.dumps(figure), flush=True)
    return figure


def peak_rss_mb(pid: int) -> float:
    """Peak resident set size (VmHWM) of a live process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmHWM for process {pid}")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            found += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            pass  # the thread ended meanwhile
    return found


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a live process and all its live descendants (e.g. the
    uvicorn supervisor and its workers), in seconds. On a shared machine this says what
    the process itself costs, whatever else competes for the cores."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            pending += _children(current)
        except OSError:
            continue  # it exited between listing and reading
        total += (int(fields[11]) + int(fields[12])) / ticks
    return total
