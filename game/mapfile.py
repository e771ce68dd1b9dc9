"""`bystander graph`: the branch map as the bytes of a file, by the file's suffix.

Mermaid (`.mmd`) and DOT (`.dot`) are the core's text (`core/graph.py`), needing nothing installed.
`.svg`, `.png` and `.pdf` are drawn by Graphviz's `dot` program when it is installed; otherwise
`GraphError` says how to get it. Running a program is kept out of the core, which only returns data.
"""

from __future__ import annotations

import shutil
import subprocess

from .core.graph import to_dot, to_mermaid
from .core.model import Scenario


class GraphError(Exception):
    """The map cannot be made in the format asked for."""


def map_file(scenario: Scenario, suffix: str, lang: str = "nl") -> bytes:
    """The map as the bytes of a file with this suffix (`.mmd`, `.dot`, or with Graphviz's
    `dot` installed `.svg`, `.png`, `.pdf`). Writing them is the caller's: the command line
    writes every output file in one place."""
    suffix = suffix.lower()
    if suffix in (".mmd", ".mermaid"):
        return to_mermaid(scenario, lang).encode("utf-8")
    if suffix in (".dot", ".gv"):
        return to_dot(scenario, lang).encode("utf-8")
    if suffix in (".svg", ".png", ".pdf"):
        dot = shutil.which("dot")
        if dot is None:
            raise GraphError(f"drawing {suffix} needs Graphviz's 'dot' program, which is not "
                             "installed (Debian/Ubuntu: sudo apt-get install graphviz; macOS: "
                             "brew install graphviz; Windows: graphviz.org). Or write .mmd or "
                             ".dot, which need nothing.")
        result = subprocess.run([dot, f"-T{suffix[1:]}"], input=to_dot(scenario, lang).encode(),
                                capture_output=True, timeout=120, check=False)
        if result.returncode != 0:
            raise GraphError(f"dot failed: {result.stderr.decode(errors='replace').strip()}")
        return result.stdout
    raise GraphError(f"unknown format '{suffix}': use .mmd, .dot, .svg or .png")
