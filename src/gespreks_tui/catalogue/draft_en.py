"""English messages for the prepared (draft) assessment (issue 18)."""

MESSAGES: dict[str, str] = {
}
