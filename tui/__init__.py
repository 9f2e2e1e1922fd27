"""newsdesk: a keyboard-driven terminal news desk.

Kept import-free on purpose: `newsdesk --help` and the app's start-up must not pay for
httpx, trafilatura or Textual before they are needed.
"""

__version__ = "0.1.0"
