"""Class mode's keys, as the teacher's guide lists them: one table, read from the screens.

The guide tells a teacher which key does what on each class screen. The screens are pygame's
(game/ui/screens/: vote.py, discussion.py, timeline.py, debrief.py and the app's own keys), which
this layer may not import; so the keys are written here, as the screens handle them today, and
tests/ui/test_guide_keys.py presses every one of them in a class session and checks that it does
what the guide says. A key that changes on a screen fails that test until this table follows.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.translations import NC_, N_, Message, words


@dataclass(frozen=True)
class Key:
    """One row of a screen's keys."""

    keys: tuple[str, ...]
    """The keys as printed, any of them: "A–D", "0–9" and "1–9" stand for their range."""
    action: str
    """What the test does to check it (tests/ui/test_guide_keys.py); never shown."""
    does: Message


@dataclass(frozen=True)
class KeyScreen:
    """A class screen and its keys."""

    name: Message
    keys: tuple[Key, ...]


KEY_NAMES: dict[str, Message] = {
    "Space": NC_("key", "Space"),
}
"""Keys whose names a language says its own way (Dutch: spatiebalk); the others print as they
are on the keyboard (Enter, Backspace, Esc, letters, digits, arrows)."""

KEYS: tuple[KeyScreen, ...] = (
    KeyScreen(N_("Starting a session"), (
        Key(("1–9",), "list_continue", N_("The list of unfinished sessions: go on with that "
                                          "one")),
        Key(("X",), "list_delete", N_("The list: delete the session picked (it asks first)")),
        Key(("N",), "list_new", N_("The list: begin a new session")),
        Key(("↑", "↓"), "form_field", N_("The new session's form: the question before or after "
                                         "(class, pupils, lesson length)")),
        Key(("0–9",), "form_size", N_("The form: type the number of pupils")),
        Key(("+", "−"), "form_step", N_("The form: one pupil more or fewer (by touch: −5, −1, "
                                        "+1, +5)")),
        Key(("Enter",), "form_start", N_("The form: start the lesson")),
    )),
    KeyScreen(N_("Anywhere in class mode"), (
        Key(("W",), "whatif", N_("What if? The decisions so far; W again closes it")),
        Key(("L",), "language", N_("Dutch or English, at any moment")),
        Key(("F11",), "fullscreen", N_("Full screen on or off")),
        Key(("Esc",), "menu", N_("The menu: resume, what if, the debrief (before the ending: "
                                 "debrief now, with the decisions so far), settings; quit is 0 "
                                 "in every menu and asks first")),
    )),
    KeyScreen(N_("The story"), (
        Key(("Space", "Enter", "→"), "advance", N_("The next line; after the last one the "
                                                   "class votes")),
        Key(("Backspace", "←"), "back", N_("The line before")),
    )),
    KeyScreen(N_("The vote"), (
        Key(("A–D", "↑", "↓"), "select", N_("Choose the choice whose hands you count")),
        Key(("0–9",), "hands", N_("Type its number of hands; the numbers stay hidden, so no "
                                  "hand follows the others")),
        Key(("+", "−"), "plus_minus", N_("One hand more or fewer (on a touch board: the −1, +1 "
                                         "and +5 buttons)")),
        Key(("Backspace",), "erase", N_("Remove the last digit")),
        Key(("Enter",), "lock", N_("Lock the vote: the hands appear as bars, the choice with most "
                                   "hands selected. Not while more hands are counted than the "
                                   "class has pupils: correct the count first")),
        Key(("Y",), "confirm_size", N_("More hands than pupils, and rightly so: the class is that "
                                       "big today; the vote is locked")),
        Key(("A–D",), "override", N_("After locking: take another choice than the one with most "
                                     "hands (the record notes it as your pick)")),
        Key(("U", "Backspace"), "unlock", N_("After locking: count again")),
        Key(("Enter",), "take", N_("After locking: take the selected choice")),
        Key(("V",), "ballot", N_("Vote on their own devices instead: a secret ballot on the "
                                 "school's network (see the README)")),
    )),
    KeyScreen(N_("Vote on your own device"), (
        Key(("Enter",), "ballot_lock", N_("Lock the vote: the votes appear as bars, as after a "
                                          "hand count")),
        Key(("Backspace",), "ballot_back", N_("Back to the hand count; the room stays open, V "
                                              "returns to it")),
        Key(("X",), "ballot_close", N_("Close the room")),
    )),
    KeyScreen(N_("The consequence"), (
        Key(("Space", "Enter", "→"), "to_talk", N_("On to the talk")),
    )),
    KeyScreen(N_("The talk"), (
        Key(("Space",), "timer", N_("Start or pause the timer")),
        Key(("R",), "timer_reset", N_("The timer from the start")),
        Key(("+", "−", "↑", "↓"), "timer_minutes", N_("A minute more or less (1 to 10)")),
        Key(("1–9", "0"), "timer_set", N_("So many minutes (0 is 10)")),
        Key(("Enter", "→"), "go_on", N_("On with the story")),
        Key(("Backspace", "←"), "talk_back", N_("Back to the consequence")),
    )),
    KeyScreen(N_("What if?"), (
        Key(("←", "→", "1–9"), "pick", N_("Pick a decision the class took")),
        Key(("Enter",), "other_road", N_("Take another road from there: the class votes again at "
                                         "that decision; the first road is kept")),
        Key(("R",), "next_road", N_("Show the next road")),
        Key(("C",), "compare", N_("Compare two roads: how the victim was doing on each")),
        Key(("G",), "go_road", N_("Go on with the road shown")),
        Key(("W", "Esc"), "close", N_("Close")),
    )),
    KeyScreen(N_("The ending"), (
        Key(("D",), "debrief", N_("The debrief")),
    )),
    KeyScreen(N_("The debrief"), (
        Key(("1–4", "←", "→"), "pages", N_("Its pages: how the class voted at each decision, what "
                                          "it did, the closing questions, where to get help")),
        Key(("R",), "debrief_road", N_("The debrief of another road of the session")),
        Key(("C",), "debrief_compare", N_("Compare two roads")),
        Key(("Backspace",), "debrief_back", N_("Back to the ending (after a debrief now: back to "
                                               "the story)")),
    )),
)
"""Every class screen's keys, in the order a lesson meets them."""


def key_tables(lang: str) -> list[dict[str, object]]:
    """The keys in `lang`, as the guide prints them: each screen with its rows of keys and what
    they do."""
    _ = words(lang)
    return [{"name": _.message(screen.name),
             "rows": [(" / ".join(_.message(KEY_NAMES[k]) if k in KEY_NAMES else k
                                  for k in key.keys), _.message(key.does))
                      for key in screen.keys]}
            for screen in KEYS]
