"""`geokg ingest --sources FILE --once` as cron and a person run it: JSON lines on a pipe, a
progress bar and plain messages on a terminal (a real pseudo-terminal)."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import select
import shutil
import socket
import struct
import subprocess
import sys
import termios
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ("2024-07-05-orban-visits-moscow", "2023-03-21-xi-visits-moscow")


def sources_file(folder: Path) -> Path:
    """A folder of two example articles, and a feed on a port where nothing listens."""
    (folder / "incoming").mkdir()
    for name in EXAMPLES:
        shutil.copy(ROOT / "examples" / "articles" / f"{name}.md", folder / "incoming")
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    path = folder / "sources.toml"
    path.write_text(f'[[source]]\nname = "drop"\nkind = "folder"\npath = "incoming"\nevery = "1h"\n\n'
                    f'[[source]]\nname = "gone"\nkind = "rss"\nurl = "http://127.0.0.1:{port}/rss.xml"\n'
                    'every = "1h"\n', encoding="utf-8")
    return path


def once(folder: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "geokg", "ingest", "--sources", str(folder / "sources.toml"), "--once",
            "--db", str(folder / "graph.sqlite"), "--ledger", str(folder / "ledger.sqlite"),
            "--state", str(folder / "state.sqlite"), *extra]


def run_on_terminal(command: list[str]) -> tuple[int, str, str]:
    """Run with stderr on a pseudo-terminal; (exit status, stdout, what the terminal showed)."""
    main, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))  # 40 rows, 120 columns
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=secondary)
    os.close(secondary)
    shown = bytearray()
    while True:
        ready, _, _ = select.select([main], [], [], 300)
        if not ready:
            break
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the terminal closed: the process has exited
            break
        if not chunk:
            break
        shown += chunk
    os.close(main)
    out = process.stdout.read().decode() if process.stdout else ""
    return process.wait(timeout=60), out, shown.decode(errors="replace")


def test_json_lines_when_not_on_a_terminal(tmp_path: Path) -> None:
    sources_file(tmp_path)
    done = subprocess.run(once(tmp_path, "--report", "json"), cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 1  # a source failed
    report = json.loads(done.stdout)
    assert (report["sources_ok"], list(report["sources_failed"])) == (["drop"], ["gone"])
    assert (report["articles_new"], report["articles_near_duplicate"], report["articles_failed"]) == (2, 0, 0)
    events = [json.loads(line) for line in done.stderr.splitlines()]  # every line is JSON
    assert [e["event"] for e in events] == ["source_ok", "source_failed", "pass_finished"]
    assert events[1]["source"] == "gone" and "ConnectionError" in events[1]["error"] and events[1]["failures"] == 1
    assert events[0]["time"].endswith("+00:00") and events[2]["articles_new"] == 2


def test_progress_bar_and_plain_messages_on_a_terminal(tmp_path: Path) -> None:
    sources_file(tmp_path)
    status, out, shown = run_on_terminal(once(tmp_path))
    assert status == 1
    assert "\r0article [" in shown and "\r2article [" in shown  # tqdm's bar, counting articles
    assert "geokg: error: source gone: http://127.0.0.1:" in shown and '"event"' not in shown
    assert out.startswith("sources ok 1, failed 1, waiting 0; articles new 2, duplicate 0, near-duplicate 0")


def test_ingest_needs_inputs_or_sources_once(tmp_path: Path) -> None:
    sources = sources_file(tmp_path)
    for args, message in (([], "give INPUTs to ingest, or --sources FILE --once"),
                          (["--sources", str(sources)], "use --sources FILE --once without INPUTs"),
                          (["--sources", str(sources), "--once", "x.md"], "use --sources FILE --once without INPUTs")):
        done = subprocess.run([sys.executable, "-m", "geokg", "ingest", *args], cwd=ROOT, capture_output=True,
                              text=True, timeout=120)
        assert (done.returncode, done.stderr.strip()) == (2, f"geokg: error: {message} (or `geokg schedule run`)"
                                                          if "--sources" in args else f"geokg: error: {message}")
