"""Bystander: a classroom role-play game about school bullying.

`game.core` is the pure engine (no pygame); `game.ui` renders it with pygame; `game.cli` is the
`bystander` command.
"""

__version__ = "0.1.0"
"""The same as `version` in pyproject.toml (a test keeps them equal); read here rather than
through importlib.metadata, which costs start-up time."""
