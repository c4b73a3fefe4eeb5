"""`tools/figures.py` (make figures) draws the README's figures from the bundled examples."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import matplotlib.image

ROOT = Path(__file__).resolve().parents[2]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_the_script_writes_both_figures(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "tools/figures.py", "--out", str(tmp_path / "docs")], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    for name in ("dyad-hungary-russia.png", "network.png"):
        path = tmp_path / "docs" / name
        assert f"wrote {path}" in done.stdout
        assert path.read_bytes().startswith(PNG_SIGNATURE)
        height, width, _ = matplotlib.image.imread(path).shape
        assert width >= 1000 and height >= 600, (name, width, height)
