"""Widgets of the meeting screen: one per module."""
