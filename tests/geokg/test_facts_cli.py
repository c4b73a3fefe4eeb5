"""`geokg evaluate-facts DIR` as a real subprocess on a real folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEADER = "article\tsource\ttarget\troot\treciprocal\tsentence\tnote\n"
ARTICLE = (
    "---\ntitle: Putin meets Xi\ndate: 2024-05-16\n---\n\n"
    "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Thursday.\n"
)


def geokg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "geokg", *args], cwd=ROOT, capture_output=True, text=True, timeout=300,
    )


def test_evaluate_facts_prints_recall_per_root_and_the_missed_facts(tmp_path: Path) -> None:
    (tmp_path / "01-meet.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "key_facts.tsv").write_text(
        HEADER
        + "01-meet.md\tCHN\tRUS\t04\tyes\tPutin met Xi\tmeeting\n"
        + "01-meet.md\tRUS\tCHN\t19\tno\tnot in the text\tnever recovered\n",
        encoding="utf-8",
    )
    result = geokg("evaluate-facts", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "key facts recovered: 1/2 = 0.500" in result.stdout
    assert "  04    1/1" in result.stdout and "  19    0/1" in result.stdout
    assert "missed (1):\n  01-meet.md  RUS -19-> CHN: not in the text" in result.stdout


def test_evaluate_facts_fails_on_a_malformed_row_naming_the_line(tmp_path: Path) -> None:
    (tmp_path / "01-meet.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "key_facts.tsv").write_text(HEADER + "01-meet.md\tCHN\tRUS\t04\tmaybe\tx\t\n", encoding="utf-8")
    result = geokg("evaluate-facts", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"geokg: error: {tmp_path / 'key_facts.tsv'}:2: reciprocal 'maybe' is not yes or no"
    )
