"""packaging/build.py's own parts, without a build: the archive to hand out keeps the
executable's mode and the libraries' links, and a machine lacking a build tool is told
which, and how to get it."""

import importlib.util
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

BUILD_SCRIPT = Path(__file__).resolve().parents[2] / "packaging" / "build.py"


@pytest.fixture
def build():
    spec = importlib.util.spec_from_file_location("fieldkit_build", BUILD_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(os.name == "nt", reason="symbolic links and modes of a Unix build")
@pytest.mark.skipif(shutil.which("unzip") is None, reason="checked with unzip, as IT staff unpack it")
def test_the_zip_keeps_the_executable_runnable_and_the_links_as_links(build, tmp_path):
    folder = tmp_path / "dist" / "fieldkit"
    (folder / "_internal" / "lib").mkdir(parents=True)
    (folder / "fieldkit").write_text("#!/bin/sh\necho chạy được\n", encoding="utf-8")
    (folder / "fieldkit").chmod(0o755)
    (folder / "_internal" / "lib" / "libQt6Core.so.6").write_bytes(os.urandom(4096))
    (folder / "_internal" / "libQt6Core.so.6").symlink_to("lib/libQt6Core.so.6")

    archive = build.zip_folder(folder, tmp_path / "fieldkit.zip")
    with zipfile.ZipFile(archive) as zipped:
        sizes = {entry.filename: entry.file_size for entry in zipped.infolist()}
    assert sizes["fieldkit/_internal/libQt6Core.so.6"] == len("lib/libQt6Core.so.6")  # the link, not a copy
    unpacked = tmp_path / "unpacked"
    subprocess.run(["unzip", "-q", str(archive), "-d", str(unpacked)], check=True, timeout=60)
    assert subprocess.run([unpacked / "fieldkit" / "fieldkit"], capture_output=True, text=True).stdout == "chạy được\n"
    link = unpacked / "fieldkit" / "_internal" / "libQt6Core.so.6"
    assert link.is_symlink() and link.read_bytes() == (folder / "_internal" / "lib" / "libQt6Core.so.6").read_bytes()


def test_a_missing_build_tool_is_named_with_how_to_get_it(build, monkeypatch, capsys):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(build.shutil, "which", lambda tool: None if tool == "objdump" else f"/usr/bin/{tool}")
    monkeypatch.setattr(build, "run_pyinstaller", lambda: pytest.fail("it built without objdump"))
    assert build.main([]) == 2
    assert "objdump: sudo apt-get install binutils" in capsys.readouterr().err
