"""Location pings read as places: the nearest place the force's data names (from the
pings' catalogue entry, sent by the server), with the coordinates beside it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from recourse.protocol.wire import Place, Source
from recourse.ui.models.places import PlaceNames, distance_km

KIRKGATE = Place(name="Kirkgate Police Station", lat=53.79602, lon=-1.54201)
WHITBY = Place(name="Whitby", lat=54.48650, lon=-0.61440)


def test_a_position_is_named_by_the_nearest_place_within_reach(qapp):
    names = PlaceNames([KIRKGATE, WHITBY])
    assert names.name_of(53.7990, -1.5420) == "Kirkgate Police Station (0.3 km)"
    assert names.name_of(54.4800, -0.6200).startswith("Whitby (0.")
    assert names.name_of(51.5074, -0.1278) is None  # London: nowhere the data names
    assert names.name_of(None, "x") is None
    assert 265 < distance_km(53.79602, -1.54201, 51.5074, -0.1278) < 280  # Leeds–London


def test_places_come_from_the_pings_catalogue_entry_only():
    def source(category, places):
        return Source(category=category, system="s", owner="o", lawful_basis="b",
                      retention="r", description="d", places=places)

    names = PlaceNames.from_sources([source("location_pings", [KIRKGATE]),
                                     source("logins", [WHITBY])])
    assert names.places == [KIRKGATE]


def test_the_demo_servers_pings_are_named_in_my_data(qtbot, context, server, tmp_path):
    """The real server's catalogue reaches the client, and the pings column shows it."""
    from tests.gui.conftest import build_window, close_window, first_run_through_ui

    from recourse.store import Profile
    from recourse.ui.models.record_table_model import PLACE, columns_for

    window = build_window(qtbot, Profile(tmp_path / "p"), server)
    try:
        first_run_through_ui(qtbot, window, server.url)
        screen = window.screens["my-data"]
        window.show_screen("my-data")
        screen.category_box.setCurrentIndex(screen.category_box.findData("location_pings"))
        qtbot.waitUntil(lambda: screen.model.rowCount() > 0, timeout=10_000)
        model = screen.model
        fields = [c.field for c in columns_for("location_pings")]
        column = fields.index(PLACE)
        shown = {model.index(row, column).data() for row in range(min(200, model.rowCount()))}
        assert any(text.endswith(" km)") for text in shown), shown
        headers = [model.headerData(i, Qt.Orientation.Horizontal)
                   for i in range(model.columnCount())]
        assert headers[column + 1:column + 3] == ["Latitude", "Longitude"]
    finally:
        close_window(window)
