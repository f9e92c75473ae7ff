"""A coordinator's `fieldkit serve` found with zeroconf: announced and browsed on the
loopback interface only (multicast on 127.0.0.1 works in the test sandbox)."""

from fieldkit.sync.dropbox.discovery import Announcement, browse

SITE = "0123456789abcdef0123456789abcdef"


def test_an_announced_coordinator_is_found_with_its_site_and_address():
    with Announcement(site_id=SITE, device="Điều phối viên — Đoàn 5", port=8470, addresses=["127.0.0.1"],
                      interfaces=["127.0.0.1"]):
        found = browse(seconds=1.5, interfaces=["127.0.0.1"])
    assert [(entry.site_id, entry.device, entry.port) for entry in found] == [(SITE, "Điều phối viên — Đoàn 5", 8470)]
    assert found[0].urls == ["http://127.0.0.1:8470/"]


def test_nothing_announced_finds_nothing():
    assert browse(seconds=0.5, interfaces=["127.0.0.1"]) == []
