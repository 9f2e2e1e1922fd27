"""One order for a story's label wherever it shows (the CLI, JSON, the tree, the status line,
`]`): like a dateline, the place first. Beside the store, not the linker, so reading stories
never loads the linking model."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.store.coverage import Story


def dateline(label: str) -> str:
    """A stored label (`stories.label` makes "people · place · dates") with the place first:
    "Moscow · Pezeshkian, Putin · 17-18 Jan 2025". A narrow column cuts the end, and the
    people alone do not tell two meetings apart (Pezeshkian and Putin met in Ashgabat and in
    Moscow). Labels stay stored as made, so caches written before read the same; one with
    fewer parts is left as it is."""
    parts = label.split(" · ")
    if len(parts) != 3:
        return label
    people, place, dates = parts
    return " · ".join((place, people, dates))


def dated(story: Story) -> Story:
    """`story` with its label as a `dateline`."""
    from dataclasses import replace  # with the story records, which load it anyway

    return replace(story, label=dateline(story.label))
