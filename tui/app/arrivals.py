"""Where the list's window goes when a reload (a refresh, a cron fetch) moves the selection
(no Textual). The selected article stays selected; what moves is decided as newsboat and
Elfeed users expect:

- the window showing the list's top row: it stays there, so articles that arrive above the
  selection appear at the top and push the rows below them (the selection too) down, in
  sight; only a selection pushed off the bottom scrolls the window, just enough;
- the window scrolled down the list (the user is working further down): the selected
  article keeps its screen row, and the rows that arrived above it are counted, for the
  status line to say ("3 new above") until the top row is seen again.
"""

from __future__ import annotations


def placed(top: int, old: int, new: int, height: int) -> tuple[int, int]:
    """(the window's new top row, how many arrived rows it leaves above, out of sight):
    `top` the window's top row, `old` and `new` the selection's index before and after the
    reload, `height` the rows the window shows."""
    shift = new - old
    if top > 0 or shift <= 0:  # scrolled down, or rows left above: the same screen row
        return max(0, top + shift), max(0, shift)
    if new < height:
        return 0, 0
    scrolled = new - height + 1
    return scrolled, min(shift, scrolled)
