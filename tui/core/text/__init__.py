"""Untrusted text made safe and right, as pure functions of text: escape sequences, controls
and bidi out (sanitize, c1), mojibake repaired (mojibake). Ingest cleans what it parses with
them, and the store's migrations clean stored text again with the same rules, without the
store importing ingest."""
