"""Stored JSON read by orjson, json for what orjson refuses.

orjson reads 2.5-5 times as fast as json (a cold run decodes ~20k link features and every
actor mention row twice), and gives the same values, floats to the bit; json still reads what
orjson rejects (NaN, ints past 64 bits), so nothing stored before or by json is lost.
"""

from __future__ import annotations

import json
from typing import Any

from orjson import loads as _fast_loads


def loads(text: str | bytes) -> Any:
    try:
        return _fast_loads(text)
    except ValueError:
        return json.loads(text)
