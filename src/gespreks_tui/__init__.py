"""gespreks-tui: hold a performance conversation from the terminal.

The core modules (model, store, agenda, dates, smart, catalogue …) know nothing
of Textual; the user interface lives in ``gespreks_tui.tui``.
"""

__version__ = "0.1.0"
