"""One build step beside pyproject.toml: compile the translation catalogues.

The game reads its words from compiled gettext catalogues (.mo); the repository holds only their
sources (.po), which translators edit. Every build compiles them, with Babel, a build requirement
(pyproject.toml): a wheel carries the .mo files, and an editable install (`pip install -e .`, what
`make venv` does) writes them beside their .po files, where the checkout's package reads them, as
setuptools asks of build steps in editable mode. So an installed game never writes into itself, and
a fresh checkout needs nothing but `make play` or `make test`.
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


class Build(build):
    """The usual build, with the catalogues compiled too."""

    sub_commands = [*build.sub_commands, ("compile_catalogues", None)]


setup(cmdclass={"build": Build, "compile_catalogues": CompileCatalogues})
