"""What drawing a long Arabic article costs: the reader's body laid out at 80 columns as Rich
renders it for the Static, in logical order right-aligned (what the reader drew before, and
still draws for a terminal that does bidi) and in visual order, shaped (`[settings] bidi`).

    python bench/bench_rtl.py            # prints milliseconds, median of 5 draws
"""

from __future__ import annotations

import io
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rich.console import Console, Group
from rich.text import Text

from tui.app.widgets.reader import READER_MAX_CHARS
from tui.app.widgets.visual_text import VisualText
from tui.core import visual, visual_parts
from tui.demo.site import load_site


def long_body(lang: str, size: int = READER_MAX_CHARS) -> Text:
    """The demo's paragraphs in `lang` to the reader's cap, an actor span a line; each
    paragraph after the first round with its words shuffled, so that none repeats."""
    paragraphs = [p for a in load_site().articles if a.lang == lang for p in a.paragraphs]
    text, i = [], 0
    while sum(len(p) + 2 for p in text) < size:
        words = paragraphs[i % len(paragraphs)].split()
        if i >= len(paragraphs):
            random.Random(i).shuffle(words)
        text.append(" ".join(words))
        i += 1
    body = Text("\n\n".join(text))
    for start in range(0, len(body.plain) - 20, 80):
        body.stylize("bold magenta", start + 3, start + 9)
    return body


def logical(body: Text) -> Group:
    """The reader before: one Text per line, right-aligned when right-to-left."""
    lines = body.split("\n", allow_blank=True)
    for line in lines:
        line.justify = "right"
    return Group(*lines)


def draw_ms(make: object, body: Text) -> tuple[float, float]:
    """(first draw, drawn again as on a resize or repaint) in ms, medians of 5."""
    console = Console(width=80, file=io.StringIO(), color_system="truecolor")
    first, again = [], []
    for _ in range(5):
        visual.paragraph.cache_clear()
        visual_parts.SHAPED.clear()
        for times in (first, again):
            started = time.perf_counter()
            renderable = make(body.copy())  # type: ignore[operator]
            console.render_lines(renderable, console.options, pad=False)
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(first), statistics.median(again)


def main() -> None:
    for size in (READER_MAX_CHARS, 8000):
        measure(size)


def measure(size: int) -> None:
    arabic, english = long_body("ar", size), long_body("en", size)
    print(f"Arabic body: {len(arabic.plain):,} characters; English: {len(english.plain):,}")
    for label, make, body in (
            ("English, Rich as before", lambda t: t, english),
            ("English, VisualText", lambda t: VisualText(t, reorder=True), english),
            ("Arabic, logical right-aligned (before)", logical, arabic),
            ("Arabic, terminal mode (logical, RLM)", lambda t: VisualText(t, reorder=False),
             arabic),
            ("Arabic, visual order and shaped", lambda t: VisualText(t, reorder=True), arabic)):
        first, again = draw_ms(make, body)
        print(f"{label:42} first {first:7.1f} ms, again {again:7.1f} ms")


if __name__ == "__main__":
    main()
