"""Screens: start, meeting, and the small dialogs."""
