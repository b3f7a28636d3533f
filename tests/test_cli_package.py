"""The command line as a package: its public names and entry points stay where they were."""

from __future__ import annotations

import importlib
import tomllib
from pathlib import Path

import laeringsnettverk.cli
from laeringsnettverk.cli import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, build_parser, main

ROOT = Path(__file__).resolve().parent.parent


def test_the_public_names_are_where_they_were() -> None:
    assert laeringsnettverk.cli.__all__ == [
        "EXIT_BAD_INPUT",
        "EXIT_FINDINGS",
        "EXIT_OK",
        "build_parser",
        "main",
    ]
    assert (EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT) == (0, 1, 2)
    assert build_parser().prog == "laeringsnettverk"


def test_the_console_script_is_main() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    target = project["project"]["scripts"]["laeringsnettverk"]
    module, _, name = target.partition(":")
    assert getattr(importlib.import_module(module), name) is main


def test_importing_the_packages_main_module_runs_nothing() -> None:
    module = importlib.import_module("laeringsnettverk.cli.__main__")
    assert module.main is main
