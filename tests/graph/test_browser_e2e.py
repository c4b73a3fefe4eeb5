"""Neo4j Browser as analysts use it, in headless Chromium (Debian's chromium and chromedriver):
log in to the Browser that the local server serves, set the query's parameter (``:param``),
apply the style sheet (``:style`` + paste), run a query of the library, and check that its graph
is drawn in the sheet's colours and captions. The screenshot is kept in test-artifacts/.

The Browser is driven by tools/neo4j_browser.py (shared with tools/browser_screenshot.py): each
step waits on its own frame's result (the parameter listed by ``:params``, the query's graph),
so a busy machine makes the test slower, not flaky.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from graph.queries import load_library
from tools.neo4j_browser import BrowserError, Neo4jBrowser, chromium_available, headless_chromium, one_line

if TYPE_CHECKING:
    from neo4j import Driver

    from tests.graph.neo4j_fixtures import Neo4jTestServer

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
STYLE = ROOT / "graph" / "style" / "geokg.grass"

pytestmark = pytest.mark.skipif(not chromium_available(),
                                reason="needs Debian's chromium and chromium-driver (.ci/run installs them)")


@pytest.fixture
def browser(tmp_path: Path, neo4j_server: Neo4jTestServer) -> Iterator[Neo4jBrowser]:
    with headless_chromium(tmp_path / "chromium") as driver:
        try:
            yield Neo4jBrowser(driver, neo4j_server.http_uri)
        finally:  # the whole page as the test left it, to see what a failure looked like
            ARTIFACTS.mkdir(exist_ok=True)
            driver.save_screenshot(str(ARTIFACTS / "neo4j-browser-page.png"))


def test_a_library_query_renders_its_graph_in_neo4j_browser(
    neo4j_server: Neo4jTestServer, small_graph_neo4j: Driver, browser: Neo4jBrowser
) -> None:
    browser.connect(neo4j_server.user, neo4j_server.password,
                    bolt_address=f"127.0.0.1:{neo4j_server.settings.bolt_port}")
    assert not browser.usage_banner()  # the server runs with client.allow_telemetry=false
    query = one_line(load_library()["sanctions-network"].cypher)

    # before its parameter is set, the query fails, and the failure is reported, not waited out
    with pytest.raises(BrowserError, match=r"ParameterMissing.*min_events"):
        browser.draw(query, {"Russia"})

    # what the query's header tells an analyst to do: set the parameter, then paste and run the query
    browser.set_parameter("min_events", 1)
    browser.apply_style(STYLE.read_text(encoding="utf-8"))
    frame, graph = browser.draw(query, {"European Union", "Russia"})
    ARTIFACTS.mkdir(exist_ok=True)
    screenshot = ARTIFACTS / "neo4j-browser-sanctions-network.png"
    frame.screenshot(str(screenshot))
    assert screenshot.stat().st_size > 10_000

    # drawn in the style sheet's colours and captions, not the Browser's defaults
    assert graph.captions() == {"European Union", "Russia"}
    colours = _colours()
    assert colours[("node", "Country")] in graph.node("Russia").fills
    assert colours[("node", "Organization")] in graph.node("European Union").fills
    assert [arrow.caption for arrow in graph.relationships] == ["SANCTIONED (2)"]
    assert colours[("relationship", "SANCTIONED")] in graph.relationships[0].fills


def _colours() -> dict[tuple[str, str], str]:
    """The colour of every block of the style sheet, by (node|relationship, label or type)."""
    block = re.compile(r"^(node|relationship)\.(\w+) \{[^}]*?\bcolor: (#[0-9A-F]{6});", re.MULTILINE)
    blocks = block.findall(STYLE.read_text(encoding="utf-8"))
    return {(kind, name): colour for kind, name, colour in blocks}
