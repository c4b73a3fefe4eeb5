"""docker-compose.yml for users with Docker: its structure, since no engine runs here."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]


def _compose() -> dict[str, Any]:
    data = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_services_and_neo4j_image() -> None:
    services = _compose()["services"]
    default = {name for name, service in services.items() if "profiles" not in service}
    assert default == {"neo4j", "notebooks", "scheduler"}
    assert set(services) - default == {"spark-master", "spark-worker", "spark-extract"}  # profile spark
    neo4j = services["neo4j"]
    assert neo4j["image"].startswith("neo4j:5.26")
    assert {"127.0.0.1:7474:7474", "127.0.0.1:7687:7687"} <= set(neo4j["ports"])
    assert neo4j["environment"]["NEO4J_PLUGINS"] == '["apoc"]'
    assert "neo4j_data:/data" in neo4j["volumes"]
    assert "neo4j_data" in _compose()["volumes"]


def test_healthcheck_and_dependencies() -> None:
    services = _compose()["services"]
    check = services["neo4j"]["healthcheck"]
    assert "7474" in " ".join(check["test"]) and check["retries"] >= 3
    for name in ("notebooks", "scheduler"):
        assert services[name]["depends_on"] == {"neo4j": {"condition": "service_healthy"}}
        assert services[name]["environment"]["NEO4J_URI"] == "bolt://neo4j:7687"
    scheduler = services["scheduler"]
    assert scheduler["command"][:5] == ["geokg", "schedule", "run", "--sources", "/app/examples/sources.toml"]
    assert scheduler["command"][5:7] == ["--store", "neo4j"]
    assert "scheduler_state:/state" in scheduler["volumes"] and "scheduler_state" in _compose()["volumes"]
    mounted = scheduler["volumes"][0].split(":")[0]
    assert (ROOT / mounted).is_file()  # the sources file the service reads is in the repository


def test_notebooks_service_loads_the_examples_into_neo4j_then_serves_jupyterlab() -> None:
    """What `make notebooks` does, with Neo4j: the examples ingested (ledger on a volume), then
    JupyterLab on the notebooks, from the same pinned packages."""
    services = _compose()["services"]
    notebooks = services["notebooks"]
    shell, flag, script = notebooks["command"]
    assert (shell, flag) == ("sh", "-c")
    ingest, _, serve = script.partition(" && ")
    assert ingest.split() == ["geokg", "ingest", "examples/articles", "--store", "neo4j",
                              "--ledger", "/state/ledger.sqlite"]
    assert (ROOT / "examples" / "articles").is_dir()
    assert serve.split()[:3] == ["exec", "jupyter", "lab"]
    assert {"--ip=0.0.0.0", "--port=8888", "--no-browser", "--ServerApp.root_dir=/app/notebooks"} <= set(serve.split())
    assert notebooks["ports"] == ["127.0.0.1:8888:8888"]  # published on the host's loopback only
    assert "notebooks_state:/state" in notebooks["volumes"] and "notebooks_state" in _compose()["volumes"]
    assert notebooks["environment"]["GEOKG_DB"].startswith("/state/")
    assert services["neo4j"]["environment"]["NEO4J_client_allow__telemetry"] == "false"
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert "-r requirements.txt -r requirements-notebooks.txt" in dockerfile  # the pins of `make notebooks`
    assert "jupyterlab" not in dockerfile  # no version of its own


def test_credentials_come_from_the_environment_never_from_the_file() -> None:
    text = (ROOT / "docker-compose.yml").read_text(encoding="utf-8")
    services = _compose()["services"]
    assert services["neo4j"]["environment"]["NEO4J_AUTH"] == (
        "${NEO4J_USER:-neo4j}/${NEO4J_PASSWORD:?set NEO4J_PASSWORD in .env}"
    )
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    assert "NEO4J_PASSWORD=" in example and "NEO4J_URI=" in example
    assert ".env" in (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert "password" not in text.lower().replace("neo4j_password", "")


def test_the_spark_profile_runs_geokg_spark_extract_on_a_standalone_cluster() -> None:
    """`docker compose --profile spark up spark-extract`: master, worker and driver from one image
    built FROM the official Apache Spark image, with geokg and the model in the workers' Python."""
    compose = _compose()
    services = compose["services"]
    spark = {name: services[name] for name in ("spark-master", "spark-worker", "spark-extract")}
    for service in spark.values():
        assert service["profiles"] == ["spark"]
        assert service["build"] == {"context": ".", "dockerfile": "Dockerfile.spark"}
    master = spark["spark-master"]["command"]
    assert master[:2] == ["/opt/spark/bin/spark-class", "org.apache.spark.deploy.master.Master"]
    assert "7077" in master and spark["spark-master"]["ports"] == ["127.0.0.1:8080:8080"]
    worker = spark["spark-worker"]
    assert worker["command"][1:] == ["org.apache.spark.deploy.worker.Worker", "spark://spark-master:7077"]
    extract = spark["spark-extract"]["command"]
    assert extract[:4] == ["geokg", "spark", "extract", "examples/articles"]
    assert extract[extract.index("--master") + 1] == "spark://spark-master:7077"
    out = extract[extract.index("--out") + 1]
    # executors and the driver see the dataset at the same path: one shared volume
    assert out.startswith("/data/") and "spark_data" in compose["volumes"]
    assert "spark_data:/data" in worker["volumes"] and "spark_data:/data" in spark["spark-extract"]["volumes"]
    assert spark["spark-extract"]["depends_on"] == ["spark-worker"] and worker["depends_on"] == ["spark-master"]
    dockerfile = (ROOT / "Dockerfile.spark").read_text(encoding="utf-8")
    base = re.search(r"^ARG SPARK_IMAGE=apache/spark:(\S+)$", dockerfile, re.MULTILINE)
    assert base is not None and "FROM ${SPARK_IMAGE}" in dockerfile
    pinned = re.search(r"^pyspark==(\S+)$", (ROOT / "requirements.txt").read_text(encoding="utf-8"), re.MULTILINE)
    assert pinned is not None and base.group(1).startswith(pinned.group(1) + "-")  # one Spark version
    assert "-r requirements.txt" in dockerfile  # geokg's pins, with the spaCy model, in the workers' Python
    assert "PYSPARK_PYTHON=/opt/geokg/bin/python" in dockerfile
