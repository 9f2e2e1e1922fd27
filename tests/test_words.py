"""Counted nouns: one rule for every message, so none says "1 articles"."""

from tui.core.models import pages_waiting
from tui.core.words import counted


def test_counted_uses_the_singular_for_one_only() -> None:
    assert counted(1, "article") == "1 article"
    assert counted(0, "article") == "0 articles"
    assert counted(2, "body", "bodies") == "2 bodies"


def test_one_waiting_page_is_said_in_the_singular() -> None:
    assert pages_waiting(1, 3).startswith("1 article page waits for later refreshes")
    assert pages_waiting(4, 3).startswith("4 article pages wait for later refreshes")
