"""The built wheel works on its own: installed into a fresh virtualenv, run from elsewhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

import gespreks_tui

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]


def _run(args: list, cwd: Path, env: dict | None = None, timeout: int = 120):
    done = subprocess.run([str(a) for a in args], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=timeout)
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done


def _venv_bin(venv: Path, name: str) -> Path:
    return venv / ("Scripts" if os.name == "nt" else "bin") / name


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    outdir = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", outdir],
         cwd=ROOT)
    wheels = list(outdir.glob("gespreks_tui-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtualenv with only the wheel installed; dependencies come from .venv."""
    venv = tmp_path_factory.mktemp("fresh") / "venv"
    _run([sys.executable, "-m", "venv", venv], cwd=venv.parent)
    python = _venv_bin(venv, "python")
    _run([python, "-m", "pip", "install", "--no-deps", "--no-index", "--quiet",
          "--disable-pip-version-check", wheel], cwd=venv.parent)
    site = Path(_run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                     cwd=venv.parent).stdout.strip())
    # A plain path line: the project's site-packages joins sys.path *after* the fresh
    # one, and its own .pth files (the editable install) are not processed.
    (site / "project_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return venv


@pytest.fixture
def outside(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    cwd = tmp_path / "elders"
    cwd.mkdir()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("GESPREKS_") and k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg-data")
    return cwd, env


def test_installed_wheel_runs_from_outside_the_repository(installed: Path, outside, tmp_path):
    cwd, env = outside
    gespreks = _venv_bin(installed, "gespreks")
    assert gespreks.exists()

    version = _run([gespreks, "--version"], cwd=cwd, env=env)
    assert gespreks_tui.__version__ in version.stdout

    db = tmp_path / "x.db"
    demo = _run([gespreks, "--db", db, "demo"], cwd=cwd, env=env)
    assert str(db) in demo.stdout
    listed = _run([gespreks, "--db", db, "--lang", "en", "list"], cwd=cwd, env=env)
    assert "  progress  " in listed.stdout  # the catalogue came with the wheel (short kind names)
    assert "Joris Bakker" in listed.stdout


def test_installed_package_is_the_wheel_not_the_source_tree(installed: Path, outside):
    cwd, env = outside
    python = _venv_bin(installed, "python")
    done = _run([python, "-c", "import gespreks_tui, gespreks_tui.paths as p; "
                 "print(gespreks_tui.__file__); print(p.styles_dir())"], cwd=cwd, env=env)
    package_file, styles = (Path(line) for line in done.stdout.splitlines())
    venv = installed.resolve()
    assert package_file.resolve().is_relative_to(venv), package_file
    assert not package_file.resolve().is_relative_to(ROOT / "src")
    assert styles.resolve().is_relative_to(venv), styles


def test_wheel_contains_the_styles(wheel: Path, installed: Path, outside):
    tcss = sorted(p.relative_to(ROOT / "styles").as_posix()
                  for p in (ROOT / "styles").rglob("*.tcss"))
    if not tcss:
        pytest.skip("styles/ holds no .tcss file yet, so there is nothing to package")
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [n for n in tcss if f"gespreks_tui/styles/{n}" not in names]
    assert missing == [], f"not in the wheel: {missing}"

    cwd, env = outside
    python = _venv_bin(installed, "python")
    probe = ("import json, gespreks_tui, gespreks_tui.paths as p; d = p.styles_dir(); "
             "print(json.dumps([str(d), gespreks_tui.__file__, "
             "sorted(f.relative_to(d).as_posix() for f in d.rglob('*.tcss'))]))")
    styles, package_file, found = json.loads(_run([python, "-c", probe], cwd=cwd, env=env).stdout)
    assert Path(styles) == Path(package_file).parent / "styles"
    assert found == tcss
