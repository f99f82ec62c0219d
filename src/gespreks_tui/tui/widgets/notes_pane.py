"""The notes pane: guiding questions, preparation and scores, just above the notes text.

Pane and text (``NotesArea``) are siblings on the meeting screen's grid. The
pane's border holds its title (phase and shared/private mode, ``title_text``)
at the top and the save status at the bottom, followed by a quiet hint when
the notes mention health or other special-category data (``special_data``)
and, while the questions are folded away, the key that brings them back.
Every key typed repaints the text, and Textual re-renders every widget under
it: so the text has no container and no border of its own, and title and
status are parts of the pane's border rather than widgets of their own. The
questions that do not fit are reached with Shift+Tab (``QuestionsBox``).
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from gespreks_tui.catalogue import t
from gespreks_tui.model import Visibility
from gespreks_tui.tui.textual_compat import set_border_subtitle_quietly
from gespreks_tui.tui.widgets.questions_box import QuestionsBox

MIN_PHASE = 12  # a phase name is shortened to no fewer cells than this in the title


def title_text(phase: str, private: bool, room: int) -> str:
    """The notes title in ``room`` cells: the phase name matters most.

    In order, until it fits: the explanation in brackets goes, the word
    "Notities" goes, the mode's explanation gets shorter ("GEDEELD → verslag")
    and then goes, then the word "GEDEELD" goes (the shared mode is the plain
    border; the private one is the red double line), and only then is the
    phase name shortened with "…". "PRIVÉ" stays: it is shortened last, after
    the phase name down to ``MIN_PHASE`` cells.
    """
    key = "private" if private else "shared"
    mode, short, word = (t(f"notes.mode_{key}"), t(f"notes.mode_{key}_short"),
                         t(f"notes.mode_{key}_word"))
    plain = mode.split(" (")[0]  # "PRIVÉ — niet in het verslag"
    modes = list(dict.fromkeys((mode, plain, short, word)))
    title = t("notes.title", phase=phase)
    choices = [f"{title} · {m}" for m in dict.fromkeys((mode, plain))]
    choices += [f"{phase} · {m}" for m in modes]
    if not private:
        choices.append(phase)
    for choice in choices:
        if Content(choice).cell_length <= room:
            return choice

    def shortened(text: str, cells: int) -> str:
        return Content(text).truncate(max(cells, 1), ellipsis=True).plain

    if private:
        fits = room - Content(f" · {word}").cell_length
        if fits >= min(MIN_PHASE, Content(phase).cell_length):
            return f"{shortened(phase, fits)} · {word}"
        return shortened(f"{word} · {phase}", room)
    return shortened(phase, room)


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
        self._folded_for_scores = False  # folded to make room for the scores panel

    def compose(self) -> ComposeResult:
        # Every question stays readable: the box scrolls (wheel, scrollbar, and
        # with focus the keys) when the questions need more than 40% of the
        # screen's height.
        with QuestionsBox(id="questions-box"):
            yield Static("", id="questions", markup=False)
        yield Static("", id="preparation", markup=False)

    def show_phase(self, name: str, questions: tuple[str, ...], visibility: Visibility,
                   preparation: str = "") -> None:
        self.query_one("#questions", Static).update(
            "\n".join(f"• {q}" for q in questions) or t("notes.no_questions"))
        if name != self._phase:  # a new phase: its questions from the first
            self.query_one(QuestionsBox).scroll_home(animate=False, immediate=True)
        prepared = self.query_one("#preparation", Static)
        prepared.update(t("notes.preparation", text=preparation) if preparation else "")
        prepared.set_class(not preparation, "empty")
        self._phase = name
        self._private = visibility == Visibility.PRIVATE
        self.set_class(self._private, "private")
        self._show_title()
        self.call_after_refresh(self._show_subtitle)  # this phase's questions: all shown?

    def on_resize(self) -> None:
        self._show_title()
        self.call_after_refresh(self._show_subtitle)  # do the questions still fit?

    def _show_title(self) -> None:
        """Phase and mode in the top border, as much of both as the width allows."""
        shown = title_text(self._phase, self._private, (self.size.width or 1000) - 4)
        if shown != self._title:  # setting it repaints the whole pane
            self._title = shown
            self.border_title = Content(shown)  # Content: no markup in phase names

    def toggle_questions(self) -> bool:
        """Fold or unfold the guiding questions and the employee's preparation."""
        return self.fold_questions(not self.has_class("folded"))

    def fold_questions(self, folded: bool = True) -> bool:
        """Fold (or unfold) the questions; folded, the bottom border says how to
        bring them back. Returns whether they show."""
        self.set_class(folded, "folded")
        self._show_subtitle()
        return not folded

    def show_scores(self, panel, make_room: bool = False) -> None:
        """Put an appraisal scores panel above the notes, or remove it (``None``).

        ``make_room``: fold the questions away while the panel shows; they come
        back with the next phase (unless they were folded before)."""
        self.query("ScoresPanel").remove()
        if panel is not None:
            if make_room and not self.has_class("folded"):
                self._folded_for_scores = True
                self.fold_questions()
            self.mount(panel)
        elif self._folded_for_scores:
            self._folded_for_scores = False
            self.fold_questions(False)

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
        self._show_subtitle()

    def _questions_cut(self) -> bool:
        """The questions do not all show and their box is not the one being read."""
        box = self.query_one(QuestionsBox)
        return box.display and not box.has_focus and box.max_scroll_y > 0

    def on_descendant_focus(self) -> None:  # the box grows with focus, shrinks after
        self.call_after_refresh(self._show_subtitle)

    def on_descendant_blur(self) -> None:
        self.call_after_refresh(self._show_subtitle)

    def _show_subtitle(self) -> None:
        """Save status, special-category hint and (folded) the key for the questions."""
        parts = [self.save_status] if self.save_status else []
        if self.special_hint:
            parts.append(t("notes.special_hint"))
        if self.has_class("folded"):
            parts.append(t("notes.questions_folded"))
        elif self._questions_cut():  # walk26 W5: say where the rest of the questions are
            # Beside the save status only where both fit (80x24: before the first save).
            more = " · ".join([*parts, t("notes.questions_more")])
            if cell_len(more) <= (self.size.width or 1000) - 6 or not parts:
                parts.append(t("notes.questions_more"))
        set_border_subtitle_quietly(self, " · ".join(parts))  # at every autosave: one line
