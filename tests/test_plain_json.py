"""plain_json writes what json.dumps(..., ensure_ascii=False) writes, with and without
indent=2, for the data it takes, and hands anything else to json."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from tui.core import plain_json

_SCALARS = (st.none() | st.booleans() | st.integers() | st.text()
            | st.floats(allow_nan=False, allow_infinity=False))
_PLAIN = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(st.text(), inner, max_size=4), max_leaves=20)


@given(_PLAIN)
def test_plain_data_is_written_as_json_writes_it(data: object) -> None:
    for indent in (None, 2):
        assert plain_json.dumps(data, indent) == json.dumps(data, ensure_ascii=False,
                                                            indent=indent)


def test_a_summary_and_what_json_takes_beyond_plain_data() -> None:
    summary = {"feeds_ok": 2, "new_ids": [], "errors": [{"feed": "Вести\n\x1f", "error": "é\""}],
               "warnings": [], "seconds": {"stored": 0.012, "total": 1e-05}, "shared": ()}
    for data in (summary, {1: "x"}, [float("nan"), float("inf")], {"a": {}}, [[[]]]):
        for indent in (None, 2):
            assert plain_json.dumps(data, indent) == json.dumps(data, ensure_ascii=False,
                                                                indent=indent)
