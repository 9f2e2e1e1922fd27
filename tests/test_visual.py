"""Right-to-left text put in the order a terminal without bidi draws it (`tui.core.visual`):
reordered by line after wrapping, Arabic shaped, spans kept on their words, and the setting
that says whether the app or the terminal does it."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from tui.core import visual
from tui.core.config.loader import ConfigError, load_config
from tui.core.visual import app_reorders, drawn_text, paragraph, visual_lines, wrap

# Isolated and joined forms, as arabic-reshaper writes them.
WAZIR = "ﻭﺯﻳﺮ"  # وزير shaped: the letters of the word, left to right as drawn: ﺮ ﻳ ﺯ ﻭ
WAZIR_DRAWN = "ﺮﻳﺯﻭ"


def drawn(text: str, rtl: bool | None = None) -> str:
    return visual_lines(text, 1000, rtl)[0].text


def test_an_arabic_word_is_drawn_right_to_left_and_joined() -> None:
    assert drawn("وزير") == WAZIR_DRAWN
    assert "ريزو" not in drawn("قال الوزير")  # not the letters reversed and left unjoined


def test_latin_and_digits_keep_their_order_inside_an_arabic_line() -> None:
    line = drawn("قال Benjamin Netanyahu في 2024 إن")
    assert "Benjamin Netanyahu" in line and "2024" in line
    # right to left: قال is the rightmost word, إن the leftmost, the name between them
    assert line.index("2024") < line.index("Benjamin") and line.endswith(drawn("قال"))
    assert line.startswith(drawn("إن"))


def test_brackets_are_mirrored_in_a_right_to_left_run() -> None:
    assert "(Benjamin)" in drawn("قال (Benjamin) اليوم")
    assert drawn("(قال)") == "(" + drawn("قال") + ")"


def test_a_left_to_right_frame_keeps_its_arrow_between_phrase_and_name() -> None:
    role = "نخست‌وزیر اسرائیل → Benjamin Netanyahu"
    line = drawn(role, rtl=False)
    assert line.endswith("→ Benjamin Netanyahu")
    assert line.startswith(drawn("اسرائیل"))  # the phrase reads right to left in its place


def test_a_span_stays_on_its_word_after_reordering() -> None:
    text = "التقى الوزير Sergei Lavrov في موسكو"
    par = paragraph(text)
    line = visual.line(par, 0, len(text))
    for word in ("الوزير", "Lavrov", "موسكو"):
        start = text.index(word)
        (a, b), = line.spans(start, start + len(word))
        assert line.text[a:b] == drawn(word)


def test_a_span_across_a_change_of_direction_is_drawn_as_two_ranges() -> None:
    text = "قال Lavrov"
    line = visual.line(paragraph(text), 0, len(text))
    assert len(line.spans(0, len(text))) in (1, 2)
    assert sum(b - a for a, b in line.spans(0, len(text))) == len(line.text)


def test_a_persian_word_with_a_zwnj_is_shaped_as_two_joined_halves() -> None:
    word = "رئیس‌جمهور"  # president: رئیس, a zero-width non-joiner, جمهور
    shown = drawn(word)
    assert "\u200c" not in shown  # the joiner shaped the letters and draws nothing
    assert shown == drawn("جمهور") + drawn("رئیس")  # each half as a word of its own
    par = paragraph("گفت " + word)
    line = visual.line(par, 0, len(par.text))
    (a, b), = line.spans(4, 4 + len(word))
    assert line.text[a:b] == shown


def test_lam_alef_is_one_cell_and_vowel_marks_stay_on_their_letters() -> None:
    assert drawn("لا") == "\ufefb"
    text = "مُحَمَّد"
    shown = drawn(text)
    assert len(shown) == len(text)
    assert not unicodedata.category(shown[0]).startswith("M")  # a letter comes first
    line = visual.line(paragraph("قال لا"), 0, 6)
    (a, b), = line.spans(4, 6)  # the ligature stands for both letters
    assert line.text[a:b] == "\ufefb"


def test_each_wrapped_line_is_reordered_on_its_own() -> None:
    text = "الأول الثاني الثالث الرابع"
    lines = visual_lines(text, 13)
    assert [(x.start, x.end) for x in lines] == [(0, 12), (13, 26)]
    assert lines[0].text == drawn("الأول الثاني")  # the first words on the first line
    assert lines[1].text == drawn("الثالث الرابع")


def test_wrap_breaks_at_spaces_and_cuts_a_word_longer_than_the_line() -> None:
    assert wrap("hello world foo", 11) == [(0, 11), (12, 15)]
    assert wrap("  indented text", 10) == [(0, 10), (11, 15)]
    assert wrap("abcdefghij", 4) == [(0, 4), (4, 8), (8, 10)]
    assert wrap("", 10) == [(0, 0)]


def test_a_text_without_right_to_left_letters_is_left_alone() -> None:
    text = "Plain English (with brackets) 2024."
    assert drawn(text) == text
    assert drawn_text(text + "\nsecond", 20) == text + "\nsecond"


def test_drawn_text_right_aligns_arabic_paragraphs() -> None:
    out = drawn_text("Title\n" + "قال الوزير", 20).split("\n")
    assert out[0] == "Title"
    assert out[1] == " " * 10 + drawn("قال الوزير")


def test_the_app_reorders_unless_the_terminal_says_it_does_bidi() -> None:
    assert app_reorders("auto", {"TERM": "xterm-256color"})
    assert app_reorders("auto", {"TERM_PROGRAM": "tmux"})
    for env in ({"VTE_VERSION": "7600"}, {"KONSOLE_VERSION": "230805"}, {"MLTERM": "3.9.3"},
                {"TERM_PROGRAM": "Apple_Terminal"}):
        assert not app_reorders("auto", env)
        assert app_reorders("app", env)
    assert not app_reorders("terminal", {})


def test_the_setting_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text('[settings]\nbidi = "terminal"\n', encoding="utf-8")
    assert load_config(path).settings.bidi == "terminal"
    path.write_text('[settings]\nbidi = "rtl"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"feeds.toml:2: settings.bidi must be one of 'auto', 'app', 'terminal', not 'rtl'"):
        load_config(path)


def test_an_isolated_name_keeps_the_dates_and_ids_of_the_line_in_place() -> None:
    """`feed · author · date` with an Arabic feed: without isolates the date's digits take the
    Arabic side (2024-07-31 drawn 31-07-2024) and the line reads right to left."""
    feed, author = "بريد المشرق", "ياسر العلي"
    bare = drawn_text(f"{feed}  |  2024-07-31 10:15 UTC  |  {author}", 70)
    assert "2024-07-31" not in bare  # what the UBA makes of the bare line
    line = drawn_text(f"{visual.isolated(feed)}  |  2024-07-31 10:15 UTC  |  "
                      f"{visual.isolated(author)}", 70)
    assert line == f"{drawn(feed)}  |  2024-07-31 10:15 UTC  |  {drawn(author)}"
    assert not visual.is_rtl(visual.isolated(feed) + " 2024 UTC")
    assert visual.isolated("Levant Ledger") == "Levant Ledger"
