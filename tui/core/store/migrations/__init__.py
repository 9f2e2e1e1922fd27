"""Numbered SQL migrations, applied in order by tui.core.store.db."""
