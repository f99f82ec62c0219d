"""cycle messages (nl)."""

MESSAGES: dict[str, str] = {
}
