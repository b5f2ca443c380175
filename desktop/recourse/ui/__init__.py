"""The PySide6 desktop client. Importing it first guards against PySide6 6.12.0's
reference-count bug on Python 3.11 (see `recourse.ui.refcounts`)."""

from recourse.ui.refcounts import protect_singletons

protect_singletons()
