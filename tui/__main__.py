"""`python -m tui` is the `newsdesk` command."""

from tui.cli import main

raise SystemExit(main())
