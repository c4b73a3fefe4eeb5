"""`geokg neo4j` as scripts see it: listed by `geokg --help`, and a status they can test."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from graph.neo4j_server import NOT_RUNNING_EXIT

ROOT = Path(__file__).resolve().parents[2]


def geokg(*args: str) -> subprocess.CompletedProcess[str]:
    wide = {**os.environ, "COLUMNS": "200"}  # help lines unwrapped
    return subprocess.run([sys.executable, "-m", "geokg", *args], cwd=ROOT, env=wide, capture_output=True,
                          text=True, timeout=120)


def test_the_top_level_help_lists_every_command_with_neo4j() -> None:
    result = geokg("--help")
    assert result.returncode == 0
    listed = re.search(r"\{([a-z0-9,-]+)\}", result.stdout)
    assert listed is not None, result.stdout
    assert "neo4j" in listed.group(1).split(",")
    assert re.search(r"^\s+neo4j\s+run a local Neo4j", result.stdout, re.MULTILINE)


def test_status_of_a_stopped_server_exits_non_zero(tmp_path: Path) -> None:
    result = geokg("neo4j", "status", "--home", str(tmp_path / "never-started"))
    # the documented code (README): neither success (0) nor an error (1)
    assert (result.returncode, NOT_RUNNING_EXIT, result.stderr) == (3, 3, "")
    assert result.stdout.startswith("not running (")


def test_neo4j_help_still_comes_from_the_server_module() -> None:
    result = geokg("neo4j", "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: geokg neo4j")
    assert "exit 0 when it runs, 3 when it does not" in result.stdout
