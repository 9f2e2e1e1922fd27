"""Token windows from one split of the text: the same tokens as splitting each window alone."""

from hypothesis import given
from hypothesis import strategies as st

from tui.core.actors.name_patterns import TOKEN
from tui.core.actors.token_windows import TokenWindows

texts = st.text(alphabet="ab1 _-'\u2019\u200cДж ", max_size=60)


def _alone(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, lo, hi)]


@given(texts, st.lists(st.tuples(st.integers(0, 70), st.integers(0, 40)), max_size=8))
def test_windows_split_as_each_alone(text, asks):
    windows = TokenWindows(text, TOKEN)
    for at, width in asks:
        lo = 0 if at < 5 else text.find(" ", at - 5) + 1  # as the finder picks a window
        hi = min(len(text), at + width)
        assert windows.window(lo, hi) == _alone(text, lo, hi)


def test_a_word_across_the_end_is_cut_there():
    text = "said Abu-Bakr al_Baghdadi yesterday"
    windows = TokenWindows(text, TOKEN)
    assert windows.window(0, 12) == _alone(text, 0, 12) == [(0, 4, "said"), (5, 12, "Abu-Bak")]
    assert windows.window(5, 35) == _alone(text, 5, 35)
    assert windows.window(0, 3) == _alone(text, 0, 3)  # before the pass: split alone
