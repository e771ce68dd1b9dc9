"""Bystander: a classroom role-play game about school bullying.

`game.core` is the pure engine (no pygame); `game.ui` renders it with pygame; `game.cli` is the
`bystander` command.
"""
