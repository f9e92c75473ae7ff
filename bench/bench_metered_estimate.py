"""What the window reads before each automatic pass on a metered connection
(network_sync.unsent_attachment_bytes): its time over many submissions with photos.

Run: PYTHONPATH=$PWD python bench/bench_metered_estimate.py [--submissions 1000]
(figures go into BENCHMARKS.md, section "Metered connections")

A fresh data folder; every third submission has a 200 kB photo of its own; nothing was
ever sent, so every revision is read (the worst case). Best and median of five reads.
"""

from __future__ import annotations

import argparse
import tempfile
import time
import uuid
from pathlib import Path

from fieldkit.services.network_sync import unsent_attachment_bytes
from tests.helpers.sync_devices import FORM, Device


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--submissions", type=int, default=1000)
    count = parser.parse_args().submissions
    with tempfile.TemporaryDirectory() as root:
        lan = Device(Path(root), "lan")
        for number in range(count):
            photo = {"photo.jpg": lan.store.put_blob(uuid.uuid4().bytes * 12_500).result()} if number % 3 == 0 else {}
            lan.store.commit_revision(record_id=str(uuid.uuid4()), parents=[], form_id=FORM, form_version="1",
                                      data={"status": "finalized", "answers": {"/data/staff": str(number)},
                                            "commune": "00070", "province": "01", "attachments": photo},
                                      author="lan", action="save").result()
        runs = []
        for _ in range(5):
            start = time.perf_counter()
            size = unsent_attachment_bytes(lan.service, remote="hop")
            runs.append(time.perf_counter() - start)
        lan.close()
    print(f"{count} submissions, {size:,} bytes of photos unsent: best {min(runs) * 1000:.1f} ms, "
          f"median {sorted(runs)[2] * 1000:.1f} ms")


if __name__ == "__main__":
    main()
