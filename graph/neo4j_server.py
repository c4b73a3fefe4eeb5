"""A local Neo4j 5.26 LTS Community server assembled from Maven Central jars.

``install`` copies the jars pinned by ``tools/neo4j/pom.xml`` (server, Neo4j Browser, APOC core)
into a NEO4J_HOME with Maven; ``start`` launches ``org.neo4j.server.CommunityEntryPoint`` as a
detached process bound to 127.0.0.1 and waits until Bolt answers ``RETURN 1``; ``stop`` sends
SIGTERM and waits; ``status`` tells whether it runs. Command line (POSIX only)::

    python -m graph.neo4j_server start [--home .neo4j] [--bolt-port 7687] [--http-port 7474]
    python -m graph.neo4j_server status|stop [--home .neo4j]

Exit codes: 0 done (``status``: the server runs), 1 an error (one line on stderr), and
``NOT_RUNNING_EXIT`` (3, as LSB init scripts say "not running") when ``status`` finds no server.

Needs Java 17 (or 21) and Maven on PATH (``JAVA_HOME`` is honoured). The password is set before
the first start of a home only (``--password``, else ``$NEO4J_PASSWORD``, else
``DEFAULT_PASSWORD``, a development default); the user is always ``neo4j``.

Only the standard library is imported; the ``neo4j`` driver is imported lazily by ``start``.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import hashlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

DEFAULT_PASSWORD = "geokg-dev-password"
"""Development default for the ``neo4j`` user: local only, never for a shared server."""
DEFAULT_BOLT_PORT = 7687
DEFAULT_HTTP_PORT = 7474
DEFAULT_HEAP = "512m"
DEFAULT_PAGECACHE = "256m"
DEFAULT_STARTUP_TIMEOUT = 120.0
DEFAULT_STOP_TIMEOUT = 60.0
HOME_ENV = "GEOKG_NEO4J_HOME"
PASSWORD_ENV = "NEO4J_PASSWORD"
USER = "neo4j"
NOT_RUNNING_EXIT = 3
"""Exit code of ``status`` when no server runs (LSB's "program is not running")."""
HOST = "127.0.0.1"

SERVER_MAIN_CLASS = "org.neo4j.server.CommunityEntryPoint"
ADMIN_MAIN_CLASS = "org.neo4j.cli.AdminTool"
DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1"
DEFAULT_POM = Path(__file__).resolve().parent.parent / "tools" / "neo4j" / "pom.xml"

_MARKER = ".geokg-install.json"
_LOCK = ".geokg-install.lock"
_PID_FILE = Path("run") / "geokg-neo4j.pid"
_LOG_FILE = Path("logs") / "console.log"
_CONF_FILE = Path("conf") / "neo4j.conf"
_EXTRA_CONF_FILE = Path("conf") / "extra.conf"
_APOC_PREFIX = "org.neo4j.procedure.apoc-"
_MEMORY_RE = re.compile(r"^[1-9][0-9]*[kKmMgG]$")
_POM_NS = {"m": "http://maven.apache.org/POM/4.0.0"}

_JVM_OPTIONS = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-XX:+ExitOnOutOfMemoryError",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
)


class Neo4jServerError(RuntimeError):
    """Anything that prevents installing, starting or stopping the server."""


class AlreadyRunningError(Neo4jServerError):
    """``start`` was called on a home whose server is already running."""


@dataclass(frozen=True)
class PinnedVersions:
    """The versions pinned by the pom."""

    neo4j: str
    browser: str
    apoc: str


@dataclass(frozen=True)
class ServerSettings:
    """How to run the server of one NEO4J_HOME."""

    home: Path
    bolt_port: int = DEFAULT_BOLT_PORT
    http_port: int = DEFAULT_HTTP_PORT
    password: str = DEFAULT_PASSWORD
    heap: str = DEFAULT_HEAP
    pagecache: str = DEFAULT_PAGECACHE
    startup_timeout: float = DEFAULT_STARTUP_TIMEOUT


@dataclass(frozen=True)
class ServerInfo:
    """A running server, as returned by ``start``."""

    home: Path
    pid: int
    bolt_uri: str
    http_uri: str
    user: str
    log_file: Path
    startup_seconds: float


@dataclass(frozen=True)
class ServerStatus:
    """What ``status`` found in a home."""

    home: Path
    running: bool
    pid: int | None
    bolt_uri: str | None
    http_uri: str | None


# --------------------------------------------------------------------------------------------
# install


def pinned_versions(pom: Path = DEFAULT_POM) -> PinnedVersions:
    """Read ``neo4j.version``, ``neo4j-browser.version`` and ``apoc.version`` from the pom."""
    try:
        root = ET.parse(pom).getroot()
    except (OSError, ET.ParseError) as exc:
        raise Neo4jServerError(f"cannot read the Neo4j pom {pom}: {exc}") from exc
    neo4j = root.findtext("m:properties/m:neo4j.version", namespaces=_POM_NS)
    browser = root.findtext("m:properties/m:neo4j-browser.version", namespaces=_POM_NS)
    apoc = root.findtext("m:properties/m:apoc.version", namespaces=_POM_NS)
    if not neo4j or not browser or not apoc:
        raise Neo4jServerError(f"{pom} lacks the neo4j.version, neo4j-browser.version or apoc.version property")
    neo4j = neo4j.strip()
    return PinnedVersions(neo4j=neo4j, browser=browser.strip(), apoc=apoc.strip().replace("${neo4j.version}", neo4j))


def install(
    home: Path,
    *,
    jar_cache: Path | None = None,
    pom: Path = DEFAULT_POM,
    progress: Callable[[str], None] | None = None,
) -> None:
    """Assemble a NEO4J_HOME: lib/, plugins/ (APOC core), conf/neo4j.conf, data/, logs/, run/.

    The jars are copied by Maven from the local repository (~/.m2, filled from Maven Central
    when empty). Idempotent: nothing is copied when the home already holds the jars of the same
    pom. With ``jar_cache``, the jars are assembled there (itself a valid NEO4J_HOME) and
    ``home/lib`` and ``home/plugins`` become symlinks to it, so several homes (a fresh database
    per test session) share one set of jars; a later ``install(home)`` keeps using that cache.
    """
    home = home.expanduser().resolve()
    if jar_cache is None and (home / "lib").is_symlink():
        jar_cache = (home / "lib").resolve().parent  # a home that shares the jars of another
    jars_home = (jar_cache or home).expanduser().resolve()
    _assemble_jars(jars_home, pom.resolve(), progress)
    if jars_home != home:
        home.mkdir(parents=True, exist_ok=True)
        for name in ("lib", "plugins"):
            _symlink(home / name, jars_home / name)
    for name in ("conf", "data", "logs", "run", "import", "plugins"):
        (home / name).mkdir(parents=True, exist_ok=True)
    conf = home / _CONF_FILE
    if not conf.exists():
        conf.write_text(_conf_text(ServerSettings(home=home)), encoding="utf-8")


def is_installed(home: Path, pom: Path = DEFAULT_POM) -> bool:
    """True when ``home`` holds the jars of ``pom`` (directly or through symlinks)."""
    home = home.expanduser().resolve()
    marker = (home / "lib").resolve().parent / _MARKER
    return _marker_matches(marker, pom.resolve()) and any((home / "lib").glob("org.neo4j.neo4j-*.jar"))


def _assemble_jars(jars_home: Path, pom: Path, progress: Callable[[str], None] | None) -> None:
    versions = pinned_versions(pom)
    jars_home.mkdir(parents=True, exist_ok=True)
    with _locked(jars_home / _LOCK):
        marker = jars_home / _MARKER
        lib, plugins = jars_home / "lib", jars_home / "plugins"
        if _marker_matches(marker, pom) and any(lib.glob("org.neo4j.neo4j-*.jar")):
            return
        pid = _running_pid(jars_home)
        if pid is not None:
            raise Neo4jServerError(
                f"a Neo4j server (pid {pid}) runs from {jars_home}: stop it before re-assembling its jars"
            )
        mvn = shutil.which("mvn")
        if mvn is None:
            raise Neo4jServerError("mvn not found on PATH: install Maven 3.8+ (e.g. apt-get install maven)")
        if progress is not None:
            progress(f"assembling Neo4j {versions.neo4j} jars into {jars_home} with Maven ...")
        lib_new, plugins_new = jars_home / "lib.partial", jars_home / "plugins.partial"
        for partial in (lib_new, plugins_new):
            shutil.rmtree(partial, ignore_errors=True)
        command = [mvn, *_mvn_args(pom, lib_new, plugins_new)]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            tail = _tail_text(result.stdout + result.stderr, 25)
            raise Neo4jServerError(f"mvn failed (exit {result.returncode}): {' '.join(command)}\n{tail}")
        if not any(lib_new.glob("org.neo4j.neo4j-*.jar")) or not any(plugins_new.glob(_APOC_PREFIX + "core-*.jar")):
            raise Neo4jServerError(f"mvn ran but {lib_new} or {plugins_new} lacks the Neo4j or APOC jars")
        marker.unlink(missing_ok=True)
        # Same jars as before (only the pom's text changed): keep them, servers may run on them.
        if _jar_listing(lib_new) != _jar_listing(lib) or _jar_listing(plugins_new) != _jar_listing(
            plugins, _APOC_PREFIX
        ):
            if lib.is_symlink():
                lib.unlink()
            shutil.rmtree(lib, ignore_errors=True)
            lib_new.rename(lib)
            plugins.mkdir(exist_ok=True)
            for old in plugins.glob(_APOC_PREFIX + "*.jar"):
                old.unlink()
            for new in plugins_new.iterdir():
                new.rename(plugins / new.name)
        for partial in (lib_new, plugins_new):
            shutil.rmtree(partial, ignore_errors=True)
        marker.write_text(
            json.dumps(
                {
                    "neo4j": versions.neo4j,
                    "browser": versions.browser,
                    "apoc": versions.apoc,
                    "pom_sha256": _sha256(pom),
                }
            )
            + "\n",
            encoding="utf-8",
        )


def _mvn_args(pom: Path, lib: Path, plugins: Path) -> list[str]:
    """The Maven arguments that copy the pinned jars (see tools/neo4j/README.md)."""
    return [
        "-B",
        "-q",
        "-f",
        str(pom),
        f"{DEPENDENCY_PLUGIN}:copy-dependencies@lib",
        f"{DEPENDENCY_PLUGIN}:copy-dependencies@plugins",
        f"-Dneo4j.lib.dir={lib}",
        f"-Dneo4j.plugins.dir={plugins}",
    ]


def _jar_listing(folder: Path, prefix: str = "") -> dict[str, int]:
    """Names and sizes of the jars in ``folder`` (starting with ``prefix``)."""
    if not folder.is_dir():
        return {}
    return {jar.name: jar.stat().st_size for jar in folder.glob(prefix + "*.jar")}


def _marker_matches(marker: Path, pom: Path) -> bool:
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    versions = pinned_versions(pom)
    return bool(
        isinstance(data, dict)
        and data.get("neo4j") == versions.neo4j
        and data.get("browser") == versions.browser
        and data.get("pom_sha256") == _sha256(pom)
    )


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _symlink(link: Path, target: Path) -> None:
    if link.is_symlink():
        if link.resolve() == target:
            return
        link.unlink()
    elif link.is_dir():
        shutil.rmtree(link)
    elif link.exists():
        link.unlink()
    link.symlink_to(target, target_is_directory=True)


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


# --------------------------------------------------------------------------------------------
# start / stop / status


def start(settings: ServerSettings) -> ServerInfo:
    """Start the server of an installed home; return once Bolt answers ``RETURN 1`` (and HTTP).

    Raises ``AlreadyRunningError`` when the home's server already runs, and
    ``Neo4jServerError`` (with the tail of the log) when it does not come up.
    """
    home = settings.home.expanduser().resolve()
    _validate(settings)
    if not any((home / "lib").glob("org.neo4j.neo4j-*.jar")):
        raise Neo4jServerError(f"{home} is not an assembled NEO4J_HOME: run install() first")
    running = _running_pid(home)
    if running is not None:
        raise AlreadyRunningError(
            f"Neo4j is already running from {home} (pid {running}) at {_status_of(home, running).bolt_uri}; "
            "stop it first"
        )
    java = find_java()
    for port in (settings.bolt_port, settings.http_port):
        if not port_is_free(port):
            raise Neo4jServerError(f"port {port} on {HOST} is already in use")
    for name in ("conf", "data", "logs", "run", "import", "plugins"):
        (home / name).mkdir(parents=True, exist_ok=True)
    (home / _CONF_FILE).write_text(_conf_text(settings), encoding="utf-8")
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}
    if not (home / "data" / "databases" / "system").exists():
        _set_initial_password(java, home, settings.password, env)

    log_file = home / _LOG_FILE
    command = [
        java,
        f"-Xms{settings.heap}",
        f"-Xmx{settings.heap}",
        *_JVM_OPTIONS,
        "-cp",
        f"{home / 'plugins'}/*:{home / 'lib'}/*",
        SERVER_MAIN_CLASS,
        f"--home-dir={home}",
        f"--config-dir={home / 'conf'}",
        "--console-mode",
    ]
    began = time.monotonic()
    # posix_spawn, not Popen: the server outlives this process (own session, no Popen to reap).
    pid = os.posix_spawn(
        java,
        command,
        env,
        file_actions=[
            (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
            (os.POSIX_SPAWN_OPEN, 1, str(log_file), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
            (os.POSIX_SPAWN_DUP2, 1, 2),
        ],
        setsid=True,
    )
    (home / _PID_FILE).write_text(f"{pid}\n", encoding="utf-8")
    bolt_uri, http_uri = f"bolt://{HOST}:{settings.bolt_port}", f"http://{HOST}:{settings.http_port}"
    deadline = began + settings.startup_timeout
    try:
        _wait_for_bolt(pid, home, bolt_uri, settings.password, deadline, settings.startup_timeout)
        _wait_for_http(pid, home, http_uri, deadline, settings.startup_timeout)
    except BaseException:
        _terminate(pid, home, DEFAULT_STOP_TIMEOUT)
        raise
    return ServerInfo(
        home=home,
        pid=pid,
        bolt_uri=bolt_uri,
        http_uri=http_uri,
        user=USER,
        log_file=log_file,
        startup_seconds=time.monotonic() - began,
    )


def stop(home: Path, timeout: float = DEFAULT_STOP_TIMEOUT) -> bool:
    """SIGTERM the home's server and wait for it to exit. False when none was running.

    A server still alive after ``timeout`` seconds is killed (SIGKILL) and an error is raised.
    """
    home = home.expanduser().resolve()
    pid = _running_pid(home)
    if pid is None:
        return False
    if not _terminate(pid, home, timeout):
        raise Neo4jServerError(f"Neo4j (pid {pid}) did not stop within {timeout:.0f}s after SIGTERM; killed it")
    return True


def status(home: Path) -> ServerStatus:
    """Whether the home's server runs, and the URIs its configuration names."""
    home = home.expanduser().resolve()
    return _status_of(home, _running_pid(home))


def find_java() -> str:
    """The java executable (``$JAVA_HOME/bin/java``, else PATH); must be Java 17 or newer."""
    java_home = os.environ.get("JAVA_HOME")
    java = str(Path(java_home) / "bin" / "java") if java_home else shutil.which("java")
    if java is None or not os.access(java, os.X_OK):
        where = f"JAVA_HOME={java_home}" if java_home else "PATH"
        raise Neo4jServerError(f"java not found ({where}): Neo4j 5.26 needs Java 17 or 21")
    result = subprocess.run([java, "-version"], capture_output=True, text=True, check=False)
    found = re.search(r'version "(\d+)(?:\.(\d+))?', result.stderr + result.stdout)
    if found is None:
        raise Neo4jServerError(f"cannot tell the version of {java}: {_tail_text(result.stderr, 1)}")
    major = int(found.group(1))
    if major == 1 and found.group(2):
        major = int(found.group(2))
    if major < 17:
        raise Neo4jServerError(f"{java} is Java {major}: Neo4j 5.26 needs Java 17 or 21")
    return str(Path(java).resolve())


def port_is_free(port: int, host: str = HOST) -> bool:
    """True when nothing listens on host:port (TIME_WAIT leftovers do not count)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def free_port(host: str = HOST) -> int:
    """A TCP port that is free now (for tests)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        port: int = sock.getsockname()[1]
    return port


def _validate(settings: ServerSettings) -> None:
    for name, port in (("bolt", settings.bolt_port), ("http", settings.http_port)):
        if not 0 < port < 65536:
            raise Neo4jServerError(f"invalid {name} port {port}")
    if settings.bolt_port == settings.http_port:
        raise Neo4jServerError(f"the Bolt and HTTP ports must differ (both {settings.bolt_port})")
    if len(settings.password) < 8:
        raise Neo4jServerError("the Neo4j password must have at least 8 characters")
    for name, size in (("heap", settings.heap), ("pagecache", settings.pagecache)):
        if not _MEMORY_RE.match(size):
            raise Neo4jServerError(f"invalid {name} size {size!r}: use e.g. 512m or 2g")


def _conf_text(settings: ServerSettings) -> str:
    lines = [
        "# Written by graph/neo4j_server.py at every start: put your own settings in conf/extra.conf.",
        f"server.default_listen_address={HOST}",
        f"server.default_advertised_address={HOST}",
        "server.bolt.enabled=true",
        f"server.bolt.listen_address={HOST}:{settings.bolt_port}",
        f"server.bolt.advertised_address={HOST}:{settings.bolt_port}",
        "server.http.enabled=true",
        f"server.http.listen_address={HOST}:{settings.http_port}",
        f"server.http.advertised_address={HOST}:{settings.http_port}",
        "server.https.enabled=false",
        "dbms.security.auth_enabled=true",
        f"server.memory.heap.initial_size={settings.heap}",
        f"server.memory.heap.max_size={settings.heap}",
        f"server.memory.pagecache.size={settings.pagecache}",
        "dbms.usage_report.enabled=false",
        "# Neo4j Browser neither sends product-usage data nor opens its banner asking about it.",
        "client.allow_telemetry=false",
        "db.tx_log.rotation.retention_policy=false",
        "dbms.security.procedures.unrestricted=apoc.*",
        "# Bolt waits 5 s twice for Netty to go quiet on shutdown; the databases are closed by then.",
        "internal.dbms.bolt.netty_server_shutdown_quiet_period=0",
    ]
    extra = settings.home / _EXTRA_CONF_FILE
    if extra.exists():
        lines += ["", "# conf/extra.conf", extra.read_text(encoding="utf-8").rstrip()]
    return "\n".join(lines) + "\n"


def _set_initial_password(java: str, home: Path, password: str, env: dict[str, str]) -> None:
    command = [java, "-cp", f"{home / 'lib'}/*", ADMIN_MAIN_CLASS, "dbms", "set-initial-password", password]
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        raise Neo4jServerError(
            f"neo4j-admin dbms set-initial-password failed (exit {result.returncode}): "
            f"{_tail_text(result.stdout + result.stderr, 5)}"
        )


def import_csv(home: Path, nodes: Sequence[Path], relationships: Sequence[Path], database: str = "neo4j") -> str:
    """Offline bulk import of CSV files (``neo4j-admin database import full``) into the database of
    a stopped server's home, replacing it; returns the importer's report."""
    if _running_pid(home) is not None:
        raise Neo4jServerError(f"{home}: stop the server before an offline import")
    java = find_java()
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}
    command = [
        java, "-cp", f"{home / 'lib'}/*", ADMIN_MAIN_CLASS, "database", "import", "full", database,
        "--overwrite-destination=true",
        f"--report-file={home / 'logs' / 'import.report'}",
        *(f"--nodes={path}" for path in nodes),
        *(f"--relationships={path}" for path in relationships),
    ]
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        raise Neo4jServerError(
            f"neo4j-admin database import failed (exit {result.returncode}): "
            f"{_tail_text(result.stdout + result.stderr, 8)}"
        )
    return result.stdout


def _wait_for_bolt(pid: int, home: Path, uri: str, password: str, deadline: float, timeout: float) -> None:
    try:
        from neo4j import GraphDatabase
        from neo4j.exceptions import AuthError, ServiceUnavailable, SessionExpired, TransientError
    except ImportError as exc:
        raise Neo4jServerError("the neo4j Python driver is required: pip install neo4j==6.4.1") from exc
    last = "no attempt"
    while True:
        if not _is_server_process(pid, home):
            raise Neo4jServerError(
                f"Neo4j exited during startup; tail of {home / _LOG_FILE}:\n{_tail_file(home / _LOG_FILE)}"
            )
        try:
            with (
                GraphDatabase.driver(uri, auth=(USER, password), connection_timeout=2.0) as driver,
                driver.session(database="neo4j") as session,
            ):
                record = session.run("RETURN 1 AS ready").single()
                if record is not None and record["ready"] == 1:
                    return
        except AuthError as exc:
            raise Neo4jServerError(
                f"Neo4j at {uri} refused the password ({exc.message}); a home keeps the password of its "
                "first start: use that one, or a new home"
            ) from exc
        except (ServiceUnavailable, SessionExpired, TransientError, OSError) as exc:
            last = f"{type(exc).__name__}: {exc}"
        if time.monotonic() >= deadline:
            raise Neo4jServerError(
                f"Neo4j did not answer RETURN 1 on {uri} within {timeout:.0f}s (last error: {last}); "
                f"tail of {home / _LOG_FILE}:\n{_tail_file(home / _LOG_FILE)}"
            )
        time.sleep(0.25)


def _wait_for_http(pid: int, home: Path, uri: str, deadline: float, timeout: float) -> None:
    """The HTTP connector (Browser) comes up a moment after Bolt: wait for its discovery page."""
    last = "no attempt"
    while True:
        if not _is_server_process(pid, home):
            raise Neo4jServerError(
                f"Neo4j exited during startup; tail of {home / _LOG_FILE}:\n{_tail_file(home / _LOG_FILE)}"
            )
        try:
            with urllib.request.urlopen(f"{uri}/", timeout=2.0) as response:
                if response.status == 200:
                    return
                last = f"HTTP {response.status}"
        except OSError as exc:
            last = f"{type(exc).__name__}: {exc}"
        if time.monotonic() >= deadline:
            raise Neo4jServerError(
                f"Neo4j HTTP did not answer on {uri} within {timeout:.0f}s (last error: {last}); "
                f"tail of {home / _LOG_FILE}:\n{_tail_file(home / _LOG_FILE)}"
            )
        time.sleep(0.1)


def _terminate(pid: int, home: Path, timeout: float) -> bool:
    """SIGTERM, wait up to ``timeout``; SIGKILL after that. True when it stopped on SIGTERM."""
    pid_file = home / _PID_FILE
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while _is_server_process(pid, home):
        if time.monotonic() >= deadline:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            kill_deadline = time.monotonic() + 10.0
            while _is_server_process(pid, home) and time.monotonic() < kill_deadline:
                time.sleep(0.1)
            pid_file.unlink(missing_ok=True)
            return False
        time.sleep(0.1)
    pid_file.unlink(missing_ok=True)
    return True


def _running_pid(home: Path) -> int | None:
    pid_file = home / _PID_FILE
    try:
        pid = int(pid_file.read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        return None
    if _is_server_process(pid, home):
        return pid
    pid_file.unlink(missing_ok=True)
    return None


def _is_server_process(pid: int, home: Path) -> bool:
    """True when ``pid`` is alive and is the server of ``home`` (reaps it if it is our child)."""
    try:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done == pid:
            return False
    except ChildProcessError:
        pass
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, PermissionError):
        return False
    proc = Path("/proc") / str(pid)
    if not proc.exists():  # no procfs (macOS): trust the pid
        return True
    try:
        stat = (proc / "stat").read_text(encoding="utf-8")
        cmdline = (proc / "cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    if stat.rpartition(")")[2].split()[:1] == ["Z"]:
        return False
    if cmdline == [b""]:  # empty while the process is in execve (just spawned): cannot tell
        return True
    return SERVER_MAIN_CLASS.encode() in cmdline and f"--home-dir={home}".encode() in cmdline


def _status_of(home: Path, pid: int | None) -> ServerStatus:
    bolt_uri = http_uri = None
    conf = _read_conf(home / _CONF_FILE)
    if "server.bolt.listen_address" in conf:
        bolt_uri = f"bolt://{conf['server.bolt.listen_address']}"
    if "server.http.listen_address" in conf:
        http_uri = f"http://{conf['server.http.listen_address']}"
    return ServerStatus(home=home, running=pid is not None, pid=pid, bolt_uri=bolt_uri, http_uri=http_uri)


def _read_conf(conf: Path) -> dict[str, str]:
    values: dict[str, str] = {}
    try:
        text = conf.read_text(encoding="utf-8")
    except OSError:
        return values
    for line in text.splitlines():
        key, sep, value = line.partition("=")
        if sep and not key.lstrip().startswith("#"):
            values[key.strip()] = value.strip()
    return values


def _tail_file(path: Path, lines: int = 30) -> str:
    try:
        return _tail_text(path.read_text(encoding="utf-8", errors="replace"), lines)
    except OSError as exc:
        return f"(cannot read {path}: {exc})"


def _tail_text(text: str, lines: int) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


# --------------------------------------------------------------------------------------------
# command line


def main(argv: list[str], prog: str = "python -m graph.neo4j_server") -> int:
    """``start|stop|status``; returns the exit code: 0, or 1 on an error (one line on stderr), or
    ``NOT_RUNNING_EXIT`` when ``status`` finds no server running."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--home",
        type=Path,
        default=Path(os.environ.get(HOME_ENV) or Path.cwd() / ".neo4j"),
        help=f"the NEO4J_HOME (default: ${HOME_ENV}, else ./.neo4j)",
    )
    parser = argparse.ArgumentParser(
        prog=prog, description="Run a local Neo4j 5.26 Community server."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    start_parser = commands.add_parser(
        "start", parents=[common], help="install if needed, start, print the URIs, leave it running"
    )
    start_parser.add_argument("--bolt-port", type=int, default=DEFAULT_BOLT_PORT)
    start_parser.add_argument("--http-port", type=int, default=DEFAULT_HTTP_PORT)
    start_parser.add_argument(
        "--password",
        default=os.environ.get(PASSWORD_ENV) or DEFAULT_PASSWORD,
        help=f"set before the first start only (default: ${PASSWORD_ENV}, else {DEFAULT_PASSWORD!r})",
    )
    start_parser.add_argument("--heap", default=DEFAULT_HEAP, help=f"JVM heap (default {DEFAULT_HEAP})")
    start_parser.add_argument(
        "--pagecache", default=DEFAULT_PAGECACHE, help=f"page cache (default {DEFAULT_PAGECACHE})"
    )
    start_parser.add_argument("--timeout", type=float, default=DEFAULT_STARTUP_TIMEOUT, help="seconds to wait")
    commands.add_parser("stop", parents=[common], help="SIGTERM the server and wait for it to exit")
    commands.add_parser(
        "status", parents=[common],
        help=f"say whether the server runs, and where (exit 0 when it runs, {NOT_RUNNING_EXIT} when it does not)",
    )
    args = parser.parse_args(argv)
    home: Path = args.home
    try:
        if args.command == "start":
            install(home, progress=lambda message: print(message, file=sys.stderr))
            info = start(
                ServerSettings(
                    home=home,
                    bolt_port=args.bolt_port,
                    http_port=args.http_port,
                    password=args.password,
                    heap=args.heap,
                    pagecache=args.pagecache,
                    startup_timeout=args.timeout,
                )
            )
            print(
                f"Neo4j running (pid {info.pid}, ready in {info.startup_seconds:.1f}s): {info.bolt_uri} "
                f"user {info.user}; Browser {info.http_uri}/browser/; log {info.log_file}"
            )
        elif args.command == "stop":
            print(f"Neo4j stopped ({home})" if stop(home) else f"Neo4j was not running ({home})")
        else:
            state = status(home)
            if state.running:
                print(f"running (pid {state.pid}): {state.bolt_uri} {state.http_uri}")
            else:
                print(f"not running ({state.home})")
                return NOT_RUNNING_EXIT
    except Neo4jServerError as exc:
        print(f"neo4j_server: error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
