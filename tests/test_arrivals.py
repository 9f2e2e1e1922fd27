"""Where the list's window goes when a reload moves the selection (`arrivals.placed`)."""

from __future__ import annotations

from tui.app.arrivals import placed


def test_at_the_top_the_window_stays_and_the_new_rows_show() -> None:
    assert placed(0, 3, 8, 20) == (0, 0)  # five arrived above: in sight, the selection on row 8


def test_at_the_top_a_selection_pushed_past_the_bottom_scrolls_just_enough() -> None:
    assert placed(0, 3, 25, 20) == (6, 6)  # on the bottom row; six rows out of sight above


def test_scrolled_down_the_selection_keeps_its_screen_row_and_the_new_are_counted() -> None:
    assert placed(10, 15, 20, 20) == (15, 5)


def test_rows_that_left_above_move_the_window_up_with_the_selection() -> None:
    assert placed(10, 15, 12, 20) == (7, 0)
    assert placed(0, 5, 4, 20) == (0, 0)
