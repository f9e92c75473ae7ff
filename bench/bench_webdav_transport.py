"""The WebDAV drop box alone (issue 14; push and pull come later, bench_netsync.py):
bundles put, listed and fetched through wsgidav on 127.0.0.1. Not a test: prints figures.

    PYTHONPATH=$PWD python bench/bench_webdav_transport.py [--bundles 200] [--size 20000]

Figures: seconds to put N bundles (each through a temporary name, then MOVE), HTTP
requests per bundle put; seconds to list the folder and fetch them all; whether putting
them all again is refused (False for each: the same names, left alone).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from fieldkit.sync.dropbox.webdav import WebDavTransport
from tests.helpers.webdav_servers import running_wsgidav


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bundles", type=int, default=200)
    parser.add_argument("--size", type=int, default=20_000)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "root").mkdir()
        source = work / "bundle.fkb"
        source.write_bytes(os.urandom(options.size))
        with running_wsgidav(work / "root", users={"lan": "pw"}) as url:
            with WebDavTransport(url, user="lan", password="pw") as drop_box:
                measure(drop_box, source=source, bundles=options.bundles, work=work)


def measure(drop_box: WebDavTransport, *, source: Path, bundles: int, work: Path) -> None:
    requests = 0
    send = drop_box._send

    def counted(*args):  # type: ignore[no-untyped-def]
        nonlocal requests
        requests += 1
        return send(*args)

    drop_box._send = counted  # type: ignore[method-assign]
    names = [f"3f2a9c/bundles/{number:05d}.fkb" for number in range(bundles)]
    start = time.perf_counter()
    for name in names:
        drop_box.put(source, name)
    put_seconds, put_requests = time.perf_counter() - start, requests
    start = time.perf_counter()
    for entry in drop_box.files("3f2a9c/bundles"):
        drop_box.fetch(f"3f2a9c/bundles/{entry.name}", work / "fetched.fkb", limit=10 * source.stat().st_size)
    fetch_seconds = time.perf_counter() - start
    refused = not any(drop_box.put(source, name) for name in names)
    print(f"put {bundles} bundles of {source.stat().st_size} bytes: {put_seconds:.2f} s, "
          f"{put_requests / bundles:.2f} requests a bundle; list + fetch all: {fetch_seconds:.2f} s; "
          f"putting them again refused: {refused}")


if __name__ == "__main__":
    main()
