"""The authoring guide's example is the real, checked example file, word for word."""

from testpaths import MINI, ROOT


def test_guide_example_is_the_checked_example():
    guide = (ROOT / "scenes" / "README.md").read_text(encoding="utf-8")
    assert MINI.read_text(encoding="utf-8") in guide


def test_dutch_guide_example_is_the_checked_example():
    guide = (ROOT / "scenes" / "LEESMIJ.md").read_text(encoding="utf-8")
    assert MINI.read_text(encoding="utf-8") in guide
