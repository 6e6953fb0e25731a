"""The past-sessions table's columns share its width: room to spare goes to the names,
too little is taken from what can be shortened, never from a figure."""

from __future__ import annotations

from circlekeeper.ui.history.column_fit import ColumnRoom, fitted_widths

ROOMS = [
    ColumnRoom(150, 100, gives=1),  # date: its time of day goes last
    ColumnRoom(200, 40, share=2),  # circle
    ColumnRoom(160, 40, share=3),  # facilitators
    ColumnRoom(60, 60),  # a figure
    ColumnRoom(120, 60),  # duration
]


def test_room_to_spare_goes_to_the_names_in_their_shares() -> None:
    widths = fitted_widths(ROOMS, 690 + 100)
    assert sum(widths) == 790
    assert widths == [150, 240, 220, 60, 120]


def test_too_little_room_is_taken_from_words_before_the_date() -> None:
    widths = fitted_widths(ROOMS, 500)
    assert sum(widths) == 500
    assert widths[0] == 150 and widths[3] == 60, "date and figure untouched"
    assert all(w >= room.least for w, room in zip(widths, ROOMS, strict=True))


def test_then_the_date_and_then_nothing_below_the_least() -> None:
    widths = fitted_widths(ROOMS, 320)
    assert sum(widths) == 320 and widths[0] < 150
    assert fitted_widths(ROOMS, 100) == [room.least for room in ROOMS], "the table scrolls"


def test_the_date_takes_room_for_a_place_before_the_names_share_what_is_left() -> None:
    """A date "6:51 PM (Lagos)" needs more than a date and time; given room, its column takes
    it first (the place was the part cut off), and on a small screen it asks for nothing."""
    rooms = [ColumnRoom(150, 90, gives=1, wants=60), ColumnRoom(100, 40, share=1)]
    assert fitted_widths(rooms, 400) == [210, 190]
    assert fitted_widths(rooms, 280) == [180, 100]
    assert fitted_widths(rooms, 250) == [150, 100]
    assert fitted_widths(rooms, 200) == [150, 50]
