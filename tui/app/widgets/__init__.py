"""Widgets of the newsdesk app."""
