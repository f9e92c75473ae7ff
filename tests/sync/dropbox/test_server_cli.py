"""`fieldkit serve` as a coordinator runs it: a real process that prints the addresses to
give the laptops and stops cleanly on Ctrl+C, and the import that follows each burst of
uploads (with a stand-in pass until the real sync pass lands, and end to end)."""

import os
import signal
import subprocess
import sys
import threading

import pytest

from fieldkit.cli.serve import ImportOnArrival, import_arrivals
from fieldkit.sync import bundle as bundles
from fieldkit.sync.dropbox.lan_auth import lan_signer
from fieldkit.sync.dropbox.lan_gate import store_gate
from fieldkit.sync.dropbox.server import LanDropBox
from fieldkit.sync.dropbox.webdav import WebDavTransport
from tests.helpers.children import REPO_ROOT
from tests.helpers.sync_devices import Device


def start_serve(data_dir, *options):
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "FIELDKIT_LANG": "en"}
    return subprocess.Popen([sys.executable, "-m", "fieldkit.cli", "--data-dir", str(data_dir), "serve", *options],
                            cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def lines_until(process, ending):
    seen = []
    while not seen or ending not in seen[-1]:
        line = process.stdout.readline()
        assert line, f"serve ended early: {seen} {process.stderr.read()}"
        seen.append(line.strip())
    return seen


def test_serve_prints_where_to_connect_and_stops_cleanly_on_ctrl_c(tmp_path):
    process = start_serve(tmp_path / "coordinator", "--port", "0", "--bind", "127.0.0.1", "--no-announce")
    try:
        printed = lines_until(process, "Ctrl+C")
        urls = [line for line in printed if line.startswith("http://127.0.0.1:")]
        assert len(urls) == 1 and not urls[0].endswith(":0/")
        assert any("key fingerprint" in line for line in printed)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=20)
    finally:
        process.kill()
    assert process.returncode == 0, err
    assert "Stopped sharing the drop box." in out
    assert "Traceback" not in err


def test_a_port_already_taken_is_said_plainly(tmp_path):
    with LanDropBox(tmp_path / "other", gate=None, host="127.0.0.1", port=0) as taken:
        result = subprocess.run([sys.executable, "-m", "fieldkit.cli", "--data-dir", str(tmp_path / "d"), "serve",
                                 "--port", str(taken.port), "--bind", "127.0.0.1", "--no-announce"],
                                cwd=REPO_ROOT, capture_output=True, text=True, timeout=60,
                                env={**os.environ, "PYTHONPATH": str(REPO_ROOT), "FIELDKIT_LANG": "en"})
    assert result.returncode == 2
    assert "Cannot listen on 127.0.0.1 port" in result.stderr and "Traceback" not in result.stderr


@pytest.fixture
def team(tmp_path):
    devices = {name: Device(tmp_path, name) for name in ("coordinator", "laptop")}
    devices["coordinator"].trusts(devices["laptop"])
    key_file = tmp_path / "coordinator.pub"  # by key file: the laptop reads its receipts before any bundle
    devices["coordinator"].service.export_public_key(key_file)
    devices["laptop"].service.trust(str(key_file))
    yield devices
    for device in devices.values():
        device.close()


def serving_with_imports(team, tmp_path, import_pass):
    arrivals = ImportOnArrival(import_pass, settle=0.2)
    server = LanDropBox(tmp_path / "lan-dropbox", gate=store_gate(team["coordinator"].store), host="127.0.0.1",
                        port=0, on_arrival=arrivals.arrived)
    threads = [threading.Thread(target=server.serve_forever, daemon=True), threading.Thread(target=arrivals.run)]
    for thread in threads:
        thread.start()

    def stop():
        arrivals.stop()
        server.shutdown()
        server.server_close()
        for thread in threads:
            thread.join(timeout=20)
    return server, stop


def test_the_coordinator_imports_once_after_a_burst_of_uploads(team, tmp_path):
    passes = []
    second_pass = threading.Event()

    def import_pass():
        passes.append(sorted(path.name for path in (tmp_path / "lan-dropbox").rglob("*.fkb")))
        if len(passes) == 2:
            second_pass.set()

    server, stop = serving_with_imports(team, tmp_path, import_pass)
    try:
        laptop = team["laptop"]
        sent = []
        with WebDavTransport(f"http://127.0.0.1:{server.port}/", signer=lan_signer(laptop.store.identity)) as box:
            for number in range(3):
                laptop.save({"/data/ten": f"Trạm {number}"})
                path = laptop.export(tmp_path / f"b{number}.fkb")
                with bundles.open_bundle(path) as opened:
                    sent.append(f"{opened.bundle_id}.fkb")
                box.put(path, f"{laptop.site_id}/bundles/{sent[-1]}")
        assert second_pass.wait(timeout=20)
    finally:
        stop()
    assert passes[0] == []  # the pass at start, before anything arrived
    assert passes[1] == sorted(sent)  # one pass for the three uploads
    assert len(passes) == 2


def test_a_laptops_work_reaches_the_coordinator_and_its_receipt_comes_back(team, tmp_path):
    from fieldkit.services.network_sync import sync_once

    coordinator, laptop = team["coordinator"], team["laptop"]
    imported = threading.Event()

    def import_pass():
        import_arrivals(coordinator.service, tmp_path / "lan-dropbox")
        if coordinator.service.status()["revisions"] > 0:
            imported.set()

    record = laptop.save({"/data/ten": "Trạm y tế xã"})
    server, stop = serving_with_imports(team, tmp_path, import_pass)
    try:
        with WebDavTransport(f"http://127.0.0.1:{server.port}/", signer=lan_signer(laptop.store.identity)) as box:
            assert sync_once(laptop.service, box, remote="lan").complete
            assert imported.wait(timeout=30)
            assert record.rev_id in coordinator.rev_ids()
            report = sync_once(laptop.service, box, remote="lan")
        assert [seen.site_id for seen in report.receipts] == [coordinator.site_id]
    finally:
        stop()


def fieldkit_cli(data_dir, *arguments):
    return subprocess.run([sys.executable, "-m", "fieldkit.cli", "--data-dir", str(data_dir), *arguments],
                          cwd=REPO_ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(REPO_ROOT), "FIELDKIT_LANG": "en"})


def test_a_laptop_adds_the_printed_address_and_syncs_with_the_commands_alone(tmp_path):
    """Trust by the fingerprints read aloud, both ways; the laptop's remote is the address
    `fieldkit serve` printed; `fieldkit sync` signs its requests by itself."""
    coordinator, laptop = Device(tmp_path, "coordinator"), Device(tmp_path, "laptop")
    coordinator.trusts(laptop)
    laptop.trusts(coordinator)
    laptop.save({"/data/ten": "Trạm y tế xã"})
    coordinator.close()
    laptop.close()
    process = start_serve(tmp_path / "coordinator", "--port", "0", "--bind", "127.0.0.1", "--no-announce")
    try:
        url = next(line for line in lines_until(process, "Ctrl+C") if line.startswith("http://127.0.0.1:"))
        lines_until(process, "Imported 0 bundles")  # the pass at start
        assert fieldkit_cli(tmp_path / "laptop", "remote", "add", "coordinator", url).returncode == 0
        sent = fieldkit_cli(tmp_path / "laptop", "sync")
        assert sent.returncode == 0 and "sent 1 bundles (1 revisions)" in sent.stdout, sent.stdout + sent.stderr
        lines_until(process, "Imported 1 bundles")
        back = fieldkit_cli(tmp_path / "laptop", "sync")
        assert back.returncode == 0 and "receipts read: 1" in back.stdout and "received by coordinator" in back.stdout
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=20)
    finally:
        process.kill()
    assert process.returncode == 0
