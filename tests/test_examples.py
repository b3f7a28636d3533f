"""The shipped examples: loaded by `laeringsnettverk.examples`, written by tools/make_examples.py."""

from __future__ import annotations

import importlib.util
import sys
from importlib import resources
from pathlib import Path
from types import ModuleType

import pytest

from laeringsnettverk import examples
from laeringsnettverk.goals import MunicipalGoal
from laeringsnettverk.goals import municipal_goals as goals_municipal_goals
from laeringsnettverk.network import ExampleNetwork
from laeringsnettverk.network import load_example_network as network_load_example_network
from laeringsnettverk.stakeholders import EXAMPLE_STAKEHOLDER_MAP, StakeholderMap
from laeringsnettverk.stakeholders import example_stakeholder_map as stakeholders_example_map

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_examples", ROOT / "tools" / "make_examples.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_examples"] = module
    spec.loader.exec_module(module)
    return module


def test_shipped_files_are_what_the_tool_writes(tool: ModuleType) -> None:
    # regenerate with: python tools/make_examples.py
    folder = resources.files("laeringsnettverk").joinpath("data")
    built = tool.files()
    assert set(built) == {*tool.NETWORK_FILES, EXAMPLE_STAKEHOLDER_MAP}
    for name, text in built.items():
        assert folder.joinpath(name).read_text(encoding="utf-8") == text, name


def test_the_tool_writes_into_a_folder(tool: ModuleType, tmp_path: Path) -> None:
    paths = tool.main(tmp_path)
    assert sorted(p.name for p in paths) == sorted(tool.files())
    assert all(p.read_text(encoding="utf-8") == tool.files()[p.name] for p in paths)


def test_loaded_examples_equal_the_built_ones(tool: ModuleType) -> None:
    assert examples.load_example_network() == tool.build_example()
    assert examples.example_stakeholder_map() == tool.build_example_stakeholder_map()


def test_the_network_example_is_the_network_document(tool: ModuleType) -> None:
    example = examples.load_example_network()
    assert isinstance(example, ExampleNetwork)
    assert example.network == examples.load_example("network")
    assert tool.network_files(example) == tool.network_files()


def test_the_stakeholder_map_is_the_stakeholder_map_document(tool: ModuleType) -> None:
    m = examples.example_stakeholder_map()
    assert isinstance(m, StakeholderMap)
    assert m == examples.load_example("stakeholder_map")
    assert tool.stakeholder_map_text(m) == tool.stakeholder_map_text()


def test_municipal_goals_are_the_report_table() -> None:
    goals = examples.municipal_goals()
    assert all(isinstance(g, MunicipalGoal) for g in goals)
    assert (len(goals), sum(g.municipalities for g in goals)) == (28, 91)


def test_the_capabilities_names_load_the_same_examples() -> None:
    # The names kept in the capability packages load through laeringsnettverk.examples.
    assert network_load_example_network() == examples.load_example_network()
    assert stakeholders_example_map() == examples.example_stakeholder_map()
    assert goals_municipal_goals() == examples.municipal_goals()
