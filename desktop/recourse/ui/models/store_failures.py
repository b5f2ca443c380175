"""Where a model that reads the store lazily (while a view paints) reports a failure.

A store can be damaged in a page the unlock check did not read; the first read of it
then fails inside a model's `data()`, called by Qt while painting. Raising there would
reach the exception hook (a message box per paint, nested) and leave the view half
drawn. Instead the model shows nothing for those rows and reports here; the main window
hears it after the paint (a queued connection) and switches once to the damaged-store
state (see `MainWindow.store_failed`).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from recourse.store.errors import StoreError


class StoreFailures(QObject):
    failed = Signal(object)  # the StoreError


_instance: list[StoreFailures] = []


def store_failures() -> StoreFailures:
    if not _instance:
        _instance.append(StoreFailures())
    return _instance[0]


def report_store_failure(error: StoreError) -> None:
    store_failures().failed.emit(error)
