"""The window on a store that holds something it cannot read back, on the real stack.

An older Recourse let a NaN through and stored `null` where a number belongs; every
read of the flags then failed. After unlock the window must open the workspace and say
so in words (not stay on "locked" with nothing said), the other screens must still show
their data, and the next sync must repair it.
"""

from __future__ import annotations

from tests.gui.conftest import (
    build_window,
    close_window,
    first_run_through_ui,
    unlock_through_ui,
)
from tests.support.damage import make_one_flag_unreadable


def test_unlock_on_an_unreadable_flag_opens_the_workspace_and_says_so(
        qtbot, profile, server, tmp_path):
    window = build_window(qtbot, profile, server)
    first_run_through_ui(qtbot, window, server.url)
    from recourse.ui.settings_registry import SERVER_URL

    # The first sync's follow-up work (the Requests screen fetches the force's statuses,
    # and the flags with them) ends before the flag is damaged, or it would repair it.
    assert window.context.workers.wait_idle(30_000)
    store = window.context.store
    flag_id = make_one_flag_unreadable(store)
    # No server this time: the message must come from the store, not from a sync.
    window.context.settings.put(store, SERVER_URL, "")
    window.lock()
    window.context.server_url = ""

    unlock_through_ui(qtbot, window)

    assert window.pages.currentWidget() is window.workspace
    assert window.banner.isVisible()
    assert window.banner.info is not None and window.banner.info.kind == "StoredDataUnreadable"
    assert "could not be read back" in window.banner.text.text()
    assert "Sync" in window.banner.text.text()
    assert window.banner.title.text() == "Some saved data could not be read"
    assert window.sync_job is None
    # The rest is still there to read.
    assert window.screens["my-data"].model.rowCount() > 0
    window.grab().save(str(tmp_path / "unreadable-after-unlock.png"))

    # Back online, a sync replaces what could not be read.
    window.context.server_url = server.url
    window.session.connect(window.context.store)
    with qtbot.waitSignal(window.sync_done, timeout=60_000) as blocker:
        window.start_sync()
    assert blocker.args == [True], window.banner.text.text()
    assert flag_id in {f.id for f in window.context.store.flags()}
    assert not window.banner.isVisible()
    assert window.screens["flags"].model.rowCount() > 0
    close_window(window)
