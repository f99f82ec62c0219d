"""The Textual user interface: one screen or widget per module."""
