"""An Input that draws right-to-left letters as the rest of the app does on a terminal without
bidi: in visual order and shaped (`tui.core.visual`), the cursor on the letter it stands
before. The value stays in logical order (what is written, searched or saved); only the line
drawn changes, and only while the value holds right-to-left letters.

The line is laid out left to right, as the dialog around it (`~/newsdesk-all-هنية.md`); a
cursor at the end stands after the whole line.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.strip import Strip
from textual.widgets import Input

from tui.app.widgets.visual_text import app_reorders, styled
from tui.core import visual


class VisualInput(Input):
    """`Input`, with right-to-left text drawn in visual order when the app reorders."""

    def _drawn(self) -> tuple[str, visual.VisualLine] | None:
        """The text shown (the value, and the suggestion's rest while it shows) in drawing
        order, or None when Input draws it as it is."""
        value = self.value
        if self.password or not value or \
                not visual.needs_reorder(value + self._suggestion, app_reorders(self)):
            return None
        shown = self._suggestion if self._showing_suggestion() else value
        return shown, visual.drawn_line(shown, False)

    def _showing_suggestion(self) -> bool:
        return len(self._suggestion) > len(self.value) and self.has_focus

    def _cursor_cell(self, drawn: visual.VisualLine) -> int:
        """The cell of the character the cursor stands before; the line's end past the last."""
        for k in range(self.cursor_position, drawn.end):
            if drawn.sizes[k]:  # the alef of a lam-alef, a joiner: drawn by their neighbour
                return cell_len(drawn.text[:drawn.at[k]])
        return cell_len(drawn.text)

    @property
    def _cursor_offset(self) -> int:
        """As Input counts it (one more at the end): scrolling and the terminal's cursor."""
        found = self._drawn()
        if found is None:
            return super()._cursor_offset
        return self._cursor_cell(found[1]) + (1 if self.cursor_at_end else 0)

    @property
    def content_width(self) -> int:
        found = self._drawn()
        if found is None:
            return super().content_width
        return cell_len(found[1].text) + 1

    def render_line(self, y: int) -> Strip:
        found = None if y else self._drawn()
        if found is None:
            return super().render_line(y)
        shown, drawn = found
        logical = Text(shown, end="")
        if len(shown) > len(self.value):
            logical.stylize(self.get_component_rich_style("input--suggestion"),
                            len(self.value), len(shown))
        if self.has_focus and not self.selection.is_empty:
            start, end = sorted(self.selection)
            logical.stylize(self.get_component_rich_style("input--selection"), start, end)
        line = styled(logical, drawn)
        if self.has_focus and self._cursor_visible:
            at = self._cursor_cell(drawn)
            if at >= line.cell_len:
                line.pad_right(at - line.cell_len + 1)
            line.stylize(self.get_component_rich_style("input--cursor"), at, at + 1)
        console = self.app.console
        width = self.scrollable_content_region.width
        strip = Strip(console.render(line, self.app.console_options.update_width(
            self.content_width)))
        scroll_x, _ = self.scroll_offset
        strip = strip.crop(scroll_x, scroll_x + width + 1).extend_cell_length(width + 1)
        return strip.apply_style(self.rich_style)
