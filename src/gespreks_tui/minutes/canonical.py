"""The fingerprint of the minutes: defined in the core (``gespreks_tui.fingerprint``),
as the store checks returned copies against it."""

from gespreks_tui.fingerprint import (
    FINGERPRINT,
    canonical,
    fingerprint_code,
    normalise,
    sha256_of,
)

__all__ = ["FINGERPRINT", "canonical", "fingerprint_code", "normalise", "sha256_of"]
