"""Nothing crashes on a bad file: every broken scenario is refused with `file:line:col: message`.

The corpus is `broken/` (made by `make_broken.py`: one file per way a hand-written file goes wrong,
and mutations of the shipped scenarios), a few files made here (too big to commit, or without the
comment line), and the YAML test suite when it is beside the repository. Each file goes through the
loader, and a sample through `bystander check` and the game's catalogue.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from reliahelp import BROKEN, SHIPPED, YAML_SUITE, expected_codes, first_line, make_app
from game.core.loader import load

BROKEN_FILES = sorted(BROKEN.glob("*.yaml"))
SUITE_FILES = sorted(YAML_SUITE.glob("*.yaml")) if YAML_SUITE.is_dir() else []
MAX_SECONDS = 1.0
"""CPU seconds per file, traced (tracemalloc makes loading about three times slower)."""
MAX_WALL_SECONDS = 5.0
"""Wall-clock seconds per file: generous, because the machine may be busy with other work."""
MAX_MB = 100.0
LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): \S")


def made_here(folder: Path) -> list[Path]:
    """Broken files that are not committed: over-size, zero bytes, deep beyond any stack."""
    files = {
        "zero_bytes.yaml": b"",
        "deep_million.yaml": b"note: " + b"[" * 1_000_000,
        "long_line.yaml": b"id: " + b"a" * 3_000_000 + b"\n",
        "utf16_plain.yaml": "id: mini\ntitle: {nl: a, en: b}\n".encode("utf-16-le"),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    # 17 MB of real content, not a sparse file: it must be refused before it is read.
    with (folder / "over_size.yaml").open("wb") as out:
        chunk = b"- {nl: Adrian, en: Adrian}\n" * 40_000
        while out.tell() < 17 * 1024 * 1024:
            out.write(chunk)
    return sorted(folder.glob("*.yaml"))


def test_the_corpus_is_big_enough_and_says_what_is_wrong():
    assert len(BROKEN_FILES) >= 60
    for path in BROKEN_FILES:
        assert first_line(path.read_bytes()).startswith("# broken: "), path.name


def test_the_hand_made_cases_are_what_make_broken_writes():
    """The committed files are produced by the script, never edited by hand. (The mutations of
    scenes/ are not compared: a story's text may change without its broken copies changing.)"""
    import make_broken
    written = make_broken.hand_made()
    assert set(written) <= {p.name for p in BROKEN_FILES}
    for name, data in written.items():
        assert (BROKEN / name).read_bytes() == data, f"{name}: run tests/reliability/make_broken.py"


def _check_refusal(path: Path, loaded, expect: tuple[set[str], int | None] | None) -> list[str]:
    problems = []
    if loaded.ok:
        return [f"{path.name}: accepted"]
    if not loaded.issues:
        return [f"{path.name}: refused without a reason"]
    for issue in loaded.issues:
        text = str(issue)
        m = LINE.match(text)
        if not m or m.group("path") != str(path):
            problems.append(f"{path.name}: not 'file:line:col: message': {text[:120]!r}")
        if issue.code == "internal" or "Traceback" in text:
            problems.append(f"{path.name}: crashed inside the loader: {text[:300]}")
    if expect is not None:
        codes, line = expect
        hits = [i for i in loaded.issues if i.code in codes]
        if "any" not in codes and not hits:
            problems.append(f"{path.name}: expected {sorted(codes)}, got "
                            f"{[f'{i.code}: {i}' for i in loaded.issues][:3]}")
        elif line is not None and hits and hits[0].pos.line != line:
            problems.append(f"{path.name}: expected line {line}, got {hits[0]}")
    return problems


def test_every_broken_file_is_refused_cleanly_in_time_and_memory(tmp_path, figure):
    files = BROKEN_FILES + made_here(tmp_path) + SUITE_FILES
    problems: list[str] = []
    slowest = slowest_cpu = hungriest = (0.0, "")
    tracemalloc.start()
    try:
        for path in files:
            expect = (expected_codes(first_line(path.read_bytes()))
                      if path.parent == BROKEN else None)
            tracemalloc.reset_peak()
            before = tracemalloc.get_traced_memory()[0]
            start, start_cpu = time.perf_counter(), time.process_time()
            try:
                loaded = load(path)
            except BaseException as exc:  # noqa: BLE001 - a crash is what we are looking for
                problems.append(f"{path.name}: raised {type(exc).__name__}: {exc}")
                continue
            seconds = time.perf_counter() - start
            cpu = time.process_time() - start_cpu
            mb = (tracemalloc.get_traced_memory()[1] - before) / 1e6
            slowest = max(slowest, (seconds, path.name))
            slowest_cpu = max(slowest_cpu, (cpu, path.name))
            hungriest = max(hungriest, (mb, path.name))
            problems += _check_refusal(path, loaded, expect)
            if cpu > MAX_SECONDS or seconds > MAX_WALL_SECONDS:
                problems.append(f"{path.name}: took {cpu:.2f} s of CPU, {seconds:.2f} s in all")
            if mb > MAX_MB:
                problems.append(f"{path.name}: took {mb:.0f} MB")
    finally:
        tracemalloc.stop()
    crashed = sum(1 for p in problems if "crashed" in p or "raised" in p)
    figure("broken files tried", f"{len(files)} ({len(BROKEN_FILES)} in broken/, "
           f"{len(files) - len(BROKEN_FILES) - len(SUITE_FILES)} made by the test, "
           f"{len(SUITE_FILES)} from the YAML test suite); crashed: {crashed}")
    figure("slowest refusal (traced)", f"{slowest_cpu[0] * 1000:.0f} ms of CPU "
           f"({slowest_cpu[1]}); {slowest[0] * 1000:.0f} ms by the clock ({slowest[1]})")
    figure("most memory for a refusal", f"{hungriest[0]:.1f} MB ({hungriest[1]})")
    assert not problems, "\n".join(problems)


def test_the_same_bytes_in_memory_are_refused_too():
    """`load(path, data=...)` (how the fuzz tests and a future upload would call it)."""
    for path in BROKEN_FILES:
        loaded = load(path, data=path.read_bytes())
        assert not loaded.ok and loaded.issues, path.name
        assert all(i.code != "internal" for i in loaded.issues), path.name
    big = b"- a\n" * (17 * 1024 * 1024 // 4 + 1)
    loaded = load("big.yaml", data=big)
    assert [i.code for i in loaded.issues] == ["size"]


def _bystander() -> list[str]:
    script = Path(sys.executable).parent / "bystander"
    return [str(script)] if script.exists() else [sys.executable, "-m", "game"]


CLI_SAMPLE = ["syntax_unclosed_flow", "tab_indent", "duplicate_top_key", "alias",
              "tag_python_object", "deep_flow_nesting", "utf16_le_no_bom", "nul_byte",
              "only_comment", "adrian_truncated_1"]
"""Ten kinds of mistake, by the end of their file names."""


def test_bystander_check_refuses_a_sample_without_a_traceback():
    sample = [p for name in CLI_SAMPLE for p in BROKEN_FILES
              if p.stem == name or p.stem.endswith(f"_{name}") and p.stem[:3].isdigit()]
    assert len(sample) == len(CLI_SAMPLE), [p.name for p in sample]
    runs = [(p, subprocess.Popen(_bystander() + ["check", str(p)], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True, encoding="utf-8",
                                 errors="replace"))
            for p in sample]
    for path, proc in runs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 1, (path.name, proc.returncode, out, err)
        assert "Traceback" not in out + err, (path.name, out + err)
        issues = [line for line in out.splitlines() if LINE.match(line)]
        assert issues and all(line.startswith(f"{path}:") for line in issues), (path.name, out)
        assert "internal error" not in out, out


def test_the_game_lists_the_good_files_and_counts_the_bad(tmp_path):
    from game.ui.catalogue import scan
    from game.ui.screens.title import TitleScreen
    for path in SHIPPED + BROKEN_FILES:
        shutil.copy(path, tmp_path / path.name)
    catalogue = scan(tmp_path)
    assert sorted(e.path.name for e in catalogue.entries) == sorted(p.name for p in SHIPPED)
    assert catalogue.broken == len(BROKEN_FILES)
    app = make_app(catalogue.entries)
    app.catalogue = catalogue
    app.show_title()
    app.run_frames(2)
    assert isinstance(app.top, TitleScreen)
    assert app.top.overflows() == []
    assert app.frames_drawn >= 1


class CountingBytes(bytes):
    """Bytes that count how many bytes their slices copy."""

    copied = 0

    def __getitem__(self, index):
        part = super().__getitem__(index)
        if isinstance(index, slice):
            CountingBytes.copied += len(part)
        return part


def test_refusing_a_windows_1252_file_takes_work_in_proportion_to_its_size():
    from game.core.yamlsource import decode
    line = "title: {nl: één café, en: a café}\n".encode("cp1252")  # 3 bad bytes a line
    data = CountingBytes(line * 1000)                                # 34 KB
    CountingBytes.copied = 0
    text, issues = decode(data, "cp1252.yaml")
    assert text is None and issues[0].code == "encoding"
    assert CountingBytes.copied <= 4 * len(data), (
        f"{CountingBytes.copied / 1e6:.0f} MB copied to decode {len(data) / 1e3:.0f} KB")


@pytest.mark.soak
def test_a_file_just_under_the_size_limit_is_refused_in_time(figure):
    """4 million tiny values in 15.9 MB: refused at MAX_NODES, where reading stops. The time is
    CPU time: this machine is shared, and the wall clock on a busy one says little."""
    import resource
    from game.core.yamlsource import MAX_NODES
    data = b"- a\n" * (15_900_000 // 4)
    start, cpu_start = time.perf_counter(), time.process_time()
    loaded = load("near_limit.yaml", data=data)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
    figure("a 15.9 MB file of 4 million tiny nodes", f"refused in {cpu:.1f} s of CPU "
           f"({seconds:.1f} s by the clock), peak RSS {peak:.0f} MB ({loaded.issues[0]})")
    assert [str(i) for i in loaded.issues] == [
        f"near_limit.yaml:{MAX_NODES}:3: more than {MAX_NODES:,} values in the file (texts, keys, "
        "lists, ...); a scenario needs far fewer: split it"]
    assert cpu < MAX_SECONDS * 5 and peak < 4 * MAX_MB
