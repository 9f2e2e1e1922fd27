"""What the `?` screen draws: the commands in groups a user looks for them by (moving,
reading, triage...). Where the box is narrow (an 80x24 terminal) the groups stand in columns
of key and title, as many as fit (two at 80 columns, three at 100-110), a cheat sheet of a
screen or two, not 144 lines of wrapped prose; a wide box, and a `/` find (a few commands),
give each command's help beside it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from itertools import product

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from tui.app.commands import BY_NAME, COMMANDS, Command, help_of, key_label

GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Moving",
        (
            "cursor_down",
            "cursor_up",
            "top",
            "bottom",
            "page",
            "next_unread",
            "prev_unread",
            "next_feed",
            "prev_feed",
            "next_in_story",
            "prev_in_story",
        ),
    ),
    (
        "Panes",
        (
            "open",
            "close",
            "back",
            "cycle_panes",
            "focus_views",
            "focus_list",
            "focus_reader",
            "focus_actors",
            "focus_related",
            "toggle_full",
            "toggle_side",
            "help",
            "palette",
        ),
    ),
    (
        "Triage",
        (
            "toggle_read",
            "toggle_saved",
            "add_tags",
            "remove_tag",
            "dismiss",
            "undo",
            "toggle_mark",
            "mark_all",
            "mark_view_read",
            "mark_all_read",
        ),
    ),
    ("Lists", ("search", "filter", "clear_query", "toggle_hide_read", "save_view", "export_view")),
    ("Links", ("open_browser", "copy_link", "open_cited_link")),
    ("Feeds", ("refresh_all", "refresh_feed", "feed_errors", "add_feed", "remove_feed")),
    ("Actors", ("actor_alias", "new_actor", "list_unlisted", "forget_actor")),
)
"""Every command once (`tests/test_app_help_screen.py` checks), in the order shown."""

PROSE_FROM = 100
"""The narrowest box (columns inside it) that gives each command's help on its line."""


def _keys(command: Command, keymap: Mapping[str, str]) -> Text:
    return Text(key_label(keymap.get(command.name, command.key)), "bold")


def _group(
    title: str, commands: Sequence[Command], keymap: Mapping[str, str], prose: bool
) -> Table:
    table = Table.grid(padding=(0, 1 if not prose else 2))
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True)
    if prose:
        table.add_column()
    table.add_row(Text(title, "bold underline"))
    for command in commands:
        row = [_keys(command, keymap), Text(command.title)]
        if prose:
            about = Text(help_of(command, keymap) + "  ")
            about.append(command.name, "dim")  # the name [keys] remaps
            row.append(about)
        table.add_row(*row)
    return table


def help_table(
    keymap: Mapping[str, str], width: int = 200, chosen: Sequence[Command] = COMMANDS
) -> RenderableType:
    """The `chosen` commands by group, for a box `width` columns wide inside."""
    names = {command.name for command in chosen}
    groups = [
        (title, [BY_NAME[name] for name in members if name in names]) for title, members in GROUPS
    ]
    groups = [(title, members) for title, members in groups if members]
    prose = width >= PROSE_FROM or len(chosen) < len(COMMANDS)
    tables = [_group(title, members, keymap, prose) for title, members in groups]
    if prose or len(tables) < 2:
        return Group(*_spaced(tables))
    widths = tuple(_width(title, members, keymap) for title, members in groups)
    heights = tuple(len(members) + 2 for _, members in groups)  # a heading and a blank line
    columns = _columns(widths, heights, width)
    grid = Table.grid(padding=(0, GAP))
    for _ in columns:
        grid.add_column()
    grid.add_row(*[Group(*_spaced([tables[at] for at in column])) for column in columns])
    return grid


GAP = 3
"""Columns between two columns of groups."""


def _width(title: str, commands: Sequence[Command], keymap: Mapping[str, str]) -> int:
    """The columns a group's table of keys and titles takes (`_group`, no prose)."""
    keys = max(len(title), *(_keys(command, keymap).cell_len for command in commands))
    return keys + 1 + max(len(command.title) for command in commands)  # the heading is in
    # the keys' column


@cache
def _columns(widths: tuple[int, ...], heights: tuple[int, ...],
             room: int) -> tuple[tuple[int, ...], ...]:
    """The groups (by index) in the columns (2 to 4) that fit side by side in `room` and
    make the longest column the shortest, each column's groups in their order: a box of 100
    columns had two narrow columns of 39 lines and half its width empty, where three of 22
    lines fit. Every way is tried (4**7 at most, once per width: cached)."""
    best: tuple[int, tuple[tuple[int, ...], ...]] | None = None
    for count in range(2, min(4, len(widths)) + 1):
        for owner in product(range(count), repeat=len(widths)):
            if owner[0] != 0 or any(c not in owner for c in range(count)):
                continue
            columns = [tuple(at for at in range(len(widths)) if owner[at] == c)
                       for c in range(count)]
            if sorted(columns, key=lambda col: col[0]) != columns:
                continue  # the same columns in another order: read left to right as listed
            if sum(max(widths[at] for at in col) for col in columns) + GAP * (count - 1) \
                    > room:
                continue
            tall = max(sum(heights[at] for at in col) - 1 for col in columns)
            if best is None or tall < best[0]:
                best = (tall, tuple(columns))  # fewer columns first: kept on a tie
    return best[1] if best is not None else (tuple(range(len(widths))),)


def _spaced(tables: list[Table]) -> list[RenderableType]:
    out: list[RenderableType] = []
    for table in tables:
        if out:
            out.append(Text(""))
        out.append(table)
    return out
