"""`make notebooks` as a newcomer runs it: the pinned JupyterLab installed into .venv, the store
built when missing, and a JupyterLab server on 127.0.0.1 that answers with the printed token.

The install step is the real one (pip, from requirements-notebooks.txt; a no-op once its stamp
is newer than the pins). The server is started through the target itself, on a free port and
on a store that already exists, and stopped by SIGTERM; every wait is on the server's answer.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import tomllib
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest

from graph.neo4j_server import free_port, port_is_free

ROOT = Path(__file__).resolve().parents[2]
VENV = ROOT / ".venv"
T = TypeVar("T")
URL_LINE = re.compile(r"^JupyterLab on notebooks/: (http://127\.0\.0\.1:(\d+)/lab\?token=([0-9a-f]+))", re.MULTILINE)

pytestmark = pytest.mark.skipif(shutil.which("make") is None or Path(sys.prefix) != VENV.resolve(),
                                reason="needs make and the project's .venv (make install)")


def pinned_jupyterlab() -> str:
    extra = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    (pin,) = extra["notebooks"]
    return str(pin)


def test_the_extra_and_the_pins_agree() -> None:
    pin = pinned_jupyterlab()
    assert re.fullmatch(r"jupyterlab==\d+\.\d+\.\d+", pin)
    lines = (ROOT / "requirements-notebooks.txt").read_text(encoding="utf-8").splitlines()
    requirements = [line for line in lines if line and not line.startswith("#")]
    assert requirements[0] == "-c requirements.txt"  # resolved against the project's own pins
    assert pin in requirements
    assert all(re.fullmatch(r"[A-Za-z0-9_.\-]+==[0-9][^ ]*", line) for line in requirements[1:]), requirements


def test_store_is_built_from_the_examples_only_when_missing(tmp_path: Path) -> None:
    missing = tmp_path / "missing.sqlite"
    present = tmp_path / "present.sqlite"
    present.write_bytes(b"")
    dry = ["make", "-n", "-s", "notebooks"]
    plan = subprocess.run([*dry, f"NOTEBOOKS_DB={missing}"], cwd=ROOT, capture_output=True, text=True, check=True)
    ingest = f".venv/bin/geokg ingest examples/articles --db {missing} --ledger {tmp_path / 'missing.ledger.sqlite'}"
    assert ingest in plan.stdout.splitlines()
    plan = subprocess.run([*dry, f"NOTEBOOKS_DB={present}"], cwd=ROOT, capture_output=True, text=True, check=True)
    assert "geokg ingest" not in plan.stdout


@pytest.fixture
def notebooks_server(tmp_path: Path, small_graph_sqlite: Path) -> Iterator[tuple[subprocess.Popen[str], list[str]]]:
    """`make notebooks` on a free port and an existing store; SIGTERM to its process group at the end."""
    store = tmp_path / "notebooks.sqlite"
    shutil.copyfile(small_graph_sqlite, store)
    port = free_port()
    process = subprocess.Popen(
        ["make", "notebooks", f"NOTEBOOKS_PORT={port}", f"NOTEBOOKS_DB={store}"], cwd=ROOT,
        env={**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime")},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    lines: list[str] = []
    output = process.stdout
    assert output is not None
    reader = threading.Thread(target=lambda: lines.extend(iter(output.readline, "")), daemon=True)
    reader.start()
    try:
        yield process, lines
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=60)
        reader.join(timeout=10)


def _wait(condition: Callable[[], T | None], what: str, timeout: float, process: subprocess.Popen[str],
          lines: list[str], while_running: bool = True) -> T:
    """The first truthy value of ``condition()``; fails with the target's output on timeout (or, with
    ``while_running``, as soon as make has exited)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        if while_running and process.poll() is not None:
            break
        time.sleep(0.2)
    pytest.fail(f"{what} (make exited {process.poll()}):\n{''.join(lines)[-3000:]}")


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except OSError:
        return 0, ""


def test_make_notebooks_installs_jupyterlab_and_serves_on_loopback(
    notebooks_server: tuple[subprocess.Popen[str], list[str]]
) -> None:
    process, lines = notebooks_server
    # the install step ran (or its stamp was newer than the pins): the pinned JupyterLab is in .venv
    printed = _wait(lambda: URL_LINE.search("".join(lines)), "make notebooks printed no URL", 900, process, lines)
    version = subprocess.run([str(VENV / "bin" / "jupyter-lab"), "--version"], capture_output=True, text=True,
                             check=True).stdout.strip()
    assert f"jupyterlab=={version}" == pinned_jupyterlab()

    url, port, token = printed.group(1), int(printed.group(2)), printed.group(3)
    api = f"http://127.0.0.1:{port}/api"
    _wait(lambda: _get(f"{api}/status?token={token}")[0] == 200, "JupyterLab did not answer", 180, process, lines)
    assert _get(f"{api}/status")[0] == 403  # nothing without the printed token
    status, body = _get(f"{api}/contents?token={token}")
    assert status == 200
    assert {"01-quickstart.ipynb", "02-dyad-over-time.ipynb", "03-network.ipynb"} <= {
        item["name"] for item in json.loads(body)["content"]}  # served from notebooks/
    assert _get(url)[0] == 200  # the printed address opens JupyterLab

    os.killpg(process.pid, signal.SIGTERM)
    assert process.wait(timeout=60) is not None
    _wait(lambda: port_is_free(port), "the port stayed busy after SIGTERM", 30, process, lines, while_running=False)
