"""The screens' words, by key: `t("hint_advance", lang)`, in the language the player picked.

Each key names an English msgid; its translations are in the gettext catalogues (game/locale, read
by core/translations.py), so a language is one more catalogue, not a change here. The keys stay
because the screens ask by key, and a key says where a text is used where its English cannot (the
same "Normal" is a text size and a text speed). Story text never comes from here: the engine's views
are already in the run's language.
"""

from __future__ import annotations

from functools import lru_cache

from ..core.translations import LANGUAGES as LANGUAGE_NAMES
from ..core.translations import CACHED_LANGUAGES, N_, NC_, NN_, Message, words

MESSAGES: dict[str, Message] = {
    "app_title": N_("Bystander"),
    "tagline": N_("You see it happen. Do you stand by, or step in?"),
    "choose_scenario": N_("Choose a story"),
    # TRANSLATORS: the ages a story is for, in years: "Ages 12–15" on a story's card.
    "ages": N_("Ages {low}–{high}"),
    # TRANSLATORS: how long a story takes, on its card; "min" for minutes.
    "minutes": N_("about {n} min"),
    "broken_files": NN_("{n} scenario file could not be loaded — run bystander check",
                        "{n} scenario files could not be loaded — run bystander check"),
    # TRANSLATORS: on a story's card on the title, after its ages and minutes: a story from the
    # teacher's own stories folder, not one that ships with the game.
    "own_story": N_("your own story"),
    # TRANSLATORS: the live preview (bystander play FILE --watch) while the story file being
    # written does not load; {file} is its name, such as kantine.yaml.
    "preview_broken": N_("{file} cannot be played yet"),
    "preview_hint": N_("Fix what is below and save the file: the game follows it as you save. "
                       "Esc quits."),
    "preview_more": NN_("{n} more problem: bystander check shows every one",
                        "{n} more problems: bystander check shows every one"),
    # TRANSLATORS: on the title, above the first problem of a broken story file: the file's
    # name and the place in it; the problem itself is bystander check's, quoted below it.
    "broken_where": N_("{file}, line {line}, column {col}:"),
    # TRANSLATORS: below the story cards when not all of them fit on the screen.
    "more_stories": NN_("{n} more story: use the Up and Down keys or scroll",
                        "{n} more stories: use the Up and Down keys or scroll"),
    "no_scenarios": N_("No stories found in the scenes folder."),
    "play": N_("Play"),
    "settings": N_("Settings"),
    "language": N_("Language"),
    "quit": N_("Quit"),
    "menu": N_("Menu"),
    "back": N_("Back"),
    # TRANSLATORS: the button that shows the scene's next line.
    "next": N_("Next"),
    # TRANSLATORS: the button that goes on from a choice's consequence.
    "continue": N_("Continue"),
    "hint_advance": N_("Space, Enter or click to go on"),
    "hint_keys": N_("Keys 1–4 or A–D"),
    "what_do_you_do": N_("What do you do?"),
    # TRANSLATORS: {step} is a bystander step, such as "notice" or "act".
    "step": N_("Step: {step}"),
    "your_role": N_("Your role: {role}"),
    # TRANSLATORS: {name} is the bullied character, {condition} how he is doing ("afraid").
    "condition": N_("{name}: {condition}"),
    "not_possible": N_("Not possible now"),
    "you_chose": N_("You chose: {choice}"),
    "you_became": N_("You became: {role}"),
    "you_stayed": N_("You are still: {role}"),
    # TRANSLATORS: {name} is the bullied character, {condition} how he is doing ("afraid").
    "how_is": N_("How {name} is doing: {condition}"),
    # TRANSLATORS: after how the bullied character is doing now: how he was before the choice.
    "was": N_("was {condition}"),
    # TRANSLATORS: a meter's change was good for the bullied character.
    "better": N_("better"),
    # TRANSLATORS: a meter's change was bad for the bullied character.
    "worse": N_("worse"),
    "no_change": N_("no change"),
    "lower_is_better": N_("lower is better"),
    "higher_is_better": N_("higher is better"),
    "discuss": N_("Talk about it"),
    "discuss_hint": N_("Discuss (T)"),
    "ending": N_("Ending"),
    "tab_story": N_("The ending"),
    "tab_path": N_("Your path"),
    # TRANSLATORS: {outcome} is how the story ended: hard, mixed or hopeful.
    "outcome": N_("Outcome: {outcome}"),
    "your_path": N_("Your path"),
    "map_title": N_("The story's roads"),
    "legend_taken": N_("road you took"),
    "legend_not_taken": N_("road not taken"),
    # TRANSLATORS: in the map's legend: a scene of the story.
    "legend_scene": N_("scene"),
    "legend_choice": N_("choice point"),
    # TRANSLATORS: in the map's legend: an ending of the story.
    "legend_ending": N_("ending"),
    # TRANSLATORS: a chart's title; {name} is the bullied character.
    "chart_title": N_("How {name} was doing"),
    "chart_x": N_("Step in the story"),
    "chart_y": N_("Value"),
    # TRANSLATORS: the heading of the roles the player went through, on the ending screen.
    "journey": NC_("ending screen", "Your journey"),
    "help": NC_("ending screen", "Where to get help"),
    "play_again": N_("Play again"),
    "to_title": N_("Back to title"),
    "paused": N_("Paused"),
    "resume": N_("Resume"),
    "restart": N_("Restart"),
    "quit_question": N_("Quit Bystander?"),
    "quit_question_class": N_("Quit Bystander? The class session is saved: continue it later "
                              "from the list of sessions."),
    "quit_yes": N_("Yes, quit"),
    "quit_no": N_("No, stay"),
    "settings_title": N_("Settings"),
    "text_size": N_("Text size"),
    "text_size_normal": NC_("text size", "Normal"),
    "text_size_large": N_("Large"),
    "text_size_xlarge": N_("Extra large"),
    "text_speed": N_("Text speed"),
    "text_speed_instant": N_("Instant"),
    "text_speed_normal": NC_("text speed", "Normal"),
    "text_speed_slow": N_("Slow"),
    "high_contrast": N_("High contrast"),
    "reduced_motion": N_("Reduced motion"),
    "fullscreen": N_("Fullscreen"),
    "software_display": N_("Software display (from next start)"),
    # TRANSLATORS: a setting that is switched on.
    "on": N_("On"),
    # TRANSLATORS: a setting that is switched off.
    "off": N_("Off"),
    "settings_hint": N_("Enter or click changes a setting; Left and Right too"),
    "chat_title": N_("Class chat"),
    # TRANSLATORS: printed in a terminal; {why} is SDL's reason in English, {scenario} a story's
    # id. Keep the commands as they are.
    "no_display": N_("bystander play needs a screen, and none was found ({why}).\n"
                     "To play in this terminal instead, run:  bystander run {scenario}"),

    # Class mode: the title's button, the vote, the discussion, the timeline (what if?), the
    # comparison of two roads and the debrief, kept together so the mode reads in one place.
    "class_mode": N_("Class (K)"),
    # The start of a class session: the form, and the list of unfinished sessions.
    "class_start_title": N_("New class session"),
    "class_start_go": N_("Start the lesson (Enter)"),
    "class_start_need_size": N_("First give the class size"),
    "class_start_label": N_("Class"),
    "class_start_label_hint": N_("A short label such as 3B: at most 12 letters or digits, no "
                                 "names. The only thing you type that the game keeps."),
    # TRANSLATORS: shown, greyed, in the empty box where the teacher types the class label.
    "class_start_label_example": N_("for example 3B"),
    "class_start_size": N_("Pupils in the class"),
    "class_start_size_hint": N_("To check the votes: a count with more hands than pupils is "
                                "flagged before it is locked."),
    "class_start_length": N_("Lesson length"),
    "class_start_length_hint": N_("For the lesson clock, and when to start the debrief."),
    # TRANSLATORS: a lesson length the teacher can pick: 45 or 50 minutes.
    "class_start_minutes": NN_("{n} minute", "{n} minutes"),
    # TRANSLATORS: the lesson length that is picked now (the words say it, not only a colour).
    "class_start_minutes_chosen": NN_("{n} minute: chosen", "{n} minutes: chosen"),
    "resume_title": N_("Class sessions"),
    "resume_question": N_("Unfinished sessions: continue one, or begin a new one"),
    "resume_in_use": N_("open in another window of the game"),
    "resume_no_story": N_("this story is not on this computer"),
    "resume_cannot": N_("This session cannot be continued: its story has changed since."),
    # TRANSLATORS: {label} names the class and story: "3B · The hallway".
    "resume_deleted": N_("Deleted: {label}."),
    # TRANSLATORS: in the list of class sessions, for a session without a class label.
    "resume_no_label": N_("No label"),
    # TRANSLATORS: how far an unfinished class session got.
    "resume_decisions": NN_("{n} decision taken", "{n} decisions taken"),
    "resume_new": N_("New session (N)"),
    "resume_delete": N_("Delete (X)"),
    "resume_go_on": N_("Continue"),
    "resume_more": NN_("{n} more below (Down arrow)", "{n} more below (Down arrow)"),
    # TRANSLATORS: {session} names it: "3B · The hallway, 7 December 2026, 9:15".
    "resume_delete_question": N_("Delete {session}?"),
    "resume_delete_no": N_("No, keep it"),
    "resume_delete_yes": N_("Yes, delete it, from the report too"),
    # TRANSLATORS: {why} is the system's reason, in English.
    "resume_not_deleted": N_("The session could not be deleted: {why}"),
    "vote_title": N_("Class vote"),
    # TRANSLATORS: the first, second... decision of the story: {n} is its number.
    "decision_n": N_("Decision {n}"),
    "vote_question": N_("What do we do? Hands up!"),
    "results_title": N_("The class has voted"),
    "vote_hint": N_("A–D or arrows: choice · number or +/–: hands · Enter: lock · V: own "
                    "devices"),
    # TRANSLATORS: in the class vote, after the teacher pressed the letter of a closed choice.
    "vote_not_here": N_("{letter} cannot be taken here: pick another letter"),
    # TRANSLATORS: {n} is the number of hands counted so far, over every choice.
    "total_hands": N_("hands counted: {n}"),
    # TRANSLATORS: {n} hands counted so far over every choice, of {size} pupils in the class.
    "total_hands_of": N_("hands counted: {n} of {size}"),
    # TRANSLATORS: the vote, when more hands ({hands}) were counted than the class has pupils
    # ({n}).
    "vote_over_size": NN_("{hands} hands, but the class has {n} pupil. Correct the count, or "
                          "press Y if the class is {hands} today.",
                          "{hands} hands, but the class has {n} pupils. Correct the count, or "
                          "press Y if the class is {hands} today."),
    # TRANSLATORS: the button that confirms the class is bigger today, and locks the vote.
    "vote_confirm_size": N_("We are {n} today: lock (Y)"),
    # TRANSLATORS: the same, shorter, for a crowded bar (the line above it says why).
    "vote_confirm_size_short": N_("Lock (Y)"),
    # TRANSLATORS: under the number of hands counted for a choice; the number is shown above it.
    "hands_word": NN_("hand", "hands"),
    # TRANSLATORS: the hands for a choice have been counted.
    "counted": N_("counted"),
    "not_counted": N_("not counted yet"),
    "no_votes_here": N_("no votes"),
    "lock": N_("Lock the vote (Enter)"),
    "lock_short": N_("Lock (Enter)"),
    # The secret ballot (V on the class vote): pupils vote on their own phones or laptops.
    "ballot_title": N_("Vote on your own device"),
    "ballot_back": N_("Hand count (Backspace)"),
    "ballot_close": N_("Close the room (X)"),
    "ballot_back_short": N_("Hands (Backspace)"),
    "ballot_close_short": N_("Close (X)"),
    # TRANSLATORS: {why} is the system's reason, such as "Address already in use".
    "ballot_failed": N_("The vote on devices could not start ({why}). Count hands instead, or "
                        "set another port (README, In class)."),
    "ballot_starting": N_("Opening the room…"),
    "ballot_go_to": N_("Scan the code, or go to"),
    # TRANSLATORS: above the room's code (four digits) that pupils type on their device.
    "ballot_code": N_("and type the code"),
    # TRANSLATORS: how many devices voted, of those that opened the page: "17 of 28 voted".
    "ballot_voted": NN_("{n} of {joined} voted", "{n} of {joined} voted"),
    # TRANSLATORS: on the projector while no pupil's device has opened the page yet (and the
    # class's size is not known), instead of "0 of 0 voted".
    "ballot_waiting": N_("Waiting for the first device…"),
    "ballot_locking": N_("Locking the vote…"),
    "ballot_nobody": N_("Nobody has connected for a minute. The school's Wi-Fi may keep phones "
                        "apart from this computer: count hands instead (Backspace), or use a "
                        "phone's hotspot."),
    "ballot_hint": N_("No names, no accounts. Until you lock the vote (Enter) nobody sees how "
                      "the class votes."),
    "unlock": N_("Count again (U)"),
    # TRANSLATORS: {letter} is a choice's letter, A to D.
    "take": N_("Take {letter} (Enter)"),
    "pick_first": N_("Pick a choice (A–D)"),
    "most_votes": N_("most hands"),
    "our_choice": N_("Our choice"),
    # TRANSLATORS: joins the last two letters of a tie: "A, B and C".
    "and": N_("and"),
    # TRANSLATORS: {letter} is a choice's letter, A to D.
    "majority": N_("Most hands for {letter}. Enter takes it; A–D picks another choice."),
    # TRANSLATORS: {letter} and {majority} are choices' letters, A to D.
    "override": N_("The teacher picks {letter} instead of {majority}, which had most hands. "
                   "Enter takes it."),
    # TRANSLATORS: {letters} are the tied choices' letters: "A and C".
    "tie": N_("It's a tie between {letters}. Teacher: pick one of them (A–D), then Enter."),
    # TRANSLATORS: {tied} are the tied choices' letters ("A and C"), {letter} the one picked.
    "tie_picked": N_("It was a tie between {tied}: the teacher picks {letter}. Enter takes it."),
    # TRANSLATORS: {tied} are the tied choices' letters ("A and C"), {letter} the one picked.
    "override_tie": N_("It was a tie between {tied}, but the teacher picks {letter}. "
                       "Enter takes it."),
    "no_votes": N_("No hands were counted. Teacher: pick a choice (A–D), then Enter."),
    "whatif": N_("What if? (W)"),
    "back_to_story": N_("Back to the story"),
    "class_chose": N_("The class chose: {choice}"),
    # TRANSLATORS: the teacher took the choice: over the hands, in a tie, or without a vote.
    "teacher_chose": N_("The teacher chose: {choice}"),
    "continue_story": N_("On with the story"),
    "no_prompts": N_("What would you have done? Why?"),
    "no_meter_change": N_("No change for him"),
    "timer": N_("Timer"),
    # TRANSLATORS: the discussion's timer before it starts.
    "timer_ready": NN_("{n} minute, ready to start", "{n} minutes, ready to start"),
    # TRANSLATORS: the discussion's timer is running.
    "timer_running": N_("running"),
    # TRANSLATORS: the discussion's timer is paused.
    "timer_paused": N_("paused"),
    "timer_done": N_("time is up. Round off the last thought."),
    "timer_start": N_("Start (Space)"),
    "timer_pause": N_("Pause (Space)"),
    "timer_again": N_("Again (Space)"),
    "whatif_title": N_("What if?"),
    "timeline_title": N_("The decisions so far"),
    "timeline_hint": N_("Left/Right: a decision · Enter: take another road from there · "
                        "C: compare roads · W: close"),
    # TRANSLATORS: a road through the story, by its number: the class's, or a "what if?".
    "road_n": N_("Road {n}"),
    "road_class": N_("Road {n}: the class's road"),
    # TRANSLATORS: where a what-if road branched off: decision {d} of road {n}.
    "road_from": N_("from decision {d} of road {n}"),
    # TRANSLATORS: {n} is a decision's number.
    "take_other_road": N_("Another road from decision {n} (Enter)"),
    "take_other_road_none": N_("No decision yet"),
    # TRANSLATORS: the same, shorter, when the bar of buttons is crowded (the decision picked
    # is shown above it).
    "take_other_road_short": N_("Another road (Enter)"),
    # TRANSLATORS: {n} is a road's number.
    "taken_on_road": N_("Taken on road {n}"),
    "close_timeline": N_("Close (W)"),
    "next_road": N_("Next road (R)"),
    "go_to_road": N_("Go on with this road (G)"),
    "no_decisions": N_("The class has not taken a decision yet."),
    # TRANSLATORS: the hands counted for a choice.
    "hands_n": NN_("{n} hand", "{n} hands"),
    # TRANSLATORS: the choice a decision took.
    "taken": N_("taken"),
    # TRANSLATORS: in a legend: an active choice (stepping in).
    "legend_active": N_("active"),
    # TRANSLATORS: in a legend: a passive choice (standing by).
    "legend_passive": N_("passive"),
    "no_hands_recorded": N_("No hands counted"),
    "teacher_picked": N_("the teacher's pick"),
    "compare": N_("Compare (C)"),
    "compare_chip": N_("Two roads"),
    # TRANSLATORS: a chart's title; {name} is the bullied character.
    "compare_title": N_("How {name} was doing on two roads"),
    # TRANSLATORS: the axis of a chart that counts the decisions.
    "compare_x": N_("Decision"),
    "passive_road": N_("The most passive road"),
    "road_a": N_("first road"),
    "road_b": N_("second road"),
    # TRANSLATORS: {road} names a road ("Road 2"), {ending} is the title of its ending.
    "road_ended": N_("{road} — ending: {ending}"),
    # TRANSLATORS: {road} names a road ("Road 2") that has not reached an ending.
    "road_so_far": N_("{road} — so far"),
    # TRANSLATORS: at the end of a line in a chart: its last value.
    "ends_at": N_("end: {n}"),
    "other_road": N_("Compare with another road (N)"),
    "debrief_title": N_("Debrief"),
    "debrief_button": N_("Debrief (D)"),
    # TRANSLATORS: in class mode's menu before the story has ended: the debrief at once, with
    # the decisions taken so far (the lesson is running out).
    "debrief_now": N_("Debrief now"),
    "tab_what_we_did": N_("What we did"),
    "tab_step_out": N_("Step out of your role"),
    "tab_strategies": N_("Strategies"),
    "tab_help": N_("Help"),
    "roles_taken": N_("The roles the class took"),
    "held_back": N_("Where the class held back"),
    # TRANSLATORS: {n} is a decision's number, {step} a bystander step ("notice").
    "held_back_at": N_("Decision {n} · step: {step}"),
    # TRANSLATORS: {ways} lists the active stances on offer there: "confront, support".
    "ways_of_defending": N_("Ways of defending: {ways}"),
    # TRANSLATORS: {choice} is a choice's text, {stance} its stance ("outsider").
    "held_back_choice": N_("The class chose: {choice} ({stance})"),
    # TRANSLATORS: {choice} is a choice's text, {stance} its stance ("outsider").
    "held_back_teacher": N_("The teacher chose: {choice} ({stance})"),
    "tab_split": N_("How we voted"),
    "split_title": N_("How the class voted at each decision"),
    # TRANSLATORS: {road} names a what-if road: "Road 2".
    "split_title_road": N_("How the class voted on {road}"),
    "split_none": N_("No decision taken yet."),
    # TRANSLATORS: {letter} is the letter of the choice taken at a decision.
    "split_by_vote": N_("{letter} taken: most hands"),
    # TRANSLATORS: {letter} is the letter of the choice the teacher took instead.
    "split_by_teacher": N_("{letter} taken: the teacher's pick"),
    # TRANSLATORS: {letter} is the letter of the choice taken without counting hands.
    "split_no_vote": N_("{letter} taken: no hands counted"),
    "held_back_none": N_("The class did something at every step."),
    "strategies_used": N_("Strategies the class used"),
    "strategies_missed": N_("On offer, but not used"),
    "none_yet": N_("None this time"),
    "none_missed": N_("None: the class used every one on offer"),
    "closing_title": N_("Questions to end with"),
    "no_closing": N_("What do you take away from this story, for yourself?"),

    # Event mode (`bystander play --kiosk`): the attract loop, the idle countdown, the organiser's
    # code and the touch wording that replaces key hints, kept together so the mode reads in one
    # place.
    "kiosk_touch_to_start": N_("Touch the screen to start"),
    # TRANSLATORS: the button that starts in this catalogue's own language: "Speel in het
    # Nederlands" in Dutch.
    "kiosk_play_in_lang": N_("Play in English"),
    "kiosk_invite": N_("A story about bullying: what would you do? It takes about 5 minutes."),
    # TRANSLATORS: {pct} is a whole percentage with its sign: "73%".
    "kiosk_stepped_in": N_("Today {pct} of players stepped in"),
    "kiosk_played_n": NN_("Today {n} person played", "Today {n} people played"),
    "kiosk_be_first": N_("Be the first to play today!"),
    # TRANSLATORS: which of the stories on offer the attract loop shows: {i} of {n}.
    "kiosk_story_n": N_("Story {i} of {n}"),
    "kiosk_idle_title": N_("Still there?"),
    "kiosk_idle_seconds": NN_("{n} second left…", "{n} seconds left…"),
    "kiosk_idle_touch": N_("Touch to keep playing"),
    "kiosk_idle_then": N_("Then the game starts again for the next player."),
    "kiosk_keep_playing": N_("Keep playing"),
    # TRANSLATORS: the button that ends a visitor's game on the event screen.
    "kiosk_done": N_("Done"),
    "kiosk_hint_advance": N_("Touch to go on"),
    "kiosk_hint_keys": N_("Touch your choice"),
    "kiosk_think": N_("Think about it"),
    "kiosk_stop": N_("Stop and go back to the start"),
    "kiosk_pin_title": N_("Organiser code"),
    "kiosk_pin_hint": N_("Type the code to close Bystander."),
    "kiosk_pin_wrong": N_("Wrong code. Try again."),
    # TRANSLATORS: the keypad's key that deletes the last digit typed.
    "kiosk_pin_delete": N_("Delete"),
    "kiosk_pin_ok": N_("OK"),
    # TRANSLATORS: on the organiser's code pad after wrong codes; {n} is a number of seconds.
    "kiosk_pin_wait": NN_("Wait {n} second, then try again.", "Wait {n} seconds, then try again."),
    "kiosk_org_title": N_("Organiser"),
    # TRANSLATORS: the organiser's menu at an event; the fields are today's counts of players.
    "kiosk_org_counts": N_("Today so far: players {players}, stepped in {stepped_in}, saw an "
                           "ending {finished}."),
    # TRANSLATORS: {time} is a time of day, such as 14:35.
    "kiosk_org_read": N_("At {time} the count file was damaged; the counts still in it were "
                         "kept."),
    "kiosk_org_backup": N_("At {time} the count file was damaged; its last good copy was kept."),
    "kiosk_org_memory": N_("At {time} the count file was damaged; what this screen had counted "
                           "was kept."),
    "kiosk_org_zero": N_("At {time} the count file was damaged and nothing could be kept: "
                         "counting started again from zero."),
    # TRANSLATORS: {file} is a file name.
    "kiosk_org_moved": N_("The damaged file is kept in the event folder as {file}."),
    "kiosk_org_not_moved": N_("It could not be moved aside: today is counted in memory only, "
                              "until Bystander closes."),
    # TRANSLATORS: {file} is a file name.
    "kiosk_org_log": N_("What happened today is in {file}, in the event folder."),
    "kiosk_org_quit": N_("Close Bystander"),
    "kiosk_org_back": N_("Back to the event"),
}

LANGUAGES = tuple(LANGUAGE_NAMES)
"""The languages the screens speak, in the order the L key goes through them."""


def t(key: str, lang: str, **values: object) -> str:
    """The interface text `key` in `lang` (English where the game does not speak `lang`), with
    `{values}` filled in; a counted text takes its count as `n`."""
    texts = _texts(lang)
    text = texts.get(key)
    if text is None:
        message = MESSAGES[key]
        if message.plural is not None:  # a counted text, whose form depends on its count
            return words(lang).message(message, **values)
        text = texts[key] = words(lang).message(message)
    return text.format(**values) if values else text


@lru_cache(maxsize=CACHED_LANGUAGES)
def _texts(lang: str) -> dict[str, str]:
    """The texts of `lang` that do not count, each looked up in the catalogue the first time it
    is asked for: the screens ask for their words every frame, and a dict costs them less than
    the catalogue's lookups (looking up all of them at once cost 1% of a start)."""
    return {}


def next_language(lang: str) -> str:
    """The language after `lang`, for the L key."""
    order = list(LANGUAGES)
    return order[(order.index(lang) + 1) % len(order)] if lang in order else order[0]
