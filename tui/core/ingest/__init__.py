"""Fetching, parsing and extraction: bytes in, clean text out."""

import sys

# httpx imports its command-line tool when it is imported (click, rich and pygments: a third
# of `newsdesk fetch`'s start-up on an unchanged refresh) unless that import fails, in which
# case it installs a stub. newsdesk never runs httpx's CLI, so it always takes the stub.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
