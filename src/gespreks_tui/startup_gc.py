"""Starting the app without pauses for Python's cyclic garbage collector.

Importing Textual and building the first screen creates some hundred thousand
objects, nearly all of which live as long as the app. Each time enough new
objects pile up, Python's cyclic collector walks them, again and again, while
nothing is garbage yet: about 40 ms of a ~0.3 s start on a small machine
(measured with ``benchmarks/``; see the README). So ``run_app`` pauses the
collector before the first import of Textual, and the app resumes it once its
first frame is on screen, after ``gc.freeze()``: the objects that exist at that
moment move to a permanent generation, so later collections (while typing)
no longer walk them either.

Only ``run_app`` pauses; an app started otherwise (tests, a library user)
finds the collector as it was, and ``resume`` does nothing.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Switch the cyclic collector off until ``resume`` (if it is on now)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """After the first frame: keep what exists out of later collections, and go on."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
