"""The dependency floors in pyproject.toml are the versions `make test-min` tests.

``constraints/minimum.txt`` pins each direct dependency at its floor; `make
test-min` installs exactly those and runs part of the suite against them. These
tests keep the two lists in step, and, inside that run (which sets
``GESPREKS_MINIMUM_VERSIONS``), check that the floors are what is installed.
"""

from __future__ import annotations

import os
import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONSTRAINTS = ROOT / "constraints" / "minimum.txt"


def _release(version: str) -> tuple[int, ...]:
    """``3.0`` and ``3.0.0`` are the same release."""
    parts = [int(p) for p in version.split(".")]
    while parts and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def _name(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared_floors() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    floors = {}
    for requirement in project["dependencies"]:
        found = re.fullmatch(r"([A-Za-z0-9_.\-]+)\s*(?:\[[^\]]*\])?\s*(.*)", requirement)
        assert found, requirement
        name, specifiers = found.groups()
        floor = re.search(r">=\s*([0-9][0-9.]*)", specifiers)
        assert floor, f"{requirement}: every dependency needs a floor (>=)"
        floors[_name(name)] = floor.group(1)
    return floors


def pinned() -> dict[str, str]:
    pins = {}
    for line in CONSTRAINTS.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"{line}: pin with =="
            pins[_name(name.strip())] = version.strip()
    return pins


def test_every_floor_is_pinned_in_the_minimum_constraints():
    floors, pins = declared_floors(), pinned()
    assert sorted(pins) == sorted(floors)
    assert {n: _release(v) for n, v in pins.items()} == \
        {n: _release(v) for n, v in floors.items()}


@pytest.mark.skipif(not os.environ.get("GESPREKS_MINIMUM_VERSIONS"),
                    reason="only in `make test-min`")
def test_the_minimum_run_has_the_floors_installed():
    installed = {name: metadata.version(name) for name in pinned()}
    assert {n: _release(v) for n, v in installed.items()} == \
        {n: _release(v) for n, v in pinned().items()}
