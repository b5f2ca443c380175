"""The main screens hosted by the main window: Overview, Flags, My data, Access log.

Each is a QWidget built as ``Screen(context, parent=None)`` with ``set_store(store |
None)`` (None = locked: models emptied, decrypted data dropped), ``refresh()`` (after a
sync), ``save_place() -> dict`` and ``restore_place(dict)``.
"""

from recourse.ui.screens.access_log import AccessLogScreen
from recourse.ui.screens.flags import FlagsScreen
from recourse.ui.screens.my_data import MyDataScreen
from recourse.ui.screens.overview import OverviewScreen

__all__ = ["AccessLogScreen", "FlagsScreen", "MyDataScreen", "OverviewScreen"]
