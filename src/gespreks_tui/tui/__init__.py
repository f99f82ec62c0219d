"""The Textual user interface: one screen or widget per module.

``GesprekApp`` draws control characters in user text as pictures and never
sends them to the terminal (``safe_output``).
"""
