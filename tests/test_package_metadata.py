"""What the package says about itself: its licence (shipped), changelog, classifiers."""

from __future__ import annotations

import re
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from email.parser import HeaderParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel and an sdist, built offline from this checkout (no isolated build env)."""
    outdir = tmp_path_factory.mktemp("dist")
    done = subprocess.run([sys.executable, "-m", "build", "--wheel", "--sdist",
                           "--no-isolation", "--outdir", str(outdir)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return outdir


def test_the_licence_is_mit_for_the_contributors():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License")
    assert re.search(r"Copyright \(c\) \d{4} gespreks-tui contributors", text)
    assert PYPROJECT["project"]["license"] == "MIT"
    assert PYPROJECT["project"]["license-files"] == ["LICENSE"]


@pytest.mark.slow
def test_the_wheel_carries_the_licence_and_says_so(dist: Path):
    (wheel,) = dist.glob("gespreks_tui-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        licence = [n for n in names if n.endswith(".dist-info/licenses/LICENSE")]
        assert len(licence) == 1, names
        assert archive.read(licence[0]) == (ROOT / "LICENSE").read_bytes()
        metadata_name = next(n for n in names if n.endswith(".dist-info/METADATA"))
        metadata = HeaderParser().parsestr(archive.read(metadata_name).decode("utf-8"))
    assert metadata["License-Expression"] == "MIT"
    assert metadata.get_all("License-File") == ["LICENSE"]
    classifiers = metadata.get_all("Classifier")
    assert "Programming Language :: Python :: 3.11" in classifiers
    assert "Operating System :: Microsoft :: Windows" in classifiers


@pytest.mark.slow
def test_the_sdist_carries_licence_and_changelog(dist: Path):
    (sdist,) = dist.glob("gespreks_tui-*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {"LICENSE", "CHANGELOG.md", "README.md", "pyproject.toml"} <= names


def test_classifiers_match_the_python_versions_allowed():
    project = PYPROJECT["project"]
    lowest = re.fullmatch(r">=3\.(\d+)", project["requires-python"])
    assert lowest
    versions = sorted(int(c.rsplit(".", 1)[1]) for c in project["classifiers"]
                      if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c))
    assert versions[0] == int(lowest.group(1))
    assert versions == list(range(versions[0], versions[0] + len(versions)))
    # PEP 639: with a licence expression, no licence classifier
    assert not [c for c in project["classifiers"] if c.startswith("License ::")]


def test_the_changelog_keeps_a_changelog():
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert text.startswith("# Changelog")
    assert "keepachangelog.com" in text
    headings = re.findall(r"^## \[([^\]]+)\]", text, flags=re.MULTILINE)
    assert headings[0] == "Unreleased"
    version = re.search(r'__version__ = "([^"]+)"',
                        (ROOT / "src/gespreks_tui/__init__.py").read_text()).group(1)
    assert version in headings
    sections = set(re.findall(r"^### (\w+)", text, flags=re.MULTILINE))
    assert sections <= {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}
