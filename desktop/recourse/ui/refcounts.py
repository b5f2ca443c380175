"""Keep CPython 3.11 alive under PySide6 6.12.0's reference-count bug.

The PySide6/shiboken6 6.12.0 wheels (stable ABI) return ``None`` from void methods
(``QWidget.update``, ``QLabel.setText``, ``QCoreApplication.processEvents``…) and ``True``
from ``SignalInstance.emit`` without taking the reference they hand back. From Python
3.12 those objects are immortal (PEP 683) and nothing happens; on 3.11 every such call
drops one reference the interpreter still counts on, and after some thousands of calls
(a sync's progress signals, a busy event loop) the process aborts with "Fatal Python
error: none_dealloc / bool_dealloc". PySide6 6.11.3 is not affected.

`protect_singletons()` does on 3.11 what 3.12 does natively: it gives ``None``,
``True`` and ``False`` a reference count so large that no session can exhaust it.
They are never freed anyway, so the extra count changes nothing else.
"""

from __future__ import annotations

import ctypes
import sys

# 2**40 lost references at even a million calls a second last twelve days; the count is
# a 64-bit Py_ssize_t, so this is far from overflow.
MARGIN = 1 << 40


def protect_singletons() -> None:
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    for singleton in (None, True, False):
        # CPython: id() is the object's address and ob_refcnt its first field.
        refcount = ctypes.c_ssize_t.from_address(id(singleton))
        if refcount.value < MARGIN:
            refcount.value += MARGIN
