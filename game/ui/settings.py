"""The player's settings, kept between runs as JSON in the user's config folder.

Written atomically (temp file, fsync, replace) so a crash mid-write never leaves half a file; a
corrupt or unreadable file means the defaults and a warning in the log, never a crash. A file
there that is not the game's (`BYSTANDER_CONFIG_DIR` may name any folder, and `settings.json` is a
common name) is never written over: the settings are then not saved, and the log says why.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from ..core.translations import LANGUAGES
from ..paths import config_dir
from ..files import (read_limited, remove_stale_temporaries, replace_file,
                     temporary_pattern)
from ..lazylog import get_logger

log = get_logger(__name__)  # imports logging when first used: start-up time

FILE_NAME = "settings.json"
TEMPORARIES = temporary_pattern(r"settings\.json") + r"|\.settings-[a-z0-9_]{8}\.tmp"
"""The names of the settings' temporary files, and as earlier versions named them."""
MAX_FILE_BYTES = 64 * 1024
"""The game's settings file is about 300 bytes; a much bigger one is not the game's."""

CHOICES: dict[str, tuple] = {
    "text_size": ("normal", "large", "xlarge"),
    "text_speed": ("instant", "normal", "slow"),
    "lang": tuple(LANGUAGES),
}

VALID = {
    "kiosk_pin": lambda v: isinstance(v, str) and (v == "" or (v.isascii() and v.isdigit()
                                                               and 4 <= len(v) <= 12)),
    "kiosk_idle_seconds": lambda v: type(v) is int and 15 <= v <= 3600,
    "kiosk_lang": lambda v: v == "" or v in LANGUAGES,
    "ballot_port": lambda v: type(v) is int and 1024 <= v <= 65535,
}
"""Settings that are not a bool or one of CHOICES: each with its own check."""


@dataclass
class Settings:
    text_size: str = "normal"
    """normal, large or xlarge: a factor on every text size."""
    text_speed: str = "normal"
    """instant, normal or slow: how fast a beat is typed out."""
    high_contrast: bool = False
    """Black and white with yellow accents instead of the warm look."""
    reduced_motion: bool = False
    """No animations: meters and light jump straight to their new values."""
    lang: str = "nl"
    """The language of the interface and the story."""
    fullscreen: bool = False
    software_display: bool = False
    """Present frames without OpenGL (SDL_FRAMEBUFFER_ACCELERATION=0): on machines without GPU
    drivers this makes a 1080p flip 20 times cheaper. Applies when the window is next created."""
    kiosk_pin: str = ""
    """Event mode (`play --kiosk`): the code, 4 to 12 digits, an organiser types to quit after
    Ctrl+Alt+Q or a 3-second press in the top-left corner. Empty: Ctrl+Alt+Q alone quits."""
    kiosk_idle_seconds: int = 60
    """Event mode: seconds without input before the countdown back to the attract loop."""
    kiosk_lang: str = ""
    """Event mode: nl or en to use only that language; empty alternates both on the attract loop."""
    ballot_port: int = 8765
    """Class mode's secret ballot: the port pupils' devices reach the game on (1024 to 65535;
    the computer's firewall must let it in, see the README)."""

    @classmethod
    def from_dict(cls, data: object) -> "Settings":
        """Settings from parsed JSON, keeping the default for anything missing or invalid."""
        settings = cls()
        if not isinstance(data, dict):
            log.warning("settings file does not hold an object; using the defaults")
            return settings
        for f in fields(cls):
            if f.name not in data:
                continue
            value = data[f.name]
            default = getattr(settings, f.name)
            if isinstance(default, bool):
                valid = isinstance(value, bool)
            elif f.name in VALID:
                valid = VALID[f.name](value)
            else:
                valid = isinstance(value, str) and value in CHOICES.get(f.name, (value,))
            if valid:
                setattr(settings, f.name, value)
            else:
                log.warning("setting %s=%r is not valid; keeping %r", f.name, value, default)
        return settings


def settings_path() -> Path:
    return config_dir() / FILE_NAME


def load_settings(path: Path | None = None) -> Settings:
    """The settings in `path` (the config folder's settings.json), or the defaults. Every start
    reads them: the orphaned temporary files of writes a kill interrupted go at the same time."""
    path = path or settings_path()
    remove_stale_temporaries(path.parent, TEMPORARIES)
    try:
        text = read_limited(path, MAX_FILE_BYTES).decode("utf-8")
    except FileNotFoundError:
        return Settings()
    except (OSError, UnicodeDecodeError) as exc:  # unreadable, not a file, too large, not UTF-8
        log.warning("cannot read settings %s (%s); using the defaults", path, exc)
        return Settings()
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:  # RecursionError: hostile nesting
        log.warning("settings file %s is corrupt (%s); using the defaults", path, exc)
        return Settings()
    return Settings.from_dict(data)


def save_settings(settings: Settings, path: Path | None = None) -> bool:
    """Write the settings atomically. False (and a warning) when the folder is not writable, or
    the file there is not the game's. A settings file kept as a link (among one's dotfiles)
    stays one: the file it points to is replaced."""
    path = path or settings_path()
    if not _ours(path):
        log.warning("%s is not a Bystander settings file: it is left as it is, and the settings "
                    "are not saved (move it away, or set BYSTANDER_CONFIG_DIR to another folder)",
                    path)
        return False
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    try:
        replace_file(path, json.dumps(asdict(settings), indent=2).encode("utf-8"), durable=True)
    except OSError as exc:
        log.warning("cannot save settings to %s: %s", path, exc)
        return False
    return True


def _ours(path: Path) -> bool:
    """Whether the game may write over `path`: nothing is there, or a file the game could have
    written (empty, or a JSON object with at least one of the settings, so a newer game's file
    is ours too). Anything else may be another program's `settings.json`."""
    try:
        raw = read_limited(path, MAX_FILE_BYTES)
    except FileNotFoundError:  # nothing there (or a link to where the user wants it)
        return True
    except OSError:
        return False
    if not raw:
        return True
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        return False
    return isinstance(data, dict) and (not data or any(f.name in data for f in fields(Settings)))
