"""Two build steps beside pyproject.toml: compile the translation catalogues, and make the title
cards of the shipped stories.

The game reads its words from compiled gettext catalogues (.mo); the repository holds only their
sources (.po), which translators edit. Every build compiles them, with Babel, a build requirement
(pyproject.toml): a wheel carries the .mo files, and an editable install (`pip install -e .`, what
`make venv` does) writes them beside their .po files, where the checkout's package reads them, as
setuptools asks of build steps in editable mode. So an installed game never writes into itself, and
a fresh checkout needs nothing but `make play` or `make test`.

The cards (game/ui/shipped_cards.py) spare a teacher's very first start loading every shipped
story in full just to show its title: they are made by the game's own loader, so the build needs
PyYAML (pyproject.toml). An editable install writes them beside their module, where the checkout's
game reads them; a wheel carries them.
"""

from __future__ import annotations

from pathlib import Path

from setuptools import Command, setup
from setuptools.command.build import build

LOCALE = Path("game") / "locale"


class CompileCatalogues(Command):
    """Compile game/locale/<lang>/LC_MESSAGES/*.po into .mo files, in the build (a wheel) or in
    place (an editable install)."""

    description = "compile the translation catalogues (.po) into .mo files"
    user_options: list = []
    editable_mode = False

    def initialize_options(self) -> None:
        self.build_lib: str | None = None
        self.editable_mode = False

    def finalize_options(self) -> None:
        self.set_undefined_options("build_py", ("build_lib", "build_lib"))

    def sources(self) -> list[Path]:
        return sorted(LOCALE.glob("*/LC_MESSAGES/*.po"))

    def target(self, po: Path) -> Path:
        mo = po.with_suffix(".mo")
        return mo if self.editable_mode else Path(self.build_lib or "build") / mo

    def run(self) -> None:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for po in self.sources():
            with po.open("rb") as file:
                catalogue = read_po(file)
            target = self.target(po)
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("wb") as file:
                write_mo(file, catalogue)

    def get_source_files(self) -> list[str]:
        return [str(po) for po in self.sources()]

    def get_outputs(self) -> list[str]:
        return [str(self.target(po)) for po in self.sources()]

    def get_output_mapping(self) -> dict[str, str]:
        return {}


class MakeShippedCards(Command):
    """Make the title cards of the stories in scenes/ (game/ui/shipped_cards.py), in the build
    (a wheel) or in place (an editable install)."""

    description = "make the title cards of the shipped stories"
    user_options: list = []
    editable_mode = False
    INDEX = Path("game") / "ui" / "shipped_cards.json"

    def initialize_options(self) -> None:
        self.build_lib: str | None = None
        self.editable_mode = False

    def finalize_options(self) -> None:
        self.set_undefined_options("build_py", ("build_lib", "build_lib"))

    def target(self) -> Path:
        return self.INDEX if self.editable_mode else Path(self.build_lib or "build") / self.INDEX

    def run(self) -> None:
        import sys
        sys.path.insert(0, str(Path(__file__).resolve().parent))  # the game being built
        from game.ui.catalogue import card_json
        from game.ui.shipped_cards import write_index

        target = self.target()
        target.parent.mkdir(parents=True, exist_ok=True)
        write_index(Path("scenes"), target, card_json)

    def get_source_files(self) -> list[str]:
        return [str(p) for p in sorted(Path("scenes").glob("*.y*ml"))]

    def get_outputs(self) -> list[str]:
        return [str(self.target())]

    def get_output_mapping(self) -> dict[str, str]:
        return {}


class Build(build):
    """The usual build, with the catalogues compiled and the shipped stories' cards made too."""

    sub_commands = [*build.sub_commands, ("compile_catalogues", None),
                    ("make_shipped_cards", None)]


setup(cmdclass={"build": Build, "compile_catalogues": CompileCatalogues,
                "make_shipped_cards": MakeShippedCards})
