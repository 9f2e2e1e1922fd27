"""Screens of the newsdesk app."""
