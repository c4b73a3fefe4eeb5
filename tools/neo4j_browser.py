"""Neo4j Browser driven in headless Chromium (Debian's chromium and chromium-driver), as an analyst
uses it: log in, set a parameter with ``:param``, paste the style sheet after ``:style``, run a
query and look at its graph. Shared by the end-to-end test (tests/graph/test_browser_e2e.py) and
the README screenshot (tools/browser_screenshot.py).

Every step waits on the state it needs, never on a fixed delay nor on text that was on the page
before the step: each command is run into a frame of its own (a ``[data-testid="frame"]`` that
did not exist before), and the step waits on that frame's result, failing with the Browser's own
error message when the frame shows one.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
TIMEOUT = 90.0
"""Seconds any one step may take: generous, since CI shares two cores with the Neo4j server."""
POLL = 0.2

# without the background-networking flags Chromium keeps calling hosts this closed network refuses
_FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
          "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--hide-scrollbars")
_FRAME = '[data-testid="frame"]'
_EDITOR = '[data-testid="activeEditor"]'
_USAGE_BANNER_TEXT = "we collect information on product usage"

T = TypeVar("T")


class BrowserError(RuntimeError):
    """A step in Neo4j Browser did not reach the state it waited for."""


def chromium_available() -> bool:
    """True when Debian's chromium and chromium-driver are installed."""
    return CHROMIUM.exists() and CHROMEDRIVER.exists()


@contextmanager
def headless_chromium(profile: Path, width: int = 1600, height: int = 1000) -> Iterator[WebDriver]:
    """A headless Chromium with its own profile folder, quit on exit."""
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*_FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def wait_until(condition: Callable[[], T | None], what: str, timeout: float = TIMEOUT) -> T:
    """The first truthy value of ``condition()``, polled until ``timeout``; else ``BrowserError``
    naming ``what`` was awaited. A ``BrowserError`` raised by the condition ends the wait at once;
    an element the page redrew while it was read counts as "not yet"."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = condition()
        except StaleElementReferenceException:
            value = None
        if value:
            return value
        if time.monotonic() >= deadline:
            raise BrowserError(f"timed out after {timeout:.0f}s waiting for {what}")
        time.sleep(POLL)


@dataclass(frozen=True)
class DrawnNode:
    """A node of the graph view: its caption (lines joined by spaces), fill colours and position."""

    caption: str
    fills: frozenset[str]
    x: float
    y: float


@dataclass(frozen=True)
class DrawnRelationship:
    """A relationship of the graph view: its caption and the fill colours of its arrow."""

    caption: str
    fills: frozenset[str]


@dataclass(frozen=True)
class DrawnGraph:
    """What a frame's graph view shows, read in one step."""

    nodes: tuple[DrawnNode, ...]
    relationships: tuple[DrawnRelationship, ...]

    def captions(self) -> set[str]:
        return {node.caption for node in self.nodes}

    def node(self, caption: str) -> DrawnNode:
        for node in self.nodes:
            if node.caption == caption:
                return node
        raise KeyError(caption)


# One script reads the whole graph view, so no element goes stale between reads while it redraws.
_READ_GRAPH = """
const frame = arguments[0];
const text = g => Array.from(g.querySelectorAll('text')).map(t => t.textContent).join(' ').split(/\\s+/)
  .filter(w => w).join(' ');
const fills = (g, tag) => Array.from(g.querySelectorAll(tag)).map(e => e.getAttribute('fill')).filter(f => f);
const nodes = Array.from(frame.querySelectorAll('svg g.node')).map(g => {
  const box = g.getBoundingClientRect();
  return {caption: text(g), fills: fills(g, 'circle'), x: box.x + box.width / 2, y: box.y + box.height / 2};
});
const relationships = Array.from(frame.querySelectorAll('svg g.relationship')).map(
  g => ({caption: text(g), fills: fills(g, 'path')}));
return {nodes: nodes, relationships: relationships};
"""


@dataclass(frozen=True)
class Neo4jBrowser:
    """The Neo4j Browser served by a Neo4j server at ``origin`` (``http://127.0.0.1:7474``)."""

    driver: WebDriver
    origin: str

    def connect(self, user: str, password: str, bolt_address: str | None = None) -> None:
        """Open the Browser, log in, and wait for its 'connected' frame; dismiss the usage-data banner."""
        self.driver.get(f"{self.origin}/browser/")
        # a profile that kept the credentials of an earlier run connects by itself
        wait_until(lambda: self._connected() or self._login_form(), "the Browser's login form")
        if not self._connected():
            address = self._by_test_id("boltaddress").get_attribute("value") or ""
            if bolt_address is not None and bolt_address not in address:
                raise BrowserError(f"the login form offers {address!r}, not {bolt_address}")
            self._by_test_id("username").send_keys(user)
            self._by_test_id("password").send_keys(password)
            self._by_test_id("connect").click()
        try:
            wait_until(self._connected, "the Browser to connect")
        except BrowserError as exc:
            shown = " | ".join(" ".join(frame.text.split())[:300] for frame in self._frames())
            raise BrowserError(f"{exc}; the Browser shows: {shown}") from exc
        self.dismiss_usage_banner()
        self.driver.execute_cdp_cmd(
            "Browser.grantPermissions",
            {"origin": self.origin, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})

    def usage_banner(self) -> list[WebElement]:
        """The banner about product-usage data, if the Browser shows it."""
        path = f"//div[span[contains(., '{_USAGE_BANNER_TEXT}')]]"
        return self.driver.find_elements(By.XPATH, path)

    def dismiss_usage_banner(self) -> None:
        """Close the usage-data banner if it is open (a server with ``client.allow_telemetry=false``,
        as graph/neo4j_server.py writes, never opens it; on another server it opens on connecting and
        stays above the frames, out of a frame's screenshot)."""
        for banner in self.usage_banner():
            banner.find_elements(By.CSS_SELECTOR, "span")[-1].click()
        wait_until(lambda: not self.usage_banner(), "the usage-data banner to close", timeout=10)

    def run(self, command: str) -> WebElement:
        """Put ``command`` in the editor (through the clipboard), run it, and return its new frame."""
        before = {frame.id for frame in self.driver.find_elements(By.CSS_SELECTOR, _FRAME)}
        wait_until(lambda: not self.editor_text(), "an empty editor", timeout=20)
        copied = self.driver.execute_async_script(
            "const done = arguments[1];"
            "navigator.clipboard.writeText(arguments[0]).then(() => done('copied'), e => done(String(e)));",
            command)
        if copied != "copied":
            raise BrowserError(f"cannot write to the clipboard: {copied}")
        self.driver.find_element(By.CSS_SELECTOR, f"{_EDITOR} textarea").send_keys(Keys.CONTROL, "v")
        wanted = _compact(command)

        def pasted() -> bool:  # a long command shows only its last lines: the editor scrolls to the cursor
            shown = _compact(self.editor_text())
            return bool(shown) and wanted.endswith(shown)

        wait_until(pasted, f"the editor to show {command[:60]!r}", timeout=20)
        self._by_test_id("editor-Run").click()

        def new_frame() -> WebElement | None:
            for frame in self.driver.find_elements(By.CSS_SELECTOR, _FRAME):
                if frame.id not in before and _compact(self._frame_command(frame)) == wanted:
                    return frame
            return None

        return wait_until(new_frame, f"the frame of {command[:60]!r}")

    def set_parameter(self, name: str, value: int | float | str | bool) -> None:
        """``:param name => value``, then wait until ``:params`` lists the parameter with that value."""
        literal = json.dumps(value, ensure_ascii=False)
        frame = self.run(f":param {name} => {literal}")
        wait_until(lambda: self._parameters(frame).get(name) == value, f"the :param frame to set {name}")
        listing = self.run(":params")
        wait_until(lambda: self._parameters(listing).get(name) == value, f":params to list {name} = {literal}")

    def apply_style(self, sheet: str) -> None:
        """``:style`` followed by the sheet (pasted, as a person would); wait until the Browser shows
        the sheet as it parsed it, or fail with its parse error."""
        last_line = parsed_style_marker(sheet)
        frame = self.run(f":style {sheet}")

        def parsed() -> bool:
            text = frame.text
            if "InvalidGrassError" in text:
                raise BrowserError(f"Neo4j Browser could not parse the style sheet: {text[:300]}")
            return last_line in text

        wait_until(parsed, "the Browser to show the parsed style sheet")

    def draw(self, cypher: str, must_show: set[str]) -> tuple[WebElement, DrawnGraph]:
        """Run a query whose result is a graph; wait until nodes captioned ``must_show`` are drawn
        and the layout has come to rest. Raises with the Browser's message when the query fails."""
        frame = self.run(cypher)

        def drawn() -> DrawnGraph | None:
            error = self.frame_error(frame)
            if error:
                raise BrowserError(f"the query failed in the Browser: {error}")
            graph = self.read_graph(frame)
            return graph if must_show <= graph.captions() else None

        wait_until(drawn, f"the graph of nodes {sorted(must_show)}")
        return frame, self.settled(frame)

    def settled(self, frame: WebElement, still_for: float = 1.0) -> DrawnGraph:
        """The frame's graph once no node has moved (by half a pixel) for ``still_for`` seconds."""
        last: list[DrawnGraph] = [self.read_graph(frame)]
        still_since = [time.monotonic()]

        def at_rest() -> DrawnGraph | None:
            now = self.read_graph(frame)
            if not _same_layout(now, last[0]):
                last[0], still_since[0] = now, time.monotonic()
                return None
            return now if time.monotonic() - still_since[0] >= still_for else None

        return wait_until(at_rest, "the graph layout to come to rest")

    def read_graph(self, frame: WebElement) -> DrawnGraph:
        data = self.driver.execute_script(_READ_GRAPH, frame)
        nodes = tuple(DrawnNode(n["caption"], frozenset(n["fills"]), float(n["x"]), float(n["y"]))
                      for n in data["nodes"])
        relationships = tuple(DrawnRelationship(r["caption"], frozenset(r["fills"])) for r in data["relationships"])
        return DrawnGraph(nodes, relationships)

    def frame_error(self, frame: WebElement) -> str:
        """The error a Cypher frame shows (e.g. ``Neo.ClientError.Statement.ParameterMissing ...``), or ''."""
        messages = frame.find_elements(By.CSS_SELECTOR, '[data-testid="cypherFrameErrorMessage"]')
        if not messages:
            return ""
        codes = frame.find_elements(By.CSS_SELECTOR, '[data-testid="frame-loaded-contents"] h4')
        return " ".join(" ".join(element.text.split()) for element in (*codes, *messages))

    def editor_text(self) -> str:
        """The lines the editor shows, top to bottom, read in one step (the editor redraws its lines as
        it goes, and places each one by its ``top`` whatever its order in the page)."""
        text = self.driver.execute_script(
            f"return Array.from(document.querySelectorAll('{_EDITOR} .view-line'))"
            ".sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))"
            ".map(line => line.textContent).join('\\n');")
        return str(text).replace("\u00a0", " ").strip()

    def _parameters(self, frame: WebElement) -> dict[str, object]:
        """The parameters a ``:param``/``:params`` frame shows (its JSON), or {} while it has none."""
        shown = frame.find_elements(By.CSS_SELECTOR, '[data-testid="rawParamData"]')
        if not shown:
            return {}
        try:
            data = json.loads(shown[0].text)
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}

    def _frame_command(self, frame: WebElement) -> str:
        labels = frame.find_elements(By.CSS_SELECTOR, '[data-testid="frameCommand"]')
        return labels[0].text if labels else ""

    def _connected(self) -> bool:
        return any("You are connected as user" in frame.text for frame in self._frames())

    def _login_form(self) -> bool:
        return bool(self.driver.find_elements(By.CSS_SELECTOR, '[data-testid="password"]'))

    def _frames(self) -> list[WebElement]:
        return self.driver.find_elements(By.CSS_SELECTOR, _FRAME)

    def _by_test_id(self, test_id: str) -> WebElement:
        return self.driver.find_element(By.CSS_SELECTOR, f'[data-testid="{test_id}"]')


def one_line(cypher: str) -> str:
    """A query file's Cypher as one line to run in the Browser: comment lines and the final ``;`` left out."""
    lines = (line.strip() for line in cypher.splitlines() if not line.lstrip().startswith("//"))
    return " ".join(line for line in lines if line).rstrip(";").rstrip()


def parsed_style_marker(sheet: str) -> str:
    """A line by which the Browser's answer to ``:style`` shows that it parsed the whole sheet: the
    caption of the sheet's last relationship block, as the Browser writes it back (double quotes)."""
    blocks = re.findall(r"^relationship\.(\w+) \{[^}]*?\bcaption: '([^']*)'", sheet, re.MULTILINE)
    if not blocks:
        raise BrowserError("the style sheet has no relationship block with a caption")
    return f'caption: "{blocks[-1][1]}"'


def _compact(text: str) -> str:
    """``text`` without any whitespace: the editor wraps and indents lines its own way."""
    return "".join(text.split())


def _same_layout(a: DrawnGraph, b: DrawnGraph) -> bool:
    if len(a.nodes) != len(b.nodes):
        return False
    return all(abs(m.x - n.x) < 0.5 and abs(m.y - n.y) < 0.5 for m, n in zip(a.nodes, b.nodes, strict=True))
