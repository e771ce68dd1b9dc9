"""A character's look as plain values: what of `model.Look` the drawings read.

The title's card cache keeps it as JSON (catalogue.py), the art keys its cache of drawn
characters by it (art/characters.py), and the title's pictures kept on disk are named after it
(stage.py). One definition, so that a new look field reaches all three. It imports nothing of the
model or the art: the title's first frame needs neither.
"""

from __future__ import annotations

from typing import NamedTuple


class LookValues(NamedTuple):
    """The look fields, hashable and JSON-friendly. Made from a `model.Look` (or anything with
    its attributes) by `of`."""

    skin: str
    hair: str
    hair_style: str
    top: str
    glasses: bool
    height: int
    headscarf: str | None
    braces: bool
    wheelchair: bool

    @classmethod
    def of(cls, look) -> "LookValues":
        """The values of `look`: a `model.Look`, or a LookValues itself."""
        return cls(look.skin, look.hair, look.hair_style, look.top, bool(look.glasses),
                   int(look.height), getattr(look, "headscarf", None) or None,
                   bool(getattr(look, "braces", False)), bool(getattr(look, "wheelchair", False)))

    def name(self) -> str:
        """The values as one file-name-safe string: `medium-dark_brown-short-blue-0-100-none-0-0`."""
        return "-".join(("none" if v is None else str(int(v)) if isinstance(v, bool) else str(v))
                        for v in self)
