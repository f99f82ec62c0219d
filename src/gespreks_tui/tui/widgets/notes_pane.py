"""The notes pane: guiding questions, preparation and scores, just above the notes text.

Pane and text (``NotesArea``) are siblings on the meeting screen's grid. The
pane's border holds its title (phase and shared/private mode) at the top and
the save status at the bottom, followed by a quiet hint when the notes
mention health or other special-category data (``special_data``). Every key typed repaints the text, and Textual
re-renders every widget under it: so the text has no container and no border
of its own, and title and status are parts of the pane's border rather than
widgets of their own.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from gespreks_tui.catalogue import t
from gespreks_tui.model import Visibility
from gespreks_tui.tui.textual_compat import set_border_subtitle_quietly

MIN_PHASE = 12  # a phase name is shortened to no fewer cells than this in the title


class NotesPane(Vertical):
    """Questions, preparation and scores of the current phase; the text is the screen's."""

    # The border holds the title (phase and mode) and the save status. Later
    # rules win: "private" shows over "notes-focus".
    DEFAULT_CSS = """
    NotesPane {
        border: round $primary;
        border-title-color: $accent;
        border-title-style: bold;
        border-subtitle-align: left;
        border-subtitle-color: $text-muted;
    }
    NotesPane.notes-focus {
        border: round $accent;
    }
    NotesPane.private {
        border: double $error;
        border-title-background: $error;
        border-title-color: $text;
    }
    NotesPane.save-error {
        border-subtitle-color: $error;
        border-subtitle-style: bold;
    }
    NotesPane #questions-box {
        height: auto;
        max-height: 40vh;
        scrollbar-size-vertical: 1;
    }
    NotesPane #questions {
        height: auto;
        color: $text-muted;
        padding: 0 1;
    }
    NotesPane #preparation {
        height: auto;
        max-height: 8;
        overflow-y: auto;
        margin: 0 1;
        padding: 0 1;
        border-left: thick $secondary;
        background: $secondary 10%;
        text-style: italic;
    }
    NotesPane #preparation.empty {
        display: none;
    }
    NotesPane.folded #questions-box, NotesPane.folded #preparation {
        display: none;
    }
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._phase = ""
        self._private = False
        self._title = ""
        self.save_status = ""  # the whole text; the border shows as much as fits
        self.special_hint = False  # the notes mention special-category data

    def compose(self) -> ComposeResult:
        # Every question stays readable: the box scrolls (wheel, scrollbar) when
        # the questions need more than 40% of the screen's height.
        with VerticalScroll(id="questions-box", can_focus=False):
            yield Static("", id="questions", markup=False)
        yield Static("", id="preparation", markup=False)

    def show_phase(self, name: str, questions: tuple[str, ...], visibility: Visibility,
                   preparation: str = "") -> None:
        self.query_one("#questions", Static).update(
            "\n".join(f"• {q}" for q in questions) or t("notes.no_questions"))
        prepared = self.query_one("#preparation", Static)
        prepared.update(t("notes.preparation", text=preparation) if preparation else "")
        prepared.set_class(not preparation, "empty")
        self._phase = name
        self._private = visibility == Visibility.PRIVATE
        self.set_class(self._private, "private")
        self._show_title()

    def on_resize(self) -> None:
        self._show_title()

    def _show_title(self) -> None:
        """Phase and mode in the top border, as much of both as the width allows.

        The mode is never cut off, and its explanation ("— komt in het
        verslag") goes only when the phase name cannot make room for it: first
        the word "Notities" goes, then a long phase name is shortened with "…"
        (down to ``MIN_PHASE`` cells; the agenda shows it in full), then the
        explanation in brackets, then the rest of it, and at last the mode
        moves to the front.
        """
        mode = t("notes.mode_private") if self._private else t("notes.mode_shared")
        # "PRIVÉ — niet in het verslag (wel opvraagbaar onder de AVG)"
        shorter = mode.split(" (")[0]  # "PRIVÉ — niet in het verslag"
        word = mode.split(" — ")[0]  # "PRIVÉ"
        title = t("notes.title", phase=self._phase)
        width = self.size.width or 1000  # not laid out yet: on_resize comes
        room = width - 4  # the corners and a space either side

        def short_phase(tail: str) -> str:
            fits = room - Content(f" · {tail}").cell_length
            if fits < min(MIN_PHASE, Content(self._phase).cell_length):
                return ""
            return f"{Content(self._phase).truncate(fits, ellipsis=True).plain} · {tail}"

        choices = (f"{title} · {mode}", f"{title} · {shorter}", f"{self._phase} · {shorter}",
                   short_phase(shorter), f"{self._phase} · {word}", short_phase(word))
        shown = next((c for c in choices if c and Content(c).cell_length <= room),
                     f"{word} · {self._phase}")
        if shown != self._title:  # setting it repaints the whole pane
            self._title = shown
            self.border_title = Content(shown)  # Content: no markup in phase names

    def toggle_questions(self) -> bool:
        """Fold or unfold the guiding questions and the employee's preparation."""
        self.toggle_class("folded")
        return not self.has_class("folded")

    def show_scores(self, panel) -> None:
        """Put an appraisal scores panel above the notes, or remove it (``None``)."""
        self.query("ScoresPanel").remove()
        if panel is not None:
            self.mount(panel)

    def show_save_status(self, text: str, error: bool = False,
                         special: bool | None = None) -> None:
        """The save status in the notes' bottom border, in red for an error.

        ``special`` (when given) turns the quiet special-category hint after
        the status on or off; it is decided when the note is saved, never
        per keystroke (``Meeting.special_hint``).
        """
        self.save_status = text
        if special is not None:
            self.special_hint = special
        self.set_class(error, "save-error")  # no change, no restyle
        shown = f"{text} · {t('notes.special_hint')}" if self.special_hint else text
        set_border_subtitle_quietly(self, shown)  # at every autosave: one line repainted
