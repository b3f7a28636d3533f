"""The top level: the everyday names, written once, lazy; the old names warn with their new home."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import inspect
import pkgutil
import re
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest

import laeringsnettverk as ln
from laeringsnettverk.kinds import KINDS

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "laeringsnettverk"
EVERYDAY: dict[str, str] = ln._EVERYDAY
MOVED: dict[str, str] = ln._MOVED


def _stub_tool() -> Any:
    spec = importlib.util.spec_from_file_location(
        "make_init_stub", ROOT / "tools" / "make_init_stub.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _home(module: str) -> Any:
    return importlib.import_module(f"laeringsnettverk.{module}")


# -- the table is the only list --------------------------------------------------------------


def test_all_is_the_version_and_the_table_in_order() -> None:
    assert ln.__all__ == ["__version__", *EVERYDAY]
    assert len(ln.__all__) == len(set(ln.__all__))
    assert 25 <= len(ln.__all__) <= 35  # a newcomer's API, not the whole library


def test_each_name_is_written_once_in_the_top_level() -> None:
    tree = ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8"))
    # no second list: no TYPE_CHECKING imports, no import of a capability's names
    imports = [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert {n.module for n in imports} == {"__future__", "laeringsnettverk._version"}
    # every name of the tables is one string in the source: a name added twice fails here
    # (a dict literal would silently keep the last of two equal keys)
    strings = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]
    written = [s for s in strings if s in EVERYDAY or s in MOVED]
    assert sorted(written) == sorted({*EVERYDAY, *MOVED})
    assert not set(EVERYDAY) & set(MOVED)
    assert not {*EVERYDAY, *MOVED} & set(ln._CAPABILITIES)


def _stub() -> tuple[dict[str, str], list[str], dict[str, str]]:
    """The stub's names before ``__all__`` (with their module), ``__all__``, and after it."""
    tree = ast.parse((PACKAGE / "__init__.pyi").read_text(encoding="utf-8"))
    before: dict[str, str] = {}
    after: dict[str, str] = {}
    listed: list[str] = []
    target = before
    for node in tree.body:
        if isinstance(node, ast.ImportFrom):
            for alias in node.names:
                assert alias.asname == alias.name, alias.name  # an explicit re-export
                assert alias.name not in before and alias.name not in after, alias.name
                target[alias.name] = str(node.module)
        elif isinstance(node, ast.Assign):
            assert [t.id for t in node.targets if isinstance(t, ast.Name)] == ["__all__"]
            listed = ast.literal_eval(node.value)
            target = after
    return before, listed, after


def test_the_typing_stub_says_what_the_table_says() -> None:
    before, listed, after = _stub()
    capabilities = {name for name, module in before.items() if module == "laeringsnettverk"}
    assert capabilities == set(ln._CAPABILITIES)
    everyday = {name: m for name, m in before.items() if name not in capabilities}
    assert everyday == {
        "__version__": "laeringsnettverk._version",
        **{name: f"laeringsnettverk.{m}" for name, m in EVERYDAY.items()},
    }
    assert listed == ln.__all__
    assert after == {name: f"laeringsnettverk.{m}" for name, m in MOVED.items()}


def test_the_typing_stub_is_the_one_the_tool_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tool = _stub_tool()
    assert tool.render() == (PACKAGE / "__init__.pyi").read_text(encoding="utf-8"), (
        "stale: run tools/make_init_stub.py"
    )
    assert tool.main(["--check"]) == 0
    monkeypatch.setattr(tool, "STUB", tmp_path / "__init__.pyi")
    assert tool.main(["--check"]) == 1
    assert tool.main([]) == 0
    assert tool.main(["--check"]) == 0


# -- the everyday names ----------------------------------------------------------------------


@pytest.mark.parametrize("name", list(EVERYDAY))
def test_an_everyday_name_is_its_capabilitys_object_with_a_docstring(name: str) -> None:
    obj = getattr(ln, name)
    home = _home(EVERYDAY[name])
    assert obj is getattr(home, name)
    assert name in home.__all__
    assert inspect.isclass(obj) or inspect.isfunction(obj)
    assert obj.__doc__, f"{name} has no docstring"


def test_the_version_is_the_packages() -> None:
    from laeringsnettverk._version import __version__

    assert ln.__version__ == __version__


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.code)
def test_every_document_kinds_model_is_an_everyday_name(kind: Any) -> None:
    assert f"laeringsnettverk.{EVERYDAY[kind.name]}" == kind.module
    assert getattr(ln, kind.name) is kind.model


def test_star_import_gives_the_everyday_names_without_a_warning() -> None:
    namespace: dict[str, Any] = {}
    exec("from laeringsnettverk import *", namespace)  # no DeprecationWarning (errors here)
    assert set(namespace) - {"__builtins__"} == set(ln.__all__)


def test_dir_shows_the_everyday_names_and_capabilities_and_not_the_old_names() -> None:
    listed = set(dir(ln))
    assert set(ln.__all__) <= listed
    assert set(ln._CAPABILITIES) <= listed
    assert not listed & set(MOVED)
    assert "__doc__" in listed
    assert "importlib" not in listed


def test_an_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        ln.nope  # noqa: B018


# -- the capabilities ------------------------------------------------------------------------


def test_every_public_module_of_the_package_is_a_capability() -> None:
    public = {
        info.name for info in pkgutil.iter_modules([str(PACKAGE)]) if not info.name.startswith("_")
    }
    # the command line is run (`laeringsnettverk ...`, `python -m laeringsnettverk`), not used
    assert public - {"cli"} == set(ln._CAPABILITIES)


@pytest.mark.parametrize("name", ln._CAPABILITIES)
def test_a_capability_is_an_attribute(name: str) -> None:
    assert getattr(ln, name) is importlib.import_module(f"laeringsnettverk.{name}")


def test_import_adds_no_capability_and_an_attribute_imports_one() -> None:
    code = (
        "import sys, laeringsnettverk as ln\n"
        "print(sorted(m for m in sys.modules if m.startswith('laeringsnettverk')))\n"
        "print(ln.network.__name__, 'laeringsnettverk.stakeholders' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines() == [
        "['laeringsnettverk', 'laeringsnettverk._version']",
        "laeringsnettverk.network False",
    ]


# -- the old names ---------------------------------------------------------------------------


def _message(name: str) -> str:
    return (
        f"laeringsnettverk.{name} is deprecated; use laeringsnettverk.{MOVED[name]}.{name} "
        "(the top-level name is removed in the next minor release)"
    )


@pytest.mark.parametrize("name", sorted(MOVED))
def test_an_old_name_warns_with_its_new_home_and_is_the_same_object(name: str) -> None:
    home = _home(MOVED[name])
    assert name in home.__all__  # the new home is real and public
    assert name not in ln.__all__
    for _ in range(2):  # every access warns, once
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            obj = getattr(ln, name)
        assert [str(w.message) for w in caught] == [_message(name)]
        assert caught[0].category is DeprecationWarning
        assert caught[0].filename == __file__  # points at the caller
        assert obj is getattr(home, name)


def test_importing_an_old_name_warns_once_at_the_import() -> None:
    code = compile(
        "from laeringsnettverk import ImprovementTeam, WhatMattersForm", "caller.py", "exec"
    )
    namespace: dict[str, Any] = {}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        exec(code, namespace)
    assert [(str(w.message), w.filename, w.lineno) for w in caught] == [
        (_message("ImprovementTeam"), "caller.py", 1)
    ]
    assert namespace["ImprovementTeam"] is ln.network.ImprovementTeam
    assert namespace["WhatMattersForm"] is ln.WhatMattersForm


def test_an_old_name_is_an_error_under_filterwarnings_error() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(DeprecationWarning, match=r"use laeringsnettverk\.toolkit\.Benefit"):
            exec("from laeringsnettverk import Benefit", {})


def test_the_reference_page_lists_the_everyday_names_in_order() -> None:
    page = (ROOT / "docs" / "reference" / "index.md").read_text(encoding="utf-8")
    table = page.split("<!-- everyday-names:start -->")[1].split("<!-- everyday-names:end -->")[0]
    listed = re.findall(r"^\| `ln\.(\w+)` \|", table, re.M)
    assert listed == [*EVERYDAY, "__version__"]
    for name, module in EVERYDAY.items():  # the page linked is the capability's
        row = next(line for line in table.splitlines() if line.startswith(f"| `ln.{name}` |"))
        assert f"({module}.md)" in row, name
