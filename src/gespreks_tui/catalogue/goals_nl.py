"""Dutch messages for goals, steps, progress, the development plan (POP), core and command line (issue 20)."""

MESSAGES: dict[str, str] = {
}
