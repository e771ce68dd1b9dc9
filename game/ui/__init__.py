"""The pygame front end: the only package that imports pygame.

`app.App` owns the window and a stack of screens (`screens/`); screens render the engine's views
and never decide anything about the story themselves.
"""

import os as _os

# pygame prints a banner on import; the game's own messages are what a teacher should see.
_os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
