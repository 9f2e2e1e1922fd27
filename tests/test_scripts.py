"""One detector of a text's script (`tui.core.scripts`) for the linker, the actor matcher and
the language guess; and one test of when a line is drawn in visual order. Our own text."""

from __future__ import annotations

from tui.core import scripts, visual
from tui.core.actors.text import script_of as form_script
from tui.core.linking.parts import text_parts


def test_a_text_is_in_the_script_of_most_of_its_letters() -> None:
    assert scripts.script_of("Shoigu lands in Tehran") == "latn"
    assert scripts.script_of("Шойгу прилетел в Тегеран") == "cyrl"
    assert scripts.script_of("وصل شويغو إلى طهران") == "arab"
    assert scripts.script_of("שויגו נחת בטהרן") == "hebr"
    assert scripts.script_of("وصل Sergei Shoigu إلى طهران اليوم") == "arab"  # a Latin name in it
    assert scripts.script_of("12:30 — 2024") == "latn"  # no letter


def test_the_matcher_and_the_linker_ask_the_same_detector() -> None:
    for text, form in (("Сергей Шойгу", "cyrillic"), ("علي خامنئي", "arabic"),
                       ("Ali Khamenei", "latin"), ("בנימין נתניהו", "latin")):  # not inflected
        assert form_script(text) == form, text
    assert text_parts("Шойгу в Тегеране", "Министр обороны прилетел.").script == "cyrl"


def test_a_line_is_reordered_only_when_asked_and_right_to_left() -> None:
    assert visual.needs_reorder("saved ★ هنية", True)
    assert not visual.needs_reorder("saved ★ Haniyeh", True)
    assert not visual.needs_reorder("saved ★ هنية", False)  # the terminal does bidi
    drawn = visual.drawn_line("saved هنية", False)  # the app's own line: left to right
    assert drawn.text.startswith("saved ") and not drawn.rtl
