"""docker-compose.yml is valid YAML with the keys README promises (no Docker here to run it)."""

import re
from pathlib import Path

import yaml

COMPOSE = Path(__file__).resolve().parent.parent / "docker-compose.yml"


def _neo4j():
    doc = yaml.safe_load(COMPOSE.read_text())
    assert set(doc) <= {"name", "services", "volumes", "networks"}, set(doc)
    return doc, doc["services"]["neo4j"]


def test_image_is_a_pinned_neo4j_5_26_community():
    _, neo4j = _neo4j()
    assert re.fullmatch(r"neo4j:5\.26\.\d+-community", neo4j["image"]), neo4j["image"]


def test_auth_comes_from_the_environment_with_a_local_default():
    _, neo4j = _neo4j()
    auth = neo4j["environment"]["NEO4J_AUTH"]
    match = re.fullmatch(r"\$\{NEO4J_AUTH:-neo4j/(.+)\}", auth)
    assert match, auth
    assert len(match.group(1)) >= 8  # Neo4j 5 refuses shorter passwords


def test_apoc_and_gds_plugins_are_requested_as_a_json_list():
    import json

    _, neo4j = _neo4j()
    assert json.loads(neo4j["environment"]["NEO4J_PLUGINS"]) == ["apoc", "graph-data-science"]
    unrestricted = neo4j["environment"]["NEO4J_dbms_security_procedures_unrestricted"]
    assert set(unrestricted.split(",")) == {"apoc.*", "gds.*"}


def test_ports_are_bound_to_localhost_only():
    _, neo4j = _neo4j()
    assert sorted(neo4j["ports"]) == ["127.0.0.1:7474:7474", "127.0.0.1:7687:7687"]


def test_data_lives_in_named_volumes():
    doc, neo4j = _neo4j()
    mounts = dict(v.split(":", 1) for v in neo4j["volumes"])
    assert mounts["neo4j-data"] == "/data"
    assert set(mounts) <= set(doc["volumes"])  # every volume used is declared (named, not a path)


def test_healthcheck_is_complete():
    _, neo4j = _neo4j()
    check = neo4j["healthcheck"]
    assert check["test"][0] in ("CMD", "CMD-SHELL") and len(check["test"]) > 1
    for key in ("interval", "timeout", "retries", "start_period"):
        assert key in check
    for key in ("interval", "timeout", "start_period"):
        assert re.fullmatch(r"\d+(ms|s|m)", check[key]), check[key]


def test_environment_values_are_strings():
    _, neo4j = _neo4j()
    # Compose rejects non-string environment values in the mapping form (e.g. bare numbers).
    assert all(isinstance(v, str) for v in neo4j["environment"].values())
