"""The layout by terminal size (`tui.app.layout.plan`): pure, so every size is checked here;
the snapshots and the tmux tests show the same layouts on a screen."""

from __future__ import annotations

import pytest

from tui.app.layout import LIST_WANT, PAD, TREE, TREE_MAX, Layout, plan


@pytest.mark.parametrize("size", [(200, 50), (160, 48)])
def test_the_text_gets_a_reading_measure_beside_the_list(size: tuple[int, int]) -> None:
    width, height = size
    layout = plan(width, height, reader=True)
    assert layout.mode == "side"
    text = width - layout.tree - layout.side - (layout.list_width or 0) - PAD
    assert text >= 70 and layout.measure == 80
    assert (layout.list_width or 0) >= 50


def test_the_tree_stays_only_where_there_is_room() -> None:
    assert plan(240, 60, reader=True).tree == 45  # half the columns the list can spare
    assert plan(200, 50, reader=True).tree == 0  # it would leave the list 50 columns
    assert plan(160, 48, reader=True).tree == 0
    assert plan(160, 48, reader=True, tree_focused=True).tree > 0  # asked for: shown
    assert plan(160, 48, reader=False).tree == 43


@pytest.mark.parametrize("width", [154, 160, 166, 172, 180, 200, 212, 240, 300])
def test_beside_the_text_the_list_keeps_headlines(width: int) -> None:
    """The text keeps 70-80 columns, the list at least 50 (60 where the text can spare
    them: its normal columns), the side panel narrows before the list does."""
    for focused in (False, True):
        layout = plan(width, 45, reader=True, tree_focused=focused)
        assert layout.mode == "side"
        text = width - layout.tree - layout.side - (layout.list_width or 0) - PAD
        assert 70 <= text <= 80
        assert (layout.list_width or 0) >= (58 if width >= 160 else 50)
        assert layout.side in ((0, 28, 36) if focused else (28, 36))
        assert (layout.tree > 0) == (focused or width >= 212)


def test_small_terminals_give_the_reader_the_screen() -> None:
    assert plan(80, 24, reader=True).mode == "full"
    assert plan(80, 24, reader=False).mode == "list"
    stacked = plan(120, 40, reader=True)
    assert stacked.mode == "stacked" and stacked.list_height is not None
    assert stacked.list_height < 20 and stacked.tree == 0  # the text keeps its measure


def test_the_side_panel_waits_to_be_asked_for_on_a_narrow_terminal() -> None:
    assert plan(80, 24, reader=True).side == 0
    assert plan(80, 24, reader=True, side=True).side > 0
    assert plan(120, 40, reader=True).side > 0


def test_hiding_the_side_panel_and_full_screen() -> None:
    assert plan(200, 50, reader=True, side=False).side == 0
    assert plan(200, 50, reader=True, full=True).mode == "full"
    # without the side panel, 120 columns are enough for the list beside the text
    assert plan(124, 40, reader=True, side=False).mode == "side"


def test_text_width_zero_means_no_cap() -> None:
    layout = plan(200, 50, reader=True, text_width=0)
    assert layout.measure is None and layout.list_width == 60


def test_a_wide_terminal_gives_the_tree_a_share() -> None:
    """At 220x60 the tree stayed 30 columns and cut every story label: it takes a third of
    the columns beyond 120 up to TREE_MAX, and no more than half of what the list can spare
    beside the reader; 80x24 and 120x40 are as they were."""
    assert plan(80, 24, reader=False) == Layout("list", 0, 0)
    assert plan(80, 24, reader=True) == Layout("full", 0, 0, measure=80)
    assert plan(120, 40, reader=False) == Layout("list", 30, 0)
    assert plan(120, 40, reader=True) == Layout("stacked", 0, 36, list_height=12, measure=80)
    assert [plan(w, 45, reader=False).tree for w in (120, 160, 220, 300)] == [30, 43, 63, TREE_MAX]
    for width in range(212, 400, 7):
        side = plan(width, 60, reader=True)
        assert TREE <= side.tree <= TREE_MAX and (side.list_width or 0) >= side.tree + LIST_WANT - TREE
    assert plan(220, 60, reader=True).tree == 35
