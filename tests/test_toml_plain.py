"""feeds.toml is read without tomllib when plainly written (config/toml_plain.py): what it
reads, it reads as tomllib does; what it does not, tomllib reads (and words its mistakes)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import write_config
from tui.core.config.loader import ConfigError, load_config
from tui.core.config.toml_plain import loads

PLAIN = """# my feeds
[settings]
cache_dir = "cache"   # relative to this file
concurrency = 8
connect_timeout = 2.5
extract = false

[[feed]]
name = 'Meduza (EN)'
url = "http://127.0.0.1:9/meduza.xml"
tags = ["russia", 'wire', ]
lang = "en"

[[feed]]
  name = "ایران اینترنشنال #1"
  url="http://127.0.0.1:9/ii.xml"
  tags = []
"""


def _same(text: str) -> None:
    """Read alike, or left to tomllib (which then reads it, or refuses it)."""
    mine = loads(text)
    try:
        theirs = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        assert mine is None, text
        return
    assert mine is None or (mine == theirs and repr(mine) == repr(theirs)), text


def test_a_plain_file_is_read_as_tomllib_reads_it() -> None:
    assert loads(PLAIN) == tomllib.loads(PLAIN)
    assert loads(PLAIN.replace("\n", "\r\n")) == tomllib.loads(PLAIN)


@pytest.mark.parametrize("line", [
    'a = "x\\ty"', "a = '''x'''", 'a = """x"""', "a.b = 1", '"a" = 1', "a = 1979-05-27",
    "a = {b = 1}", "a = 1_000", "a = 0x1f", "a = 1e3", "a = inf", "a = [1, 2]",
    'a = ["x",\n"y"]', "[a.b]", "[ [a] ]", "[a]]", "[[a]", "a = 1\na = 2", "[a]\n[a]",
    "a = 1\n[a]", "[[a]]\n[a]", "[a]\n[[a]]", "a = 01", "a = 1.", "a = .5", "a = +",
    "a = tru", 'a = "x" y', "a = ", "= 1", "a b = 1", "a = 'x\ry'", "a = '\x7f'",
    "a = \"x\u00a0\"", "a\u00a0= 1", "[a] x", 'a = ["x" "y"]', "a = [,]",
])
def test_what_is_not_plain_is_left_to_tomllib(line: str) -> None:
    _same(line)
    _same(f"[settings]\n{line}\n")


_PIECES = st.sampled_from([
    "[settings]", "[[feed]]", "[ feed ]", "[[ view ]]", "[a.b]", "# note", "", "  ",
    'name = "x"', "name = 'y'", 'url = "http://h/#frag"', "n = 3", "n = -0", "n = +12",
    "f = 2.50", "b = true", "b = false", 't = ["a", \'b\']', "t = []", "t = [ ]",
    't = ["a",]', 'k = "a\\"b"', "k = 'it''s'", 'k = ""', "k = ''", "k = \"\"\"x\"\"\"",
    'k = "x" # c', "k = 1 #c", "k = 1x", "k = 09", "key-1_b = 1", "1 = 2", "a = [1]",
    "\tx = 1", "x\t=\t'\t'", "x = \"\u0627\u06cc\u0631\u0627\u0646\"", "x = '\x01'",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=12), st.sampled_from(["\n", "\r\n", "\r"]))
def test_any_mix_of_lines_is_read_as_tomllib_reads_it(lines: list[str], end: str) -> None:
    _same(end.join(lines))


def test_a_file_tomllib_refuses_is_still_worded_as_invalid(tmp_path: Path) -> None:
    path = write_config(tmp_path, [("Wire", "http://127.0.0.1:9/w.xml")])
    assert [f.name for f in load_config(path).feeds] == ["Wire"]
    path.write_text(path.read_text() + '\nname = "again"\n')
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config(path)
