"""Neo4j Browser as analysts use it, in headless Chromium (Debian's chromium and chromedriver):
log in to the Browser that the local server serves, apply the style sheet (``:style`` + paste),
run a query of the library, and check that its graph is drawn in the sheet's colours and
captions. The screenshot is kept in test-artifacts/."""

from __future__ import annotations

import re
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from graph.queries import load_library

if TYPE_CHECKING:
    from neo4j import Driver
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.remote.webelement import WebElement

    from tests.graph.neo4j_fixtures import Neo4jTestServer

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
STYLE = ROOT / "graph" / "style" / "geokg.grass"

pytestmark = pytest.mark.skipif(not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
                                reason="needs Debian's chromium and chromium-driver (.ci/run installs them)")


@pytest.fixture
def chromium(tmp_path: Path) -> Iterator[WebDriver]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    # without the background-networking flags Chromium keeps calling hosts this closed network refuses
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                 "--no-first-run", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", f"--user-data-dir={tmp_path / 'chromium'}", "--window-size=1600,1000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.implicitly_wait(2)
    try:
        yield driver
    finally:
        driver.quit()


def wait_for(predicate: object, timeout: float = 45.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return True
        time.sleep(0.5)
    return False


def test_a_library_query_renders_its_graph_in_neo4j_browser(
    neo4j_server: Neo4jTestServer, small_graph_neo4j: Driver, chromium: WebDriver
) -> None:
    from selenium.webdriver.common.by import By

    query = load_library()["sanctions-network"]
    # what the query's header tells an analyst to do: set the parameter, then paste and run the query
    chromium.get(f"{neo4j_server.http_uri}/browser/?"
                 + urllib.parse.urlencode({"cmd": "edit", "arg": ":param min_events => 1"}))

    def field(test_id: str) -> object:
        return chromium.find_element(By.CSS_SELECTOR, f'[data-testid="{test_id}"]')

    assert wait_for(lambda: chromium.find_elements(By.CSS_SELECTOR, '[data-testid="password"]'))
    assert f"127.0.0.1:{neo4j_server.settings.bolt_port}" in field("boltaddress").get_attribute("value")  # type: ignore[attr-defined]
    field("username").send_keys(neo4j_server.user)  # type: ignore[attr-defined]
    field("password").send_keys(neo4j_server.password)  # type: ignore[attr-defined]
    field("connect").click()  # type: ignore[attr-defined]
    assert wait_for(lambda: not chromium.find_elements(By.CSS_SELECTOR, '[data-testid="disconnectedBanner"]')), \
        "the Browser did not connect"
    field("editor-Run").click()  # type: ignore[attr-defined]
    assert wait_for(lambda: "min_events" in chromium.page_source and not _editor_text(chromium))
    _paste_style(chromium, neo4j_server.http_uri)
    one_line = " ".join(line.strip() for line in query.cypher.splitlines() if not line.lstrip().startswith("//"))
    _editor(chromium).send_keys(one_line.rstrip(";"))
    assert wait_for(lambda: "SANCTIONED" in _editor_text(chromium), timeout=10)
    field("editor-Run").click()  # type: ignore[attr-defined]

    def captions() -> set[str]:  # a long caption is drawn as one text element per line
        nodes = chromium.find_elements(By.CSS_SELECTOR, "svg g.node")
        return {" ".join(t.text for t in node.find_elements(By.CSS_SELECTOR, "text") if t.text) for node in nodes}

    drawn = wait_for(lambda: {"European Union", "Russia"} <= captions())
    ARTIFACTS.mkdir(exist_ok=True)
    screenshot = ARTIFACTS / "neo4j-browser-sanctions-network.png"
    chromium.save_screenshot(str(screenshot))
    assert drawn, f"the graph was not drawn (captions seen: {sorted(captions())}); see {screenshot}"
    assert screenshot.stat().st_size > 10_000
    # drawn in the style sheet's colours and captions, not the Browser's defaults
    fills = {}
    for node in chromium.find_elements(By.CSS_SELECTOR, "svg g.node"):
        caption = " ".join(t.text for t in node.find_elements(By.CSS_SELECTOR, "text") if t.text)
        fills[caption] = {c.get_attribute("fill") for c in node.find_elements(By.CSS_SELECTOR, "circle")}
    colours = _colours()
    assert colours[("node", "Country")] in fills["Russia"]
    assert colours[("node", "Organization")] in fills["European Union"]
    arrows = chromium.find_elements(By.CSS_SELECTOR, "svg g.relationship")
    assert [[t.text for t in arrow.find_elements(By.CSS_SELECTOR, "text")] for arrow in arrows] == [["SANCTIONED (2)"]]
    assert colours[("relationship", "SANCTIONED")] in {
        path.get_attribute("fill") for path in arrows[0].find_elements(By.CSS_SELECTOR, "path")}


def _paste_style(chromium: WebDriver, origin: str) -> None:
    """Type ``:style``, paste the style sheet from the clipboard, run it; fail on the Browser's parse error."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    permissions = ["clipboardReadWrite", "clipboardSanitizedWrite"]
    chromium.execute_cdp_cmd(  # type: ignore[attr-defined]
        "Browser.grantPermissions", {"origin": origin, "permissions": permissions})
    sheet = STYLE.read_text(encoding="utf-8")
    last = re.findall(r"^relationship\.(\w+)", sheet, re.MULTILINE)[-1]  # the end of the sheet
    copied = chromium.execute_async_script(
        "const done = arguments[1];"
        "navigator.clipboard.writeText(arguments[0]).then(() => done('copied'), e => done(String(e)));", sheet)
    assert copied == "copied"
    editor = _editor(chromium)
    editor.send_keys(":style ")
    editor.send_keys(Keys.CONTROL, "v")
    assert wait_for(lambda: last in _editor_text(chromium), timeout=10), "the style sheet was not pasted"
    chromium.find_element(By.CSS_SELECTOR, '[data-testid="editor-Run"]').click()
    # the Browser answers with the sheet as it parsed it (double-quoted captions), or with an error
    parsed = f'caption: "{last} ({{count}})"'
    assert wait_for(lambda: parsed in chromium.page_source or "InvalidGrassError" in chromium.page_source, timeout=10)
    assert "InvalidGrassError" not in chromium.page_source, "Neo4j Browser could not parse graph/style/geokg.grass"


def _colours() -> dict[tuple[str, str], str]:
    """The colour of every block of the style sheet, by (node|relationship, label or type)."""
    block = re.compile(r"^(node|relationship)\.(\w+) \{[^}]*?\bcolor: (#[0-9A-F]{6});", re.MULTILINE)
    blocks = block.findall(STYLE.read_text(encoding="utf-8"))
    return {(kind, name): colour for kind, name, colour in blocks}


def _editor(chromium: WebDriver) -> WebElement:
    from selenium.webdriver.common.by import By

    return chromium.find_element(By.CSS_SELECTOR, '[data-testid="activeEditor"] textarea')


def _editor_text(chromium: WebDriver) -> str:
    """The visible text of the editor, read in one step (the editor redraws its lines as it goes)."""
    text = chromium.execute_script(
        "return Array.from(document.querySelectorAll('[data-testid=\"activeEditor\"] .view-line'))"
        ".map(line => line.textContent).join(' ');")
    return str(text).replace("\u00a0", " ").strip()
